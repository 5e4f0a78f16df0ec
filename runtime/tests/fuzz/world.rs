//! The fuzzer's world: the participants' moves on the real runtime, and the invariants.

use super::truth::{earned, hash, PhysicalWell, Rng, Truth};
use super::{OPEN_FINDINGS_H2, OPEN_FINDINGS_M2, OPEN_FINDINGS_M5};
use crate::common::*;

use frame_support::traits::{
	dynamic_params::AggregatedKeyValue,
	fungible::{InspectHold, Mutate as _},
	Get,
};
use pallet_wells::{AnnualReview, MonthStatus, WellStatus};
use sp_arithmetic::{FixedU128, Perbill};
use sp_keyring::Sr25519Keyring as K;
use sp_runtime::{traits::Dispatchable, DispatchError};
use std::{
	cell::RefCell,
	collections::{BTreeMap, BTreeSet},
	fmt,
};
use tn_primitives::{
	feeds::{FeedKey, FeedValue, Provenance},
	Commodity, Day, DeviationBands, Month, OilQuality, PriceMicroUsd,
};
use treasurenet_runtime::{
	configs::TAT_ASSET_ID, dynamic_params as dp, AccountId, Assets, Balances, Runtime, RuntimeCall,
	RuntimeOrigin, RuntimeParameters, UNIT,
};

thread_local! {
	/// Where the run is, for the panic message: `TN_FUZZ_SEED` replays it.
	static CONTEXT: RefCell<Option<String>> = const { RefCell::new(None) };
}

fn install_panic_context() {
	static ONCE: std::sync::Once = std::sync::Once::new();
	ONCE.call_once(|| {
		let default = std::panic::take_hook();
		std::panic::set_hook(Box::new(move |info| {
			CONTEXT.with(|c| {
				if let Some(c) = c.borrow().as_ref() {
					eprintln!(
						"fuzz: {c} (replay: TN_FUZZ_SEED=<seed> with the same TN_FUZZ_STEPS)"
					);
				}
			});
			default(info)
		}));
	});
}

const GOOD: OilQuality = OilQuality { api_gravity_x100: 3_500, acidity_bp: 30 };
const MEDIUM: OilQuality = OilQuality { api_gravity_x100: 3_200, acidity_bp: 45 };
const POOR: OilQuality = OilQuality { api_gravity_x100: 3_000, acidity_bp: 60 };

/// A chain well: which physical well it is and when it was first activated.
#[derive(Clone, Debug)]
struct ChainWell {
	phys: usize,
	activated: Option<Day>,
}

#[derive(Clone)]
struct Producer {
	who: AccountId,
	honest: bool,
	/// Σ deposited − Σ claimed (what the honest producer must hold at the end).
	net_deposited: u128,
}

#[derive(Default)]
pub struct Report {
	seed: u64,
	steps: u64,
	days: u32,
	calls: BTreeMap<String, (u64, BTreeMap<String, u64>)>,
	records: usize,
	settled: usize,
	slashed_records: usize,
	minted: u128,
	/// Months audited overdue by the keeper (M2).
	overdue: u64,
	/// Months lapsed by the keeper (M3).
	lapsed: u64,
}

impl fmt::Display for Report {
	fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
		writeln!(
			f,
			"fuzz seed {}: {} steps, {} days, {} audit records ({} settled after an amendment, {} \
			 slashed, {} audited overdue), {} months lapsed, {} TAT minted",
			self.seed,
			self.steps,
			self.days,
			self.records,
			self.settled,
			self.slashed_records,
			self.overdue,
			self.lapsed,
			self.minted / tn_primitives::ONE_TAT
		)?;
		for (name, (ok, errs)) in &self.calls {
			let mut top: Vec<_> = errs.iter().collect();
			top.sort_by(|a, b| b.1.cmp(a.1));
			let top: Vec<String> = top.iter().take(4).map(|(e, n)| format!("{e} {n}")).collect();
			let failed: u64 = errs.values().sum();
			writeln!(f, "  {name:<34} {ok:>6} ok {failed:>6} failed  {}", top.join(", "))?;
		}
		Ok(())
	}
}

pub struct World {
	seed: u64,
	rng: Rng,
	truth: Truth,
	steps: u64,
	steps_total: u64,
	draining: bool,
	feeders: [AccountId; 4],
	bad_feeder: usize,
	producers: Vec<Producer>,
	holders: Vec<AccountId>,
	sink: AccountId,
	/// The physical wells' owners (index into `producers`), as their licences stand.
	owner_of: Vec<usize>,
	wells: BTreeMap<u32, ChainWell>,
	/// Physical wells to register again (by the producer index) on a day.
	reregister: Vec<(usize, Day)>,
	/// Governance reinstates these wells on these days.
	reinstate: Vec<(u32, Day)>,
	/// Wells an adversary winds down (no more uploads) to remove them, or to have governance
	/// transfer them to producer `Some(j)`, once no month of theirs is open.
	winding_down: BTreeMap<u32, Option<usize>>,
	/// The day each well-month's figure was first seen on chain.
	figure_seen: BTreeMap<(u32, Month), Day>,
	report: Report,
}

fn today() -> Day {
	Day::from_unix_millis(pallet_timestamp::Now::<Runtime>::get())
}

fn tat(who: &AccountId) -> u128 {
	Assets::balance(TAT_ASSET_ID, who)
}

fn error_name(e: &DispatchError) -> String {
	match e {
		DispatchError::Module(m) => m.message.unwrap_or("module").to_string(),
		other => format!("{other:?}"),
	}
}

fn official(well: u32, month: Month) -> Option<(u64, Provenance)> {
	match pallet_oracle::Values::<Runtime>::get(FeedKey::Production(well, month))?.value {
		FeedValue::Production { volume, provenance } => Some((volume, provenance)),
		_ => None,
	}
}

/// Root sets a rule parameter as a passed referendum would, within its bounds
/// (runtime/src/configs/governance.rs `bounds`): written where pallet-parameters keeps it.
fn set_rule(p: RuntimeParameters) {
	let (k, v) = p.into_parts();
	match v {
		Some(v) => pallet_parameters::Parameters::<Runtime>::insert(k, v),
		None => pallet_parameters::Parameters::<Runtime>::remove(k),
	}
}

