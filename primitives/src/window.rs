//! The upload window: when a producer may record (or correct) a day's production.
//!
//! A mint compares the producer's month with the official figure, so a producer who could still
//! upload after the official figure is public would copy it (no slash, ever) and put the volume on
//! the month's highest-priced days. The window closes before the official data exists:
//!
//! 1. the day is over (`day < today`) and at most [`MAX_BACKFILL_DAYS`] old;
//! 2. not before the well's activation less `pre_activation_days` (0: a well activated today
//!    cannot claim last quarter);
//! 3. at most `grace_days` after the day (`today ≤ day + grace_days`);
//! 4. before the month's **close**: 00:00 UTC on day `1 + close_days` of the next month
//!    (`close_days = 4`: the 5th, the seed's official-data time; Petrinex publishes a month one to
//!    two months later).
//!
//! The first rule broken is the error reported, in this order.
//!
//! Governance sets the three numbers (pallet-parameters); the `production` preset keeps the safe
//! defaults, the `development`/`local_testnet` presets widen them so a demo can audit past months.

use crate::time::Day;

/// How far back production may ever be uploaded (days before today).
pub const MAX_BACKFILL_DAYS: u32 = 365;

/// The governance numbers of the upload window.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct UploadWindow {
	/// Days after a day during which it may be uploaded.
	pub grace_days: u32,
	/// The month closes at 00:00 UTC this many days after the first day of the next month.
	pub close_days: u32,
	/// Days before the well's activation that may still be uploaded.
	pub pre_activation_days: u32,
}

impl UploadWindow {
	/// The production defaults: 3 days of grace, close on the 5th, nothing before activation.
	pub const PRODUCTION: UploadWindow =
		UploadWindow { grace_days: 3, close_days: 4, pre_activation_days: 0 };
	/// The dev/local presets' window: a year back, so a demo audits past months.
	pub const WIDE: UploadWindow = UploadWindow {
		grace_days: MAX_BACKFILL_DAYS,
		close_days: 400,
		pre_activation_days: MAX_BACKFILL_DAYS,
	};
}

/// Why a day is outside the window.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum WindowError {
	/// The day is today or later.
	FutureDay,
	/// More than [`MAX_BACKFILL_DAYS`] ago.
	DayTooOld,
	/// More than `grace_days` ago.
	GraceOver,
	/// The day's month is closed for uploads.
	MonthClosed,
	/// Before the well's activation (less `pre_activation_days`).
	BeforeActivation,
}

/// The first day on which `day`'s month no longer accepts uploads.
pub fn month_close(day: Day, w: &UploadWindow) -> Day {
	day.month().next().first_day().plus(w.close_days)
}

/// Days before a month's close on which its owner is reminded to upload what is missing.
pub const REMINDER_LEAD_DAYS: u32 = 3;

/// The day the upload-window reminder of `month` is due: [`REMINDER_LEAD_DAYS`] before the
/// month closes (never before the month's last day).
pub fn reminder_day(month: crate::time::Month, w: &UploadWindow) -> Day {
	month_close(month.first_day(), w)
		.minus(REMINDER_LEAD_DAYS)
		.max(month.last_day())
}

/// Whether `day` may be uploaded on `today` for a well activated on `activated`.
pub fn check_upload(
	day: Day,
	today: Day,
	activated: Day,
	w: &UploadWindow,
) -> Result<(), WindowError> {
	if day >= today {
		return Err(WindowError::FutureDay);
	}
	if day < today.minus(MAX_BACKFILL_DAYS) {
		return Err(WindowError::DayTooOld);
	}
	if day < activated.minus(w.pre_activation_days) {
		return Err(WindowError::BeforeActivation);
	}
	if today > day.plus(w.grace_days) {
		return Err(WindowError::GraceOver);
	}
	if today >= month_close(day, w) {
		return Err(WindowError::MonthClosed);
	}
	Ok(())
}

#[cfg(test)]
mod tests {
	use super::*;

	fn d(y: u16, m: u8, day: u8) -> Day {
		Day::from_ymd(y, m, day).unwrap()
	}
	const P: UploadWindow = UploadWindow::PRODUCTION;

