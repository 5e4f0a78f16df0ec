//! Splitting minted TAT among a well's beneficiaries: each beneficiary gets
//! floor(ratio × amount); the producer (owner) gets the rest, including rounding dust, so nothing
//! is lost or created.

use alloc::vec::Vec;
use sp_arithmetic::Perbill;

/// Split `amount` by `ratios` (the beneficiaries' shares, summing to at most 100 %).
/// Returns `(owner_share, beneficiary_shares)` in the order of `ratios`; the parts always add up
/// to `amount` exactly.
pub fn split(amount: u128, ratios: &[Perbill]) -> (u128, Vec<u128>) {
	let shares: Vec<u128> = ratios.iter().map(|r| r.mul_floor(amount)).collect();
	// Σ floor(rᵢ × a) ≤ a when Σ rᵢ ≤ 1; saturate defensively if a caller broke that.
	let given = shares.iter().fold(0u128, |acc, s| acc.saturating_add(*s));
	(amount.saturating_sub(given), shares)
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::units::ONE_TAT;

	#[test]
	fn example_from_the_rules() {
		// Producer 80 %, beneficiary 20 %, 100 TAT → 80 and 20.
		let (owner, shares) = split(100 * ONE_TAT, &[Perbill::from_percent(20)]);
		assert_eq!(owner, 80 * ONE_TAT);
		assert_eq!(shares, vec![20 * ONE_TAT]);
	}

	#[test]
	fn dust_goes_to_the_owner() {
		let third = Perbill::from_rational(1u32, 3u32);
		let (owner, shares) = split(100, &[third, third, third]);
		assert_eq!(shares, vec![33, 33, 33]);
		assert_eq!(owner, 1);
		let (owner, shares) = split(7, &[Perbill::from_percent(50)]);
		assert_eq!((owner, shares), (4, vec![3]));
	}

	#[test]
	fn all_to_beneficiaries_or_none() {
		let (owner, shares) = split(1_000, &[Perbill::from_percent(60), Perbill::from_percent(40)]);
		assert_eq!((owner, shares), (0, vec![600, 400]));
		let (owner, shares) = split(1_000, &[]);
		assert_eq!((owner, shares), (1_000, vec![]));
		let (owner, shares) = split(0, &[Perbill::from_percent(50)]);
		assert_eq!((owner, shares), (0, vec![0]));
	}

	#[test]
	fn conserves_large_amounts() {
		let ratios: Vec<Perbill> = (1..=9).map(|i| Perbill::from_parts(i * 11_111_111)).collect();
		let amount = u128::MAX / 3;
		let (owner, shares) = split(amount, &ratios);
		assert_eq!(owner + shares.iter().sum::<u128>(), amount);
	}
}
