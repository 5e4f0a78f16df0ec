//! Petrinex public data: Alberta's official monthly volumetric file (`Vol`).
//!
//! # What the download looks like
//!
//! `GET /publicdata/API/Files/AB/Vol/2026-01/CSV` answers `application/zip`: a ZIP archive with
//! one entry `Vol_2026-01-AB.zip`, itself a ZIP archive with one entry `Vol_2026-01-AB.csv`.
//! Both are deflated and streamed (general-purpose flag bit 3, data descriptors; see
//! [`crate::zip`]).
//!
//! # The CSV
//!
//! Latin-1 (ISO-8859-1) text, CRLF line ends, RFC 4180 quoting (a field containing `,` or `"`
//! is quoted and its quotes doubled: `"ACME, INC."`, `"BIG ""D"" OIL & GAS LTD."`). A header
//! row with the 30 columns of [`HEADER`], then `rows` data rows (default 2 000; 500 000 is a
//! real-sized file of about 120 MB). Columns of note:
//!
//! | column | content |
//! |---|---|
//! | `ProductionMonth` | `2026-01` |
//! | `ReportingFacilityID` | `ABBT0012345` = province `AB` + type `BT` + identifier `0012345` |
//! | `SubmissionDate` | `2026-02-14`; the latest one in the file is the file's version date |
//! | `ActivityID` | `PROD`, `DISP`, `REC`, `INJ`, `FUEL`, `FLARE`, `VENT` |
//! | `ProductID` | `OIL` (m³), `GAS` (e³m³), `WATER` (m³), `COND` (m³) |
//! | `FromToID…` | `ABWI100071901015W400`, `AB`, `WI`, `100071901015W400` for a well; a facility (`GP`, `BT`, `PL`, …) for receipts and dispositions; empty for fuel, flare, vent |
//! | `Volume` | 3 decimals (`1234.567`, may be negative for reversals), or `***` (confidential) |
//! | `Energy`, `Heat`, `Hours`, `Proration…` | sometimes filled, sometimes empty |
//!
//! # The official volume of a well
//!
//! A configured well's official production for the month is the **sum of `Volume` over the rows
//! with `ActivityID = PROD`, `ProductID` = the well's product, `FromToIDType = WI` and
//! `FromToIDIdentifier` = the well's id**. The simulator writes 2–4 such rows (sometimes from two
//! batteries), optionally one inflated row plus a negative reversal row that nets it out, so the
//! sum is exactly the configured volume. Traps that must *not* count: the well's `WATER` and
//! solution-gas/condensate `PROD` rows, a `DISP` row of its product, an `INJ` row, a row for the
//! neighbouring event sequence (`…W402`), and `***` in some of those non-counting rows.
//! If the configured volume is `***`, the well's product rows all say `***`
//! ([`OfficialFigure::volume`] is then `None`).
//!
//! # Versions
//!
//! Version 1 of month M has SubmissionDates in M+1, days 1..`submission_day` (20), the latest
//! being exactly day `submission_day`. Version k ≥ 2 changes one well (configured in
//! `amendments`, or chosen deterministically) and its rows carry the new, later SubmissionDate
//! (default day 15 of M+k); the first data row always carries the file's version date, so the
//! maximum SubmissionDate is the version date. Everything else is byte-identical between
//! versions.

use crate::config::{Milli, OfficialVolume, Product, SimConfig};
use crate::date::{Date, Month};
use crate::rng::{hash, hash_str, Rng};
use crate::wellid::{generated_well_ids, WellId};
use crate::zip::{dos_date, ZipEntryWriter};
use std::collections::{BTreeMap, HashSet};
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

/// The download path of a month: `/publicdata/API/Files/AB/Vol/2026-01/CSV`.
pub fn url_path(month: Month) -> String {
	format!("/publicdata/API/Files/AB/Vol/{month}/CSV")
}

/// Name of the inner archive (the outer archive's only entry): `Vol_2026-01-AB.zip`.
pub fn inner_zip_name(month: Month) -> String {
	format!("Vol_{month}-AB.zip")
}

