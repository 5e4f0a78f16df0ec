//! `tn-feed-sim`: serves the Petrinex and EIA imitations on loopback (see the library docs).

use clap::Parser;
use std::io::Write;
use std::path::PathBuf;
use tn_feed_sim::config::{AmendmentConfig, GenerateWells, OfficialVolume, WellConfig};
use tn_feed_sim::{Date, Mode, Month, Product, Server, SimConfig};

/// Offline, deterministic imitation of the Petrinex public data API (monthly zip-in-zip CSV)
/// and the EIA open-data v2 API (daily WTI / Henry Hub prices), on 127.0.0.1 only.
///
/// Endpoints: GET /publicdata/API/Files/AB/Vol/{YYYY-MM}/CSV, GET /v2/petroleum/pri/spt/data/,
/// GET /v2/natural-gas/pri/fut/data/ (api_key required); control: GET /control/mode,
/// POST /control/mode/{healthy|404|500|slow|truncated|garbage|down|json-error|transient-404}
/// [?api=petrinex|eia][&count=N],
/// POST /control/amend/{YYYY-MM}, GET /control/expected/{YYYY-MM}[?version=N],
/// POST /control/published/petrinex/{YYYY-MM}, POST /control/published/eia/{YYYY-MM-DD},
/// GET /control/config. Flags override the --config file.
#[derive(Parser, Debug)]
#[command(name = "tn-feed-sim", version, about, long_about, after_long_help = CONFIG_HELP)]
struct Cli {
	/// JSON configuration file (format: see `tn_feed_sim::config`; every field optional).
	#[arg(long, value_name = "PATH")]
	config: Option<PathBuf>,

	/// Listening address; loopback only [default: 127.0.0.1:8787; port 0 = any free port].
	#[arg(long, value_name = "ADDR")]
	listen: Option<String>,

	/// Seed of all generated data [default: 42].
	#[arg(long, value_name = "N")]
	seed: Option<u64>,

	/// The EIA `api_key` requests must carry [default: tn-dev-key].
	#[arg(long, value_name = "KEY")]
	api_key: Option<String>,

	/// Initial misbehaviour mode of both APIs: healthy, 404, 500, slow, truncated, garbage, down,
	/// json-error (200 with a JSON error body), transient-404 (404 for the next
	/// --transient-count requests, then healthy) [default: healthy].
	#[arg(long, value_name = "MODE")]
	mode: Option<Mode>,

	/// Requests the transient-404 mode answers with 404 before healing, per API [default: 2].
	#[arg(long, value_name = "N")]
	transient_count: Option<u32>,

	/// Seconds the `slow` mode waits before answering [default: 30].
	#[arg(long, value_name = "SECS")]
	slow_secs: Option<u64>,

	/// Data rows per Petrinex month file [default: 2000; 500000 ≈ 120 MB of CSV, real size].
	#[arg(long, value_name = "N")]
	rows: Option<u64>,

	/// A well with official volumes, repeatable: ID:PRODUCT:YYYY-MM=VOLUME[,YYYY-MM=VOLUME…],
	/// e.g. 100071901015W400:OIL:2026-01=1234.567. PRODUCT is OIL (m³) or GAS (e³m³); VOLUME has
	/// at most 3 decimals, or is *** (confidential that month: identifiers masked). Operator,
	/// facility, confidentiality and other operators: in the --config file.
	#[arg(long = "well", value_name = "SPEC")]
	wells: Vec<String>,

	/// Also generate N wells with deterministic ids and monthly volumes.
	#[arg(long, value_name = "N")]
	generate_wells: Option<u32>,

	/// First month of the generated wells' production [default: 2020-01].
	#[arg(long, value_name = "YYYY-MM")]
	generate_from: Option<Month>,

	/// Last month of the generated wells' production [default: no end].
	#[arg(long, value_name = "YYYY-MM")]
	generate_through: Option<Month>,

	/// Fraction of generated wells that produce gas [default: 0.3].
	#[arg(long, value_name = "F")]
	gas_fraction: Option<f64>,

	/// First month Petrinex has a file for; earlier months answer 404 [default: 2015-01].
	#[arg(long, value_name = "YYYY-MM")]
	petrinex_published_from: Option<Month>,

