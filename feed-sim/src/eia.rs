//! EIA open-data API v2: daily spot prices.
//!
//! # Requests
//!
//! ```text
//! GET /v2/petroleum/pri/spt/data/?frequency=daily&data[0]=value&facets[series][]=RWTC
//!     &start=2026-01-01&end=2026-01-31&sort[0][column]=period&sort[0][direction]=desc
//!     &offset=0&length=5000&api_key=KEY
//! GET /v2/natural-gas/pri/fut/data/?…&facets[series][]=RNGWHHD…
//! ```
//!
//! Brackets may be sent raw or percent-encoded (`data%5B0%5D=value`). `api_key` is required
//! (missing → `403 API_KEY_MISSING`, wrong → `403 API_KEY_INVALID`, JSON bodies as EIA's;
//! unknown route → `404 {"error":"Not found.","code":404}`).
//! `frequency` must be `daily` (or absent). Without `data[]=value` the rows carry no `value` /
//! `units` (as EIA does). `facets[series|duoarea|product|process][]` filter; without a series
//! facet every series of the route is returned. `start`/`end` are inclusive. Sorting by `period`
//! (asc/desc) is honoured; `offset`/`length` (≤ 5000) page the rows; `total` counts all matches.
//! At most 5000 rows are returned: when a request without `length` (or with `length` > 5000)
//! matches more than 5000 rows after `offset`, the first 5000 are returned and `response`
//! starts with EIA's `warnings` array (below).
//!
//! # Response
//!
//! Built with `serde_json`, keys in EIA's order, every `/` escaped as `\/` as EIA's PHP back end
//! does (see `docs/DATA_FORMATS.md` § 3.2 for the real captures this follows):
//!
//! ```json
//! {"response":{"total":"21","dateFormat":"YYYY-MM-DD","frequency":"daily","data":[
//!   {"period":"2026-01-30","duoarea":"YCUOK","area-name":"NA","product":"EPCWTI",
//!    "product-name":"WTI Crude Oil","process":"PF4","process-name":"Spot Price FOB",
//!    "series":"RWTC","series-description":"Cushing, OK WTI Spot Price FOB (Dollars per Barrel)",
//!    "value":"73.27","units":"$\/BBL"}, …],
//!   "description":"…"},
//!  "request":{"command":"\/v2\/petroleum\/pri\/spt\/data\/","params":{"frequency":"daily",
//!   "data":["value"],"facets":{"series":["RWTC"]},"start":"2026-01-01","end":null,
//!   "sort":[…],"offset":0,"length":5000,"api_key":"KEY"}},
//!  "apiVersion":"2.1.6","ExcelAddInVersion":"2.1.0"}
//! ```
//!
//! The request echo carries the `api_key` (as EIA's does: a client must never log a body);
//! `start` / `end` are `null` when not given.
//!
//! Over 5000 rows: `{"response":{"warnings":[{"warning":"incomplete return","description":"The
//! API can only return 5000 rows in JSON format.  Please consider constraining your request with
//! facet, start, or end, or using offset to paginate results."}],"total":"6801",…`.
//!
//! | field | content |
//! |---|---|
//! | `response.total` | number of matching rows, as a **string** (`"21"`) |
//! | `period` | `YYYY-MM-DD` |
//! | `value` | a **string**, printed as EIA does (Oracle style): no trailing zeros, no leading zero below 1 — WTI `"73.27"`, `"71.8"`, `"-36.98"`; Henry Hub `"3.06"`, `"2.1"`, `".31"` |
//! | `units` | `$/BBL` (`RWTC`, `RBRTE`), `$/MMBTU` (`RNGWHHD`, `RNGC1`) |
//!
//! There is no row for Saturdays, Sundays, days configured as holidays (`null` price), days
//! before `first_day`, or days after the publication date (`published_through`, default today
//! − `lag_days`).
//!
//! # Prices
//!
//! Deterministic from the seed: `base × exp(volatility × smooth noise)` with slow (≈ 90-day) and
//! fast (≈ 15-day) swings plus a small daily jitter, rounded to cents. A series' `dip_fraction`
//! of days (Henry Hub: 1 %) dip below $1 (so that values like `".31"` occur). Real published
//! values in [`HISTORY`] (WTI on 2020-04-20: **−36.98**, EIA's Cushing spot; −37.63 was the NYMEX
//! futures settlement) are reproduced on their day. Per-day overrides in the configuration win
//! over both (also on weekends), except over the publication cut-off.

use crate::config::{parse_fixed, SeriesConfig, SimConfig};
use crate::date::Date;
use crate::rng::{hash, hash_str, Rng};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

/// Largest `length` EIA accepts.
pub const MAX_LENGTH: usize = 5000;

/// Real published values reproduced by the simulator: (series, year, month, day, cents).
pub const HISTORY: [(&str, u16, u8, u8, i64); 1] = [
	// WTI Cushing spot (RWTC) went negative once; EIA's published value is −36.98 (the NYMEX
	// front-month settlement that day was −37.63).
	("RWTC", 2020, 4, 20, -3698),
];

/// The `warnings` entry EIA adds when it caps a JSON answer at 5000 rows.
pub const INCOMPLETE_RETURN: (&str, &str) = (
	"incomplete return",
	"The API can only return 5000 rows in JSON format.  Please consider constraining your request with facet, start, or end, or using offset to paginate results.",
);

