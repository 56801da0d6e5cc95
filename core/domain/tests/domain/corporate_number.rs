//! 法人番号 check digits, against numbers published by 国税庁.

use domain::corporate_number::is_valid;

#[test]
fn published_corporate_numbers_are_valid() {
    for number in [
        "7000012050002", // 国税庁
        "2021001052596",
        "2000012010019",
        "1000011000005",
        "3120001000001", // the example document's note 1
    ] {
        assert!(is_valid(number), "{number}");
    }
}

#[test]
fn a_wrong_check_digit_is_invalid() {
    // 5000012010011 is sometimes quoted as an example; its check digit would be 1, not 5.
    for number in [
        "8000012050002",
        "6000012050002",
        "0000012050002",
        "1021001052596",
        "5000012010011",
    ] {
        assert!(!is_valid(number), "{number}");
    }
}

#[test]
fn a_changed_digit_in_the_base_number_is_caught() {
    assert!(!is_valid("7000012050003"));
    assert!(!is_valid("7000012050012"));
}

#[test]
fn anything_but_thirteen_half_width_digits_is_invalid() {
    for number in [
        "",
        "700001205000",
        "70000120500020",
        "７０００１２０５０００２",
        "7000-0120-5000",
        "700001205000x",
    ] {
        assert!(!is_valid(number), "{number:?}");
    }
}
