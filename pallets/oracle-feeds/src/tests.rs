//! Offchain worker tests with `TestOffchainExt`: byte-exact requests, simulator-made bodies, and
//! every failure leaving the chain untouched.

use crate::{self as pallet_oracle_feeds, settings, worker};
use codec::Decode;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, Hooks, SortedMembers},
};
use sp_core::{
	offchain::{testing, OffchainDbExt, OffchainWorkerExt, StorageKind, TransactionPoolExt},
	sr25519::Signature,
};
use sp_keystore::{testing::MemoryKeystore, Keystore, KeystoreExt};
use sp_runtime::{
	generic::UncheckedExtrinsic,
	traits::{IdentifyAccount, IdentityLookup, Verify},
	RuntimeAppPublic,
};
use std::sync::Arc;
use tn_primitives::{
	feeds::{FeedKey, FeedValue},
	traits::{DirectoryWell, WellDirectory},
	Commitment, Commodity, Day, Month, WellId,
};

type Block = frame_system::mocking::MockBlock<Test>;
type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
type Extrinsic = UncheckedExtrinsic<u32, RuntimeCall, (), ()>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Timestamp: pallet_timestamp,
		Oracle: pallet_oracle,
		Feeds: pallet_oracle_feeds,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = IdentityLookup<AccountId>;
}

#[derive_impl(pallet_timestamp::config_preludes::TestDefaultConfig)]
impl pallet_timestamp::Config for Test {}

impl frame_system::offchain::SigningTypes for Test {
	type Public = <Signature as Verify>::Signer;
	type Signature = Signature;
}
impl<C> frame_system::offchain::CreateTransactionBase<C> for Test
where
	RuntimeCall: From<C>,
{
	type RuntimeCall = RuntimeCall;
	type Extrinsic = Extrinsic;
}
impl<C> frame_system::offchain::CreateSignedTransaction<C> for Test
where
	RuntimeCall: From<C>,
{
	fn create_signed_transaction<
		A: frame_system::offchain::AppCrypto<Self::Public, Self::Signature>,
	>(
		call: RuntimeCall,
		_public: <Signature as Verify>::Signer,
		_account: AccountId,
		nonce: u32,
	) -> Option<Extrinsic> {
		Some(Extrinsic::new_signed(call, nonce, (), ()))
	}
}

parameter_types! {
	pub const OraclePalletId: frame_support::PalletId = frame_support::PalletId(*b"tn/oracl");
	pub static Feeders: Vec<AccountId> = vec![];
	pub static Registered: Vec<DirectoryWell> = vec![];
}

pub struct FeederSet;
impl SortedMembers<AccountId> for FeederSet {
	fn sorted_members() -> Vec<AccountId> {
		Feeders::get()
	}
}

impl pallet_oracle::Config for Test {
	type OnNewData = ();
	type CombineData = pallet_oracle::DefaultCombineData<
		Test,
		ConstU32<1>,
		frame_support::traits::ConstU64<86_400_000>,
	>;
	type Time = Timestamp;
	type OracleKey = FeedKey;
	type OracleValue = FeedValue;
	type PalletId = OraclePalletId;
	type Members = FeederSet;
	type WeightInfo = ();
	type MaxHasDispatchedSize = ConstU32<8>;
	type MaxFeedValues = ConstU32<256>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

pub struct Wells;
impl WellDirectory for Wells {
	fn fed_wells(_horizon_start: tn_primitives::Month) -> Vec<DirectoryWell> {
		Registered::get()
	}
	fn is_active(well: WellId) -> bool {
		Registered::get().iter().any(|w| w.id == well && w.active)
	}
	fn is_audited(well: WellId, month: tn_primitives::Month) -> bool {
		Registered::get().iter().any(|w| w.id == well && w.audited.contains(&month))
	}
}

impl pallet_oracle_feeds::Config for Test {
	type AuthorityId = crate::crypto::FeederId;
	type Wells = Wells;
	type MaxValuesPerFeed = ConstU32<256>;
	type RawValueExpiryMs = frame_support::traits::ConstU64<86_400_000>;
	type PriceBounds = ();
	type AmendmentHorizonMonths = ConstU32<12>;
}

const SIM: &str = "http://127.0.0.1:8787";
const WELL_ID_TEXT: &str = "100071901015W400";
/// The simulated well's operator (`OperatorBAID`) and reporting facility.
const OPERATOR: &str = "A1B2";
const FACILITY: &str = "ABBT0071901";

/// A directory entry with the simulated well's operator and facility.
fn dw(
	id: WellId,
	identifier: Commitment,
	commodity: Commodity,
	activated: Option<Day>,
) -> DirectoryWell {
	DirectoryWell {
		id,
		identifier,
		commodity,
		activated,
		operator: OPERATOR.as_bytes().to_vec().try_into().unwrap(),
		former_operators: vec![],
		facility: FACILITY.as_bytes().to_vec().try_into().unwrap(),
		active: true,
		audited: vec![],
	}
}

/// The simulator's configuration for these tests: one oil well with 1234.567 m³ in Jan 2026.
fn sim() -> tn_feed_sim::SimConfig {
	let json = format!(
		r#"{{"api_key":"KEY","petrinex":{{"rows":300,"published_from":"2026-01","published_through":"2026-01",
		"wells":[{{"id":"{WELL_ID_TEXT}","product":"OIL","operator":"{OPERATOR}","facility":"{FACILITY}",
		"months":{{"2026-01":"1234.567"}}}}]}},
		"eia":{{"published_through":"2026-03-09","first_day":"2026-01-01"}}}}"#
	);
	tn_feed_sim::SimConfig::from_json(&json).expect("simulator config")
}

