//! Governance: democracy referenda (Root), the Foundation collective and memberships, and the
//! rule parameters in pallet-parameters, which only Root — a passed referendum — can change.

use frame_support::{
	dynamic_params::{dynamic_pallet_params, dynamic_params},
	parameter_types,
	traits::{AsEnsureOriginWithArg, ConstBool, ConstU32, EitherOfDiverse, EqualPrivilegeOnly},
	weights::Weight,
};
use frame_system::{EnsureRoot, EnsureSigned};
use sp_runtime::Perbill;

use super::RuntimeBlockWeights;
use crate::{
	AccountId, Balance, Balances, BlockNumber, Foundation, Oracle, OriginCaller, Preimage, Runtime,
	RuntimeCall, RuntimeEvent, RuntimeOrigin, Scheduler, System, DAYS, HOURS, MINUTES, UNIT,
};

/// The rule parameters of the chain. Each has the seed's default; only Root (a democracy
/// referendum, or sudo on dev/local chains) changes them through `parameters.setParameter`.
#[dynamic_params(RuntimeParameters, pallet_parameters::Parameters::<Runtime>)]
pub mod dynamic_params {
	use super::*;

	/// Producer onboarding and deposit.
	#[dynamic_pallet_params]
	#[codec(index = 0)]
	pub mod producers {
		/// Days an application may stay unfinished before it expires.
		#[codec(index = 0)]
		pub static ApplicationExpiryDays: u32 = 30;
		/// Deposit (native base units) a producer must keep per active well: 5,000 UNIT, about
		/// twice the largest slash of a month of a 100 bbl/day well at $70 (1 % of $210,000 =
		/// $2,100 at 1 UNIT/USD). Dev/local presets start it at 0 for demos.
		#[codec(index = 1)]
		pub static MinDepositPerWell: crate::Balance = 5_000 * UNIT;
		/// Native UNITs per USD when converting slashes.
		#[codec(index = 2)]
		pub static UnitsPerUsd: sp_arithmetic::FixedU128 = sp_arithmetic::FixedU128::from_u32(1);
		/// Days a withdrawn deposit stays held and slashable before it can be claimed: four
		/// weeks, longer than a month's close (5th) plus the time to audit and settle it.
		#[codec(index = 3)]
		pub static UnbondingDays: u32 = 28;
	}

	/// Wells: oil discount table, gas energy factor, annual review.
	#[dynamic_pallet_params]
	#[codec(index = 1)]
	pub mod wells {
		/// API/acidity thresholds and the four discount tiers (validated on decode).
		#[codec(index = 0)]
		pub static DiscountRules: tn_primitives::DiscountRules =
			tn_primitives::DiscountRules::DEFAULT;
		/// MMBtu per e³m³ of gas, ×1000 (36.585).
		#[codec(index = 1)]
		pub static MmbtuPerE3m3Milli: u32 = tn_primitives::DEFAULT_MMBTU_PER_E3M3_MILLI;
		/// Days a review keeps a well valid.
		#[codec(index = 2)]
		pub static ReviewValidityDays: u32 = 365;
		/// Days after activation (or the last review) when the annual-review notice is sent.
		#[codec(index = 3)]
		pub static ReviewNoticeDays: u32 = 360;
		/// Days after a day during which its production may be uploaded (production: 3).
		#[codec(index = 4)]
		pub static UploadGraceDays: u32 =
			tn_primitives::window::UploadWindow::PRODUCTION.grace_days;
		/// A month closes for uploads at 00:00 UTC this many days after the first day of the next
		/// month (production: 4, i.e. the 5th).
		#[codec(index = 5)]
		pub static MonthCloseDays: u32 = tn_primitives::window::UploadWindow::PRODUCTION.close_days;
		/// Days before a well's activation that may still be uploaded (production: 0).
		#[codec(index = 6)]
		pub static PreActivationDays: u32 =
			tn_primitives::window::UploadWindow::PRODUCTION.pre_activation_days;
	}

	/// The audit table.
	#[dynamic_pallet_params]
	#[codec(index = 2)]
	pub mod audit {
		/// Share of the (corrected) value slashed, scaled by the deviation band.
		#[codec(index = 0)]
		pub static SlashRatio: sp_runtime::Perbill = sp_runtime::Perbill::from_percent(1);
		/// Deviation bands 10 % / 30 % (validated on decode: minor ≤ major).
		#[codec(index = 1)]
		pub static DeviationBands: tn_primitives::DeviationBands =
			tn_primitives::DeviationBands::DEFAULT;
	}

