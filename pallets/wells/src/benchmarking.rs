//! Benchmarks of the wells pallet (frame-benchmarking v2), each over its worst case.
// Benchmarks set up state with test-style code (unwrap, indexing); they never run on chain.
#![allow(
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing,
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::panic
)]

use super::*;
use crate::Pallet as Wells;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible::Mutate, EnsureOrigin, Get};
use frame_system::RawOrigin;
use sp_arithmetic::Perbill;
use sp_runtime::traits::{Bounded, StaticLookup};
use tn_primitives::{Commodity, Day, FacilityCode, Month, OilQuality, OperatorCode, WellId};

/// What the runtime provides for these benchmarks.
pub trait BenchmarkHelper<AccountId> {
	/// Make `who` an active producer.
	fn make_producer(who: &AccountId);
	/// Make `who` a Foundation Manager.
	fn make_manager(who: &AccountId);
	/// Set the block timestamp to the start of `day`.
	fn set_today(day: Day);
}

const QUALITY: OilQuality = OilQuality { api_gravity_x100: 3_500, acidity_bp: 30 };

/// The longest operator code (its bytes are stored with the well).
fn op() -> OperatorCode {
	alloc::vec![b'A'; tn_primitives::regulator::MAX_OPERATOR_CODE as usize]
		.try_into()
		.unwrap()
}

/// The longest reporting facility code.
fn fac() -> FacilityCode {
	alloc::vec![b'F'; tn_primitives::regulator::MAX_FACILITY_CODE as usize]
		.try_into()
		.unwrap()
}
const JAN_2026: Month = Month { year: 2026, month: 1 };

fn producer<T: Config>() -> T::AccountId {
	let who: T::AccountId = account("producer", 0, 0);
	T::BenchmarkHelper::make_producer(&who);
	T::Currency::set_balance(&who, BalanceOf::<T>::max_value() / 4u32.into());
	who
}

fn manager<T: Config>() -> T::AccountId {
	let who: T::AccountId = account("manager", 0, 0);
	T::BenchmarkHelper::make_manager(&who);
	who
}

/// Both commodities (the longest list).
fn oil_and_gas() -> Commodities {
	Commodities::truncate_from(alloc::vec![Commodity::Oil, Commodity::Gas])
}

fn text() -> ShortText {
	ShortText::truncate_from(alloc::vec![b'x'; 128])
}

/// An oil well submitted by `who` (id returned), in review.
fn submitted<T: Config>(who: &T::AccountId, id: u8) -> WellId {
	let well = NextWellId::<T>::get();
	Wells::<T>::do_submit_well(
		who.clone(),
		0,
		Commodity::Oil,
		[id; 32],
		[1; 32],
		Some(QUALITY),
		(op(), fac()),
	)
	.unwrap();
	well
}

/// The passes other Foundation Managers give `well` (its review, or its annual review) before
/// the last one: all but one of the `WellApprovals` the chain needs (the tally the last pass
/// reads and deletes).
fn passes_before_the_last<T: Config>(well: WellId, annual: bool) {
	let needed = tn_primitives::commitment::approvals_needed(T::WellApprovals::get());
	for i in 1..needed {
		let m: T::AccountId = account("other manager", i, 0);
		T::BenchmarkHelper::make_manager(&m);
		if annual {
			Wells::<T>::do_judge_annual_review(m, well, true, text()).unwrap();
		} else {
			Wells::<T>::do_review_well(m, well, true, text()).unwrap();
		}
	}
}

/// An active oil well of `who`, activated on 2026-01-01.
fn active<T: Config>(who: &T::AccountId, id: u8) -> WellId {
	T::BenchmarkHelper::set_today(JAN_2026.first_day());
	let well = submitted::<T>(who, id);
	passes_before_the_last::<T>(well, false);
	Wells::<T>::do_review_well(manager::<T>(), well, true, text()).unwrap();
	well
}

fn max_beneficiaries<T: Config>(n: u32) -> BeneficiariesOf<T> {
	let share = Perbill::from_rational(1u32, n.max(1));
	let list: Vec<_> =
		(0..n).map(|i| (account::<T::AccountId>("beneficiary", i, 0), share)).collect();
	list.try_into().unwrap_or_default()
}

#[benchmarks]
mod benches {
	use super::*;

