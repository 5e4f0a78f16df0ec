//! Governance: democracy referenda (Root), the Foundation collective and memberships, and the
//! rule parameters in pallet-parameters, which only Root — a passed referendum — can change.

use frame_support::{
	dynamic_params::{dynamic_pallet_params, dynamic_params},
	parameter_types,
	traits::{ConstBool, ConstU32, EitherOfDiverse, EqualPrivilegeOnly},
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
/// referendum, or sudo on dev/local chains) changes them, through `genesisParameters.setParameter`,
/// which refuses a value outside the parameter's [`bounds`] (docs/PARAMETERS.md).
/// pallet-parameters' own `setParameter` is closed to every origin.
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
		/// Distinct KYC verifiers whose approvals of the same KYB commitment and operator codes
		/// pass KYB (issue 25, M5). Dev/local presets start at 1 (`singleJudges`).
		#[codec(index = 4)]
		pub static KybApprovals: u32 = 2;
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
		/// Distinct Foundation Managers whose passes activate a well or pass its annual review
		/// (put a quality in force; issue 25, M5). Dev/local presets start at 1 (`singleJudges`).
		#[codec(index = 7)]
		pub static WellApprovals: u32 = 2;
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
		/// Months an audited month stays amendable on chain (the amendment horizon, issue 25, H2):
		/// its figure keeps being polled and fed whatever its well's status and its amendments
		/// are settled; the producer's withdrawn deposit stays slashable until its last audited
		/// month leaves it; an open month that leaves it without a figure closes (M3). 24 months:
		/// real Petrinex rows were re-submitted up to 22 months after their month
		/// (docs/DATA_FORMATS.md 2.8, "Amendment horizon").
		#[codec(index = 2)]
		pub static AmendmentHorizonMonths: u32 = 24;
		/// Days after a month's last day from which anyone may audit it without its producer
		/// (`AuditMint.audit_overdue`, issue 25, M2): Petrinex publishes a month's volumetrics
		/// around the 20th of the next month, so 60 days leave the producer about five weeks
		/// with the figure to mint it itself.
		#[codec(index = 3)]
		pub static AuditOverdueDays: u32 = 60;
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

/// The democracy periods (blocks) and the public proposals' minimum deposit. They are not rule
/// parameters: the runtime fixes two sets in code and the genesis chooses one of them
/// ([`crate::genesis_parameters::FastGovernance`], written only at genesis), so no referendum
/// can shorten the periods of the referenda after it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct DemocracyPeriods {
	/// How often new public referenda are launched.
	pub launch: BlockNumber,
	/// How long a referendum is open for votes.
	pub voting: BlockNumber,
	/// Voting period of a fast-tracked referendum (the shortest a fast-track may ask for).
	pub fast_track_voting: BlockNumber,
	/// Delay between a passed referendum and its enactment.
	pub enactment: BlockNumber,
	/// Period a vetoed proposal may not be re-submitted.
	pub cooloff: BlockNumber,
	/// Minimum lock period of a winning vote (× conviction).
	pub vote_locking: BlockNumber,
	/// Minimum deposit of a public proposal.
	pub minimum_deposit: Balance,
}

impl DemocracyPeriods {
	/// Production chains: a week to launch and a week to vote, fast-track votes last 3 hours,
	/// enactment 2 days after the vote.
	pub const PRODUCTION: DemocracyPeriods = DemocracyPeriods {
		launch: 7 * DAYS,
		voting: 7 * DAYS,
		fast_track_voting: MIN_FAST_TRACK_VOTING_PERIOD,
		enactment: 2 * DAYS,
		cooloff: 7 * DAYS,
		vote_locking: 7 * DAYS,
		minimum_deposit: 100 * UNIT,
	};
	/// Dev/local chains (`fastGovernance`, a demo flag the production genesis refuses): a
	/// proposal launches within 5 blocks, is voted for 8 blocks and enacted 2 blocks later
	/// (≤ 15 blocks = 90 s), fast-track votes last 5 blocks.
	pub const FAST: DemocracyPeriods = DemocracyPeriods {
		launch: 5,
		voting: 8,
		fast_track_voting: 5,
		enactment: 2,
		cooloff: 10,
		vote_locking: 10,
		minimum_deposit: UNIT,
	};

