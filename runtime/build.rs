/// Release builds for hardware wallets: `--features metadata-hash` embeds the hash of the
/// runtime's metadata (RFC-0078), which `CheckMetadataHash` then verifies when a transaction asks
/// for it (mode 1, as Ledger's Polkadot Generic app requires). The token symbol and decimals are
/// part of the hash: they must be the runtime's `UNIT_SYMBOL` and `UNIT_DECIMALS`.
#[cfg(all(feature = "std", feature = "metadata-hash"))]
fn main() {
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("UNIT", 12)
		.build();
}

/// Test and development builds skip the metadata hash (building it compiles the runtime twice);
/// `CheckMetadataHash` is in the transaction extensions either way, so clients sign the same.
#[cfg(all(feature = "std", not(feature = "metadata-hash")))]
fn main() {
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

/// The wasm builder is deactivated when compiling this crate for wasm.
#[cfg(not(feature = "std"))]
fn main() {}
