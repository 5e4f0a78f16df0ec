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

/// [`split`], then TAT's minimum balance (`min`, one cent on the chain): a beneficiary's share
/// below `min` goes to the owner instead (pallet-assets refuses to create an account with less
/// than the minimum, which would fail the whole mint). If the owner's part still ends below
/// `min`, it goes to the largest beneficiary share (the first of equals); if every part is below
/// `min` (the month is worth less than `min` in total), nothing is minted and the returned parts
/// are all zero. Amount-based only, so a settlement recomputes exactly the same parts.
pub fn split_above_minimum(amount: u128, ratios: &[Perbill], min: u128) -> (u128, Vec<u128>) {
	let (mut owner, mut shares) = split(amount, ratios);
	for share in shares.iter_mut() {
		if *share < min {
			owner = owner.saturating_add(*share);
			*share = 0;
		}
	}
	if owner > 0 && owner < min {
		let largest = shares.iter_mut().fold(None::<&mut u128>, |best, s| match best {
			Some(b) if *b >= *s => Some(b),
			_ if *s > 0 => Some(s),
			other => other,
		});
		match largest {
			Some(s) => *s = s.saturating_add(core::mem::take(&mut owner)),
			None => owner = 0,
		}
	}
	(owner, shares)
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
	fn shares_below_the_minimum_go_to_the_owner() {
		let min = 10;
		// 20 % of 100 = 20 ≥ 10 stays; 5 % = 5 < 10 goes to the owner.
		let (owner, shares) =
			split_above_minimum(100, &[Perbill::from_percent(20), Perbill::from_percent(5)], min);
		assert_eq!((owner, shares), (80, vec![20, 0]));
		// Exactly the minimum is kept.
		let (owner, shares) = split_above_minimum(100, &[Perbill::from_percent(10)], min);
		assert_eq!((owner, shares), (90, vec![10]));
		// One below the minimum is not.
		let (owner, shares) = split_above_minimum(99, &[Perbill::from_percent(10)], min);
		assert_eq!((owner, shares), (99, vec![0]));
	}

	#[test]
	fn an_owner_part_below_the_minimum_goes_to_the_largest_share() {
		// 95 % / 3 % of 100: 95 stays, 3 < 10 to the owner: owner 2 + 3 = 5 < 10 → to the 95.
		let (owner, shares) =
			split_above_minimum(100, &[Perbill::from_percent(95), Perbill::from_percent(3)], 10);
		assert_eq!((owner, shares), (0, vec![100, 0]));
		// Equal largest shares: the first one gets it.
		let (owner, shares) =
			split_above_minimum(100, &[Perbill::from_percent(48), Perbill::from_percent(48)], 10);
		assert_eq!((owner, shares), (0, vec![52, 48]));
	}

	#[test]
	fn a_month_worth_less_than_the_minimum_mints_nothing() {
		let (owner, shares) = split_above_minimum(9, &[Perbill::from_percent(50)], 10);
		assert_eq!((owner, shares), (0, vec![0]));
		let (owner, shares) = split_above_minimum(9, &[], 10);
		assert_eq!((owner, shares), (0, vec![]));
		// Exactly the minimum, no beneficiaries: minted.
		assert_eq!(split_above_minimum(10, &[], 10), (10, vec![]));
		// Zero minimum: plain split.
		assert_eq!(
			split_above_minimum(7, &[Perbill::from_percent(50)], 0),
			split(7, &[Perbill::from_percent(50)])
		);
	}

	#[test]
	fn conserves_large_amounts() {
		let ratios: Vec<Perbill> = (1..=9).map(|i| Perbill::from_parts(i * 11_111_111)).collect();
		let amount = u128::MAX / 3;
		let (owner, shares) = split(amount, &ratios);
		assert_eq!(owner + shares.iter().sum::<u128>(), amount);
	}
}
