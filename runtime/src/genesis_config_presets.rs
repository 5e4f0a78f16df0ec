//! Genesis presets: `development` (one validator, short governance periods), `local_testnet`
//! (four validators, short periods) and `production` (no sudo, realistic periods; authorities
//! and members to be filled in by the operator).
//!
//! The `development` and `local_testnet` presets also **widen the upload window**
//! (`WideUploadWindow`: a year back, also before a well's activation) so the demo and the
//! zombienet suite register wells today and audit the last three months. The `production` preset
//! keeps the safe defaults: 3 days of grace, months closed at 00:00 UTC on the 5th, nothing
//! before activation (`tn_primitives::window`).
//!
//! The dev/local presets also install **single judges** (`singleJudges`: `KybApprovals` and
//! `WellApprovals` 1, below their floor of 2) so Charlie alone passes KYB and one Foundation
//! Manager a well; the `production` preset keeps 2 distinct judges (issue 25, M5).
//!
//! These demo settings (`fastGovernance`, `wideUploadWindow`, `minDepositPerWell: 0`,
//! `singleJudges`) are outside
//! the rule parameters' bounds (docs/PARAMETERS.md): a genesis may install them, no call can. The
//! `production` preset's genesis (`requireOperatorKeys`) refuses to build with any of them, with
//! any genesis value outside its bounds, with fewer than 4 oracle feeders or with a well-known
//! dev key — also when the operator's patch sets them.
//!
//! Dev/local roles (well-known dev accounts):
//! - Alice: validator, sudo, Foundation Manager, oracle feeder (her offchain worker feeds).
//! - Bob: validator (local), Foundation Manager.
//! - Charlie: validator (local), KYC/KYB verifier.
//! - Dave: validator (local). Eve, Ferdie: free for producers and beneficiaries.

use crate::{
	configs::{tat_issuer, FoundationAccount, TAT_ASSET_ID},
	AccountId, Balance, BalancesConfig, RuntimeGenesisConfig, SudoConfig, UNIT,
};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};
use tn_primitives::TAT_DECIMALS;

/// The production preset's id.
pub const PRODUCTION_RUNTIME_PRESET: &str = "production";

/// Endowment of each dev account.
const ENDOWMENT: Balance = 1_000_000 * UNIT;

struct Roles {
	authorities: Vec<(AuraId, GrandpaId)>,
	endowed: Vec<AccountId>,
	sudo: Option<AccountId>,
	foundation: Vec<AccountId>,
	verifiers: Vec<AccountId>,
	feeders: Vec<AccountId>,
	/// The oracle's minimum feeder count (`None`: the parameter's default, 0 = ⌈2n/3⌉).
	minimum_feeders: Option<u32>,
	/// The deposit floor per active well (None: the parameter's default, 5,000 UNIT).
	min_deposit_per_well: Option<Balance>,
	/// The fast democracy periods (dev/local only: `DemocracyPeriods::FAST`).
	fast_governance: bool,
	/// Widen the upload window (dev/local only: see `WideUploadWindow`).
	wide_upload_window: bool,
	/// One verifier passes KYB, one Foundation Manager a well (dev/local only: `SingleJudges`).
	single_judges: bool,
	/// Refuse to build unless the operator replaced every key (`production`).
	require_operator_keys: bool,
}

fn genesis(r: Roles) -> Value {
	let mut balances: Vec<(AccountId, Balance)> =
		r.endowed.iter().cloned().map(|k| (k, ENDOWMENT)).collect();
	// The Foundation account receives slashes; give it the existential deposit and more.
	balances.push((FoundationAccount::get(), 10 * UNIT));
	let sorted = |mut v: Vec<AccountId>| {
		v.sort();
		v
	};
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig { balances },
		aura: pallet_aura::GenesisConfig {
			authorities: r.authorities.iter().map(|x| x.0.clone()).collect::<Vec<_>>(),
		},
		grandpa: pallet_grandpa::GenesisConfig {
			authorities: r.authorities.iter().map(|x| (x.1.clone(), 1)).collect::<Vec<_>>(),
		},
		sudo: SudoConfig { key: r.sudo },
		foundation_membership: pallet_membership::GenesisConfig {
			members: sorted(r.foundation).try_into().unwrap_or_default(),
		},
		kyc_verifiers: pallet_membership::GenesisConfig {
			members: sorted(r.verifiers).try_into().unwrap_or_default(),
		},
		oracle_feeders: pallet_membership::GenesisConfig {
			members: sorted(r.feeders).try_into().unwrap_or_default(),
		},
		genesis_parameters: crate::genesis_parameters::GenesisConfig {
			fast_governance: r.fast_governance,
			minimum_feeders: r.minimum_feeders,
			min_deposit_per_well: r.min_deposit_per_well,
			wide_upload_window: r.wide_upload_window,
			single_judges: r.single_judges,
			require_operator_keys: r.require_operator_keys,
		},
		wells: pallet_wells::GenesisConfig {
			asset_classes: vec![(
				b"Canadian Petroleum Minerals".to_vec(),
				b"Alberta oil and gas wells; official monthly production from Petrinex public data."
					.to_vec(),
				b"Petrinex (Alberta Energy Regulator) public data".to_vec(),
				vec![tn_primitives::Commodity::Oil, tn_primitives::Commodity::Gas],
				tn_primitives::OfficialSource::Petrinex,
			)],
		},
		assets: pallet_assets::GenesisConfig {
			// Minimum balance one cent: no free accounts from dust (a mint gives shares below it
			// to the well's owner).
			assets: vec![(TAT_ASSET_ID, tat_issuer(), true, tn_primitives::ONE_TAT / 100)],
			metadata: vec![(
				TAT_ASSET_ID,
				b"Treasurenet Asset Token".to_vec(),
				b"TAT".to_vec(),
				TAT_DECIMALS
			)],
		},
	})
}

