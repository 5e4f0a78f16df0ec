//! Node-local settings of the feeds worker, in persistent offchain storage (never on chain).
//!
//! Each setting is a UTF-8 value under its key; the node's `--feeds-*` flags write them at start,
//! and `offchain_localStorageSet` (RPC, PERSISTENT) changes them on a running node.

use alloc::{string::String, vec::Vec};
use sp_core::offchain::StorageKind;

/// Petrinex public data base URL.
pub const PETRINEX_URL: &[u8] = b"tn-feeds/petrinex-url";
/// EIA API base URL.
pub const EIA_URL: &[u8] = b"tn-feeds/eia-url";
/// EIA API key.
pub const EIA_KEY: &[u8] = b"tn-feeds/eia-key";
/// EIA series id for WTI.
pub const WTI_SERIES: &[u8] = b"tn-feeds/wti-series";
/// EIA series id for Henry Hub.
pub const HENRY_HUB_SERIES: &[u8] = b"tn-feeds/henry-hub-series";
/// Seconds between price fetches.
pub const PRICE_INTERVAL: &[u8] = b"tn-feeds/price-interval-secs";
/// Seconds between official production fetches.
pub const PRODUCTION_INTERVAL: &[u8] = b"tn-feeds/production-interval-secs";

/// The settings in force.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Settings {
	/// e.g. `https://www.petrinex.gov.ab.ca`.
	pub petrinex_url: String,
	/// e.g. `https://api.eia.gov`.
	pub eia_url: String,
	/// EIA API key (empty: prices are not fetched).
	pub eia_key: String,
	/// WTI series (`RWTC`).
	pub wti_series: String,
	/// Henry Hub series (`RNGWHHD`; the seed's `RNGC1` stopped in 2024).
	pub henry_hub_series: String,
	/// Seconds between price fetches.
	pub price_interval_secs: u64,
	/// Seconds between official production fetches.
	pub production_interval_secs: u64,
}

impl Default for Settings {
	fn default() -> Self {
		Settings {
			petrinex_url: "https://www.petrinex.gov.ab.ca".into(),
			eia_url: "https://api.eia.gov".into(),
			eia_key: String::new(),
			wti_series: "RWTC".into(),
			henry_hub_series: "RNGWHHD".into(),
			price_interval_secs: 3_600,
			production_interval_secs: 6 * 3_600,
		}
	}
}

fn read(key: &[u8]) -> Option<String> {
	let raw: Vec<u8> = sp_io::offchain::local_storage_get(StorageKind::PERSISTENT, key)?;
	let s = String::from_utf8(raw).ok()?;
	let s = s.trim();
	(!s.is_empty()).then(|| s.into())
}

impl Settings {
	/// The stored settings, defaults for what is unset or unreadable.
	pub fn load() -> Self {
		let d = Settings::default();
		let secs = |k: &[u8], default: u64| read(k).and_then(|s| s.parse().ok()).unwrap_or(default);
		Settings {
			petrinex_url: read(PETRINEX_URL).unwrap_or(d.petrinex_url).trim_end_matches('/').into(),
			eia_url: read(EIA_URL).unwrap_or(d.eia_url).trim_end_matches('/').into(),
			eia_key: read(EIA_KEY).unwrap_or(d.eia_key),
			wti_series: read(WTI_SERIES).unwrap_or(d.wti_series),
			henry_hub_series: read(HENRY_HUB_SERIES).unwrap_or(d.henry_hub_series),
			price_interval_secs: secs(PRICE_INTERVAL, d.price_interval_secs),
			production_interval_secs: secs(PRODUCTION_INTERVAL, d.production_interval_secs),
		}
	}
}
