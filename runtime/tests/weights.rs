//! Issue 8: the benchmarked weights against the block limits. Holds the capacity goals and prints
//! the tables of BENCHMARKS.md:
//!
//! ```sh
//! . scripts/env.sh && tn_test --test integration weights:: -- --nocapture --test-threads 1
//! ```
//!
//! The weights are the generated `weights.rs` of each pallet (`scripts/bench-weights`); the block
//! limits are the runtime's: 2 s of ref_time per 6-second block, 75 % of it for normal
//! transactions. A solochain has no proof-size (PoV) limit (`u64::MAX`); proof sizes are shown in
//! bytes and against a 5 MiB reference budget (the block length limit), so a move to a parachain
//! would see them.

use frame_support::{dispatch::DispatchClass, weights::Weight};
use pallet_audit_mint::WeightInfo as _;
use pallet_notices::WeightInfo as _;
use pallet_oracle::WeightInfo as _;
use pallet_producers::WeightInfo as _;
use pallet_wells::WeightInfo as _;
use treasurenet_runtime::{configs::RuntimeBlockWeights, Runtime};

type Producers = pallet_producers::weights::SubstrateWeight<Runtime>;
type Wells = pallet_wells::weights::SubstrateWeight<Runtime>;
type AuditMint = pallet_audit_mint::weights::SubstrateWeight<Runtime>;
type Oracle = treasurenet_runtime::weights::pallet_oracle::WeightInfo<Runtime>;
type Notices = pallet_notices::weights::SubstrateWeight<Runtime>;

/// Reference proof-size budget (bytes): 5 MiB.
const PROOF_BUDGET: u64 = 5 * 1024 * 1024;
/// Beneficiaries per well (runtime `MaxBeneficiaries`).
const MAX_BENEFICIARIES: u32 = tn_primitives::MAX_BENEFICIARIES;
/// Records in the largest upload batch (runtime `MaxBatch`).
const MAX_BATCH: u32 = 2_500;

fn block() -> Weight {
	RuntimeBlockWeights::get().max_block
}

/// Weight of one normal transaction carrying `call`: the call plus the per-extrinsic base.
fn with_base(call: Weight) -> Weight {
	call.saturating_add(RuntimeBlockWeights::get().get(DispatchClass::Normal).base_extrinsic)
}

/// The normal-class budget of a block (75 % of it, minus the block's base weight).
fn normal_budget() -> Weight {
	let w = RuntimeBlockWeights::get();
	w.get(DispatchClass::Normal)
		.max_total
		.unwrap_or(w.max_block)
		.saturating_sub(w.base_block)
}

fn pct(part: u64, whole: u64) -> f64 {
	part as f64 * 100.0 / whole as f64
}

fn row(name: &str, w: Weight) -> String {
	let w = with_base(w);
	format!(
		"| `{name}` | {:.3} ms | {:.4} % | {} B | {:.4} % |",
		w.ref_time() as f64 / 1e9,
		pct(w.ref_time(), block().ref_time()),
		w.proof_size(),
		pct(w.proof_size(), PROOF_BUDGET),
	)
}

/// How many transactions of weight `w` fit in one block's normal budget.
fn per_block(w: Weight) -> u64 {
	let w = with_base(w);
	let b = normal_budget();
	(b.ref_time() / w.ref_time().max(1)).min(if w.proof_size() == 0 {
		u64::MAX
	} else {
		b.proof_size() / w.proof_size()
	})
}

/// The largest `n` with `upload_batch(n)` (one transaction) within the normal budget.
fn largest_upload_batch() -> u32 {
	let budget = normal_budget();
	let (mut lo, mut hi) = (0u32, 1_000_000u32);
	while lo < hi {
		let mid = lo + (hi - lo).div_ceil(2);
		if with_base(Wells::upload_batch(mid)).all_lte(budget) {
			lo = mid;
		} else {
			hi = mid - 1;
		}
	}
	lo
}

