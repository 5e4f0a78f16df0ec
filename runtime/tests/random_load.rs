//! Random load over the whole runtime (issue 9, item 3).
//!
//! A seeded generator drives the real runtime (dev genesis) with every call of our pallets —
//! producers, wells, audit-mint — plus pallet-oracle's `feed_values`, pallet-parameters'
//! `set_parameter`, the three role memberships and balance transfers, from random signed,
//! Root and unsigned origins, with random and boundary arguments, over random block and time
//! advances that cross day, month and year boundaries (several years per run).
//!
//! Every call goes through SCALE encoding and decoding first, as an extrinsic would (so the
//! parameters' decode-time validation and the bounds apply), then is dispatched with its origin.
//! Checked at every step:
//! - no panic;
//! - a failed call returns a *named* error (a pallet error with its name, `BadOrigin`, a token
//!   or arithmetic error — never `Other`, `Corruption` or `Unavailable`) and leaves the state
//!   exactly as it was (same storage root);
//! - after every block: every pallet's `try_state` invariants and the cross-pallet ones
//!   ([`crate::common::check_invariants`]).
//!
//! The run is reproducible from its seed. Short run (10,000 calls, in the test command):
//! `. scripts/env.sh && tn_test --test integration random_load:: -- --nocapture` (the workspace's one cargo
//! selection, so nothing is rebuilt). Long run (README, "Long runs"): the same with
//! `TN_FUZZ_CALLS=100000` and any `TN_FUZZ_SEED=<n>`; `--nocapture` prints the outcome table.

use crate::common::*;

use codec::{Decode, Encode};
use frame_support::{dispatch::GetDispatchInfo, traits::GetCallMetadata};
use sp_arithmetic::{FixedU128, Perbill};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{traits::Dispatchable, DispatchError, StateVersion};
use std::collections::BTreeMap;
use tn_primitives::{
	feeds::{FeedKey, FeedValue, Provenance},
	Commodity, Day, DeviationBands, DiscountRules, Month, OilQuality, MAX_DAILY_VOLUME,
};
use treasurenet_runtime::{
	configs::dynamic_params::{audit, oracle, producers, wells},
	AccountId, Runtime, RuntimeCall, RuntimeOrigin, RuntimeParameters, UNIT,
};

/// 2026-11-20: the first year boundary comes after a few hundred calls.
const START_MS: u64 = 1_795_132_800_000;
/// Days a run spans, whatever its length: enough for annual reviews (day 360, +365) to recur.
const SPAN_DAYS: u64 = 1_200;

/// splitmix64: small, fast and the same everywhere.
struct Rng(u64);
impl Rng {
	fn next(&mut self) -> u64 {
		self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
		let mut z = self.0;
		z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
		z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
		z ^ (z >> 31)
	}
	fn below(&mut self, n: u64) -> u64 {
		if n == 0 {
			0
		} else {
			self.next() % n
		}
	}
	fn chance(&mut self, percent: u64) -> bool {
		self.below(100) < percent
	}
	fn pick<T: Clone>(&mut self, v: &[T]) -> Option<T> {
		if v.is_empty() {
			None
		} else {
			v.get(self.below(v.len() as u64) as usize).cloned()
		}
	}
	fn bytes32(&mut self) -> [u8; 32] {
		let mut b = [0u8; 32];
		for chunk in b.chunks_mut(8) {
			chunk.copy_from_slice(&self.next().to_le_bytes());
		}
		b
	}
	/// One of `boundaries` (half the time) or a random value below `max`.
	fn boundary_or(&mut self, boundaries: &[u64], max: u64) -> u64 {
		self.boundary_or_pct(50, boundaries, max)
	}
	/// One of `boundaries` (`percent` % of the time) or a random value below `max`.
	fn boundary_or_pct(&mut self, percent: u64, boundaries: &[u64], max: u64) -> u64 {
		if self.chance(percent) {
			self.pick(boundaries).unwrap_or(0)
		} else {
			self.below(max)
		}
	}
}

#[derive(Clone, Debug)]
enum Who {
	Root,
	Unsigned,
	Signed(AccountId),
}

impl Who {
	fn origin(&self) -> RuntimeOrigin {
		match self {
			Who::Root => RuntimeOrigin::root(),
			Who::Unsigned => RuntimeOrigin::none(),
			Who::Signed(a) => RuntimeOrigin::signed(a.clone()),
		}
	}
}

#[derive(Default)]
struct Stats {
	/// (pallet, call) → (successes, failures by error).
	calls: BTreeMap<(String, String), (u64, BTreeMap<String, u64>)>,
	undecodable: u64,
	blocks: u64,
	mints_with_tat: u64,
}

struct Fuzz {
	rng: Rng,
	accounts: Vec<AccountId>,
	stats: Stats,
	calls_done: u64,
	calls_total: u64,
	/// Probability scale of day jumps, so that a run spans about `SPAN_DAYS`.
	jump_percent: u64,
}

fn today() -> Day {
	Day::from_unix_millis(pallet_timestamp::Now::<Runtime>::get())
}

fn short_text(rng: &mut Rng) -> pallet_wells::ShortText {
	let len = rng.boundary_or(&[0, 1, 128], 129) as usize;
	vec![b'x'; len].try_into().expect("≤ 128")
}

