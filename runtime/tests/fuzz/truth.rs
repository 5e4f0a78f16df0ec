//! The fuzzer's ground truth: prices, production, official figures — and the truly earned value
//! of a well-month (the header of `fuzz.rs` defines it).

use tn_primitives::{Commodity, Day, Month, OilQuality};

/// SplitMix64: small, seeded, good enough for a fuzzer.
#[derive(Clone)]
pub struct Rng(pub u64);
impl Rng {
	pub fn next(&mut self) -> u64 {
		self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
		mix(self.0)
	}
	pub fn below(&mut self, n: u64) -> u64 {
		if n == 0 {
			0
		} else {
			self.next() % n
		}
	}
	pub fn chance(&mut self, percent: u64) -> bool {
		self.below(100) < percent
	}
	/// Per-mille chance.
	pub fn permille(&mut self, p: u64) -> bool {
		self.below(1000) < p
	}
	pub fn pick<T: Clone>(&mut self, v: &[T]) -> Option<T> {
		if v.is_empty() {
			None
		} else {
			v.get(self.below(v.len() as u64) as usize).cloned()
		}
	}
}

pub fn mix(mut z: u64) -> u64 {
	z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
	z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
	z ^ (z >> 31)
}

/// A deterministic value of `parts` (a sub-stream of the seed).
pub fn hash(parts: &[u64]) -> u64 {
	parts
		.iter()
		.fold(0x2545_F491_4F6C_DD1D, |acc, p| mix(acc ^ p.wrapping_mul(0x9E37_79B9)))
}

/// The negative WTI price (EIA's RWTC on 2020-04-20), micro-USD.
pub const NEGATIVE_WTI: i64 = -36_980_000;

/// One publication of a well-month's official figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Publication {
	pub day: Day,
	pub volume: u64,
	pub file_hash: [u8; 32],
	/// Days each of the four feeders reports it late (the dishonest one's is unused).
	pub delays: [u32; 4],
}

#[derive(Clone, Debug)]
pub struct PhysicalWell {
	pub commodity: Commodity,
	pub quality: Option<OilQuality>,
	pub identifier: [u8; 32],
	/// Typical daily volume.
	pub rate: u64,
}

pub struct Truth {
	pub seed: u64,
	/// Day 0 of the price arrays.
	pub origin: Day,
	/// True WTI and Henry Hub prices (micro-USD), `None` on days without trading.
	pub oil: Vec<Option<i64>>,
	pub gas: Vec<Option<i64>>,
	/// The day EIA publishes each day's price.
	pub published: Vec<Day>,
	pub wells: Vec<PhysicalWell>,
	/// The day of the negative WTI price.
	pub negative_day: Day,
}

pub fn weekday(d: Day) -> u32 {
	// 1970-01-01 was a Thursday: 0 = Monday.
	(d.0 + 3) % 7
}

impl Truth {
	pub fn new(seed: u64, origin: Day, days: u32, wells: Vec<PhysicalWell>) -> Self {
		let mut rng = Rng(hash(&[seed, 1]));
		let (mut oil_p, mut gas_p) = (72_000_000i64, 3_100_000i64);
		let (mut oil_trend, mut gas_trend) = (0i64, 0i64);
		let mut oil = Vec::with_capacity(days as usize);
		let mut gas = Vec::with_capacity(days as usize);
		let mut published = Vec::with_capacity(days as usize);
		// The negative day: a Monday of the fifth month after the origin's month.
		let mut negative_day = origin.plus(150);
		while weekday(negative_day) != 0 {
			negative_day = negative_day.plus(1);
		}
		let mut last_month = None;
		for i in 0..days {
			let day = origin.plus(i);
			if last_month != Some(day.month()) {
				last_month = Some(day.month());
				// Falling and rising months: a drift of −8 % … +8 % over the month.
				oil_trend = rng.below(17) as i64 - 8;
				gas_trend = rng.below(25) as i64 - 12;
			}
			let noise = |rng: &mut Rng, p: i64, trend: i64, lo: i64, hi: i64| -> i64 {
				let step = p / 3000 * trend + p / 1000 * (rng.below(41) as i64 - 20);
				(p + step).clamp(lo, hi)
			};
			oil_p = noise(&mut rng, oil_p, oil_trend, 25_000_000, 160_000_000);
			gas_p = noise(&mut rng, gas_p, gas_trend, 1_200_000, 12_000_000);
			let trading = weekday(day) < 5 && !rng.chance(2);
			if day == negative_day {
				oil.push(Some(NEGATIVE_WTI));
				gas.push(Some(gas_p));
			} else if trading {
				oil.push(Some(oil_p));
				gas.push(Some(gas_p));
			} else {
				oil.push(None);
				gas.push(None);
			}
			// Weekly batches: published on the Wednesday after the next, sometimes later.
			let mut p = day.plus(1);
			while weekday(p) != 2 {
				p = p.plus(1);
			}
			let late = if rng.chance(15) { 1 + rng.below(4) as u32 } else { 0 };
			published.push(p.plus(late));
		}
		Truth { seed, origin, oil, gas, published, wells, negative_day }
	}