	/// Oracle aggregation.
	#[dynamic_pallet_params]
	#[codec(index = 3)]
	pub mod oracle {
		/// Feeders that must report the identical official figure (prices: the median of at least
		/// this many) before a value counts; 0 = ⌈2n/3⌉ of the feeder set (the default).
		#[codec(index = 0)]
		pub static MinimumFeeders: u32 = 0;
		/// Milliseconds a raw feed stays valid for the median.
		#[codec(index = 1)]
		pub static ExpiresInMs: u64 = 3 * 24 * 60 * 60 * 1000;
		/// WTI (RWTC) prices outside this range (micro-USD per bbl, inclusive) never count
		/// (issue 25, C1): −$100 … $500 by default.
		#[codec(index = 2)]
		pub static WtiRange: tn_primitives::feeds::PriceRange =
			tn_primitives::feeds::PriceRange::WTI;
		/// Henry Hub (RNGWHHD) prices outside this range (micro-USD per MMBtu, inclusive) never
		/// count: −$10 … $100 by default.
		#[codec(index = 3)]
		pub static HenryHubRange: tn_primitives::feeds::PriceRange =
			tn_primitives::feeds::PriceRange::HENRY_HUB;
	}

	/// Democracy periods (blocks). Production values here; dev/local genesis shortens them.
	#[dynamic_pallet_params]
	#[codec(index = 4)]
	pub mod democracy {
		/// How often new public referenda are launched.
		#[codec(index = 0)]
		pub static LaunchPeriod: crate::BlockNumber = 7 * crate::DAYS;
		/// How long a referendum is open for votes.
		#[codec(index = 1)]
		pub static VotingPeriod: crate::BlockNumber = 7 * crate::DAYS;
		/// Voting period of a fast-tracked referendum.
		#[codec(index = 2)]
		pub static FastTrackVotingPeriod: crate::BlockNumber = 3 * crate::HOURS;
		/// Delay between a passed referendum and its enactment.
		#[codec(index = 3)]
		pub static EnactmentPeriod: crate::BlockNumber = 2 * crate::DAYS;
		/// Period a vetoed proposal may not be re-submitted.
		#[codec(index = 4)]
		pub static CooloffPeriod: crate::BlockNumber = 7 * crate::DAYS;
		/// Minimum lock period of a winning vote (× conviction).
		#[codec(index = 5)]
		pub static VoteLockingPeriod: crate::BlockNumber = 7 * crate::DAYS;
		/// Minimum deposit of a public proposal.
		#[codec(index = 6)]
		pub static MinimumDeposit: crate::Balance = 100 * crate::UNIT;
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl Default for RuntimeParameters {
	fn default() -> Self {
		RuntimeParameters::Audit(dynamic_params::audit::Parameters::SlashRatio(
			dynamic_params::audit::SlashRatio,
			Some(Perbill::from_percent(1)),
		))
	}
}

parameter_types! {
	/// Democracy periods of dev/local chains: a proposal launches within 5 blocks, is voted for
	/// 8 blocks and enacted 2 blocks later (≤ 15 blocks = 90 s), fast-track votes last 5 blocks.
	pub FastGovernance: alloc::vec::Vec<RuntimeParameters> = {
		use dynamic_params::democracy::*;
		alloc::vec![
			RuntimeParameters::Democracy(Parameters::LaunchPeriod(LaunchPeriod, Some(5))),
			RuntimeParameters::Democracy(Parameters::VotingPeriod(VotingPeriod, Some(8))),
			RuntimeParameters::Democracy(Parameters::FastTrackVotingPeriod(FastTrackVotingPeriod, Some(5))),
			RuntimeParameters::Democracy(Parameters::EnactmentPeriod(EnactmentPeriod, Some(2))),
			RuntimeParameters::Democracy(Parameters::CooloffPeriod(CooloffPeriod, Some(10))),
			RuntimeParameters::Democracy(Parameters::VoteLockingPeriod(VoteLockingPeriod, Some(10))),
			RuntimeParameters::Democracy(Parameters::MinimumDeposit(MinimumDeposit, Some(UNIT))),
		]
	};
}

/// Every rule parameter with the value in force, in declaration order: `(p, true)` when set on
/// chain (a referendum or the genesis preset), `(p with the runtime's default, false)` otherwise
/// (`TreasurenetApi::parameters_in_force`). A test checks the list names every parameter the
/// runtime declares.
pub fn parameters_in_force() -> alloc::vec::Vec<(RuntimeParameters, bool)> {
	macro_rules! in_force {
		($($pallet:ident :: $Variant:ident { $($name:ident),* $(,)? }),* $(,)?) => {
			alloc::vec![$($({
				use dynamic_params::$pallet as m;
				let key = RuntimeParametersKey::$Variant(m::ParametersKey::$name(m::$name));
				let set = pallet_parameters::Parameters::<Runtime>::contains_key(&key);
				let value = <m::$name as frame_support::traits::Get<_>>::get();
				(RuntimeParameters::$Variant(m::Parameters::$name(m::$name, Some(value))), set)
			}),*),*]
		};
	}
	in_force![
		producers::Producers {
			ApplicationExpiryDays,
			MinDepositPerWell,
			UnitsPerUsd,
			UnbondingDays,
		},
		wells::Wells {
			DiscountRules,
			MmbtuPerE3m3Milli,
			ReviewValidityDays,
			ReviewNoticeDays,
			UploadGraceDays,
			MonthCloseDays,
			PreActivationDays,
		},
		audit::Audit { SlashRatio, DeviationBands },
		oracle::Oracle { MinimumFeeders, ExpiresInMs, WtiRange, HenryHubRange },
		democracy::Democracy {
			LaunchPeriod,
			VotingPeriod,
			FastTrackVotingPeriod,
			EnactmentPeriod,
			CooloffPeriod,
			VoteLockingPeriod,
			MinimumDeposit,
		},
	]
}

/// The deposit floor per active well as a parameter (for genesis presets).
pub struct MinDepositPerWellParam;
impl sp_runtime::traits::Convert<Balance, RuntimeParameters> for MinDepositPerWellParam {
	fn convert(n: Balance) -> RuntimeParameters {
		use dynamic_params::producers::*;
		RuntimeParameters::Producers(Parameters::MinDepositPerWell(MinDepositPerWell, Some(n)))
	}
}

/// The oracle's minimum feeder count as a parameter (for genesis presets).
pub struct MinimumFeedersParam;
impl sp_runtime::traits::Convert<u32, RuntimeParameters> for MinimumFeedersParam {
	fn convert(n: u32) -> RuntimeParameters {
		use dynamic_params::oracle::*;
		RuntimeParameters::Oracle(Parameters::MinimumFeeders(MinimumFeeders, Some(n)))
	}
}

parameter_types! {
	/// The upload window of dev/local chains: a year back, also before a well's activation, so a
	/// demo registers a well today and audits the last three months (whose official figures the
	/// feed simulator serves). The `production` preset keeps the parameters' safe defaults.
	pub WideUploadWindow: alloc::vec::Vec<RuntimeParameters> = {
		use dynamic_params::wells::*;
		let w = tn_primitives::window::UploadWindow::WIDE;
		alloc::vec![
			RuntimeParameters::Wells(Parameters::UploadGraceDays(UploadGraceDays, Some(w.grace_days))),
			RuntimeParameters::Wells(Parameters::MonthCloseDays(MonthCloseDays, Some(w.close_days))),
			RuntimeParameters::Wells(Parameters::PreActivationDays(PreActivationDays, Some(w.pre_activation_days))),
		]
	};
}

/// The `production` preset's launch check: the operator supplied the validators (Aura and
/// GRANDPA), the Foundation, the verifiers and the feeders, none of them a well-known dev key
/// (`//Alice` …, their `//stash`), and there is no sudo key.
pub struct NoDevKeys;
impl crate::genesis_parameters::LaunchCheck for NoDevKeys {
	fn check() -> Result<(), &'static str> {
		use sp_keyring::{Ed25519Keyring, Sr25519Keyring};
		let dev_accounts: alloc::vec::Vec<AccountId> =
			Sr25519Keyring::iter().map(|k| k.to_account_id()).collect();
		let is_dev = |a: &AccountId| dev_accounts.contains(a);
		let aura = pallet_aura::Authorities::<Runtime>::get();
		if aura.is_empty() {
			return Err("no validators (Aura authorities)");
		}
		let dev_sr: alloc::vec::Vec<[u8; 32]> =
			Sr25519Keyring::iter().map(|k| k.public().0).collect();
		if aura.iter().any(|a| dev_sr.contains(&<[u8; 32]>::from(a.clone().into_inner()))) {
			return Err("a validator's Aura key is a well-known dev key");
		}
		let dev_ed: alloc::vec::Vec<[u8; 32]> =
			Ed25519Keyring::iter().map(|k| k.public().0).collect();
		let grandpa = pallet_grandpa::Pallet::<Runtime>::grandpa_authorities();
		if grandpa.is_empty() {
			return Err("no GRANDPA authorities");
		}
		if grandpa
			.iter()
			.any(|(a, _)| dev_ed.contains(&<[u8; 32]>::from(a.clone().into_inner())))
		{
			return Err("a validator's GRANDPA key is a well-known dev key");
		}
		if pallet_sudo::Key::<Runtime>::get().is_some() {
			return Err("a sudo key is set");
		}
		let foundation = pallet_membership::Members::<Runtime, pallet_membership::Instance1>::get();
		if foundation.is_empty() || foundation.iter().any(is_dev) {
			return Err("the Foundation is empty or has a well-known dev account");
		}
		if pallet_membership::Members::<Runtime, pallet_membership::Instance2>::get()
			.iter()
			.any(is_dev)
		{
			return Err("a KYC verifier is a well-known dev account");
		}
		let feeders = pallet_membership::Members::<Runtime, pallet_membership::Instance3>::get();
		if feeders.iter().any(is_dev) {
			return Err("an oracle feeder is a well-known dev account");
		}
		Ok(())
	}
}

impl crate::genesis_parameters::Config for Runtime {
	type FastGovernance = FastGovernance;
	type LaunchCheck = NoDevKeys;
	type WideUploadWindow = WideUploadWindow;
	type MinimumFeeders = MinimumFeedersParam;
	type MinDepositPerWell = MinDepositPerWellParam;
}

impl pallet_parameters::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeParameters = RuntimeParameters;
	/// Only Root: a passed referendum (or sudo on dev/local chains).
	type AdminOrigin = AsEnsureOriginWithArg<EnsureRoot<AccountId>>;
	type WeightInfo = ();
}

