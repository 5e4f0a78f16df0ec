//! # tn-ingest-bench — the Petrinex ingest benchmark
//!
//! Runs the offchain worker's Petrinex ingestion (`tn-ingest` + the worker's blake2 matcher) on
//! a full-size simulated month file, **natively** (in-process) and **in wasm** (the `no_std`
//! guest in `guest/`, run by wasmtime with Cranelift), checks that both find exactly the totals
//! the feed simulator says a correct parser must find, and reports wall time, CSV throughput and
//! peak memory. A Python baseline (`scripts/bench_ingest_baseline.py`) is run on the same file
//! by `scripts/bench-ingest`, which then calls `tn-ingest-bench report` to print one table.
//!
//! Subcommands:
//!
//! * `run` — generate (or load) the month zip, register the wells, run native and wasm
//!   `--runs` times each (best time kept), verify, print the Rust results and write them to the
//!   work directory (`rust.tsv`, `rust-totals.txt`, plus for the Python baseline `wells.txt` and
//!   `input.txt`: the zip's path and the month, one per line).
//! * `report` — read the Rust and Python results from the work directory, compare the Python
//!   totals with the Rust ones and print the final table with the goals.
//!
//! Peak memory means, per implementation: native — the peak of bytes allocated on the heap
//! during the run (counting global allocator, [`peak_alloc`]); wasm — the guest's linear memory
//! size at the end of the run (it never shrinks, so this is its peak, and it is the bound the
//! runtime enforces); Python — the process's peak RSS (`ru_maxrss`, interpreter included).

mod native;
mod registry;
mod report;
mod wasm;
mod wells;

extern crate alloc;

use clap::{Args, Parser, Subcommand};
use std::{
	fs,
	io::Write as _,
	path::{Path, PathBuf},
	time::{Duration, Instant},
};
use tn_feed_sim::{
	config::{GenerateWells, PetrinexConfig},
	Month, SimConfig,
};

/// Counts every heap allocation of this process (wraps `System`), for the native peak.
#[global_allocator]
static PEAK: peak_alloc::PeakAlloc = peak_alloc::PeakAlloc;

/// Errors of the benchmark driver.
type BoxError = Box<dyn std::error::Error + Send + Sync>;
/// Result of the benchmark driver.
type Result<T, E = BoxError> = std::result::Result<T, E>;

/// The wasmtime version in Cargo.lock (the one the node's executor uses).
const WASMTIME_VERSION: &str = "36.0.20";

#[derive(Parser)]
#[command(
	name = "tn-ingest-bench",
	about = "Petrinex ingest benchmark: tn-ingest native vs in wasm (wasmtime) vs a Python baseline"
)]
struct Cli {
	#[command(subcommand)]
	command: Command,
}

#[derive(Subcommand)]
enum Command {
	/// Generate or load the month file, run native and wasm, verify, write the results.
	Run(RunArgs),
	/// Print the final table from the Rust and Python results in the work directory.
	Report(ReportArgs),
}

/// Options of `run`.
#[derive(Args)]
struct RunArgs {
	/// The guest module (`tn_ingest_bench_guest.wasm`, built by `scripts/bench-ingest`): hashes
	/// with the blake2 crate compiled to wasm, the same code as the native run.
	#[arg(long)]
	guest: PathBuf,
	/// Optionally, the guest's `host-hash` build (imports `env.blake2_256`, which the host
	/// implements natively, as the runtime's `sp_io::hashing::blake2_256`): measured as a third
	/// implementation.
	#[arg(long)]
	guest_host_hash: Option<PathBuf>,
	/// The month zip to ingest. Default: `<work-dir>/Vol_<month>-AB_<rows>r_<wells>w_seed<seed>.zip`,
	/// generated with the feed simulator the first time. A given file must have been generated
	/// with the same `--rows`, `--wells`, `--seed` and `--month` (its totals are checked).
	#[arg(long)]
	zip: Option<PathBuf>,
	/// Where the cached month file and the result files go.
	#[arg(long, default_value = "/tmp/tn-ingest-bench")]
	work_dir: PathBuf,
	/// Runs per implementation; the best wall time is reported.
	#[arg(long, default_value_t = 3)]
	runs: u32,
	/// Data rows of the simulated month (500 000 ≈ 120 MB of CSV, a real-sized file).
	#[arg(long, default_value_t = 500_000)]
	rows: u64,
	/// Generated (and registered) wells.
	#[arg(long, default_value_t = 1_000)]
	wells: u32,
	/// Simulator seed.
	#[arg(long, default_value_t = 42)]
	seed: u64,
	/// The production month.
	#[arg(long, default_value = "2026-01")]
	month: Month,
	/// Bytes per pushed chunk (the worker reads the HTTP body in 64 KiB chunks).
	#[arg(long, default_value_t = 64 * 1024)]
	chunk_bytes: usize,
	/// wasmtime configuration: `node` mirrors the node's executor (build the guest with
	/// `-C target-cpu=mvp`, as scripts/bench-ingest does); `speed` is wasmtime's defaults.
	#[arg(long, value_enum, default_value_t = wasm::EngineConfig::Node)]
	engine: wasm::EngineConfig,
}

