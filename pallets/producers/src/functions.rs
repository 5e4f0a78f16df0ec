//! The producers pallet's logic: onboarding, deposit, slashing and governance actions.

use super::*;
use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungible::{Balanced, BalancedHold, Inspect, MutateHold},
		tokens::{Fortitude, Precision, Preservation},
		Contains, Defensive, Get, OnUnbalanced, UnixTime,
	},
};
use sp_arithmetic::helpers_128bit::multiply_by_rational_with_rounding;
use sp_arithmetic::per_things::Rounding;
use sp_runtime::{
	traits::{Bounded, Saturating, Zero},
	DispatchResult,
};
use tn_primitives::{
	commitment::approvals_needed,
	regulator::is_valid_code,
	traits::{ActiveWellCount, DepositSlasher, ProducerRegistry, RefundOutcome, SlashOutcome},
	Commitment, Day, Month, NoticeKind, Notify, OperatorCode, OperatorCodes, UsdAtto,
};

/// 10¹⁸: the scale of atto-USD and of `FixedU128`.
const E18: u128 = 1_000_000_000_000_000_000;

impl<T: Config> Pallet<T> {
	/// Today's UTC day from the block timestamp.
	pub fn today() -> Day {
		Day::from_duration(T::UnixTime::now())
	}

	/// One page of [`Pallet::pending_applications`]: scans at most `limit` (1 ..=
	/// [`tn_primitives::MAX_PAGE`]) applications after `after`; `next` is the last one scanned
	/// when the page is full (more may follow).
	pub(crate) fn pending_page(after: Option<T::AccountId>, limit: u32) -> PendingPage<T> {
		let today = Self::today();
		let limit = tn_primitives::page_len(limit);
		let scan = match after {
			Some(a) => Applications::<T>::iter_from(Applications::<T>::hashed_key_for(a)),
			None => Applications::<T>::iter(),
		};
		let (mut page, mut scanned, mut last) = (Vec::new(), 0usize, None);
		for (who, app) in scan.take(limit) {
			scanned = scanned.saturating_add(1);
			if today < app.expires
				&& matches!(
					app.stage,
					Stage::AwaitingKybJudgement { .. } | Stage::AwaitingKycJudgement { .. }
				) {
				page.push((who.clone(), app));
			}
			last = Some(who);
		}
		(page, if scanned == limit { last } else { None })
	}

	/// The caller's live (unexpired) application.
	fn live_application(who: &T::AccountId) -> Result<Application<BalanceOf<T>>, DispatchError> {
		let app = Applications::<T>::get(who).ok_or(Error::<T>::NoApplication)?;
		ensure!(Self::today() < app.expires, Error::<T>::ApplicationExpired);
		Ok(app)
	}

	/// Delete an application, its queue entry, and return its deposit.
	fn end_application(who: &T::AccountId, app: &Application<BalanceOf<T>>) {
		Applications::<T>::remove(who);
		KybApprovalsOf::<T>::remove(who);
		// An application that ends without admission gives its operator codes back.
		if !ProducerRecords::<T>::contains_key(who) {
			for code in OperatorsOf::<T>::take(who).unwrap_or_default() {
				OperatorOwners::<T>::remove(code);
			}
		}
		ExpiryQueue::<T>::remove(app.expires, who);
		// The hold was placed by `apply`; releasing what is there cannot fail.
		T::Currency::release(&HoldReason::Application.into(), who, app.held, Precision::BestEffort)
			.defensive_unwrap_or_default();
	}