	/// Last month Petrinex has published; later months answer 404 [default: the month before
	/// the current UTC month].
	#[arg(long, value_name = "YYYY-MM")]
	petrinex_published_through: Option<Month>,

	/// Publish a month at a given version from the start, repeatable: YYYY-MM=N.
	#[arg(long = "month-version", value_name = "YYYY-MM=N")]
	month_versions: Vec<String>,

	/// An amendment, repeatable: YYYY-MM:VERSION[:WELL[=VOLUME]][:YYYY-MM-DD]. Omitted parts are
	/// chosen deterministically (a well of the month, a few percent change, day 15 of month +
	/// VERSION). The month is then published at (at least) that version.
	#[arg(long = "amend", value_name = "SPEC")]
	amendments: Vec<String>,

	/// Fraction of filler wells that are confidential (FromToID and FromToIDIdentifier ***)
	/// [default: 0.02].
	#[arg(long, value_name = "F")]
	confidential_fraction: Option<f64>,

	/// Leave out the traps for parsers: reversal (netting) rows, decoy neighbouring event
	/// sequences, confidential (masked) neighbours in configured wells' facilities.
	#[arg(long)]
	no_traps: bool,

	/// Day of the following month that is version 1's SubmissionDate [default: 20].
	#[arg(long, value_name = "DAY")]
	submission_day: Option<u8>,

	/// Deflate level 1..=9 for both zip layers (0 and 10 are accepted, written as 1 and 9)
	/// [default: 6].
	#[arg(long, value_name = "LEVEL")]
	compression_level: Option<u8>,

	/// Month files kept in memory by the server [default: 16].
	#[arg(long, value_name = "N")]
	cache_entries: Option<usize>,

	/// Price override, repeatable: SERIES:YYYY-MM-DD=PRICE (2 decimals), or SERIES:YYYY-MM-DD=null
	/// for a holiday (no row). E.g. RWTC:2026-01-05=73.27.
	#[arg(long = "price", value_name = "SPEC")]
	prices: Vec<String>,

	/// Last day EIA has published; later days have no row [default: today (UTC) minus the lag].
	#[arg(long, value_name = "YYYY-MM-DD")]
	eia_published_through: Option<Date>,

	/// EIA publication lag in days, used without --eia-published-through [default: 5].
	#[arg(long, value_name = "DAYS")]
	eia_lag_days: Option<u32>,

	/// First day with EIA prices [default: 2000-01-03].
	#[arg(long, value_name = "YYYY-MM-DD")]
	eia_first_day: Option<Date>,

	/// Print the effective configuration as JSON and exit.
	#[arg(long)]
	print_config: bool,

	/// Print the official totals of a month (what a parser must find) as JSON and exit.
	#[arg(long, value_name = "YYYY-MM")]
	expected: Option<Month>,

	/// Write the download of a month to --out and exit, without serving (for benchmarks).
	#[arg(long, value_name = "YYYY-MM")]
	write_month: Option<Month>,

	/// With --write-month: write the plain CSV instead of the zip-in-zip.
	#[arg(long, requires = "write_month")]
	csv: bool,

	/// File version for --write-month and --expected [default: the month's published version].
	#[arg(long, value_name = "N")]
	file_version: Option<u32>,

	/// Output file for --write-month ("-" = stdout) [default: Vol_YYYY-MM-AB-CSV.zip or
	/// Vol_YYYY-MM-AB.CSV in the current directory].
	#[arg(long, value_name = "PATH", requires = "write_month")]
	out: Option<PathBuf>,
}

