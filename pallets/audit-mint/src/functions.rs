//! The audit-mint pallet's logic.

use super::*;
use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungibles::{Inspect, Mutate},
		tokens::{Fortitude, Precision, Preservation},
		Get,
	},
	weights::Weight,
};
use sp_arithmetic::{
	helpers_128bit::multiply_by_rational_with_rounding, per_things::Rounding, Perbill,
};
use sp_runtime::traits::{AccountIdConversion, SaturatedConversion, Saturating};
use tn_primitives::{
	audit,
	feeds::Provenance,
	split_above_minimum,
	traits::{DepositSlasher, OfficialProduction, ProducerRegistry, WellLedger},
	valuation::PriceUsed,
	AuditOutcome, Month, NoticeKind, Notify, Volume, WellId, ONE_TAT,
};

/// The audit rules as stored in a record.
pub type AuditRulesOf<T> = AuditRules<NativeBalanceOf<T>>;

impl<T: Config> Pallet<T> {
	/// The account that owns and issues TAT.
	pub fn account_id() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	/// TAT's minimum balance: smaller shares go to the owner.
	fn tat_minimum() -> u128 {
		T::Assets::minimum_balance(T::TatAssetId::get())
	}

	/// The rules in force now (a mint records them; its settlements reuse them).
	pub fn rules_now() -> AuditRulesOf<T> {
		AuditRules {
			slash_ratio: T::SlashRatio::get(),
			bands: T::DeviationBands::get(),
			native_per_usd: T::Producers::usd_to_native(ONE_TAT),
		}
	}

	/// `usd` (atto-USD) in native base units at `rules`' rate, rounded down (in the producer's
	/// favour): `floor(usd × native_per_usd / 10¹⁸)` — the producers pallet's conversion exactly
	/// whenever one USD is a whole number of native base units (`UnitsPerUsd` with at most 12
	/// decimals for a 10¹²-unit token).
	pub fn to_native(usd: u128, rules: &AuditRulesOf<T>) -> NativeBalanceOf<T> {
		let rate: u128 = rules.native_per_usd.saturated_into();
		multiply_by_rational_with_rounding(usd, rate, ONE_TAT, Rounding::Down)
			.unwrap_or(u128::MAX)
			.saturated_into()
	}

	/// The weight of an audit with `b` beneficiaries, by its owner (`mint`) or overdue
	/// (`audit_overdue`): the same work, so the larger of the two measurements (their linear
	/// fits differ: `mint`'s found no per-beneficiary storage access, BENCHMARKS.md).
	pub fn audit_weight(b: u32) -> Weight {
		T::WeightInfo::mint(b).max(T::WeightInfo::audit_overdue(b))
	}

	/// The weight of `settle` with `b` beneficiaries: the benchmark's, plus the removal of a
	/// failed settlement's entry.
	pub fn settle_weight(b: u32) -> Weight {
		T::WeightInfo::settle(b).saturating_add(T::DbWeight::get().writes(1))
	}

	/// The month, its official figure, the table's outcome and the split.
	fn evaluate(
		who: Option<&T::AccountId>,
		well: WellId,
		month: Month,
	) -> Result<Evaluation<T::AccountId>, DispatchError> {
		ensure!(!AuditRecords::<T>::contains_key(well, month), Error::<T>::AlreadyAudited);
		let m = T::Wells::month_for_audit(who, well, month)?;
		let (official, provenance) =
			T::Official::official(well, month).ok_or(Error::<T>::NoOfficialFigure)?;
		let rules = Self::rules_now();
		let outcome = audit(m.volume, official, m.value, rules.bands, rules.slash_ratio);
		let ratios: Vec<_> = m.beneficiaries.iter().map(|(_, r)| *r).collect();
		let (owner_share, shares) =
			split_above_minimum(outcome.minted, &ratios, Self::tat_minimum());
		// A month worth less than TAT's minimum balance mints nothing (the parts are all zero).
		let mut outcome = outcome;
		outcome.minted = shares.iter().fold(owner_share, |acc, s| acc.saturating_add(*s));
		let to_beneficiaries = m.beneficiaries.iter().map(|(a, _)| a.clone()).zip(shares).collect();
		Ok((m, official, provenance, outcome, owner_share, to_beneficiaries))
	}

