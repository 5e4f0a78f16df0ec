//! Document commitments and the approval thresholds of the judges (issue 25, M5).
//!
//! Only commitments to off-chain documents go on chain. A commitment is **bound to the account
//! that submits it**:
//!
//! ```text
//! document_hash = blake2-256(document bytes)
//! commitment    = blake2-256(salt ‖ account ‖ document_hash)      (32 + 32 + 32 bytes)
//! ```
//!
//! `salt` is 32 random bytes the client draws (so nobody can test guessed documents against the
//! chain) and `account` the submitting account's 32 bytes (its public key, `AccountId32`). The
//! chain never sees the document or the salt, so it cannot check the binding itself: the
//! verifier (or Foundation Manager) who receives the document and the salt off chain recomputes
//! the commitment **with the applicant's account** and refuses a mismatch. A commitment copied
//! from another account's application (the "copied commitment" attack) then differs:
//! `bind(salt, B, doc) ≠ bind(salt, A, doc)`, whatever salt and document B hands over. On chain,
//! the producers pallet also refuses a KYB commitment another producer was admitted with
//! (`KybInUse`).
//!
//! The same formula is implemented by the portal (`portal/src/lib/hash.ts`) and the client
//! scripts (`zombienet/lib/commitment.mjs`); all three check the test vector below.

use crate::Commitment;
use sp_runtime::traits::{BlakeTwo256, Hash};

/// The most judges an approval threshold may ask for (`KybApprovals`, `WellApprovals`): the
/// bound of the stored tallies.
pub const MAX_APPROVALS: u32 = 5;

/// The approvals a decision needs with the threshold `configured`: within 1 ..= [`MAX_APPROVALS`]
/// whatever the parameter says (0 would pass without a judge).
pub fn approvals_needed(configured: u32) -> u32 {
	configured.clamp(1, MAX_APPROVALS)
}

/// blake2-256 of a document's bytes.
pub fn document_hash(document: &[u8]) -> [u8; 32] {
	BlakeTwo256::hash(document).0
}

/// The commitment `account` submits for a document: blake2-256(salt ‖ account ‖ document_hash).
pub fn bind(salt: &[u8; 32], account: &[u8], document_hash: &[u8; 32]) -> Commitment {
	let mut buf = alloc::vec::Vec::with_capacity(
		salt.len().saturating_add(account.len()).saturating_add(document_hash.len()),
	);
	buf.extend_from_slice(salt);
	buf.extend_from_slice(account);
	buf.extend_from_slice(document_hash);
	BlakeTwo256::hash(&buf).0
}

/// Whether `commitment` is `account`'s commitment to `document` with `salt` (the verifier's
/// check).
pub fn binds(commitment: &Commitment, salt: &[u8; 32], account: &[u8], document: &[u8]) -> bool {
	bind(salt, account, &document_hash(document)) == *commitment
}

#[cfg(test)]
mod tests {
	use super::*;

	fn hex(b: &[u8]) -> String {
		b.iter().map(|x| format!("{x:02x}")).collect()
	}
	fn unhex(s: &str) -> Vec<u8> {
		(0..s.len())
			.step_by(2)
			.map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
			.collect()
	}

	/// //Alice's and //Bob's sr25519 public keys (their account ids).
	const ALICE: &str = "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d";
	const BOB: &str = "8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48";
	const SALT: [u8; 32] = [0x11; 32];
	const DOC: &[u8] = b"Treasurenet KYB test vector";

	/// The cross-language test vector (the same numbers in `zombienet/lib/commitment.test.mjs`
	/// and `portal/src/lib/hash.ts`).
	#[test]
	fn the_test_vector() {
		let d = document_hash(DOC);
		assert_eq!(hex(&d), "a6f0e253a908603f34a0f2f17d027441820fb43f788a901d1727222123426848");
		assert_eq!(
			hex(&bind(&SALT, &unhex(ALICE), &d)),
			"58d5e284e1c56f8b19c1f2b08ef5cdfe7941ea42493a089c49dc375f74c60b65"
		);
		assert_eq!(
			hex(&bind(&SALT, &unhex(BOB), &d)),
			"1f613eb23dd004e8dcfcac51a355d97195c92e1ddb0e0f2dbedd97ae127d2bd5"
		);
	}

	/// The copied-commitment attack: Bob submits Alice's commitment and hands the verifier
	/// Alice's salt and document; recomputed with Bob's account it does not match.
	#[test]
	fn a_copied_commitment_does_not_bind_the_copier() {
		let alice_commitment = bind(&SALT, &unhex(ALICE), &document_hash(DOC));
		assert!(binds(&alice_commitment, &SALT, &unhex(ALICE), DOC));
		assert!(!binds(&alice_commitment, &SALT, &unhex(BOB), DOC));
		// Another salt or document does not match either.
		assert!(!binds(&alice_commitment, &[0x12; 32], &unhex(ALICE), DOC));
		assert!(!binds(&alice_commitment, &SALT, &unhex(ALICE), b"another document"));
	}

	#[test]
	fn a_threshold_needs_one_to_five_judges() {
		assert_eq!(approvals_needed(0), 1);
		assert_eq!(approvals_needed(1), 1);
		assert_eq!(approvals_needed(2), 2);
		assert_eq!(approvals_needed(5), 5);
		assert_eq!(approvals_needed(6), 5);
		assert_eq!(approvals_needed(u32::MAX), 5);
	}
}