impl World {
	fn new(seed: u64, steps_total: u64) -> Self {
		let start = Day::from_unix_millis(JAN_1_2026_MS);
		let producers: Vec<Producer> = [K::Eve, K::Ferdie, K::One, K::Two, K::DaveStash]
			.iter()
			.enumerate()
			.map(|(i, k)| Producer { who: k.to_account_id(), honest: i == 0, net_deposited: 0 })
			.collect();
		// (owner, commodity, quality, daily rate)
		let layout: [(usize, Commodity, Option<OilQuality>, u64); 7] = [
			(0, Commodity::Oil, Some(GOOD), 30_000),
			(0, Commodity::Gas, None, 120_000),
			(1, Commodity::Oil, Some(MEDIUM), 50_000),
			(2, Commodity::Oil, Some(POOR), 20_000),
			(2, Commodity::Gas, None, 80_000),
			(3, Commodity::Oil, Some(MEDIUM), 40_000),
			(4, Commodity::Oil, Some(POOR), 25_000),
		];
		let mut rng = Rng(hash(&[seed, 0]));
		let wells: Vec<PhysicalWell> = layout
			.iter()
			.enumerate()
			.map(|(i, (_, c, q, rate))| PhysicalWell {
				commodity: *c,
				quality: *q,
				identifier: [0x40 + i as u8; 32],
				rate: rate / 2 + rng.below(*rate),
			})
			.collect();
		// Enough days of prices for the run and its drain: a day takes about 12 steps.
		let days = (steps_total / 6 + 400) as u32;
		let origin = start.minus(160);
		let truth = Truth::new(seed, origin, days + 160, wells);
		World {
			seed,
			rng,
			truth,
			steps: 0,
			steps_total,
			draining: false,
			feeders: [alice(), bob(), charlie(), K::Dave.to_account_id()],
			bad_feeder: (hash(&[seed, 9]) % 4) as usize,
			producers,
			holders: vec![eve(), K::AliceStash.to_account_id(), K::BobStash.to_account_id()],
			sink: K::EveStash.to_account_id(),
			owner_of: layout.iter().map(|l| l.0).collect(),
			wells: BTreeMap::new(),
			reregister: vec![],
			reinstate: vec![],
			winding_down: BTreeMap::new(),
			figure_seen: BTreeMap::new(),
			report: Report { seed, ..Default::default() },
		}
	}

	fn context(&self) -> String {
		format!("seed {} step {} day {:?}", self.seed, self.steps, today().to_ymd())
	}

	/// Dispatch `call` as `who` (Root if `None`), through the call filter, counting a step.
	fn call(&mut self, who: Option<&AccountId>, call: RuntimeCall) -> Result<(), DispatchError> {
		use frame_support::traits::GetCallMetadata;
		self.steps += 1;
		let meta = call.get_call_metadata();
		let name = format!("{}.{}", meta.pallet_name, meta.function_name);
		let origin = match who {
			Some(a) => RuntimeOrigin::signed(a.clone()),
			None => RuntimeOrigin::root(),
		};
		let result = call.dispatch(origin).map(|_| ()).map_err(|e| e.error);
		let entry = self.report.calls.entry(name).or_default();
		match &result {
			Ok(()) => entry.0 += 1,
			Err(e) => *entry.1.entry(error_name(e)).or_default() += 1,
		}
		result
	}

	fn producer_index(&self, who: &AccountId) -> Option<usize> {
		self.producers.iter().position(|p| &p.who == who)
	}

	fn is_honest(&self, who: &AccountId) -> bool {
		self.producer_index(who).is_some_and(|i| self.producers[i].honest)
	}

	fn true_discount(&self, phys: usize) -> Perbill {
		let w = &self.truth.wells[phys];
		pallet_wells::Pallet::<Runtime>::discount_for(w.commodity, &w.quality)
	}

	// ---------------------------------------------------------------- setup

	fn setup(&mut self) {
		production_rule_parameters();
		// The `production` preset's two distinct Foundation Managers per review (M5).
		set_rule(RuntimeParameters::Wells(dp::wells::Parameters::WellApprovals(
			dp::wells::WellApprovals,
			Some(2),
		)));
		assert!(
			pallet_oracle_feeds::combine::quorum(0, 4) == 3,
			"the production quorum of 4 feeders is 3"
		);
		pallet_membership::Pallet::<Runtime, pallet_membership::Instance3>::reset_members(
			RuntimeOrigin::root(),
			self.feeders.to_vec(),
		)
		.expect("feeders");
		let mut funded: Vec<AccountId> = self.producers.iter().map(|p| p.who.clone()).collect();
		funded.extend(self.holders.clone());
		funded.push(self.sink.clone());
		for who in &funded {
			Balances::mint_into(who, 100_000_000 * UNIT).expect("funds");
		}
		for i in 0..self.producers.len() {
			let who = self.producers[i].who.clone();
			let kyb = [0x10 + i as u8; 32];
			let kyc = [0x20 + i as u8; 32];
			use pallet_producers::Call as P;
			let c = charlie();
			self.call(Some(&who), RuntimeCall::Producers(P::apply { asset_class: 0, kyb }))
				.expect("apply");
			self.call(
				Some(&c),
				RuntimeCall::Producers(P::judge_kyb {
					applicant: who.clone().into(),
					kyb,
					approve: true,
					operators: ops_of(&who),
				}),
			)
			.expect("kyb");
			self.call(Some(&who), RuntimeCall::Producers(P::submit_kyc { kyc }))
				.expect("kyc");
			self.call(
				Some(&c),
				RuntimeCall::Producers(P::judge_kyc {
					applicant: who.clone().into(),
					kyc,
					approve: true,
				}),
			)
			.expect("kyc judged");
			self.deposit(i, 30_000 * UNIT);
		}
		for phys in 0..self.truth.wells.len() {
			let owner = self.owner_of[phys];
			self.register(owner, phys, true);
		}
	}

	fn deposit(&mut self, i: usize, amount: u128) {
		let who = self.producers[i].who.clone();
		if self
			.call(Some(&who), RuntimeCall::Producers(pallet_producers::Call::deposit { amount }))
			.is_ok()
		{
			self.producers[i].net_deposited += amount;
		}
	}