	/// What minting `month` of `well` would do now (as anyone may ask: the month and its figure,
	/// not who mints).
	pub(crate) fn do_preview(
		well: WellId,
		month: Month,
	) -> Result<AuditPreview<T::AccountId>, DispatchError> {
		Self::preview_by(None, well, month)
	}

	/// What `mint` by the well's owner would do now, or the error it would return (the same
	/// checks in the same order: the producer, then the well and month, then the official figure).
	fn owner_preview(
		well: WellId,
		month: Month,
	) -> Result<AuditPreview<T::AccountId>, DispatchError> {
		let owner = T::Wells::month_for_audit(None, well, month)?.owner;
		T::Producers::ensure_can_mint(&owner)?;
		Self::preview_by(Some(&owner), well, month)
	}

	fn preview_by(
		who: Option<&T::AccountId>,
		well: WellId,
		month: Month,
	) -> Result<AuditPreview<T::AccountId>, DispatchError> {
		let (m, official, _, outcome, producer_share, beneficiaries) =
			Self::evaluate(who, well, month)?;
		Ok(AuditPreview {
			producer_volume: m.volume,
			official_volume: official,
			value: m.value,
			outcome,
			producer_share,
			beneficiaries,
		})
	}

	/// The state of `well`'s `month` with `days` uploaded totalling `volume`.
	pub(crate) fn month_state(
		well: WellId,
		month: Month,
		days: u8,
		volume: Volume,
	) -> MonthInfo<T::AccountId> {
		let official = T::Official::official(well, month);
		let (state, blocker, preview) = match T::Wells::closed(well, month) {
			Some(true) => (MonthState::Audited, None, None),
			Some(false) if AuditRecords::<T>::contains_key(well, month) => {
				(MonthState::Failed, None, None)
			},
			Some(false) => (MonthState::Lapsed, None, None),
			None => match Self::owner_preview(well, month) {
				Ok(p) => (MonthState::Mintable, None, Some(p)),
				Err(e) => (MonthState::Open, Some(e), None),
			},
		};
		MonthInfo { month, days, volume, state, blocker, official, preview }
	}

	/// `well`'s months with uploads, newest first: at most `limit` (capped at
	/// [`MAX_MONTHS_PAGE`]) older than `before` (all when `None`).
	pub(crate) fn months_page(
		well: WellId,
		before: Option<Month>,
		limit: u32,
	) -> Vec<MonthInfo<T::AccountId>> {
		T::Wells::months(well)
			.into_iter()
			.rev()
			.filter(|(m, ..)| before.is_none_or(|b| *m < b))
			.take(limit.min(MAX_MONTHS_PAGE) as usize)
			.map(|(m, days, volume)| Self::month_state(well, m, days, volume))
			.collect()
	}

	/// One page of [`Pallet::audits`].
	pub(crate) fn audits_page(
		after: Option<(WellId, Month)>,
		limit: u32,
	) -> Vec<(WellId, Month, AuditRecordOf<T>)> {
		let records = match after {
			Some((w, m)) => AuditRecords::<T>::iter_from(AuditRecords::<T>::hashed_key_for(w, m)),
			None => AuditRecords::<T>::iter(),
		};
		records.take(tn_primitives::page_len(limit)).collect()
	}

	fn mint_to(who: &T::AccountId, amount: u128) -> DispatchResult {
		if amount > 0 {
			T::Assets::mint_into(T::TatAssetId::get(), who, amount)?; // The assets pallet's error says why (e.g. `Token.UnknownAsset`).
		}
		Ok(())
	}

	/// The UTC day now.
	fn today() -> tn_primitives::Day {
		tn_primitives::Day::from_duration(<T::UnixTime as frame_support::traits::UnixTime>::now())
	}

	/// Mint a month by its owner; returns its number of beneficiaries (for the weight refund).
	pub(crate) fn do_mint(
		who: T::AccountId,
		well: WellId,
		month: Month,
	) -> Result<u32, DispatchError> {
		T::Producers::ensure_can_mint(&who)?;
		Self::audit_month(Some(&who), well, month)
	}

