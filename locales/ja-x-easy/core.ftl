# Core messages: API errors and notices (やさしい日本語). Japanese (locales/ja) is canonical.
# 書き方：文を短くします。1つの文に1つのことを書きます。尊敬語・謙譲語は使いません。
# むずかしい言葉は やさしい言葉にします。制度の名前（特定接種など）は そのまま使い、読み方を（ ）に書きます。

## Notices
notice-pre_registration_accepted = メールを送りました。メールに、申請（しんせい）の フォームの リンクが あります。メールが 来ないときは、メールアドレスが 正しいか 見てください。そして、もう一度 やってください。
notice-draft_saved = 下書きを 保存しました。
notice-submitted = 申請（しんせい）を 送りました。確認の メールも 送りました。
notice-password_set = パスワードを 決めました。ログインしてください。
notice-password_changed = パスワードを 変えました。
notice-password_reset_accepted = 書いた 内容が 登録（とうろく）の 内容と 同じときは、メールを 送りました。メールの リンクから 新しい パスワードを 決めてください。
notice-logged_out = ログアウトしました。

## Errors: request fields
error-email_required = メールアドレスを 書いてください。
error-email_too_long = メールアドレスは { $max }文字までです。
error-email_invalid = メールアドレスの 書き方が 違います。半角（はんかく）の 英語と 数字で 書いてください。例：name@example.jp
error-email_mismatch = 2つの メールアドレスが 違います。同じ メールアドレスを 2回 書いてください。
error-phone_required = 電話番号を 書いてください。申請書（しんせいしょ）に 書いた 番号です。
error-login_id_required = ログインIDを 書いてください。ログインIDは、申請（しんせい）の ときの メールアドレスです。
error-password_required = パスワードを 書いてください。
error-password_too_short = パスワードは { $min }文字 以上に してください。
error-password_too_long = パスワードは { $max }文字までです。
error-password_common = この パスワードは 使えません。たくさんの 人が 使っていて、ほかの 人に わかりやすいからです。別の パスワードに してください。
error-password_context = この サービスの 名前を 使った パスワードは、ほかの 人に わかりやすいので 使えません。別の パスワードに してください。
error-body_invalid_json = リクエストの 中身が JSON では ありません。
error-body_not_object = リクエストの 中身は JSON の オブジェクトに してください。
error-submit_body_unknown_field = 送る リクエストに 書けるのは revision だけです。
error-revision_invalid = revision は 整数（せいすう）に してください。
error-document_not_object = 申請書（しんせいしょ）の データは JSON の オブジェクトに してください。
error-postal_code_unknown = この 郵便番号（ゆうびんばんごう）は ありません。番号を もう一度 見てください。または、都道府県と 市区町村を リストから 選んでください。
error-postal_code_invalid = 郵便番号（ゆうびんばんごう）は 数字 7つで 書いてください。

## Errors: links, state and sessions
error-link_invalid = この リンクは 使えません。メールの リンクを そのまま 使ってください。または、「はじめての 人」から もう一度 やってください。
error-link_expired = この リンクは 期限（きげん）が 終わりました。「はじめての 人」から もう一度 やってください。新しい リンクを 送ります。書いた 内容は 保存して あります。
error-application_already_submitted = この 申請（しんせい）は もう 送って あります。内容を 見るときは、ログインしてください。
error-revision_mismatch = 確認の 画面を 出した あとで、申請（しんせい）の 内容が 変わりました（今の バージョン：{ $current }）。もう一度 内容を 見てから 送ってください。
error-findings_block_submission = 申請（しんせい）の 内容に 間違いが あります。だから、送ることが できません。それぞれの 項目の メッセージを 見て、直してください。
error-idempotency_key_missing = Idempotency-Key ヘッダーを 付けてください。
error-idempotency_key_invalid = Idempotency-Key ヘッダーは、半角（はんかく）の 英語・数字・記号で 255文字までです。
error-idempotency_key_reused = この Idempotency-Key は、別の 内容の リクエストで もう 使いました。新しい キーを 使ってください。
error-password_link_invalid = この パスワードの リンクは 使えません。もう 使ったか、期限（きげん）が 終わったか、正しくない リンクです。ログインの 画面の 「パスワードを わすれた 人」から、新しい リンクを もらってください。
error-invalid_credentials = ログインIDか パスワードが 違います。
error-too_many_attempts = 何回も 失敗しました。{ $seconds }秒 待ってから、もう一度 やってください。
error-unauthenticated = ログインしてください。
error-current_password_wrong = 今の パスワードが 違います。

## Errors: protocol
error-invalid_request = 書いた 内容に 間違いが あります。
error-not_found = ページや データが 見つかりません。
error-method_not_allowed = この アドレスでは、この 操作は できません。
error-payload_too_large = 送った データが 大きすぎます。{ $max }バイトまでです。
error-unsupported_media_type = Content-Type: application/json で 送ってください。
error-too_many_requests = 何回も 続けて 送りました。{ $seconds }秒 待ってから、もう一度 やってください。
error-service_busy = 今、使う 人が とても 多いです。少し 待ってから、もう一度 やってください。
error-cross_origin_request = ほかの ウェブサイトから 送られた ものは 受け付けません。この ウェブサイトの ページから やってください。
error-internal = システムで 問題が 起きました。時間を おいて、もう一度 やってください。書いた 内容は なくなって いません。