	/// Producer `i` registers physical well `phys` (its true quality when `truthful`).
	fn register(&mut self, i: usize, phys: usize, truthful: bool) {
		let who = self.producers[i].who.clone();
		let w = self.truth.wells[phys].clone();
		let quality =
			if truthful || w.commodity == Commodity::Gas { w.quality } else { Some(GOOD) };
		let id = pallet_wells::NextWellId::<Runtime>::get();
		let docs = [self.rng.below(250) as u8; 32];
		let call = RuntimeCall::Wells(pallet_wells::Call::submit_well {
			asset_class: 0,
			commodity: w.commodity,
			identifier: w.identifier,
			docs,
			quality,
			operator: op_of(&who),
			facility: fac(),
		});
		if self.call(Some(&who), call).is_ok() {
			self.wells.insert(id, ChainWell { phys, activated: None });
		}
	}

	// ---------------------------------------------------------------- managers

	/// The Foundation Managers (two must pass the same content, as in `production`) pass a
	/// review only with the well's true quality — Bob anything of his second account's, with
	/// `OPEN_FINDINGS_M5`: Alice's refusal then rejects it.
	fn managers(&mut self) {
		let dave_stash = K::DaveStash.to_account_id();
		let wells: Vec<(u32, pallet_wells::WellOf<Runtime>)> =
			pallet_wells::WellRegistry::<Runtime>::iter().collect();
		for (id, well) in wells {
			let Some(cw) = self.wells.get(&id).cloned() else { continue };
			let truth_q = self.truth.wells[cw.phys].quality;
			let corrupt = OPEN_FINDINGS_M5 && well.owner == dave_stash;
			let order =
				if corrupt || self.rng.chance(50) { [bob(), alice()] } else { [alice(), bob()] };
			let pass_of = |reviewer: &AccountId, quality| {
				(corrupt && *reviewer == bob()) || quality == truth_q
			};
			if well.status == WellStatus::InReview && self.rng.chance(70) {
				for reviewer in &order {
					let still = pallet_wells::WellRegistry::<Runtime>::get(id)
						.is_some_and(|w| w.status == WellStatus::InReview);
					if !still {
						break;
					}
					let call = RuntimeCall::Wells(pallet_wells::Call::review_well {
						well: id,
						pass: pass_of(reviewer, well.quality),
						reason: Default::default(),
					});
					let _ = self.call(Some(reviewer), call);
				}
				let active = pallet_wells::WellRegistry::<Runtime>::get(id)
					.is_some_and(|w| w.status == WellStatus::Active);
				if active && cw.activated.is_none() {
					self.wells.get_mut(&id).expect("known").activated = Some(today());
				}
			}
			if let AnnualReview::Submitted { quality, .. } = well.annual_review {
				for reviewer in &order {
					let submitted = pallet_wells::WellRegistry::<Runtime>::get(id)
						.is_some_and(|w| matches!(w.annual_review, AnnualReview::Submitted { .. }));
					if !submitted {
						break;
					}
					let _ = self.call(
						Some(reviewer),
						RuntimeCall::Wells(pallet_wells::Call::judge_annual_review {
							well: id,
							pass: pass_of(reviewer, quality),
							reason: Default::default(),
						}),
					);
				}
			}
		}
	}

	/// Producer `i`'s wound-down wells: removed, or transferred by governance, as soon as no
	/// month of theirs is open (their last months minted by the owner or audited overdue).
	fn wind_down(&mut self, i: usize) {
		let who = self.producers[i].who.clone();
		let mine: Vec<(u32, Option<usize>)> = self
			.winding_down
			.iter()
			.filter(|(id, _)| {
				pallet_wells::WellRegistry::<Runtime>::get(**id).is_some_and(|w| w.owner == who)
			})
			.map(|(id, to)| (*id, *to))
			.collect();
		for (id, to) in mine {
			if pallet_wells::WellOpenMonths::<Runtime>::get(id) > 0 {
				continue;
			}
			let phys = self.wells[&id].phys;
			let done = match to {
				None => {
					let call =
						pallet_wells::Call::remove_well { well: id, reason: Default::default() };
					let ok = self.call(Some(&who), RuntimeCall::Wells(call)).is_ok();
					if ok {
						let when = today().plus(1 + self.rng.below(20) as u32);
						self.reregister.push((phys, when));
					}
					ok
				},
				Some(j) => {
					let to = self.producers[j].who.clone();
					let call = pallet_wells::Call::transfer_well {
						well: id,
						new_owner: to.clone().into(),
						operator: op_of(&to),
					};
					let ok = self.call(None, RuntimeCall::Wells(call)).is_ok();
					if ok {
						self.owner_of[phys] = j;
					}
					ok
				},
			};
			if done {
				self.winding_down.remove(&id);
			}
		}
	}

	// ---------------------------------------------------------------- the keeper

	/// Anyone (the Foundation's keeper, FerdieStash here, weekly) audits every overdue month without its
	/// producer and lapses every month that cannot be audited any more (M2, M3): the open
	/// months of removed wells, and those past the horizon without a usable figure.
	fn keeper(&mut self) {
		let keeper = K::FerdieStash.to_account_id();
		let today = today();
		// A weekly job (every day while draining).
		if today.0 % 7 != 0 && !self.draining {
			return;
		}
		let overdue = dp::audit::AuditOverdueDays::get();
		let horizon = dp::audit::AmendmentHorizonMonths::get();
		let open: Vec<(u32, Month)> = pallet_wells::Ledgers::<Runtime>::iter()
			.filter(|(_, _, l)| l.status == MonthStatus::Open)
			.map(|(id, m, _)| (id, m))
			.collect();
		for (id, m) in open {
			let removed = pallet_wells::WellRegistry::<Runtime>::get(id)
				.is_some_and(|w| matches!(w.status, WellStatus::Removed { .. }));
			let past = tn_primitives::horizon::past_horizon(m, today, horizon);
			if removed || past {
				let call = pallet_audit_mint::Call::lapse_month { well: id, month: m };
				if self.call(Some(&keeper), RuntimeCall::AuditMint(call)).is_ok() {
					self.report.lapsed += 1;
					continue;
				}
			}
			if !removed && today >= m.last_day().plus(overdue) && official(id, m).is_some() {
				let call = pallet_audit_mint::Call::audit_overdue { well: id, month: m };
				if self.call(Some(&keeper), RuntimeCall::AuditMint(call)).is_ok() {
					self.report.overdue += 1;
				}
			}
		}
	}