	/// Audit an overdue month without its producer (M2): the same audit, nothing asked of the
	/// producer or the well's status, from `AuditOverdueDays` after the month's last day.
	pub(crate) fn do_audit_overdue(
		by: T::AccountId,
		well: WellId,
		month: Month,
	) -> Result<u32, DispatchError> {
		let (_, removed) = T::Wells::owner(well).ok_or(Error::<T>::UnknownWell)?;
		ensure!(!removed, Error::<T>::WellRemoved);
		let overdue_from = month.last_day().plus(T::AuditOverdueDays::get());
		ensure!(Self::today() >= overdue_from, Error::<T>::NotOverdue);
		let b = Self::audit_month(None, well, month)?;
		Self::deposit_event(Event::AuditedOverdue { well, month, by });
		Ok(b)
	}

	/// Close an open month without an audit (M3): its well was removed, or it left the
	/// amendment horizon and cannot be audited (no official figure, or a day without a price).
	pub(crate) fn do_lapse_month(by: T::AccountId, well: WellId, month: Month) -> DispatchResult {
		let (owner, removed) = T::Wells::owner(well).ok_or(Error::<T>::UnknownWell)?;
		ensure!(
			T::Wells::month(well, month).is_some() && T::Wells::closed(well, month).is_none(),
			Error::<T>::MonthNotOpen
		);
		if !removed {
			let horizon = T::AmendmentHorizonMonths::get();
			ensure!(
				tn_primitives::horizon::past_horizon(month, Self::today(), horizon),
				Error::<T>::NotPastHorizon
			);
			ensure!(Self::evaluate(None, well, month).is_err(), Error::<T>::MonthAuditable);
		}
		T::Wells::lapse_month(well, month);
		T::Notices::notify(&owner, NoticeKind::MonthLapsed { well, month });
		Self::deposit_event(Event::MonthLapsed { well, month, by, removed });
		Ok(())
	}

	/// Audit `month` of `well`: by its owner `who`, or (`None`) overdue without it. The slash and
	/// the TAT go to the well's owner; returns the number of beneficiaries.
	fn audit_month(
		who: Option<&T::AccountId>,
		well: WellId,
		month: Month,
	) -> Result<u32, DispatchError> {
		let (m, official, provenance, outcome, producer_share, beneficiaries) =
			Self::evaluate(who, well, month)?;
		let who = m.owner.clone();
		T::Producers::note_audited(&who, month);
		let rules = Self::rules_now();
		let slash = if outcome.slash > 0 {
			T::Producers::slash(&who, outcome.slash, Self::to_native(outcome.slash, &rules))
		} else {
			Default::default()
		};
		Self::mint_to(&who, producer_share)?;
		for (b, amount) in &beneficiaries {
			Self::mint_to(b, *amount)?;
		}
		TotalMinted::<T>::mutate(|t| *t = t.saturating_add(outcome.minted));
		T::Wells::close_month(well, month, outcome.minted > 0);
		let mut pricing = PricingSummary::default();
		for (_, p) in &m.prices {
			let slot = match p {
				PriceUsed::Day(_) => &mut pricing.day_prices,
				PriceUsed::Fallback { .. } => &mut pricing.fallback_prices,
				PriceUsed::Missing => &mut pricing.missing_prices,
			};
			*slot = slot.saturating_add(1);
		}
		let record = AuditRecord {
			producer: who,
			producer_volume: m.volume,
			official_volume: official,
			provenance,
			value: m.value,
			outcome,
			slash_due: slash.due,
			slashed: slash.slashed,
			new_debt: slash.new_debt,
			producer_share,
			// The wells pallet bounds beneficiaries by the same maximum.
			beneficiaries: BoundedVec::truncate_from(beneficiaries),
			pricing,
			block: frame_system::Pallet::<T>::block_number(),
			amended: None,
			ratios: BoundedVec::truncate_from(m.beneficiaries.iter().map(|(_, r)| *r).collect()),
			settlement: None,
			rules,
		};
		let b = u32::try_from(record.beneficiaries.len()).unwrap_or(u32::MAX);
		T::Notices::notify(
			&record.producer,
			NoticeKind::Audited {
				well,
				month,
				tat: record.outcome.minted,
				slash_due: record.slash_due.saturated_into(),
				slashed: record.slashed.saturated_into(),
				new_debt: record.new_debt.saturated_into(),
			},
		);
		AuditRecords::<T>::insert(well, month, record.clone());
		Self::deposit_event(Event::Audited { well, month, record });
		Ok(b)
	}

