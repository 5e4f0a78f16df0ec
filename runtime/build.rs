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
///
/// With `TN_BUILD_UPGRADE_WASM=1` (scripts/env.sh) it also builds the zombienet upgrade test's
/// runtime: this code with `spec_version` + 1 (feature `upgrade-test`), as
/// `treasurenet_runtime_upgrade.compact.compressed.wasm` beside the normal blob. It shares every
/// wasm dependency with the first build (only this crate compiles again), so the test command
/// needs no separate check of the runtime's native dependency tree to get it.
#[cfg(all(feature = "std", not(feature = "metadata-hash")))]
fn main() {
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
	println!("cargo:rerun-if-env-changed=TN_BUILD_UPGRADE_WASM");
	if std::env::var("TN_BUILD_UPGRADE_WASM").is_ok_and(|v| v == "1") {
		substrate_wasm_builder::WasmBuilder::init_with_defaults()
			.enable_feature("upgrade-test")
			.set_file_name("treasurenet_runtime_upgrade")
			.build();
	}
}

/// The wasm builder is deactivated when compiling this crate for wasm.
#[cfg(not(feature = "std"))]
fn main() {}
