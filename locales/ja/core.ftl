# Core messages: API errors and notices. Japanese is canonical; every id here must exist in
# every locale (checked by the test suite). Ids: error-<code> for the closed set of error codes.

## Notices
notice-pre_registration_accepted = 入力されたメールアドレスあてに、申請フォームへのリンクをお送りしました。メールが届かない場合は、アドレスに誤りがないかご確認のうえ、もう一度お試しください。
notice-draft_saved = 下書きを保存しました。
notice-submitted = 申請を送信しました。確認のメールをお送りしました。
notice-password_set = パスワードを設定しました。ログインしてください。
notice-password_changed = パスワードを変更しました。
notice-password_reset_accepted = 入力された内容が登録情報と一致した場合、パスワード再設定用のリンクをメールでお送りしました。
notice-logged_out = ログアウトしました。

## Errors: request fields
error-email_required = メールアドレスを入力してください。
error-email_too_long = メールアドレスは{ $max }文字以内で入力してください。
error-email_invalid = メールアドレスの形式が正しくありません。半角英数字で「name@example.jp」のように入力してください。
error-email_mismatch = 確認用のメールアドレスが一致しません。同じアドレスを2回入力してください。
error-phone_required = 申請書に登録した電話番号を入力してください。
error-login_id_required = ログインID（申請時のメールアドレス）を入力してください。
error-password_required = パスワードを入力してください。
error-password_too_short = パスワードは{ $min }文字以上にしてください。
error-password_too_long = パスワードは{ $max }文字以内にしてください。
error-password_common = このパスワードはよく使われており、推測されやすいため使えません。別のパスワードにしてください。
error-password_context = このサービスや制度の名前をもとにしたパスワードは推測されやすいため使えません。別のパスワードにしてください。
error-body_invalid_json = リクエストの本文がJSONとして読み取れません。
error-body_not_object = リクエストの本文はJSONオブジェクトにしてください。
error-submit_body_unknown_field = 送信のリクエストに指定できる項目は revision だけです。
error-revision_invalid = revision には整数を指定してください。
error-document_not_object = 申請書のデータはJSONオブジェクトにしてください。
error-postal_code_unknown = この郵便番号は見つかりません。番号を確かめるか、都道府県と市区町村を一覧から選んでください。
error-postal_code_invalid = 郵便番号は7桁の数字で入力してください。

## Errors: links, state and sessions
error-link_invalid = このリンクは無効です。メールに記載されたリンクをそのままお使いいただくか、「初めての方へ」からもう一度手続きしてください。
error-link_expired = このリンクの有効期限が切れています。「初めての方へ」からもう一度手続きすると、新しいリンクをお送りします。入力済みの内容は保存されています。
error-application_already_submitted = この申請はすでに送信されています。申請内容の確認はログインして行ってください。
error-revision_mismatch = 確認画面を表示した後に申請内容が変更されています（現在の版：{ $current }）。内容をもう一度確認してから送信してください。
error-findings_block_submission = 申請内容に誤りがあるため送信できません。各項目のメッセージを確認して修正してください。
error-idempotency_key_missing = Idempotency-Key ヘッダーを指定してください。
error-idempotency_key_invalid = Idempotency-Key ヘッダーは255文字以内の半角英数記号にしてください。
error-idempotency_key_reused = この Idempotency-Key は別の内容のリクエストですでに使われています。新しいキーを使ってください。
error-password_link_invalid = このパスワード設定用リンクは無効か、使用済みか、有効期限が切れています。ログイン画面の「パスワードを忘れた方」から再発行してください。
error-invalid_credentials = ログインIDまたはパスワードが正しくありません。
error-too_many_attempts = 試行回数が多すぎます。{ $seconds }秒後にもう一度お試しください。
error-unauthenticated = ログインしてください。
error-current_password_wrong = 現在のパスワードが正しくありません。

