//! try-runtime on a snapshot of the live network (issue 17): the runtime's migrations run with
//! their pre- and post-upgrade checks and every pallet's `try_state`, on the state the zombienet
//! upgrade test saved just before its referendum (the wells pallet at storage version 4: the v5
//! and v6 migrations run).
//!
//! Built only with the `try-runtime` feature; `scripts/try-runtime SNAPSHOT` runs it (the zombienet
//! suite writes `snapshot-v4.json` into its work directory).
#![cfg(feature = "try-runtime")]

use frame_support::traits::{GetStorageVersion, StorageVersion};
use frame_try_runtime::UpgradeCheckSelect;
use sp_core::storage::Storage;
use treasurenet_runtime::{Executive, Runtime, Wells};

/// The snapshot's key/value pairs (`{"block": …, "pairs": [["0x…", "0x…"], …]}`).
fn snapshot() -> Storage {
	let path = std::env::var("TN_SNAPSHOT").expect("TN_SNAPSHOT: the snapshot file to check");
	let text = std::fs::read_to_string(&path).expect("the snapshot file");
	let json: serde_json::Value = serde_json::from_str(&text).expect("snapshot JSON");
	let hex = |v: &serde_json::Value| {
		sp_core::bytes::from_hex(v.as_str().expect("a hex string")).expect("hex")
	};
	let mut storage = Storage::default();
	for pair in json["pairs"].as_array().expect("pairs") {
		storage.top.insert(hex(&pair[0]), hex(&pair[1]));
	}
	println!("snapshot of block {} ({} keys)", json["block"], storage.top.len());
	storage
}

#[test]
fn the_migrations_pass_their_checks_on_the_live_network_s_snapshot() {
	sp_io::TestExternalities::new(snapshot()).execute_with(|| {
		assert_eq!(Wells::on_chain_storage_version(), StorageVersion::new(4));
		let activated = pallet_wells::WellRegistry::<Runtime>::iter_values()
			.filter(|w| pallet_wells::migration::v5::reminded::<Runtime>(w))
			.count();
		// Pre-upgrade hooks, the migrations, post-upgrade hooks, then every pallet's try_state.
		let weight = Executive::try_runtime_upgrade(UpgradeCheckSelect::All)
			.expect("the migrations and their checks");
		assert_eq!(Wells::on_chain_storage_version(), StorageVersion::new(6));
		assert_eq!(pallet_wells::WindowReminders::<Runtime>::iter().count(), activated);
		let wells = pallet_wells::WellRegistry::<Runtime>::iter().count();
		assert_eq!(pallet_wells::WellsByOwner::<Runtime>::iter().count(), wells);
		println!(
			"{activated} activated wells reminded, {wells} indexed by owner; migration weight {weight:?}"
		);
		// Run again, nothing changes (each migration is versioned).
		Executive::try_runtime_upgrade(UpgradeCheckSelect::PreAndPost).expect("a second run");
		assert_eq!(pallet_wells::WindowReminders::<Runtime>::iter().count(), activated);
	});
}
