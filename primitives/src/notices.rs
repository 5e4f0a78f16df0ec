//! In-site messages ("notices"): what happened to an account that it should act on or know, kept
//! as chain state the account reads and dismisses (the portal's inbox, or `Notices.notices_of` in
//! Polkadot.js Apps). Pallets send them through [`Notify`]; the notices pallet stores them.
//!
//! Notices only go to accounts that hold a deposit with us (applicants, producers, well owners):
//! their deposits pay for the bounded inbox.

use crate::{Day, Month, Volume, WellId};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::{traits::ConstU32, BoundedVec};

/// A reason typed by a verifier, a Foundation Manager or governance (UTF-8, at most 128 bytes).
pub type ShortText = BoundedVec<u8, ConstU32<128>>;

/// What a notice says. Amounts: `tat` in TAT base units (10¹⁸ = 1 TAT = 1 USD), `native` in the
/// native token's base units.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub enum NoticeKind {
	/// A verifier judged the application's KYB: approved (submit the KYC next) or rejected (the
	/// application ended, its deposit returned).
	KybJudged { approved: bool },
	/// A verifier judged the KYC: approved (admitted as a producer) or rejected (ended).
	KycJudged { approved: bool },
	/// The application was not finished in time and ended (deposit returned).
	ApplicationExpired,
	/// Governance suspended the producer: no uploads or mints until reinstated.
	ProducerSuspended { reason: ShortText },
	/// Governance reinstated the producer.
	ProducerReinstated,
	/// Governance revoked the producer.
	ProducerRevoked { reason: ShortText },
	/// A Foundation Manager passed the well: it may mint until `expires`.
	WellActivated { well: WellId, expires: Day },
	/// A Foundation Manager did not pass the well (edit and resubmit it).
	WellRejected { well: WellId, reason: ShortText },
	/// The well's annual review is open: submit fresh documents before `expires`.
	AnnualReviewDue { well: WellId, expires: Day },
	/// The annual review passed: valid until `expires`.
	AnnualReviewPassed { well: WellId, expires: Day },
	/// The annual review did not pass (submit again).
	AnnualReviewRejected { well: WellId, reason: ShortText },
	/// Governance suspended the well.
	WellSuspended { well: WellId, reason: ShortText },
	/// Governance reinstated the well.
	WellReinstated { well: WellId },
	/// The well was removed (by its owner or by governance) and its deposit returned.
	WellRemoved { well: WellId, reason: ShortText },
	/// Governance transferred the well to this account (`received`) or away from it.
	WellTransferred { well: WellId, received: bool },
	/// The month was audited: `tat` minted in all (split among the beneficiaries), `slash_due`
	/// native slashed of which `slashed` came from the deposit and `new_debt` became debt.
	Audited {
		well: WellId,
		month: Month,
		tat: u128,
		slash_due: u128,
		slashed: u128,
		new_debt: u128,
	},
	/// The official figure of an audited month changed from `audited` to `amended` (litres or
	/// m³); the month will be settled against it.
	OfficialAmended { well: WellId, month: Month, audited: Volume, amended: Volume },
	/// An amended month was settled: re-audited with the official figure `official` (was
	/// `official_before`); the month's TAT went from `tat_before` to `tat` and its slash due from
	/// `slash_due_before` to `slash_due` (native).
	Settled {
		well: WellId,
		month: Month,
		official_before: Volume,
		official: Volume,
		tat_before: u128,
		tat: u128,
		slash_due_before: u128,
		slash_due: u128,
	},
	/// Uploads for `month` of the well close on `closes` (00:00 UTC); `uploaded` of its days are
	/// in: upload what is missing.
	UploadWindowClosing { well: WellId, month: Month, closes: Day, uploaded: u8 },
	/// `month` of the well closed without an audit (nothing minted, nothing slashed): it left
	/// the amendment horizon without an official figure it could be audited with, or the well
	/// was removed with the month open (issue 25, M3).
	MonthLapsed { well: WellId, month: Month },
}

impl NoticeKind {
	/// A reminder (an upload window closing) of `well`: superseded by the next reminder of the
	/// same well, and the first to make room in a full inbox.
	pub fn reminder_of(&self) -> Option<WellId> {
		match self {
			NoticeKind::UploadWindowClosing { well, .. } => Some(*well),
			_ => None,
		}
	}
}

/// A notice: what, and the day it was sent.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Notice {
	/// The UTC day it was sent.
	pub day: Day,
	/// What it says.
	pub kind: NoticeKind,
}

/// Sending notices (implemented by the notices pallet; `()` drops them).
pub trait Notify<AccountId> {
	/// Put `kind` in `who`'s inbox, dated today; the oldest notice makes room when it is full.
	fn notify(who: &AccountId, kind: NoticeKind);
}

impl<AccountId> Notify<AccountId> for () {
	fn notify(_: &AccountId, _: NoticeKind) {}
}

/// A [`Notify`] for pallet tests: records every notice of the thread (account ids `u64`).
#[cfg(feature = "std")]
pub mod testing {
	use super::{NoticeKind, Notify};
	use core::cell::RefCell;

	std::thread_local! {
		static SENT: RefCell<Vec<(u64, NoticeKind)>> = const { RefCell::new(Vec::new()) };
	}

	/// Records notices; [`Recorder::take`] returns (and forgets) those sent so far.
	pub struct Recorder;
	impl Notify<u64> for Recorder {
		fn notify(who: &u64, kind: NoticeKind) {
			SENT.with(|s| s.borrow_mut().push((*who, kind)));
		}
	}
	impl Recorder {
		/// The notices sent since the last call, in order.
		pub fn take() -> Vec<(u64, NoticeKind)> {
			SENT.with(|s| core::mem::take(&mut *s.borrow_mut()))
		}
	}
}