#[allow(clippy::too_many_arguments)]
fn series(
	id: &str,
	route: &str,
	duoarea: &str,
	area_name: &str,
	product: (&str, &str),
	process: (&str, &str),
	description: &str,
	units: &str,
	base: &str,
	volatility: f64,
	dip_fraction: f64,
) -> SeriesConfig {
	SeriesConfig {
		id: id.into(),
		route: route.into(),
		duoarea: duoarea.into(),
		area_name: area_name.into(),
		product: product.0.into(),
		product_name: product.1.into(),
		process: process.0.into(),
		process_name: process.1.into(),
		description: description.into(),
		units: units.into(),
		base_price: base.into(),
		volatility,
		dip_fraction,
	}
}

/// The built-in series: `RWTC` (WTI Cushing) and `RBRTE` (Brent) on `petroleum/pri/spt`,
/// `RNGWHHD` (Henry Hub spot) and `RNGC1` (NYMEX front month) on `natural-gas/pri/fut`.
pub fn builtin_series() -> Vec<SeriesConfig> {
	vec![
		series(
			"RWTC",
			"petroleum/pri/spt",
			"YCUOK",
			"NA",
			("EPCWTI", "WTI Crude Oil"),
			("PF4", "Spot Price FOB"),
			"Cushing, OK WTI Spot Price FOB (Dollars per Barrel)",
			"$/BBL",
			"72.00",
			0.15,
			0.0,
		),
		series(
			"RBRTE",
			"petroleum/pri/spt",
			"ZEU",
			"NA",
			("EPCBRENT", "UK Brent Crude Oil"),
			("PF4", "Spot Price FOB"),
			"Europe Brent Spot Price FOB (Dollars per Barrel)",
			"$/BBL",
			"76.00",
			0.15,
			0.0,
		),
		series(
			"RNGWHHD",
			"natural-gas/pri/fut",
			"RGC",
			"NA",
			("EPG0", "Natural Gas"),
			("PS0", "Spot Price"),
			"Henry Hub Natural Gas Spot Price (Dollars per Million Btu)",
			"$/MMBTU",
			"3.40",
			0.30,
			0.01,
		),
		series(
			"RNGC1",
			"natural-gas/pri/fut",
			"Y35NY",
			"NEW YORK CITY",
			("EPG0", "Natural Gas"),
			("PE1", "Future Contract 1"),
			"Natural Gas Futures Contract 1 (Dollars per Million Btu)",
			"$/MMBTU",
			"3.55",
			0.30,
			0.0,
		),
	]
}

/// Built-in series, replaced or extended by the configured ones (matched by `id`).
pub fn all_series(cfg: &SimConfig) -> Vec<SeriesConfig> {
	let mut out = builtin_series();
	for s in &cfg.eia.series {
		match out.iter_mut().find(|b| b.id == s.id) {
			Some(b) => *b = s.clone(),
			None => out.push(s.clone()),
		}
	}
	out
}

fn smooth_noise(key: u64, t: f64) -> f64 {
	let k = t.floor();
	let f = t - k;
	let at = |i: f64| (Rng::new(&[key, i as i64 as u64]).unit() * 2.0) - 1.0;
	let w = (1.0 - (f * std::f64::consts::PI).cos()) / 2.0;
	at(k) * (1.0 - w) + at(k + 1.0) * w
}

/// The generated (not overridden) price of `series` on `day`, in cents, ignoring weekends and
/// publication.
pub fn model_price_cents(seed: u64, series: &SeriesConfig, day: Date) -> i64 {
	let base = parse_price(&series.base_price).unwrap_or(100) as f64;
	let key = hash(&[seed, hash_str(&series.id)]);
	let t = day.days_since_epoch() as f64;
	if series.dip_fraction > 0.0 && Rng::new(&[key, 4, t as i64 as u64]).chance(series.dip_fraction)
	{
		return Rng::new(&[key, 5, t as i64 as u64]).range(5, 99);
	}
	let slow = smooth_noise(key ^ 1, t / 90.0);
	let fast = smooth_noise(key ^ 2, t / 15.0);
	let jitter = Rng::new(&[key, 3, t as i64 as u64]).unit() * 2.0 - 1.0;
	let x = series.volatility * (0.75 * slow + 0.25 * fast) + 0.01 * jitter;
	((base * x.exp()).round() as i64).max(1)
}

/// The published price of `series` on `day` in cents, or `None` when EIA has no row for that day
/// (weekend, holiday override, before `first_day`, after the publication date).
pub fn price_cents(cfg: &SimConfig, series: &SeriesConfig, day: Date) -> Option<i64> {
	price_cents_until(cfg, series, day, cfg.eia_published_through())
}

fn price_cents_until(
	cfg: &SimConfig,
	series: &SeriesConfig,
	day: Date,
	published: Date,
) -> Option<i64> {
	if day > published || day < cfg.eia.first_day {
		return None;
	}
	if let Some(o) = cfg.eia.prices.get(&series.id).and_then(|m| m.get(&day)) {
		return o.as_deref().and_then(|p| parse_price(p).ok());
	}
	if let Some(h) = HISTORY
		.iter()
		.find(|h| h.0 == series.id && (h.1, h.2, h.3) == (day.year, day.month, day.day))
	{
		return Some(h.4);
	}
	if day.is_weekend() {
		return None;
	}
	Some(model_price_cents(cfg.seed, series, day))
}

