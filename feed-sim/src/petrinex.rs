//! Petrinex public data: Alberta's official monthly volumetric file (Conventional
//! Volumetrics, `Vol`).
//!
//! # What the download looks like
//!
//! `GET /publicdata/API/Files/AB/Vol/2026-01/CSV` answers `application/zip`: a ZIP archive with
//! one entry **`Vol_2026-01-AB.csv.zip`**, itself a ZIP archive with one entry
//! **`Vol_2026-01-AB.CSV`** (upper-case extension), as Petrinex names them. Both are deflated
//! and streamed (general-purpose flag bit 3, data descriptors; see [`crate::zip`]).
//!
//! # The CSV
//!
//! As documented in `docs/DATA_FORMATS.md` (real rows of the public file). Latin-1 (ISO-8859-1)
//! text, CRLF line ends, RFC 4180 quoting only where needed (a field containing `,` or `"` is
//! quoted and its quotes doubled: `"ACME, INC."`, `"BIG ""D"" OIL & GAS LTD."`, facility names
//! such as `"Joffre 8-25,12-20,13-30"`). A header row with the 30 columns of [`HEADER`], then
//! `rows` data rows (default 2 000; 500 000 is a real-sized file of about 110 MB). Columns of
//! note:
//!
//! | column | content |
//! |---|---|
//! | `ProductionMonth` | `2026-01` |
//! | `OperatorBAID`, `OperatorName` | the reporting facility's operator: `A1B2` (4 digits or upper-case letters), `"ACME, INC."` |
//! | `ReportingFacilityID` | `ABBT0071901` = province `AB` + type `BT` + identifier `0071901`; then the same split over `ReportingFacilityProvinceState`, `…Type`, `…Identifier` |
//! | `ReportingFacilityName` | free text, mixed case: `Two Creek 3-3-63-16w5`, `"Joffre 8-25,12-20,13-30"`, `PEMBINA BATTERY` |
//! | `ReportingFacilitySubType`, `…Desc` | `311`, `CRUDE OIL SINGLE-WELL BATTERY`; `364`, `GAS MULTIWELL PRORATION OUTSIDE SE ALBERTA BATTERY`; `621`, `GAS GATHERING SYSTEM`; … |
//! | `ReportingFacilityLocation` | two shapes: `07-19-010-15W4` (LSD-SEC-TWP-RNG W MER; LSD, section and range 2 digits, township 3) for most facilities, `10-063-16W5` (SEC-TWP-RNG W MER, no LSD) for the others (most gas plants, gathering systems and terminals) |
//! | `FacilityLegalSubdivision`, `FacilitySection`, `FacilityTownship`, `FacilityRange`, `FacilityMeridian` | always filled (also for the no-LSD location shape) and **not** zero-padded: `7`, `19`, `10`, `15`, `4` |
//! | `SubmissionDate` | `2026-02-14`; the latest one in the file is the file's version date; empty on a few proration-factor rows |
//! | `ActivityID` | `PROD` (production, the only one that counts), `DISP`, `REC`, `INJ`, `FUEL`, `FLARE`, `VENT`, `DIFF` (measurement difference, may be negative), `INVOP` / `INVCL` / `INVADJ` (inventories), `LDINVOP` / `LDINVCL` / `LDINVADJ` / `LDREC` / `LDINJ` (load fluid), `SHUTIN` (a shut-in well: no product, volume 0), `IMBAL`, `PROC`, `SHR`, `ROYALTY`, `PURREC`; **empty** on proration-factor rows |
//! | `ProductID` | `OIL` (m³), `GAS` (e³m³), `WATER` (m³), `COND` (m³), `C5-SP` (m³), `SAND` (m³), `FSHWTR` (m³); empty on proration-factor and `SHUTIN` rows |
//! | `FromToID…` | `ABWI100071901015W400`, `AB`, `WI`, `100071901015W400` for a well (the 16-character identifier may have an alphanumeric location exception: `1W0052706219W500`); **`***`, empty, empty, `***` for a confidential well** (and for the masked counterparty of some receipts and dispositions, the usual case in real files); a facility (`ABGP0012345`, `AB`, `GP`, `0012345`); the reporting facility itself for fuel, flare and vent; a bare `ABMC`, `AB`, `MC`, empty (also `RO`, `WM`); empty for differences, inventories and proration-factor rows |
//! | `Volume` | one decimal as in the real files (`157.3`, `0.0`, `-180.4` for differences and reversals); configured volumes with up to 3 (`1234.567`); numeric also in confidential wells' rows |
//! | `Energy` | `0.0` on most rows, GJ on some gas rows |
//! | `Hours` | 0 … 744: on a well's `PROD` rows the hours sit on the main product's row, the other rows say `0`; `0` on other rows; `***` on some confidential wells' rows (allowed, not seen in real files) |
//! | `CCICode` | a single space ` `; empty on masked (`***`) and proration-factor rows |
//! | `ProrationProduct`, `ProrationFactor` | `OIL` / `GAS` / `WATER` and `0.73469` on proration-factor rows (at proration batteries), empty otherwise |
//! | `Heat` | empty, except on some gas rows of gas plants (`38.50`) |
//!
//! Rows come in runs: a battery reports many wells (blocks of 12 rows share a reporting
//! facility), each well with one `PROD` row per product.
//!
//! # The official volume of a well
//!
//! A configured well's official production for the month is the **sum of `Volume` over the rows
//! with `ActivityID = PROD`, `ProductID` = the well's product, `FromToIDType = WI`,
//! `FromToIDIdentifier` = the well's id and `OperatorBAID` = the well's operator**
//! ([`OfficialFigure::operator`]; all those rows are at [`OfficialFigure::facility`]).
//! Normally that is a single row; some wells (≈ 10 %, and at least one per file when
//! `netting_rows` is on) have an inflated row plus a negative reversal row that nets it out, a
//! few (≈ 5 %) have their volume split over two rows. Traps that must *not* count:
//!
//! * `PROD` rows of the same well and product under **another `OperatorBAID`** at another
//!   facility (configured per well with `other_operator`: a well also reported by another
//!   operator);
//! * the well's `WATER` and solution-gas / condensate `PROD` rows, an `INJ` row with its
//!   identifier, a `DISP` row of its product from its facility;
//! * a row for the neighbouring event sequence (`…W402`);
//! * a confidential (masked) well's `PROD` rows of the same product at the same facility.
//!
//! A **confidential** well (`"confidential": true`, or a month value `"***"`) is written with
//! its identifiers masked (`***`), so no parser can find it: [`OfficialFigure::volume`] is then
//! `None`, [`OfficialFigure::confidential`] `true`.
//!
//! # Versions
//!
//! Version 1 of month M has SubmissionDates in M+1, days 1..`submission_day` (20), the latest
//! being exactly day `submission_day`. Version k ≥ 2 changes one well (configured in
//! `amendments`, or chosen deterministically) and its rows carry the new, later SubmissionDate
//! (default day 15 of M+k); the first data row always carries the file's version date, so the
//! maximum SubmissionDate is the version date. Everything else is byte-identical between
//! versions.

use crate::config::{Milli, OfficialVolume, Product, SimConfig, WellConfig};
use crate::date::{Date, Month};
use crate::rng::{hash, hash_str, Rng};
use crate::wellid::{generated_well_ids, WellId};
use crate::zip::{entry_options, zip_in_zip};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::io::{self, Write};

/// The 30 columns of the volumetric CSV, in order.
pub const HEADER: [&str; 30] = [
	"ProductionMonth",
	"OperatorBAID",
	"OperatorName",
	"ReportingFacilityID",
	"ReportingFacilityProvinceState",
	"ReportingFacilityType",
	"ReportingFacilityIdentifier",
	"ReportingFacilityName",
	"ReportingFacilitySubType",
	"ReportingFacilitySubTypeDesc",
	"ReportingFacilityLocation",
	"FacilityLegalSubdivision",
	"FacilitySection",
	"FacilityTownship",
	"FacilityRange",
	"FacilityMeridian",
	"SubmissionDate",
	"ActivityID",
	"ProductID",
	"FromToID",
	"FromToIDProvinceState",
	"FromToIDType",
	"FromToIDIdentifier",
	"Volume",
	"Energy",
	"Hours",
	"CCICode",
	"ProrationProduct",
	"ProrationFactor",
	"Heat",
];

/// The masked identifier of a confidential well.
pub const MASKED: &str = "***";

/// The download path of a month: `/publicdata/API/Files/AB/Vol/2026-01/CSV`.
pub fn url_path(month: Month) -> String {
	format!("/publicdata/API/Files/AB/Vol/{month}/CSV")
}

/// Name of the inner archive (the outer archive's only entry): `Vol_2026-01-AB.csv.zip`.
pub fn inner_zip_name(month: Month) -> String {
	format!("Vol_{month}-AB.csv.zip")
}

/// Name of the CSV (the inner archive's only entry), with Petrinex's upper-case extension:
/// `Vol_2026-01-AB.CSV`.
pub fn csv_name(month: Month) -> String {
	format!("Vol_{month}-AB.CSV")
}

/// A well's official figure in one version of a month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfficialFigure {
	/// The product that counts (`OIL` or `GAS`).
	pub product: Product,
	/// Sum of its PROD rows under its operator, in thousandths of m³ (oil) or of e³m³ (gas);
	/// `None` if confidential. Thousandths of m³ are litres and thousandths of e³m³ are m³: the
	/// chain's units.
	pub volume: Option<Milli>,
	/// The version that last changed it (1 if never amended).
	pub version: u32,
	/// The SubmissionDate of its rows.
	pub submission_date: Date,
	/// `OperatorBAID` of the rows that count (`A1B2`).
	pub operator: String,
	/// `ReportingFacilityID` of the rows that count (`ABBT0071901`).
	pub facility: String,
	/// The well is confidential this month: its rows are written with `***` identifiers.
	pub confidential: bool,
	/// Rows of the same well and product that another operator reports this month, which must
	/// not be counted: (`OperatorBAID`, `ReportingFacilityID`, their volume).
	pub other_operator: Option<(String, String, Milli)>,
}

/// What version k of a month changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Amendment {
	/// The version.
	pub version: u32,
	/// Its SubmissionDate (the file's version date).
	pub submission_date: Date,
	/// The amended well, with its volume before and after (`None` when the month has no well to
	/// change: then only the date moves).
	pub change: Option<(String, OfficialVolume, OfficialVolume)>,
}

/// A well in one version of a month.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WellMonth {
	/// Its product.
	pub product: Product,
	/// Its volume as configured (or amended); `Confidential` for a month value `***`.
	pub volume: OfficialVolume,
	/// Its identifiers are masked this month.
	pub confidential: bool,
	/// The version that last changed it.
	pub changed: u32,
}

/// A month's wells and versions, resolved from the configuration.
#[derive(Clone, Debug)]
pub struct MonthState {
	/// The month.
	pub month: Month,
	/// The version described.
	pub version: u32,
	/// Well id → its state.
	pub wells: BTreeMap<String, WellMonth>,
	/// Versions 2..=version, in order.
	pub amendments: Vec<Amendment>,
	/// Version date of each version 1..=version (index 0 = version 1).
	pub dates: Vec<Date>,
}

