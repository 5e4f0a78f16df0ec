//! Glue between pallet-oracle and our pallets: prices and official production read from the
//! oracle's combined (median) values, and amendments of audited months reported to the audit.

use crate::{AccountId, AuditMint, Oracle};
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
/// amendment of an already audited month is recorded (never re-minted).
pub struct AmendmentWatcher;
impl OnNewData<AccountId, FeedKey, FeedValue> for AmendmentWatcher {
	fn on_new_data(_who: &AccountId, key: &FeedKey, _value: &FeedValue) {
		if let FeedKey::Production(well, month) = *key {
			if let Some((volume, provenance)) = OracleOfficial::official(well, month) {
				AuditMint::note_official(well, month, volume, provenance);
			}
		}
	}
}