## Errors: protocol
error-invalid_request = 入力内容に誤りがあります。
error-not_found = お探しのページまたはデータは見つかりません。
error-method_not_allowed = この操作はこのアドレスでは使えません。
error-payload_too_large = 送信されたデータが大きすぎます（上限{ $max }バイト）。
error-unsupported_media_type = Content-Type: application/json で送信してください。
error-too_many_requests = この接続からの要求が多すぎます。{ $seconds }秒後にもう一度お試しください。
error-service_busy = アクセスが集中しています。しばらくしてからもう一度お試しください。
error-cross_origin_request = 別のサイトから送られた要求は受け付けられません。このサイトのページから操作してください。
error-internal = システムで問題が発生しました。時間をおいてもう一度お試しください。入力内容は失われていません。

## Errors: FTE calculator
error-fte_input_invalid = 常勤換算の入力は、所定勤務時間（standard_weekly_hours）、常勤者数（full_time）、勤務パターン（patterns：人数 people と週あたり時間 hours_per_week）を数値で指定してください。
error-fte_standard_hours_out_of_range = 1週間の所定勤務時間は0より大きく{ $max }時間以下で入力してください。
error-fte_pattern_hours_out_of_range = 週あたりの勤務時間は0以上、所定勤務時間以下で入力してください（所定勤務時間どおり働く人は常勤者として数えます）。
error-fte_too_many_decimals = 時間は小数点以下2桁までで入力してください。
error-fte_too_large = 人数が大きすぎて計算できません。

## Errors: staff, review and registration
error-field_required = この項目を入力してください。
error-field_too_long = { $max }文字以内で入力してください。
error-tenant_id_invalid = テナントIDは、半角の英小文字・数字・ハイフン（-）を使い、2文字以上32文字以内で指定してください。
error-business_type_unknown = この事業の種類は、導入されているどのプラグインにも定義されていません。事業の種類のコードを確認してください。
error-staff_role_invalid = この役割は指定できません。中央の管理テナントでは central_admin を、府省庁では ministry_admin または reviewer を指定してください。
error-totp_code_required = 認証アプリに表示される6桁のコードを入力してください。
error-limit_out_of_range = limit には1以上{ $max }以下の整数を指定してください。
error-queue_status_invalid = status には open、inquiry、decided のいずれかを指定してください。
error-cursor_invalid = cursor が正しくありません。前のページの next_cursor をそのまま指定してください。
error-reason_required = 却下（reject）する場合は、理由を入力してください。
error-decision_invalid = decision には accept または reject を指定してください。
error-inquiry_paths_count = 照会の対象とする項目は、1件以上{ $max }件以内で指定してください。
error-inquiry_path_invalid = この項目は存在しないか、あなたの府省庁が確認できる項目ではありません。照会の対象とする項目を選び直してください。
error-inquiry_change_not_flagged = この項目は照会の対象になっていないため、現在は変更できません。照会の対象となっている項目だけを修正してください。
error-change_empty = 登録内容から変更された項目がありません。変更する内容を入力してから届け出てください。
error-forbidden = この操作を行う権限がありません。
error-staff_unauthenticated = 職員としてログインしてください（メールアドレス、パスワード、認証アプリのコードが必要です）。
error-tenant_exists = このIDのテナントはすでに存在します。別のIDを指定してください。
error-tenant_not_ministry = 事業の種類を割り当てられるのは、府省庁のテナントだけです。
error-business_type_owned = 指定した事業の種類のうち、すでに他の府省庁が担当しているものがあります。割り当てを確認してください。
error-staff_email_taken = このメールアドレスの職員はすでに登録されています。
error-staff_cannot_disable_self = 自分のアカウントは無効にできません。ほかの管理者に依頼してください。
error-line_not_in_review = この事業所・事業の種類は、現在審査中ではありません。画面を更新して状態を確認してください。
error-inquiry_not_possible = 照会は、申請が審査中の間だけ行えます。
error-review_not_complete = 登録するには、すべての事業所・事業の種類について審査結果を決め、すべての照会への回答を受けている必要があります。
error-inquiry_not_open = この照会にはすでに回答されています。
error-application_changed = 操作中に申請内容が変更されました。画面を更新して、もう一度お試しください。
error-change_already_pending = 審査中の変更の届出があります。その結果が出てから、改めて届け出てください。
error-application_not_registered = 変更の届出は、登録済みの申請についてだけ行えます。
error-enrolment_link_invalid = この登録用リンクは無効か、使用済みか、有効期限が切れています。管理者に新しいリンクの発行を依頼してください。