/// Every published price of series `id` from `start` to `end` inclusive, ascending: what the
/// simulator serves, for checking a client. Unknown series: empty.
pub fn eia_prices(cfg: &SimConfig, id: &str, start: Date, end: Date) -> Vec<(Date, i64)> {
	let Some(s) = all_series(cfg).into_iter().find(|s| s.id == id) else { return Vec::new() };
	let published = cfg.eia_published_through();
	let (a, b) = (start.days_since_epoch(), end.days_since_epoch());
	(a..=b)
		.filter_map(|d| {
			let day = Date::from_days_since_epoch(d);
			price_cents_until(cfg, &s, day, published).map(|p| (day, p))
		})
		.collect()
}

/// Formats cents as EIA prints values (Oracle number style): no trailing zeros after the
/// point, no point for whole numbers, no leading zero below 1 — `73.27`, `71.8`, `73`, `3.06`,
/// `2.1`, `.31`, `-36.98`, `-.05`, `0`.
pub fn format_cents(c: i64) -> String {
	let sign = if c < 0 { "-" } else { "" };
	let (int, frac) = (c.unsigned_abs() / 100, c.unsigned_abs() % 100);
	let int = if int == 0 && frac != 0 { String::new() } else { int.to_string() };
	let frac = match frac {
		0 => String::new(),
		f if f % 10 == 0 => format!(".{}", f / 10),
		f => format!(".{f:02}"),
	};
	format!("{sign}{int}{frac}")
}

/// Parses a price with at most 2 decimals into cents, also in EIA's spelling without a leading
/// zero (`".31"`, `"-.05"`).
pub fn parse_price(s: &str) -> Result<i64, String> {
	if s.ends_with('.') {
		return Err(format!("bad price {s:?}: expected e.g. 73.27, 2.1 or .31"));
	}
	let fixed = match (s.strip_prefix("-."), s.strip_prefix('.')) {
		(Some(rest), _) => format!("-0.{rest}"),
		(None, Some(rest)) => format!("0.{rest}"),
		_ => s.to_string(),
	};
	parse_fixed(&fixed, 2).map_err(|_| format!("bad price {s:?}: expected e.g. 73.27, 2.1 or .31"))
}

/// An EIA error answer: HTTP status and JSON body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EiaError {
	/// HTTP status (400, 403 or 404).
	pub status: u16,
	/// JSON body.
	pub body: String,
}

/// EIA's error body: `{"error":"…","code":400}`.
#[derive(Serialize)]
struct ErrorBody<'a> {
	error: &'a str,
	code: u16,
}

/// EIA's API key error body: `{"error":{"code":"API_KEY_MISSING","message":"…"}}`.
#[derive(Serialize)]
struct KeyErrorBody<'a> {
	error: KeyError<'a>,
}

#[derive(Serialize)]
struct KeyError<'a> {
	code: &'a str,
	message: &'a str,
}

/// Serialises as EIA's PHP back end does: `serde_json`, then every `/` escaped as `\/`
/// (`"$\/BBL"`, `"\/v2\/petroleum\/pri\/spt\/data\/"`, as in real captures). A `/` can only
/// occur inside JSON strings, where `\/` is a valid escape of it.
fn to_json<T: Serialize>(v: &T) -> String {
	serde_json::to_string(v)
		.expect("serialising to a string cannot fail")
		.replace('/', "\\/")
}

impl EiaError {
	fn with(status: u16, msg: &str) -> EiaError {
		EiaError { status, body: to_json(&ErrorBody { error: msg, code: status }) }
	}

	fn bad(msg: &str) -> EiaError {
		EiaError::with(400, msg)
	}
}

/// Splits a query string into decoded `(key, value)` pairs, in order (`%XX` and `+` decoded;
/// brackets may come raw or percent-encoded).
pub fn parse_query(q: &str) -> Vec<(String, String)> {
	form_urlencoded::parse(q.as_bytes()).into_owned().collect()
}

/// A parsed EIA data request.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EiaRequest {
	/// Route, e.g. `petroleum/pri/spt`.
	pub route: String,
	/// `api_key`, if given.
	pub api_key: Option<String>,
	/// `frequency`, if given.
	pub frequency: Option<String>,
	/// `data[]` columns.
	pub data: Vec<String>,
	/// `facets[name][]` values, in order of appearance.
	pub facets: Vec<(String, Vec<String>)>,
	/// Inclusive first day.
	pub start: Option<Date>,
	/// Inclusive last day.
	pub end: Option<Date>,
	/// `sort[n][column]` / `sort[n][direction]` pairs.
	pub sort: Vec<(String, String)>,
	/// `offset` (default 0).
	pub offset: usize,
	/// `length` (default and maximum 5000).
	pub length: usize,
	/// `length` as requested, before the 5000 cap (`None`: not given).
	pub length_requested: Option<usize>,
}

/// The part between the first `[` `]` pair and the rest: `facets[series][]` → (`facets`,
/// [`series`, ``]).
fn bracket_parts(key: &str) -> (String, Vec<String>) {
	match key.find('[') {
		None => (key.to_string(), Vec::new()),
		Some(i) => {
			let name = key[..i].to_string();
			let parts = key[i..]
				.split('[')
				.skip(1)
				.map(|p| p.trim_end_matches(']').to_string())
				.collect();
			(name, parts)
		},
	}
}

