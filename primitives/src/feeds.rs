//! Keys and values the oracle aggregates: daily prices and official monthly production.

use crate::{
	units::{PriceMicroUsd, Volume, MAX_PRICE_MICRO_USD, MIN_PRICE_MICRO_USD},
	Commitment, Commodity, Day, Month, WellId,
};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// What a feeder reports on.
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
)]
pub enum FeedKey {
	/// The spot price of a commodity on a UTC day (WTI for oil, Henry Hub for gas).
	Price(Commodity, Day),
	/// A well's official production for a month (Petrinex).
	Production(WellId, Month),
}

/// Where an official production figure came from, so an amended month can be detected.
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
)]
pub struct Provenance {
	/// The file's "Updated Date" as a UTC day (its version).
	pub updated: Day,
	/// blake2-256 of the well's own rows in the file (`tn_ingest::WellTotal::rows_hash`; before
	/// issue 25 M1: of the whole downloaded zip).
	pub file_hash: Commitment,
}

/// A reported value.
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
)]
pub enum FeedValue {
	/// A price in micro-USD per bbl (oil) or per MMBtu (gas).
	Price(PriceMicroUsd),
	/// Official monthly volume (litres of oil or m³ of gas) and its source file. Ordered by
	/// volume first, so the oracle's median is the median volume.
	Production {
		/// The month's total.
		volume: Volume,
		/// The source file.
		provenance: Provenance,
	},
}

/// A price series' sanity range in micro-USD, both ends inclusive (a governance parameter per
/// series): a feeder's price outside it does not count towards the quorum. Always
/// `MIN_PRICE_MICRO_USD ≤ min ≤ max ≤ MAX_PRICE_MICRO_USD` (checked on decode).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, MaxEncodedLen, TypeInfo)]
pub struct PriceRange {
	min: PriceMicroUsd,
	max: PriceMicroUsd,
}

impl PriceRange {
	/// WTI (RWTC): −$100 … $500 per barrel. Its history since 1986 lies within −$36.98
	/// (2020-04-20) and $145.31 (2008-07-03).
	pub const WTI: PriceRange = PriceRange { min: -100_000_000, max: 500_000_000 };
	/// Henry Hub (RNGWHHD): −$10 … $100 per MMBtu, about four times its highest daily spot
	/// price since 1997 (docs/VALUATION.md has the history used).
	pub const HENRY_HUB: PriceRange = PriceRange { min: -10_000_000, max: 100_000_000 };

	/// Checked constructor: `MIN_PRICE_MICRO_USD ≤ min ≤ max ≤ MAX_PRICE_MICRO_USD`.
	pub fn new(min: PriceMicroUsd, max: PriceMicroUsd) -> Option<Self> {
		(MIN_PRICE_MICRO_USD <= min && min <= max && max <= MAX_PRICE_MICRO_USD)
			.then_some(PriceRange { min, max })
	}
	/// Lowest price that counts.
	pub fn min(&self) -> PriceMicroUsd {
		self.min
	}
	/// Highest price that counts.
	pub fn max(&self) -> PriceMicroUsd {
		self.max
	}
	/// Whether `price` counts.
	pub fn contains(&self, price: PriceMicroUsd) -> bool {
		self.min <= price && price <= self.max
	}
	/// The default range of `commodity`'s series.
	pub fn default_for(commodity: Commodity) -> Self {
		match commodity {
			Commodity::Oil => Self::WTI,
			Commodity::Gas => Self::HENRY_HUB,
		}
	}
}

impl Decode for PriceRange {
	fn decode<I: codec::Input>(input: &mut I) -> Result<Self, codec::Error> {
		let min = PriceMicroUsd::decode(input)?;
		let max = PriceMicroUsd::decode(input)?;
		PriceRange::new(min, max)
			.ok_or_else(|| "PriceRange: must be −10¹² ≤ min ≤ max ≤ 10¹² micro-USD".into())
	}
}
impl DecodeWithMemTracking for PriceRange {}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_price_range_is_checked_when_built_and_decoded() {
		assert_eq!(PriceRange::new(-1, -1).map(|r| (r.min(), r.max())), Some((-1, -1)));
		assert_eq!(PriceRange::new(1, 0), None);
		assert!(PriceRange::new(MIN_PRICE_MICRO_USD, MAX_PRICE_MICRO_USD).is_some());
		assert_eq!(PriceRange::new(MIN_PRICE_MICRO_USD - 1, 0), None);
		assert_eq!(PriceRange::new(0, MAX_PRICE_MICRO_USD + 1), None);
		let bad = (5i64, 4i64).encode();
		assert!(PriceRange::decode(&mut &bad[..]).is_err());
		let good = (4i64, 5i64).encode();
		assert_eq!(PriceRange::decode(&mut &good[..]), Ok(PriceRange::new(4, 5).unwrap()));
		let wti = PriceRange::WTI;
		assert!(
			wti.contains(-36_980_000) && wti.contains(500_000_000) && wti.contains(-100_000_000)
		);
		assert!(!wti.contains(500_000_001) && !wti.contains(-100_000_001));
		assert!(PriceRange::new(wti.min(), wti.max()).is_some());
		let hh = PriceRange::HENRY_HUB;
		assert!(PriceRange::new(hh.min(), hh.max()).is_some() && hh.contains(23_860_000));
	}
}
