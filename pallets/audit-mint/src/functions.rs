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
use sp_arithmetic::Perbill;
use sp_runtime::traits::{AccountIdConversion, SaturatedConversion, Saturating};
use tn_primitives::{
	audit,
	feeds::Provenance,
	split_above_minimum,
	traits::{DepositSlasher, OfficialProduction, ProducerRegistry, WellLedger},
	valuation::PriceUsed,
	AuditOutcome, Month, NoticeKind, Notify, Volume, WellId,
};

impl<T: Config> Pallet<T> {
	/// The account that owns and issues TAT.
	pub fn account_id() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	/// TAT's minimum balance: smaller shares go to the owner.
	fn tat_minimum() -> u128 {
		T::Assets::minimum_balance(T::TatAssetId::get())
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
		let outcome =
			audit(m.volume, official, m.value, T::DeviationBands::get(), T::SlashRatio::get());
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
			Some(false) => (MonthState::Failed, None, None),
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

	/// Mint a month; returns its number of beneficiaries (for the weight refund).
	pub(crate) fn do_mint(
		who: T::AccountId,
		well: WellId,
		month: Month,
	) -> Result<u32, DispatchError> {
		T::Producers::ensure_can_mint(&who)?;
		let (m, official, provenance, outcome, producer_share, beneficiaries) =
			Self::evaluate(Some(&who), well, month)?;
		let slash = if outcome.slash > 0 {
			T::Producers::slash_usd(&who, outcome.slash)
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
	/// figure, record the amendment (once per figure) and queue the month for its settlement.
	pub fn note_official(well: WellId, month: Month, volume: Volume, provenance: Provenance) {
		AuditRecords::<T>::mutate(well, month, |r| {
			let Some(r) = r.as_mut() else { return };
			let changed = (volume, provenance) != (r.official_volume, r.provenance);
			if changed && r.amended != Some((volume, provenance)) {
				r.amended = Some((volume, provenance));
				Unsettled::<T>::insert(well, month, ());
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

	/// Settle queued amendments while `remaining` has room for the worst case of one more.
	pub(crate) fn settle_queued(remaining: Weight) -> Weight {
		let one = T::WeightInfo::settle(T::MaxBeneficiaries::get())
			.saturating_add(T::DbWeight::get().reads_writes(1, 1));
		let mut used = T::DbWeight::get().reads(1);
		if !remaining.all_gte(used.saturating_add(one)) {
			return Weight::zero();
		}
		let mut queue = Unsettled::<T>::iter_keys();
		while remaining.all_gte(used.saturating_add(one)) {
			let Some((well, month)) = queue.next() else { break };
			used = used.saturating_add(one);
			// Each settlement is its own storage layer: a failed one changes nothing. It leaves
			// the queue either way (a figure equal to the settled one needs nothing; a failed
			// mint can be retried with `settle`, the record keeps `amended`).
			let result =
				frame_support::storage::with_storage_layer(|| Self::do_settle(well, month));
			if let Err(e) = result {
				Unsettled::<T>::remove(well, month);
				log::debug!(target: "runtime::audit-mint", "settlement of {well:?} {month:?} skipped: {e:?}");
			}
		}
		used
	}

	/// Re-audit an audited month with its latest official figure and move the difference;
	/// returns its number of beneficiaries (for the weight refund).
	pub(crate) fn do_settle(well: WellId, month: Month) -> Result<u32, DispatchError> {
		let mut r = AuditRecords::<T>::get(well, month).ok_or(Error::<T>::NotAudited)?;
		let (official, provenance) =
			T::Official::official(well, month).ok_or(Error::<T>::NoOfficialFigure)?;
		ensure!(
			(official, provenance) != (r.official_volume, r.provenance),
			Error::<T>::NothingToSettle
		);
		let outcome = audit(
			r.producer_volume,
			official,
			r.value,
			T::DeviationBands::get(),
			T::SlashRatio::get(),
		);
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
			T::Assets::mint_into(T::TatAssetId::get(), &producer, add)?; // The assets pallet's error says why (e.g. `Token.UnknownAsset`).
			topped_up = topped_up.saturating_add(add);
		} else if owner_new < old_owner {
			let (b, u) = Self::burn_back(&producer, old_owner.saturating_sub(owner_new));
			burned = burned.saturating_add(b);
			unrecovered = unrecovered.saturating_add(u);
		}
		// The slash: compare in the native token so the total equals one slash of the final
		// figure (no double rounding).
		let due_new = T::Producers::usd_to_native(outcome.slash);
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
			extra = extra.saturating_add(T::Producers::slash_usd(&producer, unrecovered).due);
		}
		TotalMinted::<T>::mutate(|t| {
			*t = t.saturating_sub(r.outcome.minted).saturating_add(outcome.minted)
		});
		TotalUnrecovered::<T>::mutate(|t| *t = t.saturating_add(unrecovered));
		if (outcome.minted > 0) != (r.outcome.minted > 0) {
			T::Wells::close_month(well, month, outcome.minted > 0);
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
		// Parts as paid: the split, with failed beneficiary top-ups moved to the owner.
		let minted_now = parts_new.iter().fold(owner_new, |acc, (_, a)| acc.saturating_add(*a));
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

	/// Burn `amount` TAT back from `who`, as much as it holds: `(burned, not burned)`.
	fn burn_back(who: &T::AccountId, amount: u128) -> (u128, u128) {
		let burned = T::Assets::burn_from(
			T::TatAssetId::get(),
			who,
			amount,
			Preservation::Expendable,
			Precision::BestEffort,
			Fortitude::Force,
		)
		// Nothing can be burned when the holder's TAT is frozen or the asset not live: the caller
		// slashes the producer for what was not burned.
		.unwrap_or_default();
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
		Ok(())
	}
}
