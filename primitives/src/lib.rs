//! Treasurenet primitives: the types every pallet shares (days, months, well ids, commodities,
//! units) and the pure domain rules (price discount, valuation, the audit deviation/slash table,
//! the beneficiary split). Nothing here touches storage: each rule is a plain function with its
//! own tests, so it reads like the specification.
#![cfg_attr(not(feature = "std"), no_std)]
// Runtime code never panics: no unchecked arithmetic, indexing, unwrap/expect or panic outside
// tests and benchmarks (`scripts/lint` runs clippy with these denied).
#![cfg_attr(
	not(test),
	deny(
		clippy::arithmetic_side_effects,
		clippy::indexing_slicing,
		clippy::unwrap_used,
		clippy::expect_used,
		clippy::panic
	)
)]

extern crate alloc;

pub mod audit;
pub mod feeds;
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

/// Identifier of a registered well (assigned sequentially by the wells pallet).
pub type WellId = u32;

/// The most beneficiaries a well may have besides its owner (the wells pallet's bound, which the
/// audit's records must hold as well).
pub const MAX_BENEFICIARIES: u32 = 9;

/// Identifier of an asset class (region/commodity family), e.g. 0 = Canadian Petroleum Minerals.
pub type AssetClassId = u32;

/// A 32-byte commitment (blake2-256) to off-chain data: documents, identifiers.
pub type Commitment = [u8; 32];
