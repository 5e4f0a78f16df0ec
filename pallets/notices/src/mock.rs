//! Test runtime for the notices pallet.

use crate as pallet_notices;
use frame_support::derive_impl;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Timestamp: pallet_timestamp,
		Notices: pallet_notices,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

#[derive_impl(pallet_timestamp::config_preludes::TestDefaultConfig)]
impl pallet_timestamp::Config for Test {}

#[derive_impl(pallet_notices::config_preludes::TestDefaultConfig)]
impl pallet_notices::Config for Test {
	type UnixTime = Timestamp;
}

/// 2026-01-01T00:00:00Z, day 20454.
pub const START_MS: u64 = 1_767_225_600_000;

pub fn new_test_ext() -> sp_io::TestExternalities {
	let t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| {
		System::set_block_number(1);
		Timestamp::set_timestamp(START_MS);
	});
	ext
}
