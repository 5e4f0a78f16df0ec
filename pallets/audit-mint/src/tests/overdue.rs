//! Issue 25, M2 and M3: no month escapes its audit. An overdue month is audited by anyone
//! without its producer (an O = 0 month included, its slash taken); a month that leaves the
//! amendment horizon without a usable figure, or whose well was removed, lapses.

use super::*;
use frame_support::dispatch::Pays;
use tn_primitives::{notices::testing::Recorder, Day, Month, NoticeKind};

const KEEPER: AccountId = 77;
/// A deposit far above every slash here (native base units).
const DEPOSIT: u128 = 1_000_000 * 1_000_000_000_000;

fn audit_overdue(m: Month) -> Result<Pays, sp_runtime::DispatchError> {
	AuditMint::audit_overdue(RuntimeOrigin::signed(KEEPER), WELL, m)
		.map(|info| info.pays_fee)
		.map_err(|e| e.error)
}
fn lapse(m: Month) -> Result<Pays, sp_runtime::DispatchError> {
	AuditMint::lapse_month(RuntimeOrigin::signed(KEEPER), WELL, m)
		.map(|info| info.pays_fee)
		.map_err(|e| e.error)
}
fn deposit_of(who: AccountId) -> u128 {
	ProducerStates::get().get(&who).map(|p| p.deposit).unwrap_or(0)
}
fn jan_end() -> Day {
	Month::new(2026, 1).unwrap().last_day()
}

/// The gravest case the producer would rather never mint: P = 100, O = 0. Sixty days after the
/// month (the default delay) anyone audits it: nothing minted, V × SlashRatio = $10 slashed
/// (10¹³ native base units at the mock's rate), whatever the producer's status.
#[test]
fn an_o_zero_month_is_audited_without_its_producer_once_overdue() {
	test(|| {
		producer(PRODUCER, DEPOSIT);
		let m = month(100, V, Some(0), vec![]);
		let mut states = ProducerStates::get();
		states.get_mut(&PRODUCER).unwrap().suspended = true;
		ProducerStates::set(states);
		assert_noop!(mint(m), DispatchError::Other("ProducerSuspended"));
		set_today(jan_end().plus(59));
		assert_noop!(audit_overdue(m), Error::<Test>::NotOverdue);
		set_today(jan_end().plus(60));
		Recorder::take();
		assert_eq!(audit_overdue(m), Ok(Pays::No));
		let r = AuditRecords::<Test>::get(WELL, m).unwrap();
		assert_eq!((r.producer, r.outcome.minted, r.outcome.slash), (PRODUCER, 0, 10 * ONE_TAT));
		assert_eq!(
			(r.slash_due, r.slashed, r.new_debt),
			(10_000_000_000_000, 10_000_000_000_000, 0)
		);
		assert_eq!(deposit_of(PRODUCER), DEPOSIT - 10_000_000_000_000);
		assert_eq!(Closed::get().get(&(WELL, m)), Some(&false));
		assert_eq!(LastAudited::get().get(&PRODUCER), Some(&m), "the deposit exposure is noted");
		System::assert_last_event(
			Event::<Test>::AuditedOverdue { well: WELL, month: m, by: KEEPER }.into(),
		);
		// The producer is told, as after its own mint.
		assert!(matches!(
			Recorder::take().as_slice(),
			[(PRODUCER, NoticeKind::Audited { tat: 0, .. })]
		));
		assert_noop!(audit_overdue(m), Error::<Test>::AlreadyAudited);
	});
}

/// The TAT goes where the owner's own mint would have sent it (B1 20 %), even to a producer in
/// debt (its debt gate delays its own mints, it does not confiscate audited value).
#[test]
fn an_overdue_audit_splits_the_tat_as_the_owner_s_mint_would() {
	test(|| {
		producer(PRODUCER, DEPOSIT);
		let mut states = ProducerStates::get();
		states.get_mut(&PRODUCER).unwrap().debt = 5;
		ProducerStates::set(states);
		let m = month(100, V, Some(100), vec![(B1, Perbill::from_percent(20))]);
		assert_noop!(mint(m), DispatchError::Other("ProducerInDebt"));
		set_today(jan_end().plus(60));
		assert_ok!(audit_overdue(m));
		assert_eq!((tat(PRODUCER), tat(B1), tat(KEEPER)), (800 * ONE_TAT, 200 * ONE_TAT, 0));
		assert_eq!(Assets::total_issuance(TAT), V);
		assert_eq!(TotalMinted::<Test>::get(), V);
	});
}

