//! `check`: one small case per rule, on the example document with a patch or two.

use domain::{Severity, codes, has_errors};
use serde_json::{Value, json};

use crate::support::{assert_has, check_patched, ctx, describe, example, remove};

/// `name: [pointer => value, …] => Severity CODE @ "path";` — the patched example draws that
/// finding. Also collects the cases for the code-coverage test.
macro_rules! finds {
    ($($name:ident: [$($pointer:literal => $value:expr),* $(,)?] => $severity:ident $code:ident @ $path:literal;)*) => {
        $(
            #[test]
            fn $name() {
                let findings = check_patched(&[$(($pointer, $value)),*]);
                assert_has(&findings, $path, codes::$code, Severity::$severity);
            }
        )*

        /// Every case of this table, as (patches, code).
        pub fn cases() -> Vec<(Vec<(&'static str, Value)>, &'static str)> {
            vec![$((vec![$(($pointer, $value)),*], codes::$code)),*]
        }
    };
}

/// `name: [pointer => value, …] => clean @ "path";` — the patched example draws no finding at
/// that path (or below it), and no error anywhere.
macro_rules! passes {
    ($($name:ident: [$($pointer:literal => $value:expr),* $(,)?] => clean @ $path:literal;)*) => {
        $(
            #[test]
            fn $name() {
                let findings = check_patched(&[$(($pointer, $value)),*]);
                assert!(
                    !findings.iter().any(|f| f.path == $path || f.path.starts_with(concat!($path, "/"))),
                    "expected nothing at {}, got:\n{}", $path, describe(&findings)
                );
                assert!(!has_errors(&findings), "expected no errors, got:\n{}", describe(&findings));
            }
        )*
    };
}

#[test]
fn example_document_passes_without_any_finding() {
    let findings = domain::check(&example(), &ctx());
    assert!(findings.is_empty(), "{}", describe(&findings));
}

#[test]
fn findings_come_in_document_order() {
    let findings = check_patched(&[
        ("/establishments/1/phone", json!("1")),
        ("/applicant/phone", json!("1")),
        ("/establishments/0/phone", json!("1")),
        ("/program", json!("x")),
    ]);
    let paths: Vec<&str> = findings.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "/program",
            "/applicant/phone",
            "/establishments/0/phone",
            "/establishments/1/phone"
        ]
    );
}

#[test]
fn has_errors_ignores_warnings_and_infos() {
    let warnings = check_patched(&[("/applicant/name", json!("(株)みなと食品"))]);
    assert!(!warnings.is_empty());
    assert!(!has_errors(&warnings));
    let errors = check_patched(&[("/applicant/postal_code", json!("100891"))]);
    assert!(has_errors(&errors));
}

#[test]
fn invalid_type_names_the_expected_and_found_types() {
    let findings = check_patched(&[("/establishments/0/total_staff", json!("120"))]);
    let finding = findings
        .iter()
        .find(|f| f.code == codes::INVALID_TYPE)
        .expect("an invalid_type finding");
    assert_eq!(finding.args["expected"], json!("integer"));
    assert_eq!(finding.args["found"], json!("string"));
}

#[test]
fn duplicate_business_line_points_at_the_first_one() {
    let line = example()["establishments"][0]["business_lines"][0].clone();
    let findings = check_patched(&[("/establishments/0/business_lines/1", line)]);
    let finding = findings
        .iter()
        .find(|f| f.code == codes::BUSINESS_LINE_DUPLICATE)
        .expect("a duplicate finding");
    assert_eq!(finding.path, "/establishments/0/business_lines/1");
    assert_eq!(finding.args["duplicate_of"], json!(1));
}