struct Env {
	ext: sp_io::TestExternalities,
	offchain: Arc<parking_lot::RwLock<testing::OffchainState>>,
	pool: Arc<parking_lot::RwLock<testing::PoolState>>,
}

/// Externalities at 2026-03-10 12:00 UTC with the worker's settings pointing at the simulator.
fn env(with_key: bool) -> (Env, Option<AccountId>) {
	let (offchain, offchain_state) = testing::TestOffchainExt::new();
	let (pool, pool_state) = testing::TestTransactionPoolExt::new();
	let keystore = MemoryKeystore::new();
	let feeder = with_key.then(|| {
		let public = keystore
			.sr25519_generate_new(crate::crypto::Public::ID, Some("//Alice"))
			.unwrap();
		AccountId::from(public)
	});
	let mut ext = sp_io::TestExternalities::default();
	ext.register_extension(OffchainWorkerExt::new(offchain.clone()));
	ext.register_extension(OffchainDbExt::new(offchain));
	ext.register_extension(TransactionPoolExt::new(pool));
	ext.register_extension(KeystoreExt::new(keystore));
	offchain_state.write().timestamp =
		sp_core::offchain::Timestamp::from_unix_millis(1_773_144_000_000);
	ext.execute_with(|| {
		for (k, v) in
			[(settings::PETRINEX_URL, SIM), (settings::EIA_URL, SIM), (settings::EIA_KEY, "KEY")]
		{
			sp_io::offchain::local_storage_set(StorageKind::PERSISTENT, k, v.as_bytes());
		}
		System::set_block_number(1);
		pallet_timestamp::Now::<Test>::put(1_773_144_000_000);
	});
	Feeders::set(feeder.iter().cloned().collect());
	let identifier = sp_io::hashing::blake2_256(WELL_ID_TEXT.as_bytes());
	Registered::set(vec![dw(0, identifier, Commodity::Oil, Day::from_ymd(2025, 12, 1))]);
	(Env { ext, offchain: offchain_state, pool: pool_state }, feeder)
}

/// The settings `env` stores.
fn sim_settings() -> settings::Settings {
	settings::Settings {
		petrinex_url: SIM.into(),
		eia_url: SIM.into(),
		eia_key: "KEY".into(),
		..Default::default()
	}
}

fn today() -> Day {
	Day::from_ymd(2026, 3, 10).unwrap()
}

fn expect(state: &mut testing::OffchainState, uri: String, body: Vec<u8>) {
	state.expect_request(testing::PendingRequest {
		method: "GET".into(),
		uri,
		response: Some(body),
		sent: true,
		..Default::default()
	});
}

fn eia_body(cfg: &tn_feed_sim::SimConfig, uri: &str) -> Vec<u8> {
	let target = uri.strip_prefix(SIM).unwrap();
	tn_feed_sim::eia_json(cfg, target).expect("simulator answers").into_bytes()
}

/// Expect the two EIA requests of a run (WTI, Henry Hub), each answered with `body(uri)`.
fn expect_eia(st: &mut testing::OffchainState, body: impl Fn(&str) -> Vec<u8>) {
	let s = sim_settings();
	for (commodity, series) in [(Commodity::Oil, "RWTC"), (Commodity::Gas, "RNGWHHD")] {
		let uri = worker::eia_url(
			&s,
			commodity,
			series,
			worker::price_window_start(today()),
			today().minus(1),
		);
		let b = body(&uri);
		expect(st, uri, b);
	}
}

