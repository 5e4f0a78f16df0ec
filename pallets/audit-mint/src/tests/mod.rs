//! Unit tests of the audit-mint pallet: the deviation table at every boundary, refusals, the split,
//! slashing with debt, and the invariant that only audits mint TAT.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, traits::fungibles::Inspect};
use sp_arithmetic::Perbill;
use sp_runtime::DispatchError;
use tn_primitives::{Band, ONE_TAT};

const V: u128 = 1_000 * ONE_TAT;

fn tat(who: AccountId) -> u128 {
	Assets::balance(TAT, who)
}
fn mint(m: tn_primitives::Month) -> sp_runtime::DispatchResult {
	AuditMint::mint(RuntimeOrigin::signed(PRODUCER), WELL, m)
		.map(|_| ())
		.map_err(|e| e.error)
}

/// Mint one month (P, O, V = $1,000, beneficiaries B1 20 %) and return its record.
fn run(p: u64, o: u64) -> AuditRecordOf<Test> {
	producer(PRODUCER, 1_000_000 * 1_000_000_000_000);
	let m = month(p, V, Some(o), vec![(B1, Perbill::from_percent(20))]);
	assert_ok!(mint(m));
	AuditRecords::<Test>::get(WELL, m).unwrap()
}

#[test]
fn under_reporting_mints_v_without_slash() {
	test(|| {
		let r = run(95, 100); // d = −5 %
		assert_eq!(r.outcome.band, Band::Under);
		assert_eq!(r.outcome.deviation_ppb, Some(-50_000_000));
		assert_eq!((r.outcome.minted, r.outcome.slash, r.slash_due), (V, 0, 0));
		assert_eq!((tat(PRODUCER), tat(B1)), (800 * ONE_TAT, 200 * ONE_TAT));
		assert_eq!(
			(r.producer_share, r.beneficiaries.to_vec()),
			(800 * ONE_TAT, vec![(B1, 200 * ONE_TAT)])
		);
		assert_eq!(
			Closed::get().get(&(WELL, tn_primitives::Month::new(2026, 1).unwrap())),
			Some(&true)
		);
	});
}

#[test]
fn exact_match() {
	test(|| {
		let r = run(100, 100);
		assert_eq!((r.outcome.band, r.outcome.minted, r.outcome.slash), (Band::Exact, V, 0));
		assert_eq!(Assets::total_issuance(TAT), V);
	});
}

#[test]
fn eight_percent_is_corrected_without_slash() {
	test(|| {
		let r = run(108, 100);
		assert_eq!(r.outcome.band, Band::Minor);
		// V' = 1000 × 100/108 = 925.925925...
		assert_eq!(r.outcome.minted, 925_925_925_925_925_925_925);
		assert_eq!((r.outcome.slash, r.slash_due), (0, 0));
		assert_eq!(tat(B1), 185_185_185_185_185_185_185);
		assert_eq!(tat(PRODUCER), 925_925_925_925_925_925_925 - 185_185_185_185_185_185_185);
	});
}

#[test]
fn ten_percent_boundary_is_not_slashed() {
	test(|| {
		let r = run(110, 100);
		assert_eq!((r.outcome.band, r.outcome.slash), (Band::Minor, 0));
	});
}

#[test]
fn twenty_percent_slashes_proportionally() {
	test(|| {
		let r = run(120, 100);
		assert_eq!(r.outcome.band, Band::Moderate);
		assert_eq!(r.outcome.minted, 833_333_333_333_333_333_333);
		// V' × 20 % × 1 % = $1.666...; at 1 UNIT/USD → 1.666666666666 UNIT (10¹² base).
		assert_eq!(r.outcome.slash, 1_666_666_666_666_666_666);
		assert_eq!((r.slash_due, r.slashed, r.new_debt), (1_666_666_666_666, 1_666_666_666_666, 0));
	});
}

#[test]
fn thirty_percent_boundary_slashes_at_thirty() {
	test(|| {
		let r = run(130, 100);
		assert_eq!(r.outcome.band, Band::Moderate);
		assert_eq!(r.outcome.slash, 2_307_692_307_692_307_692);
	});
}

#[test]
fn forty_five_percent_slashes_the_whole_corrected_value() {
	test(|| {
		let r = run(145, 100);
		assert_eq!(r.outcome.band, Band::Major);
		assert_eq!(r.outcome.minted, 689_655_172_413_793_103_448);
		assert_eq!(r.outcome.slash, 6_896_551_724_137_931_034);
	});
}

#[test]
fn no_official_production_mints_nothing_and_slashes_v() {
	test(|| {
		let r = run(100, 0);
		assert_eq!(r.outcome.band, Band::NoOfficialProduction);
		assert_eq!((r.outcome.minted, r.outcome.slash), (0, 10 * ONE_TAT));
		assert_eq!((tat(PRODUCER), tat(B1)), (0, 0));
		assert_eq!(
			Closed::get().get(&(WELL, tn_primitives::Month::new(2026, 1).unwrap())),
			Some(&false)
		);
	});
}

#[test]
fn nothing_produced_nothing_reported_closes_the_month() {
	test(|| {
		let r = run(0, 0);
		assert_eq!((r.outcome.band, r.outcome.minted, r.outcome.slash), (Band::Empty, 0, 0));
	});
}

#[test]
fn a_slash_above_the_deposit_becomes_debt_and_blocks_the_next_mint() {
	test(|| {
		producer(PRODUCER, 1_000_000_000_000); // 1 UNIT
		let m = month(145, V, Some(100), vec![]);
		assert_ok!(mint(m));
		let r = AuditRecords::<Test>::get(WELL, m).unwrap();
		// $6.896551724137 due: 1 UNIT slashed, the rest is debt.
		assert_eq!(
			(r.slash_due, r.slashed, r.new_debt),
			(6_896_551_724_137, 1_000_000_000_000, 5_896_551_724_137)
		);
		let feb = tn_primitives::Month::new(2026, 2).unwrap();
		let mut months = Months::get();
		let mut next = months.get(&(WELL, m)).unwrap().clone();
		next.volume = 100;
		months.insert((WELL, feb), next);
		Months::set(months);
		let mut f = OfficialFigures::get();
		f.insert((WELL, feb), (100, provenance()));
		OfficialFigures::set(f);
		assert_noop!(
			AuditMint::mint(RuntimeOrigin::signed(PRODUCER), WELL, feb),
			DispatchError::Other("ProducerInDebt")
		);
	});
}