finds! {
    // The whole document.
    program_other_than_tokutei_is_an_error: ["/program" => json!("staffing")] => Error PROGRAM_INVALID @ "/program";
    missing_program_is_required: ["/program" => remove()] => Error REQUIRED @ "/program";
    founder_other_than_private_or_public_is_an_error: ["/founder" => json!("company")] => Error FOUNDER_INVALID @ "/founder";
    missing_founder_is_required: ["/founder" => remove()] => Error REQUIRED @ "/founder";
    null_founder_is_required: ["/founder" => Value::Null] => Error REQUIRED @ "/founder";
    public_body_without_class_is_an_error: ["/founder" => json!("public")] => Error REQUIRED @ "/public_body_class";
    unknown_public_body_class_is_an_error: ["/founder" => json!("public"), "/public_body_class" => json!("city")] => Error PUBLIC_BODY_CLASS_INVALID @ "/public_body_class";
    private_applicant_with_a_public_body_class_is_an_error: ["/public_body_class" => json!("national")] => Error PUBLIC_BODY_CLASS_NOT_APPLICABLE @ "/public_body_class";
    unchecked_declaration_is_an_error: ["/declaration_truthful" => json!(false)] => Error DECLARATION_REQUIRED @ "/declaration_truthful";
    missing_declaration_is_required: ["/declaration_truthful" => remove()] => Error REQUIRED @ "/declaration_truthful";
    declaration_typed_as_text_is_an_invalid_type: ["/declaration_truthful" => json!("true")] => Error INVALID_TYPE @ "/declaration_truthful";

    // Applicant.
    missing_applicant_is_required: ["/applicant" => remove()] => Error REQUIRED @ "/applicant";
    applicant_given_as_a_list_is_an_invalid_type: ["/applicant" => json!([])] => Error INVALID_TYPE @ "/applicant";
    empty_applicant_name_is_required: ["/applicant/name" => json!("")] => Error REQUIRED @ "/applicant/name";
    name_of_spaces_only_is_required: ["/applicant/name" => json!("　 ")] => Error REQUIRED @ "/applicant/name";
    name_of_101_characters_is_too_long: ["/applicant/name" => json!("あ".repeat(101))] => Error TOO_LONG @ "/applicant/name";
    number_where_a_name_belongs_is_an_invalid_type: ["/applicant/name" => json!(42)] => Error INVALID_TYPE @ "/applicant/name";
    bracketed_kabu_in_a_name_is_a_warning: ["/applicant/name" => json!("（株）みなと食品")] => Warning LEGAL_FORM_ABBREVIATED @ "/applicant/name";
    single_character_kabu_in_a_name_is_a_warning: ["/applicant/name" => json!("みなと食品㈱")] => Warning LEGAL_FORM_ABBREVIATED @ "/applicant/name";
    half_width_yuugen_in_a_name_is_a_warning: ["/applicant/name" => json!("(有)みなと")] => Warning LEGAL_FORM_ABBREVIATED @ "/applicant/name";
    half_width_letters_in_a_name_are_a_warning: ["/applicant/name" => json!("ABC食品株式会社")] => Warning NOT_FULL_WIDTH @ "/applicant/name";
    half_width_digits_in_a_street_are_a_warning: ["/applicant/street" => json!("霞が関1-2-2")] => Warning NOT_FULL_WIDTH @ "/applicant/street";
    latin_letters_in_a_reading_are_an_error: ["/applicant/name_kana" => json!("minato")] => Error KANA_NOT_HIRAGANA @ "/applicant/name_kana";
    kanji_in_a_reading_is_an_error: ["/applicant/representative_kana" => json!("港川たろう")] => Error KANA_NOT_HIRAGANA @ "/applicant/representative_kana";
    unnormalised_katakana_reading_is_an_error: ["/applicant/name_kana" => json!("ミナト")] => Error KANA_NOT_HIRAGANA @ "/applicant/name_kana";
    space_in_a_reading_is_an_error: ["/applicant/representative_kana" => json!("みなとがわ　たろう")] => Error KANA_NOT_HIRAGANA @ "/applicant/representative_kana";
    private_applicant_without_name_reading_is_required: ["/applicant/name_kana" => Value::Null] => Error REQUIRED @ "/applicant/name_kana";
    missing_representative_reading_is_required: ["/applicant/representative_kana" => remove()] => Error REQUIRED @ "/applicant/representative_kana";
    six_digit_postal_code_is_an_error: ["/applicant/postal_code" => json!("100891")] => Error POSTAL_CODE_INVALID @ "/applicant/postal_code";
    eight_digit_postal_code_is_an_error: ["/applicant/postal_code" => json!("10089160")] => Error POSTAL_CODE_INVALID @ "/applicant/postal_code";
    hyphenated_postal_code_is_an_error_until_normalised: ["/applicant/postal_code" => json!("100-8916")] => Error POSTAL_CODE_INVALID @ "/applicant/postal_code";
    postal_code_given_as_a_number_is_an_invalid_type: ["/applicant/postal_code" => json!(1_008_916)] => Error INVALID_TYPE @ "/applicant/postal_code";
    very_long_postal_code_is_too_long: ["/applicant/postal_code" => json!("1".repeat(31))] => Error TOO_LONG @ "/applicant/postal_code";
    prefecture_without_its_suffix_is_an_error: ["/applicant/prefecture" => json!("東京")] => Error PREFECTURE_UNKNOWN @ "/applicant/prefecture";
    missing_city_is_required: ["/applicant/city" => remove()] => Error REQUIRED @ "/applicant/city";
    missing_street_is_required: ["/applicant/street" => json!("")] => Error REQUIRED @ "/applicant/street";
    three_digit_phone_is_an_error: ["/applicant/phone" => json!("110")] => Error PHONE_INVALID @ "/applicant/phone";
    phone_not_starting_with_zero_is_an_error: ["/applicant/phone" => json!("3335953426")] => Error PHONE_INVALID @ "/applicant/phone";
    twelve_digit_phone_is_an_error: ["/applicant/phone" => json!("033595342600")] => Error PHONE_INVALID @ "/applicant/phone";
    missing_applicant_phone_is_required: ["/applicant/phone" => Value::Null] => Error REQUIRED @ "/applicant/phone";
    malformed_fax_is_an_error: ["/applicant/fax" => json!("03-1234")] => Error PHONE_INVALID @ "/applicant/fax";
    email_without_at_sign_is_an_error: ["/applicant/email" => json!("soumu.example.jp")] => Error EMAIL_INVALID @ "/applicant/email";
    email_without_a_dotted_domain_is_an_error: ["/applicant/email" => json!("soumu@localhost")] => Error EMAIL_INVALID @ "/applicant/email";
    email_with_a_space_is_an_error: ["/applicant/email" => json!("so umu@example.jp")] => Error EMAIL_INVALID @ "/applicant/email";
    email_with_full_width_letters_is_an_error_until_normalised: ["/applicant/email" => json!("ｓｏｕｍｕ@example.jp")] => Error EMAIL_INVALID @ "/applicant/email";
    missing_applicant_email_is_required: ["/applicant/email" => remove()] => Error REQUIRED @ "/applicant/email";
    email_of_255_characters_is_too_long: ["/applicant/email" => json!(format!("{}@example.jp", "a".repeat(244)))] => Error TOO_LONG @ "/applicant/email";
    private_applicant_without_physician_is_an_error: ["/applicant/industrial_physician" => json!(false)] => Error INDUSTRIAL_PHYSICIAN_REQUIRED @ "/applicant/industrial_physician";
    private_applicant_with_physician_unanswered_is_required: ["/applicant/industrial_physician" => Value::Null] => Error REQUIRED @ "/applicant/industrial_physician";
    physician_answered_in_text_is_an_invalid_type: ["/applicant/industrial_physician" => json!("有")] => Error INVALID_TYPE @ "/applicant/industrial_physician";
    private_applicant_without_plan_is_an_error: ["/applicant/business_continuity_plan" => json!(false)] => Error BUSINESS_CONTINUITY_PLAN_REQUIRED @ "/applicant/business_continuity_plan";
    private_applicant_with_plan_unanswered_is_required: ["/applicant/business_continuity_plan" => remove()] => Error REQUIRED @ "/applicant/business_continuity_plan";
    private_applicant_without_note1_is_an_error: ["/applicant/note1" => Value::Null] => Error NOTE1_REQUIRED @ "/applicant/note1";
    corporate_number_with_a_wrong_check_digit_is_an_error: ["/applicant/note1" => json!("4120001000001")] => Error CORPORATE_NUMBER_CHECK_DIGIT_INVALID @ "/applicant/note1";
    corporate_number_in_full_width_digits_is_still_verified: ["/applicant/note1" => json!("４１２０００１０００００１")] => Error CORPORATE_NUMBER_CHECK_DIGIT_INVALID @ "/applicant/note1";
    hyphenated_corporate_number_is_still_verified: ["/applicant/note1" => json!("4-1200-0100-0001")] => Error CORPORATE_NUMBER_CHECK_DIGIT_INVALID @ "/applicant/note1";
    note2_of_1001_characters_is_too_long: ["/applicant/note2" => json!("あ".repeat(1001))] => Error TOO_LONG @ "/applicant/note2";

    // Postal directory.
    postal_code_unknown_to_the_directory_is_a_warning: ["/applicant/postal_code" => json!("9999999")] => Warning POSTAL_CODE_UNKNOWN @ "/applicant/postal_code";
    prefecture_not_matching_the_postal_code_is_a_warning: ["/applicant/prefecture" => json!("大阪府")] => Warning ADDRESS_POSTAL_CODE_MISMATCH @ "/applicant/prefecture";
    city_not_matching_the_postal_code_is_a_warning: ["/applicant/city" => json!("港区")] => Warning ADDRESS_POSTAL_CODE_MISMATCH @ "/applicant/city";
    establishment_city_not_matching_is_a_warning: ["/establishments/1/city" => json!("大阪市中央区")] => Warning ADDRESS_POSTAL_CODE_MISMATCH @ "/establishments/1/city";

    // Proxy (franchise) applications.
    proxy_given_as_text_is_an_invalid_type: ["/proxy" => json!("yes")] => Error INVALID_TYPE @ "/proxy";
    proxy_establishment_without_prefix_is_an_error: ["/proxy" => json!({"franchisees_have_physician_and_bcp": true, "power_of_attorney_submitted": true})] => Error PROXY_PREFIX_MISSING @ "/establishments/0/name";
    proxy_prefix_without_franchisee_name_is_an_error: ["/proxy" => json!({"franchisees_have_physician_and_bcp": true, "power_of_attorney_submitted": true}), "/establishments/0/name" => json!("（代理）山田駅前店")] => Error PROXY_PREFIX_MISSING @ "/establishments/0/name";
    proxy_without_franchisee_statement_is_an_error: ["/proxy" => json!({"franchisees_have_physician_and_bcp": false, "power_of_attorney_submitted": true})] => Error PROXY_FRANCHISEE_STATEMENT_REQUIRED @ "/proxy/franchisees_have_physician_and_bcp";
    proxy_with_statement_unanswered_is_required: ["/proxy" => json!({"power_of_attorney_submitted": true})] => Error REQUIRED @ "/proxy/franchisees_have_physician_and_bcp";
    proxy_with_power_of_attorney_unanswered_is_required: ["/proxy" => json!({"franchisees_have_physician_and_bcp": true})] => Error REQUIRED @ "/proxy/power_of_attorney_submitted";
    power_of_attorney_not_yet_sent_is_a_warning: ["/proxy" => json!({"franchisees_have_physician_and_bcp": true, "power_of_attorney_submitted": false})] => Warning POWER_OF_ATTORNEY_NOT_SUBMITTED @ "/proxy/power_of_attorney_submitted";

    // Establishments.
    missing_establishments_is_required: ["/establishments" => remove()] => Error REQUIRED @ "/establishments";
    empty_establishment_list_is_an_error: ["/establishments" => json!([])] => Error ESTABLISHMENT_REQUIRED @ "/establishments";
    establishments_given_as_an_object_is_an_invalid_type: ["/establishments" => json!({})] => Error INVALID_TYPE @ "/establishments";
    establishment_given_as_text_is_an_invalid_type: ["/establishments/0" => json!("本社")] => Error INVALID_TYPE @ "/establishments/0";
    missing_establishment_name_is_required: ["/establishments/0/name" => remove()] => Error REQUIRED @ "/establishments/0/name";
    missing_establishment_phone_is_required: ["/establishments/0/phone" => Value::Null] => Error REQUIRED @ "/establishments/0/phone";
    malformed_establishment_email_is_an_error: ["/establishments/0/email" => json!("honsha@")] => Error EMAIL_INVALID @ "/establishments/0/email";
    six_digit_establishment_postal_code_is_an_error: ["/establishments/1/postal_code" => json!("530000")] => Error POSTAL_CODE_INVALID @ "/establishments/1/postal_code";
    missing_total_staff_is_required: ["/establishments/0/total_staff" => remove()] => Error REQUIRED @ "/establishments/0/total_staff";
    negative_total_staff_is_an_error: ["/establishments/0/total_staff" => json!(-1)] => Error NUMBER_NEGATIVE @ "/establishments/0/total_staff";
    fractional_total_staff_is_an_error: ["/establishments/0/total_staff" => json!(3.5)] => Error NUMBER_NOT_INTEGER @ "/establishments/0/total_staff";
    total_staff_as_text_is_an_invalid_type_until_normalised: ["/establishments/0/total_staff" => json!("120")] => Error INVALID_TYPE @ "/establishments/0/total_staff";
    total_staff_of_a_hundred_million_is_too_large: ["/establishments/0/total_staff" => json!(100_000_000)] => Error NUMBER_TOO_LARGE @ "/establishments/0/total_staff";
    missing_business_lines_is_required: ["/establishments/0/business_lines" => remove()] => Error REQUIRED @ "/establishments/0/business_lines";
    establishment_without_business_lines_is_an_error: ["/establishments/0/business_lines" => json!([])] => Error BUSINESS_LINE_REQUIRED @ "/establishments/0/business_lines";
    business_line_given_as_a_number_is_an_invalid_type: ["/establishments/0/business_lines/0" => json!(1)] => Error INVALID_TYPE @ "/establishments/0/business_lines/0";
    unknown_business_type_is_an_error: ["/establishments/0/business_lines/0/business_type" => json!("bakery")] => Error BUSINESS_TYPE_UNKNOWN @ "/establishments/0/business_lines/0/business_type";
    missing_business_type_is_required: ["/establishments/0/business_lines/0/business_type" => Value::Null] => Error REQUIRED @ "/establishments/0/business_lines/0/business_type";
    empty_sub_type_1_is_required: ["/establishments/0/business_lines/0/sub_type_1" => json!("")] => Error REQUIRED @ "/establishments/0/business_lines/0/sub_type_1";
    sub_type_2_given_as_a_number_is_an_invalid_type: ["/establishments/0/business_lines/0/sub_type_2" => json!(5)] => Error INVALID_TYPE @ "/establishments/0/business_lines/0/sub_type_2";
    negative_external_staff_is_an_error: ["/establishments/0/business_lines/0/registered_staff_external" => json!(-4)] => Error NUMBER_NEGATIVE @ "/establishments/0/business_lines/0/registered_staff_external";
    missing_external_staff_is_required: ["/establishments/0/business_lines/0/registered_staff_external" => remove()] => Error REQUIRED @ "/establishments/0/business_lines/0/registered_staff_external";
    fractional_own_staff_is_an_error: ["/establishments/0/business_lines/0/registered_staff_own" => json!(3.625)] => Error NUMBER_NOT_INTEGER @ "/establishments/0/business_lines/0/registered_staff_own";
    business_line_note_of_1001_characters_is_too_long: ["/establishments/0/business_lines/0/note" => json!("あ".repeat(1001))] => Error TOO_LONG @ "/establishments/0/business_lines/0/note";
    extra_given_as_a_list_is_an_invalid_type: ["/establishments/0/business_lines/0/extra" => json!([])] => Error INVALID_TYPE @ "/establishments/0/business_lines/0/extra";
    repeated_business_line_is_an_error: ["/establishments/0/business_lines/1" => example()["establishments"][0]["business_lines"][0].clone()] => Error BUSINESS_LINE_DUPLICATE @ "/establishments/0/business_lines/1";
    own_staff_above_total_staff_is_a_warning: ["/establishments/0/business_lines/0/registered_staff_own" => json!(121)] => Warning REGISTERED_STAFF_OWN_EXCEEDS_TOTAL_STAFF @ "/establishments/0/business_lines/0/registered_staff_own";
    line_registering_nobody_is_a_warning: ["/establishments/1/business_lines/0/registered_staff_own" => json!(0)] => Warning REGISTERED_STAFF_ZERO @ "/establishments/1/business_lines/0";

    // Vaccination sites.
    missing_vaccination_site_is_required: ["/establishments/0/vaccination_site" => remove()] => Error REQUIRED @ "/establishments/0/vaccination_site";
    vaccination_site_given_as_text_is_an_invalid_type: ["/establishments/0/vaccination_site" => json!("未定")] => Error INVALID_TYPE @ "/establishments/0/vaccination_site";
    unknown_vaccination_site_status_is_an_error: ["/establishments/0/vaccination_site/status" => json!("maybe")] => Error VACCINATION_SITE_STATUS_INVALID @ "/establishments/0/vaccination_site/status";
    missing_vaccination_site_status_is_required: ["/establishments/0/vaccination_site/status" => remove()] => Error REQUIRED @ "/establishments/0/vaccination_site/status";
    secured_site_without_name_is_required: ["/establishments/0/vaccination_site/name" => json!("")] => Error REQUIRED @ "/establishments/0/vaccination_site/name";
    secured_site_reading_with_kanji_is_an_error: ["/establishments/0/vaccination_site/name_kana" => json!("霞が関くりにっく")] => Error KANA_NOT_HIRAGANA @ "/establishments/0/vaccination_site/name_kana";
    secured_site_without_phone_is_required: ["/establishments/0/vaccination_site/phone" => Value::Null] => Error REQUIRED @ "/establishments/0/vaccination_site/phone";
    secured_site_with_the_seed_systems_dummy_phone_is_an_error: ["/establishments/0/vaccination_site/phone" => json!("000000")] => Error PHONE_INVALID @ "/establishments/0/vaccination_site/phone";
    secured_site_without_postal_code_is_required: ["/establishments/0/vaccination_site/postal_code" => remove()] => Error REQUIRED @ "/establishments/0/vaccination_site/postal_code";
    site_not_yet_secured_without_plan_is_required: ["/establishments/1/vaccination_site/plan_note" => Value::Null] => Error REQUIRED @ "/establishments/1/vaccination_site/plan_note";
    // Extra fields declared by the owning plugin (the fake catalogue's `fixture-banking`).
    extra_field_declared_required_is_required: ["/establishments/1/business_lines/0/business_type" => json!("fixture-banking")] => Error EXTRA_FIELD_REQUIRED @ "/establishments/1/business_lines/0/extra/duties";
    extra_choice_outside_the_list_is_an_error: ["/establishments/1/business_lines/0/business_type" => json!("fixture-banking"), "/establishments/1/business_lines/0/extra" => json!({ "duties": "gambling" })] => Error EXTRA_FIELD_NOT_A_CHOICE @ "/establishments/1/business_lines/0/extra/duties";
    extra_number_below_its_minimum_is_an_error: ["/establishments/1/business_lines/0/business_type" => json!("fixture-banking"), "/establishments/1/business_lines/0/extra" => json!({ "duties": "deposits", "branches": 0 })] => Error EXTRA_FIELD_BELOW_MIN @ "/establishments/1/business_lines/0/extra/branches";
    extra_number_above_its_maximum_is_an_error: ["/establishments/1/business_lines/0/business_type" => json!("fixture-banking"), "/establishments/1/business_lines/0/extra" => json!({ "duties": "deposits", "branches": 1000 })] => Error EXTRA_FIELD_ABOVE_MAX @ "/establishments/1/business_lines/0/extra/branches";
    extra_text_of_the_wrong_kind_is_an_error: ["/establishments/1/business_lines/0/business_type" => json!("fixture-banking"), "/establishments/1/business_lines/0/extra" => json!({ "duties": "deposits", "code": 12 })] => Error EXTRA_FIELD_WRONG_KIND @ "/establishments/1/business_lines/0/extra/code";
    extra_text_too_long_is_an_error: ["/establishments/1/business_lines/0/business_type" => json!("fixture-banking"), "/establishments/1/business_lines/0/extra" => json!({ "duties": "deposits", "code": "1234567" })] => Error EXTRA_FIELD_TOO_LONG @ "/establishments/1/business_lines/0/extra/code";
    extra_text_not_matching_its_pattern_is_an_error: ["/establishments/1/business_lines/0/business_type" => json!("fixture-banking"), "/establishments/1/business_lines/0/extra" => json!({ "duties": "deposits", "code": "12a" })] => Error EXTRA_FIELD_PATTERN_MISMATCH @ "/establishments/1/business_lines/0/extra/code";
}

