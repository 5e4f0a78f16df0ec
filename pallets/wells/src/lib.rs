//! # Wells pallet
//!
//! A well (油井/矿井) carries the physical asset. This pallet keeps:
//!
//! - the **asset classes** ("Asset List"): name, description, maintainer, official data source,
//!   status (Proposed/Live/Retired), official or not. Governance adds, promotes and retires them;
//!   anyone may propose an unofficial one against a deposit (returned when governance decides).
//!   A new class (nickel, copper) is data, not code.
//! - the **well registry**: an admitted producer submits a well with its regulator identifier as a
//!   commitment (Alberta: blake2-256 of the 16-character Petrinex `FromToIDIdentifier`, e.g.
//!   `100071901015W400` — pseudonymous, not secret: the oracle matches rows by hashing them), a
//!   commitment to its licence/location documents and, for oil, API gravity and acidity. The
//!   class's maintainer (the Foundation Managers for Canadian Petroleum Minerals) reviews it:
//!   pass activates it, not pass (with a reason) lets the producer edit and resubmit. Editing an
//!   active well's quality sends it back to review. The oil price discount is derived from the
//!   quality by the governance table ([`tn_primitives::DiscountRules`]); gas has none.
//! - **beneficiaries**: up to [`Config::MaxBeneficiaries`] accounts with shares summing to at
//!   most 100 %; the owner keeps the rest, so owner + beneficiaries are exactly 100 %.
//! - the **annual review** (年审): a well is valid for `ReviewValidityDays` (365) from
//!   activation; `ReviewNoticeDays` (360) after it, the chain emits [`Event::AnnualReviewDue`] and
//!   the producer may submit fresh chemistry; a pass extends validity to
//!   max(expiry, today) + 365 days and recomputes the discount. An expired well may still upload
//!   but cannot mint. Notices are queued by due day and sent by a bounded per-block queue.
//! - **daily production**: one record per (well, UTC day), for past days only (≤ yesterday by the
//!   block timestamp) and at most 365 days back, never for an audited month; single or batched uploads. A per-(well, month)
//!   ledger keeps the sums; the month's market value is computed at audit from the records and
//!   the oracle's prices ([`tn_primitives::valuation`]).
#![cfg_attr(not(feature = "std"), no_std)]
// Runtime code never panics: `scripts/lint` denies arithmetic side effects, indexing,
// unwrap/expect and panics in it (tests and benchmarks are not compiled there).

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
pub mod benchmarking;
mod functions;
pub mod migration;
pub use functions::LiveAssetClasses;
pub use tn_primitives::valuation::PRICE_LOOKBACK_DAYS;
pub use tn_primitives::window::MAX_BACKFILL_DAYS;
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
// `submit_well` takes a well's eight fields as its parameters, as Polkadot.js Apps shows them.
#[allow(clippy::expect_used, clippy::too_many_arguments)]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, Mutate, MutateHold},
			SortedMembers, UnixTime,
		},
	};
	use frame_system::pallet_prelude::*;
	use sp_arithmetic::Perbill;
	use sp_runtime::traits::StaticLookup;
	use tn_primitives::{
		traits::{PriceFeed, ProducerRegistry},
		Commitment, Commodity, Day, DiscountRules, FacilityCode, Month, OilQuality, OperatorCode,
		Volume, WellId,
	};

	/// Balance of the native token.
	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
	/// A well as stored.
	pub type WellOf<T> =
		Well<<T as frame_system::Config>::AccountId, <T as Config>::MaxBeneficiaries>;
	/// An asset class as stored.
	pub type AssetClassOf<T> = AssetClass<<T as frame_system::Config>::AccountId, BalanceOf<T>>;
	/// A list of beneficiaries.
	pub type BeneficiariesOf<T> = BoundedVec<
		(<T as frame_system::Config>::AccountId, Perbill),
		<T as Config>::MaxBeneficiaries,
	>;
	/// An account parameter as Polkadot.js Apps offers it (an address or an index).
	pub type AccountIdLookupOf<T> = <<T as frame_system::Config>::Lookup as StaticLookup>::Source;
	/// A batch of daily records: (well, day, volume).
	pub type BatchOf<T> = BoundedVec<(WellId, Day, Volume), <T as Config>::MaxBatch>;

	/// The storage version ([`crate::migration`]): 1 since wells carry their regulator codes,
	/// 2 since open months are counted per producer, 3 since they are counted per well, 4 since
	/// asset classes declare their commodities and official source, 5 since every activated well
	/// has an upload-window reminder, 6 since wells are indexed by owner and the review queue is
	/// stored.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(6);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Reasons this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// Deposit of an unofficial asset-class proposal.
		AssetClassProposal,
		/// Registration deposit of a well (returned when the well is removed).
		WellRegistration,
	}

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
			type MaxBatch = ConstU32<100>;
			type MaxNoticesPerBlock = ConstU32<2>;
			type WeightInfo = ();
		}
	}

	#[pallet::config(with_default)]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The native currency (proposal deposits).
		#[pallet::no_default]
		type Currency: Inspect<Self::AccountId>
			+ Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;
		/// The overarching hold reason.
		#[pallet::no_default]
		type RuntimeHoldReason: From<HoldReason>;
		/// Who is an active producer.
		#[pallet::no_default]
		type Producers: ProducerRegistry<Self::AccountId>;
		/// Where reviews, annual reviews, suspensions, removals, transfers and closing upload
		/// windows are told to the well's owner (its inbox).
		type Notices: tn_primitives::Notify<Self::AccountId>;
		/// Daily commodity prices (the oracle).
		#[pallet::no_default]
		type Prices: PriceFeed;
		/// The Foundation Managers (maintainers of Foundation-maintained classes).
		#[pallet::no_default]
		type FoundationMembers: SortedMembers<Self::AccountId>;
		/// Governance (Root): asset classes, suspensions.
		#[pallet::no_default]
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Wall-clock time (the block timestamp).
		#[pallet::no_default]
		type UnixTime: UnixTime;
		/// The oil discount table (governance parameter).
		#[pallet::no_default]
		type DiscountRules: Get<DiscountRules>;
		/// MMBtu per e³m³ of gas ×1000 (governance parameter, default 36.585).
		#[pallet::no_default]
		type MmbtuPerE3m3Milli: Get<u32>;
		/// Days a review keeps a well valid (governance parameter, default 365).
		#[pallet::no_default]
		type ReviewValidityDays: Get<u32>;
		/// Days after (re)validation when the annual-review notice is sent (default 360).
		#[pallet::no_default]
		type ReviewNoticeDays: Get<u32>;
		/// Distinct Foundation Managers whose passes activate a well (`review_well`) or pass an
		/// annual review, i.e. put a quality in force (governance parameter, `production` 2;
		/// taken within 1 ..= [`tn_primitives::commitment::MAX_APPROVALS`]). A class maintained
		/// by one named account needs its pass only.
		#[pallet::no_default]
		type WellApprovals: Get<u32>;
		/// When a day's production may be uploaded (governance parameters; see
		/// [`tn_primitives::window`]).
		#[pallet::no_default]
		type UploadWindow: Get<tn_primitives::window::UploadWindow>;
		/// Months an audited month stays amendable (governance parameter, the amendment horizon;
		/// [`tn_primitives::horizon`]): a former operator code is kept while a month it covers is
		/// inside it, and an audited month is listed for the feeds whatever the well's status.
		#[pallet::no_default]
		type AmendmentHorizonMonths: Get<u32>;
		/// Deposit held from the proposer of an unofficial asset class.
		#[pallet::constant]
		#[pallet::no_default]
		type ProposalDeposit: Get<BalanceOf<Self>>;
		/// Deposit held per registered well until it is removed: identifiers are not free to
		/// squat, and the registry's storage is paid for.
		#[pallet::constant]
		#[pallet::no_default]
		type WellDeposit: Get<BalanceOf<Self>>;
		/// Most beneficiaries per well (the original: 9 besides the owner).
		#[pallet::constant]
		type MaxBeneficiaries: Get<u32>;
		/// Most day records per batch upload.
		#[pallet::constant]
		type MaxBatch: Get<u32>;
		/// Most annual-review notices sent per block.
		#[pallet::constant]
		type MaxNoticesPerBlock: Get<u32>;
		/// Weights from the benchmarks.
		type WeightInfo: WeightInfo;
		/// Sets up producers, managers and time for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		#[pallet::no_default]
		type BenchmarkHelper: crate::benchmarking::BenchmarkHelper<Self::AccountId>;
	}

	/// The asset classes.
	#[pallet::storage]
	pub type AssetClasses<T: Config> = StorageMap<_, Twox64Concat, AssetClassId, AssetClassOf<T>>;

	/// The id the next asset class gets.
	#[pallet::storage]
	pub type NextAssetClassId<T: Config> = StorageValue<_, AssetClassId, ValueQuery>;

	/// Registered wells.
	#[pallet::storage]
	pub type WellRegistry<T: Config> = StorageMap<_, Twox64Concat, WellId, WellOf<T>>;

	/// The id the next well gets.
	#[pallet::storage]
	pub type NextWellId<T: Config> = StorageValue<_, WellId, ValueQuery>;

	/// Official identifier commitment → well: one well per regulator identifier.
	#[pallet::storage]
	pub type WellByIdentifier<T: Config> = StorageMap<_, Identity, Commitment, WellId>;

	/// The discounts a well's reviews put in force, oldest first: `(from day, discount)`. A day
	/// is valued at the discount in force on it (the last entry from that day or earlier; days
	/// before the first entry at the first). Empty for wells not reviewed since this map exists:
	/// their current discount applies (the first change records it from day 0 first). Keeps the
	/// last [`MAX_DISCOUNT_CHANGES`] changes.
	/// The operator codes a well carried before its current one, oldest first: `(until, code)`,
	/// each in force on the days before `until` (and from the previous entry's `until`). A month's
	/// official rows are matched against every code in force on one of its days (issue 25, H1),
	/// so a transfer or an edit never makes the months of a former code zeros. Empty: the
	/// current code applies to every month. Keeps [`MAX_OPERATOR_CHANGES`] entries; one whose
	/// days all left the amendment horizon makes room for a new one.
	#[pallet::storage]
	pub type FormerOperators<T: Config> = StorageMap<
		_,
		Twox64Concat,
		WellId,
		BoundedVec<(Day, OperatorCode), ConstU32<MAX_OPERATOR_CHANGES>>,
		ValueQuery,
	>;

	#[pallet::storage]
	pub type DiscountHistory<T: Config> = StorageMap<
		_,
		Twox64Concat,
		WellId,
		BoundedVec<(Day, Perbill), ConstU32<MAX_DISCOUNT_CHANGES>>,
		ValueQuery,
	>;

	/// Registration deposit held for each well (wells registered before deposits have none).
	#[pallet::storage]
	pub type WellDeposits<T: Config> = StorageMap<_, Twox64Concat, WellId, BalanceOf<T>>;

	/// Number of active wells per producer (for the producers pallet's deposit floor).
	#[pallet::storage]
	pub type ActiveWells<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// Number of open (not yet audited) well-months with uploads per producer: the open
	/// exposure the producers pallet keeps covered when a deposit is withdrawn.
	#[pallet::storage]
	pub type OpenMonths<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// Number of open (not yet audited) months with uploads per well (removal and transfer
	/// read it instead of scanning the well's ledgers).
	#[pallet::storage]
	pub type WellOpenMonths<T: Config> = StorageMap<_, Twox64Concat, WellId, u32, ValueQuery>;

	/// Daily production records: (well, day) → volume.
	#[pallet::storage]
	pub type DayRecords<T: Config> =
		StorageDoubleMap<_, Twox64Concat, WellId, Twox64Concat, Day, Volume>;

	/// Per-(well, month) ledger.
	#[pallet::storage]
	pub type Ledgers<T: Config> =
		StorageDoubleMap<_, Twox64Concat, WellId, Twox64Concat, Month, MonthLedger>;

	/// Annual-review notices by due day.
	#[pallet::storage]
	pub type NoticeQueue<T: Config> =
		StorageDoubleMap<_, Twox64Concat, Day, Twox64Concat, WellId, ()>;

	/// The earliest day whose notice queue may still hold entries.
	#[pallet::storage]
	pub type NoticeCursor<T: Config> = StorageValue<_, Day, OptionQuery>;

	/// Upload-window reminders by due day: each well that is not removed has one, for the
	/// month whose uploads close next (sent to active wells' owners, then moved a month on).
	#[pallet::storage]
	pub type WindowReminders<T: Config> =
		StorageDoubleMap<_, Twox64Concat, Day, Twox64Concat, WellId, Month>;

	/// The earliest day whose reminder queue may still hold entries.
	#[pallet::storage]
	pub type ReminderCursor<T: Config> = StorageValue<_, Day, OptionQuery>;

	/// The wells of each owner, any status (the `wells_of` view reads one owner's prefix; a
	/// transfer moves the entry).
	#[pallet::storage]
	pub type WellsByOwner<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, WellId, ()>;

	/// The wells a Foundation Manager has to judge: in review, or with an annual review submitted
	/// (the `review_queue` view).
	#[pallet::storage]
	pub type ReviewQueue<T: Config> = StorageMap<_, Twox64Concat, WellId, ()>;

	/// Passes recorded for a well in review (or its submitted annual review) while more are
	/// needed ([`Config::WellApprovals`]): what they passed (owner, documents, quality, codes) and
	/// the managers so far. Deleted when the decision is made or the well leaves review; a pass of
	/// something else (the owner edited the well, it changed hands) starts a new tally.
	#[pallet::storage]
	pub type ReviewApprovals<T: Config> =
		StorageMap<_, Twox64Concat, WellId, ReviewTally<T::AccountId>>;

	/// An asset class in the genesis config: (name, description, data source, commodities,
	/// official source).
	pub type GenesisAssetClass = (
		alloc::vec::Vec<u8>,
		alloc::vec::Vec<u8>,
		alloc::vec::Vec<u8>,
		alloc::vec::Vec<Commodity>,
		tn_primitives::OfficialSource,
	);

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Initial asset classes: (name, description, data source, commodities, official
		/// source), maintained by the Foundation, Live and official. The first gets id 0.
		pub asset_classes: alloc::vec::Vec<GenesisAssetClass>,
		#[serde(skip)]
		pub _phantom: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (name, description, data_source, commodities, source) in &self.asset_classes {
				let id = NextAssetClassId::<T>::get();
				AssetClasses::<T>::insert(
					id,
					AssetClass {
						name: ShortText::truncate_from(name.clone()),
						description: LongText::truncate_from(description.clone()),
						maintainer: Maintainer::Foundation,
						data_source: ShortText::truncate_from(data_source.clone()),
						status: AssetClassStatus::Live,
						official: true,
						proposer: None,
						commodities: Commodities::truncate_from(commodities.clone()),
						source: *source,
					},
				);
				NextAssetClassId::<T>::put(id.saturating_add(1));
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Governance added an asset class.
		AssetClassAdded { class: AssetClassId, official: bool, status: AssetClassStatus },
		/// Someone proposed an unofficial asset class (deposit held).
		AssetClassProposed { class: AssetClassId, proposer: T::AccountId, deposit: BalanceOf<T> },
		/// Governance changed an asset class's status.
		AssetClassStatusChanged { class: AssetClassId, status: AssetClassStatus },
		/// A producer submitted a well for review.
		WellSubmitted {
			well: WellId,
			owner: T::AccountId,
			asset_class: AssetClassId,
			commodity: Commodity,
			identifier: Commitment,
		},
		/// The owner edited a well; it is back in review.
		WellEdited { well: WellId },
		/// The maintainer passed the well: active until `expires`, at `discount`.
		WellActivated { well: WellId, reviewer: T::AccountId, discount: Perbill, expires: Day },
		/// The maintainer did not pass the well.
		WellRejected { well: WellId, reviewer: T::AccountId, reason: ShortText },
		/// A Foundation Manager passed the well in review (`annual_review = false`) or its
		/// annual review (`true`): pass `approvals` of the `needed` distinct managers
		/// (`WellActivated` / `AnnualReviewPassed` follows the last one).
		PassRecorded {
			well: WellId,
			reviewer: T::AccountId,
			annual_review: bool,
			approvals: u32,
			needed: u32,
		},
		/// Governance suspended a well.
		WellSuspended { well: WellId, reason: ShortText },
		/// Governance lifted a well's suspension.
		WellReinstated { well: WellId },
		/// A well was removed (`by_governance`, else by its owner): its identifier is free and
		/// `deposit` was returned to `owner`; `dropped_months` open months can no longer mint.
		WellRemoved {
			well: WellId,
			owner: T::AccountId,
			by_governance: bool,
			reason: ShortText,
			deposit: BalanceOf<T>,
			dropped_months: u32,
		},
		/// Governance transferred a well to another producer (its records and audits stay).
		WellTransferred { well: WellId, from: T::AccountId, to: T::AccountId, status: WellStatus },
		/// The beneficiaries changed (the owner keeps `owner_share`).
		BeneficiariesSet { well: WellId, beneficiaries: BeneficiariesOf<T>, owner_share: Perbill },
		/// The annual-review notice: the well expires on `expires`; submit fresh chemistry.
		AnnualReviewDue { well: WellId, owner: T::AccountId, expires: Day },
		/// The producer submitted its annual review.
		AnnualReviewSubmitted { well: WellId, docs: Commitment },
		/// The annual review passed: valid until `expires`, at `discount`.
		AnnualReviewPassed { well: WellId, reviewer: T::AccountId, discount: Perbill, expires: Day },
		/// The annual review was rejected; the producer may resubmit.
		AnnualReviewRejected { well: WellId, reviewer: T::AccountId, reason: ShortText },
		/// Daily production was recorded.
		ProductionUploaded { well: WellId, day: Day, volume: Volume },
		/// A batch of daily records was recorded.
		BatchUploaded { who: T::AccountId, records: u32 },
		/// A month was audited and closed.
		MonthClosed { well: WellId, month: Month, status: MonthStatus },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No such asset class.
		UnknownAssetClass,
		/// The asset class is not Live.
		AssetClassNotLive,
		/// The producer was admitted for another asset class (a well must be of the producer's
		/// admitted class).
		NotAdmittedForClass,
		/// Not allowed to move the asset class to that status.
		InvalidStatusChange,
		/// An asset class must list at least one commodity, each once.
		InvalidCommodities,
		/// The well's commodity is not one of its asset class's commodities.
		CommodityNotInClass,
		/// No such well.
		UnknownWell,
		/// The caller does not own the well.
		NotOwner,
		/// The caller is not the asset class's maintainer.
		NotMaintainer,
		/// A well with this official identifier is registered already.
		IdentifierTaken,
		/// Oil wells need API gravity and acidity; gas wells take none.
		QualityMismatch,
		/// API gravity or acidity out of range (0..=100.00).
		QualityOutOfRange,
		/// The well is not waiting for review.
		NotInReview,
		/// The well is not suspended (nothing to reinstate).
		NotSuspended,
		/// The well is not active.
		WellNotActive,
		/// The well is suspended.
		WellSuspended,
		/// The well's annual review has lapsed: it cannot mint until its review passes.
		WellExpired,
		/// The well cannot be edited in its current state (suspended).
		CannotEdit,
		/// Beneficiary shares sum to more than 100 %.
		SharesExceedHundredPercent,
		/// Too many beneficiaries.
		TooManyBeneficiaries,
		/// A beneficiary is listed twice, or is the owner.
		DuplicateBeneficiary,
		/// A beneficiary's share is zero (remove it instead).
		ZeroShare,
		/// The account is not a beneficiary of the well.
		NotBeneficiary,
		/// The annual review is not open (no notice yet, or already submitted).
		AnnualReviewNotOpen,
		/// No annual review submission to judge.
		NoAnnualReviewSubmission,
		/// A record for this (well, day) exists already.
		DuplicateDay,
		/// Production can only be uploaded for days up to yesterday (UTC).
		FutureDay,
		/// The day is more than `MAX_BACKFILL_DAYS` (365) before today.
		DayTooOld,
		/// The day is more than the upload window's grace days (`UploadGraceDays`) ago.
		UploadGraceOver,
		/// The day's month is closed for uploads (00:00 UTC on the 5th of the next month, a
		/// governance parameter): the official figure is about to become public.
		MonthClosedForUploads,
		/// The day is before the well's activation (less `PreActivationDays`).
		DayBeforeActivation,
		/// An uploaded day of the month has no price and no earlier price to fall back on: the
		/// month can be minted once the oracle has them.
		DayWithoutPrice,
		/// The month was audited already.
		MonthAudited,
		/// A daily volume above the chain's bound.
		VolumeTooLarge,
		/// The batch is empty.
		EmptyBatch,
		/// The month is not over yet.
		MonthNotOver,
		/// Nothing was uploaded for that month.
		NothingUploaded,
		/// The value overflowed (inputs beyond any real well).
		ValueOverflow,
		/// The operator code is empty or has characters other than `A`–`Z` and `0`–`9`.
		InvalidOperatorCode,
		/// The reporting facility code is empty or has characters other than `A`–`Z`, `0`–`9`.
		InvalidFacilityCode,
		/// No well id is left (the registry is full).
		NoWellIdLeft,
		/// A Foundation Manager may not review their own well.
		CannotReviewOwnWell,
		/// This manager already passed this well's review: a pass needs distinct managers.
		AlreadyApproved,
		/// The producer's KYB approval does not record this operator code: a producer registers
		/// only wells it operates.
		NotOperator,
		/// The free balance cannot cover the well's registration deposit.
		InsufficientBalance,
		/// The well changed operator code too often inside the amendment horizon (its history
		/// keeps [`MAX_OPERATOR_CHANGES`] former codes, of which an owner's edits may fill
		/// [`MAX_OWNER_OPERATOR_CHANGES`]): wait until the oldest leaves it.
		TooManyOperatorChanges,
		/// The well has open (unaudited) months: audit them first.
		WellHasOpenMonths,
		/// The well was removed.
		WellRemoved,
		/// The well was not passed (rejected): there is nothing to suspend.
		WellRejected,
		/// The well belongs to that account already.
		SameOwner,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(_n: BlockNumberFor<T>) -> Weight {
			let today = Self::today();
			Self::send_due_notices(today).saturating_add(Self::send_due_reminders(today))
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Producer: submit a well for review. `identifier` is blake2-256 of the regulator's well
		/// identifier (Petrinex `FromToIDIdentifier`); `docs` commits to the licence/location
		/// documents; oil wells give `quality` (API ×100, acidity in basis points), gas wells none;
		/// `operator` is the regulator operator code the well's official rows carry (Petrinex
		/// `OperatorBAID`, e.g. `0045`) and `facility` its reporting facility (Petrinex
		/// `ReportingFacilityID`, e.g. `ABBT0147937`): upper-case letters and digits.
		///
		/// Holds the registration deposit (`WellDeposit`) until the well is removed. The operator
		/// code must be one the producer's KYB approval recorded.
		///
		/// Origin: a signed, active producer. Emits `WellSubmitted`. Errors: `NotProducer` /
		/// `ProducerSuspended` (producers pallet), `UnknownAssetClass`, `AssetClassNotLive`,
		/// `NotAdmittedForClass`, `IdentifierTaken`, `QualityMismatch`, `QualityOutOfRange`,
		/// `InvalidOperatorCode`, `InvalidFacilityCode`, `NotOperator`, `NoWellIdLeft`,
		/// `InsufficientBalance`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::submit_well())]
		pub fn submit_well(
			origin: OriginFor<T>,
			asset_class: AssetClassId,
			commodity: Commodity,
			identifier: Commitment,
			docs: Commitment,
			quality: Option<OilQuality>,
			operator: OperatorCode,
			facility: FacilityCode,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let codes = Self::check_codes(operator, facility)?;
			Self::do_submit_well(who, asset_class, commodity, identifier, docs, quality, codes)
		}

		/// Owner: edit a well's documents, quality, operator code and reporting facility. A
		/// rejected well is resubmitted; an active well goes back to review (it cannot mint until
		/// passed again).
		///
		/// A rejected well gave its identifier up: resubmitting claims it again.
		///
		/// Origin: the well's owner, an active producer. Emits `WellEdited`. Errors:
		/// `NotProducer` / `ProducerSuspended`, `UnknownWell`, `NotOwner`, `CannotEdit`
		/// (suspended or removed), `QualityMismatch`, `QualityOutOfRange`, `InvalidOperatorCode`,
		/// `InvalidFacilityCode`, `NotOperator`, `IdentifierTaken` (a rejected well's identifier
		/// was registered by another well meanwhile).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::edit_well())]
		pub fn edit_well(
			origin: OriginFor<T>,
			well: WellId,
			docs: Commitment,
			quality: Option<OilQuality>,
			operator: OperatorCode,
			facility: FacilityCode,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let codes = Self::check_codes(operator, facility)?;
			Self::do_edit_well(who, well, docs, quality, codes)
		}

		/// Maintainer of the well's asset class: pass (activate) or not pass, with a reason. Not
		/// passing frees the well's identifier (the real operator can register it); the owner may
		/// edit and resubmit, or remove the well to get its deposit back.
		///
		/// A pass of a Foundation class's well activates it once `WellApprovals` distinct
		/// Foundation Managers passed the same well content (owner, documents, quality, codes);
		/// one not-pass rejects it.
		///
		/// Origin: a signed maintainer of the class (a Foundation Manager for Foundation classes),
		/// not the owner. Emits `PassRecorded` (more passes needed), `WellActivated` or
		/// `WellRejected`. Errors: `UnknownWell`, `UnknownAssetClass`, `NotMaintainer`,
		/// `CannotReviewOwnWell`, `NotInReview`, `AlreadyApproved`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::review_well())]
		pub fn review_well(
			origin: OriginFor<T>,
			well: WellId,
			pass: bool,
			reason: ShortText,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_review_well(who, well, pass, reason)
		}

		/// Owner: replace the beneficiaries. Shares sum to at most 100 %; the owner keeps the rest.
		/// Mints split by the list in force when they happen.
		///
		/// Origin: the well's owner. Emits `BeneficiariesSet` (with the owner's remainder).
		/// Errors: `UnknownWell`, `NotOwner`, `ZeroShare`, `DuplicateBeneficiary`,
		/// `SharesExceedHundredPercent`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_beneficiaries(beneficiaries.len() as u32))]
		pub fn set_beneficiaries(
			origin: OriginFor<T>,
			well: WellId,
			beneficiaries: BeneficiariesOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_beneficiaries(who, well, beneficiaries)
		}

		/// Owner: change one beneficiary's share; a share of 0 removes it; a new account is added.
		///
		/// Origin: the well's owner. Emits `BeneficiariesSet` (the whole new list and the owner's
		/// remainder). Errors: `UnknownWell`, `NotOwner`, `NotBeneficiary` (share 0 for an
		/// account that is not one), `DuplicateBeneficiary` (the owner itself),
		/// `SharesExceedHundredPercent`, `TooManyBeneficiaries`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::set_beneficiary_share())]
		pub fn set_beneficiary_share(
			origin: OriginFor<T>,
			well: WellId,
			beneficiary: AccountIdLookupOf<T>,
			share: Perbill,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let beneficiary = T::Lookup::lookup(beneficiary)?;
			Self::do_set_beneficiary_share(who, well, beneficiary, share)
		}

		/// Owner: submit the annual review (fresh chemistry) once the notice was sent (or again
		/// after a rejection). The well joins the Foundation Manager's review queue.
		///
		/// Origin: the well's owner. Emits `AnnualReviewSubmitted`. Errors: `UnknownWell`,
		/// `NotOwner`, `WellNotActive`, `WellSuspended`, `AnnualReviewNotOpen`,
		/// `QualityMismatch`, `QualityOutOfRange`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::submit_annual_review())]
		pub fn submit_annual_review(
			origin: OriginFor<T>,
			well: WellId,
			docs: Commitment,
			quality: Option<OilQuality>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_submit_annual_review(who, well, docs, quality)
		}

		/// Maintainer: pass (validity extended to max(expiry, today) + 365 days, discount
		/// recomputed) or reject (the producer edits and resubmits) an annual review. The owner
		/// gets an `AnnualReviewPassed` / `AnnualReviewRejected` notice.
		///
		/// A pass needs `WellApprovals` distinct Foundation Managers (Foundation classes) of the
		/// same submission; one rejection rejects it.
		///
		/// Origin: a maintainer of the well's asset class (not the owner). Emits `PassRecorded`
		/// (more passes needed), `AnnualReviewPassed` or `AnnualReviewRejected`. Errors:
		/// `UnknownWell`, `UnknownAssetClass`, `NotMaintainer`, `CannotReviewOwnWell`,
		/// `NoAnnualReviewSubmission`, `AlreadyApproved`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::judge_annual_review())]
		pub fn judge_annual_review(
			origin: OriginFor<T>,
			well: WellId,
			pass: bool,
			reason: ShortText,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_judge_annual_review(who, well, pass, reason)
		}

		/// Governance: suspend a well (it cannot upload or mint until reinstated).
		///
		/// Origin: governance. Emits `WellSuspended`. Errors: `UnknownWell`, `WellSuspended`
		/// (already), `WellRemoved`, `WellRejected`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::suspend_well())]
		pub fn suspend_well(
			origin: OriginFor<T>,
			well: WellId,
			reason: ShortText,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_suspend_well(well, reason)
		}

		/// Governance: lift a well's suspension (it returns to review). The owner gets a
		/// `WellReinstated` notice.
		///
		/// Origin: governance. Emits `WellReinstated`. Errors: `UnknownWell`, `NotSuspended`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::reinstate_well())]
		pub fn reinstate_well(origin: OriginFor<T>, well: WellId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_reinstate_well(well)
		}

		/// Owner: record one day's production (litres of oil or m³ of gas) of an active well.
		/// The day must lie in the upload window (`UploadWindow`); a day is recorded once.
		///
		/// Origin: an active producer owning the well. Emits `ProductionUploaded`. Errors:
		/// `NotProducer`, `ProducerSuspended`, `ProducerRevoked` (producers pallet),
		/// `UnknownWell`, `NotOwner`, `WellNotActive`, `WellSuspended`, `FutureDay`,
		/// `DayTooOld`, `UploadGraceOver`, `MonthClosedForUploads`, `DayBeforeActivation`,
		/// `VolumeTooLarge`, `DuplicateDay`, `MonthAudited`.
		#[pallet::call_index(9)]
		#[pallet::weight((T::WeightInfo::upload_batch(1), DispatchClass::Operational))]
		pub fn upload_production(
			origin: OriginFor<T>,
			well: WellId,
			day: Day,
			volume: Volume,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_upload(who, &[(well, day, volume)])?;
			Self::deposit_event(Event::ProductionUploaded { well, day, volume });
			Ok(())
		}

		/// Owner: record many days of many wells at once (all or nothing: the first bad record
		/// fails the whole batch), each record checked as by [`Pallet::upload_production`].
		///
		/// Origin: an active producer owning every well named. Emits `BatchUploaded`. Errors:
		/// `EmptyBatch`, then those of `upload_production`.
		#[pallet::call_index(10)]
		#[pallet::weight((T::WeightInfo::upload_batch(records.len() as u32), DispatchClass::Operational))]
		pub fn upload_batch(origin: OriginFor<T>, records: BatchOf<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(!records.is_empty(), Error::<T>::EmptyBatch);
			Self::do_upload(who.clone(), &records)?;
			Self::deposit_event(Event::BatchUploaded { who, records: records.len() as u32 });
			Ok(())
		}

		/// Remove a well: its identifier is free again, its registration deposit returned to the
		/// owner; its day records, ledgers and audit records stay as history. The owner may remove
		/// a well that is not suspended and has no open months; governance any well, in which
		/// case the well's open months are dropped (they can no longer mint).
		///
		/// Origin: the well's owner (signed) or governance. Emits `WellRemoved`. Errors:
		/// `UnknownWell`, `NotOwner`, `WellRemoved`, `WellSuspended`, `WellHasOpenMonths`.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::remove_well())]
		pub fn remove_well(
			origin: OriginFor<T>,
			well: WellId,
			reason: ShortText,
		) -> DispatchResult {
			let by = match T::GovernanceOrigin::try_origin(origin) {
				Ok(_) => None,
				Err(origin) => Some(ensure_signed(origin)?),
			};
			Self::do_remove_well(by, well, reason)
		}

		/// Governance: transfer a well to another producer (e.g. after a licence transfer). The
		/// records and audits stay with the well; the beneficiaries are cleared (the new owner
		/// sets its own); the registration deposit is returned to the old owner and held from
		/// the new one. `operator` is the well's operator code under its new owner (it must be one
		/// of the new owner's); if it changes, the well goes back to review.
		///
		/// Origin: governance. Emits `WellTransferred`. Errors: `UnknownWell`, `WellRemoved`,
		/// `SameOwner`, `WellHasOpenMonths`, `NotProducer` / `ProducerSuspended`,
		/// `NotAdmittedForClass`, `InvalidOperatorCode`, `NotOperator`, `InsufficientBalance`.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::transfer_well())]
		pub fn transfer_well(
			origin: OriginFor<T>,
			well: WellId,
			new_owner: AccountIdLookupOf<T>,
			operator: OperatorCode,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let new_owner = T::Lookup::lookup(new_owner)?;
			Self::do_transfer_well(well, new_owner, operator)
		}

		/// Governance: add an official asset class maintained by the Foundation or an account.
		/// `commodities` are what its wells may produce; `source` is the official feed of their
		/// production (only `Petrinex` classes get Petrinex figures; `None`: no figures, no mint).
		///
		/// Origin: governance. Emits `AssetClassAdded`. Errors: `InvalidCommodities`.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::add_asset_class())]
		pub fn add_asset_class(
			origin: OriginFor<T>,
			name: ShortText,
			description: LongText,
			maintainer: Maintainer<T::AccountId>,
			data_source: ShortText,
			status: AssetClassStatus,
			commodities: Commodities,
			source: tn_primitives::OfficialSource,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let feed = Self::check_commodities(commodities, source)?;
			Self::do_add_asset_class(
				name,
				description,
				maintainer,
				data_source,
				status,
				true,
				None,
				feed,
			)
		}

		/// Anyone: propose an unofficial asset class (maintained by the proposer), holding the
		/// proposal deposit until governance promotes or retires it; `commodities` and `source`
		/// as for `add_asset_class` (governance checks them before promoting it).
		///
		/// Origin: signed. Emits `AssetClassProposed`. Errors: `InvalidCommodities`, balances'
		/// errors when the deposit cannot be held.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::propose_asset_class())]
		pub fn propose_asset_class(
			origin: OriginFor<T>,
			name: ShortText,
			description: LongText,
			data_source: ShortText,
			commodities: Commodities,
			source: tn_primitives::OfficialSource,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let feed = Self::check_commodities(commodities, source)?;
			Self::do_propose_asset_class(who, name, description, data_source, feed)
		}

		/// Governance: move an asset class to Live or Retired (a proposal's deposit is returned).
		///
		/// Origin: governance. Emits `AssetClassStatusChanged`. Errors: `UnknownAssetClass`,
		/// `InvalidStatusChange`.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::set_asset_class_status())]
		pub fn set_asset_class_status(
			origin: OriginFor<T>,
			class: AssetClassId,
			status: AssetClassStatus,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_asset_class_status(class, status)
		}
	}

	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// A well's record.
		pub fn well(id: WellId) -> Option<WellOf<T>> {
			WellRegistry::<T>::get(id)
		}
		/// A well's ledger for a month.
		pub fn month_ledger(id: WellId, month: Month) -> Option<MonthLedger> {
			Ledgers::<T>::get(id, month)
		}
		/// A well's day records in a month, in day order.
		pub fn month_records(id: WellId, month: Month) -> alloc::vec::Vec<(Day, Volume)> {
			Self::records_in(id, month)
		}
		/// The wells `owner` holds (registered or received), by id (the portal's WellManagement
		/// page): one read of the owner's [`WellsByOwner`] prefix, not a scan of the registry.
		pub fn wells_of(owner: T::AccountId) -> alloc::vec::Vec<(WellId, WellOf<T>)> {
			Self::wells_by_id(WellsByOwner::<T>::iter_key_prefix(owner))
		}
		/// What Foundation Managers have to review, by id: wells in review and annual reviews
		/// submitted (the stored [`ReviewQueue`]).
		pub fn review_queue() -> alloc::vec::Vec<(WellId, WellOf<T>)> {
			Self::wells_by_id(ReviewQueue::<T>::iter_keys())
		}
		/// A well's months with uploads, oldest first.
		pub fn months_of(id: WellId) -> alloc::vec::Vec<(Month, MonthLedger)> {
			let mut v: alloc::vec::Vec<_> = Ledgers::<T>::iter_prefix(id).collect();
			v.sort_by_key(|(m, _)| (m.year, m.month));
			v
		}
		/// The upload window in force: `(grace days, month close days, pre-activation days)`.
		pub fn upload_window() -> (u32, u32, u32) {
			let w = T::UploadWindow::get();
			(w.grace_days, w.close_days, w.pre_activation_days)
		}
	}
}
