//! The attack suite (issue 14): each test plays an attack on the audit step by step with the
//! `production` preset's rule parameters and asserts that it fails or no longer pays — with the
//! honest path beside it. docs/ATTACKS.md lists each attack, its rule and its test.

use crate::common::*;

use frame_support::{assert_noop, assert_ok};
use tn_primitives::{window::UploadWindow, Month};
use treasurenet_runtime::{
	dynamic_params::wells as wp, AuditMint, GenesisParameters, Runtime, RuntimeOrigin,
	RuntimeParameters, Wells,
};

type WellsError = pallet_wells::Error<Runtime>;

/// Root (a passed referendum) sets the upload window to the `production` preset's defaults.
fn production_upload_window() {
	let w = UploadWindow::PRODUCTION;
	for p in [
		RuntimeParameters::Wells(wp::Parameters::UploadGraceDays(
			wp::UploadGraceDays,
			Some(w.grace_days),
		)),
		RuntimeParameters::Wells(wp::Parameters::MonthCloseDays(
			wp::MonthCloseDays,
			Some(w.close_days),
		)),
		RuntimeParameters::Wells(wp::Parameters::PreActivationDays(
			wp::PreActivationDays,
			Some(w.pre_activation_days),
		)),
	] {
		assert_ok!(GenesisParameters::set_parameter(RuntimeOrigin::root(), p));
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
			assert_ok!(Wells::upload_production(
				signed(&eve),
				well,
				jan.first_day().plus(d),
				1_000
			));
		}
		// 30 January uploaded two days late (1 February): inside the 3-day grace.
		run_days(2); // today: 1 February
		assert_ok!(Wells::upload_production(signed(&eve), well, jan.first_day().plus(29), 1_000));
		let jan31 = jan.first_day().plus(30);

		// The attack: official January arrives (Petrinex, weeks later); the producer tries to add
		// the missing day and more volume on the highest-priced days. Day 31 in March:
		run_days(40); // today: 13 March
		feed_january(well, 31_000);
		assert_noop!(
			Wells::upload_production(signed(&eve), well, jan31, 1_000),
			WellsError::UploadGraceOver
		);
		// With a generous grace (the dev presets' genesis value; no call can set it since issue
		// 25's bounds), the month close still holds.
		pallet_parameters::Parameters::<Runtime>::insert(
			treasurenet_runtime::configs::RuntimeParametersKey::Wells(
				wp::ParametersKey::UploadGraceDays(wp::UploadGraceDays),
			),
			treasurenet_runtime::configs::RuntimeParametersValue::Wells(
				wp::ParametersValue::UploadGraceDays(365),
			),
		);
		assert_noop!(
			Wells::upload_production(signed(&eve), well, jan31, 1_000),
			WellsError::MonthClosedForUploads
		);
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
		assert_ok!(GenesisParameters::set_parameter(
			RuntimeOrigin::root(),
			RuntimeParameters::Wells(wp::Parameters::UploadGraceDays(wp::UploadGraceDays, Some(7)))
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
	let mut config =
		serde_json::to_value(treasurenet_runtime::RuntimeGenesisConfig::default()).unwrap();
	merge(&mut config, patch);
	let json = serde_json::to_vec(&config).unwrap();
	std::panic::catch_unwind(move || {
		sp_io::TestExternalities::new_empty().execute_with(|| {
			frame_support::genesis_builder_helper::build_state::<
				treasurenet_runtime::RuntimeGenesisConfig,
			>(json)
			.unwrap()
		})
	})
	.map_err(|e| {
		e.downcast_ref::<String>()
			.cloned()
			.or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
			.unwrap_or_default()
	})
}

/// The operator's own keys for a production genesis (what `chain-spec-builder` patches in).
fn operator_patch(validator_seed: &str, member_seed: &str) -> serde_json::Value {
	use sp_core::{ed25519, sr25519, Pair};
	let sr = sr25519::Pair::from_string(validator_seed, None).unwrap().public();
	let ed = ed25519::Pair::from_string(validator_seed, None).unwrap().public();
	let member: treasurenet_runtime::AccountId =
		sr25519::Pair::from_string(member_seed, None).unwrap().public().into();
	let aura: sp_consensus_aura::sr25519::AuthorityId = sr.into();
	let grandpa: sp_consensus_grandpa::AuthorityId = ed.into();
	// Four feeders: the member and three more of the operator's (a production genesis needs ≥ 4).
	let mut feeders = vec![member.clone()];
	for i in 1..=3 {
		let seed = format!("{member_seed}//feeder//{i}");
		let f: treasurenet_runtime::AccountId =
			sr25519::Pair::from_string(&seed, None).unwrap().public().into();
		feeders.push(f);
	}
	serde_json::json!({
		"aura": { "authorities": [aura] },
		"grandpa": { "authorities": [[grandpa, 1]] },
		"foundationMembership": { "members": [member.clone()] },
		"oracleFeeders": { "members": feeders },
	})
}

/// Hole 7: the `production` preset names no keys and refuses to build with the well-known dev
/// keys; it builds once the operator supplies their own.
#[test]
fn the_production_genesis_refuses_dev_keys() {
	let preset = || {
		let bytes =
			treasurenet_runtime::genesis_config_presets::get_preset(&"production".into()).unwrap();
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

/// Everyone's position: Eve's and Ferdie's TAT, Eve's held deposit and debt, the Foundation
/// account (where slashes go), TAT's issuance.
fn positions() -> (u128, u128, u128, u128, u128, u128) {
	use frame_support::traits::fungible::Inspect as _;
	use frame_support::traits::fungibles::Inspect as _;
	let tat = treasurenet_runtime::configs::TAT_ASSET_ID;
	let debt = pallet_producers::ProducerRecords::<Runtime>::get(eve())
		.map(|p| p.debt)
		.unwrap_or(0);
	(
		treasurenet_runtime::Assets::balance(tat, eve()),
		treasurenet_runtime::Assets::balance(tat, ferdie()),
		deposit_held(&eve()),
		debt,
		treasurenet_runtime::Balances::balance(
			&treasurenet_runtime::configs::FoundationAccount::get(),
		),
		treasurenet_runtime::Assets::total_issuance(tat),
	)
}

/// A new official January figure from a later Petrinex file (an amendment).
fn amend_january(well: u32, litres: u64) {
	use tn_primitives::feeds::{FeedKey, FeedValue, Provenance};
	let jan = Month::new(2026, 1).unwrap();
	let provenance = Provenance {
		updated: tn_primitives::Day::from_ymd(2026, 3, 20).unwrap(),
		file_hash: [10; 32],
	};
	let values = vec![(
		FeedKey::Production(well, jan),
		FeedValue::Production { volume: litres, provenance },
	)];
	// A feeder feeds once per block.
	run_blocks(1);
	assert_ok!(treasurenet_runtime::Oracle::feed_values(
		signed(&alice()),
		values.try_into().unwrap()
	));
}

/// Eve uploads 1–30 January (1,000 L a day; 31 January has no price and is not uploaded), the
/// preliminary official figure is 29,000 L (d = 3.4 %: corrected, no slash) and a later file
/// amends it to 25,000 L (d = 20 %: corrected and slashed). Eve mints before the amendment when
/// `mint_first`, else after it. Returns the positions and the final audit record.
fn amendment_world(
	mint_first: bool,
) -> ((u128, u128, u128, u128, u128, u128), pallet_audit_mint::AuditRecordOf<Runtime>) {
	let mut out = None;
	dev_ext(JAN_1_2026_MS).execute_with(|| {
		let eve = eve();
		let well = onboard();
		let jan = Month::new(2026, 1).unwrap();
		// The dev chain's wide window: the month is uploaded after it ended.
		run_days(40);
		for d in 0..30u32 {
			assert_ok!(Wells::upload_production(
				signed(&eve),
				well,
				jan.first_day().plus(d),
				1_000
			));
		}
		feed_january(well, 29_000);
		if mint_first {
			assert_ok!(AuditMint::mint(signed(&eve), well, jan));
			amend_january(well, 25_000);
			// Anyone settles it (on a live chain `on_idle` does).
			assert_ok!(AuditMint::settle(signed(&bob()), well, jan));
		} else {
			amend_january(well, 25_000);
			assert_ok!(AuditMint::mint(signed(&eve), well, jan));
		}
		check_invariants();
		out = Some((
			positions(),
			pallet_audit_mint::AuditRecords::<Runtime>::get(well, jan).unwrap(),
		));
	});
	out.unwrap()
}

/// Hole 2: minting while a preliminary official figure is favourable does not pay — after the
/// amendment is settled, every position equals minting after the amendment, exactly.
#[test]
fn minting_before_an_amendment_does_not_pay() {
	let (early, settled) = amendment_world(true);
	let (late, direct) = amendment_world(false);
	assert_eq!(early, late);
	// The outcome is the table's for the latest figure.
	let expected = tn_primitives::audit(
		30_000,
		25_000,
		direct.value,
		tn_primitives::DeviationBands::DEFAULT,
		sp_arithmetic::Perbill::from_percent(1),
	);
	assert_eq!((settled.outcome, direct.outcome), (expected, expected));
	assert_eq!(expected.band, tn_primitives::Band::Moderate);
	assert_eq!(early.5, expected.minted);
	// The settled record keeps the preliminary figure and what it minted.
	let s = settled.settlement.unwrap();
	assert_eq!(
		(s.first_official, s.first_minted, s.count),
		(29_000, direct.value * 29_000 / 30_000, 1)
	);
	assert_eq!(s.burned, s.first_minted - expected.minted);
	assert_eq!((settled.official_volume, direct.settlement), (25_000, None));
}

/// Hole 5: storing a preimage holds 1 UNIT + 0.001 UNIT per byte until it is unnoted; an account
/// that cannot pay cannot store it.
#[test]
fn a_preimage_holds_a_deposit_per_byte() {
	use frame_support::traits::fungible::{InspectHold, Mutate};
	use treasurenet_runtime::{Balances, Preimage, RuntimeHoldReason, UNIT};
	dev_ext(JAN_1_2026_MS).execute_with(|| {
		let reason = RuntimeHoldReason::Preimage(pallet_preimage::HoldReason::Preimage);
		let data = vec![7u8; 10_000];
		let hash = <sp_runtime::traits::BlakeTwo256 as sp_runtime::traits::Hash>::hash(&data);
		assert_ok!(Preimage::note_preimage(signed(&bob()), data.clone()));
		assert_eq!(Balances::balance_on_hold(&reason, &bob()), UNIT + 10 * UNIT);
		assert_ok!(Preimage::unnote_preimage(signed(&bob()), hash));
		assert_eq!(Balances::balance_on_hold(&reason, &bob()), 0);
		// A fresh account with 5 UNIT cannot store 10 kB.
		let poor: treasurenet_runtime::AccountId = sp_keyring::Sr25519Keyring::One.to_account_id();
		assert_ok!(Balances::mint_into(&poor, 5 * UNIT));
		assert!(Preimage::note_preimage(signed(&poor), data).is_err());
		assert!(!pallet_preimage::RequestStatusFor::<Runtime>::contains_key(hash));
	});
}

/// Hole 5: TAT's minimum balance is one cent, so dust creates no accounts.
#[test]
fn tat_dust_creates_no_accounts() {
	use frame_support::traits::fungibles::Inspect;
	let tat = treasurenet_runtime::configs::TAT_ASSET_ID;
	dev_ext(JAN_1_2026_MS).execute_with(|| {
		assert_eq!(treasurenet_runtime::Assets::minimum_balance(tat), tn_primitives::ONE_TAT / 100);
		let eve = eve();
		let well = onboard();
		let jan = Month::new(2026, 1).unwrap();
		run_days(40);
		assert_ok!(Wells::upload_production(signed(&eve), well, jan.first_day(), 1_000));
		feed_january(well, 1_000);
		assert_ok!(AuditMint::mint(signed(&eve), well, jan));
		let newcomer: treasurenet_runtime::AccountId =
			sp_keyring::Sr25519Keyring::Two.to_account_id();
		assert_noop!(
			treasurenet_runtime::Assets::transfer(
				signed(&eve),
				tat.into(),
				newcomer.clone().into(),
				tn_primitives::ONE_TAT / 100 - 1
			),
			sp_runtime::TokenError::BelowMinimum
		);
		assert_ok!(treasurenet_runtime::Assets::transfer(
			signed(&eve),
			tat.into(),
			newcomer.into(),
			tn_primitives::ONE_TAT / 100
		));
	});
}

/// Admits `who` as a producer of class 0 whose KYB approval records `codes`.
fn admit_with(who: &treasurenet_runtime::AccountId, kyb: [u8; 32], codes: &[&str]) {
	use treasurenet_runtime::Producers;
	let codes: Vec<tn_primitives::OperatorCode> =
		codes.iter().map(|c| c.as_bytes().to_vec().try_into().unwrap()).collect();
	assert_ok!(Producers::apply(signed(who), 0, kyb));
	assert_ok!(Producers::judge_kyb(
		signed(&charlie()),
		who.clone().into(),
		kyb,
		true,
		codes.try_into().unwrap()
	));
	assert_ok!(Producers::submit_kyc(signed(who), [0x5c; 32]));
	assert_ok!(Producers::judge_kyc(signed(&charlie()), who.clone().into(), [0x5c; 32], true));
}

/// Hole 4: a producer registers a public Petrinex identifier of another company's well to mint
/// on its official production. It cannot claim the real operator's code (its KYB approval
/// records its own), the registration holds 100 UNIT, and a Foundation Manager's rejection frees
/// the identifier at once for the real operator; the squatter gets its deposit back only by
/// removing the well.
#[test]
fn squatting_another_operator_s_well_does_not_pay() {
	use frame_support::traits::fungible::InspectHold;
	use treasurenet_runtime::{Balances, RuntimeHoldReason, UNIT};
	dev_ext(JAN_1_2026_MS).execute_with(|| {
		let squatter: treasurenet_runtime::AccountId =
			sp_keyring::Sr25519Keyring::Two.to_account_id();
		{
			use frame_support::traits::fungible::Mutate;
			assert_ok!(Balances::mint_into(&squatter, 1_000 * UNIT));
		}
		admit_with(&squatter, [0x51; 32], &["S9Q1"]);
		let held = |who| {
			Balances::balance_on_hold(
				&RuntimeHoldReason::Wells(pallet_wells::HoldReason::WellRegistration),
				who,
			)
		};
		// With the real operator's code (Eve's, A1B2): refused.
		let quality = Some(tn_primitives::OilQuality { api_gravity_x100: 3_500, acidity_bp: 30 });
		assert_noop!(
			Wells::submit_well(
				signed(&squatter),
				0,
				tn_primitives::Commodity::Oil,
				WELL_ID,
				[4; 32],
				quality,
				op(),
				fac()
			),
			WellsError::NotOperator
		);
		// With its own code: accepted into review, 100 UNIT held.
		assert_ok!(Wells::submit_well(
			signed(&squatter),
			0,
			tn_primitives::Commodity::Oil,
			WELL_ID,
			[4; 32],
			quality,
			b"S9Q1".to_vec().try_into().unwrap(),
			fac()
		));
		assert_eq!(held(&squatter), 100 * UNIT);
		// The Foundation Manager does not pass it (Petrinex names another operator): the
		// identifier is free, and Eve registers her well.
		assert_ok!(Wells::review_well(signed(&alice()), 0, false, Default::default()));
		assert_eq!(pallet_wells::WellByIdentifier::<Runtime>::get(WELL_ID), None);
		let eve_well = onboard();
		assert_eq!(eve_well, 1);
		assert_eq!(pallet_wells::WellByIdentifier::<Runtime>::get(WELL_ID), Some(1));
		// The squatter's resubmission is refused; removing the well returns its deposit.
		assert_noop!(
			Wells::edit_well(
				signed(&squatter),
				0,
				[5; 32],
				quality,
				b"S9Q1".to_vec().try_into().unwrap(),
				fac()
			),
			WellsError::IdentifierTaken
		);
		assert_ok!(Wells::remove_well(signed(&squatter), 0, Default::default()));
		assert_eq!(held(&squatter), 0);
		check_invariants();
	});
}

/// Hole 3/4: a company already admitted opens a second producer account with a re-salted KYB
/// commitment (a new hash of the same documents) to split its exposure. The verifier records
/// the operator code the documents name, which the first account holds: refused.
#[test]
fn a_second_account_of_the_same_operator_is_refused() {
	dev_ext(JAN_1_2026_MS).execute_with(|| {
		onboard();
		let second: treasurenet_runtime::AccountId =
			sp_keyring::Sr25519Keyring::Two.to_account_id();
		{
			use frame_support::traits::fungible::Mutate;
			assert_ok!(treasurenet_runtime::Balances::mint_into(
				&second,
				1_000 * treasurenet_runtime::UNIT
			));
		}
		assert_ok!(treasurenet_runtime::Producers::apply(signed(&second), 0, [0x77; 32]));
		assert_noop!(
			treasurenet_runtime::Producers::judge_kyb(
				signed(&charlie()),
				second.into(),
				[0x77; 32],
				true,
				ops_of(&eve())
			),
			pallet_producers::Error::<Runtime>::OperatorInUse
		);
		check_invariants();
	});
}

/// Hole 9: a producer whose well was passed with a poor quality (75 %) uploads its month, then
/// has a better analysis (90 %) passed before minting, hoping to value the whole month at 90 %.
/// Each day is valued with the quality in force on it: only days from the new pass get 90 %.
#[test]
fn a_better_quality_passed_later_does_not_revalue_past_days() {
	use tn_primitives::{traits::WellLedger, OilQuality};
	dev_ext(JAN_1_2026_MS).execute_with(|| {
		let eve = eve();
		let well = onboard();
		let jan = Month::new(2026, 1).unwrap();
		let sour_heavy = Some(OilQuality { api_gravity_x100: 3_000, acidity_bp: 60 });
		let sweet_light = Some(OilQuality { api_gravity_x100: 3_500, acidity_bp: 30 });
		// Jan 1: the well is re-analysed as sour heavy and passed (75 % from Jan 1).
		assert_ok!(Wells::edit_well(signed(&eve), well, [5; 32], sour_heavy, op(), fac()));
		assert_ok!(Wells::review_well(signed(&alice()), well, true, Default::default()));
		// Jan 2 .. Jan 20: 1,000 L a day uploaded, each within the dev window.
		for d in 1..20u32 {
			run_days(1);
			assert_ok!(Wells::upload_production(
				signed(&eve),
				well,
				jan.first_day().plus(d - 1),
				1_000
			));
		}
		// Jan 20: the better analysis passes (90 % from Jan 20 on).
		assert_ok!(Wells::edit_well(signed(&eve), well, [6; 32], sweet_light, op(), fac()));
		assert_ok!(Wells::review_well(signed(&alice()), well, true, Default::default()));
		run_days(1);
		assert_ok!(Wells::upload_production(signed(&eve), well, jan.first_day().plus(19), 1_000));
		run_days(20);
		feed_january(well, 20_000);
		let m = Wells::month_for_audit(None, well, jan).unwrap();
		// 1 m³ = 6.28981 bbl × $70 = $440.2867 a day: 19 days × 0.75 + 1 day × 0.90.
		let day = 440_286_700_000_000_000_000u128;
		assert_eq!(m.value, day * 19 * 75 / 100 + day * 90 / 100);
		// Had the month been revalued at 90 %, it would be worth 20 × 0.90 days.
		assert!(m.value < day * 20 * 90 / 100);
		check_invariants();
	});
}

/// Hole 3, with the `production` preset's floor (5,000 UNIT per active well): a producer with
/// 100 UNIT of deposit cannot mint, and once it has the floor it cannot withdraw below the
/// floor of its active well plus its open (not yet audited) months.
#[test]
fn minting_or_withdrawing_without_the_required_deposit_is_refused() {
	use treasurenet_runtime::{dynamic_params::producers as pp, Producers, UNIT};
	type ProducersError = pallet_producers::Error<Runtime>;
	dev_ext(JAN_1_2026_MS).execute_with(|| {
		assert_ok!(GenesisParameters::set_parameter(
			RuntimeOrigin::root(),
			RuntimeParameters::Producers(pp::Parameters::MinDepositPerWell(
				pp::MinDepositPerWell,
				Some(5_000 * UNIT)
			))
		));
		let eve = eve();
		let well = onboard(); // 100 UNIT deposit, one active well
		let jan = Month::new(2026, 1).unwrap();
		run_days(35);
		let records: Vec<_> = (0..30).map(|d| (well, jan.first_day().plus(d), 1_000u64)).collect();
		assert_ok!(Wells::upload_batch(signed(&eve), records.try_into().unwrap()));
		// February's first days: a second open month.
		assert_ok!(Wells::upload_production(signed(&eve), well, jan.last_day().plus(2), 1_000));
		feed_january(well, 30_000);
		assert_noop!(
			AuditMint::mint(signed(&eve), well, jan),
			ProducersError::DepositBelowRequirement
		);
		// The honest path: the producer tops its deposit up to the floor and mints.
		assert_ok!(Producers::deposit(signed(&eve), 4_900 * UNIT));
		assert_eq!(deposit_held(&eve), 5_000 * UNIT);
		assert_ok!(AuditMint::mint(signed(&eve), well, jan));
		// February is still open: the floor is 5,000 × (1 active well + 1 open month).
		assert_noop!(Producers::withdraw(signed(&eve), UNIT), ProducersError::BelowMinimumDeposit);
		// With 11,000 UNIT held, 1,000 may unbond; then the floor (10,000) is reached.
		assert_ok!(Producers::deposit(signed(&eve), 6_000 * UNIT));
		assert_ok!(Producers::withdraw(signed(&eve), 1_000 * UNIT));
		assert_noop!(Producers::withdraw(signed(&eve), UNIT), ProducersError::BelowMinimumDeposit);
		check_invariants();
	});
}

/// Issue 25, C1 (and hole 6): two colluding feeders of four can set neither a price nor the
/// official figure. Bob and Charlie report $7,000 WTI (the median of [70, 70, 7000, 7000] took
/// the upper middle: a P = O month of 30,000 L would have minted $1,188,774 instead of
/// $11,887.74) and the producer's inflated 30,000 L; Alice reports the truth ($70, Petrinex's
/// 27,000 L) and Dave, also honest, comes late. Nothing counts — two honest reports of four are
/// no quorum either (safety over liveness) — until governance removes a colluder and the honest
/// feeders' re-sent reports make two of three; a price outside WTI's range never counts and is
/// reported.
#[test]
fn two_colluding_feeders_of_four_cannot_set_a_price_or_the_official_figure() {
	use tn_primitives::{
		feeds::{FeedKey, FeedValue, Provenance},
		Commodity, Day,
	};
	use treasurenet_runtime::{Oracle, OracleFeeders};
	dev_ext(JAN_1_2026_MS).execute_with(|| {
		let eve = eve();
		let dave = sp_keyring::Sr25519Keyring::Dave.to_account_id();
		let well = onboard();
		let jan = Month::new(2026, 1).unwrap();
		assert_ok!(OracleFeeders::reset_members(
			RuntimeOrigin::root(),
			vec![alice(), bob(), charlie(), dave.clone()]
		));
		run_days(35);
		let records: Vec<_> = (0..30).map(|d| (well, jan.first_day().plus(d), 1_000u64)).collect();
		assert_ok!(Wells::upload_batch(signed(&eve), records.try_into().unwrap()));
		let feed = |who: &treasurenet_runtime::AccountId, price: i64, litres: u64| {
			let provenance =
				Provenance { updated: Day::from_ymd(2026, 2, 20).unwrap(), file_hash: [9; 32] };
			let mut values: Vec<(FeedKey, FeedValue)> = (0..30)
				.map(|d| {
					(
						FeedKey::Price(Commodity::Oil, jan.first_day().plus(d)),
						FeedValue::Price(price),
					)
				})
				.collect();
			values.push((
				FeedKey::Production(well, jan),
				FeedValue::Production { volume: litres, provenance },
			));
			assert_ok!(Oracle::feed_values(signed(who), values.try_into().unwrap()));
		};
		feed(&bob(), 7_000_000_000, 30_000);
		feed(&charlie(), 7_000_000_000, 30_000);
		feed(&alice(), 70_000_000, 27_000);
		run_blocks(1);
		let price = |d: u32| {
			pallet_oracle::Values::<Runtime>::get(FeedKey::Price(
				Commodity::Oil,
				jan.first_day().plus(d),
			))
		};
		assert!(price(0).is_none() && price(29).is_none());
		assert!(pallet_oracle::Values::<Runtime>::get(FeedKey::Production(well, jan)).is_none());
		// No price for any day: the month is not mintable at all.
		assert_noop!(
			AuditMint::mint(signed(&eve), well, jan),
			pallet_wells::Error::<Runtime>::DayWithoutPrice
		);
		// The colluders insist: re-sending changes nothing.
		feed(&bob(), 7_000_000_000, 30_000);
		run_blocks(1);
		assert!(price(0).is_none());
		// Dave, late and honest: two honest reports of four are no quorum (k = 3) either — the
		// chain prefers no price to a colluders' price, and the month stays unmintable.
		feed(&dave, 70_000_000, 27_000);
		run_blocks(1);
		assert!(price(0).is_none());
		assert_noop!(
			AuditMint::mint(signed(&eve), well, jan),
			pallet_wells::Error::<Runtime>::DayWithoutPrice
		);
		// Governance removes a colluder (n = 3, k = 2); the honest feeders re-send after half the
		// expiry (their keys have no combined value): $70 and 27,000 L become official, and the
		// remaining colluder's $7,000 still counts for nothing.
		assert_ok!(OracleFeeders::remove_member(RuntimeOrigin::root(), charlie().into()));
		feed(&alice(), 70_000_000, 27_000);
		run_blocks(1);
		assert_eq!(price(0).map(|t| t.value), Some(FeedValue::Price(70_000_000)));
		assert_eq!(price(29).map(|t| t.value), Some(FeedValue::Price(70_000_000)));
		assert_ok!(AuditMint::mint(signed(&eve), well, jan));
		let r = pallet_audit_mint::AuditRecords::<Runtime>::get(well, jan).unwrap();
		assert_eq!((r.producer_volume, r.official_volume), (30_000, 27_000));
		// V = 30 m³ × 6.28981 × $70 × 90 % = $11,887.7409; d = 11.1 % (moderate band): minted
		// V' = V × 27/30 = $10,698.96681, slash V × 3/30 × 1 % = $11.8877409.
		assert_eq!(r.value, 11_887_740_900_000_000_000_000);
		assert_eq!(r.outcome.minted, 10_698_966_810_000_000_000_000);
		assert_eq!(r.outcome.slash, 11_887_740_900_000_000_000);
		// A price above WTI's $500 ceiling never counts; the chain says who sent it.
		let feb_1 = Month::new(2026, 2).unwrap().first_day();
		let out_of_range =
			vec![(FeedKey::Price(Commodity::Oil, feb_1), FeedValue::Price(500_000_001))];
		assert_ok!(Oracle::feed_values(signed(&bob()), out_of_range.try_into().unwrap()));
		treasurenet_runtime::System::assert_has_event(
			pallet_oracle_feeds::Event::<Runtime>::PriceOutOfRange {
				feeder: bob(),
				key: FeedKey::Price(Commodity::Oil, feb_1),
				reported: FeedValue::Price(500_000_001),
			}
			.into(),
		);
		for who in [&alice(), &dave] {
			let v = vec![(FeedKey::Price(Commodity::Oil, feb_1), FeedValue::Price(500_000_001))];
			assert_ok!(Oracle::feed_values(signed(who), v.try_into().unwrap()));
		}
		assert!(
			pallet_oracle::Values::<Runtime>::get(FeedKey::Price(Commodity::Oil, feb_1)).is_none()
		);
		check_invariants();
	});
}

/// Hole 10: a KYC verifier who is also the applicant (or a Foundation Manager who owns a well)
/// cannot approve themselves; another verifier (manager) can.
#[test]
fn judges_cannot_judge_themselves() {
	use treasurenet_runtime::{KycVerifiers, Producers};
	dev_ext(JAN_1_2026_MS).execute_with(|| {
		// Charlie, a verifier, applies for his own company.
		assert_ok!(Producers::apply(signed(&charlie()), 0, [0x44; 32]));
		assert_noop!(
			Producers::judge_kyb(
				signed(&charlie()),
				charlie().into(),
				[0x44; 32],
				true,
				ops_of(&charlie())
			),
			pallet_producers::Error::<Runtime>::CannotJudgeOwnApplication
		);
		// The honest path: a second verifier judges him.
		assert_ok!(KycVerifiers::add_member(RuntimeOrigin::root(), bob().into()));
		assert_ok!(Producers::judge_kyb(
			signed(&bob()),
			charlie().into(),
			[0x44; 32],
			true,
			ops_of(&charlie())
		));
		assert_ok!(Producers::submit_kyc(signed(&charlie()), [0x45; 32]));
		assert_noop!(
			Producers::judge_kyc(signed(&charlie()), charlie().into(), [0x45; 32], true),
			pallet_producers::Error::<Runtime>::CannotJudgeOwnApplication
		);
		assert_ok!(Producers::judge_kyc(signed(&bob()), charlie().into(), [0x45; 32], true));
		// Alice, a Foundation Manager, admitted as a producer too, cannot pass her own well.
		assert_ok!(Producers::apply(signed(&alice()), 0, [0x46; 32]));
		assert_ok!(Producers::judge_kyb(
			signed(&bob()),
			alice().into(),
			[0x46; 32],
			true,
			ops_of(&alice())
		));
		assert_ok!(Producers::submit_kyc(signed(&alice()), [0x47; 32]));
		assert_ok!(Producers::judge_kyc(signed(&bob()), alice().into(), [0x47; 32], true));
		assert_ok!(Wells::submit_well(
			signed(&alice()),
			0,
			tn_primitives::Commodity::Gas,
			[0x48; 32],
			[0x49; 32],
			None,
			op_of(&alice()),
			fac()
		));
		assert_noop!(
			Wells::review_well(signed(&alice()), 0, true, Default::default()),
			WellsError::CannotReviewOwnWell
		);
		check_invariants();
	});
}

// ---------------------------------------------------------------------------------------------
// Issue 25: settlements keep the audit's rules (M1); TAT is never burned out of the books.
// ---------------------------------------------------------------------------------------------

/// M1: Alberta republishes its file (new provenance) with the well's volume unchanged: nothing is
/// amended or settled. Governance then raises `SlashRatio` to 5 % and an amendment (29,000 →
/// 25,000 L, d = 20 %) is settled with the mint's 1 %: the outcome is the table's at 1 %, exactly.
#[test]
fn a_settlement_keeps_the_rules_of_its_audit_and_a_republished_file_changes_nothing() {
	use frame_support::traits::Get;
	use tn_primitives::feeds::{FeedKey, FeedValue, Provenance};
	use treasurenet_runtime::dynamic_params::audit as ap;
	dev_ext(JAN_1_2026_MS).execute_with(|| {
		let eve = eve();
		let well = onboard();
		let jan = Month::new(2026, 1).unwrap();
		run_days(40);
		for d in 0..30u32 {
			assert_ok!(Wells::upload_production(
				signed(&eve),
				well,
				jan.first_day().plus(d),
				1_000
			));
		}
		feed_january(well, 29_000);
		assert_ok!(AuditMint::mint(signed(&eve), well, jan));
		let minted = pallet_audit_mint::AuditRecords::<Runtime>::get(well, jan).unwrap();
		// The same 29,000 L in a republished file.
		let republished = Provenance {
			updated: tn_primitives::Day::from_ymd(2026, 3, 20).unwrap(),
			file_hash: [11; 32],
		};
		run_blocks(1);
		assert_ok!(treasurenet_runtime::Oracle::feed_values(
			signed(&alice()),
			vec![(
				FeedKey::Production(well, jan),
				FeedValue::Production { volume: 29_000, provenance: republished },
			)]
			.try_into()
			.unwrap()
		));
		assert_eq!(pallet_audit_mint::AuditRecords::<Runtime>::get(well, jan).unwrap(), minted);
		assert!(pallet_audit_mint::Unsettled::<Runtime>::iter_keys().next().is_none());
		assert!(!frame_system::Pallet::<Runtime>::events().iter().any(|e| matches!(
			e.event,
			treasurenet_runtime::RuntimeEvent::AuditMint(
				pallet_audit_mint::Event::OfficialAmendedAfterAudit { .. }
			)
		)));
		// Governance: 5 %. The amendment is settled at the mint's 1 %.
		// (Written where pallet-parameters keeps it, as a passed referendum would.)
		{
			use frame_support::traits::dynamic_params::AggregatedKeyValue;
			let (k, v) = RuntimeParameters::Audit(ap::Parameters::SlashRatio(
				ap::SlashRatio,
				Some(sp_arithmetic::Perbill::from_percent(5)),
			))
			.into_parts();
			pallet_parameters::Parameters::<Runtime>::insert(k, v.expect("a value"));
		}
		assert_eq!(ap::SlashRatio::get(), sp_arithmetic::Perbill::from_percent(5));
		amend_january(well, 25_000);
		assert_ok!(AuditMint::settle(signed(&bob()), well, jan));
		let r = pallet_audit_mint::AuditRecords::<Runtime>::get(well, jan).unwrap();
		let at = |percent| {
			tn_primitives::audit(
				30_000,
				25_000,
				r.value,
				tn_primitives::DeviationBands::DEFAULT,
				sp_arithmetic::Perbill::from_percent(percent),
			)
		};
		assert_eq!(r.outcome, at(1));
		assert_ne!(r.outcome.slash, at(5).slash);
		assert_eq!(r.rules, minted.rules);
		assert_eq!(r.rules.slash_ratio, sp_arithmetic::Perbill::from_percent(1));
		// Slash due: the 1 % slash in native units at the mint's rate (unchanged here).
		assert!(r.outcome.slash > 0);
		assert_eq!(
			r.slash_due,
			pallet_producers::Pallet::<Runtime>::usd_to_native(r.outcome.slash)
		);
		check_invariants();
	});
}

/// Low (issue 25): a TAT holder opens its account with `touch`, receives 1 TAT and calls
/// `refund(allow_burn = true)` to get its deposit back: the 1 TAT would be burned outside the
/// audit's books and audit-mint's invariant (issuance = Σ minted + unrecovered) would fail for
/// good. The call filter refuses it; without burning it is `WouldBurn`; once the TAT is moved
/// away the deposit comes back.
#[test]
fn tat_holders_cannot_burn_their_tat_out_of_the_books() {
	use frame_support::traits::{fungible::Mutate as _, fungibles::Inspect as _};
	use sp_runtime::traits::Dispatchable;
	use treasurenet_runtime::{Assets, Balances, RuntimeCall, UNIT};
	let tat = treasurenet_runtime::configs::TAT_ASSET_ID;
	dev_ext(JAN_1_2026_MS).execute_with(|| {
		let eve = eve();
		let well = onboard();
		let jan = Month::new(2026, 1).unwrap();
		run_days(40);
		assert_ok!(Wells::upload_production(signed(&eve), well, jan.first_day(), 1_000));
		feed_january(well, 1_000);
		assert_ok!(AuditMint::mint(signed(&eve), well, jan));
		let holder: treasurenet_runtime::AccountId =
			sp_keyring::Sr25519Keyring::Two.to_account_id();
		assert_ok!(Balances::mint_into(&holder, 10 * UNIT));
		assert_ok!(Assets::touch(signed(&holder), tat.into()));
		assert_ok!(Assets::transfer(
			signed(&eve),
			tat.into(),
			holder.clone().into(),
			tn_primitives::ONE_TAT
		));
		let issuance = Assets::total_issuance(tat);
		let refund = |allow_burn| {
			RuntimeCall::Assets(pallet_assets::Call::refund { id: tat.into(), allow_burn })
				.dispatch(signed(&holder))
				.map_err(|e| e.error)
		};
		assert_eq!(refund(true), Err(frame_system::Error::<Runtime>::CallFiltered.into()));
		assert_eq!(refund(false), Err(pallet_assets::Error::<Runtime>::WouldBurn.into()));
		assert_eq!(Assets::balance(tat, &holder), tn_primitives::ONE_TAT);
		assert_eq!(Assets::total_issuance(tat), issuance);
		check_invariants();
		// Moved away, then refunded without burning.
		assert_ok!(Assets::transfer(
			signed(&holder),
			tat.into(),
			eve.clone().into(),
			tn_primitives::ONE_TAT
		));
		assert_ok!(refund(false));
		assert_eq!(Assets::total_issuance(tat), issuance);
		check_invariants();
	});
}

// ---------------------------------------------------------------------------------------------
// Issue 25, M6: unbounded parameters and fast-track.
// ---------------------------------------------------------------------------------------------

/// M6: a referendum setting a rule parameter to a value that disables a rule (UnitsPerUsd 0: no
/// slash ever; SlashRatio 0; one feeder sets the figures; raw feeds expire at once) or stretches
/// it (a year of upload grace; a huge UnitsPerUsd saturates every slash) fails with a named error
/// and changes nothing; pallet-parameters' own call, which cannot see the value, is closed.
#[test]
fn m6_rule_parameters_outside_their_bounds_are_refused() {
	use sp_arithmetic::{FixedU128, Perbill};
	use treasurenet_runtime::dynamic_params::{audit as ap, oracle as op, producers as pp};
	type GError = treasurenet_runtime::genesis_parameters::Error<Runtime>;
	type R = RuntimeParameters;
	dev_ext(JAN_1_2026_MS).execute_with(|| {
		production_upload_window();
		let set = |p| GenesisParameters::set_parameter(RuntimeOrigin::root(), p);
		let units = |v| R::Producers(pp::Parameters::UnitsPerUsd(pp::UnitsPerUsd, Some(v)));
		assert_noop!(set(units(FixedU128::from_inner(0))), GError::BelowFloor);
		assert_noop!(set(units(FixedU128::from_u32(101))), GError::AboveCeiling);
		assert_noop!(
			set(R::Audit(ap::Parameters::SlashRatio(ap::SlashRatio, Some(Perbill::zero())))),
			GError::BelowFloor
		);
		assert_noop!(
			set(R::Oracle(op::Parameters::MinimumFeeders(op::MinimumFeeders, Some(1)))),
			GError::BelowFloor
		);
		assert_noop!(
			set(R::Oracle(op::Parameters::ExpiresInMs(op::ExpiresInMs, Some(0)))),
			GError::BelowFloor
		);
		assert_noop!(
			set(R::Wells(wp::Parameters::UploadGraceDays(wp::UploadGraceDays, Some(365)))),
			GError::AboveCeiling
		);
		// The way around the bounds is closed: Root gets BadOrigin from pallet-parameters.
		assert_noop!(
			treasurenet_runtime::Parameters::set_parameter(
				RuntimeOrigin::root(),
				units(FixedU128::from_inner(0))
			),
			sp_runtime::DispatchError::BadOrigin
		);
		// In force: the production values.
		use frame_support::traits::Get;
		assert_eq!(pp::UnitsPerUsd::get(), FixedU128::from_u32(1));
		assert_eq!(ap::SlashRatio::get(), Perbill::from_percent(1));
		assert_eq!(op::ExpiresInMs::get(), 259_200_000);
		assert_eq!(wp::UploadGraceDays::get(), 3);
	});
}

/// The operator's production genesis patch with `extra` merged over it.
fn m6_production_with(extra: serde_json::Value) -> Result<(), String> {
	let bytes =
		treasurenet_runtime::genesis_config_presets::get_preset(&"production".into()).unwrap();
	let mut patch = serde_json::from_slice::<serde_json::Value>(&bytes).unwrap();
	merge(&mut patch, operator_patch("//Operator//validator", "//Operator//member"));
	merge(&mut patch, extra);
	build_genesis(patch)
}

/// Low finding of M6: the production launch check needs at least 4 feeders (with 3 the default
/// quorum is 2: two colluders) and refuses the demo settings, also when the operator's patch sets
/// them: `fastGovernance`, `wideUploadWindow`, `minDepositPerWell` 0 (or any genesis value
/// outside its bounds), and a quorum larger than the feeder set.
#[test]
fn m6_the_production_genesis_refuses_three_feeders_and_the_demo_flags() {
	use serde_json::json;
	assert_eq!(m6_production_with(json!({})), Ok(()));
	let refused = |extra: serde_json::Value, why: &str| {
		let err = m6_production_with(extra).unwrap_err();
		assert!(err.contains("this genesis cannot launch") && err.contains(why), "{err}");
	};
	let feeders = operator_patch("//Operator//validator", "//Operator//member")["oracleFeeders"]
		["members"]
		.clone();
	let three: Vec<_> = feeders.as_array().unwrap().iter().take(3).cloned().collect();
	refused(json!({ "oracleFeeders": { "members": three } }), "fewer than 4 oracle feeders");
	refused(
		json!({ "genesisParameters": { "fastGovernance": true } }),
		"fastGovernance is a demo flag",
	);
	refused(
		json!({ "genesisParameters": { "wideUploadWindow": true } }),
		"wideUploadWindow is a demo flag",
	);
	refused(
		json!({ "genesisParameters": { "minDepositPerWell": 0 } }),
		"minDepositPerWell 0 is a demo value",
	);
	refused(
		json!({ "genesisParameters": { "singleJudges": true } }),
		"singleJudges is a demo flag",
	);
	// 999 UNIT per well: below the 1,000 UNIT floor.
	refused(
		json!({ "genesisParameters": { "minDepositPerWell": 999_000_000_000_000u64 } }),
		"outside its bounds",
	);
	refused(json!({ "genesisParameters": { "minimumFeeders": 2 } }), "outside its bounds");
	refused(json!({ "genesisParameters": { "minimumFeeders": 5 } }), "larger than the feeder set");
	assert_eq!(m6_production_with(json!({ "genesisParameters": { "minimumFeeders": 4 } })), Ok(()));
	assert_eq!(
		m6_production_with(
			json!({ "genesisParameters": { "minDepositPerWell": 1_000_000_000_000_000u64 } })
		),
		Ok(())
	);
}

/// M6: the democracy periods were parameters, so one fast-tracked referendum could make the next
/// ones instant. They are fixed in code now: a production chain's fast-track votes for 3 hours
/// (1,800 blocks) at least, and no call sets a period (the old parameter call no longer decodes).
#[test]
fn m6_a_referendum_cannot_shorten_the_next_referenda() {
	use codec::Decode;
	use frame_support::traits::Get;
	type D = <Runtime as pallet_democracy::Config>::FastTrackVotingPeriod;
	type V = <Runtime as pallet_democracy::Config>::VotingPeriod;
	// `parameters.setParameter(Democracy(FastTrackVotingPeriod(Some(1))))` in the old encoding,
	// and the guard's call with the same argument.
	for pallet in [17u8, 18] {
		let bytes = [pallet, 0, 4, 2, 1, 1, 0, 0, 0];
		assert!(treasurenet_runtime::RuntimeCall::decode(&mut &bytes[..]).is_err());
	}
	let bytes =
		treasurenet_runtime::genesis_config_presets::get_preset(&"production".into()).unwrap();
	let mut patch = serde_json::from_slice::<serde_json::Value>(&bytes).unwrap();
	merge(&mut patch, operator_patch("//Operator//validator", "//Operator//member"));
	let mut config =
		serde_json::to_value(treasurenet_runtime::RuntimeGenesisConfig::default()).unwrap();
	merge(&mut config, patch);
	let json = serde_json::to_vec(&config).unwrap();
	sp_io::TestExternalities::new_empty().execute_with(|| {
		frame_support::genesis_builder_helper::build_state::<
			treasurenet_runtime::RuntimeGenesisConfig,
		>(json)
		.unwrap();
		assert_eq!((D::get(), V::get()), (1_800, 100_800));
		assert_eq!(
			treasurenet_runtime::configs::MIN_FAST_TRACK_VOTING_PERIOD,
			1_800,
			"3 hours of 6-second blocks"
		);
	});
}

// ---------------------------------------------------------------------------------------------
// Issue 25, M5: one verifier and one manager decide nothing.
// ---------------------------------------------------------------------------------------------

/// M5: the `production` thresholds (`KybApprovals` 2, `WellApprovals` 2). Charlie, a KYC
/// verifier, and Alice, a Foundation Manager, act for Eve (a second account of theirs): Charlie
/// alone cannot admit her with operator codes, Alice alone cannot activate her well or lift its
/// oil quality (75 % → 90 % of the value, +20 %). Bob (a second verifier and manager) completes
/// the honest decisions. Governance then frees the code of a revoked Eve once her well is gone.
#[test]
fn m5_one_verifier_or_one_manager_decides_nothing() {
	use pallet_producers::Event as PE;
	use pallet_wells::Event as WE;
	use sp_arithmetic::Perbill;
	use tn_primitives::{Commodity, OilQuality};
	use treasurenet_runtime::{
		dynamic_params::producers as pp, KycVerifiers, Producers, RuntimeEvent, System,
	};
	type PError = pallet_producers::Error<Runtime>;
	dev_ext(JAN_1_2026_MS).execute_with(|| {
		// The production thresholds, set as a referendum would; Bob is a second verifier.
		for p in [
			RuntimeParameters::Producers(pp::Parameters::KybApprovals(pp::KybApprovals, Some(2))),
			RuntimeParameters::Wells(wp::Parameters::WellApprovals(wp::WellApprovals, Some(2))),
		] {
			assert_ok!(GenesisParameters::set_parameter(RuntimeOrigin::root(), p));
		}
		assert_ok!(KycVerifiers::add_member(RuntimeOrigin::root(), bob().into()));
		let eve = eve();
		let kyb = [0x51; 32];
		assert_ok!(Producers::apply(signed(&eve), 0, kyb));
		// Charlie approves his second account with the codes: 1 of 2, nothing more.
		assert_ok!(Producers::judge_kyb(
			signed(&charlie()),
			eve.clone().into(),
			kyb,
			true,
			ops_of(&eve)
		));
		System::assert_last_event(RuntimeEvent::Producers(PE::KybApprovalRecorded {
			applicant: eve.clone(),
			verifier: charlie(),
			kyb,
			operators: ops_of(&eve),
			approvals: 1,
			needed: 2,
		}));
		assert_noop!(
			Producers::judge_kyb(signed(&charlie()), eve.clone().into(), kyb, true, ops_of(&eve)),
			PError::AlreadyApproved
		);
		assert_noop!(Producers::submit_kyc(signed(&eve), [0x52; 32]), PError::KybNotApproved);
		assert!(pallet_producers::OperatorOwners::<Runtime>::get(op()).is_none());
		// Bob, naming other codes, is refused; with the same codes he completes the approval.
		let other: tn_primitives::OperatorCodes =
			vec![op(), b"0045".to_vec().try_into().unwrap()].try_into().unwrap();
		assert_noop!(
			Producers::judge_kyb(signed(&bob()), eve.clone().into(), kyb, true, other),
			PError::OperatorsDiffer
		);
		assert_ok!(Producers::judge_kyb(
			signed(&bob()),
			eve.clone().into(),
			kyb,
			true,
			ops_of(&eve)
		));
		System::assert_last_event(RuntimeEvent::Producers(PE::KybApproved {
			applicant: eve.clone(),
			verifier: bob(),
			kyb,
			operators: ops_of(&eve),
		}));
		assert_ok!(Producers::submit_kyc(signed(&eve), [0x52; 32]));
		assert_ok!(Producers::judge_kyc(signed(&charlie()), eve.clone().into(), [0x52; 32], true));

		// Eve's well, declared sour and heavy (75 %): Alice's pass alone does not activate it.
		let sour = OilQuality { api_gravity_x100: 2_500, acidity_bp: 80 };
		let sweet = OilQuality { api_gravity_x100: 3_500, acidity_bp: 30 };
		assert_ok!(Wells::submit_well(
			signed(&eve),
			0,
			Commodity::Oil,
			WELL_ID,
			[4; 32],
			Some(sour),
			op(),
			fac()
		));
		assert_ok!(Wells::review_well(signed(&alice()), 0, true, Default::default()));
		System::assert_last_event(RuntimeEvent::Wells(WE::PassRecorded {
			well: 0,
			reviewer: alice(),
			annual_review: false,
			approvals: 1,
			needed: 2,
		}));
		assert_noop!(
			Wells::upload_production(
				signed(&eve),
				0,
				tn_primitives::Day::from_ymd(2026, 1, 1).unwrap(),
				1_000
			),
			WellsError::WellNotActive
		);
		assert_noop!(
			Wells::review_well(signed(&alice()), 0, true, Default::default()),
			WellsError::AlreadyApproved
		);
		assert_ok!(Wells::review_well(signed(&bob()), 0, true, Default::default()));
		System::assert_last_event(RuntimeEvent::Wells(WE::WellActivated {
			well: 0,
			reviewer: bob(),
			discount: Perbill::from_percent(75),
			expires: tn_primitives::Day::from_ymd(2027, 1, 1).unwrap(),
		}));
		// Eve edits in a sweet light quality (90 %): Alice's pass leaves it in review at 75 %, and
		// Bob's rejection ends it.
		assert_ok!(Wells::edit_well(signed(&eve), 0, [5; 32], Some(sweet), op(), fac()));
		assert_ok!(Wells::review_well(signed(&alice()), 0, true, Default::default()));
		let well = pallet_wells::WellRegistry::<Runtime>::get(0).unwrap();
		assert_eq!(
			(well.status, well.discount),
			(pallet_wells::WellStatus::InReview, Perbill::from_percent(75))
		);
		assert_ok!(Wells::review_well(signed(&bob()), 0, false, Default::default()));
		System::assert_last_event(RuntimeEvent::Wells(WE::WellRejected {
			well: 0,
			reviewer: bob(),
			reason: Default::default(),
		}));
		assert!(pallet_wells::ReviewApprovals::<Runtime>::get(0).is_none());

		// Revoked, Eve keeps her code while a well carries it; it is freed once the well is gone.
		assert_ok!(Wells::edit_well(signed(&eve), 0, [5; 32], Some(sour), op(), fac()));
		assert_ok!(Producers::revoke(
			RuntimeOrigin::root(),
			eve.clone().into(),
			Default::default()
		));
		assert_noop!(
			Producers::free_operator(RuntimeOrigin::root(), op(), 0),
			PError::WellWitnessTooLow
		);
		assert_noop!(
			Producers::free_operator(RuntimeOrigin::root(), op(), 1),
			PError::OperatorUsedByWells
		);
		assert_ok!(Wells::remove_well(RuntimeOrigin::root(), 0, Default::default()));
		assert_ok!(Producers::free_operator(RuntimeOrigin::root(), op(), 1));
		System::assert_last_event(RuntimeEvent::Producers(PE::OperatorFreed {
			operator: op(),
			holder: eve.clone(),
		}));
		assert!(pallet_producers::OperatorOwners::<Runtime>::get(op()).is_none());
		check_invariants();
	});
}

/// Eve's January on the dev chain: 1–30 January uploaded (1,000 L a day), the official figure
/// `official` litres fed; returns the well. Today is 10 February 2026.
fn eve_january(official: u64) -> u32 {
	let eve = eve();
	let well = onboard();
	let jan = Month::new(2026, 1).unwrap();
	run_days(40);
	for d in 0..30u32 {
		assert_ok!(Wells::upload_production(signed(&eve), well, jan.first_day().plus(d), 1_000));
	}
	feed_january(well, official);
	well
}

/// Issue 25, H1 at the runtime: a licence transfer keeps the seller's months. Eve mints January
/// on a preliminary 29,000 L; on 15 February governance transfers the well to Dave, whose KYB
/// recorded his own operator code. The chain's directory still matches January against Eve's
/// code (and February, the transfer month, against both), the well is in review with the new
/// code yet its audited January is still fed, and the amendment to 30,000 L settles against
/// Eve: her month is topped up to the full value — never turned into a zero figure because
/// January's rows carry her code — and Dave gets nothing of it.
#[test]
fn h1_a_licence_transfer_keeps_the_seller_s_months() {
	use sp_keyring::Sr25519Keyring as K;
	use tn_primitives::traits::WellDirectory;
	dev_ext(JAN_1_2026_MS).execute_with(|| {
		let (eve, dave) = (eve(), K::Dave.to_account_id());
		let jan = Month::new(2026, 1).unwrap();
		let well = eve_january(29_000);
		assert_ok!(AuditMint::mint(signed(&eve), well, jan));
		let minted = pallet_audit_mint::AuditRecords::<Runtime>::get(well, jan).unwrap();
		assert_eq!(minted.outcome.minted, minted.value * 29 / 30);
		run_days(5);
		let dave_code = op_of(&dave);
		admit_with(&dave, [0x5d; 32], &[core::str::from_utf8(&dave_code).unwrap()]);
		assert_ok!(Wells::transfer_well(
			RuntimeOrigin::root(),
			well,
			dave.clone().into(),
			dave_code.clone()
		));
		let start = tn_primitives::horizon::horizon_start(
			Wells::today(),
			<treasurenet_runtime::dynamic_params::audit::AmendmentHorizonMonths as
				frame_support::traits::Get<u32>>::get(),
		);
		let dir = <Wells as WellDirectory>::fed_wells(start);
		let w = dir.iter().find(|w| w.id == well).expect("the sold well is still fed");
		assert_eq!((w.active, w.audited.clone()), (false, vec![jan]));
		assert_eq!(w.operators_in(jan), vec![&op()]);
		assert_eq!(w.operators_in(jan.next()), vec![&op(), &dave_code]);
		assert_eq!(w.operators_in(jan.next().next()), vec![&dave_code]);
		// The amendment (a later file) reaches the chain and is settled against the seller.
		amend_january(well, 30_000);
		assert_ok!(AuditMint::settle(signed(&bob()), well, jan));
		let r = pallet_audit_mint::AuditRecords::<Runtime>::get(well, jan).unwrap();
		assert_eq!((r.producer.clone(), r.official_volume), (eve.clone(), 30_000));
		assert_eq!((r.outcome.minted, r.outcome.slash), (r.value, 0));
		let (eve_tat, ferdie_tat, ..) = positions();
		let ferdie_part = sp_arithmetic::Perbill::from_percent(20) * r.value;
		assert_eq!((eve_tat, ferdie_tat), (r.value - ferdie_part, ferdie_part));
		let tat = treasurenet_runtime::configs::TAT_ASSET_ID;
		assert_eq!(
			<treasurenet_runtime::Assets as frame_support::traits::fungibles::Inspect<_>>::balance(
				tat, &dave
			),
			0
		);
		check_invariants();
	});
}

/// Issue 25, M2 and H2 at the runtime. The official January figure is 0 (a shut-in month Eve
/// uploaded 30,000 L for); Eve never presses Mint and withdraws her whole deposit instead (it
/// unbonds for 28 days). 60 days after January anyone audits it without her: nothing minted,
/// V × 1 % slashed — from what is unbonding — and the rest now stays until January leaves the
/// 24-month amendment horizon (1 February 2028).
#[test]
fn m2_an_o_zero_month_is_audited_without_its_producer_and_its_slash_taken() {
	use treasurenet_runtime::UNIT;
	dev_ext(JAN_1_2026_MS).execute_with(|| {
		let eve = eve();
		let jan = Month::new(2026, 1).unwrap();
		let well = eve_january(0);
		// 10 February: too early for anyone but Eve.
		assert_noop!(
			AuditMint::audit_overdue(signed(&bob()), well, jan).map_err(|e| e.error),
			pallet_audit_mint::Error::<Runtime>::NotOverdue
		);
		assert_ok!(treasurenet_runtime::Producers::deposit(signed(&eve), 900 * UNIT));
		assert_ok!(treasurenet_runtime::Producers::withdraw(signed(&eve), 1_000 * UNIT));
		// 1 April = 31 January + 60 days.
		run_days(50);
		assert_eq!(Wells::today(), tn_primitives::Day::from_ymd(2026, 4, 1).unwrap());
		let pays = AuditMint::audit_overdue(signed(&bob()), well, jan).unwrap().pays_fee;
		assert_eq!(pays, frame_support::dispatch::Pays::No);
		let r = pallet_audit_mint::AuditRecords::<Runtime>::get(well, jan).unwrap();
		let due = r.value / 100; // atto-USD: SlashRatio 1 % of V, 1 UNIT per USD
		assert_eq!((r.producer.clone(), r.outcome.minted, r.outcome.slash), (eve.clone(), 0, due));
		let native = due / 1_000_000; // 10¹² base units per UNIT, 10¹⁸ atto per USD
		assert_eq!((r.slash_due, r.slashed, r.new_debt), (native, native, 0));
		let unbonding = pallet_producers::UnbondingOf::<Runtime>::get(&eve).unwrap();
		// V = $11,887.74 (as in C1): $118.8774 slashed.
		assert_eq!(native, 118_877_409_000_000);
		assert_eq!(unbonding.amount, 1_000 * UNIT - native);
		assert_eq!(deposit_held(&eve), 1_000 * UNIT - native);
		// Now January was audited: what unbonds stays until January leaves the horizon.
		assert_eq!(
			treasurenet_runtime::Producers::amendable_until(&eve),
			Some(tn_primitives::Day::from_ymd(2028, 2, 1).unwrap())
		);
		run_days(28);
		assert_noop!(
			treasurenet_runtime::Producers::claim_unbonded(signed(&eve)),
			pallet_producers::Error::<Runtime>::StillAmendable
		);
		check_invariants();
	});
}