passes! {
    twelve_digit_company_number_has_no_check_digit: ["/applicant/note1" => json!("010401012345")] => clean @ "/applicant/note1";
    permit_number_in_note1_is_accepted_as_typed: ["/applicant/note1" => json!("東京都知事許可（般－１）第１２３４５号")] => clean @ "/applicant/note1";
    valid_corporate_number_of_the_national_tax_agency_passes: ["/applicant/note1" => json!("7000012050002")] => clean @ "/applicant/note1";
    fax_may_be_empty: ["/applicant/fax" => json!("")] => clean @ "/applicant/fax";
    fax_may_be_absent: ["/applicant/fax" => remove()] => clean @ "/applicant/fax";
    eleven_digit_mobile_phone_is_accepted: ["/applicant/phone" => json!("09012345678")] => clean @ "/applicant/phone";
    legacy_mobile_email_with_double_dots_is_accepted: ["/applicant/email" => json!("taro..minato.@docomo.ne.jp")] => clean @ "/applicant/email";
    establishment_email_may_be_absent: ["/establishments/0/email" => remove()] => clean @ "/establishments/0/email";
    reading_with_a_prolonged_sound_mark_is_accepted: ["/applicant/name_kana" => json!("こーひーしょっぷ")] => clean @ "/applicant/name_kana";
    code_spanning_two_prefectures_accepts_either: ["/applicant/postal_code" => json!("4980000"), "/applicant/prefecture" => json!("三重県"), "/applicant/city" => json!("桑名郡木曽岬町")] => clean @ "/applicant";
    same_type_with_another_sub_type_2_is_not_a_duplicate: ["/establishments/0/business_lines/1" => json!({"business_type": "food-manufacturing", "sub_type_1": "bread-and-confectionery", "sub_type_2": "dept-b", "registered_staff_own": 1, "registered_staff_external": 0, "note": null, "extra": {}})] => clean @ "/establishments/0/business_lines";
    own_staff_equal_to_total_staff_is_fine: ["/establishments/0/business_lines/0/registered_staff_own" => json!(120)] => clean @ "/establishments/0/business_lines";
    external_staff_alone_is_not_zero: ["/establishments/0/business_lines/0/registered_staff_own" => json!(0)] => clean @ "/establishments/0/business_lines";
    extra_may_hold_anything: ["/establishments/0/business_lines/0/extra" => json!({"ministry_field": [1, {"x": null}]})] => clean @ "/establishments/0/business_lines/0";
    extra_may_be_absent: ["/establishments/0/business_lines/0/extra" => remove()] => clean @ "/establishments/0/business_lines/0";
    unknown_fields_draw_no_finding: ["/applicant/department" => json!("総務部"), "/establishments/0/floor" => json!(3), "/custom" => json!({"a": 1})] => clean @ "/applicant";
    typed_registered_staff_total_is_ignored_by_check: ["/establishments/0/business_lines/0/registered_staff_total" => json!(999)] => clean @ "/establishments/0/business_lines/0";
    not_yet_secured_site_keeps_dummy_fields_without_finding: ["/establishments/1/vaccination_site/name" => json!("〇〇病院"), "/establishments/1/vaccination_site/phone" => json!("000000")] => clean @ "/establishments/1/vaccination_site";
    proxy_with_prefixed_names_passes: ["/proxy" => json!({"franchisees_have_physician_and_bcp": true, "power_of_attorney_submitted": true}), "/establishments/0/name" => json!("（株式会社コンビニ山田代理）山田駅前店"), "/establishments/1/name" => json!("（有限会社海野商店代理）梅田店")] => clean @ "/establishments";
    null_proxy_is_no_proxy: ["/proxy" => Value::Null] => clean @ "/proxy";
}

