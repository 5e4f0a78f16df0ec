//! The Gregorian calendar of the chain, in UTC days counted from 1970-01-01 (day 0): the one
//! implementation shared by `tn-primitives` (its `Day` and `Month`) and the feed parsers of
//! `tn-ingest` (which validate the dates of official files). It is its own crate because the
//! parsers stay free of FRAME (they are benchmarked alone in wasm) and the primitives must not
//! depend on a parser. The feed simulator uses chrono instead, on purpose: it is the parsers'
//! test oracle, and the portal uses JavaScript's `Date.UTC`.
//!
//! Days before 1970 are outside the chain's calendar: every function works on non-negative day
//! counts and saturates instead of panicking (H. Hinnant's `days_from_civil` /
//! `civil_from_days`, <https://howardhinnant.github.io/date_algorithms.html>).

#![cfg_attr(not(test), no_std)]

/// Whether `year` is a leap year of the Gregorian calendar.
pub const fn is_leap_year(year: u16) -> bool {
	(year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// The number of days of `month` (1..=12) in `year`; 0 for a month outside 1..=12.
pub const fn days_in_month(year: u16, month: u8) -> u8 {
	match month {
		1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
		4 | 6 | 9 | 11 => 30,
		2 if is_leap_year(year) => 29,
		2 => 28,
		_ => 0,
	}
}

/// The day count of `year-month-day` (not validated: callers check `day ≤ days_in_month`);
/// dates before 1970-01-01 give 0, counts beyond `u32` saturate.
pub fn days_from_civil(year: u16, month: u8, day: u8) -> u32 {
	let (y, m) = (u64::from(year), u64::from(month));
	let y = y.saturating_sub(u64::from(m <= 2));
	let era = y / 400;
	let yoe = y.saturating_sub(era.saturating_mul(400));
	let mp = if m > 2 { m.saturating_sub(3) } else { m.saturating_add(9) };
	let doy = (mp.saturating_mul(153).saturating_add(2) / 5)
		.saturating_add(u64::from(day).saturating_sub(1));
	let doe = yoe
		.saturating_mul(365)
		.saturating_add(yoe / 4)
		.saturating_sub(yoe / 100)
		.saturating_add(doy);
	let days = era.saturating_mul(146_097).saturating_add(doe).saturating_sub(719_468);
	u32::try_from(days).unwrap_or(u32::MAX)
}

/// `(year, month, day)` of a day count (years saturate at `u16::MAX`).
pub fn civil_from_days(days: u32) -> (u16, u8, u8) {
	let z = u64::from(days).saturating_add(719_468);
	let era = z / 146_097;
	let doe = z.saturating_sub(era.saturating_mul(146_097));
	let yoe = doe
		.saturating_sub(doe / 1_460)
		.saturating_add(doe / 36_524)
		.saturating_sub(doe / 146_096)
		/ 365;
	let doy = doe
		.saturating_sub(yoe.saturating_mul(365).saturating_add(yoe / 4).saturating_sub(yoe / 100));
	let mp = doy.saturating_mul(5).saturating_add(2) / 153;
	let d = doy
		.saturating_sub(mp.saturating_mul(153).saturating_add(2) / 5)
		.saturating_add(1);
	let m = if mp < 10 { mp.saturating_add(3) } else { mp.saturating_sub(9) };
	let y = yoe.saturating_add(era.saturating_mul(400)).saturating_add(u64::from(m <= 2));
	(
		u16::try_from(y).unwrap_or(u16::MAX),
		u8::try_from(m).unwrap_or(12),
		u8::try_from(d).unwrap_or(1),
	)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn leap_years_follow_the_gregorian_rule() {
		assert!(is_leap_year(2024) && is_leap_year(2000) && is_leap_year(2400));
		assert!(!is_leap_year(2026) && !is_leap_year(1900) && !is_leap_year(2100));
		assert_eq!(days_in_month(2024, 2), 29);
		assert_eq!(days_in_month(2100, 2), 28);
		assert_eq!(days_in_month(2000, 2), 29);
		assert_eq!(days_in_month(2026, 4), 30);
		assert_eq!(days_in_month(2026, 12), 31);
		assert_eq!((days_in_month(2026, 0), days_in_month(2026, 13)), (0, 0));
	}

	#[test]
	fn known_days() {
		assert_eq!(days_from_civil(1970, 1, 1), 0);
		assert_eq!(civil_from_days(0), (1970, 1, 1));
		// 2026-01-01 is day 20,454; 2000-02-29 is day 11,016; 2100-03-01 day 47,541.
		assert_eq!(days_from_civil(2026, 1, 1), 20_454);
		assert_eq!(civil_from_days(20_454), (2026, 1, 1));
		assert_eq!(days_from_civil(2000, 2, 29), 11_016);
		assert_eq!(civil_from_days(11_016), (2000, 2, 29));
		assert_eq!(days_from_civil(2100, 3, 1), 47_541);
		assert_eq!(civil_from_days(47_540), (2100, 2, 28));
		// Before 1970: 0, never a panic.
		assert_eq!(days_from_civil(1969, 12, 31), 0);
		assert_eq!(days_from_civil(0, 1, 1), 0);
	}

	#[test]
	fn every_day_from_1970_to_2400_round_trips_in_order() {
		let mut day = 0u32;
		for year in 1970u16..2400 {
			for month in 1u8..=12 {
				for d in 1..=days_in_month(year, month) {
					assert_eq!(days_from_civil(year, month, d), day, "{year}-{month}-{d}");
					assert_eq!(civil_from_days(day), (year, month, d));
					day += 1;
				}
			}
		}
		// 430 years of 365.2425 days.
		assert_eq!(day, 157_054);
	}

	#[test]
	fn extremes_saturate() {
		// Day u32::MAX is in year 11,761,191: beyond u16, so the year saturates.
		assert_eq!(civil_from_days(u32::MAX).0, u16::MAX);
		assert_eq!(days_from_civil(u16::MAX, 12, 31), 23_217_003);
	}
}