	fn idx(&self, d: Day) -> Option<usize> {
		d.0.checked_sub(self.origin.0).map(|i| i as usize)
	}

	/// The true price of `d` (trading days only).
	pub fn price(&self, c: Commodity, d: Day) -> Option<i64> {
		let i = self.idx(d)?;
		match c {
			Commodity::Oil => *self.oil.get(i)?,
			Commodity::Gas => *self.gas.get(i)?,
		}
	}

	pub fn published(&self, d: Day) -> Day {
		self.idx(d)
			.and_then(|i| self.published.get(i).copied())
			.unwrap_or(Day(u32::MAX))
	}

	/// The price valuing `d` by the chain's rule over the true prices: its own, or the mean
	/// (towards −∞) of the last ≤ 10 prices in the 21 days before its month; `None` if none.
	pub fn valuing_price(&self, c: Commodity, d: Day) -> Option<i64> {
		if let Some(p) = self.price(c, d) {
			return Some(p);
		}
		let start = d.month().first_day().minus(tn_primitives::valuation::PRICE_LOOKBACK_DAYS);
		let earlier: Vec<i64> =
			(start.0..d.0).rev().filter_map(|x| self.price(c, Day(x))).take(10).collect();
		if earlier.is_empty() {
			return None;
		}
		Some(
			earlier
				.iter()
				.map(|p| i128::from(*p))
				.sum::<i128>()
				.div_euclid(earlier.len() as i128) as i64,
		)
	}

	/// The true volume of physical well `w` on `d`.
	pub fn daily(&self, w: usize, d: Day) -> u64 {
		let well = &self.wells[w];
		let m = d.month();
		let month_key = u64::from(m.first_day().0);
		// Shut-in months (O = 0).
		if hash(&[self.seed, 2, w as u64, month_key]) % 100 < 4 {
			return 0;
		}
		let h = hash(&[self.seed, 3, w as u64, u64::from(d.0)]);
		if h % 100 < 5 {
			return 0;
		}
		well.rate / 100 * (80 + (h >> 8) % 41)
	}

	pub fn month_total(&self, w: usize, m: Month) -> u64 {
		(m.first_day().0..=m.last_day().0).map(|d| self.daily(w, Day(d))).sum()
	}