/// Options of `report`.
#[derive(Args)]
struct ReportArgs {
	/// The work directory of `run` (holding `rust.tsv`, `python.tsv` and both totals files).
	#[arg(long, default_value = "/tmp/tn-ingest-bench")]
	work_dir: PathBuf,
}

fn main() {
	let cli = Cli::parse();
	let res = match cli.command {
		Command::Run(args) => run(&args),
		Command::Report(args) => report::report(&args.work_dir),
	};
	if let Err(e) = res {
		eprintln!("tn-ingest-bench: {e}");
		std::process::exit(1);
	}
}

/// The simulator configuration of the benchmark month: defaults (traps, confidential filler
/// rows, netting rows, decoys, compression level 6) plus `rows` rows and `wells` generated wells.
fn sim_config(args: &RunArgs) -> SimConfig {
	SimConfig {
		seed: args.seed,
		petrinex: PetrinexConfig {
			rows: args.rows,
			generate: Some(GenerateWells { count: args.wells, ..Default::default() }),
			..Default::default()
		},
		..Default::default()
	}
}

/// One measured implementation: best wall time, peak memory and what it found.
pub struct Measured {
	/// Name in the tables.
	pub name: String,
	/// Best wall time over the runs.
	pub best: Duration,
	/// Largest peak memory over the runs (bytes; see the crate docs for its meaning).
	pub peak_bytes: u64,
	/// What "peak memory" means for this implementation.
	pub peak_kind: &'static str,
	/// The totals found (identical in every run, checked).
	pub outcome: registry::Outcome,
}