	// ---------------------------------------------------------------- feeders

	fn usable(&self, kv: &(FeedKey, FeedValue)) -> bool {
		pallet_oracle_feeds::Pallet::<Runtime>::usable_keys(today(), core::slice::from_ref(kv))
	}

	/// Whether feeder `f` sends `value` for `key` now, as the feeds worker decides: its on-chain
	/// raw value differs, or it is older than half the expiry while the key has no combined value.
	fn worker_sends(&self, f: usize, key: &FeedKey, value: &FeedValue) -> bool {
		match pallet_oracle::RawValues::<Runtime>::get(&self.feeders[f], key) {
			None => true,
			Some(raw) if raw.value != *value => true,
			Some(raw) => {
				let half = dp::oracle::ExpiresInMs::get() / 2;
				pallet_oracle::Values::<Runtime>::get(key).is_none_or(|c| c.value != *value)
					&& raw.timestamp + half <= pallet_timestamp::Now::<Runtime>::get()
			},
		}
	}

	fn honest_feed(&mut self, f: usize) {
		let today = today();
		let mut values: Vec<(FeedKey, FeedValue)> = vec![];
		let oldest = pallet_oracle_feeds::worker::oldest_polled_month(today);
		for (&id, cw) in &self.wells {
			let mut m = oldest;
			while m < today.month() {
				if let Some(p) = self.truth.figure_seen(cw.phys, m, today, f) {
					let kv = (
						FeedKey::Production(id, m),
						FeedValue::Production {
							volume: p.volume,
							provenance: Provenance { updated: p.day, file_hash: p.file_hash },
						},
					);
					if self.usable(&kv) && self.worker_sends(f, &kv.0, &kv.1) {
						values.push(kv);
					}
				}
				m = m.next();
			}
		}
		let first = pallet_oracle_feeds::worker::price_window_start(today);
		for d in first.0..today.0 {
			let d = Day(d);
			let late = (hash(&[self.seed, 7, f as u64, u64::from(d.0)]) % 2) as u32;
			if self.truth.published(d).plus(late) > today {
				continue;
			}
			for c in [Commodity::Oil, Commodity::Gas] {
				if let Some(p) = self.truth.price(c, d) {
					// A negative price is fed as it is (the chain's prices are signed).
					let kv = (FeedKey::Price(c, d), FeedValue::Price(p as PriceMicroUsd));
					if self.usable(&kv) && self.worker_sends(f, &kv.0, &kv.1) {
						values.push(kv);
					}
				}
			}
		}
		values.truncate(256);
		if !values.is_empty() {
			let who = self.feeders[f].clone();
			let call = RuntimeCall::Oracle(pallet_oracle::Call::feed_values {
				values: values.try_into().expect("≤ 256"),
			});
			let r = self.call(Some(&who), call);
			assert!(r.is_ok(), "an honest feed was refused: {r:?} ({})", self.context());
		}
	}

	/// The dishonest feeder reports anything the call filter lets through.
	fn bad_feed(&mut self) {
		if !self.rng.chance(60) {
			return;
		}
		let today = today();
		let mut values: Vec<(FeedKey, FeedValue)> = vec![];
		for _ in 0..self.rng.below(8) {
			let d = today.minus(1 + self.rng.below(100) as u32);
			let c = if self.rng.chance(50) { Commodity::Oil } else { Commodity::Gas };
			let t = self.truth.price(c, d).unwrap_or(50_000_000);
			let p: i64 = match self.rng.below(6) {
				0 => 0,
				1 => t * 3,
				2 => t / 2,
				3 => -t,
				4 => 999_000_000,
				_ => t + 1,
			};
			values.push((FeedKey::Price(c, d), FeedValue::Price(p as PriceMicroUsd)));
		}
		let ids: Vec<u32> = self.wells.keys().copied().collect();
		for _ in 0..self.rng.below(4) {
			let Some(id) = self.rng.pick(&ids) else { break };
			let m = today.month().prev();
			let m = if self.rng.chance(50) { m } else { m.prev() };
			let phys = self.wells[&id].phys;
			let p = pallet_wells::Ledgers::<Runtime>::get(id, m).map(|l| l.volume).unwrap_or(0);
			let pubs = self.truth.publications(phys, m);
			let volume = match self.rng.below(5) {
				0 => p,
				1 => 0,
				2 => pubs.first().map(|x| x.volume).unwrap_or(p),
				3 => self.truth.month_total(phys, m) * 3 / 2,
				_ => self.rng.below(10_000_000),
			};
			// Sometimes the honest provenance, so the report could count with theirs.
			let provenance = match pubs.first() {
				Some(x) if self.rng.chance(50) => {
					Provenance { updated: x.day, file_hash: x.file_hash }
				},
				_ => Provenance { updated: today, file_hash: [0xBA; 32] },
			};
			values.push((FeedKey::Production(id, m), FeedValue::Production { volume, provenance }));
		}
		values.retain(|kv| self.usable(kv));
		if !values.is_empty() {
			let who = self.feeders[self.bad_feeder].clone();
			let call = RuntimeCall::Oracle(pallet_oracle::Call::feed_values {
				values: values.try_into().expect("≤ 256"),
			});
			let _ = self.call(Some(&who), call);
		}
	}

	fn feeders(&mut self) {
		for f in 0..4 {
			if f == self.bad_feeder {
				self.bad_feed();
			} else {
				self.honest_feed(f);
			}
		}
	}

	// ---------------------------------------------------------------- producers

	fn owned_wells(&self, who: &AccountId) -> Vec<(u32, pallet_wells::WellOf<Runtime>)> {
		self.wells
			.keys()
			.filter_map(|id| pallet_wells::WellRegistry::<Runtime>::get(id).map(|w| (*id, w)))
			.filter(|(_, w)| &w.owner == who)
			.collect()
	}

