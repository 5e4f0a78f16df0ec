//! Benchmarks (frame-benchmarking v2) over the worst cases: `mint` with 31 uploaded days, the most
//! beneficiaries, a deviation above the major band, and a slash larger than the deposit (debt);
//! `settle` of a month minted in full whose official figure is then halved (every part burned
//! back, a new slash into debt).
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
use tn_primitives::{traits::WellLedger, Month, WellId};

/// Builds the state a worst-case mint needs; implemented by the runtime with the real pallets.
pub trait BenchmarkHelper<AccountId> {
	/// A producer whose deposit is smaller than the slash, an active well with `b` beneficiaries,
	/// 31 days uploaded for a past month, its prices, and an official figure 50 % below P.
	fn worst_case_month(b: u32) -> (AccountId, WellId, Month);
	/// Make `volume` the month's combined official figure (a new source file).
	fn amend_official(well: WellId, month: Month, volume: u64);
	/// Forget the month's official figure (it never came).
	fn remove_official(well: WellId, month: Month);
	/// Move the chain's clock to 00:00 UTC of `day`.
	fn set_today(day: tn_primitives::Day);
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
		let shares = (0..b)
			.map(|i| (100 + u64::from(i), sp_arithmetic::Perbill::from_percent(5)))
			.collect();
		let m = month(150_000, 1_000 * tn_primitives::ONE_TAT, Some(100_000), shares);
		(PRODUCER, WELL, m)
	}
	fn amend_official(well: WellId, m: Month, volume: u64) {
		crate::mock::amend(well, m, volume);
	}
	fn remove_official(well: WellId, m: Month) {
		let mut f = crate::mock::OfficialFigures::get();
		f.remove(&(well, m));
		crate::mock::OfficialFigures::set(f);
	}
	fn set_today(day: tn_primitives::Day) {
		crate::mock::set_today(day);
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

	#[benchmark]
	fn settle(b: Linear<0, { T::MaxBeneficiaries::get() }>) {
		let (who, well, month) = T::BenchmarkHelper::worst_case_month(b);
		let p = {
			let preview = Pallet::<T>::do_preview(well, month).expect("mintable");
			preview.producer_volume
		};
		T::BenchmarkHelper::amend_official(well, month, p);
		Pallet::<T>::do_mint(who.clone(), well, month).expect("minted");
		T::BenchmarkHelper::amend_official(well, month, p / 2);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), well, month);
		let record = AuditRecords::<T>::get(well, month).expect("audited");
		assert_eq!(record.official_volume, p / 2);
		assert!(record.settlement.is_some_and(|s| s.burned > 0));
	}

	/// The owner's mint by anyone, once overdue: the same worst case as `mint`.
	#[benchmark]
	fn audit_overdue(b: Linear<0, { T::MaxBeneficiaries::get() }>) {
		let (_, well, month) = T::BenchmarkHelper::worst_case_month(b);
		T::BenchmarkHelper::set_today(month.last_day().plus(T::AuditOverdueDays::get()));
		let keeper: T::AccountId = account("keeper", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(keeper), well, month);
		let record = AuditRecords::<T>::get(well, month).expect("audited");
		assert_eq!(record.beneficiaries.len() as u32, b);
		assert!(record.outcome.slash > 0);
	}

	/// A month of 31 uploaded days with prices and no official figure, past the horizon: valued
	/// in full before it is found not auditable.
	#[benchmark]
	fn lapse_month() {
		let b = T::MaxBeneficiaries::get();
		let (_, well, month) = T::BenchmarkHelper::worst_case_month(b);
		T::BenchmarkHelper::remove_official(well, month);
		let leaves =
			tn_primitives::horizon::leaves_horizon(month, T::AmendmentHorizonMonths::get());
		T::BenchmarkHelper::set_today(leaves);
		let keeper: T::AccountId = account("keeper", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(keeper), well, month);
		assert!(AuditRecords::<T>::get(well, month).is_none());
		assert_eq!(T::Wells::closed(well, month), Some(false));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