parameter_types! {
	/// Held per stored preimage, plus [`PreimageByteDeposit`] per byte: nobody stores data for a
	/// weight fee alone (calls up to 128 bytes are inlined into proposals and need no preimage).
	pub const PreimageBaseDeposit: Balance = UNIT;
	/// Held per preimage byte: a 1 MiB runtime upgrade holds about 1,049 UNIT until it is
	/// unnoted (returned in full).
	pub const PreimageByteDeposit: Balance = UNIT / 1_000;
	pub const PreimageHoldReason: crate::RuntimeHoldReason =
		crate::RuntimeHoldReason::Preimage(pallet_preimage::HoldReason::Preimage);
}

impl pallet_preimage::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_preimage::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type ManagerOrigin = EnsureRoot<AccountId>;
	type Consideration = frame_support::traits::fungible::HoldConsideration<
		AccountId,
		Balances,
		PreimageHoldReason,
		frame_support::traits::LinearStoragePrice<
			PreimageBaseDeposit,
			PreimageByteDeposit,
			Balance,
		>,
	>;
}

parameter_types! {
	pub MaximumSchedulerWeight: Weight = super::share_of(Perbill::from_percent(80), RuntimeBlockWeights::get().max_block);
	pub MaxCollectivesProposalWeight: Weight = super::share_of(Perbill::from_percent(50), RuntimeBlockWeights::get().max_block);
}

