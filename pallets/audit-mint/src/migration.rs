//! Storage migrations of the audit-mint pallet.
//!
//! Each migration is a [`frame_support::migrations::VersionedMigration`]: it runs only when the
//! on-chain storage version is the one it migrates from and bumps it afterwards, so listing it
//! twice, or running it on a chain that started at the new version, changes nothing. Each writes
//! the layout of its own version (`v1` writes [`v2::AuditRecordV1`]), so they run in sequence.

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
			// Written in the version-1 layout (version 2 adds the rules: `v2`).
			v2::AuditRecords::<T>::translate::<
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
				Some(v2::AuditRecordV1 {
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
			for (_, _, r) in v2::AuditRecords::<T>::iter() {
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

/// Version 1 → 2: audit records keep the rules they were audited under (issue 25, M1).
pub mod v2 {
	use super::*;
	use codec::{Decode, Encode};
	use frame_support::{pallet_prelude::*, weights::Weight};
	use frame_system::pallet_prelude::BlockNumberFor;
	use sp_arithmetic::Perbill;
	use tn_primitives::{feeds::Provenance, AuditOutcome, Month, UsdAtto, Volume, WellId};

	/// An audit record as stored at version 1 (without its rules).
	#[derive(Decode, Encode, Clone)]
	pub struct AuditRecordV1<AccountId, Balance, BlockNumber, MaxBeneficiaries: Get<u32>> {
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
		/// The beneficiaries' ratios at the mint.
		pub ratios: BoundedVec<Perbill, MaxBeneficiaries>,
		/// Settlements.
		pub settlement: Option<Settlement<Balance, BlockNumber>>,
	}

	/// A version-1 record of the runtime.
	pub type AuditRecordV1Of<T> = AuditRecordV1<
		<T as frame_system::Config>::AccountId,
		NativeBalanceOf<T>,
		BlockNumberFor<T>,
		<T as Config>::MaxBeneficiaries,
	>;

	/// The audit records in their version-1 layout (the pallet's `AuditRecords` storage: the
	/// alias's name is the storage item's name).
	#[frame_support::storage_alias]
	pub type AuditRecords<T: Config> =
		StorageDoubleMap<Pallet<T>, Twox64Concat, WellId, Twox64Concat, Month, AuditRecordV1Of<T>>;

	/// The unversioned step. Version 1 did not record the rules of each audit: every record is
	/// given **the rules in force at the upgrade** (`SlashRatio`, `DeviationBands`, the
	/// native-per-USD rate of today's `UnitsPerUsd`) — the rules its settlements applied until
	/// then, so nothing already settled is re-priced; from then on a governance change no longer
	/// reaches it. A pending amendment whose volume is the record's (only the source file
	/// changed: no amendment under the new rule) is withdrawn and leaves the queue.
	pub struct InnerMigrateV1ToV2<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV1ToV2<T> {
		fn on_runtime_upgrade() -> Weight {
			let rules = Pallet::<T>::rules_now();
			let mut translated: u64 = 0;
			let mut withdrawn: u64 = 0;
			crate::pallet::AuditRecords::<T>::translate::<AuditRecordV1Of<T>, _>(
				|well, month, old| {
					translated = translated.saturating_add(1);
					let mut amended = old.amended;
					if amended.is_some_and(|(v, _)| v == old.official_volume) {
						amended = None;
						withdrawn = withdrawn.saturating_add(1);
						Unsettled::<T>::remove(well, month);
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
						amended,
						ratios: old.ratios,
						settlement: old.settlement,
						rules,
					})
				},
			);
			log::info!(target: "runtime::audit-mint", "v2: {translated} audit records given the rules in force, {withdrawn} provenance-only amendments withdrawn");
			// The rules: three parameter reads (the rate is one read in the producers pallet).
			T::DbWeight::get()
				.reads_writes(translated.saturating_add(3), translated.saturating_add(withdrawn))
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			let count = AuditRecords::<T>::iter_keys().count() as u64;
			let minted: u128 = AuditRecords::<T>::iter_values().map(|r| r.outcome.minted).sum();
			Ok((count, minted, TotalMinted::<T>::get()).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let (before, minted_before, total) = <(u64, u128, u128)>::decode(&mut &state[..])
				.map_err(|_| "v2: bad pre-upgrade state")?;
			let rules = Pallet::<T>::rules_now();
			let mut after: u64 = 0;
			let mut minted: u128 = 0;
			for (_, _, r) in crate::pallet::AuditRecords::<T>::iter() {
				after = after.saturating_add(1);
				minted = minted.saturating_add(r.outcome.minted);
				ensure!(r.rules == rules, "v2: a record without the rules in force");
				ensure!(
					r.amended.is_none_or(|(v, _)| v != r.official_volume),
					"v2: a provenance-only amendment is still pending"
				);
			}
			ensure!(before == after, "v2: audit records lost");
			ensure!(minted == minted_before, "v2: a record's minted amount changed");
			ensure!(total == TotalMinted::<T>::get(), "v2: TotalMinted changed");
			for (well, month) in Unsettled::<T>::iter_keys() {
				ensure!(
					crate::pallet::AuditRecords::<T>::get(well, month)
						.is_some_and(|r| r.amended.is_some()),
					"v2: a queued settlement has no pending amendment"
				);
			}
			Ok(())
		}
	}

	/// Version 1 → 2, run once (checks and bumps the pallet's storage version).
	pub type MigrateToV2<T> = VersionedMigration<
		1,
		2,
		InnerMigrateV1ToV2<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}

/// Version 2 → 3 (issue 25, H2): the producers pallet learns each producer's last audited
/// month, which holds its withdrawals until that month leaves the amendment horizon. Records
/// are unchanged; each is told to `DepositSlasher::note_audited` (the latest month wins).
pub mod v3 {
	use super::*;
	use frame_support::{pallet_prelude::*, weights::Weight};
	use tn_primitives::traits::DepositSlasher;

	/// The unversioned step: one read per record, one write per record (the producers pallet
	/// keeps the latest month per producer).
	pub struct InnerMigrateV2ToV3<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV2ToV3<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut noted: u64 = 0;
			for (_, month, r) in crate::pallet::AuditRecords::<T>::iter() {
				T::Producers::note_audited(&r.producer, month);
				noted = noted.saturating_add(1);
			}
			log::info!(target: "runtime::audit-mint", "v3: {noted} audited months noted with their producers");
			T::DbWeight::get().reads_writes(noted.saturating_mul(2), noted)
		}
	}

	/// Version 2 → 3, run once (checks and bumps the pallet's storage version).
	pub type MigrateToV3<T> = VersionedMigration<
		2,
		3,
		InnerMigrateV2ToV3<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
