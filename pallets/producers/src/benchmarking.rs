//! Benchmarks of the producers pallet (frame-benchmarking v2), each over its worst case.
// Benchmarks set up state with test-style code (unwrap, indexing); they never run on chain.
#![allow(
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing,
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::panic
)]

use super::*;
use crate::Pallet as Producers;
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible::Mutate, EnsureOrigin, Get};
use frame_system::RawOrigin;
use sp_runtime::traits::{Bounded, Saturating, StaticLookup, Zero};
use tn_primitives::{traits::DepositSlasher, Commitment, Day, ONE_TAT};

/// What the runtime must provide for the benchmarks.
pub trait BenchmarkHelper {
	/// An asset class that accepts applications.
	fn asset_class() -> AssetClassId;
	/// Make `who` a KYC verifier (e.g. add it to the verifier membership).
	fn add_verifier<AccountId>(who: &AccountId) {
		let _ = who;
	}
}
impl BenchmarkHelper for () {
	fn asset_class() -> AssetClassId {
		0
	}
}

const KYB: [u8; 32] = [1; 32];
const KYC: [u8; 32] = [2; 32];

/// The most operator codes a KYB approval records, each of the longest length (the worst case
/// of the checks).
fn operators() -> tn_primitives::OperatorCodes {
	let codes: alloc::vec::Vec<tn_primitives::OperatorCode> = (0
		..tn_primitives::regulator::MAX_OPERATOR_CODES)
		.map(|i| {
			let mut code = alloc::vec![b'A'; tn_primitives::regulator::MAX_OPERATOR_CODE as usize];
			code[0] = b'0' + i as u8;
			code.try_into().unwrap()
		})
		.collect();
	codes.try_into().unwrap()
}

fn funded<T: Config>(name: &'static str, i: u32) -> T::AccountId {
	let who: T::AccountId = account(name, i, 0);
	// Enough for every deposit of these benchmarks, for up to 2¹⁰ funded accounts without
	// overflowing the total issuance (the runtime's genesis already holds some).
	let amount = BalanceOf::<T>::max_value() / 4096u32.into();
	T::Currency::set_balance(&who, amount);
	who
}

fn verifier<T: Config>() -> (T::RuntimeOrigin, T::AccountId) {
	let origin = T::VerifierOrigin::try_successful_origin().expect("verifier origin");
	let who = T::VerifierOrigin::ensure_origin(origin.clone()).expect("verifier account");
	(origin, who)
}

/// The approvals of `who`'s KYB `kyb` that other verifiers give before the last one: all but
/// one of the `KybApprovals` the chain needs (the tally the last approval reads and deletes).
fn approvals_before_the_last<T: Config>(
	who: &T::AccountId,
	kyb: Commitment,
	codes: &tn_primitives::OperatorCodes,
) {
	let needed = tn_primitives::commitment::approvals_needed(T::KybApprovals::get());
	for i in 1..needed {
		let v: T::AccountId = account("other verifier", i, 0);
		Producers::<T>::do_judge_kyb(v, who.clone(), kyb, true, codes.clone()).expect("approval");
	}
}

fn producer_with<T: Config>(
	name: &'static str,
	kyb: Commitment,
	codes: tn_primitives::OperatorCodes,
) -> T::AccountId {
	let who = funded::<T>(name, 0);
	let class = T::BenchmarkHelper::asset_class();
	Producers::<T>::do_apply(who.clone(), class, kyb).expect("apply");
	let (_, v) = verifier::<T>();
	approvals_before_the_last::<T>(&who, kyb, &codes);
	Producers::<T>::do_judge_kyb(v.clone(), who.clone(), kyb, true, codes).expect("kyb");
	Producers::<T>::do_submit_kyc(who.clone(), KYC).expect("kyc");
	Producers::<T>::do_judge_kyc(v, who.clone(), KYC, true).expect("admit");
	who
}

fn producer<T: Config>(name: &'static str) -> T::AccountId {
	producer_with::<T>(name, KYB, operators())
}

