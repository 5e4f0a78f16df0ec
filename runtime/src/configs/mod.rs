//! Configuration of every pallet in the runtime.

mod governance;
mod oracle;
pub use governance::*;
pub use oracle::*;

use frame_support::{
	derive_impl, parameter_types,
	traits::{
		fungible::{Balanced, Credit},
		AsEnsureOriginWithArg, ConstBool, ConstU128, ConstU32, ConstU64, ConstU8,
		NeverEnsureOrigin, OnUnbalanced, VariantCountOf,
	},
	weights::{
		constants::{ParityDbWeight, WEIGHT_REF_TIME_PER_SECOND},
		ConstantMultiplier, Weight,
	},
	PalletId,
};
use frame_system::{
	limits::{BlockLength, BlockWeights},
	EnsureRoot, EnsureSignedBy,
};
use pallet_transaction_payment::{FungibleAdapter, Multiplier, TargetedFeeAdjustment};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::{
	traits::{AccountIdConversion, One},
	FixedPointNumber, Perbill, Perquintill,
};
use sp_version::RuntimeVersion;

use super::{
	AccountId, Aura, Balance, Balances, Block, BlockNumber, Hash, KycVerifiers, Nonce, PalletInfo,
	Runtime, RuntimeCall, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason, RuntimeOrigin,
	RuntimeTask, System, Timestamp, EXISTENTIAL_DEPOSIT, MICRO_UNIT, SLOT_DURATION, UNIT, VERSION,
};

const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

/// `share` of `weight`, rounded down in both dimensions (never more than `weight`).
pub fn share_of(share: Perbill, weight: Weight) -> Weight {
	Weight::from_parts(share.mul_floor(weight.ref_time()), share.mul_floor(weight.proof_size()))
}

parameter_types! {
	pub const BlockHashCount: BlockNumber = 2400;
	pub const Version: RuntimeVersion = VERSION;
	/// 2 seconds of compute per 6-second block.
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::with_sensible_defaults(
		Weight::from_parts(2u64 * WEIGHT_REF_TIME_PER_SECOND, u64::MAX),
		NORMAL_DISPATCH_RATIO,
	);
	pub RuntimeBlockLength: BlockLength =
		BlockLength::builder()
		.max_length(5 * 1024 * 1024)
		.modify_max_length_for_class(frame_support::dispatch::DispatchClass::Normal, |m| {
			*m = NORMAL_DISPATCH_RATIO.mul_floor(*m)
		})
		.build();
	pub const SS58Prefix: u16 = super::SS58_PREFIX;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	/// The node stores state in ParityDB.
	type DbWeight = ParityDbWeight;
	/// Feeds must carry usable keys only (see `oracle::UsableFeedsOnly`).
	type BaseCallFilter = oracle::UsableFeedsOnly;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<32>;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<32>;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	type OnTimestampSet = Aura;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = ();
}

impl pallet_balances::Config for Runtime {
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	type ReserveIdentifier = [u8; 8];
	type Balance = Balance;
	type RuntimeEvent = RuntimeEvent;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type DoneSlashHandler = ();
}

// Fees (issue 25, M4: blocks were filled for 0.043 UNIT). A transaction pays
//   base + length × `TransactionByteFee` + multiplier × weight × `WeightFeePerPicosecond`
// (the base is the per-extrinsic weight, priced like any weight). The prices are chosen so that
// filling a block is expensive in both of its dimensions, at the lowest multiplier:
// - length: 0.0001 UNIT per byte, so the normal class's 3,932,160 bytes (75 % of 5 MiB) cost
//   393.216 UNIT and the whole 5 MiB 524.288 UNIT; a 1 MB remark 101.156 UNIT;
// - weight: 0.1 UNIT per millisecond of ref_time (100 planck per picosecond), so the normal
//   class's 1.5 s cost 150 UNIT and the whole 2 s block 200 UNIT. Without it the block could be
//   filled by weight instead: e.g. anyone's (failing) `System::set_code` declares 164 ms of
//   operational weight and cost 0.164 UNIT.
// A transfer costs 0.077 UNIT, an `upload_batch` of 10 days 0.227 UNIT, of 2,500 records
// ≈ 37 UNIT; a feed is refunded (`Pays::No`) but the feeder must hold the fee until dispatch
// (0.42 UNIT for 5 prices, ≈ 14 UNIT for 256 values). Tests: runtime/tests/fees.rs.
parameter_types! {
	/// 0.0001 UNIT per byte of an extrinsic.
	pub const TransactionByteFee: Balance = 100 * MICRO_UNIT;
	/// 100 planck per picosecond of ref_time: 0.1 UNIT per millisecond.
	pub const WeightFeePerPicosecond: Balance = 100;
	/// The congestion multiplier (polkadot's `SlowAdjustingFeeUpdate`): it rises while the
	/// normal class is more than a quarter full (by its scarcer weight dimension) and falls
	/// back below, by at most ~0.0056 % per block (×2.25 a day of full blocks).
	pub const TargetBlockFullness: Perquintill = Perquintill::from_percent(25);
	pub AdjustmentVariable: Multiplier = Multiplier::saturating_from_rational(75, 1_000_000);
	/// Never below the prices above: the length and weight floors hold in a quiet chain too.
	pub MinimumMultiplier: Multiplier = Multiplier::one();
	/// At most 100× the weight price (reached after ~5.7 days of full blocks, which would
	/// cost the spammer ≥ 2.6 × 10⁸ UNIT), so that honest uploads stay payable.
	pub MaximumMultiplier: Multiplier = Multiplier::saturating_from_integer(100);
}

