//! Simulator configuration: a JSON file (every field optional) and/or command-line flags.
//!
//! ```json
//! {
//!   "listen": "127.0.0.1:8787",
//!   "seed": 42,
//!   "api_key": "tn-dev-key",
//!   "mode": "healthy",
//!   "slow_secs": 30,
//!   "petrinex": {
//!     "rows": 2000,
//!     "published_from": "2015-01",
//!     "published_through": "2026-01",
//!     "wells": [
//!       { "id": "100071901015W400", "product": "OIL", "months": { "2026-01": "1234.567" },
//!         "operator": "A1B2", "operator_name": "PRAIRIE SKY ROYALTY LTD.", "facility": "ABBT0071901",
//!         "other_operator": { "operator": "Z9Y8", "facility": "ABBT0999999",
//!                             "months": { "2026-01": "5.000" } } },
//!       { "id": "100161002320W500", "product": "GAS", "months": { "2026-01": "845.210", "2025-12": "***" } },
//!       { "id": "1W0052706219W500", "product": "OIL", "confidential": true,
//!         "months": { "2026-01": "310.000" } }
//!     ],
//!     "generate": { "count": 10, "from": "2025-01", "through": null, "gas_fraction": 0.3 },
//!     "versions": { "2025-12": 2 },
//!     "amendments": [
//!       { "month": "2026-01", "version": 2, "well": "100071901015W400", "volume": "1300.000",
//!         "submission_date": "2026-03-18" }
//!     ],
//!     "confidential_fraction": 0.02,
//!     "confidential_matched": true,
//!     "netting_rows": true,
//!     "decoy_rows": true,
//!     "submission_day": 20,
//!     "compression_level": 6,
//!     "cache_entries": 16
//!   },
//!   "eia": {
//!     "published_through": "2026-01-30",
//!     "lag_days": 5,
//!     "first_day": "2000-01-03",
//!     "api_version": "2.1.6",
//!     "prices": { "RWTC": { "2026-01-05": "73.27", "2026-01-19": null } },
//!     "series": []
//!   }
//! }
//! ```
//!
//! Per well:
//!
//! * `id`: the 16-character `FromToIDIdentifier`; the location exception code may be
//!   alphanumeric (`1W0052706219W500`), see [`crate::wellid`].
//! * `operator` (`OperatorBAID`, 4 digits or upper-case letters), `operator_name`
//!   (`OperatorName`) and `facility` (`ReportingFacilityID`: province + type + 7 digits,
//!   `ABBT0071901`): where the well's rows are reported. Absent ones are derived from the seed
//!   (a battery of the generated catalogue, and its operator). One facility has one operator:
//!   two wells naming the same facility with different operators are refused.
//! * `confidential: true`: the well is confidential. Its rows are written as Petrinex does,
//!   with the identifiers masked (`FromToID` and `FromToIDIdentifier` `***`, `FromToIDType`
//!   and `FromToIDProvinceState` empty), the volume numeric (the configured one) and `Hours`
//!   often `***`; the facility and operator columns stay public. No figure can be derived
//!   ([`crate::petrinex::OfficialFigure::volume`] is `None`). A month value `"***"` (the old
//!   form) makes the well confidential for that month only, with a generated volume.
//! * `other_operator`: `{ "operator": "Z9Y8", "operator_name": …, "facility": …, "months":
//!   { "2026-01": "5.000" } }` — extra `PROD` rows of the same well and product reported by
//!   another operator at another facility. They are **not** part of the well's official
//!   figure (see [`crate::petrinex`]).
//! `versions` says which version of a month is published at start (default: the highest version
//! named in `amendments` for that month, else 1). A version without an `amendments` entry changes
//! one deterministically chosen well of that month by a few percent.

use crate::date::{Date, Month};
use serde::{Deserialize, Serialize};
use serde_with::{serde_as, DisplayFromStr};
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

/// Default listening address.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8787";
/// Default EIA API key.
pub const DEFAULT_API_KEY: &str = "tn-dev-key";