const CONFIG_HELP: &str = r#"Configuration file (--config), every field optional:
  {
    "listen": "127.0.0.1:8787", "seed": 42, "api_key": "tn-dev-key", "mode": "healthy", "slow_secs": 30,
    "transient_count": 2,
    "petrinex": {
      "rows": 2000, "published_from": "2015-01", "published_through": "2026-01",
      "wells": [ { "id": "100071901015W400", "product": "OIL",
                   "months": { "2026-01": "1234.567", "2025-12": "***" },
                   "operator": "A1B2", "operator_name": "PRAIRIE SKY ROYALTY LTD.",
                   "facility": "ABBT0071901", "confidential": false,
                   "other_operator": { "operator": "Z9Y8", "facility": "ABBT0999999",
                                       "months": { "2026-01": "5.000" } } } ],
      "generate": { "count": 10, "from": "2025-01", "through": null, "gas_fraction": 0.3 },
      "versions": { "2025-12": 2 },
      "amendments": [ { "month": "2026-01", "version": 2, "well": "100071901015W400",
                        "volume": "1300.000", "submission_date": "2026-03-18" } ],
      "confidential_fraction": 0.02, "confidential_matched": true, "netting_rows": true,
      "decoy_rows": true, "submission_day": 20, "compression_level": 6, "cache_entries": 16
    },
    "eia": {
      "published_through": "2026-01-30", "lag_days": 5, "first_day": "2000-01-03", "api_version": "2.1.6",
      "prices": { "RWTC": { "2026-01-05": "73.27", "2026-01-19": null } },
      "series": [ { "id": "RBRTE", "route": "petroleum/pri/spt", "duoarea": "ZEU", "area_name": "NA",
                    "product": "EPCBRENT", "product_name": "UK Brent Crude Oil", "process": "PF4",
                    "process_name": "Spot Price FOB",
                    "description": "Europe Brent Spot Price FOB (Dollars per Barrel)",
                    "units": "$/BBL", "base_price": "76.00", "volatility": 0.15, "dip_fraction": 0 } ]
    }
  }
Volumes: oil in m³, gas in e³m³, at most 3 decimals ("***" = confidential that month). A
month's official volume of a well = sum of Volume over rows with ActivityID PROD, ProductID = its
product, FromToIDType WI, FromToIDIdentifier = its id and OperatorBAID = its operator (the
other_operator rows do not count). A confidential well's rows carry *** as FromToID and
FromToIDIdentifier: it has no official volume. Operator (4 digits or upper-case letters) and
facility (province + type + 7 digits) default to values derived from the seed. Print what to
expect with --expected YYYY-MM."#;

fn parse_well(spec: &str) -> Result<WellConfig, String> {
	let mut it = spec.splitn(3, ':');
	let (Some(id), Some(product)) = (it.next(), it.next()) else {
		return Err(format!("--well {spec:?}: expected ID:PRODUCT:YYYY-MM=VOLUME[,…]"));
	};
	let product: Product = product.parse()?;
	let mut months = std::collections::BTreeMap::new();
	for mv in it.next().unwrap_or("").split(',').filter(|s| !s.is_empty()) {
		let (m, v) = mv
			.split_once('=')
			.ok_or_else(|| format!("--well {spec:?}: expected YYYY-MM=VOLUME"))?;
		months.insert(m.parse::<Month>()?, v.parse::<OfficialVolume>()?);
	}
	Ok(WellConfig::new(id, product, months))
}

fn parse_amendment(spec: &str) -> Result<AmendmentConfig, String> {
	let mut parts = spec.split(':');
	let bad = || format!("--amend {spec:?}: expected YYYY-MM:VERSION[:WELL[=VOLUME]][:YYYY-MM-DD]");
	let month: Month = parts.next().ok_or_else(bad)?.parse()?;
	let version: u32 = parts.next().ok_or_else(bad)?.parse().map_err(|_| bad())?;
	let mut a = AmendmentConfig { month, version, well: None, volume: None, submission_date: None };
	for p in parts {
		if let Ok(d) = p.parse::<Date>() {
			a.submission_date = Some(d);
		} else if let Some((w, v)) = p.split_once('=') {
			a.well = Some(w.to_string());
			a.volume = Some(v.parse()?);
		} else if !p.is_empty() {
			a.well = Some(p.to_string());
		}
	}
	Ok(a)
}

fn parse_price(spec: &str) -> Result<(String, Date, Option<String>), String> {
	let bad =
		|| format!("--price {spec:?}: expected SERIES:YYYY-MM-DD=PRICE or SERIES:YYYY-MM-DD=null");
	let (series, rest) = spec.split_once(':').ok_or_else(bad)?;
	let (day, price) = rest.split_once('=').ok_or_else(bad)?;
	let price = if price == "null" { None } else { Some(price.to_string()) };
	Ok((series.to_string(), day.parse()?, price))
}

