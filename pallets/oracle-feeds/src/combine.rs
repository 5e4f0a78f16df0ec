//! How the feeders' raw values become one value: pallet-oracle's pluggable `CombineData`.
//!
//! Official production and EIA prices are deterministic public data: every honest feeder reads
//! the same file or the same published string. So a value counts only when at least `k`
//! feeders report the **identical** value — an official figure's volume and provenance, a
//! price's exact micro-USD (issue 25, C1: a median of an even set let 2 colluders of 4 choose
//! any price). A price outside its series' sanity range ([`PriceBounds`], a governance parameter)
//! does not count at all.
//!
//! `k` is a governance parameter ([`quorum`]): `0` means ⌈2n/3⌉ of the current feeder set (the
//! `production` preset's default); whatever it is set to, it is never below a strict majority
//! ⌊n/2⌋ + 1, so a minority never decides and two values can never both have a quorum. Without
//! a quorum the previous combined value stays (pallet-oracle's convention); raw values older
//! than the oracle's expiry do not count.

use alloc::vec::Vec;
use core::marker::PhantomData;
use frame_support::traits::{Get, SortedMembers, Time};
use pallet_oracle::{CombineData, TimestampedValue};
use sp_runtime::traits::Saturating;
use tn_primitives::{
	feeds::{FeedKey, FeedValue, PriceRange},
	Commodity,
};

/// The sanity range of each price series (governance parameters in the runtime).
pub trait PriceBounds {
	/// The range a price of `commodity` must lie in to count.
	fn bounds(commodity: Commodity) -> PriceRange;
}

/// The defaults of [`PriceRange::default_for`] (for tests and mocks).
impl PriceBounds for () {
	fn bounds(commodity: Commodity) -> PriceRange {
		PriceRange::default_for(commodity)
	}
}

/// The quorum for a feeder set of `feeders` members and the parameter `k` (`0`: ⌈2n/3⌉), never
/// below a strict majority ⌊n/2⌋ + 1 (at least 1).
pub fn quorum(k: u32, feeders: u32) -> u32 {
	let majority = (feeders / 2).saturating_add(1);
	let chosen = if k > 0 {
		k
	} else {
		feeders.saturating_mul(2).saturating_add(2).checked_div(3).unwrap_or(0)
	};
	chosen.max(majority)
}

/// Whether `value` may count for `key` at all: the right kind, and a price within its range.
pub fn admissible<B: PriceBounds>(key: &FeedKey, value: &FeedValue) -> bool {
	match (key, value) {
		(FeedKey::Price(c, _), FeedValue::Price(p)) => B::bounds(*c).contains(*p),
		(FeedKey::Production(..), FeedValue::Production { .. }) => true,
		_ => false,
	}
}

/// Which of `values` (one per feeder, unexpired, admissible) is the combined value under quorum
/// `k`: the index of a value reported identically by at least `k` feeders, or `None`.
pub fn combine(values: &[FeedValue], k: u32) -> Option<usize> {
	let n = u32::try_from(values.len()).unwrap_or(u32::MAX);
	if n == 0 || n < k {
		return None;
	}
	// The value reported by the most feeders (ties: the smallest, for determinism; with k above
	// half the feeder set a tie never reaches the quorum).
	let mut best: Option<(u32, usize)> = None;
	for (i, v) in values.iter().enumerate() {
		let count = u32::try_from(values.iter().filter(|w| *w == v).count()).unwrap_or(u32::MAX);
		let better = match best {
			None => true,
			Some((c, j)) => count > c || (count == c && Some(v) < values.get(j)),
		};
		if better {
			best = Some((count, i));
		}
	}
	best.filter(|(count, _)| *count >= k).map(|(_, i)| i)
}

/// The oracle's time.
type MomentOf<T> = <<T as pallet_oracle::Config>::Time as Time>::Moment;
/// A raw or combined value with its time.
type Timestamped<T> = TimestampedValue<FeedValue, MomentOf<T>>;

/// pallet-oracle's `CombineData` with the rules above; `K` is the quorum parameter, `ExpiresIn`
/// the raw values' validity, `T::PriceBounds` the price ranges.
pub struct QuorumCombine<T, K, ExpiresIn>(PhantomData<(T, K, ExpiresIn)>);

