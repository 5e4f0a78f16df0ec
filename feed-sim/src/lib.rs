//! `tn-feed-sim`: an offline, deterministic imitation of the two public data APIs Treasurenet's
//! offchain workers read, served on loopback only, so feeders can be tested and benchmarked
//! without the internet.
//!
//! * **Petrinex public data** (Alberta's official monthly production):
//!   `GET /publicdata/API/Files/AB/Vol/{YYYY-MM}/CSV` → a zip holding `Vol_{YYYY-MM}-AB.csv.zip`,
//!   a zip holding `Vol_{YYYY-MM}-AB.CSV` (Latin-1, CRLF, 30 columns). See [`petrinex`] for the
//!   exact format (confidential wells masked in their identifiers, operators and facilities),
//!   the rule that defines a well's official volume, the traps, and versions (amendments);
//!   [`zip`] for the archive layout (flag bit 3, data descriptors).
//! * **EIA open data v2** (daily WTI / Henry Hub prices):
//!   `GET /v2/petroleum/pri/spt/data/?…` and `GET /v2/natural-gas/pri/fut/data/?…` → EIA's JSON
//!   (string values printed as EIA does: `"73.27"`, `"2.1"`, `".31"`; no weekend rows,
//!   publication lag, 5000-row cap with a warning). See [`eia`].
//! * **Control** endpoints switch the data endpoints into failure modes (404, 500, slow,
//!   truncated, garbage, down, json-error, transient-404), publish amended versions and later
//!   months, and report what a correct client must find. See [`server`].
//!
//! Everything generated is a pure function of the [`SimConfig`] (seed, wells, overrides, …), so
//! a test can compare what its parser extracted with [`expected_totals`] / [`eia_prices`] without
//! running the server at all, or produce a full file with [`petrinex_month_zip`].
//!
//! Configuration: [`config`] (JSON file and/or command-line flags of the `tn-feed-sim` binary).

#![warn(missing_docs)]

pub mod config;
pub mod date;
pub mod eia;
pub mod petrinex;
pub mod rng;
pub mod server;
pub mod wellid;
pub mod zip;

pub use config::{Milli, Mode, OfficialVolume, Product, SimConfig};
pub use date::{Date, Month};
pub use eia::{eia_json, eia_prices, EiaError};
pub use petrinex::{
	expected_totals, file_updated_date, petrinex_month_zip, write_month_csv, write_month_zip,
	OfficialFigure, HEADER, MASKED,
};
pub use server::{Server, ServerHandle};
pub use wellid::{generated_well_id, generated_well_ids, WellId};
