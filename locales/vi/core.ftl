# Core messages: API errors and notices (Vietnamese). Japanese (locales/ja) is canonical.
# Thuật ngữ: tiêm chủng đặc định (特定接種), đăng ký (登録), doanh nghiệp (事業者), cơ sở (事業所),
# loại hình kinh doanh (事業の種類), yêu cầu làm rõ (疑義照会), bộ/cơ quan phụ trách (担当府省庁).

## Notices
notice-pre_registration_accepted = Chúng tôi đã gửi đường liên kết đến mẫu đơn đăng ký tới địa chỉ e-mail quý vị đã nhập. Nếu không nhận được e-mail, vui lòng kiểm tra lại địa chỉ rồi thử lại.
notice-draft_saved = Đã lưu bản nháp.
notice-submitted = Đã nộp đơn. Chúng tôi đã gửi e-mail xác nhận cho quý vị.
notice-password_set = Đã đặt mật khẩu. Vui lòng đăng nhập.
notice-password_changed = Đã đổi mật khẩu.
notice-password_reset_accepted = Nếu thông tin quý vị nhập khớp với thông tin đã đăng ký, chúng tôi đã gửi qua e-mail đường liên kết để đặt lại mật khẩu.
notice-logged_out = Quý vị đã đăng xuất.

## Errors: request fields
error-email_required = Vui lòng nhập địa chỉ e-mail.
error-email_too_long = Địa chỉ e-mail chỉ được dài tối đa { $max } ký tự.
error-email_invalid = Địa chỉ e-mail không đúng định dạng. Vui lòng nhập bằng chữ và số nửa độ rộng (half-width), ví dụ “name@example.jp”.
error-email_mismatch = Địa chỉ e-mail xác nhận không khớp. Vui lòng nhập cùng một địa chỉ hai lần.
error-phone_required = Vui lòng nhập số điện thoại đã ghi trong đơn.
error-login_id_required = Vui lòng nhập ID đăng nhập (địa chỉ e-mail đã dùng khi nộp đơn).
error-password_required = Vui lòng nhập mật khẩu.
error-password_too_short = Mật khẩu phải có ít nhất { $min } ký tự.
error-password_too_long = Mật khẩu chỉ được dài tối đa { $max } ký tự.
error-password_common = Mật khẩu này được dùng quá phổ biến và dễ bị đoán nên không thể sử dụng. Vui lòng chọn mật khẩu khác.
error-password_context = Mật khẩu dựa trên tên của dịch vụ hoặc chế độ này dễ bị đoán nên không thể sử dụng. Vui lòng chọn mật khẩu khác.
error-body_invalid_json = Không thể đọc nội dung yêu cầu dưới dạng JSON.
error-body_not_object = Nội dung yêu cầu phải là một đối tượng JSON.
error-submit_body_unknown_field = Trong yêu cầu nộp đơn, chỉ được chỉ định mục revision.
error-revision_invalid = revision phải là một số nguyên.
error-document_not_object = Dữ liệu đơn đăng ký phải là một đối tượng JSON.
error-postal_code_unknown = Không tìm thấy mã bưu chính này. Vui lòng kiểm tra lại số, hoặc chọn tỉnh/thành (todofuken) và thành phố/quận/thị trấn/làng (shikuchoson) từ danh sách.
error-postal_code_invalid = Vui lòng nhập mã bưu chính gồm 7 chữ số.

