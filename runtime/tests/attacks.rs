//! The attack suite (issue 14): each test plays an attack on the audit step by step with the
//! `production` preset's rule parameters and asserts that it fails or no longer pays — with the
//! honest path beside it. docs/ATTACKS.md lists each attack, its rule and its test.

mod common;
use common::*;

use frame_support::{assert_noop, assert_ok};
use tn_primitives::{window::UploadWindow, Month};
use treasurenet_runtime::{
	dynamic_params::wells as wp, AuditMint, Parameters, Runtime, RuntimeOrigin, RuntimeParameters,
	Wells,
};

type WellsError = pallet_wells::Error<Runtime>;

/// Root (a passed referendum) sets the upload window to the `production` preset's defaults.
fn production_upload_window() {
	let w = UploadWindow::PRODUCTION;
	for p in [
		RuntimeParameters::Wells(wp::Parameters::UploadGraceDays(wp::UploadGraceDays, Some(w.grace_days))),
		RuntimeParameters::Wells(wp::Parameters::MonthCloseDays(wp::MonthCloseDays, Some(w.close_days))),
		RuntimeParameters::Wells(wp::Parameters::PreActivationDays(wp::PreActivationDays, Some(w.pre_activation_days))),
	] {
		assert_ok!(Parameters::set_parameter(RuntimeOrigin::root(), p));
	}
}

/// Hole 1: the producer waits for the official figure, then uploads P = O (no slash) on the
/// month's highest-priced days. The upload window closes the month on the 5th of the next month,
/// before Petrinex publishes it, and each day must be uploaded within 3 days.
#[test]
fn uploading_after_the_official_figure_is_refused() {
	dev_ext(JAN_1_2026_MS).execute_with(|| {
		production_upload_window();
		let eve = eve();
		let well = onboard(); // activated 2026-01-01
		let jan = Month::new(2026, 1).unwrap();

		// Honest path: each day uploaded the next day, 1–29 January.
		for d in 0..29u32 {
			run_days(1);
			assert_ok!(Wells::upload_production(signed(&eve), well, jan.first_day().plus(d), 1_000));
		}
		// 30 January uploaded two days late (1 February): inside the 3-day grace.
		run_days(2); // today: 1 February
		assert_ok!(Wells::upload_production(signed(&eve), well, jan.first_day().plus(29), 1_000));
		let jan31 = jan.first_day().plus(30);

		// The attack: official January arrives (Petrinex, weeks later); the producer tries to add
		// the missing day and more volume on the highest-priced days. Day 31 in March:
		run_days(40); // today: 13 March
		feed_january(well, 31_000);
		assert_noop!(Wells::upload_production(signed(&eve), well, jan31, 1_000), WellsError::UploadGraceOver);
		// With a generous grace (a governance mistake), the month close still holds.
		assert_ok!(Parameters::set_parameter(
			RuntimeOrigin::root(),
			RuntimeParameters::Wells(wp::Parameters::UploadGraceDays(wp::UploadGraceDays, Some(365)))
		));
		assert_noop!(Wells::upload_production(signed(&eve), well, jan31, 1_000), WellsError::MonthClosedForUploads);
		check_invariants();

		// The month is minted with what was uploaded in time: P = 30,000 L vs O = 31,000 L.
		assert_ok!(AuditMint::mint(signed(&eve), well, jan));
		let r = pallet_audit_mint::AuditRecords::<Runtime>::get(well, jan).unwrap();
		assert_eq!((r.producer_volume, r.official_volume), (30_000, 31_000));
	});
}

/// Hole 1, the boundary: the last day of a month may be uploaded until 4 February 23:59:59 UTC and
/// not at 5 February 00:00.
#[test]
fn the_month_closes_at_midnight_on_the_fifth() {
	dev_ext(JAN_1_2026_MS).execute_with(|| {
		production_upload_window();
		assert_ok!(Parameters::set_parameter(
			RuntimeOrigin::root(),
			RuntimeParameters::Wells(wp::Parameters::UploadGraceDays(wp::UploadGraceDays, Some(10)))
		));
		let eve = eve();
		let well = onboard();
		let jan = Month::new(2026, 1).unwrap();
		run_days(34); // 4 February 00:00
		next_block_after(DAY_MS - 6_000); // 4 February 23:59:54
		assert_ok!(Wells::upload_production(signed(&eve), well, jan.first_day().plus(30), 1_000));
		next_block_after(6_000); // 5 February 00:00:00
		assert_noop!(
			Wells::upload_production(signed(&eve), well, jan.first_day().plus(29), 1_000),
			WellsError::MonthClosedForUploads
		);
	});
}

