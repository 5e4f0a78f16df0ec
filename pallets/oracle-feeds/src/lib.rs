//! # Oracle feeds pallet (offchain workers)
//!
//! Feeder nodes run this pallet's offchain worker. With a feeder key (key type `tnfd`, sr25519)
//! in their keystore, each block they may fetch:
//!
//! - **prices** from the EIA open-data API v2: WTI (`/v2/petroleum/pri/spt/data/`, series
//!   `RWTC`, $/BBL) and Henry Hub (`/v2/natural-gas/pri/fut/data/`, spot series `RNGWHHD` by
//!   default, $/MMBTU), every day from the first day of the month three months back
//!   ([`worker::price_window_start`]) up to yesterday (EIA lags and skips non-trading days: a
//!   missing day is normal; days already on chain are not sent again);
//! - **official monthly production** from Petrinex (`/publicdata/API/Files/AB/Vol/{YYYY-MM}/CSV`,
//!   a zip in a zip of ~500k CSV rows), streamed chunk by chunk through inflate and a CSV
//!   tokenizer ([`tn_ingest`]) so the worker never holds the file: from the 5th of month M+1 it
//!   polls month M until its file appears, and keeps re-checking the last 3 months for amendments.
//!
//! Values go to pallet-oracle as one **signed** `feed_values` transaction per block at most,
//! guarded by an offchain storage lock (overlapping workers and re-orgs never double-submit):
//! a value is sent only if the feeder's on-chain raw value differs and it is not already in
//! flight. The oracle counts a value only when k feeders report it identically
//! ([`combine`]).
//!
//! Endpoints, series, API key and poll intervals are node-local settings in offchain storage
//! ([`settings`]), set by node CLI flags; the real URLs are the defaults. Failures (timeouts,
//! non-200, truncated or malformed bodies, wrong units) are logged and retried later; nothing
//! is submitted from a failed fetch.
#![cfg_attr(not(feature = "std"), no_std)]
// Runtime code never panics: `scripts/lint` denies arithmetic side effects, indexing,
// unwrap/expect and panics in it (tests and benchmarks are not compiled there).

extern crate alloc;

pub use pallet::*;

pub mod combine;
pub mod settings;
#[cfg(test)]
mod tests;
pub mod worker;

use sp_core::crypto::KeyTypeId;

/// Key type of feeder keys in a node's keystore.
pub const KEY_TYPE: KeyTypeId = KeyTypeId(*b"tnfd");

/// Feeder keys: sr25519, key type `tnfd`.
pub mod crypto {
	use super::KEY_TYPE;
	use sp_runtime::{
		app_crypto::{app_crypto, sr25519},
		traits::Verify,
		MultiSignature, MultiSigner,
	};
	app_crypto!(sr25519, KEY_TYPE);

	/// The feeder identity used to sign feeds.
	pub struct FeederId;
	impl frame_system::offchain::AppCrypto<MultiSigner, MultiSignature> for FeederId {
		type RuntimeAppPublic = Public;
		type GenericSignature = sp_core::sr25519::Signature;
		type GenericPublic = sp_core::sr25519::Public;
	}
	impl
		frame_system::offchain::AppCrypto<
			<sp_core::sr25519::Signature as Verify>::Signer,
			sp_core::sr25519::Signature,
		> for FeederId
	{
		type RuntimeAppPublic = Public;
		type GenericSignature = sp_core::sr25519::Signature;
		type GenericPublic = sp_core::sr25519::Public;
	}
}

#[frame_support::pallet]
// The pallet macro's generated `PalletInfoAccess` uses `expect` under this module's span (the
// runtime always knows its pallets); our own code here is free of `expect` and `unwrap`.
#[allow(clippy::expect_used)]
pub mod pallet {
	use frame_support::pallet_prelude::*;
	use frame_system::{
		offchain::{AppCrypto, CreateSignedTransaction},
		pallet_prelude::*,
	};
	use tn_primitives::{
		feeds::{FeedKey, FeedValue},
		traits::WellDirectory,
	};