fn run(args: &RunArgs) -> Result<()> {
	if args.runs == 0 {
		return Err("--runs must be at least 1".into());
	}
	if args.chunk_bytes == 0 || u32::try_from(args.chunk_bytes).is_err() {
		return Err("--chunk-bytes must be within 1..2^32".into());
	}
	fs::create_dir_all(&args.work_dir).map_err(|e| format!("{}: {e}", args.work_dir.display()))?;
	let cfg = sim_config(args);
	let month = (args.month.year, args.month.month);

	// (a) The input file.
	let zip_path = args.zip.clone().unwrap_or_else(|| {
		args.work_dir.join(format!(
			"Vol_{}-AB_{}r_{}w_seed{}.zip",
			args.month, args.rows, args.wells, args.seed
		))
	});
	let zip = load_or_generate(&zip_path, &cfg, month)?;
	let csv_bytes = csv_size(&zip)?;
	println!(
		"input: {} — {} zipped, {} of CSV (simulated Petrinex {} v1: {} rows, {} generated wells, seed {})",
		zip_path.display(),
		fmt_bytes(zip.len() as u64),
		fmt_bytes(csv_bytes),
		args.month,
		args.rows,
		args.wells,
		args.seed
	);

	// (b) The registered wells.
	let wells = wells::registered(&cfg, month);
	let records = wells::records(&wells);
	let decoded = registry::Registry::<registry::Blake2Crate>::decode(&records)
		.ok_or("wells records do not decode")?;
	if decoded.len() != wells.len() {
		return Err("duplicate well commitments".into());
	}
	fs::write(args.work_dir.join("wells.txt"), wells::wells_txt(&wells))?;
	fs::write(
		args.work_dir.join("input.txt"),
		format!("{}\n{}\n", zip_path.display(), args.month),
	)?;
	println!("registered wells: {} (blake2-256 commitments of their identifiers)", wells.len());

	// (c) Native and wasm.
	let mut guests = vec![(wasm::Guest::load(&args.guest, args.engine)?, &args.guest)];
	if let Some(path) = &args.guest_host_hash {
		guests.push((wasm::Guest::load(path, args.engine)?, path));
	}
	for (i, (guest, path)) in guests.iter().enumerate() {
		if guest.host_hash != (i == 1) {
			return Err(format!(
				"{}: expected the guest's {} build",
				path.display(),
				if i == 1 { "host-hash" } else { "default (in-wasm blake2)" }
			)
			.into());
		}
		println!(
			"wasm guest: {} ({} bytes), compiled by wasmtime {WASMTIME_VERSION} ({}) in {:.3} s",
			path.display(),
			guest.module_bytes,
			args.engine.describe(),
			guest.compile_time.as_secs_f64()
		);
	}
	let native =
		measure("native", args.runs, || native::run(&records, month, &zip, args.chunk_bytes))?;
	let mut measured = vec![Measured {
		name: "native (in-process)".into(),
		peak_kind: "heap peak (counting allocator)",
		..native
	}];
	for (guest, _) in &guests {
		let (label, name) = if guest.host_hash {
			("wasm+host-hash", "wasm, blake2 on the host (as sp_io)")
		} else {
			("wasm", "wasm (blake2 in wasm)")
		};
		let m = measure(label, args.runs, || guest.run(&records, month, &zip, args.chunk_bytes))?;
		measured.push(Measured {
			name: name.into(),
			peak_kind: "linear memory at end (pages × 64 KiB)",
			..m
		});
	}

	// (e) Verification.
	let native = &measured[0];
	if let Some(m) = measured.iter().find(|m| m.outcome != native.outcome) {
		return Err(format!("{} found other totals than native", m.name).into());
	}
	wells::check_expected(&wells, &native.outcome)?;
	let totals = wells::totals_txt(&wells, &native.outcome);
	let checksum = wells::checksum(&totals);
	fs::write(args.work_dir.join("rust-totals.txt"), &totals)?;
	println!(
		"totals: native == wasm{} == simulator's expected totals for all {} wells \
		 ({} data rows, {} candidate rows, {} matched rows); checksum {checksum}",
		if guests.len() > 1 { " == wasm+host-hash" } else { "" },
		wells.len(),
		native.outcome.rows_seen,
		native.outcome.candidate_rows,
		native.outcome.matched_rows
	);

	// (d) Results.
	let rows: Vec<report::Row> = measured
		.iter()
		.map(|m| report::Row {
			name: m.name.clone(),
			wall_s: m.best.as_secs_f64(),
			csv_bytes,
			peak_bytes: m.peak_bytes,
			peak_kind: m.peak_kind.into(),
			runs: args.runs,
			checksum: checksum.clone(),
		})
		.collect();
	report::write_tsv(&args.work_dir.join("rust.tsv"), &rows)?;
	println!();
	report::print_table(&rows);
	Ok(())
}

/// Runs `f` `runs` times; keeps the best time and the largest peak, checks every run found the
/// same totals.
fn measure(
	label: &str,
	runs: u32,
	mut f: impl FnMut() -> Result<(registry::Outcome, Duration, u64)>,
) -> Result<Measured> {
	let mut best: Option<Measured> = None;
	for i in 1..=runs {
		let (outcome, elapsed, peak) = f().map_err(|e| format!("{label} run {i}: {e}"))?;
		println!(
			"{label} run {i}/{runs}: {:.3} s, peak memory {}",
			elapsed.as_secs_f64(),
			fmt_bytes(peak)
		);
		let _ = std::io::stdout().flush();
		match &mut best {
			None => {
				best = Some(Measured {
					name: String::new(),
					best: elapsed,
					peak_bytes: peak,
					peak_kind: "",
					outcome,
				})
			},
			Some(b) => {
				if b.outcome != outcome {
					return Err(format!("{label} run {i}: totals differ from run 1").into());
				}
				b.best = b.best.min(elapsed);
				b.peak_bytes = b.peak_bytes.max(peak);
			},
		}
	}
	best.ok_or_else(|| "no run".into())
}

/// Reads the month zip, or generates it with the simulator and caches it at `path`.
fn load_or_generate(path: &Path, cfg: &SimConfig, month: (u16, u8)) -> Result<Vec<u8>> {
	if let Ok(bytes) = fs::read(path) {
		return Ok(bytes);
	}
	println!("generating {} with the feed simulator…", path.display());
	let t = Instant::now();
	let bytes = tn_feed_sim::petrinex_month_zip(cfg, month, 1);
	let tmp = path.with_extension("zip.part");
	fs::write(&tmp, &bytes).map_err(|e| format!("{}: {e}", tmp.display()))?;
	fs::rename(&tmp, path).map_err(|e| format!("{}: {e}", path.display()))?;
	println!("generated in {:.1} s", t.elapsed().as_secs_f64());
	Ok(bytes)
}