## Pages
page-apply-title = 特定接種 登録申請
page-apply-not_yet = このリンクは有効です。入力内容は保存されています。画面から入力できる申請フォームは準備中です。それまでは API（GET/PUT /api/v1/drafts/…）で入力できます。
page-password-title = パスワードの設定
page-password-label = 新しいパスワード
page-password-hint = 8文字以上128文字以内。記号や数字を混ぜる必要はありません。長い文（パスフレーズ）がおすすめです。よく使われるパスワードは使えません。
page-password-submit = 設定する

## Excel template (core/workbook)
workbook-column-establishment_name = 事業所名
workbook-column-postal_code = 郵便番号（7桁）
workbook-column-prefecture = 都道府県
workbook-column-city = 市区町村
workbook-column-street = 町名以下（建物名まで）
workbook-column-phone = 電話番号（市外局番から）
workbook-column-fax = FAX番号（任意）
workbook-column-email = メールアドレス（任意）
workbook-column-total_staff = 全従業者数
workbook-column-business_type = 事業の種類
workbook-column-sub_type_1 = 事業の種類の細目①
workbook-column-sub_type_2 = 事業の種類の細目②（該当する場合）
workbook-column-registered_staff_own = 登録対象業務の従業者数（自社・常勤換算）
workbook-column-registered_staff_external = 登録対象業務の従業者数（外部事業者・常勤換算）
workbook-column-note = 備考（対象業務ごとの内訳）
workbook-column-vaccination_site_status = 接種実施医療機関の確保
workbook-column-vaccination_site_name = 接種実施医療機関名
workbook-column-vaccination_site_name_kana = 接種実施医療機関名（ふりがな）
workbook-column-vaccination_site_postal_code = 接種実施医療機関の郵便番号
workbook-column-vaccination_site_prefecture = 接種実施医療機関の都道府県
workbook-column-vaccination_site_city = 接種実施医療機関の市区町村
workbook-column-vaccination_site_street = 接種実施医療機関の町名以下
workbook-column-vaccination_site_phone = 接種実施医療機関の電話番号
workbook-column-vaccination_site_plan_note = 未確保の場合の予定（例：〇〇病院で実施を検討）
workbook-site-secured = 確保済み
workbook-site-not_yet_secured = 未確保
workbook-error-count = 0以上の整数を入力してください。
workbook-error-prefecture = 一覧から都道府県を選んでください。
workbook-error-business-type = 一覧の業種コードではありません。一覧から選ぶか、正しいコードを入力してください。
workbook-error-site-status = 一覧から選んでください。
workbook-guide-title = 特定接種 登録申請：事業所一括登録用ひな形
workbook-guide-rows = 「establishments」シートに、事業所と事業の種類の組み合わせごとに1行ずつ入力してください。1つの事業所で複数の事業の種類がある場合は、事業所の情報を同じ内容で複数行に入力します。
workbook-guide-keys = 2行目の英字の列名は取り込みに使います。変更・削除しないでください。入力は3行目からです。
workbook-guide-counts = 登録対象業務の従業者数は常勤換算し、事業所・事業の種類ごとに小数点以下を切り上げた整数で入力してください。
workbook-guide-types = 業種・業種区分は一覧から選べます。「名称 [コード]」のうち [ ] 内のコードが取り込まれます。コードを直接入力しても構いません。
workbook-guide-site = 接種実施医療機関が未確保の場合は「未確保」を選び、予定を入力してください（ダミーの値は入力しないでください）。
workbook-guide-upload = 記入したファイルは申請フォームから取り込めます（取り込み画面は準備中です）。

## Plugins
notice-plugin_unavailable = { $ministry }の自動チェックを実行できませんでした。担当府省庁が内容を確認します（申請者の誤りではありません）。
error-plugin_refused = このプラグインは導入できません。理由は detail を確認してください（何も変更していません）。
error-plugin_version_not_found = その府省庁のプラグインに、このバージョンは保存されていません。
error-admin_disabled = 管理用APIは無効です（TOROKU_ADMIN_TOKEN が設定されていません）。
error-admin_unauthorized = 管理用APIの認証に失敗しました。
