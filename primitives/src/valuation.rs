//! Market value of a day's production.
//!
//! - OIL: volume (bbl; 1 m³ = 6.28981 bbl) × that day's WTI price × discount.
//! - GAS: volume (MMBtu; `mmbtu_per_e3m3` per e³m³, default 36.585) × that day's Henry Hub price.
//!
//! Values are atto-USD (= TAT base units). Integer arithmetic is exact until the discount, which
//! rounds down (in the chain's favour).

use crate::units::{Commodity, PriceMicroUsd, UsdAtto, Volume, BBL_PER_M3_E5, MAX_DAILY_VOLUME};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_arithmetic::Perbill;

/// How many earlier prices the fallback averages.
pub const FALLBACK_PRICES: usize = 10;

/// Calendar days before a month searched for earlier prices when a day has none (the offchain
/// workers back-fill prices from this far before the oldest month they poll).
pub const PRICE_LOOKBACK_DAYS: u32 = 21;

/// Which price valued a day.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum PriceUsed {
	/// The oracle's price for that very day.
	Day(PriceMicroUsd),
	/// No price that day: the average of the last `samples` (≤ 10) prices before it.
	Fallback {
		/// The average, rounded down.
		average: PriceMicroUsd,
		/// How many earlier prices were averaged (1..=10).
		samples: u8,
	},
	/// No price that day and none before it: the month cannot be minted (the wells pallet
	/// refuses it with `DayWithoutPrice` until prices arrive).
	Missing,
}

impl PriceUsed {
	/// The price in micro-USD (zero when missing).
	pub fn price(&self) -> PriceMicroUsd {
		match *self {
			PriceUsed::Day(p) => p,
			PriceUsed::Fallback { average, .. } => average,
			PriceUsed::Missing => 0,
		}
	}
}

/// The original's rule for a day without a price: the average (rounded down) of the last
/// [`FALLBACK_PRICES`] available prices before it, fewer if fewer exist, zero if none.
/// `earlier` lists earlier prices, most recent first; only the first ten are used.
pub fn fallback_price(earlier: &[PriceMicroUsd]) -> PriceUsed {
	let used = earlier.get(..FALLBACK_PRICES).unwrap_or(earlier);
	if used.is_empty() {
		return PriceUsed::Missing;
	}
	let sum: u128 = used.iter().map(|p| u128::from(*p)).sum();
	let n = used.len() as u128;
	// n ≥ 1 here; `checked_div` keeps the rule free of a division that could panic.
	let average = sum
		.checked_div(n)
		.and_then(|a| PriceMicroUsd::try_from(a).ok())
		.unwrap_or(PriceMicroUsd::MAX);
	PriceUsed::Fallback { average, samples: used.len() as u8 }
}

/// Value in atto-USD of `litres` of oil at `price` (micro-USD per bbl) credited at `discount`.
/// `None` only if the volume exceeds [`MAX_DAILY_VOLUME`] or the product overflows.
pub fn oil_value(litres: Volume, price: PriceMicroUsd, discount: Perbill) -> Option<UsdAtto> {
	if litres > MAX_DAILY_VOLUME {
		return None;
	}
	// atto = litres/1000 m³ × 6.28981 bbl/m³ × price/10⁶ USD × 10¹⁸ = litres × 628981 × price × 10⁴
	let full = u128::from(litres)
		.checked_mul(BBL_PER_M3_E5)?
		.checked_mul(u128::from(price))?
		.checked_mul(10_000)?;
	Some(discount.mul_floor(full))
}

/// Value in atto-USD of `m3` of gas at `price` (micro-USD per MMBtu), with
/// `mmbtu_per_e3m3_milli` MMBtu per 1000 m³ (×1000).
pub fn gas_value(m3: Volume, price: PriceMicroUsd, mmbtu_per_e3m3_milli: u32) -> Option<UsdAtto> {
	if m3 > MAX_DAILY_VOLUME {
		return None;
	}
	// atto = m³/1000 × factor/1000 MMBtu × price/10⁶ USD × 10¹⁸ = m³ × factor × price × 10⁶
	u128::from(m3)
		.checked_mul(u128::from(mmbtu_per_e3m3_milli))?
		.checked_mul(u128::from(price))?
		.checked_mul(1_000_000)
}

