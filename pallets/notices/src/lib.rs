//! # Notices pallet
//!
//! The in-site messages of the Production Portal as chain state: each account has a bounded
//! inbox ([`Config::MaxNotices`]) of [`Notice`]s — KYB/KYC judgements, a well passed or not
//! with the reason, an annual review due, an audit's mint and slash, an amended official figure,
//! an upload window closing… Other pallets send them through [`tn_primitives::Notify`]; the
//! account reads them (`notices_of`, a view function, or the `Inboxes` storage in Polkadot.js
//! Apps) and dismisses them ([`Pallet::dismiss`], [`Pallet::dismiss_all`]).
//!
//! Each notice gets the next id of its inbox (never reused). A well's upload-window reminder
//! replaces the well's previous one (that window has closed). When an inbox is full, the oldest
//! reminder — else the oldest notice — makes room for the new one ([`Event::Noticed`] names it in
//! `dropped`), so a producer with many wells does not lose a judgement to its monthly reminders.
//! A notice is a copy of something the chain keeps elsewhere (the application, the well, the
//! audit record), so nothing is lost. Only accounts holding a deposit with us (applicants, producers, well owners)
//! receive notices; their deposits pay for the inbox, and [`Pallet::dismiss_all`] empties it.
//! An emptied inbox keeps its next id (a few bytes), so an id is never given twice to one account
//! (issue 25: deleting the inbox restarted its ids at 0, and a client that remembered "notice 0
//! read" hid the next judgement). Ids are `u32`: 4.29 × 10⁹ notices per account.
#![cfg_attr(not(feature = "std"), no_std)]
// Runtime code never panics: `scripts/lint` denies arithmetic side effects, indexing,
// unwrap/expect and panics in it (tests and benchmarks are not compiled there).

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

pub use tn_primitives::notices::{Notice, NoticeKind};
pub use weights::WeightInfo;

/// Identifier of a notice within its account's inbox (counts up from 0, never reused).
pub type NoticeId = u32;

#[frame_support::pallet]
// The pallet macro's generated `PalletInfoAccess` uses `expect` under this module's span (the
// runtime always knows its pallets); our own code here is free of `expect` and `unwrap`.
#[allow(clippy::expect_used)]
pub mod pallet {
	use super::*;
	use frame_support::{pallet_prelude::*, traits::UnixTime};
	use frame_system::pallet_prelude::*;
	use tn_primitives::Day;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Defaults of the configuration, for test runtimes (`#[derive_impl]`).
	pub mod config_preludes {
		use super::*;
		use frame_support::derive_impl;

		/// 4 notices per inbox and unit weights.
		pub struct TestDefaultConfig;

		#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
		impl frame_system::DefaultConfig for TestDefaultConfig {}

		#[frame_support::register_default_impl(TestDefaultConfig)]
		impl DefaultConfig for TestDefaultConfig {
			type MaxNotices = ConstU32<4>;
			type WeightInfo = ();
		}
	}

