# The public register page and its CSV headings (Vietnamese).

register-title = Công bố danh sách doanh nghiệp đã đăng ký tiêm chủng đặc định
register-intro = Các mục công bố của doanh nghiệp đã được đăng ký tiêm chủng đặc định (tên doanh nghiệp, loại hình kinh doanh, tên và địa chỉ cơ sở, ngày đăng ký, số đăng ký).
register-search-label = Tìm theo tên doanh nghiệp, tên cơ sở hoặc địa chỉ
register-prefecture-label = Tỉnh/thành (todofuken)
register-search-button = Tìm kiếm
register-col-number = Số đăng ký
register-col-registered-on = Ngày đăng ký
register-col-applicant = Tên doanh nghiệp
register-col-business-type = Loại hình kinh doanh
register-col-establishment = Tên cơ sở
register-col-address = Địa chỉ cơ sở
register-empty = Không có doanh nghiệp đã đăng ký nào phù hợp.
register-next = Trang tiếp theo
register-csv = Tải xuống dạng CSV