impl pallet_scheduler::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type PalletsOrigin = OriginCaller;
	type RuntimeCall = RuntimeCall;
	type MaximumWeight = MaximumSchedulerWeight;
	type ScheduleOrigin = EnsureRoot<AccountId>;
	type OriginPrivilegeCmp = EqualPrivilegeOnly;
	type MaxScheduledPerBlock = ConstU32<50>;
	type WeightInfo = pallet_scheduler::weights::SubstrateWeight<Runtime>;
	type Preimages = Preimage;
	type BlockNumberProvider = System;
}

/// The Foundation (Foundation Managers) collective.
pub type FoundationCollective = pallet_collective::Instance1;
/// A simple majority of the Foundation.
pub type FoundationMajority =
	pallet_collective::EnsureProportionMoreThan<AccountId, FoundationCollective, 1, 2>;
/// Two thirds of the Foundation.
pub type FoundationTwoThirds =
	pallet_collective::EnsureProportionAtLeast<AccountId, FoundationCollective, 2, 3>;
/// All of the Foundation.
pub type FoundationUnanimous =
	pallet_collective::EnsureProportionAtLeast<AccountId, FoundationCollective, 1, 1>;
/// Root or the whole Foundation.
pub type RootOrFoundationUnanimous = EitherOfDiverse<EnsureRoot<AccountId>, FoundationUnanimous>;

impl pallet_collective::Config<FoundationCollective> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = ConstU32<{ 3 * DAYS }>;
	type MaxProposals = ConstU32<100>;
	type MaxMembers = ConstU32<100>;
	type DefaultVote = pallet_collective::PrimeDefaultVote;
	type WeightInfo = pallet_collective::weights::SubstrateWeight<Runtime>;
	type SetMembersOrigin = EnsureRoot<AccountId>;
	type MaxProposalWeight = MaxCollectivesProposalWeight;
	type DisapproveOrigin = EnsureRoot<AccountId>;
	type KillOrigin = EnsureRoot<AccountId>;
	type Consideration = ();
}