/// Expect the Petrinex requests of the polled months: January gets `jan_file`, the others a 404
/// page.
fn expect_petrinex(st: &mut testing::OffchainState, jan_file: &[u8]) {
	let s = sim_settings();
	for month in worker::months_to_poll(today()) {
		let body = if month == Month::new(2026, 1).unwrap() {
			jan_file.to_vec()
		} else {
			b"<html>404</html>".to_vec()
		};
		expect(st, worker::petrinex_url(&s, month), body);
	}
}

/// Expect the five requests of a full run: WTI, Henry Hub, Petrinex Feb, Jan, Dec.
fn expect_all(env: &Env, cfg: &tn_feed_sim::SimConfig, jan_file: Vec<u8>) {
	let mut st = env.offchain.write();
	expect_eia(&mut st, |uri| eia_body(cfg, uri));
	expect_petrinex(&mut st, &jan_file);
}

fn submitted(env: &Env) -> Vec<Vec<(FeedKey, FeedValue)>> {
	env.pool
		.read()
		.transactions
		.iter()
		.map(|tx| {
			let tx = Extrinsic::decode(&mut &tx[..]).unwrap();
			match tx.function {
				RuntimeCall::Oracle(pallet_oracle::Call::feed_values { values }) => {
					values.into_inner()
				},
				other => panic!("unexpected call {other:?}"),
			}
		})
		.collect()
}

#[test]
fn months_polled_from_the_fifth_of_the_next_month() {
	let m = |y, mo| Month::new(y, mo).unwrap();
	assert_eq!(
		worker::months_to_poll(Day::from_ymd(2026, 3, 10).unwrap()),
		vec![m(2026, 2), m(2026, 1), m(2025, 12)]
	);
	// On the 4th, last month is not polled yet.
	assert_eq!(
		worker::months_to_poll(Day::from_ymd(2026, 3, 4).unwrap()),
		vec![m(2026, 1), m(2025, 12)]
	);
	assert_eq!(
		worker::months_to_poll(Day::from_ymd(2026, 3, 5).unwrap()),
		vec![m(2026, 2), m(2026, 1), m(2025, 12)]
	);
}

#[test]
fn prices_are_fetched_back_to_the_lookback_before_the_oldest_polled_month() {
	let d = |y, m, dd| Day::from_ymd(y, m, dd).unwrap();
	// 2026-03-10 polls Dec, Jan, Feb: prices from 21 days before 2025-12-01 (the days that value
	// December's days without a price).
	assert_eq!(worker::price_window_start(d(2026, 3, 10)), d(2025, 11, 10));
	// Also on the 4th (the window does not depend on the 5th-of-month rule).
	assert_eq!(worker::price_window_start(d(2026, 3, 4)), d(2025, 11, 10));
	assert_eq!(worker::price_window_start(d(2026, 1, 1)), d(2025, 9, 10));
	// Longest window: 21 + three months of 92 days + 30 days, e.g. on 2027-01-31
	// (2026-09-10 ..= 2027-01-30) = 143 days; two series (≤ 286 values) take two feeds of 256.
	let today = d(2027, 1, 31);
	let start = worker::price_window_start(today);
	assert_eq!(start, d(2026, 9, 10));
	assert_eq!(today.minus(1).0 - start.0 + 1, 143);
}

#[test]
fn urls_are_exact() {
	let s = settings::Settings::default();
	assert_eq!(
		worker::petrinex_url(&s, Month::new(2026, 1).unwrap()),
		"https://www.petrinex.gov.ab.ca/publicdata/API/Files/AB/Vol/2026-01/CSV"
	);
	let u = worker::eia_url(
		&s,
		Commodity::Gas,
		"RNGWHHD",
		Day::from_ymd(2026, 2, 24).unwrap(),
		Day::from_ymd(2026, 3, 9).unwrap(),
	);
	assert_eq!(
		u,
		"https://api.eia.gov/v2/natural-gas/pri/fut/data/?frequency=daily&data%5B0%5D=value&facets%5Bseries%5D%5B%5D=RNGWHHD&start=2026-02-24&end=2026-03-09&sort%5B0%5D%5Bcolumn%5D=period&sort%5B0%5D%5Bdirection%5D=desc&api_key="
	);
}