fn reason(rng: &mut Rng) -> pallet_producers::Reason {
	let len = rng.boundary_or(&[0, 128], 129) as usize;
	vec![b'r'; len].try_into().expect("≤ 128")
}

impl Fuzz {
	fn new(seed: u64, calls_total: u64) -> Self {
		use Sr25519Keyring::*;
		let accounts = [Alice, Bob, Charlie, Dave, Eve, Ferdie, AliceStash, BobStash, One]
			.iter()
			.map(|k| k.to_account_id())
			.collect();
		// Blocks hold 1..=20 calls (10.5 on average); a block jumps a day (or more) with
		// `jump_percent` %, each jump being ≈ 5 days on average (1 day, to a month's end, or
		// 2..=11 days).
		let blocks = calls_total / 10 + 1;
		let jump_percent = (SPAN_DAYS * 100 / (blocks * 5)).clamp(1, 100);
		Fuzz {
			rng: Rng(seed),
			accounts,
			stats: Stats::default(),
			calls_done: 0,
			calls_total,
			jump_percent,
		}
	}

	fn any_account(&mut self) -> AccountId {
		self.rng.pick(&self.accounts).expect("accounts")
	}

	/// `likely` most of the time, otherwise any origin at all.
	fn origin(&mut self, likely: Who) -> Who {
		if self.rng.chance(80) {
			return likely;
		}
		match self.rng.below(10) {
			0 => Who::Root,
			1 => Who::Unsigned,
			_ => Who::Signed(self.any_account()),
		}
	}

	fn wells(&self) -> Vec<(u32, pallet_wells::WellOf<Runtime>)> {
		pallet_wells::WellRegistry::<Runtime>::iter().collect()
	}

	/// An existing well id (mostly), or a random or boundary one.
	fn well_id(&mut self) -> u32 {
		let ids: Vec<u32> = pallet_wells::WellRegistry::<Runtime>::iter_keys().collect();
		if self.rng.chance(90) {
			if let Some(id) = self.rng.pick(&ids) {
				return id;
			}
		}
		self.rng.boundary_or(&[0, ids.len() as u64, u32::MAX as u64], 64) as u32
	}

	/// A well in the state `f` asks for (mostly), or any id.
	fn well_where(&mut self, f: impl Fn(&pallet_wells::WellOf<Runtime>) -> bool) -> u32 {
		let ids: Vec<u32> =
			self.wells().into_iter().filter(|(_, w)| f(w)).map(|(id, _)| id).collect();
		match self.rng.pick(&ids) {
			Some(id) if self.rng.chance(90) => id,
			_ => self.well_id(),
		}
	}

	/// An asset class's commodities: mostly valid, sometimes empty or repeated.
	fn commodities(&mut self) -> pallet_wells::Commodities {
		let list = match self.rng.below(10) {
			0 => vec![],
			1 => vec![Commodity::Gas, Commodity::Gas],
			2 => vec![Commodity::Oil],
			3 => vec![Commodity::Gas],
			_ => vec![Commodity::Oil, Commodity::Gas],
		};
		list.try_into().expect("≤ 2")
	}

	fn source(&mut self) -> tn_primitives::OfficialSource {
		if self.rng.chance(70) {
			tn_primitives::OfficialSource::Petrinex
		} else {
			tn_primitives::OfficialSource::None
		}
	}

	/// A well without open months (what removal by its owner and transfers need), mostly.
	fn well_without_open_months(&mut self) -> u32 {
		let ids: Vec<u32> = self
			.wells()
			.into_iter()
			.filter(|(id, w)| {
				pallet_wells::WellOpenMonths::<Runtime>::get(id) == 0
					&& !matches!(w.status, pallet_wells::WellStatus::Removed { .. })
			})
			.map(|(id, _)| id)
			.collect();
		match self.rng.pick(&ids) {
			Some(id) if self.rng.chance(90) => id,
			_ => self.well_id(),
		}
	}

	/// A producer other than `owner` admitted for `class`, mostly.
	fn other_producer_of(&mut self, owner: Option<AccountId>, class: Option<u32>) -> AccountId {
		let ps: Vec<AccountId> = pallet_producers::ProducerRecords::<Runtime>::iter()
			.filter(|(who, p)| Some(who) != owner.as_ref() && Some(p.asset_class) == class)
			.map(|(who, _)| who)
			.collect();
		match self.rng.pick(&ps) {
			Some(p) if self.rng.chance(90) => p,
			_ => self.producer(),
		}
	}

	fn owner_of(&mut self, id: u32) -> Who {
		match pallet_wells::WellRegistry::<Runtime>::get(id) {
			Some(w) => Who::Signed(w.owner),
			None => Who::Signed(self.any_account()),
		}
	}

	fn applicant(&mut self) -> Option<(AccountId, pallet_producers::Application<u128>)> {
		let apps: Vec<_> = pallet_producers::Applications::<Runtime>::iter().collect();
		self.rng.pick(&apps)
	}

	/// An applicant (mostly, when there is one) or any account.
	fn applicant_or_any(&mut self) -> AccountId {
		self.applicant().map(|(a, _)| a).unwrap_or_else(|| self.any_account())
	}

	fn producer(&mut self) -> AccountId {
		let ps: Vec<AccountId> =
			pallet_producers::ProducerRecords::<Runtime>::iter_keys().collect();
		match self.rng.pick(&ps) {
			Some(p) if self.rng.chance(90) => p,
			_ => self.any_account(),
		}
	}

