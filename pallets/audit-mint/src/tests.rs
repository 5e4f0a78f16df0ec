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
		assert_eq!((r.producer_share, r.beneficiaries.to_vec()), (800 * ONE_TAT, vec![(B1, 200 * ONE_TAT)]));
		assert_eq!(Closed::get().get(&(WELL, tn_primitives::Month::new(2026, 1).unwrap())), Some(&true));
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
		assert_eq!(Closed::get().get(&(WELL, tn_primitives::Month::new(2026, 1).unwrap())), Some(&false));
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
		assert_eq!((r.slash_due, r.slashed, r.new_debt), (6_896_551_724_137, 1_000_000_000_000, 5_896_551_724_137));
		let feb = tn_primitives::Month::new(2026, 2).unwrap();
		let mut months = Months::get();
		let mut next = months.get(&(WELL, m)).unwrap().clone();
		next.volume = 100;
		months.insert((WELL, feb), next);
		Months::set(months);
		let mut f = OfficialFigures::get();
		f.insert((WELL, feb), 100);
		OfficialFigures::set(f);
		assert_noop!(AuditMint::mint(RuntimeOrigin::signed(PRODUCER), WELL, feb), DispatchError::Other("ProducerInDebt"));
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
		assert_noop!(AuditMint::mint(RuntimeOrigin::signed(OTHER), WELL, m), DispatchError::Other("NotOwner"));
		// Nothing uploaded for another month.
		assert_noop!(
			AuditMint::mint(RuntimeOrigin::signed(PRODUCER), WELL, tn_primitives::Month::new(2026, 3).unwrap()),
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
		assert_noop!(mint(m), Error::<Test>::MintFailed);
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
		assert_eq!((p.outcome, p.producer_share, p.official_volume), (r.outcome, r.producer_share, 100));
		assert_eq!(p.beneficiaries, r.beneficiaries.to_vec());
		assert_noop!(AuditMint::do_preview(WELL, m), Error::<Test>::AlreadyAudited);
	});
}

#[test]
fn an_amended_official_figure_after_the_audit_is_recorded_not_reminted() {
	test(|| {
		let _ = run(100, 100);
		let m = tn_primitives::Month::new(2026, 1).unwrap();
		let amended = tn_primitives::feeds::Provenance { updated: tn_primitives::Day(20_530), file_hash: [6; 32] };
		AuditMint::note_official(WELL, m, 90, amended);
		System::assert_last_event(Event::OfficialAmendedAfterAudit { well: WELL, month: m, audited: 100, amended: 90 }.into());
		let events = System::events().len();
		// The same amendment again: no second event.
		AuditMint::note_official(WELL, m, 90, amended);
		assert_eq!(System::events().len(), events);
		assert_eq!(AuditRecords::<Test>::get(WELL, m).unwrap().amended, Some((90, amended)));
		assert_eq!(Assets::total_issuance(TAT), V);
		// The audited figure itself is no amendment.
		AuditMint::note_official(WELL, m, 100, provenance());
		assert_eq!(System::events().len(), events);
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
