# Core messages: API errors and notices (Korean). Japanese (locales/ja) is canonical.
# 용어: 특정접종(特定接種), 등록(登録), 사업자(事業者), 사업소(事業所), 사업 종류(事業の種類),
# 조회(疑義照会), 담당 부처(担当府省庁).

## Notices
notice-pre_registration_accepted = 입력하신 이메일 주소로 신청서 링크를 보내 드렸습니다. 메일이 오지 않으면 주소가 올바른지 확인한 후 다시 시도해 주십시오.
notice-draft_saved = 임시 저장했습니다.
notice-submitted = 신청서를 제출했습니다. 확인 메일을 보내 드렸습니다.
notice-password_set = 비밀번호를 설정했습니다. 로그인해 주십시오.
notice-password_changed = 비밀번호를 변경했습니다.
notice-password_reset_accepted = 입력하신 내용이 등록 정보와 일치하는 경우, 비밀번호 재설정 링크를 메일로 보내 드렸습니다.
notice-logged_out = 로그아웃했습니다.

## Errors: request fields
error-email_required = 이메일 주소를 입력해 주십시오.
error-email_too_long = 이메일 주소는 { $max }자 이내로 입력해 주십시오.
error-email_invalid = 이메일 주소 형식이 올바르지 않습니다. 반각 영문자와 숫자로 "name@example.jp"와 같이 입력해 주십시오.
error-email_mismatch = 확인용 이메일 주소가 일치하지 않습니다. 같은 주소를 두 번 입력해 주십시오.
error-phone_required = 신청서에 등록한 전화번호를 입력해 주십시오.
error-login_id_required = 로그인 ID(신청 시 사용한 이메일 주소)를 입력해 주십시오.
error-password_required = 비밀번호를 입력해 주십시오.
error-password_too_short = 비밀번호는 { $min }자 이상으로 설정해 주십시오.
error-password_too_long = 비밀번호는 { $max }자 이내로 설정해 주십시오.
error-password_common = 이 비밀번호는 자주 사용되어 추측하기 쉬우므로 사용할 수 없습니다. 다른 비밀번호를 설정해 주십시오.
error-password_context = 이 서비스나 제도의 이름을 바탕으로 한 비밀번호는 추측하기 쉬우므로 사용할 수 없습니다. 다른 비밀번호를 설정해 주십시오.
error-body_invalid_json = 요청 본문을 JSON으로 읽을 수 없습니다.
error-body_not_object = 요청 본문은 JSON 객체여야 합니다.
error-submit_body_unknown_field = 제출 요청에 지정할 수 있는 항목은 revision뿐입니다.
error-revision_invalid = revision에는 정수를 지정해 주십시오.
error-document_not_object = 신청서 데이터는 JSON 객체여야 합니다.
error-postal_code_unknown = 이 우편번호를 찾을 수 없습니다. 번호를 확인하거나 목록에서 도도부현과 시구정촌을 선택해 주십시오.
error-postal_code_invalid = 우편번호는 7자리 숫자로 입력해 주십시오.