#[test]
fn every_extrinsic_as_a_fraction_of_the_block() {
	let rows = [
		("producers.apply", Producers::apply()),
		("producers.submit_kyb", Producers::submit_kyb()),
		("producers.judge_kyb", Producers::judge_kyb()),
		("producers.submit_kyc", Producers::submit_kyc()),
		("producers.judge_kyc", Producers::judge_kyc()),
		("producers.cancel_application", Producers::cancel_application()),
		("producers.deposit", Producers::deposit()),
		("producers.withdraw", Producers::withdraw()),
		("producers.claim_unbonded", Producers::claim_unbonded()),
		("producers.suspend", Producers::suspend()),
		("producers.reinstate", Producers::reinstate()),
		("producers.revoke", Producers::revoke()),
		("producers.free_operator", Producers::free_operator()),
		("producers.reassign_operator", Producers::reassign_operator()),
		("producers: expire 32 applications (on_initialize)", Producers::expire_applications(32)),
		("wells.submit_well", Wells::submit_well()),
		("wells.edit_well", Wells::edit_well()),
		("wells.review_well", Wells::review_well()),
		("wells.set_beneficiaries(9)", Wells::set_beneficiaries(MAX_BENEFICIARIES)),
		("wells.set_beneficiary_share", Wells::set_beneficiary_share()),
		("wells.submit_annual_review", Wells::submit_annual_review()),
		("wells.judge_annual_review", Wells::judge_annual_review()),
		("wells.suspend_well", Wells::suspend_well()),
		("wells.reinstate_well", Wells::reinstate_well()),
		("wells.upload_production (= upload_batch(1))", Wells::upload_batch(1)),
		("wells.upload_batch(2,000)", Wells::upload_batch(2_000)),
		("wells.upload_batch(2,500) (MaxBatch)", Wells::upload_batch(MAX_BATCH)),
		("wells.add_asset_class", Wells::add_asset_class()),
		("wells.propose_asset_class", Wells::propose_asset_class()),
		("wells.set_asset_class_status", Wells::set_asset_class_status()),
		("wells.remove_well (by governance, an open month)", Wells::remove_well()),
		("wells.transfer_well", Wells::transfer_well()),
		(
			"wells: 32 annual-review notices + 32 upload-window reminders (on_initialize)",
			Wells::send_notices(32).saturating_add(Wells::send_reminders(32)),
		),
		(
			"audit_mint.mint(9 beneficiaries, 31 days, slash with debt)",
			AuditMint::mint(MAX_BENEFICIARIES),
		),
		(
			"audit_mint.settle(9 beneficiaries, official halved: burn back, slash into debt)",
			AuditMint::settle(MAX_BENEFICIARIES),
		),
		(
			"audit_mint.audit_overdue(9 beneficiaries, 31 days, slash with debt)",
			AuditMint::audit_overdue(MAX_BENEFICIARIES),
		),
		("audit_mint.lapse_month(31 valued days, no figure)", AuditMint::lapse_month()),
		("notices.dismiss (a full inbox)", Notices::dismiss()),
		("notices.dismiss_all (a full inbox)", Notices::dismiss_all()),
		("oracle.feed_values(1) (32 feeders)", Oracle::feed_values(1)),
		("oracle.feed_values(256) (MaxFeedValues, 32 feeders)", Oracle::feed_values(256)),
	];
	println!("| extrinsic (worst case) | ref_time | of block ref_time | proof size | of 5 MiB |");
	println!("|---|---|---|---|---|");
	for (name, w) in rows {
		println!("{}", row(name, w));
		// Every single call fits a block's normal budget.
		assert!(with_base(w).all_lte(normal_budget()), "{name} does not fit a block");
	}
}

#[test]
fn upload_capacity_is_at_least_2000_records_per_block_at_75_percent() {
	let largest = largest_upload_batch();
	let w2000 = with_base(Wells::upload_batch(2_000));
	println!(
		"upload: largest batch in one block {largest} records; 2,000 records = {:.2} % of the block's ref_time",
		pct(w2000.ref_time(), block().ref_time())
	);
	assert!(largest >= 2_000, "only {largest} records fit");
	assert!(w2000.ref_time() * 100 <= block().ref_time() * 75);
	// The batch bound itself fits.
	assert!(largest >= MAX_BATCH, "MaxBatch {MAX_BATCH} exceeds the {largest} that fit");
}

#[test]
fn mint_worst_case_is_at_most_1_percent_of_a_block() {
	let w = with_base(AuditMint::mint(MAX_BENEFICIARIES));
	let fits = per_block(AuditMint::mint(MAX_BENEFICIARIES));
	let blocks = 100_000u64.div_ceil(fits);
	println!(
		"mint worst case: {:.4} % of the block's ref_time; {fits} well-months per block; \
		 100,000 well-months in {blocks} blocks = {:.1} minutes at 6 s",
		pct(w.ref_time(), block().ref_time()),
		blocks as f64 * 6.0 / 60.0
	);
	assert!(w.ref_time() * 100 <= block().ref_time());
}

#[test]
fn costs_grow_only_with_the_call_s_own_inputs() {
	// Per-record, per-beneficiary and per-value slopes (the components of the benchmarks); no
	// weight function takes the number of wells or months on chain.
	let slope = |a: Weight, b: Weight, n: u64| (b.ref_time() - a.ref_time()) / n;
	println!(
		"slopes (ref_time): upload_batch {} ps/record; set_beneficiaries {} ps/beneficiary; \
		 mint {} ps/beneficiary; feed_values {} ps/value",
		slope(Wells::upload_batch(1), Wells::upload_batch(2_001), 2_000),
		slope(Wells::set_beneficiaries(0), Wells::set_beneficiaries(9), 9),
		slope(AuditMint::mint(0), AuditMint::mint(9), 9),
		slope(Oracle::feed_values(1), Oracle::feed_values(256), 255),
	);
}
