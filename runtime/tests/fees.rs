//! Fees (issue 25, finding M4: "blocks are filled for 0.043 UNIT"; docs/ATTACKS.md row 12,
//! BENCHMARKS.md "What filling a block costs"). Real signed extrinsics through
//! `Executive::apply_extrinsic` on the dev genesis: what a byte and a millisecond cost, what
//! filling a block's normal class costs, the congestion multiplier, and producers' uploads
//! (operational) getting in while the normal class is full.

use crate::common::*;

use codec::Encode;
use frame_support::{
	dispatch::{DispatchClass, GetDispatchInfo, Pays},
	weights::Weight,
};
use pallet_transaction_payment::Multiplier;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	generic::Era,
	traits::One,
	transaction_validity::{InvalidTransaction, TransactionValidityError},
	ApplyExtrinsicResult, FixedPointNumber,
};
use tn_primitives::{
	feeds::{FeedKey, FeedValue},
	Commodity, Month,
};
use treasurenet_runtime::{
	configs::{RuntimeBlockLength, RuntimeBlockWeights},
	Balances, Executive, Nonce, Runtime, RuntimeCall, SignedPayload, System, TransactionPayment,
	TxExtension, UncheckedExtrinsic, UNIT,
};

/// 10⁻³ UNIT.
const MILLI: u128 = UNIT / 1_000;

fn extension(nonce: Nonce) -> TxExtension {
	(
		frame_system::AuthorizeCall::<Runtime>::new(),
		frame_system::CheckNonZeroSender::<Runtime>::new(),
		frame_system::CheckSpecVersion::<Runtime>::new(),
		frame_system::CheckTxVersion::<Runtime>::new(),
		frame_system::CheckGenesis::<Runtime>::new(),
		frame_system::CheckEra::<Runtime>::from(Era::Immortal),
		frame_system::CheckNonce::<Runtime>::from(nonce),
		frame_system::CheckWeight::<Runtime>::new(),
		pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(0),
		frame_metadata_hash_extension::CheckMetadataHash::<Runtime>::new(false),
		frame_system::WeightReclaim::<Runtime>::new(),
	)
}

/// `call` signed by `key` with its account's next nonce, as a wallet would submit it.
fn signed_xt(key: Sr25519Keyring, call: RuntimeCall) -> UncheckedExtrinsic {
	let who = key.to_account_id();
	let payload =
		SignedPayload::new(call, extension(System::account_nonce(&who))).expect("payload");
	let signature = payload.using_encoded(|bytes| key.sign(bytes));
	let (call, ext, _) = payload.deconstruct();
	UncheckedExtrinsic::new_signed(call, who.into(), signature.into(), ext)
}

/// The fee the chain quotes for `xt` (`TransactionPaymentApi::query_info`'s `partial_fee`).
fn quoted_fee(xt: &UncheckedExtrinsic) -> u128 {
	TransactionPayment::query_info(xt.clone(), xt.encoded_size() as u32).partial_fee
}

/// Applies `xt` as the block author would; returns the result and what its signer paid.
fn apply(key: Sr25519Keyring, xt: UncheckedExtrinsic) -> (ApplyExtrinsicResult, u128) {
	let who = key.to_account_id();
	let before = Balances::free_balance(&who);
	let result = Executive::apply_extrinsic(xt);
	(result, before.saturating_sub(Balances::free_balance(&who)))
}

fn remark(bytes: usize) -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark { remark: vec![7u8; bytes] })
}

fn normal_weight() -> Weight {
	RuntimeBlockWeights::get()
		.get(DispatchClass::Normal)
		.max_total
		.expect("normal limit")
}

fn normal_length() -> u32 {
	*RuntimeBlockLength::get().max.get(DispatchClass::Normal)
}

/// A remark by `key` whose extrinsic is exactly `len` bytes long.
fn remark_of_length(key: Sr25519Keyring, len: u32) -> UncheckedExtrinsic {
	let guess = len as usize - 200;
	let overhead = signed_xt(key, remark(guess)).encoded_size() - guess;
	let xt = signed_xt(key, remark(len as usize - overhead));
	assert_eq!(xt.encoded_size(), len as usize);
	xt
}