## Errors: links, state and sessions
error-link_invalid = 이 링크는 유효하지 않습니다. 메일에 적힌 링크를 그대로 사용하시거나, "처음 이용하시는 분"에서 다시 절차를 진행해 주십시오.
error-link_expired = 이 링크의 유효 기간이 지났습니다. "처음 이용하시는 분"에서 다시 절차를 진행하시면 새 링크를 보내 드립니다. 입력하신 내용은 저장되어 있습니다.
error-application_already_submitted = 이 신청은 이미 제출되었습니다. 신청 내용은 로그인하여 확인해 주십시오.
error-revision_mismatch = 확인 화면을 표시한 후에 신청 내용이 변경되었습니다(현재 버전: { $current }). 내용을 다시 확인한 후 제출해 주십시오.
error-findings_block_submission = 신청 내용에 오류가 있어 제출할 수 없습니다. 각 항목의 메시지를 확인하고 수정해 주십시오.
error-idempotency_key_missing = Idempotency-Key 헤더를 지정해 주십시오.
error-idempotency_key_invalid = Idempotency-Key 헤더는 255자 이내의 반각 영숫자 및 기호여야 합니다.
error-idempotency_key_reused = 이 Idempotency-Key는 내용이 다른 요청에 이미 사용되었습니다. 새 키를 사용해 주십시오.
error-password_link_invalid = 이 비밀번호 설정 링크는 유효하지 않거나, 이미 사용되었거나, 유효 기간이 지났습니다. 로그인 화면의 "비밀번호를 잊으셨나요?"에서 다시 발급받아 주십시오.
error-invalid_credentials = 로그인 ID 또는 비밀번호가 올바르지 않습니다.
error-too_many_attempts = 시도 횟수가 너무 많습니다. { $seconds }초 후에 다시 시도해 주십시오.
error-unauthenticated = 로그인해 주십시오.
error-current_password_wrong = 현재 비밀번호가 올바르지 않습니다.

## Errors: protocol
error-invalid_request = 입력 내용에 오류가 있습니다.
error-not_found = 찾으시는 페이지 또는 데이터가 없습니다.
error-method_not_allowed = 이 주소에서는 이 작업을 사용할 수 없습니다.
error-payload_too_large = 전송된 데이터가 너무 큽니다(상한 { $max }바이트).
error-unsupported_media_type = Content-Type: application/json으로 전송해 주십시오.
error-too_many_requests = 이 연결에서 보낸 요청이 너무 많습니다. { $seconds }초 후에 다시 시도해 주십시오.
error-service_busy = 접속이 집중되고 있습니다. 잠시 후 다시 시도해 주십시오.
error-cross_origin_request = 다른 사이트에서 보낸 요청은 받을 수 없습니다. 이 사이트의 페이지에서 조작해 주십시오.
error-internal = 시스템에 문제가 발생했습니다. 잠시 후 다시 시도해 주십시오.

## Errors: FTE calculator
error-fte_input_invalid = 상근 환산에는 소정 근무 시간(standard_weekly_hours), 상근자 수(full_time), 근무 패턴(patterns: 인원 people과 주당 시간 hours_per_week)을 숫자로 지정해 주십시오.
error-fte_standard_hours_out_of_range = 주당 소정 근무 시간은 0보다 크고 { $max }시간 이하로 입력해 주십시오.
error-fte_pattern_hours_out_of_range = 주당 근무 시간은 0 이상, 소정 근무 시간 이하로 입력해 주십시오(소정 근무 시간대로 일하는 사람은 상근자로 셉니다).
error-fte_too_many_decimals = 시간은 소수점 이하 2자리까지 입력해 주십시오.
error-fte_too_large = 인원이 너무 많아 계산할 수 없습니다.