/// A quantity with exactly three decimals, held as an integer number of thousandths
/// (m³ with 3 decimals = litres; e³m³ with 3 decimals = m³). Written `1234.567`, `-12.000`.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Default)]
pub struct Milli(pub i64);

impl fmt::Display for Milli {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		let sign = if self.0 < 0 { "-" } else { "" };
		let a = self.0.unsigned_abs();
		write!(f, "{sign}{}.{:03}", a / 1000, a % 1000)
	}
}

impl FromStr for Milli {
	type Err = String;
	fn from_str(s: &str) -> Result<Milli, String> {
		parse_fixed(s, 3).map(Milli)
	}
}

/// Parses a decimal with at most `decimals` fraction digits into an integer scaled by
/// `10^decimals` (`"73.2"` with 2 → 7320).
pub fn parse_fixed(s: &str, decimals: u32) -> Result<i64, String> {
	let bad = || format!("bad number {s:?}: expected digits with at most {decimals} decimals");
	let (neg, body) = match s.strip_prefix('-') {
		Some(rest) => (true, rest),
		None => (false, s),
	};
	let (int, frac) = body.split_once('.').unwrap_or((body, ""));
	if int.is_empty() || frac.len() > decimals as usize {
		return Err(bad());
	}
	if !int.bytes().all(|b| b.is_ascii_digit()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
		return Err(bad());
	}
	let scale = 10i64.pow(decimals);
	let i: i64 = int.parse().map_err(|_| bad())?;
	let mut f: i64 = if frac.is_empty() { 0 } else { frac.parse().map_err(|_| bad())? };
	f *= 10i64.pow(decimals - frac.len() as u32);
	let v = i.checked_mul(scale).and_then(|v| v.checked_add(f)).ok_or_else(bad)?;
	Ok(if neg { -v } else { v })
}

/// A well's official volume for a month as configured: a number, or `***` (confidential).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum OfficialVolume {
	/// Volume in thousandths (m³·10⁻³ for oil, e³m³·10⁻³ for gas).
	Volume(Milli),
	/// Reported as `***` in the file; no total can be derived.
	Confidential,
}

impl fmt::Display for OfficialVolume {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			OfficialVolume::Volume(m) => m.fmt(f),
			OfficialVolume::Confidential => f.write_str("***"),
		}
	}
}

impl FromStr for OfficialVolume {
	type Err = String;
	fn from_str(s: &str) -> Result<Self, String> {
		if s == "***" {
			return Ok(OfficialVolume::Confidential);
		}
		let m: Milli = s.parse()?;
		if m.0 < 0 {
			return Err(format!("volume {s:?} must not be negative"));
		}
		Ok(OfficialVolume::Volume(m))
	}
}

/// A well's product, as Petrinex's `ProductID`.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize, Deserialize)]
pub enum Product {
	/// Crude oil, m³.
	#[serde(rename = "OIL", alias = "oil")]
	Oil,
	/// Natural gas, e³m³ (thousands of m³).
	#[serde(rename = "GAS", alias = "gas")]
	Gas,
}

impl Product {
	/// The `ProductID` string.
	pub fn as_str(self) -> &'static str {
		match self {
			Product::Oil => "OIL",
			Product::Gas => "GAS",
		}
	}
}

impl FromStr for Product {
	type Err = String;
	fn from_str(s: &str) -> Result<Self, String> {
		match s.to_ascii_uppercase().as_str() {
			"OIL" => Ok(Product::Oil),
			"GAS" => Ok(Product::Gas),
			_ => Err(format!("bad product {s:?}: expected OIL or GAS")),
		}
	}
}

/// Misbehaviour of the data endpoints (see the `server` module).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
	/// Answer normally.
	#[default]
	Healthy,
	/// Answer `404 Not Found`.
	#[serde(rename = "404")]
	NotFound,
	/// Answer `500 Internal Server Error`.
	#[serde(rename = "500")]
	ServerError,
	/// Sleep `slow_secs` before answering normally.
	Slow,
	/// Send the headers with the full `Content-Length`, then half the body, then close.
	Truncated,
	/// `200 OK` with random bytes (not a zip, not JSON).
	Garbage,
	/// Close the connection without answering.
	Down,
	/// `200 OK` with a JSON error body instead of the data (a zip for Petrinex, EIA's JSON for
	/// EIA), see the `server` module.
	#[serde(rename = "json-error")]
	JsonError,
	/// `404 Not Found` for the next `transient_count` data requests, then healthy again by
	/// itself.
	#[serde(rename = "transient-404")]
	Transient404,
}

