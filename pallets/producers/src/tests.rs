//! Unit tests of the producers pallet: every path and every bad input.

use crate::{
	mock::*, Applications, Error, Event, ExpiryQueue, HoldReason, ProducerRecords, ProducerStatus,
	Stage, Unbonding, UnbondingOf,
};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
};
use sp_runtime::{traits::BadOrigin, DispatchError};
use tn_primitives::{
	traits::{DepositSlasher, ProducerRegistry},
	Day, ONE_TAT,
};

const KYB: [u8; 32] = [1; 32];
const KYB2: [u8; 32] = [2; 32];
const KYC: [u8; 32] = [3; 32];
const KYC2: [u8; 32] = [4; 32];

fn o(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}
fn held_app(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::Application.into(), &who)
}
fn held_deposit(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::ProducerDeposit.into(), &who)
}
fn reason(s: &str) -> crate::Reason {
	s.as_bytes().to_vec().try_into().unwrap()
}
/// An operator code.
fn code(s: &str) -> tn_primitives::OperatorCode {
	s.as_bytes().to_vec().try_into().unwrap()
}
/// The operator codes a KYB approval records for `who` (one per account: `OP1`, `OP2`, …).
fn ops(who: AccountId) -> tn_primitives::OperatorCodes {
	vec![code(&format!("OP{who}"))].try_into().unwrap()
}
fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

/// ALICE goes through KYB and KYC and is admitted.
fn admit(who: AccountId) {
	assert_ok!(Producers::apply(o(who), CLASS, KYB));
	assert_ok!(Producers::judge_kyb(o(VERIFIER), who, KYB, true, ops(who)));
	assert_ok!(Producers::submit_kyc(o(who), KYC));
	assert_ok!(Producers::judge_kyc(o(VERIFIER), who, KYC, true));
}

#[test]
fn full_onboarding_admits_and_keeps_nothing_of_the_application() {
	test(|| {
		assert_ok!(Producers::apply(o(ALICE), CLASS, KYB));
		let today = Producers::today();
		assert_eq!(today, Day::from_ymd(2026, 1, 1).unwrap());
		assert_eq!(held_app(ALICE), APP_DEPOSIT);
		assert_eq!(
			Applications::<Test>::get(ALICE).unwrap().stage,
			Stage::AwaitingKybJudgement { kyb: KYB }
		);
		System::assert_last_event(
			Event::ApplicationOpened {
				applicant: ALICE,
				asset_class: CLASS,
				kyb: KYB,
				expires: today.plus(30),
			}
			.into(),
		);
		assert_ok!(Producers::judge_kyb(o(VERIFIER), ALICE, KYB, true, ops(ALICE)));
		System::assert_last_event(
			Event::KybApproved {
				applicant: ALICE,
				verifier: VERIFIER,
				kyb: KYB,
				operators: ops(ALICE),
			}
			.into(),
		);
		assert_ok!(Producers::submit_kyc(o(ALICE), KYC));
		assert_ok!(Producers::judge_kyc(o(VERIFIER), ALICE, KYC, true));
		System::assert_last_event(
			Event::ProducerAdmitted {
				producer: ALICE,
				verifier: VERIFIER,
				asset_class: CLASS,
				kyb: KYB,
				kyc: KYC,
			}
			.into(),
		);
		assert!(Applications::<Test>::get(ALICE).is_none());
		assert_eq!(ExpiryQueue::<Test>::iter().count(), 0);
		assert_eq!(held_app(ALICE), 0);
		assert_eq!(Balances::balance(&ALICE), 1_000 * UNIT);
		let p = ProducerRecords::<Test>::get(ALICE).unwrap();
		assert_eq!(p.status, ProducerStatus::Active);
		assert_eq!((p.kyb, p.kyc, p.deposit, p.debt), (KYB, KYC, 0, 0));
		assert_ok!(<Producers as ProducerRegistry<_>>::ensure_active(&ALICE));
	});
}

#[test]
fn kyc_before_kyb_is_refused() {
	test(|| {
		assert_noop!(Producers::submit_kyc(o(ALICE), KYC), Error::<Test>::NoApplication);
		assert_ok!(Producers::apply(o(ALICE), CLASS, KYB));
		assert_noop!(Producers::submit_kyc(o(ALICE), KYC), Error::<Test>::KybNotApproved);
		assert_noop!(
			Producers::judge_kyc(o(VERIFIER), ALICE, KYC, true),
			Error::<Test>::NotAwaitingKycJudgement
		);
	});
}

#[test]
fn only_verifiers_judge() {
	test(|| {
		assert_ok!(Producers::apply(o(ALICE), CLASS, KYB));
		assert_noop!(Producers::judge_kyb(o(BOB), ALICE, KYB, true, ops(ALICE)), BadOrigin);
		assert_noop!(Producers::judge_kyb(o(ALICE), ALICE, KYB, true, ops(ALICE)), BadOrigin);
		assert_noop!(
			Producers::judge_kyb(RuntimeOrigin::root(), ALICE, KYB, true, ops(ALICE)),
			BadOrigin
		);
		assert_ok!(Producers::judge_kyb(o(VERIFIER), ALICE, KYB, true, ops(ALICE)));
		assert_ok!(Producers::submit_kyc(o(ALICE), KYC));
		assert_noop!(Producers::judge_kyc(o(BOB), ALICE, KYC, true), BadOrigin);
		assert_noop!(Producers::judge_kyc(RuntimeOrigin::none(), ALICE, KYC, true), BadOrigin);
	});
}

#[test]
fn a_judgement_on_a_stale_hash_is_refused() {
	test(|| {
		assert_ok!(Producers::apply(o(ALICE), CLASS, KYB));
		assert_ok!(Producers::submit_kyb(o(ALICE), KYB2));
		System::assert_last_event(Event::KybSubmitted { applicant: ALICE, kyb: KYB2 }.into());
		assert_noop!(
			Producers::judge_kyb(o(VERIFIER), ALICE, KYB, true, ops(ALICE)),
			Error::<Test>::StaleSubmission
		);
		assert_ok!(Producers::judge_kyb(o(VERIFIER), ALICE, KYB2, true, ops(ALICE)));
		// KYB is fixed once approved.
		assert_noop!(Producers::submit_kyb(o(ALICE), KYB), Error::<Test>::NotAwaitingKyb);
		assert_noop!(
			Producers::judge_kyb(o(VERIFIER), ALICE, KYB2, true, ops(ALICE)),
			Error::<Test>::NotAwaitingKyb
		);
		assert_ok!(Producers::submit_kyc(o(ALICE), KYC));
		assert_ok!(Producers::submit_kyc(o(ALICE), KYC2));
		assert_noop!(
			Producers::judge_kyc(o(VERIFIER), ALICE, KYC, true),
			Error::<Test>::StaleSubmission
		);
		assert_ok!(Producers::judge_kyc(o(VERIFIER), ALICE, KYC2, true));
		assert_eq!(ProducerRecords::<Test>::get(ALICE).unwrap().kyc, KYC2);
	});
}

#[test]
fn double_apply_and_apply_as_producer_are_refused() {
	test(|| {
		assert_ok!(Producers::apply(o(ALICE), CLASS, KYB));
		assert_noop!(Producers::apply(o(ALICE), CLASS, KYB2), Error::<Test>::ApplicationExists);
		assert_noop!(Producers::apply(o(BOB), 7, KYB), Error::<Test>::UnknownAssetClass);
		assert_ok!(Producers::judge_kyb(o(VERIFIER), ALICE, KYB, true, ops(ALICE)));
		assert_ok!(Producers::submit_kyc(o(ALICE), KYC));
		assert_ok!(Producers::judge_kyc(o(VERIFIER), ALICE, KYC, true));
		assert_noop!(Producers::apply(o(ALICE), CLASS, KYB), Error::<Test>::AlreadyProducer);
	});
}

