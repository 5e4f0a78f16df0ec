//! Helpers for runtime-level tests: the real runtime, built from the dev genesis preset, driven
//! block by block with every pallet's hooks.
#![allow(dead_code)]

use frame_support::{
	assert_noop, assert_ok,
	traits::{fungible::InspectHold, OnFinalize, OnInitialize},
};
use sp_arithmetic::Perbill;
use sp_keyring::Sr25519Keyring;
use tn_primitives::{
	feeds::{FeedKey, FeedValue, Provenance},
	Commodity, Day, Month, OilQuality,
};
use treasurenet_runtime::{
	genesis_config_presets::development_config_genesis, AccountId, AllPalletsWithSystem, Balances,
	Oracle, Producers, Runtime, RuntimeGenesisConfig, RuntimeHoldReason, RuntimeOrigin, System,
	Wells, UNIT,
};

pub const DAY_MS: u64 = 86_400_000;
pub const BLOCK_MS: u64 = 6_000;

pub fn alice() -> AccountId {
	Sr25519Keyring::Alice.to_account_id()
}
pub fn bob() -> AccountId {
	Sr25519Keyring::Bob.to_account_id()
}
pub fn charlie() -> AccountId {
	Sr25519Keyring::Charlie.to_account_id()
}
pub fn eve() -> AccountId {
	Sr25519Keyring::Eve.to_account_id()
}
pub fn ferdie() -> AccountId {
	Sr25519Keyring::Ferdie.to_account_id()
}
/// The operator code of the test wells (Petrinex `OperatorBAID` shape).
#[allow(dead_code)]
pub fn op() -> tn_primitives::OperatorCode {
	b"A1B2".to_vec().try_into().unwrap()
}

/// The operator code a KYB approval records for `who`: Eve's is [`op`]; others get four
/// upper-case hex digits of their account (distinct for the test accounts).
#[allow(dead_code)]
pub fn op_of(who: &AccountId) -> tn_primitives::OperatorCode {
	if *who == eve() {
		return op();
	}
	let bytes: &[u8] = who.as_ref();
	let code: String = bytes.iter().take(2).map(|b| format!("{b:02X}")).collect();
	code.into_bytes().try_into().unwrap()
}

/// The operator codes of `who`'s KYB approval (one: [`op_of`]).
#[allow(dead_code)]
pub fn ops_of(who: &AccountId) -> tn_primitives::OperatorCodes {
	vec![op_of(who)].try_into().unwrap()
}

/// The reporting facility of the test wells (Petrinex `ReportingFacilityID` shape).
#[allow(dead_code)]
pub fn fac() -> tn_primitives::FacilityCode {
	b"ABBT0012345".to_vec().try_into().unwrap()
}

pub fn signed(who: &AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.clone())
}

/// The dev chain's genesis state, at unix time `start_ms`.
pub fn dev_ext(start_ms: u64) -> sp_io::TestExternalities {
	// The preset is a patch over the default genesis config, as the chain spec builder applies it.
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).expect("json");
	merge(&mut config, development_config_genesis());
	let patch = serde_json::to_vec(&config).expect("json");
	let mut ext = sp_io::TestExternalities::new_empty();
	ext.execute_with(|| {
		frame_support::genesis_builder_helper::build_state::<RuntimeGenesisConfig>(patch)
			.expect("dev genesis builds");
	});
	ext.execute_with(|| {
		System::set_block_number(1);
		pallet_timestamp::Now::<Runtime>::put(start_ms);
	});
	ext
}

pub fn merge(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(b), serde_json::Value::Object(p)) => {
			for (k, v) in p {
				merge(b.entry(k).or_insert(serde_json::Value::Null), v);
			}
		},
		(b, p) => *b = p,
	}
}

