//! `normalise`: each unambiguous rewrite, with its Info finding and the value after; values that
//! would still be invalid are kept as typed.

use domain::{Severity, codes, has_errors};
use serde_json::{Value, json};

use crate::support::{apply, ctx, describe, example, patched, remove};

/// `name: "pointer": typed => expected, CODE;` — normalise rewrites the value and says so.
macro_rules! normalises {
    ($($name:ident: $pointer:literal: $typed:expr => $expected:expr, $code:ident;)*) => {
        $(
            #[test]
            fn $name() {
                let typed = json!($typed);
                let mut doc = patched(&[($pointer, typed.clone())]);
                let findings = domain::normalise(&mut doc, &ctx());
                assert_eq!(doc.pointer($pointer), Some(&json!($expected)), "{}", describe(&findings));
                let finding = findings
                    .iter()
                    .find(|f| f.path == $pointer)
                    .unwrap_or_else(|| panic!("no finding at {}:\n{}", $pointer, describe(&findings)));
                assert_eq!(finding.code, codes::$code);
                assert_eq!(finding.severity, Severity::Info);
                assert_eq!(finding.args["from"], typed);
                assert_eq!(finding.args["to"], json!($expected));
            }
        )*

        /// Every case of this table, as (patches, code).
        pub fn cases() -> Vec<(Vec<(&'static str, Value)>, &'static str)> {
            vec![$((vec![($pointer, json!($typed))], codes::$code)),*]
        }
    };
}

/// `name: "pointer": typed;` — normalise leaves the value as typed and says nothing about it.
macro_rules! keeps {
    ($($name:ident: $pointer:literal: $typed:expr;)*) => {
        $(
            #[test]
            fn $name() {
                let typed = json!($typed);
                let mut doc = patched(&[($pointer, typed.clone())]);
                let findings = domain::normalise(&mut doc, &ctx());
                assert_eq!(doc.pointer($pointer), Some(&typed));
                assert!(
                    !findings.iter().any(|f| f.path == $pointer),
                    "{}", describe(&findings)
                );
            }
        )*
    };
}

normalises! {
    full_width_postal_code_becomes_half_width: "/applicant/postal_code": "１００８９１６" => "1008916", POSTAL_CODE_NORMALISED;
    hyphen_in_a_postal_code_is_removed: "/applicant/postal_code": "100-8916" => "1008916", POSTAL_CODE_NORMALISED;
    prolonged_sound_mark_in_a_postal_code_is_removed: "/applicant/postal_code": "100ー8916" => "1008916", POSTAL_CODE_NORMALISED;
    minus_sign_in_a_postal_code_is_removed: "/applicant/postal_code": "100−8916" => "1008916", POSTAL_CODE_NORMALISED;
    unicode_hyphen_in_a_postal_code_is_removed: "/applicant/postal_code": "100‐8916" => "1008916", POSTAL_CODE_NORMALISED;
    non_breaking_hyphen_in_a_postal_code_is_removed: "/applicant/postal_code": "100‑8916" => "1008916", POSTAL_CODE_NORMALISED;
    en_dash_in_a_postal_code_is_removed: "/applicant/postal_code": "100–8916" => "1008916", POSTAL_CODE_NORMALISED;
    em_dash_in_a_postal_code_is_removed: "/applicant/postal_code": "100—8916" => "1008916", POSTAL_CODE_NORMALISED;
    horizontal_bar_in_a_postal_code_is_removed: "/applicant/postal_code": "100―8916" => "1008916", POSTAL_CODE_NORMALISED;
    full_width_hyphen_and_digits_in_a_postal_code_are_fixed: "/applicant/postal_code": "１００－８９１６" => "1008916", POSTAL_CODE_NORMALISED;
    half_width_prolonged_mark_in_a_postal_code_is_removed: "/applicant/postal_code": "100ｰ8916" => "1008916", POSTAL_CODE_NORMALISED;
    postal_mark_and_spaces_are_removed: "/applicant/postal_code": "〒 100 8916 " => "1008916", POSTAL_CODE_NORMALISED;
    establishment_postal_code_is_normalised: "/establishments/1/postal_code": "〒530-0001" => "5300001", POSTAL_CODE_NORMALISED;
    vaccination_site_postal_code_is_normalised: "/establishments/0/vaccination_site/postal_code": "100－8916" => "1008916", POSTAL_CODE_NORMALISED;

    hyphens_in_a_phone_number_are_removed: "/applicant/phone": "03-3595-3426" => "0335953426", PHONE_NORMALISED;
    brackets_in_a_phone_number_are_removed: "/applicant/phone": "03(3595)3426" => "0335953426", PHONE_NORMALISED;
    full_width_brackets_in_a_phone_number_are_removed: "/applicant/phone": "（０３）３５９５－３４２６" => "0335953426", PHONE_NORMALISED;
    spaces_in_a_phone_number_are_removed: "/applicant/phone": "03 3595　3426" => "0335953426", PHONE_NORMALISED;
    country_code_becomes_the_trunk_zero: "/applicant/phone": "+81-3-3595-3426" => "0335953426", PHONE_NORMALISED;
    country_code_with_bracketed_zero_keeps_one_zero: "/applicant/phone": "+81 (0)3 3595 3426" => "0335953426", PHONE_NORMALISED;
    mobile_number_with_country_code_is_normalised: "/establishments/0/phone": "＋８１ ９０－１２３４－５６７８" => "09012345678", PHONE_NORMALISED;
    fax_is_normalised_like_a_phone: "/applicant/fax": "03-3595-3427" => "0335953427", PHONE_NORMALISED;
    vaccination_site_phone_is_normalised: "/establishments/0/vaccination_site/phone": "03-3595-0000" => "0335950000", PHONE_NORMALISED;

    katakana_reading_becomes_hiragana: "/applicant/name_kana": "カブシキガイシャミナトショクヒン" => "かぶしきがいしゃみなとしょくひん", KANA_NORMALISED;
    half_width_katakana_reading_becomes_hiragana: "/applicant/representative_kana": "ﾐﾅﾄｶﾞﾜ ﾀﾛｳ" => "みなとがわたろう", KANA_NORMALISED;
    ideographic_space_in_a_reading_is_removed: "/applicant/representative_kana": "みなとがわ　たろう" => "みなとがわたろう", KANA_NORMALISED;
    half_width_space_in_a_reading_is_removed: "/applicant/representative_kana": " みなとがわ たろう " => "みなとがわたろう", KANA_NORMALISED;
    vaccination_site_reading_becomes_hiragana: "/establishments/0/vaccination_site/name_kana": "カスミガセキクリニック" => "かすみがせきくりにっく", KANA_NORMALISED;
    katakana_vu_and_small_ke_become_hiragana: "/applicant/name_kana": "ヴァイオリンヶ" => "ゔぁいおりんゖ", KANA_NORMALISED;

    half_width_katakana_in_a_name_become_full_width: "/applicant/name": "株式会社ﾐﾅﾄﾌｰｽﾞ" => "株式会社ミナトフーズ", NAME_WIDTH_NORMALISED;
    half_width_voiced_katakana_compose: "/establishments/0/name": "ｶﾞｰﾃﾞﾝ工場" => "ガーデン工場", NAME_WIDTH_NORMALISED;
    half_width_katakana_in_a_street_become_full_width: "/applicant/street": "霞が関１丁目　ﾋﾞﾙ" => "霞が関１丁目　ビル", NAME_WIDTH_NORMALISED;

    full_width_email_becomes_half_width: "/applicant/email": "ｓｏｕｍｕ＠ｍｉｎａｔｏ－ｆｏｏｄｓ．ｅｘａｍｐｌｅ．ｊｐ" => "soumu@minato-foods.example.jp", EMAIL_NORMALISED;
    spaces_around_an_email_are_trimmed: "/establishments/0/email": " honsha@minato-foods.example.jp　" => "honsha@minato-foods.example.jp", EMAIL_NORMALISED;

    count_typed_as_text_becomes_a_number: "/establishments/0/total_staff": "120" => 120, NUMBER_NORMALISED;
    count_in_full_width_digits_becomes_a_number: "/establishments/0/total_staff": "１２０" => 120, NUMBER_NORMALISED;
    count_with_a_decimal_point_becomes_a_whole_number: "/establishments/0/total_staff": 120.0 => 120, NUMBER_NORMALISED;
    negative_count_typed_as_text_becomes_a_number_for_check_to_reject: "/establishments/0/total_staff": "－3" => -3, NUMBER_NORMALISED;
    own_staff_typed_as_text_becomes_a_number: "/establishments/0/business_lines/0/registered_staff_own": " 40 " => 40, NUMBER_NORMALISED;
    external_staff_typed_as_text_becomes_a_number: "/establishments/0/business_lines/0/registered_staff_external": "４" => 4, NUMBER_NORMALISED;

    corporate_number_in_full_width_digits_becomes_half_width: "/applicant/note1": "３１２０００１０００００１" => "3120001000001", CORPORATE_NUMBER_NORMALISED;
    hyphenated_corporate_number_loses_its_hyphens: "/applicant/note1": "3-1200-0100-0001" => "3120001000001", CORPORATE_NUMBER_NORMALISED;
    twelve_digit_company_number_is_normalised_too: "/applicant/note1": "0104-01-012345" => "010401012345", CORPORATE_NUMBER_NORMALISED;

    typed_registered_staff_total_is_replaced_by_the_sum: "/establishments/0/business_lines/0/registered_staff_total": 50 => 44, REGISTERED_STAFF_TOTAL_COMPUTED;
}

keeps! {
    six_digit_postal_code_is_kept_as_typed: "/applicant/postal_code": "100-891";
    postal_code_with_letters_is_kept_as_typed: "/applicant/postal_code": "100-891A";
    three_digit_phone_is_kept_as_typed: "/applicant/phone": "110";
    phone_with_letters_is_kept_as_typed: "/applicant/phone": "03-3595-342x";
    foreign_country_code_is_kept_as_typed: "/applicant/phone": "+1 212 555 0100";
    latin_reading_is_kept_and_never_romanised_or_kanaised: "/applicant/name_kana": "minato";
    reading_with_kanji_is_kept_as_typed: "/applicant/name_kana": "ミナト食品";
    circled_digit_in_a_name_is_kept: "/applicant/name": "株式会社みなと①";
    parenthesised_kabu_sign_in_a_name_is_kept: "/applicant/name": "㈱みなと食品";
    compatibility_ideograph_in_a_name_is_kept: "/applicant/name": "株式会社\u{FA19}田";
    decomposed_kana_in_a_name_is_kept: "/applicant/name": "株式会社カ\u{3099}ス";
    half_width_latin_in_a_name_is_kept: "/applicant/name": "ABC食品株式会社";
    full_width_hyphen_in_a_street_is_kept: "/applicant/street": "霞が関１－２－２";
    malformed_email_is_kept_as_typed: "/applicant/email": "ｓｏｕｍｕ＠";
    count_in_kanji_is_kept_as_typed: "/establishments/0/total_staff": "百二十";
    fractional_count_is_kept_as_typed: "/establishments/0/total_staff": 3.5;
    permit_number_text_is_kept_as_typed: "/applicant/note1": "東京都知事許可（般－１）第１２３４５号";
    short_number_in_note1_is_kept_as_typed: "/applicant/note1": "１２３";
    extra_contents_are_left_alone: "/establishments/0/business_lines/0/extra": json!({"phone": "03-1234-5678", "count": "１２"});
    unknown_fields_are_left_alone: "/applicant/department_phone": "03-1234-5678";
}

#[test]
fn example_document_needs_no_rewrite_beyond_the_computed_totals() {
    let mut doc = example();
    let findings = domain::normalise(&mut doc, &ctx());
    assert!(findings.is_empty(), "{}", describe(&findings));
    let mut expected = example();
    apply(
        &mut expected,
        &[
            (
                "/establishments/0/business_lines/0/registered_staff_total",
                json!(44),
            ),
            (
                "/establishments/1/business_lines/0/registered_staff_total",
                json!(12),
            ),
        ],
    );
    assert_eq!(doc, expected);
}

#[test]
fn total_is_computed_from_counts_typed_as_text() {
    let mut doc = patched(&[
        (
            "/establishments/0/business_lines/0/registered_staff_own",
            json!("４０"),
        ),
        (
            "/establishments/0/business_lines/0/registered_staff_external",
            json!("4"),
        ),
    ]);
    domain::normalise(&mut doc, &ctx());
    assert_eq!(
        doc.pointer("/establishments/0/business_lines/0/registered_staff_total"),
        Some(&json!(44))
    );
}

#[test]
fn total_is_null_when_a_count_is_not_a_number() {
    let mut doc = patched(&[
        (
            "/establishments/0/business_lines/0/registered_staff_own",
            json!("forty"),
        ),
        (
            "/establishments/0/business_lines/0/registered_staff_total",
            json!(44),
        ),
    ]);
    let findings = domain::normalise(&mut doc, &ctx());
    assert_eq!(
        doc.pointer("/establishments/0/business_lines/0/registered_staff_total"),
        Some(&Value::Null)
    );
    assert!(
        findings
            .iter()
            .any(|f| f.code == codes::REGISTERED_STAFF_TOTAL_COMPUTED),
        "{}",
        describe(&findings)
    );
}

#[test]
fn empty_prefecture_and_city_are_filled_from_the_postal_code() {
    let mut doc = patched(&[
        ("/applicant/postal_code", json!("100-8916")),
        ("/applicant/prefecture", json!("")),
        ("/applicant/city", remove()),
    ]);
    let findings = domain::normalise(&mut doc, &ctx());
    assert_eq!(doc["applicant"]["postal_code"], json!("1008916"));
    assert_eq!(doc["applicant"]["prefecture"], json!("東京都"));
    assert_eq!(doc["applicant"]["city"], json!("千代田区"));
    let filled: Vec<(&str, &str)> = findings
        .iter()
        .filter(|f| f.code == codes::ADDRESS_FILLED_FROM_POSTAL_CODE)
        .map(|f| (f.path.as_str(), f.args["to"].as_str().unwrap_or_default()))
        .collect();
    assert_eq!(
        filled,
        [
            ("/applicant/prefecture", "東京都"),
            ("/applicant/city", "千代田区")
        ]
    );
    assert!(!has_errors(&domain::check(&doc, &ctx())));
}

#[test]
fn empty_city_alone_is_filled_when_the_prefecture_agrees() {
    let mut doc = patched(&[("/establishments/1/city", Value::Null)]);
    domain::normalise(&mut doc, &ctx());
    assert_eq!(doc["establishments"][1]["city"], json!("大阪市北区"));
}

#[test]
fn city_is_not_filled_when_the_prefecture_disagrees() {
    let mut doc = patched(&[
        ("/applicant/prefecture", json!("大阪府")),
        ("/applicant/city", json!("")),
    ]);
    let findings = domain::normalise(&mut doc, &ctx());
    assert_eq!(doc["applicant"]["city"], json!(""));
    assert!(findings.is_empty(), "{}", describe(&findings));
}

#[test]
fn code_spanning_two_prefectures_fills_nothing() {
    let mut doc = patched(&[
        ("/applicant/postal_code", json!("4980000")),
        ("/applicant/prefecture", json!("")),
        ("/applicant/city", json!("")),
    ]);
    let findings = domain::normalise(&mut doc, &ctx());
    assert_eq!(doc["applicant"]["prefecture"], json!(""));
    assert_eq!(doc["applicant"]["city"], json!(""));
    assert!(findings.is_empty(), "{}", describe(&findings));
}

#[test]
fn unknown_postal_code_fills_nothing() {
    let mut doc = patched(&[
        ("/applicant/postal_code", json!("9999999")),
        ("/applicant/prefecture", Value::Null),
    ]);
    let findings = domain::normalise(&mut doc, &ctx());
    assert_eq!(doc["applicant"]["prefecture"], Value::Null);
    assert!(findings.is_empty(), "{}", describe(&findings));
}

#[test]
fn normalising_twice_changes_nothing_the_second_time() {
    let mut doc = messy_example();
    let first = domain::normalise(&mut doc, &ctx());
    assert!(!first.is_empty());
    let after_first = doc.clone();
    let second = domain::normalise(&mut doc, &ctx());
    assert!(second.is_empty(), "{}", describe(&second));
    assert_eq!(doc, after_first);
}

#[test]
fn messy_but_unambiguous_input_passes_check_once_normalised() {
    let mut doc = messy_example();
    assert!(has_errors(&domain::check(&doc, &ctx())));
    let infos = domain::normalise(&mut doc, &ctx());
    assert!(infos.iter().all(|f| f.severity == Severity::Info));
    let findings = domain::check(&doc, &ctx());
    assert!(findings.is_empty(), "{}", describe(&findings));
}

/// The example as someone might type it: full-width digits, hyphens, katakana readings, counts
/// as text, a typed total, and an address to be filled in.
fn messy_example() -> Value {
    patched(&[
        (
            "/applicant/name_kana",
            json!("カブシキガイシャ　ミナトショクヒン"),
        ),
        ("/applicant/representative_kana", json!("ﾐﾅﾄｶﾞﾜ ﾀﾛｳ")),
        ("/applicant/postal_code", json!("〒１００－８９１６")),
        ("/applicant/phone", json!("03(3595)3426")),
        ("/applicant/email", json!("soumu＠minato-foods.example.jp")),
        ("/applicant/note1", json!("3-1200-0100-0001")),
        ("/establishments/0/postal_code", json!("100ー8916")),
        ("/establishments/0/prefecture", json!("")),
        ("/establishments/0/city", json!("")),
        ("/establishments/0/phone", json!("+81-3-3595-3426")),
        ("/establishments/0/total_staff", json!("１２０")),
        (
            "/establishments/0/business_lines/0/registered_staff_own",
            json!("40"),
        ),
        (
            "/establishments/0/business_lines/0/registered_staff_total",
            json!(40),
        ),
        (
            "/establishments/0/vaccination_site/name_kana",
            json!("カスミガセキ クリニック"),
        ),
        ("/establishments/1/phone", json!("06−6345−0000")),
    ])
}
