//! Treasurenet primitives: the types every pallet shares (days, months, well ids, commodities,
//! units) and the pure domain rules (price discount, valuation, the audit deviation/slash table,
//! the beneficiary split). Nothing here touches storage: each rule is a plain function with its
//! own tests, so it reads like the specification.
#![cfg_attr(not(feature = "std"), no_std)]
// Runtime code never panics: `scripts/lint` denies arithmetic side effects, indexing,
// unwrap/expect and panics in it (tests and benchmarks are not compiled there).

extern crate alloc;

pub mod audit;
pub mod commitment;
pub mod feeds;
pub mod horizon;
pub mod notices;
pub mod quality;
pub mod regulator;
pub mod split;
pub mod time;
pub mod traits;
pub mod units;
pub mod valuation;
pub mod window;

pub use audit::{audit, AuditOutcome, Band, DeviationBands};
pub use notices::{Notice, NoticeKind, Notify, ShortText};
pub use quality::{DiscountRules, DiscountRulesError, OilQuality};
pub use regulator::{FacilityCode, OfficialSource, OperatorCode, OperatorCodes};
pub use split::{split, split_above_minimum};
pub use time::{Day, Month};
pub use units::*;

/// Whether every item of `items` is listed once (operator codes, commodities, beneficiaries).
/// Quadratic: for the short bounded lists of calls (at most a few dozen items).
pub fn each_once<T: PartialEq>(items: &[T]) -> bool {
	items.iter().enumerate().all(|(i, x)| !items.iter().take(i).any(|y| y == x))
}

#[cfg(test)]
mod each_once_tests {
	#[test]
	fn a_repeat_anywhere_is_found() {
		assert!(super::each_once::<u8>(&[]));
		assert!(super::each_once(&[1]));
		assert!(super::each_once(&[1, 2, 3]));
		assert!(!super::each_once(&[1, 1]));
		assert!(!super::each_once(&[1, 2, 3, 1]));
		assert!(!super::each_once(&[3, 1, 2, 2]));
	}
}

/// Identifier of a registered well (assigned sequentially by the wells pallet).
pub type WellId = u32;

/// The most beneficiaries a well may have besides its owner (the wells pallet's bound, which the
/// audit's records must hold as well).
pub const MAX_BENEFICIARIES: u32 = 9;

/// The most entries one page of a paged read returns (audit records, pending applications, TAT
/// holders). Such reads walk a map in its storage order; the client asks for the next page with
/// the last key it received, so no read scans the whole chain.
pub const MAX_PAGE: u32 = 100;

/// How many entries a page asked for with `limit` holds: `limit` within 1 ..= [`MAX_PAGE`] (0
/// still reads one entry, so a client always makes progress).
pub fn page_len(limit: u32) -> usize {
	limit.clamp(1, MAX_PAGE) as usize
}

#[cfg(test)]
mod page_len_tests {
	#[test]
	fn a_page_holds_one_to_max_page_entries() {
		assert_eq!(super::page_len(0), 1);
		assert_eq!(super::page_len(1), 1);
		assert_eq!(super::page_len(99), 99);
		assert_eq!(super::page_len(100), 100);
		assert_eq!(super::page_len(101), 100);
		assert_eq!(super::page_len(u32::MAX), 100);
	}
}

/// Identifier of an asset class (region/commodity family), e.g. 0 = Canadian Petroleum Minerals.
pub type AssetClassId = u32;

/// A 32-byte commitment (blake2-256) to off-chain data: documents, identifiers.
pub type Commitment = [u8; 32];