impl Mode {
	/// All modes, in the order they are documented.
	pub const ALL: [Mode; 9] = [
		Mode::Healthy,
		Mode::NotFound,
		Mode::ServerError,
		Mode::Slow,
		Mode::Truncated,
		Mode::Garbage,
		Mode::Down,
		Mode::JsonError,
		Mode::Transient404,
	];

	/// The mode's name in URLs and JSON.
	pub fn as_str(self) -> &'static str {
		match self {
			Mode::Healthy => "healthy",
			Mode::NotFound => "404",
			Mode::ServerError => "500",
			Mode::Slow => "slow",
			Mode::Truncated => "truncated",
			Mode::Garbage => "garbage",
			Mode::Down => "down",
			Mode::JsonError => "json-error",
			Mode::Transient404 => "transient-404",
		}
	}
}

impl FromStr for Mode {
	type Err = String;
	fn from_str(s: &str) -> Result<Self, String> {
		Mode::ALL.into_iter().find(|m| m.as_str() == s).ok_or_else(|| {
			format!(
				"unknown mode {s:?}: expected healthy, 404, 500, slow, truncated, garbage, down, \
				 json-error or transient-404"
			)
		})
	}
}

impl fmt::Display for Mode {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		f.write_str(self.as_str())
	}
}

/// The whole simulator configuration.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SimConfig {
	/// Listening address; must be a loopback address (`127.0.0.1:8787` by default).
	pub listen: String,
	/// Seed of every generated value.
	pub seed: u64,
	/// The EIA `api_key` that requests must carry.
	pub api_key: String,
	/// Initial misbehaviour mode of both data APIs.
	pub mode: Mode,
	/// Seconds the `slow` mode waits before answering.
	pub slow_secs: u64,
	/// How many data requests the `transient-404` mode answers with 404 before it turns back
	/// to `healthy` (per API).
	pub transient_count: u32,
	/// Petrinex settings.
	pub petrinex: PetrinexConfig,
	/// EIA settings.
	pub eia: EiaConfig,
}

impl Default for SimConfig {
	fn default() -> Self {
		SimConfig {
			listen: DEFAULT_LISTEN.into(),
			seed: 42,
			api_key: DEFAULT_API_KEY.into(),
			mode: Mode::Healthy,
			slow_secs: 30,
			transient_count: 2,
			petrinex: PetrinexConfig::default(),
			eia: EiaConfig::default(),
		}
	}
}

/// Petrinex settings.
#[serde_as]
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PetrinexConfig {
	/// Data rows per monthly file (not counting the header); raised if the configured wells need
	/// more. 500 000 gives a real-sized file (~120 MB of CSV).
	pub rows: u64,
	/// First month with a file (earlier months: 404).
	#[serde_as(as = "DisplayFromStr")]
	pub published_from: Month,
	/// Last month with a file (later months: 404). Default: the month before the current UTC
	/// month.
	#[serde_as(as = "Option<DisplayFromStr>")]
	pub published_through: Option<Month>,
	/// Wells with configured official volumes.
	pub wells: Vec<WellConfig>,
	/// Deterministically generated wells, in addition to `wells`.
	pub generate: Option<GenerateWells>,
	/// Published version of a month at start (`"2026-01": 2`).
	#[serde_as(as = "BTreeMap<DisplayFromStr, _>")]
	pub versions: BTreeMap<Month, u32>,
	/// What changes in a version ≥ 2 of a month.
	pub amendments: Vec<AmendmentConfig>,
	/// Fraction of the filler wells that are confidential: their rows have `FromToID` and
	/// `FromToIDIdentifier` masked as `***` (volumes stay numeric).
	pub confidential_fraction: f64,
	/// Make the facility of some configured wells (the first one and about 40 % of the others)
	/// also report a confidential (masked) well's `PROD` rows of the same product: a parser
	/// that matches by facility or operator instead of identifier counts them.
	pub confidential_matched: bool,
	/// Give some configured wells a reversal (about 10 %, and at least one well per file): one
	/// production row is inflated by X and a separate row of −X nets it out.
	pub netting_rows: bool,
	/// Add rows for a neighbouring event sequence of each configured well (`…W402` for
	/// `…W400`), which must not be counted.
	pub decoy_rows: bool,
	/// Day of the following month that is version 1's submission date.
	pub submission_day: u8,
	/// Deflate level 1..=9 (0 and 10 are accepted and written as 1 and 9).
	pub compression_level: u8,
	/// How many generated month files the server keeps in memory.
	pub cache_entries: usize,
}

