//! Days and months as the two feeds spell them, `YYYY-MM-DD` and `YYYY-MM` (UTC).
//!
//! [`Date`] and [`Month`] are plain values with public fields (other crates' tests build and
//! read them); every calendar computation (validity, month lengths, day arithmetic, weekdays,
//! today) is done by `chrono`, HTTP dates by `httpdate`.

use chrono::{Datelike, NaiveDate, TimeDelta, Utc};
use std::fmt;
use std::str::FromStr;
use std::time::{Duration, SystemTime};

/// A calendar month, written `YYYY-MM`.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct Month {
	/// The year, e.g. 2026.
	pub year: u16,
	/// The month, 1..=12.
	pub month: u8,
}

impl Month {
	/// A month from its year and month number; `None` unless `1 <= month <= 12`.
	pub fn new(year: u16, month: u8) -> Option<Month> {
		((1..=12).contains(&month)).then_some(Month { year, month })
	}

	/// Months since year 0 (a dense index: the generators' seeds use it).
	pub fn index(self) -> i64 {
		self.year as i64 * 12 + (self.month as i64 - 1)
	}

	/// The month `index` months after year 0 (inverse of [`Month::index`]).
	pub fn from_index(index: i64) -> Month {
		Month { year: index.div_euclid(12) as u16, month: (index.rem_euclid(12) + 1) as u8 }
	}

	/// This month shifted by `n` months (negative: earlier).
	pub fn shift(self, n: i64) -> Month {
		Month::from_index(self.index() + n)
	}

	/// Number of days in this month.
	pub fn days(self) -> u8 {
		chrono::Month::try_from(self.month)
			.ok()
			.and_then(|m| m.num_days(self.year.into()))
			.expect("a Month holds 1..=12")
	}

	/// Day `day` of this month (clamped to the month's last day).
	pub fn day(self, day: u8) -> Date {
		Date { year: self.year, month: self.month, day: day.clamp(1, self.days()) }
	}

	/// The current UTC month according to the system clock.
	pub fn today() -> Month {
		Date::today().month_of()
	}
}

impl From<(u16, u8)> for Month {
	fn from((year, month): (u16, u8)) -> Month {
		assert!((1..=12).contains(&month), "month must be 1..=12, got {month}");
		Month { year, month }
	}
}

impl fmt::Display for Month {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		write!(f, "{:04}-{:02}", self.year, self.month)
	}
}

impl FromStr for Month {
	type Err = String;
	fn from_str(s: &str) -> Result<Month, String> {
		// chrono's `%m` also takes one digit: insist on the feeds' fixed width first.
		if s.len() != 7 || s.as_bytes()[4] != b'-' {
			return Err(format!("bad month {s:?}: expected YYYY-MM"));
		}
		let d = NaiveDate::parse_from_str(&format!("{s}-01"), "%Y-%m-%d")
			.map_err(|e| format!("bad month {s:?}: {e}"))?;
		Ok(Date::from(d).month_of())
	}
}

/// A calendar day, written `YYYY-MM-DD`.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct Date {
	/// The year.
	pub year: u16,
	/// The month, 1..=12.
	pub month: u8,
	/// The day of the month, 1..=31.
	pub day: u8,
}

const EPOCH: NaiveDate = NaiveDate::from_ymd_opt(1970, 1, 1).expect("a valid date");