/// Size of the CSV inside the zip-in-zip (decompressed once with the simulator's reader, before
/// any measurement).
fn csv_size(zip: &[u8]) -> Result<u64> {
	let outer = tn_feed_sim::zip::read_zip(zip).map_err(|e| format!("outer zip: {e}"))?;
	let inner_zip = outer.first().ok_or("outer zip: no entry")?;
	let inner =
		tn_feed_sim::zip::read_zip(&inner_zip.data).map_err(|e| format!("inner zip: {e}"))?;
	let csv = inner.first().ok_or("inner zip: no entry")?;
	Ok(csv.data.len() as u64)
}

/// `12.3 MiB (12,897,452 bytes)`.
pub fn fmt_bytes(n: u64) -> String {
	let mib = n as f64 / (1024.0 * 1024.0);
	if mib >= 1.0 {
		format!("{mib:.1} MiB ({n} bytes)")
	} else {
		format!("{:.1} KiB ({n} bytes)", n as f64 / 1024.0)
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use registry::{Blake2Crate, Outcome, Registry, PRODUCT_CODE_GAS, PRODUCT_CODE_OIL};
	use tn_ingest::{WellMatcher, WellTotal};

	fn small_args() -> RunArgs {
		RunArgs {
			guest: PathBuf::new(),
			guest_host_hash: None,
			zip: None,
			work_dir: PathBuf::new(),
			runs: 1,
			rows: 3_000,
			wells: 20,
			seed: 7,
			month: Month { year: 2026, month: 1 },
			chunk_bytes: 1_000,
			engine: wasm::EngineConfig::Node,
		}
	}

	#[test]
	fn registry_matches_like_the_worker() {
		let oil = registry::commitment(b"100071901015W400");
		let gas = registry::commitment(b"100161002320W500");
		let records = registry::encode_records(&[(oil, PRODUCT_CODE_OIL), (gas, PRODUCT_CODE_GAS)]);
		let reg = Registry::<Blake2Crate>::decode(&records).expect("valid records");
		assert_eq!(reg.len(), 2);
		assert_eq!(reg.match_well(b"100071901015W400", b"OIL"), Some(0));
		assert_eq!(reg.match_well(b"100071901015W400", b"GAS"), None);
		assert_eq!(reg.match_well(b"100161002320W500", b"GAS"), Some(1));
		assert_eq!(reg.match_well(b"100071901015W402", b"OIL"), None);
		// Malformed records: bad length, unknown product byte, duplicate commitment.
		assert!(Registry::<Blake2Crate>::decode(&records[1..]).is_none());
		assert!(Registry::<Blake2Crate>::decode(&registry::encode_records(&[(oil, 9)])).is_none());
		let dup = registry::encode_records(&[(oil, PRODUCT_CODE_OIL), (oil, PRODUCT_CODE_GAS)]);
		assert!(Registry::<Blake2Crate>::decode(&dup).is_none());
	}

	#[test]
	fn outcome_round_trips() {
		let t = |v, rows, conf| WellTotal {
			volume_thousandths: v,
			rows,
			confidential_rows: conf,
			..Default::default()
		};
		let outcome = Outcome {
			rows_seen: 500_000,
			candidate_rows: 301_477,
			matched_rows: 3,
			wells: vec![(0, t(-5, 1, 0)), (7, t(i64::MAX, 2, 1))],
		};
		let bytes = outcome.encode().expect("encodable");
		assert_eq!(Outcome::decode(&bytes), Some(outcome));
		assert_eq!(Outcome::decode(&bytes[..bytes.len() - 1]), None);
		assert_eq!(Outcome::decode(&[bytes.as_slice(), &[0]].concat()), None);
	}

	/// The native path finds exactly the simulator's totals, whatever the chunk size.
	#[test]
	fn native_finds_the_expected_totals() {
		let args = small_args();
		let cfg = sim_config(&args);
		let zip = tn_feed_sim::petrinex_month_zip(&cfg, (2026, 1), 1);
		let wells = wells::registered(&cfg, (2026, 1));
		assert_eq!(wells.len(), 20);
		let records = wells::records(&wells);
		let mut first = None;
		for chunk in [1, 1_000, 64 * 1024, zip.len()] {
			let (outcome, _, peak) =
				native::run(&records, (2026, 1), &zip, chunk).expect("ingests");
			wells::check_expected(&wells, &outcome).expect("expected totals");
			assert!(peak > 0);
			assert_eq!(*first.get_or_insert_with(|| outcome.clone()), outcome);
		}
		// A wrong total is reported.
		let mut outcome = first.expect("ran");
		outcome.wells[0].1.volume_thousandths += 1;
		assert!(wells::check_expected(&wells, &outcome).is_err());
	}
}