	/// The set this chain runs with.
	pub fn in_force() -> DemocracyPeriods {
		if crate::genesis_parameters::FastGovernance::<Runtime>::get() {
			Self::FAST
		} else {
			Self::PRODUCTION
		}
	}
}

/// The shortest voting period a fast-tracked referendum may have on a production chain: 3 hours
/// (democracy's `fast_track` raises a shorter request to it; instant referenda are disallowed).
pub const MIN_FAST_TRACK_VOTING_PERIOD: BlockNumber = 3 * HOURS;
const _: () =
	assert!(DemocracyPeriods::PRODUCTION.fast_track_voting >= MIN_FAST_TRACK_VOTING_PERIOD);

macro_rules! democracy_getters {
	($($(#[$doc:meta])* $name:ident: $ty:ty = $field:ident;)*) => {$(
		$(#[$doc])*
		pub struct $name;
		impl frame_support::traits::Get<$ty> for $name {
			fn get() -> $ty {
				DemocracyPeriods::in_force().$field
			}
		}
	)*};
}
democracy_getters! {
	/// [`DemocracyPeriods::launch`] of this chain.
	LaunchPeriod: BlockNumber = launch;
	/// [`DemocracyPeriods::voting`] of this chain.
	VotingPeriod: BlockNumber = voting;
	/// [`DemocracyPeriods::fast_track_voting`] of this chain.
	FastTrackVotingPeriod: BlockNumber = fast_track_voting;
	/// [`DemocracyPeriods::enactment`] of this chain.
	EnactmentPeriod: BlockNumber = enactment;
	/// [`DemocracyPeriods::cooloff`] of this chain.
	CooloffPeriod: BlockNumber = cooloff;
	/// [`DemocracyPeriods::vote_locking`] of this chain.
	VoteLockingPeriod: BlockNumber = vote_locking;
	/// [`DemocracyPeriods::minimum_deposit`] of this chain.
	MinimumDeposit: Balance = minimum_deposit;
}

/// The floor and ceiling of every rule parameter (docs/PARAMETERS.md gives the reasons),
/// checked by `genesisParameters.setParameter` and by the `production` genesis.
pub mod bounds {
	use crate::{genesis_parameters::Bound, Balance, UNIT};
	use sp_arithmetic::FixedU128;
	use sp_runtime::Perbill;

	/// Producers: an unfinished application expires after 7 to 180 days.
	pub const APPLICATION_EXPIRY_DAYS: Bound<u32> = Bound { floor: 7, ceiling: 180 };
	/// Producers: 1,000 to 1,000,000 UNIT of deposit per active well.
	pub const MIN_DEPOSIT_PER_WELL: Bound<Balance> =
		Bound { floor: 1_000 * UNIT, ceiling: 1_000_000 * UNIT };
	/// Producers: 0.01 to 100 UNIT per USD.
	pub const UNITS_PER_USD: Bound<FixedU128> = Bound {
		floor: FixedU128::from_inner(10_000_000_000_000_000),
		ceiling: FixedU128::from_u32(100),
	};
	/// Producers: a withdrawal unbonds for 28 to 365 days.
	pub const UNBONDING_DAYS: Bound<u32> = Bound { floor: 28, ceiling: 365 };
	/// Producers: KYB passes with 2 to 5 distinct verifiers' approvals (one verifier never
	/// decides alone; 5 is the tally's bound, `tn_primitives::commitment::MAX_APPROVALS`).
	pub const KYB_APPROVALS: Bound<u32> =
		Bound { floor: 2, ceiling: tn_primitives::commitment::MAX_APPROVALS };
	/// Wells: an activation or a quality change needs 2 to 5 distinct Foundation Managers.
	pub const WELL_APPROVALS: Bound<u32> =
		Bound { floor: 2, ceiling: tn_primitives::commitment::MAX_APPROVALS };
	/// Wells: 30.000 to 45.000 MMBtu per e³m³ (×1000).
	pub const MMBTU_PER_E3M3_MILLI: Bound<u32> = Bound { floor: 30_000, ceiling: 45_000 };
	/// Wells: a review keeps a well valid for 90 to 730 days (and longer than the notice).
	pub const REVIEW_VALIDITY_DAYS: Bound<u32> = Bound { floor: 90, ceiling: 730 };
	/// Wells: the annual-review notice comes 1 to 729 days after activation (and before the
	/// review's validity ends).
	pub const REVIEW_NOTICE_DAYS: Bound<u32> = Bound { floor: 1, ceiling: 729 };
	/// Wells: a day may be uploaded 1 to 7 days after it.
	pub const UPLOAD_GRACE_DAYS: Bound<u32> = Bound { floor: 1, ceiling: 7 };
	/// Wells: a month closes for uploads 1 to 10 days after its end (00:00 UTC on the 2nd to the
	/// 11th of the next month).
	pub const MONTH_CLOSE_DAYS: Bound<u32> = Bound { floor: 1, ceiling: 10 };
	/// Wells: 0 to 7 days before a well's activation may be uploaded.
	pub const PRE_ACTIVATION_DAYS: Bound<u32> = Bound { floor: 0, ceiling: 7 };
	/// Audit: the amendment horizon is 12 to 54 months: below 12, more than 3 % of a month's real
	/// Petrinex rows were still re-submitted later; beyond about 55 months Petrinex's public
	/// portal no longer serves the month (docs/DATA_FORMATS.md 2.8).
	pub const AMENDMENT_HORIZON_MONTHS: Bound<u32> = Bound { floor: 12, ceiling: 54 };
	/// Audit: a month is overdue 45 to 365 days after its end — after Petrinex's publication
	/// (≈ the 20th of the next month) with at least three weeks left for the producer, and at
	/// most a year, far inside the amendment horizon.
	pub const AUDIT_OVERDUE_DAYS: Bound<u32> = Bound { floor: 45, ceiling: 365 };
	/// Audit: 0.1 % to 10 % of the value slashed.
	pub const SLASH_RATIO: Bound<Perbill> =
		Bound { floor: Perbill::from_parts(1_000_000), ceiling: Perbill::from_percent(10) };
	/// Audit: the minor band (no slash) is 1 % to 20 %.
	pub const MINOR_BAND: Bound<Perbill> =
		Bound { floor: Perbill::from_percent(1), ceiling: Perbill::from_percent(20) };
	/// Audit: the major band is at most 50 % (and at least the minor band, by its type).
	pub const MAJOR_BAND: Bound<Perbill> =
		Bound { floor: Perbill::from_percent(1), ceiling: Perbill::from_percent(50) };
	/// Oracle: a value counts once 3 to 32 feeders agree (or 0: ⌈2n/3⌉ of the n feeders).
	pub const MINIMUM_FEEDERS: Bound<u32> = Bound { floor: 3, ceiling: 32 };
	/// Oracle: WTI's sanity range (micro-USD per bbl) starts between −$1,000 and −$40 (its
	/// lowest close, −$36.98 on 2020-04-20, stays inside) …
	pub const WTI_RANGE_MIN: Bound<i64> = Bound { floor: -1_000_000_000, ceiling: -40_000_000 };
	/// … and ends between $150 (above its highest close, $145.31 on 2008-07-03) and $1,000.
	pub const WTI_RANGE_MAX: Bound<i64> = Bound { floor: 150_000_000, ceiling: 1_000_000_000 };
	/// Oracle: Henry Hub's sanity range (micro-USD per MMBtu) starts between −$100 and $0 …
	pub const HENRY_HUB_RANGE_MIN: Bound<i64> = Bound { floor: -100_000_000, ceiling: 0 };
	/// … and ends between $30 (above its highest daily spot price since 1997) and $1,000.
	pub const HENRY_HUB_RANGE_MAX: Bound<i64> = Bound { floor: 30_000_000, ceiling: 1_000_000_000 };
	/// Oracle: a raw feed stays valid for 1 to 30 days.
	pub const EXPIRES_IN_MS: Bound<u64> =
		Bound { floor: 24 * 60 * 60 * 1000, ceiling: 30 * 24 * 60 * 60 * 1000 };
}

/// The rule parameters' bounds ([`bounds`]) as the guard checks them. The match is exhaustive:
/// a new parameter does not compile until it has its bounds.
pub struct RuleBounds;
impl crate::genesis_parameters::ParameterBounds<RuntimeParameters> for RuleBounds {
	fn check(p: &RuntimeParameters) -> Result<(), crate::genesis_parameters::Refusal> {
		use crate::genesis_parameters::Refusal;
		use dynamic_params::{audit as a, oracle as o, producers as pr, wells as w};
		use frame_support::traits::Get;
		use RuntimeParameters as R;
		// Removing a value sets it back to the runtime's default, which is within its bounds.
		fn some<V>(
			v: &Option<V>,
			f: impl FnOnce(&V) -> Result<(), Refusal>,
		) -> Result<(), Refusal> {
			v.as_ref().map_or(Ok(()), f)
		}
		match p {
			R::Producers(pr::Parameters::ApplicationExpiryDays(_, v)) => {
				some(v, |v| bounds::APPLICATION_EXPIRY_DAYS.check(v))
			},
			R::Producers(pr::Parameters::MinDepositPerWell(_, v)) => {
				some(v, |v| bounds::MIN_DEPOSIT_PER_WELL.check(v))
			},
			R::Producers(pr::Parameters::UnitsPerUsd(_, v)) => {
				some(v, |v| bounds::UNITS_PER_USD.check(v))
			},
			R::Producers(pr::Parameters::UnbondingDays(_, v)) => {
				some(v, |v| bounds::UNBONDING_DAYS.check(v))
			},
			R::Producers(pr::Parameters::KybApprovals(_, v)) => {
				some(v, |v| bounds::KYB_APPROVALS.check(v))
			},
			// Validated when decoded (thresholds and tiers within 0–100 %).
			R::Wells(w::Parameters::DiscountRules(_, _)) => Ok(()),
			R::Wells(w::Parameters::MmbtuPerE3m3Milli(_, v)) => {
				some(v, |v| bounds::MMBTU_PER_E3M3_MILLI.check(v))
			},
			// The validity must stay longer than the notice in force (and the notice shorter
			// than the validity in force): the notice comes before the well lapses.
			R::Wells(w::Parameters::ReviewValidityDays(_, v)) => some(v, |v| {
				bounds::REVIEW_VALIDITY_DAYS.check(v)?;
				if *v <= w::ReviewNoticeDays::get() {
					return Err(Refusal::BelowFloor);
				}
				Ok(())
			}),
			R::Wells(w::Parameters::ReviewNoticeDays(_, v)) => some(v, |v| {
				bounds::REVIEW_NOTICE_DAYS.check(v)?;
				if *v >= w::ReviewValidityDays::get() {
					return Err(Refusal::AboveCeiling);
				}
				Ok(())
			}),
			R::Wells(w::Parameters::UploadGraceDays(_, v)) => {
				some(v, |v| bounds::UPLOAD_GRACE_DAYS.check(v))
			},
			R::Wells(w::Parameters::MonthCloseDays(_, v)) => {
				some(v, |v| bounds::MONTH_CLOSE_DAYS.check(v))
			},
			R::Wells(w::Parameters::PreActivationDays(_, v)) => {
				some(v, |v| bounds::PRE_ACTIVATION_DAYS.check(v))
			},
			R::Wells(w::Parameters::WellApprovals(_, v)) => {
				some(v, |v| bounds::WELL_APPROVALS.check(v))
			},
			R::Audit(a::Parameters::SlashRatio(_, v)) => some(v, |v| bounds::SLASH_RATIO.check(v)),
			R::Audit(a::Parameters::DeviationBands(_, v)) => some(v, |v| {
				bounds::MINOR_BAND.check(&v.minor())?;
				bounds::MAJOR_BAND.check(&v.major())
			}),
			R::Audit(a::Parameters::AmendmentHorizonMonths(_, v)) => {
				some(v, |v| bounds::AMENDMENT_HORIZON_MONTHS.check(v))
			},
			R::Audit(a::Parameters::AuditOverdueDays(_, v)) => {
				some(v, |v| bounds::AUDIT_OVERDUE_DAYS.check(v))
			},
			R::Oracle(o::Parameters::MinimumFeeders(_, v)) => {
				some(v, |v| if *v == 0 { Ok(()) } else { bounds::MINIMUM_FEEDERS.check(v) })
			},
			R::Oracle(o::Parameters::ExpiresInMs(_, v)) => {
				some(v, |v| bounds::EXPIRES_IN_MS.check(v))
			},
			R::Oracle(o::Parameters::WtiRange(_, v)) => some(v, |v| {
				bounds::WTI_RANGE_MIN.check(&v.min())?;
				bounds::WTI_RANGE_MAX.check(&v.max())
			}),
			R::Oracle(o::Parameters::HenryHubRange(_, v)) => some(v, |v| {
				bounds::HENRY_HUB_RANGE_MIN.check(&v.min())?;
				bounds::HENRY_HUB_RANGE_MAX.check(&v.max())
			}),
		}
	}
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
			KybApprovals,
		},
		wells::Wells {
			DiscountRules,
			MmbtuPerE3m3Milli,
			ReviewValidityDays,
			ReviewNoticeDays,
			UploadGraceDays,
			MonthCloseDays,
			PreActivationDays,
			WellApprovals,
		},
		audit::Audit { SlashRatio, DeviationBands, AmendmentHorizonMonths, AuditOverdueDays },
		oracle::Oracle { MinimumFeeders, ExpiresInMs, WtiRange, HenryHubRange },
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
	/// The judges of dev/local chains (`singleJudges`, a demo flag the production genesis
	/// refuses): one verifier passes KYB and one Foundation Manager a well, so the demo and the
	/// zombienet suite run with their single verifier.
	pub SingleJudges: alloc::vec::Vec<RuntimeParameters> = alloc::vec![
		RuntimeParameters::Producers(dynamic_params::producers::Parameters::KybApprovals(
			dynamic_params::producers::KybApprovals,
			Some(1),
		)),
		RuntimeParameters::Wells(dynamic_params::wells::Parameters::WellApprovals(
			dynamic_params::wells::WellApprovals,
			Some(1),
		)),
	];
}

/// Oracle feeders a production genesis must name at least.
pub const MIN_LAUNCH_FEEDERS: usize = 4;

/// The `production` preset's launch check: the operator supplied the validators (Aura and
/// GRANDPA), the Foundation, the verifiers and at least [`MIN_LAUNCH_FEEDERS`] feeders, none of
/// them a well-known dev key (`//Alice` …, their `//stash`), the oracle's minimum feeder count is
/// at most the feeder set, and there is no sudo key. (The demo flags and out-of-bounds genesis
/// values are refused by `genesis_parameters` itself.)
pub struct NoDevKeys;
impl crate::genesis_parameters::LaunchCheck for NoDevKeys {
	fn check() -> Result<(), &'static str> {
		use frame_support::traits::Get;
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
		// With 3 feeders the default quorum ⌈2n/3⌉ is 2: two colluders would set every official
		// figure (ATTACKS.md row 6). With 4 it is 3.
		if feeders.len() < MIN_LAUNCH_FEEDERS {
			return Err("fewer than 4 oracle feeders");
		}
		let quorum = dynamic_params::oracle::MinimumFeeders::get();
		if usize::try_from(quorum).map_or(true, |k| k > feeders.len()) {
			return Err("the oracle's minimum feeder count is larger than the feeder set");
		}
		Ok(())
	}
}

