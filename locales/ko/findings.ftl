# Messages of application findings (Korean). Id: finding-<code>. Variables are the finding's args.
# Japanese (locales/ja) is canonical.

## Automatic corrections (info)

finding-postal_code_normalised = 우편번호를 "{ $from }"에서 "{ $to }"(으)로 수정했습니다(반각 숫자 7자리).
finding-phone_normalised = 번호를 "{ $from }"에서 "{ $to }"(으)로 수정했습니다(하이픈·괄호 없는 반각 숫자).
finding-email_normalised = 이메일 주소의 전각 문자를 반각으로 고쳐 "{ $to }"(으)로 했습니다.
finding-kana_normalised = 후리가나를 "{ $from }"에서 "{ $to }"(으)로 수정했습니다(히라가나, 공백 없음).
finding-name_width_normalised = 반각 가타카나를 전각으로 고쳐 "{ $to }"(으)로 했습니다.
finding-number_normalised = 인원 "{ $from }"을(를) 숫자 { $to }(으)로 읽었습니다.
finding-corporate_number_normalised = 번호를 "{ $from }"에서 "{ $to }"(으)로 수정했습니다(반각 숫자만).
finding-registered_staff_total_computed = 등록 대상 업무 종업원 수는 자동으로 계산되므로, 입력하신 { $from }을(를) { $to }(으)로 고쳤습니다(신청 사업자분과 외부 사업자분의 합계).
finding-address_filled_from_postal_code = 우편번호 { $postal_code }에서 "{ $to }"을(를) 입력했습니다. 내용을 확인해 주십시오.

## Errors (must be fixed)

finding-invalid_type = { $expected ->
    [string] 문자로 입력해 주십시오.
    [integer] 반각 숫자의 정수로 입력해 주십시오.
    [boolean] "예" 또는 "아니요"를 선택해 주십시오.
    [object] 입력 내용의 형식이 올바르지 않습니다. 항목을 다시 입력해 주십시오.
    [array] 입력 내용의 형식이 올바르지 않습니다. 목록으로 다시 입력해 주십시오.
   *[other] 입력 내용의 형식이 올바르지 않습니다.
}
finding-required = 이 항목은 필수입니다. 입력해 주십시오.
finding-too_long = { $max }자 이내로 입력해 주십시오(현재 { $length }자).
finding-number_negative = 0 이상의 수를 입력해 주십시오(입력값: { $value }).
finding-number_not_integer = 정수로 입력해 주십시오. 소수점 이하는 올림해 주십시오(입력값: { $value }).
finding-number_too_large = 입력한 수 { $value }은(는) 너무 큽니다. { $max } 이하의 수를 입력해 주십시오.
finding-program_invalid = 신청 종류 "{ $value }"은(는) 접수하지 않습니다. 특정접종 신청서에서 다시 입력해 주십시오.
finding-founder_invalid = 신청자의 설립 주체는 "민간" 또는 "국가·도도부현·시구정촌" 중에서 선택해 주십시오.
finding-public_body_class_invalid = 설립 구분은 "국가", "도도부현", "시구정촌" 중에서 선택해 주십시오.
finding-public_body_class_not_applicable = 설립 구분은 국가·도도부현·시구정촌인 경우에만 입력합니다. 민간인 경우에는 비워 두십시오.
finding-declaration_required = 등록 신청서의 입력 내용에 거짓이 없음을 확인하고 체크해 주십시오.
finding-postal_code_invalid = 우편번호 "{ $value }"이(가) 올바르지 않습니다. 하이픈 없이 반각 숫자 7자리로 입력해 주십시오(예: 1008916).
finding-phone_invalid = 번호 "{ $value }"이(가) 올바르지 않습니다. 지역 번호부터 하이픈과 괄호 없이 반각 숫자 10자리 또는 11자리로 입력해 주십시오(예: 0335953426).
finding-email_invalid = 이메일 주소 "{ $value }"의 형식이 올바르지 않습니다. 반각 영숫자로 입력해 주십시오(예: soumu@example.jp).
finding-kana_not_hiragana = 후리가나에 사용할 수 없는 문자 "{ $character }"이(가) 포함되어 있습니다. 전각 히라가나로, 띄어쓰기 없이 입력해 주십시오.
finding-prefecture_unknown = 도도부현 "{ $value }"이(가) 올바르지 않습니다. 목록에서 선택해 주십시오(예: 東京都, 北海道, 大阪府).
finding-industrial_physician_required = { $founder ->
    [public] 외부 사업자의 등록 대상 업무 종업원 수를 보고하는 경우에는 산업의를 선임하고 있어야 합니다(사회보험·사회복지·개호 사업 제외).
   *[private] 산업의를 선임하지 않은 경우에는 등록 신청의 대상이 되지 않습니다(사회보험·사회복지·개호 사업 제외).
}
finding-business_continuity_plan_required = { $founder ->
    [public] 외부 사업자의 등록 대상 업무 종업원 수를 보고하는 경우에는 업무 연속성 계획을 작성하고 있어야 합니다.
   *[private] 업무 연속성 계획을 작성하지 않은 경우에는 등록 신청의 대상이 되지 않습니다.
}
finding-note1_required = 비고란 1에 인허가 번호(인허가 번호가 없는 업종은 회사법인 등 번호)를 입력해 주십시오.
finding-corporate_number_check_digit_invalid = 법인 번호 "{ $value }"이(가) 올바르지 않습니다. 13자리 번호를 확인한 후 다시 입력해 주십시오.
finding-proxy_prefix_missing = 대리 신청인 경우에는 사업소명 앞에 "（〇〇社代理）"와 같이 위임한 사업자의 이름을 입력해 주십시오(입력값: { $name }).
finding-proxy_franchisee_statement_required = 대리 신청에서는 위임한 모든 사업자가 산업의를 선임하고 업무 연속성 계획을 작성하고 있어야 합니다.
finding-establishment_required = 사업소를 1개 이상 등록해 주십시오.
finding-business_line_required = 이 사업소의 사업 종류를 1개 이상 등록해 주십시오.
finding-business_type_unknown = 사업 종류 "{ $value }"은(는) 등록 대상이 아닙니다. 목록에서 선택해 주십시오.
finding-business_line_duplicate = 이 사업 종류({ $business_type }／{ $sub_type_1 })는 이 사업소의 { $duplicate_of }번째와 중복됩니다. 하나로 합쳐 주십시오.
finding-vaccination_site_status_invalid = 접종 실시 의료기관은 "확보 완료" 또는 "미확보" 중에서 선택해 주십시오.

