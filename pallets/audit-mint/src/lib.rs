//! # Audit & mint pallet
//!
//! The producer selects a month of one of its wells and mints ([`Pallet::mint`]). The chain:
//! 1. checks the producer may mint (admitted, not suspended, no debt) and the month is mintable
//!    (owner, well active and its annual review valid, month over, not audited, records exist);
//! 2. takes P and V from the wells pallet (Σ daily volumes; Σ volume × that day's price ×
//!    discount) and O from the oracle (official production, e.g. Petrinex);
//! 3. applies the deviation table ([`tn_primitives::audit`]): keeps P or corrects to O with
//!    V' = V × O / P, and computes the slash;
//! 4. slashes the deposit through the producers pallet (USD → native, debt when short);
//! 5. mints TAT (1 TAT = 1 USD, 18 decimals) on pallet-assets — this pallet's account is TAT's
//!    only issuer — and splits it: each beneficiary floor(share × amount), the producer the rest;
//! 6. closes the month and stores an [`AuditRecord`]; one [`Event::Audited`] carries the same.
//!
//! Rounding: every division rounds down — mints in the chain's favour, slashes in the
//! producer's favour. O = 0 with P > 0 mints nothing and slashes V × SlashRatio; O = 0 and P = 0
//! closes the month with nothing minted.
//!
//! ## Amendments are settled
//! What a well-month finally mints and slashes depends only on the **latest** official figure,
//! never on when the producer pressed Mint. An official figure that changes after the audit is
//! recorded ([`Event::OfficialAmendedAfterAudit`]) and queued; the queue is settled in
//! `on_idle`, and anyone may settle a month at once with [`Pallet::settle`]. A settlement
//! re-audits the month with the same P and V and the new O (parameters in force), splits the
//! new amount by the ratios stored at the mint (shares below TAT's minimum balance go to the
//! owner, as at a mint), mints each account's increase, burns each account's decrease from it
//! (what it no longer holds is slashed from the producer's deposit instead), slashes a higher
//! slash and returns a lower one (debt first, then from the slash account into the deposit).
//! The record keeps the first figure and what settlements changed ([`Settlement`]).
//!
//! ## No month escapes its audit (issue 25, M2, M3)
//! A month whose official figure is in is audited **without its producer** once it is overdue:
//! from `AuditOverdueDays` (a governance parameter) after the month's last day, anyone may call
//! [`Pallet::audit_overdue`] (free when it succeeds). It is the same audit as the owner's mint —
//! the same table, the slash taken (or recorded as debt), the TAT minted to the owner and the
//! beneficiaries — but asks nothing of the producer: not its status (suspended, revoked, in
//! debt), nor the well's (suspended, in review, expired). So a producer who would rather not see
//! an O = 0 month audited cannot keep its slash away by never pressing Mint. Only a well removed
//! by governance is not audited: its open months were dropped.
//!
//! A month that leaves the amendment horizon without being auditable (no official figure ever
//! came: confidential rows, a well in review, withholding feeders), and any open month of a
//! removed well, is closed by anyone with [`Pallet::lapse_month`]: nothing minted, nothing
//! slashed, the producer told (`MonthLapsed`). Its deposit exposure ends; its well can be
//! removed or transferred again.
//!
//! ## A settlement applies the mint's rules (issue 25, M1)
//! The record keeps the rules the month was audited under ([`AuditRules`]: `SlashRatio`,
//! `DeviationBands`, the native-per-USD rate of its slashes; V already holds the day prices,
//! quality discounts and gas energy factor): a settlement re-audits with them, never with
//! today's, so a later governance change never re-prices an audited month. Only a change of the
//! well's official **volume** is an amendment ([`Pallet::note_official`]): a new source file
//! (provenance) with the same volume changes nothing and tells nobody. A settlement that fails
//! in `on_idle` (e.g. TAT cannot be minted) is kept in [`FailedSettlements`] with its error
//! ([`Event::SettlementFailed`]) and leaves the queue; `settle` retries it, and a further
//! amendment queues it again.
#![cfg_attr(not(feature = "std"), no_std)]
// Runtime code never panics: `scripts/lint` denies arithmetic side effects, indexing,
// unwrap/expect and panics in it (tests and benchmarks are not compiled there).

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
pub mod benchmarking;
mod functions;
pub mod migration;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use types::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
// The pallet macro's generated `PalletInfoAccess` uses `expect` under this module's span (the
// runtime always knows its pallets); our own code here is free of `expect` and `unwrap`.
#[allow(clippy::expect_used)]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::fungibles::{Inspect, Mutate},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use sp_arithmetic::Perbill;
	use tn_primitives::{
		traits::{DepositSlasher, OfficialProduction, ProducerRegistry, WellLedger},
		DeviationBands, Month, WellId,
	};

	/// Native balance (slashes).
	pub type NativeBalanceOf<T> = <T as Config>::NativeBalance;
	/// An audit record as stored.
	pub type AuditRecordOf<T> = AuditRecord<
		<T as frame_system::Config>::AccountId,
		NativeBalanceOf<T>,
		BlockNumberFor<T>,
		<T as Config>::MaxBeneficiaries,
	>;

	/// The in-code storage version (1: records keep ratios and settlements; 2: records keep the
	/// rules they were audited under; 3: the producers pallet knows each producer's last
	/// audited month).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(3);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Defaults of the configuration for test runtimes (`#[derive_impl]`): the recording notifier
	/// of `tn_primitives::notices::testing`, unit weights and small bounds.
	#[cfg(feature = "std")]
	pub mod config_preludes {
		use super::*;
		use frame_support::derive_impl;

		/// The test runtimes' defaults.
		pub struct TestDefaultConfig;

		#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
		impl frame_system::DefaultConfig for TestDefaultConfig {}

		#[frame_support::register_default_impl(TestDefaultConfig)]
		impl DefaultConfig for TestDefaultConfig {
			type Notices = tn_primitives::notices::testing::Recorder;
			type MaxBeneficiaries = ConstU32<{ tn_primitives::MAX_BENEFICIARIES }>;
			type WeightInfo = ();
		}
	}

	#[pallet::config(with_default)]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The assets pallet holding TAT.
		#[pallet::no_default]
		type Assets: Inspect<Self::AccountId, AssetId = u32, Balance = u128>
			+ Mutate<Self::AccountId>;
		/// TAT's asset id.
		#[pallet::constant]
		#[pallet::no_default]
		type TatAssetId: Get<u32>;
		/// This pallet's id; its account is TAT's owner and issuer.
		#[pallet::constant]
		#[pallet::no_default]
		type PalletId: Get<PalletId>;
		/// Native balance type of slashes.
		#[pallet::no_default]
		type NativeBalance: Parameter
			+ MaxEncodedLen
			+ Copy
			+ Default
			+ sp_runtime::traits::AtLeast32BitUnsigned;
		/// Producer checks and deposit slashing.
		#[pallet::no_default]
		type Producers: ProducerRegistry<Self::AccountId>
			+ DepositSlasher<Self::AccountId, Self::NativeBalance>;
		/// Where audits, amended official figures and settlements are told to the producer (its
		/// inbox).
		type Notices: tn_primitives::Notify<Self::AccountId>;
		/// Months, records and values of wells.
		#[pallet::no_default]
		type Wells: WellLedger<Self::AccountId>;
		/// Official monthly production (the oracle).
		#[pallet::no_default]
		type Official: OfficialProduction;
		/// SlashRatio (governance parameter, default 1 %).
		#[pallet::no_default]
		type SlashRatio: Get<Perbill>;
		/// Deviation bands (governance parameter, default 10 % / 30 %).
		#[pallet::no_default]
		type DeviationBands: Get<DeviationBands>;
		/// Days after a month's last day from which anyone may audit it without its producer
		/// (governance parameter, default 60; issue 25, M2).
		#[pallet::no_default]
		type AuditOverdueDays: Get<u32>;
		/// Months an audited month stays amendable (governance parameter, default 24): an open
		/// month older than that without a usable figure lapses (M3).
		#[pallet::no_default]
		type AmendmentHorizonMonths: Get<u32>;
		/// Wall-clock time (the UTC day).
		#[pallet::no_default]
		type UnixTime: frame_support::traits::UnixTime;
		/// Most beneficiaries per well (as in the wells pallet).
		#[pallet::constant]
		type MaxBeneficiaries: Get<u32>;
		/// Weights from the benchmarks.
		type WeightInfo: WeightInfo;
		/// Sets up a worst-case month for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		#[pallet::no_default]
		type BenchmarkHelper: crate::benchmarking::BenchmarkHelper<Self::AccountId>;
	}

	/// Audit records by (well, month): at most one mint per well-month.
	#[pallet::storage]
	pub type AuditRecords<T: Config> =
		StorageDoubleMap<_, Twox64Concat, WellId, Twox64Concat, Month, AuditRecordOf<T>>;

	/// Σ TAT minted by all audits as settled (TAT's total issuance is this plus
	/// [`TotalUnrecovered`]).
	#[pallet::storage]
	pub type TotalMinted<T: Config> = StorageValue<_, u128, ValueQuery>;

	/// Σ over-minted TAT that settlements could not burn back (its holders had moved it); each
	/// was slashed from the producer's deposit instead.
	#[pallet::storage]
	pub type TotalUnrecovered<T: Config> = StorageValue<_, u128, ValueQuery>;

	/// Audited months whose official figure was amended and not settled yet (`on_idle` settles
	/// them; [`Pallet::settle`] settles one at once).
	#[pallet::storage]
	pub type Unsettled<T: Config> =
		StorageDoubleMap<_, Twox64Concat, WellId, Twox64Concat, Month, ()>;

	/// Queued settlements that failed in `on_idle`, with the error and the block: kept (never
	/// retried by `on_idle`, so a settlement that cannot succeed does not eat every block) until
	/// [`Pallet::settle`] succeeds or a further amendment queues the month again.
	#[pallet::storage]
	pub type FailedSettlements<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		WellId,
		Twox64Concat,
		Month,
		(DispatchError, BlockNumberFor<T>),
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	// `Audited` carries the whole record, so an indexer needs no storage read; events are not
	// stored beyond their block.
	#[allow(clippy::large_enum_variant)]
	pub enum Event<T: Config> {
		/// A month was audited: the full record (P, O, d, V, V', slash, TAT to each account).
		Audited { well: WellId, month: Month, record: AuditRecordOf<T> },
		/// The official figure of an audited month changed; the month waits for its settlement.
		OfficialAmendedAfterAudit { well: WellId, month: Month, audited: u64, amended: u64 },
		/// An amended official figure was settled: the month was re-audited with `official`
		/// (was `official_before`) and now mints `minted` (was `minted_before`); `topped_up`
		/// minted and `burned` burned back now, `unrecovered` slashed instead of burned; the slash
		/// due is now `slash_due` (was `slash_due_before`). The full record is in storage.
		Settled {
			well: WellId,
			month: Month,
			official_before: u64,
			official: u64,
			minted_before: u128,
			minted: u128,
			topped_up: u128,
			burned: u128,
			unrecovered: u128,
			slash_due_before: NativeBalanceOf<T>,
			slash_due: NativeBalanceOf<T>,
		},
		/// The queued settlement of `month` of `well` failed in `on_idle` with `error`: nothing
		/// changed, the month is kept in [`FailedSettlements`] (with its pending amendment) for
		/// [`Pallet::settle`].
		SettlementFailed { well: WellId, month: Month, error: DispatchError },
		/// `by` audited the overdue `month` of `well` without its producer (the audit itself is
		/// the [`Event::Audited`] before this one).
		AuditedOverdue { well: WellId, month: Month, by: T::AccountId },
		/// `by` closed the open `month` of `well` without an audit: nothing minted, nothing
		/// slashed. `removed`: its well was removed; otherwise it left the amendment horizon
		/// without a usable official figure.
		MonthLapsed { well: WellId, month: Month, by: T::AccountId, removed: bool },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No official production figure for that month yet.
		NoOfficialFigure,
		/// The month was audited already.
		AlreadyAudited,
		/// The month has no audit record (nothing to settle).
		NotAudited,
		/// The month's latest official volume is the one it was audited or settled with (a new
		/// source file with the same volume is no amendment).
		NothingToSettle,
		/// The month is not overdue yet: its producer may still mint it (until `AuditOverdueDays`
		/// after its last day).
		NotOverdue,
		/// The well was removed: its open months were dropped and lapse (`lapse_month`).
		WellRemoved,
		/// The month is still inside the amendment horizon: its figure may still come.
		NotPastHorizon,
		/// The month can be audited (it has an official figure and its days have prices):
		/// audit it (`mint`, or `audit_overdue`) instead of lapsing it.
		MonthAuditable,
		/// No such well.
		UnknownWell,
		/// The month is not open: nothing was uploaded for it, or it is closed already.
		MonthNotOpen,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// An audit record keeps every beneficiary of the well: this pallet's bound must be at
		/// least the wells pallet's.
		fn integrity_test() {
			assert!(
				T::MaxBeneficiaries::get() >= T::Wells::max_beneficiaries(),
				"audit-mint's MaxBeneficiaries is below the wells pallet's: records would drop \
				 beneficiaries"
			);
		}

		/// Settle amended months while the block has room (oldest keys first).
		fn on_idle(_n: BlockNumberFor<T>, remaining: Weight) -> Weight {
			Self::settle_queued(remaining)
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Producer: audit `month` of `well` against the official figure and mint its TAT
		/// (charged for the most beneficiaries, the unused weight refunded)
		/// (the portal's "Mint TAT"). Slashes the deposit by the deviation table and splits the
		/// TAT among the well's beneficiaries (a share below TAT's minimum balance goes to the
		/// owner). Once per well-month; a later amendment of the official figure is settled.
		///
		/// Emits [`Event::Audited`] (and the producers pallet's `Slashed` when slashed).
		/// Errors: the producers pallet's `NotProducer`, `ProducerSuspended`, `ProducerInDebt`,
		/// `DepositBelowRequirement`; the wells pallet's month errors (`NotOwner`, `MonthNotOver`,
		/// `DayWithoutPrice`, …); [`Error::AlreadyAudited`], [`Error::NoOfficialFigure`],
		/// the assets pallet's error when TAT cannot be minted (e.g. `Token.UnknownAsset` while it is
		/// being destroyed).
		#[pallet::call_index(0)]
		#[pallet::weight(Pallet::<T>::audit_weight(T::MaxBeneficiaries::get()))]
		pub fn mint(
			origin: OriginFor<T>,
			well: WellId,
			month: Month,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			// Charged for the most beneficiaries; the rest is refunded.
			let b = Self::do_mint(who, well, month)?;
			Ok(Some(Self::audit_weight(b)).into())
		}

		/// Anyone (signed): settle `month` of `well` against its latest official figure now,
		/// instead of waiting for `on_idle` (or after a settlement failed there). Re-audits the
		/// month (same P and V, the new O, the rules of its audit),
		/// mints each account's increase, burns each account's decrease (slashing the producer
		/// for what a holder no longer has), slashes a higher slash or returns a lower one.
		///
		/// Emits [`Event::Settled`] (and the producers pallet's `Slashed` / `SlashRefunded`).
		/// Errors: [`Error::NotAudited`] (no record), [`Error::NoOfficialFigure`],
		/// [`Error::NothingToSettle`] (the latest volume is the settled one),
		/// the assets pallet's error when TAT cannot be minted (e.g. `Token.UnknownAsset` while it is
		/// being destroyed).
		#[pallet::call_index(1)]
		// The measured weight plus the removal of a failed settlement's entry (added with issue
		// 25, not yet in the benchmark).
		#[pallet::weight(Pallet::<T>::settle_weight(T::MaxBeneficiaries::get()))]
		pub fn settle(
			origin: OriginFor<T>,
			well: WellId,
			month: Month,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let b = Self::do_settle(well, month)?;
			Ok(Some(Self::settle_weight(b)).into())
		}

		/// Anyone (signed): audit the overdue `month` of `well` without its producer — from
		/// `AuditOverdueDays` after the month's last day (issue 25, M2). The same audit as
		/// [`Pallet::mint`] (slash taken or recorded as debt, TAT to the owner and the
		/// beneficiaries), whatever the producer's or the well's status. Free when it succeeds.
		///
		/// Emits [`Event::Audited`] then [`Event::AuditedOverdue`] (and the producers pallet's
		/// `Slashed` when slashed). Errors: [`Error::UnknownWell`], [`Error::WellRemoved`],
		/// [`Error::NotOverdue`], [`Error::AlreadyAudited`], [`Error::NoOfficialFigure`], the wells
		/// pallet's `NothingUploaded`, `MonthAudited`, `DayWithoutPrice`; the assets pallet's error
		/// when TAT cannot be minted.
		#[pallet::call_index(2)]
		#[pallet::weight(Pallet::<T>::audit_weight(T::MaxBeneficiaries::get()))]
		pub fn audit_overdue(
			origin: OriginFor<T>,
			well: WellId,
			month: Month,
		) -> DispatchResultWithPostInfo {
			let by = ensure_signed(origin)?;
			let b = Self::do_audit_overdue(by, well, month)?;
			Ok(frame_support::dispatch::PostDispatchInfo {
				actual_weight: Some(Self::audit_weight(b)),
				pays_fee: Pays::No,
			})
		}

		/// Anyone (signed): close the open `month` of `well` without an audit — nothing minted,
		/// nothing slashed — when it has left the amendment horizon and cannot be audited, or its
		/// well was removed (issue 25, M3). The producer is told (`MonthLapsed`). Free when it
		/// succeeds.
		///
		/// Emits [`Event::MonthLapsed`] (and the wells pallet's `MonthClosed`). Errors:
		/// [`Error::UnknownWell`], [`Error::MonthNotOpen`], [`Error::NotPastHorizon`],
		/// [`Error::MonthAuditable`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::lapse_month())]
		pub fn lapse_month(
			origin: OriginFor<T>,
			well: WellId,
			month: Month,
		) -> DispatchResultWithPostInfo {
			let by = ensure_signed(origin)?;
			Self::do_lapse_month(by, well, month)?;
			Ok(Pays::No.into())
		}
	}

	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// What minting `month` of `well` would do now, without doing it.
		pub fn preview(
			well: WellId,
			month: Month,
		) -> Result<AuditPreview<T::AccountId>, DispatchError> {
			Self::do_preview(well, month)
		}
		/// `well`'s months with uploads, newest first, each with its state and — for an open
		/// month — why it is not mintable now (the error `mint` by the owner would return), or —
		/// for a mintable one — the preview. Paged: at most `limit` (≤ 36) months older than
		/// `before` (`None`: from the newest).
		pub fn months(
			well: WellId,
			before: Option<Month>,
			limit: u32,
		) -> alloc::vec::Vec<MonthInfo<T::AccountId>> {
			Self::months_page(well, before, limit)
		}
		/// One month of `well` with its state (as in [`Pallet::months`]); a month without
		/// uploads is `Open` with its blocker.
		pub fn month_info(well: WellId, month: Month) -> MonthInfo<T::AccountId> {
			let (days, volume) = T::Wells::month(well, month).unwrap_or_default();
			Self::month_state(well, month, days, volume)
		}
		/// The settlements that failed in `on_idle` (with the error and block), for `settle`.
		pub fn failed_settlements(
		) -> alloc::vec::Vec<(WellId, Month, DispatchError, BlockNumberFor<T>)> {
			FailedSettlements::<T>::iter()
				.take(tn_primitives::page_len(tn_primitives::MAX_PAGE))
				.map(|(w, m, (e, b))| (w, m, e, b))
				.collect()
		}
		/// The audit record of a well-month.
		pub fn audit_record(well: WellId, month: Month) -> Option<AuditRecordOf<T>> {
			AuditRecords::<T>::get(well, month)
		}
		/// Every audit record, paged in storage order (by well, then month — hashed keys, so
		/// neither is in numeric order): at most `limit` (1 ..= [`tn_primitives::MAX_PAGE`]) records
		/// after the record of `after` (`None`: from the first). The audit explorer asks for the
		/// next page with the last (well, month) it received; an empty page is the end.
		pub fn audits(
			after: Option<(WellId, Month)>,
			limit: u32,
		) -> alloc::vec::Vec<(WellId, Month, AuditRecordOf<T>)> {
			Self::audits_page(after, limit)
		}
		/// A well's audit records, oldest month first (the audit explorer).
		pub fn audits_of(well: WellId) -> alloc::vec::Vec<(Month, AuditRecordOf<T>)> {
			let mut v: alloc::vec::Vec<_> = AuditRecords::<T>::iter_prefix(well).collect();
			v.sort_by_key(|(m, _)| (m.year, m.month));
			v
		}
	}
}
