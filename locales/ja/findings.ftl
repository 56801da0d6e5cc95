# 申請書の確認結果（finding）のメッセージ。ID は finding-<code>。
# 変数は各 finding の args。日本語が正本です。

## 自動修正（お知らせ）

finding-postal_code_normalised = 郵便番号を「{ $from }」から「{ $to }」（半角数字7桁）に修正しました。
finding-phone_normalised = 番号を「{ $from }」から「{ $to }」（ハイフン・括弧なしの半角数字）に修正しました。
finding-email_normalised = メールアドレスの全角文字を半角に改め、「{ $to }」としました。
finding-kana_normalised = ふりがなを「{ $from }」から「{ $to }」（ひらがな・スペースなし）に修正しました。
finding-name_width_normalised = 半角カタカナを全角に改め、「{ $to }」としました。
finding-number_normalised = 人数「{ $from }」を数値 { $to } として読み取りました。
finding-corporate_number_normalised = 番号を「{ $from }」から「{ $to }」（半角数字のみ）に修正しました。
finding-registered_staff_total_computed = 登録対象業務の従業者数は自動計算されるため、入力された { $from } を { $to }（申請事業者分と外部事業者分の合計）に改めました。
finding-address_filled_from_postal_code = 郵便番号 { $postal_code } から「{ $to }」を入力しました。内容をご確認ください。

## エラー（修正が必要です）

finding-invalid_type = { $expected ->
    [string] 文字で入力してください。
    [integer] 半角数字の整数で入力してください。
    [boolean] 「はい」または「いいえ」を選択してください。
    [object] 入力内容の形式が正しくありません。項目を入力し直してください。
    [array] 入力内容の形式が正しくありません。一覧として入力し直してください。
   *[other] 入力内容の形式が正しくありません。
}
finding-required = この項目は必須です。入力してください。
finding-too_long = { $max } 文字以内で入力してください（現在 { $length } 文字）。
finding-number_negative = 0 以上の数を入力してください（入力値：{ $value }）。
finding-number_not_integer = 整数で入力してください。小数点以下は切り上げてください（入力値：{ $value }）。
finding-number_too_large = 入力された数 { $value } は大きすぎます。{ $max } 以下の数を入力してください。
finding-program_invalid = 申請の種類「{ $value }」は受け付けていません。特定接種の申請書から入力し直してください。
finding-founder_invalid = 申請者の設立主体は「民間」または「国・都道府県・市区町村」から選択してください。
finding-public_body_class_invalid = 設立区分は「国」「都道府県」「市区町村」から選択してください。
finding-public_body_class_not_applicable = 設立区分は国・都道府県・市区町村の場合のみ入力します。民間の場合は空欄にしてください。
finding-declaration_required = 登録申請書の入力内容に偽りがないことを確認し、チェックを入れてください。
finding-postal_code_invalid = 郵便番号「{ $value }」は正しくありません。ハイフンを用いず半角数字7桁で入力してください（例：1008916）。
finding-phone_invalid = 番号「{ $value }」は正しくありません。市外局番から、ハイフン及び括弧を用いず半角数字10桁または11桁で入力してください（例：0335953426）。
finding-email_invalid = メールアドレス「{ $value }」の形式が正しくありません。半角英数字で入力してください（例：soumu@example.jp）。
finding-kana_not_hiragana = ふりがなに使用できない文字「{ $character }」が含まれています。全角ひらがなで、スペースを空けずに入力してください。
finding-prefecture_unknown = 都道府県「{ $value }」は正しくありません。一覧から選択してください（例：東京都、北海道、大阪府）。
finding-industrial_physician_required = { $founder ->
    [public] 外部事業者の登録対象業務の従業者数を報告する場合は、産業医を選任していることが必要です（社会保険・社会福祉・介護事業を除く）。
   *[private] 産業医を選任していない場合は、登録申請の対象となりません（社会保険・社会福祉・介護事業を除く）。
}
finding-business_continuity_plan_required = { $founder ->
    [public] 外部事業者の登録対象業務の従業者数を報告する場合は、業務継続計画を作成していることが必要です。
   *[private] 業務継続計画を作成していない場合は、登録申請の対象となりません。
}
finding-note1_required = 備考欄1に許認可番号（許認可番号がない業種は会社法人等番号）を入力してください。
finding-corporate_number_check_digit_invalid = 法人番号「{ $value }」は正しくありません。13桁の番号をご確認のうえ、入力し直してください。
finding-proxy_prefix_missing = 代理申請の場合は、事業所名の冒頭に「（〇〇社代理）」のように委任元の事業者名を入力してください（入力値：{ $name }）。
finding-proxy_franchisee_statement_required = 代理申請では、委任元のすべての事業者が産業医を選任し、業務継続計画を作成していることが必要です。
finding-establishment_required = 事業所を1つ以上登録してください。
finding-business_line_required = この事業所の事業の種類を1つ以上登録してください。
finding-business_type_unknown = 事業の種類「{ $value }」は登録の対象ではありません。一覧から選択してください。
finding-business_line_duplicate = この事業の種類（{ $business_type }／{ $sub_type_1 }）は、この事業所の { $duplicate_of } 番目と重複しています。1つにまとめてください。
finding-vaccination_site_status_invalid = 接種実施医療機関は「確保済み」または「未確保」から選択してください。

## 注意（ご確認ください）

finding-legal_form_abbreviated = 法人種別は省略せずに入力してください。「{ $abbreviation }」ではなく「{ $full }」と入力してください。
finding-not_full_width = 半角文字「{ $character }」が含まれています。全角文字で入力してください。
finding-postal_code_unknown = 郵便番号 { $value } が見つかりませんでした。番号をご確認のうえ、都道府県と市区町村を一覧から選択してください。
finding-address_postal_code_mismatch = 所在地が郵便番号 { $postal_code } と一致しません（郵便番号による所在地：{ $candidates }）。ご確認ください。
finding-registered_staff_own_exceeds_total_staff = 申請事業者の登録対象業務の従業者数（{ $own }人）が、この事業所の全従業者数（{ $total_staff }人）を超えています。ご確認ください。
finding-registered_staff_zero = 登録対象業務の従業者数が0人です。ご確認ください。
finding-power_of_attorney_not_submitted = 代理申請の場合は、委任契約書（委任状）の写しを担当府省庁に提出してください。

# Extra fields declared by the responsible ministry's plugin ($field = the field's key).
finding-extra_field_required = この項目（{ $field }）は担当府省庁が必要としています。入力してください。
finding-extra_field_wrong_kind = この項目（{ $field }）の形式が違います（{ $expected }で入力してください）。
finding-extra_field_below_min = この項目（{ $field }）は{ $min }以上で入力してください。
finding-extra_field_above_max = この項目（{ $field }）は{ $max }以下で入力してください。
finding-extra_field_too_long = この項目（{ $field }）は{ $max }文字以内で入力してください。
finding-extra_field_pattern_mismatch = この項目（{ $field }）の書き方が違います。入力例を確認してください。
finding-extra_field_not_a_choice = この項目（{ $field }）は一覧から選んでください。