impl Default for PetrinexConfig {
	fn default() -> Self {
		PetrinexConfig {
			rows: 2_000,
			published_from: Month { year: 2015, month: 1 },
			published_through: None,
			wells: Vec::new(),
			generate: None,
			versions: BTreeMap::new(),
			amendments: Vec::new(),
			confidential_fraction: 0.02,
			confidential_matched: true,
			netting_rows: true,
			decoy_rows: true,
			submission_day: 20,
			compression_level: 6,
			cache_entries: 16,
		}
	}
}

/// A configured well.
#[serde_as]
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WellConfig {
	/// Its 16-character identifier (`FromToIDIdentifier`), e.g. `100071901015W400` or
	/// `1W0052706219W500`.
	pub id: String,
	/// `OIL` (volumes in m³) or `GAS` (volumes in e³m³).
	pub product: Product,
	/// Official volume per month: `"1234.567"` (3 decimals at most) or `"***"` (confidential
	/// that month).
	#[serde(default)]
	#[serde_as(as = "BTreeMap<DisplayFromStr, DisplayFromStr>")]
	pub months: BTreeMap<Month, OfficialVolume>,
	/// The well is confidential: its rows carry `***` instead of its identifier.
	#[serde(default, skip_serializing_if = "std::ops::Not::not")]
	pub confidential: bool,
	/// `OperatorBAID` of its rows (4 digits or upper-case letters, e.g. `A1B2`); default:
	/// derived from the seed.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub operator: Option<String>,
	/// `OperatorName` of its rows; default: derived from the seed.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub operator_name: Option<String>,
	/// `ReportingFacilityID` of its rows (`ABBT0071901`); default: derived from the seed.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub facility: Option<String>,
	/// Rows of the same well reported by another operator (not part of its official figure).
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub other_operator: Option<OtherOperatorConfig>,
}

impl WellConfig {
	/// A well with volumes and every optional field absent.
	pub fn new(
		id: impl Into<String>,
		product: Product,
		months: BTreeMap<Month, OfficialVolume>,
	) -> WellConfig {
		WellConfig {
			id: id.into(),
			product,
			months,
			confidential: false,
			operator: None,
			operator_name: None,
			facility: None,
			other_operator: None,
		}
	}
}

/// Another operator's `PROD` rows for a configured well (same `FromToIDIdentifier`, same
/// product), at its own facility.
#[serde_as]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OtherOperatorConfig {
	/// Its `OperatorBAID`; must differ from the well's operator.
	pub operator: String,
	/// Its `OperatorName`; default: derived from the seed.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub operator_name: Option<String>,
	/// Its `ReportingFacilityID`; default: derived from the seed.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub facility: Option<String>,
	/// Volume of its row per month (3 decimals at most; may be negative).
	#[serde(default)]
	#[serde_as(as = "BTreeMap<DisplayFromStr, DisplayFromStr>")]
	pub months: BTreeMap<Month, Milli>,
}

/// Checks an `OperatorBAID`: 4 ASCII digits or upper-case letters (`A1B2`, `0098`).
pub fn check_operator(baid: &str) -> Result<(), String> {
	if baid.len() == 4 && baid.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_uppercase()) {
		Ok(())
	} else {
		Err(format!("bad operator {baid:?}: expected 4 digits or upper-case letters, e.g. A1B2"))
	}
}