	/// An adversary's volume for day `d` of chain well `id`: its plan for the month (a total of
	/// 0 … 5 × the truth, spread evenly, on the highest-priced days, randomly or front-loaded).
	fn planned_volume(&self, id: u32, d: Day) -> u64 {
		let cw = &self.wells[&id];
		let m = d.month();
		let h = hash(&[self.seed, 8, u64::from(id), u64::from(m.first_day().0)]);
		let factor: u64 =
			[0, 500, 900, 1000, 1000, 1050, 1100, 1200, 1350, 2000, 5000][(h % 11) as usize];
		let total = self.truth.month_total(cw.phys, m) * factor / 1000;
		let from = cw.activated.unwrap_or(d).max(m.first_day());
		let c = self.truth.wells[cw.phys].commodity;
		let price = |x: Day| self.truth.valuing_price(c, x).unwrap_or(0);
		let days: Vec<Day> = (from.0..=m.last_day().0).map(Day).collect();
		let mut sorted: Vec<i64> = days.iter().map(|x| price(*x)).collect();
		sorted.sort();
		let weight = |x: Day| -> u64 {
			match (h >> 8) % 5 {
				0 => 1,
				1 => u64::from(price(x) >= sorted[sorted.len() / 2]),
				2 => u64::from(price(x) >= sorted[sorted.len().saturating_sub(3)]),
				3 => hash(&[h, u64::from(x.0)]) % 10,
				_ => u64::from(x.0 < from.0 + 10),
			}
		};
		let sum: u64 = days.iter().map(|x| weight(*x)).sum();
		if sum == 0 || (h >> 16) % 100 < [0, 10, 50][((h >> 24) % 3) as usize] && d.0 % 3 == 0 {
			return 0;
		}
		(u128::from(total) * u128::from(weight(d)) / u128::from(sum))
			.min(u128::from(tn_primitives::MAX_DAILY_VOLUME)) as u64
	}

	/// Uploads of producer `i` today: each day of the last three not uploaded yet, the honest
	/// producer its true volume (mostly the next day), an adversary its plan's (any of the days).
	fn uploads(&mut self, i: usize) {
		let who = self.producers[i].who.clone();
		let honest = self.producers[i].honest;
		let today = today();
		for (id, well) in self.owned_wells(&who) {
			if well.status != WellStatus::Active || self.winding_down.contains_key(&id) {
				continue;
			}
			let cw = self.wells[&id].clone();
			let Some(act) = cw.activated else { continue };
			let mut records = vec![];
			for back in (1..=3u32).rev() {
				let d = today.minus(back);
				if d < act || pallet_wells::DayRecords::<Runtime>::contains_key(id, d) {
					continue;
				}
				let lag = 1 + (hash(&[self.seed, 10, u64::from(id), u64::from(d.0)]) % 3) as u32;
				let now = if honest { back == 3 || self.rng.chance(85) } else { back == lag };
				if !now {
					continue;
				}
				let v =
					if honest { self.truth.daily(cw.phys, d) } else { self.planned_volume(id, d) };
				records.push((id, d, v));
			}
			if records.is_empty() {
				continue;
			}
			let call = if records.len() == 1 {
				let (well, day, volume) = records[0];
				RuntimeCall::Wells(pallet_wells::Call::upload_production { well, day, volume })
			} else {
				RuntimeCall::Wells(pallet_wells::Call::upload_batch {
					records: records.try_into().expect("≤ 3"),
				})
			};
			let _ = self.call(Some(&who), call);
		}
	}

	/// Mints of producer `i`: its open months with an official figure, when its timing says.
	fn mints(&mut self, i: usize) {
		let who = self.producers[i].who.clone();
		let honest = self.producers[i].honest;
		let today = today();
		for (id, _) in self.owned_wells(&who) {
			let months: Vec<Month> = pallet_wells::Pallet::<Runtime>::months_of(id)
				.into_iter()
				.filter(|(m, l)| l.status == MonthStatus::Open && *m < today.month())
				.map(|(m, _)| m)
				.collect();
			for m in months {
				let Some((o, _)) = official(id, m) else { continue };
				let seen = *self.figure_seen.entry((id, m)).or_insert(today);
				let h = hash(&[self.seed, 11, u64::from(id), u64::from(m.first_day().0)]);
				let delay = if honest || self.draining {
					(h % 6) as u32
				} else {
					[0, 0, 1, 3, 10, 30, 60][(h % 7) as usize]
				};
				if OPEN_FINDINGS_M2 && !honest && o == 0 && (h >> 8) % 2 == 0 {
					continue; // never minted (M2)
				}
				if today < seen.plus(delay) {
					continue;
				}
				let r = self.call(
					Some(&who),
					RuntimeCall::AuditMint(pallet_audit_mint::Call::mint { well: id, month: m }),
				);
				if let Err(e) = r {
					let name = error_name(&e);
					if name.contains("Deposit") || name.contains("Debt") {
						// A rational producer tops up to mint.
						let debt = pallet_producers::ProducerRecords::<Runtime>::get(&who)
							.map(|p| p.debt)
							.unwrap_or(0);
						self.deposit(i, debt + 20_000 * UNIT);
					}
				}
			}
		}
	}

	/// Annual reviews of producer `i`'s wells (an adversary sometimes claims a better quality).
	fn annual_reviews(&mut self, i: usize) {
		let who = self.producers[i].who.clone();
		let honest = self.producers[i].honest;
		for (id, well) in self.owned_wells(&who) {
			if !matches!(well.annual_review, AnnualReview::Open | AnnualReview::Rejected { .. }) {
				continue;
			}
			let phys = self.wells[&id].phys;
			let truthful = honest || self.draining || self.rng.chance(70);
			let w = &self.truth.wells[phys];
			let quality =
				if truthful || w.commodity == Commodity::Gas { w.quality } else { Some(GOOD) };
			let _ = self.call(
				Some(&who),
				RuntimeCall::Wells(pallet_wells::Call::submit_annual_review {
					well: id,
					docs: [7; 32],
					quality,
				}),
			);
		}
	}

	/// Whether an audited month of `id` still awaits its final figure (H2: leaving the active
	/// state now would escape it).
	fn amendment_pending(&self, id: u32) -> bool {
		let phys = self.wells[&id].phys;
		pallet_audit_mint::AuditRecords::<Runtime>::iter_prefix(id).any(|(m, r)| {
			pallet_audit_mint::Unsettled::<Runtime>::contains_key(id, m)
				|| self.truth.final_figure(phys, m).is_some_and(|p| {
					// M1: only a change of volume is an amendment (a new file with the same
					// volume leaves the record's provenance as audited).
					p.volume != r.official_volume
				})
		})
	}