	/// A new official figure arrived for `well`'s `month`: if the month was audited with another
	/// **volume**, record the amendment (once per volume: a new source file with the same volume
	/// is no amendment) and queue the month for its settlement. A volume back to the settled one
	/// withdraws a pending amendment (nothing left to settle; no notice).
	pub fn note_official(well: WellId, month: Month, volume: Volume, provenance: Provenance) {
		AuditRecords::<T>::mutate(well, month, |r| {
			let Some(r) = r.as_mut() else { return };
			if volume == r.official_volume {
				if r.amended.take().is_some() {
					Unsettled::<T>::remove(well, month);
					FailedSettlements::<T>::remove(well, month);
				}
				return;
			}
			if r.amended.map(|(v, _)| v) != Some(volume) {
				r.amended = Some((volume, provenance));
				Unsettled::<T>::insert(well, month, ());
				FailedSettlements::<T>::remove(well, month);
				T::Notices::notify(
					&r.producer,
					NoticeKind::OfficialAmended {
						well,
						month,
						audited: r.official_volume,
						amended: volume,
					},
				);
				Self::deposit_event(Event::OfficialAmendedAfterAudit {
					well,
					month,
					audited: r.official_volume,
					amended: volume,
				});
			}
		});
	}

	/// Settle queued amendments while `remaining` has room for the worst case of one more
	/// (a settlement, or its failure: the queue entry removed, the failure recorded).
	pub(crate) fn settle_queued(remaining: Weight) -> Weight {
		let one = Self::settle_weight(T::MaxBeneficiaries::get())
			.saturating_add(T::DbWeight::get().reads_writes(1, 2));
		let mut used = T::DbWeight::get().reads(1);
		if !remaining.all_gte(used.saturating_add(one)) {
			return Weight::zero();
		}
		let mut queue = Unsettled::<T>::iter_keys();
		while remaining.all_gte(used.saturating_add(one)) {
			let Some((well, month)) = queue.next() else { break };
			used = used.saturating_add(one);
			// Each settlement is its own storage layer: a failed one changes nothing. It leaves
			// the queue either way, so no entry is tried in every block: a volume equal to the
			// settled one needs nothing (its pending amendment is withdrawn); any other failure
			// is kept in `FailedSettlements` with its error (the record keeps `amended`) for
			// `settle` to retry.
			let result =
				frame_support::storage::with_storage_layer(|| Self::do_settle(well, month));
			if let Err(error) = result {
				Unsettled::<T>::remove(well, month);
				if error == Error::<T>::NothingToSettle.into() {
					AuditRecords::<T>::mutate(well, month, |r| {
						if let Some(r) = r.as_mut() {
							r.amended = None;
						}
					});
				} else {
					let block = frame_system::Pallet::<T>::block_number();
					FailedSettlements::<T>::insert(well, month, (error, block));
					Self::deposit_event(Event::SettlementFailed { well, month, error });
				}
			}
		}
		used
	}

