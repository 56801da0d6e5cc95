# 申請書の確認結果（finding）のメッセージ（やさしい日本語）。ID は finding-<code>。
# 変数は各 finding の args。日本語（locales/ja）が正本です。

## 自動修正（お知らせ）

finding-postal_code_normalised = 郵便番号（ゆうびんばんごう）を 「{ $from }」から 「{ $to }」に 直しました。半角（はんかく）の 数字 7つです。
finding-phone_normalised = 番号を 「{ $from }」から 「{ $to }」に 直しました。ハイフンや かっこを 取って、半角（はんかく）の 数字に しました。
finding-email_normalised = メールアドレスの 全角（ぜんかく）の 文字を 半角（はんかく）に 直しました。「{ $to }」に しました。
finding-kana_normalised = ふりがなを 「{ $from }」から 「{ $to }」に 直しました。ひらがなで、スペースは ありません。
finding-name_width_normalised = 半角（はんかく）の カタカナを 全角（ぜんかく）に 直しました。「{ $to }」に しました。
finding-number_normalised = 人の 数 「{ $from }」を 数字の { $to }と 読みました。
finding-corporate_number_normalised = 番号を 「{ $from }」から 「{ $to }」に 直しました。半角（はんかく）の 数字だけに しました。
finding-registered_staff_total_computed = 登録（とうろく）する 仕事を する 人の 数は、自動で 計算します。書いた { $from }を { $to }に 直しました。自分の 会社の 人と 外部の 会社の 人を 足した 数です。
finding-address_filled_from_postal_code = 郵便番号（ゆうびんばんごう） { $postal_code }から 「{ $to }」を 書きました。正しいか 見てください。

## エラー（直す ことが 必要です）

finding-invalid_type = { $expected ->
    [string] 文字で 書いてください。
    [integer] 半角（はんかく）の 数字で、整数（せいすう）を 書いてください。
    [boolean] 「はい」か 「いいえ」を 選んでください。
    [object] 書き方が 違います。この 項目を もう一度 書いてください。
    [array] 書き方が 違います。リストの 形で もう一度 書いてください。
   *[other] 書き方が 違います。
}
finding-required = ここは 必ず 書いてください。
finding-too_long = { $max }文字までに してください。今は { $length }文字です。
finding-number_negative = 0か、0より 大きい 数を 書いてください。書いた 数：{ $value }
finding-number_not_integer = 整数（せいすう）で 書いてください。小数点（しょうすうてん）の 後ろは 切り上げてください。書いた 数：{ $value }
finding-number_too_large = 書いた 数 { $value }は 大きすぎます。{ $max }までの 数を 書いてください。
finding-program_invalid = 申請（しんせい）の 種類 「{ $value }」は 受け付けて いません。特定接種（とくていせっしゅ）の 申請書から もう一度 書いてください。
finding-founder_invalid = 申請する 人の 種類を 選んでください。「民間（みんかん）」か 「国・都道府県・市区町村」です。
finding-public_body_class_invalid = 「国」「都道府県」「市区町村」から 1つ 選んでください。
finding-public_body_class_not_applicable = ここは、国・都道府県・市区町村の ときだけ 書きます。民間（みんかん）の ときは、何も 書かないでください。
finding-declaration_required = 申請書（しんせいしょ）に うそが ないか 確かめてください。そして、チェックを 入れてください。
finding-postal_code_invalid = 郵便番号（ゆうびんばんごう） 「{ $value }」は 正しく ありません。半角（はんかく）の 数字 7つで 書いてください。ハイフンは 使いません。例：1008916
finding-phone_invalid = 番号 「{ $value }」は 正しく ありません。市外局番から、半角（はんかく）の 数字 10か 11で 書いてください。ハイフンと かっこは 使いません。例：0335953426
finding-email_invalid = メールアドレス 「{ $value }」の 書き方が 違います。半角（はんかく）の 英語と 数字で 書いてください。例：soumu@example.jp
finding-kana_not_hiragana = ふりがなに 使えない 文字 「{ $character }」が あります。全角（ぜんかく）の ひらがなで 書いてください。スペースは 入れないでください。
finding-prefecture_unknown = 都道府県 「{ $value }」は 正しく ありません。リストから 選んでください。例：東京都、北海道、大阪府
finding-industrial_physician_required = { $founder ->
    [public] 外部の 会社の 人の 数を 書くときは、産業医（さんぎょうい）を 決めて おく ことが 必要です。社会保険・社会福祉・介護事業は 必要 ありません。
   *[private] 産業医（さんぎょうい）を 決めて いないと、登録（とうろく）の 申請（しんせい）は できません。社会保険・社会福祉・介護事業は 必要 ありません。
}
finding-business_continuity_plan_required = { $founder ->
    [public] 外部の 会社の 人の 数を 書くときは、業務継続計画（ぎょうむけいぞくけいかく、BCP）を 作って おく ことが 必要です。
   *[private] 業務継続計画（ぎょうむけいぞくけいかく、BCP）を 作って いないと、登録（とうろく）の 申請（しんせい）は できません。
}
finding-note1_required = 備考（びこう）1に 許認可番号（きょにんかばんごう）を 書いてください。許認可番号が ない 仕事の ときは、会社法人等番号を 書いてください。
finding-corporate_number_check_digit_invalid = 法人番号（ほうじんばんごう） 「{ $value }」は 正しく ありません。13けたの 番号を 確かめて、もう一度 書いてください。
finding-proxy_prefix_missing = 代理申請（だいりしんせい）の ときは、事業所（じぎょうしょ）の 名前の 始めに、頼んだ 会社の 名前を 書いてください。例：「（〇〇社代理）」。書いた 名前：{ $name }
finding-proxy_franchisee_statement_required = 代理申請（だいりしんせい）の ときは、頼んだ 会社 全部が 産業医（さんぎょうい）を 決めて いる ことが 必要です。業務継続計画（ぎょうむけいぞくけいかく）を 作って いる ことも 必要です。
finding-establishment_required = 事業所（じぎょうしょ）を 1つ 以上 登録（とうろく）してください。
finding-business_line_required = この 事業所（じぎょうしょ）の 事業の種類（じぎょうの しゅるい）を 1つ 以上 登録（とうろく）してください。
finding-business_type_unknown = 事業の種類（じぎょうの しゅるい） 「{ $value }」は 登録（とうろく）できません。リストから 選んでください。
finding-business_line_duplicate = この 事業の種類（{ $business_type }／{ $sub_type_1 }）は、この 事業所の { $duplicate_of }番目と 同じです。1つに まとめてください。
finding-vaccination_site_status_invalid = 接種（せっしゅ）を する 病院に ついて、「決まって いる」か 「まだ 決まって いない」を 選んでください。