/// Value of one day of production of `commodity`.
pub fn day_value(
	commodity: Commodity,
	volume: Volume,
	price: PriceMicroUsd,
	oil_discount: Perbill,
	mmbtu_per_e3m3_milli: u32,
) -> Option<UsdAtto> {
	match commodity {
		Commodity::Oil => oil_value(volume, price, oil_discount),
		Commodity::Gas => gas_value(volume, price, mmbtu_per_e3m3_milli),
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::units::{DEFAULT_MMBTU_PER_E3M3_MILLI, ONE_TAT};

	#[test]
	fn oil_one_cubic_metre_at_seventy_dollars() {
		// 1 m³ = 6.28981 bbl; × $70 = $440.2867; × 90 % = $396.25803.
		let full = oil_value(1_000, 70_000_000, Perbill::one()).unwrap();
		assert_eq!(full, 440_286_700_000_000_000_000);
		let discounted = oil_value(1_000, 70_000_000, Perbill::from_percent(90)).unwrap();
		assert_eq!(discounted, 396_258_030_000_000_000_000);
		// One litre at $1/bbl: 0.00628981 USD.
		assert_eq!(oil_value(1, 1_000_000, Perbill::one()), Some(6_289_810_000_000_000));
	}

	#[test]
	fn gas_one_e3m3_at_three_dollars() {
		// 1 e³m³ = 36.585 MMBtu; × $3 = $109.755.
		let v = gas_value(1_000, 3_000_000, DEFAULT_MMBTU_PER_E3M3_MILLI).unwrap();
		assert_eq!(v, 109_755 * ONE_TAT / 1_000);
		assert_eq!(day_value(Commodity::Gas, 1_000, 3_000_000, Perbill::zero(), 36_585), Some(v));
	}

	#[test]
	fn discount_rounds_down() {
		// 1 litre at 1 micro-USD = 6_289_810_000 atto; × 1 ppb rounds down to 6.
		assert_eq!(oil_value(1, 1, Perbill::from_parts(1)), Some(6));
	}

	#[test]
	fn limits() {
		assert_eq!(oil_value(MAX_DAILY_VOLUME + 1, 1, Perbill::one()), None);
		assert_eq!(gas_value(MAX_DAILY_VOLUME + 1, 1, 1), None);
		// The largest inputs still fit.
		assert!(oil_value(MAX_DAILY_VOLUME, crate::MAX_PRICE_MICRO_USD, Perbill::one()).is_some());
		assert!(gas_value(MAX_DAILY_VOLUME, crate::MAX_PRICE_MICRO_USD, u32::MAX).is_some());
		assert_eq!(oil_value(0, 70_000_000, Perbill::one()), Some(0));
	}

	#[test]
	fn fallback_averages_last_ten_rounding_down() {
		assert_eq!(fallback_price(&[]), PriceUsed::Missing);
		assert_eq!(fallback_price(&[5]), PriceUsed::Fallback { average: 5, samples: 1 });
		assert_eq!(fallback_price(&[1, 2]), PriceUsed::Fallback { average: 1, samples: 2 });
		let twelve: [u64; 12] = [10, 10, 10, 10, 10, 10, 10, 10, 10, 20, 1000, 1000];
		// Only the ten most recent count: (9 × 10 + 20) / 10 = 11.
		assert_eq!(fallback_price(&twelve), PriceUsed::Fallback { average: 11, samples: 10 });
		assert_eq!(PriceUsed::Missing.price(), 0);
		assert_eq!(PriceUsed::Day(7).price(), 7);
	}
}