/// Checks a `ReportingFacilityID`: province (2 upper-case letters) + facility type (2
/// upper-case letters) + 7 digits, e.g. `ABBT0071901`.
pub fn check_facility(id: &str) -> Result<(), String> {
	let b = id.as_bytes();
	if b.len() == 11
		&& b[..4].iter().all(u8::is_ascii_uppercase)
		&& b[4..].iter().all(u8::is_ascii_digit)
		&& &b[4..] != b"0000000"
	{
		Ok(())
	} else {
		Err(format!("bad facility {id:?}: expected province + type + 7 digits, e.g. ABBT0071901"))
	}
}

/// Deterministically generated wells: ids from [`crate::wellid::generated_well_id`], volumes
/// from the seed, for every month in `from..=through`.
#[serde_as]
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct GenerateWells {
	/// How many wells.
	pub count: u32,
	/// First month with production.
	#[serde_as(as = "DisplayFromStr")]
	pub from: Month,
	/// Last month with production (`null`: no end).
	#[serde_as(as = "Option<DisplayFromStr>")]
	pub through: Option<Month>,
	/// Fraction of gas wells (the rest produce oil).
	pub gas_fraction: f64,
}

impl Default for GenerateWells {
	fn default() -> Self {
		GenerateWells {
			count: 0,
			from: Month { year: 2020, month: 1 },
			through: None,
			gas_fraction: 0.3,
		}
	}
}

/// One amendment: version `version` of `month` changes `well` to `volume` and carries
/// `submission_date`. Missing fields are chosen deterministically.
#[serde_as]
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AmendmentConfig {
	/// The amended month.
	#[serde_as(as = "DisplayFromStr")]
	pub month: Month,
	/// The version this amendment creates (≥ 2).
	pub version: u32,
	/// The well whose volume changes (default: chosen from the month's wells).
	#[serde(default)]
	pub well: Option<String>,
	/// Its new volume (default: the previous one changed by a few percent).
	#[serde(default)]
	#[serde_as(as = "Option<DisplayFromStr>")]
	pub volume: Option<OfficialVolume>,
	/// The new file's SubmissionDate (default: day 15 of month + version).
	#[serde(default)]
	#[serde_as(as = "Option<DisplayFromStr>")]
	pub submission_date: Option<Date>,
}

/// EIA settings.
#[serde_as]
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EiaConfig {
	/// Last day with data (later days: no row). Default: today (UTC) minus `lag_days`.
	#[serde_as(as = "Option<DisplayFromStr>")]
	pub published_through: Option<Date>,
	/// Publication lag used when `published_through` is not set.
	pub lag_days: u32,
	/// First day with data.
	#[serde_as(as = "DisplayFromStr")]
	pub first_day: Date,
	/// The `apiVersion` field of responses.
	pub api_version: String,
	/// Price overrides: series → day → price string (`"73.27"`, `".31"`), or `null` for a
	/// holiday (no row).
	#[serde_as(as = "BTreeMap<_, BTreeMap<DisplayFromStr, _>>")]
	pub prices: BTreeMap<String, BTreeMap<Date, Option<String>>>,
	/// Extra series, or replacements of built-in ones with the same `id`.
	pub series: Vec<SeriesConfig>,
}

impl Default for EiaConfig {
	fn default() -> Self {
		EiaConfig {
			published_through: None,
			lag_days: 5,
			first_day: Date { year: 2000, month: 1, day: 3 },
			api_version: "2.1.6".into(),
			prices: BTreeMap::new(),
			series: Vec::new(),
		}
	}
}

