//! Traits between our pallets: each pallet exposes what others need through one of these, never
//! through its storage.

use crate::{units::UsdAtto, Day, Commodity, PriceMicroUsd};
use sp_runtime::DispatchResult;

/// What the producers pallet tells other pallets about a producer.
pub trait ProducerRegistry<AccountId> {
	/// `Ok` if `who` is an admitted producer that is not suspended or revoked; otherwise the
	/// producers pallet's named error (`NotProducer`, `ProducerSuspended`).
	fn ensure_active(who: &AccountId) -> DispatchResult;
	/// `Ok` if `who` may mint: active and without debt (`ProducerInDebt` otherwise).
	fn ensure_can_mint(who: &AccountId) -> DispatchResult;
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

/// Slashing a producer's deposit by a USD amount (audit penalties).
pub trait DepositSlasher<AccountId, Balance> {
	/// Slash `usd` (atto-USD) worth of `who`'s deposit; what the hold cannot cover becomes debt.
	fn slash_usd(who: &AccountId, usd: UsdAtto) -> SlashOutcome<Balance>;
}

/// How many active wells a producer has (the deposit floor scales with it).
pub trait ActiveWellCount<AccountId> {
	/// Number of `who`'s wells that are active (reviewed and not suspended).
	fn active_wells(who: &AccountId) -> u32;
}

impl<AccountId> ActiveWellCount<AccountId> for () {
	fn active_wells(_: &AccountId) -> u32 {
		0
	}
}

/// Daily commodity prices, as agreed by the oracle.
pub trait PriceFeed {
	/// The price of `commodity` on `day` in micro-USD, if the oracle has one.
	fn price(commodity: Commodity, day: Day) -> Option<PriceMicroUsd>;
}
