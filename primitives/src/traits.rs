//! Traits between our pallets: each pallet exposes what others need through one of these, never
//! through its storage.

use crate::{units::UsdAtto, Commodity, Day, Month, PriceMicroUsd, Volume, WellId};
use sp_runtime::DispatchResult;

/// What the producers pallet tells other pallets about a producer.
pub trait ProducerRegistry<AccountId> {
	/// `Ok` if `who` is an admitted producer that is not suspended or revoked; otherwise the
	/// producers pallet's named error (`NotProducer`, `ProducerSuspended`).
	fn ensure_active(who: &AccountId) -> DispatchResult;
	/// `Ok` if `who` may mint: active and without debt (`ProducerInDebt` otherwise).
	fn ensure_can_mint(who: &AccountId) -> DispatchResult;
	/// The asset class `who` was admitted for (its wells must be of that class), if admitted.
	fn admitted_class(who: &AccountId) -> Option<u32>;
	/// Whether `who`'s KYB approval recorded the regulator operator code `operator` (Alberta:
	/// Petrinex `OperatorBAID`): a producer registers only wells it operates.
	fn operates(who: &AccountId, operator: &[u8]) -> bool;
}

/// Outcome of slashing a producer's deposit.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct SlashOutcome<Balance> {
	/// The USD amount converted to the native token.
	pub due: Balance,
	/// Taken from the held deposit.
	pub slashed: Balance,
	/// Recorded as debt because the hold was short.
	pub new_debt: Balance,
}

/// Outcome of returning a slash whose basis an amended official figure removed.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct RefundOutcome<Balance> {
	/// Cancelled from the producer's debt (owed to where slashes go).
	pub debt_cancelled: Balance,
	/// Returned from where slashes went into the producer's held deposit.
	pub returned: Balance,
	/// Could not be returned (that account lacked the funds).
	pub unpaid: Balance,
}

/// Slashing a producer's deposit by a USD amount (audit penalties), and returning a slash.
pub trait DepositSlasher<AccountId, Balance> {
	/// `usd` (atto-USD) in the native token at the rate in force (rounded down).
	fn usd_to_native(usd: UsdAtto) -> Balance;
	/// Slash `due` native units of `who`'s deposit (`usd` is what it stands for, for the event);
	/// what the hold cannot cover becomes debt.
	fn slash(who: &AccountId, usd: UsdAtto, due: Balance) -> SlashOutcome<Balance>;
	/// Slash `usd` (atto-USD) worth of `who`'s deposit; what the hold cannot cover becomes debt.
	fn slash_usd(who: &AccountId, usd: UsdAtto) -> SlashOutcome<Balance> {
		Self::slash(who, usd, Self::usd_to_native(usd))
	}
	/// Return `amount` native units of earlier slashes: first cancel `who`'s debt, then move the
	/// rest from where slashes go back into `who`'s held deposit.
	fn refund(who: &AccountId, amount: Balance) -> RefundOutcome<Balance>;
	/// `who` had `month` audited: what it withdraws stays slashable (unbonding) until that month
	/// leaves the amendment horizon (issue 25, H2). A later audit of an earlier month never
	/// moves the end back.
	fn note_audited(who: &AccountId, month: Month);
}

/// How many active wells and open months a producer has (the deposit floor scales with them).
pub trait ActiveWellCount<AccountId> {
	/// Number of `who`'s wells that are active (reviewed and not suspended).
	fn active_wells(who: &AccountId) -> u32;
	/// Number of `who`'s well-months with uploads that are not audited yet (each may still be
	/// slashed: the open exposure a withdrawal must leave covered).
	fn open_months(_who: &AccountId) -> u32 {
		0
	}
	/// How many of `who`'s wells that are neither removed nor rejected carry the operator code
	/// `operator` (they would keep getting that operator's official rows), scanning at most
	/// `scan` of `who`'s wells: `None` when `who` has more than `scan` wells (the caller's
	/// witness was too low). Governance frees or reassigns a code only while this is `Some(0)`.
	fn wells_with_operator(who: &AccountId, operator: &[u8], scan: u32) -> Option<u32>;
}

impl<AccountId> ActiveWellCount<AccountId> for () {
	fn active_wells(_: &AccountId) -> u32 {
		0
	}
	fn wells_with_operator(_: &AccountId, _: &[u8], _: u32) -> Option<u32> {
		Some(0)
	}
}

/// Daily commodity prices, as agreed by the oracle.
pub trait PriceFeed {
	/// The price of `commodity` on `day` in micro-USD, if the oracle has one.
	fn price(commodity: Commodity, day: Day) -> Option<PriceMicroUsd>;
}

/// A month of a well, valued and ready for the audit.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct MonthForAudit<AccountId> {
	/// The well's owner (the producer).
	pub owner: AccountId,
	/// OIL or GAS.
	pub commodity: Commodity,
	/// P: Σ of the producer's daily volumes.
	pub volume: Volume,
	/// V: Σ of the daily values (volume × that day's price × discount), atto-USD.
	pub value: UsdAtto,
	/// Days uploaded.
	pub days: u8,
	/// Which price valued each uploaded day, in day order.
	pub prices: alloc::vec::Vec<(Day, crate::valuation::PriceUsed)>,
	/// Beneficiaries and shares; the owner keeps the rest.
	pub beneficiaries: alloc::vec::Vec<(AccountId, sp_arithmetic::Perbill)>,
}