	#[pallet::config(with_default)]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The clock that dates notices (the block timestamp).
		#[pallet::no_default]
		type UnixTime: UnixTime;
		/// Notices kept per account; the oldest makes room for a new one.
		#[pallet::constant]
		type MaxNotices: Get<u32>;
		/// Weights of the calls.
		type WeightInfo: WeightInfo;
	}

	/// An account's notices, oldest first, and the id the next one gets.
	#[derive(
		CloneNoBound,
		PartialEqNoBound,
		EqNoBound,
		DebugNoBound,
		Encode,
		Decode,
		DecodeWithMemTracking,
		MaxEncodedLen,
		TypeInfo,
	)]
	#[scale_info(skip_type_params(Max))]
	#[codec(mel_bound())]
	pub struct Inbox<Max: Get<u32>> {
		/// The id of the next notice.
		pub next_id: NoticeId,
		/// The notices kept, oldest first.
		pub notices: BoundedVec<(NoticeId, Notice), Max>,
	}

	impl<Max: Get<u32>> Default for Inbox<Max> {
		fn default() -> Self {
			Inbox { next_id: 0, notices: BoundedVec::new() }
		}
	}

	/// The inbox type of the runtime.
	pub type InboxOf<T> = Inbox<<T as Config>::MaxNotices>;

	/// Each account's inbox (absent: empty).
	#[pallet::storage]
	pub type Inboxes<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, InboxOf<T>>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Notice `id` was put in `who`'s inbox; a full inbox dropped its oldest notice `dropped`.
		Noticed { who: T::AccountId, id: NoticeId, dropped: Option<NoticeId> },
		/// `who` dismissed notice `id`.
		Dismissed { who: T::AccountId, id: NoticeId },
		/// `who` dismissed every notice (`count`); the inbox is empty (its next id kept).
		DismissedAll { who: T::AccountId, count: u32 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The inbox has no notice with that id (never sent, dismissed or dropped).
		UnknownNotice,
		/// The inbox is empty: nothing to dismiss.
		InboxEmpty,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Dismiss notice `id` of the caller's inbox.
		///
		/// - Origin: signed (the inbox's account).
		/// - Emits [`Event::Dismissed`].
		/// - Errors: [`Error::UnknownNotice`] (no such notice in the caller's inbox).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::dismiss())]
		pub fn dismiss(origin: OriginFor<T>, id: NoticeId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_dismiss(who, id)
		}

		/// Dismiss every notice of the caller's inbox (the inbox keeps only its next id, so ids
		/// are never reused).
		///
		/// - Origin: signed (the inbox's account).
		/// - Emits [`Event::DismissedAll`].
		/// - Errors: [`Error::InboxEmpty`] (nothing to dismiss).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::dismiss_all())]
		pub fn dismiss_all(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_dismiss_all(who)
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxNotices::get() > 0, "an inbox must hold at least one notice");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// `who`'s notices, oldest first, with their ids (for [`Pallet::dismiss`]).
		pub fn notices_of(who: T::AccountId) -> alloc::vec::Vec<(NoticeId, Notice)> {
			Inboxes::<T>::get(who).map(|i| i.notices.into_inner()).unwrap_or_default()
		}
	}

	impl<T: Config> Pallet<T> {
		/// Today's UTC day from the block timestamp.
		pub fn today() -> Day {
			Day::from_duration(T::UnixTime::now())
		}

		pub(crate) fn do_dismiss(who: T::AccountId, id: NoticeId) -> DispatchResult {
			Inboxes::<T>::try_mutate_exists(&who, |slot| -> DispatchResult {
				let inbox = slot.as_mut().ok_or(Error::<T>::UnknownNotice)?;
				let at = inbox
					.notices
					.iter()
					.position(|(i, _)| *i == id)
					.ok_or(Error::<T>::UnknownNotice)?;
				inbox.notices.remove(at);
				Ok(())
			})?;
			Self::deposit_event(Event::Dismissed { who, id });
			Ok(())
		}

		pub(crate) fn do_dismiss_all(who: T::AccountId) -> DispatchResult {
			let count = Inboxes::<T>::try_mutate(&who, |slot| -> Result<u32, DispatchError> {
				let inbox = slot
					.as_mut()
					.filter(|i| !i.notices.is_empty())
					.ok_or(Error::<T>::InboxEmpty)?;
				let count = u32::try_from(inbox.notices.len()).unwrap_or(u32::MAX);
				// Keep `next_id`: a later notice must not get an id this account has seen.
				inbox.notices = BoundedVec::new();
				Ok(count)
			})?;
			Self::deposit_event(Event::DismissedAll { who, count });
			Ok(())
		}

		/// Put a notice dated today in `who`'s inbox. A reminder replaces the same well's
		/// previous reminder; a full inbox drops its oldest reminder, else its oldest notice.
		pub fn send(who: &T::AccountId, kind: NoticeKind) {
			let notice = Notice { day: Self::today(), kind };
			let (id, dropped) = Inboxes::<T>::mutate(who, |slot| {
				let inbox = slot.get_or_insert_with(Default::default);
				let id = inbox.next_id;
				inbox.next_id = id.wrapping_add(1);
				let notices = &mut inbox.notices;
				let mut dropped = None;
				if let Some(well) = notice.kind.reminder_of() {
					let same = notices.iter().position(|(_, n)| n.kind.reminder_of() == Some(well));
					dropped = same.map(|at| notices.remove(at).0);
				}
				if notices.is_full() {
					let at = notices
						.iter()
						.position(|(_, n)| n.kind.reminder_of().is_some())
						.unwrap_or(0);
					if at < notices.len() {
						dropped = Some(notices.remove(at).0);
					}
				}
				// Room was made above (the bound is at least 1: integrity_test).
				if notices.try_push((id, notice)).is_err() {
					frame_support::defensive!("an inbox with room refused a notice");
				}
				(id, dropped)
			});
			Self::deposit_event(Event::Noticed { who: who.clone(), id, dropped });
		}

		/// Every inbox: at most `MaxNotices` notices (the bound), ids strictly increasing and
		/// below `next_id` (an emptied inbox keeps its `next_id`).
		#[cfg(any(feature = "try-runtime", feature = "std"))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			for (_, inbox) in Inboxes::<T>::iter() {
				let ids: alloc::vec::Vec<NoticeId> =
					inbox.notices.iter().map(|(i, _)| *i).collect();
				ensure!(ids.windows(2).all(|w| w.first() < w.get(1)), "notice ids out of order");
				ensure!(ids.iter().all(|i| *i < inbox.next_id), "a notice id not yet issued");
			}
			Ok(())
		}
	}
}

impl<T: Config> tn_primitives::Notify<T::AccountId> for Pallet<T> {
	fn notify(who: &T::AccountId, kind: NoticeKind) {
		Self::send(who, kind)
	}
}
