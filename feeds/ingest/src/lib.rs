//! # tn-ingest — storage-free streaming parsers for the Treasurenet oracle feeds
//!
//! This crate is used by an offchain worker that runs **inside the wasm runtime**, so it is
//! `#![no_std]` (+ `alloc`), contains no `unsafe`, no floating point and never panics on any
//! input: every failure is returned as a named error enum.
//!
//! It has two parsers:
//!
//! * [`petrinex`] — Alberta Petrinex monthly volumetric files (`.../Files/AB/Vol/{YYYY-MM}/CSV`):
//!   a ZIP whose single entry is a ZIP whose single entry is `Vol_YYYY-MM-AB.csv` (~8 MB zipped,
//!   ~120 MB / ~500k rows unzipped). The body is pushed in arbitrary chunks through a
//!   push-style state machine ([`PetrinexIngest`]) and is never held in memory:
//!
//!   ```text
//!   HTTP body chunks
//!     └─ outer ZIP local-file-header parser ─ inflate (raw deflate / stored) ─┐
//!        ┌────────────────────────────────────────────────────────────────────┘
//!        └─ inner ZIP local-file-header parser ─ inflate (raw deflate / stored) ─┐
//!           ┌────────────────────────────────────────────────────────────────────┘
//!           └─ CSV tokenizer (csv-core, incremental) ─ row filter ─ BTreeMap<well, total>
//!   ```
//!
//!   **Memory bound.** Per ZIP layer: one 32 KiB wrapping inflate window plus one boxed
//!   `DecompressorOxide` (≈ 11 KiB); the CSV stage holds one record (a growable buffer capped at
//!   [`petrinex::MAX_RECORD_BYTES`] = 64 KiB, typically < 1 KiB) plus the csv-core automaton
//!   (a few KiB); the result map holds one small entry per *matched* well (≈ 1,000 wells). In
//!   total well under 256 KiB, independent of the file size.
//!
//! * [`eia`] — EIA open-data API v2 daily spot prices (WTI, Henry Hub). The body is small (KBs)
//!   and is parsed in one go with `serde_json` ([`parse_eia_prices`]).
//!
//! Dates are checked against the chain's one calendar, `tn-calendar` (shared with tn-primitives;
//! a crate of its own so this one stays free of FRAME).
//!
//! All quantities are parsed **exactly** from their decimal text into integers (thousandths of
//! the unit for volumes, micro-USD for prices).
#![cfg_attr(not(feature = "std"), no_std)]
// Runtime code never panics: `scripts/lint` denies arithmetic side effects, indexing,
// unwrap/expect and panics in it (tests and benchmarks are not compiled there).
#![warn(missing_docs)]

extern crate alloc;
#[cfg(test)]
extern crate std;

pub mod decimal;
pub mod eia;
pub mod petrinex;
mod zip;

#[cfg(test)]
mod petrinex_tests;
#[cfg(test)]
mod testutil;

pub use eia::{parse_eia_prices, EiaError, EiaPrice, PriceProblem};
pub use petrinex::{
	FnMatcher, IngestError, IngestSummary, Layer, PetrinexIngest, WellMatcher, WellTotal,
};
