//! Glue between pallet-oracle and our pallets: prices and official production read from the
//! oracle's combined (k identical reports) values, and amendments of audited months reported to the audit.

use crate::{AccountId, AuditMint, Oracle, RuntimeCall};
use pallet_oracle::OnNewData;
use tn_primitives::{
	feeds::{FeedKey, FeedValue, Provenance},
	traits::{OfficialProduction, PriceFeed},
	Commodity, Day, Month, PriceMicroUsd, Volume, WellId,
};

fn combined(key: &FeedKey) -> Option<FeedValue> {
	Oracle::get(key).map(|t| t.value)
}

/// Daily prices agreed by the feeders.
pub struct OraclePrices;
impl PriceFeed for OraclePrices {
	fn price(commodity: Commodity, day: Day) -> Option<PriceMicroUsd> {
		match combined(&FeedKey::Price(commodity, day))? {
			FeedValue::Price(p) => Some(p),
			FeedValue::Production { .. } => None,
		}
	}
}

/// Each price series' sanity range: the `oracle` parameters `WtiRange` and `HenryHubRange`.
pub struct GovernedPriceRanges;
impl pallet_oracle_feeds::combine::PriceBounds for GovernedPriceRanges {
	fn bounds(commodity: Commodity) -> tn_primitives::feeds::PriceRange {
		use super::dynamic_params::oracle;
		use frame_support::traits::Get;
		match commodity {
			Commodity::Oil => oracle::WtiRange::get(),
			Commodity::Gas => oracle::HenryHubRange::get(),
		}
	}
}

/// Official monthly production agreed by the feeders.
pub struct OracleOfficial;
impl OfficialProduction for OracleOfficial {
	fn official(well: WellId, month: Month) -> Option<(Volume, Provenance)> {
		match combined(&FeedKey::Production(well, month))? {
			FeedValue::Production { volume, provenance } => Some((volume, provenance)),
			FeedValue::Price(_) => None,
		}
	}
}

/// After each feed of official production, tell the audit pallet the combined figure, so an
/// amendment of an already audited month is recorded (never re-minted); and report a feeder whose
/// value differs from the combined one (`OracleFeeds::FeederDisagrees`).
pub struct AmendmentWatcher;
impl OnNewData<AccountId, FeedKey, FeedValue> for AmendmentWatcher {
	fn on_new_data(who: &AccountId, key: &FeedKey, value: &FeedValue) {
		crate::OracleFeeds::note_raw_value(who, key, value);
		if let FeedKey::Production(well, month) = *key {
			if let Some((volume, provenance)) = OracleOfficial::official(well, month) {
				AuditMint::note_official(well, month, volume, provenance);
			}
		}
	}
}

/// The runtime's call filter: a feed (`Oracle::feed_values`) may carry only keys the chain can
/// use (`OracleFeeds::usable_keys`: prices of the price window up to today, official production of
/// active wells for the polled months); any other feed is refused with `CallFiltered`. TAT is
/// never burned by its holders: pallet-assets' `refund` with `allow_burn` (the way out of an
/// account opened with `touch`) would destroy its balance outside the audit's books (audit-mint's
/// invariant: TAT's issuance = Σ minted + unrecovered; issue 25), so it is refused with
/// `CallFiltered` — a holder moves its TAT away, then `refund`s without burning. Every other call
/// passes.
pub struct UsableFeedsOnly;
impl frame_support::traits::Contains<RuntimeCall> for UsableFeedsOnly {
	fn contains(call: &RuntimeCall) -> bool {
		match call {
			RuntimeCall::Assets(pallet_assets::Call::refund { allow_burn: true, .. }) => false,
			RuntimeCall::Oracle(pallet_oracle::Call::feed_values { values }) => {
				let today = Day::from_unix_millis(crate::Timestamp::get());
				crate::OracleFeeds::usable_keys(today, values)
			},
			_ => true,
		}
	}
}