/// Finish the current block and start the next, `ms` later.
pub fn next_block_after(ms: u64) {
	let n = System::block_number();
	// The timestamp inherent is not applied in these tests; the time is put directly.
	frame_support::storage::unhashed::put(
		&frame_support::storage::storage_prefix(b"Timestamp", b"DidUpdate"),
		&true,
	);
	AllPalletsWithSystem::on_finalize(n);
	let now = pallet_timestamp::Now::<Runtime>::get();
	pallet_timestamp::Now::<Runtime>::put(now + ms);
	System::set_block_number(n + 1);
	System::reset_events();
	AllPalletsWithSystem::on_initialize(n + 1);
}

/// Advance `n` blocks of 6 s.
pub fn run_blocks(n: u32) {
	for _ in 0..n {
		next_block_after(BLOCK_MS);
	}
}

/// Advance `days` days, one block per day.
pub fn run_days(days: u32) {
	for _ in 0..days {
		next_block_after(DAY_MS);
	}
}

/// Check every pallet's invariants (what `try_state` checks on a live chain).
pub fn check_invariants() {
	pallet_producers::Pallet::<Runtime>::do_try_state().expect("producers invariants");
	pallet_wells::Pallet::<Runtime>::do_try_state().expect("wells invariants");
	pallet_audit_mint::Pallet::<Runtime>::do_try_state().expect("audit invariants");
	pallet_notices::Pallet::<Runtime>::do_try_state().expect("notices invariants");
	// A producer whose held deposit is below the requirement cannot mint.
	for (who, p) in pallet_producers::ProducerRecords::<Runtime>::iter() {
		let required = pallet_producers::Pallet::<Runtime>::minimum_deposit(&who, &p.status);
		if p.deposit < required {
			assert!(
				<pallet_producers::Pallet<Runtime> as tn_primitives::traits::ProducerRegistry<_>>::ensure_can_mint(&who)
					.is_err(),
				"a producer below its deposit requirement could mint"
			);
		}
	}
	// Across pallets, the direction audit-mint's `try_state` cannot see (it checks that each
	// audit record's ledger is closed the right way): every audited ledger has its audit record
	// (a lapsed month has none: it was never audited).
	for (well, month, ledger) in pallet_wells::Ledgers::<Runtime>::iter() {
		if ledger.status.is_audited() {
			assert!(
				pallet_audit_mint::AuditRecords::<Runtime>::contains_key(well, month),
				"month {well}/{month:?} closed without an audit"
			);
		}
		if ledger.status == pallet_wells::MonthStatus::Lapsed {
			assert!(
				!pallet_audit_mint::AuditRecords::<Runtime>::contains_key(well, month),
				"month {well}/{month:?} lapsed with an audit record"
			);
		}
	}
	// Every audited month is settled: its record has the latest combined official figure, or
	// the amendment waits in the settlement queue.
	for (well, month, record) in pallet_audit_mint::AuditRecords::<Runtime>::iter() {
		let key = tn_primitives::feeds::FeedKey::Production(well, month);
		if let Some(v) = pallet_oracle::Values::<Runtime>::get(key) {
			if let tn_primitives::feeds::FeedValue::Production { volume, .. } = v.value {
				assert!(
					volume == record.official_volume
						|| pallet_audit_mint::Unsettled::<Runtime>::contains_key(well, month),
					"month {well}/{month:?} minted on {} L, official now {volume} L, not queued",
					record.official_volume
				);
			}
		}
	}
}

/// 2026-01-01T00:00:00Z.
pub const JAN_1_2026_MS: u64 = 1_767_225_600_000;
const KYB: [u8; 32] = [1; 32];
const KYC: [u8; 32] = [2; 32];
/// blake2-256 would be used by real clients; any 32 bytes work as a commitment here.
/// The identifier commitment of Eve's well.
#[allow(dead_code)]
pub const WELL_ID: [u8; 32] = [3; 32];

pub fn deposit_held(who: &treasurenet_runtime::AccountId) -> u128 {
	Balances::balance_on_hold(
		&RuntimeHoldReason::Producers(pallet_producers::HoldReason::ProducerDeposit),
		who,
	)
}

