//! Calendar time of the chain: UTC days and months, derived from the block timestamp.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// Milliseconds in a UTC day.
pub const MILLIS_PER_DAY: u64 = 86_400_000;

/// A UTC calendar day, counted from 1970-01-01 (day 0).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
pub struct Day(pub u32);

/// A calendar month (UTC). Ordered chronologically.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
pub struct Month {
	/// Year, e.g. 2026.
	pub year: u16,
	/// Month of the year, 1..=12.
	pub month: u8,
}

impl Day {
	/// The day containing the unix timestamp `ms` (milliseconds).
	pub fn from_unix_millis(ms: u64) -> Day {
		Day(u32::try_from(ms / MILLIS_PER_DAY).unwrap_or(u32::MAX))
	}

	/// The day at `since_epoch` after the unix epoch (e.g. `UnixTime::now()` of the chain).
	pub fn from_duration(since_epoch: core::time::Duration) -> Day {
		Day::from_unix_millis(u64::try_from(since_epoch.as_millis()).unwrap_or(u64::MAX))
	}

	/// The day `n` days later (saturating).
	pub fn plus(self, n: u32) -> Day {
		Day(self.0.saturating_add(n))
	}

	/// The day `n` days earlier (saturating at day 0).
	pub fn minus(self, n: u32) -> Day {
		Day(self.0.saturating_sub(n))
	}

	/// `(year, month, day_of_month)` of this day.
	pub fn to_ymd(self) -> (u16, u8, u8) {
		tn_calendar::civil_from_days(self.0)
	}

	/// The day of `year-month-day`, or `None` if that date does not exist or precedes 1970.
	pub fn from_ymd(year: u16, month: u8, day: u8) -> Option<Day> {
		let m = Month::new(year, month)?;
		if day == 0 || day > m.days() {
			return None;
		}
		Some(m.first_day().plus(u32::from(day).saturating_sub(1)))
	}

	/// The month containing this day.
	pub fn month(self) -> Month {
		let (year, month, _) = self.to_ymd();
		Month { year, month }
	}
}

impl Month {
	/// A month, if `month` is in 1..=12 and `year` in 1970..=9999.
	pub fn new(year: u16, month: u8) -> Option<Month> {
		((1970..=9999).contains(&year) && (1..=12).contains(&month))
			.then_some(Month { year, month })
	}

	/// Whether this value is a real month (1..=12, years 1970..=9999).
	pub fn is_valid(self) -> bool {
		Month::new(self.year, self.month).is_some()
	}

	/// Whether `year` is a leap year in the Gregorian calendar.
	pub fn is_leap_year(year: u16) -> bool {
		tn_calendar::is_leap_year(year)
	}

	/// Number of days in this month (28..=31; 31 for a month outside 1..=12, which the calls
	/// reject before any date maths).
	pub fn days(self) -> u8 {
		match tn_calendar::days_in_month(self.year, self.month) {
			0 => 31,
			n => n,
		}
	}

	/// The first day of this month.
	pub fn first_day(self) -> Day {
		Day(tn_calendar::days_from_civil(self.year, self.month, 1))
	}

	/// The last day of this month.
	pub fn last_day(self) -> Day {
		self.first_day().plus(u32::from(self.days()).saturating_sub(1))
	}

	/// The following month.
	pub fn next(self) -> Month {
		if self.month >= 12 {
			Month { year: self.year.saturating_add(1), month: 1 }
		} else {
			Month { year: self.year, month: self.month.saturating_add(1) }
		}
	}

	/// The preceding month.
	pub fn prev(self) -> Month {
		if self.month <= 1 {
			Month { year: self.year.saturating_sub(1), month: 12 }
		} else {
			Month { year: self.year, month: self.month.saturating_sub(1) }
		}
	}