	/// The honest producer keeps its deposit above what minting and its open months need.
	fn honest_deposit(&mut self, i: usize) {
		let who = self.producers[i].who.clone();
		let Some(p) = pallet_producers::ProducerRecords::<Runtime>::get(&who) else { return };
		let need = pallet_producers::Pallet::<Runtime>::minimum_deposit(&who, &p.status)
			+ dp::producers::MinDepositPerWell::get() * 2;
		if p.deposit < need {
			self.deposit(i, need - p.deposit + 10_000 * UNIT);
		}
	}

	/// A rejected well is resubmitted with its true quality (every day while draining).
	fn fix_rejected(&mut self, i: usize) {
		let who = self.producers[i].who.clone();
		for (id, well) in self.owned_wells(&who) {
			if !matches!(well.status, WellStatus::Rejected { .. })
				|| !(self.draining || self.rng.chance(20))
			{
				continue;
			}
			let quality = self.truth.wells[self.wells[&id].phys].quality;
			let _ = self.call(
				Some(&who),
				RuntimeCall::Wells(pallet_wells::Call::edit_well {
					well: id,
					docs: [9; 32],
					quality,
					operator: op_of(&who),
					facility: fac(),
				}),
			);
		}
	}

	/// One adversary's free moves of the day.
	fn adversary_moves(&mut self, i: usize) {
		let who = self.producers[i].who.clone();
		let wells = self.owned_wells(&who);
		let pick = if wells.is_empty() { None } else { Some(self.rng.below(wells.len() as u64)) };
		if let Some((id, status)) =
			pick.map(|k| (wells[k as usize].0, wells[k as usize].1.status.clone()))
		{
			let phys = self.wells[&id].phys;
			let gated = !OPEN_FINDINGS_H2 && self.amendment_pending(id);
			if self.rng.permille(15) && !gated {
				// An edit (true or false quality): back to review.
				let w = &self.truth.wells[phys];
				let quality = if self.rng.chance(60) || w.commodity == Commodity::Gas {
					w.quality
				} else {
					Some(GOOD)
				};
				let docs = [self.rng.below(250) as u8; 32];
				let _ = self.call(
					Some(&who),
					RuntimeCall::Wells(pallet_wells::Call::edit_well {
						well: id,
						docs,
						quality,
						operator: op_of(&who),
						facility: fac(),
					}),
				);
			}
			if self.rng.permille(8) && !gated {
				let r = self.call(
					Some(&who),
					RuntimeCall::Wells(pallet_wells::Call::remove_well {
						well: id,
						reason: Default::default(),
					}),
				);
				if r.is_ok() {
					let when = today().plus(1 + self.rng.below(20) as u32);
					self.reregister.push((phys, when));
				} else if r.is_err_and(|e| error_name(&e).contains("WellHasOpenMonths")) {
					self.winding_down.insert(id, None);
				}
			}
			if self.rng.permille(10) {
				let mut b: Vec<(AccountId, Perbill)> = vec![];
				for h in self.holders.clone().into_iter().skip(1) {
					if self.rng.chance(50) {
						b.push((h, Perbill::from_percent(5 + self.rng.below(30) as u32)));
					}
				}
				if self.rng.chance(30) {
					b.push((self.sink.clone(), Perbill::from_percent(10)));
				}
				let _ = self.call(
					Some(&who),
					RuntimeCall::Wells(pallet_wells::Call::set_beneficiaries {
						well: id,
						beneficiaries: b.try_into().expect("few"),
					}),
				);
			}
			if self.rng.permille(5) && !gated && !matches!(status, WellStatus::Removed { .. }) {
				// A licence transfer to another adversary, by governance.
				let others: Vec<usize> = (1..self.producers.len()).filter(|j| *j != i).collect();
				let j = self.rng.pick(&others).expect("adversaries");
				let to = self.producers[j].who.clone();
				let r = self.call(
					None,
					RuntimeCall::Wells(pallet_wells::Call::transfer_well {
						well: id,
						new_owner: to.clone().into(),
						operator: op_of(&to),
					}),
				);
				if r.is_ok() {
					self.owner_of[phys] = j;
				} else if r.is_err_and(|e| error_name(&e).contains("WellHasOpenMonths")) {
					self.winding_down.insert(id, Some(j));
				}
			}
		}
		self.wind_down(i);
		use pallet_producers::Call as P;
		if self.rng.permille(20) {
			let held = deposit_held(&who);
			let amount = held / 100 * (10 + self.rng.below(80)) as u128;
			let _ = self.call(Some(&who), RuntimeCall::Producers(P::withdraw { amount }));
		}
		if self.rng.permille(30) {
			if self.call(Some(&who), RuntimeCall::Producers(P::claim_unbonded {})).is_ok() {
				// What was claimed left the deposit (the honest producer never withdraws).
			}
		}
		if self.rng.permille(20) {
			self.deposit(i, 10_000 * UNIT);
		}
		if self.rng.permille(20) {
			let bal = tat(&who);
			if bal > 0 {
				let amount = if self.rng.chance(50) { bal } else { bal / 2 };
				let sink = self.sink.clone();
				let _ = self.call(
					Some(&who),
					RuntimeCall::Assets(pallet_assets::Call::transfer {
						id: TAT_ASSET_ID.into(),
						target: sink.into(),
						amount,
					}),
				);
			}
		}
		if self.rng.permille(10) {
			// Minting a month too early, not its own, or again.
			let ids: Vec<u32> = self.wells.keys().copied().collect();
			if let Some(id) = self.rng.pick(&ids) {
				let m = today().month().minus_months(self.rng.below(4) as u32);
				let _ = self.call(
					Some(&who),
					RuntimeCall::AuditMint(pallet_audit_mint::Call::mint { well: id, month: m }),
				);
			}
		}
		// Re-registrations due (the same identifier; a false quality sometimes).
		let due: Vec<usize> = self
			.reregister
			.iter()
			.filter(|(phys, when)| *when <= today() && self.owner_of[*phys] == i)
			.map(|(phys, _)| *phys)
			.collect();
		for phys in due {
			self.reregister.retain(|(p, _)| *p != phys);
			let truthful = self.rng.chance(70);
			self.register(i, phys, truthful);
		}
	}

	// ---------------------------------------------------------------- governance