/// Eve: admitted producer with 100 UNIT deposit and an active oil well (90 % discount) whose
/// beneficiary Ferdie gets 20 %. Returns the well id.
pub fn onboard() -> u32 {
	let eve = eve();
	assert_ok!(Producers::apply(signed(&eve), 0, KYB));
	// Only Charlie (KYC verifier) judges.
	assert_noop!(
		Producers::judge_kyb(signed(&alice()), eve.clone().into(), KYB, true, ops_of(&eve)),
		sp_runtime::DispatchError::BadOrigin
	);
	assert_ok!(Producers::judge_kyb(
		signed(&charlie()),
		eve.clone().into(),
		KYB,
		true,
		ops_of(&eve)
	));
	assert_ok!(Producers::submit_kyc(signed(&eve), KYC));
	assert_ok!(Producers::judge_kyc(signed(&charlie()), eve.clone().into(), KYC, true));
	assert_ok!(Producers::deposit(signed(&eve), 100 * UNIT));
	assert_eq!(deposit_held(&eve), 100 * UNIT);

	let quality = OilQuality { api_gravity_x100: 3_500, acidity_bp: 30 };
	let id = pallet_wells::NextWellId::<treasurenet_runtime::Runtime>::get();
	assert_ok!(Wells::submit_well(
		signed(&eve),
		0,
		Commodity::Oil,
		WELL_ID,
		[4; 32],
		Some(quality),
		op(),
		fac()
	));
	// Alice is a Foundation Manager: she reviews.
	assert_ok!(Wells::review_well(signed(&alice()), id, true, Default::default()));
	let beneficiaries = vec![(ferdie(), Perbill::from_percent(20))].try_into().unwrap();
	assert_ok!(Wells::set_beneficiaries(signed(&eve), id, beneficiaries));
	id
}

/// Alice (the dev chain's feeder) feeds 30 WTI prices of $70 and the official volume.
pub fn feed_january(well: u32, official_litres: u64) {
	let jan = Month::new(2026, 1).unwrap();
	let mut values: Vec<(FeedKey, FeedValue)> = (0..30)
		.map(|d| {
			(FeedKey::Price(Commodity::Oil, jan.first_day().plus(d)), FeedValue::Price(70_000_000))
		})
		.collect();
	let provenance =
		Provenance { updated: Day::from_ymd(2026, 2, 20).unwrap(), file_hash: [9; 32] };
	values.push((
		FeedKey::Production(well, jan),
		FeedValue::Production { volume: official_litres, provenance },
	));
	// Not a feeder: refused.
	assert!(Oracle::feed_values(signed(&eve()), values.clone().try_into().unwrap()).is_err());
	assert_ok!(Oracle::feed_values(signed(&alice()), values.try_into().unwrap()));
}

/// The `production` preset's rule parameters on the dev chain (whose genesis widens the upload
/// window and has no deposit floor): upload window 3 days / close on the 5th / nothing before
/// activation, `MinDepositPerWell` 5,000 UNIT. Written where pallet-parameters keeps them, as a
/// genesis would (the dev presets' values are genesis-only too).
pub fn production_rule_parameters() {
	use frame_support::traits::dynamic_params::AggregatedKeyValue;
	use treasurenet_runtime::{dynamic_params as dp, RuntimeParameters};
	let w = tn_primitives::window::UploadWindow::PRODUCTION;
	for p in [
		RuntimeParameters::Wells(dp::wells::Parameters::UploadGraceDays(
			dp::wells::UploadGraceDays,
			Some(w.grace_days),
		)),
		RuntimeParameters::Wells(dp::wells::Parameters::MonthCloseDays(
			dp::wells::MonthCloseDays,
			Some(w.close_days),
		)),
		RuntimeParameters::Wells(dp::wells::Parameters::PreActivationDays(
			dp::wells::PreActivationDays,
			Some(w.pre_activation_days),
		)),
		RuntimeParameters::Producers(dp::producers::Parameters::MinDepositPerWell(
			dp::producers::MinDepositPerWell,
			Some(5_000 * UNIT),
		)),
	] {
		let (k, v) = p.into_parts();
		pallet_parameters::Parameters::<Runtime>::insert(k, v.expect("a value"));
	}
}
