//! Types of the audit-mint pallet.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
use sp_arithmetic::Perbill;
use tn_primitives::{
	feeds::Provenance, traits::MonthForAudit, AuditOutcome, DeviationBands, Month, UsdAtto, Volume,
};

/// The rules a month was audited under (issue 25, M1): a settlement of a later official figure
/// re-audits the month with these, never with the parameters in force when it settles. V (the
/// value of the producer's records: prices, quality discount and the gas energy factor of each
/// day) is kept in the record itself.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct AuditRules<Balance> {
	/// `SlashRatio` at the mint.
	pub slash_ratio: Perbill,
	/// `DeviationBands` at the mint.
	pub bands: DeviationBands,
	/// Native base units per USD at the mint (the producers pallet's conversion of one USD at
	/// its `UnitsPerUsd`): every slash of the month, at the mint and at each settlement, is
	/// `floor(usd × native_per_usd / 10¹⁸)`.
	pub native_per_usd: Balance,
}

/// How the month's days were priced.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct PricingSummary {
	/// Days valued at that day's oracle price.
	pub day_prices: u8,
	/// Days valued at the average of earlier prices (no price that day).
	pub fallback_prices: u8,
	/// Days with no price at all (valued zero).
	pub missing_prices: u8,
}

/// The audit of one (well, month): inputs, the table's outcome, and where every token went.
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
#[scale_info(skip_type_params(MaxBeneficiaries))]
#[codec(mel_bound(AccountId: MaxEncodedLen, Balance: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
pub struct AuditRecord<AccountId, Balance, BlockNumber, MaxBeneficiaries>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	Balance: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxBeneficiaries: Get<u32>,
{
	/// The producer (well owner) who minted.
	pub producer: AccountId,
	/// P: the producer's uploaded volume.
	pub producer_volume: Volume,
	/// O: the official volume.
	pub official_volume: Volume,
	/// Source file of O.
	pub provenance: Provenance,
	/// V: value of the producer's records (atto-USD).
	pub value: UsdAtto,
	/// The deviation table's result: d, band, V', minted, slash (USD).
	pub outcome: AuditOutcome,
	/// The slash converted to the native token.
	pub slash_due: Balance,
	/// Taken from the deposit.
	pub slashed: Balance,
	/// Added to the producer's debt (the deposit was short).
	pub new_debt: Balance,
	/// TAT minted to the producer (its share plus rounding dust).
	pub producer_share: u128,
	/// TAT minted to each beneficiary.
	pub beneficiaries: BoundedVec<(AccountId, u128), MaxBeneficiaries>,
	/// How the days were priced.
	pub pricing: PricingSummary,
	/// Block of the audit.
	pub block: BlockNumber,
	/// A later official figure (after the audit) not settled yet; `None` once settled.
	pub amended: Option<(Volume, Provenance)>,
	/// The beneficiaries' ratios at the mint (in the order of `beneficiaries`): a settlement
	/// splits the re-audited amount by them.
	pub ratios: BoundedVec<Perbill, MaxBeneficiaries>,
	/// Set by the first settlement of an amended official figure; the fields above then hold
	/// the settled (latest) figures and parts.
	pub settlement: Option<Settlement<Balance, BlockNumber>>,
	/// The rules the month was audited under; its settlements re-audit with them.
	pub rules: AuditRules<Balance>,
}

/// What the mint decided with the first official figure, and what settlements of later figures
/// changed (totals over every settlement of the month).
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Settlement<Balance, BlockNumber> {
	/// O at the mint.
	pub first_official: Volume,
	/// Source file of that O.
	pub first_provenance: Provenance,
	/// TAT minted at the mint.
	pub first_minted: u128,
	/// Slash due at the mint (native).
	pub first_slash_due: Balance,
	/// TAT minted by settlements (accounts whose part grew).
	pub topped_up: u128,
	/// TAT burned back from accounts whose part shrank.
	pub burned: u128,
	/// Over-minted TAT its holders no longer had: it stays in circulation and was slashed from
	/// the producer's deposit instead (atto-USD, 1 TAT = 1 USD).
	pub unrecovered: u128,
	/// Native slashed (or made debt) by settlements: a higher slash and the unrecovered TAT.
	pub extra_slash_due: Balance,
	/// Native returned by settlements (debt cancelled + returned to the deposit).
	pub refunded: Balance,
	/// Native that should have been returned but the slash account could not pay.
	pub unpaid_refund: Balance,
	/// Number of settlements.
	pub count: u32,
	/// Block of the last settlement.
	pub block: BlockNumber,
}

/// What a mint would do now (the preview).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct AuditPreview<AccountId> {
	/// P.
	pub producer_volume: Volume,
	/// O.
	pub official_volume: Volume,
	/// V.
	pub value: UsdAtto,
	/// The table's outcome.
	pub outcome: AuditOutcome,
	/// TAT to the producer.
	pub producer_share: u128,
	/// TAT to each beneficiary.
	pub beneficiaries: alloc::vec::Vec<(AccountId, u128)>,
}

/// Where a month of a well stands (the portal's months table).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum MonthState {
	/// Not mintable now: `blocker` says why (what `mint` by the owner would fail with).
	Open,
	/// `mint` by the owner would succeed now: `preview` says what it would do.
	Mintable,
	/// Audited and TAT minted (the audit record has the details).
	Audited,
	/// Audited with nothing minted.
	Failed,
	/// Closed without an audit (issue 25, M3): it left the amendment horizon without a usable
	/// official figure, or its well was removed. Nothing minted, nothing slashed.
	Lapsed,
}

/// A month of a well with its state, in one call (`AuditMint.months`, `AuditMint.month_info`).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct MonthInfo<AccountId> {
	/// The month.
	pub month: Month,
	/// Days uploaded.
	pub days: u8,
	/// P: Σ of the uploaded daily volumes (litres of oil, m³ of gas).
	pub volume: Volume,
	/// Open, Mintable, Audited or Failed.
	pub state: MonthState,
	/// For an open month, the error `mint` would return now: `MonthNotOver`,
	/// `NoOfficialFigure`, `WellExpired`, `ProducerInDebt`…
	pub blocker: Option<sp_runtime::DispatchError>,
	/// O, the oracle's official figure and its source file, if known.
	pub official: Option<(Volume, Provenance)>,
	/// For a mintable month, what the mint would do (as [`crate::Pallet::preview`]).
	pub preview: Option<AuditPreview<AccountId>>,
}

/// The most months one call of `AuditMint.months` returns (three years).
pub const MAX_MONTHS_PAGE: u32 = 36;

/// What an audit of a month decides, before anything is written: the month as the wells pallet
/// sees it, O and its source, the table's outcome, the owner's TAT and each beneficiary's.
pub(crate) type Evaluation<AccountId> = (
	MonthForAudit<AccountId>,
	Volume,
	Provenance,
	AuditOutcome,
	u128,
	alloc::vec::Vec<(AccountId, u128)>,
);
