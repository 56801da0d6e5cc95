# Mail subjects and bodies (Vietnamese). Every body ends with the sender's signature.

mail-signature =
    ──────────────
    Hệ thống đăng ký tiêm chủng đặc định (Tōroku)
    Đây là e-mail chỉ dùng để gửi. Chúng tôi không thể trả lời nếu quý vị phản hồi e-mail này.

mail-pre-registration-subject = [Tiêm chủng đặc định] Hướng dẫn về mẫu đơn đăng ký
mail-pre-registration-body =
    Cảm ơn quý vị đã bắt đầu thủ tục nộp đơn đăng ký tiêm chủng đặc định.

    Vui lòng mở mẫu đơn bằng đường liên kết dưới đây. Nội dung đang nhập được lưu tự động, và quý vị có thể tiếp tục nhập bất cứ lúc nào bằng cùng đường liên kết này.

    { $link }

    Thời hạn của đường liên kết: { $expires }
    Nếu đã hết hạn, hãy đăng ký lại địa chỉ e-mail tại mục “Lần đầu sử dụng”, chúng tôi sẽ gửi đường liên kết mới (nội dung đã nhập không bị mất).

    Nếu có nhiều cơ sở, quý vị có thể điền vào mẫu Excel và nhập tất cả cùng một lúc.
    Mẫu Excel: { $template_link }

    Đường liên kết này chỉ dành riêng cho quý vị. Vui lòng không chuyển tiếp cho người khác.
    Nếu quý vị không thực hiện thủ tục này, vui lòng xóa e-mail này.

    { mail-signature }

mail-pre-registration-existing-subject = [Tiêm chủng đặc định] Đơn của địa chỉ e-mail này đã được nộp
mail-pre-registration-existing-body =
    Đơn đăng ký tiêm chủng đặc định đã được nộp bằng địa chỉ e-mail này. Mỗi địa chỉ e-mail chỉ được nộp một đơn.

    Vui lòng đăng nhập để xem nội dung đơn.
    Đăng nhập: { $login_link }

    Nếu quý vị không nhớ mật khẩu, có thể đặt lại tại trang sau.
    { $reset_link }

    Nếu quý vị không thực hiện thủ tục này, vui lòng xóa e-mail này.

    { mail-signature }

mail-submitted-subject = [Tiêm chủng đặc định] Chúng tôi đã tiếp nhận đơn đăng ký
mail-submitted-body =
    Chúng tôi đã tiếp nhận đơn đăng ký tiêm chủng đặc định của quý vị.

    Số đơn: { $application_id }
    ID đăng nhập: { $login_id }

    Quý vị cần đăng nhập để xem nội dung đơn và trả lời yêu cầu làm rõ từ bộ/cơ quan phụ trách.
    Vui lòng đặt mật khẩu bằng đường liên kết dưới đây (chỉ dùng được một lần).

    { $password_link }

    Thời hạn của đường liên kết: { $expires }
    Nếu đã hết hạn, quý vị có thể đặt mật khẩu tại mục “Quên mật khẩu?” trên màn hình đăng nhập.

    { mail-signature }

mail-password-reset-subject = [Tiêm chủng đặc định] Hướng dẫn đặt lại mật khẩu
mail-password-reset-body =
    Chúng tôi đã nhận được yêu cầu đặt lại mật khẩu. Vui lòng đặt mật khẩu mới bằng đường liên kết dưới đây (chỉ dùng được một lần).

    { $link }

    Thời hạn của đường liên kết: { $expires }
    Nếu quý vị không yêu cầu, vui lòng xóa e-mail này. Mật khẩu sẽ không bị thay đổi.

    { mail-signature }

mail-password-changed-subject = [Tiêm chủng đặc định] Mật khẩu đã được thay đổi
mail-password-changed-body =
    Mật khẩu tài khoản của quý vị đã được thay đổi.

    Nếu không phải quý vị thay đổi, vui lòng đặt lại mật khẩu ngay tại mục “Quên mật khẩu?” trên màn hình đăng nhập.

    { mail-signature }