fn build_config(cli: &Cli) -> Result<SimConfig, String> {
	let mut cfg = match &cli.config {
		Some(p) => SimConfig::from_file(p)?,
		None => SimConfig::default(),
	};
	macro_rules! set {
		($field:expr, $opt:expr) => {
			if let Some(v) = $opt.clone() {
				$field = v;
			}
		};
	}
	set!(cfg.listen, cli.listen);
	set!(cfg.seed, cli.seed);
	set!(cfg.api_key, cli.api_key);
	set!(cfg.mode, cli.mode);
	set!(cfg.slow_secs, cli.slow_secs);
	set!(cfg.transient_count, cli.transient_count);
	let p = &mut cfg.petrinex;
	set!(p.rows, cli.rows);
	set!(p.published_from, cli.petrinex_published_from);
	if cli.petrinex_published_through.is_some() {
		p.published_through = cli.petrinex_published_through;
	}
	set!(p.confidential_fraction, cli.confidential_fraction);
	set!(p.submission_day, cli.submission_day);
	set!(p.compression_level, cli.compression_level);
	set!(p.cache_entries, cli.cache_entries);
	if cli.no_traps {
		p.netting_rows = false;
		p.decoy_rows = false;
		p.confidential_matched = false;
	}
	for spec in &cli.wells {
		let w = parse_well(spec)?;
		match p.wells.iter_mut().find(|x| x.id == w.id) {
			Some(x) => {
				x.product = w.product;
				x.months.extend(w.months);
			},
			None => p.wells.push(w),
		}
	}
	if cli.generate_wells.is_some()
		|| cli.generate_from.is_some()
		|| cli.generate_through.is_some()
		|| cli.gas_fraction.is_some()
	{
		let g = p.generate.get_or_insert_with(GenerateWells::default);
		set!(g.count, cli.generate_wells);
		set!(g.from, cli.generate_from);
		if cli.generate_through.is_some() {
			g.through = cli.generate_through;
		}
		set!(g.gas_fraction, cli.gas_fraction);
	}
	for mv in &cli.month_versions {
		let (m, v) = mv
			.split_once('=')
			.ok_or_else(|| format!("--month-version {mv:?}: expected YYYY-MM=N"))?;
		let v: u32 = v.parse().map_err(|_| format!("--month-version {mv:?}: bad version"))?;
		p.versions.insert(m.parse()?, v.max(1));
	}
	for spec in &cli.amendments {
		let a = parse_amendment(spec)?;
		p.amendments.retain(|x| !(x.month == a.month && x.version == a.version));
		p.amendments.push(a);
	}
	let e = &mut cfg.eia;
	if cli.eia_published_through.is_some() {
		e.published_through = cli.eia_published_through;
	}
	set!(e.lag_days, cli.eia_lag_days);
	set!(e.first_day, cli.eia_first_day);
	for spec in &cli.prices {
		let (s, d, p) = parse_price(spec)?;
		e.prices.entry(s).or_default().insert(d, p);
	}
	cfg.validate()?;
	Ok(cfg)
}