#[test]
fn feeds_prices_and_official_production_in_one_signed_transaction() {
	let (mut env, feeder) = env(true);
	let cfg = sim();
	let jan = tn_feed_sim::petrinex_month_zip(&cfg, (2026, 1), 1);
	expect_all(&env, &cfg, jan.clone());
	env.ext.execute_with(|| Feeds::offchain_worker(1));
	let txs = submitted(&env);
	assert_eq!(txs.len(), 1, "one feed per block");
	let values = &txs[0];
	// Official January: 1234.567 m³ = 1,234,567 litres, with the file's hash and updated date.
	let jan_m = Month::new(2026, 1).unwrap();
	let (volume, provenance) = values
		.iter()
		.find_map(|(k, v)| match (k, v) {
			(FeedKey::Production(0, m), FeedValue::Production { volume, provenance })
				if *m == jan_m =>
			{
				Some((*volume, *provenance))
			},
			_ => None,
		})
		.expect("January production fed");
	assert_eq!(volume, 1_234_567);
	// The provenance is the hash of the well's own rows (M1), not of the whole file: a republish
	// for other wells changes nothing here (tn-ingest's row-hash tests).
	assert_ne!(provenance.file_hash, sp_io::hashing::blake2_256(&jan));
	assert_ne!(provenance.file_hash, sp_io::hashing::blake2_256(&[]));
	let updated = tn_feed_sim::file_updated_date(&cfg, (2026, 1), 1);
	assert_eq!(
		provenance.updated,
		Day::from_ymd(updated.year, updated.month, updated.day).unwrap()
	);
	// December and February answered garbage: nothing fed for them.
	assert!(!values
		.iter()
		.any(|(k, _)| matches!(k, FeedKey::Production(_, m) if *m != jan_m)));
	// Prices: exactly the simulator's published days in the window, in micro-USD.
	let expected_wti = tn_feed_sim::eia_prices(
		&cfg,
		"RWTC",
		date(worker::price_window_start(today())),
		date(today().minus(1)),
	);
	let fed_wti: Vec<_> = values
		.iter()
		.filter_map(|(k, v)| match (k, v) {
			(FeedKey::Price(Commodity::Oil, d), FeedValue::Price(p)) => Some((*d, *p)),
			_ => None,
		})
		.collect();
	assert!(!expected_wti.is_empty());
	assert_eq!(fed_wti.len(), expected_wti.len());
	for (d, cents) in expected_wti {
		let day = Day::from_ymd(d.year, d.month, d.day).unwrap();
		assert!(fed_wti.contains(&(day, (cents as i64) * 10_000)), "{day:?}");
	}
	assert!(values.iter().any(|(k, _)| matches!(k, FeedKey::Price(Commodity::Gas, _))));
	let _ = feeder;
}

fn date(d: Day) -> tn_feed_sim::Date {
	let (y, m, day) = d.to_ymd();
	tn_feed_sim::Date::new(y, m, day).unwrap()
}

#[test]
fn a_node_without_a_feeder_key_does_nothing() {
	let (mut env, _) = env(false);
	// No request is expected: any request would panic the test ext.
	env.ext.execute_with(|| Feeds::offchain_worker(1));
	assert!(submitted(&env).is_empty());
}

#[test]
fn truncated_and_garbage_bodies_feed_nothing() {
	let (mut env, _) = env(true);
	let cfg = sim();
	let jan = tn_feed_sim::petrinex_month_zip(&cfg, (2026, 1), 1);
	{
		let s = sim_settings();
		let mut st = env.offchain.write();
		expect_eia(&mut st, |_| b"{\"response\": garbage".to_vec());
		for month in worker::months_to_poll(today()) {
			let body = jan.get(..jan.len() / 2).unwrap().to_vec();
			expect(&mut st, worker::petrinex_url(&s, month), body);
		}
	}
	env.ext.execute_with(|| Feeds::offchain_worker(1));
	assert!(submitted(&env).is_empty());
}

#[test]
fn values_already_on_chain_or_in_flight_are_not_sent_again() {
	let (mut env, _) = env(true);
	let cfg = sim();
	let jan = tn_feed_sim::petrinex_month_zip(&cfg, (2026, 1), 1);
	expect_all(&env, &cfg, jan.clone());
	env.ext.execute_with(|| Feeds::offchain_worker(1));
	assert_eq!(submitted(&env).len(), 1);
	// Next block, intervals elapsed: the same data again is in flight → nothing new is sent.
	env.offchain.write().timestamp =
		sp_core::offchain::Timestamp::from_unix_millis(1_773_144_000_000 + 7 * 3_600_000);
	expect_all(&env, &cfg, jan);
	env.ext.execute_with(|| {
		System::set_block_number(2);
		Feeds::offchain_worker(2);
	});
	assert_eq!(submitted(&env).len(), 1);
}