fn exhausted() -> ApplyExtrinsicResult {
	Err(TransactionValidityError::Invalid(InvalidTransaction::ExhaustsResources))
}

/// The prices: 0.0001 UNIT per byte, 0.1 UNIT per millisecond of weight; a 1 MB remark costs
/// ≈ 101 UNIT (it cost 0.0109 UNIT before issue 25).
#[test]
fn a_byte_and_a_millisecond_have_a_price() {
	dev_ext(JAN_1_2026_MS).execute_with(|| {
		assert_eq!(TransactionPayment::length_to_fee(1), UNIT / 10_000);
		assert_eq!(
			TransactionPayment::weight_to_fee(Weight::from_parts(1_000_000_000, 0)),
			UNIT / 10
		);
		assert_eq!(TransactionPayment::next_fee_multiplier(), Multiplier::one());

		let one_mb = signed_xt(Sr25519Keyring::Alice, remark(1_000_000));
		let len = one_mb.encoded_size();
		let fee = quoted_fee(&one_mb);
		let transfer = signed_xt(
			Sr25519Keyring::Alice,
			RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
				dest: bob().into(),
				value: UNIT,
			}),
		);
		let transfer_fee = quoted_fee(&transfer);
		println!(
			"1 MB remark: {len} bytes, fee {fee}; transfer: {} bytes, fee {transfer_fee}",
			transfer.encoded_size()
		);

		let (result, paid) = apply(Sr25519Keyring::Alice, one_mb);
		println!("1 MB remark paid {paid}");
		assert_eq!(result, Ok(Ok(())));
		assert_eq!(len, 1_000_113);
		// 100.0113 UNIT of bytes + 1.1450373 UNIT of weight (10.92 ms for the remark, 0.53 ms base).
		assert_eq!(fee, 101_156_337_300_000);
		assert_eq!(paid, fee);
		assert!(fee >= 100 * UNIT);
		assert_eq!(transfer.encoded_size(), 146);
		assert_eq!(transfer_fee, 77_183_800_000);
	});
}

/// Filling one block's normal class costs ≥ 100 UNIT in either dimension: its 3,932,160 bytes
/// 393.216 UNIT, its 1.5 s of weight 150 UNIT (the whole block: 524.288 UNIT, 200 UNIT).
#[test]
fn filling_a_block_s_normal_class_costs_at_least_100_unit() {
	dev_ext(JAN_1_2026_MS).execute_with(|| {
		assert_eq!(normal_length(), 3_932_160);
		assert_eq!(TransactionPayment::length_to_fee(normal_length()), 393_216 * MILLI);
		assert_eq!(TransactionPayment::length_to_fee(5 * 1024 * 1024), 524_288 * MILLI);
		assert_eq!(normal_weight().ref_time(), 1_500_000_000_000);
		assert_eq!(TransactionPayment::weight_to_fee(normal_weight()), 150 * UNIT);
		assert_eq!(
			TransactionPayment::weight_to_fee(RuntimeBlockWeights::get().max_block),
			200 * UNIT
		);

		// One remark that takes the normal class's whole length.
		let spam = remark_of_length(Sr25519Keyring::Alice, normal_length());
		let fee = quoted_fee(&spam);
		let (result, paid) = apply(Sr25519Keyring::Alice, spam);
		println!("full-length remark: fee {fee}, paid {paid}");
		assert_eq!(result, Ok(Ok(())));
		assert_eq!(paid, fee);
		// 393.216 UNIT of bytes + 4.346832624 UNIT of weight (43.47 ms).
		assert_eq!(fee, 397_562_832_624_000);
		assert!(fee >= 100 * UNIT);
		// The normal class is full: the next remark waits for the next block.
		assert_eq!(
			apply(Sr25519Keyring::Bob, signed_xt(Sr25519Keyring::Bob, remark(1))).0,
			exhausted()
		);
	});
}