/// Foundation Managers, set by governance; mirrored into the Foundation collective.
pub type FoundationMembershipInstance = pallet_membership::Instance1;
impl pallet_membership::Config<FoundationMembershipInstance> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = EnsureRoot<AccountId>;
	type RemoveOrigin = EnsureRoot<AccountId>;
	type SwapOrigin = EnsureRoot<AccountId>;
	type ResetOrigin = EnsureRoot<AccountId>;
	type PrimeOrigin = EnsureRoot<AccountId>;
	type MembershipInitialized = Foundation;
	type MembershipChanged = Foundation;
	type MaxMembers = ConstU32<100>;
	type WeightInfo = pallet_membership::weights::SubstrateWeight<Runtime>;
}

/// KYC/KYB verifiers (external verification services), set by governance.
pub type KycVerifiersInstance = pallet_membership::Instance2;
impl pallet_membership::Config<KycVerifiersInstance> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = EnsureRoot<AccountId>;
	type RemoveOrigin = EnsureRoot<AccountId>;
	type SwapOrigin = EnsureRoot<AccountId>;
	type ResetOrigin = EnsureRoot<AccountId>;
	type PrimeOrigin = EnsureRoot<AccountId>;
	type MembershipInitialized = ();
	type MembershipChanged = ();
	type MaxMembers = ConstU32<64>;
	type WeightInfo = pallet_membership::weights::SubstrateWeight<Runtime>;
}

/// Oracle feeders, set by governance. A removed feeder's raw values are dropped by the oracle.
pub type OracleFeedersInstance = pallet_membership::Instance3;
impl pallet_membership::Config<OracleFeedersInstance> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = EnsureRoot<AccountId>;
	type RemoveOrigin = EnsureRoot<AccountId>;
	type SwapOrigin = EnsureRoot<AccountId>;
	type ResetOrigin = EnsureRoot<AccountId>;
	type PrimeOrigin = EnsureRoot<AccountId>;
	type MembershipInitialized = ();
	type MembershipChanged = Oracle;
	type MaxMembers = ConstU32<32>;
	type WeightInfo = pallet_membership::weights::SubstrateWeight<Runtime>;
}

impl pallet_democracy::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type EnactmentPeriod = dynamic_params::democracy::EnactmentPeriod;
	type LaunchPeriod = dynamic_params::democracy::LaunchPeriod;
	type VotingPeriod = dynamic_params::democracy::VotingPeriod;
	type VoteLockingPeriod = dynamic_params::democracy::VoteLockingPeriod;
	type MinimumDeposit = dynamic_params::democracy::MinimumDeposit;
	/// No instant referendums: the Foundation also reviews wells, so it may fast-track a
	/// referendum (token holders still vote on it) but never enact one within blocks.
	type InstantAllowed = ConstBool<false>;
	type FastTrackVotingPeriod = dynamic_params::democracy::FastTrackVotingPeriod;
	type CooloffPeriod = dynamic_params::democracy::CooloffPeriod;
	type MaxVotes = ConstU32<100>;
	type MaxProposals = ConstU32<100>;
	type MaxDeposits = ConstU32<100>;
	type MaxBlacklisted = ConstU32<100>;
	/// A Foundation majority may table an external (majority-carries) proposal.
	type ExternalOrigin = FoundationMajority;
	type ExternalMajorityOrigin = FoundationMajority;
	/// A unanimous Foundation may table a negative-turnout-bias proposal.
	type ExternalDefaultOrigin = FoundationUnanimous;
	type SubmitOrigin = EnsureSigned<AccountId>;
	/// Two thirds of the Foundation may fast-track an external proposal.
	type FastTrackOrigin = FoundationTwoThirds;
	type InstantOrigin = FoundationUnanimous;
	type CancellationOrigin = FoundationTwoThirds;
	type BlacklistOrigin = EnsureRoot<AccountId>;
	type CancelProposalOrigin = RootOrFoundationUnanimous;
	type VetoOrigin = pallet_collective::EnsureMember<AccountId, FoundationCollective>;
	type PalletsOrigin = OriginCaller;
	type Slash = ();
	type Scheduler = Scheduler;
	type Preimages = Preimage;
	type WeightInfo = pallet_democracy::weights::SubstrateWeight<Runtime>;
}

// Silence unused-import lints for constants referenced only inside macros.
const _: (BlockNumber, BlockNumber, Balance) = (MINUTES, HOURS, UNIT);