impl MonthState {
	/// Resolves `version` of `month` (versions < 1 are treated as 1).
	pub fn new(cfg: &SimConfig, month: Month, version: u32) -> MonthState {
		let version = version.max(1);
		let p = &cfg.petrinex;
		let mut wells = BTreeMap::new();
		for w in &p.wells {
			if let Some(v) = w.months.get(&month) {
				let confidential = w.confidential || *v == OfficialVolume::Confidential;
				let wm = WellMonth { product: w.product, volume: *v, confidential, changed: 1 };
				wells.insert(w.id.clone(), wm);
			}
		}
		if let Some(g) = &p.generate {
			let active = month >= g.from && g.through.is_none_or(|t| month <= t);
			if active {
				for (i, id) in generated_well_ids(cfg.seed, g.count).into_iter().enumerate() {
					let (product, volume) =
						generated_volume(cfg.seed, i as u32, g.gas_fraction, month);
					wells.entry(id.to_string()).or_insert(WellMonth {
						product,
						volume: OfficialVolume::Volume(volume),
						confidential: false,
						changed: 1,
					});
				}
			}
		}
		let mut dates = vec![month.shift(1).day(p.submission_day)];
		let mut amendments = Vec::new();
		for k in 2..=version {
			let conf = p.amendments.iter().find(|a| a.month == month && a.version == k);
			let mut rng = Rng::new(&[cfg.seed, 0xA3E4D, month.index() as u64, k as u64]);
			let prev = *dates.last().expect("version 1 date");
			let default_date = month.shift(k as i64).day(15);
			let mut date = conf.and_then(|a| a.submission_date).unwrap_or(default_date);
			if date <= prev {
				date = prev.add_days(1);
			}
			dates.push(date);
			let target = conf.and_then(|a| a.well.clone()).or_else(|| {
				let candidates: Vec<&String> = wells
					.iter()
					.filter(|(_, w)| {
						!w.confidential && matches!(w.volume, OfficialVolume::Volume(_))
					})
					.map(|(id, _)| id)
					.collect();
				(!candidates.is_empty())
					.then(|| candidates[rng.below(candidates.len() as u64) as usize].clone())
			});
			let change = target.map(|id| {
				let configured = p.wells.iter().find(|w| w.id == id);
				let product = wells
					.get(&id)
					.map(|w| w.product)
					.or_else(|| configured.map(|w| w.product))
					.unwrap_or(Product::Oil);
				let old =
					wells.get(&id).map(|w| w.volume).unwrap_or(OfficialVolume::Volume(Milli(0)));
				let new = conf.and_then(|a| a.volume).unwrap_or_else(|| match old {
					OfficialVolume::Volume(Milli(v)) => {
						let delta = (v * rng.range(10, 50) / 1000).max(1 + rng.below(999) as i64);
						let v2 =
							if rng.chance(0.5) && v - delta > 0 { v - delta } else { v + delta };
						OfficialVolume::Volume(Milli(v2))
					},
					OfficialVolume::Confidential => {
						OfficialVolume::Volume(Milli(rng.range(1_000, 999_999)))
					},
				});
				let confidential = configured.is_some_and(|w| w.confidential)
					|| new == OfficialVolume::Confidential;
				wells.insert(
					id.clone(),
					WellMonth { product, volume: new, confidential, changed: k },
				);
				(id, old, new)
			});
			amendments.push(Amendment { version: k, submission_date: date, change });
		}
		MonthState { month, version, wells, amendments, dates }
	}

	/// The file's version date: the latest SubmissionDate in it.
	pub fn updated(&self) -> Date {
		*self.dates.last().expect("at least version 1")
	}

	/// SubmissionDate of a well's rows.
	fn well_date(&self, seed: u64, id: &str, changed_in: u32) -> Date {
		if changed_in >= 2 {
			return self.dates[changed_in as usize - 1];
		}
		let last = self.dates[0];
		let mut rng = Rng::new(&[seed, 0xDA7E, self.month.index() as u64, hash_str(id)]);
		last.month_of().day(rng.range(1, last.day as i64) as u8)
	}

	/// The volume written in a well's rows: its configured volume, or for a month value `***`
	/// a generated one (oil 20–2 500 m³, gas 50–6 000 e³m³).
	pub fn written_volume(&self, seed: u64, id: &str) -> Option<Milli> {
		let w = self.wells.get(id)?;
		Some(match w.volume {
			OfficialVolume::Volume(m) => m,
			OfficialVolume::Confidential => {
				let mut rng = Rng::new(&[seed, 0xC0F, self.month.index() as u64, hash_str(id)]);
				log_uniform(&mut rng, w.product)
			},
		})
	}
}

fn log_uniform(rng: &mut Rng, product: Product) -> Milli {
	let (lo, hi) = match product {
		Product::Oil => (20.0f64, 2_500.0f64),
		Product::Gas => (50.0, 6_000.0),
	};
	let v = (lo.ln() + rng.unit() * (hi.ln() - lo.ln())).exp();
	Milli((v * 1000.0).round() as i64)
}

/// Volume of the `index`-th generated well in `month`: product fixed per well, volume varying by
/// month (oil 20–2 500 m³, gas 50–6 000 e³m³).
pub fn generated_volume(
	seed: u64,
	index: u32,
	gas_fraction: f64,
	month: Month,
) -> (Product, Milli) {
	let product = if Rng::new(&[seed, 0x6A5, index as u64]).chance(gas_fraction) {
		Product::Gas
	} else {
		Product::Oil
	};
	let mut rng = Rng::new(&[seed, 0x701, index as u64, month.index() as u64]);
	(product, log_uniform(&mut rng, product))
}

/// The official figures a parser must find in `version` of `month`: well id → figure.
/// Panics if `month.1` is not within 1..=12.
pub fn expected_totals(
	cfg: &SimConfig,
	month: (u16, u8),
	version: u32,
) -> BTreeMap<String, OfficialFigure> {
	let st = MonthState::new(cfg, month.into(), version);
	let cat = Catalog::new(cfg);
	st.wells
		.iter()
		.map(|(id, w)| {
			let site = cat.site(id, w.product);
			let fac = &cat.facilities[site.own];
			let other = site.other.and_then(|(o, cfg_well)| {
				let v =
					cfg.petrinex.wells[cfg_well].other_operator.as_ref()?.months.get(&st.month)?;
				let f = &cat.facilities[o];
				Some((cat.operators[f.operator].baid.clone(), f.id(), *v))
			});
			let figure = OfficialFigure {
				product: w.product,
				volume: if w.confidential { None } else { st.written_volume(cfg.seed, id) },
				version: w.changed,
				submission_date: st.well_date(cfg.seed, id, w.changed),
				operator: cat.operators[fac.operator].baid.clone(),
				facility: fac.id(),
				confidential: w.confidential,
				other_operator: other,
			};
			(id.clone(), figure)
		})
		.collect()
}

/// The version date (latest SubmissionDate) of `version` of `month`.
pub fn file_updated_date(cfg: &SimConfig, month: (u16, u8), version: u32) -> Date {
	MonthState::new(cfg, month.into(), version).updated()
}

/// The complete download of `version` of `month`: zip-in-zip bytes (see the module docs).
/// Generated in one streaming pass; only the compressed output is held in memory.
///
/// # Panics
///
/// If `month.1` is not within 1..=12.
pub fn petrinex_month_zip(cfg: &SimConfig, month: (u16, u8), version: u32) -> Vec<u8> {
	write_month_zip(cfg, month.into(), version, Vec::new()).expect("writing to a Vec cannot fail")
}

/// Streams the zip-in-zip download of `version` of `month` into `out`.
pub fn write_month_zip<W: Write>(
	cfg: &SimConfig,
	month: Month,
	version: u32,
	out: W,
) -> io::Result<W> {
	let st = MonthState::new(cfg, month, version);
	let options = entry_options(st.updated(), cfg.petrinex.compression_level);
	zip_in_zip(out, &inner_zip_name(month), &csv_name(month), options, |csv| {
		write_csv(cfg, &st, csv)
	})
}

/// Streams the CSV of `version` of `month` into `out` (uncompressed, Latin-1, CRLF).
pub fn write_month_csv<W: Write>(
	cfg: &SimConfig,
	month: (u16, u8),
	version: u32,
	out: &mut W,
) -> io::Result<()> {
	let st = MonthState::new(cfg, month.into(), version);
	write_csv(cfg, &st, out)
}

// ---------------------------------------------------------------------------------------------
// Generation.

const NUM_OPERATORS: usize = 200;
const NUM_FACILITIES: usize = 3_000;

struct Operator {
	baid: String,
	name: Vec<u8>,
}

struct Facility {
	province: String,
	kind: String,
	ident: u32,
	name: Vec<u8>,
	subtype: &'static str,
	subtype_desc: &'static str,
	loc: WellId,
	/// Located by section only (`10-063-16W5`, no LSD).
	section_only: bool,
	operator: usize,
}

impl Facility {
	/// `ReportingFacilityID`: `ABBT0071901`.
	fn id(&self) -> String {
		format!("{}{}{:07}", self.province, self.kind, self.ident)
	}
}

/// Encodes text as Latin-1 (characters above U+00FF become `?`).
pub fn latin1(s: &str) -> Vec<u8> {
	s.chars().map(|c| if (c as u32) < 256 { c as u8 } else { b'?' }).collect()
}

