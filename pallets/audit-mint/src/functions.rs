//! The audit-mint pallet's logic.

use super::*;
use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungibles::Mutate,
		Get,
	},
};
use sp_runtime::traits::AccountIdConversion;
use tn_primitives::{
	audit,
	feeds::Provenance,
	split,
	traits::{DepositSlasher, MonthForAudit, OfficialProduction, ProducerRegistry, WellLedger},
	valuation::PriceUsed,
	AuditOutcome, Month, Volume, WellId,
};

impl<T: Config> Pallet<T> {
	/// The account that owns and issues TAT.
	pub fn account_id() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	/// The month, its official figure, the table's outcome and the split.
	fn evaluate(
		who: Option<&T::AccountId>,
		well: WellId,
		month: Month,
	) -> Result<(MonthForAudit<T::AccountId>, Volume, Provenance, AuditOutcome, u128, Vec<(T::AccountId, u128)>), DispatchError> {
		ensure!(!AuditRecords::<T>::contains_key(well, month), Error::<T>::AlreadyAudited);
		let m = T::Wells::month_for_audit(who, well, month)?;
		let (official, provenance) = T::Official::official(well, month).ok_or(Error::<T>::NoOfficialFigure)?;
		let outcome = audit(m.volume, official, m.value, T::DeviationBands::get(), T::SlashRatio::get());
		let ratios: Vec<_> = m.beneficiaries.iter().map(|(_, r)| *r).collect();
		let (owner_share, shares) = split(outcome.minted, &ratios);
		let to_beneficiaries = m.beneficiaries.iter().map(|(a, _)| a.clone()).zip(shares).collect();
		Ok((m, official, provenance, outcome, owner_share, to_beneficiaries))
	}

	pub(crate) fn do_preview(well: WellId, month: Month) -> Result<AuditPreview<T::AccountId>, DispatchError> {
		let (m, official, _, outcome, producer_share, beneficiaries) = Self::evaluate(None, well, month)?;
		Ok(AuditPreview { producer_volume: m.volume, official_volume: official, value: m.value, outcome, producer_share, beneficiaries })
	}

	fn mint_to(who: &T::AccountId, amount: u128) -> DispatchResult {
		if amount > 0 {
			T::Assets::mint_into(T::TatAssetId::get(), who, amount).map_err(|_| Error::<T>::MintFailed)?;
		}
		Ok(())
	}

	pub(crate) fn do_mint(who: T::AccountId, well: WellId, month: Month) -> DispatchResult {
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
		};
		AuditRecords::<T>::insert(well, month, record.clone());
		Self::deposit_event(Event::Audited { well, month, record });
		Ok(())
	}

	/// A new official figure arrived for `well`'s `month`: if the month was audited with another
	/// figure, record the amendment (once per figure). Nothing is re-minted.
	pub fn note_official(well: WellId, month: Month, volume: Volume, provenance: Provenance) {
		AuditRecords::<T>::mutate(well, month, |r| {
			let Some(r) = r.as_mut() else { return };
			let changed = (volume, provenance) != (r.official_volume, r.provenance);
			if changed && r.amended != Some((volume, provenance)) {
				r.amended = Some((volume, provenance));
				Self::deposit_event(Event::OfficialAmendedAfterAudit {
					well,
					month,
					audited: r.official_volume,
					amended: volume,
				});
			}
		});
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
			T::Assets::total_issuance(T::TatAssetId::get()) == sum,
			"TAT issuance differs from Σ minted in the audit records"
		);
		Ok(())
	}
}

