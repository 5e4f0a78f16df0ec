//! Types of the wells pallet.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::ConstU32, BoundedVec};
use scale_info::TypeInfo;
use sp_arithmetic::Perbill;
use tn_primitives::{
	Commitment, Commodity, Day, FacilityCode, OfficialSource, OilQuality, OperatorCode, Volume,
};

pub use tn_primitives::AssetClassId;
/// Short public text (names, reasons, data sources).
pub use tn_primitives::ShortText;
/// Longer public text (descriptions).
pub type LongText = BoundedVec<u8, ConstU32<512>>;
/// The commodities an asset class covers (each at most once, at least one).
pub type Commodities = BoundedVec<Commodity, ConstU32<2>>;

/// Lifecycle of an asset class.
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
pub enum AssetClassStatus {
	/// Proposed; wells cannot be registered yet.
	Proposed,
	/// Accepting producers and wells.
	Live,
	/// No new producers or wells; existing wells keep working.
	Retired,
}

/// Who maintains an asset class: sets its qualifications and reviews its wells.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub enum Maintainer<AccountId> {
	/// Any Foundation Manager (member of the Foundation).
	Foundation,
	/// One named account (e.g. a partner organisation).
	Account(AccountId),
}

/// A registry entry of the "Asset List".
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct AssetClass<AccountId, Balance> {
	/// e.g. "Canadian Petroleum Minerals".
	pub name: ShortText,
	/// What the class covers.
	pub description: LongText,
	/// Who reviews its wells.
	pub maintainer: Maintainer<AccountId>,
	/// The official data source, e.g. "Petrinex (Alberta Energy Regulator)".
	pub data_source: ShortText,
	/// Proposed, Live or Retired.
	pub status: AssetClassStatus,
	/// Added by governance (official) or proposed by anyone (unofficial).
	pub official: bool,
	/// The proposer and its held deposit, for unofficial proposals.
	pub proposer: Option<(AccountId, Balance)>,
	/// The commodities its wells may produce (a well of another commodity is refused).
	pub commodities: Commodities,
	/// The official feed of its wells' production: only Petrinex classes get Petrinex figures.
	pub source: OfficialSource,
}

/// Most discount changes a well's history keeps (a review passes about once a year and a month
/// is uploaded at most a year back, so older changes no longer value any open month).
pub const MAX_DISCOUNT_CHANGES: u32 = 8;

/// Most former operator codes a well's history keeps (a licence changes hands seldom; an entry
/// whose days all left the amendment horizon makes room).
pub const MAX_OPERATOR_CHANGES: u32 = 8;

/// Most former operator codes an owner's own edits may fill (half the history): an owner who
/// alternates codes can never make a governance transfer fail with `TooManyOperatorChanges`
/// (issue 25, H1) — governance keeps at least half the history for transfers.
pub const MAX_OWNER_OPERATOR_CHANGES: u32 = MAX_OPERATOR_CHANGES / 2;

/// A well's review state, visible on chain.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub enum WellStatus {
	/// Waiting for the maintainer's review (new, edited or resubmitted).
	InReview,
	/// Reviewed and passed: may upload production and, while valid, mint.
	Active,
	/// Not passed; the producer may edit and resubmit.
	Rejected {
		/// The reviewer's reason.
		reason: ShortText,
	},
	/// Suspended by governance.
	Suspended {
		/// Why.
		reason: ShortText,
	},
	/// Removed by its owner or by governance: its identifier is free again and its registration
	/// deposit returned; its records and audits stay as history.
	Removed {
		/// Why.
		reason: ShortText,
	},
}

/// The annual review (年审) of an active well.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub enum AnnualReview {
	/// Not due yet.
	NotDue,
	/// The notice was sent: the producer may submit fresh chemistry.
	Open,
	/// Fresh chemistry submitted; waiting for the maintainer.
	Submitted {
		/// New quality (oil) — `None` for gas.
		quality: Option<OilQuality>,
		/// Commitment to the new laboratory report / documents.
		docs: Commitment,
	},
	/// The maintainer rejected the submission; the producer may resubmit.
	Rejected {
		/// The reviewer's reason.
		reason: ShortText,
	},
}