	fn member_of<I: 'static>(&mut self) -> Who
	where
		Runtime: pallet_membership::Config<I>,
	{
		let members = pallet_membership::Members::<Runtime, I>::get().into_inner();
		match self.rng.pick(&members) {
			Some(m) => Who::Signed(m),
			None => Who::Signed(self.any_account()),
		}
	}

	/// A class producers and wells can join: a Live one mostly, else any id.
	fn asset_class(&mut self) -> u32 {
		let live: Vec<u32> = pallet_wells::AssetClasses::<Runtime>::iter()
			.filter(|(_, c)| c.status == pallet_wells::AssetClassStatus::Live)
			.map(|(id, _)| id)
			.collect();
		match self.rng.pick(&live) {
			Some(id) if self.rng.chance(90) => id,
			_ => self.rng.boundary_or(&[0, 1, u32::MAX as u64], 8) as u32,
		}
	}

	fn amount(&mut self) -> u128 {
		match self.rng.below(8) {
			0 => 0,
			1 => 1,
			2 => u128::MAX,
			3 => 1_000_000 * UNIT,
			4 => 10 * UNIT,
			_ => u128::from(self.rng.below(200)) * UNIT + u128::from(self.rng.below(UNIT as u64)),
		}
	}

	fn quality(&mut self) -> Option<OilQuality> {
		if self.rng.chance(10) {
			return None;
		}
		Some(OilQuality {
			api_gravity_x100: self
				.rng
				.boundary_or(&[0, 3_110, 3_111, 10_000, 10_001, u32::MAX as u64], 6_000)
				as u32,
			acidity_bp: self.rng.boundary_or(&[0, 49, 50, 10_000, 10_001, u32::MAX as u64], 200)
				as u32,
		})
	}

	/// Quality as the well's owner would send it (oil: mostly some, gas: mostly none).
	fn quality_for(&mut self, id: u32) -> Option<OilQuality> {
		let oil = pallet_wells::WellRegistry::<Runtime>::get(id)
			.is_none_or(|w| w.commodity == Commodity::Oil);
		match (oil, self.rng.chance(90)) {
			(true, _) => self.quality(),
			(false, true) => None,
			(false, false) => self.quality(),
		}
	}

	/// A day near today (boundaries of the upload window and of months included).
	fn day(&mut self) -> Day {
		let t = today();
		match self.rng.below(10) {
			0 => t,
			1 => t.minus(365),
			2 => t.minus(366),
			3 => t.month().prev().first_day(),
			4 => t.month().prev().last_day(),
			5 => Day(self.rng.boundary_or(&[0, u32::MAX as u64], u32::MAX as u64) as u32),
			_ => t.minus(1 + self.rng.below(40) as u32),
		}
	}

	fn month(&mut self, well: u32) -> Month {
		let months: Vec<Month> =
			pallet_wells::Ledgers::<Runtime>::iter_prefix(well).map(|(m, _)| m).collect();
		if self.rng.chance(85) {
			if let Some(m) = self.rng.pick(&months) {
				return m;
			}
		}
		match self.rng.below(3) {
			0 => today().month(),
			1 => today().month().prev(),
			_ => Month::new(2026 + self.rng.below(4) as u16, 1 + self.rng.below(12) as u8)
				.expect("valid"),
		}
	}

	/// The next step of an open application, by the party who takes it (mostly).
	fn application_step(
		&mut self,
		applicant: AccountId,
		app: pallet_producers::Application<u128>,
	) -> (pallet_producers::Call<Runtime>, Who) {
		use pallet_producers::{Call, Stage};
		let approve = self.rng.chance(90);
		let right = self.rng.chance(90);
		match app.stage {
			Stage::AwaitingKybJudgement { kyb } => {
				let kyb = if right { kyb } else { self.rng.bytes32() };
				(
					Call::judge_kyb {
						operators: ops_of(&applicant),
						applicant: applicant.into(),
						kyb,
						approve,
					},
					self.member_of::<pallet_membership::Instance2>(),
				)
			},
			Stage::AwaitingKyc { .. } => {
				(Call::submit_kyc { kyc: self.rng.bytes32() }, Who::Signed(applicant))
			},
			Stage::AwaitingKycJudgement { kyc, .. } => {
				let kyc = if right { kyc } else { self.rng.bytes32() };
				(
					Call::judge_kyc { applicant: applicant.into(), kyc, approve },
					self.member_of::<pallet_membership::Instance2>(),
				)
			},
		}
	}