#[test]
fn official_figures_depend_on_rows_and_on_activation_for_wells_without_rows() {
	let (mut env, _) = env(true);
	let cfg = sim();
	let jan_m = Month::new(2026, 1).unwrap();
	let jan = tn_feed_sim::petrinex_month_zip(&cfg, (2026, 1), 1);
	let s = sim_settings();
	expect(&mut env.offchain.write(), worker::petrinex_url(&s, jan_m), jan);
	let d = |y, m, dd| Day::from_ymd(y, m, dd);
	let with_rows = sp_io::hashing::blake2_256(WELL_ID_TEXT.as_bytes());
	let wells = vec![
		// Rows in the file, registered after January: its figure counts.
		dw(0, with_rows, Commodity::Oil, d(2026, 2, 15)),
		// No rows, active since December, at another battery: official production 0.
		DirectoryWell {
			facility: b"ABBT0000001".to_vec().try_into().unwrap(),
			..dw(1, [1; 32], Commodity::Oil, d(2025, 12, 1))
		},
		// No rows, active since December, at the simulated oil well's battery, which also reports
		// a confidential well's masked OIL rows: unknown, not 0.
		dw(5, [5; 32], Commodity::Oil, d(2025, 12, 1)),
		// No rows, activated after January: unknown, not fed.
		dw(2, [2; 32], Commodity::Oil, d(2026, 2, 1)),
		// No rows, never activated: not fed.
		dw(3, [3; 32], Commodity::Gas, None),
		// Registered before the regulator codes existed (empty codes): never fed.
		DirectoryWell {
			operator: Default::default(),
			facility: Default::default(),
			..dw(4, [4; 32], Commodity::Oil, d(2025, 1, 1))
		},
	];
	let deadline =
		|| sp_io::offchain::timestamp().add(sp_core::offchain::Duration::from_millis(60_000));
	let figures = env
		.ext
		.execute_with(|| worker::fetch_production(&s, jan_m, &wells, deadline()))
		.unwrap();
	let volumes: Vec<_> = figures.iter().map(|(w, v, _)| (*w, *v)).collect();
	assert_eq!(volumes, vec![(0, 1_234_567), (1, 0)]);
	// A well without rows: the hash of no rows; the one with rows: its own.
	assert_eq!(figures[1].2.file_hash, sp_io::hashing::blake2_256(&[]));
	assert_ne!(figures[0].2.file_hash, figures[1].2.file_hash);
}

/// Issue 25, H1 and H2: a month's rows are matched against the operator code in force that
/// month (a transfer's former owner's code for the months before it), and an audited month is
/// fed whatever the well's status; a month of another code, and an inactive well's month that
/// was never audited, are not.
#[test]
fn each_month_is_matched_against_its_own_operator_code_and_audited_months_are_fed_in_any_status() {
	let (mut env, _) = env(true);
	let cfg = sim();
	let jan_m = Month::new(2026, 1).unwrap();
	let s = sim_settings();
	let d = |y, m, dd| Day::from_ymd(y, m, dd);
	let id = sp_io::hashing::blake2_256(WELL_ID_TEXT.as_bytes());
	let code = |c: &[u8]| -> tn_primitives::OperatorCode { c.to_vec().try_into().unwrap() };
	let transferred = |until| DirectoryWell {
		operator: code(b"ZZ99"),
		former_operators: vec![(until, code(OPERATOR.as_bytes()))],
		// Back in review after the transfer (a new code): fed for its audited January only.
		active: false,
		audited: vec![jan_m],
		..dw(0, id, Commodity::Oil, d(2025, 12, 1))
	};
	let deadline =
		|| sp_io::offchain::timestamp().add(sp_core::offchain::Duration::from_millis(60_000));
	let mut fetch = |wells: Vec<DirectoryWell>| {
		let jan = tn_feed_sim::petrinex_month_zip(&cfg, (2026, 1), 1);
		expect(&mut env.offchain.write(), worker::petrinex_url(&s, jan_m), jan);
		env.ext
			.execute_with(|| worker::fetch_production(&s, jan_m, &wells, deadline()))
			.unwrap()
			.into_iter()
			.map(|(w, v, _)| (w, v))
			.collect::<Vec<_>>()
	};
	// Transferred on 1 March: January's rows carry the seller's code, which was in force then.
	assert_eq!(fetch(vec![transferred(d(2026, 3, 1).unwrap())]), vec![(0, 1_234_567)]);
	// Transferred on 15 January: both codes were in force in January, its rows count.
	assert_eq!(fetch(vec![transferred(d(2026, 1, 15).unwrap())]), vec![(0, 1_234_567)]);
	// The buyer's code since 31 December (before January): January's rows are another
	// operator's and the battery reports masked rows, so the month is unknown (no figure). Before
	// issue 25 every transfer was this case for the seller's months, wherever the well was.
	assert_eq!(fetch(vec![transferred(d(2025, 12, 31).unwrap())]), vec![]);
	// Inactive and January never audited: no figure at all.
	let unaudited = DirectoryWell { audited: vec![], ..transferred(d(2026, 3, 1).unwrap()) };
	assert_eq!(fetch(vec![unaudited]), vec![]);
	// The worker lists January among the older audited months once it left the recent three.
	let w = transferred(d(2026, 3, 1).unwrap());
	let may = d(2026, 5, 10).unwrap();
	assert_eq!(worker::older_audited_months(&[w.clone()], may), vec![jan_m]);
	assert!(worker::older_audited_months(&[w], d(2026, 2, 10).unwrap()).is_empty());
	let (m1, m2, m3) = (jan_m, Month::new(2026, 2).unwrap(), Month::new(2026, 3).unwrap());
	assert_eq!(worker::older_month_after(&[m1, m2, m3], None), Some(m1));
	assert_eq!(worker::older_month_after(&[m1, m2, m3], Some(m1)), Some(m2));
	assert_eq!(worker::older_month_after(&[m1, m2, m3], Some(m3)), Some(m1), "wraps around");
	assert_eq!(worker::older_month_after(&[], Some(m3)), None);
}