	pub(crate) fn do_apply(
		who: T::AccountId,
		asset_class: AssetClassId,
		kyb: Commitment,
	) -> DispatchResult {
		ensure!(!ProducerRecords::<T>::contains_key(&who), Error::<T>::AlreadyProducer);
		ensure!(!KybOwners::<T>::contains_key(kyb), Error::<T>::KybInUse);
		ensure!(T::AssetClasses::contains(&asset_class), Error::<T>::UnknownAssetClass);
		let today = Self::today();
		if let Some(old) = Applications::<T>::get(&who) {
			ensure!(today >= old.expires, Error::<T>::ApplicationExists);
			// An expired application is replaced: the new attempt starts from the beginning.
			Self::end_application(&who, &old);
			Self::deposit_event(Event::ApplicationExpired { applicant: who.clone() });
		}
		let held = T::ApplicationDeposit::get();
		T::Currency::hold(&HoldReason::Application.into(), &who, held)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		let expires = today.plus(T::ApplicationExpiryDays::get());
		Applications::<T>::insert(
			&who,
			Application {
				asset_class,
				stage: Stage::AwaitingKybJudgement { kyb },
				opened: today,
				expires,
				held,
			},
		);
		ExpiryQueue::<T>::insert(expires, &who, ());
		if ExpiryCursor::<T>::get().is_none() {
			ExpiryCursor::<T>::put(today);
		}
		Self::deposit_event(Event::ApplicationOpened { applicant: who, asset_class, kyb, expires });
		Ok(())
	}

	pub(crate) fn do_submit_kyb(who: T::AccountId, kyb: Commitment) -> DispatchResult {
		let mut app = Self::live_application(&who)?;
		ensure!(
			matches!(app.stage, Stage::AwaitingKybJudgement { .. }),
			Error::<T>::NotAwaitingKyb
		);
		ensure!(!KybOwners::<T>::contains_key(kyb), Error::<T>::KybInUse);
		app.stage = Stage::AwaitingKybJudgement { kyb };
		Applications::<T>::insert(&who, app);
		// Approvals of the old submission do not carry over to the new one.
		KybApprovalsOf::<T>::remove(&who);
		Self::deposit_event(Event::KybSubmitted { applicant: who, kyb });
		Ok(())
	}

	pub(crate) fn do_judge_kyb(
		verifier: T::AccountId,
		applicant: T::AccountId,
		judged: Commitment,
		approve: bool,
		operators: OperatorCodes,
	) -> DispatchResult {
		ensure!(verifier != applicant, Error::<T>::CannotJudgeOwnApplication);
		let mut app = Self::live_application(&applicant)?;
		let Stage::AwaitingKybJudgement { kyb } = app.stage else {
			return Err(Error::<T>::NotAwaitingKyb.into());
		};
		ensure!(kyb == judged, Error::<T>::StaleSubmission);
		if approve {
			Self::check_operators(&operators)?;
			// Issue 25, M5: KYB passes with `KybApprovals` distinct verifiers' approvals of the
			// same commitment and codes.
			let needed = approvals_needed(T::KybApprovals::get());
			let mut tally = KybApprovalsOf::<T>::get(&applicant)
				.filter(|t| t.kyb == kyb)
				.unwrap_or_else(|| KybTally {
					kyb,
					operators: operators.clone(),
					approvers: Default::default(),
				});
			ensure!(
				tally.approvers.is_empty() || Self::same_codes(&tally.operators, &operators),
				Error::<T>::OperatorsDiffer
			);
			ensure!(!tally.approvers.contains(&verifier), Error::<T>::AlreadyApproved);
			let approvals =
				u32::try_from(tally.approvers.len()).unwrap_or(u32::MAX).saturating_add(1);
			if approvals < needed {
				// Below the threshold, so below `MAX_APPROVALS`: there is room.
				tally
					.approvers
					.try_push(verifier.clone())
					.map_err(|_| Error::<T>::AlreadyApproved)?;
				KybApprovalsOf::<T>::insert(&applicant, tally);
				Self::deposit_event(Event::KybApprovalRecorded {
					applicant,
					verifier,
					kyb,
					operators,
					approvals,
					needed,
				});
				return Ok(());
			}
			KybApprovalsOf::<T>::remove(&applicant);
			for code in operators.iter() {
				OperatorOwners::<T>::insert(code, &applicant);
			}
			OperatorsOf::<T>::insert(&applicant, &operators);
			app.stage = Stage::AwaitingKyc { kyb };
			Applications::<T>::insert(&applicant, app);
			T::Notices::notify(&applicant, NoticeKind::KybJudged { approved: true });
			Self::deposit_event(Event::KybApproved { applicant, verifier, kyb, operators });
		} else {
			Self::end_application(&applicant, &app);
			T::Notices::notify(&applicant, NoticeKind::KybJudged { approved: false });
			Self::deposit_event(Event::KybRejected { applicant, verifier, kyb });
		}
		Ok(())
	}

