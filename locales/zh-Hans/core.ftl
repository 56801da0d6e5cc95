# Core messages: API errors and notices (Simplified Chinese). Japanese (locales/ja) is canonical.
# 用语：特定接种（特定接種）、登记（登録）、企业（事業者）、营业场所（事業所）、业务类型（事業の種類）、
# 询问（疑義照会）、主管府省厅（担当府省庁）。

## Notices
notice-pre_registration_accepted = 我们已向您输入的电子邮箱发送了申请表的链接。如果没有收到邮件，请确认邮箱地址是否有误，然后重试。
notice-draft_saved = 草稿已保存。
notice-submitted = 申请已提交。我们已向您发送了确认邮件。
notice-password_set = 密码已设置。请登录。
notice-password_changed = 密码已更改。
notice-password_reset_accepted = 如果您输入的内容与登记信息一致，我们已通过邮件向您发送了重新设置密码的链接。
notice-logged_out = 您已退出登录。

## Errors: request fields
error-email_required = 请输入电子邮箱地址。
error-email_too_long = 电子邮箱地址不能超过{ $max }个字符。
error-email_invalid = 电子邮箱地址的格式不正确。请使用半角英文字母和数字，例如“name@example.jp”。
error-email_mismatch = 两次输入的电子邮箱地址不一致。请输入两次相同的地址。
error-phone_required = 请输入申请书中登记的电话号码。
error-login_id_required = 请输入登录ID（申请时使用的电子邮箱地址）。
error-password_required = 请输入密码。
error-password_too_short = 密码至少需要{ $min }个字符。
error-password_too_long = 密码不能超过{ $max }个字符。
error-password_common = 此密码过于常用，容易被猜到，不能使用。请设置其他密码。
error-password_context = 以本服务或本制度名称为基础的密码容易被猜到，不能使用。请设置其他密码。
error-body_invalid_json = 请求正文无法作为JSON读取。
error-body_not_object = 请求正文必须是JSON对象。
error-submit_body_unknown_field = 提交请求中只能指定 revision 一项。
error-revision_invalid = revision 必须是整数。
error-document_not_object = 申请书数据必须是JSON对象。
error-postal_code_unknown = 找不到该邮政编码。请确认号码，或从列表中选择都道府县和市区町村。
error-postal_code_invalid = 邮政编码请输入7位数字。

## Errors: links, state and sessions
error-link_invalid = 此链接无效。请直接使用邮件中的链接，或从“初次使用”重新办理手续。
error-link_expired = 此链接已过期。从“初次使用”重新办理手续后，我们会向您发送新的链接。已输入的内容均已保存。
error-application_already_submitted = 此申请已经提交。如需查看申请内容，请登录。
error-revision_mismatch = 在显示确认画面之后，申请内容发生了变更（当前版本：{ $current }）。请再次确认内容后提交。
error-findings_block_submission = 申请内容有误，无法提交。请查看各项目的提示信息并修改。
error-idempotency_key_missing = 请指定 Idempotency-Key 请求头。
error-idempotency_key_invalid = Idempotency-Key 请求头必须是不超过255个字符的半角英文字母、数字或符号。
error-idempotency_key_reused = 此 Idempotency-Key 已被内容不同的其他请求使用过。请使用新的键。
error-password_link_invalid = 此密码设置链接无效、已使用或已过期。请在登录画面点击“忘记密码”重新获取。
error-invalid_credentials = 登录ID或密码不正确。
error-too_many_attempts = 尝试次数过多。请在{ $seconds }秒后重试。
error-unauthenticated = 请登录。
error-current_password_wrong = 当前密码不正确。

## Errors: protocol
error-invalid_request = 输入内容有误。
error-not_found = 找不到您要查找的页面或数据。
error-method_not_allowed = 此地址不支持该操作。
error-payload_too_large = 发送的数据过大（上限{ $max }字节）。
error-unsupported_media_type = 请以 Content-Type: application/json 发送。
error-too_many_requests = 来自此连接的请求过多。请在{ $seconds }秒后重试。
error-service_busy = 当前访问集中。请稍后重试。
error-cross_origin_request = 不接受从其他网站发送的请求。请在本网站的页面上操作。
error-internal = 系统出现问题。请稍后重试。您输入的内容没有丢失。

## Errors: FTE calculator
error-fte_input_invalid = 进行全职换算时，请以数值指定规定工作时间（standard_weekly_hours）、全职人数（full_time）和工作模式（patterns：人数 people 和每周工作时间 hours_per_week）。
error-fte_standard_hours_out_of_range = 每周规定工作时间必须大于0且不超过{ $max }小时。
error-fte_pattern_hours_out_of_range = 每周工作时间必须在0以上、规定工作时间以下（按规定工作时间工作的人计为全职人员）。
error-fte_too_many_decimals = 时间最多只能输入到小数点后2位。
error-fte_too_large = 人数过大，无法计算。