/// Issue 25, H2: the chain takes an audited month's figure whatever the well's status, inside
/// the amendment horizon (12 months here) only; an active well's months only for the last three.
#[test]
fn an_audited_month_s_figure_is_usable_inside_the_horizon_whatever_the_status() {
	let (mut env, _) = env(true);
	let jan_m = Month::new(2026, 1).unwrap();
	let value = FeedValue::Production {
		volume: 1,
		provenance: tn_primitives::feeds::Provenance {
			updated: Day::from_ymd(2026, 2, 10).unwrap(),
			file_hash: [0; 32],
		},
	};
	let key = FeedKey::Production(0, jan_m);
	env.ext.execute_with(|| {
		let usable =
			|today| Feeds::usable_key(Day::from_ymd(2026, today, 10).unwrap(), &key, &value);
		let dec = |y| Day::from_ymd(y, 12, 31).unwrap();
		// Active, never audited: only while January is one of the last three months.
		Registered::set(vec![dw(0, [0; 32], Commodity::Oil, Day::from_ymd(2025, 12, 1))]);
		assert!(usable(4));
		assert!(!usable(5));
		// Removed (inactive), January audited: until it leaves the horizon.
		Registered::set(vec![DirectoryWell {
			active: false,
			audited: vec![jan_m],
			..dw(0, [0; 32], Commodity::Oil, Day::from_ymd(2025, 12, 1))
		}]);
		assert!(usable(2));
		assert!(usable(12));
		assert!(Feeds::usable_key(dec(2026), &key, &value));
		let jan_2027 = Day::from_ymd(2027, 1, 31).unwrap();
		assert!(Feeds::usable_key(jan_2027, &key, &value), "12 months after January");
		assert!(!Feeds::usable_key(jan_2027.plus(1), &key, &value), "left the horizon");
		// Inactive and never audited: never.
		Registered::set(vec![DirectoryWell {
			active: false,
			..dw(0, [0; 32], Commodity::Oil, Day::from_ymd(2025, 12, 1))
		}]);
		assert!(!usable(2));
	});
}

#[test]
fn production_is_polled_as_soon_as_the_first_well_is_registered() {
	let (mut env, _) = env(true);
	let cfg = sim();
	Registered::set(vec![]);
	expect_prices(&env, &cfg);
	// No wells: prices only (any Petrinex request would fail the test).
	env.ext.execute_with(|| Feeds::offchain_worker(1));
	assert_eq!(submitted(&env).len(), 1);
	// A well is registered one block later, long before the production interval: polled now.
	let identifier = sp_io::hashing::blake2_256(WELL_ID_TEXT.as_bytes());
	Registered::set(vec![dw(0, identifier, Commodity::Oil, Day::from_ymd(2025, 12, 1))]);
	let jan = tn_feed_sim::petrinex_month_zip(&cfg, (2026, 1), 1);
	expect_petrinex(&mut env.offchain.write(), &jan);
	env.ext.execute_with(|| {
		System::set_block_number(2);
		Feeds::offchain_worker(2);
	});
	let txs = submitted(&env);
	assert_eq!(txs.len(), 2);
	let jan_m = Month::new(2026, 1).unwrap();
	assert!(txs[1].iter().any(|(k, _)| *k == FeedKey::Production(0, jan_m)));
}

/// Expect only the two EIA requests (prices due, production not).
fn expect_prices(env: &Env, cfg: &tn_feed_sim::SimConfig) {
	expect_eia(&mut env.offchain.write(), |uri| eia_body(cfg, uri));
}

fn set_offchain_time(env: &Env, ms: u64) {
	env.offchain.write().timestamp = sp_core::offchain::Timestamp::from_unix_millis(ms);
}