impl EiaRequest {
	/// Parses a request target such as `/v2/petroleum/pri/spt/data/?frequency=daily&…`.
	/// Errors: 404 for a path that is not a `/v2/…/data` route, 400 for malformed parameters.
	pub fn parse(target: &str) -> Result<EiaRequest, EiaError> {
		let (path, query) = target.split_once('?').unwrap_or((target, ""));
		let route = path
			.strip_prefix("/v2/")
			.and_then(|r| r.trim_end_matches('/').strip_suffix("/data"))
			.filter(|r| !r.is_empty())
			.ok_or_else(|| EiaError::with(404, "Not found."))?;
		let mut req =
			EiaRequest { route: route.to_string(), length: MAX_LENGTH, ..Default::default() };
		let mut sort: Vec<(usize, Option<String>, Option<String>)> = Vec::new();
		for (k, v) in parse_query(query) {
			let (name, parts) = bracket_parts(&k);
			match name.as_str() {
				"api_key" => req.api_key = Some(v),
				"frequency" => req.frequency = Some(v),
				"data" => req.data.push(v),
				"facets" => {
					let facet = parts.first().cloned().unwrap_or_default();
					match req.facets.iter_mut().find(|(f, _)| *f == facet) {
						Some((_, vals)) => vals.push(v),
						None => req.facets.push((facet, vec![v])),
					}
				},
				"start" | "end" => {
					let d: Date = v.parse().map_err(|_| {
						EiaError::bad(&format!(
							"Invalid date format '{v}' for {name}. Daily data uses the format YYYY-MM-DD."
						))
					})?;
					if name == "start" {
						req.start = Some(d);
					} else {
						req.end = Some(d);
					}
				},
				"sort" => {
					let n: usize = parts.first().and_then(|p| p.parse().ok()).unwrap_or(0);
					let idx = match sort.iter().position(|s| s.0 == n) {
						Some(i) => i,
						None => {
							sort.push((n, None, None));
							sort.len() - 1
						},
					};
					match parts.get(1).map(String::as_str) {
						Some("column") => sort[idx].1 = Some(v),
						Some("direction") => sort[idx].2 = Some(v),
						_ => return Err(EiaError::bad(&format!("Invalid sort parameter '{k}'."))),
					}
				},
				"offset" => {
					req.offset =
						v.parse().map_err(|_| EiaError::bad(&format!("Invalid offset '{v}'.")))?
				},
				"length" => {
					let l: usize =
						v.parse().map_err(|_| EiaError::bad(&format!("Invalid length '{v}'.")))?;
					req.length = l.min(MAX_LENGTH);
					req.length_requested = Some(l);
				},
				_ => {}, // out=json and anything else: ignored, as EIA does
			}
		}
		sort.sort_by_key(|s| s.0);
		for (_, c, d) in sort {
			let c = c.unwrap_or_else(|| "period".into());
			let d = d.unwrap_or_else(|| "asc".into()).to_ascii_lowercase();
			if d != "asc" && d != "desc" {
				return Err(EiaError::bad(&format!(
					"Invalid sort direction '{d}'. Use 'asc' or 'desc'."
				)));
			}
			req.sort.push((c, d));
		}
		Ok(req)
	}
}

fn route_description(route: &str) -> &'static str {
	match route {
		"petroleum/pri/spt" => "Spot prices for crude oil and petroleum products.",
		"natural-gas/pri/fut" => "Natural gas spot and futures prices (NYMEX).",
		_ => "Prices.",
	}
}

/// Checks the API key: `Ok` or a 403 with EIA's JSON error.
pub fn check_api_key(cfg: &SimConfig, key: Option<&str>) -> Result<(), EiaError> {
	const REG: &str = "Please register for one at: https://www.eia.gov/opendata/register.php";
	let forbidden = |code: &str, what: &str| EiaError {
		status: 403,
		body: to_json(&KeyErrorBody {
			error: KeyError { code, message: &format!("{what}  {REG}") },
		}),
	};
	match key {
		None | Some("") => Err(forbidden("API_KEY_MISSING", "No api_key was supplied.")),
		Some(k) if k != cfg.api_key => {
			Err(forbidden("API_KEY_INVALID", "An invalid api_key was supplied."))
		},
		Some(_) => Ok(()),
	}
}

/// Answers an EIA v2 data request (`target` = path and query, as in the HTTP request line):
/// the JSON body, or the error status and body. See the module docs for the format.
pub fn eia_json(cfg: &SimConfig, target: &str) -> Result<String, EiaError> {
	let req = EiaRequest::parse(target)?;
	check_api_key(cfg, req.api_key.as_deref())?;
	eia_json_for(cfg, &req)
}