impl<T, K, ExpiresIn> CombineData<FeedKey, Timestamped<T>> for QuorumCombine<T, K, ExpiresIn>
where
	T: crate::Config,
	K: Get<u32>,
	ExpiresIn: Get<MomentOf<T>>,
{
	fn combine_data(
		key: &FeedKey,
		mut values: Vec<Timestamped<T>>,
		prev_value: Option<Timestamped<T>>,
	) -> Option<Timestamped<T>> {
		let now = <T as pallet_oracle::Config>::Time::now();
		let expires_in = ExpiresIn::get();
		values.retain(|x| {
			x.timestamp.saturating_add(expires_in) > now
				&& admissible::<T::PriceBounds>(key, &x.value)
		});
		let feeders = u32::try_from(T::Members::sorted_members().len()).unwrap_or(u32::MAX);
		let k = quorum(K::get(), feeders);
		let plain: Vec<FeedValue> = values.iter().map(|t| t.value).collect();
		match combine(&plain, k) {
			Some(i) => values.get(i).cloned().or(prev_value),
			None => prev_value,
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use tn_primitives::{feeds::Provenance, Day, Month};

	fn prod(volume: u64, updated: u32) -> FeedValue {
		FeedValue::Production {
			volume,
			provenance: Provenance { updated: Day(updated), file_hash: [1; 32] },
		}
	}
	fn p(x: i64) -> FeedValue {
		FeedValue::Price(x)
	}
	const PRICE: FeedKey = FeedKey::Price(Commodity::Oil, Day(20_000));

	#[test]
	fn quorum_is_two_thirds_of_the_feeders_by_default_and_never_below_a_majority() {
		assert_eq!([1, 2, 3, 4, 5, 6, 7, 32].map(|n| quorum(0, n)), [1, 2, 2, 3, 4, 4, 5, 22]);
		assert_eq!(quorum(0, 0), 1);
		assert_eq!(quorum(3, 32), 17);
		// MinimumFeeders = 1 or 2 on a set of 4 still needs 3 (M6: a parameter cannot make a
		// minority decide).
		assert_eq!([quorum(1, 4), quorum(2, 4), quorum(3, 4), quorum(4, 4)], [3, 3, 3, 4]);
		assert_eq!(quorum(1, 5), 3);
		assert_eq!(quorum(40, 32), 40);
	}

	#[test]
	fn two_colluders_of_four_cannot_set_an_official_figure() {
		// n = 4, k = 3: the honest figure 1,000 (2 feeders) against 2 colluders' 5,000.
		let k = quorum(0, 4);
		assert_eq!(
			combine(&[prod(1_000, 1), prod(5_000, 1), prod(5_000, 1), prod(1_000, 1)], k),
			None
		);
		assert_eq!(
			combine(&[prod(1_000, 1), prod(1_000, 1), prod(1_000, 1), prod(5_000, 1)], k),
			Some(0)
		);
	}

	#[test]
	fn two_colluders_of_four_cannot_set_a_price() {
		// The finding: a median of [70, 70, 7000, 7000] took the upper middle, $7,000.
		let k = quorum(0, 4);
		assert_eq!(combine(&[p(70), p(70), p(7_000), p(7_000)], k), None);
		// The late honest feeder's report makes $70 the price; $7,000 can never reach 3.
		assert_eq!(combine(&[p(70), p(70), p(7_000), p(7_000), p(70)], k), Some(0));
		// Close but not identical values do not add up: EIA publishes one string.
		assert_eq!(combine(&[p(70_000_000), p(70_000_001), p(70_000_000)], 3), None);
		assert_eq!(combine(&[p(70_000_000), p(70_000_001), p(70_000_000)], 2), Some(0));
		assert_eq!(combine(&[], 1), None);
	}

	#[test]
	fn identical_means_the_same_volume_and_provenance() {
		let v = [prod(1_000, 1), prod(1_000, 2), prod(1_000, 1)];
		assert_eq!(combine(&v, 3), None);
		assert_eq!(combine(&v, 2), Some(0));
	}

	#[test]
	fn a_price_outside_its_range_never_counts() {
		let gas = FeedKey::Price(Commodity::Gas, Day(20_000));
		assert!(admissible::<()>(&PRICE, &p(-36_980_000)));
		assert!(admissible::<()>(&PRICE, &p(500_000_000)));
		assert!(!admissible::<()>(&PRICE, &p(500_000_001)));
		assert!(!admissible::<()>(&PRICE, &p(-100_000_001)));
		assert!(admissible::<()>(&gas, &p(100_000_000)));
		assert!(!admissible::<()>(&gas, &p(100_000_001)));
		assert!(!admissible::<()>(&PRICE, &prod(1, 1)));
		assert!(!admissible::<()>(&FeedKey::Production(0, Month { year: 2026, month: 1 }), &p(1)));
	}
}
