//! Rules every ministry applies to its own lines, written once: the sub-types must be the
//! catalogue's, and external staff not stationed at the applicant count only for the
//! 一体型外部事業者 cases. Their messages ([`MESSAGES`], one table per locale of
//! [`crate::LOCALES`]) are generated into every plugin's resources under its prefix.

use crate::catalogue::Catalogue;
use crate::{Finding, Review};

/// The extra business-line field (boolean) in which an applicant says its external staff are
/// not stationed at the establishment.
pub const EXTERNAL_NOT_STATIONED: &str = "external_not_stationed";

/// Generic messages (ids without the prefix) by locale, in the order of [`crate::LOCALES`];
/// every table has the ids of the Japanese one, with the same variables.
pub const MESSAGES: [(&str, &[(&str, &str)]); 7] = [
    ("ja", MESSAGES_JA),
    ("en", MESSAGES_EN),
    ("zh-Hans", MESSAGES_ZH_HANS),
    ("ko", MESSAGES_KO),
    ("vi", MESSAGES_VI),
    ("pt-BR", MESSAGES_PT_BR),
    ("ja-x-easy", MESSAGES_JA_EASY),
];

/// The generic messages of one locale tag, if it is one of [`crate::LOCALES`].
pub fn messages(locale: &str) -> Option<&'static [(&'static str, &'static str)]> {
    MESSAGES
        .iter()
        .find(|(tag, _)| *tag == locale)
        .map(|(_, messages)| *messages)
}

const MESSAGES_JA: &[(&str, &str)] = &[
    (
        "sub-type-unknown",
        "事業の種類の細目①「{ $sub_type }」は、この事業の種類にはありません。一覧から選んでください。",
    ),
    (
        "sub-type-2-unknown",
        "事業の種類の細目②「{ $sub_type_2 }」は、この細目①にはありません。一覧から選んでください。",
    ),
    (
        "sub-type-2-required",
        "この細目①では、事業の種類の細目②を一覧から選んでください。",
    ),
    (
        "sub-type-2-not-applicable",
        "この細目①には事業の種類の細目②はありません（未選択のままにしてください）。",
    ),
    (
        "external-not-stationed-not-allowed",
        "常駐していない外部事業者の従業者を計上できるのは、一体型外部事業者（水先・タグ、長期契約の倉庫・港湾運送・貨物利用運送など）に当たる場合だけです。",
    ),
    (
        "external-not-stationed-field",
        "外部事業者の従業者は事業所に常駐していない",
    ),
];

const MESSAGES_EN: &[(&str, &str)] = &[
    (
        "sub-type-unknown",
        "Sub-type 1 \"{ $sub_type }\" does not belong to this business type. Choose one from the list.",
    ),
    (
        "sub-type-2-unknown",
        "Sub-type 2 \"{ $sub_type_2 }\" does not belong to this sub-type 1. Choose one from the list.",
    ),
    (
        "sub-type-2-required",
        "For this sub-type 1, choose a sub-type 2 from the list.",
    ),
    (
        "sub-type-2-not-applicable",
        "This sub-type 1 has no sub-type 2; leave it unselected.",
    ),
    (
        "external-not-stationed-not-allowed",
        "External staff who are not stationed at the applicant count only for integrated external firms (pilots and tugs, or warehouse, port transport and forwarding firms under long-term contract).",
    ),
    (
        "external-not-stationed-field",
        "External staff are not stationed at the establishment",
    ),
];

const MESSAGES_ZH_HANS: &[(&str, &str)] = &[
    (
        "sub-type-unknown",
        "业务类型细目①“{ $sub_type }”不属于此业务类型。请从列表中选择。",
    ),
    (
        "sub-type-2-unknown",
        "业务类型细目②“{ $sub_type_2 }”不属于此细目①。请从列表中选择。",
    ),
    (
        "sub-type-2-required",
        "此细目①需要从列表中选择业务类型细目②。",
    ),
    (
        "sub-type-2-not-applicable",
        "此细目①没有业务类型细目②（请保持未选择）。",
    ),
    (
        "external-not-stationed-not-allowed",
        "只有属于一体型外部企业（引航・拖轮，或长期合同的仓储・港口运输・货物利用运输企业等）时，才能计入未常驻的外部企业从业人员。",
    ),
    (
        "external-not-stationed-field",
        "外部企业的从业人员未常驻在营业场所",
    ),
];