	/// The publications of `w`'s figure for `m`, in order; empty if the month is confidential.
	pub fn publications(&self, w: usize, m: Month) -> Vec<Publication> {
		let key = u64::from(m.first_day().0);
		let h = hash(&[self.seed, 4, w as u64, key]);
		if crate::fuzz::OPEN_FINDINGS_M3 && h % 100 < 3 {
			return vec![];
		}
		let truth = self.month_total(w, m);
		let next = m.next().first_day();
		let delays = |salt: u64| {
			let h = hash(&[self.seed, 5, w as u64, key, salt]);
			[(h % 3) as u32, ((h >> 8) % 3) as u32, ((h >> 16) % 3) as u32, ((h >> 24) % 3) as u32]
		};
		let file = |salt: u64| {
			let mut f = [0u8; 32];
			f[..8].copy_from_slice(&hash(&[self.seed, 6, w as u64, key, salt]).to_le_bytes());
			f
		};
		let first_day = next.plus(5 + ((h >> 8) % 20) as u32);
		let error_pct: i64 = match (h >> 16) % 20 {
			0..=12 => 0,
			13 => 2,
			14 => -2,
			15 => 15,
			16 => -15,
			17 => 40,
			18 => -40,
			_ => 100,
		};
		let prelim = (truth as i128 * (100 + error_pct as i128) / 100) as u64;
		let mut out = vec![Publication {
			day: first_day,
			volume: prelim,
			file_hash: file(0),
			delays: delays(0),
		}];
		if prelim != truth || (h >> 24) % 10 == 0 {
			// Amended within the three months the workers re-check (the feeds' call filter takes
			// months ≥ today's − 3): some day of month m + 2 or m + 3, at least 3 days before its end.
			let m2 = m.next().next();
			let span = m2.next().last_day().0 - 3 - m2.first_day().0;
			let day = m2.first_day().plus(((h >> 32) % u64::from(span)) as u32);
			out.push(Publication { day, volume: truth, file_hash: file(1), delays: delays(1) });
		}
		out
	}

	/// The latest figure of `w` for `m` published by `today` (for feeder `f`, with its delay).
	pub fn figure_seen(&self, w: usize, m: Month, today: Day, f: usize) -> Option<Publication> {
		self.publications(w, m)
			.into_iter()
			.filter(|p| p.day.plus(p.delays[f]) <= today)
			.last()
	}

	/// The final official figure of `w` for `m` (`None`: confidential).
	pub fn final_figure(&self, w: usize, m: Month) -> Option<Publication> {
		self.publications(w, m).last().copied()
	}

	/// The value of one unit of volume on `d` in atto-USD (signed), at the true discount.
	pub fn unit_value(&self, w: usize, d: Day, discount: sp_arithmetic::Perbill) -> Option<i128> {
		let c = self.wells[w].commodity;
		let p = i128::from(self.valuing_price(c, d)?);
		Some(match c {
			Commodity::Oil => {
				let full = 628_981i128 * p * 10_000;
				// Towards −∞, as the chain rounds.
				(full * i128::from(discount.deconstruct())).div_euclid(1_000_000_000)
			},
			Commodity::Gas => 36_585i128 * p * 1_000_000,
		})
	}
}

/// What a well-month is truly worth, and the rounding allowed.
#[derive(Clone, Copy, Debug)]
pub struct Earned {
	/// max(0, min(P, O) × Σ u(d) / |D|).
	pub earned: u128,
	/// max(0, min(Σ uploaded_d × u(d), P × Σ u(d) / |D|)): what the chain's rule mints an honest
	/// producer (P ≤ O).
	pub honest: u128,
	/// |D| × max |u(d)|.
	pub tolerance: u128,
}

/// The truly earned value of chain-well month `m` of physical well `w` activated on `activated`,
/// with uploads `records` and final official figure `official`.
pub fn earned(
	truth: &Truth,
	w: usize,
	activated: Day,
	m: Month,
	records: &[(Day, u64)],
	official: u64,
	discount: sp_arithmetic::Perbill,
) -> Earned {
	let first_upload = records.first().map(|(d, _)| *d).unwrap_or(m.first_day());
	let from = activated.min(first_upload).max(m.first_day());
	let units: Vec<i128> = (from.0..=m.last_day().0)
		.filter_map(|d| truth.unit_value(w, Day(d), discount))
		.collect();
	let n = units.len().max(1) as i128;
	let sum: i128 = units.iter().sum();
	let max_abs = units.iter().map(|u| u.unsigned_abs()).max().unwrap_or(0);
	let p: u64 = records.iter().map(|(_, v)| *v).sum();
	let audited = p.min(official);
	let even = |vol: u64| (i128::from(vol) * sum).div_euclid(n);
	let by_days: i128 = records
		.iter()
		.map(|(d, v)| i128::from(*v) * truth.unit_value(w, *d, discount).unwrap_or(0))
		.sum();
	Earned {
		earned: even(audited).max(0) as u128,
		honest: by_days.min(even(p)).max(0) as u128,
		tolerance: max_abs * units.len() as u128 + 1_000_000,
	}
}
