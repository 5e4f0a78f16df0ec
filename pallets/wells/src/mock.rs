//! Test runtime for the wells pallet.

use crate as pallet_wells;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU128, SortedMembers},
};
use sp_runtime::{BuildStorage, DispatchError, DispatchResult};
use std::collections::BTreeMap;
use tn_primitives::{
	traits::{PriceFeed, ProducerRegistry},
	Commodity, Day, DiscountRules,
};

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type Balance = u128;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Timestamp: pallet_timestamp,
		Balances: pallet_balances,
		Wells: pallet_wells,
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

pub const DAY_MS: u64 = 86_400_000;
/// 2026-01-01T00:00:00Z (day 20_454).
pub const START_MS: u64 = 1_767_225_600_000;
pub const PRODUCER: AccountId = 1;
pub const OTHER_PRODUCER: AccountId = 2;
pub const MANAGER: AccountId = 10;
pub const STRANGER: AccountId = 20;
pub const PROPOSAL_DEPOSIT: Balance = 50;
pub const WELL_DEPOSIT: Balance = 20;

parameter_types! {
	pub static Producers: Vec<AccountId> = vec![PRODUCER, OTHER_PRODUCER];
	/// Asset class each producer was admitted for (absent: class 0).
	pub static AdmittedClasses: std::collections::BTreeMap<AccountId, u32> = Default::default();
	pub static Suspended: Vec<AccountId> = vec![];
	/// (producer, operator code) pairs whose KYB approval does not record the code (all other
	/// pairs of admitted producers do).
	pub static NotOperated: Vec<(AccountId, Vec<u8>)> = vec![];
	pub static Prices: BTreeMap<(Commodity, Day), i64> = BTreeMap::new();
	pub static Rules: DiscountRules = DiscountRules::DEFAULT;
	pub static GasFactor: u32 = 36_585;
	pub static Validity: u32 = 365;
	pub static Managers: Vec<AccountId> = vec![MANAGER];
	pub static Notice: u32 = 360;
	/// `WellApprovals` (the `production` preset's is 2).
	pub static Passes: u32 = 1;
	/// The upload window: wide, as on the dev chain (tests of the window set it).
	pub static Window: tn_primitives::window::UploadWindow = tn_primitives::window::UploadWindow::WIDE;
}

pub struct MockProducers;
impl ProducerRegistry<AccountId> for MockProducers {
	fn ensure_active(who: &AccountId) -> DispatchResult {
		if Suspended::get().contains(who) {
			return Err(DispatchError::Other("ProducerSuspended"));
		}
		if Producers::get().contains(who) {
			Ok(())
		} else {
			Err(DispatchError::Other("NotProducer"))
		}
	}
	fn ensure_can_mint(who: &AccountId) -> DispatchResult {
		Self::ensure_active(who)
	}
	fn admitted_class(who: &AccountId) -> Option<u32> {
		Producers::get()
			.contains(who)
			.then(|| AdmittedClasses::get().get(who).copied().unwrap_or(0))
	}
	fn operates(who: &AccountId, operator: &[u8]) -> bool {
		Producers::get().contains(who) && !NotOperated::get().contains(&(*who, operator.to_vec()))
	}
}

pub struct MockPrices;
impl PriceFeed for MockPrices {
	fn price(commodity: Commodity, day: Day) -> Option<i64> {
		Prices::get().get(&(commodity, day)).copied()
	}
}

pub fn set_price(commodity: Commodity, day: Day, micro_usd: i64) {
	let mut p = Prices::get();
	p.insert((commodity, day), micro_usd);
	Prices::set(p);
}

pub struct Foundation;
impl SortedMembers<AccountId> for Foundation {
	fn sorted_members() -> Vec<AccountId> {
		let mut m = Managers::get();
		m.sort();
		m
	}
}

#[derive_impl(pallet_wells::config_preludes::TestDefaultConfig)]
impl pallet_wells::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Producers = MockProducers;
	type Prices = MockPrices;
	type FoundationMembers = Foundation;
	type GovernanceOrigin = frame_system::EnsureRoot<AccountId>;
	type UnixTime = Timestamp;
	type DiscountRules = Rules;
	type MmbtuPerE3m3Milli = GasFactor;
	type ReviewValidityDays = Validity;
	type ReviewNoticeDays = Notice;
	type WellApprovals = Passes;
	type UploadWindow = Window;
	type AmendmentHorizonMonths = frame_support::traits::ConstU32<12>;
	type ProposalDeposit = ConstU128<PROPOSAL_DEPOSIT>;
	type WellDeposit = ConstU128<WELL_DEPOSIT>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchHelper;
}

#[cfg(feature = "runtime-benchmarks")]
pub struct BenchHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::benchmarking::BenchmarkHelper<AccountId> for BenchHelper {
	fn make_producer(who: &AccountId) {
		let mut p = Producers::get();
		p.push(*who);
		Producers::set(p);
	}
	fn make_manager(who: &AccountId) {
		let mut m = Managers::get();
		m.push(*who);
		Managers::set(m);
	}
	fn set_today(day: Day) {
		pallet_timestamp::Now::<Test>::put(u64::from(day.0) * DAY_MS);
	}
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![
			(PRODUCER, 1_000),
			(OTHER_PRODUCER, 1_000),
			(STRANGER, 1_000),
			(MANAGER, 1_000),
			(11, 1_000),
		],
		..Default::default()
	}
	.assimilate_storage(&mut t)
	.unwrap();
	pallet_wells::GenesisConfig::<Test> {
		asset_classes: vec![(
			b"Canadian Petroleum Minerals".to_vec(),
			b"Alberta oil and gas".to_vec(),
			b"Petrinex".to_vec(),
			vec![tn_primitives::Commodity::Oil, tn_primitives::Commodity::Gas],
			tn_primitives::OfficialSource::Petrinex,
		)],
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

/// Run `f` in a fresh externality, then check the pallet's invariants.
pub fn test<R>(f: impl FnOnce() -> R) -> R {
	new_test_ext().execute_with(|| {
		let r = f();
		Wells::do_try_state().expect("invariants hold");
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
		Wells::on_initialize(n);
	}
}
