//! Deterministic pseudo-randomness. Every generated value is a pure function of the seed and a
//! small key (what is being generated, for which month, which row …), so any row of any file can
//! be produced independently and identically on every run and every machine.

/// SplitMix64 finaliser: a good 64-bit mixing function.
pub fn mix(mut z: u64) -> u64 {
	z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
	z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
	z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
	z ^ (z >> 31)
}

/// Hash of a sequence of words (order matters).
pub fn hash(parts: &[u64]) -> u64 {
	parts.iter().fold(0x5EED_F00D_u64, |acc, &p| mix(acc ^ mix(p)))
}

/// Hash of a string, for use as a key word.
pub fn hash_str(s: &str) -> u64 {
	// FNV-1a, then mixed.
	let mut h: u64 = 0xcbf2_9ce4_8422_2325;
	for b in s.bytes() {
		h ^= b as u64;
		h = h.wrapping_mul(0x100_0000_01b3);
	}
	mix(h)
}

/// A small deterministic generator (SplitMix64 stream).
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
	/// A generator keyed by `parts` (see [`hash`]).
	pub fn new(parts: &[u64]) -> Rng {
		Rng(hash(parts))
	}

	/// Next 64 random bits.
	pub fn next_u64(&mut self) -> u64 {
		self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
		let mut z = self.0;
		z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
		z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
		z ^ (z >> 31)
	}

	/// Uniform in `0..n` (`n > 0`).
	pub fn below(&mut self, n: u64) -> u64 {
		((self.next_u64() as u128 * n as u128) >> 64) as u64
	}

	/// Uniform in `lo..=hi`.
	pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
		lo + self.below((hi - lo + 1) as u64) as i64
	}

	/// Uniform in `[0, 1)`.
	pub fn unit(&mut self) -> f64 {
		(self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
	}

	/// `true` with probability `p`.
	pub fn chance(&mut self, p: f64) -> bool {
		self.unit() < p
	}

	/// A random element of a non-empty slice.
	pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
		&items[self.below(items.len() as u64) as usize]
	}

	/// An index drawn with the given (non-negative, not all zero) weights.
	pub fn weighted(&mut self, weights: &[u32]) -> usize {
		let total: u64 = weights.iter().map(|&w| w as u64).sum();
		let mut x = self.below(total);
		for (i, &w) in weights.iter().enumerate() {
			if x < w as u64 {
				return i;
			}
			x -= w as u64;
		}
		weights.len() - 1
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn deterministic_and_spread() {
		let a: Vec<u64> = (0..4).map(|_| Rng::new(&[1, 2]).next_u64()).collect();
		assert!(a.iter().all(|&x| x == a[0]));
		assert_ne!(Rng::new(&[1, 2]).next_u64(), Rng::new(&[2, 1]).next_u64());
		let mut r = Rng::new(&[7]);
		let mut hist = [0u32; 10];
		for _ in 0..10_000 {
			hist[r.below(10) as usize] += 1;
		}
		assert!(hist.iter().all(|&h| (800..1200).contains(&h)), "{hist:?}");
	}
}
