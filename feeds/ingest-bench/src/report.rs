//! Result files and tables.
//!
//! `rust.tsv` (written by `run`) and `python.tsv` (written by `scripts/bench_ingest_baseline.py`)
//! share one format: a header line, then one line per implementation with the tab-separated
//! columns of [`TSV_HEADER`].

use crate::Result;
use std::{fs, path::Path};

/// Columns of the result files.
pub const TSV_HEADER: &str =
	"implementation\truns\twall_s\tcsv_bytes\tpeak_bytes\tpeak_kind\tchecksum";

/// Goal: the guest's linear memory stays within this many bytes on a full-size month.
const GOAL_WASM_PEAK_BYTES: u64 = 64 * 1024 * 1024;
/// Goal: wasm takes at most this multiple of the native time.
const GOAL_WASM_OVER_NATIVE: f64 = 2.0;

/// One implementation's result.
pub struct Row {
	/// Name in the table.
	pub name: String,
	/// Runs measured (best time kept).
	pub runs: u32,
	/// Best wall time, seconds.
	pub wall_s: f64,
	/// Size of the CSV processed (throughput basis).
	pub csv_bytes: u64,
	/// Peak memory, bytes.
	pub peak_bytes: u64,
	/// What the peak memory measures.
	pub peak_kind: String,
	/// blake2b-256 of the totals text.
	pub checksum: String,
}

impl Row {
	fn mb_per_s(&self) -> f64 {
		self.csv_bytes as f64 / 1e6 / self.wall_s
	}
	fn peak_mib(&self) -> f64 {
		self.peak_bytes as f64 / (1024.0 * 1024.0)
	}
}

/// Writes rows in the shared TSV format.
pub fn write_tsv(path: &Path, rows: &[Row]) -> Result<()> {
	let mut s = format!("{TSV_HEADER}\n");
	for r in rows {
		s.push_str(&format!(
			"{}\t{}\t{:.6}\t{}\t{}\t{}\t{}\n",
			r.name, r.runs, r.wall_s, r.csv_bytes, r.peak_bytes, r.peak_kind, r.checksum
		));
	}
	fs::write(path, s).map_err(|e| format!("{}: {e}", path.display()).into())
}

/// Reads a TSV file written by [`write_tsv`] or the Python baseline.
pub fn read_tsv(path: &Path) -> Result<Vec<Row>> {
	let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
	let mut lines = text.lines();
	if lines.next() != Some(TSV_HEADER) {
		return Err(format!("{}: unexpected header", path.display()).into());
	}
	lines
		.filter(|l| !l.trim().is_empty())
		.map(|l| {
			let bad = || format!("{}: malformed line {l:?}", path.display());
			let f: Vec<&str> = l.split('\t').collect();
			let [name, runs, wall_s, csv_bytes, peak_bytes, peak_kind, checksum] = f[..] else {
				return Err(bad().into());
			};
			Ok(Row {
				name: name.into(),
				runs: runs.parse().map_err(|_| bad())?,
				wall_s: wall_s.parse().map_err(|_| bad())?,
				csv_bytes: csv_bytes.parse().map_err(|_| bad())?,
				peak_bytes: peak_bytes.parse().map_err(|_| bad())?,
				peak_kind: peak_kind.into(),
				checksum: checksum.into(),
			})
		})
		.collect()
}

/// Prints the markdown table; the first row is the reference of the `× native` column.
pub fn print_table(rows: &[Row]) {
	println!("| implementation | runs | wall s (best) | MB/s (CSV) | peak memory MiB | peak memory is | time × native |");
	println!("|---|---:|---:|---:|---:|---|---:|");
	let native = rows.first().map(|r| r.wall_s).unwrap_or(f64::NAN);
	for r in rows {
		println!(
			"| {} | {} | {:.3} | {:.1} | {:.2} | {} | {:.2} |",
			r.name,
			r.runs,
			r.wall_s,
			r.mb_per_s(),
			r.peak_mib(),
			r.peak_kind,
			r.wall_s / native
		);
	}
}

/// `report`: the final table (native, wasm, wasm with host hashing if measured, Python), the
/// Python totals check and the goals.
pub fn report(work_dir: &Path) -> Result<()> {
	let mut rows = read_tsv(&work_dir.join("rust.tsv"))?;
	let python = read_tsv(&work_dir.join("python.tsv"))?;
	// rust.tsv: native, wasm, and optionally wasm with the host-hash guest.
	let (Some(native), Some(wasm), Some(py)) = (rows.first(), rows.get(1), python.first()) else {
		return Err("rust.tsv needs native and wasm rows, python.tsv a Python row".into());
	};
	let host_hash_ratio = rows.get(2).map(|r| r.wall_s / native.wall_s);
	let rust_totals = fs::read(work_dir.join("rust-totals.txt"))?;
	let python_totals = fs::read(work_dir.join("python-totals.txt"))?;
	let totals_equal = rust_totals == python_totals && native.checksum == py.checksum;

	let ratio = wasm.wall_s / native.wall_s;
	let python_over_wasm = py.wall_s / wasm.wall_s;
	let wasm_peak = wasm.peak_bytes;
	let yes = |b: bool| if b { "met" } else { "NOT met" };
	let mut goals = vec![
		format!(
			"- wasm peak memory ≤ 64 MiB: {:.2} MiB — {}",
			wasm_peak as f64 / (1024.0 * 1024.0),
			yes(wasm_peak <= GOAL_WASM_PEAK_BYTES)
		),
		format!("- wasm time ≤ 2 × native: {ratio:.2} × — {}", yes(ratio <= GOAL_WASM_OVER_NATIVE)),
		format!(
			"- wasm beats Python: {} (Python takes {python_over_wasm:.1} × the wasm time) — {}",
			if python_over_wasm > 1.0 { "yes" } else { "no" },
			yes(python_over_wasm > 1.0)
		),
		format!(
			"- totals identical (native = wasm = simulator, checked by `run`; Python): {} (checksum {})",
			if totals_equal { "yes" } else { "NO" },
			native.checksum
		),
	];
	if let Some(r) = host_hash_ratio {
		goals.insert(
			2,
			format!(
				"- (for comparison) wasm with blake2 as a host function, as in the runtime: {r:.2} × native — {}",
				yes(r <= GOAL_WASM_OVER_NATIVE)
			),
		);
	}
	rows.extend(python);
	print_table(&rows);
	println!();
	for g in &goals {
		println!("{g}");
	}
	if totals_equal {
		Ok(())
	} else {
		Err("the Python baseline's totals differ from the Rust ones (compare rust-totals.txt and python-totals.txt)".into())
	}
}