	fn governance(&mut self) {
		let today = today();
		let due: Vec<u32> = self
			.reinstate
			.iter()
			.filter(|(_, d)| *d <= today || self.draining)
			.map(|x| x.0)
			.collect();
		self.reinstate.retain(|(_, d)| *d > today && !self.draining);
		for id in due {
			let _ = self
				.call(None, RuntimeCall::Wells(pallet_wells::Call::reinstate_well { well: id }));
		}
		if self.draining {
			return;
		}
		if self.rng.permille(5) {
			let ids: Vec<u32> = self
				.wells
				.keys()
				.copied()
				.filter(|id| {
					pallet_wells::WellRegistry::<Runtime>::get(id)
						.is_some_and(|w| !self.is_honest(&w.owner))
				})
				.collect();
			if let Some(id) = self.rng.pick(&ids) {
				if OPEN_FINDINGS_H2 || !self.amendment_pending(id) {
					let r = self.call(
						None,
						RuntimeCall::Wells(pallet_wells::Call::suspend_well {
							well: id,
							reason: Default::default(),
						}),
					);
					if r.is_ok() {
						self.reinstate.push((id, today.plus(1 + self.rng.below(20) as u32)));
					}
				}
			}
		}
		if self.rng.permille(8) {
			// A rule parameter within its bounds.
			let p = match self.rng.below(5) {
				0 => RuntimeParameters::Audit(dp::audit::Parameters::SlashRatio(
					dp::audit::SlashRatio,
					Some(Perbill::from_parts(1_000_000 + self.rng.below(99_000_000) as u32)),
				)),
				1 => {
					let minor = 1 + self.rng.below(20) as u32;
					let major = minor + self.rng.below(51 - u64::from(minor)) as u32;
					RuntimeParameters::Audit(dp::audit::Parameters::DeviationBands(
						dp::audit::DeviationBands,
						DeviationBands::new(
							Perbill::from_percent(minor),
							Perbill::from_percent(major),
						),
					))
				},
				2 => RuntimeParameters::Producers(dp::producers::Parameters::MinDepositPerWell(
					dp::producers::MinDepositPerWell,
					Some((1_000 + self.rng.below(9_000)) as u128 * UNIT),
				)),
				3 => RuntimeParameters::Producers(dp::producers::Parameters::UnitsPerUsd(
					dp::producers::UnitsPerUsd,
					Some(FixedU128::from_rational(50 + self.rng.below(150) as u128, 100)),
				)),
				_ => RuntimeParameters::Wells(dp::wells::Parameters::UploadGraceDays(
					dp::wells::UploadGraceDays,
					Some(1 + self.rng.below(3) as u32),
				)),
			};
			set_rule(p);
		}
	}

	// ---------------------------------------------------------------- the day

	fn day(&mut self) {
		self.managers();
		self.feeders();
		for i in 0..self.producers.len() {
			if self.producers[i].honest {
				if !self.draining {
					self.uploads(i);
				}
				self.honest_deposit(i);
				self.mints(i);
				self.annual_reviews(i);
			} else {
				if !self.draining {
					self.uploads(i);
					self.adversary_moves(i);
				} else {
					let debt =
						pallet_producers::ProducerRecords::<Runtime>::get(&self.producers[i].who)
							.map(|p| p.debt)
							.unwrap_or(0);
					if debt > 0 {
						self.deposit(i, debt + 20_000 * UNIT);
					}
				}
				self.fix_rejected(i);
				self.mints(i);
				self.annual_reviews(i);
			}
		}
		self.governance();
		self.keeper();
		self.check();
		self.steps += 1;
		self.report.days += 1;
		// `next_block_after` runs no `on_idle`: the block's idle time settles amendments here.
		{
			use frame_support::traits::OnIdle;
			treasurenet_runtime::AllPalletsWithSystem::on_idle(
				treasurenet_runtime::System::block_number(),
				frame_support::weights::Weight::from_parts(500_000_000_000, 5 * 1024 * 1024),
			);
		}
		next_block_after(DAY_MS);
	}

	// ---------------------------------------------------------------- invariants

	fn check(&mut self) {
		check_invariants();
		let mut parts: BTreeMap<AccountId, u128> = BTreeMap::new();
		for (id, m, r) in pallet_audit_mint::AuditRecords::<Runtime>::iter() {
			// Every slash due is taken or recorded as debt.
			let first_due = r.settlement.as_ref().map(|s| s.first_slash_due).unwrap_or(r.slash_due);
			assert_eq!(
				r.slashed + r.new_debt,
				first_due,
				"well {id} {m:?}: slash due {first_due} but {} slashed + {} debt ({})",
				r.slashed,
				r.new_debt,
				self.context()
			);
			*parts.entry(r.producer.clone()).or_default() += r.producer_share;
			for (b, a) in &r.beneficiaries {
				*parts.entry(b.clone()).or_default() += a;
			}
			let cw = self.wells.get(&id).expect("a well of the fuzzer").clone();
			let Some(fin) = self.truth.final_figure(cw.phys, m) else { continue };
			let is_final = r.official_volume == fin.volume
				&& !pallet_audit_mint::Unsettled::<Runtime>::contains_key(id, m);
			if is_final {
				self.check_earned(id, m, &cw, &r);
			}
		}
		for h in &self.holders {
			let want = parts.get(h).copied().unwrap_or(0);
			assert_eq!(
				tat(h),
				want,
				"honest holder {h:?} holds {} TAT but its parts in the audit records are {want} ({})",
				tat(h),
				self.context()
			);
		}
	}

	fn check_earned(
		&self,
		id: u32,
		m: Month,
		cw: &ChainWell,
		r: &pallet_audit_mint::AuditRecordOf<Runtime>,
	) {
		let activated = cw.activated.expect("a minted well was activated");
		let records = pallet_wells::Pallet::<Runtime>::records_in(id, m);
		let discount = self.true_discount(cw.phys);
		let e = earned(&self.truth, cw.phys, activated, m, &records, r.official_volume, discount);
		let minted = r.outcome.minted;
		assert!(
			minted <= e.earned + e.tolerance,
			"well {id} {m:?}: minted {minted} > truly earned {} (+{} rounding): P {} O {} V {} \
			 ({})",
			e.earned,
			e.tolerance,
			r.producer_volume,
			r.official_volume,
			r.value,
			self.context()
		);
		if self.is_honest(&r.producer) {
			assert_eq!(
				(r.outcome.slash, r.slash_due),
				(0, 0),
				"honest producer slashed on well {id} {m:?} ({})",
				self.context()
			);
			assert!(
				minted.abs_diff(e.honest) <= e.tolerance,
				"honest producer's well {id} {m:?}: minted {minted}, earned {} (±{}): P {} O {} \
				 ({})",
				e.honest,
				e.tolerance,
				r.producer_volume,
				r.official_volume,
				self.context()
			);
		}
	}

