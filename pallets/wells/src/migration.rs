//! Storage migrations of the wells pallet.
//!
//! Each migration is a [`frame_support::migrations::VersionedMigration`]: it runs only when the
//! on-chain storage version is the one it migrates from, and bumps it afterwards, so listing it
//! in the runtime's migrations twice, or running it on a chain that started at the new version,
//! changes nothing.

use super::*;
use frame_support::{migrations::VersionedMigration, traits::UncheckedOnRuntimeUpgrade};

/// Version 0 → 1: wells gain their regulator `operator` and reporting `facility` codes.
pub mod v1 {
	use super::*;
	use codec::{Decode, Encode};
	use frame_support::{pallet_prelude::*, weights::Weight};
	use sp_arithmetic::Perbill;
	use tn_primitives::{Commitment, Commodity, Day, OilQuality};

	/// A well as stored at version 0 (without regulator codes).
	#[derive(Decode, Encode, Clone)]
	pub struct WellV0<AccountId, MaxBeneficiaries: Get<u32>> {
		/// The producer that owns it.
		pub owner: AccountId,
		/// Its asset class.
		pub asset_class: AssetClassId,
		/// OIL or GAS.
		pub commodity: Commodity,
		/// Identifier commitment.
		pub identifier: Commitment,
		/// Documents commitment.
		pub docs: Commitment,
		/// Oil quality.
		pub quality: Option<OilQuality>,
		/// Discount.
		pub discount: Perbill,
		/// Review state.
		pub status: WellStatus,
		/// First activation.
		pub activated: Option<Day>,
		/// Validity end.
		pub expires: Option<Day>,
		/// Annual review progress.
		pub annual_review: AnnualReview,
		/// Beneficiaries.
		pub beneficiaries: BoundedVec<(AccountId, Perbill), MaxBeneficiaries>,
	}

	/// The unversioned step: every well gets empty codes. A well with empty codes gets no
	/// official figures (the offchain worker skips it) until its owner sets them with
	/// `edit_well`, which sends it back to review.
	pub struct InnerMigrateV0ToV1<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV0ToV1<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut translated: u64 = 0;
			WellRegistry::<T>::translate::<WellV0<T::AccountId, T::MaxBeneficiaries>, _>(
				|_, old| {
					translated = translated.saturating_add(1);
					Some(Well {
						owner: old.owner,
						asset_class: old.asset_class,
						commodity: old.commodity,
						identifier: old.identifier,
						docs: old.docs,
						quality: old.quality,
						discount: old.discount,
						status: old.status,
						activated: old.activated,
						expires: old.expires,
						annual_review: old.annual_review,
						beneficiaries: old.beneficiaries,
						operator: Default::default(),
						facility: Default::default(),
					})
				},
			);
			log::info!(target: "runtime::wells", "v1: {translated} wells given empty regulator codes");
			T::DbWeight::get().reads_writes(translated, translated)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			Ok((WellRegistry::<T>::iter_keys().count() as u64).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let before = u64::decode(&mut &state[..]).map_err(|_| "v1: bad pre-upgrade state")?;
			let mut after: u64 = 0;
			for (_, well) in WellRegistry::<T>::iter() {
				after = after.saturating_add(1);
				ensure!(
					well.operator.is_empty() && well.facility.is_empty(),
					"v1: codes not empty"
				);
			}
			ensure!(before == after, "v1: wells lost");
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

/// Version 1 → 2: the per-producer count of open (unaudited) well-months, [`OpenMonths`], which
/// the producers pallet uses for the open exposure a withdrawal must leave covered.
pub mod v2 {
	use super::*;
	use frame_support::{traits::Get, weights::Weight};

	/// The unversioned step: count every open ledger under its well's owner.
	pub struct InnerMigrateV1ToV2<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV1ToV2<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut reads: u64 = 0;
			let mut writes: u64 = 0;
			for (id, _, ledger) in Ledgers::<T>::iter() {
				reads = reads.saturating_add(1);
				if ledger.status != MonthStatus::Open {
					continue;
				}
				reads = reads.saturating_add(1);
				if let Some(well) = WellRegistry::<T>::get(id) {
					writes = writes.saturating_add(1);
					OpenMonths::<T>::mutate(&well.owner, |n| *n = n.saturating_add(1));
				}
			}
			log::info!(target: "runtime::wells", "v2: {writes} open months counted");
			T::DbWeight::get().reads_writes(reads, writes)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			use codec::Encode;
			let open = Ledgers::<T>::iter_values().filter(|l| l.status == MonthStatus::Open).count()
				as u32;
			Ok(open.encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			use codec::Decode;
			let open = u32::decode(&mut &state[..]).map_err(|_| "v2: bad pre-upgrade state")?;
			let counted = OpenMonths::<T>::iter_values().fold(0u32, |a, n| a.saturating_add(n));
			frame_support::ensure!(open == counted, "v2: open months miscounted");
			Ok(())
		}
	}

	/// Version 1 → 2, run once.
	pub type MigrateToV2<T> = VersionedMigration<
		1,
		2,
		InnerMigrateV1ToV2<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}

/// v3: open months are also counted per well ([`WellOpenMonths`]).
pub mod v3 {
	use super::*;
	use frame_support::{traits::Get, weights::Weight};