/// The example with every business line set to `types` in order.
fn with_business_types(types: [&str; 2]) -> Vec<(&'static str, Value)> {
    vec![
        (
            "/establishments/0/business_lines/0/business_type",
            json!(types[0]),
        ),
        (
            "/establishments/1/business_lines/0/business_type",
            json!(types[1]),
        ),
    ]
}

fn codes_at(findings: &[domain::Finding], path: &str) -> Vec<&'static str> {
    findings
        .iter()
        .filter(|f| f.path == path)
        .map(|f| f.code)
        .collect()
}

#[test]
fn care_business_needs_no_industrial_physician() {
    for answer in [json!(false), Value::Null] {
        let mut patches = with_business_types(["nursing-care", "social-welfare"]);
        patches.push(("/applicant/industrial_physician", answer));
        let findings = check_patched(&patches);
        assert!(!has_errors(&findings), "{}", describe(&findings));
    }
}

#[test]
fn care_business_still_needs_a_business_continuity_plan() {
    let mut patches = with_business_types(["nursing-care", "social-welfare"]);
    patches.push(("/applicant/business_continuity_plan", json!(false)));
    let findings = check_patched(&patches);
    assert_has(
        &findings,
        "/applicant/business_continuity_plan",
        codes::BUSINESS_CONTINUITY_PLAN_REQUIRED,
        Severity::Error,
    );
}