	fn producers_call(&mut self) -> (RuntimeCall, Who) {
		use pallet_producers::Call;
		let (call, who) = match self.rng.below(40) {
			0..=15 => match self.applicant() {
				Some((a, app)) => self.application_step(a, app),
				None => {
					let class = self.asset_class();
					(
						Call::apply { asset_class: class, kyb: self.rng.bytes32() },
						Who::Signed(self.any_account()),
					)
				},
			},
			16..=19 => {
				let class = self.asset_class();
				(
					Call::apply { asset_class: class, kyb: self.rng.bytes32() },
					Who::Signed(self.any_account()),
				)
			},
			20 | 21 => {
				let who = self.applicant_or_any();
				(Call::submit_kyb { kyb: self.rng.bytes32() }, Who::Signed(who))
			},
			22 | 23 => {
				let who = self.applicant_or_any();
				(Call::submit_kyc { kyc: self.rng.bytes32() }, Who::Signed(who))
			},
			24 | 25 => {
				let who = self.applicant_or_any();
				(Call::cancel_application {}, Who::Signed(who))
			},
			26..=31 => {
				// Often exactly what repays the debt (minting waits for it) plus a little.
				let p = self.producer();
				let debt = pallet_producers::ProducerRecords::<Runtime>::get(&p)
					.map(|r| r.debt)
					.unwrap_or(0);
				let amount = if debt > 0 && self.rng.chance(60) {
					debt.saturating_add(UNIT)
				} else {
					self.amount()
				};
				(Call::deposit { amount }, Who::Signed(p))
			},
			32..=36 => {
				let p = self.producer();
				let deposit = pallet_producers::ProducerRecords::<Runtime>::get(&p)
					.map(|r| r.deposit)
					.unwrap_or(0);
				let amount = match self.rng.below(4) {
					0 => deposit,
					1 => deposit.saturating_add(1),
					_ => self.amount(),
				};
				let c = if self.rng.chance(30) {
					Call::claim_unbonded {}
				} else {
					Call::withdraw { amount }
				};
				(c, Who::Signed(p))
			},
			_ => {
				// Governance over producers; revocation (final) is rare so producers remain.
				let producer = self.producer();
				let c = match self.rng.below(100) {
					0 => Call::revoke { producer: producer.into(), reason: reason(&mut self.rng) },
					1..=30 => {
						Call::suspend { producer: producer.into(), reason: reason(&mut self.rng) }
					},
					_ => {
						let suspended: Vec<AccountId> =
							pallet_producers::ProducerRecords::<Runtime>::iter()
								.filter(|(_, p)| {
									matches!(
										p.status,
										pallet_producers::ProducerStatus::Suspended { .. }
									)
								})
								.map(|(a, _)| a)
								.collect();
						let producer = self.rng.pick(&suspended).unwrap_or(producer);
						Call::reinstate { producer: producer.into() }
					},
				};
				(c, Who::Root)
			},
		};
		let who = self.origin(who);
		(RuntimeCall::Producers(call), who)
	}

