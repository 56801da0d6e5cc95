//! Numbers and dates in the reader's locale, with ICU4X and its compiled CLDR data (no data
//! files to ship or load). The only module that names ICU4X.

use icu::calendar::Date;
use icu::calendar::cal::{Gregorian, Japanese};
use icu::datetime::FixedCalendarDateTimeFormatter;
use icu::datetime::fieldsets::{Y, YMD};
use icu::decimal::DecimalFormatter;
use icu::decimal::input::Decimal;
use icu::locale::{Locale as IcuLocale, locale};

use crate::Locale;

/// The earliest and latest years [`format_date`] accepts (four-digit years of the Gregorian
/// calendar; registrations, deadlines and their validity all fall well inside).
pub const DATE_YEARS: std::ops::RangeInclusive<i32> = 1..=9999;

/// Why a date could not be formatted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateFormatError {
    /// The year, month and day do not name a day of the Gregorian calendar (month 13,
    /// 30 February, 31 April, 29 February of a common year, day 0, …).
    #[error(
        "{year:04}-{month:02}-{day:02} is not a date: month must be 1–12 and day must exist in that month"
    )]
    NotADate {
        /// The year given.
        year: i32,
        /// The month given.
        month: u8,
        /// The day given.
        day: u8,
    },
    /// The year is outside [`DATE_YEARS`].
    #[error("year {year} is outside the supported range 1–9999")]
    YearOutOfRange {
        /// The year given.
        year: i32,
    },
    /// The locale data could not be loaded (a build without the compiled data; not expected).
    #[error("no date formatting data for {locale}: {detail}")]
    NoData {
        /// The locale's tag.
        locale: &'static str,
        /// ICU4X's reason.
        detail: String,
    },
}

/// The ICU4X locale whose CLDR data formats numbers and dates for `locale`. やさしい日本語
/// writes numbers and dates as Japanese does.
fn icu_locale(locale: Locale) -> IcuLocale {
    match locale {
        Locale::Ja | Locale::JaEasy => locale!("ja"),
        Locale::En => locale!("en"),
        Locale::ZhHans => locale!("zh-Hans"),
        Locale::Ko => locale!("ko"),
        Locale::Vi => locale!("vi"),
        Locale::PtBr => locale!("pt-BR"),
    }
}

/// A whole number with the locale's digit grouping: `1,234,567` (ja, en, zh-Hans, ko),
/// `1.234.567` (vi, pt-BR); a negative number gets the locale's minus sign.
pub fn format_integer(locale: Locale, value: i64) -> String {
    let decimal = Decimal::from(value);
    match DecimalFormatter::try_new(icu_locale(locale).into(), Default::default()) {
        Ok(formatter) => formatter.format(&decimal).to_string(),
        Err(err) => {
            // Compiled data covers every locale we speak; without it, plain digits still read.
            tracing::error!(locale = locale.tag(), %err, "no number formatting data");
            value.to_string()
        }
    }
}

