//! 法人番号 (corporate number): 13 digits whose first digit checks the 12-digit base number.

/// True when `s` is 13 half-width digits and its first digit is the check digit of the rest:
/// `9 - (Σ_{n=1..12} P_n × Q_n mod 9)`, where `P_n` is digit `n` of the base counted from the
/// right and `Q_n` is 1 for odd `n`, 2 for even `n` (国税庁, 法人番号の指定等に関する省令).
pub fn is_valid(s: &str) -> bool {
    let Some(digits) = digits(s) else {
        return false;
    };
    let Some((&check, base)) = digits.split_first() else {
        return false;
    };
    check == check_digit(base)
}

/// The check digit for a 12-digit base number, counted as in [`is_valid`].
fn check_digit(base: &[u32]) -> u32 {
    let sum: u32 = base
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &p)| if i % 2 == 0 { p } else { p * 2 })
        .sum();
    9 - sum % 9
}

fn digits(s: &str) -> Option<Vec<u32>> {
    if s.len() != 13 {
        return None;
    }
    s.chars().map(|c| c.to_digit(10)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_digit_of_the_national_tax_agency_number_is_seven() {
        let base: Vec<u32> = "000012050002"
            .chars()
            .filter_map(|c| c.to_digit(10))
            .collect();
        assert_eq!(check_digit(&base), 7);
    }
}