impl crate::genesis_parameters::Config for Runtime {
	type SetOrigin = EnsureRoot<AccountId>;
	type Bounds = RuleBounds;
	type LaunchCheck = NoDevKeys;
	type WideUploadWindow = WideUploadWindow;
	type SingleJudges = SingleJudges;
	type MinimumFeeders = MinimumFeedersParam;
	type MinDepositPerWell = MinDepositPerWellParam;
}

impl pallet_parameters::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeParameters = RuntimeParameters;
	/// Nobody: pallet-parameters' `set_parameter` only sees the key, never the value, so it
	/// cannot refuse a value outside the bounds. Root sets parameters through
	/// `genesisParameters.setParameter` (`crate::genesis_parameters`), which checks them.
	type AdminOrigin = frame_support::traits::NeverEnsureOrigin<()>;
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

/// Democracy with the periods of [`DemocracyPeriods`] (fixed in code, chosen at genesis).
impl pallet_democracy::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type EnactmentPeriod = EnactmentPeriod;
	type LaunchPeriod = LaunchPeriod;
	type VotingPeriod = VotingPeriod;
	type VoteLockingPeriod = VoteLockingPeriod;
	type MinimumDeposit = MinimumDeposit;
	/// No instant referendums: the Foundation also reviews wells, so it may fast-track a
	/// referendum (token holders still vote on it) but never enact one within blocks.
	type InstantAllowed = ConstBool<false>;
	/// Fixed in code ([`DemocracyPeriods`]): 3 hours on production chains
	/// ([`MIN_FAST_TRACK_VOTING_PERIOD`]), the shortest voting period a fast-track may set.
	type FastTrackVotingPeriod = FastTrackVotingPeriod;
	type CooloffPeriod = CooloffPeriod;
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