/// A date (year, month, day of the Gregorian calendar) written out in the locale's long style:
/// `November 21, 2026`, `21 de novembro de 2026`, `2026년 11월 21일`, … For `ja` and
/// `ja-x-easy` the Western date is followed by the year of the Japanese era (和暦) in full-width
/// brackets, the era found by ICU4X's Japanese calendar: `2026年11月21日（令和8年）`. Before
/// the Japanese calendar's eras (1873) there is no era to add.
pub fn format_date(
    locale: Locale,
    year: i32,
    month: u8,
    day: u8,
) -> Result<String, DateFormatError> {
    if !DATE_YEARS.contains(&year) {
        return Err(DateFormatError::YearOutOfRange { year });
    }
    let date = Date::try_new_gregorian(year, month, day)
        .map_err(|_| DateFormatError::NotADate { year, month, day })?;
    let no_data = |err: icu::datetime::DateTimeFormatterLoadError| DateFormatError::NoData {
        locale: locale.tag(),
        detail: err.to_string(),
    };
    let western = FixedCalendarDateTimeFormatter::<Gregorian, YMD>::try_new(
        icu_locale(locale).into(),
        YMD::long(),
    )
    .map_err(no_data)?
    .format(&date)
    .to_string();
    if !matches!(locale, Locale::Ja | Locale::JaEasy) {
        return Ok(western);
    }
    let japanese = date.to_calendar(Japanese::new());
    let era = japanese.era_year().era;
    if matches!(era.as_str(), "ce" | "bce" | "ad" | "bc") {
        return Ok(western);
    }
    let era_year =
        FixedCalendarDateTimeFormatter::<Japanese, Y>::try_new(locale!("ja").into(), Y::long())
            .map_err(no_data)?
            .format(&japanese)
            .to_string();
    // The first year of an era is written 元年 (CLDR's `jpanyear` numbering, which ICU4X does
    // not apply): 令和1年 → 令和元年.
    let era_year = match era_year.strip_suffix("1年") {
        Some(era_name) if japanese.era_year().year == 1 => format!("{era_name}元年"),
        _ => era_year,
    };
    Ok(format!("{western}（{era_year}）"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_are_grouped_per_locale() {
        let cases = [
            (Locale::Ja, "1,234,567"),
            (Locale::En, "1,234,567"),
            (Locale::ZhHans, "1,234,567"),
            (Locale::Ko, "1,234,567"),
            (Locale::Vi, "1.234.567"),
            (Locale::PtBr, "1.234.567"),
            (Locale::JaEasy, "1,234,567"),
        ];
        for (locale, expected) in cases {
            assert_eq!(
                format_integer(locale, 1_234_567),
                expected,
                "{}",
                locale.tag()
            );
        }
    }

    #[test]
    fn small_negative_and_extreme_integers() {
        for locale in Locale::ALL {
            assert_eq!(format_integer(locale, 0), "0", "{}", locale.tag());
            assert_eq!(format_integer(locale, 999), "999", "{}", locale.tag());
        }
        assert_eq!(format_integer(Locale::En, 1000), "1,000");
        assert_eq!(format_integer(Locale::PtBr, 1000), "1.000");
        assert_eq!(format_integer(Locale::En, -1_234_567), "-1,234,567");
        assert_eq!(format_integer(Locale::Vi, -1_234_567), "-1.234.567");
        assert_eq!(
            format_integer(Locale::Ja, i64::MAX),
            "9,223,372,036,854,775,807"
        );
        assert_eq!(
            format_integer(Locale::En, i64::MIN),
            "-9,223,372,036,854,775,808"
        );
    }

    #[test]
    fn dates_are_written_in_each_locales_long_style() {
        let cases = [
            (Locale::Ja, "2026年11月21日（令和8年）"),
            (Locale::En, "November 21, 2026"),
            (Locale::ZhHans, "2026年11月21日"),
            (Locale::Ko, "2026년 11월 21일"),
            (Locale::Vi, "21 tháng 11 2026"),
            (Locale::PtBr, "21 de novembro de 2026"),
            (Locale::JaEasy, "2026年11月21日（令和8年）"),
        ];
        for (locale, expected) in cases {
            assert_eq!(
                format_date(locale, 2026, 11, 21).as_deref(),
                Ok(expected),
                "{}",
                locale.tag()
            );
        }
    }

    #[test]
    fn the_japanese_era_changes_on_the_day_the_calendar_says() {
        let cases = [
            ((2019, 4, 30), "2019年4月30日（平成31年）"),
            ((2019, 5, 1), "2019年5月1日（令和元年）"),
            ((1989, 1, 7), "1989年1月7日（昭和64年）"),
            ((1989, 1, 8), "1989年1月8日（平成元年）"),
            ((1926, 12, 25), "1926年12月25日（昭和元年）"),
            ((1912, 7, 30), "1912年7月30日（大正元年）"),
            ((1900, 1, 1), "1900年1月1日（明治33年）"),
        ];
        for ((y, m, d), expected) in cases {
            assert_eq!(format_date(Locale::Ja, y, m, d).as_deref(), Ok(expected));
        }
    }

    #[test]
    fn dates_before_the_japanese_eras_have_no_era() {
        assert_eq!(
            format_date(Locale::Ja, 1850, 3, 1).as_deref(),
            Ok("1850年3月1日")
        );
    }

    #[test]
    fn impossible_dates_are_refused_with_the_reason() {
        for (y, m, d) in [
            (2026, 13, 1),
            (2026, 0, 1),
            (2026, 2, 29),
            (2026, 4, 31),
            (2026, 1, 0),
        ] {
            let err = format_date(Locale::En, y, m, d).expect_err("not a date");
            assert_eq!(
                err,
                DateFormatError::NotADate {
                    year: y,
                    month: m,
                    day: d
                }
            );
            assert!(err.to_string().contains("is not a date"), "{err}");
        }
        assert_eq!(
            format_date(Locale::Ja, 2024, 2, 29).as_deref(),
            Ok("2024年2月29日（令和6年）")
        );
        for year in [0, -5, 10_000] {
            assert_eq!(
                format_date(Locale::Ja, year, 1, 1),
                Err(DateFormatError::YearOutOfRange { year })
            );
        }
    }
}