## Errors: links, state and sessions
error-link_invalid = Đường liên kết này không hợp lệ. Vui lòng dùng đúng đường liên kết trong e-mail, hoặc làm lại thủ tục từ mục “Lần đầu sử dụng”.
error-link_expired = Đường liên kết này đã hết hạn. Nếu quý vị làm lại thủ tục từ mục “Lần đầu sử dụng”, chúng tôi sẽ gửi đường liên kết mới. Nội dung đã nhập vẫn được lưu.
error-application_already_submitted = Đơn này đã được nộp. Vui lòng đăng nhập để xem nội dung đơn.
error-revision_mismatch = Nội dung đơn đã thay đổi sau khi màn hình xác nhận được hiển thị (phiên bản hiện tại: { $current }). Vui lòng kiểm tra lại nội dung rồi nộp.
error-findings_block_submission = Không thể nộp đơn vì nội dung có lỗi. Vui lòng xem thông báo ở từng mục và sửa lại.
error-idempotency_key_missing = Vui lòng chỉ định header Idempotency-Key.
error-idempotency_key_invalid = Header Idempotency-Key phải gồm tối đa 255 ký tự chữ, số hoặc ký hiệu ASCII nửa độ rộng.
error-idempotency_key_reused = Idempotency-Key này đã được dùng cho một yêu cầu có nội dung khác. Vui lòng dùng khóa mới.
error-password_link_invalid = Đường liên kết đặt mật khẩu này không hợp lệ, đã được sử dụng hoặc đã hết hạn. Vui lòng yêu cầu cấp lại từ mục “Quên mật khẩu?” trên màn hình đăng nhập.
error-invalid_credentials = ID đăng nhập hoặc mật khẩu không đúng.
error-too_many_attempts = Quý vị đã thử quá nhiều lần. Vui lòng thử lại sau { $seconds } giây.
error-unauthenticated = Vui lòng đăng nhập.
error-current_password_wrong = Mật khẩu hiện tại không đúng.

## Errors: protocol
error-invalid_request = Nội dung nhập có lỗi.
error-not_found = Không tìm thấy trang hoặc dữ liệu quý vị cần.
error-method_not_allowed = Không thể thực hiện thao tác này tại địa chỉ này.
error-payload_too_large = Dữ liệu gửi đi quá lớn (giới hạn { $max } byte).
error-unsupported_media_type = Vui lòng gửi với Content-Type: application/json.
error-too_many_requests = Có quá nhiều yêu cầu từ kết nối này. Vui lòng thử lại sau { $seconds } giây.
error-service_busy = Hệ thống đang có nhiều truy cập. Vui lòng thử lại sau ít phút.
error-cross_origin_request = Không chấp nhận yêu cầu được gửi từ trang web khác. Vui lòng thao tác trên các trang của trang web này.
error-internal = Hệ thống đã gặp sự cố. Vui lòng thử lại sau. Nội dung quý vị đã nhập không bị mất.

## Errors: FTE calculator
error-fte_input_invalid = Để quy đổi toàn thời gian, vui lòng chỉ định bằng số: giờ làm việc quy định (standard_weekly_hours), số nhân viên toàn thời gian (full_time) và các kiểu làm việc (patterns: số người people và số giờ mỗi tuần hours_per_week).
error-fte_standard_hours_out_of_range = Giờ làm việc quy định mỗi tuần phải lớn hơn 0 và không quá { $max } giờ.
error-fte_pattern_hours_out_of_range = Số giờ làm việc mỗi tuần phải từ 0 trở lên và không vượt quá giờ làm việc quy định (người làm đủ giờ quy định được tính là nhân viên toàn thời gian).
error-fte_too_many_decimals = Vui lòng nhập số giờ với tối đa 2 chữ số thập phân.
error-fte_too_large = Số người quá lớn, không thể tính được.