/// Like [`eia_json`] for an already parsed request (the API key is not checked here).
pub fn eia_json_for(cfg: &SimConfig, req: &EiaRequest) -> Result<String, EiaError> {
	let series: Vec<SeriesConfig> =
		all_series(cfg).into_iter().filter(|s| s.route == req.route).collect();
	if series.is_empty() {
		return Err(EiaError::with(404, "Not found."));
	}
	let freq = req.frequency.clone().unwrap_or_else(|| "daily".into());
	if freq != "daily" {
		return Err(EiaError::bad(&format!(
			"Invalid frequency '{freq}' provided. The only valid frequency for this simulated route is 'daily'."
		)));
	}
	for (facet, _) in &req.facets {
		if !matches!(facet.as_str(), "series" | "duoarea" | "product" | "process") {
			return Err(EiaError::bad(&format!("Invalid facet '{facet}'.")));
		}
	}
	let want_value = req.data.iter().any(|d| d == "value");
	let selected: Vec<&SeriesConfig> = series
		.iter()
		.filter(|s| {
			req.facets.iter().all(|(f, vals)| {
				let col = match f.as_str() {
					"series" => &s.id,
					"duoarea" => &s.duoarea,
					"product" => &s.product,
					_ => &s.process,
				};
				vals.iter().any(|v| v == col)
			})
		})
		.collect();
	let published = cfg.eia_published_through();
	let first = req.start.unwrap_or(cfg.eia.first_day).max(cfg.eia.first_day);
	let last = req.end.unwrap_or(published).min(published);
	let mut rows: Vec<(Date, usize, i64)> = Vec::new();
	if first <= last {
		for d in first.days_since_epoch()..=last.days_since_epoch() {
			let day = Date::from_days_since_epoch(d);
			for (i, s) in selected.iter().enumerate() {
				if let Some(p) = price_cents_until(cfg, s, day, published) {
					rows.push((day, i, p));
				}
			}
		}
	}
	for (col, dir) in req.sort.iter().rev() {
		let desc = dir == "desc";
		match col.as_str() {
			"period" => rows.sort_by(|a, b| if desc { b.0.cmp(&a.0) } else { a.0.cmp(&b.0) }),
			"value" => rows.sort_by(|a, b| if desc { b.2.cmp(&a.2) } else { a.2.cmp(&b.2) }),
			"series" => rows.sort_by(|a, b| {
				let o = selected[a.1].id.cmp(&selected[b.1].id);
				if desc {
					o.reverse()
				} else {
					o
				}
			}),
			other => return Err(EiaError::bad(&format!("Invalid sort column '{other}'."))),
		}
	}
	let total = rows.len();
	let remaining = total.saturating_sub(req.offset);
	let capped = remaining > MAX_LENGTH && req.length_requested.is_none_or(|l| l > MAX_LENGTH);
	let warnings = if capped {
		vec![Warning { warning: INCOMPLETE_RETURN.0, description: INCOMPLETE_RETURN.1 }]
	} else {
		Vec::new()
	};
	let data = rows
		.iter()
		.skip(req.offset)
		.take(req.length.min(MAX_LENGTH))
		.map(|&(day, i, p)| {
			let s = selected[i];
			DataRow {
				period: day.to_string(),
				duoarea: &s.duoarea,
				area_name: &s.area_name,
				product: &s.product,
				product_name: &s.product_name,
				process: &s.process,
				process_name: &s.process_name,
				series: &s.id,
				series_description: &s.description,
				value: want_value.then(|| format_cents(p)),
				units: want_value.then_some(s.units.as_str()),
			}
		})
		.collect();
	let envelope = Envelope {
		response: ResponseBody {
			warnings,
			total: total.to_string(),
			date_format: "YYYY-MM-DD",
			frequency: "daily",
			data,
			description: route_description(&req.route),
		},
		// Echo of the request, api_key included (as EIA does).
		request: RequestEcho {
			command: format!("/v2/{}/data/", req.route),
			params: Params {
				frequency: &freq,
				data: &req.data,
				facets: Facets(&req.facets),
				start: req.start.map(|d| d.to_string()),
				end: req.end.map(|d| d.to_string()),
				sort: req.sort.iter().map(|(c, d)| SortEcho { column: c, direction: d }).collect(),
				offset: req.offset,
				length: req.length,
				api_key: req.api_key.as_deref(),
			},
		},
		api_version: &cfg.eia.api_version,
		excel_add_in_version: "2.1.0",
	};
	Ok(to_json(&envelope))
}

#[derive(Serialize)]
struct Envelope<'a> {
	response: ResponseBody<'a>,
	request: RequestEcho<'a>,
	#[serde(rename = "apiVersion")]
	api_version: &'a str,
	#[serde(rename = "ExcelAddInVersion")]
	excel_add_in_version: &'a str,
}

#[derive(Serialize)]
struct ResponseBody<'a> {
	#[serde(skip_serializing_if = "Vec::is_empty")]
	warnings: Vec<Warning>,
	total: String,
	#[serde(rename = "dateFormat")]
	date_format: &'a str,
	frequency: &'a str,
	data: Vec<DataRow<'a>>,
	description: &'a str,
}

#[derive(Serialize)]
struct Warning {
	warning: &'static str,
	description: &'static str,
}

#[derive(Serialize)]
struct DataRow<'a> {
	period: String,
	duoarea: &'a str,
	#[serde(rename = "area-name")]
	area_name: &'a str,
	product: &'a str,
	#[serde(rename = "product-name")]
	product_name: &'a str,
	process: &'a str,
	#[serde(rename = "process-name")]
	process_name: &'a str,
	series: &'a str,
	#[serde(rename = "series-description")]
	series_description: &'a str,
	#[serde(skip_serializing_if = "Option::is_none")]
	value: Option<String>,
	#[serde(skip_serializing_if = "Option::is_none")]
	units: Option<&'a str>,
}

#[derive(Serialize)]
struct RequestEcho<'a> {
	command: String,
	params: Params<'a>,
}

#[derive(Serialize)]
struct Params<'a> {
	frequency: &'a str,
	data: &'a [String],
	facets: Facets<'a>,
	/// `null` when not given.
	start: Option<String>,
	/// `null` when not given.
	end: Option<String>,
	sort: Vec<SortEcho<'a>>,
	offset: usize,
	length: usize,
	/// EIA echoes the key (a client must never log a body).
	#[serde(skip_serializing_if = "Option::is_none")]
	api_key: Option<&'a str>,
}

#[derive(Serialize)]
struct SortEcho<'a> {
	column: &'a str,
	direction: &'a str,
}

