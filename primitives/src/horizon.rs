//! The amendment horizon and a well's operator codes over time (issue 25, H1, H2, M3): pure
//! rules, no storage.
//!
//! - **Horizon.** Petrinex keeps a month amendable long after it closed (docs/DATA_FORMATS.md,
//!   "Amendment horizon"). On `today`, the months inside the horizon are the `horizon` months
//!   before today's month; an audited month inside it keeps being polled and fed whatever its
//!   well's status (H2), a producer's withdrawn deposit stays slashable until its last audited
//!   month leaves it, and an open month that leaves it without an official figure closes (M3).
//! - **Operator codes.** A well's operator code changes with a licence transfer or an owner's
//!   edit. The months before the change keep the code in force then: official rows of a month are
//!   matched against every code in force on one of its days (H1), so a former owner's months are
//!   never turned into zeros because their rows carry the former owner's code.

use crate::{Day, Month, OperatorCode};
use alloc::vec::Vec;
use sp_runtime::{traits::Get, BoundedVec};

/// The first month inside the horizon on `today`: `horizon` months before today's month.
pub fn horizon_start(today: Day, horizon: u32) -> Month {
	(0..horizon).fold(today.month(), |m, _| m.prev())
}

/// Whether `month` is over and inside the horizon on `today`.
pub fn within_horizon(month: Month, today: Day, horizon: u32) -> bool {
	month < today.month() && month >= horizon_start(today, horizon)
}

/// Whether `month` has left the horizon on `today` (it can no longer be amended on chain).
pub fn past_horizon(month: Month, today: Day, horizon: u32) -> bool {
	month < horizon_start(today, horizon)
}

/// The first day on which `month` has left the horizon (`past_horizon` from that day on): the
/// first day of the month `horizon + 1` months after it. A withdrawn deposit that could still
/// answer for an amendment of `month` unlocks no earlier (issue 25, H2).
pub fn leaves_horizon(month: Month, horizon: u32) -> Day {
	(0..=horizon).fold(month, |m, _| m.next()).first_day()
}

/// The codes in force on at least one day of `month`: each former code `(until, code)` was in
/// force on the days from the previous entry's `until` (or ever) to the day before `until`; the
/// `current` code from the last `until` on. `former` is oldest first. Empty codes (wells
/// registered before operator codes existed) are left out.
pub fn operators_in<'a>(
	current: &'a OperatorCode,
	former: &'a [(Day, OperatorCode)],
	month: Month,
) -> Vec<&'a OperatorCode> {
	let (first, last) = (month.first_day(), month.last_day());
	let mut from: Option<Day> = None;
	let mut out = Vec::new();
	for (until, code) in former {
		if from.is_none_or(|f| f <= last) && *until > first && !code.is_empty() {
			out.push(code);
		}
		from = Some(*until);
	}
	if from.is_none_or(|f| f <= last) && !current.is_empty() && !out.contains(&current) {
		out.push(current);
	}
	out
}

/// The code history is full even after dropping what left the horizon.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct HistoryFull;

/// Record that `old` stops being the well's code on `today` (the new one is in force from
/// `today`), keeping at most `limit` entries (capped at the history's bound). Nothing is
/// recorded when `old` is empty or was in force on no day (it replaced another code today).
/// Entries that ended before `keep_from` (the first day of the horizon: no month they cover can
/// be amended any more) are dropped first when `limit` is reached.
///
/// An owner's own edits pass a lower `limit` than governance's transfers (the wells pallet:
/// half the bound), so an owner who alternates codes can never fill the history and make a
/// governance transfer fail.
pub fn note_change<S: Get<u32>>(
	former: &mut BoundedVec<(Day, OperatorCode), S>,
	old: &OperatorCode,
	today: Day,
	keep_from: Day,
	limit: u32,
) -> Result<(), HistoryFull> {
	if old.is_empty() || former.last().is_some_and(|(until, _)| *until >= today) {
		return Ok(());
	}
	let limit = usize::try_from(limit.min(S::get())).unwrap_or(usize::MAX);
	if former.len() >= limit {
		former.retain(|(until, _)| *until > keep_from);
	}
	if former.len() >= limit {
		return Err(HistoryFull);
	}
	former.try_push((today, old.clone())).map_err(|_| HistoryFull)
}

#[cfg(test)]
mod tests {
	use super::*;
	use sp_runtime::traits::ConstU32;

	fn code(s: &str) -> OperatorCode {
		BoundedVec::truncate_from(s.as_bytes().to_vec())
	}
	fn day(y: u16, m: u8, d: u8) -> Day {
		Day::from_ymd(y, m, d).unwrap()
	}
	fn month(y: u16, m: u8) -> Month {
		Month::new(y, m).unwrap()
	}

