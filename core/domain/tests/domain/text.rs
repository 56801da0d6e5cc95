//! The single-value rules of `domain::text`, reusable by the Excel importer.

use domain::text::{
    self, Normalised, TextError, is_email, is_full_width, normalise_email, normalise_kana_reading,
    normalise_name, normalise_phone, normalise_postal_code, parse_integer,
};

fn changed(value: &str) -> Result<Normalised, TextError> {
    Ok(Normalised {
        value: value.to_owned(),
        changed: true,
    })
}

fn unchanged(value: &str) -> Result<Normalised, TextError> {
    Ok(Normalised {
        value: value.to_owned(),
        changed: false,
    })
}

#[test]
fn postal_codes_normalise_or_say_how_many_digits_they_have() {
    let cases = [
        ("1008916", unchanged("1008916")),
        ("100-8916", changed("1008916")),
        ("〒100-8916", changed("1008916")),
        ("１００ー８９１６", changed("1008916")),
        (
            "100891",
            Err(TextError::PostalCode {
                input: "100891".to_owned(),
                digits: 6,
            }),
        ),
        (
            "",
            Err(TextError::PostalCode {
                input: String::new(),
                digits: 0,
            }),
        ),
        (
            "1OO8916",
            Err(TextError::PostalCode {
                input: "1OO8916".to_owned(),
                digits: 0,
            }),
        ),
        (
            "100〒8916",
            Err(TextError::PostalCode {
                input: "100〒8916".to_owned(),
                digits: 0,
            }),
        ),
    ];
    for (input, expected) in cases {
        assert_eq!(normalise_postal_code(input), expected, "{input:?}");
    }
}

#[test]
fn phones_normalise_to_ten_or_eleven_digits_from_zero() {
    let ok = [
        ("0335953426", "0335953426"),
        ("03-3595-3426", "0335953426"),
        ("090-1234-5678", "09012345678"),
        ("0120-123-456", "0120123456"),
        ("[03]3595-3426", "0335953426"),
        ("+81 3 3595 3426", "0335953426"),
    ];
    for (input, expected) in ok {
        assert_eq!(
            normalise_phone(input).map(|n| n.value),
            Ok(expected.to_owned()),
            "{input:?}"
        );
    }
    for bad in [
        "110",
        "",
        "3335953426",
        "033595342600",
        "03-3595-3426 内線12",
        "81-3-3595-3426+",
        "+1 212 555 0100",
    ] {
        assert!(normalise_phone(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn readings_become_hiragana_and_refuse_everything_else() {
    assert_eq!(normalise_kana_reading("みなと"), unchanged("みなと"));
    assert_eq!(normalise_kana_reading("ミナト"), changed("みなと"));
    assert_eq!(normalise_kana_reading("ﾐﾅﾄ"), changed("みなと"));
    assert_eq!(normalise_kana_reading("ｶﾞｯｺｳ"), changed("がっこう"));
    assert_eq!(normalise_kana_reading("ﾊﾟﾝ"), changed("ぱん"));
    assert_eq!(
        normalise_kana_reading("すずき　いちろう"),
        changed("すずきいちろう")
    );
    assert_eq!(normalise_kana_reading("コーヒー"), changed("こーひー"));
    assert_eq!(
        normalise_kana_reading("か\u{3099}っこう"),
        changed("がっこう")
    );
    assert_eq!(normalise_kana_reading("いすゞ"), unchanged("いすゞ"));
    for (input, character) in [
        ("minato", 'm'),
        ("ｍｉｎａｔｏ", 'ｍ'),
        ("港", '港'),
        ("みなと1", '1'),
        ("じょん・すみす", '・'),
        ("ｱﾞ", '゛'),
    ] {
        assert_eq!(
            normalise_kana_reading(input),
            Err(TextError::NotHiragana { character }),
            "{input:?}"
        );
    }
}

#[test]
fn names_change_only_half_width_katakana() {
    assert_eq!(
        normalise_name("ﾐﾅﾄ食品"),
        Normalised {
            value: "ミナト食品".to_owned(),
            changed: true
        }
    );
    assert_eq!(
        normalise_name("ｶﾞｽ｡"),
        Normalised {
            value: "ガス。".to_owned(),
            changed: true
        }
    );
    for kept in [
        "株式会社みなと食品",
        "①号館",
        "㈱みなと",
        "ABC",
        "\u{FA19}田",
        "ー−‐",
    ] {
        assert_eq!(
            normalise_name(kept),
            Normalised {
                value: kept.to_owned(),
                changed: false
            }
        );
    }
}

#[test]
fn emails_become_half_width_and_must_be_well_formed() {
    assert_eq!(normalise_email("ａ＠ｂ．ｊｐ"), changed("a@b.jp"));
    assert_eq!(normalise_email("a@b.jp"), unchanged("a@b.jp"));
    for good in [
        "soumu@minato-foods.example.jp",
        "a.b+c@x.co.jp",
        "taro..x.@docomo.ne.jp",
        "USER@EXAMPLE.JP",
    ] {
        assert!(is_email(good), "{good:?}");
    }
    for bad in [
        "", "a", "a@", "@b.jp", "a@b", "a@b..jp", "a@-b.jp", "a@b-.jp", "a b@c.jp", "a@b@c.jp",
        "あ@b.jp", "a@b.jp\n",
    ] {
        assert!(!is_email(bad), "{bad:?}");
    }
    assert!(!is_email(&format!("{}@b.jp", "a".repeat(65))));
}

#[test]
fn counts_typed_as_text_are_read_as_integers() {
    assert_eq!(parse_integer("120"), Ok(120));
    assert_eq!(parse_integer("１２０"), Ok(120));
    assert_eq!(parse_integer(" 12　"), Ok(12));
    assert_eq!(parse_integer("-3"), Ok(-3));
    assert_eq!(parse_integer("－３"), Ok(-3));
    for bad in ["", "-", "1,200", "3.5", "百", "99999999999999999999"] {
        assert!(parse_integer(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn full_width_means_no_ascii_and_no_half_width_katakana() {
    assert!(is_full_width("株式会社みなと食品　本社"));
    assert!(is_full_width("霞が関１丁目２番２号"));
    assert!(!is_full_width("霞が関1丁目"));
    assert!(!is_full_width("ﾐﾅﾄ"));
    assert!(!is_full_width("みなと 食品"));
    assert_eq!(text::first_half_width_char("本社A棟"), Some('A'));
}

#[test]
fn digits_only_accepts_digits_hyphens_and_spaces() {
    assert_eq!(
        text::digits_only("１２３-４５ 6"),
        Some("123456".to_owned())
    );
    assert_eq!(text::digits_only("第123号"), None);
    assert_eq!(text::digits_only("--"), None);
}
