# Messages of application findings (Vietnamese). Id: finding-<code>. Variables are the finding's
# args. Japanese (locales/ja) is canonical.

## Automatic corrections (info)

finding-postal_code_normalised = Đã sửa mã bưu chính từ “{ $from }” thành “{ $to }” (7 chữ số nửa độ rộng).
finding-phone_normalised = Đã sửa số từ “{ $from }” thành “{ $to }” (chữ số nửa độ rộng, không có dấu gạch nối hoặc dấu ngoặc).
finding-email_normalised = Đã đổi các ký tự toàn độ rộng trong địa chỉ e-mail thành nửa độ rộng: “{ $to }”.
finding-kana_normalised = Đã sửa cách đọc từ “{ $from }” thành “{ $to }” (hiragana, không có khoảng trắng).
finding-name_width_normalised = Đã đổi katakana nửa độ rộng thành toàn độ rộng: “{ $to }”.
finding-number_normalised = Đã đọc số người “{ $from }” thành con số { $to }.
finding-corporate_number_normalised = Đã sửa số từ “{ $from }” thành “{ $to }” (chỉ gồm chữ số nửa độ rộng).
finding-registered_staff_total_computed = Số nhân viên làm công việc đối tượng đăng ký được tính tự động, nên giá trị { $from } đã nhập được thay bằng { $to } (tổng của doanh nghiệp nộp đơn và doanh nghiệp bên ngoài).
finding-address_filled_from_postal_code = Đã điền “{ $to }” từ mã bưu chính { $postal_code }. Vui lòng kiểm tra lại.

## Errors (must be fixed)

finding-invalid_type = { $expected ->
    [string] Vui lòng nhập bằng chữ.
    [integer] Vui lòng nhập số nguyên bằng chữ số nửa độ rộng.
    [boolean] Vui lòng chọn “Có” hoặc “Không”.
    [object] Định dạng nội dung nhập không đúng. Vui lòng nhập lại mục này.
    [array] Định dạng nội dung nhập không đúng. Vui lòng nhập lại dưới dạng danh sách.
   *[other] Định dạng nội dung nhập không đúng.
}
finding-required = Mục này là bắt buộc. Vui lòng nhập.
finding-too_long = Vui lòng nhập tối đa { $max } ký tự (hiện tại { $length } ký tự).
finding-number_negative = Vui lòng nhập số từ 0 trở lên (giá trị đã nhập: { $value }).
finding-number_not_integer = Vui lòng nhập số nguyên. Hãy làm tròn lên phần thập phân (giá trị đã nhập: { $value }).
finding-number_too_large = Số { $value } đã nhập quá lớn. Vui lòng nhập số không quá { $max }.
finding-program_invalid = Loại đơn “{ $value }” không được tiếp nhận. Vui lòng nhập lại từ mẫu đơn tiêm chủng đặc định.
finding-founder_invalid = Vui lòng chọn chủ thể thành lập của người nộp đơn: “Tư nhân” hoặc “Nhà nước, tỉnh/thành, thành phố/quận/thị trấn/làng”.
finding-public_body_class_invalid = Vui lòng chọn phân loại thành lập: “Nhà nước”, “Tỉnh/thành” hoặc “Thành phố/quận/thị trấn/làng”.
finding-public_body_class_not_applicable = Phân loại thành lập chỉ nhập khi là Nhà nước, tỉnh/thành, thành phố/quận/thị trấn/làng. Nếu là tư nhân, vui lòng để trống.
finding-declaration_required = Vui lòng xác nhận rằng nội dung trong đơn đăng ký không có gì sai sự thật và đánh dấu vào ô xác nhận.
finding-postal_code_invalid = Mã bưu chính “{ $value }” không đúng. Vui lòng nhập 7 chữ số nửa độ rộng, không có dấu gạch nối (ví dụ: 1008916).
finding-phone_invalid = Số “{ $value }” không đúng. Vui lòng nhập 10 hoặc 11 chữ số nửa độ rộng, bắt đầu từ mã vùng, không có dấu gạch nối hoặc dấu ngoặc (ví dụ: 0335953426).
finding-email_invalid = Địa chỉ e-mail “{ $value }” không đúng định dạng. Vui lòng nhập bằng chữ và số nửa độ rộng (ví dụ: soumu@example.jp).
finding-kana_not_hiragana = Cách đọc có chứa ký tự không được dùng: “{ $character }”. Vui lòng nhập bằng hiragana toàn độ rộng, không có khoảng trắng.
finding-prefecture_unknown = Tỉnh/thành “{ $value }” không đúng. Vui lòng chọn từ danh sách (ví dụ: 東京都, 北海道, 大阪府).
finding-industrial_physician_required = { $founder ->
    [public] Khi báo cáo số nhân viên làm công việc đối tượng đăng ký của doanh nghiệp bên ngoài, cần phải đã chỉ định bác sĩ sức khỏe nghề nghiệp (trừ ngành bảo hiểm xã hội, phúc lợi xã hội và chăm sóc điều dưỡng).
   *[private] Nếu chưa chỉ định bác sĩ sức khỏe nghề nghiệp thì không thuộc đối tượng nộp đơn đăng ký (trừ ngành bảo hiểm xã hội, phúc lợi xã hội và chăm sóc điều dưỡng).
}
finding-business_continuity_plan_required = { $founder ->
    [public] Khi báo cáo số nhân viên làm công việc đối tượng đăng ký của doanh nghiệp bên ngoài, cần phải đã lập kế hoạch duy trì hoạt động kinh doanh.
   *[private] Nếu chưa lập kế hoạch duy trì hoạt động kinh doanh thì không thuộc đối tượng nộp đơn đăng ký.
}
finding-note1_required = Vui lòng nhập số giấy phép vào ô ghi chú 1 (với ngành không có giấy phép, hãy nhập số đăng ký công ty pháp nhân).
finding-corporate_number_check_digit_invalid = Mã số pháp nhân “{ $value }” không đúng. Vui lòng kiểm tra lại dãy 13 chữ số rồi nhập lại.
finding-proxy_prefix_missing = Khi nộp đơn thay, vui lòng ghi tên doanh nghiệp ủy quyền ở đầu tên cơ sở theo dạng “（〇〇社代理）” (giá trị đã nhập: { $name }).
finding-proxy_franchisee_statement_required = Khi nộp đơn thay, tất cả các doanh nghiệp ủy quyền đều phải đã chỉ định bác sĩ sức khỏe nghề nghiệp và đã lập kế hoạch duy trì hoạt động kinh doanh.
finding-establishment_required = Vui lòng đăng ký ít nhất 1 cơ sở.
finding-business_line_required = Vui lòng đăng ký ít nhất 1 loại hình kinh doanh cho cơ sở này.
finding-business_type_unknown = Loại hình kinh doanh “{ $value }” không thuộc đối tượng đăng ký. Vui lòng chọn từ danh sách.
finding-business_line_duplicate = Loại hình kinh doanh này ({ $business_type } / { $sub_type_1 }) trùng với dòng thứ { $duplicate_of } của cơ sở này. Vui lòng gộp lại thành một dòng.
finding-vaccination_site_status_invalid = Vui lòng chọn tình trạng cơ sở y tế thực hiện tiêm chủng: “Đã bố trí” hoặc “Chưa bố trí”.