	/// Whether two lists of operator codes (each listed once) name the same codes.
	fn same_codes(a: &OperatorCodes, b: &OperatorCodes) -> bool {
		a.len() == b.len() && a.iter().all(|c| b.contains(c))
	}

	/// The weight of scanning `wells` wells of an operator code's holder (two reads per well:
	/// the owner index and the well; the proof of both, 2,535 + 3,240 bytes in the runtime),
	/// added to the benchmarked weight of `free_operator` / `reassign_operator`.
	pub fn well_scan_weight(wells: u32) -> Weight {
		T::DbWeight::get()
			.reads(u64::from(wells).saturating_mul(2))
			.saturating_add(Weight::from_parts(0, u64::from(wells).saturating_mul(5_775)))
	}

	/// The holder of `code`, checked free of wells: no well of the holder that is neither
	/// removed nor rejected carries it (`wells`: the witness of the holder's wells).
	fn unused_code_holder(code: &OperatorCode, wells: u32) -> Result<T::AccountId, DispatchError> {
		let holder = OperatorOwners::<T>::get(code).ok_or(Error::<T>::UnknownOperator)?;
		let using = T::Wells::wells_with_operator(&holder, code, wells)
			.ok_or(Error::<T>::WellWitnessTooLow)?;
		ensure!(using == 0, Error::<T>::OperatorUsedByWells);
		Ok(holder)
	}

	/// Take `code` out of `holder`'s recorded codes (and the index).
	fn take_code(holder: &T::AccountId, code: &OperatorCode) {
		OperatorOwners::<T>::remove(code);
		OperatorsOf::<T>::mutate_exists(holder, |codes| {
			if let Some(c) = codes.as_mut() {
				c.retain(|x| x != code);
				if c.is_empty() {
					*codes = None;
				}
			}
		});
	}

	pub(crate) fn do_free_operator(code: OperatorCode, wells: u32) -> DispatchResult {
		let holder = Self::unused_code_holder(&code, wells)?;
		Self::take_code(&holder, &code);
		Self::deposit_event(Event::OperatorFreed { operator: code, holder });
		Ok(())
	}

	pub(crate) fn do_reassign_operator(
		code: OperatorCode,
		to: T::AccountId,
		wells: u32,
	) -> DispatchResult {
		let from = OperatorOwners::<T>::get(&code).ok_or(Error::<T>::UnknownOperator)?;
		ensure!(from != to, Error::<T>::SameHolder);
		let target = ProducerRecords::<T>::get(&to).ok_or(Error::<T>::NotProducer)?;
		ensure!(
			!matches!(target.status, ProducerStatus::Revoked { .. }),
			Error::<T>::ProducerRevoked
		);
		let mut codes = OperatorsOf::<T>::get(&to).unwrap_or_default();
		codes.try_push(code.clone()).map_err(|_| Error::<T>::TooManyOperatorCodes)?;
		Self::unused_code_holder(&code, wells)?;
		Self::take_code(&from, &code);
		OperatorsOf::<T>::insert(&to, codes);
		OperatorOwners::<T>::insert(&code, &to);
		Self::deposit_event(Event::OperatorReassigned { operator: code, from, to });
		Ok(())
	}

	/// The codes of a KYB approval: at least one, each well-formed, listed once and not
	/// recorded for another account.
	fn check_operators(operators: &OperatorCodes) -> DispatchResult {
		ensure!(!operators.is_empty(), Error::<T>::NoOperatorCode);
		ensure!(operators.iter().all(|c| is_valid_code(c)), Error::<T>::InvalidOperatorCode);
		ensure!(tn_primitives::each_once(operators), Error::<T>::DuplicateOperatorCode);
		ensure!(
			!operators.iter().any(OperatorOwners::<T>::contains_key),
			Error::<T>::OperatorInUse
		);
		Ok(())
	}