/// Name of the CSV (the inner archive's only entry): `Vol_2026-01-AB.csv`.
pub fn csv_name(month: Month) -> String {
	format!("Vol_{month}-AB.csv")
}

/// A well's official figure in one version of a month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfficialFigure {
	/// The product that counts (`OIL` or `GAS`).
	pub product: Product,
	/// Sum of its PROD rows, in thousandths of m³ (oil) or of e³m³ (gas); `None` if confidential.
	/// Thousandths of m³ are litres and thousandths of e³m³ are m³: the chain's units.
	pub volume: Option<Milli>,
	/// The version that last changed it (1 if never amended).
	pub version: u32,
	/// The SubmissionDate of its rows.
	pub submission_date: Date,
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

/// A month's wells and versions, resolved from the configuration.
#[derive(Clone, Debug)]
pub struct MonthState {
	/// The month.
	pub month: Month,
	/// The version described.
	pub version: u32,
	/// Well id → (product, volume, version that last changed it).
	pub wells: BTreeMap<String, (Product, OfficialVolume, u32)>,
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
				wells.insert(w.id.clone(), (w.product, *v, 1));
			}
		}
		if let Some(g) = &p.generate {
			let active = month >= g.from && g.through.is_none_or(|t| month <= t);
			if active {
				for (i, id) in generated_well_ids(cfg.seed, g.count).into_iter().enumerate() {
					let (product, volume) =
						generated_volume(cfg.seed, i as u32, g.gas_fraction, month);
					wells.entry(id.to_string()).or_insert((
						product,
						OfficialVolume::Volume(volume),
						1,
					));
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
					.filter(|(_, (_, v, _))| matches!(v, OfficialVolume::Volume(_)))
					.map(|(id, _)| id)
					.collect();
				(!candidates.is_empty())
					.then(|| candidates[rng.below(candidates.len() as u64) as usize].clone())
			});
			let change = target.map(|id| {
				let product = wells
					.get(&id)
					.map(|w| w.0)
					.or_else(|| p.wells.iter().find(|w| w.id == id).map(|w| w.product))
					.unwrap_or(Product::Oil);
				let old = wells.get(&id).map(|w| w.1).unwrap_or(OfficialVolume::Volume(Milli(0)));
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
				wells.insert(id.clone(), (product, new, k));
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
	let (lo, hi) = match product {
		Product::Oil => (20.0f64, 2_500.0f64),
		Product::Gas => (50.0, 6_000.0),
	};
	let v = (lo.ln() + rng.unit() * (hi.ln() - lo.ln())).exp();
	(product, Milli((v * 1000.0).round() as i64))
}

/// The official figures a parser must find in `version` of `month`: well id → figure.
/// Panics if `month.1` is not within 1..=12.
pub fn expected_totals(
	cfg: &SimConfig,
	month: (u16, u8),
	version: u32,
) -> BTreeMap<String, OfficialFigure> {
	let st = MonthState::new(cfg, month.into(), version);
	st.wells
		.iter()
		.map(|(id, &(product, v, changed))| {
			let volume = match v {
				OfficialVolume::Volume(m) => Some(m),
				OfficialVolume::Confidential => None,
			};
			let submission_date = st.well_date(cfg.seed, id, changed);
			(id.clone(), OfficialFigure { product, volume, version: changed, submission_date })
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
	let d = st.updated();
	let (date, time) = (dos_date(d.year, d.month, d.day), (6 << 11) | (30 << 5));
	let level = cfg.petrinex.compression_level;
	let outer = ZipEntryWriter::new(out, &inner_zip_name(month), date, time, level)?;
	let mut inner = ZipEntryWriter::new(outer, &csv_name(month), date, time, level)?;
	write_csv(cfg, &st, &mut inner)?;
	inner.finish()?.finish()
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
	kind: &'static str,
	ident: u32,
	name: Vec<u8>,
	subtype: &'static str,
	subtype_desc: &'static str,
	loc: WellId,
	operator: usize,
}

struct Catalog {
	operators: Vec<Operator>,
	facilities: Vec<Facility>,
	batteries: Vec<usize>,
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
			("311", "Crude Oil Single-Well Battery"),
			("321", "Crude Oil Multiwell Group Battery"),
			("322", "Crude Oil Multiwell Proration Battery"),
			("351", "Gas Single-Well Battery"),
			("362", "Gas Multiwell Proration Battery"),
		],
		"BATTERY",
	),
	(
		"GP",
		10,
		&[
			("401", "Gas Plant Sweet"),
			("402", "Gas Plant Acid Gas Flaring"),
			("404", "Gas Plant Sulphur Recovery"),
		],
		"GAS PLANT",
	),
	("GS", 10, &[("621", "Gas Gathering System")], "GATHERING SYSTEM"),
	(
		"IF",
		7,
		&[("503", "Water Disposal"), ("506", "Enhanced Recovery Scheme")],
		"INJECTION FACILITY",
	),
	("TM", 3, &[("611", "Terminal")], "TERMINAL"),
];

impl Catalog {
	fn new(seed: u64) -> Catalog {
		let operators = (0..NUM_OPERATORS)
			.map(|i| {
				let mut r = Rng::new(&[seed, 0x0BE, i as u64]);
				let alnum = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
				let baid: String = (0..4).map(|_| *r.pick(alnum) as char).collect();
				let name = if i < OPERATOR_NAMES.len() {
					OPERATOR_NAMES[i].to_string()
				} else {
					format!("{} {}", r.pick(&NAME_PREFIX), r.pick(&NAME_SUFFIX))
				};
				Operator { baid, name: latin1(&name) }
			})
			.collect::<Vec<_>>();
		let weights: Vec<u32> = FACILITY_KINDS.iter().map(|k| k.1).collect();
		let mut batteries = Vec::new();
		let facilities = (0..NUM_FACILITIES)
			.map(|i| {
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
				let name = format!(
					"{} {} {}",
					r.pick(&PLACES),
					loc.location().split('-').next().unwrap_or("01"),
					suffix
				);
				if kind == "BT" {
					batteries.push(i);
				}
				Facility {
					kind,
					ident: (i as u32 * 7919 + r.below(1000) as u32 * 9_000) % 9_999_999 + 1,
					name: latin1(&name),
					subtype,
					subtype_desc,
					loc,
					operator,
				}
			})
			.collect();
		Catalog { operators, facilities, batteries }
	}
}

#[derive(Clone, Copy, Debug)]
enum FromTo {
	None,
	Well(WellId),
	Facility(&'static str, u32),
}

#[derive(Clone, Copy, Debug)]
enum Cell {
	Empty,
	Value(Milli),
	Confidential,
}

#[derive(Clone, Copy, Debug)]
struct Row {
	facility: usize,
	date: Date,
	activity: &'static str,
	product: &'static str,
	from_to: FromTo,
	volume: Cell,
	energy: Option<Milli>,
	hours: Option<u16>,
	proration: Option<(&'static str, u32)>,
	heat: Option<u32>,
}

fn random_volume(r: &mut Rng, product: &str) -> Milli {
	let (lo, hi) = match product {
		"OIL" => (0.1f64, 2_500.0f64),
		"GAS" => (0.1, 8_000.0),
		"WATER" => (0.1, 5_000.0),
		_ => (0.1, 300.0),
	};
	if r.chance(0.04) {
		return Milli(0);
	}
	let v = ((lo.ln() + r.unit() * (hi.ln() - lo.ln())).exp() * 1000.0).round() as i64;
	// Many reported volumes carry a single significant decimal (`123.400`).
	Milli(if r.chance(0.5) { (v / 100).max(1) * 100 } else { v })
}

fn energy_of(r: &mut Rng, gas: Milli) -> Milli {
	// GJ: about 38–41 GJ per 10³ m³.
	Milli(gas.0 * r.range(37_500, 41_000) / 1000)
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
		for w in &cfg.petrinex.wells {
			if let Ok(id) = WellId::parse(&w.id) {
				reserved.insert(id);
				reserved.insert(id.with_event(decoy_event(id)));
			}
		}
		for id in st.wells.keys() {
			if let Ok(id) = WellId::parse(id) {
				reserved.insert(id);
				reserved.insert(id.with_event(decoy_event(id)));
			}
		}
		Generator {
			cfg,
			st,
			cat: Catalog::new(cfg.seed),
			reserved,
			month_str: st.month.to_string(),
			hours_full: st.month.days() as u16 * 24,
		}
	}

	fn random_well(&self, r: &mut Rng) -> WellId {
		loop {
			let mut id = WellId::random(r);
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
	/// within a block, groups of 3 rows are either one well's OIL/GAS/WATER (or GAS/COND/WATER)
	/// production, or three unrelated facility rows (receipts, dispositions, fuel, flare, …).
	fn filler(&self, i: u64) -> Row {
		let m = self.st.month.index() as u64;
		let seed = self.cfg.seed;
		let mut rb = Rng::new(&[seed, 0xF1B1, m, i / 12]);
		let facility = rb.below(NUM_FACILITIES as u64) as usize;
		let fac = &self.cat.facilities[facility];
		let date = if i == 0 { self.st.updated() } else { self.v1_filler_date(&mut rb) };
		let mut rg = Rng::new(&[seed, 0xF1C2, m, i / 3]);
		let well_group = rg.chance(0.6);
		let gas_well = rg.chance(0.4);
		let well = self.random_well(&mut rg);
		let group_hours = self.hours_full - if rg.chance(0.7) { 0 } else { rg.below(300) as u16 };
		let mut r = Rng::new(&[seed, 0xF111, m, i]);
		let (activity, product, from_to) = if well_group {
			let products =
				if gas_well { ["GAS", "COND", "WATER"] } else { ["OIL", "GAS", "WATER"] };
			("PROD", products[(i % 3) as usize], FromTo::Well(well))
		} else {
			let activity = ["DISP", "REC", "INJ", "FUEL", "FLARE", "VENT"]
				[r.weighted(&[30, 25, 12, 15, 10, 8])];
			let (product, from_to) = match activity {
				"INJ" => (
					["WATER", "GAS"][r.weighted(&[80, 20])],
					FromTo::Well(self.random_well(&mut r)),
				),
				"DISP" => (
					["OIL", "GAS", "WATER", "COND"][r.weighted(&[30, 40, 20, 10])],
					Self::random_facility_ref(&mut r, &["PL", "GP", "BT", "TM", "IF"]),
				),
				"REC" => (
					["OIL", "GAS", "WATER", "COND"][r.weighted(&[30, 40, 20, 10])],
					Self::random_facility_ref(&mut r, &["BT", "GS", "GP", "PL"]),
				),
				_ => ("GAS", FromTo::None),
			};
			(activity, product, from_to)
		};
		let vol = random_volume(&mut r, product);
		let volume = if r.chance(self.cfg.petrinex.confidential_fraction) {
			Cell::Confidential
		} else {
			Cell::Value(vol)
		};
		let energy = (product == "GAS"
			&& (fac.kind == "GP" || r.chance(0.3))
			&& matches!(volume, Cell::Value(_)))
		.then(|| energy_of(&mut r, vol));
		let hours = (activity == "PROD").then_some(group_hours);
		let proration = (activity == "PROD" && (fac.subtype == "322" || fac.subtype == "362"))
			.then(|| (product, r.range(85_000, 100_000) as u32));
		let heat = (product == "GAS" && fac.kind == "GP").then(|| r.range(3_700, 4_200) as u32);
		Row { facility, date, activity, product, from_to, volume, energy, hours, proration, heat }
	}

	/// All rows about configured (and generated) wells.
	fn special_rows(&self) -> Vec<Row> {
		let mut rows = Vec::new();
		let p = &self.cfg.petrinex;
		let mut first = true;
		for (id, &(product, volume, changed)) in &self.st.wells {
			let Ok(wid) = WellId::parse(id) else { continue };
			let date = self.st.well_date(self.cfg.seed, id, changed);
			// Keyed by the well and its volume only, so unchanged wells keep identical rows.
			let mut r =
				Rng::new(&[self.cfg.seed, 0x5BEC, self.st.month.index() as u64, hash_str(id)]);
			let bats = &self.cat.batteries;
			let fac1 = bats[r.below(bats.len() as u64) as usize];
			let fac2 = bats[r.below(bats.len() as u64) as usize];
			let prod = product.as_str();
			let base = Row {
				facility: fac1,
				date,
				activity: "PROD",
				product: prod,
				from_to: FromTo::Well(wid),
				volume: Cell::Empty,
				energy: None,
				hours: None,
				proration: None,
				heat: None,
			};
			let mut r2 = Rng::new(&[hash(&[r.next_u64()]), changed as u64]);
			match volume {
				OfficialVolume::Confidential => {
					for f in [fac1, fac2] {
						rows.push(Row {
							facility: f,
							volume: Cell::Confidential,
							hours: Some(self.hours_full),
							..base
						});
					}
				},
				OfficialVolume::Volume(Milli(total)) => {
					let n = r2.range(2, 4).min(total.max(1));
					let weights: Vec<i64> = (0..n).map(|_| r2.range(1, 1000)).collect();
					let wsum: i64 = weights.iter().sum();
					let mut parts: Vec<i64> = weights
						.iter()
						.map(|w| (total as i128 * *w as i128 / wsum as i128) as i64)
						.collect();
					let assigned: i64 = parts.iter().sum();
					parts[0] += total - assigned;
					while let Some(z) = parts.iter().position(|&x| x == 0) {
						if total < n {
							break;
						}
						let m = (0..parts.len()).max_by_key(|&j| parts[j]).unwrap_or(0);
						parts[m] -= 1;
						parts[z] += 1;
					}
					let netting = p.netting_rows && total > 0 && r2.chance(0.5);
					let x = if netting { r2.range(1, (total / 10).max(1)) } else { 0 };
					parts[0] += x;
					for (j, part) in parts.iter().enumerate() {
						let f = if j == 1 { fac2 } else { fac1 };
						let hours = Some(self.hours_full - r2.below(24) as u16);
						rows.push(Row {
							facility: f,
							volume: Cell::Value(Milli(*part)),
							hours,
							..base
						});
					}
					if netting {
						rows.push(Row { volume: Cell::Value(Milli(-x)), ..base });
					}
				},
			}
			// Non-counting rows of the same well.
			let hidden_water = p.confidential_matched && (first || r.chance(0.4));
			first = false;
			let water = if hidden_water {
				Cell::Confidential
			} else {
				Cell::Value(random_volume(&mut r, "WATER"))
			};
			rows.push(Row {
				product: "WATER",
				volume: water,
				hours: Some(self.hours_full),
				..base
			});
			let side = if product == Product::Oil { "GAS" } else { "COND" };
			let side_vol = random_volume(&mut r, side);
			let energy = (side == "GAS").then(|| energy_of(&mut r, side_vol));
			rows.push(Row {
				product: side,
				volume: Cell::Value(side_vol),
				energy,
				hours: Some(self.hours_full),
				..base
			});
			rows.push(Row {
				activity: "DISP",
				volume: Cell::Value(random_volume(&mut r, prod)),
				..base
			});
			if r.chance(0.3) {
				rows.push(Row {
					activity: "INJ",
					product: "WATER",
					volume: Cell::Value(random_volume(&mut r, "WATER")),
					..base
				});
			}
			if p.decoy_rows {
				let decoy = wid.with_event(decoy_event(wid));
				if !self.st.wells.contains_key(&decoy.to_string()) {
					rows.push(Row {
						from_to: FromTo::Well(decoy),
						volume: Cell::Value(random_volume(&mut r, prod)),
						hours: Some(self.hours_full),
						date: self.v1_filler_date(&mut r),
						..base
					});
				}
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
		let _ = write!(buf, ",AB{}{:07},AB,{},{:07},", fac.kind, fac.ident, fac.kind, fac.ident);
		csv_field(buf, &fac.name);
		let _ = write!(
			buf,
			",{},{},{:02}-{:02}-{:03}-{:02}W{},{:02},{:02},{:03},{:02},{},{},{},{},",
			fac.subtype,
			fac.subtype_desc,
			l.lsd,
			l.section,
			l.township,
			l.range,
			l.meridian,
			l.lsd,
			l.section,
			l.township,
			l.range,
			l.meridian,
			row.date,
			row.activity,
			row.product
		);
		match row.from_to {
			FromTo::None => buf.extend_from_slice(b",,,"),
			FromTo::Well(w) => {
				let _ = write!(buf, "ABWI{w},AB,WI,{w}");
			},
			FromTo::Facility(k, n) => {
				let _ = write!(buf, "AB{k}{n:07},AB,{k},{n:07}");
			},
		}
		buf.push(b',');
		match row.volume {
			Cell::Empty => {},
			Cell::Value(m) => {
				let _ = write!(buf, "{m}");
			},
			Cell::Confidential => buf.extend_from_slice(b"***"),
		}
		buf.push(b',');
		if let Some(e) = row.energy {
			let _ = write!(buf, "{e}");
		}
		buf.push(b',');
		if let Some(h) = row.hours {
			let _ = write!(buf, "{h}");
		}
		buf.extend_from_slice(b",,"); // CCICode empty
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

fn write_csv<W: Write>(cfg: &SimConfig, st: &MonthState, out: &mut W) -> io::Result<()> {
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
	use crate::config::{AmendmentConfig, GenerateWells, WellConfig};

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

	pub(crate) fn test_config() -> SimConfig {
		let mut cfg = SimConfig::default();
		cfg.seed = 1234;
		cfg.petrinex.rows = 3_000;
		let m = |s: &str| s.parse::<Month>().unwrap();
		cfg.petrinex.wells = vec![
			WellConfig {
				id: "100071901015W400".into(),
				product: Product::Oil,
				months: [
					(m("2026-01"), "1234.567".parse().unwrap()),
					(m("2025-12"), "0.001".parse().unwrap()),
				]
				.into(),
			},
			WellConfig {
				id: "100161002320W500".into(),
				product: Product::Gas,
				months: [(m("2026-01"), "845.210".parse().unwrap())].into(),
			},
			WellConfig {
				id: "102010100101W600".into(),
				product: Product::Oil,
				months: [(m("2026-01"), "***".parse().unwrap())].into(),
			},
			WellConfig {
				id: "100020300405W400".into(),
				product: Product::Oil,
				months: [(m("2026-01"), "0".parse().unwrap())].into(),
			},
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
		cfg
	}

	/// Sums the counting rows per (well, product); `None` when a counting row says `***`.
	pub(crate) fn official_sums(rows: &[Vec<Vec<u8>>]) -> BTreeMap<(String, String), Option<i64>> {
		let mut sums: BTreeMap<(String, String), Option<i64>> = BTreeMap::new();
		for r in &rows[1..] {
			if r[17] == b"PROD" && r[21] == b"WI" {
				let key = (
					String::from_utf8(r[22].clone()).unwrap(),
					String::from_utf8(r[18].clone()).unwrap(),
				);
				let v = if r[23] == b"***" {
					None
				} else {
					Some(
						crate::config::parse_fixed(std::str::from_utf8(&r[23]).unwrap(), 3)
							.unwrap(),
					)
				};
				let e = sums.entry(key).or_insert(Some(0));
				*e = match (*e, v) {
					(Some(a), Some(b)) => Some(a + b),
					_ => None,
				};
			}
		}
		sums
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
				let got = sums.get(&(id.clone(), fig.product.as_str().to_string())).copied();
				assert_eq!(got, Some(fig.volume.map(|m| m.0)), "{month:?} v{version} well {id}");
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
		assert_eq!(v1["100020300405W400"].volume, Some(Milli(0)));
		assert_eq!(file_updated_date(&cfg, (2026, 1), 1).to_string(), "2026-02-20");
		assert_eq!(file_updated_date(&cfg, (2026, 1), 2).to_string(), "2026-03-18");
		assert_eq!(file_updated_date(&cfg, (2026, 1), 3).to_string(), "2026-04-15");
		// Version 3 (not configured) changes exactly one well.
		let v3 = expected_totals(&cfg, (2026, 1), 3);
		assert_eq!(v2.iter().filter(|(id, f)| v3[*id].volume != f.volume).count(), 1);
	}

	#[test]
	fn realistic_content() {
		let cfg = test_config();
		let csv = csv_of(&cfg, (2026, 1), 1);
		assert!(csv.contains(&0xE9), "some Latin-1 é");
		assert!(std::str::from_utf8(&csv).is_err(), "Latin-1, not UTF-8");
		let text = String::from_utf8_lossy(&csv);
		assert!(text.contains("\"ACME, INC.\""));
		assert!(text.contains("\"BIG \"\"D\"\" OIL & GAS LTD.\""));
		assert!(text.contains(",***,"));
		assert!(text.contains(",-"), "a negative reversal row");
		let rows = parse_csv(&csv);
		let acts: HashSet<&[u8]> = rows[1..].iter().map(|r| r[17].as_slice()).collect();
		for a in ["PROD", "DISP", "INJ", "FUEL", "FLARE", "VENT", "REC"] {
			assert!(acts.contains(a.as_bytes()), "{a}");
		}
		for r in &rows[1..] {
			if r[21] == b"WI" {
				let id = std::str::from_utf8(&r[22]).unwrap();
				WellId::parse(id).unwrap();
				assert_eq!(r[19], format!("ABWI{id}").as_bytes());
			}
			let v = std::str::from_utf8(&r[23]).unwrap();
			assert!(
				v == "***" || (v.len() > 4 && v.as_bytes()[v.len() - 4] == b'.'),
				"3 decimals: {v}"
			);
		}
		// The decoy neighbour is present and not a configured well.
		assert!(text.contains("100071901015W402"));
		// Deterministic.
		assert_eq!(csv, csv_of(&cfg, (2026, 1), 1));
		let mut other = cfg.clone();
		other.seed = 99;
		assert_ne!(csv, csv_of(&other, (2026, 1), 1));
	}

	#[test]
	fn zip_in_zip_names_and_content() {
		let cfg = test_config();
		let bytes = petrinex_month_zip(&cfg, (2026, 1), 2);
		let outer = crate::zip::read_zip(&bytes).unwrap();
		assert_eq!(outer.len(), 1);
		assert_eq!(outer[0].name, "Vol_2026-01-AB.zip");
		let inner = crate::zip::read_zip(&outer[0].data).unwrap();
		assert_eq!(inner.len(), 1);
		assert_eq!(inner[0].name, "Vol_2026-01-AB.csv");
		assert_eq!(inner[0].data, csv_of(&cfg, (2026, 1), 2));
	}

	#[test]
	fn python_zipfile_reads_month() {
		let cfg = test_config();
		let bytes = petrinex_month_zip(&cfg, (2026, 1), 1);
		let path =
			std::env::temp_dir().join(format!("tn-feed-sim-month-{}.zip", std::process::id()));
		std::fs::write(&path, &bytes).unwrap();
		let script = "import sys,zipfile,io,csv\n\
			z=zipfile.ZipFile(sys.argv[1]); assert z.namelist()==['Vol_2026-01-AB.zip'], z.namelist()\n\
			i=zipfile.ZipFile(io.BytesIO(z.read('Vol_2026-01-AB.zip'))); assert i.namelist()==['Vol_2026-01-AB.csv']\n\
			t=i.read('Vol_2026-01-AB.csv').decode('latin-1'); rows=list(csv.reader(io.StringIO(t, newline='')))\n\
			assert all(len(r)==30 for r in rows), 'ragged'\n\
			s=sum(float(r[23]) for r in rows[1:] if r[17]=='PROD' and r[21]=='WI' and r[22]=='100071901015W400' and r[18]=='OIL')\n\
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
		type Crc = crate::zip::Crc32;
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
		assert_eq!(crate::zip::Crc32::of(&inner[0].data), c.1.value());
		assert!(c.0 > 100_000_000, "about 120 MB");
		let rows = parse_csv(&inner[0].data);
		assert_eq!(rows.len(), 500_001);
		let sums = official_sums(&rows);
		for (id, fig) in expected_totals(&cfg, (2026, 1), 1) {
			assert_eq!(
				sums.get(&(id.clone(), fig.product.as_str().into())).copied(),
				Some(fig.volume.map(|m| m.0))
			);
		}
	}
}