#[test]
fn apply_needs_the_application_deposit() {
	test(|| {
		// Account 5 has nothing.
		assert_noop!(Producers::apply(o(5), CLASS, KYB), Error::<Test>::InsufficientBalance);
	});
}

#[test]
fn rejection_ends_the_application_and_the_next_attempt_starts_over() {
	test(|| {
		assert_ok!(Producers::apply(o(ALICE), CLASS, KYB));
		assert_ok!(Producers::judge_kyb(o(VERIFIER), ALICE, KYB, false, ops(ALICE)));
		System::assert_last_event(
			Event::KybRejected { applicant: ALICE, verifier: VERIFIER, kyb: KYB }.into(),
		);
		assert!(Applications::<Test>::get(ALICE).is_none());
		assert_eq!(held_app(ALICE), 0);
		assert_eq!(ExpiryQueue::<Test>::iter().count(), 0);

		assert_ok!(Producers::apply(o(ALICE), CLASS, KYB2));
		assert_ok!(Producers::judge_kyb(o(VERIFIER), ALICE, KYB2, true, ops(ALICE)));
		assert_ok!(Producers::submit_kyc(o(ALICE), KYC));
		assert_ok!(Producers::judge_kyc(o(VERIFIER), ALICE, KYC, false));
		System::assert_last_event(
			Event::KycRejected { applicant: ALICE, verifier: VERIFIER, kyc: KYC }.into(),
		);
		assert!(Applications::<Test>::get(ALICE).is_none());
		assert!(ProducerRecords::<Test>::get(ALICE).is_none());
		assert_eq!(Balances::balance(&ALICE), 1_000 * UNIT);
		// A fresh start: KYC is not carried over.
		assert_ok!(Producers::apply(o(ALICE), CLASS, KYB2));
		assert_noop!(Producers::submit_kyc(o(ALICE), KYC), Error::<Test>::KybNotApproved);
	});
}

#[test]
fn cancel_returns_the_deposit() {
	test(|| {
		assert_noop!(Producers::cancel_application(o(ALICE)), Error::<Test>::NoApplication);
		assert_ok!(Producers::apply(o(ALICE), CLASS, KYB));
		assert_ok!(Producers::judge_kyb(o(VERIFIER), ALICE, KYB, true, ops(ALICE)));
		assert_ok!(Producers::cancel_application(o(ALICE)));
		System::assert_last_event(Event::ApplicationCancelled { applicant: ALICE }.into());
		assert!(Applications::<Test>::get(ALICE).is_none());
		assert_eq!(held_app(ALICE), 0);
		assert_eq!(Balances::balance(&ALICE), 1_000 * UNIT);
	});
}

#[test]
fn an_application_expires_after_thirty_days() {
	test(|| {
		assert_ok!(Producers::apply(o(ALICE), CLASS, KYB));
		assert_ok!(Producers::judge_kyb(o(VERIFIER), ALICE, KYB, true, ops(ALICE)));
		advance_days(29);
		// Day 29: still alive.
		assert_ok!(Producers::submit_kyc(o(ALICE), KYC));
		advance_days(1);
		// Day 30: the hook deleted it and returned the deposit.
		assert!(Applications::<Test>::get(ALICE).is_none());
		assert_eq!(held_app(ALICE), 0);
		assert!(System::events()
			.iter()
			.any(|r| r.event == Event::ApplicationExpired { applicant: ALICE }.into()));
		assert_noop!(
			Producers::judge_kyc(o(VERIFIER), ALICE, KYC, true),
			Error::<Test>::NoApplication
		);
	});
}

#[test]
fn an_expired_application_is_dead_before_the_queue_reaches_it() {
	test(|| {
		assert_ok!(Producers::apply(o(ALICE), CLASS, KYB));
		// Time passes without the hook running (e.g. the queue is backed up).
		pallet_timestamp::Now::<Test>::put(START_MS + 30 * DAY_MS);
		assert_noop!(
			Producers::judge_kyb(o(VERIFIER), ALICE, KYB, true, ops(ALICE)),
			Error::<Test>::ApplicationExpired
		);
		assert_noop!(Producers::submit_kyb(o(ALICE), KYB2), Error::<Test>::ApplicationExpired);
		// Re-applying replaces it and starts over.
		assert_ok!(Producers::apply(o(ALICE), CLASS, KYB2));
		let app = Applications::<Test>::get(ALICE).unwrap();
		assert_eq!(app.stage, Stage::AwaitingKybJudgement { kyb: KYB2 });
		assert_eq!(held_app(ALICE), APP_DEPOSIT);
		assert_eq!(ExpiryQueue::<Test>::iter().count(), 1);
	});
}

#[test]
fn expiry_is_bounded_per_block_and_carries_over() {
	test(|| {
		for who in [ALICE, BOB, 3, 4] {
			assert_ok!(Producers::apply(o(who), CLASS, KYB));
		}
		advance_days(30);
		// MaxExpiriesPerBlock = 2 in the mock.
		assert_eq!(Applications::<Test>::iter().count(), 2);
		advance_days(0);
		assert_eq!(Applications::<Test>::iter().count(), 0);
		for who in [ALICE, BOB, 3, 4] {
			assert_eq!(held_app(who), 0);
		}
	});
}

#[test]
fn governance_parameter_changes_the_expiry() {
	test(|| {
		ExpiryDays::set(2);
		assert_ok!(Producers::apply(o(ALICE), CLASS, KYB));
		advance_days(2);
		assert!(Applications::<Test>::get(ALICE).is_none());
		ExpiryDays::set(30);
	});
}