## Errors: staff, review and registration
error-field_required = Vui lòng nhập mục này.
error-field_too_long = Vui lòng nhập tối đa { $max } ký tự.
error-tenant_id_invalid = ID tenant phải dài từ 2 đến 32 ký tự và chỉ dùng chữ thường, chữ số và dấu gạch nối (-) nửa độ rộng.
error-business_type_unknown = Loại hình kinh doanh này không được định nghĩa trong bất kỳ plugin nào đã cài đặt. Vui lòng kiểm tra mã loại hình kinh doanh.
error-staff_role_invalid = Không thể chỉ định vai trò này. Tại tenant quản lý trung ương, hãy chỉ định central_admin; tại bộ/cơ quan, hãy chỉ định ministry_admin hoặc reviewer.
error-totp_code_required = Vui lòng nhập mã 6 chữ số hiển thị trên ứng dụng xác thực.
error-limit_out_of_range = limit phải là số nguyên từ 1 đến { $max }.
error-queue_status_invalid = status phải là một trong các giá trị open, inquiry, decided.
error-cursor_invalid = cursor không đúng. Vui lòng chỉ định nguyên giá trị next_cursor của trang trước.
error-reason_required = Khi từ chối (reject), vui lòng nhập lý do.
error-decision_invalid = decision phải là accept hoặc reject.
error-inquiry_paths_count = Vui lòng chọn từ 1 đến { $max } mục làm đối tượng yêu cầu làm rõ.
error-inquiry_path_invalid = Mục này không tồn tại, hoặc không phải là mục mà bộ/cơ quan của quý vị có thể xem xét. Vui lòng chọn lại các mục làm đối tượng yêu cầu làm rõ.
error-inquiry_change_not_flagged = Mục này không thuộc đối tượng yêu cầu làm rõ nên hiện không thể thay đổi. Vui lòng chỉ sửa các mục thuộc đối tượng yêu cầu làm rõ.
error-change_empty = Không có mục nào khác với nội dung đã đăng ký. Vui lòng nhập nội dung thay đổi rồi mới thông báo.
error-forbidden = Quý vị không có quyền thực hiện thao tác này.
error-staff_unauthenticated = Vui lòng đăng nhập với tư cách nhân viên (cần địa chỉ e-mail, mật khẩu và mã của ứng dụng xác thực).
error-tenant_exists = Tenant có ID này đã tồn tại. Vui lòng chỉ định ID khác.
error-tenant_not_ministry = Chỉ có thể phân công loại hình kinh doanh cho tenant của bộ/cơ quan.
error-business_type_owned = Trong các loại hình kinh doanh đã chỉ định, có loại đã do bộ/cơ quan khác phụ trách. Vui lòng kiểm tra lại việc phân công.
error-staff_email_taken = Nhân viên có địa chỉ e-mail này đã được đăng ký.
error-staff_cannot_disable_self = Quý vị không thể vô hiệu hóa tài khoản của chính mình. Vui lòng nhờ một quản trị viên khác.
error-line_not_in_review = Cơ sở và loại hình kinh doanh này hiện không trong quá trình thẩm định. Vui lòng tải lại màn hình để kiểm tra trạng thái.
error-inquiry_not_possible = Chỉ có thể gửi yêu cầu làm rõ trong thời gian đơn đang được thẩm định.
error-review_not_complete = Để đăng ký, cần quyết định kết quả thẩm định cho tất cả các cơ sở và loại hình kinh doanh, và đã nhận được câu trả lời cho mọi yêu cầu làm rõ.
error-inquiry_not_open = Yêu cầu làm rõ này đã được trả lời.
error-application_changed = Nội dung đơn đã thay đổi trong khi quý vị thao tác. Vui lòng tải lại màn hình rồi thử lại.
error-change_already_pending = Đang có một thông báo thay đổi được thẩm định. Vui lòng đợi có kết quả rồi mới thông báo lại.
error-application_not_registered = Chỉ có thể thông báo thay đổi đối với đơn đã được đăng ký.
error-enrolment_link_invalid = Đường liên kết đăng ký tài khoản này không hợp lệ, đã được sử dụng hoặc đã hết hạn. Vui lòng nhờ quản trị viên cấp đường liên kết mới.

## Pages
page-apply-title = Đăng ký tiêm chủng đặc định
page-apply-not_yet = Đường liên kết này hợp lệ và nội dung đã nhập được lưu. Mẫu đơn nhập trên màn hình đang được chuẩn bị. Trong thời gian đó, quý vị có thể nhập qua API (GET/PUT /api/v1/drafts/…).
page-password-title = Đặt mật khẩu
page-password-label = Mật khẩu mới
page-password-hint = Từ 8 đến 128 ký tự. Không cần trộn ký hiệu hay chữ số; nên dùng một câu dài (cụm mật khẩu). Không thể dùng mật khẩu phổ biến.
page-password-submit = Đặt mật khẩu