	/// Re-audit an audited month with its latest official volume and the rules of its audit,
	/// and move the difference; returns its number of beneficiaries (for the weight refund).
	pub(crate) fn do_settle(well: WellId, month: Month) -> Result<u32, DispatchError> {
		let mut r = AuditRecords::<T>::get(well, month).ok_or(Error::<T>::NotAudited)?;
		let (official, provenance) =
			T::Official::official(well, month).ok_or(Error::<T>::NoOfficialFigure)?;
		ensure!(official != r.official_volume, Error::<T>::NothingToSettle);
		let rules = r.rules;
		let outcome = audit(r.producer_volume, official, r.value, rules.bands, rules.slash_ratio);
		let ratios: Vec<Perbill> = r.ratios.to_vec();
		let (mut owner_new, shares_new) =
			split_above_minimum(outcome.minted, &ratios, Self::tat_minimum());
		let producer = r.producer.clone();
		let mut topped_up: u128 = 0;
		let mut burned: u128 = 0;
		let mut unrecovered: u128 = 0;
		// Beneficiaries first: a top-up that cannot be minted to one (it holds less than the
		// minimum after moving its TAT away) goes to the owner instead.
		let mut parts_new = Vec::with_capacity(r.beneficiaries.len());
		for ((account, old), new) in r.beneficiaries.iter().zip(shares_new) {
			let mut new = new;
			if new > *old {
				let add = new.saturating_sub(*old);
				if T::Assets::mint_into(T::TatAssetId::get(), account, add).is_ok() {
					topped_up = topped_up.saturating_add(add);
				} else {
					owner_new = owner_new.saturating_add(add);
					new = *old;
				}
			} else if new < *old {
				let (b, u) = Self::burn_back(account, old.saturating_sub(new));
				burned = burned.saturating_add(b);
				unrecovered = unrecovered.saturating_add(u);
			}
			parts_new.push((account.clone(), new));
		}
		let old_owner = r.producer_share;
		if owner_new > old_owner {
			let add = owner_new.saturating_sub(old_owner);
			match T::Assets::mint_into(T::TatAssetId::get(), &producer, add) {
				Ok(_) => topped_up = topped_up.saturating_add(add),
				// Less than the minimum balance to an owner that holds no TAT any more cannot be
				// minted: the chain keeps it (the month mints less than one cent less).
				Err(_) if add < Self::tat_minimum() => owner_new = old_owner,
				// The assets pallet's error says why (e.g. `Token.UnknownAsset`).
				Err(e) => return Err(e),
			}
		} else if owner_new < old_owner {
			let (b, u) = Self::burn_back(&producer, old_owner.saturating_sub(owner_new));
			burned = burned.saturating_add(b);
			unrecovered = unrecovered.saturating_add(u);
		}
		// The slash: compare in the native token so the total equals one slash of the final
		// figure (no double rounding).
		let due_new = Self::to_native(outcome.slash, &rules);
		let mut extra: NativeBalanceOf<T> = Default::default();
		let mut refunded: NativeBalanceOf<T> = Default::default();
		let mut unpaid: NativeBalanceOf<T> = Default::default();
		if due_new > r.slash_due {
			let usd = outcome.slash.saturating_sub(r.outcome.slash);
			extra = T::Producers::slash(&producer, usd, due_new.saturating_sub(r.slash_due)).due;
		} else if due_new < r.slash_due {
			let back = T::Producers::refund(&producer, r.slash_due.saturating_sub(due_new));
			refunded = back.debt_cancelled.saturating_add(back.returned);
			unpaid = back.unpaid;
		}
		if unrecovered > 0 {
			let due = Self::to_native(unrecovered, &rules);
			extra = extra.saturating_add(T::Producers::slash(&producer, unrecovered, due).due);
		}
		// Parts as paid: the split, with failed beneficiary top-ups moved to the owner (and an
		// owner's top-up below the minimum kept). Below TAT's minimum balance in total the parts
		// are all zero: `TotalMinted` follows the parts, never the table's unsplit amount.
		let minted_now = parts_new.iter().fold(owner_new, |acc, (_, a)| acc.saturating_add(*a));
		TotalMinted::<T>::mutate(|t| {
			*t = t.saturating_sub(r.outcome.minted).saturating_add(minted_now)
		});
		TotalUnrecovered::<T>::mutate(|t| *t = t.saturating_add(unrecovered));
		if (minted_now > 0) != (r.outcome.minted > 0) {
			T::Wells::close_month(well, month, minted_now > 0);
		}
		let block = frame_system::Pallet::<T>::block_number();
		let mut settlement = r.settlement.take().unwrap_or(Settlement {
			first_official: r.official_volume,
			first_provenance: r.provenance,
			first_minted: r.outcome.minted,
			first_slash_due: r.slash_due,
			topped_up: 0,
			burned: 0,
			unrecovered: 0,
			extra_slash_due: Default::default(),
			refunded: Default::default(),
			unpaid_refund: Default::default(),
			count: 0,
			block,
		});
		settlement.topped_up = settlement.topped_up.saturating_add(topped_up);
		settlement.burned = settlement.burned.saturating_add(burned);
		settlement.unrecovered = settlement.unrecovered.saturating_add(unrecovered);
		settlement.extra_slash_due = settlement.extra_slash_due.saturating_add(extra);
		settlement.refunded = settlement.refunded.saturating_add(refunded);
		settlement.unpaid_refund = settlement.unpaid_refund.saturating_add(unpaid);
		settlement.count = settlement.count.saturating_add(1);
		settlement.block = block;
		let (official_before, minted_before, slash_due_before) =
			(r.official_volume, r.outcome.minted, r.slash_due);
		r.official_volume = official;
		r.provenance = provenance;
		r.outcome = AuditOutcome { minted: minted_now, ..outcome };
		r.slash_due = due_new;
		r.producer_share = owner_new;
		r.beneficiaries = BoundedVec::truncate_from(parts_new);
		r.amended = None;
		r.settlement = Some(settlement);
		let b = u32::try_from(r.beneficiaries.len()).unwrap_or(u32::MAX);
		T::Notices::notify(
			&r.producer,
			NoticeKind::Settled {
				well,
				month,
				official_before,
				official,
				tat_before: minted_before,
				tat: minted_now,
				slash_due_before: slash_due_before.saturated_into(),
				slash_due: due_new.saturated_into(),
			},
		);
		AuditRecords::<T>::insert(well, month, r);
		Unsettled::<T>::remove(well, month);
		FailedSettlements::<T>::remove(well, month);
		Self::deposit_event(Event::Settled {
			well,
			month,
			official_before,
			official,
			minted_before,
			minted: minted_now,
			topped_up,
			burned,
			unrecovered,
			slash_due_before,
			slash_due: due_new,
		});
		Ok(b)
	}