	fn wells_call(&mut self) -> (RuntimeCall, Who) {
		use pallet_wells::{AnnualReview, AssetClassStatus, Call, Maintainer, WellStatus};
		let foundation = self.member_of::<pallet_membership::Instance1>();
		let (call, who) = match self.rng.below(24) {
			0 | 1 => {
				let p = self.producer();
				let commodity = if self.rng.chance(60) { Commodity::Oil } else { Commodity::Gas };
				let taken: Vec<[u8; 32]> =
					self.wells().into_iter().map(|(_, w)| w.identifier).collect();
				let identifier = match self.rng.pick(&taken) {
					Some(id) if self.rng.chance(10) => id,
					_ => self.rng.bytes32(),
				};
				// Mostly the producer's admitted class (another is `NotAdmittedForClass`).
				let admitted =
					pallet_producers::ProducerRecords::<Runtime>::get(&p).map(|r| r.asset_class);
				let class = match admitted {
					Some(c) if self.rng.chance(85) => c,
					_ => self.asset_class(),
				};
				let quality = if commodity == Commodity::Oil { self.quality() } else { None };
				(
					Call::submit_well {
						asset_class: class,
						commodity,
						identifier,
						docs: self.rng.bytes32(),
						quality,
						// Now and then a code the producer's KYB did not record (`NotOperator`).
						operator: if self.rng.chance(5) {
							b"ZZZZ".to_vec().try_into().expect("short")
						} else {
							op_of(&p)
						},
						facility: fac(),
					},
					Who::Signed(p),
				)
			},
			2 => {
				let id = self.well_id();
				let q = self.quality_for(id);
				let operator = pallet_wells::WellRegistry::<Runtime>::get(id)
					.map(|w| op_of(&w.owner))
					.unwrap_or_else(op);
				(
					Call::edit_well {
						well: id,
						docs: self.rng.bytes32(),
						quality: q,
						operator,
						facility: fac(),
					},
					self.owner_of(id),
				)
			},
			3 | 4 => {
				let id = self.well_where(|w| w.status == WellStatus::InReview);
				let pass = self.rng.chance(85);
				(
					Call::review_well { well: id, pass, reason: short_text(&mut self.rng) },
					foundation,
				)
			},
			5 => {
				let id = self.well_id();
				let n = self.rng.boundary_or(&[0, 1, 9], 10) as usize;
				let list: Vec<(AccountId, Perbill)> = (0..n)
					.map(|_| {
						let share = Perbill::from_parts(
							self.rng.boundary_or(&[0, 1, 100_000_000, 1_000_000_000], 300_000_000)
								as u32,
						);
						(self.any_account(), share)
					})
					.collect();
				(
					Call::set_beneficiaries {
						well: id,
						beneficiaries: list.try_into().expect("≤ 9"),
					},
					self.owner_of(id),
				)
			},
			6 => {
				let id = self.well_id();
				let share = Perbill::from_parts(
					self.rng.boundary_or(&[0, 1_000_000_000], 1_000_000_001) as u32,
				);
				(
					Call::set_beneficiary_share {
						well: id,
						beneficiary: self.any_account().into(),
						share,
					},
					self.owner_of(id),
				)
			},
			7 => {
				let id = self.well_where(|w| {
					matches!(w.annual_review, AnnualReview::Open | AnnualReview::Rejected { .. })
				});
				let q = self.quality_for(id);
				(
					Call::submit_annual_review { well: id, docs: self.rng.bytes32(), quality: q },
					self.owner_of(id),
				)
			},
			8 => {
				let id =
					self.well_where(|w| matches!(w.annual_review, AnnualReview::Submitted { .. }));
				let pass = self.rng.chance(85);
				(
					Call::judge_annual_review { well: id, pass, reason: short_text(&mut self.rng) },
					foundation,
				)
			},
			9 => match self.rng.below(20) {
				0..=5 => {
					let id = self.well_id();
					(Call::suspend_well { well: id, reason: short_text(&mut self.rng) }, Who::Root)
				},
				6..=13 => {
					let id = self.well_where(|w| matches!(w.status, WellStatus::Suspended { .. }));
					(Call::reinstate_well { well: id }, Who::Root)
				},
				14..=16 => {
					// The owner removes a well (mostly a rejected one); rarely governance.
					let id = if self.rng.chance(50) {
						self.well_where(|w| matches!(w.status, WellStatus::Rejected { .. }))
					} else {
						self.well_without_open_months()
					};
					let who = if self.rng.chance(80) { self.owner_of(id) } else { Who::Root };
					(Call::remove_well { well: id, reason: short_text(&mut self.rng) }, who)
				},
				_ => {
					let id = self.well_without_open_months();
					let well = pallet_wells::WellRegistry::<Runtime>::get(id);
					let to = self.other_producer_of(
						well.as_ref().map(|w| w.owner.clone()),
						well.as_ref().map(|w| w.asset_class),
					);
					let operator = op_of(&to);
					(Call::transfer_well { well: id, new_owner: to.into(), operator }, Who::Root)
				},
			},
			10..=13 => {
				let id = self.well_where(|w| w.status == WellStatus::Active);
				// Realistic days (up to 200 m³) mostly; the bounds of the rule sometimes.
				let volume = self.rng.boundary_or_pct(
					15,
					&[0, 1, MAX_DAILY_VOLUME, MAX_DAILY_VOLUME + 1, u64::MAX],
					200_000,
				);
				(Call::upload_production { well: id, day: self.day(), volume }, self.owner_of(id))
			},
			14..=19 => {
				// Consecutive days of one well (the usual batch), sometimes of several wells,
				// rarely the largest batch.
				let id = self.well_where(|w| w.status == WellStatus::Active);
				let n = match self.rng.below(40) {
					0 => 0,
					1 => 2_500,
					_ => 1 + self.rng.below(35),
				};
				let start = self.day();
				let records: Vec<_> = (0..n)
					.map(|i| {
						let well = if self.rng.chance(95) { id } else { self.well_id() };
						let volume = self.rng.boundary_or_pct(5, &[0, MAX_DAILY_VOLUME], 200_000);
						(well, start.minus(i as u32), volume)
					})
					.collect();
				(
					Call::upload_batch { records: records.try_into().expect("≤ 2500") },
					self.owner_of(id),
				)
			},
			20 => {
				let maintainer = if self.rng.chance(70) {
					Maintainer::Foundation
				} else {
					Maintainer::Account(self.any_account())
				};
				let status = match self.rng.below(3) {
					0 => AssetClassStatus::Proposed,
					1 => AssetClassStatus::Live,
					_ => AssetClassStatus::Retired,
				};
				let description = vec![b'd'; self.rng.boundary_or(&[0, 512], 513) as usize]
					.try_into()
					.expect("≤ 512");
				let (name, data_source) = (short_text(&mut self.rng), short_text(&mut self.rng));
				(
					Call::add_asset_class {
						name,
						description,
						maintainer,
						data_source,
						status,
						commodities: self.commodities(),
						source: self.source(),
					},
					Who::Root,
				)
			},
			21 => {
				let description =
					vec![b'd'; self.rng.below(513) as usize].try_into().expect("≤ 512");
				let (name, data_source) = (short_text(&mut self.rng), short_text(&mut self.rng));
				(
					Call::propose_asset_class {
						name,
						description,
						data_source,
						commodities: self.commodities(),
						source: self.source(),
					},
					Who::Signed(self.any_account()),
				)
			},
			_ => {
				// Classes added during the run (retiring the genesis class would end the run's
				// onboarding; the pallet tests cover it).
				let next = u64::from(pallet_wells::NextAssetClassId::<Runtime>::get());
				let class =
					self.rng.boundary_or(&[1, next, u32::MAX as u64], next.max(2)).max(1) as u32;
				let status = match self.rng.below(4) {
					0 => AssetClassStatus::Proposed,
					1 => AssetClassStatus::Retired,
					_ => AssetClassStatus::Live,
				};
				(Call::set_asset_class_status { class, status }, Who::Root)
			},
		};
		let who = self.origin(who);
		(RuntimeCall::Wells(call), who)
	}