/// A daily EIA price series and its facet columns.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeriesConfig {
	/// Series id (`RWTC`).
	pub id: String,
	/// Route under `/v2/` without `/data/` (`petroleum/pri/spt`).
	pub route: String,
	/// `duoarea` column.
	pub duoarea: String,
	/// `area-name` column.
	pub area_name: String,
	/// `product` column.
	pub product: String,
	/// `product-name` column.
	pub product_name: String,
	/// `process` column.
	pub process: String,
	/// `process-name` column.
	pub process_name: String,
	/// `series-description` column.
	pub description: String,
	/// `units` column (`$/BBL`).
	pub units: String,
	/// Typical price, e.g. `"72.00"`.
	pub base_price: String,
	/// Relative size of the slow swings (0.15 = ±15 % or so).
	#[serde(default = "default_volatility")]
	pub volatility: f64,
	/// Fraction of days whose generated price dips below 1 (printed `.31` as EIA does);
	/// built-in: 0.01 for `RNGWHHD`, 0 otherwise.
	#[serde(default)]
	pub dip_fraction: f64,
}

fn default_volatility() -> f64 {
	0.15
}

impl SimConfig {
	/// Reads a JSON configuration file.
	pub fn from_file(path: &std::path::Path) -> Result<SimConfig, String> {
		let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
		Self::from_json(&text).map_err(|e| format!("{}: {e}", path.display()))
	}

	/// Parses a JSON configuration and checks it.
	pub fn from_json(text: &str) -> Result<SimConfig, String> {
		let cfg: SimConfig = serde_json::from_str(text).map_err(|e| e.to_string())?;
		cfg.validate()?;
		Ok(cfg)
	}

	/// Checks the cross-field rules (ids well-formed and unique, amendments sensible, …).
	pub fn validate(&self) -> Result<(), String> {
		crate::server::check_loopback(&self.listen)?;
		let mut seen = std::collections::BTreeSet::new();
		// facility → operator, operator → name, as far as configured.
		let mut fac_op: BTreeMap<&str, &str> = BTreeMap::new();
		let mut op_name: BTreeMap<&str, &str> = BTreeMap::new();
		for w in &self.petrinex.wells {
			let err = |e: String| format!("well {:?}: {e}", w.id);
			crate::wellid::WellId::parse(&w.id).map_err(err)?;
			if !seen.insert(w.id.as_str()) {
				return Err(format!("well {:?} configured twice", w.id));
			}
			let mut sites =
				vec![(w.operator.as_deref(), w.operator_name.as_deref(), w.facility.as_deref())];
			if let Some(o) = &w.other_operator {
				check_operator(&o.operator).map_err(err)?;
				if w.operator.as_deref() == Some(o.operator.as_str()) {
					return Err(err(
						"other_operator.operator must differ from the well's operator".into(),
					));
				}
				if o.facility.is_some() && o.facility == w.facility {
					return Err(err(
						"other_operator.facility must differ from the well's facility".into(),
					));
				}
				sites.push((
					Some(o.operator.as_str()),
					o.operator_name.as_deref(),
					o.facility.as_deref(),
				));
			}
			for (op, name, fac) in sites {
				if let Some(op) = op {
					check_operator(op).map_err(err)?;
				}
				if let Some(fac) = fac {
					check_facility(fac).map_err(err)?;
				}
				if let Some(name) = name {
					if name.trim().is_empty() {
						return Err(err("operator_name must not be empty".into()));
					}
					let Some(op) = op else {
						return Err(err("operator_name needs an operator".into()));
					};
					if let Some(prev) = op_name.insert(op, name).filter(|p| *p != name) {
						return Err(err(format!("operator {op} named both {prev:?} and {name:?}")));
					}
				}
				if let (Some(op), Some(fac)) = (op, fac) {
					if let Some(prev) = fac_op.insert(fac, op).filter(|p| *p != op) {
						return Err(err(format!(
							"facility {fac} has one operator, not both {prev} and {op}"
						)));
					}
				}
			}
		}
		for a in &self.petrinex.amendments {
			if a.version < 2 {
				return Err(format!("amendment of {}: version must be ≥ 2", a.month));
			}
			if a.volume.is_some() && a.well.is_none() {
				return Err(format!(
					"amendment of {} v{}: a volume needs a well",
					a.month, a.version
				));
			}
		}
		if self.petrinex.compression_level > 10 {
			return Err("compression_level must be 0..=10".into());
		}
		if !(0.0..=1.0).contains(&self.petrinex.confidential_fraction) {
			return Err("confidential_fraction must be within 0..=1".into());
		}
		if !(1..=28).contains(&self.petrinex.submission_day) {
			return Err("submission_day must be within 1..=28".into());
		}
		for (series, days) in &self.eia.prices {
			for (day, p) in days {
				if let Some(p) = p {
					crate::eia::parse_price(p).map_err(|e| format!("price {series} {day}: {e}"))?;
				}
			}
		}
		for s in &self.eia.series {
			crate::eia::parse_price(&s.base_price).map_err(|e| format!("series {}: {e}", s.id))?;
			if !(0.0..=1.0).contains(&s.dip_fraction) {
				return Err(format!("series {}: dip_fraction must be within 0..=1", s.id));
			}
		}
		Ok(())
	}

