//! # Producers pallet
//!
//! Decides who is a producer and holds the deposit (保证金) that audits slash.
//!
//! ## Onboarding (资质准入)
//! 1. A company opens an application with [`Pallet::apply`], naming an asset class and a
//!    commitment (hash) to its KYB (company) documents. An application deposit
//!    ([`Config::ApplicationDeposit`]) is held while the application is open and is **always
//!    returned** when it ends, however it ends: it only pays for the storage.
//! 2. Members of the KYC-verifier set judge that exact KYB hash ([`Pallet::judge_kyb`]). KYB
//!    passes once [`Config::KybApprovals`] (governance parameter, `production` 2) **distinct**
//!    verifiers, none of them the applicant, approved the same hash with the same operator codes
//!    (a verifier naming other codes than the approvals before is refused: it rejects instead).
//!    One rejection ends the application. While waiting, the applicant may replace its
//!    submission ([`Pallet::submit_kyb`], which drops the approvals recorded so far); a
//!    judgement naming an older hash is refused as stale.
//! 3. After KYB passes, the representative's KYC hash is submitted ([`Pallet::submit_kyc`]) and
//!    judged ([`Pallet::judge_kyc`]). Approval admits the producer; rejection ends the application.
//! 4. An application not admitted within `ApplicationExpiryDays` (governance, default 30) expires.
//!    Expired applications are treated as gone at once and deleted by a bounded per-block queue
//!    (at most [`Config::MaxExpiriesPerBlock`] per block, the rest carried over). The applicant
//!    may also cancel ([`Pallet::cancel_application`]). Every attempt after an ended application
//!    starts from the beginning.
//!
//! Only commitments go on chain: no personal or company data. A commitment binds the submitting
//! account: `blake2-256(salt ‖ account ‖ blake2-256(document))`
//! ([`tn_primitives::commitment::bind`]); the verifier recomputes it with the applicant's account
//! from the document and salt received off chain, so a commitment copied from another
//! application does not match. One KYB commitment admits one account (`KybInUse`).
//!
//! ## Operator codes
//! A KYB approval records the company's regulator operator codes (one code, one account).
//! Governance frees ([`Pallet::free_operator`]) or reassigns ([`Pallet::reassign_operator`]) a
//! code, also a revoked producer's, once none of its holder's wells (other than removed or
//! rejected ones) carries it.
//!
//! ## Deposit
//! [`Pallet::deposit`] puts native tokens on hold ([`HoldReason::ProducerDeposit`]), **repaying
//! debt first**. [`Pallet::withdraw`] releases, never below `MinDepositPerWell × active wells`.
//! Audits slash through [`tn_primitives::traits::DepositSlasher`]: the USD amount is converted at
//! `UnitsPerUsd`, taken from the hold and handed to [`Config::Slashed`]; what the hold cannot cover
//! becomes debt, and minting is refused while there is debt.
#![cfg_attr(not(feature = "std"), no_std)]
// Runtime code never panics: `scripts/lint` denies arithmetic side effects, indexing,
// unwrap/expect and panics in it (tests and benchmarks are not compiled there).

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod functions;
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
		traits::{
			fungible::{Balanced, BalancedHold, Credit, Inspect, Mutate, MutateHold},
			Contains, OnUnbalanced, UnixTime,
		},
	};
	use frame_system::pallet_prelude::*;
	use sp_arithmetic::FixedU128;
	use sp_runtime::traits::StaticLookup;
	use tn_primitives::{
		traits::ActiveWellCount, Commitment, Day, Month, OperatorCode, OperatorCodes,
	};

	/// Balance of the native token.
	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
	/// A page of [`Pallet::pending_applications`]: the waiting applications and the applicant to
	/// continue after (`None`: the end).
	pub type PendingPage<T> = (
		alloc::vec::Vec<(<T as frame_system::Config>::AccountId, Application<BalanceOf<T>>)>,
		Option<<T as frame_system::Config>::AccountId>,
	);
	/// An account parameter as Polkadot.js Apps offers it (an address or an index).
	pub type AccountIdLookupOf<T> = <<T as frame_system::Config>::Lookup as StaticLookup>::Source;
	/// Imbalance produced by a slash.
	pub type CreditOf<T> = Credit<<T as frame_system::Config>::AccountId, <T as Config>::Currency>;

	/// The in-code storage version: a layout change bumps it with a
	/// `frame_support::migrations::VersionedMigration` (see pallet-wells' `migration` module).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Reasons this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The producer's slashable deposit (保证金).
		ProducerDeposit,
		/// Held while an application is open; always returned when it ends.
		Application,
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
			type MaxExpiriesPerBlock = ConstU32<2>;
			type WeightInfo = ();
		}
	}

	#[pallet::config(with_default)]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The native currency, with holds.
		#[pallet::no_default]
		type Currency: Inspect<Self::AccountId>
			+ Mutate<Self::AccountId>
			+ Balanced<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ BalancedHold<Self::AccountId>;
		/// The overarching hold reason.
		#[pallet::no_default]
		type RuntimeHoldReason: From<HoldReason>;
		/// Receives slashed deposits and debt repayments (e.g. the Foundation account).
		#[pallet::no_default]
		type Slashed: OnUnbalanced<CreditOf<Self>>;
		/// The account [`Config::Slashed`] pays into; a slash that an amended official figure
		/// removes is returned from it (the Foundation account on the chain).
		#[pallet::no_default]
		type SlashedAccount: Get<Self::AccountId>;
		/// A member of the KYC-verifier set; yields the verifier's account.
		#[pallet::no_default]
		type VerifierOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Self::AccountId>;
		/// Governance (Root, i.e. a passed referendum): suspends, reinstates and revokes.
		#[pallet::no_default]
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Wall-clock time (the block timestamp), for application expiry.
		#[pallet::no_default]
		type UnixTime: UnixTime;
		/// Asset classes that accept applications.
		#[pallet::no_default]
		type AssetClasses: Contains<AssetClassId>;
		/// Active wells per producer, for the deposit floor.
		#[pallet::no_default]
		type Wells: ActiveWellCount<Self::AccountId>;
		/// Where judgements, expiries and status changes are told to the account (its inbox).
		type Notices: tn_primitives::Notify<Self::AccountId>;
		/// Held from an applicant while its application is open.
		#[pallet::constant]
		#[pallet::no_default]
		type ApplicationDeposit: Get<BalanceOf<Self>>;
		/// Days an application may stay unfinished (governance parameter, default 30).
		#[pallet::no_default]
		type ApplicationExpiryDays: Get<u32>;
		/// Deposit a producer must keep per active well (governance parameter, default 0).
		#[pallet::no_default]
		type MinDepositPerWell: Get<BalanceOf<Self>>;
		/// Days a withdrawn deposit stays held (and slashable) before it can be claimed
		/// (governance parameter, default 28; 0 releases at once).
		#[pallet::no_default]
		type UnbondingDays: Get<u32>;
		/// Native tokens (whole UNITs) per USD for slashes (governance parameter, default 1).
		#[pallet::no_default]
		type UnitsPerUsd: Get<FixedU128>;
		/// Distinct verifiers whose approvals of the same KYB commitment and operator codes pass
		/// KYB (governance parameter, `production` 2; taken within 1 ..=
		/// [`tn_primitives::commitment::MAX_APPROVALS`]).
		#[pallet::no_default]
		type KybApprovals: Get<u32>;
		/// Months an audited month stays amendable (governance parameter, default 24): a
		/// withdrawal unlocks no earlier than the day the producer's last audited month leaves
		/// it (issue 25, H2).
		#[pallet::no_default]
		type AmendmentHorizonMonths: Get<u32>;
		/// One whole native token in base units (10¹² for UNIT).
		#[pallet::constant]
		#[pallet::no_default]
		type NativeUnit: Get<BalanceOf<Self>>;
		/// Most expired applications deleted per block.
		#[pallet::constant]
		type MaxExpiriesPerBlock: Get<u32>;
		/// Weights from the benchmarks.
		type WeightInfo: WeightInfo;
		/// A valid asset class for benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		#[pallet::no_default]
		type BenchmarkHelper: crate::benchmarking::BenchmarkHelper;
	}

	/// Open applications by applicant.
	#[pallet::storage]
	pub type Applications<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Application<BalanceOf<T>>>;

	/// Admitted producers.
	#[pallet::storage]
	pub type ProducerRecords<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Producer<BalanceOf<T>>>;

	/// Deposit on its way out of each producer's hold (see [`Pallet::withdraw`]).
	#[pallet::storage]
	pub type UnbondingOf<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Unbonding<BalanceOf<T>>>;

	/// The latest month audited for each producer (set by the audit; a licence transfer keeps
	/// it with the producer the month was audited for): while it is inside the amendment
	/// horizon, an amendment may still slash, so withdrawals stay unbonding (issue 25, H2).
	#[pallet::storage]
	pub type LastAudited<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, Month>;

	/// The account admitted with each KYB commitment: one company, one producer account.
	#[pallet::storage]
	pub type KybOwners<T: Config> = StorageMap<_, Identity, Commitment, T::AccountId>;

	/// The regulator operator codes (Petrinex `OperatorBAID`) each applicant's KYB approval
	/// recorded: an admitted producer registers only wells of these operators.
	#[pallet::storage]
	pub type OperatorsOf<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, OperatorCodes>;

	/// Operator code → the account whose KYB approval recorded it: one operator, one producer
	/// account (salted KYB commitments differ per account; the public operator code does not).
	#[pallet::storage]
	pub type OperatorOwners<T: Config> =
		StorageMap<_, Blake2_128Concat, OperatorCode, T::AccountId>;

	/// KYB approvals recorded for an applicant while more are needed ([`Config::KybApprovals`]):
	/// the approved commitment, the operator codes and the verifiers so far. Deleted when KYB
	/// passes or the application ends, and when the applicant replaces its KYB submission.
	#[pallet::storage]
	pub type KybApprovalsOf<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, KybTally<T::AccountId>>;

	/// Expiry queue: (expiry day, applicant). Drained in order by `on_initialize`.
	#[pallet::storage]
	pub type ExpiryQueue<T: Config> =
		StorageDoubleMap<_, Twox64Concat, Day, Blake2_128Concat, T::AccountId, ()>;

	/// The earliest day whose expiry queue may still hold entries.
	#[pallet::storage]
	pub type ExpiryCursor<T: Config> = StorageValue<_, Day, OptionQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An application was opened with a KYB submission.
		ApplicationOpened {
			applicant: T::AccountId,
			asset_class: AssetClassId,
			kyb: Commitment,
			expires: Day,
		},
		/// The applicant replaced its pending KYB submission.
		KybSubmitted { applicant: T::AccountId, kyb: Commitment },
		/// A verifier approved the KYB submission `kyb` with `operators`: approval `approvals` of
		/// the `needed` distinct verifiers KYB needs (`KybApproved` follows the last one).
		KybApprovalRecorded {
			applicant: T::AccountId,
			verifier: T::AccountId,
			kyb: Commitment,
			operators: OperatorCodes,
			approvals: u32,
			needed: u32,
		},
		/// The KYB submission `kyb` passed (`verifier`: the approval that completed it).
		KybApproved {
			applicant: T::AccountId,
			verifier: T::AccountId,
			kyb: Commitment,
			operators: OperatorCodes,
		},
		/// A verifier rejected the KYB submission `kyb`; the application ended.
		KybRejected { applicant: T::AccountId, verifier: T::AccountId, kyb: Commitment },
		/// The representative's KYC was submitted (or replaced).
		KycSubmitted { applicant: T::AccountId, kyc: Commitment },
		/// A verifier rejected the KYC submission `kyc`; the application ended.
		KycRejected { applicant: T::AccountId, verifier: T::AccountId, kyc: Commitment },
		/// KYC passed: `producer` is admitted.
		ProducerAdmitted {
			producer: T::AccountId,
			verifier: T::AccountId,
			asset_class: AssetClassId,
			kyb: Commitment,
			kyc: Commitment,
		},
		/// The applicant cancelled its application.
		ApplicationCancelled { applicant: T::AccountId },
		/// The application passed its expiry day unfinished and was deleted.
		ApplicationExpired { applicant: T::AccountId },
		/// Governance suspended a producer.
		ProducerSuspended { producer: T::AccountId, reason: Reason },
		/// Governance lifted a suspension.
		ProducerReinstated { producer: T::AccountId },
		/// Governance revoked a producer.
		ProducerRevoked { producer: T::AccountId, reason: Reason },
		/// Governance freed the operator code `operator` from `holder`: another account's KYB
		/// approval may record it.
		OperatorFreed { operator: OperatorCode, holder: T::AccountId },
		/// Governance moved the operator code `operator` from `from` to the producer `to`.
		OperatorReassigned { operator: OperatorCode, from: T::AccountId, to: T::AccountId },
		/// `repaid` went to debt and `held` onto the deposit; balances after.
		Deposited {
			producer: T::AccountId,
			repaid: BalanceOf<T>,
			held: BalanceOf<T>,
			deposit: BalanceOf<T>,
			debt: BalanceOf<T>,
		},
		/// `amount` was released from the deposit; balance after.
		Withdrawn { producer: T::AccountId, amount: BalanceOf<T>, deposit: BalanceOf<T> },
		/// `amount` left the deposit and unbonds until `unlocks` (`unbonding` in total); still
		/// held and slashable until claimed with `claim_unbonded`.
		Unbonding {
			producer: T::AccountId,
			amount: BalanceOf<T>,
			unbonding: BalanceOf<T>,
			unlocks: Day,
			deposit: BalanceOf<T>,
		},
		/// An audit slashed `usd` (atto-USD) = `due` native: `slashed` from the hold, `new_debt` as
		/// debt; balances after.
		Slashed {
			producer: T::AccountId,
			usd: u128,
			due: BalanceOf<T>,
			slashed: BalanceOf<T>,
			new_debt: BalanceOf<T>,
			deposit: BalanceOf<T>,
			debt: BalanceOf<T>,
		},
		/// An amended official figure removed (part of) an audit's slash: `debt_cancelled` came
		/// off the debt, `returned` from [`Config::SlashedAccount`] onto the held deposit,
		/// `unpaid` could not be returned (that account lacked the funds); balances after.
		SlashRefunded {
			producer: T::AccountId,
			debt_cancelled: BalanceOf<T>,
			returned: BalanceOf<T>,
			unpaid: BalanceOf<T>,
			deposit: BalanceOf<T>,
			debt: BalanceOf<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The caller already has an open application.
		ApplicationExists,
		/// The caller is already a producer.
		AlreadyProducer,
		/// No open application for this account.
		NoApplication,
		/// The application passed its expiry day; start again with `apply`.
		ApplicationExpired,
		/// The asset class does not accept applications.
		UnknownAssetClass,
		/// The application is not waiting for a KYB judgement (KYB already judged).
		NotAwaitingKyb,
		/// KYC may only be submitted after KYB passes.
		KybNotApproved,
		/// The application is not waiting for a KYC judgement.
		NotAwaitingKycJudgement,
		/// The judged hash is not the current submission (it changed since).
		StaleSubmission,
		/// A verifier may not judge their own application.
		CannotJudgeOwnApplication,
		/// A producer was admitted with this KYB commitment already (one company, one account).
		KybInUse,
		/// A KYB approval must record at least one operator code.
		NoOperatorCode,
		/// An operator code is empty or has characters other than `A`–`Z` and `0`–`9`.
		InvalidOperatorCode,
		/// An operator code is listed twice.
		DuplicateOperatorCode,
		/// Another account's KYB approval recorded this operator code (one operator, one
		/// producer account).
		OperatorInUse,
		/// The approval names other operator codes than the approvals recorded before it (a
		/// verifier who disagrees rejects the application instead).
		OperatorsDiffer,
		/// This verifier already approved this KYB submission: KYB needs distinct verifiers.
		AlreadyApproved,
		/// No account holds this operator code.
		UnknownOperator,
		/// A well of the code's holder (not removed or rejected) still carries this operator
		/// code: transfer or remove it first.
		OperatorUsedByWells,
		/// The code's holder has more wells than the call's `wells` witness.
		WellWitnessTooLow,
		/// The operator code is already the target account's.
		SameHolder,
		/// The target account already holds the most operator codes a producer may have.
		TooManyOperatorCodes,
		/// The held deposit is below `MinDepositPerWell × active wells`: deposit before minting.
		DepositBelowRequirement,
		/// The account is not a producer.
		NotProducer,
		/// The producer is suspended.
		ProducerSuspended,
		/// The producer is revoked.
		ProducerRevoked,
		/// The producer has unpaid slash debt; deposit first.
		ProducerInDebt,
		/// The producer is not suspended.
		NotSuspended,
		/// Amount must be non-zero.
		ZeroAmount,
		/// Not enough free balance.
		InsufficientBalance,
		/// Withdrawal exceeds the deposit.
		InsufficientDeposit,
		/// Withdrawal would leave less than `MinDepositPerWell × active wells`.
		BelowMinimumDeposit,
		/// No deposit is unbonding.
		NothingUnbonding,
		/// The unbonding deposit's unlock day has not come yet.
		StillUnbonding,
		/// The producer's last audited month is still inside the amendment horizon: an
		/// amendment may still slash what is unbonding (it unlocks on the day it leaves).
		StillAmendable,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(_n: BlockNumberFor<T>) -> Weight {
			Self::expire_due(Self::today())
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Open an application to become a producer of `asset_class`, submitting the commitment
		/// (blake2-256) of the company's KYB documents. Holds the application deposit, which is
		/// returned whenever the application ends. An expired application of the caller is
		/// replaced.
		///
		/// Origin: any signed account that is not a producer. Emits `ApplicationOpened` (after
		/// `ApplicationExpired` when an expired application is replaced). Errors:
		/// `AlreadyProducer`, `KybInUse`, `UnknownAssetClass`, `ApplicationExists`,
		/// `InsufficientBalance`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::apply())]
		pub fn apply(
			origin: OriginFor<T>,
			asset_class: AssetClassId,
			kyb: Commitment,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_apply(who, asset_class, kyb)
		}

		/// Replace the pending KYB submission with a new commitment (before it is judged).
		/// A judgement naming the old hash will be refused as stale; approvals recorded for the
		/// old one are dropped.
		///
		/// Origin: the applicant. Emits `KybSubmitted`. Errors: `NoApplication`,
		/// `ApplicationExpired`, `NotAwaitingKyb`, `KybInUse`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::submit_kyb())]
		pub fn submit_kyb(origin: OriginFor<T>, kyb: Commitment) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_submit_kyb(who, kyb)
		}

		/// KYC verifier: record the judgement of `applicant`'s KYB submission `kyb`.
		/// `approve = false` ends the application (one rejection suffices). An approval names the
		/// company's regulator operator codes `operators` as the verifier found them in the KYB
		/// documents (Alberta: Petrinex `OperatorBAID`, public data, e.g. `0045`); KYB passes
		/// once `KybApprovals` distinct verifiers approved the same `kyb` with the same codes
		/// (in any order), and the codes are then recorded: the producer may register only wells
		/// of these operators. A rejection ignores `operators`. Before approving, the verifier
		/// recomputes `kyb` from the documents and salt received off chain **with the
		/// applicant's account** (`tn_primitives::commitment::bind`).
		///
		/// Origin: a KYC verifier (not the applicant). Emits `KybApprovalRecorded` (more
		/// approvals needed), `KybApproved` (with the codes) or `KybRejected`. Errors:
		/// `CannotJudgeOwnApplication`, `NoApplication`, `ApplicationExpired`, `NotAwaitingKyb`,
		/// `StaleSubmission`, `NoOperatorCode`, `InvalidOperatorCode`, `DuplicateOperatorCode`,
		/// `OperatorInUse`, `OperatorsDiffer`, `AlreadyApproved`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::judge_kyb())]
		pub fn judge_kyb(
			origin: OriginFor<T>,
			applicant: AccountIdLookupOf<T>,
			kyb: Commitment,
			approve: bool,
			operators: OperatorCodes,
		) -> DispatchResult {
			let verifier = T::VerifierOrigin::ensure_origin(origin)?;
			let applicant = T::Lookup::lookup(applicant)?;
			Self::do_judge_kyb(verifier, applicant, kyb, approve, operators)
		}

		/// Submit (or replace, before judgement) the commitment of the representative's KYC
		/// documents. Only after KYB has passed.
		///
		/// Origin: the applicant. Emits `KycSubmitted`. Errors: `NoApplication`,
		/// `ApplicationExpired`, `KybNotApproved`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::submit_kyc())]
		pub fn submit_kyc(origin: OriginFor<T>, kyc: Commitment) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_submit_kyc(who, kyc)
		}

		/// KYC verifier: record the judgement of `applicant`'s KYC submission `kyc`.
		/// `approve = true` admits the producer; `false` ends the application. Either way the
		/// applicant gets a `KycJudged` notice and the application deposit back.
		///
		/// Origin: a KYC verifier (not the applicant). Emits `ProducerAdmitted` or
		/// `KycRejected`. Errors: `CannotJudgeOwnApplication`, `NoApplication`,
		/// `ApplicationExpired`, `NotAwaitingKycJudgement`, `StaleSubmission`, `KybInUse`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::judge_kyc())]
		pub fn judge_kyc(
			origin: OriginFor<T>,
			applicant: AccountIdLookupOf<T>,
			kyc: Commitment,
			approve: bool,
		) -> DispatchResult {
			let verifier = T::VerifierOrigin::ensure_origin(origin)?;
			let applicant = T::Lookup::lookup(applicant)?;
			Self::do_judge_kyc(verifier, applicant, kyc, approve)
		}

		/// Cancel the caller's application (also an expired one). Nothing is kept; the
		/// application deposit is returned.
		///
		/// Origin: the applicant. Emits `ApplicationCancelled`. Errors: `NoApplication`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::cancel_application())]
		pub fn cancel_application(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_cancel(who)
		}

		/// Producer: put `amount` of the native token towards the deposit. Outstanding debt is
		/// repaid first (sent to the slash destination); the rest is held as deposit.
		///
		/// Origin: a producer (also a suspended or revoked one: debt can always be repaid).
		/// Emits `Deposited`. Errors: `ZeroAmount`, `NotProducer`, `InsufficientBalance`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::deposit())]
		pub fn deposit(
			origin: OriginFor<T>,
			#[pallet::compact] amount: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_deposit(who, amount)
		}

		/// Producer: take `amount` out of the deposit. It unbonds (still held and slashable,
		/// e.g. by a settlement) until `UnbondingDays` from now or the day the producer's last
		/// audited month leaves the amendment horizon, whichever is later (issue 25, H2); then
		/// [`Pallet::claim_unbonded`] releases it. With 0 days and no audited month inside the
		/// horizon it is released at once. The deposit may not fall below
		/// `MinDepositPerWell × (active wells + open months)` (the open months are uploads not yet
		/// audited: each may still be slashed; a revoked producer keeps the open months' part);
		/// a suspended producer cannot withdraw.
		///
		/// Emits `Unbonding` (or `Withdrawn` with no delay). Errors: `ZeroAmount`, `NotProducer`,
		/// `ProducerSuspended`, `InsufficientDeposit`, `BelowMinimumDeposit`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::withdraw())]
		pub fn withdraw(
			origin: OriginFor<T>,
			#[pallet::compact] amount: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw(who, amount)
		}

		/// Producer: release the unbonded deposit once its unlock day has come and its last
		/// audited month has left the amendment horizon (with the horizon in force now).
		///
		/// Emits `Withdrawn`. Errors: `NotProducer`, `ProducerSuspended` (under investigation:
		/// it stays held), `NothingUnbonding`, `StillUnbonding`, `StillAmendable`.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::claim_unbonded())]
		pub fn claim_unbonded(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_claim_unbonded(who)
		}

		/// Governance: suspend an active producer (it cannot add wells, upload, mint or
		/// withdraw) while it is investigated. The producer gets a `ProducerSuspended` notice.
		///
		/// Origin: `GovernanceOrigin`. Emits `ProducerSuspended`. Errors: `NotProducer`,
		/// `ProducerSuspended`, `ProducerRevoked`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::suspend())]
		pub fn suspend(
			origin: OriginFor<T>,
			producer: AccountIdLookupOf<T>,
			reason: Reason,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let producer = T::Lookup::lookup(producer)?;
			Self::do_suspend(producer, reason)
		}

		/// Governance: lift a suspension. The producer gets a `ProducerReinstated` notice.
		///
		/// Origin: `GovernanceOrigin`. Emits `ProducerReinstated`. Errors: `NotProducer`,
		/// `NotSuspended`, `ProducerRevoked`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::reinstate())]
		pub fn reinstate(origin: OriginFor<T>, producer: AccountIdLookupOf<T>) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let producer = T::Lookup::lookup(producer)?;
			Self::do_reinstate(producer)
		}

		/// Governance: revoke a producer for good (also a suspended one). Its deposit stays
		/// withdrawable. The producer gets a `ProducerRevoked` notice.
		///
		/// Origin: `GovernanceOrigin`. Emits `ProducerRevoked`. Errors: `NotProducer`,
		/// `ProducerRevoked`.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::revoke())]
		pub fn revoke(
			origin: OriginFor<T>,
			producer: AccountIdLookupOf<T>,
			reason: Reason,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let producer = T::Lookup::lookup(producer)?;
			Self::do_revoke(producer, reason)
		}

		/// Governance: free the operator code `operator` from the account holding it (also a
		/// revoked producer or an applicant): another company's KYB approval may then record it.
		/// Refused while a well of the holder that is not removed or rejected carries the code
		/// (those wells would keep the operator's official rows): transfer or remove them first.
		/// `wells` is a witness: at least the number of wells the holder has registered (any
		/// status); the weight is charged for it.
		///
		/// Origin: `GovernanceOrigin`. Emits `OperatorFreed`. Errors: `UnknownOperator`,
		/// `WellWitnessTooLow`, `OperatorUsedByWells`.
		#[pallet::call_index(12)]
		#[pallet::weight(
			T::WeightInfo::free_operator().saturating_add(Pallet::<T>::well_scan_weight(*wells))
		)]
		pub fn free_operator(
			origin: OriginFor<T>,
			operator: OperatorCode,
			wells: u32,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_free_operator(operator, wells)
		}

		/// Governance: move the operator code `operator` from the account holding it to the
		/// admitted producer `to` (e.g. the company's new account), under the same condition as
		/// [`Pallet::free_operator`]: no well of the holder that is not removed or rejected
		/// carries it. `wells` is the witness of the holder's wells (any status).
		///
		/// Origin: `GovernanceOrigin`. Emits `OperatorReassigned`. Errors: `UnknownOperator`,
		/// `SameHolder`, `NotProducer`, `ProducerRevoked`, `TooManyOperatorCodes`,
		/// `WellWitnessTooLow`, `OperatorUsedByWells`.
		#[pallet::call_index(13)]
		#[pallet::weight(
			T::WeightInfo::reassign_operator().saturating_add(Pallet::<T>::well_scan_weight(*wells))
		)]
		pub fn reassign_operator(
			origin: OriginFor<T>,
			operator: OperatorCode,
			to: AccountIdLookupOf<T>,
			wells: u32,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let to = T::Lookup::lookup(to)?;
			Self::do_reassign_operator(operator, to, wells)
		}
	}

	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// The open application of `who`, if any (expired ones included until deleted).
		pub fn application_of(who: T::AccountId) -> Option<Application<BalanceOf<T>>> {
			Applications::<T>::get(who)
		}
		/// The producer record of `who`, if admitted.
		pub fn producer_of(who: T::AccountId) -> Option<Producer<BalanceOf<T>>> {
			ProducerRecords::<T>::get(who)
		}
		/// Live (unexpired) applications waiting for a verifier's judgement (the verifiers'
		/// page), paged in storage order (by hashed applicant): at most `limit`
		/// (1 ..= [`tn_primitives::MAX_PAGE`]) after the application of `after` (`None`: from the
		/// first). A page stops after `limit` scanned applications, waiting or not, so each read
		/// is bounded; an empty page with `next = None` is the end. Returns the page and the key
		/// to continue after.
		pub fn pending_applications(after: Option<T::AccountId>, limit: u32) -> PendingPage<T> {
			Self::pending_page(after, limit)
		}
		/// The operator codes `who`'s KYB approval recorded (empty before it).
		pub fn operators_of(who: T::AccountId) -> alloc::vec::Vec<OperatorCode> {
			OperatorsOf::<T>::get(who).map(|c| c.into_inner()).unwrap_or_default()
		}
		/// Deposit unbonding for `who`, if any.
		pub fn unbonding_of(who: T::AccountId) -> Option<Unbonding<BalanceOf<T>>> {
			UnbondingOf::<T>::get(who)
		}
		/// The KYB approvals recorded for `who`'s application while more are needed (the
		/// commitment, the operator codes and the verifiers so far), and how many KYB needs.
		pub fn kyb_approvals_of(who: T::AccountId) -> (Option<KybTally<T::AccountId>>, u32) {
			(
				KybApprovalsOf::<T>::get(who),
				tn_primitives::commitment::approvals_needed(T::KybApprovals::get()),
			)
		}
	}
}