	fn mint_call(&mut self) -> (RuntimeCall, Who) {
		// A quarter of the time: settle an amended month (anyone may), usually a queued one.
		if self.rng.chance(25) {
			let queued: Vec<(u32, Month)> =
				pallet_audit_mint::Unsettled::<Runtime>::iter_keys().collect();
			let (well, month) = match self.rng.pick(&queued) {
				Some(x) if self.rng.chance(85) => x,
				_ => {
					let w = self.well_id();
					(w, self.month(w))
				},
			};
			let anyone = self.any_account();
			let who = self.origin(Who::Signed(anyone));
			return (RuntimeCall::AuditMint(pallet_audit_mint::Call::settle { well, month }), who);
		}
		// Prefer open months of finished months: the ones a producer would mint.
		let open: Vec<(u32, Month)> = pallet_wells::Ledgers::<Runtime>::iter()
			.filter(|(_, m, l)| l.status == pallet_wells::MonthStatus::Open && *m < today().month())
			.map(|(w, m, _)| (w, m))
			.collect();
		let (well, month) = match self.rng.pick(&open) {
			Some(x) if self.rng.chance(80) => x,
			_ => {
				let w = self.well_id();
				(w, self.month(w))
			},
		};
		let owner = self.owner_of(well);
		let who = self.origin(owner);
		(RuntimeCall::AuditMint(pallet_audit_mint::Call::mint { well, month }), who)
	}

	fn feed_call(&mut self) -> (RuntimeCall, Who) {
		let feeder = self.member_of::<pallet_membership::Instance3>();
		let mut values: Vec<(FeedKey, FeedValue)> = Vec::new();
		// Prices of a run of days (both commodities), as the EIA worker feeds them.
		let first = self.day();
		let days = self.rng.below(40);
		let commodity = if self.rng.chance(50) { Commodity::Oil } else { Commodity::Gas };
		for i in 0..days {
			// Signed prices: a negative day (RWTC 2020-04-20: −36.98) sometimes, absurd ones too.
			let magnitude = self.rng.boundary_or_pct(5, &[0, 1, i64::MAX as u64], 120_000_000);
			let magnitude = i64::try_from(magnitude).unwrap_or(i64::MAX);
			let price = if self.rng.chance(3) { -magnitude.min(36_980_000) } else { magnitude };
			values
				.push((FeedKey::Price(commodity, first.minus(i as u32)), FeedValue::Price(price)));
		}
		// Official production of uploaded months: near the producer's total (every band of the
		// deviation table), sometimes zero or absurd.
		let ledgers: Vec<(u32, Month, u64)> = pallet_wells::Ledgers::<Runtime>::iter()
			.map(|(w, m, l)| (w, m, l.volume))
			.collect();
		for _ in 0..self.rng.below(6) {
			let Some((well, month, p)) = self.rng.pick(&ledgers) else { break };
			let volume = match self.rng.below(10) {
				0 => 0,
				1 => u64::MAX,
				2 => p,
				3 => p / 10 * 11,
				4 => p / 10 * 9,
				5 => p / 10 * 13,
				6 => p / 10 * 7,
				7 => p.saturating_mul(2),
				_ => p / 100 * (80 + self.rng.below(41)),
			};
			let provenance = Provenance { updated: today(), file_hash: self.rng.bytes32() };
			values.push((
				FeedKey::Production(well, month),
				FeedValue::Production { volume, provenance },
			));
		}
		let values = values.try_into().expect("≤ 256");
		let who = self.origin(feeder);
		(RuntimeCall::Oracle(pallet_oracle::Call::feed_values { values }), who)
	}

	/// A parameter change as a referendum would enact it, with boundary values. Invalid tables
	/// are produced as raw bytes: decoding refuses them, as it would refuse the extrinsic.
	fn governance_call(&mut self) -> (RuntimeCall, Who, Option<Vec<u8>>) {
		let p = match self.rng.below(12) {
			0 => RuntimeParameters::Audit(audit::Parameters::SlashRatio(
				audit::SlashRatio,
				Some(Perbill::from_parts(
					self.rng.boundary_or(&[0, 10_000_000, 1_000_000_000], 1_000_000_001) as u32,
				)),
			)),
			1 => {
				let minor = Perbill::from_parts(self.rng.below(1_000_000_001) as u32);
				let major = Perbill::from_parts(self.rng.below(1_000_000_001) as u32);
				let bands =
					DeviationBands::new(minor.min(major), minor.max(major)).expect("ordered");
				RuntimeParameters::Audit(audit::Parameters::DeviationBands(
					audit::DeviationBands,
					Some(bands),
				))
			},
			2 => RuntimeParameters::Producers(producers::Parameters::MinDepositPerWell(
				producers::MinDepositPerWell,
				Some(self.rng.boundary_or(&[0, 1], 50) as u128 * UNIT),
			)),
			3 => RuntimeParameters::Producers(producers::Parameters::UnitsPerUsd(
				producers::UnitsPerUsd,
				Some(FixedU128::from_rational(
					u128::from(self.rng.boundary_or(&[0, 1, 100], 300)),
					100,
				)),
			)),
			4 => RuntimeParameters::Producers(producers::Parameters::ApplicationExpiryDays(
				producers::ApplicationExpiryDays,
				Some(self.rng.boundary_or(&[0, 1, 30], 60) as u32),
			)),
			5 => RuntimeParameters::Wells(wells::Parameters::ReviewValidityDays(
				wells::ReviewValidityDays,
				Some(self.rng.boundary_or(&[0, 1, 365], 500) as u32),
			)),
			6 => RuntimeParameters::Wells(wells::Parameters::ReviewNoticeDays(
				wells::ReviewNoticeDays,
				Some(self.rng.boundary_or(&[0, 360, 365, 366], 400) as u32),
			)),
			7 => RuntimeParameters::Oracle(oracle::Parameters::MinimumFeeders(
				oracle::MinimumFeeders,
				Some(self.rng.boundary_or(&[0, 1, 1, 2], 4) as u32),
			)),
			8 => {
				// A discount table: the default's bytes, or random bytes in the same layout
				// (thresholds, four tiers) that decoding may refuse.
				let call = RuntimeCall::GenesisParameters(
					treasurenet_runtime::genesis_parameters::Call::set_parameter {
						key_value: RuntimeParameters::Wells(wells::Parameters::DiscountRules(
							wells::DiscountRules,
							Some(DiscountRules::DEFAULT),
						)),
					},
				);
				let mut bytes = call.encode();
				let raw = (
					self.rng.boundary_or(&[0, 3_110, 10_000, 10_001], 12_000) as u32,
					self.rng.boundary_or(&[0, 50, 10_000, 10_001], 12_000) as u32,
					[0u8; 4].map(|_| {
						Perbill::from_parts(
							self.rng.boundary_or(&[0, 1_000_000_000, 1_000_000_001], 1_000_000_000)
								as u32,
						)
					}),
				)
					.encode();
				bytes.truncate(bytes.len().saturating_sub(raw.len()));
				bytes.extend(raw);
				return (call, self.origin(Who::Root), Some(bytes));
			},
			9 => {
				let c = self.membership_change();
				return (RuntimeCall::OracleFeeders(c), self.origin(Who::Root), None);
			},
			10 => {
				let c = self.membership_change();
				return (RuntimeCall::KycVerifiers(c), self.origin(Who::Root), None);
			},
			_ => {
				let c = self.membership_change();
				return (RuntimeCall::FoundationMembership(c), self.origin(Who::Root), None);
			},
		};
		let call = RuntimeCall::GenesisParameters(
			treasurenet_runtime::genesis_parameters::Call::set_parameter { key_value: p },
		);
		(call, self.origin(Who::Root), None)
	}

