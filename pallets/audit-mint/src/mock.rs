//! Test runtime for the audit-mint pallet: real pallet-assets, mocked producers/wells/oracle.

use crate as pallet_audit_mint;
use frame_support::{
	derive_impl, parameter_types,
	traits::{AsEnsureOriginWithArg, ConstU128},
	PalletId,
};
use frame_system::{EnsureRoot, EnsureSigned};
use sp_arithmetic::Perbill;
use sp_runtime::{BuildStorage, DispatchError, DispatchResult};
use std::collections::BTreeMap;
use tn_primitives::{
	feeds::Provenance,
	traits::{
		DepositSlasher, MonthForAudit, OfficialProduction, ProducerRegistry, RefundOutcome,
		SlashOutcome, WellLedger,
	},
	Commodity, Day, DeviationBands, Month, Volume, WellId,
};

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type Balance = u128;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Assets: pallet_assets,
		AuditMint: pallet_audit_mint,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type AccountStore = System;
	type ExistentialDeposit = ConstU128<1>;
}

#[derive_impl(pallet_assets::config_preludes::TestDefaultConfig)]
impl pallet_assets::Config for Test {
	type Balance = u128;
	type Currency = Balances;
	type CreateOrigin = AsEnsureOriginWithArg<EnsureSigned<AccountId>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type Freezer = ();
	type Holder = ();
	type AssetDeposit = ConstU128<1>;
	type AssetAccountDeposit = ConstU128<1>;
	type MetadataDepositBase = ConstU128<1>;
	type MetadataDepositPerByte = ConstU128<1>;
	type ApprovalDeposit = ConstU128<1>;
}

pub const TAT: u32 = 1;
pub const PRODUCER: AccountId = 1;
pub const OTHER: AccountId = 2;
pub const B1: AccountId = 31;
pub const WELL: WellId = 0;
/// Conversion in the mock: 1 native base unit per 10⁶ atto-USD (1 UNIT = 10¹² per USD).
pub const ATTO_PER_NATIVE: u128 = 1_000_000;

#[derive(Clone, Default)]
pub struct ProducerState {
	pub deposit: u128,
	pub debt: u128,
	pub suspended: bool,
}

parameter_types! {
	pub const AuditPalletId: PalletId = PalletId(*b"tn/audit");
	pub static ProducerStates: BTreeMap<AccountId, ProducerState> = BTreeMap::new();
	pub static Months: BTreeMap<(WellId, Month), MonthForAudit<AccountId>> = BTreeMap::new();
	pub static Closed: BTreeMap<(WellId, Month), bool> = BTreeMap::new();
	pub static OfficialFigures: BTreeMap<(WellId, Month), (Volume, Provenance)> = BTreeMap::new();
	/// Native units slashes went to (refunds come back from here).
	pub static SlashAccount: u128 = 0;
	pub static Ratio: Perbill = Perbill::from_percent(1);
	pub static Bands: DeviationBands = DeviationBands::DEFAULT;
	/// atto-USD per native base unit (the mock's `UnitsPerUsd`; [`ATTO_PER_NATIVE`] by default).
	pub static UsdRate: u128 = ATTO_PER_NATIVE;
	/// The mock's clock (ms since the Unix epoch): 2026-04-01 by default.
	pub static NowMs: u64 = DEFAULT_NOW_MS;
	pub static OverdueDays: u32 = 60;
	pub static Horizon: u32 = 12;
	/// Wells removed by governance.
	pub static RemovedWells: Vec<WellId> = Vec::new();
	/// The latest audited month noted per producer.
	pub static LastAudited: BTreeMap<AccountId, Month> = BTreeMap::new();
}

/// 2026-04-01 00:00 UTC.
pub const DEFAULT_NOW_MS: u64 = 1_775_001_600_000;

pub struct MockTime;
impl frame_support::traits::UnixTime for MockTime {
	fn now() -> core::time::Duration {
		core::time::Duration::from_millis(NowMs::get())
	}
}

/// Move the mock's clock to 00:00 UTC of `day`.
pub fn set_today(day: Day) {
	NowMs::set(u64::from(day.0) * 86_400_000);
}