#[test]
fn refusals_change_nothing() {
	test(|| {
		let m = month(100, V, None, vec![]);
		// Not a producer.
		assert_noop!(mint(m), DispatchError::Other("NotProducer"));
		producer(PRODUCER, 10);
		// No official figure yet.
		assert_noop!(mint(m), Error::<Test>::NoOfficialFigure);
		// Not the owner (OTHER is a producer too).
		producer(OTHER, 10);
		assert_noop!(
			AuditMint::mint(RuntimeOrigin::signed(OTHER), WELL, m),
			DispatchError::Other("NotOwner")
		);
		// Nothing uploaded for another month.
		assert_noop!(
			AuditMint::mint(
				RuntimeOrigin::signed(PRODUCER),
				WELL,
				tn_primitives::Month::new(2026, 3).unwrap()
			),
			DispatchError::Other("NothingUploaded")
		);
		// Suspended.
		let mut all = ProducerStates::get();
		all.get_mut(&PRODUCER).unwrap().suspended = true;
		ProducerStates::set(all);
		assert_noop!(mint(m), DispatchError::Other("ProducerSuspended"));
		assert_eq!(Assets::total_issuance(TAT), 0);
	});
}

#[test]
fn a_failing_tat_mint_fails_the_whole_audit() {
	test(|| {
		producer(PRODUCER, 1_000_000 * 1_000_000_000_000);
		let m = month(100, V, Some(100), vec![(B1, Perbill::from_percent(20))]);
		// The asset is being destroyed (its owner started it; in the runtime nothing can):
		// minting fails, and so does the audit — no record, no slash, the month stays open.
		assert_ok!(Assets::start_destroy(RuntimeOrigin::signed(AuditMint::account_id()), TAT));
		assert_noop!(mint(m), sp_runtime::TokenError::UnknownAsset);
		assert!(AuditRecords::<Test>::get(WELL, m).is_none());
		assert_eq!(Assets::total_issuance(TAT), 0);
	});
}

#[test]
fn double_mint_is_refused() {
	test(|| {
		let _ = run(100, 100);
		let m = tn_primitives::Month::new(2026, 1).unwrap();
		assert_noop!(mint(m), Error::<Test>::AlreadyAudited);
		assert_eq!(Assets::total_issuance(TAT), V);
	});
}

#[test]
fn split_among_the_most_beneficiaries_gives_dust_to_the_owner() {
	test(|| {
		producer(PRODUCER, 0);
		let third = Perbill::from_rational(1u32, 9u32);
		let shares: Vec<_> = (0..9).map(|i| (100 + i, third)).collect();
		let m = month(100, 1_000, Some(100), shares);
		assert_ok!(mint(m));
		// floor(1000 / 9) = 111 each ×9 = 999 (Perbill 1/9 = 0.111111111); the owner gets 1.
		for i in 0..9 {
			assert_eq!(tat(100 + i), 111);
		}
		assert_eq!(tat(PRODUCER), 1);
	});
}

#[test]
fn governance_parameters_apply_to_the_next_mint() {
	test(|| {
		Ratio::set(Perbill::from_percent(5));
		let r = run(120, 100);
		// 5 × the default: V × 20/120 × 5 % = $8.333...
		assert_eq!(r.outcome.slash, 8_333_333_333_333_333_333);
	});
}

#[test]
fn preview_matches_the_mint_and_changes_nothing() {
	test(|| {
		producer(PRODUCER, 0);
		let m = month(120, V, Some(100), vec![(B1, Perbill::from_percent(20))]);
		let p = AuditMint::do_preview(WELL, m).unwrap();
		assert_eq!(Assets::total_issuance(TAT), 0);
		assert_ok!(mint(m));
		let r = AuditRecords::<Test>::get(WELL, m).unwrap();
		assert_eq!(
			(p.outcome, p.producer_share, p.official_volume),
			(r.outcome, r.producer_share, 100)
		);
		assert_eq!(p.beneficiaries, r.beneficiaries.to_vec());
		assert_noop!(AuditMint::do_preview(WELL, m), Error::<Test>::AlreadyAudited);
	});
}

#[test]
fn an_amended_official_figure_after_the_audit_is_recorded_and_queued() {
	test(|| {
		let _ = run(100, 100);
		let m = tn_primitives::Month::new(2026, 1).unwrap();
		amend(WELL, m, 90);
		let amended = OfficialFigures::get()[&(WELL, m)].1;
		System::assert_last_event(
			Event::OfficialAmendedAfterAudit { well: WELL, month: m, audited: 100, amended: 90 }
				.into(),
		);
		let events = System::events().len();
		// The same amendment again: no second event, one queue entry.
		AuditMint::note_official(WELL, m, 90, amended);
		assert_eq!(System::events().len(), events);
		assert_eq!(AuditRecords::<Test>::get(WELL, m).unwrap().amended, Some((90, amended)));
		assert_eq!(Unsettled::<Test>::iter_keys().collect::<Vec<_>>(), vec![(WELL, m)]);
		// Nothing moves before the settlement.
		assert_eq!(Assets::total_issuance(TAT), V);
		// The audited figure itself is no amendment.
		AuditMint::note_official(WELL, m, 100, provenance());
		assert_eq!(System::events().len(), events);
	});
}

/// Everyone's position after a month: TAT of the producer and B1, the producer's deposit and
/// debt, the slash account, TAT's issuance.
fn positions() -> (u128, u128, u128, u128, u128, u128) {
	let p = ProducerStates::get().get(&PRODUCER).cloned().unwrap_or_default();
	(tat(PRODUCER), tat(B1), p.deposit, p.debt, SlashAccount::get(), Assets::total_issuance(TAT))
}

/// Mint January with P and official `first`, then amend it to `latest` and settle;
/// returns the positions and the record.
fn mint_then_amend(
	p: u64,
	first: u64,
	latest: u64,
	deposit: u128,
) -> ((u128, u128, u128, u128, u128, u128), AuditRecordOf<Test>) {
	producer(PRODUCER, deposit);
	let m = month(p, V, Some(first), vec![(B1, Perbill::from_percent(20))]);
	assert_ok!(mint(m));
	amend(WELL, m, latest);
	assert_ok!(AuditMint::settle(RuntimeOrigin::signed(OTHER), WELL, m));
	assert!(Unsettled::<Test>::iter_keys().next().is_none());
	(positions(), AuditRecords::<Test>::get(WELL, m).unwrap())
}