/// The congestion multiplier: +0.005625 % per block of full normal weight, at most 100×; back to
/// 1 (the floor) once blocks are below a quarter full; the weight part of a fee follows it.
#[test]
fn the_multiplier_rises_after_full_blocks_and_falls_back() {
	dev_ext(JAN_1_2026_MS).execute_with(|| {
		let multiplier = TransactionPayment::next_fee_multiplier;
		let upload_weight_fee = || {
			let call = RuntimeCall::Wells(pallet_wells::Call::upload_production {
				well: 0,
				day: Month::new(2026, 1).unwrap().first_day(),
				volume: 1,
			});
			let info = call.get_dispatch_info();
			TransactionPayment::compute_fee(0, &info, 0)
		};
		let quiet_fee = upload_weight_fee();
		let full_block = || {
			System::set_block_consumed_resources(normal_weight(), 0);
			run_blocks(1);
		};
		full_block();
		// 1 + v·0.75 + (v·0.75)²/2 with v = 0.000075.
		assert_eq!(multiplier().into_inner(), 1_000_056_251_582_031_250);
		for _ in 1..100 {
			full_block();
		}
		let after_100 = multiplier();
		let busy_fee = upload_weight_fee();
		println!(
			"after 100 full blocks: {} ({after_100:?}); fee {quiet_fee} -> {busy_fee}",
			after_100.into_inner()
		);
		assert_eq!(after_100.into_inner(), 1_005_640_850_014_363_657);
		assert_eq!(quiet_fee, 41_197_584_500);
		assert_eq!(busy_fee, 41_368_964_153);
		// The base fee is not multiplied; the weight fee is.
		let base = TransactionPayment::weight_to_fee(
			RuntimeBlockWeights::get().get(DispatchClass::Operational).base_extrinsic,
		);
		assert_eq!(busy_fee - base, after_100.saturating_mul_int(quiet_fee - base));

		// Empty blocks: down again, never below 1.
		System::set_block_consumed_resources(Weight::zero(), 0);
		run_blocks(1);
		assert!(multiplier() < after_100);
		let mut blocks = 1;
		while multiplier() > Multiplier::one() && blocks < 1_000 {
			run_blocks(1);
			blocks += 1;
		}
		println!("back to 1 after {blocks} empty blocks");
		assert_eq!(multiplier(), Multiplier::one());
		assert_eq!(blocks, 300);
		run_blocks(10);
		assert_eq!(multiplier(), Multiplier::one());
		assert_eq!(upload_weight_fee(), quiet_fee);

		// The ceiling.
		pallet_transaction_payment::NextFeeMultiplier::<Runtime>::put(
			Multiplier::saturating_from_integer(100),
		);
		full_block();
		assert_eq!(multiplier(), Multiplier::saturating_from_integer(100));
	});
}

