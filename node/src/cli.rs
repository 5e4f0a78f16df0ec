//! Command line of the Treasurenet node.

/// `treasurenet-node [SUBCOMMAND] [OPTIONS]`: without a subcommand, runs a node.
#[derive(Debug, clap::Parser)]
pub struct Cli {
	/// A maintenance subcommand; none runs the node.
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	/// Options of a running node (`--dev`, `--chain`, `--validator`, `--offchain-worker`, ...).
	#[clap(flatten)]
	pub run: sc_cli::RunCmd,

	/// Settings of the oracle feeders' offchain workers.
	#[clap(flatten)]
	pub feeds: FeedsParams,
}

/// Node-local settings of the oracle feeds worker, written into offchain storage at start (never
/// on chain). Unset flags keep what is stored; the worker's defaults are the real services.
#[derive(Debug, Clone, clap::Args)]
pub struct FeedsParams {
	/// Base URL of Petrinex public data (default https://www.petrinex.gov.ab.ca).
	#[arg(long, value_name = "URL")]
	pub feeds_petrinex_url: Option<String>,
	/// Base URL of the EIA API v2 (default https://api.eia.gov).
	#[arg(long, value_name = "URL")]
	pub feeds_eia_url: Option<String>,
	/// EIA API key (prices are not fetched without one).
	#[arg(long, value_name = "KEY")]
	pub feeds_eia_key: Option<String>,
	/// EIA series of WTI (default RWTC).
	#[arg(long, value_name = "ID")]
	pub feeds_wti_series: Option<String>,
	/// EIA series of Henry Hub (default RNGWHHD, the spot price).
	#[arg(long, value_name = "ID")]
	pub feeds_henry_hub_series: Option<String>,
	/// Seconds between price fetches (default 3600).
	#[arg(long, value_name = "SECS")]
	pub feeds_price_interval: Option<u64>,
	/// Seconds between official production fetches (default 21600).
	#[arg(long, value_name = "SECS")]
	pub feeds_production_interval: Option<u64>,
}

impl FeedsParams {
	/// (offchain storage key, value) pairs for the flags given.
	pub fn entries(&self) -> Vec<(&'static [u8], String)> {
		use treasurenet_runtime::feeds_settings as k;
		let mut out = Vec::new();
		let mut put = |key: &'static [u8], v: &Option<String>| {
			if let Some(v) = v {
				out.push((key, v.clone()));
			}
		};
		put(k::PETRINEX_URL, &self.feeds_petrinex_url);
		put(k::EIA_URL, &self.feeds_eia_url);
		put(k::EIA_KEY, &self.feeds_eia_key);
		put(k::WTI_SERIES, &self.feeds_wti_series);
		put(k::HENRY_HUB_SERIES, &self.feeds_henry_hub_series);
		put(k::PRICE_INTERVAL, &self.feeds_price_interval.map(|s| s.to_string()));
		put(k::PRODUCTION_INTERVAL, &self.feeds_production_interval.map(|s| s.to_string()));
		out
	}
}

/// Maintenance subcommands.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management: generate, inspect, and `key insert` into a node's keystore.
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Export a chain specification (`export-chain-spec --chain dev [--raw]`).
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Build a chain specification (deprecated alias of `export-chain-spec`).
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Benchmarks (`pallet`, `storage`, `block`, `machine`); in nodes built with
	/// `--features runtime-benchmarks` (see `scripts/bench-weights`).
	#[cfg(feature = "runtime-benchmarks")]
	#[command(subcommand)]
	Benchmark(frame_benchmarking_cli::BenchmarkCmd),

	/// Database meta columns information.
	ChainInfo(sc_cli::ChainInfoCmd),
}
