//! Market value of a day's production, and of a month.
//!
//! - OIL: volume (bbl; 1 m³ = 6.28981 bbl) × that day's WTI price × discount.
//! - GAS: volume (MMBtu; `mmbtu_per_e3m3` per e³m³, default 36.585) × that day's Henry Hub price.
//! - A **month** ([`month_value`]) is worth the seed's Σ of its days' values, but never more than
//!   the same monthly volume spread evenly over the month's days (issue 25, H3): the chain cannot
//!   verify days, only monthly totals, so no spreading of a month's volume over its days may mint
//!   more than spreading it evenly.
//!
//! Prices are signed (EIA publishes negative prices); values are signed atto-USD
//! ([`SignedAtto`]) until a month's total, which is floored at zero (= TAT base units). Every
//! rounding is in the chain's favour: towards −∞ (a positive value rounds down, a negative one
//! away from zero).

use crate::units::{Commodity, PriceMicroUsd, UsdAtto, Volume, BBL_PER_M3_E5, MAX_DAILY_VOLUME};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_arithmetic::Perbill;

/// A signed amount of atto-USD: a day at a negative price has a negative value.
pub type SignedAtto = i128;

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
		/// The average, rounded towards −∞.
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

/// The original's rule for a day without a price: the average (rounded towards −∞) of the last
/// [`FALLBACK_PRICES`] available prices before it, fewer if fewer exist, missing if none.
/// `earlier` lists earlier prices, most recent first; only the first ten are used. Negative
/// prices count like any other.
pub fn fallback_price(earlier: &[PriceMicroUsd]) -> PriceUsed {
	let used = earlier.get(..FALLBACK_PRICES).unwrap_or(earlier);
	if used.is_empty() {
		return PriceUsed::Missing;
	}
	let sum: i128 = used.iter().map(|p| i128::from(*p)).sum();
	let n = used.len() as i128;
	// n ≥ 1 here; `checked_div_euclid` keeps the rule free of a division that could panic and
	// rounds towards −∞ for a positive divisor. The mean of i64 values is an i64.
	let average = sum
		.checked_div_euclid(n)
		.and_then(|a| PriceMicroUsd::try_from(a).ok())
		.unwrap_or(PriceMicroUsd::MAX);
	PriceUsed::Fallback { average, samples: used.len() as u8 }
}

/// `magnitude × sign(price)` scaled by `share`, rounded towards −∞.
fn signed_share(magnitude: u128, negative: bool, share: Perbill) -> Option<SignedAtto> {
	if negative {
		SignedAtto::try_from(share.mul_ceil(magnitude)).ok()?.checked_neg()
	} else {
		SignedAtto::try_from(share.mul_floor(magnitude)).ok()
	}
}

/// Value of `volume` (any size) of `commodity` at `price` — the unbounded core of
/// [`day_value`]: oil × `discount`, gas × `mmbtu_per_e3m3_milli`. `None` on overflow.
fn value_of(
	commodity: Commodity,
	volume: Volume,
	price: PriceMicroUsd,
	discount: Perbill,
	mmbtu_per_e3m3_milli: u32,
) -> Option<SignedAtto> {
	let magnitude = u128::from(price.unsigned_abs());
	let negative = price < 0;
	match commodity {
		// atto = litres/1000 m³ × 6.28981 bbl/m³ × price/10⁶ USD × 10¹⁸
		//      = litres × 628981 × price × 10⁴
		Commodity::Oil => {
			let full = u128::from(volume)
				.checked_mul(BBL_PER_M3_E5)?
				.checked_mul(magnitude)?
				.checked_mul(10_000)?;
			signed_share(full, negative, discount)
		},
		// atto = m³/1000 × factor/1000 MMBtu × price/10⁶ USD × 10¹⁸ = m³ × factor × price × 10⁶
		Commodity::Gas => {
			let full = u128::from(volume)
				.checked_mul(u128::from(mmbtu_per_e3m3_milli))?
				.checked_mul(magnitude)?
				.checked_mul(1_000_000)?;
			signed_share(full, negative, Perbill::one())
		},
	}
}