	/// After the drain: every record final, the honest producer whole, no month left open.
	fn final_check(&mut self) {
		for (id, m, r) in pallet_audit_mint::AuditRecords::<Runtime>::iter() {
			self.report.records += 1;
			self.report.minted += r.outcome.minted;
			if r.settlement.is_some() {
				self.report.settled += 1;
			}
			if r.slash_due > 0 {
				self.report.slashed_records += 1;
			}
			let cw = self.wells[&id].clone();
			let Some(fin) = self.truth.final_figure(cw.phys, m) else { continue };
			let status = pallet_wells::WellRegistry::<Runtime>::get(id).map(|w| w.status);
			let settle = if r.official_volume != fin.volume {
				// Anyone may settle at once: why did on_idle not?
				Some(frame_support::storage::with_storage_layer(|| {
					pallet_audit_mint::Pallet::<Runtime>::settle(
						RuntimeOrigin::signed(bob()),
						id,
						m,
					)
					.map(|_| ())
					.map_err(|e| e.error)
					.and(Err::<(), _>(DispatchError::Other("rolled back")))
				}))
			} else {
				None
			};
			assert!(
				r.official_volume == fin.volume
					&& !pallet_audit_mint::Unsettled::<Runtime>::contains_key(id, m),
				"well {id} {m:?} (now {status:?}) audited on {} L, final figure {} L never \
				 settled; combined now {:?}, amended {:?}, settlements {:?}, final published {:?}, settle now: {settle:?} \
				 ({})",
				r.official_volume,
				fin.volume,
				official(id, m),
				r.amended,
				r.settlement.as_ref().map(|s| s.count),
				fin.day.to_ymd(),
				self.context()
			);
		}
		for p in self.producers.clone() {
			if !p.honest {
				continue;
			}
			let rec = pallet_producers::ProducerRecords::<Runtime>::get(&p.who).expect("producer");
			assert_eq!(rec.debt, 0, "the honest producer has debt ({})", self.context());
			assert_eq!(
				deposit_held(&p.who),
				p.net_deposited,
				"the honest producer's deposit is not whole ({})",
				self.context()
			);
		}
		let today = today();
		// The negative WTI day counts negative on chain (H3: no dodging it as "no price").
		let neg = self.truth.negative_day;
		if neg < today {
			use tn_primitives::traits::PriceFeed;
			let on_chain = treasurenet_runtime::configs::OraclePrices::price(Commodity::Oil, neg);
			assert_eq!(
				on_chain,
				Some(super::truth::NEGATIVE_WTI),
				"the negative WTI day {:?} is not on chain as negative ({})",
				neg.to_ymd(),
				self.context()
			);
		}
		for (id, m, l) in pallet_wells::Ledgers::<Runtime>::iter() {
			let Some(w) = pallet_wells::WellRegistry::<Runtime>::get(id) else { continue };
			if l.status != MonthStatus::Open {
				continue;
			}
			assert!(
				!matches!(w.status, WellStatus::Removed { .. }),
				"well {id} {m:?} removed with the month open and never lapsed ({})",
				self.context()
			);
			let phys = self.wells[&id].phys;
			if self.truth.final_figure(phys, m).is_none() {
				// Confidential (M3): open only while its figure may still come.
				let horizon = dp::audit::AmendmentHorizonMonths::get();
				assert!(
					!tn_primitives::horizon::past_horizon(m, today, horizon),
					"well {id} {m:?} without a figure left the horizon and never lapsed ({})",
					self.context()
				);
				continue;
			}
			assert!(
				m.next().next().next().next() > today.month(),
				"well {id} {m:?} ({:?}) uploaded and never audited, its figure in since months \
				 ({})",
				w.status,
				self.context()
			);
		}
	}
}

trait MinusMonths {
	fn minus_months(self, n: u32) -> Month;
}
impl MinusMonths for Month {
	fn minus_months(self, n: u32) -> Month {
		(0..n).fold(self, |m, _| m.prev())
	}
}

/// Run `steps` steps from `seed`, then 150 days of drain, then the final checks.
pub fn run(seed: u64, steps: u64) -> Report {
	install_panic_context();
	let mut ext = dev_ext(JAN_1_2026_MS);
	let mut world = World::new(seed, steps);
	ext.execute_with(|| {
		world.setup();
		next_block_after(DAY_MS);
	});
	let mut day = 0u32;
	while world.steps < world.steps_total {
		ext.execute_with(|| {
			CONTEXT.with(|c| *c.borrow_mut() = Some(world.context()));
			world.day();
		});
		day += 1;
		if day % 64 == 0 {
			ext.commit_all().expect("commit");
		}
	}
	world.draining = true;
	for _ in 0..150 {
		ext.execute_with(|| {
			CONTEXT.with(|c| *c.borrow_mut() = Some(format!("drain: {}", world.context())));
			world.day();
		});
	}
	ext.execute_with(|| {
		CONTEXT.with(|c| *c.borrow_mut() = Some(format!("final: {}", world.context())));
		world.final_check();
	});
	CONTEXT.with(|c| *c.borrow_mut() = None);
	world.report.steps = world.steps;
	std::mem::take(&mut world.report)
}

/// Unused in the run: the set of holders, for the findings' tests.
#[allow(dead_code)]
pub fn holders() -> BTreeSet<AccountId> {
	[eve(), K::AliceStash.to_account_id(), K::BobStash.to_account_id()]
		.into_iter()
		.collect()
}

#[allow(dead_code)]
fn held(who: &AccountId) -> u128 {
	Balances::balance_on_hold(
		&treasurenet_runtime::RuntimeHoldReason::Producers(
			pallet_producers::HoldReason::ProducerDeposit,
		),
		who,
	)
}