/// Mint January with P once the official figure is already `latest`.
fn mint_after_amendment(
	p: u64,
	latest: u64,
	deposit: u128,
) -> ((u128, u128, u128, u128, u128, u128), AuditRecordOf<Test>) {
	producer(PRODUCER, deposit);
	let m = month(p, V, Some(latest), vec![(B1, Perbill::from_percent(20))]);
	assert_ok!(mint(m));
	(positions(), AuditRecords::<Test>::get(WELL, m).unwrap())
}

const DEPOSIT: u128 = 1_000_000 * 1_000_000_000_000;

#[test]
fn an_amendment_up_tops_up_and_returns_the_slash_as_if_minted_after_it() {
	// P = 120: O 100 → d = 20 % (corrected to 833.33, slash 1.666 USD); amended O = 110 →
	// d = 9.09 % (corrected to 1000 × 110/120 = 916.66, no slash).
	let (settled, r) = test(|| mint_then_amend(120, 100, 110, DEPOSIT));
	let (direct, d) = test(|| mint_after_amendment(120, 110, DEPOSIT));
	assert_eq!(settled, direct);
	assert_eq!(settled.0 + settled.1, 916_666_666_666_666_666_666);
	assert_eq!((settled.2, settled.3, settled.4), (DEPOSIT, 0, 0));
	assert_eq!(
		(r.outcome, r.producer_share, r.beneficiaries.clone()),
		(d.outcome, d.producer_share, d.beneficiaries.clone())
	);
	let s = r.settlement.unwrap();
	assert_eq!(
		(s.first_official, s.first_minted, s.first_slash_due),
		(100, 833_333_333_333_333_333_333, 1_666_666_666_666)
	);
	assert_eq!(
		(s.topped_up, s.burned, s.unrecovered, s.refunded, s.count),
		(916_666_666_666_666_666_666 - 833_333_333_333_333_333_333, 0, 0, 1_666_666_666_666, 1)
	);
	assert_eq!((r.official_volume, r.amended), (110, None));
}

#[test]
fn an_amendment_down_burns_back_and_slashes_as_if_minted_after_it() {
	// P = 100: O 100 exact (1000 minted); amended O = 80 → d = 25 % (corrected to 800, slash
	// 1000 × 20/100 × 1 % = 2 USD).
	let (settled, r) = test(|| mint_then_amend(100, 100, 80, DEPOSIT));
	let (direct, _) = test(|| mint_after_amendment(100, 80, DEPOSIT));
	assert_eq!(settled, direct);
	assert_eq!((settled.0, settled.1), (640 * ONE_TAT, 160 * ONE_TAT));
	assert_eq!((settled.2, settled.4), (DEPOSIT - 2_000_000_000_000, 2_000_000_000_000));
	let s = r.settlement.unwrap();
	assert_eq!(
		(s.burned, s.topped_up, s.unrecovered, s.extra_slash_due),
		(200 * ONE_TAT, 0, 0, 2_000_000_000_000)
	);
	test(|| {
		let _ = mint_then_amend(100, 100, 80, DEPOSIT);
		System::assert_has_event(
			Event::Settled {
				well: WELL,
				month: r_month(),
				official_before: 100,
				official: 80,
				minted_before: V,
				minted: 800 * ONE_TAT,
				topped_up: 0,
				burned: 200 * ONE_TAT,
				unrecovered: 0,
				slash_due_before: 0,
				slash_due: 2_000_000_000_000,
			}
			.into(),
		);
	});
}

fn r_month() -> tn_primitives::Month {
	tn_primitives::Month::new(2026, 1).unwrap()
}

#[test]
fn a_refund_cancels_debt_first_as_if_minted_after_it() {
	// A deposit of 1 UNIT against a slash of 6.89 USD (P 145 vs O 100): debt; amended O = 140
	// (d = 3.57 %: no slash) → the debt is cancelled and the 1 UNIT comes back.
	let unit = 1_000_000_000_000;
	let (settled, r) = test(|| mint_then_amend(145, 100, 140, unit));
	let (direct, _) = test(|| mint_after_amendment(145, 140, unit));
	assert_eq!(settled, direct);
	assert_eq!((settled.2, settled.3, settled.4), (unit, 0, 0));
	assert_eq!(r.settlement.unwrap().refunded, 6_896_551_724_137);
}

#[test]
fn over_minted_tat_a_holder_moved_away_is_slashed_from_the_producer() {
	test(|| {
		producer(PRODUCER, DEPOSIT);
		let m = month(100, V, Some(100), vec![(B1, Perbill::from_percent(20))]);
		assert_ok!(mint(m));
		// B1 moves 150 of its 200 TAT away before the amendment.
		assert_ok!(Assets::transfer(RuntimeOrigin::signed(B1), TAT.into(), OTHER, 150 * ONE_TAT));
		amend(WELL, m, 80);
		assert_ok!(AuditMint::settle(RuntimeOrigin::signed(OTHER), WELL, m));
		// B1's part falls 200 → 160: 40 to burn, it holds 50 → burned; the producer's 800 → 640.
		assert_eq!(
			(tat(B1), tat(PRODUCER), tat(OTHER)),
			(10 * ONE_TAT, 640 * ONE_TAT, 150 * ONE_TAT)
		);
		let s = AuditRecords::<Test>::get(WELL, m).unwrap().settlement.unwrap();
		assert_eq!((s.burned, s.unrecovered), (200 * ONE_TAT, 0));

		// Again down to 50 (d = 100 %: minted 500): B1's part 160 → 100, it holds 10 → 50 TAT
		// unrecovered, slashed from the producer as 50 USD (the try_state check counts them).
		amend(WELL, m, 50);
		assert_ok!(AuditMint::settle(RuntimeOrigin::signed(OTHER), WELL, m));
		let r = AuditRecords::<Test>::get(WELL, m).unwrap();
		let s = r.settlement.clone().unwrap();
		assert_eq!((tat(B1), tat(PRODUCER)), (0, 400 * ONE_TAT));
		assert_eq!(
			(s.unrecovered, s.count, s.first_official, s.first_minted),
			(50 * ONE_TAT, 2, 100, V)
		);
		assert_eq!(TotalUnrecovered::<Test>::get(), 50 * ONE_TAT);
		assert_eq!(Assets::total_issuance(TAT), 500 * ONE_TAT + 50 * ONE_TAT);
		// Slash of the final figure (1000 × 50/100 × 1 % = 5 USD) plus the 50 USD unrecovered.
		assert_eq!(r.slash_due, 5_000_000_000_000);
		assert_eq!(SlashAccount::get(), 55_000_000_000_000);
	});
}

