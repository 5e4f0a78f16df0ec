//! Regulator codes that tie a well to its official records: the operator code (Alberta: the
//! Petrinex `OperatorBAID`, 4 characters such as `0045` or `A5WB`) and the reporting facility
//! (Alberta: `ReportingFacilityID`, e.g. `ABBT0147937`). Both are public data, stored in the
//! clear; docs/DATA_FORMATS.md gives their real shapes and sources.
//!
//! The chain accepts any non-empty upper-case ASCII letters/digits up to the bounds below, so
//! other jurisdictions' codes fit; the offchain worker compares them with the trimmed file
//! fields byte for byte.

use sp_runtime::{traits::ConstU32, BoundedVec};

/// Longest operator code (Petrinex allows up to 20 for `OperatorBAID`; real ones have 4).
pub const MAX_OPERATOR_CODE: u32 = 20;
/// Longest reporting facility code (Petrinex: 11, e.g. `ABBT0147937`).
pub const MAX_FACILITY_CODE: u32 = 20;

/// A regulator operator code (Alberta: Petrinex `OperatorBAID`).
pub type OperatorCode = BoundedVec<u8, ConstU32<MAX_OPERATOR_CODE>>;
/// A reporting facility code (Alberta: Petrinex `ReportingFacilityID`).
pub type FacilityCode = BoundedVec<u8, ConstU32<MAX_FACILITY_CODE>>;
/// Most operator codes one producer's KYB approval records (a company seldom has more than one
/// Petrinex business associate id; a group with subsidiaries may have a few).
pub const MAX_OPERATOR_CODES: u32 = 8;
/// The operator codes a KYB approval records.
pub type OperatorCodes = BoundedVec<OperatorCode, ConstU32<MAX_OPERATOR_CODES>>;

/// Where an asset class's official production figures come from: which offchain worker feeds
/// its wells. Only a class whose source is [`OfficialSource::Petrinex`] gets Petrinex figures.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	codec::Encode,
	codec::Decode,
	codec::DecodeWithMemTracking,
	codec::MaxEncodedLen,
	scale_info::TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum OfficialSource {
	/// No official feed on chain yet: the class's wells get no official figure (and cannot mint).
	None,
	/// Alberta's Petrinex public data (Volumetrics), read by the oracle-feeds offchain worker.
	Petrinex,
}

/// Whether `code` is a well-formed regulator code: non-empty, only `A`–`Z` and `0`–`9`.
pub fn is_valid_code(code: &[u8]) -> bool {
	!code.is_empty() && code.iter().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn codes_are_upper_case_letters_and_digits() {
		for good in [&b"0045"[..], b"A5WB", b"0AW4", b"ABBT0147937", b"X"] {
			assert!(is_valid_code(good), "{good:?}");
		}
		for bad in [&b""[..], b"a5wb", b"00 45", b" 0045", b"AB-BT", b"\xc3\x84", b"***"] {
			assert!(!is_valid_code(bad), "{bad:?}");
		}
	}
}
