# Financial Services Agency plugin, Vietnamese: its own review messages (labels of business types are generated from catalogue.json, where their translations live).
fsa-bank-duties = Nghiệp vụ ngân hàng thuộc đối tượng đăng ký
fsa-bank-duties-help = Vui lòng chọn các nghiệp vụ ngân hàng thuộc công việc đối tượng đăng ký (tiền gửi, cho vay, chuyển tiền và thanh toán, cung cấp tiền mặt).
fsa-bank-duty-deposits = Chi trả tiền gửi, v.v.
fsa-bank-duty-lending = Cho vay vốn
fsa-bank-duty-settlement = Chuyển tiền và thanh toán vốn
fsa-bank-duty-cash-supply = Cung cấp tiền mặt
fsa-bank-duties-only-banking = Chỉ có thể nhập phân loại nghiệp vụ ngân hàng khi loại hình kinh doanh là “Ngân hàng”.
fsa-bank-duties-missing = Chưa nhập phân loại nghiệp vụ ngân hàng thuộc công việc đối tượng đăng ký của ngành ngân hàng.
