//! Storage migrations of the audit-mint pallet.
//!
//! Each migration is a [`frame_support::migrations::VersionedMigration`]: it runs only when the
//! on-chain storage version is the one it migrates from and bumps it afterwards, so listing it
//! twice, or running it on a chain that started at the new version, changes nothing.

use super::*;
use frame_support::{migrations::VersionedMigration, traits::UncheckedOnRuntimeUpgrade};

/// Version 0 → 1: audit records keep the beneficiaries' ratios and their settlements.
pub mod v1 {
	use super::*;
	use codec::{Decode, Encode};
	use frame_support::{pallet_prelude::*, weights::Weight};
	use frame_system::pallet_prelude::BlockNumberFor;
	use sp_arithmetic::Perbill;
	use tn_primitives::{feeds::Provenance, AuditOutcome, UsdAtto, Volume};

	/// An audit record as stored at version 0.
	#[derive(Decode, Encode, Clone)]
	pub struct AuditRecordV0<AccountId, Balance, BlockNumber, MaxBeneficiaries: Get<u32>> {
		/// The producer.
		pub producer: AccountId,
		/// P.
		pub producer_volume: Volume,
		/// O.
		pub official_volume: Volume,
		/// Source of O.
		pub provenance: Provenance,
		/// V.
		pub value: UsdAtto,
		/// The table's outcome.
		pub outcome: AuditOutcome,
		/// Slash due (native).
		pub slash_due: Balance,
		/// Slashed.
		pub slashed: Balance,
		/// New debt.
		pub new_debt: Balance,
		/// The producer's TAT.
		pub producer_share: u128,
		/// Each beneficiary's TAT.
		pub beneficiaries: BoundedVec<(AccountId, u128), MaxBeneficiaries>,
		/// Pricing.
		pub pricing: PricingSummary,
		/// Block.
		pub block: BlockNumber,
		/// A later official figure.
		pub amended: Option<(Volume, Provenance)>,
	}

	/// The unversioned step. Version 0 did not store the ratios: each is reconstructed as the
	/// beneficiary's amount / the minted amount (exact for the records' own amounts; a later
	/// settlement splits by it). A record whose month minted nothing gets zero ratios. A pending
	/// amendment is queued for settlement.
	pub struct InnerMigrateV0ToV1<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV0ToV1<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut translated: u64 = 0;
			let mut queued: u64 = 0;
			AuditRecords::<T>::translate::<
				AuditRecordV0<
					T::AccountId,
					NativeBalanceOf<T>,
					BlockNumberFor<T>,
					T::MaxBeneficiaries,
				>,
				_,
			>(|well, month, old| {
				translated = translated.saturating_add(1);
				let minted = old.outcome.minted;
				let ratios = old
					.beneficiaries
					.iter()
					.map(|(_, a)| {
						if minted == 0 {
							Perbill::zero()
						} else {
							Perbill::from_rational(*a, minted)
						}
					})
					.collect::<alloc::vec::Vec<_>>();
				if old.amended.is_some() {
					queued = queued.saturating_add(1);
					Unsettled::<T>::insert(well, month, ());
				}
				Some(AuditRecord {
					producer: old.producer,
					producer_volume: old.producer_volume,
					official_volume: old.official_volume,
					provenance: old.provenance,
					value: old.value,
					outcome: old.outcome,
					slash_due: old.slash_due,
					slashed: old.slashed,
					new_debt: old.new_debt,
					producer_share: old.producer_share,
					beneficiaries: old.beneficiaries,
					pricing: old.pricing,
					block: old.block,
					amended: old.amended,
					ratios: BoundedVec::truncate_from(ratios),
					settlement: None,
				})
			});
			log::info!(target: "runtime::audit-mint", "v1: {translated} audit records migrated, {queued} amendments queued");
			T::DbWeight::get().reads_writes(translated, translated.saturating_add(queued))
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			let count = AuditRecords::<T>::iter_keys().count() as u64;
			Ok((count, TotalMinted::<T>::get()).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let (before, minted) =
				<(u64, u128)>::decode(&mut &state[..]).map_err(|_| "v1: bad pre-upgrade state")?;
			let mut after: u64 = 0;
			for (_, _, r) in AuditRecords::<T>::iter() {
				after = after.saturating_add(1);
				ensure!(r.ratios.len() == r.beneficiaries.len(), "v1: ratios missing");
				ensure!(r.settlement.is_none(), "v1: a settlement appeared");
			}
			ensure!(before == after, "v1: audit records lost");
			ensure!(minted == TotalMinted::<T>::get(), "v1: TotalMinted changed");
			Ok(())
		}
	}

	/// Version 0 → 1, run once (checks and bumps the pallet's storage version).
	pub type MigrateToV1<T> = VersionedMigration<
		0,
		1,
		InnerMigrateV0ToV1<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
