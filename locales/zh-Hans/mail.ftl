# Mail subjects and bodies (Simplified Chinese). Every body ends with the sender's signature.

mail-signature =
    ──────────────
    特定接种 登记系统（Tōroku）
    本邮件为系统自动发送，请勿回复。

mail-pre-registration-subject = 【特定接种】登记申请表的链接
mail-pre-registration-body =
    感谢您开始办理特定接种的登记申请手续。

    请通过以下链接打开申请表。填写中的内容会自动保存，您可以随时通过同一链接继续填写。

    { $link }

    此链接的有效期限：{ $expires }
    链接过期后，请在“初次使用”中重新登记电子邮箱地址，我们会向您发送新的链接（已填写的内容不会丢失）。

    营业场所较多时，可以填写 Excel 模板后批量导入。
    模板：{ $template_link }

    此链接仅供您本人使用，请勿转发给他人。
    如果您没有办理过此手续，请删除本邮件。

    { mail-signature }

mail-pre-registration-existing-subject = 【特定接种】此电子邮箱地址的申请已经提交
mail-pre-registration-existing-body =
    已使用此电子邮箱地址提交了特定接种的登记申请。一个电子邮箱地址只能提交一份申请。

    如需查看申请内容，请登录。
    登录：{ $login_link }

    如果忘记了密码，可以通过以下页面重新设置。
    { $reset_link }

    如果您没有办理过此手续，请删除本邮件。

    { mail-signature }

mail-submitted-subject = 【特定接种】已受理您的登记申请
mail-submitted-body =
    已受理您的特定接种登记申请。

    申请编号：{ $application_id }
    登录ID：{ $login_id }

    查看申请内容、答复主管府省厅的询问，都需要登录后进行。
    请通过以下链接设置密码（仅限使用一次）。

    { $password_link }

    此链接的有效期限：{ $expires }
    链接过期后，可以在登录画面的“忘记密码”中设置。

    { mail-signature }

mail-password-reset-subject = 【特定接种】重新设置密码
mail-password-reset-body =
    已收到重新设置密码的请求。请通过以下链接设置新密码（仅限使用一次）。

    { $link }

    此链接的有效期限：{ $expires }
    如果您没有提出过此请求，请删除本邮件。您的密码不会被更改。

    { mail-signature }

mail-password-changed-subject = 【特定接种】您的密码已更改
mail-password-changed-body =
    您账户的密码已被更改。

    如果不是您本人操作，请立即在登录画面的“忘记密码”中重新设置密码。

    { mail-signature }

mail-staff-enrolment-subject = 【特定接种】职员账户设置说明
mail-staff-enrolment-body =
    已在特定接种登记系统中为您创建了职员账户。

    请通过以下链接设置密码，并设置认证应用（使用一次性密码的两步验证）（仅限使用一次）。

    { $link }

    此链接的有效期限：{ $expires }
    链接过期后，请联系管理员重新发放链接。

    请勿将登记到认证应用中的密钥（二维码）告诉他人或与他人共享。
    如果您对此没有印象，请删除本邮件。

    { mail-signature }

mail-inquiry-opened-subject = 【特定接种】关于登记申请内容的询问
mail-inquiry-opened-body =
    关于您的特定接种登记申请内容，{ $ministry }发出了询问（疑义照会）（{ $opened }）。

    ──── 询问内容 ────
    { $message }
    ──── 以上 ────

    询问涉及的项目：
    { $fields }

    请通过以下链接登录并答复询问。只能修改询问涉及的项目。修改完成后，请重新提交申请。
    登录：{ $login_link }

    { mail-signature }

mail-registered-subject = 【特定接种】登记已完成
mail-registered-body =
    经审查，您的特定接种登记申请已按以下内容登记。

    登记编号：{ $registration_number }
    登记日期：{ $registered_on }
    有效期限：{ $valid_until }（有效至当日）

    已登记的营业场所、业务类型及登记人数：
    { $lines }

    未登记的营业场所、业务类型及理由：
    { $rejected }

    如有以下情况，请登录并提交变更申报。
    - 公布事项发生变更时
    - 登记人数增减5%以上时
    - 电话号码或电子邮箱地址变更时
    - 接种实施医疗机构变更时
    - 落实了接种实施医疗机构时（请在落实之日起30日内申报）

    另外，仅凭已登记这一事实，并不能接受特定接种。

    { mail-signature }

mail-registration-rejected-subject = 【特定接种】登记申请审查结果通知
mail-registration-rejected-body =
    经审查，您的特定接种登记申请（申请编号：{ $application_id }）中的所有营业场所和业务类型均未能登记。

    未能登记的营业场所、业务类型及理由：
    { $reasons }

    如有疑问，请咨询主管府省厅。

    { mail-signature }

mail-change-accepted-subject = 【特定接种】已受理变更申报
mail-change-accepted-body =
    关于特定接种的登记（登记编号：{ $registration_number }），已受理您的变更申报。

    已按申报的内容更新了登记内容和公布的信息。

    { mail-signature }

mail-change-rejected-subject = 【特定接种】未能受理变更申报
mail-change-rejected-body =
    关于特定接种的登记（登记编号：{ $registration_number }），经审查，未能受理您的变更申报。

    未能受理的理由：
    { $reasons }

    登记内容未作变更，仍为申报前的内容。
    您可以修改内容后重新提交变更申报。

    { mail-signature }