/// What the audit needs from the wells pallet.
pub trait WellLedger<AccountId> {
	/// Value `well`'s `month` for a mint by `who`: refuses with the wells pallet's named errors
	/// when `who` is not the owner, the well is not active or its annual review lapsed, the month
	/// is not over, already audited, or has no uploads. With `who = None` (preview) only the
	/// month's existence is checked.
	fn month_for_audit(
		who: Option<&AccountId>,
		well: WellId,
		month: Month,
	) -> Result<MonthForAudit<AccountId>, sp_runtime::DispatchError>;
	/// Close the month after its audit: `minted` or failed. No upload is accepted afterwards.
	fn close_month(well: WellId, month: Month, minted: bool);
	/// Close an open month without an audit (nothing minted, nothing slashed): it left the
	/// amendment horizon without a usable figure, or its well was removed (issue 25, M3).
	fn lapse_month(well: WellId, month: Month);
	/// How `well`'s `month` was closed: `Some(true)` minted, `Some(false)` audited with nothing
	/// minted or lapsed, `None` still open (or never uploaded). For invariant checks.
	fn closed(well: WellId, month: Month) -> Option<bool>;
	/// `well`'s owner, and whether the well was removed (its open months were dropped: they
	/// lapse, never audited); `None` for an unknown well.
	fn owner(well: WellId) -> Option<(AccountId, bool)>;
	/// `well`'s months with uploads, in month order: `(month, days uploaded, Σ volume)`.
	fn months(well: WellId) -> alloc::vec::Vec<(Month, u8, Volume)>;
	/// One month of `well`: `(days uploaded, Σ volume)`, `None` without uploads (one read).
	fn month(well: WellId, month: Month) -> Option<(u8, Volume)>;
	/// The most beneficiaries a well may have (the audit's records must hold as many).
	fn max_beneficiaries() -> u32;
}

/// Official monthly production as agreed by the oracle.
pub trait OfficialProduction {
	/// O for `well` in `month` (litres of oil or m³ of gas) and its source, if known.
	fn official(well: WellId, month: Month) -> Option<(Volume, crate::feeds::Provenance)>;
}

/// A well as the oracle's offchain workers need it to match official data.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct DirectoryWell {
	/// The well.
	pub id: WellId,
	/// blake2-256 of its regulator identifier (Petrinex `FromToIDIdentifier`).
	pub identifier: crate::Commitment,
	/// OIL or GAS.
	pub commodity: Commodity,
	/// Its first activation day.
	pub activated: Option<Day>,
	/// The operator code its official rows carry now (Petrinex `OperatorBAID`).
	pub operator: crate::OperatorCode,
	/// The codes it carried before, oldest first: `(until, code)` ([`crate::horizon`]).
	pub former_operators: alloc::vec::Vec<(Day, crate::OperatorCode)>,
	/// Its reporting facility (Petrinex `ReportingFacilityID`): masked production rows of this
	/// facility may be the well's, so its month is unknown without public rows.
	pub facility: crate::FacilityCode,
	/// Whether it is active now (its recent months get figures for their audit).
	pub active: bool,
	/// Its audited months inside the amendment horizon: they keep getting figures whatever
	/// the well's status, so their amendments are settled (issue 25, H2).
	pub audited: alloc::vec::Vec<Month>,
}

impl DirectoryWell {
	/// Whether the feeds owe this well a figure for `month`: an active well's months, and its
	/// audited months inside the horizon (whatever its status).
	pub fn fed_in(&self, month: Month) -> bool {
		self.active || self.audited.contains(&month)
	}

	/// The operator codes whose rows are this well's in `month` (each code in force on one of
	/// its days).
	pub fn operators_in(&self, month: Month) -> alloc::vec::Vec<&crate::OperatorCode> {
		crate::horizon::operators_in(&self.operator, &self.former_operators, month)
	}
}

/// The registered wells, as the oracle's offchain workers need them to match official data.
pub trait WellDirectory {
	/// Every well of an asset class fed by Petrinex that is **active** or has an audited month
	/// from `horizon_start` on (in review, rejected, suspended and removed wells get figures
	/// only for such months; wells of classes with another official source get none). Called
	/// offchain only (it reads every well and its ledgers).
	fn fed_wells(horizon_start: Month) -> alloc::vec::Vec<DirectoryWell>;
	/// Whether `well` is active in such a class (two reads; used to refuse feeds of figures no
	/// one can use).
	fn is_active(well: WellId) -> bool;
	/// Whether `well`'s `month` was audited (minted or failed) in a class fed by Petrinex: its
	/// amendments are fed whatever the well's status.
	fn is_audited(well: WellId, month: Month) -> bool;
}