#[test]
fn settlement_refusals_change_nothing() {
	test(|| {
		let m = r_month();
		assert_noop!(
			AuditMint::settle(RuntimeOrigin::signed(OTHER), WELL, m),
			Error::<Test>::NotAudited
		);
		let _ = run(100, 100);
		assert_noop!(
			AuditMint::settle(RuntimeOrigin::signed(OTHER), WELL, m),
			Error::<Test>::NothingToSettle
		);
		OfficialFigures::set(Default::default());
		assert_noop!(
			AuditMint::settle(RuntimeOrigin::signed(OTHER), WELL, m),
			Error::<Test>::NoOfficialFigure
		);
		assert_noop!(AuditMint::settle(RuntimeOrigin::none(), WELL, m), DispatchError::BadOrigin);
	});
}

#[test]
fn on_idle_settles_the_queue_within_its_weight() {
	use frame_support::{traits::Hooks, weights::Weight};
	test(|| {
		let _ = run(100, 100);
		let m = r_month();
		amend(WELL, m, 80);
		let one = <() as WeightInfo>::settle(9);
		// Not enough room: nothing happens.
		assert_eq!(
			AuditMint::on_idle(2, one.saturating_sub(Weight::from_parts(1, 0))),
			Weight::zero()
		);
		assert_eq!(Unsettled::<Test>::iter_keys().count(), 1);
		assert_eq!(Assets::total_issuance(TAT), V);
		// Room for one: settled.
		let used = AuditMint::on_idle(2, one.saturating_mul(2));
		assert!(used.all_gte(one));
		assert_eq!(Unsettled::<Test>::iter_keys().count(), 0);
		assert_eq!(Assets::total_issuance(TAT), 800 * ONE_TAT);
		// An amendment back to the settled figure before its settlement leaves the queue quietly.
		amend(WELL, m, 70);
		let settled = AuditRecords::<Test>::get(WELL, m).unwrap().provenance;
		let mut f = OfficialFigures::get();
		f.insert((WELL, m), (80, settled));
		OfficialFigures::set(f);
		let _ = AuditMint::on_idle(3, one.saturating_mul(2));
		assert_eq!(Unsettled::<Test>::iter_keys().count(), 0);
		assert_eq!(AuditRecords::<Test>::get(WELL, m).unwrap().official_volume, 80);
	});
}

#[test]
fn shares_below_tat_s_minimum_balance_go_to_the_owner() {
	test(|| {
		// TAT's minimum balance raised to 1 cent.
		let cent = ONE_TAT / 100;
		assert_ok!(Assets::force_asset_status(
			RuntimeOrigin::root(),
			TAT.into(),
			AuditMint::account_id(),
			AuditMint::account_id(),
			AuditMint::account_id(),
			AuditMint::account_id(),
			cent,
			true,
			false
		));
		producer(PRODUCER, DEPOSIT);
		// $1 minted: B1's 0.5 % is half a cent → to the owner.
		let m = month(100, ONE_TAT, Some(100), vec![(B1, Perbill::from_rational(5u32, 1000u32))]);
		assert_ok!(mint(m));
		assert_eq!((tat(PRODUCER), tat(B1)), (ONE_TAT, 0));
		let r = AuditRecords::<Test>::get(WELL, m).unwrap();
		assert_eq!((r.producer_share, r.beneficiaries.to_vec()), (ONE_TAT, vec![(B1, 0)]));
	});
}

#[test]
fn mint_and_settle_refund_the_weight_of_absent_beneficiaries() {
	test(|| {
		producer(PRODUCER, DEPOSIT);
		let m = month(100, V, Some(100), vec![(B1, Perbill::from_percent(20))]);
		let post = AuditMint::mint(RuntimeOrigin::signed(PRODUCER), WELL, m).unwrap();
		assert_eq!(post.actual_weight, Some(AuditMint::audit_weight(1)));
		amend(WELL, m, 90);
		let post = AuditMint::settle(RuntimeOrigin::signed(OTHER), WELL, m).unwrap();
		assert_eq!(post.actual_weight, Some(AuditMint::settle_weight(1)));
	});
}

#[test]
fn only_the_audit_pallet_mints_tat() {
	test(|| {
		// The asset's issuer is the pallet account; nobody else can mint through pallet-assets.
		let issuer = AuditMint::account_id();
		assert_noop!(
			Assets::mint(RuntimeOrigin::signed(PRODUCER), TAT.into(), PRODUCER, 1),
			pallet_assets::Error::<Test>::NoPermission
		);
		assert_eq!(pallet_assets::Asset::<Test>::get(TAT).unwrap().issuer, issuer);
	});
}

#[test]
fn overflow_sized_values_do_not_panic() {
	test(|| {
		producer(PRODUCER, 0);
		let m = month(u64::MAX, u128::MAX / 2, Some(1), vec![(B1, Perbill::from_percent(50))]);
		assert_ok!(mint(m));
		let r = AuditRecords::<Test>::get(WELL, m).unwrap();
		assert_eq!(r.outcome.band, Band::Major);
		assert_eq!(r.producer_share + r.beneficiaries[0].1, r.outcome.minted);
	});
}