impl Date {
	/// A date, `None` if it does not exist.
	pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
		NaiveDate::from_ymd_opt(year.into(), month.into(), day.into()).map(Date::from)
	}

	/// The same day as a `chrono` date.
	pub fn naive(self) -> NaiveDate {
		NaiveDate::from_ymd_opt(self.year.into(), self.month.into(), self.day.into())
			.expect("a Date holds a valid day")
	}

	/// Days since 1970-01-01 (negative before).
	pub fn days_since_epoch(self) -> i64 {
		(self.naive() - EPOCH).num_days()
	}

	/// The date `days` days after 1970-01-01.
	pub fn from_days_since_epoch(days: i64) -> Date {
		Date::from(EPOCH + TimeDelta::days(days))
	}

	/// This date shifted by `n` days.
	pub fn add_days(self, n: i64) -> Date {
		Date::from(self.naive() + TimeDelta::days(n))
	}

	/// Day of the week, Monday = 0 … Sunday = 6.
	pub fn weekday(self) -> u8 {
		self.naive().weekday().num_days_from_monday() as u8
	}

	/// Saturday or Sunday.
	pub fn is_weekend(self) -> bool {
		self.weekday() >= 5
	}

	/// The month this day is in.
	pub fn month_of(self) -> Month {
		Month { year: self.year, month: self.month }
	}

	/// Today (UTC) according to the system clock.
	pub fn today() -> Date {
		Date::from(Utc::now().date_naive())
	}

	/// RFC 9110 HTTP date of midnight UTC of this day, e.g. `Fri, 20 Feb 2026 00:00:00 GMT`.
	pub fn http_date(self) -> String {
		let secs = self.days_since_epoch() * 86_400;
		let t = if secs >= 0 {
			SystemTime::UNIX_EPOCH + Duration::from_secs(secs as u64)
		} else {
			SystemTime::UNIX_EPOCH - Duration::from_secs(secs.unsigned_abs())
		};
		httpdate::fmt_http_date(t)
	}
}

impl From<NaiveDate> for Date {
	fn from(d: NaiveDate) -> Date {
		Date { year: d.year() as u16, month: d.month() as u8, day: d.day() as u8 }
	}
}

impl fmt::Display for Date {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
	}
}

impl FromStr for Date {
	type Err = String;
	fn from_str(s: &str) -> Result<Date, String> {
		// chrono's `%m` / `%d` also take one digit: insist on the feeds' fixed width first.
		let b = s.as_bytes();
		if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
			return Err(format!("bad date {s:?}: expected YYYY-MM-DD"));
		}
		NaiveDate::parse_from_str(s, "%Y-%m-%d")
			.map(Date::from)
			.map_err(|e| format!("bad date {s:?}: {e}"))
	}
}

#[cfg(test)]
#[allow(clippy::field_reassign_with_default)]
mod tests {
	use super::*;

	#[test]
	fn epoch_roundtrip_and_weekdays() {
		assert_eq!(Date::new(1970, 1, 1).unwrap().days_since_epoch(), 0);
		for n in -700_000..800_000i64 {
			if n % 997 != 0 {
				continue;
			}
			assert_eq!(Date::from_days_since_epoch(n).days_since_epoch(), n);
		}
		// 2026-01-05 is a Monday, 2026-01-03 a Saturday.
		assert_eq!(Date::new(2026, 1, 5).unwrap().weekday(), 0);
		assert!(Date::new(2026, 1, 3).unwrap().is_weekend());
		assert_eq!(Date::new(2026, 2, 20).unwrap().http_date(), "Fri, 20 Feb 2026 00:00:00 GMT");
		assert_eq!(Date::new(2024, 2, 29).unwrap().add_days(1).to_string(), "2024-03-01");
	}

	#[test]
	fn parse_and_arith() {
		let m: Month = "2026-01".parse().unwrap();
		assert_eq!(m.shift(-1).to_string(), "2025-12");
		assert_eq!(m.shift(13).to_string(), "2027-02");
		assert!("2026-13".parse::<Month>().is_err());
		assert!("2026-1".parse::<Month>().is_err());
		assert!("2026-02-30".parse::<Date>().is_err());
		assert!("2026-1-1".parse::<Date>().is_err());
		assert!("2026-01-1x".parse::<Date>().is_err());
		assert_eq!(Month::new(2024, 2).unwrap().days(), 29);
		assert_eq!(Month::new(2100, 2).unwrap().days(), 28);
	}
}