/// `facets` echoed as an object in request order: `{"series":["RWTC"]}`.
struct Facets<'a>(&'a [(String, Vec<String>)]);

impl Serialize for Facets<'_> {
	fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
		let mut m = s.serialize_map(Some(self.0.len()))?;
		for (k, v) in self.0 {
			m.serialize_entry(k, v)?;
		}
		m.end()
	}
}

#[cfg(test)]
#[allow(clippy::field_reassign_with_default)]
mod tests {
	use super::*;
	use serde_json::Value;

	fn cfg() -> SimConfig {
		let mut c = SimConfig::default();
		c.api_key = "KEY".into();
		c.eia.published_through = Some("2026-01-28".parse().unwrap());
		c.eia.prices.insert(
			"RWTC".into(),
			[
				("2026-01-05".parse().unwrap(), Some("73.27".to_string())),
				("2026-01-19".parse().unwrap(), None),
			]
			.into(),
		);
		c
	}

	const Q: &str =
		"/v2/petroleum/pri/spt/data/?frequency=daily&data[0]=value&facets[series][]=RWTC\
		&start=2026-01-01&end=2026-01-31&sort[0][column]=period&sort[0][direction]=desc&api_key=KEY";

	#[test]
	fn wti_shape_and_filters() {
		let c = cfg();
		let v: Value = serde_json::from_str(&eia_json(&c, Q).unwrap()).unwrap();
		let data = v["response"]["data"].as_array().unwrap();
		// January 2026: 22 weekdays; 29–31 are after publication (28th), minus the 19th holiday.
		let expected_days = (1..=28)
			.map(|d| Date::new(2026, 1, d).unwrap())
			.filter(|d| !d.is_weekend() && d.day != 19)
			.count();
		assert_eq!(data.len(), expected_days);
		assert_eq!(v["response"]["total"], Value::String(expected_days.to_string()));
		assert_eq!(v["response"]["dateFormat"], "YYYY-MM-DD");
		assert_eq!(v["response"]["frequency"], "daily");
		assert_eq!(v["request"]["command"], "/v2/petroleum/pri/spt/data/");
		assert_eq!(v["request"]["params"]["facets"]["series"][0], "RWTC");
		assert_eq!(v["request"]["params"]["api_key"], "KEY", "EIA echoes the key");
		assert_eq!(v["apiVersion"], "2.1.6");
		let periods: Vec<&str> = data.iter().map(|r| r["period"].as_str().unwrap()).collect();
		let mut sorted = periods.clone();
		sorted.sort_unstable_by(|a, b| b.cmp(a));
		assert_eq!(periods, sorted, "sorted by period, descending");
		assert_eq!(periods[0], "2026-01-28");
		for r in data {
			let d: Date = r["period"].as_str().unwrap().parse().unwrap();
			assert!(!d.is_weekend());
			assert_eq!(r["series"], "RWTC");
			assert_eq!(r["units"], "$/BBL");
			assert_eq!(r["duoarea"], "YCUOK");
			assert_eq!(r["product-name"], "WTI Crude Oil");
			let val = r["value"].as_str().expect("value is a string");
			assert_eq!(format_cents(parse_price(val).unwrap()), val, "EIA's spelling: {val}");
			let f: f64 = val.parse().unwrap();
			assert!((30.0..200.0).contains(&f), "{val}");
		}
		let jan5 = data.iter().find(|r| r["period"] == "2026-01-05").unwrap();
		assert_eq!(jan5["value"], "73.27");
		// Key order as EIA's.
		let raw = eia_json(&c, Q).unwrap();
		assert!(raw.starts_with("{\"response\":{\"total\":\""));
		assert!(raw.contains("{\"period\":\"2026-01-28\",\"duoarea\":\"YCUOK\",\"area-name\":\"NA\",\"product\":\"EPCWTI\""));
		// The library's expectation agrees.
		let p =
			eia_prices(&c, "RWTC", "2026-01-01".parse().unwrap(), "2026-01-31".parse().unwrap());
		assert_eq!(p.len(), expected_days);
		assert_eq!(p.iter().find(|(d, _)| d.day == 5).unwrap().1, 7327);
		// Deterministic.
		assert_eq!(raw, eia_json(&c, Q).unwrap());
	}

	#[test]
	fn value_spelling() {
		let cases = [
			(7327, "73.27"),
			(7180, "71.8"),
			(7300, "73"),
			(306, "3.06"),
			(210, "2.1"),
			(31, ".31"),
			(5, ".05"),
			(0, "0"),
			(-3698, "-36.98"),
			(-5, "-.05"),
			(-3000, "-30"),
		];
		for (c, t) in cases {
			assert_eq!(format_cents(c), t);
			assert_eq!(parse_price(t), Ok(c), "{t}");
		}
		assert!(parse_price("1.234").is_err());
		assert!(parse_price(".").is_err());
	}