#[test]
fn migration_v1_keeps_records_reconstructs_ratios_and_queues_pending_amendments_once() {
	use crate::migration::v1::{AuditRecordV0, MigrateToV1};
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	test(|| {
		let now = run(100, 100);
		let m = r_month();
		// Rewrite the record in its version-0 layout (with a pending amendment) at version 0.
		let amended = Some((80, provenance()));
		let old = AuditRecordV0::<AccountId, Balance, u64, <Test as Config>::MaxBeneficiaries> {
			producer: now.producer,
			producer_volume: now.producer_volume,
			official_volume: now.official_volume,
			provenance: now.provenance,
			value: now.value,
			outcome: now.outcome,
			slash_due: now.slash_due,
			slashed: now.slashed,
			new_debt: now.new_debt,
			producer_share: now.producer_share,
			beneficiaries: now.beneficiaries.clone(),
			pricing: now.pricing,
			block: now.block,
			amended,
		};
		frame_support::storage::unhashed::put_raw(
			&AuditRecords::<Test>::hashed_key_for(WELL, m),
			&codec::Encode::encode(&old),
		);
		StorageVersion::new(0).put::<AuditMint>();
		MigrateToV1::<Test>::on_runtime_upgrade();
		assert_eq!(AuditMint::on_chain_storage_version(), StorageVersion::new(1));
		crate::migration::v2::MigrateToV2::<Test>::on_runtime_upgrade();
		let migrated = AuditRecords::<Test>::get(WELL, m).unwrap();
		assert_eq!(migrated.ratios.to_vec(), vec![Perbill::from_percent(20)]);
		assert_eq!(
			(migrated.beneficiaries.clone(), migrated.amended, migrated.settlement.clone()),
			(now.beneficiaries.clone(), amended, None)
		);
		assert_eq!(Unsettled::<Test>::iter_keys().collect::<Vec<_>>(), vec![(WELL, m)]);
		assert_eq!(AuditMint::on_chain_storage_version(), StorageVersion::new(2));
		// A second run changes nothing (the version gate).
		Unsettled::<Test>::remove(WELL, m);
		MigrateToV1::<Test>::on_runtime_upgrade();
		assert!(Unsettled::<Test>::iter_keys().next().is_none());
		// Restore a consistent state for the invariants (the pending amendment is not real).
		AuditRecords::<Test>::mutate(WELL, m, |r| r.as_mut().unwrap().amended = None);
	});
}

#[test]
fn audits_of_lists_a_well_s_records_by_month() {
	test(|| {
		let r = run(100, 100);
		let got = AuditMint::audits_of(WELL);
		assert_eq!(got, vec![(r_month(), r)]);
		assert!(AuditMint::audits_of(WELL + 1).is_empty());
	});
}

#[test]
fn audits_are_paged_in_storage_order_each_record_once() {
	// A view test on copies of one record at other keys (the invariants' totals would not add up,
	// so not under `test()`'s try_state).
	new_test_ext().execute_with(|| {
		let r = run(100, 100);
		let mut keys = vec![(WELL, r_month())];
		for (w, mo) in [(WELL, 1u8), (WELL, 2), (7, 1), (900, 12)] {
			let m = tn_primitives::Month { year: 2025, month: mo };
			AuditRecords::<Test>::insert(w, m, r.clone());
			keys.push((w, m));
		}
		keys.sort_by_key(|(w, m)| (*w, m.year, m.month));
		let walk = |limit: u32| {
			let (mut got, mut after, mut pages) = (Vec::new(), None, 0);
			loop {
				let page = AuditMint::audits(after, limit);
				pages += 1;
				let Some((w, m, _)) = page.last() else { break };
				after = Some((*w, *m));
				assert!(page.iter().all(|(.., rec)| *rec == r));
				got.extend(page.iter().map(|(w, m, _)| (*w, *m)));
			}
			got.sort_by_key(|(w, m)| (*w, m.year, m.month));
			(got, pages)
		};
		// 5 records: pages of 2 → 2, 2, 1, then the empty end; one page of 100.
		assert_eq!(walk(2), (keys.clone(), 4));
		assert_eq!(walk(100), (keys.clone(), 2));
		assert_eq!(walk(1), (keys.clone(), 6));
		// A limit of 0 reads one record; the page after the last record is empty.
		assert_eq!(AuditMint::audits(None, 0).len(), 1);
		let last = AuditMint::audits(None, 100).last().map(|(w, m, _)| (*w, *m));
		assert!(AuditMint::audits(last, 100).is_empty());
	});
}

#[test]
fn the_producer_is_told_of_its_audit_an_amendment_and_the_settlement() {
	use tn_primitives::{notices::testing::Recorder, NoticeKind};
	// P = 120, O = 100: d = 20 %, V' = 833.33 TAT, slash 1.666 USD = 1,666,666,666,666 native.
	let (_, r) = test(|| mint_then_amend(120, 100, 110, DEPOSIT));
	let notices = test(|| {
		Recorder::take(); // the notices of the run above
		producer(PRODUCER, DEPOSIT);
		let m = month(120, V, Some(100), vec![(B1, Perbill::from_percent(20))]);
		assert_ok!(mint(m));
		amend(WELL, m, 110);
		assert_ok!(AuditMint::settle(RuntimeOrigin::signed(OTHER), WELL, m));
		Recorder::take()
	});
	let jan = tn_primitives::Month::new(2026, 1).unwrap();
	assert_eq!(
		notices,
		vec![
			(
				PRODUCER,
				NoticeKind::Audited {
					well: WELL,
					month: jan,
					tat: 833_333_333_333_333_333_333,
					slash_due: 1_666_666_666_666,
					slashed: 1_666_666_666_666,
					new_debt: 0,
				}
			),
			(
				PRODUCER,
				NoticeKind::OfficialAmended { well: WELL, month: jan, audited: 100, amended: 110 }
			),
			(
				PRODUCER,
				NoticeKind::Settled {
					well: WELL,
					month: jan,
					official_before: 100,
					official: 110,
					tat_before: 833_333_333_333_333_333_333,
					tat: r.outcome.minted,
					slash_due_before: 1_666_666_666_666,
					slash_due: 0,
				}
			),
		]
	);
	assert_eq!(r.outcome.minted, 916_666_666_666_666_666_666);
}

