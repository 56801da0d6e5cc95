//! 常勤換算 (full-time equivalent) of the registered staff of one business line at one
//! establishment, in exact arithmetic, rounded up once.
//!
//! FTE = full-time people + Σ (hours per week on the target work ÷ standard weekly hours) ×
//! people. Hours have at most two decimals (7.5, 7.75), so every hour value is read as an
//! integer number of hundredths and the sum is one fraction over the standard week: no float
//! accumulates, and the rounding up (小数点以下切り上げ) happens once, on the exact value.
//!
//! A pattern may not exceed the standard week: someone who spends the whole standard week on the
//! target work is a full-timer (常勤者) and counts as exactly one person, however long they
//! work; counting overtime would make one person worth more than one, which the Q&A (常勤換算
//! 問7) rules out for fairness. Zero hours are allowed and count nothing; night shifts are hours
//! like any other; approved on-call duty (宿日直) is simply not entered.

use serde::{Deserialize, Serialize};

/// Longest standard week accepted: the hours in a week.
pub const MAX_STANDARD_WEEKLY_HOURS: f64 = 168.0;

/// What the FTE of one business line at one establishment is computed from.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct FteInput {
    /// The establishment's standard working hours per week (所定勤務時間), e.g. 40 or 37.5.
    pub standard_weekly_hours: f64,
    /// People who spend the standard week on the target work (常勤者).
    pub full_time: u32,
    /// Part-time patterns: how many people spend how many hours a week on the target work.
    #[serde(default)]
    pub patterns: Vec<FtePattern>,
}

/// One part-time pattern: `people` each spending `hours_per_week` on the target work.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct FtePattern {
    /// How many people work this pattern.
    pub people: u32,
    /// Hours per week each of them spends on the target work, at most two decimals.
    pub hours_per_week: f64,
}

/// The FTE, exact (for display) and rounded up (what is registered).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FteResult {
    /// The exact FTE as a decimal, from one division of exact integers.
    pub fte_exact: f64,
    /// The FTE rounded up to a whole number: the registered staff count.
    pub fte: u32,
}

/// Why an FTE cannot be computed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FteError {
    /// The standard week is not above 0 and at most 168 hours.
    #[error("standard weekly hours must be above 0 and at most 168, got {hours}")]
    StandardHoursOutOfRange {
        /// The hours given.
        hours: f64,
    },
    /// A pattern's hours are negative or exceed the standard week.
    #[error(
        "pattern {pattern}: hours per week must be between 0 and the standard {standard}, got {hours}"
    )]
    PatternHoursOutOfRange {
        /// Index of the pattern, from 0.
        pattern: usize,
        /// The hours given.
        hours: f64,
        /// The standard weekly hours.
        standard: f64,
    },
    /// An hour value has more than two decimals (or is not a number).
    #[error("hours may have at most two decimals, got {hours}")]
    TooManyDecimals {
        /// The hours given.
        hours: f64,
    },
    /// The result does not fit a staff count.
    #[error("the full-time equivalent is too large")]
    Overflow,
}

/// Computes the FTE exactly and rounds it up once.
pub fn compute(input: &FteInput) -> Result<FteResult, FteError> {
    let standard_hours = input.standard_weekly_hours;
    if !(standard_hours > 0.0 && standard_hours <= MAX_STANDARD_WEEKLY_HOURS) {
        return Err(FteError::StandardHoursOutOfRange {
            hours: standard_hours,
        });
    }
    let standard = hundredths(standard_hours)?;
    if standard == 0 {
        return Err(FteError::StandardHoursOutOfRange {
            hours: standard_hours,
        });
    }
    let mut numerator = u128::from(input.full_time) * u128::from(standard);
    for (index, pattern) in input.patterns.iter().enumerate() {
        let out_of_range = || FteError::PatternHoursOutOfRange {
            pattern: index,
            hours: pattern.hours_per_week,
            standard: input.standard_weekly_hours,
        };
        if pattern.hours_per_week < 0.0 {
            return Err(out_of_range());
        }
        let hours = hundredths(pattern.hours_per_week)?;
        if hours > standard {
            return Err(out_of_range());
        }
        numerator = numerator
            .checked_add(u128::from(pattern.people) * u128::from(hours))
            .ok_or(FteError::Overflow)?;
    }
    let denominator = u128::from(standard);
    let fte = u32::try_from(numerator.div_ceil(denominator)).map_err(|_| FteError::Overflow)?;
    // For display only; exact below 2^53, far above any staff count.
    let fte_exact = numerator as f64 / denominator as f64;
    Ok(FteResult { fte_exact, fte })
}

/// Reads a non-negative hour value with at most two decimals as whole hundredths of an hour.
fn hundredths(hours: f64) -> Result<u64, FteError> {
    let too_many = FteError::TooManyDecimals { hours };
    if !(0.0..=1.0e12).contains(&hours) {
        return Err(too_many);
    }
    let scaled = hours * 100.0;
    let rounded = scaled.round();
    // 7.55 is stored as 7.5499…; anything that close to a hundredth is that hundredth.
    if (scaled - rounded).abs() > 1.0e-6 {
        return Err(too_many);
    }
    // A whole number in 0..=1e14, checked above: the cast is exact.
    Ok(rounded as u64)
}