#[test]
fn care_and_food_business_together_need_a_physician() {
    let mut patches = with_business_types(["nursing-care", "food-wholesale"]);
    patches.push(("/applicant/industrial_physician", json!(false)));
    let findings = check_patched(&patches);
    assert_has(
        &findings,
        "/applicant/industrial_physician",
        codes::INDUSTRIAL_PHYSICIAN_REQUIRED,
        Severity::Error,
    );
}

/// A public body's report built from the example: class set, private-only answers cleared,
/// and no external staff unless `external` says so.
fn public_body(external: u32) -> Vec<(&'static str, Value)> {
    vec![
        ("/founder", json!("public")),
        ("/public_body_class", json!("prefecture")),
        ("/applicant/name", json!("東京都")),
        ("/applicant/name_kana", Value::Null),
        ("/applicant/industrial_physician", Value::Null),
        ("/applicant/business_continuity_plan", Value::Null),
        ("/applicant/note1", Value::Null),
        (
            "/establishments/0/business_lines/0/registered_staff_external",
            json!(external),
        ),
    ]
}

#[test]
fn public_body_without_external_staff_needs_no_physician_plan_reading_or_note1() {
    let findings = check_patched(&public_body(0));
    assert!(findings.is_empty(), "{}", describe(&findings));
}