## Errors: FTE calculator
error-fte_input_invalid = 常勤換算（じょうきんかんさん）の 計算には、数字で 次の 3つを 書いてください。決まった 1週間の 働く 時間（standard_weekly_hours）。いつも 働く 人の 数（full_time）。働き方（patterns：人の 数 people と 1週間の 時間 hours_per_week）。
error-fte_standard_hours_out_of_range = 決まった 1週間の 働く 時間は、0より 多く、{ $max }時間までに してください。
error-fte_pattern_hours_out_of_range = 1週間の 働く 時間は、0から、決まった 時間までに してください。決まった 時間 全部 働く 人は、常勤（じょうきん）の 人として 数えます。
error-fte_too_many_decimals = 時間は 小数点（しょうすうてん）の 後ろ 2けたまで 書いてください。
error-fte_too_large = 人の 数が 大きすぎて、計算が できません。

## Errors: staff, review and registration
error-field_required = ここを 書いてください。
error-field_too_long = { $max }文字までに してください。
error-tenant_id_invalid = テナントIDには、半角（はんかく）の 小さい 英語・数字・ハイフン（-）を 使います。2文字から 32文字までです。
error-business_type_unknown = この 事業の種類（じぎょうの しゅるい）は、どの プラグインにも ありません。事業の種類の コードを 確かめてください。
error-staff_role_invalid = この 役割は 使えません。中央の 管理テナントでは central_admin を 使います。府省庁（ふしょうちょう）では ministry_admin か reviewer を 使います。
error-totp_code_required = 認証（にんしょう）アプリに 出る 6けたの コードを 書いてください。
error-limit_out_of_range = limit は 1から { $max }までの 整数（せいすう）に してください。
error-queue_status_invalid = status は open、inquiry、decided の どれかに してください。
error-cursor_invalid = cursor が 正しく ありません。前の ページの next_cursor を そのまま 使ってください。
error-reason_required = 却下（きゃっか、reject）するときは、理由を 書いてください。
error-decision_invalid = decision は accept か reject に してください。
error-inquiry_paths_count = 照会（しょうかい）で 聞く 項目は、1つから { $max }つまで 選んでください。
error-inquiry_path_invalid = この 項目は ありません。または、あなたの 府省庁（ふしょうちょう）が 見る 項目では ありません。照会（しょうかい）で 聞く 項目を もう一度 選んでください。
error-inquiry_change_not_flagged = この 項目は 照会（しょうかい）で 聞かれて いません。だから、今は 変えることが できません。照会で 聞かれた 項目だけ 直してください。
error-change_empty = 登録（とうろく）の 内容から 変わった ところが ありません。変える 内容を 書いてから 届け出（とどけで）を してください。
error-forbidden = あなたは この 操作を することが できません。
error-staff_unauthenticated = 職員（しょくいん）として ログインしてください。メールアドレス、パスワード、認証（にんしょう）アプリの コードが 要ります。
error-tenant_exists = この IDの テナントは もう あります。別の IDに してください。
error-tenant_not_ministry = 事業の種類（じぎょうの しゅるい）を 任せることが できるのは、府省庁（ふしょうちょう）の テナントだけです。
error-business_type_owned = 選んだ 事業の種類（じぎょうの しゅるい）の 中に、もう ほかの 府省庁（ふしょうちょう）が 担当して いるものが あります。割り当てを 確かめてください。
error-staff_email_taken = この メールアドレスの 職員（しょくいん）は もう 登録（とうろく）されて います。
error-staff_cannot_disable_self = 自分の アカウントを 止めることは できません。ほかの 管理者に 頼んでください。
error-line_not_in_review = この 事業所（じぎょうしょ）と 事業の種類は、今 審査（しんさ）して いません。画面を 新しく して、今の 状態を 見てください。
error-inquiry_not_possible = 照会（しょうかい）は、申請（しんせい）を 審査（しんさ）して いる 間だけ できます。
error-review_not_complete = まだ 登録（とうろく）できません。すべての 事業所（じぎょうしょ）と 事業の種類の 審査（しんさ）の 結果を 決めてください。すべての 照会（しょうかい）の 答えも 必要です。
error-inquiry_not_open = この 照会（しょうかい）には もう 答えが あります。
error-application_changed = 操作して いる 間に、申請（しんせい）の 内容が 変わりました。画面を 新しく して、もう一度 やってください。
error-change_already_pending = 今 審査（しんさ）して いる 変更の 届け出（とどけで）が あります。その 結果が 出てから、もう一度 届け出を してください。
error-application_not_registered = 変更の 届け出（とどけで）は、登録（とうろく）が 終わった 申請（しんせい）だけ できます。
error-enrolment_link_invalid = この 登録用の リンクは 使えません。もう 使ったか、期限（きげん）が 終わったか、正しくない リンクです。管理者に 新しい リンクを 頼んでください。

