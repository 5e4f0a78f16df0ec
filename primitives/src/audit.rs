//! The monthly audit: compare the producer's volume P with the official volume O, keep or correct
//! the value, and compute the slash (the seed's table, implemented exactly).
//!
//! d = (P − O) / O; V = value of the producer's records; V' = V × O / P.
//!
//! | d | volume kept | minted | slash |
//! |---|---|---|---|
//! | d < 0 | P | V | 0 |
//! | d = 0 | P | V | 0 |
//! | 0 < d ≤ minor (10 %) | O | V' | 0 |
//! | minor < d ≤ major (30 %) | O | V' | V' × d × SlashRatio |
//! | d > major | O | V' | V' × 100 % × SlashRatio |
//! | O = 0, P > 0 | 0 | 0 | V × 100 % × SlashRatio |
//! | O = 0, P = 0 | 0 | 0 | 0 |
//!
//! Band edges are compared exactly in integers: (P − O) × 10⁹ ≤ band_ppb × O. Every division
//! rounds down: minted amounts in the chain's favour, slashes in the producer's favour.
//! V' × d is computed as V × (P − O) / P (the O cancels), rounded down, then × SlashRatio rounded
//! down.

use crate::units::{UsdAtto, Volume};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_arithmetic::{
	helpers_128bit::multiply_by_rational_with_rounding, per_things::Rounding, Perbill,
};

/// The deviation bands (governance parameters). Always `minor ≤ major`.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, MaxEncodedLen, TypeInfo)]
pub struct DeviationBands {
	minor: Perbill,
	major: Perbill,
}

impl DeviationBands {
	/// The seed's bands: 10 % and 30 %.
	pub const DEFAULT: DeviationBands =
		DeviationBands { minor: Perbill::from_percent(10), major: Perbill::from_percent(30) };

	/// Checked constructor: `minor ≤ major`.
	pub fn new(minor: Perbill, major: Perbill) -> Option<Self> {
		(minor <= major).then_some(DeviationBands { minor, major })
	}
	/// Upper edge (inclusive) of the no-slash correction band.
	pub fn minor(&self) -> Perbill {
		self.minor
	}
	/// Upper edge (inclusive) of the proportional-slash band.
	pub fn major(&self) -> Perbill {
		self.major
	}
}

impl Default for DeviationBands {
	fn default() -> Self {
		Self::DEFAULT
	}
}

impl Decode for DeviationBands {
	fn decode<I: codec::Input>(input: &mut I) -> Result<Self, codec::Error> {
		let minor = Perbill::decode(input)?;
		let major = Perbill::decode(input)?;
		DeviationBands::new(minor, major)
			.ok_or_else(|| "DeviationBands: minor must be ≤ major".into())
	}
}
impl DecodeWithMemTracking for DeviationBands {}

/// Which row of the table applied.
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
pub enum Band {
	/// d < 0: the producer reported less than the official figure.
	Under,
	/// d = 0.
	Exact,
	/// 0 < d ≤ minor: corrected, no slash.
	Minor,
	/// minor < d ≤ major: corrected, slash V' × d × ratio.
	Moderate,
	/// d > major: corrected, slash V' × ratio.
	Major,
	/// O = 0 and P > 0: nothing minted, slash V × ratio.
	NoOfficialProduction,
	/// O = 0 and P = 0: the month closes with nothing minted.
	Empty,
}

/// The result of auditing a month.
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
pub struct AuditOutcome {
	/// Row of the table.
	pub band: Band,
	/// d in parts per billion (1 % = 10⁷), rounded toward zero and saturating; `None` if O = 0.
	pub deviation_ppb: Option<i64>,
	/// Volume the chain keeps for the month (P or O).
	pub volume_kept: Volume,
	/// V' (equal to V where no correction applies; 0 when O = 0).
	pub corrected_value: UsdAtto,
	/// TAT minted (base units): V or V'.
	pub minted: UsdAtto,
	/// Slash in atto-USD, before conversion to the native token.
	pub slash: UsdAtto,
}

fn mul_div_floor(a: u128, b: u128, c: u128) -> u128 {
	// c > 0 at every call site; the result is ≤ a because b ≤ c there, so it cannot overflow.
	multiply_by_rational_with_rounding(a, b, c, Rounding::Down).unwrap_or(0)
}