const T0: u64 = 1_773_144_000_000;
const HOUR: u64 = 3_600_000;

/// Hole 8: a data server that answers with an endless (here: over-long) body cannot make the
/// worker read it: past the cap (1 MiB for EIA JSON) the fetch fails, nothing of it is fed, and
/// the rest of the run (Petrinex) goes on.
#[test]
fn a_body_over_its_cap_is_refused_and_the_run_goes_on() {
	let (mut env, _) = env(true);
	let cfg = sim();
	let jan = tn_feed_sim::petrinex_month_zip(&cfg, (2026, 1), 1);
	{
		let mut st = env.offchain.write();
		// A valid start, then spaces without end: 1 MiB + 1 byte.
		expect_eia(&mut st, |_| {
			let mut body = b"{\"response\":{\"data\":[".to_vec();
			body.resize((1 << 20) + 1, b' ');
			body
		});
		expect_petrinex(&mut st, &jan);
	}
	env.ext.execute_with(|| Feeds::offchain_worker(1));
	let txs = submitted(&env);
	assert_eq!(txs.len(), 1);
	assert!(!txs[0].iter().any(|(k, _)| matches!(k, FeedKey::Price(..))), "no price fed");
	assert_eq!(txs[0].len(), 1, "January's official figure only");
}

/// Hole 8: a run holds the lock; a second run meanwhile does nothing (no request at all: the
/// test's HTTP mock would panic on one). A lock left by a run that died is taken over once both
/// its block and time deadlines passed.
#[test]
fn a_held_lock_keeps_a_second_run_out_and_a_stale_one_is_taken_over() {
	use sp_runtime::offchain::storage_lock::{BlockAndTime, StorageLock};
	let (mut env, _) = env(true);
	env.ext.execute_with(|| {
		let mut lock = StorageLock::<BlockAndTime<System>>::with_block_and_time_deadline(
			worker::LOCK,
			5,
			sp_core::offchain::Duration::from_millis(worker::LOCK_MS),
		);
		// A run that took the lock and died without releasing it.
		lock.try_lock().expect("free").forget();
		Feeds::offchain_worker(1);
	});
	assert!(submitted(&env).is_empty());
	// Still held one block later.
	env.ext.execute_with(|| {
		System::set_block_number(2);
		Feeds::offchain_worker(2);
	});
	assert!(submitted(&env).is_empty());
	// Both deadlines passed (5 blocks, LOCK_MS): the next run takes the lock over and feeds.
	let cfg = sim();
	let jan = tn_feed_sim::petrinex_month_zip(&cfg, (2026, 1), 1);
	set_offchain_time(&env, T0 + worker::LOCK_MS + 1);
	expect_all(&env, &cfg, jan);
	env.ext.execute_with(|| {
		System::set_block_number(7);
		Feeds::offchain_worker(7);
	});
	assert_eq!(submitted(&env).len(), 1);
}

/// Hole 8: a value that reached the chain but missed the quorum (no combined value) is sent
/// again once it is older than half the raw-value expiry, so the key does not silently expire;
/// a value with a combined value, or a younger one, is not.
#[test]
fn a_value_that_missed_the_quorum_is_sent_again_after_half_the_expiry() {
	let (mut env, feeder) = env(true);
	let feeder = feeder.unwrap();
	let cfg = sim();
	let jan = tn_feed_sim::petrinex_month_zip(&cfg, (2026, 1), 1);
	expect_all(&env, &cfg, jan.clone());
	env.ext.execute_with(|| Feeds::offchain_worker(1));
	let first = submitted(&env).remove(0);
	// The feed was included: our raw values are on chain; no key reached the quorum.
	let put_raw = |env: &mut Env, at: u64| {
		env.ext.execute_with(|| {
			for (k, v) in first.iter() {
				pallet_oracle::RawValues::<Test>::insert(
					&feeder,
					k,
					pallet_oracle::TimestampedValue { value: v.clone(), timestamp: at },
				);
			}
		})
	};
	put_raw(&mut env, T0);
	// 7 hours later (12 h is half the mock's 24 h expiry): everything fetched again, nothing
	// sent.
	set_offchain_time(&env, T0 + 7 * HOUR);
	expect_all(&env, &cfg, jan);
	env.ext.execute_with(|| {
		System::set_block_number(2);
		Feeds::offchain_worker(2);
	});
	assert_eq!(submitted(&env).len(), 1);
	// An hour later the prices are due again; their raw values are now 14 h old (as if fed 6 h
	// before T0). One price key did reach the quorum: it is not resent.
	put_raw(&mut env, T0 - 6 * HOUR);
	let (combined_key, combined_value) = first
		.iter()
		.find(|(k, _)| matches!(k, FeedKey::Price(..)))
		.cloned()
		.expect("a price");
	// Another price key has a combined value other than ours (colluders' value, C1): it is
	// resent like a key without one, so our value does not expire under theirs.
	let (lost_key, _) = first
		.iter()
		.filter(|(k, _)| matches!(k, FeedKey::Price(..)) && *k != combined_key)
		.last()
		.cloned()
		.expect("a second price");
	env.ext.execute_with(|| {
		pallet_oracle::Values::<Test>::insert(
			combined_key,
			pallet_oracle::TimestampedValue { value: combined_value, timestamp: T0 },
		);
		pallet_oracle::Values::<Test>::insert(
			lost_key,
			pallet_oracle::TimestampedValue {
				value: FeedValue::Price(7_000_000_000),
				timestamp: T0,
			},
		);
	});
	set_offchain_time(&env, T0 + 8 * HOUR);
	expect_prices(&env, &cfg);
	env.ext.execute_with(|| {
		System::set_block_number(3);
		Feeds::offchain_worker(3);
	});
	let txs = submitted(&env);
	assert_eq!(txs.len(), 2);
	let prices: Vec<_> = first
		.iter()
		.filter(|(k, _)| matches!(k, FeedKey::Price(..)) && *k != combined_key)
		.cloned()
		.collect();
	let mut resent = txs[1].clone();
	resent.sort();
	let mut expected = prices;
	expected.sort();
	assert!(expected.iter().any(|(k, _)| *k == lost_key));
	assert_eq!(resent, expected);
}