	/// Counts the open ledgers of every well.
	pub struct InnerMigrateV2ToV3<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV2ToV3<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut reads: u64 = 0;
			let mut writes: u64 = 0;
			// Counted from scratch: a partial count (e.g. a chain whose version lagged its code)
			// is not doubled.
			let cleared = WellOpenMonths::<T>::clear(u32::MAX, None);
			writes = writes.saturating_add(u64::from(cleared.unique));
			for (id, _, ledger) in Ledgers::<T>::iter() {
				reads = reads.saturating_add(1);
				if ledger.status == MonthStatus::Open {
					writes = writes.saturating_add(1);
					WellOpenMonths::<T>::mutate(id, |n| *n = n.saturating_add(1));
				}
			}
			log::info!(target: "runtime::wells", "v3: {writes} open months counted per well");
			T::DbWeight::get().reads_writes(reads, writes)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			use codec::Encode;
			let open = OpenMonths::<T>::iter_values().fold(0u32, |a, n| a.saturating_add(n));
			Ok(open.encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			use codec::Decode;
			let open = u32::decode(&mut &state[..]).map_err(|_| "v3: bad pre-upgrade state")?;
			let counted = WellOpenMonths::<T>::iter_values().fold(0u32, |a, n| a.saturating_add(n));
			frame_support::ensure!(open == counted, "v3: open months miscounted");
			Ok(())
		}
	}

	/// The versioned migration 2 → 3.
	pub type MigrateToV3<T> = VersionedMigration<
		2,
		3,
		InnerMigrateV2ToV3<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}

/// v4: asset classes declare their commodities and official source. A class whose data-source
/// text names Petrinex is fed by Petrinex; every existing class covers oil and gas.
pub mod v4 {
	use super::*;
	use codec::{Decode, Encode};
	use frame_support::{traits::Get, weights::Weight};
	use tn_primitives::{Commodity, OfficialSource};

	/// The asset class as stored before v4.
	#[derive(Decode, Encode, Clone)]
	pub struct AssetClassV3<AccountId, Balance> {
		pub name: ShortText,
		pub description: LongText,
		pub maintainer: Maintainer<AccountId>,
		pub data_source: ShortText,
		pub status: AssetClassStatus,
		pub official: bool,
		pub proposer: Option<(AccountId, Balance)>,
	}

	/// Whether a data-source text names Petrinex (ASCII, any case).
	pub fn names_petrinex(text: &[u8]) -> bool {
		text.windows(8).any(|w| w.eq_ignore_ascii_case(b"petrinex"))
	}

	/// Gives every asset class its commodities and official source.
	pub struct InnerMigrateV3ToV4<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV3ToV4<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut n: u64 = 0;
			AssetClasses::<T>::translate::<AssetClassV3<T::AccountId, BalanceOf<T>>, _>(
				|_, old| {
					n = n.saturating_add(1);
					let source = if names_petrinex(&old.data_source) {
						OfficialSource::Petrinex
					} else {
						OfficialSource::None
					};
					Some(AssetClass {
						name: old.name,
						description: old.description,
						maintainer: old.maintainer,
						data_source: old.data_source,
						status: old.status,
						official: old.official,
						proposer: old.proposer,
						commodities: Commodities::truncate_from(alloc::vec![
							Commodity::Oil,
							Commodity::Gas
						]),
						source,
					})
				},
			);
			log::info!(target: "runtime::wells", "v4: {n} asset classes given commodities and source");
			T::DbWeight::get().reads_writes(n, n)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			Ok((AssetClasses::<T>::iter_keys().count() as u32).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let before = u32::decode(&mut &state[..]).map_err(|_| "v4: bad pre-upgrade state")?;
			let after =
				AssetClasses::<T>::iter_values().filter(|c| !c.commodities.is_empty()).count();
			frame_support::ensure!(before as usize == after, "v4: asset classes lost");
			Ok(())
		}
	}

	/// The versioned migration 3 → 4.
	pub type MigrateToV4<T> = VersionedMigration<
		3,
		4,
		InnerMigrateV3ToV4<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}

