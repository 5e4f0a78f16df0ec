//! The pallets benchmarked by `treasurenet-node benchmark pallet`, and the set-up helpers our
//! pallets' benchmarks need from the real runtime.
// Benchmarks set up state with test-style code (unwrap, indexing); they never run on chain.
#![allow(
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing,
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::panic
)]

use crate::{AccountId, Balances, Oracle, Producers, Runtime, RuntimeOrigin, Wells, UNIT};
use frame_support::traits::fungible::Mutate;
use sp_arithmetic::Perbill;
use tn_primitives::{
	feeds::{FeedKey, FeedValue, Provenance},
	Commodity, Day, Month, OilQuality, WellId,
};

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[frame_system_extensions, SystemExtensionsBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_producers, Producers]
	[pallet_wells, Wells]
	[pallet_audit_mint, AuditMint]
	[pallet_notices, Notices]
	[pallet_oracle, Oracle]
);

const DAY_MS: u64 = 86_400_000;

fn set_today(day: Day) {
	pallet_timestamp::Now::<Runtime>::put(u64::from(day.0) * DAY_MS);
}

fn feed(key: FeedKey, value: FeedValue) {
	let timestamp = pallet_timestamp::Now::<Runtime>::get();
	pallet_oracle::Values::<Runtime>::insert(
		key,
		pallet_oracle::TimestampedValue { value, timestamp },
	);
	let _ = Oracle::get(&key);
}

/// Builds the worst-case month for `pallet_audit_mint::mint` with the real pallets.
pub struct AuditMintHelper;
impl pallet_audit_mint::benchmarking::BenchmarkHelper<AccountId> for AuditMintHelper {
	fn worst_case_month(b: u32) -> (AccountId, WellId, Month) {
		let who: AccountId = frame_benchmarking::account("producer", 0, 0);
		let manager: AccountId = frame_benchmarking::account("manager", 0, 0);
		Balances::set_balance(&who, 1_000_000 * UNIT);
		let month = Month { year: 2026, month: 1 };
		set_today(month.first_day());
		// Admit the producer with a deposit smaller than the coming slash (→ debt).
		<WellsHelper as pallet_wells::benchmarking::BenchmarkHelper<AccountId>>::make_producer(
			&who,
		);
		let _ = Producers::deposit(RuntimeOrigin::signed(who.clone()), UNIT / 1_000);
		<WellsHelper as pallet_wells::benchmarking::BenchmarkHelper<AccountId>>::make_manager(
			&manager,
		);
		let well = pallet_wells::NextWellId::<Runtime>::get();
		let quality = OilQuality { api_gravity_x100: 3_500, acidity_bp: 30 };
		let _ = Wells::submit_well(
			RuntimeOrigin::signed(who.clone()),
			0,
			Commodity::Oil,
			[9; 32],
			[3; 32],
			Some(quality),
			b"A1B2".to_vec().try_into().unwrap(),
			b"ABBT0012345".to_vec().try_into().unwrap(),
		);
		let _ = Wells::review_well(RuntimeOrigin::signed(manager), well, true, Default::default());
		let shares: alloc::vec::Vec<(AccountId, Perbill)> = (0..b)
			.map(|i| (frame_benchmarking::account("beneficiary", i, 0), Perbill::from_percent(10)))
			.collect();
		let _ = Wells::set_beneficiaries(
			RuntimeOrigin::signed(who.clone()),
			well,
			shares.try_into().unwrap_or_default(),
		);
		set_today(month.last_day().plus(5));
		let records: alloc::vec::Vec<_> =
			(0..31).map(|d| (well, month.first_day().plus(d), 1_000_000u64)).collect();
		let _ = Wells::upload_batch(
			RuntimeOrigin::signed(who.clone()),
			records.try_into().unwrap_or_default(),
		);
		// Prices on every other day (the rest use the fallback average).
		for d in (0..31).step_by(2) {
			feed(
				FeedKey::Price(Commodity::Oil, month.first_day().plus(d)),
				FeedValue::Price(70_000_000),
			);
		}
		// Official: half of P → deviation 100 % (above the major band).
		let provenance = Provenance { updated: month.last_day().plus(3), file_hash: [7; 32] };
		feed(
			FeedKey::Production(well, month),
			FeedValue::Production { volume: 15_500_000, provenance },
		);
		(who, well, month)
	}

	fn amend_official(well: WellId, month: Month, volume: u64) {
		let provenance =
			Provenance { updated: month.last_day().plus(40), file_hash: [volume as u8; 32] };
		feed(FeedKey::Production(well, month), FeedValue::Production { volume, provenance });
	}

	fn remove_official(well: WellId, month: Month) {
		pallet_oracle::Values::<Runtime>::remove(FeedKey::Production(well, month));
	}

