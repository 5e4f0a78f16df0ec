//! Benchmark of `mint` (frame-benchmarking v2) over its worst case: 31 uploaded days, the most
//! beneficiaries, a deviation above the major band, and a slash larger than the deposit (debt).
// Benchmarks set up state with test-style code (unwrap, indexing); they never run on chain.
#![allow(
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing,
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::panic
)]

use super::*;

use frame_benchmarking::v2::*;
use frame_support::traits::Get;
use frame_system::RawOrigin;
use tn_primitives::{Month, WellId};

/// Builds the state a worst-case mint needs; implemented by the runtime with the real pallets.
pub trait BenchmarkHelper<AccountId> {
	/// A producer whose deposit is smaller than the slash, an active well with `b` beneficiaries,
	/// 31 days uploaded for a past month, its prices, and an official figure 50 % below P.
	fn worst_case_month(b: u32) -> (AccountId, WellId, Month);
}

/// The mock's helper.
#[cfg(test)]
pub struct MockHelper;
#[cfg(test)]
impl BenchmarkHelper<u64> for MockHelper {
	fn worst_case_month(b: u32) -> (u64, WellId, Month) {
		use crate::mock::*;
		// Mock state lives outside storage: start each run afresh.
		Closed::set(Default::default());
		producer(PRODUCER, 1);
		let shares = (0..b).map(|i| (100 + u64::from(i), sp_arithmetic::Perbill::from_percent(5))).collect();
		let m = month(150_000, 1_000 * tn_primitives::ONE_TAT, Some(100_000), shares);
		(PRODUCER, WELL, m)
	}
}

#[benchmarks]
mod benches {
	use super::*;

	#[benchmark]
	fn mint(b: Linear<0, { T::MaxBeneficiaries::get() }>) {
		let (who, well, month) = T::BenchmarkHelper::worst_case_month(b);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), well, month);
		let record = AuditRecords::<T>::get(well, month).expect("audited");
		assert_eq!(record.beneficiaries.len() as u32, b);
		assert!(record.outcome.slash > 0);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