/// A registered well.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(MaxBeneficiaries))]
#[codec(mel_bound(AccountId: MaxEncodedLen))]
pub struct Well<AccountId, MaxBeneficiaries: frame_support::traits::Get<u32>> {
	/// The producer that owns it.
	pub owner: AccountId,
	/// Its asset class.
	pub asset_class: AssetClassId,
	/// OIL or GAS.
	pub commodity: Commodity,
	/// blake2-256 of the regulator's identifier (Petrinex `FromToIDIdentifier`, 16 characters).
	/// Pseudonymous, not secret: anyone can hash candidate identifiers.
	pub identifier: Commitment,
	/// Commitment to the licence/location documents.
	pub docs: Commitment,
	/// API gravity and acidity (oil only).
	pub quality: Option<OilQuality>,
	/// Share of the market price credited, derived from `quality` at the last review.
	pub discount: Perbill,
	/// Review state.
	pub status: WellStatus,
	/// Day of first activation.
	pub activated: Option<Day>,
	/// First day the current review no longer covers (activation + 365, then extended by each
	/// passed annual review); minting needs `today < expires`.
	pub expires: Option<Day>,
	/// Annual review progress.
	pub annual_review: AnnualReview,
	/// Beneficiaries and their shares; the owner keeps the rest.
	pub beneficiaries: BoundedVec<(AccountId, Perbill), MaxBeneficiaries>,
	/// The regulator operator code its official rows carry (Petrinex `OperatorBAID`); rows of
	/// another operator are not the producer's production. Empty only for wells registered
	/// before storage version 1 (they get no official figures until edited).
	pub operator: OperatorCode,
	/// Its reporting facility (Petrinex `ReportingFacilityID`, public): where its production is
	/// reported, so masked (confidential) rows there make its month unknown, never 0.
	pub facility: FacilityCode,
}

/// Status of a (well, month) ledger entry.
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
pub enum MonthStatus {
	/// Uploads accepted. (Mintable is derived: the month is over and an official figure exists.)
	Open,
	/// Audited and TAT minted.
	Minted,
	/// Audited with nothing minted (no official production, or nothing to mint).
	Failed,
	/// Closed without an audit: it left the amendment horizon without an official figure it
	/// could be audited with, or its well was removed by governance with the month open
	/// (issue 25, M3). Nothing minted, nothing slashed.
	Lapsed,
}

impl MonthStatus {
	/// Audited (minted or not): its official figure keeps being fed inside the horizon and its
	/// amendments are settled.
	pub fn is_audited(self) -> bool {
		matches!(self, MonthStatus::Minted | MonthStatus::Failed)
	}
}

/// Per-(well, month) ledger: the sums of the day records.
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
pub struct MonthLedger {
	/// Days uploaded.
	pub days: u8,
	/// Σ daily volumes (litres of oil or m³ of gas).
	pub volume: Volume,
	/// Open, Minted or Failed.
	pub status: MonthStatus,
}

impl Default for MonthLedger {
	fn default() -> Self {
		MonthLedger { days: 0, volume: 0, status: MonthStatus::Open }
	}
}

/// The passes of one well's review while more are needed (issue 25, M5): each by another
/// Foundation Manager, all of the same `subject`.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct ReviewTally<AccountId> {
	/// blake2-256 of what was passed: the kind (well review or annual review), the owner, the
	/// documents, the quality and (well review) the operator and facility codes.
	pub subject: Commitment,
	/// The managers who passed, in order (distinct, never the owner).
	pub approvers: BoundedVec<AccountId, ConstU32<{ tn_primitives::commitment::MAX_APPROVALS }>>,
}