	pub(crate) fn do_submit_kyc(who: T::AccountId, kyc: Commitment) -> DispatchResult {
		let mut app = Self::live_application(&who)?;
		let kyb = match app.stage {
			Stage::AwaitingKyc { kyb } | Stage::AwaitingKycJudgement { kyb, .. } => kyb,
			Stage::AwaitingKybJudgement { .. } => return Err(Error::<T>::KybNotApproved.into()),
		};
		app.stage = Stage::AwaitingKycJudgement { kyb, kyc };
		Applications::<T>::insert(&who, app);
		Self::deposit_event(Event::KycSubmitted { applicant: who, kyc });
		Ok(())
	}

	pub(crate) fn do_judge_kyc(
		verifier: T::AccountId,
		applicant: T::AccountId,
		judged: Commitment,
		approve: bool,
	) -> DispatchResult {
		ensure!(verifier != applicant, Error::<T>::CannotJudgeOwnApplication);
		let app = Self::live_application(&applicant)?;
		let Stage::AwaitingKycJudgement { kyb, kyc } = app.stage else {
			return Err(Error::<T>::NotAwaitingKycJudgement.into());
		};
		ensure!(kyc == judged, Error::<T>::StaleSubmission);
		// Two applications on one KYB commitment may be open; only the first is admitted.
		ensure!(!approve || !KybOwners::<T>::contains_key(kyb), Error::<T>::KybInUse);
		if approve {
			// The record first: ending the application then keeps the operator codes.
			KybOwners::<T>::insert(kyb, &applicant);
			ProducerRecords::<T>::insert(
				&applicant,
				Producer {
					status: ProducerStatus::Active,
					asset_class: app.asset_class,
					kyb,
					kyc,
					admitted: Self::today(),
					deposit: Zero::zero(),
					debt: Zero::zero(),
				},
			);
			Self::end_application(&applicant, &app);
			T::Notices::notify(&applicant, NoticeKind::KycJudged { approved: true });
			Self::deposit_event(Event::ProducerAdmitted {
				producer: applicant,
				verifier,
				asset_class: app.asset_class,
				kyb,
				kyc,
			});
		} else {
			Self::end_application(&applicant, &app);
			T::Notices::notify(&applicant, NoticeKind::KycJudged { approved: false });
			Self::deposit_event(Event::KycRejected { applicant, verifier, kyc });
		}
		Ok(())
	}

	pub(crate) fn do_cancel(who: T::AccountId) -> DispatchResult {
		let app = Applications::<T>::get(&who).ok_or(Error::<T>::NoApplication)?;
		Self::end_application(&who, &app);
		Self::deposit_event(Event::ApplicationCancelled { applicant: who });
		Ok(())
	}

	pub(crate) fn do_deposit(who: T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let mut producer = ProducerRecords::<T>::get(&who).ok_or(Error::<T>::NotProducer)?;
		let repaid = amount.min(producer.debt);
		let held = amount.saturating_sub(repaid);
		// Check the whole amount is available before moving anything.
		let spendable =
			T::Currency::reducible_balance(&who, Preservation::Preserve, Fortitude::Polite);
		ensure!(spendable >= amount, Error::<T>::InsufficientBalance);
		if !repaid.is_zero() {
			let credit = T::Currency::withdraw(
				&who,
				repaid,
				Precision::Exact,
				Preservation::Preserve,
				Fortitude::Polite,
			)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
			T::Slashed::on_unbalanced(credit);
			producer.debt = producer.debt.saturating_sub(repaid);
		}
		if !held.is_zero() {
			T::Currency::hold(&HoldReason::ProducerDeposit.into(), &who, held)
				.map_err(|_| Error::<T>::InsufficientBalance)?;
			producer.deposit = producer.deposit.saturating_add(held);
		}
		let (deposit, debt) = (producer.deposit, producer.debt);
		ProducerRecords::<T>::insert(&who, producer);
		Self::deposit_event(Event::Deposited { producer: who, repaid, held, deposit, debt });
		Ok(())
	}