/// Until issue 25 the democracy periods were rule parameters (pallet-parameters, module
/// `democracy`, codec index 4), which a referendum could shorten. This migration (the
/// `genesis_parameters` pallet's storage version 0 → 1) deletes those stale entries — their keys
/// no longer decode — and moves what they said into [`crate::genesis_parameters::FastGovernance`]:
/// `true` if they were exactly the dev/local genesis' fast set ([`DemocracyPeriods::FAST`]),
/// otherwise the chain runs with the production periods (a value a referendum set no longer
/// counts: the periods are the code's).
pub mod democracy_migration {
	use super::{DemocracyPeriods, Runtime};
	use alloc::vec::Vec;
	use codec::Encode;
	use frame_support::{
		storage::{unhashed, StoragePrefixedMap},
		traits::UncheckedOnRuntimeUpgrade,
		weights::Weight,
	};

	/// The codec index the `democracy` module had in `RuntimeParameters`.
	const STALE_MODULE: u8 = 4;
	/// The storage key's 32-byte map prefix and 16-byte `Blake2_128Concat` hash before the
	/// encoded `RuntimeParametersKey`.
	const HASHED_PREFIX_LEN: usize = 48;

	/// A raw pallet-parameters entry: its full storage key, its encoded `RuntimeParametersKey`
	/// and its encoded value.
	pub type RawEntry = (Vec<u8>, Vec<u8>, Vec<u8>);