	/// The whole body of a small request, byte for byte.
	#[test]
	fn exact_json() {
		let mut c = cfg();
		c.eia
			.prices
			.get_mut("RWTC")
			.unwrap()
			.insert("2026-01-06".parse().unwrap(), Some("72.80".into()));
		let q = "/v2/petroleum/pri/spt/data/?frequency=daily&data[0]=value&facets[series][]=RWTC\
			&start=2026-01-05&end=2026-01-06&sort[0][column]=period&sort[0][direction]=desc\
			&offset=0&length=5000&api_key=KEY";
		assert_eq!(
			eia_json(&c, q).unwrap(),
			concat!(
				r#"{"response":{"total":"2","dateFormat":"YYYY-MM-DD","frequency":"daily","data":["#,
				r#"{"period":"2026-01-06","duoarea":"YCUOK","area-name":"NA","product":"EPCWTI","product-name":"WTI Crude Oil","process":"PF4","process-name":"Spot Price FOB","series":"RWTC","series-description":"Cushing, OK WTI Spot Price FOB (Dollars per Barrel)","value":"72.8","units":"$\/BBL"},"#,
				r#"{"period":"2026-01-05","duoarea":"YCUOK","area-name":"NA","product":"EPCWTI","product-name":"WTI Crude Oil","process":"PF4","process-name":"Spot Price FOB","series":"RWTC","series-description":"Cushing, OK WTI Spot Price FOB (Dollars per Barrel)","value":"73.27","units":"$\/BBL"}],"#,
				r#""description":"Spot prices for crude oil and petroleum products."},"#,
				r#""request":{"command":"\/v2\/petroleum\/pri\/spt\/data\/","params":{"frequency":"daily","data":["value"],"facets":{"series":["RWTC"]},"start":"2026-01-05","end":"2026-01-06","sort":[{"column":"period","direction":"desc"}],"offset":0,"length":5000,"api_key":"KEY"}},"#,
				r#""apiVersion":"2.1.6","ExcelAddInVersion":"2.1.0"}"#
			)
		);
	}

	#[test]
	fn negative_wti_of_2020_04_20() {
		let c = cfg();
		let q = "/v2/petroleum/pri/spt/data/?data[]=value&facets[series][]=RWTC&start=2020-04-17&end=2020-04-21&api_key=KEY";
		let v: Value = serde_json::from_str(&eia_json(&c, q).unwrap()).unwrap();
		let day = v["response"]["data"]
			.as_array()
			.unwrap()
			.iter()
			.find(|r| r["period"] == "2020-04-20")
			.unwrap()
			.clone();
		assert_eq!(day["value"], "-36.98");
		let d = |s: &str| s.parse::<Date>().unwrap();
		assert_eq!(
			eia_prices(&c, "RWTC", d("2020-04-20"), d("2020-04-20")),
			vec![(d("2020-04-20"), -3698)]
		);
		// A configured price still wins.
		let mut c2 = c.clone();
		c2.eia
			.prices
			.get_mut("RWTC")
			.unwrap()
			.insert(d("2020-04-20"), Some("-37.63".into()));
		assert_eq!(eia_prices(&c2, "RWTC", d("2020-04-20"), d("2020-04-20"))[0].1, -3763);
	}

	#[test]
	fn henry_hub_below_one_dollar() {
		let c = cfg();
		let d = |s: &str| s.parse::<Date>().unwrap();
		let all = eia_prices(&c, "RNGWHHD", d("2020-01-01"), d("2026-01-28"));
		let dips: Vec<(Date, i64)> = all.iter().copied().filter(|p| p.1 < 100).collect();
		assert!((5..60).contains(&dips.len()), "a few sub-dollar days: {}", dips.len());
		let first = (dips[0].0.to_string(), format_cents(dips[0].1));
		assert_eq!((first.0.as_str(), first.1.as_str()), FIRST_DIP);
		let day = dips[0].0.to_string();
		let q = format!(
			"/v2/natural-gas/pri/fut/data/?data[0]=value&facets[series][]=RNGWHHD&start={day}&end={day}&api_key=KEY"
		);
		let v: Value = serde_json::from_str(&eia_json(&c, &q).unwrap()).unwrap();
		let val = v["response"]["data"][0]["value"].as_str().unwrap();
		assert!(val.starts_with('.'), "no leading zero: {val}");
		assert_eq!(v["response"]["data"][0]["units"], "$/MMBTU");
		// Other Henry Hub values: EIA's spelling (`3.06`, `2.1`).
		assert!(all.iter().any(|p| p.1 % 10 == 0 && p.1 % 100 != 0));
	}

	const FIRST_DIP: (&str, &str) = ("2020-01-06", ".37");

	#[test]
	fn five_thousand_rows_and_warning() {
		let c = cfg();
		let base = "/v2/petroleum/pri/spt/data/?data[0]=value&facets[series][]=RWTC&api_key=KEY";
		let raw = eia_json(&c, base).unwrap();
		assert!(raw.starts_with(concat!(
			r#"{"response":{"warnings":[{"warning":"incomplete return","description":"The API can only return 5000 rows in JSON format.  "#,
			r#"Please consider constraining your request with facet, start, or end, or using offset to paginate results."}],"total":""#
		)));
		let v: Value = serde_json::from_str(&raw).unwrap();
		let total: usize = v["response"]["total"].as_str().unwrap().parse().unwrap();
		assert!(total > 6_000, "{total}");
		assert_eq!(v["response"]["data"].as_array().unwrap().len(), 5000);
		// A length above 5000 is capped, with the warning.
		let v: Value =
			serde_json::from_str(&eia_json(&c, &format!("{base}&length=6000")).unwrap()).unwrap();
		assert_eq!(v["response"]["data"].as_array().unwrap().len(), 5000);
		assert_eq!(v["response"]["warnings"][0]["warning"], "incomplete return");
		// Paging explicitly: no warning.
		let v: Value =
			serde_json::from_str(&eia_json(&c, &format!("{base}&length=5000")).unwrap()).unwrap();
		assert!(v["response"].get("warnings").is_none());
		let v: Value =
			serde_json::from_str(&eia_json(&c, &format!("{base}&offset={}", total - 10)).unwrap())
				.unwrap();
		assert!(v["response"].get("warnings").is_none());
		assert_eq!(v["response"]["data"].as_array().unwrap().len(), 10);
	}