pub struct MockProducers;
impl ProducerRegistry<AccountId> for MockProducers {
	fn ensure_active(who: &AccountId) -> DispatchResult {
		match ProducerStates::get().get(who) {
			None => Err(DispatchError::Other("NotProducer")),
			Some(p) if p.suspended => Err(DispatchError::Other("ProducerSuspended")),
			Some(_) => Ok(()),
		}
	}
	fn admitted_class(who: &AccountId) -> Option<u32> {
		ProducerStates::get().contains_key(who).then_some(0)
	}
	fn operates(who: &AccountId, _operator: &[u8]) -> bool {
		ProducerStates::get().contains_key(who)
	}
	fn ensure_can_mint(who: &AccountId) -> DispatchResult {
		Self::ensure_active(who)?;
		if ProducerStates::get().get(who).is_some_and(|p| p.debt > 0) {
			return Err(DispatchError::Other("ProducerInDebt"));
		}
		Ok(())
	}
}
impl DepositSlasher<AccountId, Balance> for MockProducers {
	fn usd_to_native(usd: u128) -> Balance {
		usd / UsdRate::get()
	}
	fn slash(who: &AccountId, _usd: u128, due: Balance) -> SlashOutcome<Balance> {
		let mut all = ProducerStates::get();
		let p = all.entry(*who).or_default();
		let slashed = due.min(p.deposit);
		p.deposit -= slashed;
		p.debt += due - slashed;
		ProducerStates::set(all);
		SlashAccount::set(SlashAccount::get() + slashed);
		SlashOutcome { due, slashed, new_debt: due - slashed }
	}
	fn refund(who: &AccountId, amount: Balance) -> RefundOutcome<Balance> {
		let mut all = ProducerStates::get();
		let p = all.entry(*who).or_default();
		let debt_cancelled = amount.min(p.debt);
		p.debt -= debt_cancelled;
		let returned = (amount - debt_cancelled).min(SlashAccount::get());
		SlashAccount::set(SlashAccount::get() - returned);
		p.deposit += returned;
		ProducerStates::set(all);
		RefundOutcome { debt_cancelled, returned, unpaid: amount - debt_cancelled - returned }
	}
	fn note_audited(who: &AccountId, month: Month) {
		let mut all = LastAudited::get();
		let e = all.entry(*who).or_insert(month);
		*e = (*e).max(month);
		LastAudited::set(all);
	}
}

pub struct MockWells;
impl WellLedger<AccountId> for MockWells {
	fn month_for_audit(
		who: Option<&AccountId>,
		well: WellId,
		month: Month,
	) -> Result<MonthForAudit<AccountId>, DispatchError> {
		if Closed::get().contains_key(&(well, month)) {
			return Err(DispatchError::Other("MonthAudited"));
		}
		let m = Months::get()
			.get(&(well, month))
			.cloned()
			.ok_or(DispatchError::Other("NothingUploaded"))?;
		if who.is_some_and(|w| *w != m.owner) {
			return Err(DispatchError::Other("NotOwner"));
		}
		Ok(m)
	}
	fn close_month(well: WellId, month: Month, minted: bool) {
		let mut c = Closed::get();
		c.insert((well, month), minted);
		Closed::set(c);
	}
	fn lapse_month(well: WellId, month: Month) {
		Self::close_month(well, month, false);
	}
	fn closed(well: WellId, month: Month) -> Option<bool> {
		Closed::get().get(&(well, month)).copied()
	}
	fn owner(well: WellId) -> Option<(AccountId, bool)> {
		let removed = RemovedWells::get().contains(&well);
		Months::get()
			.iter()
			.find(|((w, _), _)| *w == well)
			.map(|(_, m)| (m.owner, removed))
	}
	fn max_beneficiaries() -> u32 {
		<<Test as crate::Config>::MaxBeneficiaries as frame_support::traits::Get<u32>>::get()
	}
	fn month(well: WellId, month: Month) -> Option<(u8, Volume)> {
		Months::get().get(&(well, month)).map(|f| (f.days, f.volume))
	}
	fn months(well: WellId) -> Vec<(Month, u8, Volume)> {
		let mut v: Vec<_> = Months::get()
			.into_iter()
			.filter(|((w, _), _)| *w == well)
			.map(|((_, m), f)| (m, f.days, f.volume))
			.collect();
		v.sort_by_key(|(m, ..)| *m);
		v
	}
}