	/// The deposit `who` must keep to mint: `MinDepositPerWell × active wells` (0 once revoked).
	pub fn minimum_deposit(who: &T::AccountId, status: &ProducerStatus) -> BalanceOf<T> {
		if matches!(status, ProducerStatus::Revoked { .. }) {
			return Zero::zero();
		}
		T::MinDepositPerWell::get().saturating_mul(T::Wells::active_wells(who).into())
	}

	/// The deposit a withdrawal must leave: the requirement plus the open exposure,
	/// `MinDepositPerWell × (active wells + open months)`. Once revoked only the open months
	/// count (no more mints, but each open month is still audited, overdue, and may be slashed;
	/// issue 25, M2).
	pub fn withdrawal_floor(who: &T::AccountId, status: &ProducerStatus) -> BalanceOf<T> {
		let open = T::Wells::open_months(who);
		let units = if matches!(status, ProducerStatus::Revoked { .. }) {
			open
		} else {
			T::Wells::active_wells(who).saturating_add(open)
		};
		T::MinDepositPerWell::get().saturating_mul(units.into())
	}

	/// The first day on which `who`'s last audited month has left the amendment horizon in
	/// force now (`None`: nothing audited): no withdrawal unlocks before it (issue 25, H2).
	pub fn amendable_until(who: &T::AccountId) -> Option<Day> {
		LastAudited::<T>::get(who)
			.map(|m| tn_primitives::horizon::leaves_horizon(m, T::AmendmentHorizonMonths::get()))
	}

	pub(crate) fn do_withdraw(who: T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let mut producer = ProducerRecords::<T>::get(&who).ok_or(Error::<T>::NotProducer)?;
		// A suspended producer is under investigation: its deposit stays until governance
		// reinstates (or revokes) it.
		ensure!(
			!matches!(producer.status, ProducerStatus::Suspended { .. }),
			Error::<T>::ProducerSuspended
		);
		ensure!(amount <= producer.deposit, Error::<T>::InsufficientDeposit);
		let left = producer.deposit.saturating_sub(amount);
		ensure!(
			left >= Self::withdrawal_floor(&who, &producer.status),
			Error::<T>::BelowMinimumDeposit
		);
		let today = Self::today();
		let unlocks = today
			.plus(T::UnbondingDays::get())
			.max(Self::amendable_until(&who).unwrap_or(today));
		if unlocks <= today {
			T::Currency::release(
				&HoldReason::ProducerDeposit.into(),
				&who,
				amount,
				Precision::Exact,
			)?;
			producer.deposit = left;
			ProducerRecords::<T>::insert(&who, producer);
			Self::deposit_event(Event::Withdrawn { producer: who, amount, deposit: left });
			return Ok(());
		}
		let unbonding = UnbondingOf::<T>::get(&who)
			.map(|u| u.amount)
			.unwrap_or_else(Zero::zero)
			.saturating_add(amount);
		UnbondingOf::<T>::insert(&who, Unbonding { amount: unbonding, unlocks });
		producer.deposit = left;
		ProducerRecords::<T>::insert(&who, producer);
		Self::deposit_event(Event::Unbonding {
			producer: who,
			amount,
			unbonding,
			unlocks,
			deposit: left,
		});
		Ok(())
	}

	pub(crate) fn do_claim_unbonded(who: T::AccountId) -> DispatchResult {
		let producer = ProducerRecords::<T>::get(&who).ok_or(Error::<T>::NotProducer)?;
		ensure!(
			!matches!(producer.status, ProducerStatus::Suspended { .. }),
			Error::<T>::ProducerSuspended
		);
		let u = UnbondingOf::<T>::get(&who).ok_or(Error::<T>::NothingUnbonding)?;
		let today = Self::today();
		ensure!(today >= u.unlocks, Error::<T>::StillUnbonding);
		ensure!(
			Self::amendable_until(&who).is_none_or(|end| today >= end),
			Error::<T>::StillAmendable
		);
		T::Currency::release(
			&HoldReason::ProducerDeposit.into(),
			&who,
			u.amount,
			Precision::Exact,
		)?;
		UnbondingOf::<T>::remove(&who);
		Self::deposit_event(Event::Withdrawn {
			producer: who,
			amount: u.amount,
			deposit: producer.deposit,
		});
		Ok(())
	}