fn reason() -> Reason {
	Reason::truncate_from(alloc::vec![b'x'; 128])
}

#[benchmarks]
mod benches {
	use super::*;

	#[benchmark]
	fn apply() {
		let who = funded::<T>("applicant", 0);
		let class = T::BenchmarkHelper::asset_class();
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), class, KYB);
		assert!(Applications::<T>::contains_key(&who));
	}

	#[benchmark]
	fn submit_kyb() {
		let who = funded::<T>("applicant", 0);
		Producers::<T>::do_apply(who.clone(), T::BenchmarkHelper::asset_class(), KYB).unwrap();
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), [9; 32]);
		assert_eq!(
			Applications::<T>::get(&who).unwrap().stage,
			Stage::AwaitingKybJudgement { kyb: [9; 32] }
		);
	}

	// Worst case: the last approval the threshold needs (it reads the tally, checks the codes
	// against it and records them).
	#[benchmark]
	fn judge_kyb() {
		let who = funded::<T>("applicant", 0);
		Producers::<T>::do_apply(who.clone(), T::BenchmarkHelper::asset_class(), KYB).unwrap();
		approvals_before_the_last::<T>(&who, KYB, &operators());
		let (origin, _) = verifier::<T>();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, T::Lookup::unlookup(who.clone()), KYB, true, operators());
		assert_eq!(Applications::<T>::get(&who).unwrap().stage, Stage::AwaitingKyc { kyb: KYB });
		assert_eq!(crate::OperatorsOf::<T>::get(&who), Some(operators()));
	}

	#[benchmark]
	fn submit_kyc() {
		let who = funded::<T>("applicant", 0);
		Producers::<T>::do_apply(who.clone(), T::BenchmarkHelper::asset_class(), KYB).unwrap();
		let (_, v) = verifier::<T>();
		approvals_before_the_last::<T>(&who, KYB, &operators());
		Producers::<T>::do_judge_kyb(v, who.clone(), KYB, true, operators()).unwrap();
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), KYC);
		assert!(matches!(
			Applications::<T>::get(&who).unwrap().stage,
			Stage::AwaitingKycJudgement { .. }
		));
	}

	#[benchmark]
	fn judge_kyc() {
		let who = funded::<T>("applicant", 0);
		Producers::<T>::do_apply(who.clone(), T::BenchmarkHelper::asset_class(), KYB).unwrap();
		let (origin, v) = verifier::<T>();
		approvals_before_the_last::<T>(&who, KYB, &operators());
		Producers::<T>::do_judge_kyb(v, who.clone(), KYB, true, operators()).unwrap();
		Producers::<T>::do_submit_kyc(who.clone(), KYC).unwrap();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, T::Lookup::unlookup(who.clone()), KYC, true);
		assert!(crate::ProducerRecords::<T>::contains_key(&who));
	}

	#[benchmark]
	fn cancel_application() {
		let who = funded::<T>("applicant", 0);
		Producers::<T>::do_apply(who.clone(), T::BenchmarkHelper::asset_class(), KYB).unwrap();
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));
		assert!(!Applications::<T>::contains_key(&who));
	}

	// Worst case: the producer has debt, so the deposit both repays and holds.
	#[benchmark]
	fn deposit() {
		let who = producer::<T>("producer");
		let _ = Producers::<T>::slash_usd(&who, ONE_TAT);
		let debt = crate::ProducerRecords::<T>::get(&who).unwrap().debt;
		let amount = debt.saturating_add(T::NativeUnit::get());
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), amount);
		let p = crate::ProducerRecords::<T>::get(&who).unwrap();
		assert!(p.debt.is_zero() && p.deposit == T::NativeUnit::get());
	}

	#[benchmark]
	fn withdraw() {
		let who = producer::<T>("producer");
		let amount = T::NativeUnit::get().saturating_mul(10u32.into());
		Producers::<T>::do_deposit(who.clone(), amount).unwrap();
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), T::NativeUnit::get());
		assert_eq!(
			crate::ProducerRecords::<T>::get(&who).unwrap().deposit,
			amount.saturating_sub(T::NativeUnit::get())
		);
	}

	#[benchmark]
	fn claim_unbonded() {
		let who = producer::<T>("producer");
		let amount = T::NativeUnit::get().saturating_mul(10u32.into());
		Producers::<T>::do_deposit(who.clone(), amount).unwrap();
		Producers::<T>::do_withdraw(who.clone(), T::NativeUnit::get()).unwrap();
		if let Some(mut u) = crate::UnbondingOf::<T>::get(&who) {
			u.unlocks = tn_primitives::Day(0);
			crate::UnbondingOf::<T>::insert(&who, u);
		}
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));
		assert!(crate::UnbondingOf::<T>::get(&who).is_none());
	}

	#[benchmark]
	fn suspend() {
		let who = producer::<T>("producer");
		let origin = T::GovernanceOrigin::try_successful_origin().expect("governance origin");
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, T::Lookup::unlookup(who.clone()), reason());
		assert!(matches!(
			crate::ProducerRecords::<T>::get(&who).unwrap().status,
			ProducerStatus::Suspended { .. }
		));
	}

	#[benchmark]
	fn reinstate() {
		let who = producer::<T>("producer");
		Producers::<T>::do_suspend(who.clone(), reason()).unwrap();
		let origin = T::GovernanceOrigin::try_successful_origin().expect("governance origin");
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, T::Lookup::unlookup(who.clone()));
		assert_eq!(crate::ProducerRecords::<T>::get(&who).unwrap().status, ProducerStatus::Active);
	}

	#[benchmark]
	fn revoke() {
		let who = producer::<T>("producer");
		let origin = T::GovernanceOrigin::try_successful_origin().expect("governance origin");
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, T::Lookup::unlookup(who.clone()), reason());
		assert!(matches!(
			crate::ProducerRecords::<T>::get(&who).unwrap().status,
			ProducerStatus::Revoked { .. }
		));
	}

	// The holder has no wells (the scan of its wells is charged by the call, per witness).
	#[benchmark]
	fn free_operator() {
		let who = producer::<T>("producer");
		let code = operators()[0].clone();
		let origin = T::GovernanceOrigin::try_successful_origin().expect("governance origin");
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, code.clone(), 0);
		assert!(!crate::OperatorOwners::<T>::contains_key(&code));
		assert_eq!(crate::OperatorsOf::<T>::get(&who).unwrap().len(), operators().len() - 1);
	}

	#[benchmark]
	fn reassign_operator() {
		let from = producer::<T>("producer");
		let zz: tn_primitives::OperatorCode = b"ZZ".to_vec().try_into().unwrap();
		let codes: tn_primitives::OperatorCodes = alloc::vec![zz].try_into().unwrap();
		let to = producer_with::<T>("successor", [7; 32], codes);
		let code = operators()[0].clone();
		let origin = T::GovernanceOrigin::try_successful_origin().expect("governance origin");
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, code.clone(), T::Lookup::unlookup(to.clone()), 0);
		assert_eq!(crate::OperatorOwners::<T>::get(&code), Some(to));
		assert_eq!(crate::OperatorsOf::<T>::get(&from).unwrap().len(), operators().len() - 1);
	}

	/// `n` applications expire in one block.
	#[benchmark]
	fn expire_applications(n: Linear<0, { T::MaxExpiriesPerBlock::get() }>) {
		let class = T::BenchmarkHelper::asset_class();
		for i in 0..n {
			let who = funded::<T>("applicant", i);
			Producers::<T>::do_apply(who, class, KYB).unwrap();
		}
		// Run the queue on the day they all expire.
		let due: Day = ExpiryQueue::<T>::iter_keys().map(|(d, _)| d).max().unwrap_or_default();
		ExpiryCursor::<T>::put(due);
		#[block]
		{
			Producers::<T>::expire_due(due);
		}
		assert_eq!(Applications::<T>::iter().count(), 0);
	}

	impl_benchmark_test_suite!(Producers, crate::mock::new_bench_ext(), crate::mock::Test);
}