const OPERATOR_NAMES: [&str; 14] = [
	"ACME, INC.",
	"BIG \"D\" OIL & GAS LTD.",
	"SOCIÉTÉ PÉTROLIÈRE DU NORD LTÉE",
	"KANANASKIS RESOURCES PARTNERSHIP, BY ITS GENERAL PARTNER KRP GP INC.",
	"ÉNERGIE CHINOOK S.E.C.",
	"WILDROSE PETROLEUM, LLC",
	"PRAIRIE SKY ROYALTY LTD.",
	"NORTHERN LIGHTS ENERGY CORP.",
	"CAFÉ CREEK OIL COMPANY",
	"BOW VALLEY EXPLORATION (2019) LTD.",
	"MONTRÉAL & CALGARY HOLDINGS, L.P.",
	"SWAN HILLS UNIT NO. 1",
	"Société d'Énergie de l'Ouest Ltée",
	"Pétro-Rivière Resources Inc.",
];
const NAME_PREFIX: [&str; 18] = [
	"PRAIRIE",
	"NORTHERN",
	"CHINOOK",
	"BOW RIVER",
	"ATHABASCA",
	"PEMBINA",
	"WILDROSE",
	"FOOTHILLS",
	"RIMBEY",
	"SWAN HILLS",
	"BEAVERHILL",
	"CROWSNEST",
	"KANANASKIS",
	"ÉLAN",
	"BORÉAL",
	"RIVIÈRE",
	"MONTAGNE",
	"LAC LA BICHE",
];
const NAME_SUFFIX: [&str; 10] = [
	"RESOURCES LTD.",
	"ENERGY CORP.",
	"PETROLEUM LTD.",
	"OIL & GAS INC.",
	"ENERGY, INC.",
	"EXPLORATION LTD.",
	"RESOURCES, A PARTNERSHIP",
	"PÉTROLE LTÉE",
	"ÉNERGIE S.E.C.",
	"ENERGY ULC",
];
const PLACES: [&str; 24] = [
	"LEDUC",
	"REDWATER",
	"SWAN HILLS",
	"PEMBINA",
	"DRAYTON VALLEY",
	"GRANDE PRAIRIE",
	"BEAVERHILL LAKE",
	"MORINVILLE",
	"ST. ALBERT",
	"PROVOST",
	"WAINWRIGHT",
	"LLOYDMINSTER",
	"BROOKS",
	"MEDICINE HAT",
	"FORT McMURRAY",
	"LAC STE. ANNE",
	"RIVIÈRE QUI BARRE",
	"BONNYVILLE",
	"VALLEYVIEW",
	"WHITECOURT",
	"RAINBOW LAKE",
	"ZAMA",
	"CARSON CREEK",
	"JUDY CREEK",
];
/// (type, weight, [(subtype, description)], name suffix)
type FacilityKind = (&'static str, u32, &'static [(&'static str, &'static str)], &'static str);
const FACILITY_KINDS: [FacilityKind; 5] = [
	(
		"BT",
		70,
		&[
			("311", "CRUDE OIL SINGLE-WELL BATTERY"),
			("321", "CRUDE OIL MULTIWELL GROUP BATTERY"),
			("322", "CRUDE OIL MULTIWELL PRORATION BATTERY"),
			("351", "GAS SINGLE WELL BATTERY"),
			("361", "GAS MULTIWELL GROUP BATTERY"),
			("364", "GAS MULTIWELL PRORATION OUTSIDE SE ALBERTA BATTERY"),
		],
		"BATTERY",
	),
	(
		"GP",
		10,
		&[
			("401", "GAS PLANT SWEET"),
			("402", "GAS PLANT ACID GAS FLARING"),
			("404", "GAS PLANT SULPHUR RECOVERY"),
		],
		"GAS PLANT",
	),
	("GS", 10, &[("621", "GAS GATHERING SYSTEM")], "GATHERING SYSTEM"),
	("IF", 7, &[("503", "DISPOSAL"), ("501", "ENHANCED RECOVERY SCHEME")], "INJECTION FACILITY"),
	("TM", 3, &[("611", "TERMINAL")], "TERMINAL"),
];

/// Where a well's rows are reported.
#[derive(Clone, Copy, Debug)]
struct Site {
	/// Facility of the rows that count.
	own: usize,
	/// Facility of the other operator's rows, and the index of the configured well.
	other: Option<(usize, usize)>,
}

struct Catalog {
	seed: u64,
	operators: Vec<Operator>,
	facilities: Vec<Facility>,
	oil_batteries: Vec<usize>,
	gas_batteries: Vec<usize>,
	/// Configured well id → its site.
	sites: HashMap<String, Site>,
}

/// Operator names derived for configured BAIDs without `operator_name`.
fn derived_operator_name(seed: u64, baid: &str) -> String {
	let mut r = Rng::new(&[seed, 0x0B1, hash_str(baid)]);
	format!("{} {}", r.pick(&NAME_PREFIX), r.pick(&NAME_SUFFIX))
}

/// The subtypes of a facility type, and its name suffix.
fn kind_info(kind: &str) -> (&'static [(&'static str, &'static str)], &'static str) {
	FACILITY_KINDS
		.iter()
		.find(|k| k.0 == kind)
		.map(|k| (k.2, k.3))
		.unwrap_or((&[("999", "Other")], "FACILITY"))
}

fn is_gas_subtype(subtype: &str) -> bool {
	subtype.starts_with("35") || subtype.starts_with("36")
}

/// Proration batteries also report proration-factor rows.
fn is_proration_subtype(subtype: &str) -> bool {
	subtype == "322" || subtype == "364"
}

/// `SWAN HILLS` → `Swan Hills`, `RIVIÈRE QUI BARRE` → `Rivière Qui Barre`.
fn title_case(s: &str) -> String {
	let mut out = String::with_capacity(s.len());
	let mut start = true;
	for c in s.chars() {
		if start {
			out.extend(c.to_uppercase());
		} else {
			out.extend(c.to_lowercase());
		}
		start = c == ' ' || c == '-';
	}
	out
}

/// A facility name as operators write them (free text, mixed case): `Two Creek 3-3-63-16w5`
/// (most), `Joffre 8-25,12-20,13-30` (several LSD-sections, with commas: quoted in the CSV), or
/// `PEMBINA BATTERY`.
fn facility_name(r: &mut Rng, loc: &WellId, suffix: &str) -> Vec<u8> {
	let place = r.pick(&PLACES);
	let x = r.unit();
	let name = if x < 0.65 {
		let (l, s, t, g, m) = (loc.lsd, loc.section, loc.township, loc.range, loc.meridian);
		format!("{} {l}-{s}-{t}-{g}w{m}", title_case(place))
	} else if x < 0.82 {
		let mut n = format!("{} {}-{}", title_case(place), loc.lsd, loc.section);
		for _ in 0..r.range(1, 3) {
			let _ = write!(n, ",{}-{}", r.range(1, 16), r.range(1, 36));
		}
		n
	} else {
		format!("{place} {suffix}")
	};
	latin1(&name)
}

impl Catalog {
	fn new(cfg: &SimConfig) -> Catalog {
		let seed = cfg.seed;
		let wells = &cfg.petrinex.wells;
		// What the configuration names explicitly.
		let mut explicit_names: HashMap<&str, &str> = HashMap::new();
		let mut explicit_fac_op: HashMap<&str, &str> = HashMap::new();
		let mut explicit_ops: HashSet<&str> = HashSet::new();
		let mut explicit_facs: HashSet<&str> = HashSet::new();
		for w in wells {
			let mut triples =
				vec![(w.operator.as_deref(), w.operator_name.as_deref(), w.facility.as_deref())];
			if let Some(o) = &w.other_operator {
				triples.push((
					Some(&o.operator),
					o.operator_name.as_deref(),
					o.facility.as_deref(),
				));
			}
			for (op, name, fac) in triples {
				if let Some(op) = op {
					explicit_ops.insert(op);
					if let Some(n) = name {
						explicit_names.entry(op).or_insert(n);
					}
				}
				if let Some(fac) = fac {
					explicit_facs.insert(fac);
					if let Some(op) = op {
						explicit_fac_op.entry(fac).or_insert(op);
					}
				}
			}
		}
		let alnum = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
		let operators = (0..NUM_OPERATORS)
			.map(|i| {
				let mut r = Rng::new(&[seed, 0x0BE, i as u64]);
				let baid = loop {
					let b: String = (0..4).map(|_| *r.pick(alnum) as char).collect();
					if !explicit_ops.contains(b.as_str()) {
						break b;
					}
				};
				let name = if i < OPERATOR_NAMES.len() {
					OPERATOR_NAMES[i].to_string()
				} else {
					format!("{} {}", r.pick(&NAME_PREFIX), r.pick(&NAME_SUFFIX))
				};
				Operator { baid, name: latin1(&name) }
			})
			.collect::<Vec<_>>();
		let weights: Vec<u32> = FACILITY_KINDS.iter().map(|k| k.1).collect();
		let mut ids: HashSet<String> = explicit_facs.iter().map(|s| s.to_string()).collect();
		let mut facilities = Vec::with_capacity(NUM_FACILITIES + 2 * wells.len());
		let (mut oil_batteries, mut gas_batteries) = (Vec::new(), Vec::new());
		for i in 0..NUM_FACILITIES {
			let mut r = Rng::new(&[seed, 0xFAC, i as u64]);
			let (kind, _, subs, suffix) = FACILITY_KINDS[r.weighted(&weights)];
			let (subtype, subtype_desc) = *r.pick(subs);
			let loc = WellId::random(&mut r);
			// A third of the facilities belong to the named operators above.
			let operator = if r.chance(0.33) {
				r.below(OPERATOR_NAMES.len() as u64) as usize
			} else {
				r.below(NUM_OPERATORS as u64) as usize
			};
			let section_only = r.chance(match kind {
				"GP" | "GS" | "TM" => 0.7,
				"IF" => 0.3,
				_ => 0.1,
			});
			let name = facility_name(&mut r, &loc, suffix);
			let mut ident = (i as u32 * 7919 + r.below(1000) as u32 * 9_000) % 9_999_999 + 1;
			while !ids.insert(format!("AB{kind}{ident:07}")) {
				ident = ident % 9_999_999 + 1;
			}
			if kind == "BT" {
				if is_gas_subtype(subtype) {
					gas_batteries.push(i);
				} else {
					oil_batteries.push(i);
				}
			}
			facilities.push(Facility {
				province: "AB".into(),
				kind: kind.into(),
				ident,
				name,
				subtype,
				subtype_desc,
				loc,
				section_only,
				operator,
			});
		}
		let mut cat = Catalog {
			seed,
			operators,
			facilities,
			oil_batteries,
			gas_batteries,
			sites: HashMap::new(),
		};
		// The configured wells' sites, in configuration order.
		let mut by_fac: HashMap<String, usize> = HashMap::new();
		let mut by_op: HashMap<String, usize> = HashMap::new();
		for (wi, w) in wells.iter().enumerate() {
			let Ok(wid) = WellId::parse(&w.id) else { continue };
			let avoid = w.other_operator.as_ref().map(|o| o.operator.as_str());
			let own = match (w.operator.as_deref(), w.facility.as_deref()) {
				(None, None) => cat.default_battery(&w.id, w.product, avoid),
				(op, fac) => {
					let fac = match fac {
						Some(f) => f.to_string(),
						None => cat.derived_facility_id(&w.id, 1, &mut ids),
					};
					let op = op.or_else(|| explicit_fac_op.get(fac.as_str()).copied());
					cat.configured_facility(
						&fac,
						op,
						avoid,
						w,
						Some(wid),
						&mut by_fac,
						&mut by_op,
						&explicit_names,
					)
				},
			};
			let other = w.other_operator.as_ref().map(|o| {
				let fac = match &o.facility {
					Some(f) => f.clone(),
					None => cat.derived_facility_id(&w.id, 2, &mut ids),
				};
				let i = cat.configured_facility(
					&fac,
					Some(&o.operator),
					None,
					w,
					None,
					&mut by_fac,
					&mut by_op,
					&explicit_names,
				);
				(i, wi)
			});
			cat.sites.insert(w.id.clone(), Site { own, other });
		}
		cat
	}

	/// A battery of the catalogue for a well without a configured operator or facility, chosen
	/// from the seed and its id (oil or gas battery by product), not operated by `avoid`.
	fn default_battery(&self, id: &str, product: Product, avoid: Option<&str>) -> usize {
		let list = match product {
			Product::Oil => &self.oil_batteries,
			Product::Gas => &self.gas_batteries,
		};
		let mut r = Rng::new(&[self.seed, 0x517E, hash_str(id)]);
		let mut i = r.below(list.len() as u64) as usize;
		for _ in 0..list.len() {
			let f = &self.facilities[list[i]];
			if Some(self.operators[f.operator].baid.as_str()) != avoid {
				break;
			}
			i = (i + 1) % list.len();
		}
		list[i]
	}

	/// `ABBT` + 7 digits derived from a well id, unused so far.
	fn derived_facility_id(&self, id: &str, n: u64, ids: &mut HashSet<String>) -> String {
		let mut r = Rng::new(&[self.seed, 0xDF1, hash_str(id), n]);
		let mut ident = r.range(1, 9_999_999) as u32;
		loop {
			let fid = format!("ABBT{ident:07}");
			if ids.insert(fid.clone()) {
				return fid;
			}
			ident = ident % 9_999_999 + 1;
		}
	}

	fn operator_index(
		&mut self,
		baid: &str,
		by_op: &mut HashMap<String, usize>,
		names: &HashMap<&str, &str>,
	) -> usize {
		if let Some(&i) = by_op.get(baid) {
			return i;
		}
		let name = names
			.get(baid)
			.map(|n| n.to_string())
			.unwrap_or_else(|| derived_operator_name(self.seed, baid));
		self.operators.push(Operator { baid: baid.to_string(), name: latin1(&name) });
		by_op.insert(baid.to_string(), self.operators.len() - 1);
		self.operators.len() - 1
	}

	/// The facility `fid` of a configured well (created on first use), operated by `op`, or
	/// when `None` by an operator of the catalogue chosen from the seed (not `avoid`).
	#[allow(clippy::too_many_arguments)]
	fn configured_facility(
		&mut self,
		fid: &str,
		op: Option<&str>,
		avoid: Option<&str>,
		well: &WellConfig,
		loc: Option<WellId>,
		by_fac: &mut HashMap<String, usize>,
		by_op: &mut HashMap<String, usize>,
		names: &HashMap<&str, &str>,
	) -> usize {
		if let Some(&i) = by_fac.get(fid) {
			return i;
		}
		let operator = match op {
			Some(op) => self.operator_index(op, by_op, names),
			None => {
				let mut r = Rng::new(&[self.seed, 0x0F0, hash_str(fid)]);
				let mut i = r.below(NUM_OPERATORS as u64) as usize;
				while Some(self.operators[i].baid.as_str()) == avoid {
					i = (i + 1) % NUM_OPERATORS;
				}
				i
			},
		};
		let mut r = Rng::new(&[self.seed, 0xCF1, hash_str(fid)]);
		let (province, kind) = (fid[..2].to_string(), fid[2..4].to_string());
		let ident: u32 = fid[4..].parse().unwrap_or(1);
		let (subs, suffix) = kind_info(&kind);
		let fitting: Vec<&(&str, &str)> = subs
			.iter()
			.filter(|s| kind != "BT" || is_gas_subtype(s.0) == (well.product == Product::Gas))
			.collect();
		let (subtype, subtype_desc) =
			if fitting.is_empty() { *r.pick(subs) } else { **r.pick(&fitting) };
		let loc = match loc {
			Some(l) => WellId { exception: *b"00", event: 0, ..l },
			None => WellId::random(&mut r),
		};
		let name = facility_name(&mut r, &loc, suffix);
		self.facilities.push(Facility {
			province,
			kind: kind.clone(),
			ident,
			name,
			subtype,
			subtype_desc,
			loc,
			section_only: matches!(kind.as_str(), "GP" | "GS" | "TM"),
			operator,
		});
		by_fac.insert(fid.to_string(), self.facilities.len() - 1);
		self.facilities.len() - 1
	}

	/// Where the rows of well `id` are reported: its configured site, or a battery of the
	/// catalogue.
	fn site(&self, id: &str, product: Product) -> Site {
		self.sites
			.get(id)
			.copied()
			.unwrap_or_else(|| Site { own: self.default_battery(id, product, None), other: None })
	}
}

#[derive(Clone, Copy, Debug)]
enum FromTo {
	None,
	Well(WellId),
	/// A confidential well or counterparty: `***,,,***`.
	Masked,
	Facility(&'static str, u32),
	/// The reporting facility itself (fuel, flare, vent).
	SelfFacility,
	/// A bare `ABMC`, `ABRO`, `ABWM`: type without identifier.
	Bare(&'static str),
}

#[derive(Clone, Copy, Debug)]
enum Hours {
	Value(u16),
	/// `***` (confidential well; not seen in real files, allowed by the format).
	Masked,
}

#[derive(Clone, Copy, Debug)]
struct Row {
	facility: usize,
	/// `None`: empty (some proration-factor rows).
	date: Option<Date>,
	/// Empty on proration-factor rows.
	activity: &'static str,
	/// Empty on proration-factor and `SHUTIN` rows.
	product: &'static str,
	from_to: FromTo,
	volume: Milli,
	energy: Milli,
	hours: Hours,
	proration: Option<(&'static str, u32)>,
	heat: Option<u32>,
}

impl Row {
	/// A row of `facility` with every number 0 and no counterparty.
	fn new(facility: usize, date: Date, activity: &'static str, product: &'static str) -> Row {
		Row {
			facility,
			date: Some(date),
			activity,
			product,
			from_to: FromTo::None,
			volume: Milli(0),
			energy: Milli(0),
			hours: Hours::Value(0),
			proration: None,
			heat: None,
		}
	}
}

/// Writes a decimal as the real files print volumes: at least one decimal, no trailing zeros
/// beyond it (`157.3`, `0.0`, `1234.567`, `-180.4`).
fn write_decimal(buf: &mut Vec<u8>, m: Milli) {
	let s = m.to_string();
	let t = s.trim_end_matches('0');
	buf.extend_from_slice(t.as_bytes());
	if t.ends_with('.') {
		buf.push(b'0');
	}
}

fn random_volume(r: &mut Rng, product: &str) -> Milli {
	let (lo, hi) = match product {
		"OIL" => (0.1f64, 2_500.0f64),
		"GAS" => (0.1, 8_000.0),
		"WATER" => (0.1, 5_000.0),
		"SAND" => (0.1, 40.0),
		_ => (0.1, 300.0),
	};
	if r.chance(0.04) {
		return Milli(0);
	}
	let v = ((lo.ln() + r.unit() * (hi.ln() - lo.ln())).exp() * 1000.0).round() as i64;
	// Reported volumes carry one decimal (`123.4`; the format allows three).
	Milli((v / 100).max(1) * 100)
}

fn energy_of(r: &mut Rng, gas: Milli) -> Milli {
	// GJ: about 38–41 GJ per 10³ m³, one decimal.
	Milli(gas.0 * r.range(37_500, 41_000) / 1000 / 100 * 100)
}

struct Generator<'a> {
	cfg: &'a SimConfig,
	st: &'a MonthState,
	cat: Catalog,
	reserved: HashSet<WellId>,
	month_str: String,
	hours_full: u16,
}

impl<'a> Generator<'a> {
	fn new(cfg: &'a SimConfig, st: &'a MonthState) -> Generator<'a> {
		let mut reserved = HashSet::new();
		let ids = cfg
			.petrinex
			.wells
			.iter()
			.map(|w| w.id.as_str())
			.chain(st.wells.keys().map(String::as_str));
		for id in ids {
			if let Ok(id) = WellId::parse(id) {
				reserved.insert(id);
				reserved.insert(id.with_event(decoy_event(id)));
			}
		}
		Generator {
			cfg,
			st,
			cat: Catalog::new(cfg),
			reserved,
			month_str: st.month.to_string(),
			hours_full: st.month.days() as u16 * 24,
		}
	}

	fn random_well(&self, r: &mut Rng) -> WellId {
		loop {
			let mut id = WellId::random(r);
			id.exception = WellId::random_exception(r);
			if r.chance(0.08) {
				id = id.with_event(r.range(2, 4) as u8);
			}
			if !self.reserved.contains(&id) {
				return id;
			}
		}
	}

	fn random_facility_ref(r: &mut Rng, kinds: &[&'static str]) -> FromTo {
		let kind = kinds[r.below(kinds.len() as u64) as usize];
		FromTo::Facility(kind, r.range(1, 9_999_999) as u32)
	}

	fn v1_filler_date(&self, r: &mut Rng) -> Date {
		let last = self.st.dates[0];
		last.month_of().day(r.range(1, last.day as i64) as u8)
	}

	/// Filler row `i` (independent of the version, except row 0's date). Like the real file,
	/// rows come in runs: blocks of 12 rows share a reporting facility and a SubmissionDate, and
	/// within a block, groups of 3 rows are either one well's production (OIL/GAS/WATER,
	/// GAS/COND/WATER or, for heavy oil, OIL/WATER/SAND; hours on the main product's row, 0 on
	/// the others; the identifiers masked when the well is confidential), or three facility
	/// rows: receipts and dispositions (some with a masked counterparty), fuel, flare and vent
	/// (to the facility itself), differences, inventories, shut-in wells, and proration-factor
	/// rows (empty activity and product) at proration batteries.
	fn filler(&self, i: u64) -> Row {
		let m = self.st.month.index() as u64;
		let seed = self.cfg.seed;
		let mut rb = Rng::new(&[seed, 0xF1B1, m, i / 12]);
		let facility = rb.below(NUM_FACILITIES as u64) as usize;
		let fac = &self.cat.facilities[facility];
		let date = if i == 0 { self.st.updated() } else { self.v1_filler_date(&mut rb) };
		let mut rg = Rng::new(&[seed, 0xF1C2, m, i / 3]);
		let well_group = i != 0 && rg.chance(0.6);
		let gas_well = rg.chance(0.4);
		let heavy_oil = rg.chance(0.15);
		let well = self.random_well(&mut rg);
		let masked = rg.chance(self.cfg.petrinex.confidential_fraction);
		let masked_hours = rg.chance(0.5);
		let group_hours = self.hours_full - if rg.chance(0.7) { 0 } else { rg.below(300) as u16 };
		let mut r = Rng::new(&[seed, 0xF111, m, i]);
		if well_group {
			let products = if gas_well {
				["GAS", "COND", "WATER"]
			} else if heavy_oil {
				["OIL", "WATER", "SAND"]
			} else {
				["OIL", "GAS", "WATER"]
			};
			let slot = (i % 3) as usize;
			let mut row = Row::new(facility, date, "PROD", products[slot]);
			row.from_to = if masked { FromTo::Masked } else { FromTo::Well(well) };
			row.volume = random_volume(&mut r, row.product);
			row.hours = match (slot, masked && masked_hours) {
				(_, true) => Hours::Masked,
				(0, false) => Hours::Value(group_hours),
				_ => Hours::Value(0),
			};
			if row.product == "GAS" && r.chance(0.05) {
				row.energy = energy_of(&mut r, row.volume);
			}
			return row;
		}
		if is_proration_subtype(fac.subtype) && r.chance(0.3) {
			// A proration-factor row: no activity, no product, volume 0.
			let mut row = Row::new(facility, date, "", "");
			if i != 0 && r.chance(0.03) {
				row.date = None;
			}
			row.proration = Some((
				["OIL", "GAS", "WATER"][r.weighted(&[40, 40, 20])],
				r.range(60_000, 100_000) as u32,
			));
			return row;
		}
		const ACTIVITIES: [(&str, u32); 21] = [
			("DISP", 22),
			("REC", 18),
			("DIFF", 8),
			("SHUTIN", 8),
			("INJ", 6),
			("FUEL", 8),
			("FLARE", 4),
			("VENT", 4),
			("INVOP", 3),
			("INVCL", 3),
			("LDINVOP", 2),
			("LDINVCL", 2),
			("LDREC", 2),
			("IMBAL", 1),
			("LDINVADJ", 1),
			("PROC", 1),
			("SHR", 1),
			("ROYALTY", 1),
			("INVADJ", 1),
			("PURREC", 1),
			("LDINJ", 1),
		];
		let weights: Vec<u32> = ACTIVITIES.iter().map(|a| a.1).collect();
		let activity = ACTIVITIES[r.weighted(&weights)].0;
		let pick = |r: &mut Rng, items: &[(&'static str, u32)]| -> &'static str {
			let w: Vec<u32> = items.iter().map(|x| x.1).collect();
			items[r.weighted(&w)].0
		};
		let (product, from_to) = match activity {
			"INJ" | "LDINJ" => (
				pick(&mut r, &[("WATER", 75), ("GAS", 15), ("FSHWTR", 10)]),
				FromTo::Well(self.random_well(&mut r)),
			),
			"SHUTIN" => ("", FromTo::Well(self.random_well(&mut r))),
			"DISP" => {
				let product = pick(
					&mut r,
					&[
						("OIL", 28),
						("GAS", 34),
						("WATER", 20),
						("COND", 8),
						("C5-SP", 6),
						("SAND", 4),
					],
				);
				let to = match r.below(20) {
					0..=2 => FromTo::Masked,
					3 => FromTo::Bare(*r.pick(&["MC", "RO", "WM"])),
					_ => Self::random_facility_ref(&mut r, &["PL", "GP", "BT", "TM", "IF"]),
				};
				(product, to)
			},
			"REC" | "PURREC" => {
				let product = pick(
					&mut r,
					&[
						("OIL", 30),
						("GAS", 36),
						("WATER", 18),
						("COND", 8),
						("C5-SP", 5),
						("FSHWTR", 3),
					],
				);
				let from = if r.chance(0.15) {
					FromTo::Masked
				} else {
					Self::random_facility_ref(&mut r, &["BT", "GS", "GP", "PL"])
				};
				(product, from)
			},
			"DIFF" => (pick(&mut r, &[("OIL", 40), ("GAS", 40), ("WATER", 20)]), FromTo::None),
			"INVOP" | "INVCL" | "INVADJ" => {
				(pick(&mut r, &[("OIL", 60), ("WATER", 30), ("COND", 10)]), FromTo::None)
			},
			"LDINVOP" | "LDINVCL" | "LDINVADJ" => {
				(pick(&mut r, &[("OIL", 50), ("WATER", 50)]), FromTo::None)
			},
			"LDREC" => (
				pick(&mut r, &[("OIL", 50), ("WATER", 50)]),
				Self::random_facility_ref(&mut r, &["BT", "TM", "PL"]),
			),
			"FUEL" | "FLARE" | "VENT" => ("GAS", FromTo::SelfFacility),
			_ => (pick(&mut r, &[("GAS", 60), ("OIL", 40)]), FromTo::None),
		};
		let mut row = Row::new(facility, date, activity, product);
		row.from_to = from_to;
		if activity != "SHUTIN" {
			row.volume = random_volume(&mut r, product);
		}
		if activity == "DIFF" && r.chance(0.5) {
			row.volume = Milli(-row.volume.0);
		}
		if product == "GAS" && (fac.kind == "GP" || r.chance(0.05)) {
			row.energy = energy_of(&mut r, row.volume);
		}
		if product == "GAS" && fac.kind == "GP" && r.chance(0.5) {
			row.heat = Some(r.range(3_700, 4_200) as u32);
		}
		row
	}

	/// The wells of the month with a reversal: about 10 % of the non-confidential wells with a
	/// positive volume, at least one (the first such) when `netting_rows` is on. Keyed by well
	/// and month only, so amendments do not move it.
	fn netting_wells(&self) -> HashSet<&'a str> {
		let mut out = HashSet::new();
		if !self.cfg.petrinex.netting_rows {
			return out;
		}
		let st: &'a MonthState = self.st;
		let m = st.month.index() as u64;
		let mut first = None;
		for (id, w) in &st.wells {
			let positive = st.written_volume(self.cfg.seed, id).is_some_and(|v| v.0 > 0);
			if w.confidential || !positive {
				continue;
			}
			first.get_or_insert(id.as_str());
			if Rng::new(&[self.cfg.seed, 0x4E7, m, hash_str(id)]).chance(0.1) {
				out.insert(id.as_str());
			}
		}
		if out.is_empty() {
			out.extend(first);
		}
		out
	}

	/// All rows about configured (and generated) wells.
	fn special_rows(&self) -> Vec<Row> {
		let mut rows = Vec::new();
		let p = &self.cfg.petrinex;
		let seed = self.cfg.seed;
		let m = self.st.month.index() as u64;
		let netting_wells = self.netting_wells();
		let mut first = true;
		for (id, w) in &self.st.wells {
			let Ok(wid) = WellId::parse(id) else { continue };
			let date = self.st.well_date(seed, id, w.changed);
			// Keyed by the well only, so unchanged wells keep identical rows.
			let mut r = Rng::new(&[seed, 0x5BEC, m, hash_str(id)]);
			let site = self.cat.site(id, w.product);
			let prod = w.product.as_str();
			let masked_hours = w.confidential && r.chance(0.5);
			let hours = |h: u16| if masked_hours { Hours::Masked } else { Hours::Value(h) };
			let mut base = Row::new(site.own, date, "PROD", prod);
			base.from_to = if w.confidential { FromTo::Masked } else { FromTo::Well(wid) };
			base.hours = hours(0);
			let total = self.st.written_volume(seed, id).unwrap_or_default().0;
			let mut r2 = Rng::new(&[hash(&[r.next_u64()]), w.changed as u64]);
			let mut parts = if total >= 2 && r2.chance(0.05) {
				let a = r2.range(1, total - 1);
				vec![a, total - a]
			} else {
				vec![total]
			};
			let netting = netting_wells.contains(id.as_str());
			let x = if netting { r2.range(1, (total / 10).max(1)) } else { 0 };
			parts[0] += x;
			for (j, part) in parts.into_iter().enumerate() {
				// The hours sit on the main product's (first) row.
				let h = if j == 0 { self.hours_full - r2.below(24) as u16 } else { 0 };
				rows.push(Row { volume: Milli(part), hours: hours(h), ..base });
			}
			if netting {
				rows.push(Row { volume: Milli(-x), ..base });
			}
			// The same well reported by another operator: not part of its figure.
			if let Some((other_fac, wi)) = site.other {
				let v =
					p.wells[wi].other_operator.as_ref().and_then(|o| o.months.get(&self.st.month));
				if let Some(v) = v {
					let h = hours(self.hours_full);
					rows.push(Row { facility: other_fac, volume: *v, hours: h, ..base });
				}
			}
			// Non-counting rows of the same well.
			rows.push(Row { product: "WATER", volume: random_volume(&mut r, "WATER"), ..base });
			let side = if w.product == Product::Oil { "GAS" } else { "COND" };
			let side_vol = random_volume(&mut r, side);
			rows.push(Row { product: side, volume: side_vol, ..base });
			rows.push(Row {
				activity: "DISP",
				from_to: Self::random_facility_ref(&mut r, &["PL", "GP", "TM"]),
				volume: random_volume(&mut r, prod),
				hours: Hours::Value(0),
				..base
			});
			if r.chance(0.3) {
				rows.push(Row {
					activity: "INJ",
					product: "WATER",
					volume: random_volume(&mut r, "WATER"),
					hours: Hours::Value(0),
					..base
				});
			}
			if p.decoy_rows && !w.confidential {
				let decoy = wid.with_event(decoy_event(wid));
				if !self.st.wells.contains_key(&decoy.to_string()) {
					rows.push(Row {
						from_to: FromTo::Well(decoy),
						volume: random_volume(&mut r, prod),
						hours: Hours::Value(self.hours_full),
						date: Some(self.v1_filler_date(&mut r)),
						..base
					});
				}
			}
			// A confidential neighbour in the same battery.
			let neighbour = p.confidential_matched && (first || r.chance(0.4));
			first = false;
			if neighbour {
				rows.push(Row {
					from_to: FromTo::Masked,
					volume: random_volume(&mut r, prod),
					hours: if r.chance(0.5) {
						Hours::Masked
					} else {
						Hours::Value(self.hours_full)
					},
					date: Some(self.v1_filler_date(&mut r)),
					..base
				});
			}
		}
		rows
	}

	fn write_row(&self, buf: &mut Vec<u8>, row: &Row) {
		let fac = &self.cat.facilities[row.facility];
		let op = &self.cat.operators[fac.operator];
		let l = fac.loc;
		buf.extend_from_slice(self.month_str.as_bytes());
		buf.push(b',');
		buf.extend_from_slice(op.baid.as_bytes());
		buf.push(b',');
		csv_field(buf, &op.name);
		let (prov, kind) = (&fac.province, &fac.kind);
		let _ = write!(buf, ",{prov}{kind}{:07},{prov},{kind},{:07},", fac.ident, fac.ident);
		csv_field(buf, &fac.name);
		let _ = write!(buf, ",{},{},", fac.subtype, fac.subtype_desc);
		// The location string has two shapes; the split columns are always filled, unpadded.
		if fac.section_only {
			let _ =
				write!(buf, "{:02}-{:03}-{:02}W{},", l.section, l.township, l.range, l.meridian);
		} else {
			let _ = write!(
				buf,
				"{:02}-{:02}-{:03}-{:02}W{},",
				l.lsd, l.section, l.township, l.range, l.meridian
			);
		}
		let _ = write!(buf, "{},{},{},{},{},", l.lsd, l.section, l.township, l.range, l.meridian);
		if let Some(d) = row.date {
			let _ = write!(buf, "{d}");
		}
		let _ = write!(buf, ",{},{},", row.activity, row.product);
		match row.from_to {
			FromTo::None => buf.extend_from_slice(b",,,"),
			FromTo::Well(w) => {
				let _ = write!(buf, "ABWI{w},AB,WI,{w}");
			},
			FromTo::Masked => buf.extend_from_slice(b"***,,,***"),
			FromTo::Facility(k, n) => {
				let _ = write!(buf, "AB{k}{n:07},AB,{k},{n:07}");
			},
			FromTo::SelfFacility => {
				let _ = write!(buf, "{prov}{kind}{:07},{prov},{kind},{:07}", fac.ident, fac.ident);
			},
			FromTo::Bare(k) => {
				let _ = write!(buf, "AB{k},AB,{k},");
			},
		}
		buf.push(b',');
		write_decimal(buf, row.volume);
		buf.push(b',');
		write_decimal(buf, row.energy);
		buf.push(b',');
		match row.hours {
			Hours::Value(h) => {
				let _ = write!(buf, "{h}");
			},
			Hours::Masked => buf.extend_from_slice(b"***"),
		}
		// CCICode: a single space, empty on masked and proration-factor rows.
		let plain = !matches!(row.from_to, FromTo::Masked) && !row.activity.is_empty();
		buf.extend_from_slice(if plain { b", ," } else { b",," });
		if let Some((p, f)) = row.proration {
			let _ = write!(buf, "{p},{}.{:05}", f / 100_000, f % 100_000);
		} else {
			buf.push(b',');
		}
		buf.push(b',');
		if let Some(h) = row.heat {
			let _ = write!(buf, "{}.{:02}", h / 100, h % 100);
		}
		buf.extend_from_slice(b"\r\n");
	}
}

/// The event sequence used for a well's decoy neighbour.
fn decoy_event(id: WellId) -> u8 {
	if id.event == 2 {
		3
	} else {
		2
	}
}

fn csv_field(buf: &mut Vec<u8>, field: &[u8]) {
	if field.iter().any(|&b| matches!(b, b',' | b'"' | b'\r' | b'\n')) {
		buf.push(b'"');
		for &b in field {
			if b == b'"' {
				buf.push(b'"');
			}
			buf.push(b);
		}
		buf.push(b'"');
	} else {
		buf.extend_from_slice(field);
	}
}

fn write_csv<W: Write + ?Sized>(cfg: &SimConfig, st: &MonthState, out: &mut W) -> io::Result<()> {
	let gen = Generator::new(cfg, st);
	let specials = gen.special_rows();
	let total = cfg.petrinex.rows.max(specials.len() as u64 + 1);
	// Scatter the special rows over positions 1..total (row 0 is always filler).
	let mut r = Rng::new(&[cfg.seed, 0x9051, st.month.index() as u64]);
	let mut taken = HashSet::with_capacity(specials.len());
	let mut placed: Vec<(u64, usize)> = Vec::with_capacity(specials.len());
	for j in 0..specials.len() {
		let mut pos = 1 + r.below(total - 1);
		while !taken.insert(pos) {
			pos = if pos + 1 >= total { 1 } else { pos + 1 };
		}
		placed.push((pos, j));
	}
	placed.sort_unstable();
	let mut buf = Vec::with_capacity(256 * 1024);
	buf.extend_from_slice(HEADER.join(",").as_bytes());
	buf.extend_from_slice(b"\r\n");
	let mut next = placed.iter().peekable();
	for i in 0..total {
		match next.peek() {
			Some(&&(pos, j)) if pos == i => {
				next.next();
				gen.write_row(&mut buf, &specials[j]);
			},
			_ => gen.write_row(&mut buf, &gen.filler(i)),
		}
		if buf.len() >= 240 * 1024 {
			out.write_all(&buf)?;
			buf.clear();
		}
	}
	out.write_all(&buf)?;
	Ok(())
}

#[cfg(test)]
#[allow(clippy::field_reassign_with_default)]
pub(crate) mod tests {
	use super::*;
	use crate::config::{AmendmentConfig, GenerateWells, OtherOperatorConfig, WellConfig};

	/// A minimal RFC 4180 reader for the tests (Latin-1 bytes, CRLF).
	pub(crate) fn parse_csv(data: &[u8]) -> Vec<Vec<Vec<u8>>> {
		let mut rows = Vec::new();
		let mut row = Vec::new();
		let mut field = Vec::new();
		let mut i = 0;
		let mut quoted = false;
		while i < data.len() {
			let b = data[i];
			if quoted {
				if b == b'"' {
					if data.get(i + 1) == Some(&b'"') {
						field.push(b'"');
						i += 1;
					} else {
						quoted = false;
					}
				} else {
					field.push(b);
				}
			} else {
				match b {
					b'"' => quoted = true,
					b',' => row.push(std::mem::take(&mut field)),
					b'\r' => {
						assert_eq!(data.get(i + 1), Some(&b'\n'), "bare CR");
						row.push(std::mem::take(&mut field));
						rows.push(std::mem::take(&mut row));
						i += 1;
					},
					b'\n' => panic!("bare LF at byte {i}"),
					_ => field.push(b),
				}
			}
			i += 1;
		}
		assert!(field.is_empty() && row.is_empty(), "file must end with CRLF");
		rows
	}

	fn m(s: &str) -> Month {
		s.parse().unwrap()
	}

	pub(crate) fn test_config() -> SimConfig {
		let mut cfg = SimConfig::default();
		cfg.seed = 1234;
		cfg.petrinex.rows = 3_000;
		let mut oil = WellConfig::new(
			"100071901015W400",
			Product::Oil,
			[(m("2026-01"), "1234.567".parse().unwrap()), (m("2025-12"), "0.001".parse().unwrap())]
				.into(),
		);
		oil.operator = Some("A1B2".into());
		oil.facility = Some("ABBT0071901".into());
		oil.other_operator = Some(OtherOperatorConfig {
			operator: "Z9Y8".into(),
			operator_name: Some("OTHER, OPERATOR LTD.".into()),
			facility: Some("ABBT0999999".into()),
			months: [(m("2026-01"), "5.000".parse().unwrap())].into(),
		});
		let mut gas = WellConfig::new(
			"100161002320W500",
			Product::Gas,
			[(m("2026-01"), "845.210".parse().unwrap())].into(),
		);
		gas.operator = Some("A1B2".into());
		gas.facility = Some("ABGS0161002".into());
		let mut masked = WellConfig::new(
			"1W0052706219W500",
			Product::Oil,
			[(m("2026-01"), "310.000".parse().unwrap())].into(),
		);
		masked.confidential = true;
		cfg.petrinex.wells = vec![
			oil,
			gas,
			WellConfig::new(
				"102010100101W600",
				Product::Oil,
				[(m("2026-01"), "***".parse().unwrap())].into(),
			),
			WellConfig::new(
				"100020300405W400",
				Product::Oil,
				[(m("2026-01"), "0".parse().unwrap())].into(),
			),
			masked,
		];
		cfg.petrinex.generate =
			Some(GenerateWells { count: 25, from: m("2025-06"), through: None, gas_fraction: 0.4 });
		cfg.petrinex.amendments = vec![AmendmentConfig {
			month: m("2026-01"),
			version: 2,
			well: Some("100071901015W400".into()),
			volume: Some("1300.250".parse().unwrap()),
			submission_date: Some("2026-03-18".parse().unwrap()),
		}];
		cfg.validate().unwrap();
		cfg
	}

	fn text(f: &[u8]) -> String {
		f.iter().map(|&b| b as char).collect()
	}

	/// Sums the counting rows per (well, product, operator): `PROD`, `FromToIDType` `WI`.
	pub(crate) fn official_sums(rows: &[Vec<Vec<u8>>]) -> BTreeMap<(String, String, String), i64> {
		let mut sums = BTreeMap::new();
		for r in &rows[1..] {
			if r[17] == b"PROD" && r[21] == b"WI" {
				let key = (text(&r[22]), text(&r[18]), text(&r[1]));
				let v = crate::config::parse_fixed(&text(&r[23]), 3).unwrap();
				*sums.entry(key).or_insert(0) += v;
			}
		}
		sums
	}

	/// What a correct parser finds for a figure: `None` when no row matches.
	pub(crate) fn found(
		sums: &BTreeMap<(String, String, String), i64>,
		id: &str,
		f: &OfficialFigure,
	) -> Option<i64> {
		sums.get(&(id.to_string(), f.product.as_str().to_string(), f.operator.clone()))
			.copied()
	}

	fn csv_of(cfg: &SimConfig, month: (u16, u8), version: u32) -> Vec<u8> {
		let mut out = Vec::new();
		write_month_csv(cfg, month, version, &mut out).unwrap();
		out
	}

	#[test]
	fn header_is_exact() {
		let csv = csv_of(&test_config(), (2026, 1), 1);
		let first_line = csv.split(|&b| b == b'\n').next().unwrap();
		assert_eq!(
			first_line,
			b"ProductionMonth,OperatorBAID,OperatorName,ReportingFacilityID,ReportingFacilityProvinceState,\
ReportingFacilityType,ReportingFacilityIdentifier,ReportingFacilityName,ReportingFacilitySubType,\
ReportingFacilitySubTypeDesc,ReportingFacilityLocation,FacilityLegalSubdivision,FacilitySection,\
FacilityTownship,FacilityRange,FacilityMeridian,SubmissionDate,ActivityID,ProductID,FromToID,\
FromToIDProvinceState,FromToIDType,FromToIDIdentifier,Volume,Energy,Hours,CCICode,ProrationProduct,\
ProrationFactor,Heat\r"
		);
	}

	#[test]
	fn matched_wells_sum_exactly() {
		let cfg = test_config();
		for (month, version) in
			[((2026, 1), 1), ((2026, 1), 2), ((2026, 1), 3), ((2025, 12), 1), ((2025, 5), 1)]
		{
			let csv = csv_of(&cfg, month, version);
			let rows = parse_csv(&csv);
			assert_eq!(rows[0].len(), 30);
			assert!(rows.iter().all(|r| r.len() == 30), "every row has 30 fields");
			assert!(rows.len() as u64 > cfg.petrinex.rows, "header + at least `rows` rows");
			let sums = official_sums(&rows);
			let expected = expected_totals(&cfg, month, version);
			if month == (2025, 5) {
				assert!(expected.is_empty());
			} else {
				assert!(expected.len() >= 2, "{month:?}: {expected:?}");
			}
			for (id, fig) in &expected {
				let got = found(&sums, id, fig);
				if fig.confidential {
					assert_eq!(got, None, "{month:?} v{version}: confidential {id} is masked");
					assert!(!text(&csv).contains(id.as_str()));
				} else {
					assert_eq!(got, fig.volume.map(|m| m.0), "{month:?} v{version} well {id}");
				}
				// Every counting row is at the figure's facility.
				for r in &rows[1..] {
					if r[17] == b"PROD" && r[22] == id.as_bytes() && r[1] == fig.operator.as_bytes()
					{
						assert_eq!(text(&r[3]), fig.facility);
					}
				}
			}
			let max_date = rows[1..].iter().map(|r| r[16].clone()).max().unwrap();
			assert_eq!(
				String::from_utf8(max_date).unwrap(),
				file_updated_date(&cfg, month, version).to_string(),
				"latest SubmissionDate is the version date"
			);
			assert!(rows[1..].iter().all(|r| r[0] == Month::from(month).to_string().as_bytes()));
		}
		let v1 = expected_totals(&cfg, (2026, 1), 1);
		let v2 = expected_totals(&cfg, (2026, 1), 2);
		assert_eq!(v1["100071901015W400"].volume, Some(Milli(1_234_567)));
		assert_eq!(v2["100071901015W400"].volume, Some(Milli(1_300_250)));
		assert_eq!(v2["100071901015W400"].submission_date.to_string(), "2026-03-18");
		assert_eq!(v1["102010100101W600"].volume, None);
		assert!(v1["102010100101W600"].confidential);
		assert_eq!(v1["1W0052706219W500"].volume, None);
		assert!(v1["1W0052706219W500"].confidential);
		assert_eq!(v1["100020300405W400"].volume, Some(Milli(0)));
		assert_eq!(file_updated_date(&cfg, (2026, 1), 1).to_string(), "2026-02-20");
		assert_eq!(file_updated_date(&cfg, (2026, 1), 2).to_string(), "2026-03-18");
		assert_eq!(file_updated_date(&cfg, (2026, 1), 3).to_string(), "2026-04-15");
		// Version 3 (not configured) changes exactly one well.
		let v3 = expected_totals(&cfg, (2026, 1), 3);
		assert_eq!(v2.iter().filter(|(id, f)| v3[*id].volume != f.volume).count(), 1);
	}

	#[test]
	fn operator_and_facility_of_configured_wells() {
		let cfg = test_config();
		let v1 = expected_totals(&cfg, (2026, 1), 1);
		let oil = &v1["100071901015W400"];
		assert_eq!((oil.operator.as_str(), oil.facility.as_str()), ("A1B2", "ABBT0071901"));
		assert_eq!(
			oil.other_operator,
			Some(("Z9Y8".to_string(), "ABBT0999999".to_string(), Milli(5_000)))
		);
		let gas = &v1["100161002320W500"];
		assert_eq!((gas.operator.as_str(), gas.facility.as_str()), ("A1B2", "ABGS0161002"));
		assert_eq!(gas.other_operator, None);
		// Defaults: derived from the seed, stable, well-formed.
		let d = &v1["100020300405W400"];
		crate::config::check_operator(&d.operator).unwrap();
		crate::config::check_facility(&d.facility).unwrap();
		assert!(d.facility.starts_with("ABBT"));
		assert_eq!(expected_totals(&cfg, (2026, 1), 2)["100020300405W400"].facility, d.facility);
		assert_eq!(
			expected_totals(&cfg, (2025, 12), 1)["100071901015W400"].facility,
			"ABBT0071901"
		);

		// The other operator's row is in the file and must not count.
		let rows = parse_csv(&csv_of(&cfg, (2026, 1), 1));
		let well_rows: Vec<&Vec<Vec<u8>>> = rows[1..]
			.iter()
			.filter(|r| r[17] == b"PROD" && r[18] == b"OIL" && r[22] == b"100071901015W400")
			.collect();
		let all: i64 = well_rows
			.iter()
			.map(|r| crate::config::parse_fixed(&text(&r[23]), 3).unwrap())
			.sum();
		assert_eq!(all, 1_234_567 + 5_000, "sum over every operator includes the trap");
		let other: Vec<String> = well_rows
			.iter()
			.filter(|r| r[1] != b"A1B2")
			.map(|r| text(&r.iter().map(|f| f.as_slice()).collect::<Vec<_>>().join(&b'|')))
			.collect();
		assert_eq!(other.len(), 1);
		assert!(
			other[0].starts_with("2026-01|Z9Y8|OTHER, OPERATOR LTD.|ABBT0999999|AB|BT|0999999|"),
			"{}",
			other[0]
		);
		assert!(other[0].contains("|PROD|OIL|ABWI100071901015W400|AB|WI|100071901015W400|5.0|"));
		// One facility, one operator: every row of ABBT0071901 and ABGS0161002 is A1B2's.
		for r in &rows[1..] {
			if r[3] == b"ABBT0071901" || r[3] == b"ABGS0161002" {
				assert_eq!(r[1], b"A1B2");
			}
		}
	}

	#[test]
	fn confidential_wells_are_masked_in_identifiers() {
		let mut cfg = test_config();
		cfg.petrinex.confidential_matched = false;
		cfg.petrinex.netting_rows = false;
		let csv = csv_of(&cfg, (2026, 1), 1);
		let t = text(&csv);
		assert!(!t.contains("1W0052706219W500"), "a confidential id never appears");
		assert!(!t.contains("102010100101W600"));
		let rows = parse_csv(&csv);
		for r in &rows[1..] {
			if r[19] == b"***" {
				assert_eq!(r[22], b"***");
				assert!(r[20].is_empty() && r[21].is_empty(), "no province, no type");
				let v = text(&r[23]);
				crate::config::parse_fixed(&v, 3).expect("volume stays numeric");
				assert_eq!(r[1].len(), 4, "the operator stays public");
				crate::config::check_facility(&text(&r[3])).expect("the facility stays public");
			} else {
				assert_ne!(r[22], b"***");
			}
		}
		let hours_masked = rows[1..].iter().filter(|r| r[25] == b"***").count();
		assert!(hours_masked > 0, "Hours *** in some masked rows");
		assert!(rows[1..].iter().all(|r| r[25] != b"***" || r[19] == b"***"));
		// The configured confidential well: its masked OIL PROD rows at its facility carry its
		// volume.
		let fig = &expected_totals(&cfg, (2026, 1), 1)["1W0052706219W500"];
		let masked_oil: i64 = rows[1..]
			.iter()
			.filter(|r| {
				r[3] == fig.facility.as_bytes()
					&& r[17] == b"PROD"
					&& r[18] == b"OIL"
					&& r[22] == b"***"
			})
			.map(|r| crate::config::parse_fixed(&text(&r[23]), 3).unwrap())
			.sum();
		assert_eq!(masked_oil, 310_000);
		// Filler wells are masked too (about `confidential_fraction` of them).
		let masked_filler = rows[1..]
			.iter()
			.filter(|r| r[19] == b"***" && r[3] != fig.facility.as_bytes())
			.count();
		assert!(masked_filler >= 3, "{masked_filler}");
	}

	#[test]
	fn realistic_content() {
		let cfg = test_config();
		let csv = csv_of(&cfg, (2026, 1), 1);
		assert!(csv.contains(&0xE9), "some Latin-1 é");
		assert!(std::str::from_utf8(&csv).is_err(), "Latin-1, not UTF-8");
		let t = text(&csv);
		assert!(t.contains("\"ACME, INC.\""));
		assert!(t.contains("\"BIG \"\"D\"\" OIL & GAS LTD.\""));
		assert!(t.contains(",***,,,***,"), "masked identifiers");
		assert!(t.contains(",-"), "a negative reversal or difference row");
		let rows = parse_csv(&csv);
		let acts: HashSet<&[u8]> = rows[1..].iter().map(|r| r[17].as_slice()).collect();
		for a in [
			"PROD", "DISP", "REC", "INJ", "FUEL", "FLARE", "VENT", "DIFF", "INVOP", "INVCL",
			"LDINVOP", "LDINVCL", "LDREC", "SHUTIN", "",
		] {
			assert!(acts.contains(a.as_bytes()), "{a:?}");
		}
		let products: HashSet<&[u8]> = rows[1..].iter().map(|r| r[18].as_slice()).collect();
		for p in ["OIL", "GAS", "WATER", "COND", "C5-SP", "SAND", ""] {
			assert!(products.contains(p.as_bytes()), "{p:?}");
		}
		// Proration-factor rows: no activity, no product, a factor, volume 0.0, CCICode empty.
		let proration: Vec<_> = rows[1..].iter().filter(|r| r[17].is_empty()).collect();
		assert!(!proration.is_empty());
		for r in &proration {
			assert!(r[18].is_empty() && r[19].is_empty() && r[26].is_empty());
			assert_eq!(
				(text(&r[23]).as_str(), text(&r[24]).as_str(), text(&r[25]).as_str()),
				("0.0", "0.0", "0")
			);
			assert!(matches!(text(&r[27]).as_str(), "OIL" | "GAS" | "WATER"));
			assert_eq!(r[28].len(), 7, "factor with 5 decimals: {}", text(&r[28]));
			assert!(r[8] == b"322" || r[8] == b"364", "at proration batteries");
		}
		// ProrationProduct is filled on proration-factor rows only.
		assert!(rows[1..].iter().all(|r| r[17].is_empty() != r[27].is_empty()));
		// SHUTIN: a well, no product, volume 0.0.
		for r in rows[1..].iter().filter(|r| r[17] == b"SHUTIN") {
			assert_eq!(
				(r[21].as_slice(), r[18].as_slice(), r[23].as_slice()),
				(&b"WI"[..], &b""[..], &b"0.0"[..])
			);
		}
		// Fuel, flare, vent: to the reporting facility itself.
		for r in rows[1..]
			.iter()
			.filter(|r| matches!(r[17].as_slice(), b"FUEL" | b"FLARE" | b"VENT"))
		{
			assert_eq!(r[19], r[3]);
		}
		// Masked counterparties of receipts and dispositions, and bare `ABMC`-style ones.
		assert!(rows[1..].iter().any(|r| r[17] == b"DISP" && r[19] == b"***"));
		assert!(rows[1..].iter().any(|r| r[17] == b"REC" && r[19] == b"***"));
		assert!(rows[1..].iter().any(|r| r[19].len() == 4 && r[22].is_empty()));
		let mut alnum = 0;
		let mut wells = HashSet::new();
		for r in &rows[1..] {
			if r[21] == b"WI" {
				let id = text(&r[22]);
				let w = WellId::parse(&id).unwrap();
				assert_eq!(r[19], format!("ABWI{id}").as_bytes());
				if wells.insert(id) && w.has_alphanumeric_exception() {
					alnum += 1;
				}
			}
			// Volume and Energy: 1 to 3 decimals, never trailing zeros beyond the first.
			for c in [23, 24] {
				let v = text(&r[c]);
				crate::config::parse_fixed(&v, 3).unwrap();
				let frac = v.split_once('.').expect("a decimal point").1;
				assert!(
					(1..=3).contains(&frac.len()) && (frac.len() == 1 || !frac.ends_with('0')),
					"{v}"
				);
			}
			assert!(r[25] == b"***" || text(&r[25]).parse::<u16>().is_ok_and(|h| h <= 744));
			// Location columns are always filled and not zero-padded; the location string is.
			for c in 11..=15 {
				assert!(!r[c].is_empty() && !r[c].starts_with(b"0"), "{}", text(&r[c]));
			}
			let loc = text(&r[10]);
			let parts: Vec<&str> = loc.split('-').collect();
			match parts.len() {
				4 => {
					assert_eq!(format!("{:0>2}", text(&r[11])), parts[0]);
					assert_eq!(format!("{:0>2}", text(&r[12])), parts[1]);
				},
				3 => assert_eq!(format!("{:0>2}", text(&r[12])), parts[0], "no LSD"),
				_ => panic!("location {loc}"),
			}
			let n = parts.len();
			assert_eq!(parts[n - 2], format!("{:0>3}", text(&r[13])), "township 3 digits");
			assert_eq!(parts[n - 1], format!("{:0>2}W{}", text(&r[14]), text(&r[15])));
			// CCICode: a space, empty on masked and proration-factor rows.
			let plain = r[19] != b"***" && !r[17].is_empty();
			assert_eq!(r[26], if plain { &b" "[..] } else { &b""[..] });
		}
		let one_decimal = rows[1..]
			.iter()
			.filter(|r| r[23].ends_with(b".0") || r[23][r[23].len() - 2] == b'.')
			.count();
		assert!(one_decimal * 100 > rows.len() * 97, "volumes carry one decimal");
		let frac = alnum as f64 / wells.len() as f64;
		assert!((0.06..0.2).contains(&frac), "≈ 12 % alphanumeric well ids: {frac}");
		let cci_space = rows[1..].iter().filter(|r| r[26] == b" ").count();
		assert!(cci_space * 10 > rows.len() * 8, "CCICode is usually a single space");
		let no_lsd = rows[1..].iter().filter(|r| r[10].split(|&b| b == b'-').count() == 3).count();
		assert!(no_lsd * 10 > rows.len() && no_lsd * 2 < rows.len(), "both location shapes");
		assert!(rows[1..].iter().any(|r| r[7].contains(&b',')), "facility names with a comma");
		assert!(
			t.contains(",\"Joffre ") || t.contains(",\"Leduc ") || t.contains(",\""),
			"quoted names"
		);
		// One PROD row per well, product and month is the norm.
		let mut per: HashMap<(Vec<u8>, Vec<u8>), usize> = HashMap::new();
		for r in &rows[1..] {
			if r[17] == b"PROD" && r[21] == b"WI" {
				*per.entry((r[22].clone(), r[18].clone())).or_default() += 1;
			}
		}
		let multi = per.values().filter(|&&n| n > 1).count();
		assert!(multi > 0 && multi * 20 < per.len(), "{multi} of {}", per.len());
		// The decoy neighbour is present and not a configured well.
		assert!(t.contains("100071901015W402"));
		// Deterministic.
		assert_eq!(csv, csv_of(&cfg, (2026, 1), 1));
		let mut other = cfg.clone();
		other.seed = 99;
		assert_ne!(csv, csv_of(&other, (2026, 1), 1));
	}

	/// The exact rows of two configured wells in a small file without traps.
	#[test]
	fn exact_rows_of_configured_wells() {
		let mut cfg = SimConfig::default();
		cfg.seed = 7;
		cfg.petrinex.rows = 40;
		cfg.petrinex.netting_rows = false;
		cfg.petrinex.decoy_rows = false;
		cfg.petrinex.confidential_matched = false;
		let mut oil = WellConfig::new(
			"100071901015W400",
			Product::Oil,
			[(m("2026-08"), "28.500".parse().unwrap())].into(),
		);
		oil.operator = Some("A1B2".into());
		oil.operator_name = Some("TREASURENET TEST OIL LTD.".into());
		oil.facility = Some("ABBT0071901".into());
		oil.other_operator = Some(OtherOperatorConfig {
			operator: "Z9Y8".into(),
			operator_name: None,
			facility: Some("ABBT0999999".into()),
			months: [(m("2026-08"), "5.000".parse().unwrap())].into(),
		});
		let mut masked = WellConfig::new(
			"1S0032506124W500",
			Product::Gas,
			[(m("2026-08"), "120.000".parse().unwrap())].into(),
		);
		masked.confidential = true;
		masked.operator = Some("A1B2".into());
		masked.facility = Some("ABGS0161002".into());
		cfg.petrinex.wells = vec![oil, masked];
		cfg.validate().unwrap();
		let csv = csv_of(&cfg, (2026, 8), 1);
		let t = text(&csv);
		let lines: Vec<&str> = t
			.split("\r\n")
			.filter(|l| {
				l.contains("ABBT0071901") || l.contains("ABGS0161002") || l.contains("ABBT0999999")
			})
			.collect();
		assert_eq!(lines, EXACT_ROWS);
		// The official figure: the A1B2 row only.
		let figs = expected_totals(&cfg, (2026, 8), 1);
		let oil = &figs["100071901015W400"];
		assert_eq!(oil.volume, Some(Milli(28_500)));
		assert_eq!((oil.operator.as_str(), oil.facility.as_str()), ("A1B2", "ABBT0071901"));
		let gas = &figs["1S0032506124W500"];
		assert_eq!((gas.volume, gas.confidential), (None, true));
		assert_eq!((gas.operator.as_str(), gas.facility.as_str()), ("A1B2", "ABGS0161002"));
	}

	/// In file order (scattered among filler rows): the oil well's rows at its battery (one
	/// `PROD` `OIL` row carrying the hours, its `GAS` and `WATER` rows, a `DISP` row), the other
	/// operator's `PROD` row (`Z9Y8`, not counted), and the confidential gas well's rows at
	/// `ABGS0161002` with `***` identifiers, numeric volumes and an empty `CCICode`.
	const EXACT_ROWS: [&str; 9] = [
		"2026-08,A1B2,TREASURENET TEST OIL LTD.,ABBT0071901,AB,BT,0071901,Provost 7-19-10-15w4,321,CRUDE OIL MULTIWELL GROUP BATTERY,07-19-010-15W4,7,19,10,15,4,2026-09-05,PROD,GAS,ABWI100071901015W400,AB,WI,100071901015W400,29.6,0.0,0, ,,,",
		"2026-08,A1B2,TREASURENET TEST OIL LTD.,ABGS0161002,AB,GS,0161002,\"Morinville 3-25,5-8,3-17\",621,GAS GATHERING SYSTEM,25-061-24W5,3,25,61,24,5,2026-09-19,DISP,GAS,ABPL2195580,AB,PL,2195580,0.8,0.0,0, ,,,",
		"2026-08,A1B2,TREASURENET TEST OIL LTD.,ABBT0071901,AB,BT,0071901,Provost 7-19-10-15w4,321,CRUDE OIL MULTIWELL GROUP BATTERY,07-19-010-15W4,7,19,10,15,4,2026-09-05,PROD,WATER,ABWI100071901015W400,AB,WI,100071901015W400,12.2,0.0,0, ,,,",
		"2026-08,A1B2,TREASURENET TEST OIL LTD.,ABGS0161002,AB,GS,0161002,\"Morinville 3-25,5-8,3-17\",621,GAS GATHERING SYSTEM,25-061-24W5,3,25,61,24,5,2026-09-19,PROD,GAS,***,,,***,120.0,0.0,738,,,,",
		"2026-08,A1B2,TREASURENET TEST OIL LTD.,ABGS0161002,AB,GS,0161002,\"Morinville 3-25,5-8,3-17\",621,GAS GATHERING SYSTEM,25-061-24W5,3,25,61,24,5,2026-09-19,PROD,COND,***,,,***,268.4,0.0,0,,,,",
		"2026-08,A1B2,TREASURENET TEST OIL LTD.,ABGS0161002,AB,GS,0161002,\"Morinville 3-25,5-8,3-17\",621,GAS GATHERING SYSTEM,25-061-24W5,3,25,61,24,5,2026-09-19,PROD,WATER,***,,,***,1677.4,0.0,0,,,,",
		"2026-08,A1B2,TREASURENET TEST OIL LTD.,ABBT0071901,AB,BT,0071901,Provost 7-19-10-15w4,321,CRUDE OIL MULTIWELL GROUP BATTERY,07-19-010-15W4,7,19,10,15,4,2026-09-05,PROD,OIL,ABWI100071901015W400,AB,WI,100071901015W400,28.5,0.0,732, ,,,",
		"2026-08,A1B2,TREASURENET TEST OIL LTD.,ABBT0071901,AB,BT,0071901,Provost 7-19-10-15w4,321,CRUDE OIL MULTIWELL GROUP BATTERY,07-19-010-15W4,7,19,10,15,4,2026-09-05,DISP,OIL,ABGP7343148,AB,GP,7343148,385.2,0.0,0, ,,,",
		"2026-08,Z9Y8,PRAIRIE OIL & GAS INC.,ABBT0999999,AB,BT,0999999,\"Whitecourt 5-27,13-13\",322,CRUDE OIL MULTIWELL PRORATION BATTERY,05-27-050-17W6,5,27,50,17,6,2026-09-05,PROD,OIL,ABWI100071901015W400,AB,WI,100071901015W400,5.0,0.0,744, ,,,",
	];

	#[test]
	fn zip_in_zip_names_and_content() {
		let cfg = test_config();
		let bytes = petrinex_month_zip(&cfg, (2026, 1), 2);
		let outer = crate::zip::read_zip(&bytes).unwrap();
		assert_eq!(outer.len(), 1);
		assert_eq!(outer[0].name, "Vol_2026-01-AB.csv.zip");
		let inner = crate::zip::read_zip(&outer[0].data).unwrap();
		assert_eq!(inner.len(), 1);
		assert_eq!(inner[0].name, "Vol_2026-01-AB.CSV");
		assert_eq!(inner[0].data, csv_of(&cfg, (2026, 1), 2));
		assert_eq!(inner_zip_name(m("2026-08")), "Vol_2026-08-AB.csv.zip");
		assert_eq!(csv_name(m("2026-08")), "Vol_2026-08-AB.CSV");
	}

	#[test]
	fn python_zipfile_reads_month() {
		let cfg = test_config();
		let bytes = petrinex_month_zip(&cfg, (2026, 1), 1);
		let path =
			std::env::temp_dir().join(format!("tn-feed-sim-month-{}.zip", std::process::id()));
		std::fs::write(&path, &bytes).unwrap();
		let script = "import sys,zipfile,io,csv\n\
			z=zipfile.ZipFile(sys.argv[1]); assert z.namelist()==['Vol_2026-01-AB.csv.zip'], z.namelist()\n\
			i=zipfile.ZipFile(io.BytesIO(z.read('Vol_2026-01-AB.csv.zip'))); assert i.namelist()==['Vol_2026-01-AB.CSV']\n\
			t=i.read('Vol_2026-01-AB.CSV').decode('latin-1'); rows=list(csv.reader(io.StringIO(t, newline='')))\n\
			assert all(len(r)==30 for r in rows), 'ragged'\n\
			s=sum(float(r[23]) for r in rows[1:] if r[17]=='PROD' and r[21]=='WI' and r[22]=='100071901015W400' and r[18]=='OIL' and r[1]=='A1B2')\n\
			print('%.3f' % s)";
		match std::process::Command::new("python3").arg("-c").arg(script).arg(&path).output() {
			Ok(out) => {
				assert!(out.status.success(), "python: {}", String::from_utf8_lossy(&out.stderr));
				assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "1234.567");
			},
			Err(_) => eprintln!("python3 not found: skipping"),
		}
		let _ = std::fs::remove_file(&path);
	}

	/// Full-size month (500 000 rows, ~120 MB of CSV) in bounded memory. Run with
	/// `cargo test -p tn-feed-sim --release -- --ignored full_size --nocapture`.
	#[test]
	#[ignore]
	fn full_size_month() {
		let mut cfg = test_config();
		cfg.petrinex.rows = 500_000;
		cfg.petrinex.generate = Some(GenerateWells { count: 1_000, ..Default::default() });
		struct Count(u64, Crc);
		type Crc = crc32fast::Hasher;
		impl Write for Count {
			fn write(&mut self, b: &[u8]) -> io::Result<usize> {
				self.0 += b.len() as u64;
				self.1.update(b);
				Ok(b.len())
			}
			fn flush(&mut self) -> io::Result<()> {
				Ok(())
			}
		}
		let t = std::time::Instant::now();
		let mut c = Count(0, Crc::default());
		write_month_csv(&cfg, (2026, 1), 1, &mut c).unwrap();
		let csv_time = t.elapsed();
		let t = std::time::Instant::now();
		let zipped = petrinex_month_zip(&cfg, (2026, 1), 1);
		let zip_time = t.elapsed();
		let hwm = std::fs::read_to_string("/proc/self/status")
			.ok()
			.and_then(|s| s.lines().find(|l| l.starts_with("VmHWM")).map(str::to_string))
			.unwrap_or_default();
		eprintln!(
			"full size: csv {} bytes in {:?}; zip-in-zip {} bytes in {:?}; {hwm}",
			c.0,
			csv_time,
			zipped.len(),
			zip_time
		);
		let outer = crate::zip::read_zip(&zipped).unwrap();
		let inner = crate::zip::read_zip(&outer[0].data).unwrap();
		assert_eq!(inner[0].data.len() as u64, c.0);
		assert_eq!(crc32fast::hash(&inner[0].data), c.1.finalize());
		assert!(c.0 > 100_000_000, "about 120 MB");
		let rows = parse_csv(&inner[0].data);
		assert_eq!(rows.len(), 500_001);
		let sums = official_sums(&rows);
		for (id, fig) in expected_totals(&cfg, (2026, 1), 1) {
			assert_eq!(found(&sums, &id, &fig), fig.volume.map(|m| m.0), "{id}");
		}
	}
}