## Errors: staff, review and registration
error-field_required = 이 항목을 입력해 주십시오.
error-field_too_long = { $max }자 이내로 입력해 주십시오.
error-tenant_id_invalid = 테넌트 ID는 반각 영소문자, 숫자, 하이픈(-)만 사용하여 2자 이상 32자 이내로 지정해 주십시오.
error-business_type_unknown = 이 사업 종류는 설치된 어떤 플러그인에도 정의되어 있지 않습니다. 사업 종류 코드를 확인해 주십시오.
error-staff_role_invalid = 이 역할은 지정할 수 없습니다. 중앙 관리 테넌트에서는 central_admin을, 부처에서는 ministry_admin 또는 reviewer를 지정해 주십시오.
error-totp_code_required = 인증 앱에 표시되는 6자리 코드를 입력해 주십시오.
error-limit_out_of_range = limit에는 1 이상 { $max } 이하의 정수를 지정해 주십시오.
error-queue_status_invalid = status에는 open, inquiry, decided 중 하나를 지정해 주십시오.
error-cursor_invalid = cursor가 올바르지 않습니다. 이전 페이지의 next_cursor를 그대로 지정해 주십시오.
error-reason_required = 반려(reject)하는 경우에는 사유를 입력해 주십시오.
error-decision_invalid = decision에는 accept 또는 reject를 지정해 주십시오.
error-inquiry_paths_count = 조회 대상 항목은 1개 이상 { $max }개 이내로 지정해 주십시오.
error-inquiry_path_invalid = 이 항목은 존재하지 않거나, 귀 부처가 확인할 수 있는 항목이 아닙니다. 조회 대상 항목을 다시 선택해 주십시오.
error-inquiry_change_not_flagged = 이 항목은 조회 대상이 아니므로 지금은 변경할 수 없습니다. 조회 대상인 항목만 수정해 주십시오.
error-change_empty = 등록 내용에서 변경된 항목이 없습니다. 변경할 내용을 입력한 후 신고해 주십시오.
error-forbidden = 이 작업을 수행할 권한이 없습니다.
error-staff_unauthenticated = 직원으로 로그인해 주십시오(이메일 주소, 비밀번호, 인증 앱 코드가 필요합니다).
error-tenant_exists = 이 ID의 테넌트가 이미 존재합니다. 다른 ID를 지정해 주십시오.
error-tenant_not_ministry = 사업 종류는 부처 테넌트에만 할당할 수 있습니다.
error-business_type_owned = 지정한 사업 종류 중 이미 다른 부처가 담당하고 있는 것이 있습니다. 할당을 확인해 주십시오.
error-staff_email_taken = 이 이메일 주소의 직원이 이미 등록되어 있습니다.
error-staff_cannot_disable_self = 자신의 계정은 비활성화할 수 없습니다. 다른 관리자에게 요청해 주십시오.
error-line_not_in_review = 이 사업소·사업 종류는 현재 심사 중이 아닙니다. 화면을 새로 고쳐 상태를 확인해 주십시오.
error-inquiry_not_possible = 조회는 신청이 심사 중인 동안에만 할 수 있습니다.
error-review_not_complete = 등록하려면 모든 사업소·사업 종류에 대해 심사 결과를 정하고, 모든 조회에 대한 답변을 받아야 합니다.
error-inquiry_not_open = 이 조회에는 이미 답변이 되어 있습니다.
error-application_changed = 작업 중에 신청 내용이 변경되었습니다. 화면을 새로 고친 후 다시 시도해 주십시오.
error-change_already_pending = 심사 중인 변경 신고가 있습니다. 그 결과가 나온 후에 다시 신고해 주십시오.
error-application_not_registered = 변경 신고는 등록이 완료된 신청에 대해서만 할 수 있습니다.
error-enrolment_link_invalid = 이 등록용 링크는 유효하지 않거나, 이미 사용되었거나, 유효 기간이 지났습니다. 관리자에게 새 링크 발급을 요청해 주십시오.

## Pages
page-apply-title = 특정접종 등록 신청
page-apply-not_yet = 이 링크는 유효하며, 입력하신 내용은 저장되어 있습니다. 화면에서 입력할 수 있는 신청서는 준비 중입니다. 그때까지는 API(GET/PUT /api/v1/drafts/…)로 입력할 수 있습니다.
page-password-title = 비밀번호 설정
page-password-label = 새 비밀번호
page-password-hint = 8자 이상 128자 이내. 기호나 숫자를 섞을 필요는 없습니다. 긴 문장(패스프레이즈)을 권장합니다. 자주 사용되는 비밀번호는 사용할 수 없습니다.
page-password-submit = 설정