	/// Every pallet-parameters entry, raw (also those whose key no longer decodes).
	pub fn raw_entries() -> Vec<RawEntry> {
		let prefix = pallet_parameters::Parameters::<Runtime>::final_prefix().to_vec();
		// Every raw key under the map's prefix, decoded or not.
		frame_support::storage::KeyPrefixIterator::new(prefix.clone(), prefix.clone(), |k| {
			Ok(k.to_vec())
		})
		.map(|suffix| {
			let mut full = prefix.clone();
			full.extend_from_slice(&suffix);
			let key = full.get(HASHED_PREFIX_LEN..).unwrap_or_default().to_vec();
			let value = unhashed::get_raw(&full).unwrap_or_default();
			(full, key, value)
		})
		.collect()
	}

	/// The entries of the removed `democracy` module.
	pub fn stale_entries() -> Vec<RawEntry> {
		raw_entries()
			.into_iter()
			.filter(|(_, k, _)| k.first() == Some(&STALE_MODULE))
			.collect()
	}

	/// The `(encoded key, encoded value)` pairs the dev/local genesis installed (the old
	/// `FastGovernance` parameters).
	pub fn fast_entries() -> Vec<(Vec<u8>, Vec<u8>)> {
		let f = DemocracyPeriods::FAST;
		let items: [(u8, Vec<u8>); 7] = [
			(0, f.launch.encode()),
			(1, f.voting.encode()),
			(2, f.fast_track_voting.encode()),
			(3, f.enactment.encode()),
			(4, f.cooloff.encode()),
			(5, f.vote_locking.encode()),
			(6, f.minimum_deposit.encode()),
		];
		items
			.into_iter()
			.map(|(i, v)| {
				let key = alloc::vec![STALE_MODULE, i];
				let mut value = key.clone();
				value.extend(v);
				(key, value)
			})
			.collect()
	}