	/// A member added to or removed from a membership (any of the three instances).
	fn membership_change<I: 'static>(&mut self) -> pallet_membership::Call<Runtime, I>
	where
		Runtime: pallet_membership::Config<I>,
	{
		let who = self.any_account();
		if self.rng.chance(50) {
			pallet_membership::Call::add_member { who: who.into() }
		} else {
			pallet_membership::Call::remove_member { who: who.into() }
		}
	}

	fn transfer_call(&mut self) -> (RuntimeCall, Who) {
		let dest = self.any_account();
		let from = self.any_account();
		let value = self.amount();
		let c = if self.rng.chance(50) {
			pallet_balances::Call::transfer_allow_death { dest: dest.into(), value }
		} else {
			pallet_balances::Call::transfer_all {
				dest: dest.into(),
				keep_alive: self.rng.chance(50),
			}
		};
		(RuntimeCall::Balances(c), self.origin(Who::Signed(from)))
	}

	/// One random call: encoded, decoded, dispatched and checked.
	fn step(&mut self) {
		let (call, who, raw) = match self.rng.below(100) {
			0..=21 => with_no_raw(self.producers_call()),
			22..=64 => with_no_raw(self.wells_call()),
			65..=79 => with_no_raw(self.mint_call()),
			80..=93 => with_no_raw(self.feed_call()),
			94..=96 => self.governance_call(),
			// Balance transfers are rare: they would drain the producers' free funds.
			_ if self.rng.chance(20) => with_no_raw(self.transfer_call()),
			_ => with_no_raw(self.producers_call()),
		};
		self.calls_done += 1;
		let bytes = raw.unwrap_or_else(|| call.encode());
		let Ok(call) = RuntimeCall::decode(&mut &bytes[..]) else {
			self.stats.undecodable += 1;
			return;
		};
		let meta = call.get_call_metadata();
		let key = (meta.pallet_name.to_string(), meta.function_name.to_string());
		let _ = call.get_dispatch_info();
		let root_before = sp_io::storage::root(StateVersion::V1);
		let issuance_before = tat_issuance();
		let result = call.clone().dispatch(who.origin());
		let entry = self.stats.calls.entry(key.clone()).or_default();
		match result {
			Ok(_) => {
				entry.0 += 1;
				if key.1 == "mint" && tat_issuance() > issuance_before {
					self.stats.mints_with_tat += 1;
				}
				uploaded_within_the_window(&call);
			},
			Err(e) => {
				let name = error_name(&e.error).unwrap_or_else(|| {
					panic!(
						"call #{} {key:?} by {who:?} failed with an unnamed error {:?}: {call:?}",
						self.calls_done, e.error
					)
				});
				*entry.1.entry(name).or_default() += 1;
				assert_eq!(
					sp_io::storage::root(StateVersion::V1),
					root_before,
					"call #{} {key:?} by {who:?} failed ({:?}) but changed the state",
					self.calls_done,
					e.error
				);
			},
		}
	}