	fn set_today(day: Day) {
		set_today(day);
	}
}

/// Producers, Foundation Managers and time for `pallet_wells`' benchmarks.
pub struct WellsHelper;
impl pallet_wells::benchmarking::BenchmarkHelper<AccountId> for WellsHelper {
	fn make_producer(who: &AccountId) {
		pallet_producers::ProducerRecords::<Runtime>::insert(
			who,
			pallet_producers::Producer {
				status: pallet_producers::ProducerStatus::Active,
				asset_class: 0,
				kyb: [1; 32],
				kyc: [2; 32],
				admitted: Day(0),
				deposit: 0,
				debt: 0,
			},
		);
		// The operator codes of these benchmarks' wells: the longest code, and `A1B2`.
		let codes: alloc::vec::Vec<tn_primitives::OperatorCode> = alloc::vec![
			alloc::vec![b'A'; tn_primitives::regulator::MAX_OPERATOR_CODE as usize]
				.try_into()
				.unwrap_or_default(),
			b"A1B2".to_vec().try_into().unwrap_or_default(),
		];
		pallet_producers::OperatorsOf::<Runtime>::insert(
			who,
			tn_primitives::OperatorCodes::truncate_from(codes),
		);
	}
	fn make_manager(who: &AccountId) {
		let mut members = pallet_membership::Members::<
			Runtime,
			crate::configs::FoundationMembershipInstance,
		>::get();
		if !members.contains(who) {
			let _ = members.try_push(who.clone());
			members.sort();
			pallet_membership::Members::<Runtime, crate::configs::FoundationMembershipInstance>::put(members);
		}
	}
	fn set_today(day: Day) {
		set_today(day);
	}
}

/// `feed_values` over the most values a feed carries: official production of wells for a month
/// (the largest value) and daily prices.
pub struct OracleHelper;
impl<L: frame_support::traits::Get<u32>> pallet_oracle::BenchmarkHelper<FeedKey, FeedValue, L>
	for OracleHelper
{
	fn get_currency_id_value_pairs() -> frame_support::BoundedVec<(FeedKey, FeedValue), L> {
		let month = Month { year: 2026, month: 1 };
		let provenance = Provenance { updated: month.last_day().plus(20), file_hash: [7; 32] };
		let values: alloc::vec::Vec<_> = (0..L::get())
			.map(|i| {
				if i % 2 == 0 {
					(
						FeedKey::Production(i, month),
						FeedValue::Production { volume: 1_234_567, provenance },
					)
				} else {
					(FeedKey::Price(Commodity::Oil, Day(20_454 + i)), FeedValue::Price(70_000_000))
				}
			})
			.collect();
		frame_support::BoundedVec::truncate_from(values)
	}
}

/// The oracle's feeder set as `pallet_oracle`'s benchmarks see it. Adding the benchmark's
/// caller also fills the set to its maximum (`MaxMembers`, 32), every other feeder having
/// reported every benchmark value already: `feed_values` then combines the most raw values a
/// key can have (the quorum is met, so the audit hook runs too), instead of one feeder's.
pub struct FullFeederSet;
impl frame_support::traits::SortedMembers<AccountId> for FullFeederSet {
	fn sorted_members() -> alloc::vec::Vec<AccountId> {
		<crate::OracleFeeders as frame_support::traits::SortedMembers<AccountId>>::sorted_members()
	}
	fn contains(who: &AccountId) -> bool {
		<crate::OracleFeeders as frame_support::traits::SortedMembers<AccountId>>::contains(who)
	}
	fn count() -> usize {
		Self::sorted_members().len()
	}
	fn add(who: &AccountId) {
		use frame_support::traits::{Get, SortedMembers, Time};
		type Feeders = crate::OracleFeeders;
		if !Self::contains(who) {
			<Feeders as SortedMembers<AccountId>>::add(who);
		}
		let max = <<Runtime as pallet_membership::Config<
			crate::configs::OracleFeedersInstance,
		>>::MaxMembers as Get<u32>>::get() as usize;
		let pairs = <OracleHelper as pallet_oracle::BenchmarkHelper<
			FeedKey,
			FeedValue,
			frame_support::traits::ConstU32<256>,
		>>::get_currency_id_value_pairs();
		let timestamp = crate::Timestamp::now();
		let mut i = 0u32;
		while Self::count() < max {
			let feeder: AccountId = frame_benchmarking::account("feeder", i, 0);
			i += 1;
			if Self::contains(&feeder) {
				continue;
			}
			<Feeders as SortedMembers<AccountId>>::add(&feeder);
			for (key, value) in pairs.iter() {
				pallet_oracle::RawValues::<Runtime>::insert(
					&feeder,
					key,
					pallet_oracle::TimestampedValue { value: value.clone(), timestamp },
				);
			}
		}
	}
}