## Excel template (core/workbook)
workbook-column-establishment_name = Tên cơ sở
workbook-column-postal_code = Mã bưu chính (7 chữ số)
workbook-column-prefecture = Tỉnh/thành (todofuken)
workbook-column-city = Thành phố/quận/thị trấn/làng
workbook-column-street = Địa chỉ chi tiết (đến tên tòa nhà)
workbook-column-phone = Số điện thoại (bắt đầu từ mã vùng)
workbook-column-fax = Số fax (không bắt buộc)
workbook-column-email = Địa chỉ e-mail (không bắt buộc)
workbook-column-total_staff = Tổng số nhân viên
workbook-column-business_type = Loại hình kinh doanh
workbook-column-sub_type_1 = Hạng mục chi tiết ① của loại hình kinh doanh
workbook-column-sub_type_2 = Hạng mục chi tiết ② của loại hình kinh doanh (nếu có)
workbook-column-registered_staff_own = Số nhân viên làm công việc đối tượng đăng ký (của doanh nghiệp, quy đổi toàn thời gian)
workbook-column-registered_staff_external = Số nhân viên làm công việc đối tượng đăng ký (doanh nghiệp bên ngoài, quy đổi toàn thời gian)
workbook-column-note = Ghi chú (chi tiết theo từng công việc đối tượng)
workbook-column-vaccination_site_status = Tình trạng bố trí cơ sở y tế thực hiện tiêm chủng
workbook-column-vaccination_site_name = Tên cơ sở y tế thực hiện tiêm chủng
workbook-column-vaccination_site_name_kana = Tên cơ sở y tế thực hiện tiêm chủng (cách đọc bằng hiragana)
workbook-column-vaccination_site_postal_code = Mã bưu chính của cơ sở y tế thực hiện tiêm chủng
workbook-column-vaccination_site_prefecture = Tỉnh/thành của cơ sở y tế thực hiện tiêm chủng
workbook-column-vaccination_site_city = Thành phố/quận/thị trấn/làng của cơ sở y tế thực hiện tiêm chủng
workbook-column-vaccination_site_street = Địa chỉ chi tiết của cơ sở y tế thực hiện tiêm chủng
workbook-column-vaccination_site_phone = Số điện thoại của cơ sở y tế thực hiện tiêm chủng
workbook-column-vaccination_site_plan_note = Kế hoạch nếu chưa bố trí được (ví dụ: đang xem xét thực hiện tại bệnh viện ○○)
workbook-site-secured = Đã bố trí
workbook-site-not_yet_secured = Chưa bố trí
workbook-error-count = Vui lòng nhập số nguyên từ 0 trở lên.
workbook-error-prefecture = Vui lòng chọn tỉnh/thành từ danh sách.
workbook-error-business-type = Đây không phải mã trong danh sách. Hãy chọn từ danh sách hoặc gõ mã đúng.
workbook-error-site-status = Vui lòng chọn từ danh sách.
workbook-guide-title = Đăng ký tiêm chủng đặc định: mẫu đăng ký hàng loạt các cơ sở
workbook-guide-rows = Trên trang tính “establishments”, hãy nhập một dòng cho mỗi tổ hợp cơ sở và loại hình kinh doanh. Nếu một cơ sở có nhiều loại hình kinh doanh, hãy nhập cùng thông tin cơ sở trên nhiều dòng.
workbook-guide-keys = Tên cột bằng chữ Latinh ở dòng 2 được dùng khi nhập dữ liệu vào hệ thống. Không được sửa hoặc xóa. Hãy bắt đầu nhập từ dòng 3.
workbook-guide-counts = Số nhân viên làm công việc đối tượng đăng ký được quy đổi toàn thời gian, và nhập dưới dạng số nguyên đã làm tròn lên cho từng cơ sở và loại hình kinh doanh.
workbook-guide-types = Loại ngành và phân loại có thể chọn từ danh sách. Trong "tên [mã]", mã trong ngoặc vuông là phần được đọc; bạn cũng có thể tự gõ mã.
workbook-guide-site = Nếu chưa bố trí được cơ sở y tế thực hiện tiêm chủng, hãy chọn “Chưa bố trí” và nhập kế hoạch (không nhập giá trị giả).
workbook-guide-upload = Tệp đã điền có thể được nhập vào từ mẫu đơn đăng ký (màn hình nhập tệp đang được chuẩn bị).

## Plugins
notice-plugin_unavailable = Không thể chạy kiểm tra tự động của { $ministry }. Bộ/cơ quan phụ trách sẽ kiểm tra nội dung này (đây không phải lỗi của người nộp đơn).
error-plugin_refused = Không thể cài đặt plugin này. Vui lòng xem lý do trong detail (không có gì bị thay đổi).
error-plugin_version_not_found = Không có phiên bản này trong các phiên bản đã lưu của plugin bộ này.
error-admin_disabled = API quản trị đang bị vô hiệu hóa (chưa thiết lập TOROKU_ADMIN_TOKEN).
error-admin_unauthorized = Xác thực API quản trị không thành công.