	/// One block: some calls, the invariants, then the next block (a few seconds or days later,
	/// sometimes just before a month's end so that the next block crosses it).
	fn block(&mut self) {
		let n = 1 + self.rng.below(20);
		for _ in 0..n {
			if self.calls_done >= self.calls_total {
				break;
			}
			self.step();
		}
		check_invariants();
		self.stats.blocks += 1;
		let now = pallet_timestamp::Now::<Runtime>::get();
		let ms = if self.rng.chance(self.jump_percent) {
			match self.rng.below(10) {
				0..=5 => DAY_MS,
				6 | 7 => {
					// To 3 s before the next month begins.
					let next = today().month().next().first_day();
					(u64::from(next.0) * DAY_MS)
						.saturating_sub(3_000)
						.saturating_sub(now)
						.max(BLOCK_MS)
				},
				_ => DAY_MS * (2 + self.rng.below(10)),
			}
		} else {
			BLOCK_MS
		};
		next_block_after(ms);
	}
}

fn tat_issuance() -> u128 {
	use frame_support::traits::fungibles::Inspect;
	pallet_assets::Pallet::<Runtime>::total_issuance(treasurenet_runtime::configs::TAT_ASSET_ID)
}

fn with_no_raw((call, who): (RuntimeCall, Who)) -> (RuntimeCall, Who, Option<Vec<u8>>) {
	(call, who, None)
}

/// The name of a dispatch error, or `None` for the unnamed ones.
fn error_name(e: &DispatchError) -> Option<String> {
	match e {
		DispatchError::Module(m) => m.message.map(str::to_string),
		DispatchError::Other(_) | DispatchError::Corruption | DispatchError::Unavailable => None,
		other => Some(format!("{other:?}")),
	}
}

fn run(seed: u64, calls: u64) {
	let mut ext = dev_ext(START_MS);
	let mut fuzz = Fuzz::new(seed, calls);
	while fuzz.calls_done < fuzz.calls_total {
		ext.execute_with(|| fuzz.block());
		// Commit each block, as a node does: the storage root then covers one block's changes.
		ext.commit_all().expect("commit");
	}
	let s = &fuzz.stats;
	let end = ext.execute_with(today);
	println!(
		"seed {seed}: {} calls in {} blocks, {} undecodable, {} mints with TAT, last day {:?}",
		fuzz.calls_done,
		s.blocks,
		s.undecodable,
		s.mints_with_tat,
		end.to_ymd()
	);
	println!("{:<44} {:>8} {:>8}  failures by error", "call", "ok", "failed");
	for ((p, c), (ok, errs)) in &s.calls {
		let failed: u64 = errs.values().sum();
		let mut top: Vec<_> = errs.iter().collect();
		top.sort_by(|a, b| b.1.cmp(a.1));
		let top: Vec<String> = top.iter().take(4).map(|(e, n)| format!("{e} {n}")).collect();
		println!("{:<44} {:>8} {:>8}  {}", format!("{p}.{c}"), ok, failed, top.join(", "));
	}
	// The load must reach the whole life, not bounce off the first check: every call of our
	// pallets succeeded at least once, and mints produced TAT.
	for (pallet, calls) in [
		(
			"Producers",
			&[
				"apply",
				"judge_kyb",
				"submit_kyc",
				"judge_kyc",
				"deposit",
				"withdraw",
				"suspend",
				"reinstate",
			][..],
		),
		(
			"Wells",
			&[
				"submit_well",
				"edit_well",
				"review_well",
				"set_beneficiaries",
				"set_beneficiary_share",
				"upload_production",
				"upload_batch",
				"submit_annual_review",
				"judge_annual_review",
				"remove_well",
				"transfer_well",
			][..],
		),
		("AuditMint", &["mint", "settle"][..]),
		("Oracle", &["feed_values"][..]),
	] {
		for c in calls {
			let ok = s.calls.get(&(pallet.to_string(), c.to_string())).map(|x| x.0).unwrap_or(0);
			assert!(ok > 0, "{pallet}.{c} never succeeded (seed {seed})");
		}
	}
	assert!(s.mints_with_tat > 0, "no mint produced TAT (seed {seed})");
}

/// Invariant "nothing is uploaded outside a window", checked on every accepted upload with the
/// window in force (restated here, not through `tn_primitives::window`): a past day, at most the
/// grace days back, before its month's close, not before the well's activation (less the
/// pre-activation days).
fn uploaded_within_the_window(call: &RuntimeCall) {
	use pallet_wells::Call;
	let records: Vec<(u32, Day)> = match call {
		RuntimeCall::Wells(Call::upload_production { well, day, .. }) => vec![(*well, *day)],
		RuntimeCall::Wells(Call::upload_batch { records }) => {
			records.iter().map(|(w, d, _)| (*w, *d)).collect()
		},
		_ => return,
	};
	let (grace, close, pre) = pallet_wells::Pallet::<Runtime>::upload_window();
	let today = today();
	for (well, day) in records {
		let activated = pallet_wells::WellRegistry::<Runtime>::get(well)
			.and_then(|w| w.activated)
			.expect("an upload to a well never activated");
		let next_month = day.month().last_day().0 + 1;
		assert!(day.0 < today.0, "day {day:?} uploaded on {today:?}: not past");
		assert!(today.0 - day.0 <= grace, "day {day:?} uploaded on {today:?}: grace over");
		assert!(today.0 < next_month + close, "day {day:?} uploaded on {today:?}: month closed");
		assert!(day.0 + pre >= activated.0, "day {day:?} before activation {activated:?}");
	}
}

fn env_u64(name: &str, default: u64) -> u64 {
	std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

#[test]
fn random_load_keeps_every_invariant() {
	run(env_u64("TN_FUZZ_SEED", 0x7E45_2026), env_u64("TN_FUZZ_CALLS", 10_000));
}