/// Version 4 → 5: upload-window reminders ([`WindowReminders`]). Every well that was ever
/// activated and is not removed gets the reminder of the current month; wells activated later get
/// theirs at activation.
pub mod v5 {
	use super::*;
	use frame_support::{traits::Get, weights::Weight};

	/// Whether `well` is reminded of its upload windows.
	pub fn reminded<T: Config>(well: &WellOf<T>) -> bool {
		well.activated.is_some() && !matches!(well.status, WellStatus::Removed { .. })
	}

	/// Schedules the current month's reminder of each such well.
	pub struct InnerMigrateV4ToV5<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV4ToV5<T> {
		fn on_runtime_upgrade() -> Weight {
			let (mut read, mut scheduled): (u64, u64) = (0, 0);
			let month = Pallet::<T>::today().month();
			for (id, well) in WellRegistry::<T>::iter() {
				read = read.saturating_add(1);
				if reminded::<T>(&well) {
					Pallet::<T>::schedule_reminder(id, month);
					scheduled = scheduled.saturating_add(1);
				}
			}
			log::info!(target: "runtime::wells", "v5: {scheduled} upload-window reminders scheduled");
			T::DbWeight::get()
				.reads_writes(read.saturating_add(scheduled), scheduled.saturating_mul(2))
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			use codec::Encode;
			frame_support::ensure!(
				WindowReminders::<T>::iter().next().is_none(),
				"v5: reminders exist before the migration"
			);
			let n = WellRegistry::<T>::iter_values().filter(|w| reminded::<T>(w)).count() as u64;
			Ok(n.encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			use codec::Decode;
			let n = u64::decode(&mut &state[..]).map_err(|_| "v5: bad pre-upgrade state")?;
			let scheduled = WindowReminders::<T>::iter().count() as u64;
			frame_support::ensure!(n == scheduled, "v5: not one reminder per reminded well");
			Ok(())
		}
	}

	/// The versioned migration 4 → 5.
	pub type MigrateToV5<T> = VersionedMigration<
		4,
		5,
		InnerMigrateV4ToV5<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}

/// Version 5 → 6: wells indexed by owner ([`WellsByOwner`]) and the stored [`ReviewQueue`], so the
/// `wells_of` and `review_queue` views read what they list instead of scanning the registry.
pub mod v6 {
	use super::*;
	use frame_support::{traits::Get, weights::Weight};

	/// Indexes every well: its owner's entry, and the queue entry of a well awaiting review.
	pub struct InnerMigrateV5ToV6<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV5ToV6<T> {
		fn on_runtime_upgrade() -> Weight {
			let (mut wells, mut queued): (u64, u64) = (0, 0);
			for (id, well) in WellRegistry::<T>::iter() {
				wells = wells.saturating_add(1);
				WellsByOwner::<T>::insert(&well.owner, id, ());
				if crate::functions::awaits_review::<T>(&well) {
					ReviewQueue::<T>::insert(id, ());
					queued = queued.saturating_add(1);
				}
			}
			log::info!(target: "runtime::wells", "v6: {wells} wells indexed by owner, {queued} in the review queue");
			T::DbWeight::get().reads_writes(wells, wells.saturating_add(queued))
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			use codec::Encode;
			frame_support::ensure!(
				WellsByOwner::<T>::iter().next().is_none()
					&& ReviewQueue::<T>::iter().next().is_none(),
				"v6: indexes exist before the migration"
			);
			let wells = WellRegistry::<T>::iter().count() as u64;
			let queued = WellRegistry::<T>::iter_values()
				.filter(|w| crate::functions::awaits_review::<T>(w))
				.count() as u64;
			Ok((wells, queued).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			use codec::Decode;
			let (wells, queued) =
				<(u64, u64)>::decode(&mut &state[..]).map_err(|_| "v6: bad pre-upgrade state")?;
			frame_support::ensure!(
				WellsByOwner::<T>::iter().count() as u64 == wells,
				"v6: not one owner entry per well"
			);
			frame_support::ensure!(
				ReviewQueue::<T>::iter().count() as u64 == queued,
				"v6: the review queue differs from the wells awaiting review"
			);
			Ok(())
		}
	}

	/// The versioned migration 5 → 6.
	pub type MigrateToV6<T> = VersionedMigration<
		5,
		6,
		InnerMigrateV5ToV6<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