## 注意（確かめてください）

finding-legal_form_abbreviated = 会社の 種類を 短く しないで 書いてください。「{ $abbreviation }」では なく、「{ $full }」と 書いてください。
finding-not_full_width = 半角（はんかく）の 文字 「{ $character }」が あります。全角（ぜんかく）の 文字で 書いてください。
finding-postal_code_unknown = 郵便番号（ゆうびんばんごう） { $value }が 見つかりません。番号を 確かめてください。そして、都道府県と 市区町村を リストから 選んでください。
finding-address_postal_code_mismatch = 住所が 郵便番号（ゆうびんばんごう） { $postal_code }と 合いません。郵便番号の 住所は 「{ $candidates }」です。確かめてください。
finding-registered_staff_own_exceeds_total_staff = 自分の 会社の 登録（とうろく）する 仕事を する 人の 数（{ $own }人）が、この 事業所（じぎょうしょ）で 働く 人 全部の 数（{ $total_staff }人）より 多いです。確かめてください。
finding-registered_staff_zero = 登録（とうろく）する 仕事を する 人の 数が 0人です。確かめてください。
finding-power_of_attorney_not_submitted = 代理申請（だいりしんせい）の ときは、委任状（いにんじょう）の コピーを 担当の 府省庁（ふしょうちょう）に 出してください。

# Extra fields declared by the responsible ministry's plugin ($field = the field's key).
finding-extra_field_required = この 項目（{ $field }）は 担当の 府省庁（ふしょうちょう）が 必要と して います。書いてください。
finding-extra_field_wrong_kind = この 項目（{ $field }）の 形が 違います。{ $expected }で 書いてください。
finding-extra_field_below_min = この 項目（{ $field }）は { $min }か、それより 大きい 数に してください。
finding-extra_field_above_max = この 項目（{ $field }）は { $max }か、それより 小さい 数に してください。
finding-extra_field_too_long = この 項目（{ $field }）は { $max }文字までに してください。
finding-extra_field_pattern_mismatch = この 項目（{ $field }）の 書き方が 違います。例を 見てください。
finding-extra_field_not_a_choice = この 項目（{ $field }）は リストから 選んでください。