#[test]
fn months_say_the_state_and_why_a_month_is_not_mintable() {
	use tn_primitives::Month;
	test(|| {
		let jan = month(100, V, None, vec![]);
		// No producer yet: what `mint` would say first.
		let info = AuditMint::month_info(WELL, jan);
		assert_eq!(
			(info.state, info.blocker, info.days, info.volume),
			(MonthState::Open, Some(DispatchError::Other("NotProducer")), 31, 100)
		);
		producer(PRODUCER, DEPOSIT);
		assert_eq!(
			AuditMint::month_info(WELL, jan).blocker,
			Some(Error::<Test>::NoOfficialFigure.into())
		);
		let mut f = OfficialFigures::get();
		f.insert((WELL, jan), (100, provenance()));
		OfficialFigures::set(f);
		let info = AuditMint::month_info(WELL, jan);
		assert_eq!((info.state, info.blocker.clone()), (MonthState::Mintable, None));
		assert_eq!(info.official, Some((100, provenance())));
		// The preview it carries is what the mint does.
		assert_eq!(info.preview, Some(AuditMint::preview(WELL, jan).unwrap()));
		assert_eq!(info.preview.unwrap().outcome.minted, V);
		// In debt: not mintable, and it says why.
		let mut all = ProducerStates::get();
		all.get_mut(&PRODUCER).unwrap().debt = 1;
		ProducerStates::set(all.clone());
		assert_eq!(
			AuditMint::month_info(WELL, jan).blocker,
			Some(DispatchError::Other("ProducerInDebt"))
		);
		all.get_mut(&PRODUCER).unwrap().debt = 0;
		ProducerStates::set(all);
		assert_ok!(mint(jan));
		assert_eq!(AuditMint::month_info(WELL, jan).state, MonthState::Audited);
		// Paging, newest first: February and March with uploads, January audited.
		let mut months = Months::get();
		let template = months.get(&(WELL, jan)).unwrap().clone();
		for m in [2u8, 3] {
			months.insert((WELL, Month::new(2026, m).unwrap()), template.clone());
		}
		Months::set(months);
		let page = |before, limit| -> Vec<(Month, MonthState)> {
			AuditMint::months(WELL, before, limit)
				.into_iter()
				.map(|i| (i.month, i.state))
				.collect()
		};
		let (feb, mar) = (Month::new(2026, 2).unwrap(), Month::new(2026, 3).unwrap());
		assert_eq!(
			page(None, 10),
			vec![(mar, MonthState::Open), (feb, MonthState::Open), (jan, MonthState::Audited)]
		);
		assert_eq!(page(None, 1), vec![(mar, MonthState::Open)]);
		assert_eq!(page(Some(mar), 1), vec![(feb, MonthState::Open)]);
		assert_eq!(page(Some(feb), 10), vec![(jan, MonthState::Audited)]);
		assert_eq!(page(Some(jan), 10), vec![]);
		assert_eq!(page(None, 0), vec![]);
		// A zero-volume audit is Failed.
		let mut f = OfficialFigures::get();
		f.insert((WELL, feb), (0, provenance()));
		OfficialFigures::set(f);
		let mut months = Months::get();
		months.get_mut(&(WELL, feb)).unwrap().volume = 0;
		Months::set(months);
		assert_ok!(mint(feb));
		assert_eq!(AuditMint::month_info(WELL, feb).state, MonthState::Failed);
	});
}

// ---------------------------------------------------------------------------------------------
// Issue 25: settlements apply the mint's rules (M1), dust, failed settlements.
// ---------------------------------------------------------------------------------------------

/// TAT's minimum balance raised to one cent, as on the chain (the mock's is 1 base unit).
fn cent_minimum() {
	assert_ok!(Assets::force_asset_status(
		RuntimeOrigin::root(),
		TAT.into(),
		AuditMint::account_id(),
		AuditMint::account_id(),
		AuditMint::account_id(),
		AuditMint::account_id(),
		ONE_TAT / 100,
		true,
		false
	));
}

/// P = 120 minted with O = 100 under the default rules (SlashRatio 1 %, bands 10 % / 30 %,
/// 10⁶ atto-USD per native unit); then governance changes all three (5 %, 1 % / 2 %, 10³) and O is
/// amended to 105 (d = 14.28 %). The settlement re-audits with the mint's rules: moderate band,
/// slash 1,000 × 15/120 × 1 % = 1.25 USD = 1,250,000,000,000 native — exactly what minting after
/// the amendment under the mint's rules gives. Today's rules would put it in the major band
/// (slash 875 × 5 % = 43.75 USD, at 10¹⁵ native per USD).
#[test]
fn a_settlement_applies_the_rules_of_its_audit_not_today_s() {
	let (settled, r) = test(|| {
		producer(PRODUCER, DEPOSIT);
		let m = month(120, V, Some(100), vec![(B1, Perbill::from_percent(20))]);
		assert_ok!(mint(m));
		let rules = AuditRecords::<Test>::get(WELL, m).unwrap().rules;
		assert_eq!(
			rules,
			AuditRules {
				slash_ratio: Perbill::from_percent(1),
				bands: tn_primitives::DeviationBands::DEFAULT,
				native_per_usd: 1_000_000_000_000,
			}
		);
		Ratio::set(Perbill::from_percent(5));
		Bands::set(
			tn_primitives::DeviationBands::new(Perbill::from_percent(1), Perbill::from_percent(2))
				.unwrap(),
		);
		UsdRate::set(1_000);
		amend(WELL, m, 105);
		assert_ok!(AuditMint::settle(RuntimeOrigin::signed(OTHER), WELL, m));
		let r = AuditRecords::<Test>::get(WELL, m).unwrap();
		assert_eq!(r.rules, rules);
		(positions(), r)
	});
	let (direct, d) = test(|| mint_after_amendment(120, 105, DEPOSIT));
	assert_eq!(settled, direct);
	assert_eq!(r.outcome.band, Band::Moderate);
	assert_eq!(r.outcome.slash, 1_250_000_000_000_000_000);
	assert_eq!(r.slash_due, 1_250_000_000_000);
	assert_eq!((r.outcome, r.slash_due), (d.outcome, d.slash_due));
	assert_eq!(r.outcome.minted, 875 * ONE_TAT);
}

/// Alberta republishes its file (a new provenance) with the well's volume unchanged: nothing is
/// recorded, queued or told. A second file with an amended volume already pending changes
/// nothing either; only another volume is a new amendment.
#[test]
fn a_new_source_file_with_the_same_volume_is_no_amendment() {
	use tn_primitives::{feeds::Provenance, notices::testing::Recorder, Day};
	test(|| {
		let before = run(100, 100);
		let m = r_month();
		Recorder::take();
		let events = System::events().len();
		let republished = Provenance { updated: Day(20_540), file_hash: [9; 32] };
		let mut f = OfficialFigures::get();
		f.insert((WELL, m), (100, republished));
		OfficialFigures::set(f);
		AuditMint::note_official(WELL, m, 100, republished);
		assert_eq!(System::events().len(), events);
		assert!(Recorder::take().is_empty());
		assert_eq!(AuditRecords::<Test>::get(WELL, m).unwrap(), before);
		assert!(Unsettled::<Test>::iter_keys().next().is_none());
		assert_noop!(
			AuditMint::settle(RuntimeOrigin::signed(OTHER), WELL, m),
			Error::<Test>::NothingToSettle
		);
		// 90: one amendment (one event, one notice); the same 90 in yet another file: nothing.
		amend(WELL, m, 90);
		let first = AuditRecords::<Test>::get(WELL, m).unwrap().amended;
		assert_eq!(Recorder::take().len(), 1);
		let events = System::events().len();
		let again = Provenance { updated: Day(20_541), file_hash: [8; 32] };
		AuditMint::note_official(WELL, m, 90, again);
		assert_eq!(System::events().len(), events);
		assert!(Recorder::take().is_empty());
		assert_eq!(AuditRecords::<Test>::get(WELL, m).unwrap().amended, first);
		// Back to 100 before the settlement: the amendment is withdrawn, nothing to settle.
		AuditMint::note_official(WELL, m, 100, republished);
		assert_eq!(AuditRecords::<Test>::get(WELL, m).unwrap(), before);
		assert!(Unsettled::<Test>::iter_keys().next().is_none());
		assert_eq!(Assets::total_issuance(TAT), V);
	});
}