/// The fee multiplier: `TargetedFeeAdjustment` over the normal class's weight (the length price
/// is flat: a block filled with bytes costs 393.216 UNIT whatever the multiplier).
pub type CongestionMultiplier = TargetedFeeAdjustment<
	Runtime,
	TargetBlockFullness,
	AdjustmentVariable,
	MinimumMultiplier,
	MaximumMultiplier,
>;

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type OnChargeTransaction = FungibleAdapter<Balances, ()>;
	/// An operational call (producers' uploads, `Wells::upload_production`/`upload_batch`, and
	/// Root's calls) gets the block's reserved quarter; its priority adds a "virtual tip" of 5×
	/// its own fee, which it pays in full like any call (`ChargeTransactionPayment` prices every
	/// class alike; failing calls pay too): the reserve is bought at the same price per byte and
	/// per millisecond as the normal class, so spamming it costs ≥ 50 UNIT (weight) or
	/// ≥ 131 UNIT (length) per block on top of the normal class.
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightToFee = ConstantMultiplier<Balance, WeightFeePerPicosecond>;
	type LengthToFee = ConstantMultiplier<Balance, TransactionByteFee>;
	type FeeMultiplierUpdate = CongestionMultiplier;
	type WeightInfo = pallet_transaction_payment::weights::SubstrateWeight<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}

// ---------------------------------------------------------------------------------------------
// TAT (pallet-assets) and the oracle.
// ---------------------------------------------------------------------------------------------

/// Asset id of TAT.
pub const TAT_ASSET_ID: u32 = 1;

parameter_types! {
	/// The audit-mint pallet's id; its account owns and issues TAT.
	pub const AuditMintPalletId: PalletId = PalletId(*b"tn/audit");
	/// The Foundation's account: receives slashed deposits and debt repayments.
	pub const FoundationPalletId: PalletId = PalletId(*b"tn/found");
	pub FoundationAccount: AccountId = FoundationPalletId::get().into_account_truncating();
	pub const OraclePalletId: PalletId = PalletId(*b"tn/oracl");
}

/// The account that owns, administers and issues TAT: nothing but the audit-mint pallet can mint.
pub fn tat_issuer() -> AccountId {
	AuditMintPalletId::get().into_account_truncating()
}

impl pallet_assets::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Balance = Balance;
	type RemoveItemsLimit = ConstU32<1000>;
	type AssetId = u32;
	type AssetIdParameter = codec::Compact<u32>;
	type ReserveData = ();
	type Currency = Balances;
	/// TAT is created at genesis; no other asset can be created.
	type CreateOrigin = AsEnsureOriginWithArg<NeverEnsureOrigin<AccountId>>;
	/// No force-origin either: no origin can force-mint or change TAT's issuer through pallet-assets.
	/// (Root stays sovereign: it can upgrade the runtime or dispatch as any account.)
	type ForceOrigin = NeverEnsureOrigin<()>;
	type AssetDeposit = ConstU128<{ 100 * UNIT }>;
	type AssetAccountDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type MetadataDepositBase = ConstU128<UNIT>;
	type MetadataDepositPerByte = ConstU128<{ UNIT / 100 }>;
	type ApprovalDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type StringLimit = ConstU32<50>;
	type Freezer = ();
	type Holder = ();
	type Extra = ();
	type CallbackHandle = ();
	type AssetIdAllocator = ();
	type WeightInfo = pallet_assets::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

// ---------------------------------------------------------------------------------------------
// Treasurenet pallets.
// ---------------------------------------------------------------------------------------------

/// Slashed deposits and debt repayments go to the Foundation account.
pub struct ToFoundation;
impl OnUnbalanced<Credit<AccountId, Balances>> for ToFoundation {
	fn on_nonzero_unbalanced(credit: Credit<AccountId, Balances>) {
		// Resolving into an account can only fail below the existential deposit, in which case
		// the dust is burned.
		let _ = Balances::resolve(&FoundationAccount::get(), credit);
	}
}