	/// Whether `stale` is exactly the dev/local genesis' fast set.
	pub fn was_fast(stale: &[RawEntry]) -> bool {
		let mut got: Vec<(Vec<u8>, Vec<u8>)> =
			stale.iter().map(|(_, k, v)| (k.clone(), v.clone())).collect();
		got.sort();
		let mut want = fast_entries();
		want.sort();
		got == want
	}

	/// The migration's work (run once by [`MigrateToV1`]).
	pub struct InnerMigrateV0ToV1;
	impl UncheckedOnRuntimeUpgrade for InnerMigrateV0ToV1 {
		fn on_runtime_upgrade() -> Weight {
			let all = raw_entries();
			let stale: Vec<RawEntry> = all
				.iter()
				.filter(|(_, k, _)| k.first() == Some(&STALE_MODULE))
				.cloned()
				.collect();
			let fast = was_fast(&stale);
			for (full, _, _) in &stale {
				unhashed::kill(full);
			}
			if fast {
				crate::genesis_parameters::FastGovernance::<Runtime>::put(true);
			}
			log::info!(
				target: "runtime::genesis-parameters",
				"democracy periods out of pallet-parameters: {} stale entries removed, fast periods: {fast}",
				stale.len()
			);
			let n = u64::try_from(all.len()).unwrap_or(u64::MAX);
			let removed = u64::try_from(stale.len()).unwrap_or(u64::MAX);
			<Runtime as frame_system::Config>::DbWeight::get()
				.reads_writes(n.saturating_add(1), removed.saturating_add(u64::from(fast)))
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			let all = raw_entries();
			let stale = stale_entries();
			let kept = all.len().saturating_sub(stale.len()) as u64;
			Ok((kept, was_fast(&stale)).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			use codec::Decode;
			let (kept, fast) = <(u64, bool)>::decode(&mut &state[..])
				.map_err(|_| "democracy migration: bad pre-upgrade state")?;
			frame_support::ensure!(
				stale_entries().is_empty(),
				"democracy migration: stale entries left"
			);
			let decodable = pallet_parameters::Parameters::<Runtime>::iter_keys().count() as u64;
			frame_support::ensure!(
				decodable == kept && raw_entries().len() as u64 == kept,
				"democracy migration: a parameter was lost or does not decode"
			);
			frame_support::ensure!(
				crate::genesis_parameters::FastGovernance::<Runtime>::get() == fast,
				"democracy migration: FastGovernance differs from the stale entries"
			);
			let want = if fast { DemocracyPeriods::FAST } else { DemocracyPeriods::PRODUCTION };
			frame_support::ensure!(
				DemocracyPeriods::in_force() == want,
				"democracy migration: periods in force"
			);
			Ok(())
		}
	}

	/// Version 0 → 1 of the `genesis_parameters` pallet, run once.
	pub type MigrateToV1 = frame_support::migrations::VersionedMigration<
		0,
		1,
		InnerMigrateV0ToV1,
		crate::genesis_parameters::Pallet<Runtime>,
		<Runtime as frame_system::Config>::DbWeight,
	>;
}

// Silence unused-import lints for constants referenced only inside macros.
const _: (BlockNumber, BlockNumber, Balance) = (MINUTES, HOURS, UNIT);
