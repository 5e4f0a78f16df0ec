//! How the feeders' raw values become one value: pallet-oracle's pluggable `CombineData`.
//!
//! Official production and EIA prices are deterministic public data: every honest feeder reads
//! the same file. So a few colluding feeders must not be able to move them:
//!
//! - **Official production**: a figure counts only when at least `k` feeders report the
//!   **identical** value (volume and provenance); a median would let 2 of 3 colluders choose it.
//! - **Prices**: the median of at least `k` feeders' values.
//!
//! `k` is a governance parameter ([`quorum`]): `0` means ⌈2n/3⌉ of the current feeder set (the
//! `production` preset's default), any other value is used as is. Without a quorum the previous
//! combined value stays (pallet-oracle's convention); raw values older than the oracle's expiry
//! do not count.

use alloc::vec::Vec;
use core::marker::PhantomData;
use frame_support::traits::{Get, SortedMembers, Time};
use pallet_oracle::{CombineData, TimestampedValue};
use sp_runtime::traits::Saturating;
use tn_primitives::feeds::{FeedKey, FeedValue};

/// The quorum for a feeder set of `feeders` members and the parameter `k` (`0`: ⌈2n/3⌉, at
/// least 1).
pub fn quorum(k: u32, feeders: u32) -> u32 {
	if k > 0 {
		return k;
	}
	feeders.saturating_mul(2).saturating_add(2).checked_div(3).unwrap_or(0).max(1)
}

/// Which of `values` (one per feeder, unexpired) is the combined value for `key` under quorum
/// `k`: its index, or `None` without a quorum.
pub fn combine(key: &FeedKey, values: &[FeedValue], k: u32) -> Option<usize> {
	let n = u32::try_from(values.len()).unwrap_or(u32::MAX);
	if n == 0 || n < k {
		return None;
	}
	match key {
		FeedKey::Price(..) => {
			let mut order: Vec<usize> = (0..values.len()).collect();
			order.sort_by(|&a, &b| values.get(a).cmp(&values.get(b)));
			order.get(values.len() / 2).copied()
		},
		FeedKey::Production(..) => {
			// The value reported by the most feeders (ties: the smallest, for determinism).
			let mut best: Option<(u32, usize)> = None;
			for (i, v) in values.iter().enumerate() {
				let count = values.iter().filter(|w| *w == v).count() as u32;
				let better = match best {
					None => true,
					Some((c, j)) => count > c || (count == c && Some(v) < values.get(j)),
				};
				if better {
					best = Some((count, i));
				}
			}
			best.filter(|(count, _)| *count >= k).map(|(_, i)| i)
		},
	}
}

/// The oracle's time.
type MomentOf<T> = <<T as pallet_oracle::Config>::Time as Time>::Moment;
/// A raw or combined value with its time.
type Timestamped<T> = TimestampedValue<FeedValue, MomentOf<T>>;

/// pallet-oracle's `CombineData` with the rules above; `K` is the quorum parameter, `ExpiresIn`
/// the raw values' validity.
pub struct QuorumCombine<T, K, ExpiresIn>(PhantomData<(T, K, ExpiresIn)>);

impl<T, K, ExpiresIn> CombineData<FeedKey, Timestamped<T>> for QuorumCombine<T, K, ExpiresIn>
where
	T: pallet_oracle::Config<OracleKey = FeedKey, OracleValue = FeedValue>,
	K: Get<u32>,
	ExpiresIn: Get<MomentOf<T>>,
{
	fn combine_data(
		key: &FeedKey,
		mut values: Vec<Timestamped<T>>,
		prev_value: Option<Timestamped<T>>,
	) -> Option<Timestamped<T>> {
		let now = T::Time::now();
		let expires_in = ExpiresIn::get();
		values.retain(|x| x.timestamp.saturating_add(expires_in) > now);
		let feeders = u32::try_from(T::Members::sorted_members().len()).unwrap_or(u32::MAX);
		let k = quorum(K::get(), feeders);
		let plain: Vec<FeedValue> = values.iter().map(|t| t.value).collect();
		match combine(key, &plain, k) {
			Some(i) => values.get(i).cloned().or(prev_value),
			None => prev_value,
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use tn_primitives::{feeds::Provenance, Commodity, Day, Month};

	fn prod(volume: u64, updated: u32) -> FeedValue {
		FeedValue::Production {
			volume,
			provenance: Provenance { updated: Day(updated), file_hash: [1; 32] },
		}
	}
	const P: FeedKey = FeedKey::Production(0, Month { year: 2026, month: 1 });
	const PRICE: FeedKey = FeedKey::Price(Commodity::Oil, Day(20_000));

	#[test]
	fn quorum_is_two_thirds_of_the_feeders_by_default() {
		assert_eq!([1, 2, 3, 4, 5, 6, 7, 32].map(|n| quorum(0, n)), [1, 2, 2, 3, 4, 4, 5, 22]);
		assert_eq!(quorum(0, 0), 1);
		assert_eq!(quorum(3, 32), 3);
	}

	#[test]
	fn two_colluders_of_three_cannot_set_an_official_figure_alone() {
		// n = 4, k = 3: the honest figure 1,000 (2 feeders) against 2 colluders' 5,000.
		let k = quorum(0, 4);
		assert_eq!(
			combine(&P, &[prod(1_000, 1), prod(5_000, 1), prod(5_000, 1), prod(1_000, 1)], k),
			None
		);
		// A median would have taken 5,000 with 3 reports of which 2 collude.
		assert_eq!(combine(&P, &[prod(1_000, 1), prod(5_000, 1), prod(5_000, 1)], 2), Some(1));
		// With the default quorum of a 3-feeder set (2), 2 colluders still decide: the quorum
		// must be set above the colluding minority — that is why n ≥ 4 in production.
		assert_eq!(
			combine(&P, &[prod(1_000, 1), prod(1_000, 1), prod(1_000, 1), prod(5_000, 1)], k),
			Some(0)
		);
	}

	#[test]
	fn identical_means_the_same_volume_and_provenance() {
		let v = [prod(1_000, 1), prod(1_000, 2), prod(1_000, 1)];
		assert_eq!(combine(&P, &v, 3), None);
		assert_eq!(combine(&P, &v, 2), Some(0));
	}

	#[test]
	fn prices_take_the_median_of_at_least_k() {
		let p = |x| FeedValue::Price(x);
		// 10 ≤ 70 ≤ 71: the median is the first value (70).
		assert_eq!(combine(&PRICE, &[p(70), p(10), p(71)], 3), Some(0));
		assert_eq!(combine(&PRICE, &[p(70), p(10), p(71), p(90)], 3), Some(2));
		assert_eq!(combine(&PRICE, &[p(70), p(10)], 3), None);
		assert_eq!(combine(&PRICE, &[], 1), None);
	}
}
