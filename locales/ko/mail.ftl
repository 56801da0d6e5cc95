# Mail subjects and bodies (Korean). Every body ends with the sender's signature.

mail-signature =
    ──────────────
    특정접종 등록 시스템(Tōroku)
    이 메일은 발신 전용입니다. 회신하셔도 답변드릴 수 없습니다.

mail-pre-registration-subject = [특정접종] 등록 신청서 안내
mail-pre-registration-body =
    특정접종 등록 신청 절차를 시작해 주셔서 감사합니다.

    아래 링크에서 신청서를 열어 주십시오. 입력 중인 내용은 자동으로 저장되며, 같은 링크에서 언제든지 이어서 입력할 수 있습니다.

    { $link }

    이 링크의 유효 기간: { $expires }
    기간이 지난 경우에는 "처음 이용하시는 분"에서 이메일 주소를 다시 등록하시면 새 링크를 보내 드립니다(입력하신 내용은 사라지지 않습니다).

    사업소가 많은 경우에는 Excel 양식에 기입하여 한꺼번에 가져올 수 있습니다.
    양식: { $template_link }

    이 링크는 본인 전용입니다. 다른 사람에게 전달하지 마십시오.
    본인이 신청하지 않으셨다면 이 메일을 삭제해 주십시오.

    { mail-signature }

mail-pre-registration-existing-subject = [특정접종] 이 이메일 주소의 신청은 이미 제출되었습니다
mail-pre-registration-existing-body =
    이 이메일 주소로 특정접종 등록 신청이 이미 제출되어 있습니다. 하나의 이메일 주소로 제출할 수 있는 신청은 1건입니다.

    신청 내용은 로그인하여 확인해 주십시오.
    로그인: { $login_link }

    비밀번호를 모르시는 경우에는 다음 페이지에서 재설정할 수 있습니다.
    { $reset_link }

    본인이 신청하지 않으셨다면 이 메일을 삭제해 주십시오.

    { mail-signature }

mail-submitted-subject = [특정접종] 등록 신청을 접수했습니다
mail-submitted-body =
    특정접종 등록 신청을 접수했습니다.

    신청 번호: { $application_id }
    로그인 ID: { $login_id }

    신청 내용 확인과 담당 부처의 조회에 대한 답변은 로그인하여 합니다.
    아래 링크에서 비밀번호를 설정해 주십시오(1회만 유효).

    { $password_link }

    이 링크의 유효 기간: { $expires }
    기간이 지난 경우에는 로그인 화면의 "비밀번호를 잊으셨나요?"에서 설정할 수 있습니다.

    { mail-signature }

mail-password-reset-subject = [특정접종] 비밀번호 재설정 안내
mail-password-reset-body =
    비밀번호 재설정 요청을 접수했습니다. 아래 링크에서 새 비밀번호를 설정해 주십시오(1회만 유효).

    { $link }

    이 링크의 유효 기간: { $expires }
    본인이 요청하지 않으셨다면 이 메일을 삭제해 주십시오. 비밀번호는 변경되지 않습니다.

    { mail-signature }

mail-password-changed-subject = [특정접종] 비밀번호가 변경되었습니다
mail-password-changed-body =
    귀하의 계정 비밀번호가 변경되었습니다.

    본인이 변경하지 않으셨다면 로그인 화면의 "비밀번호를 잊으셨나요?"에서 즉시 비밀번호를 재설정해 주십시오.

    { mail-signature }

mail-staff-enrolment-subject = [특정접종] 직원 계정 설정 안내
mail-staff-enrolment-body =
    특정접종 등록 시스템에 귀하의 직원 계정이 생성되었습니다.

    아래 링크에서 비밀번호를 설정하고, 인증 앱(일회용 비밀번호를 이용한 2단계 인증)을 설정해 주십시오(1회만 유효).

    { $link }

    이 링크의 유효 기간: { $expires }
    기간이 지난 경우에는 관리자에게 새 링크 발급을 요청해 주십시오.

    인증 앱에 등록하는 비밀 키(QR 코드)를 다른 사람에게 알려 주거나 공유하지 마십시오.
    짐작 가는 바가 없으시면 이 메일을 삭제해 주십시오.

    { mail-signature }

mail-inquiry-opened-subject = [특정접종] 등록 신청 내용에 대한 조회가 있습니다
mail-inquiry-opened-body =
    특정접종 등록 신청 내용에 대해 { $ministry }에서 조회(疑義照会)가 있었습니다({ $opened }).

    ──── 조회 내용 ────
    { $message }
    ──── 여기까지 ────

    조회 대상 항목:
    { $fields }

    아래 링크에서 로그인하여 조회에 답변해 주십시오. 변경할 수 있는 것은 조회 대상 항목뿐입니다. 수정을 마치면 신청을 다시 제출해 주십시오.
    로그인: { $login_link }

    { mail-signature }

mail-registered-subject = [특정접종] 등록이 완료되었습니다
mail-registered-body =
    특정접종 등록 신청을 심사한 결과, 다음과 같이 등록했습니다.

    등록 번호: { $registration_number }
    등록일: { $registered_on }
    유효 기한: { $valid_until }(이 날까지 유효합니다)

    등록한 사업소·사업 종류와 등록 인원:
    { $lines }

    등록하지 않은 사업소·사업 종류와 사유:
    { $rejected }

    다음의 경우에는 로그인하여 변경 신고를 해 주십시오.
    - 공표된 사항이 변경되었을 때
    - 등록 인원이 5% 이상 증감했을 때
    - 전화번호 또는 이메일 주소가 변경되었을 때
    - 접종 실시 의료기관이 변경되었을 때
    - 접종 실시 의료기관을 확보했을 때(확보한 날로부터 30일 이내에 신고해 주십시오)

    또한 등록된 것만으로 특정접종을 받을 수 있는 것은 아닙니다.

    { mail-signature }

mail-registration-rejected-subject = [특정접종] 등록 신청 심사 결과 안내
mail-registration-rejected-body =
    특정접종 등록 신청(신청 번호: { $application_id })을 심사한 결과, 어느 사업소·사업 종류도 등록할 수 없었습니다.

    등록할 수 없었던 사업소·사업 종류와 사유:
    { $reasons }

    문의 사항이 있으시면 담당 부처에 문의해 주십시오.

    { mail-signature }

mail-change-accepted-subject = [특정접종] 변경 신고를 수리했습니다
mail-change-accepted-body =
    특정접종 등록(등록 번호: { $registration_number })에 대한 변경 신고를 수리했습니다.

    신고된 내용으로 등록 내용과 공표 정보를 갱신했습니다.

    { mail-signature }

mail-change-rejected-subject = [특정접종] 변경 신고를 수리할 수 없었습니다
mail-change-rejected-body =
    특정접종 등록(등록 번호: { $registration_number })에 대한 변경 신고를 심사한 결과, 수리할 수 없었습니다.

    수리할 수 없었던 사유:
    { $reasons }

    등록 내용은 변경되지 않고 신고 전 그대로입니다.
    내용을 수정한 후 다시 변경 신고를 할 수 있습니다.

    { mail-signature }