/// Deviation (P − O)/O in parts per billion, truncated toward zero, saturating.
fn deviation_ppb(p: Volume, o: Volume) -> i64 {
	let (p, o) = (u128::from(p), u128::from(o));
	let magnitude = |num: u128| -> i64 {
		// num × 10⁹ / o, saturating at i64::MAX.
		let v = multiply_by_rational_with_rounding(num, 1_000_000_000, o, Rounding::Down)
			.unwrap_or(u128::MAX);
		i64::try_from(v).unwrap_or(i64::MAX)
	};
	if p >= o {
		magnitude(p.saturating_sub(o))
	} else {
		magnitude(o.saturating_sub(p)).saturating_neg()
	}
}

/// `(P − O) ≤ band × O`, exactly.
fn within(excess: Volume, official: Volume, band: Perbill) -> bool {
	let lhs = u128::from(excess).saturating_mul(1_000_000_000);
	let rhs = u128::from(band.deconstruct()).saturating_mul(u128::from(official));
	lhs <= rhs
}

/// Audit a month: producer volume `p`, official volume `o`, value `v` of the producer's records.
pub fn audit(
	p: Volume,
	o: Volume,
	v: UsdAtto,
	bands: DeviationBands,
	slash_ratio: Perbill,
) -> AuditOutcome {
	if o == 0 {
		return if p == 0 {
			AuditOutcome {
				band: Band::Empty,
				deviation_ppb: None,
				volume_kept: 0,
				corrected_value: 0,
				minted: 0,
				slash: 0,
			}
		} else {
			AuditOutcome {
				band: Band::NoOfficialProduction,
				deviation_ppb: None,
				volume_kept: 0,
				corrected_value: 0,
				minted: 0,
				slash: slash_ratio.mul_floor(v),
			}
		};
	}
	let deviation = Some(deviation_ppb(p, o));
	if p <= o {
		let band = if p == o { Band::Exact } else { Band::Under };
		return AuditOutcome {
			band,
			deviation_ppb: deviation,
			volume_kept: p,
			corrected_value: v,
			minted: v,
			slash: 0,
		};
	}
	// P > O > 0 from here.
	let excess = p.saturating_sub(o);
	let corrected = mul_div_floor(v, u128::from(o), u128::from(p));
	let (band, slash) = if within(excess, o, bands.minor) {
		(Band::Minor, 0)
	} else if within(excess, o, bands.major) {
		// V' × d = V × (P − O) / P.
		let v_times_d = mul_div_floor(v, u128::from(excess), u128::from(p));
		(Band::Moderate, slash_ratio.mul_floor(v_times_d))
	} else {
		(Band::Major, slash_ratio.mul_floor(corrected))
	};
	AuditOutcome {
		band,
		deviation_ppb: deviation,
		volume_kept: o,
		corrected_value: corrected,
		minted: corrected,
		slash,
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::units::ONE_TAT;

	const V: u128 = 1_000 * ONE_TAT; // $1,000 of production
	fn run(p: Volume, o: Volume) -> AuditOutcome {
		audit(p, o, V, DeviationBands::DEFAULT, Perbill::from_percent(1))
	}

	#[test]
	fn under_reporting_keeps_producer_figures() {
		let r = run(95, 100);
		assert_eq!(r.band, Band::Under);
		assert_eq!(r.deviation_ppb, Some(-50_000_000));
		assert_eq!((r.volume_kept, r.minted, r.corrected_value, r.slash), (95, V, V, 0));
	}

	#[test]
	fn exact_match() {
		let r = run(100, 100);
		assert_eq!(r.band, Band::Exact);
		assert_eq!(r.deviation_ppb, Some(0));
		assert_eq!((r.volume_kept, r.minted, r.slash), (100, V, 0));
	}

	#[test]
	fn just_above_zero_is_corrected_without_slash() {
		// d = 1/1000 %: V' = V × 100000 / 100001.
		let r = run(100_001, 100_000);
		assert_eq!(r.band, Band::Minor);
		assert_eq!(r.deviation_ppb, Some(10_000));
		assert_eq!(r.volume_kept, 100_000);
		assert_eq!(r.minted, V * 100_000 / 100_001);
		assert_eq!(r.slash, 0);
	}

	#[test]
	fn ten_percent_exactly_is_not_slashed() {
		let r = run(110, 100);
		assert_eq!(r.band, Band::Minor);
		assert_eq!(r.deviation_ppb, Some(100_000_000));
		// V' = 1000 × 100/110 = 909.090909... rounded down.
		assert_eq!(r.minted, 909_090_909_090_909_090_909);
		assert_eq!(r.slash, 0);
	}

	#[test]
	fn just_above_ten_percent_is_slashed_proportionally() {
		// P = 1_100_001, O = 1_000_000: d = 10.0001 %.
		let r = run(1_100_001, 1_000_000);
		assert_eq!(r.band, Band::Moderate);
		assert_eq!(r.deviation_ppb, Some(100_001_000));
		let corrected = V * 1_000_000 / 1_100_001;
		assert_eq!(r.minted, corrected);
		// slash = 1 % × V × (P − O) / P
		assert_eq!(r.slash, (V * 100_001 / 1_100_001) / 100);
	}

	#[test]
	fn twenty_percent() {
		let r = run(120, 100);
		assert_eq!(r.band, Band::Moderate);
		// V' = 1000 × 100/120 = 833.333...; V' × d = 833.33 × 0.2 = 166.666...; × 1 % = 1.666...
		assert_eq!(r.minted, 833_333_333_333_333_333_333);
		assert_eq!(r.slash, 1_666_666_666_666_666_666);
	}

	#[test]
	fn thirty_percent_exactly_is_slashed_at_thirty() {
		let r = run(130, 100);
		assert_eq!(r.band, Band::Moderate);
		assert_eq!(r.deviation_ppb, Some(300_000_000));
		// V' = 769.230769...; × 0.3 = 230.769230...; × 1 % = 2.307692...
		assert_eq!(r.minted, 769_230_769_230_769_230_769);
		assert_eq!(r.slash, 2_307_692_307_692_307_692);
	}

	#[test]
	fn above_thirty_percent_slashes_the_whole_corrected_value() {
		let r = run(1_300_001, 1_000_000);
		assert_eq!(r.band, Band::Major);
		let corrected = V * 1_000_000 / 1_300_001;
		assert_eq!(r.minted, corrected);
		assert_eq!(r.slash, corrected / 100);
		let r = run(145, 100);
		assert_eq!(r.band, Band::Major);
		// V' = 689.655172...; × 1 % = 6.896551...
		assert_eq!(r.minted, 689_655_172_413_793_103_448);
		assert_eq!(r.slash, 6_896_551_724_137_931_034);
	}

	#[test]
	fn no_official_production() {
		let r = run(100, 0);
		assert_eq!(r.band, Band::NoOfficialProduction);
		assert_eq!(r.deviation_ppb, None);
		assert_eq!((r.volume_kept, r.minted, r.slash), (0, 0, 10 * ONE_TAT));
		let r = run(0, 0);
		assert_eq!(r.band, Band::Empty);
		assert_eq!((r.volume_kept, r.minted, r.slash), (0, 0, 0));
	}

	#[test]
	fn producer_reported_nothing_but_official_did() {
		let r = audit(0, 100, 0, DeviationBands::DEFAULT, Perbill::from_percent(1));
		assert_eq!(r.band, Band::Under);
		assert_eq!(r.deviation_ppb, Some(-1_000_000_000));
		assert_eq!((r.minted, r.slash), (0, 0));
	}

	#[test]
	fn overflow_sized_inputs_do_not_panic() {
		let r = audit(u64::MAX, 1, u128::MAX, DeviationBands::DEFAULT, Perbill::one());
		assert_eq!(r.band, Band::Major);
		assert_eq!(r.deviation_ppb, Some(i64::MAX));
		assert_eq!(r.minted, u128::MAX / u128::from(u64::MAX));
		assert_eq!(r.slash, r.minted);
		let r = audit(1, u64::MAX, u128::MAX, DeviationBands::DEFAULT, Perbill::one());
		assert_eq!(r.band, Band::Under);
		assert_eq!(r.minted, u128::MAX);
		let r = audit(u64::MAX, u64::MAX - 1, u128::MAX, DeviationBands::DEFAULT, Perbill::one());
		assert_eq!(r.band, Band::Minor);
	}

	#[test]
	fn governance_bands_and_ratio_apply() {
		let bands =
			DeviationBands::new(Perbill::from_percent(5), Perbill::from_percent(50)).unwrap();
		let r = audit(108, 100, V, bands, Perbill::from_percent(2));
		assert_eq!(r.band, Band::Moderate);
		// V × 8/108 × 2 % = 1.481481...
		assert_eq!(r.slash, 1_481_481_481_481_481_481);
		assert!(DeviationBands::new(Perbill::from_percent(31), Perbill::from_percent(30)).is_none());
		let bad = (Perbill::from_percent(31), Perbill::from_percent(30)).encode();
		assert!(DeviationBands::decode(&mut &bad[..]).is_err());
	}
}