impl pallet_producers::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Slashed = ToFoundation;
	type SlashedAccount = FoundationAccount;
	type VerifierOrigin = EnsureSignedBy<KycVerifiers, AccountId>;
	type GovernanceOrigin = EnsureRoot<AccountId>;
	type UnixTime = Timestamp;
	type AssetClasses = pallet_wells::LiveAssetClasses<Runtime>;
	type Wells = crate::Wells;
	type Notices = crate::Notices;
	type ApplicationDeposit = ConstU128<{ 10 * UNIT }>;
	type ApplicationExpiryDays = dynamic_params::producers::ApplicationExpiryDays;
	type MinDepositPerWell = dynamic_params::producers::MinDepositPerWell;
	type UnbondingDays = dynamic_params::producers::UnbondingDays;
	type UnitsPerUsd = dynamic_params::producers::UnitsPerUsd;
	type KybApprovals = dynamic_params::producers::KybApprovals;
	type AmendmentHorizonMonths = dynamic_params::audit::AmendmentHorizonMonths;
	type NativeUnit = ConstU128<UNIT>;
	type MaxExpiriesPerBlock = ConstU32<32>;
	type WeightInfo = pallet_producers::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

impl pallet_wells::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Producers = crate::Producers;
	type Notices = crate::Notices;
	type Prices = OraclePrices;
	type FoundationMembers = crate::FoundationMembership;
	type GovernanceOrigin = EnsureRoot<AccountId>;
	type UnixTime = Timestamp;
	type DiscountRules = dynamic_params::wells::DiscountRules;
	type MmbtuPerE3m3Milli = dynamic_params::wells::MmbtuPerE3m3Milli;
	type ReviewValidityDays = dynamic_params::wells::ReviewValidityDays;
	type ReviewNoticeDays = dynamic_params::wells::ReviewNoticeDays;
	type WellApprovals = dynamic_params::wells::WellApprovals;
	type UploadWindow = UploadWindowParams;
	type AmendmentHorizonMonths = dynamic_params::audit::AmendmentHorizonMonths;
	type ProposalDeposit = ConstU128<{ 100 * UNIT }>;
	// Against squatting identifiers: registering Alberta's ~1,000 busiest wells would hold
	// 100,000 UNIT; returned when the well is removed.
	type WellDeposit = ConstU128<{ 100 * UNIT }>;
	type MaxBeneficiaries = MaxBeneficiaries;
	type MaxBatch = ConstU32<2500>;
	type MaxNoticesPerBlock = ConstU32<32>;
	type WeightInfo = pallet_wells::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::WellsHelper;
}

/// The upload window from its three governance parameters.
pub struct UploadWindowParams;
impl frame_support::traits::Get<tn_primitives::window::UploadWindow> for UploadWindowParams {
	fn get() -> tn_primitives::window::UploadWindow {
		tn_primitives::window::UploadWindow {
			grace_days: dynamic_params::wells::UploadGraceDays::get(),
			close_days: dynamic_params::wells::MonthCloseDays::get(),
			pre_activation_days: dynamic_params::wells::PreActivationDays::get(),
		}
	}
}

parameter_types! {
	/// Beneficiaries per well besides the owner (the original: 9).
	pub const MaxBeneficiaries: u32 = tn_primitives::MAX_BENEFICIARIES;
	pub const TatAssetId: u32 = TAT_ASSET_ID;
}

/// TAT holders with their balances, paged in storage order (hashed account): at most `limit`
/// (1 ..= [`tn_primitives::MAX_PAGE`]) after `after` (`TreasurenetApi::tat_holders`).
pub fn tat_holders(after: Option<AccountId>, limit: u32) -> alloc::vec::Vec<(AccountId, Balance)> {
	type Accounts = pallet_assets::Account<Runtime>;
	let id = TatAssetId::get();
	let holders = match after {
		Some(a) => Accounts::iter_prefix_from(id, Accounts::hashed_key_for(id, a)),
		None => Accounts::iter_prefix(id),
	};
	holders
		.take(tn_primitives::page_len(limit))
		.map(|(who, account)| (who, account.balance))
		.collect()
}

impl pallet_audit_mint::Config for Runtime {
	type Assets = crate::Assets;
	type TatAssetId = TatAssetId;
	type PalletId = AuditMintPalletId;
	type NativeBalance = Balance;
	type Producers = crate::Producers;
	type Wells = crate::Wells;
	type Notices = crate::Notices;
	type Official = OracleOfficial;
	type SlashRatio = dynamic_params::audit::SlashRatio;
	type DeviationBands = dynamic_params::audit::DeviationBands;
	type AuditOverdueDays = dynamic_params::audit::AuditOverdueDays;
	type AmendmentHorizonMonths = dynamic_params::audit::AmendmentHorizonMonths;
	type UnixTime = Timestamp;
	type MaxBeneficiaries = MaxBeneficiaries;
	type WeightInfo = pallet_audit_mint::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::AuditMintHelper;
}