	/// Last published Petrinex month (configured, or the month before the current one).
	pub fn petrinex_published_through(&self) -> Month {
		self.petrinex.published_through.unwrap_or_else(|| Month::today().shift(-1))
	}

	/// Last published EIA day (configured, or today minus the lag).
	pub fn eia_published_through(&self) -> Date {
		self.eia
			.published_through
			.unwrap_or_else(|| Date::today().add_days(-(self.eia.lag_days as i64)))
	}

	/// The version of `month` published at start: `versions[month]`, else the highest amendment
	/// version configured for it, else 1.
	pub fn initial_version(&self, month: Month) -> u32 {
		let from_amendments = self
			.petrinex
			.amendments
			.iter()
			.filter(|a| a.month == month)
			.map(|a| a.version)
			.max();
		self.petrinex
			.versions
			.get(&month)
			.copied()
			.or(from_amendments)
			.unwrap_or(1)
			.max(1)
	}
}

#[cfg(test)]
#[allow(clippy::field_reassign_with_default)]
mod tests {
	use super::*;

	#[test]
	fn fixed_point_parsing() {
		assert_eq!(parse_fixed("1234.567", 3), Ok(1_234_567));
		assert_eq!(parse_fixed("1234.5", 3), Ok(1_234_500));
		assert_eq!(parse_fixed("-0.005", 3), Ok(-5));
		assert_eq!(parse_fixed("7", 2), Ok(700));
		assert!(parse_fixed("1.2345", 3).is_err());
		assert!(parse_fixed("1e3", 3).is_err());
		assert!(parse_fixed(".5", 3).is_err());
		assert_eq!(Milli(-12_345).to_string(), "-12.345");
		assert_eq!(Milli(5).to_string(), "0.005");
	}