const MESSAGES_KO: &[(&str, &str)] = &[
    (
        "sub-type-unknown",
        "사업 종류 세목① \"{ $sub_type }\"은(는) 이 사업 종류에 없습니다. 목록에서 선택해 주십시오.",
    ),
    (
        "sub-type-2-unknown",
        "사업 종류 세목② \"{ $sub_type_2 }\"은(는) 이 세목①에 없습니다. 목록에서 선택해 주십시오.",
    ),
    (
        "sub-type-2-required",
        "이 세목①에서는 사업 종류 세목②를 목록에서 선택해 주십시오.",
    ),
    (
        "sub-type-2-not-applicable",
        "이 세목①에는 사업 종류 세목②가 없습니다(선택하지 않은 상태로 두십시오).",
    ),
    (
        "external-not-stationed-not-allowed",
        "상주하지 않는 외부 사업자의 종업원을 계상할 수 있는 것은 일체형 외부 사업자(도선·예선, 장기 계약의 창고·항만 운송·화물 이용 운송 등)에 해당하는 경우뿐입니다.",
    ),
    (
        "external-not-stationed-field",
        "외부 사업자의 종업원은 사업소에 상주하지 않음",
    ),
];

const MESSAGES_VI: &[(&str, &str)] = &[
    (
        "sub-type-unknown",
        "Hạng mục chi tiết ① “{ $sub_type }” không thuộc loại hình kinh doanh này. Vui lòng chọn từ danh sách.",
    ),
    (
        "sub-type-2-unknown",
        "Hạng mục chi tiết ② “{ $sub_type_2 }” không thuộc hạng mục chi tiết ① này. Vui lòng chọn từ danh sách.",
    ),
    (
        "sub-type-2-required",
        "Với hạng mục chi tiết ① này, vui lòng chọn hạng mục chi tiết ② từ danh sách.",
    ),
    (
        "sub-type-2-not-applicable",
        "Hạng mục chi tiết ① này không có hạng mục chi tiết ② (vui lòng để trống, không chọn).",
    ),
    (
        "external-not-stationed-not-allowed",
        "Chỉ được tính nhân viên của doanh nghiệp bên ngoài không thường trú tại cơ sở khi đó là doanh nghiệp bên ngoài liên kết (hoa tiêu và tàu lai dắt, hoặc doanh nghiệp kho bãi, vận tải cảng, giao nhận hàng hóa theo hợp đồng dài hạn, v.v.).",
    ),
    (
        "external-not-stationed-field",
        "Nhân viên của doanh nghiệp bên ngoài không thường trú tại cơ sở",
    ),
];

const MESSAGES_PT_BR: &[(&str, &str)] = &[
    (
        "sub-type-unknown",
        "O subtipo 1 \"{ $sub_type }\" não pertence a este tipo de atividade. Escolha um da lista.",
    ),
    (
        "sub-type-2-unknown",
        "O subtipo 2 \"{ $sub_type_2 }\" não pertence a este subtipo 1. Escolha um da lista.",
    ),
    (
        "sub-type-2-required",
        "Para este subtipo 1, escolha um subtipo 2 da lista.",
    ),
    (
        "sub-type-2-not-applicable",
        "Este subtipo 1 não tem subtipo 2; deixe sem seleção.",
    ),
    (
        "external-not-stationed-not-allowed",
        "Funcionários de empresas externas que não ficam no estabelecimento só podem ser contados no caso de empresas externas integradas (praticagem e rebocadores, ou empresas de armazenagem, transporte portuário e agenciamento de cargas com contrato de longo prazo, entre outras).",
    ),
    (
        "external-not-stationed-field",
        "Os funcionários da empresa externa não ficam no estabelecimento",
    ),
];