	#[benchmark]
	fn submit_well() {
		let who = producer::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(who), 0, Commodity::Oil, [7; 32], [1; 32], Some(QUALITY), op(), fac());
		assert!(WellByIdentifier::<T>::contains_key([7; 32]));
	}

	#[benchmark]
	fn edit_well() {
		let who = producer::<T>();
		let well = active::<T>(&who, 7);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), well, [2; 32], Some(QUALITY), op(), fac());
		assert_eq!(WellRegistry::<T>::get(well).unwrap().status, WellStatus::InReview);
	}

	// Worst case: the last pass the threshold needs (it reads and deletes the tally).
	#[benchmark]
	fn review_well() {
		let who = producer::<T>();
		let well = submitted::<T>(&who, 7);
		passes_before_the_last::<T>(well, false);
		let m = manager::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(m), well, true, text());
		assert_eq!(WellRegistry::<T>::get(well).unwrap().status, WellStatus::Active);
	}

	#[benchmark]
	fn set_beneficiaries(n: Linear<0, { T::MaxBeneficiaries::get() }>) {
		let who = producer::<T>();
		let well = active::<T>(&who, 7);
		let list = max_beneficiaries::<T>(n);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), well, list);
		assert_eq!(WellRegistry::<T>::get(well).unwrap().beneficiaries.len() as u32, n);
	}

	#[benchmark]
	fn set_beneficiary_share() {
		let who = producer::<T>();
		let well = active::<T>(&who, 7);
		let max = T::MaxBeneficiaries::get();
		let mut list = max_beneficiaries::<T>(max).into_inner();
		list.pop();
		Wells::<T>::do_set_beneficiaries(who.clone(), well, list.try_into().unwrap_or_default())
			.unwrap();
		let newcomer: T::AccountId = account("newcomer", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), well, T::Lookup::unlookup(newcomer), Perbill::from_parts(1));
		assert_eq!(WellRegistry::<T>::get(well).unwrap().beneficiaries.len() as u32, max);
	}

	#[benchmark]
	fn submit_annual_review() {
		let who = producer::<T>();
		let well = active::<T>(&who, 7);
		let due = JAN_2026.first_day().plus(T::ReviewNoticeDays::get());
		T::BenchmarkHelper::set_today(due);
		NoticeCursor::<T>::put(due);
		Wells::<T>::send_due_notices(due);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), well, [5; 32], Some(QUALITY));
		assert!(matches!(
			WellRegistry::<T>::get(well).unwrap().annual_review,
			AnnualReview::Submitted { .. }
		));
	}

	#[benchmark]
	fn judge_annual_review() {
		let who = producer::<T>();
		let well = active::<T>(&who, 7);
		let due = JAN_2026.first_day().plus(T::ReviewNoticeDays::get());
		T::BenchmarkHelper::set_today(due);
		NoticeCursor::<T>::put(due);
		Wells::<T>::send_due_notices(due);
		Wells::<T>::do_submit_annual_review(who, well, [5; 32], Some(QUALITY)).unwrap();
		passes_before_the_last::<T>(well, true);
		let m = manager::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(m), well, true, text());
		assert_eq!(WellRegistry::<T>::get(well).unwrap().annual_review, AnnualReview::NotDue);
	}

	#[benchmark]
	fn suspend_well() {
		let who = producer::<T>();
		let well = active::<T>(&who, 7);
		let origin = T::GovernanceOrigin::try_successful_origin().expect("governance origin");
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, well, text());
		assert!(matches!(
			WellRegistry::<T>::get(well).unwrap().status,
			WellStatus::Suspended { .. }
		));
	}

	#[benchmark]
	fn reinstate_well() {
		let who = producer::<T>();
		let well = active::<T>(&who, 7);
		Wells::<T>::do_suspend_well(well, text()).unwrap();
		let origin = T::GovernanceOrigin::try_successful_origin().expect("governance origin");
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, well);
		assert_eq!(WellRegistry::<T>::get(well).unwrap().status, WellStatus::InReview);
	}

	/// Worst case: governance removes an active well with an open month and a deposit.
	#[benchmark]
	fn remove_well() {
		let who = producer::<T>();
		let well = active::<T>(&who, 7);
		T::BenchmarkHelper::set_today(JAN_2026.first_day().plus(3));
		Wells::<T>::do_upload(who.clone(), &[(well, JAN_2026.first_day().plus(1), 1_000)]).unwrap();
		let origin = T::GovernanceOrigin::try_successful_origin().expect("governance origin");
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, well, text());
		assert!(matches!(WellRegistry::<T>::get(well).unwrap().status, WellStatus::Removed { .. }));
		assert_eq!(OpenMonths::<T>::get(&who), 0);
	}

	/// Worst case: an active well (deposit, beneficiaries) moves to another producer.
	#[benchmark]
	fn transfer_well() {
		let who = producer::<T>();
		let well = active::<T>(&who, 7);
		Wells::<T>::do_set_beneficiaries(
			who.clone(),
			well,
			max_beneficiaries::<T>(T::MaxBeneficiaries::get()),
		)
		.unwrap();
		let to: T::AccountId = account("producer", 1, 0);
		T::BenchmarkHelper::make_producer(&to);
		T::Currency::set_balance(&to, BalanceOf::<T>::max_value() / 4u32.into());
		let origin = T::GovernanceOrigin::try_successful_origin().expect("governance origin");
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, well, T::Lookup::unlookup(to.clone()), op());
		let w = WellRegistry::<T>::get(well).unwrap();
		assert_eq!((w.owner, w.status), (to, WellStatus::Active));
	}

	/// Worst case: `n` day records, each in its own (well, month), so every record reads and
	/// writes its own day record and its own month ledger (12 months per well inside the 365-day
	/// upload window: ≤ 209 wells for 2,500 records).
	#[benchmark]
	fn upload_batch(n: Linear<1, { T::MaxBatch::get() }>) {
		let who = producer::<T>();
		let wells: Vec<WellId> = (0..n.div_ceil(12))
			.map(|w| active::<T>(&who, 7u8.saturating_add(u8::try_from(w).unwrap_or(u8::MAX))))
			.collect();
		let month = |m: u32| {
			Month::new(2026, u8::try_from(m.saturating_add(1)).unwrap_or(1)).unwrap_or(JAN_2026)
		};
		let records: Vec<_> = (0..n)
			.map(|i| {
				(
					wells.get((i / 12) as usize).copied().unwrap_or_default(),
					month(i % 12).first_day(),
					1_000u64,
				)
			})
			.collect();
		// Today 2027-01-01: every month of 2026 is inside the window.
		T::BenchmarkHelper::set_today(JAN_2026.first_day().plus(365));
		let batch: BatchOf<T> = records.try_into().unwrap_or_default();
		#[extrinsic_call]
		_(RawOrigin::Signed(who), batch);
		assert!(DayRecords::<T>::contains_key(
			wells.first().copied().unwrap_or_default(),
			JAN_2026.first_day()
		));
	}

	#[benchmark]
	fn add_asset_class() {
		let origin = T::GovernanceOrigin::try_successful_origin().expect("governance origin");
		let description = LongText::truncate_from(alloc::vec![b'd'; 512]);
		#[extrinsic_call]
		_(
			origin as T::RuntimeOrigin,
			text(),
			description,
			Maintainer::Foundation,
			text(),
			AssetClassStatus::Live,
			oil_and_gas(),
			tn_primitives::OfficialSource::Petrinex,
		);
	}

	#[benchmark]
	fn propose_asset_class() {
		let who = producer::<T>();
		let description = LongText::truncate_from(alloc::vec![b'd'; 512]);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(who),
			text(),
			description,
			text(),
			oil_and_gas(),
			tn_primitives::OfficialSource::Petrinex,
		);
	}

	#[benchmark]
	fn set_asset_class_status() {
		let who = producer::<T>();
		let class = NextAssetClassId::<T>::get();
		Wells::<T>::do_propose_asset_class(
			who,
			text(),
			Default::default(),
			text(),
			(oil_and_gas(), tn_primitives::OfficialSource::Petrinex),
		)
		.unwrap();
		let origin = T::GovernanceOrigin::try_successful_origin().expect("governance origin");
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, class, AssetClassStatus::Live);
		assert_eq!(AssetClasses::<T>::get(class).unwrap().status, AssetClassStatus::Live);
	}

	/// `n` annual-review notices sent in one block.
	#[benchmark]
	fn send_notices(n: Linear<0, { T::MaxNoticesPerBlock::get() }>) {
		let who = producer::<T>();
		for i in 0..n {
			active::<T>(&who, (i % 250) as u8 + 1 + (i / 250) as u8);
		}
		let due = JAN_2026.first_day().plus(T::ReviewNoticeDays::get());
		NoticeCursor::<T>::put(due);
		#[block]
		{
			Wells::<T>::send_due_notices(due);
		}
	}

	/// `n` upload-window reminders sent in one block (each to an active well's owner, with the
	/// month's ledger read, and the next month's reminder queued).
	#[benchmark]
	fn send_reminders(n: Linear<0, { T::MaxNoticesPerBlock::get() }>) {
		let who = producer::<T>();
		for i in 0..n {
			active::<T>(&who, (i % 250) as u8 + 1 + (i / 250) as u8);
		}
		let due = tn_primitives::window::reminder_day(JAN_2026, &T::UploadWindow::get());
		ReminderCursor::<T>::put(due);
		#[block]
		{
			Wells::<T>::send_due_reminders(due);
		}
		assert_eq!(WindowReminders::<T>::iter_prefix(due).count(), 0);
	}

	impl_benchmark_test_suite!(Wells, crate::mock::new_test_ext(), crate::mock::Test);
}