pub struct MockOfficial;
impl OfficialProduction for MockOfficial {
	fn official(well: WellId, month: Month) -> Option<(Volume, Provenance)> {
		OfficialFigures::get().get(&(well, month)).copied()
	}
}

pub fn provenance() -> Provenance {
	Provenance { updated: Day(20_500), file_hash: [5; 32] }
}

#[derive_impl(pallet_audit_mint::config_preludes::TestDefaultConfig)]
impl pallet_audit_mint::Config for Test {
	type Assets = Assets;
	type TatAssetId = frame_support::traits::ConstU32<TAT>;
	type PalletId = AuditPalletId;
	type NativeBalance = Balance;
	type Producers = MockProducers;
	type Wells = MockWells;
	type Official = MockOfficial;
	type SlashRatio = Ratio;
	type DeviationBands = Bands;
	type AuditOverdueDays = OverdueDays;
	type AmendmentHorizonMonths = Horizon;
	type UnixTime = MockTime;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarking::MockHelper;
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let issuer = AuditMint::account_id();
	pallet_assets::GenesisConfig::<Test> {
		assets: vec![(TAT, issuer, true, 1)],
		metadata: vec![(TAT, b"Treasurenet Asset Token".to_vec(), b"TAT".to_vec(), 18)],
		..Default::default()
	}
	.assimilate_storage(&mut t)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| {
		System::set_block_number(1);
		ProducerStates::set(BTreeMap::new());
		Months::set(BTreeMap::new());
		Closed::set(BTreeMap::new());
		OfficialFigures::set(BTreeMap::new());
		SlashAccount::set(0);
		Ratio::set(Perbill::from_percent(1));
		Bands::set(DeviationBands::DEFAULT);
		UsdRate::set(ATTO_PER_NATIVE);
		NowMs::set(DEFAULT_NOW_MS);
		OverdueDays::set(60);
		Horizon::set(12);
		RemovedWells::set(Vec::new());
		LastAudited::set(BTreeMap::new());
	});
	ext
}

/// Run `f` in a fresh externality, then check the pallet's invariants.
pub fn test<R>(f: impl FnOnce() -> R) -> R {
	new_test_ext().execute_with(|| {
		let r = f();
		AuditMint::do_try_state().expect("invariants hold");
		r
	})
}

/// A producer with `deposit` native units on hold.
pub fn producer(who: AccountId, deposit: u128) {
	let mut all = ProducerStates::get();
	all.insert(who, ProducerState { deposit, ..Default::default() });
	ProducerStates::set(all);
}

/// January 2026 of WELL with P, V and beneficiaries; O = `official`.
pub fn month(
	p: Volume,
	v: u128,
	official: Option<Volume>,
	beneficiaries: Vec<(AccountId, Perbill)>,
) -> Month {
	let jan = Month::new(2026, 1).unwrap();
	let mut m = Months::get();
	m.insert(
		(WELL, jan),
		MonthForAudit {
			owner: PRODUCER,
			commodity: Commodity::Oil,
			volume: p,
			value: v,
			days: 31,
			prices: vec![],
			beneficiaries,
		},
	);
	Months::set(m);
	if let Some(o) = official {
		let mut f = OfficialFigures::get();
		f.insert((WELL, jan), (o, provenance()));
		OfficialFigures::set(f);
	}
	jan
}

/// A new official figure for `well`'s `month` (a new source file, as an amendment), told to the
/// pallet as the runtime's oracle hook does.
pub fn amend(well: WellId, month: Month, volume: Volume) {
	let p = Provenance {
		updated: tn_primitives::Day(20_530),
		file_hash: [(volume % 251) as u8 + 1; 32],
	};
	let mut f = OfficialFigures::get();
	f.insert((well, month), (volume, p));
	OfficialFigures::set(f);
	AuditMint::note_official(well, month, volume, p);
}
