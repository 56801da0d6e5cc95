# Messages of application findings (Simplified Chinese). Id: finding-<code>. Variables are the
# finding's args. Japanese (locales/ja) is canonical.

## Automatic corrections (info)

finding-postal_code_normalised = 已将邮政编码从“{ $from }”修改为“{ $to }”（7位半角数字）。
finding-phone_normalised = 已将号码从“{ $from }”修改为“{ $to }”（不含连字符和括号的半角数字）。
finding-email_normalised = 已将电子邮箱地址中的全角字符改为半角，改为“{ $to }”。
finding-kana_normalised = 已将平假名读音从“{ $from }”修改为“{ $to }”（平假名，不含空格）。
finding-name_width_normalised = 已将半角片假名改为全角，改为“{ $to }”。
finding-number_normalised = 已将人数“{ $from }”读取为数值 { $to }。
finding-corporate_number_normalised = 已将号码从“{ $from }”修改为“{ $to }”（仅限半角数字）。
finding-registered_staff_total_computed = 登记对象业务的从业人员数为自动计算，已将输入的 { $from } 改为 { $to }（申请企业人数与外部企业人数之和）。
finding-address_filled_from_postal_code = 已根据邮政编码 { $postal_code } 填入“{ $to }”。请确认内容。

## Errors (must be fixed)

finding-invalid_type = { $expected ->
    [string] 请以文字输入。
    [integer] 请以半角数字输入整数。
    [boolean] 请选择“是”或“否”。
    [object] 输入内容的格式不正确。请重新输入此项目。
    [array] 输入内容的格式不正确。请以列表形式重新输入。
   *[other] 输入内容的格式不正确。
}
finding-required = 此项目为必填项。请输入。
finding-too_long = 请输入不超过 { $max } 个字符（当前 { $length } 个字符）。
finding-number_negative = 请输入0以上的数（输入值：{ $value }）。
finding-number_not_integer = 请输入整数。小数部分请向上取整（输入值：{ $value }）。
finding-number_too_large = 输入的数 { $value } 过大。请输入 { $max } 以下的数。
finding-program_invalid = 不受理申请类型“{ $value }”。请从特定接种的申请书重新输入。
finding-founder_invalid = 请从“民间”或“国家・都道府县・市区町村”中选择申请人的设立主体。
finding-public_body_class_invalid = 请从“国家”“都道府县”“市区町村”中选择设立类别。
finding-public_body_class_not_applicable = 设立类别仅在国家、都道府县、市区町村的情况下填写。民间申请人请留空。
finding-declaration_required = 请确认登记申请书的填写内容没有虚假，并勾选确认栏。
finding-postal_code_invalid = 邮政编码“{ $value }”不正确。请不使用连字符，以7位半角数字输入（例：1008916）。
finding-phone_invalid = 号码“{ $value }”不正确。请从区号开始，不使用连字符和括号，以10位或11位半角数字输入（例：0335953426）。
finding-email_invalid = 电子邮箱地址“{ $value }”的格式不正确。请使用半角英文字母和数字输入（例：soumu@example.jp）。
finding-kana_not_hiragana = 平假名读音中含有不能使用的字符“{ $character }”。请使用全角平假名，不留空格输入。
finding-prefecture_unknown = 都道府县“{ $value }”不正确。请从列表中选择（例：東京都、北海道、大阪府）。
finding-industrial_physician_required = { $founder ->
    [public] 报告外部企业的登记对象业务从业人员数时，必须已选任产业医（社会保险・社会福利・护理事业除外）。
   *[private] 未选任产业医的，不能成为登记申请的对象（社会保险・社会福利・护理事业除外）。
}
finding-business_continuity_plan_required = { $founder ->
    [public] 报告外部企业的登记对象业务从业人员数时，必须已制定业务持续计划。
   *[private] 未制定业务持续计划的，不能成为登记申请的对象。
}
finding-note1_required = 请在备注栏1中填写许可认可编号（没有许可认可编号的行业请填写公司法人等编号）。
finding-corporate_number_check_digit_invalid = 法人编号“{ $value }”不正确。请确认13位编号后重新输入。
finding-proxy_prefix_missing = 代理申请时，请在营业场所名称开头以“（〇〇社代理）”的形式填写委托方企业的名称（输入值：{ $name }）。
finding-proxy_franchisee_statement_required = 代理申请时，委托方的所有企业都必须已选任产业医并已制定业务持续计划。
finding-establishment_required = 请至少登记1个营业场所。
finding-business_line_required = 请至少为此营业场所登记1个业务类型。
finding-business_type_unknown = 业务类型“{ $value }”不属于登记对象。请从列表中选择。
finding-business_line_duplicate = 此业务类型（{ $business_type }／{ $sub_type_1 }）与此营业场所的第 { $duplicate_of } 行重复。请合并为一行。
finding-vaccination_site_status_invalid = 请从“已落实”或“尚未落实”中选择接种实施医疗机构的情况。

## Warnings (please check)

finding-legal_form_abbreviated = 请不要省略法人类型。请输入“{ $full }”，而不是“{ $abbreviation }”。
finding-not_full_width = 含有半角字符“{ $character }”。请使用全角字符输入。
finding-postal_code_unknown = 未找到邮政编码 { $value }。请确认号码后，从列表中选择都道府县和市区町村。
finding-address_postal_code_mismatch = 所在地与邮政编码 { $postal_code } 不一致（邮政编码对应的所在地：{ $candidates }）。请确认。
finding-registered_staff_own_exceeds_total_staff = 申请企业的登记对象业务从业人员数（{ $own }人）超过了此营业场所的全体从业人员数（{ $total_staff }人）。请确认。
finding-registered_staff_zero = 登记对象业务的从业人员数为0人。请确认。
finding-power_of_attorney_not_submitted = 代理申请时，请向主管府省厅提交委托合同书（委托书）的复印件。

# Extra fields declared by the responsible ministry's plugin ($field = the field's key).
finding-extra_field_required = 主管府省厅需要此项目（{ $field }）。请输入。
finding-extra_field_wrong_kind = 此项目（{ $field }）的格式不正确（请以{ $expected }输入）。
finding-extra_field_below_min = 此项目（{ $field }）请输入{ $min }以上的值。
finding-extra_field_above_max = 此项目（{ $field }）请输入{ $max }以下的值。
finding-extra_field_too_long = 此项目（{ $field }）请输入不超过{ $max }个字符。
finding-extra_field_pattern_mismatch = 此项目（{ $field }）的写法不正确。请参考输入示例。
finding-extra_field_not_a_choice = 此项目（{ $field }）请从列表中选择。
