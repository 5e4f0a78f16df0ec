//! CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320) as used by ZIP, slicing-by-8.
//!
//! The 8 KiB of tables are computed at compile time.

const POLY: u32 = 0xEDB8_8320;

/// Builds the slicing-by-8 tables. Evaluated only at compile time (a `const` initializer), so
/// any out-of-bounds index or overflow would be a compile error, never a runtime panic.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
const fn make_tables() -> [[u32; 256]; 8] {
	let mut t = [[0u32; 256]; 8];
	let mut i = 0;
	while i < 256 {
		let mut c = i as u32;
		let mut k = 0;
		while k < 8 {
			c = if c & 1 != 0 { POLY ^ (c >> 1) } else { c >> 1 };
			k += 1;
		}
		t[0][i] = c;
		i += 1;
	}
	let mut i = 0;
	while i < 256 {
		let mut k = 1;
		while k < 8 {
			let prev = t[k - 1][i];
			t[k][i] = (prev >> 8) ^ t[0][(prev & 0xff) as usize];
			k += 1;
		}
		i += 1;
	}
	t
}

static TABLES: [[u32; 256]; 8] = make_tables();

/// Table lookup; `k < 8` and `i < 256` always hold at the call sites (the optimizer removes
/// the check), the fallback only exists to make the code provably panic-free.
#[inline(always)]
fn t(k: usize, i: u32) -> u32 {
	TABLES.get(k).and_then(|row| row.get((i & 0xff) as usize)).copied().unwrap_or(0)
}

/// Incremental CRC-32 state.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Crc32(u32);

impl Crc32 {
	/// A fresh CRC (of the empty string).
	pub(crate) const fn new() -> Self {
		Crc32(0xFFFF_FFFF)
	}

	/// Feeds `data`.
	pub(crate) fn update(&mut self, data: &[u8]) {
		let mut crc = self.0;
		let mut chunks = data.chunks_exact(8);
		for c in &mut chunks {
			let Ok(&[b0, b1, b2, b3, b4, b5, b6, b7]) = <&[u8; 8]>::try_from(c) else { continue };
			let lo = u32::from_le_bytes([b0, b1, b2, b3]) ^ crc;
			let hi = u32::from_le_bytes([b4, b5, b6, b7]);
			crc = t(7, lo)
				^ t(6, lo.wrapping_shr(8))
				^ t(5, lo.wrapping_shr(16))
				^ t(4, lo.wrapping_shr(24))
				^ t(3, hi) ^ t(2, hi.wrapping_shr(8))
				^ t(1, hi.wrapping_shr(16))
				^ t(0, hi.wrapping_shr(24));
		}
		for &b in chunks.remainder() {
			crc = t(0, crc ^ u32::from(b)) ^ crc.wrapping_shr(8);
		}
		self.0 = crc;
	}

	/// The CRC of everything fed so far.
	pub(crate) const fn value(&self) -> u32 {
		!self.0
	}
}

/// CRC-32 of `data` in one go.
#[cfg(test)]
pub(crate) fn crc32(data: &[u8]) -> u32 {
	let mut c = Crc32::new();
	c.update(data);
	c.value()
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn known_vectors() {
		assert_eq!(crc32(b""), 0);
		assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
		assert_eq!(crc32(b"The quick brown fox jumps over the lazy dog"), 0x414F_A339);
		// Split updates give the same result as one update, at every split point.
		let data: alloc::vec::Vec<u8> = (0..100u32).map(|i| (i * 37 % 251) as u8).collect();
		let whole = crc32(&data);
		for cut in 0..data.len() {
			let mut c = Crc32::new();
			c.update(&data[..cut]);
			c.update(&data[cut..]);
			assert_eq!(c.value(), whole);
		}
	}
}
