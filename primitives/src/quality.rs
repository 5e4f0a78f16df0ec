//! Oil quality and the price discount it earns.
//!
//! | API gravity | acidity | discount (default) |
//! |---|---|---|
//! | > 31.10 | < 0.50 % | 90 % |
//! | > 31.10 | ≥ 0.50 % | 85 % |
//! | ≤ 31.10 | < 0.50 % | 80 % |
//! | ≤ 31.10 | ≥ 0.50 % | 75 % |
//!
//! Thresholds and tiers are governance parameters ([`DiscountRules`]); a value whose tiers exceed
//! 100 % or are not strictly decreasing cannot even be decoded, so no origin can store one.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_arithmetic::Perbill;

/// Largest accepted API gravity, ×100 (100.00 °API).
pub const MAX_API_GRAVITY_X100: u32 = 10_000;
/// Largest accepted acidity/sulphur content in basis points (100.00 %).
pub const MAX_ACIDITY_BP: u32 = 10_000;

/// Quality parameters of an oil well's crude, in fixed point.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
pub struct OilQuality {
	/// API gravity × 100 (e.g. 3110 = 31.10 °API).
	pub api_gravity_x100: u32,
	/// Acidity/sulphur content in basis points (e.g. 50 = 0.50 %).
	pub acidity_bp: u32,
}

impl OilQuality {
	/// Whether both parameters are within physical bounds (0..=100.00).
	pub fn is_in_range(&self) -> bool {
		self.api_gravity_x100 <= MAX_API_GRAVITY_X100 && self.acidity_bp <= MAX_ACIDITY_BP
	}
}

/// Why a set of discount rules is refused.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DiscountRulesError {
	/// A tier is above 100 %.
	TierAboveHundredPercent,
	/// The tiers are not strictly decreasing from best to worst quality.
	TiersNotDecreasing,
	/// A threshold is outside 0..=100.00.
	ThresholdOutOfRange,
}

impl DiscountRulesError {
	/// Human-readable reason, also used as the decode error.
	pub const fn as_str(self) -> &'static str {
		match self {
			Self::TierAboveHundredPercent => "DiscountRules: a tier is above 100%",
			Self::TiersNotDecreasing => "DiscountRules: tiers must be strictly decreasing",
			Self::ThresholdOutOfRange => "DiscountRules: threshold out of range",
		}
	}
}

/// The governance-set discount table. Always valid: see [`DiscountRules::new`].
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, MaxEncodedLen, TypeInfo)]
pub struct DiscountRules {
	/// API gravity threshold × 100; "high" means strictly above it.
	api_threshold_x100: u32,
	/// Acidity threshold in basis points; "sweet" means strictly below it.
	acidity_threshold_bp: u32,
	/// Discounts for (high, sweet), (high, sour), (low, sweet), (low, sour).
	tiers: [Perbill; 4],
}

impl DiscountRules {
	/// The seed's table: 31.10 °API, 0.50 %, tiers 90/85/80/75 %.
	pub const DEFAULT: DiscountRules = DiscountRules {
		api_threshold_x100: 3_110,
		acidity_threshold_bp: 50,
		tiers: [
			Perbill::from_percent(90),
			Perbill::from_percent(85),
			Perbill::from_percent(80),
			Perbill::from_percent(75),
		],
	};

	/// Checked constructor: thresholds within 0..=100.00, tiers ≤ 100 % and strictly decreasing.
	pub fn new(
		api_threshold_x100: u32,
		acidity_threshold_bp: u32,
		tiers: [Perbill; 4],
	) -> Result<Self, DiscountRulesError> {
		if api_threshold_x100 > MAX_API_GRAVITY_X100 || acidity_threshold_bp > MAX_ACIDITY_BP {
			return Err(DiscountRulesError::ThresholdOutOfRange);
		}
		if tiers.iter().any(|t| t.deconstruct() > Perbill::one().deconstruct()) {
			return Err(DiscountRulesError::TierAboveHundredPercent);
		}
		if !tiers.windows(2).all(|w| matches!(w, [a, b] if a > b)) {
			return Err(DiscountRulesError::TiersNotDecreasing);
		}
		Ok(DiscountRules { api_threshold_x100, acidity_threshold_bp, tiers })
	}