	pub(crate) fn do_suspend(who: T::AccountId, reason: Reason) -> DispatchResult {
		ProducerRecords::<T>::try_mutate(&who, |p| -> DispatchResult {
			let p = p.as_mut().ok_or(Error::<T>::NotProducer)?;
			match p.status {
				ProducerStatus::Active => {},
				ProducerStatus::Suspended { .. } => {
					return Err(Error::<T>::ProducerSuspended.into())
				},
				ProducerStatus::Revoked { .. } => return Err(Error::<T>::ProducerRevoked.into()),
			}
			p.status = ProducerStatus::Suspended { reason: reason.clone() };
			Ok(())
		})?;
		T::Notices::notify(&who, NoticeKind::ProducerSuspended { reason: reason.clone() });
		Self::deposit_event(Event::ProducerSuspended { producer: who, reason });
		Ok(())
	}

	pub(crate) fn do_reinstate(who: T::AccountId) -> DispatchResult {
		ProducerRecords::<T>::try_mutate(&who, |p| -> DispatchResult {
			let p = p.as_mut().ok_or(Error::<T>::NotProducer)?;
			match p.status {
				ProducerStatus::Suspended { .. } => {},
				ProducerStatus::Active => return Err(Error::<T>::NotSuspended.into()),
				ProducerStatus::Revoked { .. } => return Err(Error::<T>::ProducerRevoked.into()),
			}
			p.status = ProducerStatus::Active;
			Ok(())
		})?;
		T::Notices::notify(&who, NoticeKind::ProducerReinstated);
		Self::deposit_event(Event::ProducerReinstated { producer: who });
		Ok(())
	}

	pub(crate) fn do_revoke(who: T::AccountId, reason: Reason) -> DispatchResult {
		ProducerRecords::<T>::try_mutate(&who, |p| -> DispatchResult {
			let p = p.as_mut().ok_or(Error::<T>::NotProducer)?;
			ensure!(
				!matches!(p.status, ProducerStatus::Revoked { .. }),
				Error::<T>::ProducerRevoked
			);
			p.status = ProducerStatus::Revoked { reason: reason.clone() };
			Ok(())
		})?;
		T::Notices::notify(&who, NoticeKind::ProducerRevoked { reason: reason.clone() });
		Self::deposit_event(Event::ProducerRevoked { producer: who, reason });
		Ok(())
	}

	/// Convert atto-USD to native base units at `UnitsPerUsd` (rounded down, in the producer's
	/// favour): native = usd × rate × NativeUnit / 10¹⁸.
	pub fn usd_to_native(usd: UsdAtto) -> BalanceOf<T> {
		let rate = T::UnitsPerUsd::get().into_inner(); // rate × 10¹⁸
		let unit: u128 = T::NativeUnit::get().try_into().unwrap_or(u128::MAX);
		let scaled =
			multiply_by_rational_with_rounding(usd, rate, E18, Rounding::Down).unwrap_or(u128::MAX);
		let native = multiply_by_rational_with_rounding(scaled, unit, E18, Rounding::Down)
			.unwrap_or(u128::MAX);
		native.try_into().unwrap_or_else(|_| BalanceOf::<T>::max_value())
	}

	/// Delete applications whose expiry day has come, oldest first, at most
	/// `MaxExpiriesPerBlock` per block; the rest waits for the next block.
	pub(crate) fn expire_due(today: Day) -> Weight {
		let Some(cursor) = ExpiryCursor::<T>::get() else {
			return T::WeightInfo::expire_applications(0);
		};
		let (cursor, done) = tn_primitives::time::drain_due(
			cursor,
			today,
			T::MaxExpiriesPerBlock::get(),
			31,
			|day, n| {
				ExpiryQueue::<T>::drain_prefix(day)
					.take(n as usize)
					.map(|(who, ())| who)
					.collect()
			},
			|_, who| {
				if let Some(app) = Applications::<T>::get(&who) {
					if app.expires <= today {
						Self::end_application(&who, &app);
						T::Notices::notify(&who, NoticeKind::ApplicationExpired);
						Self::deposit_event(Event::ApplicationExpired { applicant: who });
					}
				}
			},
		);
		ExpiryCursor::<T>::put(cursor);
		T::WeightInfo::expire_applications(done)
	}