/// P = 1,000, O = 1,000, V = 1 TAT, no beneficiary: 1 TAT minted. O amended to 10: V' = 1 TAT ×
/// 10/1,000 = 0.01 TAT, exactly TAT's minimum balance, kept; then to 9: V' = 0.009 TAT, below it,
/// so nothing is minted and `TotalMinted` is 0 (it was 9 × 10¹⁵ before the fix while every part
/// was 0).
#[test]
fn a_settlement_to_below_one_cent_mints_nothing_and_keeps_total_minted() {
	test(|| {
		cent_minimum();
		producer(PRODUCER, DEPOSIT);
		let m = month(1_000, ONE_TAT, Some(1_000), vec![]);
		assert_ok!(mint(m));
		assert_eq!(TotalMinted::<Test>::get(), ONE_TAT);
		amend(WELL, m, 10);
		assert_ok!(AuditMint::settle(RuntimeOrigin::signed(OTHER), WELL, m));
		let r = AuditRecords::<Test>::get(WELL, m).unwrap();
		assert_eq!(
			(r.outcome.minted, r.producer_share),
			(10_000_000_000_000_000, 10_000_000_000_000_000)
		);
		assert_eq!(TotalMinted::<Test>::get(), 10_000_000_000_000_000);
		assert_eq!(tat(PRODUCER), 10_000_000_000_000_000);
		assert!(Closed::get()[&(WELL, m)]);
		AuditMint::do_try_state().unwrap();
		amend(WELL, m, 9);
		assert_ok!(AuditMint::settle(RuntimeOrigin::signed(OTHER), WELL, m));
		System::assert_last_event(
			Event::Settled {
				well: WELL,
				month: m,
				official_before: 10,
				official: 9,
				minted_before: 10_000_000_000_000_000,
				minted: 0,
				topped_up: 0,
				burned: 10_000_000_000_000_000,
				unrecovered: 0,
				// V' × 1 % (d > 30 %): 10¹⁴ → 9 × 10¹³ atto-USD, / 10⁶.
				slash_due_before: 100_000_000,
				slash_due: 90_000_000,
			}
			.into(),
		);
		let r = AuditRecords::<Test>::get(WELL, m).unwrap();
		assert_eq!((r.outcome.minted, r.producer_share), (0, 0));
		assert_eq!(TotalMinted::<Test>::get(), 0);
		assert_eq!(Assets::total_issuance(TAT), 0);
		assert!(!Closed::get()[&(WELL, m)]);
	});
}

/// P = O = 1,000, V = 2 TAT, B1 50 %: 1 TAT each. B1 gives the producer 0.005 TAT (half a cent).
/// O amended to 4: V' = 0.008 TAT, below the minimum: every part is 0. B1's 0.995 TAT are burned
/// (0.005 unrecovered). Burning the producer's 1 TAT of its 1.005 would leave it 0.005 — dust
/// pallet-assets burns too (issuance 0.005 below the books). The burn stops at the minimum
/// instead: 0.995 TAT burned, 0.01 TAT left, 0.005 unrecovered (slashed). Issuance 0.01 TAT =
/// Σ minted 0 + unrecovered 0.01.
#[test]
fn burning_back_never_burns_a_holder_s_dust() {
	use frame_support::traits::{fungibles::Mutate, tokens::Preservation};
	test(|| {
		cent_minimum();
		producer(PRODUCER, DEPOSIT);
		let m = month(1_000, 2 * ONE_TAT, Some(1_000), vec![(B1, Perbill::from_percent(50))]);
		assert_ok!(mint(m));
		assert_ok!(<Assets as Mutate<AccountId>>::transfer(
			TAT,
			&B1,
			&PRODUCER,
			5_000_000_000_000_000,
			Preservation::Preserve,
		));
		amend(WELL, m, 4);
		assert_ok!(AuditMint::settle(RuntimeOrigin::signed(OTHER), WELL, m));
		System::assert_last_event(
			Event::Settled {
				well: WELL,
				month: m,
				official_before: 1_000,
				official: 4,
				minted_before: 2 * ONE_TAT,
				minted: 0,
				topped_up: 0,
				burned: 1_990_000_000_000_000_000,
				unrecovered: 10_000_000_000_000_000,
				slash_due_before: 0,
				// V' = 8 × 10¹⁵ × 1 % = 8 × 10¹³ atto-USD.
				slash_due: 80_000_000,
			}
			.into(),
		);
		assert_eq!((tat(PRODUCER), tat(B1)), (10_000_000_000_000_000, 0));
		assert_eq!(TotalMinted::<Test>::get(), 0);
		assert_eq!(TotalUnrecovered::<Test>::get(), 10_000_000_000_000_000);
		assert_eq!(Assets::total_issuance(TAT), 10_000_000_000_000_000);
		// Slashed: the new slash (8 × 10⁷) and the unrecovered 0.01 USD (10¹⁰).
		assert_eq!(SlashAccount::get(), 80_000_000 + 10_000_000_000);
	});
}