mail-staff-enrolment-subject = [Tiêm chủng đặc định] Hướng dẫn thiết lập tài khoản nhân viên
mail-staff-enrolment-body =
    Tài khoản nhân viên của quý vị đã được tạo trong hệ thống đăng ký tiêm chủng đặc định.

    Vui lòng dùng đường liên kết dưới đây để đặt mật khẩu và thiết lập ứng dụng xác thực (xác thực hai bước bằng mật khẩu dùng một lần) (chỉ dùng được một lần).

    { $link }

    Thời hạn của đường liên kết: { $expires }
    Nếu đã hết hạn, vui lòng nhờ quản trị viên cấp đường liên kết mới.

    Không được cho người khác biết hoặc chia sẻ khóa bí mật (mã QR) đăng ký vào ứng dụng xác thực.
    Nếu quý vị không biết về việc này, vui lòng xóa e-mail này.

    { mail-signature }

mail-inquiry-opened-subject = [Tiêm chủng đặc định] Có yêu cầu làm rõ về nội dung đơn đăng ký
mail-inquiry-opened-body =
    { $ministry } đã gửi yêu cầu làm rõ (疑義照会) về nội dung đơn đăng ký tiêm chủng đặc định của quý vị ({ $opened }).

    ──── Nội dung yêu cầu ────
    { $message }
    ──── Hết ────

    Các mục được yêu cầu làm rõ:
    { $fields }

    Vui lòng đăng nhập bằng đường liên kết dưới đây để trả lời. Quý vị chỉ có thể thay đổi các mục được yêu cầu làm rõ. Sau khi sửa xong, vui lòng nộp lại đơn.
    Đăng nhập: { $login_link }

    { mail-signature }

mail-registered-subject = [Tiêm chủng đặc định] Đã hoàn tất đăng ký
mail-registered-body =
    Sau khi thẩm định đơn đăng ký tiêm chủng đặc định của quý vị, chúng tôi đã đăng ký như sau.

    Số đăng ký: { $registration_number }
    Ngày đăng ký: { $registered_on }
    Thời hạn hiệu lực: { $valid_until } (có hiệu lực đến hết ngày này)

    Các cơ sở, loại hình kinh doanh đã đăng ký và số người đăng ký:
    { $lines }

    Các cơ sở, loại hình kinh doanh không được đăng ký và lý do:
    { $rejected }

    Trong các trường hợp sau, vui lòng đăng nhập và thông báo thay đổi.
    - Khi có thay đổi ở các mục được công bố
    - Khi số người đăng ký tăng hoặc giảm từ 5% trở lên
    - Khi số điện thoại hoặc địa chỉ e-mail thay đổi
    - Khi cơ sở y tế thực hiện tiêm chủng thay đổi
    - Khi đã bố trí được cơ sở y tế thực hiện tiêm chủng (vui lòng thông báo trong vòng 30 ngày kể từ ngày bố trí được)

    Lưu ý: chỉ riêng việc được đăng ký không có nghĩa là được tiêm chủng đặc định.

    { mail-signature }

mail-registration-rejected-subject = [Tiêm chủng đặc định] Thông báo kết quả thẩm định đơn đăng ký
mail-registration-rejected-body =
    Sau khi thẩm định đơn đăng ký tiêm chủng đặc định (số đơn: { $application_id }), chúng tôi không thể đăng ký bất kỳ cơ sở hay loại hình kinh doanh nào.

    Các cơ sở, loại hình kinh doanh không thể đăng ký và lý do:
    { $reasons }

    Nếu có thắc mắc, vui lòng liên hệ bộ/cơ quan phụ trách.

    { mail-signature }

mail-change-accepted-subject = [Tiêm chủng đặc định] Đã chấp nhận thông báo thay đổi
mail-change-accepted-body =
    Chúng tôi đã chấp nhận thông báo thay đổi đối với đăng ký tiêm chủng đặc định (số đăng ký: { $registration_number }).

    Nội dung đăng ký và thông tin công bố đã được cập nhật theo nội dung thông báo.

    { mail-signature }

mail-change-rejected-subject = [Tiêm chủng đặc định] Không thể chấp nhận thông báo thay đổi
mail-change-rejected-body =
    Sau khi thẩm định thông báo thay đổi đối với đăng ký tiêm chủng đặc định (số đăng ký: { $registration_number }), chúng tôi không thể chấp nhận.

    Lý do không thể chấp nhận:
    { $reasons }

    Nội dung đăng ký không thay đổi, vẫn như trước khi thông báo.
    Quý vị có thể sửa nội dung rồi thông báo thay đổi lại.

    { mail-signature }