	/// Invariants: each producer's recorded deposit equals its held deposit; each application's
	/// deposit is held; every application has its queue entry.
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use frame_support::traits::fungible::InspectHold;
		for (who, p) in ProducerRecords::<T>::iter() {
			let held = T::Currency::balance_on_hold(&HoldReason::ProducerDeposit.into(), &who);
			let unbonding =
				UnbondingOf::<T>::get(&who).map(|u| u.amount).unwrap_or_else(Zero::zero);
			ensure!(
				held == p.deposit.saturating_add(unbonding),
				"deposit + unbonding differs from the held balance"
			);
			ensure!(!Applications::<T>::contains_key(&who), "a producer also has an application");
			ensure!(
				KybOwners::<T>::get(p.kyb).as_ref() == Some(&who),
				"a producer's KYB is not indexed to it"
			);
		}
		for (code, who) in OperatorOwners::<T>::iter() {
			ensure!(
				OperatorsOf::<T>::get(&who).is_some_and(|c| c.contains(&code)),
				"an operator code's owner does not list it"
			);
		}
		for (who, codes) in OperatorsOf::<T>::iter() {
			ensure!(
				ProducerRecords::<T>::contains_key(&who) || Applications::<T>::contains_key(&who),
				"operator codes of an account that is neither producer nor applicant"
			);
			for code in codes {
				ensure!(
					OperatorOwners::<T>::get(&code).as_ref() == Some(&who),
					"an operator code is not indexed to its account"
				);
			}
		}
		for (who, _) in UnbondingOf::<T>::iter() {
			ensure!(ProducerRecords::<T>::contains_key(&who), "unbonding of an unknown producer");
		}
		for (who, t) in KybApprovalsOf::<T>::iter() {
			ensure!(
				Applications::<T>::get(&who)
					.is_some_and(|a| a.stage == Stage::AwaitingKybJudgement { kyb: t.kyb }),
				"KYB approvals of an application that does not wait for them"
			);
			ensure!(!t.approvers.is_empty(), "an empty KYB tally is stored");
			ensure!(tn_primitives::each_once(&t.approvers), "a verifier approved twice");
			ensure!(!t.approvers.contains(&who), "an applicant approved its own KYB");
		}
		for (who, app) in Applications::<T>::iter() {
			let held = T::Currency::balance_on_hold(&HoldReason::Application.into(), &who);
			ensure!(held == app.held, "application deposit differs from the held balance");
			ensure!(
				ExpiryQueue::<T>::contains_key(app.expires, &who),
				"application missing from the expiry queue"
			);
		}
		Ok(())
	}
}

impl<T: Config> ProducerRegistry<T::AccountId> for Pallet<T> {
	fn ensure_active(who: &T::AccountId) -> DispatchResult {
		let p = ProducerRecords::<T>::get(who).ok_or(Error::<T>::NotProducer)?;
		match p.status {
			ProducerStatus::Active => Ok(()),
			ProducerStatus::Suspended { .. } => Err(Error::<T>::ProducerSuspended.into()),
			ProducerStatus::Revoked { .. } => Err(Error::<T>::ProducerRevoked.into()),
		}
	}

	fn admitted_class(who: &T::AccountId) -> Option<u32> {
		ProducerRecords::<T>::get(who).map(|p| p.asset_class)
	}

	fn operates(who: &T::AccountId, operator: &[u8]) -> bool {
		ProducerRecords::<T>::contains_key(who)
			&& OperatorsOf::<T>::get(who).is_some_and(|c| c.iter().any(|o| &o[..] == operator))
	}