	/// Burn `amount` TAT back from `who`, as much as it holds: `(burned, not burned)`. Never
	/// more than `amount`: where burning it would leave `who` a balance below TAT's minimum
	/// (pallet-assets would burn that dust too, TAT `TotalMinted` does not know of), it burns
	/// down to the minimum and the rest counts as not burned.
	fn burn_back(who: &T::AccountId, amount: u128) -> (u128, u128) {
		let id = T::TatAssetId::get();
		let held = T::Assets::balance(id, who);
		let left = held.saturating_sub(amount);
		let target = if amount >= held {
			held
		} else if left < Self::tat_minimum() {
			held.saturating_sub(Self::tat_minimum())
		} else {
			amount
		};
		if target == 0 {
			return (0, amount);
		}
		let burned = T::Assets::burn_from(
			id,
			who,
			target,
			Preservation::Expendable,
			Precision::BestEffort,
			Fortitude::Force,
		)
		// Nothing can be burned when the holder's TAT is frozen or the asset not live: the caller
		// slashes the producer for what was not burned.
		.unwrap_or_default()
		.min(amount);
		(burned, amount.saturating_sub(burned))
	}

	/// Invariants: TAT's issuance equals Σ minted in the audit records; each record's parts add
	/// up to its minted amount; each audited (well, month) — at most one record by the storage's
	/// key — closed its ledger as minted exactly when TAT was minted.
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use frame_support::traits::fungibles::Inspect;
		let overflow = sp_runtime::TryRuntimeError::Other("Σ minted overflows");
		let mut sum: u128 = 0;
		for (well, month, r) in AuditRecords::<T>::iter() {
			let parts = r
				.beneficiaries
				.iter()
				.try_fold(r.producer_share, |acc, (_, a)| acc.checked_add(*a))
				.ok_or(overflow)?;
			ensure!(parts == r.outcome.minted, "split parts differ from the minted amount");
			ensure!(
				T::Wells::closed(well, month) == Some(r.outcome.minted > 0),
				"an audited month's ledger is open or closed the other way"
			);
			sum = sum.checked_add(r.outcome.minted).ok_or(overflow)?;
		}
		ensure!(sum == TotalMinted::<T>::get(), "Σ minted differs from TotalMinted");
		ensure!(
			T::Assets::total_issuance(T::TatAssetId::get())
				== sum.saturating_add(TotalUnrecovered::<T>::get()),
			"TAT issuance differs from Σ minted in the audit records plus the unrecovered TAT"
		);
		for (well, month) in Unsettled::<T>::iter_keys() {
			ensure!(
				AuditRecords::<T>::get(well, month).is_some_and(|r| r.amended.is_some()),
				"a queued settlement has no pending amendment"
			);
		}
		for (well, month) in FailedSettlements::<T>::iter_keys() {
			ensure!(
				AuditRecords::<T>::get(well, month).is_some_and(|r| r.amended.is_some()),
				"a failed settlement has no pending amendment"
			);
			ensure!(
				!Unsettled::<T>::contains_key(well, month),
				"a failed settlement is also queued"
			);
		}
		Ok(())
	}
}