	/// The in-code storage version: a layout change bumps it with a
	/// `frame_support::migrations::VersionedMigration` (see pallet-wells' `migration` module).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A feeder reported a value other than the combined one (a faulty or dishonest feeder,
		/// or one that has not seen an amendment yet).
		FeederDisagrees {
			feeder: T::AccountId,
			key: FeedKey,
			reported: FeedValue,
			combined: FeedValue,
		},
		/// A feeder reported a price outside its series' sanity range (`oracle` parameters
		/// `WtiRange` / `HenryHubRange`): the value does not count towards any quorum.
		PriceOutOfRange { feeder: T::AccountId, key: FeedKey, reported: FeedValue },
	}

	#[pallet::config]
	pub trait Config:
		frame_system::Config<RuntimeEvent: From<Event<Self>>>
		+ CreateSignedTransaction<pallet_oracle::Call<Self>>
		+ pallet_oracle::Config<OracleKey = FeedKey, OracleValue = FeedValue>
	{
		/// The feeder key the worker signs with.
		type AuthorityId: AppCrypto<Self::Public, Self::Signature>;
		/// The registered wells (to match official rows by their identifier commitment).
		type Wells: WellDirectory;
		/// Most values per `feed_values` transaction (≤ the oracle's `MaxFeedValues`).
		#[pallet::constant]
		type MaxValuesPerFeed: Get<u32>;
		/// How long the oracle counts a raw value (its `ExpiresIn`), in milliseconds: a value
		/// still without a combined value, or other than the combined one, is re-sent after half
		/// of it.
		type RawValueExpiryMs: Get<u64>;
		/// Each price series' sanity range: a price outside it never counts
		/// ([`crate::combine::QuorumCombine`]) and is reported by [`Event::PriceOutOfRange`].
		type PriceBounds: crate::combine::PriceBounds;
		/// Months an audited month stays amendable (the amendment horizon, a governance
		/// parameter): its official figure keeps being polled and counts whatever its well's
		/// status ([`Pallet::usable_key`]).
		type AmendmentHorizonMonths: Get<u32>;
	}

	impl<T: Config> Pallet<T> {
		/// After a feed (pallet-oracle's `OnNewData`): emits [`Event::PriceOutOfRange`] for a
		/// price outside its range, else [`Event::FeederDisagrees`] when the feeder's value
		/// differs from the combined value.
		pub fn note_raw_value(feeder: &T::AccountId, key: &FeedKey, reported: &FeedValue) {
			if !crate::combine::admissible::<T::PriceBounds>(key, reported) {
				Self::deposit_event(Event::PriceOutOfRange {
					feeder: feeder.clone(),
					key: *key,
					reported: *reported,
				});
				return;
			}
			if let Some(combined) = pallet_oracle::Values::<T>::get(key).map(|t| t.value) {
				if &combined != reported {
					Self::deposit_event(Event::FeederDisagrees {
						feeder: feeder.clone(),
						key: *key,
						reported: *reported,
						combined,
					});
				}
			}
		}

		/// Whether every key of a feed is one the chain can use ([`Self::usable_key`]). The
		/// runtime's call filter refuses other feeds (`CallFiltered`), so no feeder fills storage
		/// with useless keys; the worker drops unusable keys one by one before it sends
		/// ([`crate::worker::run`]), so one unusable key never costs a feeder its whole feed.
		pub fn usable_keys(today: tn_primitives::Day, values: &[(FeedKey, FeedValue)]) -> bool {
			values.iter().all(|(key, value)| Self::usable_key(today, key, value))
		}

		/// Whether the chain can use `value` for `key` on `today`: prices of days from the price
		/// window's start (a day of slack) to today; official production of active wells for
		/// the last [`crate::worker::PRODUCTION_MONTHS`] months, and of audited months inside
		/// the amendment horizon whatever the well's status (issue 25, H2: removing, editing or
		/// suspending a well never stops its amendments).
		pub fn usable_key(today: tn_primitives::Day, key: &FeedKey, value: &FeedValue) -> bool {
			let first_price_day = crate::worker::price_window_start(today).minus(1);
			match (key, value) {
				(FeedKey::Price(_, day), FeedValue::Price(_)) => {
					*day >= first_price_day && *day <= today
				},
				(FeedKey::Production(well, month), FeedValue::Production { .. }) => {
					let horizon = T::AmendmentHorizonMonths::get();
					(*month >= crate::worker::oldest_polled_month(today)
						&& *month < today.month()
						&& T::Wells::is_active(*well))
						|| (tn_primitives::horizon::within_horizon(*month, today, horizon)
							&& T::Wells::is_audited(*well, *month))
				},
				_ => false,
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn offchain_worker(n: BlockNumberFor<T>) {
			if let Err(e) = crate::worker::run::<T>(n) {
				log::info!(target: crate::worker::LOG, "feeds worker: {e}");
			}
		}
	}
}