## Warnings (please check)

finding-legal_form_abbreviated = 법인 종류는 생략하지 말고 입력해 주십시오. "{ $abbreviation }"이(가) 아니라 "{ $full }"(으)로 입력해 주십시오.
finding-not_full_width = 반각 문자 "{ $character }"이(가) 포함되어 있습니다. 전각 문자로 입력해 주십시오.
finding-postal_code_unknown = 우편번호 { $value }을(를) 찾을 수 없습니다. 번호를 확인한 후 목록에서 도도부현과 시구정촌을 선택해 주십시오.
finding-address_postal_code_mismatch = 소재지가 우편번호 { $postal_code }와(과) 일치하지 않습니다(우편번호에 따른 소재지: { $candidates }). 확인해 주십시오.
finding-registered_staff_own_exceeds_total_staff = 신청 사업자의 등록 대상 업무 종업원 수({ $own }명)가 이 사업소의 전체 종업원 수({ $total_staff }명)를 초과합니다. 확인해 주십시오.
finding-registered_staff_zero = 등록 대상 업무 종업원 수가 0명입니다. 확인해 주십시오.
finding-power_of_attorney_not_submitted = 대리 신청인 경우에는 위임 계약서(위임장) 사본을 담당 부처에 제출해 주십시오.

# Extra fields declared by the responsible ministry's plugin ($field = the field's key).
finding-extra_field_required = 이 항목({ $field })은 담당 부처가 필요로 합니다. 입력해 주십시오.
finding-extra_field_wrong_kind = 이 항목({ $field })의 형식이 다릅니다({ $expected }(으)로 입력해 주십시오).
finding-extra_field_below_min = 이 항목({ $field })은 { $min } 이상으로 입력해 주십시오.
finding-extra_field_above_max = 이 항목({ $field })은 { $max } 이하로 입력해 주십시오.
finding-extra_field_too_long = 이 항목({ $field })은 { $max }자 이내로 입력해 주십시오.
finding-extra_field_pattern_mismatch = 이 항목({ $field })의 작성 방식이 다릅니다. 입력 예를 확인해 주십시오.
finding-extra_field_not_a_choice = 이 항목({ $field })은 목록에서 선택해 주십시오.