## Pages
page-apply-title = 特定接種（とくていせっしゅ） 登録（とうろく）の 申請（しんせい）
page-apply-not_yet = この リンクは 使えます。書いた 内容は 保存して あります。画面で 書く 申請（しんせい）の フォームは、今 準備して います。それまでは API（GET/PUT /api/v1/drafts/…）で 書いてください。
page-password-title = パスワードを 決める
page-password-label = 新しい パスワード
page-password-hint = 8文字から 128文字までです。記号や 数字を 入れなくても いいです。長い 文が いちばん 安全です。たくさんの 人が 使う パスワードは 使えません。
page-password-submit = 決める

## Excel template (core/workbook)
workbook-column-establishment_name = 事業所（じぎょうしょ）の 名前
workbook-column-postal_code = 郵便番号（ゆうびんばんごう、数字 7つ）
workbook-column-prefecture = 都道府県
workbook-column-city = 市区町村
workbook-column-street = 町の 名前から あと（建物の 名前まで）
workbook-column-phone = 電話番号（市外局番から）
workbook-column-fax = FAX番号（なくても いいです）
workbook-column-email = メールアドレス（なくても いいです）
workbook-column-total_staff = 働く 人 全部の 数
workbook-column-business_type = 事業の種類（じぎょうの しゅるい）
workbook-column-sub_type_1 = 事業の種類の 細目①（さいもく）
workbook-column-sub_type_2 = 事業の種類の 細目②（さいもく、あるときだけ）
workbook-column-registered_staff_own = 登録（とうろく）する 仕事を する 人の 数（自分の 会社、常勤換算）
workbook-column-registered_staff_external = 登録（とうろく）する 仕事を する 人の 数（外部の 会社、常勤換算）
workbook-column-note = 備考（びこう、仕事ごとの 数）
workbook-column-vaccination_site_status = 接種（せっしゅ）を する 病院が 決まって いるか
workbook-column-vaccination_site_name = 接種（せっしゅ）を する 病院の 名前
workbook-column-vaccination_site_name_kana = 接種（せっしゅ）を する 病院の 名前（ひらがな）
workbook-column-vaccination_site_postal_code = 接種（せっしゅ）を する 病院の 郵便番号
workbook-column-vaccination_site_prefecture = 接種（せっしゅ）を する 病院の 都道府県
workbook-column-vaccination_site_city = 接種（せっしゅ）を する 病院の 市区町村
workbook-column-vaccination_site_street = 接種（せっしゅ）を する 病院の 町の 名前から あと
workbook-column-vaccination_site_phone = 接種（せっしゅ）を する 病院の 電話番号
workbook-column-vaccination_site_plan_note = まだ 決まって いないときの 予定（例：〇〇病院で 接種を するか 考えて います）
workbook-site-secured = 決まって いる
workbook-site-not_yet_secured = まだ 決まって いない
workbook-error-count = 0か、0より 大きい 整数（せいすう）を 書いてください。
workbook-error-prefecture = 都道府県を リストから 選んでください。
workbook-error-business-type = リストの コードでは ありません。リストから えらぶか、ただしい コードを いれて ください。
workbook-error-site-status = リストから 選んでください。
workbook-guide-title = 特定接種（とくていせっしゅ） 登録（とうろく）の 申請：事業所（じぎょうしょ）を まとめて 登録する ための 表
workbook-guide-rows = 「establishments」の シートに 書いてください。事業所と 事業の種類の 組み合わせ 1つに、1行を 使います。1つの 事業所に 事業の種類が いくつか あるときは、同じ 事業所の 情報を 何行かに 書きます。
workbook-guide-keys = 2行目の 英語の 列の 名前は、データを 取り込む ときに 使います。変えたり、消したり しないでください。3行目から 書いてください。
workbook-guide-counts = 登録（とうろく）する 仕事を する 人の 数は、常勤換算（じょうきんかんさん）で 数えます。事業所と 事業の種類ごとに、小数点の 後ろを 切り上げて、整数で 書いてください。
workbook-guide-types = ぎょうしゅは リストから えらべます。「なまえ [コード]」の [ ] の なかの コードを よみこみます。コードを じぶんで いれても いいです。
workbook-guide-site = 接種（せっしゅ）を する 病院が まだ 決まって いないときは、「まだ 決まって いない」を 選んでください。そして、予定を 書いてください。うその 値は 書かないでください。
workbook-guide-upload = 書いた ファイルは、申請（しんせい）の フォームから 取り込むことが できます。取り込む 画面は、今 準備して います。

## Plugins
notice-plugin_unavailable = { $ministry }の 自動の チェックが できませんでした。担当の 府省庁（ふしょうちょう）が 内容を 確かめます。あなたの 間違いでは ありません。
error-plugin_refused = この プラグインは 入れることが できません。理由は detail を 見てください。何も 変えて いません。
error-plugin_version_not_found = その しょうちょうの プラグインに、この バージョンは ありません。
error-admin_disabled = 管理用の API は 使えません。TOROKU_ADMIN_TOKEN が 設定されて いません。
error-admin_unauthorized = 管理用の API の 認証（にんしょう）が できませんでした。