/// Value in atto-USD of `litres` of oil at `price` (micro-USD per bbl) credited at `discount`.
/// `None` only if the volume exceeds [`MAX_DAILY_VOLUME`] or the product overflows.
pub fn oil_value(litres: Volume, price: PriceMicroUsd, discount: Perbill) -> Option<SignedAtto> {
	day_value(Commodity::Oil, litres, price, discount, 0)
}

/// Value in atto-USD of `m3` of gas at `price` (micro-USD per MMBtu), with
/// `mmbtu_per_e3m3_milli` MMBtu per 1000 m³ (×1000).
pub fn gas_value(
	m3: Volume,
	price: PriceMicroUsd,
	mmbtu_per_e3m3_milli: u32,
) -> Option<SignedAtto> {
	day_value(Commodity::Gas, m3, price, Perbill::one(), mmbtu_per_e3m3_milli)
}

/// Value of one day of production of `commodity` (at most [`MAX_DAILY_VOLUME`]).
pub fn day_value(
	commodity: Commodity,
	volume: Volume,
	price: PriceMicroUsd,
	oil_discount: Perbill,
	mmbtu_per_e3m3_milli: u32,
) -> Option<SignedAtto> {
	if volume > MAX_DAILY_VOLUME {
		return None;
	}
	value_of(commodity, volume, price, oil_discount, mmbtu_per_e3m3_milli)
}

/// A day of a month as the valuation sees it: the price that values it and the oil discount in
/// force on it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct PricedDay {
	/// The day's price (its own or the fallback).
	pub price: PriceMicroUsd,
	/// The oil quality discount in force that day (ignored for gas).
	pub discount: Perbill,
}

/// A month's value: the seed's per-day sum, the even-spread value, and the value that counts.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct MonthValue {
	/// Σ of the uploaded days' values (the seed's formula).
	pub by_days: SignedAtto,
	/// The same monthly volume spread evenly over the month's priced days: Σ over those days of
	/// (whole volume × day price × discount), ÷ their number, rounded towards −∞.
	pub even: SignedAtto,
	/// min(`by_days`, `even`), and zero if that is negative: the value the audit uses (V).
	pub value: UsdAtto,
}