fn run(cli: Cli) -> Result<(), String> {
	let cfg = build_config(&cli)?;
	if cli.print_config {
		println!("{}", serde_json::to_string_pretty(&cfg).map_err(|e| e.to_string())?);
		return Ok(());
	}
	if let Some(month) = cli.expected {
		let version = cli.file_version.unwrap_or_else(|| cfg.initial_version(month));
		println!("{}", tn_feed_sim::server::expected_json(&cfg, month, version));
		return Ok(());
	}
	if let Some(month) = cli.write_month {
		let version = cli.file_version.unwrap_or_else(|| cfg.initial_version(month));
		let default =
			if cli.csv { format!("Vol_{month}-AB.CSV") } else { format!("Vol_{month}-AB-CSV.zip") };
		let path = cli.out.clone().unwrap_or_else(|| PathBuf::from(default));
		let t = std::time::Instant::now();
		let sink: Box<dyn Write> = if path.as_os_str() == "-" {
			Box::new(std::io::stdout().lock())
		} else {
			Box::new(std::fs::File::create(&path).map_err(|e| format!("{}: {e}", path.display()))?)
		};
		let mut sink = std::io::BufWriter::with_capacity(1 << 20, sink);
		if cli.csv {
			tn_feed_sim::write_month_csv(&cfg, (month.year, month.month), version, &mut sink)
		} else {
			tn_feed_sim::write_month_zip(&cfg, month, version, &mut sink).map(|_| ())
		}
		.and_then(|_| sink.flush())
		.map_err(|e| format!("{}: {e}", path.display()))?;
		eprintln!(
			"wrote {} (month {month}, version {version}, {} rows) in {} ms",
			path.display(),
			cfg.petrinex.rows,
			t.elapsed().as_millis()
		);
		return Ok(());
	}
	let server =
		Server::bind(cfg.clone()).map_err(|e| format!("cannot listen on {}: {e}", cfg.listen))?;
	let addr = server.local_addr();
	eprintln!(
		"[tn-feed-sim] seed {}, {} rows/month, {} configured wells{}, Petrinex published {}..={}, EIA through {}, mode {}",
		cfg.seed,
		cfg.petrinex.rows,
		cfg.petrinex.wells.len(),
		cfg.petrinex.generate.as_ref().map_or(String::new(), |g| format!(" + {} generated", g.count)),
		cfg.petrinex.published_from,
		cfg.petrinex_published_through(),
		cfg.eia
			.published_through
			.map_or(format!("today-{}d", cfg.eia.lag_days), |d| d.to_string()),
		cfg.mode
	);
	println!("listening on http://{addr}");
	let _ = std::io::stdout().flush();
	server.run().map_err(|e| e.to_string())
}

fn main() {
	let cli = Cli::parse();
	if let Err(e) = run(cli) {
		eprintln!("tn-feed-sim: {e}");
		std::process::exit(2);
	}
}

#[cfg(test)]
#[allow(clippy::field_reassign_with_default)]
mod tests {
	use super::*;

	#[test]
	fn cli_is_consistent() {
		use clap::CommandFactory;
		Cli::command().debug_assert();
	}

	#[test]
	fn help_config_example_parses() {
		let json = &CONFIG_HELP[CONFIG_HELP.find('{').unwrap()..=CONFIG_HELP.rfind('}').unwrap()];
		let cfg = SimConfig::from_json(json).unwrap();
		assert_eq!(cfg.petrinex.wells.len(), 1);
		assert_eq!(cfg.petrinex.wells[0].operator.as_deref(), Some("A1B2"));
		assert_eq!(cfg.petrinex.wells[0].other_operator.as_ref().unwrap().operator, "Z9Y8");
		assert_eq!(cfg.initial_version("2026-01".parse().unwrap()), 2);
	}

	#[test]
	fn flags_build_config() {
		let cli = Cli::parse_from([
			"tn-feed-sim",
			"--seed",
			"7",
			"--well",
			"100071901015W400:OIL:2026-01=1234.567,2025-12=***",
			"--amend",
			"2026-01:2:100071901015W400=1300:2026-03-18",
			"--price",
			"RWTC:2026-01-05=73.27",
			"--price",
			"RWTC:2026-01-19=null",
			"--mode",
			"truncated",
			"--generate-wells",
			"3",
			"--transient-count",
			"5",
		]);
		let cfg = build_config(&cli).unwrap();
		assert_eq!(cfg.seed, 7);
		assert_eq!(cfg.mode, Mode::Truncated);
		assert_eq!(cfg.transient_count, 5);
		let cli = Cli::parse_from(["tn-feed-sim", "--mode", "json-error"]);
		assert_eq!(build_config(&cli).unwrap().mode, Mode::JsonError);
		let cli = Cli::parse_from(["tn-feed-sim", "--mode", "transient-404"]);
		assert_eq!(build_config(&cli).unwrap().mode, Mode::Transient404);
		assert_eq!(cfg.petrinex.wells[0].months.len(), 2);
		assert_eq!(cfg.petrinex.amendments[0].submission_date, Some("2026-03-18".parse().unwrap()));
		assert_eq!(cfg.initial_version("2026-01".parse().unwrap()), 2);
		assert_eq!(cfg.eia.prices["RWTC"].len(), 2);
		assert_eq!(cfg.petrinex.generate.as_ref().unwrap().count, 3);
		let cli = Cli::parse_from(["tn-feed-sim", "--listen", "0.0.0.0:8787"]);
		assert!(build_config(&cli).is_err());
	}
}
