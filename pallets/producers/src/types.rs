//! Types of the producers pallet.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::ConstU32, BoundedVec};
use scale_info::TypeInfo;
use tn_primitives::{commitment::MAX_APPROVALS, Commitment, Day, OperatorCodes};

pub use tn_primitives::AssetClassId;

/// A free-text reason given by governance (public, at most 128 bytes).
pub type Reason = tn_primitives::ShortText;

/// Where an application stands. Only hashes of the off-chain documents are stored.
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
pub enum Stage {
	/// KYB (company) documents submitted; waiting for a verifier's judgement on `kyb`.
	AwaitingKybJudgement {
		/// Commitment to the KYB documents.
		kyb: Commitment,
	},
	/// KYB approved; the representative's KYC has not been submitted yet.
	AwaitingKyc {
		/// The approved KYB commitment.
		kyb: Commitment,
	},
	/// KYC (person) documents submitted; waiting for a verifier's judgement on `kyc`.
	AwaitingKycJudgement {
		/// The approved KYB commitment.
		kyb: Commitment,
		/// Commitment to the KYC documents.
		kyc: Commitment,
	},
}

/// An unfinished application. It is deleted when it ends (admission, rejection, cancellation,
/// expiry); nothing of an unfinished application is kept.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Application<Balance> {
	/// The asset class the company applies for.
	pub asset_class: AssetClassId,
	/// Progress of KYB then KYC.
	pub stage: Stage,
	/// Day the application was opened.
	pub opened: Day,
	/// First day on which the application is expired (opened + expiry period).
	pub expires: Day,
	/// Application deposit held while the application is open; always returned when it ends.
	pub held: Balance,
}

/// Standing of an admitted producer.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub enum ProducerStatus {
	/// May add wells, upload production and mint.
	Active,
	/// Temporarily barred by governance.
	Suspended {
		/// Why.
		reason: Reason,
	},
	/// Permanently barred by governance; may still withdraw its deposit.
	Revoked {
		/// Why.
		reason: Reason,
	},
}

/// Deposit leaving the hold: still held (and slashable) until `unlocks`, then claimable.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Unbonding<Balance> {
	/// Amount on its way out.
	pub amount: Balance,
	/// First day it can be claimed (each new withdrawal restarts the delay for the whole amount).
	pub unlocks: Day,
}

/// An admitted producer.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Producer<Balance> {
	/// Current standing.
	pub status: ProducerStatus,
	/// Asset class admitted for.
	pub asset_class: AssetClassId,
	/// The approved KYB commitment.
	pub kyb: Commitment,
	/// The approved KYC commitment.
	pub kyc: Commitment,
	/// Day of admission.
	pub admitted: Day,
	/// Deposit (保证金) on hold, slashable by audits.
	pub deposit: Balance,
	/// Slashes the deposit could not cover; repaid first by later deposits. Minting is refused
	/// while it is non-zero.
	pub debt: Balance,
}

/// The KYB approvals of one application while more are needed (issue 25, M5): every approval
/// names the same commitment and the same operator codes, each by another verifier.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct KybTally<AccountId> {
	/// The approved KYB commitment (the application's current submission).
	pub kyb: Commitment,
	/// The operator codes every approval named.
	pub operators: OperatorCodes,
	/// The verifiers who approved, in order (distinct, never the applicant).
	pub approvers: BoundedVec<AccountId, ConstU32<MAX_APPROVALS>>,
}