#[test]
fn deposit_and_withdraw() {
	test(|| {
		assert_noop!(Producers::deposit(o(ALICE), 10 * UNIT), Error::<Test>::NotProducer);
		admit(ALICE);
		assert_noop!(Producers::deposit(o(ALICE), 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			Producers::deposit(o(ALICE), 2_000 * UNIT),
			Error::<Test>::InsufficientBalance
		);
		assert_ok!(Producers::deposit(o(ALICE), 100 * UNIT));
		System::assert_last_event(
			Event::Deposited {
				producer: ALICE,
				repaid: 0,
				held: 100 * UNIT,
				deposit: 100 * UNIT,
				debt: 0,
			}
			.into(),
		);
		assert_eq!(held_deposit(ALICE), 100 * UNIT);
		assert_eq!(Balances::balance(&ALICE), 900 * UNIT);
		assert_noop!(Producers::withdraw(o(ALICE), 101 * UNIT), Error::<Test>::InsufficientDeposit);
		assert_noop!(Producers::withdraw(o(ALICE), 0), Error::<Test>::ZeroAmount);
		assert_ok!(Producers::withdraw(o(ALICE), 40 * UNIT));
		System::assert_last_event(
			Event::Withdrawn { producer: ALICE, amount: 40 * UNIT, deposit: 60 * UNIT }.into(),
		);
		assert_eq!(held_deposit(ALICE), 60 * UNIT);
		assert_eq!(Balances::balance(&ALICE), 940 * UNIT);
	});
}

#[test]
fn withdraw_below_the_minimum_is_refused() {
	test(|| {
		admit(ALICE);
		assert_ok!(Producers::deposit(o(ALICE), 100 * UNIT));
		MinPerWell::set(30 * UNIT);
		ActiveWells::set(3);
		// Must keep 90 UNIT.
		assert_noop!(Producers::withdraw(o(ALICE), 11 * UNIT), Error::<Test>::BelowMinimumDeposit);
		assert_ok!(Producers::withdraw(o(ALICE), 10 * UNIT));
		assert_eq!(held_deposit(ALICE), 90 * UNIT);
		// Once revoked, everything may be withdrawn.
		assert_ok!(Producers::revoke(RuntimeOrigin::root(), ALICE, reason("fraud")));
		assert_ok!(Producers::withdraw(o(ALICE), 90 * UNIT));
		assert_eq!(held_deposit(ALICE), 0);
		MinPerWell::set(0);
		ActiveWells::set(0);
	});
}

#[test]
fn slash_within_the_hold() {
	test(|| {
		admit(ALICE);
		assert_ok!(Producers::deposit(o(ALICE), 100 * UNIT));
		// $12.5 at 1 UNIT/USD = 12.5 UNIT.
		let out = Producers::slash_usd(&ALICE, 12 * ONE_TAT + ONE_TAT / 2);
		assert_eq!(
			(out.due, out.slashed, out.new_debt),
			(12_500_000_000_000, 12_500_000_000_000, 0)
		);
		System::assert_last_event(
			Event::Slashed {
				producer: ALICE,
				usd: 12 * ONE_TAT + ONE_TAT / 2,
				due: 12_500_000_000_000,
				slashed: 12_500_000_000_000,
				new_debt: 0,
				deposit: 87_500_000_000_000,
				debt: 0,
			}
			.into(),
		);
		assert_eq!(held_deposit(ALICE), 87_500_000_000_000);
		assert_eq!(Balances::balance(&FOUNDATION), UNIT + 12_500_000_000_000);
		assert_ok!(<Producers as ProducerRegistry<_>>::ensure_can_mint(&ALICE));
	});
}

#[test]
fn slash_above_the_hold_becomes_debt_and_blocks_minting() {
	test(|| {
		admit(ALICE);
		assert_ok!(Producers::deposit(o(ALICE), 10 * UNIT));
		let out = Producers::slash_usd(&ALICE, 25 * ONE_TAT);
		assert_eq!((out.due, out.slashed, out.new_debt), (25 * UNIT, 10 * UNIT, 15 * UNIT));
		let p = ProducerRecords::<Test>::get(ALICE).unwrap();
		assert_eq!((p.deposit, p.debt), (0, 15 * UNIT));
		assert_eq!(held_deposit(ALICE), 0);
		assert_eq!(Balances::balance(&FOUNDATION), 11 * UNIT);
		assert_eq!(
			<Producers as ProducerRegistry<_>>::ensure_can_mint(&ALICE),
			Err(Error::<Test>::ProducerInDebt.into())
		);
	});
}

#[test]
fn a_refund_cancels_debt_then_returns_from_the_slash_account_onto_the_hold() {
	test(|| {
		admit(ALICE);
		assert_ok!(Producers::deposit(o(ALICE), 10 * UNIT));
		// 25 UNIT due: 10 slashed to the Foundation, 15 debt.
		let _ = Producers::slash_usd(&ALICE, 25 * ONE_TAT);
		assert_eq!(Balances::balance(&FOUNDATION), 11 * UNIT);
		// An amendment removes 20 UNIT of it: 15 debt cancelled, 5 back from the Foundation.
		let out = Producers::refund(&ALICE, 20 * UNIT);
		assert_eq!((out.debt_cancelled, out.returned, out.unpaid), (15 * UNIT, 5 * UNIT, 0));
		System::assert_last_event(
			Event::SlashRefunded {
				producer: ALICE,
				debt_cancelled: 15 * UNIT,
				returned: 5 * UNIT,
				unpaid: 0,
				deposit: 5 * UNIT,
				debt: 0,
			}
			.into(),
		);
		assert_eq!(held_deposit(ALICE), 5 * UNIT);
		assert_eq!(Balances::balance(&FOUNDATION), 6 * UNIT);
		assert_ok!(<Producers as ProducerRegistry<_>>::ensure_can_mint(&ALICE));
		// More than the Foundation can pay (it keeps its existential deposit): the rest is unpaid.
		let ed = <Balances as frame_support::traits::fungible::Inspect<_>>::minimum_balance();
		let out = Producers::refund(&ALICE, 100 * UNIT);
		assert_eq!(
			(out.debt_cancelled, out.returned, out.unpaid),
			(0, 6 * UNIT - ed, 94 * UNIT + ed)
		);
		assert_eq!(held_deposit(ALICE), 11 * UNIT - ed);
		// Nothing to refund, or no producer: nothing happens.
		assert_eq!(Producers::refund(&ALICE, 0), Default::default());
		assert_eq!(Producers::refund(&BOB, UNIT), Default::default());
	});
}

#[test]
fn a_deposit_repays_debt_first() {
	test(|| {
		admit(ALICE);
		let _ = Producers::slash_usd(&ALICE, 15 * ONE_TAT);
		assert_eq!(ProducerRecords::<Test>::get(ALICE).unwrap().debt, 15 * UNIT);
		// 10 UNIT: all to debt.
		assert_ok!(Producers::deposit(o(ALICE), 10 * UNIT));
		System::assert_last_event(
			Event::Deposited {
				producer: ALICE,
				repaid: 10 * UNIT,
				held: 0,
				deposit: 0,
				debt: 5 * UNIT,
			}
			.into(),
		);
		assert_eq!(Balances::balance(&FOUNDATION), 11 * UNIT);
		// 20 UNIT: 5 repay the rest, 15 held.
		assert_ok!(Producers::deposit(o(ALICE), 20 * UNIT));
		System::assert_last_event(
			Event::Deposited {
				producer: ALICE,
				repaid: 5 * UNIT,
				held: 15 * UNIT,
				deposit: 15 * UNIT,
				debt: 0,
			}
			.into(),
		);
		assert_eq!(Balances::balance(&FOUNDATION), 16 * UNIT);
		assert_eq!(held_deposit(ALICE), 15 * UNIT);
		assert_eq!(Balances::balance(&ALICE), 970 * UNIT);
		assert_ok!(<Producers as ProducerRegistry<_>>::ensure_can_mint(&ALICE));
	});
}

#[test]
fn slash_rate_is_a_governance_parameter_and_rounds_down() {
	test(|| {
		admit(ALICE);
		assert_ok!(Producers::deposit(o(ALICE), 100 * UNIT));
		Rate::set(sp_arithmetic::FixedU128::from_rational(5, 2));
		// $2 × 2.5 = 5 UNIT.
		assert_eq!(Producers::slash_usd(&ALICE, 2 * ONE_TAT).due, 5 * UNIT);
		// 1 atto-USD × 2.5 → 2.5 × 10⁻⁶ base units → 0.
		assert_eq!(Producers::usd_to_native(1), 0);
		// 10⁶ atto-USD = 1 base unit at 1 UNIT/USD; × 2.5 = 2.5 → 2.
		assert_eq!(Producers::usd_to_native(1_000_000), 2);
		Rate::set(sp_arithmetic::FixedU128::from_u32(1));
		assert_eq!(Producers::usd_to_native(u128::MAX), u128::MAX / 1_000_000);
	});
}

#[test]
fn slashing_a_non_producer_or_zero_does_nothing() {
	test(|| {
		let out = Producers::slash_usd(&BOB, ONE_TAT);
		assert_eq!((out.due, out.slashed, out.new_debt), (0, 0, 0));
		admit(ALICE);
		let before = System::events().len();
		let out = Producers::slash_usd(&ALICE, 0);
		assert_eq!((out.due, out.slashed, out.new_debt), (0, 0, 0));
		assert_eq!(System::events().len(), before);
	});
}

#[test]
fn suspend_reinstate_revoke() {
	test(|| {
		assert_noop!(
			Producers::suspend(RuntimeOrigin::root(), ALICE, reason("x")),
			Error::<Test>::NotProducer
		);
		admit(ALICE);
		assert_noop!(Producers::suspend(o(ALICE), ALICE, reason("x")), BadOrigin);
		assert_noop!(Producers::suspend(o(VERIFIER), ALICE, reason("x")), BadOrigin);
		assert_noop!(
			Producers::reinstate(RuntimeOrigin::root(), ALICE),
			Error::<Test>::NotSuspended
		);
		assert_ok!(Producers::suspend(RuntimeOrigin::root(), ALICE, reason("late report")));
		System::assert_last_event(
			Event::ProducerSuspended { producer: ALICE, reason: reason("late report") }.into(),
		);
		assert_eq!(
			<Producers as ProducerRegistry<_>>::ensure_active(&ALICE),
			Err(Error::<Test>::ProducerSuspended.into())
		);
		assert_eq!(
			<Producers as ProducerRegistry<_>>::ensure_can_mint(&ALICE),
			Err(Error::<Test>::ProducerSuspended.into())
		);
		assert_noop!(
			Producers::suspend(RuntimeOrigin::root(), ALICE, reason("x")),
			Error::<Test>::ProducerSuspended
		);
		// A suspended producer can still deposit (e.g. to repay debt).
		assert_ok!(Producers::deposit(o(ALICE), UNIT));
		assert_ok!(Producers::reinstate(RuntimeOrigin::root(), ALICE));
		System::assert_last_event(Event::ProducerReinstated { producer: ALICE }.into());
		assert_ok!(<Producers as ProducerRegistry<_>>::ensure_active(&ALICE));
		assert_ok!(Producers::revoke(RuntimeOrigin::root(), ALICE, reason("fraud")));
		assert_noop!(
			Producers::revoke(RuntimeOrigin::root(), ALICE, reason("again")),
			Error::<Test>::ProducerRevoked
		);
		assert_noop!(
			Producers::reinstate(RuntimeOrigin::root(), ALICE),
			Error::<Test>::ProducerRevoked
		);
		assert_noop!(
			Producers::suspend(RuntimeOrigin::root(), ALICE, reason("x")),
			Error::<Test>::ProducerRevoked
		);
		assert_eq!(
			<Producers as ProducerRegistry<_>>::ensure_active(&ALICE),
			Err(Error::<Test>::ProducerRevoked.into())
		);
		assert_eq!(
			<Producers as ProducerRegistry<_>>::ensure_active(&BOB),
			Err(DispatchError::from(Error::<Test>::NotProducer))
		);
		assert!(matches!(last_event(), RuntimeEvent::Producers(Event::ProducerRevoked { .. })));
	});
}

#[test]
fn unsigned_calls_are_refused() {
	test(|| {
		assert_noop!(Producers::apply(RuntimeOrigin::none(), CLASS, KYB), BadOrigin);
		assert_noop!(Producers::deposit(RuntimeOrigin::root(), UNIT), BadOrigin);
	});
}

#[test]
fn a_verifier_cannot_judge_their_own_application() {
	test(|| {
		assert_ok!(Producers::apply(o(VERIFIER), CLASS, KYB));
		assert_noop!(
			Producers::judge_kyb(o(VERIFIER), VERIFIER, KYB, true, ops(VERIFIER)),
			Error::<Test>::CannotJudgeOwnApplication
		);
		assert_noop!(
			Producers::judge_kyc(o(VERIFIER), VERIFIER, KYC, true),
			Error::<Test>::CannotJudgeOwnApplication
		);
	});
}

#[test]
fn one_kyb_commitment_admits_one_account() {
	test(|| {
		// BOB opens an application on the same KYB before ALICE is admitted…
		assert_ok!(Producers::apply(o(BOB), CLASS, KYB));
		admit(ALICE);
		assert_eq!(crate::KybOwners::<Test>::get(KYB), Some(ALICE));
		// … and cannot be admitted with it; new applications on it are refused at once.
		assert_ok!(Producers::judge_kyb(o(VERIFIER), BOB, KYB, true, ops(BOB)));
		assert_ok!(Producers::submit_kyc(o(BOB), KYC2));
		assert_noop!(Producers::judge_kyc(o(VERIFIER), BOB, KYC2, true), Error::<Test>::KybInUse);
		assert_ok!(Producers::cancel_application(o(BOB)));
		assert_noop!(Producers::apply(o(BOB), CLASS, KYB), Error::<Test>::KybInUse);
		assert_ok!(Producers::apply(o(BOB), CLASS, KYB2));
		assert_noop!(Producers::submit_kyb(o(BOB), KYB), Error::<Test>::KybInUse);
		Producers::do_try_state().unwrap();
	});
}

#[test]
fn a_kyb_approval_records_the_operator_codes_and_one_operator_is_one_account() {
	test(|| {
		assert_ok!(Producers::apply(o(ALICE), CLASS, KYB));
		let two: tn_primitives::OperatorCodes =
			vec![code("0045"), code("A5WB")].try_into().unwrap();
		// Bad lists change nothing.
		for (bad, err) in [
			(vec![], Error::<Test>::NoOperatorCode),
			(vec![code("")], Error::<Test>::InvalidOperatorCode),
			(vec![code("a5wb")], Error::<Test>::InvalidOperatorCode),
			(vec![code("0045"), code("0045")], Error::<Test>::DuplicateOperatorCode),
		] {
			assert_noop!(
				Producers::judge_kyb(o(VERIFIER), ALICE, KYB, true, bad.try_into().unwrap()),
				err
			);
		}
		assert_ok!(Producers::judge_kyb(o(VERIFIER), ALICE, KYB, true, two.clone()));
		assert_eq!(Producers::operators_of(ALICE), two.clone().into_inner());
		assert_eq!(crate::OperatorOwners::<Test>::get(code("A5WB")), Some(ALICE));
		// Not a producer yet: it operates nothing.
		assert!(!<Producers as ProducerRegistry<_>>::operates(&ALICE, b"0045"));
		assert_ok!(Producers::submit_kyc(o(ALICE), KYC));
		assert_ok!(Producers::judge_kyc(o(VERIFIER), ALICE, KYC, true));
		assert!(<Producers as ProducerRegistry<_>>::operates(&ALICE, b"0045"));
		assert!(<Producers as ProducerRegistry<_>>::operates(&ALICE, b"A5WB"));
		assert!(!<Producers as ProducerRegistry<_>>::operates(&ALICE, b"0046"));
		// The attack: the same company opens a second account with a re-salted KYB commitment
		// (a new hash of the same documents). Its public operator code gives it away.
		assert_ok!(Producers::apply(o(BOB), CLASS, KYB2));
		assert_noop!(
			Producers::judge_kyb(
				o(VERIFIER),
				BOB,
				KYB2,
				true,
				vec![code("A5WB")].try_into().unwrap()
			),
			Error::<Test>::OperatorInUse
		);
		Producers::do_try_state().unwrap();
	});
}

#[test]
fn an_application_that_ends_without_admission_gives_its_operator_codes_back() {
	test(|| {
		// KYC rejected.
		assert_ok!(Producers::apply(o(ALICE), CLASS, KYB));
		assert_ok!(Producers::judge_kyb(o(VERIFIER), ALICE, KYB, true, ops(ALICE)));
		assert_ok!(Producers::submit_kyc(o(ALICE), KYC));
		assert_ok!(Producers::judge_kyc(o(VERIFIER), ALICE, KYC, false));
		assert!(Producers::operators_of(ALICE).is_empty());
		assert_eq!(crate::OperatorOwners::<Test>::get(code("OP1")), None);
		// Cancelled after the KYB approval: BOB may now be approved with the code.
		assert_ok!(Producers::apply(o(ALICE), CLASS, KYB));
		assert_ok!(Producers::judge_kyb(o(VERIFIER), ALICE, KYB, true, ops(ALICE)));
		assert_ok!(Producers::cancel_application(o(ALICE)));
		assert_eq!(crate::OperatorOwners::<Test>::get(code("OP1")), None);
		assert_ok!(Producers::apply(o(BOB), CLASS, KYB2));
		assert_ok!(Producers::judge_kyb(o(VERIFIER), BOB, KYB2, true, ops(ALICE)));
		assert_eq!(crate::OperatorOwners::<Test>::get(code("OP1")), Some(BOB));
		Producers::do_try_state().unwrap();
	});
}

#[test]
fn a_suspended_producer_cannot_withdraw() {
	test(|| {
		admit(ALICE);
		assert_ok!(Producers::deposit(o(ALICE), 10 * UNIT));
		assert_ok!(Producers::suspend(RuntimeOrigin::root(), ALICE, reason("audit")));
		assert_noop!(Producers::withdraw(o(ALICE), UNIT), Error::<Test>::ProducerSuspended);
		assert_ok!(Producers::reinstate(RuntimeOrigin::root(), ALICE));
		assert_ok!(Producers::withdraw(o(ALICE), UNIT));
	});
}

#[test]
fn minting_needs_the_required_deposit() {
	test(|| {
		admit(ALICE);
		MinPerWell::set(10 * UNIT);
		ActiveWells::set(2);
		assert_ok!(Producers::deposit(o(ALICE), 19 * UNIT));
		assert_eq!(
			<Producers as ProducerRegistry<_>>::ensure_can_mint(&ALICE),
			Err(Error::<Test>::DepositBelowRequirement.into())
		);
		assert_ok!(Producers::deposit(o(ALICE), UNIT));
		assert_ok!(<Producers as ProducerRegistry<_>>::ensure_can_mint(&ALICE));
	});
}

#[test]
fn a_withdrawal_unbonds_and_is_claimed_after_the_delay() {
	test(|| {
		Unbond::set(28);
		admit(ALICE);
		assert_ok!(Producers::deposit(o(ALICE), 100 * UNIT));
		let today = Producers::today();
		assert_ok!(Producers::withdraw(o(ALICE), 40 * UNIT));
		System::assert_last_event(
			Event::Unbonding {
				producer: ALICE,
				amount: 40 * UNIT,
				unbonding: 40 * UNIT,
				unlocks: today.plus(28),
				deposit: 60 * UNIT,
			}
			.into(),
		);
		// Still held (and slashable) while it unbonds.
		assert_eq!(held_deposit(ALICE), 100 * UNIT);
		assert_eq!(ProducerRecords::<Test>::get(ALICE).unwrap().deposit, 60 * UNIT);
		assert_noop!(Producers::claim_unbonded(o(ALICE)), Error::<Test>::StillUnbonding);
		advance_days(27);
		assert_noop!(Producers::claim_unbonded(o(ALICE)), Error::<Test>::StillUnbonding);
		// A second withdrawal restarts the delay for the whole amount.
		assert_ok!(Producers::withdraw(o(ALICE), 10 * UNIT));
		assert_eq!(
			UnbondingOf::<Test>::get(ALICE).unwrap(),
			Unbonding { amount: 50 * UNIT, unlocks: today.plus(27 + 28) }
		);
		advance_days(27);
		assert_noop!(Producers::claim_unbonded(o(ALICE)), Error::<Test>::StillUnbonding);
		advance_days(1);
		assert_ok!(Producers::claim_unbonded(o(ALICE)));
		System::assert_last_event(
			Event::Withdrawn { producer: ALICE, amount: 50 * UNIT, deposit: 50 * UNIT }.into(),
		);
		assert_eq!(held_deposit(ALICE), 50 * UNIT);
		assert_noop!(Producers::claim_unbonded(o(ALICE)), Error::<Test>::NothingUnbonding);
		assert_noop!(Producers::claim_unbonded(o(BOB)), Error::<Test>::NotProducer);
		Unbond::set(0);
	});
}

#[test]
fn an_unbonding_deposit_is_still_slashed() {
	test(|| {
		Unbond::set(28);
		admit(ALICE);
		assert_ok!(Producers::deposit(o(ALICE), 100 * UNIT));
		assert_ok!(Producers::withdraw(o(ALICE), 90 * UNIT));
		// 25 UNIT due: 10 from the deposit, 15 from what is unbonding, no debt.
		let out = Producers::slash_usd(&ALICE, 25 * ONE_TAT);
		assert_eq!((out.due, out.slashed, out.new_debt), (25 * UNIT, 25 * UNIT, 0));
		assert_eq!(ProducerRecords::<Test>::get(ALICE).unwrap().deposit, 0);
		assert_eq!(UnbondingOf::<Test>::get(ALICE).unwrap().amount, 75 * UNIT);
		assert_eq!(held_deposit(ALICE), 75 * UNIT);
		// More than both: the rest is debt and nothing is left unbonding.
		let out = Producers::slash_usd(&ALICE, 100 * ONE_TAT);
		assert_eq!((out.slashed, out.new_debt), (75 * UNIT, 25 * UNIT));
		assert!(UnbondingOf::<Test>::get(ALICE).is_none());
		assert_eq!(held_deposit(ALICE), 0);
		Unbond::set(0);
	});
}

#[test]
fn a_withdrawal_leaves_the_open_months_covered() {
	test(|| {
		admit(ALICE);
		assert_ok!(Producers::deposit(o(ALICE), 100 * UNIT));
		MinPerWell::set(30 * UNIT);
		ActiveWells::set(1);
		OpenMonthsOf::set(2);
		// 30 × (1 well + 2 open months) = 90 UNIT must stay.
		assert_noop!(Producers::withdraw(o(ALICE), 11 * UNIT), Error::<Test>::BelowMinimumDeposit);
		assert_ok!(Producers::withdraw(o(ALICE), 10 * UNIT));
		// Minting needs only the requirement for the active well (30).
		assert_ok!(<Producers as ProducerRegistry<_>>::ensure_can_mint(&ALICE));
		MinPerWell::set(0);
		ActiveWells::set(0);
		OpenMonthsOf::set(0);
	});
}

#[test]
fn a_suspended_producer_cannot_claim_its_unbonded_deposit() {
	test(|| {
		Unbond::set(1);
		admit(ALICE);
		assert_ok!(Producers::deposit(o(ALICE), 100 * UNIT));
		assert_ok!(Producers::withdraw(o(ALICE), 40 * UNIT));
		advance_days(1);
		assert_ok!(Producers::suspend(RuntimeOrigin::root(), ALICE, reason("audit")));
		assert_noop!(Producers::claim_unbonded(o(ALICE)), Error::<Test>::ProducerSuspended);
		assert_ok!(Producers::reinstate(RuntimeOrigin::root(), ALICE));
		assert_ok!(Producers::claim_unbonded(o(ALICE)));
		assert_eq!(held_deposit(ALICE), 60 * UNIT);
		Unbond::set(0);
	});
}

/// Every application `pending_applications` lists, walking its pages of `limit`; and the
/// number of reads it took.
fn pending(limit: u32) -> (Vec<AccountId>, u32) {
	let (mut all, mut after, mut reads) = (Vec::new(), None, 0);
	loop {
		let (page, next) = Producers::pending_applications(after, limit);
		reads += 1;
		all.extend(page.into_iter().map(|(a, _)| a));
		match next {
			Some(n) => after = Some(n),
			None => break,
		}
	}
	all.sort();
	(all, reads)
}

#[test]
fn pending_applications_lists_what_waits_for_a_verifier() {
	test(|| {
		assert_ok!(Producers::apply(o(ALICE), CLASS, KYB));
		advance_days(1);
		assert_ok!(Producers::apply(o(BOB), CLASS, [9; 32]));
		assert_eq!(pending(100), (vec![ALICE, BOB], 1));
		// KYB approved: Alice waits for her own KYC submission, not for a verifier.
		assert_ok!(Producers::judge_kyb(o(VERIFIER), ALICE, KYB, true, ops(ALICE)));
		assert_eq!(pending(100).0, vec![BOB]);
		assert_ok!(Producers::submit_kyc(o(ALICE), KYC));
		assert_eq!(pending(100).0, vec![ALICE, BOB]);
		// An expired application is not listed, even before the queue deletes it.
		advance_days(40);
		assert_eq!(pending(100), (vec![], 1));
	});
}

#[test]
fn pending_applications_are_paged_and_each_read_is_bounded() {
	const CHARLIE: AccountId = 3;
	test(|| {
		assert_ok!(Producers::apply(o(ALICE), CLASS, KYB));
		assert_ok!(Producers::apply(o(BOB), CLASS, [9; 32]));
		assert_ok!(Producers::apply(o(CHARLIE), CLASS, [8; 32]));
		// Pages of one: three full pages (each says where to go on), then an empty last one.
		assert_eq!(pending(1), (vec![ALICE, BOB, CHARLIE], 4));
		assert_eq!(pending(2), (vec![ALICE, BOB, CHARLIE], 2));
		// A limit of 0 reads one (never an empty page that would look like the end); above
		// MAX_PAGE reads MAX_PAGE.
		let (page, next) = Producers::pending_applications(None, 0);
		assert_eq!((page.len(), next.is_some()), (1, true));
		assert_eq!(Producers::pending_applications(None, u32::MAX).0.len(), 3);
		// A page scans `limit` applications, waiting or not: Alice's KYB approved, a page of one
		// that lands on her is empty but still says where to go on.
		assert_ok!(Producers::judge_kyb(o(VERIFIER), ALICE, KYB, true, ops(ALICE)));
		assert_eq!(pending(1), (vec![BOB, CHARLIE], 4));
	});
}

#[test]
fn the_applicant_is_told_of_judgements_expiry_and_status_changes() {
	use tn_primitives::{notices::testing::Recorder, NoticeKind};
	test(|| {
		assert_ok!(Producers::apply(o(ALICE), CLASS, KYB));
		assert_ok!(Producers::judge_kyb(o(VERIFIER), ALICE, KYB, false, ops(ALICE)));
		assert_ok!(Producers::apply(o(ALICE), CLASS, KYB2));
		assert_ok!(Producers::judge_kyb(o(VERIFIER), ALICE, KYB2, true, ops(ALICE)));
		assert_ok!(Producers::submit_kyc(o(ALICE), KYC));
		assert_ok!(Producers::judge_kyc(o(VERIFIER), ALICE, KYC, false));
		admit(BOB);
		assert_ok!(Producers::suspend(RuntimeOrigin::root(), BOB, reason("late filings")));
		assert_ok!(Producers::reinstate(RuntimeOrigin::root(), BOB));
		assert_ok!(Producers::revoke(RuntimeOrigin::root(), BOB, reason("fraud")));
		assert_ok!(Producers::apply(o(ALICE), CLASS, KYB2));
		advance_days(30); // the application expires
		assert_eq!(
			Recorder::take(),
			vec![
				(ALICE, NoticeKind::KybJudged { approved: false }),
				(ALICE, NoticeKind::KybJudged { approved: true }),
				(ALICE, NoticeKind::KycJudged { approved: false }),
				(BOB, NoticeKind::KybJudged { approved: true }),
				(BOB, NoticeKind::KycJudged { approved: true }),
				(BOB, NoticeKind::ProducerSuspended { reason: reason("late filings") }),
				(BOB, NoticeKind::ProducerReinstated),
				(BOB, NoticeKind::ProducerRevoked { reason: reason("fraud") }),
				(ALICE, NoticeKind::ApplicationExpired),
			]
		);
	});
}

// ---------------------------------------------------------------------------------------------
// Issue 25, M5: KYB needs distinct verifiers; governance frees or reassigns operator codes.
// ---------------------------------------------------------------------------------------------

fn codes(list: &[&str]) -> tn_primitives::OperatorCodes {
	list.iter().map(|c| code(c)).collect::<Vec<_>>().try_into().unwrap()
}

#[test]
fn kyb_passes_with_distinct_verifiers_approving_the_same_codes() {
	use tn_primitives::notices::testing::Recorder;
	test(|| {
		KybThreshold::set(2);
		assert_ok!(Producers::apply(o(ALICE), CLASS, KYB));
		let two = codes(&["0045", "A5WB"]);
		// The first approval is recorded (1 of 2): nothing is decided, no code is reserved.
		assert_ok!(Producers::judge_kyb(o(VERIFIER), ALICE, KYB, true, two.clone()));
		System::assert_last_event(
			Event::KybApprovalRecorded {
				applicant: ALICE,
				verifier: VERIFIER,
				kyb: KYB,
				operators: two.clone(),
				approvals: 1,
				needed: 2,
			}
			.into(),
		);
		assert_eq!(
			Applications::<Test>::get(ALICE).unwrap().stage,
			Stage::AwaitingKybJudgement { kyb: KYB }
		);
		assert_eq!(crate::OperatorOwners::<Test>::get(code("0045")), None);
		assert!(Producers::operators_of(ALICE).is_empty());
		let (tally, needed) = Producers::kyb_approvals_of(ALICE);
		assert_eq!(needed, 2);
		assert_eq!(tally.unwrap().approvers.into_inner(), vec![VERIFIER]);
		assert_noop!(Producers::submit_kyc(o(ALICE), KYC), Error::<Test>::KybNotApproved);
		assert!(Recorder::take().is_empty());
		// The same verifier cannot count twice.
		assert_noop!(
			Producers::judge_kyb(o(VERIFIER), ALICE, KYB, true, two.clone()),
			Error::<Test>::AlreadyApproved
		);
		// A second verifier naming other codes is refused (it rejects instead).
		for other in [codes(&["0045"]), codes(&["0045", "A5WC"]), codes(&["0045", "A5WB", "1"])] {
			assert_noop!(
				Producers::judge_kyb(o(VERIFIER2), ALICE, KYB, true, other),
				Error::<Test>::OperatorsDiffer
			);
		}
		// The same codes in another order: KYB passes, the codes are recorded.
		assert_ok!(Producers::judge_kyb(o(VERIFIER2), ALICE, KYB, true, codes(&["A5WB", "0045"])));
		System::assert_last_event(
			Event::KybApproved {
				applicant: ALICE,
				verifier: VERIFIER2,
				kyb: KYB,
				operators: codes(&["A5WB", "0045"]),
			}
			.into(),
		);
		assert_eq!(
			Applications::<Test>::get(ALICE).unwrap().stage,
			Stage::AwaitingKyc { kyb: KYB }
		);
		assert_eq!(crate::OperatorOwners::<Test>::get(code("0045")), Some(ALICE));
		assert_eq!(crate::KybApprovalsOf::<Test>::get(ALICE), None);
		assert_eq!(
			Recorder::take(),
			vec![(ALICE, tn_primitives::NoticeKind::KybJudged { approved: true })]
		);
		// A third approval finds nothing to judge.
		assert_noop!(
			Producers::judge_kyb(o(VERIFIER3), ALICE, KYB, true, two),
			Error::<Test>::NotAwaitingKyb
		);
	});
}

/// The attack: a verifier opens an application with a second account of theirs (ALICE) and
/// approves it. Under a threshold of 2 it stays 1 of 2: no codes, no KYC, no admission.
#[test]
fn a_verifier_cannot_admit_their_second_account_alone() {
	test(|| {
		KybThreshold::set(2);
		assert_ok!(Producers::apply(o(ALICE), CLASS, KYB));
		assert_ok!(Producers::judge_kyb(o(VERIFIER), ALICE, KYB, true, ops(ALICE)));
		assert_noop!(
			Producers::judge_kyb(o(VERIFIER), ALICE, KYB, true, ops(ALICE)),
			Error::<Test>::AlreadyApproved
		);
		assert_noop!(Producers::submit_kyc(o(ALICE), KYC), Error::<Test>::KybNotApproved);
		assert!(!ProducerRecords::<Test>::contains_key(ALICE));
		assert!(!<Producers as ProducerRegistry<_>>::operates(&ALICE, b"OP1"));
		// An honest second verifier rejects: the application ends, its tally with it.
		assert_ok!(Producers::judge_kyb(o(VERIFIER2), ALICE, KYB, false, ops(ALICE)));
		System::assert_last_event(
			Event::KybRejected { applicant: ALICE, verifier: VERIFIER2, kyb: KYB }.into(),
		);
		assert!(Applications::<Test>::get(ALICE).is_none());
		assert_eq!(crate::KybApprovalsOf::<Test>::get(ALICE), None);
		assert_eq!(held_app(ALICE), 0);
		// A verifier applying themselves still cannot judge (also with the threshold).
		assert_ok!(Producers::apply(o(VERIFIER), CLASS, KYB2));
		assert_noop!(
			Producers::judge_kyb(o(VERIFIER), VERIFIER, KYB2, true, ops(VERIFIER)),
			Error::<Test>::CannotJudgeOwnApplication
		);
	});
}

#[test]
fn a_new_kyb_submission_drops_the_approvals_of_the_old_one() {
	test(|| {
		KybThreshold::set(2);
		assert_ok!(Producers::apply(o(ALICE), CLASS, KYB));
		assert_ok!(Producers::judge_kyb(o(VERIFIER), ALICE, KYB, true, ops(ALICE)));
		assert_ok!(Producers::submit_kyb(o(ALICE), KYB2));
		assert_eq!(crate::KybApprovalsOf::<Test>::get(ALICE), None);
		// An approval of the old hash is stale; the new hash starts at 1 of 2.
		assert_noop!(
			Producers::judge_kyb(o(VERIFIER2), ALICE, KYB, true, ops(ALICE)),
			Error::<Test>::StaleSubmission
		);
		assert_ok!(Producers::judge_kyb(o(VERIFIER2), ALICE, KYB2, true, ops(ALICE)));
		System::assert_last_event(
			Event::KybApprovalRecorded {
				applicant: ALICE,
				verifier: VERIFIER2,
				kyb: KYB2,
				operators: ops(ALICE),
				approvals: 1,
				needed: 2,
			}
			.into(),
		);
		// Three approvals when governance asks for 3; cancelling drops the tally.
		KybThreshold::set(3);
		assert_ok!(Producers::judge_kyb(o(VERIFIER), ALICE, KYB2, true, ops(ALICE)));
		System::assert_last_event(
			Event::KybApprovalRecorded {
				applicant: ALICE,
				verifier: VERIFIER,
				kyb: KYB2,
				operators: ops(ALICE),
				approvals: 2,
				needed: 3,
			}
			.into(),
		);
		assert_ok!(Producers::cancel_application(o(ALICE)));
		assert_eq!(crate::KybApprovalsOf::<Test>::get(ALICE), None);
	});
}

/// The copied-commitment attack: BOB submits ALICE's KYB commitment. On chain both may wait
/// (the chain cannot see the documents); the verifier recomputes the commitment with the
/// applicant's account from the salt and documents received off chain, sees that BOB's does not
/// match, and rejects. Once ALICE is admitted, the commitment is refused outright (`KybInUse`).
#[test]
fn a_copied_kyb_commitment_fails_the_verifier_s_check_and_then_is_in_use() {
	use codec::Encode;
	use tn_primitives::commitment::{bind, binds, document_hash};
	test(|| {
		let (salt, doc) = ([7u8; 32], b"Alice Oil Ltd. certificate of incorporation".as_slice());
		let alices = bind(&salt, &ALICE.encode(), &document_hash(doc));
		assert_ok!(Producers::apply(o(ALICE), CLASS, alices));
		assert_ok!(Producers::apply(o(BOB), CLASS, alices));
		// The verifier's check, per applicant.
		assert!(binds(&alices, &salt, &ALICE.encode(), doc));
		assert!(!binds(&alices, &salt, &BOB.encode(), doc));
		assert_ok!(Producers::judge_kyb(o(VERIFIER), BOB, alices, false, ops(BOB)));
		assert_ok!(Producers::judge_kyb(o(VERIFIER), ALICE, alices, true, ops(ALICE)));
		assert_ok!(Producers::submit_kyc(o(ALICE), KYC));
		assert_ok!(Producers::judge_kyc(o(VERIFIER), ALICE, KYC, true));
		assert_noop!(Producers::apply(o(BOB), CLASS, alices), Error::<Test>::KybInUse);
	});
}

#[test]
fn governance_frees_a_revoked_producer_s_operator_code() {
	test(|| {
		assert_ok!(Producers::apply(o(ALICE), CLASS, KYB));
		assert_ok!(Producers::judge_kyb(o(VERIFIER), ALICE, KYB, true, codes(&["0045", "A5WB"])));
		assert_ok!(Producers::submit_kyc(o(ALICE), KYC));
		assert_ok!(Producers::judge_kyc(o(VERIFIER), ALICE, KYC, true));
		assert_ok!(Producers::revoke(RuntimeOrigin::root(), ALICE, reason("fraud")));
		// Revocation keeps the codes (its wells' months are still audited) …
		assert_eq!(crate::OperatorOwners::<Test>::get(code("0045")), Some(ALICE));
		// … so the real operator's new account is refused until governance frees the code.
		assert_ok!(Producers::apply(o(BOB), CLASS, KYB2));
		assert_noop!(
			Producers::judge_kyb(o(VERIFIER), BOB, KYB2, true, codes(&["0045"])),
			Error::<Test>::OperatorInUse
		);
		assert_noop!(Producers::free_operator(o(VERIFIER), code("0045"), 0), BadOrigin);
		assert_noop!(Producers::free_operator(o(ALICE), code("0045"), 0), BadOrigin);
		assert_noop!(
			Producers::free_operator(RuntimeOrigin::root(), code("0046"), 0),
			Error::<Test>::UnknownOperator
		);
		// ALICE has 3 wells: a witness of 2 is too low; one of them carries the code.
		HolderWells::set(3);
		WellsUsingCode::set(1);
		assert_noop!(
			Producers::free_operator(RuntimeOrigin::root(), code("0045"), 2),
			Error::<Test>::WellWitnessTooLow
		);
		assert_noop!(
			Producers::free_operator(RuntimeOrigin::root(), code("0045"), 3),
			Error::<Test>::OperatorUsedByWells
		);
		// The well was removed (or transferred): the code is freed.
		WellsUsingCode::set(0);
		assert_ok!(Producers::free_operator(RuntimeOrigin::root(), code("0045"), 3));
		System::assert_last_event(
			Event::OperatorFreed { operator: code("0045"), holder: ALICE }.into(),
		);
		assert_eq!(crate::OperatorOwners::<Test>::get(code("0045")), None);
		assert_eq!(Producers::operators_of(ALICE), vec![code("A5WB")]);
		assert!(!<Producers as ProducerRegistry<_>>::operates(&ALICE, b"0045"));
		assert_noop!(
			Producers::free_operator(RuntimeOrigin::root(), code("0045"), 3),
			Error::<Test>::UnknownOperator
		);
		assert_ok!(Producers::judge_kyb(o(VERIFIER), BOB, KYB2, true, codes(&["0045"])));
		assert_eq!(crate::OperatorOwners::<Test>::get(code("0045")), Some(BOB));
		// Freeing the last code leaves the account with none.
		assert_ok!(Producers::free_operator(RuntimeOrigin::root(), code("A5WB"), 3));
		assert_eq!(crate::OperatorsOf::<Test>::get(ALICE), None);
	});
}

#[test]
fn governance_reassigns_an_operator_code_to_a_producer() {
	test(|| {
		assert_ok!(Producers::apply(o(ALICE), CLASS, KYB));
		assert_ok!(Producers::judge_kyb(o(VERIFIER), ALICE, KYB, true, codes(&["0045", "A5WB"])));
		assert_ok!(Producers::submit_kyc(o(ALICE), KYC));
		assert_ok!(Producers::judge_kyc(o(VERIFIER), ALICE, KYC, true));
		let root = RuntimeOrigin::root;
		assert_noop!(Producers::reassign_operator(o(ALICE), code("0045"), BOB, 0), BadOrigin);
		assert_noop!(
			Producers::reassign_operator(root(), code("0045"), BOB, 0),
			Error::<Test>::NotProducer
		);
		assert_noop!(
			Producers::reassign_operator(root(), code("0045"), ALICE, 0),
			Error::<Test>::SameHolder
		);
		assert_noop!(
			Producers::reassign_operator(root(), code("0046"), ALICE, 0),
			Error::<Test>::UnknownOperator
		);
		// BOB holds the most codes a producer may have.
		let eight: Vec<String> = (0..8).map(|i| format!("B{i}")).collect();
		let eight: Vec<&str> = eight.iter().map(|s| s.as_str()).collect();
		assert_ok!(Producers::apply(o(BOB), CLASS, KYB2));
		assert_ok!(Producers::judge_kyb(o(VERIFIER), BOB, KYB2, true, codes(&eight)));
		assert_ok!(Producers::submit_kyc(o(BOB), KYC2));
		assert_ok!(Producers::judge_kyc(o(VERIFIER), BOB, KYC2, true));
		assert_noop!(
			Producers::reassign_operator(root(), code("0045"), BOB, 0),
			Error::<Test>::TooManyOperatorCodes
		);
		assert_ok!(Producers::free_operator(root(), code("B7"), 0));
		// A well of ALICE's still carries the code: refused.
		WellsUsingCode::set(1);
		assert_noop!(
			Producers::reassign_operator(root(), code("0045"), BOB, 0),
			Error::<Test>::OperatorUsedByWells
		);
		WellsUsingCode::set(0);
		assert_ok!(Producers::reassign_operator(root(), code("0045"), BOB, 0));
		System::assert_last_event(
			Event::OperatorReassigned { operator: code("0045"), from: ALICE, to: BOB }.into(),
		);
		assert!(<Producers as ProducerRegistry<_>>::operates(&BOB, b"0045"));
		assert!(!<Producers as ProducerRegistry<_>>::operates(&ALICE, b"0045"));
		assert_eq!(Producers::operators_of(ALICE), vec![code("A5WB")]);
		assert_eq!(crate::OperatorOwners::<Test>::get(code("0045")), Some(BOB));
		// A revoked producer cannot receive a code.
		assert_ok!(Producers::revoke(root(), BOB, reason("fraud")));
		assert_noop!(
			Producers::reassign_operator(root(), code("A5WB"), BOB, 0),
			Error::<Test>::ProducerRevoked
		);
	});
}

/// Issue 25, H2: once a month was audited for the producer, what it withdraws stays unbonding
/// (and slashable by an amendment's settlement) until that month leaves the amendment horizon
/// (12 months in the mock) — even with no unbonding delay — and the horizon in force at the
/// claim counts (governance may have lengthened it).
#[test]
fn a_withdrawal_stays_slashable_until_the_last_audited_month_leaves_the_horizon() {
	test(|| {
		admit(ALICE);
		assert_ok!(Producers::deposit(o(ALICE), 100 * UNIT));
		let today = Producers::today();
		let this_month = today.month();
		let audited = this_month.prev();
		<Producers as DepositSlasher<_, _>>::note_audited(&ALICE, audited);
		// An older month audited later never moves the end back.
		<Producers as DepositSlasher<_, _>>::note_audited(&ALICE, audited.prev());
		assert_eq!(crate::LastAudited::<Test>::get(ALICE), Some(audited));
		let leaves = tn_primitives::horizon::leaves_horizon(audited, 12);
		assert_eq!(leaves, (0..12).fold(this_month, |m, _| m.next()).first_day());
		assert_ok!(Producers::withdraw(o(ALICE), 40 * UNIT));
		System::assert_last_event(
			Event::Unbonding {
				producer: ALICE,
				amount: 40 * UNIT,
				unbonding: 40 * UNIT,
				unlocks: leaves,
				deposit: 60 * UNIT,
			}
			.into(),
		);
		assert_eq!(held_deposit(ALICE), 100 * UNIT);
		// An amendment's settlement still reaches it.
		let out = Producers::slash_usd(&ALICE, 70 * ONE_TAT);
		assert_eq!((out.slashed, out.new_debt), (70 * UNIT, 0));
		assert_eq!(UnbondingOf::<Test>::get(ALICE).unwrap().amount, 30 * UNIT);
		advance_days(u64::from(leaves.0 - today.0 - 1));
		assert_noop!(Producers::claim_unbonded(o(ALICE)), Error::<Test>::StillUnbonding);
		advance_days(1);
		assert_ok!(Producers::claim_unbonded(o(ALICE)));
		assert_eq!(held_deposit(ALICE), 0);
		// With nothing audited inside the horizon any more, no delay (0 days in the mock).
		assert_ok!(Producers::deposit(o(ALICE), 10 * UNIT));
		assert_ok!(Producers::withdraw(o(ALICE), 10 * UNIT));
		System::assert_last_event(
			Event::Withdrawn { producer: ALICE, amount: 10 * UNIT, deposit: 0 }.into(),
		);
	});
}

/// The unlock day is checked again at the claim: a month audited after the withdrawal keeps the
/// unbonding deposit held until it leaves the horizon too (`StillAmendable`).
#[test]
fn a_month_audited_after_the_withdrawal_holds_the_claim() {
	test(|| {
		Unbond::set(28);
		admit(ALICE);
		assert_ok!(Producers::deposit(o(ALICE), 100 * UNIT));
		assert_ok!(Producers::withdraw(o(ALICE), 40 * UNIT));
		let audited = Producers::today().month();
		<Producers as DepositSlasher<_, _>>::note_audited(&ALICE, audited);
		advance_days(28);
		assert_noop!(Producers::claim_unbonded(o(ALICE)), Error::<Test>::StillAmendable);
		let leaves = tn_primitives::horizon::leaves_horizon(audited, 12);
		advance_days(u64::from(leaves.0 - Producers::today().0));
		assert_ok!(Producers::claim_unbonded(o(ALICE)));
		Unbond::set(0);
	});
}

/// Issue 25, M2: revocation does not release the open months' part of the deposit (each open
/// month is still audited, overdue, and may be slashed); the active wells' part is released.
#[test]
fn a_revoked_producer_keeps_its_open_months_covered() {
	test(|| {
		admit(ALICE);
		assert_ok!(Producers::deposit(o(ALICE), 100 * UNIT));
		MinPerWell::set(30 * UNIT);
		ActiveWells::set(2);
		OpenMonthsOf::set(1);
		assert_ok!(Producers::revoke(RuntimeOrigin::root(), ALICE, reason("fraud")));
		assert_noop!(Producers::withdraw(o(ALICE), 71 * UNIT), Error::<Test>::BelowMinimumDeposit);
		assert_ok!(Producers::withdraw(o(ALICE), 70 * UNIT));
		assert_eq!(ProducerRecords::<Test>::get(ALICE).unwrap().deposit, 30 * UNIT);
		OpenMonthsOf::set(0);
		assert_ok!(Producers::withdraw(o(ALICE), 30 * UNIT));
		MinPerWell::set(0);
		ActiveWells::set(0);
	});
}