const MESSAGES_JA_EASY: &[(&str, &str)] = &[
    (
        "sub-type-unknown",
        "事業の種類の 細目①（さいもく） 「{ $sub_type }」は、この 事業の種類に ありません。リストから 選んでください。",
    ),
    (
        "sub-type-2-unknown",
        "細目②（さいもく） 「{ $sub_type_2 }」は、この 細目①に ありません。リストから 選んでください。",
    ),
    (
        "sub-type-2-required",
        "この 細目①（さいもく）では、細目②を リストから 選んでください。",
    ),
    (
        "sub-type-2-not-applicable",
        "この 細目①（さいもく）には 細目②が ありません。細目②は 選ばないでください。",
    ),
    (
        "external-not-stationed-not-allowed",
        "事業所（じぎょうしょ）に いつも いない 外部の 会社の 人は、ふつうは 数えません。数えることが できるのは、一体型外部事業者（いったいがた がいぶ じぎょうしゃ）の ときだけです。例：水先・タグ、長い 契約の 倉庫・港湾運送・貨物利用運送の 会社。",
    ),
    (
        "external-not-stationed-field",
        "外部の 会社の 人は、事業所（じぎょうしょ）に いつも いない",
    ),
];

/// The standard rules on every line the plugin owns.
pub fn standard(review: &Review<'_>, catalogue: &Catalogue) -> Vec<Finding> {
    let p = format!("{}-", catalogue.ministry_id);
    let mut findings = Vec::new();
    for line in review.lines() {
        if !catalogue.has_type(line.business_type()) {
            continue;
        }
        let Some(sub_type) = catalogue.sub_type(line.business_type(), line.sub_type_1()) else {
            findings.push(
                Finding::error(line.path("sub_type_1"), format!("{p}sub-type-unknown"))
                    .text("sub_type", line.sub_type_1()),
            );
            continue;
        };
        let twos = sub_type.sub_types_2;
        match (line.sub_type_2(), twos.is_empty()) {
            (None, false) => findings.push(Finding::error(
                line.path("sub_type_2"),
                format!("{p}sub-type-2-required"),
            )),
            (Some(_), true) => findings.push(Finding::error(
                line.path("sub_type_2"),
                format!("{p}sub-type-2-not-applicable"),
            )),
            (Some(two), false) if !twos.contains(&two) => findings.push(
                Finding::error(line.path("sub_type_2"), format!("{p}sub-type-2-unknown"))
                    .text("sub_type_2", two),
            ),
            _ => {}
        }
        let not_stationed = line
            .extra(EXTERNAL_NOT_STATIONED)
            .and_then(serde_json::Value::as_bool)
            == Some(true);
        if not_stationed
            && line.registered_staff_external() > 0
            && !catalogue.allows_integrated_external(line.business_type(), line.sub_type_1())
        {
            findings.push(Finding::error(
                line.extra_path(EXTERNAL_NOT_STATIONED),
                format!("{p}external-not-stationed-not-allowed"),
            ));
        }
    }
    findings
}

/// The extra fields every plugin declares for its lines.
pub fn standard_fields(ministry_id: &str) -> Vec<crate::FieldSpec> {
    vec![crate::FieldSpec {
        id: EXTERNAL_NOT_STATIONED.to_owned(),
        scope: crate::FieldScope::BusinessLine,
        kind: crate::FieldKind::Boolean,
        required: false,
        label: format!("{ministry_id}-external-not-stationed-field"),
        help: None,
        min: None,
        max: None,
        max_length: None,
        pattern: None,
        choices: Vec::new(),
        business_types: Vec::new(),
    }]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::message_variables;

    fn source(messages: &[(&str, &str)]) -> String {
        messages
            .iter()
            .map(|(id, text)| format!("{id} = {text}\n"))
            .collect()
    }

    #[test]
    fn the_shared_messages_exist_in_every_locale_with_the_same_variables() {
        let tags: Vec<&str> = MESSAGES.iter().map(|(tag, _)| *tag).collect();
        assert_eq!(tags, crate::LOCALES);
        let japanese = message_variables(&source(MESSAGES[0].1));
        assert!(japanese.values().any(|v| v.contains("sub_type_2")));
        for (tag, messages) in MESSAGES {
            assert_eq!(message_variables(&source(messages)), japanese, "{tag}");
        }
        assert_eq!(messages("ko").map(<[_]>::len), Some(japanese.len()));
        assert_eq!(messages("fr"), None);
    }
}