	#[test]
	fn config_json() {
		let cfg = SimConfig::from_json(
			r#"{"seed":7,"petrinex":{"wells":[{"id":"100071901015W400","product":"OIL",
			"months":{"2026-01":"1234.567","2025-12":"***"}}],
			"amendments":[{"month":"2026-01","version":2}]},
			"eia":{"prices":{"RWTC":{"2026-01-05":"73.27","2026-01-06":null}}}}"#,
		)
		.unwrap();
		assert_eq!(cfg.seed, 7);
		let w = &cfg.petrinex.wells[0];
		assert_eq!(w.months[&Month::from((2026, 1))], OfficialVolume::Volume(Milli(1_234_567)));
		assert_eq!(w.months[&Month::from((2025, 12))], OfficialVolume::Confidential);
		assert_eq!(cfg.initial_version(Month::from((2026, 1))), 2);
		assert_eq!(cfg.initial_version(Month::from((2025, 1))), 1);
		assert!(SimConfig::from_json(r#"{"listen":"0.0.0.0:8787"}"#).is_err());
		assert!(SimConfig::from_json(r#"{"bogus":1}"#).is_err());
		assert!(
			SimConfig::from_json(r#"{"petrinex":{"wells":[{"id":"X","product":"OIL"}]}}"#).is_err()
		);
		// The effective configuration serialises back to something that parses.
		let again = SimConfig::from_json(&serde_json::to_string(&cfg).unwrap()).unwrap();
		assert_eq!(again.petrinex.wells[0].months, w.months);
	}

	/// The example at the top of this module parses and is valid.
	#[test]
	fn module_doc_example_parses() {
		let src = include_str!("config.rs");
		let start = src.find("//! ```json\n").unwrap() + "//! ```json\n".len();
		let end = start + src[start..].find("//! ```\n").unwrap();
		let json: String = src[start..end]
			.lines()
			.map(|l| l.trim_start_matches("//!"))
			.collect::<Vec<_>>()
			.join("\n");
		let cfg = SimConfig::from_json(&json).unwrap();
		assert_eq!(cfg.petrinex.wells.len(), 3);
		assert!(cfg.petrinex.wells[2].confidential);
		assert_eq!(cfg.petrinex.wells[0].facility.as_deref(), Some("ABBT0071901"));
	}

	#[test]
	fn well_operator_facility_and_confidentiality() {
		let cfg = SimConfig::from_json(
			r#"{"petrinex":{"wells":[
			{"id":"100071901015W400","product":"OIL","months":{"2026-08":"28.500"},
			 "operator":"A1B2","operator_name":"ÉNERGIE TEST, S.E.C.","facility":"ABBT0071901",
			 "other_operator":{"operator":"Z9Y8","facility":"ABBT0999999","months":{"2026-08":"5.000"}}},
			{"id":"1W0052706219W500","product":"GAS","confidential":true,"months":{"2026-08":"120.000"}}]}}"#,
		)
		.unwrap();
		let w = &cfg.petrinex.wells[0];
		assert_eq!(w.operator.as_deref(), Some("A1B2"));
		assert_eq!(w.facility.as_deref(), Some("ABBT0071901"));
		assert!(!w.confidential);
		let o = w.other_operator.as_ref().unwrap();
		assert_eq!(o.months[&Month::from((2026, 8))], Milli(5_000));
		assert!(cfg.petrinex.wells[1].confidential);
		let again = SimConfig::from_json(&serde_json::to_string(&cfg).unwrap()).unwrap();
		assert_eq!(again.petrinex.wells[0].other_operator, w.other_operator);
		assert!(again.petrinex.wells[1].confidential);
		let well = |extra: &str| {
			SimConfig::from_json(&format!(
				r#"{{"petrinex":{{"wells":[{{"id":"100071901015W400","product":"OIL"{extra}}}]}}}}"#
			))
		};
		assert!(well(r#","operator":"a1b2""#).is_err());
		assert!(well(r#","operator":"A1B23""#).is_err());
		assert!(well(r#","facility":"ABBT007190""#).is_err());
		assert!(well(r#","facility":"AB BT0071901""#).is_err());
		assert!(well(r#","facility":"ABBT0000000""#).is_err());
		assert!(well(r#","operator_name":"X""#).is_err(), "a name needs an operator");
		assert!(well(r#","operator":"A1B2","other_operator":{"operator":"A1B2"}"#).is_err());
		assert!(well(
			r#","facility":"ABBT0071901","other_operator":{"operator":"Z9Y8","facility":"ABBT0071901"}"#
		)
		.is_err());
		assert!(well(r#","bogus":1"#).is_err());
		assert!(well(r#","operator":"0HE9","facility":"ABBT0071901""#).is_ok());
		// One facility, one operator.
		let two = |op2: &str| {
			SimConfig::from_json(&format!(
				r#"{{"petrinex":{{"wells":[
				{{"id":"100071901015W400","product":"OIL","operator":"A1B2","facility":"ABBT0071901"}},
				{{"id":"100081901015W400","product":"OIL","operator":"{op2}","facility":"ABBT0071901"}}]}}}}"#
			))
		};
		assert!(two("A1B2").is_ok());
		assert!(two("C3D4").is_err());
		// Alphanumeric location exception codes are accepted.
		assert!(well("").is_ok());
		assert!(SimConfig::from_json(
			r#"{"petrinex":{"wells":[{"id":"1S0032506124W500","product":"OIL"}]}}"#
		)
		.is_ok());
	}
}