/// Value a month (issue 25, H3). `uploaded`: each uploaded day's volume and pricing; `month_days`:
/// the pricing of every day of the month the well could produce on (from its activation, or its
/// first upload if earlier, to the month's end) that has a price — its own or the fallback.
/// The minted value is the seed's Σ of day values **capped at the even spread**, so moving volume
/// to the best-priced days, or to weekends valued at a trailing average above the month's
/// prices, never pays; a negative price lowers the value like any other. `None` on overflow.
pub fn month_value(
	commodity: Commodity,
	mmbtu_per_e3m3_milli: u32,
	uploaded: &[(Volume, PricedDay)],
	month_days: &[PricedDay],
) -> Option<MonthValue> {
	let mut by_days: SignedAtto = 0;
	let mut total: Volume = 0;
	for (volume, day) in uploaded {
		let v = day_value(commodity, *volume, day.price, day.discount, mmbtu_per_e3m3_milli)?;
		by_days = by_days.checked_add(v)?;
		total = total.checked_add(*volume)?;
	}
	let mut sum: SignedAtto = 0;
	for day in month_days {
		let v = value_of(commodity, total, day.price, day.discount, mmbtu_per_e3m3_milli)?;
		sum = sum.checked_add(v)?;
	}
	let n = SignedAtto::try_from(month_days.len()).ok()?;
	// Without a priced day there is nothing to compare with: the per-day sum stands (the wells
	// pallet refuses such a month anyway, its uploaded days having no price).
	let even = if n == 0 { by_days } else { sum.checked_div_euclid(n)? };
	let value = UsdAtto::try_from(by_days.min(even).max(0)).unwrap_or(0);
	Some(MonthValue { by_days, even, value })
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
		assert_eq!(v, (109_755 * ONE_TAT / 1_000) as SignedAtto);
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
		assert!(gas_value(MAX_DAILY_VOLUME, crate::MIN_PRICE_MICRO_USD, u32::MAX).is_some());
		assert_eq!(oil_value(0, 70_000_000, Perbill::one()), Some(0));
	}

	#[test]
	fn fallback_averages_last_ten_rounding_down() {
		assert_eq!(fallback_price(&[]), PriceUsed::Missing);
		assert_eq!(fallback_price(&[5]), PriceUsed::Fallback { average: 5, samples: 1 });
		assert_eq!(fallback_price(&[1, 2]), PriceUsed::Fallback { average: 1, samples: 2 });
		let twelve: [i64; 12] = [10, 10, 10, 10, 10, 10, 10, 10, 10, 20, 1000, 1000];
		// Only the ten most recent count: (9 × 10 + 20) / 10 = 11.
		assert_eq!(fallback_price(&twelve), PriceUsed::Fallback { average: 11, samples: 10 });
		assert_eq!(PriceUsed::Missing.price(), 0);
		assert_eq!(PriceUsed::Day(7).price(), 7);
	}

	#[test]
	fn a_negative_price_has_a_negative_value_rounded_away_from_zero() {
		// RWTC on 2020-04-20: −36.98 $/bbl. 1 m³ × 6.28981 × −$36.98 = −$232.5971738.
		assert_eq!(
			oil_value(1_000, -36_980_000, Perbill::one()),
			Some(-232_597_173_800_000_000_000)
		);
		// × 90 %: −$209.33745642 exactly.
		assert_eq!(
			oil_value(1_000, -36_980_000, Perbill::from_percent(90)),
			Some(-209_337_456_420_000_000_000)
		);
		// 1 litre at −1 micro-USD × 1 ppb: −0.00000628981 × 10⁻⁹ USD rounds to −7 atto, not −6.
		assert_eq!(oil_value(1, -1, Perbill::from_parts(1)), Some(-7));
		assert_eq!(oil_value(1, 1, Perbill::from_parts(1)), Some(6));
		assert_eq!(gas_value(1_000, -1_000_000, 36_585), Some(-36_585_000_000_000_000_000));
	}

	#[test]
	fn the_fallback_counts_negative_prices_and_rounds_towards_minus_infinity() {
		// (−36.98 + 10.01) / 2 = −13.485 exactly.
		assert_eq!(
			fallback_price(&[-36_980_000, 10_010_000]),
			PriceUsed::Fallback { average: -13_485_000, samples: 2 }
		);
		// (−1 + 0) / 2 = −0.5 → −1 (towards −∞), (1 + 0) / 2 = 0.5 → 0.
		assert_eq!(fallback_price(&[-1, 0]), PriceUsed::Fallback { average: -1, samples: 2 });
		assert_eq!(fallback_price(&[1, 0]), PriceUsed::Fallback { average: 0, samples: 2 });
	}

	fn day(price: PriceMicroUsd) -> PricedDay {
		PricedDay { price, discount: Perbill::one() }
	}

	#[test]
	fn a_month_is_worth_at_most_its_volume_spread_evenly() {
		// Three priced days at $60, $70, $80; 3 m³ of oil in all.
		let days = [day(60_000_000), day(70_000_000), day(80_000_000)];
		// Evenly: 1 m³ a day = 6.28981 × $210 = $1,320.8601 — also the cap.
		let even = [(1_000, days[0]), (1_000, days[1]), (1_000, days[2])];
		let m = month_value(Commodity::Oil, 0, &even, &days).unwrap();
		assert_eq!(m.by_days, 1_320_860_100_000_000_000_000);
		assert_eq!(m.even, 1_320_860_100_000_000_000_000);
		assert_eq!(m.value, 1_320_860_100_000_000_000_000);
		// Everything on the $80 day: the seed's sum would be 3 × 6.28981 × $80 = $1,509.5544 (+14.3 %),
		// the cap keeps $1,320.8601.
		let best = [(3_000, days[2])];
		let m = month_value(Commodity::Oil, 0, &best, &days).unwrap();
		assert_eq!(m.by_days, 1_509_554_400_000_000_000_000);
		assert_eq!(m.value, 1_320_860_100_000_000_000_000);
		// Everything on the $60 day: the seed's lower sum stands ($1,132.1658).
		let worst = [(3_000, days[0])];
		let m = month_value(Commodity::Oil, 0, &worst, &days).unwrap();
		assert_eq!(m.value, 1_132_165_800_000_000_000_000);
		// The even value is the mean of whole-volume values, rounded towards −∞: 1 litre over 3
		// days at $1, $1, $2 is (6,289,810,000,000,000 × 4) / 3 = 8,386,413,333,333,333.33… → …333.
		let small = [day(1_000_000), day(1_000_000), day(2_000_000)];
		let m = month_value(Commodity::Oil, 0, &[(1, small[2])], &small).unwrap();
		assert_eq!(m.even, 8_386_413_333_333_333);
		assert_eq!(m.value, 8_386_413_333_333_333);
	}

	#[test]
	fn a_negative_day_lowers_the_month_and_a_negative_month_is_worth_zero() {
		// April 2020 in miniature: $20, −$36.98, $10 on three days; 3 m³ in all.
		let days = [day(20_000_000), day(-36_980_000), day(10_000_000)];
		// Moving the negative day's volume to the $20 day: the seed's sum 2 × 125.7962 + 62.8981
		// = $314.4905; the even spread is 6.28981 × (20 − 36.98 + 10) = −$43.902874 → 0.
		let dodge = [(2_000, days[0]), (1_000, days[2])];
		let m = month_value(Commodity::Oil, 0, &dodge, &days).unwrap();
		assert_eq!(m.by_days, 314_490_500_000_000_000_000);
		assert_eq!(m.even, -43_902_873_800_000_000_000);
		assert_eq!(m.value, 0);
		// Gas at −$1 on the only day: worth 0, not a wrap-around.
		let m =
			month_value(Commodity::Gas, 36_585, &[(1_000, day(-1_000_000))], &[day(-1_000_000)])
				.unwrap();
		assert_eq!((m.by_days, m.value), (-36_585_000_000_000_000_000, 0));
	}

	#[test]
	fn the_discount_of_each_day_applies_to_its_share_of_the_even_spread() {
		// Two $100 days, the first at 75 %, the second at 90 %: the even value of 2 m³ is
		// (2 × 628.981 × 0.75 + 2 × 628.981 × 0.9) / 2 = $1,037.81865.
		let days = [
			PricedDay { price: 100_000_000, discount: Perbill::from_percent(75) },
			PricedDay { price: 100_000_000, discount: Perbill::from_percent(90) },
		];
		let m = month_value(Commodity::Oil, 0, &[(2_000, days[1])], &days).unwrap();
		assert_eq!(m.by_days, 1_132_165_800_000_000_000_000);
		assert_eq!(m.value, 1_037_818_650_000_000_000_000);
	}

	#[test]
	fn month_limits() {
		// A month without priced days keeps the seed's sum; an empty month is worth 0.
		let m = month_value(Commodity::Oil, 0, &[(1_000, day(70_000_000))], &[]).unwrap();
		assert_eq!(m.value, 440_286_700_000_000_000_000);
		assert_eq!(month_value(Commodity::Oil, 0, &[], &[day(1)]).unwrap().value, 0);
		// 31 days at the largest volume and price fit; a day over the volume cap does not.
		let top = day(crate::MAX_PRICE_MICRO_USD);
		let full: alloc::vec::Vec<_> = (0..31).map(|_| (MAX_DAILY_VOLUME, top)).collect();
		let m = month_value(Commodity::Oil, 0, &full, &[top; 31]).unwrap();
		assert_eq!(m.value as i128, m.by_days);
		assert_eq!(month_value(Commodity::Oil, 0, &[(MAX_DAILY_VOLUME + 1, top)], &[top]), None);
	}
}