#[test]
fn public_body_with_external_staff_needs_physician_and_plan() {
    let mut patches = public_body(4);
    patches.push(("/applicant/industrial_physician", json!(false)));
    let findings = check_patched(&patches);
    assert_has(
        &findings,
        "/applicant/industrial_physician",
        codes::INDUSTRIAL_PHYSICIAN_REQUIRED,
        Severity::Error,
    );
    assert_eq!(
        finding_arg(&findings, codes::INDUSTRIAL_PHYSICIAN_REQUIRED, "founder"),
        json!("public")
    );
    assert_has(
        &findings,
        "/applicant/business_continuity_plan",
        codes::REQUIRED,
        Severity::Error,
    );
}

#[test]
fn public_care_body_with_external_staff_needs_only_the_plan() {
    let mut patches = public_body(4);
    patches.extend(with_business_types(["nursing-care", "social-welfare"]));
    patches.push(("/applicant/business_continuity_plan", json!(true)));
    let findings = check_patched(&patches);
    assert!(findings.is_empty(), "{}", describe(&findings));
}

#[test]
fn public_body_with_answers_given_passes() {
    let mut patches = public_body(4);
    patches.push(("/applicant/industrial_physician", json!(true)));
    patches.push(("/applicant/business_continuity_plan", json!(true)));
    patches.push(("/applicant/name_kana", json!("とうきょうと")));
    let findings = check_patched(&patches);
    assert!(findings.is_empty(), "{}", describe(&findings));
}

#[test]
fn public_body_reading_is_still_checked_when_given() {
    let mut patches = public_body(0);
    patches.push(("/applicant/name_kana", json!("Tokyo")));
    let findings = check_patched(&patches);
    assert_eq!(
        codes_at(&findings, "/applicant/name_kana"),
        [codes::KANA_NOT_HIRAGANA]
    );
}

#[test]
fn unknown_founder_skips_the_founder_dependent_rules() {
    let findings = check_patched(&[
        ("/founder", json!("company")),
        ("/applicant/industrial_physician", json!(false)),
        ("/applicant/note1", Value::Null),
    ]);
    let codes: Vec<&str> = findings.iter().map(|f| f.code).collect();
    assert_eq!(codes, [codes::FOUNDER_INVALID]);
}

fn finding_arg(findings: &[domain::Finding], code: &str, arg: &str) -> Value {
    findings
        .iter()
        .find(|f| f.code == code)
        .and_then(|f| f.args.get(arg).cloned())
        .unwrap_or(Value::Null)
}