	/// API gravity threshold × 100.
	pub fn api_threshold_x100(&self) -> u32 {
		self.api_threshold_x100
	}
	/// Acidity threshold in basis points.
	pub fn acidity_threshold_bp(&self) -> u32 {
		self.acidity_threshold_bp
	}
	/// The four tiers, best quality first.
	pub fn tiers(&self) -> [Perbill; 4] {
		self.tiers
	}

	/// The price discount (share of the market price credited) for oil of quality `q`.
	pub fn discount(&self, q: &OilQuality) -> Perbill {
		let high = q.api_gravity_x100 > self.api_threshold_x100;
		let sweet = q.acidity_bp < self.acidity_threshold_bp;
		let [hs, hr, ls, lr] = self.tiers;
		match (high, sweet) {
			(true, true) => hs,
			(true, false) => hr,
			(false, true) => ls,
			(false, false) => lr,
		}
	}
}

impl Default for DiscountRules {
	fn default() -> Self {
		Self::DEFAULT
	}
}

impl Decode for DiscountRules {
	fn decode<I: codec::Input>(input: &mut I) -> Result<Self, codec::Error> {
		let api = u32::decode(input)?;
		let acidity = u32::decode(input)?;
		let tiers = <[Perbill; 4]>::decode(input)?;
		DiscountRules::new(api, acidity, tiers).map_err(|e| e.as_str().into())
	}
}

impl DecodeWithMemTracking for DiscountRules {}

#[cfg(test)]
mod tests {
	use super::*;

	fn q(api: u32, acid: u32) -> OilQuality {
		OilQuality { api_gravity_x100: api, acidity_bp: acid }
	}

	#[test]
	fn every_boundary_of_the_table() {
		let r = DiscountRules::DEFAULT;
		// API strictly above 31.10 is "high"; 31.10 itself is "low".
		assert_eq!(r.discount(&q(3_111, 49)), Perbill::from_percent(90));
		assert_eq!(r.discount(&q(3_111, 50)), Perbill::from_percent(85));
		assert_eq!(r.discount(&q(3_110, 49)), Perbill::from_percent(80));
		assert_eq!(r.discount(&q(3_110, 50)), Perbill::from_percent(75));
		// Extremes.
		assert_eq!(r.discount(&q(10_000, 0)), Perbill::from_percent(90));
		assert_eq!(r.discount(&q(0, 10_000)), Perbill::from_percent(75));
		assert_eq!(r.discount(&q(0, 0)), Perbill::from_percent(80));
		assert_eq!(r.discount(&q(10_000, 10_000)), Perbill::from_percent(85));
	}

	#[test]
	fn rules_are_validated() {
		let p = Perbill::from_percent;
		assert!(DiscountRules::new(3_110, 50, [p(100), p(99), p(98), p(0)]).is_ok());
		assert_eq!(
			DiscountRules::new(3_110, 50, [p(90), p(90), p(80), p(75)]),
			Err(DiscountRulesError::TiersNotDecreasing)
		);
		assert_eq!(
			DiscountRules::new(3_110, 50, [p(75), p(80), p(85), p(90)]),
			Err(DiscountRulesError::TiersNotDecreasing)
		);
		assert_eq!(
			DiscountRules::new(10_001, 50, [p(90), p(85), p(80), p(75)]),
			Err(DiscountRulesError::ThresholdOutOfRange)
		);
		assert_eq!(
			DiscountRules::new(3_110, 10_001, [p(90), p(85), p(80), p(75)]),
			Err(DiscountRulesError::ThresholdOutOfRange)
		);
	}

	#[test]
	fn invalid_rules_cannot_be_decoded() {
		let good = DiscountRules::DEFAULT.encode();
		assert_eq!(DiscountRules::decode(&mut &good[..]), Ok(DiscountRules::DEFAULT));
		// Same layout, tiers not decreasing.
		let bad = (
			3_110u32,
			50u32,
			[
				Perbill::from_percent(80),
				Perbill::from_percent(85),
				Perbill::from_percent(70),
				Perbill::from_percent(60),
			],
		)
			.encode();
		assert!(DiscountRules::decode(&mut &bad[..]).is_err());
		// A tier above 100 % (raw parts 1_000_000_001).
		let over = (3_110u32, 50u32, [1_000_000_001u32, 2, 1, 0]).encode();
		assert!(DiscountRules::decode(&mut &over[..]).is_err());
	}

	#[test]
	fn quality_range() {
		assert!(q(10_000, 10_000).is_in_range());
		assert!(!q(10_001, 0).is_in_range());
		assert!(!q(0, 10_001).is_in_range());
	}
}