	fn ensure_can_mint(who: &T::AccountId) -> DispatchResult {
		Self::ensure_active(who)?;
		let p = ProducerRecords::<T>::get(who).ok_or(Error::<T>::NotProducer)?;
		ensure!(p.debt.is_zero(), Error::<T>::ProducerInDebt);
		ensure!(
			p.deposit >= Self::minimum_deposit(who, &p.status),
			Error::<T>::DepositBelowRequirement
		);
		Ok(())
	}
}

impl<T: Config> DepositSlasher<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn usd_to_native(usd: UsdAtto) -> BalanceOf<T> {
		Pallet::<T>::usd_to_native(usd)
	}

	fn slash(who: &T::AccountId, usd: UsdAtto, due: BalanceOf<T>) -> SlashOutcome<BalanceOf<T>> {
		let Some(mut producer) = ProducerRecords::<T>::get(who) else {
			return SlashOutcome::default();
		};
		if due.is_zero() {
			return SlashOutcome::default();
		}
		// The deposit first, then what is unbonding (held until claimed, so still slashable).
		let mut unbonding = UnbondingOf::<T>::get(who);
		let unbonding_amount = unbonding.as_ref().map(|u| u.amount).unwrap_or_else(Zero::zero);
		let take = due.min(producer.deposit.saturating_add(unbonding_amount));
		let (credit, not_slashed) =
			T::Currency::slash(&HoldReason::ProducerDeposit.into(), who, take);
		let slashed = take.saturating_sub(not_slashed);
		T::Slashed::on_unbalanced(credit);
		let new_debt = due.saturating_sub(slashed);
		let from_deposit = slashed.min(producer.deposit);
		producer.deposit = producer.deposit.saturating_sub(from_deposit);
		if let Some(u) = unbonding.as_mut() {
			u.amount = u.amount.saturating_sub(slashed.saturating_sub(from_deposit));
			if u.amount.is_zero() {
				UnbondingOf::<T>::remove(who);
			} else {
				UnbondingOf::<T>::insert(who, u.clone());
			}
		}
		producer.debt = producer.debt.saturating_add(new_debt);
		let (deposit, debt) = (producer.deposit, producer.debt);
		ProducerRecords::<T>::insert(who, producer);
		Self::deposit_event(Event::Slashed {
			producer: who.clone(),
			usd,
			due,
			slashed,
			new_debt,
			deposit,
			debt,
		});
		SlashOutcome { due, slashed, new_debt }
	}

	fn note_audited(who: &T::AccountId, month: Month) {
		LastAudited::<T>::mutate(who, |m| {
			if m.is_none_or(|m| m < month) {
				*m = Some(month);
			}
		});
	}

	fn refund(who: &T::AccountId, amount: BalanceOf<T>) -> RefundOutcome<BalanceOf<T>> {
		let Some(mut producer) = ProducerRecords::<T>::get(who) else {
			return RefundOutcome::default();
		};
		if amount.is_zero() {
			return RefundOutcome::default();
		}
		let debt_cancelled = amount.min(producer.debt);
		producer.debt = producer.debt.saturating_sub(debt_cancelled);
		let rest = amount.saturating_sub(debt_cancelled);
		let returned = if rest.is_zero() {
			Zero::zero()
		} else {
			// Best effort: the slash account keeps its existential deposit; what it cannot pay
			// is reported as unpaid.
			T::Currency::transfer_and_hold(
				&HoldReason::ProducerDeposit.into(),
				&T::SlashedAccount::get(),
				who,
				rest,
				Precision::BestEffort,
				Preservation::Preserve,
				Fortitude::Polite,
			)
			.unwrap_or_else(|_| Zero::zero())
		};
		let unpaid = rest.saturating_sub(returned);
		producer.deposit = producer.deposit.saturating_add(returned);
		let (deposit, debt) = (producer.deposit, producer.debt);
		ProducerRecords::<T>::insert(who, producer);
		Self::deposit_event(Event::SlashRefunded {
			producer: who.clone(),
			debt_cancelled,
			returned,
			unpaid,
			deposit,
			debt,
		});
		RefundOutcome { debt_cancelled, returned, unpaid }
	}
}