## Warnings (please check)

finding-legal_form_abbreviated = Vui lòng ghi đầy đủ loại hình pháp nhân, không viết tắt: ghi “{ $full }” thay vì “{ $abbreviation }”.
finding-not_full_width = Có chứa ký tự nửa độ rộng “{ $character }”. Vui lòng nhập bằng ký tự toàn độ rộng.
finding-postal_code_unknown = Không tìm thấy mã bưu chính { $value }. Vui lòng kiểm tra lại số, rồi chọn tỉnh/thành và thành phố/quận/thị trấn/làng từ danh sách.
finding-address_postal_code_mismatch = Địa chỉ không khớp với mã bưu chính { $postal_code } (địa chỉ theo mã bưu chính: { $candidates }). Vui lòng kiểm tra lại.
finding-registered_staff_own_exceeds_total_staff = Số nhân viên làm công việc đối tượng đăng ký của doanh nghiệp nộp đơn ({ $own } người) vượt quá tổng số nhân viên của cơ sở này ({ $total_staff } người). Vui lòng kiểm tra lại.
finding-registered_staff_zero = Số nhân viên làm công việc đối tượng đăng ký là 0 người. Vui lòng kiểm tra lại.
finding-power_of_attorney_not_submitted = Khi nộp đơn thay, vui lòng nộp bản sao hợp đồng ủy quyền (giấy ủy quyền) cho bộ/cơ quan phụ trách.

# Extra fields declared by the responsible ministry's plugin ($field = the field's key).
finding-extra_field_required = Bộ/cơ quan phụ trách cần mục này ({ $field }). Vui lòng nhập.
finding-extra_field_wrong_kind = Mục này ({ $field }) có định dạng không đúng (vui lòng nhập dưới dạng { $expected }).
finding-extra_field_below_min = Mục này ({ $field }) phải từ { $min } trở lên.
finding-extra_field_above_max = Mục này ({ $field }) không được vượt quá { $max }.
finding-extra_field_too_long = Mục này ({ $field }) chỉ được dài tối đa { $max } ký tự.
finding-extra_field_pattern_mismatch = Mục này ({ $field }) không được viết đúng cách. Vui lòng xem ví dụ nhập.
finding-extra_field_not_a_choice = Vui lòng chọn giá trị cho mục này ({ $field }) từ danh sách.