/// Oracle feeders: members of the `OracleFeeders` membership.
impl pallet_oracle::Config for Runtime {
	type OnNewData = AmendmentWatcher;
	// Official figures and prices need k identical reports (k: `MinimumFeeders`, 0 = ⌈2n/3⌉ of
	// the feeder set, never below a strict majority); prices within their governed ranges.
	type CombineData = pallet_oracle_feeds::combine::QuorumCombine<
		Runtime,
		dynamic_params::oracle::MinimumFeeders,
		dynamic_params::oracle::ExpiresInMs,
	>;
	type Time = Timestamp;
	type OracleKey = tn_primitives::feeds::FeedKey;
	type OracleValue = tn_primitives::feeds::FeedValue;
	type PalletId = OraclePalletId;
	#[cfg(not(feature = "runtime-benchmarks"))]
	type Members = crate::OracleFeeders;
	// Measured with the largest feeder set (issue 14 hole 6): see `FullFeederSet`.
	#[cfg(feature = "runtime-benchmarks")]
	type Members = crate::benchmarks::FullFeederSet;
	type WeightInfo = crate::weights::pallet_oracle::WeightInfo<Runtime>;
	type MaxHasDispatchedSize = ConstU32<32>;
	type MaxFeedValues = ConstU32<256>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::OracleHelper;
}

impl pallet_oracle_feeds::Config for Runtime {
	type AuthorityId = pallet_oracle_feeds::crypto::FeederId;
	type Wells = crate::Wells;
	type MaxValuesPerFeed = ConstU32<256>;
	type RawValueExpiryMs = dynamic_params::oracle::ExpiresInMs;
	type PriceBounds = oracle::GovernedPriceRanges;
	type AmendmentHorizonMonths = dynamic_params::audit::AmendmentHorizonMonths;
}

// Offchain workers sign their feeds like any account: the runtime builds the transaction.
impl frame_system::offchain::SigningTypes for Runtime {
	type Public = <crate::Signature as sp_runtime::traits::Verify>::Signer;
	type Signature = crate::Signature;
}

impl<C> frame_system::offchain::CreateTransactionBase<C> for Runtime
where
	RuntimeCall: From<C>,
{
	type Extrinsic = crate::UncheckedExtrinsic;
	type RuntimeCall = RuntimeCall;
}

impl<C> frame_system::offchain::CreateSignedTransaction<C> for Runtime
where
	RuntimeCall: From<C>,
{
	fn create_signed_transaction<
		A: frame_system::offchain::AppCrypto<Self::Public, Self::Signature>,
	>(
		call: RuntimeCall,
		public: Self::Public,
		account: AccountId,
		nonce: Nonce,
	) -> Option<crate::UncheckedExtrinsic> {
		use codec::Encode;
		use sp_runtime::{generic::Era, traits::SaturatedConversion};
		let period = u64::from(BlockHashCount::get())
			.checked_next_power_of_two()
			.map_or(2, |p| p / 2);
		let current = System::block_number().saturated_into::<u64>().saturating_sub(1);
		let extension: crate::TxExtension = (
			frame_system::AuthorizeCall::<Runtime>::new(),
			frame_system::CheckNonZeroSender::<Runtime>::new(),
			frame_system::CheckSpecVersion::<Runtime>::new(),
			frame_system::CheckTxVersion::<Runtime>::new(),
			frame_system::CheckGenesis::<Runtime>::new(),
			frame_system::CheckEra::<Runtime>::from(Era::mortal(period, current)),
			frame_system::CheckNonce::<Runtime>::from(nonce),
			frame_system::CheckWeight::<Runtime>::new(),
			pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(0),
			frame_metadata_hash_extension::CheckMetadataHash::<Runtime>::new(false),
			frame_system::WeightReclaim::<Runtime>::new(),
		);
		let payload = crate::SignedPayload::new(call, extension).ok()?;
		let signature = payload.using_encoded(|bytes| A::sign(bytes, public))?;
		let (call, extension, _) = payload.deconstruct();
		Some(crate::UncheckedExtrinsic::new_signed(call, account.into(), signature, extension))
	}
}

impl pallet_notices::Config for Runtime {
	type UnixTime = Timestamp;
	/// 32 notices per inbox (at most 32 × 145 bytes); the oldest makes room for a new one.
	type MaxNotices = ConstU32<32>;
	type WeightInfo = pallet_notices::weights::SubstrateWeight<Runtime>;
}