	/// Whether `day` falls in this month.
	pub fn contains(self, day: Day) -> bool {
		day >= self.first_day() && day <= self.last_day()
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn epoch_and_known_dates() {
		assert_eq!(Day(0).to_ymd(), (1970, 1, 1));
		assert_eq!(Day::from_ymd(1970, 1, 1), Some(Day(0)));
		// 2000-03-01 is day 11_017; 2026-11-22 is day 20_779.
		assert_eq!(Day::from_ymd(2000, 3, 1), Some(Day(11_017)));
		assert_eq!(Day(11_017).to_ymd(), (2000, 3, 1));
		assert_eq!(Day::from_ymd(2026, 11, 22), Some(Day(20_779)));
		// 1_795_392_000_000 ms is 2026-11-23T00:00:00Z; one ms earlier is still the 22nd.
		assert_eq!(Day::from_unix_millis(1_795_392_000_000), Day(20_780));
		assert_eq!(Day::from_unix_millis(1_795_391_999_999), Day(20_779));
		assert_eq!(Day(20_780).to_ymd(), (2026, 11, 23));
	}

	#[test]
	fn round_trip_every_day_for_a_century() {
		let mut day = Day(0);
		let mut expected_month = Month { year: 1970, month: 1 };
		let mut dom = 1u8;
		while day.0 < 36_600 {
			let (y, m, d) = day.to_ymd();
			assert_eq!((y, m, d), (expected_month.year, expected_month.month, dom), "{day:?}");
			assert_eq!(Day::from_ymd(y, m, d), Some(day));
			assert_eq!(day.month(), expected_month);
			if dom == expected_month.days() {
				assert_eq!(expected_month.last_day(), day);
				expected_month = expected_month.next();
				dom = 1;
			} else {
				dom += 1;
			}
			day = day.plus(1);
		}
	}

	#[test]
	fn month_lengths_and_leap_years() {
		assert_eq!(Month::new(2024, 2).unwrap().days(), 29);
		assert_eq!(Month::new(2026, 2).unwrap().days(), 28);
		assert_eq!(Month::new(2000, 2).unwrap().days(), 29);
		assert_eq!(Month::new(2100, 2).unwrap().days(), 28);
		assert_eq!(Month::new(2026, 4).unwrap().days(), 30);
		assert_eq!(Month::new(2026, 12).unwrap().days(), 31);
		assert_eq!(Month::new(2026, 13), None);
		assert_eq!(Month::new(2026, 0), None);
		assert_eq!(Month::new(1969, 12), None);
		assert_eq!(Day::from_ymd(2026, 2, 29), None);
		assert_eq!(Day::from_ymd(2026, 2, 0), None);
	}

	#[test]
	fn month_navigation_and_order() {
		let dec = Month::new(2025, 12).unwrap();
		let jan = Month::new(2026, 1).unwrap();
		assert_eq!(dec.next(), jan);
		assert_eq!(jan.prev(), dec);
		assert!(dec < jan);
		assert!(Month::new(2026, 2).unwrap() > jan);
		assert!(jan.contains(Day::from_ymd(2026, 1, 31).unwrap()));
		assert!(!jan.contains(Day::from_ymd(2026, 2, 1).unwrap()));
		assert!(!jan.contains(Day::from_ymd(2025, 12, 31).unwrap()));
	}
}

/// Work through a queue of items keyed by due day, oldest day first, within a per-block budget.
///
/// `cursor` is the first day that may still hold items; `take(day, n)` removes and returns up to
/// `n` items due on `day`; `handle` processes each. At most `budget` items and `max_days` days are
/// handled per call, so a block never does unbounded work; what is left is carried over.
/// Returns the new cursor and how many items were handled.
pub fn drain_due<K>(
	mut cursor: Day,
	today: Day,
	budget: u32,
	max_days: u32,
	mut take: impl FnMut(Day, u32) -> alloc::vec::Vec<K>,
	mut handle: impl FnMut(Day, K),
) -> (Day, u32) {
	let (mut left, mut days_left, mut done) = (budget, max_days, 0u32);
	while cursor <= today && left > 0 && days_left > 0 {
		let due = take(cursor, left);
		let n = u32::try_from(due.len()).unwrap_or(u32::MAX);
		for item in due {
			handle(cursor, item);
		}
		done = done.saturating_add(n);
		left = left.saturating_sub(n);
		if left > 0 {
			// Fewer than asked for: this day's queue is empty, move on.
			cursor = cursor.plus(1);
			days_left = days_left.saturating_sub(1);
		}
	}
	(cursor, done)
}

#[cfg(test)]
mod drain_tests {
	use super::*;
	use alloc::{collections::BTreeMap, vec::Vec};

	#[test]
	fn drains_in_order_within_budget_and_carries_over() {
		let mut q: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
		q.insert(10, vec![1, 2, 3]);
		q.insert(12, vec![4]);
		q.insert(20, vec![5]);
		let mut seen = Vec::new();
		let mut take = |d: Day, n: u32| {
			let v = q.entry(d.0).or_default();
			let k = v.len().min(n as usize);
			v.drain(..k).collect::<Vec<_>>()
		};
		let (c, n) = drain_due(Day(10), Day(15), 2, 31, &mut take, |d, x| seen.push((d.0, x)));
		assert_eq!((c, n), (Day(10), 2));
		let (c, n) = drain_due(c, Day(15), 2, 31, &mut take, |d, x| seen.push((d.0, x)));
		// 3 from day 10, then day 11 empty, 4 from day 12; budget exhausted on day 12.
		assert_eq!((c, n), (Day(12), 2));
		let (c, n) = drain_due(c, Day(15), 2, 31, &mut take, |d, x| seen.push((d.0, x)));
		// Nothing left up to day 15; the cursor passes today.
		assert_eq!((c, n), (Day(16), 0));
		assert_eq!(seen, vec![(10, 1), (10, 2), (10, 3), (12, 4)]);
		// Day 20 is not due yet.
		let (c, n) = drain_due(c, Day(19), 2, 31, &mut take, |_, _| {});
		assert_eq!((c, n), (Day(20), 0));
		// A long idle gap is crossed at most `max_days` days per call.
		let (c, _) = drain_due(Day(0), Day(100), 5, 31, |_, _| Vec::<u32>::new(), |_, _| {});
		assert_eq!(c, Day(31));
	}
}