/// Hole 1: a well registered today cannot claim last quarter.
#[test]
fn a_new_well_cannot_claim_days_before_its_activation() {
	dev_ext(JAN_1_2026_MS).execute_with(|| {
		production_upload_window();
		let eve = eve();
		run_days(40); // 10 February
		let well = onboard(); // activated 10 February
		let yesterday = Month::new(2026, 2).unwrap().first_day().plus(8);
		assert_noop!(
			Wells::upload_production(signed(&eve), well, yesterday, 1_000),
			WellsError::DayBeforeActivation
		);
		run_days(1);
		assert_ok!(Wells::upload_production(signed(&eve), well, yesterday.plus(1), 1_000));
	});
}

/// Builds the genesis state of a preset patch (over the default config, as chain-spec-builder
/// does); `Err` with the panic message if the genesis refuses to build.
fn build_genesis(patch: serde_json::Value) -> Result<(), String> {
	let mut config = serde_json::to_value(treasurenet_runtime::RuntimeGenesisConfig::default()).unwrap();
	merge(&mut config, patch);
	let json = serde_json::to_vec(&config).unwrap();
	std::panic::catch_unwind(move || {
		sp_io::TestExternalities::new_empty().execute_with(|| {
			frame_support::genesis_builder_helper::build_state::<treasurenet_runtime::RuntimeGenesisConfig>(json)
				.unwrap()
		})
	})
	.map_err(|e| {
		e.downcast_ref::<String>().cloned().or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string())).unwrap_or_default()
	})
}

/// The operator's own keys for a production genesis (what `chain-spec-builder` patches in).
fn operator_patch(validator_seed: &str, member_seed: &str) -> serde_json::Value {
	use sp_core::{ed25519, sr25519, Pair};
	let sr = sr25519::Pair::from_string(validator_seed, None).unwrap().public();
	let ed = ed25519::Pair::from_string(validator_seed, None).unwrap().public();
	let member: treasurenet_runtime::AccountId = sr25519::Pair::from_string(member_seed, None).unwrap().public().into();
	let aura: sp_consensus_aura::sr25519::AuthorityId = sr.into();
	let grandpa: sp_consensus_grandpa::AuthorityId = ed.into();
	serde_json::json!({
		"aura": { "authorities": [aura] },
		"grandpa": { "authorities": [[grandpa, 1]] },
		"foundationMembership": { "members": [member.clone()] },
		"oracleFeeders": { "members": [member] },
	})
}

/// Hole 7: the `production` preset names no keys and refuses to build with the well-known dev
/// keys; it builds once the operator supplies their own.
#[test]
fn the_production_genesis_refuses_dev_keys() {
	let preset = || {
		let bytes = treasurenet_runtime::genesis_config_presets::get_preset(&"production".into()).unwrap();
		serde_json::from_slice::<serde_json::Value>(&bytes).unwrap()
	};
	let err = build_genesis(preset()).unwrap_err();
	assert!(err.contains("no validators"), "{err}");
	// Alice as validator: refused.
	let mut with_alice = preset();
	merge(&mut with_alice, operator_patch("//Alice", "//Operator//member"));
	let err = build_genesis(with_alice).unwrap_err();
	assert!(err.contains("Aura key is a well-known dev key"), "{err}");
	// The operator's validator but Bob (a dev account) in the Foundation: refused.
	let mut with_bob = preset();
	merge(&mut with_bob, operator_patch("//Operator//validator", "//Bob"));
	let err = build_genesis(with_bob).unwrap_err();
	assert!(err.contains("Foundation"), "{err}");
	// All the operator's own keys: builds.
	let mut own = preset();
	merge(&mut own, operator_patch("//Operator//validator", "//Operator//member"));
	assert_eq!(build_genesis(own), Ok(()));
}

/// Hole 7: no instant referendum, even with a unanimous Foundation.
#[test]
fn instant_referendums_are_not_allowed() {
	use frame_support::traits::Get;
	assert!(!<<Runtime as pallet_democracy::Config>::InstantAllowed as Get<bool>>::get());
}
