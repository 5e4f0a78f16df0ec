//! Commodities and units. All quantities are integers in the smallest unit the chain stores.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// What a well produces. It fixes the volume unit, the price series and the Petrinex product.
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
pub enum Commodity {
	/// Crude oil: volumes in litres, priced by WTI ($/bbl), Petrinex product `OIL`.
	Oil,
	/// Natural gas: volumes in m³, priced by Henry Hub ($/MMBtu), Petrinex product `GAS`.
	Gas,
}

impl Commodity {
	/// The Petrinex `ProductID` of this commodity.
	pub const fn petrinex_product(self) -> &'static [u8] {
		match self {
			Commodity::Oil => b"OIL",
			Commodity::Gas => b"GAS",
		}
	}
}

/// A volume in the chain's unit for its commodity: litres for oil, m³ for gas.
/// Petrinex reports m³ (oil) and e³m³ (gas) with 3 decimals, so both are exact integers here.
pub type Volume = u64;

/// A price in micro-USD (10⁻⁶ USD) per barrel (oil) or per MMBtu (gas). Signed: EIA publishes
/// negative prices (RWTC on 2020-04-20: −36.98 $/bbl) and a day at a negative price is worth less
/// than nothing. The SCALE encoding of a non-negative `i64` equals that of the `u64` it replaced.
pub type PriceMicroUsd = i64;

/// An amount of USD in atto-USD (10⁻¹⁸ USD). Because 1 TAT = 1 USD and TAT has 18 decimals, this
/// is also an amount of TAT base units.
pub type UsdAtto = u128;

/// Decimals of TAT.
pub const TAT_DECIMALS: u8 = 18;
/// One TAT (= one USD) in base units.
pub const ONE_TAT: u128 = 1_000_000_000_000_000_000;
/// One USD in micro-USD.
pub const MICRO_PER_USD: u64 = 1_000_000;

/// Barrels per m³, times 10⁵: 1 m³ = 6.28981 bbl.
pub const BBL_PER_M3_E5: u128 = 628_981;

/// Default MMBtu per e³m³ of gas, times 10³: 35.3147 Mcf × 1.036 MMBtu/Mcf = 36.585.
pub const DEFAULT_MMBTU_PER_E3M3_MILLI: u32 = 36_585;

/// Largest daily volume a record may carry (10⁷ m³ of oil, 10¹⁰ m³ of gas): far above any real
/// well, small enough that every value computation fits in `u128`.
pub const MAX_DAILY_VOLUME: Volume = 10_000_000_000;

/// Largest price the oracle accepts: 10⁶ USD per unit (the hard bound of every price range).
pub const MAX_PRICE_MICRO_USD: PriceMicroUsd = 1_000_000 * MICRO_PER_USD as PriceMicroUsd;
/// Lowest price the oracle accepts: −10⁶ USD per unit.
pub const MIN_PRICE_MICRO_USD: PriceMicroUsd = -MAX_PRICE_MICRO_USD;