/// An amendment up (P = 100, O 80 → 100: 800 → 1,000 TAT) whose settlement fails in `on_idle`
/// (here the oracle no longer has a figure: `NoOfficialFigure`) is kept in `FailedSettlements`
/// with its error and an event, leaves the queue (a second `on_idle` does nothing), and is
/// settled by `settle` once the figure is back.
#[test]
fn a_failing_settlement_in_on_idle_is_kept_with_its_error_and_retried_by_settle() {
	use frame_support::{traits::Hooks, weights::Weight};
	test(|| {
		producer(PRODUCER, DEPOSIT);
		let m = month(100, V, Some(80), vec![]);
		assert_ok!(mint(m));
		assert_eq!(tat(PRODUCER), 800 * ONE_TAT);
		amend(WELL, m, 100);
		let figures = OfficialFigures::get();
		OfficialFigures::set(Default::default());
		System::set_block_number(5);
		let room = Weight::from_parts(u64::MAX / 2, u64::MAX / 2);
		let _ = AuditMint::on_idle(5, room);
		let error: DispatchError = Error::<Test>::NoOfficialFigure.into();
		System::assert_last_event(Event::SettlementFailed { well: WELL, month: m, error }.into());
		assert_eq!(
			FailedSettlements::<Test>::iter().collect::<Vec<_>>(),
			vec![(WELL, m, (error, 5))]
		);
		assert_eq!(AuditMint::failed_settlements(), vec![(WELL, m, error, 5)]);
		assert!(Unsettled::<Test>::iter_keys().next().is_none());
		assert!(AuditRecords::<Test>::get(WELL, m).unwrap().amended.is_some());
		// Not retried in every block.
		let events = System::events().len();
		assert_eq!(
			AuditMint::on_idle(6, room),
			Weight::zero().saturating_add(
				<<Test as frame_system::Config>::DbWeight as frame_support::traits::Get<
					frame_support::weights::RuntimeDbWeight,
				>>::get()
				.reads(1)
			)
		);
		assert_eq!(System::events().len(), events);
		assert_eq!(tat(PRODUCER), 800 * ONE_TAT);
		// The figure is back: anyone settles it.
		OfficialFigures::set(figures);
		assert_ok!(AuditMint::settle(RuntimeOrigin::signed(OTHER), WELL, m));
		assert_eq!(tat(PRODUCER), 1_000 * ONE_TAT);
		assert!(FailedSettlements::<Test>::iter_keys().next().is_none());
		// A further amendment that fails again, then a newer one: queued again, off the list.
		amend(WELL, m, 90);
		OfficialFigures::set(Default::default());
		let _ = AuditMint::on_idle(7, room);
		assert_eq!(FailedSettlements::<Test>::iter_keys().count(), 1);
		amend(WELL, m, 95);
		assert!(FailedSettlements::<Test>::iter_keys().next().is_none());
		assert_eq!(Unsettled::<Test>::iter_keys().collect::<Vec<_>>(), vec![(WELL, m)]);
		let _ = AuditMint::on_idle(8, room);
		assert!(Unsettled::<Test>::iter_keys().next().is_none());
		assert_eq!(tat(PRODUCER), 950 * ONE_TAT);
	});
}

/// Version 1 → 2: every record gets the rules in force at the upgrade (after a governance change
/// here: 5 %, 1 % / 2 %, 10³ atto-USD per native unit), a provenance-only pending amendment is
/// withdrawn, a real one stays queued; a second run changes nothing.
#[test]
fn migration_v2_gives_records_the_rules_in_force_and_withdraws_provenance_only_amendments() {
	use crate::migration::v2::{AuditRecordV1, MigrateToV2};
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	test(|| {
		let now = run(100, 100);
		let m = r_month();
		let old = |amended| AuditRecordV1::<
			AccountId,
			Balance,
			u64,
			<Test as Config>::MaxBeneficiaries,
		> {
			producer: now.producer,
			producer_volume: now.producer_volume,
			official_volume: now.official_volume,
			provenance: now.provenance,
			value: now.value,
			outcome: now.outcome,
			slash_due: now.slash_due,
			slashed: now.slashed,
			new_debt: now.new_debt,
			producer_share: now.producer_share,
			beneficiaries: now.beneficiaries.clone(),
			pricing: now.pricing,
			block: now.block,
			amended,
			ratios: now.ratios.clone(),
			settlement: None,
		};
		let put = |record: &AuditRecordV1<
			AccountId,
			Balance,
			u64,
			<Test as Config>::MaxBeneficiaries,
		>| {
			frame_support::storage::unhashed::put_raw(
				&AuditRecords::<Test>::hashed_key_for(WELL, m),
				&codec::Encode::encode(record),
			)
		};
		Ratio::set(Perbill::from_percent(5));
		let bands =
			tn_primitives::DeviationBands::new(Perbill::from_percent(1), Perbill::from_percent(2))
				.unwrap();
		Bands::set(bands);
		UsdRate::set(1_000);
		let in_force = AuditRules {
			slash_ratio: Perbill::from_percent(5),
			bands,
			native_per_usd: 1_000_000_000_000_000,
		};
		// A provenance-only amendment, queued.
		let republished = tn_primitives::feeds::Provenance {
			updated: tn_primitives::Day(20_540),
			file_hash: [9; 32],
		};
		put(&old(Some((100, republished))));
		Unsettled::<Test>::insert(WELL, m, ());
		StorageVersion::new(1).put::<AuditMint>();
		MigrateToV2::<Test>::on_runtime_upgrade();
		let migrated = AuditRecords::<Test>::get(WELL, m).unwrap();
		assert_eq!(migrated, AuditRecord { rules: in_force, ..now.clone() });
		assert!(Unsettled::<Test>::iter_keys().next().is_none());
		assert_eq!(AuditMint::on_chain_storage_version(), StorageVersion::new(2));
		// A real amendment stays queued.
		put(&old(Some((80, republished))));
		Unsettled::<Test>::insert(WELL, m, ());
		StorageVersion::new(1).put::<AuditMint>();
		MigrateToV2::<Test>::on_runtime_upgrade();
		assert_eq!(AuditRecords::<Test>::get(WELL, m).unwrap().amended, Some((80, republished)));
		assert_eq!(Unsettled::<Test>::iter_keys().collect::<Vec<_>>(), vec![(WELL, m)]);
		// A second run at version 2 changes nothing (the version gate).
		let before = AuditRecords::<Test>::get(WELL, m).unwrap();
		MigrateToV2::<Test>::on_runtime_upgrade();
		assert_eq!(AuditRecords::<Test>::get(WELL, m).unwrap(), before);
		// Restore a consistent state for the invariants (the pending amendment is not real).
		Unsettled::<Test>::remove(WELL, m);
		AuditRecords::<Test>::mutate(WELL, m, |r| r.as_mut().unwrap().amended = None);
	});
}

mod overdue;
