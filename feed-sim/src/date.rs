//! Calendar helpers (proleptic Gregorian, UTC): days and months as the two feeds spell them,
//! `YYYY-MM-DD` and `YYYY-MM`.

use std::fmt;
use std::str::FromStr;

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

	/// Months since year 0 (a dense index, handy for arithmetic and hashing).
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
		match self.month {
			1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
			4 | 6 | 9 | 11 => 30,
			_ if is_leap(self.year as i64) => 29,
			_ => 28,
		}
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
		let b = s.as_bytes();
		if b.len() != 7 || b[4] != b'-' {
			return Err(format!("bad month {s:?}: expected YYYY-MM"));
		}
		let year: u16 = s[..4].parse().map_err(|_| format!("bad month {s:?}: expected YYYY-MM"))?;
		let month: u8 = s[5..].parse().map_err(|_| format!("bad month {s:?}: expected YYYY-MM"))?;
		Month::new(year, month).ok_or_else(|| format!("bad month {s:?}: month must be 01..12"))
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

impl Date {
	/// A date, `None` if it does not exist.
	pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
		let m = Month::new(year, month)?;
		(day >= 1 && day <= m.days()).then_some(Date { year, month, day })
	}

	/// Days since 1970-01-01 (negative before).
	pub fn days_since_epoch(self) -> i64 {
		// Howard Hinnant's days_from_civil.
		let y = self.year as i64 - if self.month <= 2 { 1 } else { 0 };
		let era = y.div_euclid(400);
		let yoe = y - era * 400;
		let m = self.month as i64;
		let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i64 - 1;
		let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
		era * 146_097 + doe - 719_468
	}

	/// The date `days` days after 1970-01-01.
	pub fn from_days_since_epoch(days: i64) -> Date {
		let z = days + 719_468;
		let era = z.div_euclid(146_097);
		let doe = z - era * 146_097;
		let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
		let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
		let mp = (5 * doy + 2) / 153;
		let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
		let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
		let year = (yoe + era * 400 + if month <= 2 { 1 } else { 0 }) as u16;
		Date { year, month, day }
	}

	/// This date shifted by `n` days.
	pub fn add_days(self, n: i64) -> Date {
		Date::from_days_since_epoch(self.days_since_epoch() + n)
	}

	/// Day of the week, Monday = 0 … Sunday = 6.
	pub fn weekday(self) -> u8 {
		(self.days_since_epoch() + 3).rem_euclid(7) as u8
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
		let secs = std::time::SystemTime::now()
			.duration_since(std::time::UNIX_EPOCH)
			.map(|d| d.as_secs() as i64)
			.unwrap_or(0);
		Date::from_days_since_epoch(secs.div_euclid(86_400))
	}

	/// The current time as an RFC 7231 HTTP date, e.g. `Sun, 22 Nov 2026 20:40:01 GMT`.
	pub fn http_now() -> String {
		let secs = std::time::SystemTime::now()
			.duration_since(std::time::UNIX_EPOCH)
			.map(|d| d.as_secs() as i64)
			.unwrap_or(0);
		let day = Date::from_days_since_epoch(secs.div_euclid(86_400)).http_date();
		let t = secs.rem_euclid(86_400);
		day.replace("00:00:00", &format!("{:02}:{:02}:{:02}", t / 3600, t / 60 % 60, t % 60))
	}

	/// RFC 7231 HTTP date of midnight UTC of this day, e.g. `Fri, 20 Feb 2026 00:00:00 GMT`.
	pub fn http_date(self) -> String {
		const WD: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
		const MO: [&str; 12] =
			["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
		format!(
			"{}, {:02} {} {:04} 00:00:00 GMT",
			WD[self.weekday() as usize],
			self.day,
			MO[self.month as usize - 1],
			self.year
		)
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
		let b = s.as_bytes();
		let bad = || format!("bad date {s:?}: expected YYYY-MM-DD");
		if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
			return Err(bad());
		}
		let y: u16 = s[..4].parse().map_err(|_| bad())?;
		let m: u8 = s[5..7].parse().map_err(|_| bad())?;
		let d: u8 = s[8..].parse().map_err(|_| bad())?;
		Date::new(y, m, d).ok_or_else(|| format!("bad date {s:?}: no such day"))
	}
}

fn is_leap(y: i64) -> bool {
	(y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

string_serde!(Month);
string_serde!(Date);

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
		assert!("2026-02-30".parse::<Date>().is_err());
		assert_eq!(Month::new(2024, 2).unwrap().days(), 29);
		assert_eq!(Month::new(2100, 2).unwrap().days(), 28);
	}
}