fn authority(k: Sr25519Keyring, g: Ed25519Keyring) -> (AuraId, GrandpaId) {
	(k.public().into(), g.public().into())
}

fn dev_accounts() -> Vec<AccountId> {
	use Sr25519Keyring::*;
	[Alice, Bob, Charlie, Dave, Eve, Ferdie, AliceStash, BobStash]
		.iter()
		.map(|k| k.to_account_id())
		.collect()
}

/// One validator (Alice).
pub fn development_config_genesis() -> Value {
	use Sr25519Keyring::*;
	genesis(Roles {
		authorities: vec![authority(Alice, Ed25519Keyring::Alice)],
		endowed: dev_accounts(),
		sudo: Some(Alice.to_account_id()),
		foundation: vec![Alice.to_account_id(), Bob.to_account_id()],
		verifiers: vec![Charlie.to_account_id()],
		feeders: vec![Alice.to_account_id()],
		minimum_feeders: None,
		min_deposit_per_well: Some(0),
		fast_governance: true,
		wide_upload_window: true,
		single_judges: true,
		require_operator_keys: false,
	})
}

/// Four validators (Alice, Bob, Charlie, Dave), each an oracle feeder.
pub fn local_config_genesis() -> Value {
	use Sr25519Keyring::*;
	genesis(Roles {
		authorities: vec![
			authority(Alice, Ed25519Keyring::Alice),
			authority(Bob, Ed25519Keyring::Bob),
			authority(Charlie, Ed25519Keyring::Charlie),
			authority(Dave, Ed25519Keyring::Dave),
		],
		endowed: dev_accounts(),
		sudo: Some(Alice.to_account_id()),
		foundation: vec![Alice.to_account_id(), Bob.to_account_id()],
		verifiers: vec![Charlie.to_account_id()],
		feeders: vec![
			Alice.to_account_id(),
			Bob.to_account_id(),
			Charlie.to_account_id(),
			Dave.to_account_id(),
		],
		// A value counts once 3 of the 4 feeders agree on it (the median of their reports).
		minimum_feeders: Some(3),
		min_deposit_per_well: Some(0),
		fast_governance: true,
		wide_upload_window: true,
		single_judges: true,
		require_operator_keys: false,
	})
}

/// No sudo; realistic governance periods and the rule parameters' safe defaults. It names **no**
/// validators, Foundation Managers, verifiers or feeders and refuses to build until the operator
/// supplies them, none a well-known dev key, at least 4 oracle feeders (`NoDevKeys`), and with
/// none of the demo settings (`genesisParameters.{fastGovernance, wideUploadWindow, singleJudges}`,
/// `minDepositPerWell` 0 or any value outside the bounds): e.g.
/// `chain-spec-builder display-preset --runtime <wasm> --preset-name production > p.json`, fill in
/// `aura.authorities`, `grandpa.authorities`, `foundationMembership.members`,
/// `kycVerifiers.members`, `oracleFeeders.members` (and balances), then
/// `chain-spec-builder create --runtime <wasm> patch p.json` (README "Launching a network").
pub fn production_config_genesis() -> Value {
	genesis(Roles {
		authorities: vec![],
		endowed: vec![],
		sudo: None,
		foundation: vec![],
		verifiers: vec![],
		feeders: vec![],
		minimum_feeders: None,
		min_deposit_per_well: None,
		fast_governance: false,
		wide_upload_window: false,
		single_judges: false,
		require_operator_keys: true,
	})
}

/// The JSON patch of the preset `id`.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		PRODUCTION_RUNTIME_PRESET => production_config_genesis(),
		_ => return None,
	};
	serde_json::to_string(&patch).ok().map(|s| s.into_bytes())
}

/// The presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
		PresetId::from(PRODUCTION_RUNTIME_PRESET),
	]
}
