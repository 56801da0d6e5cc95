//! 常勤換算: the guide's worked examples, exactness, and refused inputs.

use domain::fte::{FteError, FteInput, FtePattern, FteResult, compute};
use serde_json::json;

fn fte(standard: f64, full_time: u32, patterns: &[(u32, f64)]) -> Result<FteResult, FteError> {
    compute(&FteInput {
        standard_weekly_hours: standard,
        full_time,
        patterns: patterns
            .iter()
            .map(|&(people, hours_per_week)| FtePattern {
                people,
                hours_per_week,
            })
            .collect(),
    })
}

#[test]
fn guide_example_of_mornings_and_afternoons_is_four() {
    let input: FteInput = serde_json::from_value(json!({
        "standard_weekly_hours": 40,
        "full_time": 0,
        "patterns": [{"people": 5, "hours_per_week": 9}, {"people": 10, "hours_per_week": 10}]
    }))
    .expect("valid input");
    let result = compute(&input).expect("computable");
    assert_eq!(
        serde_json::to_value(&result).expect("serialisable"),
        json!({"fte_exact": 3.625, "fte": 4})
    );
}

#[test]
fn qa_examples_come_out_as_in_the_guide() {
    // 4 h × 3 days in a 40 h week = 0.3; 2 of 5 days = 0.4; 3 of 5 days = 0.6.
    let cases = [
        (40.0, 0, vec![(1, 12.0)], 0.3, 1),
        (40.0, 0, vec![(1, 16.0)], 0.4, 1),
        (40.0, 0, vec![(1, 24.0)], 0.6, 1),
        (40.0, 3, vec![], 3.0, 3),
        (40.0, 2, vec![(1, 12.0)], 2.3, 3),
        (40.0, 0, vec![], 0.0, 0),
        (40.0, 0, vec![(10, 4.0)], 1.0, 1),
    ];
    for (standard, full_time, patterns, exact, rounded) in cases {
        let result = fte(standard, full_time, &patterns).expect("computable");
        assert_eq!(result.fte_exact, exact, "{patterns:?}");
        assert_eq!(result.fte, rounded, "{patterns:?}");
    }
}

#[test]
fn rounding_up_is_exact_where_floats_would_drift() {
    // Ten people at 0.1 of a 1-hour week is exactly 1, not 1.0000000000000002 rounded up to 2.
    assert_eq!(fte(1.0, 0, &[(10, 0.1)]).map(|r| r.fte), Ok(1));
    // Thirty people at 0.01 h of a 0.3 h week: exactly 1.
    assert_eq!(fte(0.3, 0, &[(30, 0.01)]).map(|r| r.fte), Ok(1));
    // 7.5 h days: 3 days of a 37.5 h week is 0.6.
    assert_eq!(fte(37.5, 0, &[(1, 22.5)]).map(|r| r.fte_exact), Ok(0.6));
    // 7.55 has no exact binary form but is two decimals.
    assert_eq!(fte(37.75, 0, &[(5, 7.55)]).map(|r| r.fte), Ok(1));
    // Just above a whole number still rounds up.
    assert_eq!(fte(40.0, 1, &[(1, 0.01)]).map(|r| r.fte), Ok(2));
}

#[test]
fn hours_equal_to_the_standard_week_count_as_one_person() {
    assert_eq!(fte(40.0, 0, &[(3, 40.0)]).map(|r| r.fte), Ok(3));
}

#[test]
fn hours_beyond_the_standard_week_are_refused() {
    assert_eq!(
        fte(40.0, 0, &[(1, 12.0), (1, 45.0)]),
        Err(FteError::PatternHoursOutOfRange {
            pattern: 1,
            hours: 45.0,
            standard: 40.0
        })
    );
}

#[test]
fn negative_hours_are_refused() {
    assert!(matches!(
        fte(40.0, 0, &[(1, -1.0)]),
        Err(FteError::PatternHoursOutOfRange { pattern: 0, .. })
    ));
}

#[test]
fn standard_week_must_be_above_zero_and_at_most_168_hours() {
    for hours in [0.0, -40.0, 168.5, f64::NAN, f64::INFINITY] {
        assert!(
            matches!(
                fte(hours, 1, &[]),
                Err(FteError::StandardHoursOutOfRange { .. })
            ),
            "{hours}"
        );
    }
    assert_eq!(fte(168.0, 1, &[]).map(|r| r.fte), Ok(1));
}

#[test]
fn more_than_two_decimals_are_refused() {
    assert!(matches!(
        fte(40.0, 0, &[(1, 7.125)]),
        Err(FteError::TooManyDecimals { .. })
    ));
    assert!(matches!(
        fte(37.125, 0, &[]),
        Err(FteError::TooManyDecimals { .. })
    ));
}

#[test]
fn a_result_beyond_a_staff_count_is_an_overflow() {
    assert_eq!(
        fte(0.01, u32::MAX, &[(u32::MAX, 0.01)]),
        Err(FteError::Overflow)
    );
}

#[test]
fn json_with_a_negative_people_count_does_not_deserialise() {
    let input = serde_json::from_value::<FteInput>(json!({
        "standard_weekly_hours": 40, "full_time": 0, "patterns": [{"people": -1, "hours_per_week": 4}]
    }));
    assert!(input.is_err());
}