	#[test]
	fn the_reminder_comes_three_days_before_the_close_never_before_the_month_ends() {
		let jan = crate::time::Month::new(2026, 1).unwrap();
		let feb = crate::time::Month::new(2026, 2).unwrap();
		// Production: January closes on 5 February → reminded on 2 February.
		assert_eq!(month_close(jan.first_day(), &P), d(2026, 2, 5));
		assert_eq!(reminder_day(jan, &P), d(2026, 2, 2));
		assert_eq!(reminder_day(feb, &P), d(2026, 3, 2));
		// Closing on the 3rd: reminded on the last day of the month; on the 4th: on the 1st.
		let w = |close_days| UploadWindow { close_days, ..P };
		assert_eq!(reminder_day(jan, &w(2)), d(2026, 1, 31));
		assert_eq!(reminder_day(jan, &w(3)), d(2026, 2, 1));
		// Closing on the 1st: the last day of the month too (not 3 days before it ends).
		assert_eq!(reminder_day(jan, &w(0)), d(2026, 1, 31));
	}

	#[test]
	fn grace_boundaries() {
		let act = d(2026, 1, 1);
		// 2026-01-10 may be uploaded on the 11th … 13th (3 days), not on the 14th.
		assert_eq!(
			check_upload(d(2026, 1, 10), d(2026, 1, 10), act, &P),
			Err(WindowError::FutureDay)
		);
		assert_eq!(check_upload(d(2026, 1, 10), d(2026, 1, 11), act, &P), Ok(()));
		assert_eq!(check_upload(d(2026, 1, 10), d(2026, 1, 13), act, &P), Ok(()));
		assert_eq!(
			check_upload(d(2026, 1, 10), d(2026, 1, 14), act, &P),
			Err(WindowError::GraceOver)
		);
	}

	#[test]
	fn the_month_closes_at_midnight_on_the_5th() {
		let act = d(2026, 1, 1);
		let wide_grace = UploadWindow { grace_days: 30, ..P };
		// 31 January: open on 1–4 February, closed from 5 February 00:00 UTC.
		assert_eq!(month_close(d(2026, 1, 31), &P), d(2026, 2, 5));
		assert_eq!(month_close(d(2026, 1, 1), &P), d(2026, 2, 5));
		assert_eq!(check_upload(d(2026, 1, 31), d(2026, 2, 4), act, &wide_grace), Ok(()));
		assert_eq!(
			check_upload(d(2026, 1, 31), d(2026, 2, 5), act, &wide_grace),
			Err(WindowError::MonthClosed)
		);
		assert_eq!(
			check_upload(d(2026, 1, 20), d(2026, 2, 5), act, &wide_grace),
			Err(WindowError::MonthClosed)
		);
		// December closes on 5 January of the next year; February of a leap year on 5 March.
		assert_eq!(month_close(d(2026, 12, 31), &P), d(2027, 1, 5));
		assert_eq!(month_close(d(2028, 2, 29), &P), d(2028, 3, 5));
	}

	#[test]
	fn nothing_before_activation() {
		let act = d(2026, 3, 10);
		assert_eq!(
			check_upload(d(2026, 3, 9), d(2026, 3, 11), act, &P),
			Err(WindowError::BeforeActivation)
		);
		assert_eq!(check_upload(d(2026, 3, 10), d(2026, 3, 11), act, &P), Ok(()));
		let one = UploadWindow { pre_activation_days: 1, ..P };
		assert_eq!(check_upload(d(2026, 3, 9), d(2026, 3, 11), act, &one), Ok(()));
		assert_eq!(
			check_upload(d(2026, 3, 8), d(2026, 3, 11), act, &one),
			Err(WindowError::BeforeActivation)
		);
	}

	#[test]
	fn the_wide_window_reaches_a_year_back_and_no_further() {
		let today = d(2026, 11, 30);
		let act = today;
		assert_eq!(check_upload(today.minus(365), today, act, &UploadWindow::WIDE), Ok(()));
		assert_eq!(
			check_upload(today.minus(366), today, act, &UploadWindow::WIDE),
			Err(WindowError::DayTooOld)
		);
		assert_eq!(check_upload(d(2026, 8, 1), today, act, &UploadWindow::WIDE), Ok(()));
	}
}