	#[test]
	fn the_horizon_counts_whole_months_back_from_today_s_month() {
		let today = day(2026, 12, 7);
		assert_eq!(horizon_start(today, 12), month(2025, 12));
		assert_eq!(horizon_start(today, 0), month(2026, 12));
		assert!(within_horizon(month(2025, 12), today, 12));
		assert!(within_horizon(month(2026, 11), today, 12));
		assert!(!within_horizon(month(2026, 12), today, 12), "today's month is not over");
		assert!(!within_horizon(month(2025, 11), today, 12));
		assert!(past_horizon(month(2025, 11), today, 12));
		assert!(!past_horizon(month(2025, 12), today, 12));
		// The month leaves on the first day of the month `horizon + 1` after it.
		assert!(!past_horizon(month(2025, 12), day(2026, 12, 31), 12));
		assert!(past_horizon(month(2025, 12), day(2027, 1, 1), 12));
	}

	#[test]
	fn each_month_is_matched_against_the_codes_in_force_on_its_days() {
		let (a, b, c) = (code("A1"), code("B2"), code("C3"));
		// A until 2026-03-15 (exclusive), B until 2026-06-01, C since.
		let former = vec![(day(2026, 3, 15), a.clone()), (day(2026, 6, 1), b.clone())];
		assert_eq!(operators_in(&c, &former, month(2026, 2)), vec![&a]);
		assert_eq!(operators_in(&c, &former, month(2026, 3)), vec![&a, &b], "the transfer month");
		assert_eq!(operators_in(&c, &former, month(2026, 5)), vec![&b]);
		assert_eq!(operators_in(&c, &former, month(2026, 6)), vec![&c], "B ended on May 31");
		assert_eq!(operators_in(&c, &[], month(2020, 1)), vec![&c], "no history: always current");
		// A code back in force later is listed once.
		let back = vec![(day(2026, 3, 15), a.clone())];
		assert_eq!(operators_in(&a, &back, month(2026, 3)), vec![&a]);
		assert!(operators_in(&code(""), &[], month(2026, 1)).is_empty());
	}

	#[test]
	fn a_change_is_recorded_once_and_the_full_history_drops_what_left_the_horizon() {
		let mut former: BoundedVec<(Day, OperatorCode), ConstU32<2>> = BoundedVec::new();
		let today = day(2026, 3, 15);
		assert_eq!(note_change(&mut former, &code("A1"), today, day(2025, 3, 1), 2), Ok(()));
		// A second change the same day: B was in force on no day.
		assert_eq!(note_change(&mut former, &code("B2"), today, day(2025, 3, 1), 2), Ok(()));
		assert_eq!(
			note_change(&mut former, &code(""), day(2026, 4, 1), day(2025, 4, 1), 2),
			Ok(())
		);
		assert_eq!(former.to_vec(), vec![(today, code("A1"))]);
		assert_eq!(
			note_change(&mut former, &code("B2"), day(2026, 5, 1), day(2025, 5, 1), 2),
			Ok(())
		);
		// Full: A ended 2026-03-15, inside a horizon from 2025-06-01: kept, so refused.
		assert_eq!(
			note_change(&mut former, &code("C3"), day(2026, 7, 1), day(2025, 6, 1), 2),
			Err(HistoryFull)
		);
		assert_eq!(former.len(), 2);
		// Once A's days left the horizon, it makes room.
		assert_eq!(
			note_change(&mut former, &code("C3"), day(2027, 7, 1), day(2026, 4, 1), 2),
			Ok(())
		);
		assert_eq!(
			former.to_vec(),
			vec![(day(2026, 5, 1), code("B2")), (day(2027, 7, 1), code("C3"))]
		);
	}

	#[test]
	fn a_lower_limit_refuses_before_the_bound_and_leaves_room_above_it() {
		let mut former: BoundedVec<(Day, OperatorCode), ConstU32<4>> = BoundedVec::new();
		let keep = day(2025, 1, 1);
		// The owner's limit 2: the third change inside the horizon is refused.
		assert_eq!(note_change(&mut former, &code("A1"), day(2026, 1, 10), keep, 2), Ok(()));
		assert_eq!(note_change(&mut former, &code("B2"), day(2026, 2, 10), keep, 2), Ok(()));
		assert_eq!(
			note_change(&mut former, &code("A1"), day(2026, 3, 10), keep, 2),
			Err(HistoryFull)
		);
		// Governance's limit (the bound, 4) still has room for two transfers.
		assert_eq!(note_change(&mut former, &code("A1"), day(2026, 3, 10), keep, 4), Ok(()));
		assert_eq!(note_change(&mut former, &code("C3"), day(2026, 4, 10), keep, 4), Ok(()));
		assert_eq!(former.len(), 4);
		// A limit above the bound is the bound.
		assert_eq!(
			note_change(&mut former, &code("D4"), day(2026, 5, 10), keep, 99),
			Err(HistoryFull)
		);
	}

	#[test]
	fn a_month_leaves_the_horizon_on_the_day_past_horizon_turns_true() {
		let jan = month(2026, 1);
		assert_eq!(leaves_horizon(jan, 24), day(2028, 2, 1));
		assert_eq!(leaves_horizon(month(2026, 12), 12), day(2028, 1, 1));
		for h in [12, 24, 54] {
			let d = leaves_horizon(jan, h);
			assert!(past_horizon(jan, d, h));
			assert!(!past_horizon(jan, Day(d.0 - 1), h), "the day before, still inside ({h})");
		}
	}
}
