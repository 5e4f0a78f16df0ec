//! Built-in chain specifications: `dev` and `local`, from the runtime's genesis presets.

use sc_service::{ChainType, Properties};
use treasurenet_runtime::{SS58_PREFIX, UNIT_DECIMALS, UNIT_SYMBOL, WASM_BINARY};

/// The chain specification type of this node.
pub type ChainSpec = sc_service::GenericChainSpec;

/// Token symbol, decimals and address format, so Polkadot.js Apps shows units correctly.
pub fn properties() -> Properties {
	let mut p = Properties::new();
	p.insert("tokenSymbol".into(), UNIT_SYMBOL.into());
	p.insert("tokenDecimals".into(), UNIT_DECIMALS.into());
	p.insert("ss58Format".into(), SS58_PREFIX.into());
	p
}

fn wasm() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| "the runtime wasm was not built (SKIP_WASM_BUILD?)".to_string())
}

/// Single-validator development chain (Alice).
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("Treasurenet Development")
		.with_id("treasurenet_dev")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// Four-validator local testnet (Alice, Bob, Charlie, Dave).
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("Treasurenet Local Testnet")
		.with_id("treasurenet_local")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}