## Errors: staff, review and registration
error-field_required = 请填写此项目。
error-field_too_long = 请输入不超过{ $max }个字符。
error-tenant_id_invalid = 租户ID只能使用半角小写英文字母、数字和连字符（-），长度为2至32个字符。
error-business_type_unknown = 已安装的插件中没有定义此业务类型。请确认业务类型的代码。
error-staff_role_invalid = 不能指定此角色。中央管理租户请指定 central_admin，府省厅请指定 ministry_admin 或 reviewer。
error-totp_code_required = 请输入认证应用中显示的6位代码。
error-limit_out_of_range = limit 必须是1至{ $max }之间的整数。
error-queue_status_invalid = status 必须是 open、inquiry、decided 之一。
error-cursor_invalid = cursor 不正确。请原样指定上一页的 next_cursor。
error-reason_required = 驳回（reject）时，请填写理由。
error-decision_invalid = decision 必须是 accept 或 reject。
error-inquiry_paths_count = 询问的对象项目请指定1至{ $max }项。
error-inquiry_path_invalid = 此项目不存在，或不是您所在府省厅可以审查的项目。请重新选择询问的对象项目。
error-inquiry_change_not_flagged = 此项目不是询问的对象，目前不能更改。请只修改询问所涉及的项目。
error-change_empty = 与登记内容相比没有任何变更。请输入要变更的内容后再提交申报。
error-forbidden = 您没有执行此操作的权限。
error-staff_unauthenticated = 请以职员身份登录（需要电子邮箱地址、密码和认证应用的代码）。
error-tenant_exists = 此ID的租户已经存在。请指定其他ID。
error-tenant_not_ministry = 只有府省厅的租户才能分配业务类型。
error-business_type_owned = 所指定的业务类型中，有的已由其他府省厅负责。请确认分配情况。
error-staff_email_taken = 使用此电子邮箱地址的职员已经登记。
error-staff_cannot_disable_self = 不能停用自己的账户。请委托其他管理员。
error-line_not_in_review = 此营业场所和业务类型目前不在审查中。请刷新画面确认状态。
error-inquiry_not_possible = 只有在申请审查期间才能进行询问。
error-review_not_complete = 要进行登记，必须对所有营业场所和业务类型作出审查结论，并收到所有询问的答复。
error-inquiry_not_open = 此询问已经答复。
error-application_changed = 操作期间申请内容发生了变更。请刷新画面后重试。
error-change_already_pending = 已有正在审查的变更申报。请在其结果出来之后再次申报。
error-application_not_registered = 只能对已登记的申请进行变更申报。
error-enrolment_link_invalid = 此注册链接无效、已使用或已过期。请联系管理员重新发放链接。

## Pages
page-apply-title = 特定接种 登记申请
page-apply-not_yet = 此链接有效，您输入的内容已保存。可在画面上填写的申请表正在准备中。在此之前，请通过 API（GET/PUT /api/v1/drafts/…）输入。
page-password-title = 设置密码
page-password-label = 新密码
page-password-hint = 8至128个字符。无需混合符号或数字，推荐使用较长的句子（密码短语）。不能使用常用密码。
page-password-submit = 设置

## Excel template (core/workbook)
workbook-column-establishment_name = 营业场所名称
workbook-column-postal_code = 邮政编码（7位）
workbook-column-prefecture = 都道府县
workbook-column-city = 市区町村
workbook-column-street = 町名及以下（含建筑物名称）
workbook-column-phone = 电话号码（从区号开始）
workbook-column-fax = 传真号码（可选）
workbook-column-email = 电子邮箱地址（可选）
workbook-column-total_staff = 全体从业人员数
workbook-column-business_type = 业务类型
workbook-column-sub_type_1 = 业务类型细目①
workbook-column-sub_type_2 = 业务类型细目②（如适用）
workbook-column-registered_staff_own = 登记对象业务的从业人员数（本公司・全职换算）
workbook-column-registered_staff_external = 登记对象业务的从业人员数（外部企业・全职换算）
workbook-column-note = 备注（按对象业务的明细）
workbook-column-vaccination_site_status = 接种实施医疗机构的落实情况
workbook-column-vaccination_site_name = 接种实施医疗机构名称
workbook-column-vaccination_site_name_kana = 接种实施医疗机构名称（平假名读音）
workbook-column-vaccination_site_postal_code = 接种实施医疗机构的邮政编码
workbook-column-vaccination_site_prefecture = 接种实施医疗机构的都道府县
workbook-column-vaccination_site_city = 接种实施医疗机构的市区町村
workbook-column-vaccination_site_street = 接种实施医疗机构的町名及以下
workbook-column-vaccination_site_phone = 接种实施医疗机构的电话号码
workbook-column-vaccination_site_plan_note = 尚未落实时的计划（例：正在考虑在〇〇医院实施）
workbook-site-secured = 已落实
workbook-site-not_yet_secured = 尚未落实
workbook-error-count = 请输入0以上的整数。
workbook-error-prefecture = 请从列表中选择都道府县。
workbook-error-business-type = 这不是列表中的代码。请从列表中选择，或输入正确的代码。
workbook-error-site-status = 请从列表中选择。
workbook-guide-title = 特定接种 登记申请：营业场所批量登记模板
workbook-guide-rows = 请在“establishments”工作表中，按营业场所与业务类型的每一种组合填写一行。一个营业场所有多个业务类型时，请在多行中填写相同的营业场所信息。
workbook-guide-keys = 第2行的英文列名用于导入，请勿更改或删除。请从第3行开始填写。
workbook-guide-counts = 登记对象业务的从业人员数须进行全职换算，并按营业场所和业务类型将小数部分向上取整后以整数填写。
workbook-guide-types = 业种及其细分可从列表中选择。“名称 [代码]”中方括号内的代码会被读取；也可以直接输入代码。
workbook-guide-site = 尚未落实接种实施医疗机构时，请选择“尚未落实”并填写计划（请勿填写虚拟的值）。
workbook-guide-upload = 填写好的文件可以从申请表导入（导入画面正在准备中）。

## Plugins
notice-plugin_unavailable = 未能执行{ $ministry }的自动检查。将由主管府省厅确认内容（这不是申请人的错误）。
error-plugin_refused = 无法安装此插件。原因请查看 detail（未作任何更改）。
error-plugin_version_not_found = 该省厅的插件没有保存此版本。
error-admin_disabled = 管理用API已停用（未设置 TOROKU_ADMIN_TOKEN）。
error-admin_unauthorized = 管理用API的认证失败。
