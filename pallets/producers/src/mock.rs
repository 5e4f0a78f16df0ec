//! Test runtime for the producers pallet.

use crate as pallet_producers;
use frame_support::{
	derive_impl, parameter_types,
	traits::{fungible::Credit, ConstU128, Contains, OnUnbalanced},
};
use frame_system::EnsureSignedBy;
use sp_arithmetic::FixedU128;
use sp_runtime::BuildStorage;
use tn_primitives::traits::ActiveWellCount;

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type Balance = u128;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Timestamp: pallet_timestamp,
		Balances: pallet_balances,
		Producers: pallet_producers,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type AccountStore = System;
	type ExistentialDeposit = ConstU128<1>;
	type RuntimeHoldReason = RuntimeHoldReason;
}

#[derive_impl(pallet_timestamp::config_preludes::TestDefaultConfig)]
impl pallet_timestamp::Config for Test {}

/// 1 UNIT in the mock: 10¹² base units, as on the real chain.
pub const UNIT: Balance = 1_000_000_000_000;
pub const DAY_MS: u64 = 86_400_000;
/// 2026-01-01T00:00:00Z.
pub const START_MS: u64 = 1_767_225_600_000;
pub const VERIFIER: AccountId = 10;
/// Two more KYC verifiers (KYB with a threshold of 2 or 3).
pub const VERIFIER2: AccountId = 11;
pub const VERIFIER3: AccountId = 12;
pub const FOUNDATION: AccountId = 99;
pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CLASS: u32 = 0;
pub const APP_DEPOSIT: Balance = 5 * UNIT;

/// The KYC-verifier set.
pub struct Verifiers;
impl frame_support::traits::SortedMembers<AccountId> for Verifiers {
	fn sorted_members() -> Vec<AccountId> {
		vec![VERIFIER, VERIFIER2, VERIFIER3]
	}
}

parameter_types! {
	pub const FoundationAccount: AccountId = FOUNDATION;
	pub static ExpiryDays: u32 = 30;
	pub static MinPerWell: Balance = 0;
	pub static Unbond: u32 = 0;
	pub static OpenMonthsOf: u32 = 0;
	pub static ActiveWells: u32 = 0;
	pub static Rate: FixedU128 = FixedU128::from_u32(1);
	/// `KybApprovals` (the `production` preset's is 2).
	pub static KybThreshold: u32 = 1;
	/// Wells the holder of an operator code has registered (any status) …
	pub static HolderWells: u32 = 0;
	/// … and how many of them (not removed or rejected) carry the code.
	pub static WellsUsingCode: u32 = 0;
}

pub struct Classes;
impl Contains<u32> for Classes {
	fn contains(c: &u32) -> bool {
		*c == CLASS
	}
}

pub struct Wells;
impl ActiveWellCount<AccountId> for Wells {
	fn active_wells(_: &AccountId) -> u32 {
		ActiveWells::get()
	}
	fn open_months(_: &AccountId) -> u32 {
		OpenMonthsOf::get()
	}
	fn wells_with_operator(_: &AccountId, _: &[u8], scan: u32) -> Option<u32> {
		(HolderWells::get() <= scan).then(WellsUsingCode::get)
	}
}

/// Slashes and repayments go to the Foundation account.
pub struct ToFoundation;
impl OnUnbalanced<Credit<AccountId, Balances>> for ToFoundation {
	fn on_nonzero_unbalanced(credit: Credit<AccountId, Balances>) {
		use frame_support::traits::fungible::Balanced;
		let _ = Balances::resolve(&FOUNDATION, credit);
	}
}

#[derive_impl(pallet_producers::config_preludes::TestDefaultConfig)]
impl pallet_producers::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Slashed = ToFoundation;
	type SlashedAccount = FoundationAccount;
	type VerifierOrigin = EnsureSignedBy<Verifiers, AccountId>;
	type GovernanceOrigin = frame_system::EnsureRoot<AccountId>;
	type UnixTime = Timestamp;
	type AssetClasses = Classes;
	type Wells = Wells;
	type ApplicationDeposit = ConstU128<APP_DEPOSIT>;
	type ApplicationExpiryDays = ExpiryDays;
	type MinDepositPerWell = MinPerWell;
	type UnbondingDays = Unbond;
	type UnitsPerUsd = Rate;
	type KybApprovals = KybThreshold;
	type AmendmentHorizonMonths = frame_support::traits::ConstU32<12>;
	type NativeUnit = ConstU128<UNIT>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

/// The benchmarks' chain: deposits unbond for 28 days, as in the runtime (`claim_unbonded` needs
/// an unbonding deposit).
#[cfg(feature = "runtime-benchmarks")]
pub fn new_bench_ext() -> sp_io::TestExternalities {
	Unbond::set(28);
	// The worst case of `judge_kyb`: the last of two approvals.
	KybThreshold::set(2);
	new_test_ext()
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![
			(ALICE, 1_000 * UNIT),
			(BOB, 1_000 * UNIT),
			(3, 1_000 * UNIT),
			(4, 1_000 * UNIT),
			(VERIFIER, 1_000 * UNIT),
			(FOUNDATION, UNIT),
		],
		..Default::default()
	}
	.assimilate_storage(&mut t)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| {
		System::set_block_number(1);
		pallet_timestamp::Now::<Test>::put(START_MS);
	});
	ext
}

/// Run `f` in a fresh externality and check the pallet's invariants afterwards.
pub fn test<R>(f: impl FnOnce() -> R) -> R {
	new_test_ext().execute_with(|| {
		let r = f();
		Producers::do_try_state().expect("invariants hold");
		r
	})
}

/// Advance `days` days, one block per day (and one more block when `days` is 0), running the
/// pallet's hook in each block as the chain would.
pub fn advance_days(days: u64) {
	use frame_support::traits::Hooks;
	for _ in 0..days.max(1) {
		let now = pallet_timestamp::Now::<Test>::get();
		pallet_timestamp::Now::<Test>::put(now + if days == 0 { 0 } else { DAY_MS });
		let n = System::block_number() + 1;
		System::set_block_number(n);
		Producers::on_initialize(n);
	}
}