/// Producers' uploads are operational: with the normal class full of spam (by length or by
/// weight) an `upload_batch` still goes in, and its fee is paid in full like any call.
#[test]
fn an_upload_batch_is_included_when_the_normal_class_is_full() {
	dev_ext(JAN_1_2026_MS).execute_with(|| {
		let well = onboard();
		let jan = Month::new(2026, 1).unwrap();
		run_days(35);
		let batch = |from: u32, days: u32| {
			let records: Vec<_> =
				(from..from + days).map(|d| (well, jan.first_day().plus(d), 1_000u64)).collect();
			RuntimeCall::Wells(pallet_wells::Call::upload_batch {
				records: records.try_into().unwrap(),
			})
		};
		let one_day = RuntimeCall::Wells(pallet_wells::Call::upload_production {
			well,
			day: jan.first_day().plus(20),
			volume: 1_000,
		});
		for call in [batch(0, 1), one_day.clone()] {
			let info = call.get_dispatch_info();
			assert_eq!(info.class, DispatchClass::Operational);
			assert_eq!(info.pays_fee, Pays::Yes);
		}

		// The normal class's length taken by one remark.
		let spam = remark_of_length(Sr25519Keyring::Alice, normal_length());
		assert_eq!(apply(Sr25519Keyring::Alice, spam).0, Ok(Ok(())));
		assert_eq!(
			apply(Sr25519Keyring::Bob, signed_xt(Sr25519Keyring::Bob, remark(1))).0,
			exhausted()
		);
		let upload = signed_xt(Sr25519Keyring::Eve, batch(0, 10));
		let fee = quoted_fee(&upload);
		let (result, paid) = apply(Sr25519Keyring::Eve, upload);
		println!("upload_batch(10) behind a full normal length: fee {fee}, paid {paid}");
		assert_eq!(result, Ok(Ok(())));
		assert_eq!(paid, fee);
		assert_eq!(fee, 231_247_245_000);
		assert_eq!(pallet_wells::DayRecords::<Runtime>::iter_prefix(well).count(), 10);

		// The normal class's weight taken (a new block).
		run_blocks(1);
		System::set_block_consumed_resources(normal_weight(), 0);
		assert_eq!(
			apply(Sr25519Keyring::Bob, signed_xt(Sr25519Keyring::Bob, remark(1))).0,
			exhausted()
		);
		let (result, _) = apply(Sr25519Keyring::Eve, signed_xt(Sr25519Keyring::Eve, batch(10, 10)));
		assert_eq!(result, Ok(Ok(())));
		let (result, _) = apply(Sr25519Keyring::Eve, signed_xt(Sr25519Keyring::Eve, one_day));
		assert_eq!(result, Ok(Ok(())));

		// The largest batch (2,500 records, 328 ms) still fits the operational reserve (0.5 s).
		let big = signed_xt(Sr25519Keyring::Eve, {
			let records: Vec<_> = (0..2_500u32)
				.map(|i| (well, jan.first_day().plus(i % 28), u64::from(i)))
				.collect();
			RuntimeCall::Wells(pallet_wells::Call::upload_batch {
				records: records.try_into().unwrap(),
			})
		});
		let big_fee = quoted_fee(&big);
		let big_len = big.encoded_size() as u32;
		println!("upload_batch(2500): {big_len} bytes, fee {big_fee}");
		let base = RuntimeBlockWeights::get().get(DispatchClass::Operational).base_extrinsic;
		assert_eq!(
			big_fee,
			TransactionPayment::length_to_fee(big_len)
				+ TransactionPayment::weight_to_fee(big.get_dispatch_info().total_weight() + base)
		);
		assert_eq!(big_len, 40_111);
		assert_eq!(big_fee, 37_743_856_650_000);
		// (Its records repeat days, so it fails — and still pays: a failing call is charged.)
		let (result, paid) = apply(Sr25519Keyring::Eve, big);
		assert!(matches!(result, Ok(Err(_))), "{result:?}");
		assert_eq!(paid, big_fee);

		// A non-producer's upload fails, pays its fee too (the reserve is bought at the normal price).
		let (result, paid) =
			apply(Sr25519Keyring::Bob, signed_xt(Sr25519Keyring::Bob, batch(0, 1)));
		assert!(matches!(result, Ok(Err(_))), "{result:?}");
		assert!(paid > 0);
	});
}

/// Feeds stay in the normal class (pallet-oracle's `feed_values`, not ours) and are refunded
/// (`Pays::No`): a feed costs the feeder nothing, and waits behind a full normal class (a missed
/// feed is re-sent; docs/ATTACKS.md row 12).
#[test]
fn a_feed_is_refunded_and_stays_in_the_normal_class() {
	dev_ext(JAN_1_2026_MS).execute_with(|| {
		let jan = Month::new(2026, 1).unwrap();
		run_days(35);
		// The five days before today (feeds may carry prices up to today only).
		let values: Vec<(FeedKey, FeedValue)> = (29..34)
			.map(|d| {
				(
					FeedKey::Price(Commodity::Oil, jan.first_day().plus(d)),
					FeedValue::Price(70_000_000),
				)
			})
			.collect();
		let call = RuntimeCall::Oracle(pallet_oracle::Call::feed_values {
			values: values.try_into().unwrap(),
		});
		assert_eq!(call.get_dispatch_info().class, DispatchClass::Normal);
		let feed = signed_xt(Sr25519Keyring::Alice, call.clone());
		let held = quoted_fee(&feed);
		let (result, paid) = apply(Sr25519Keyring::Alice, feed);
		println!("feed of 5 prices: held {held}, paid {paid}");
		assert_eq!(result, Ok(Ok(())));
		assert_eq!(paid, 0);
		assert_eq!(held, 449_788_261_900);

		run_blocks(1);
		System::set_block_consumed_resources(normal_weight(), 0);
		assert_eq!(
			apply(Sr25519Keyring::Alice, signed_xt(Sr25519Keyring::Alice, call)).0,
			exhausted()
		);
	});
}