## Excel template (core/workbook)
workbook-column-establishment_name = 사업소명
workbook-column-postal_code = 우편번호(7자리)
workbook-column-prefecture = 도도부현
workbook-column-city = 시구정촌
workbook-column-street = 정명 이하(건물명까지)
workbook-column-phone = 전화번호(지역 번호부터)
workbook-column-fax = 팩스 번호(선택)
workbook-column-email = 이메일 주소(선택)
workbook-column-total_staff = 전체 종업원 수
workbook-column-business_type = 사업 종류
workbook-column-sub_type_1 = 사업 종류 세목①
workbook-column-sub_type_2 = 사업 종류 세목②(해당하는 경우)
workbook-column-registered_staff_own = 등록 대상 업무 종업원 수(자사·상근 환산)
workbook-column-registered_staff_external = 등록 대상 업무 종업원 수(외부 사업자·상근 환산)
workbook-column-note = 비고(대상 업무별 내역)
workbook-column-vaccination_site_status = 접종 실시 의료기관 확보 여부
workbook-column-vaccination_site_name = 접종 실시 의료기관명
workbook-column-vaccination_site_name_kana = 접종 실시 의료기관명(히라가나 읽기)
workbook-column-vaccination_site_postal_code = 접종 실시 의료기관의 우편번호
workbook-column-vaccination_site_prefecture = 접종 실시 의료기관의 도도부현
workbook-column-vaccination_site_city = 접종 실시 의료기관의 시구정촌
workbook-column-vaccination_site_street = 접종 실시 의료기관의 정명 이하
workbook-column-vaccination_site_phone = 접종 실시 의료기관의 전화번호
workbook-column-vaccination_site_plan_note = 미확보인 경우의 예정(예: ○○병원에서 실시를 검토 중)
workbook-site-secured = 확보 완료
workbook-site-not_yet_secured = 미확보
workbook-error-count = 0 이상의 정수를 입력해 주십시오.
workbook-error-prefecture = 목록에서 도도부현을 선택해 주십시오.
workbook-error-business-type = 목록에 있는 코드가 아닙니다. 목록에서 고르거나 올바른 코드를 입력하십시오.
workbook-error-site-status = 목록에서 선택해 주십시오.
workbook-guide-title = 특정접종 등록 신청: 사업소 일괄 등록용 양식
workbook-guide-rows = "establishments" 시트에 사업소와 사업 종류의 조합마다 한 행씩 입력해 주십시오. 한 사업소에 여러 사업 종류가 있는 경우에는 사업소 정보를 같은 내용으로 여러 행에 입력합니다.
workbook-guide-keys = 2행의 영문 열 이름은 가져오기에 사용합니다. 변경하거나 삭제하지 마십시오. 입력은 3행부터 합니다.
workbook-guide-counts = 등록 대상 업무 종업원 수는 상근 환산하여, 사업소·사업 종류별로 소수점 이하를 올림한 정수로 입력해 주십시오.
workbook-guide-types = 업종과 업종 구분은 목록에서 고를 수 있습니다. "이름 [코드]" 중 [ ] 안의 코드가 읽힙니다. 코드를 직접 입력해도 됩니다.
workbook-guide-site = 접종 실시 의료기관을 아직 확보하지 못한 경우에는 "미확보"를 선택하고 예정을 입력해 주십시오(임의의 값은 입력하지 마십시오).
workbook-guide-upload = 작성한 파일은 신청서에서 가져올 수 있습니다(가져오기 화면은 준비 중입니다).

## Plugins
notice-plugin_unavailable = { $ministry }의 자동 검사를 실행하지 못했습니다. 담당 부처가 내용을 확인합니다(신청자의 오류가 아닙니다).
error-plugin_refused = 이 플러그인은 설치할 수 없습니다. 사유는 detail을 확인해 주십시오(아무것도 변경하지 않았습니다).
error-plugin_version_not_found = 해당 부처의 플러그인에 이 버전은 저장되어 있지 않습니다.
error-admin_disabled = 관리용 API가 비활성화되어 있습니다(TOROKU_ADMIN_TOKEN이 설정되어 있지 않습니다).
error-admin_unauthorized = 관리용 API 인증에 실패했습니다.