/// Governance removed the well with the month open: the month was dropped, it is never audited
/// — it lapses at once, nothing minted, nothing slashed.
#[test]
fn a_removed_well_s_open_month_is_not_audited_and_lapses_at_once() {
	test(|| {
		producer(PRODUCER, DEPOSIT);
		let m = month(100, V, Some(0), vec![]);
		RemovedWells::set(vec![WELL]);
		set_today(jan_end().plus(60));
		assert_noop!(audit_overdue(m), Error::<Test>::WellRemoved);
		Recorder::take();
		assert_eq!(lapse(m), Ok(Pays::No));
		assert_eq!(Closed::get().get(&(WELL, m)), Some(&false));
		assert!(AuditRecords::<Test>::get(WELL, m).is_none());
		assert_eq!((deposit_of(PRODUCER), Assets::total_issuance(TAT)), (DEPOSIT, 0));
		assert_eq!(
			Recorder::take(),
			vec![(PRODUCER, NoticeKind::MonthLapsed { well: WELL, month: m })]
		);
		System::assert_last_event(
			Event::<Test>::MonthLapsed { well: WELL, month: m, by: KEEPER, removed: true }.into(),
		);
	});
}

/// A month that never gets a figure closes once it leaves the horizon (12 months in the mock:
/// January 2026 leaves on 2027-02-01), and not a day earlier; a month with a figure is audited,
/// never lapsed.
#[test]
fn a_month_without_figure_lapses_once_it_leaves_the_horizon() {
	test(|| {
		producer(PRODUCER, DEPOSIT);
		let m = month(100, V, None, vec![]);
		let leaves = Day::from_ymd(2027, 2, 1).unwrap();
		set_today(Day(leaves.0 - 1));
		assert_noop!(lapse(m), Error::<Test>::NotPastHorizon);
		assert_noop!(audit_overdue(m), Error::<Test>::NoOfficialFigure);
		set_today(leaves);
		// With a figure it is auditable: lapsing it would let the producer escape the audit.
		let mut f = OfficialFigures::get();
		f.insert((WELL, m), (0, provenance()));
		OfficialFigures::set(f.clone());
		assert_noop!(lapse(m), Error::<Test>::MonthAuditable);
		f.remove(&(WELL, m));
		OfficialFigures::set(f);
		assert_ok!(lapse(m));
		assert_eq!(AuditMint::month_info(WELL, m).state, MonthState::Lapsed);
		assert_noop!(lapse(m), Error::<Test>::MonthNotOpen);
		assert_noop!(audit_overdue(m), DispatchError::Other("MonthAudited"));
		assert_eq!((deposit_of(PRODUCER), Assets::total_issuance(TAT)), (DEPOSIT, 0));
		assert_noop!(
			AuditMint::lapse_month(RuntimeOrigin::signed(KEEPER), 9, m).map_err(|e| e.error),
			Error::<Test>::UnknownWell
		);
	});
}

/// Audit-mint v3: each producer's last audited month is told to the producers pallet once (the
/// latest month wins), so records minted before the upgrade hold withdrawals too.
#[test]
fn the_v3_migration_notes_each_producer_s_last_audited_month() {
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	test(|| {
		producer(PRODUCER, DEPOSIT);
		let m = month(100, V, Some(100), vec![]);
		assert_ok!(mint(m));
		LastAudited::set(Default::default());
		StorageVersion::new(2).put::<AuditMint>();
		crate::migration::v3::MigrateToV3::<Test>::on_runtime_upgrade();
		assert_eq!(LastAudited::get().get(&PRODUCER), Some(&m));
		assert_eq!(AuditMint::on_chain_storage_version(), StorageVersion::new(3));
		// Versioned: a second run does nothing.
		LastAudited::set(Default::default());
		crate::migration::v3::MigrateToV3::<Test>::on_runtime_upgrade();
		assert!(LastAudited::get().is_empty());
	});
}
