# The public register page and its CSV headings (Korean).

register-title = 특정접종 등록 사업자 공표
register-intro = 특정접종 등록을 받은 사업자의 공표 사항(사업자명, 사업 종류, 사업소의 명칭·소재지, 등록 연월일, 등록 번호)입니다.
register-search-label = 사업자명·사업소명·소재지로 검색
register-prefecture-label = 도도부현
register-search-button = 검색
register-col-number = 등록 번호
register-col-registered-on = 등록 연월일
register-col-applicant = 사업자명
register-col-business-type = 사업 종류
register-col-establishment = 사업소 명칭
register-col-address = 사업소 소재지
register-empty = 해당하는 등록 사업자가 없습니다.
register-next = 다음 페이지
register-csv = CSV로 다운로드