/// Issue 25 lows: one unusable key (a well no longer active, a price outside its range, a day
/// outside the window) is dropped from the feed, never the whole feed; official figures and
/// prices share a full feed's room half and half.
#[test]
fn unusable_keys_are_dropped_one_by_one_and_figures_share_the_room_with_prices() {
	let (mut env, _) = env(true);
	env.ext.execute_with(|| {
		let wells: Vec<_> = (0..150).map(|i| dw(i, [i as u8; 32], Commodity::Oil, None)).collect();
		Registered::set(wells);
		let (dec, jan) = (Month::new(2025, 12).unwrap(), Month::new(2026, 1).unwrap());
		let figure = |w: WellId, m: Month| {
			let provenance =
				tn_primitives::feeds::Provenance { updated: Day(1), file_hash: [0; 32] };
			(FeedKey::Production(w, m), FeedValue::Production { volume: 1, provenance })
		};
		let first = worker::price_window_start(today());
		let mut candidates: Vec<_> = (0..today().0 - first.0)
			.map(|i| (FeedKey::Price(Commodity::Oil, first.plus(i)), FeedValue::Price(70_000_000)))
			.collect();
		let prices = candidates.len();
		// 10 November 2025 (21 days before December, the oldest polled month) to 9 March 2026.
		assert_eq!(prices, 120);
		for w in 0..150 {
			candidates.extend([figure(w, dec), figure(w, jan)]);
		}
		// Unusable: an unregistered well, a price above WTI's $500 range, a day in the future.
		candidates.push(figure(999, jan));
		candidates.push((
			FeedKey::Price(Commodity::Gas, today().minus(1)),
			FeedValue::Price(100_000_001),
		));
		candidates.push((FeedKey::Price(Commodity::Oil, today().plus(1)), FeedValue::Price(1)));
		let flight = worker::InFlight::new();
		let out = worker::select::<Test>(candidates.clone(), today(), &flight, |_, _| true);
		let figures = out.iter().filter(|(k, _)| matches!(k, FeedKey::Production(..))).count();
		// 256 of room: the 120 prices all go (fewer than half), figures take the other 136.
		assert_eq!((out.len(), figures), (256, 136));
		assert!(!out.iter().any(|(k, _)| *k == FeedKey::Production(999, jan)));
		assert!(out
			.iter()
			.all(|(_, v)| *v != FeedValue::Price(100_000_001) && *v != FeedValue::Price(1)));
		// With more prices than half the room (a long back-fill), each kind gets 128.
		let more: Vec<_> = (0..200)
			.map(|i| {
				(
					FeedKey::Price(Commodity::Gas, first.plus(i % 89)),
					FeedValue::Price(3_000_000 + i as i64),
				)
			})
			.collect();
		let mut both = candidates;
		both.extend(more);
		let out = worker::select::<Test>(both, today(), &flight, |_, _| true);
		let figures = out.iter().filter(|(k, _)| matches!(k, FeedKey::Production(..))).count();
		assert_eq!((out.len(), figures), (256, 128));
	});
}