	#[test]
	fn start_end_inclusive_and_encoded_brackets() {
		let c = cfg();
		let q = "/v2/petroleum/pri/spt/data?frequency=daily&data%5B0%5D=value&facets%5Bseries%5D%5B%5D=RWTC\
			&start=2026-01-06&end=2026-01-09&api_key=KEY";
		let v: Value = serde_json::from_str(&eia_json(&c, q).unwrap()).unwrap();
		let periods: Vec<&str> = v["response"]["data"]
			.as_array()
			.unwrap()
			.iter()
			.map(|r| r["period"].as_str().unwrap())
			.collect();
		assert_eq!(periods, ["2026-01-06", "2026-01-07", "2026-01-08", "2026-01-09"]);
		// Weekend only → no rows.
		let q = Q.replace("start=2026-01-01&end=2026-01-31", "start=2026-01-10&end=2026-01-11");
		let v: Value = serde_json::from_str(&eia_json(&c, &q).unwrap()).unwrap();
		assert_eq!(v["response"]["total"], "0");
		assert_eq!(v["response"]["data"].as_array().unwrap().len(), 0);
	}

	#[test]
	fn henry_hub_and_series_filter() {
		let c = cfg();
		let q =
			"/v2/natural-gas/pri/fut/data/?frequency=daily&data[0]=value&facets[series][]=RNGWHHD\
			&start=2026-01-01&end=2026-01-31&api_key=KEY";
		let v: Value = serde_json::from_str(&eia_json(&c, q).unwrap()).unwrap();
		let data = v["response"]["data"].as_array().unwrap();
		assert!(!data.is_empty());
		for r in data {
			assert_eq!(r["series"], "RNGWHHD");
			assert_eq!(r["units"], "$/MMBTU");
			let f: f64 = r["value"].as_str().unwrap().parse().unwrap();
			assert!((0.5..20.0).contains(&f));
		}
		// No series facet: both series of the route.
		let q = "/v2/natural-gas/pri/fut/data/?data[]=value&start=2026-01-05&end=2026-01-05&api_key=KEY";
		let v: Value = serde_json::from_str(&eia_json(&c, q).unwrap()).unwrap();
		let ids: Vec<&str> = v["response"]["data"]
			.as_array()
			.unwrap()
			.iter()
			.map(|r| r["series"].as_str().unwrap())
			.collect();
		assert_eq!(ids.len(), 2);
		assert!(ids.contains(&"RNGWHHD") && ids.contains(&"RNGC1"));
		// WTI is not on the gas route.
		let q = "/v2/natural-gas/pri/fut/data/?facets[series][]=RWTC&api_key=KEY";
		let v: Value = serde_json::from_str(&eia_json(&c, q).unwrap()).unwrap();
		assert_eq!(v["response"]["total"], "0");
		// Without data[]=value there is no value column.
		let q = "/v2/petroleum/pri/spt/data/?facets[series][]=RWTC&start=2026-01-05&end=2026-01-05&api_key=KEY";
		let v: Value = serde_json::from_str(&eia_json(&c, q).unwrap()).unwrap();
		assert!(v["response"]["data"][0].get("value").is_none());
	}

	#[test]
	fn api_key_required_and_errors() {
		let c = cfg();
		let e = eia_json(&c, &Q.replace("&api_key=KEY", "")).unwrap_err();
		assert_eq!(e.status, 403);
		let v: Value = serde_json::from_str(&e.body).unwrap();
		assert_eq!(v["error"]["code"], "API_KEY_MISSING");
		let e = eia_json(&c, &Q.replace("api_key=KEY", "api_key=WRONG")).unwrap_err();
		assert_eq!(e.status, 403);
		let v: Value = serde_json::from_str(&e.body).unwrap();
		assert_eq!(v["error"]["code"], "API_KEY_INVALID");
		let e = eia_json(&c, &Q.replace("frequency=daily", "frequency=weekly")).unwrap_err();
		assert_eq!(e.status, 400);
		serde_json::from_str::<Value>(&e.body).unwrap();
		let e = eia_json(&c, "/v2/electricity/retail-sales/data/?api_key=KEY").unwrap_err();
		assert_eq!(e.status, 404);
		let e = eia_json(&c, &Q.replace("start=2026-01-01", "start=2026-1-1")).unwrap_err();
		assert_eq!(e.status, 400);
	}

	#[test]
	fn paging() {
		let c = cfg();
		let q = Q.replace("start=2026-01-01&end=2026-01-31", "start=2025-01-01&end=2026-01-31")
			+ "&offset=10&length=5";
		let v: Value = serde_json::from_str(&eia_json(&c, &q).unwrap()).unwrap();
		assert_eq!(v["response"]["data"].as_array().unwrap().len(), 5);
		let total: usize = v["response"]["total"].as_str().unwrap().parse().unwrap();
		assert!(total > 250);
	}

	#[test]
	fn decoding() {
		assert_eq!(parse_query("a%5B0%5D+b%2=1"), vec![("a[0] b%2".into(), "1".into())]);
		assert_eq!(
			parse_query("x=1&&y"),
			vec![("x".into(), "1".into()), ("y".into(), String::new())]
		);
		assert_eq!(
			bracket_parts("facets[series][]"),
			("facets".into(), vec!["series".into(), String::new()])
		);
	}
}
