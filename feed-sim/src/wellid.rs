//! Alberta well identifiers (Dominion Land Survey UWI), as Petrinex writes them in
//! `FromToIDIdentifier` when `FromToIDType` is `WI`: 16 characters,
//!
//! ```text
//! 1 00 07 19 010 15 W4 00      →  100071901015W400
//! │ │  │  │  │   │  │  └ event sequence (00 = first event of the wellbore)
//! │ │  │  │  │   │  └─── meridian west of (W4, W5, W6 in Alberta)
//! │ │  │  │  │   └────── range (01..34)
//! │ │  │  │  └────────── township (001..126)
//! │ │  │  └───────────── section (01..36)
//! │ │  └──────────────── legal subdivision, LSD (01..16)
//! │ └─────────────────── location exception code: two digits or upper-case letters
//! └───────────────────── survey system (1 = DLS)
//! ```
//!
//! The human-readable location of the same well is `07-19-010-15W4`.
//!
//! The location exception code is `00` for most wells, numeric (`02`, `03`, …) for further
//! wellbores drilled from the same LSD, and **alphanumeric for about 12 % of Alberta wells**:
//! real identifiers include `1W0052706219W500` (exception `W0`) and `1S0032506124W500`
//! (exception `S0`). [`generated_well_ids`] produces the same mix (≈ 12 % alphanumeric, ≈ 6 %
//! numeric other than `00`), and [`WellId::parse`] accepts both.

use crate::rng::Rng;
use std::fmt;

/// A parsed DLS well identifier.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct WellId {
	/// Location exception code: two ASCII digits or upper-case letters (`*b"00"` usually,
	/// `*b"02"`, `*b"W0"`, `*b"S0"`, …).
	pub exception: [u8; 2],
	/// Legal subdivision, 1..=16.
	pub lsd: u8,
	/// Section, 1..=36.
	pub section: u8,
	/// Township, 1..=126.
	pub township: u8,
	/// Range, 1..=34.
	pub range: u8,
	/// Meridian, 4..=6 in Alberta.
	pub meridian: u8,
	/// Event sequence, 0..=99 (usually 0).
	pub event: u8,
}

/// Alphanumeric location exception codes the generator uses, with weights (`W0` and `S0` as
/// in the real examples are the most frequent).
const ALNUM_EXCEPTIONS: [(&[u8; 2], u32); 10] = [
	(b"W0", 30),
	(b"S0", 25),
	(b"F0", 8),
	(b"F1", 8),
	(b"F2", 4),
	(b"AA", 6),
	(b"A0", 7),
	(b"B0", 5),
	(b"C0", 4),
	(b"D0", 3),
];

impl WellId {
	/// Parses a 16-character identifier such as `100071901015W400` or `1W0052706219W500`
	/// (layout `1 EE LL SS TTT RR W M QQ`, see the module documentation).
	pub fn parse(s: &str) -> Result<WellId, String> {
		let bad = |why: &str| format!("bad well id {s:?}: {why} (expected e.g. 100071901015W400)");
		let b = s.as_bytes();
		if b.len() != 16 {
			return Err(bad("not 16 characters"));
		}
		if b[0] != b'1' || b[12] != b'W' {
			return Err(bad("must start with 1 and have W at position 13"));
		}
		let exception = [b[1], b[2]];
		if !exception.iter().all(|c| c.is_ascii_digit() || c.is_ascii_uppercase()) {
			return Err(bad("the location exception code must be 2 digits or upper-case letters"));
		}
		let n = |r: std::ops::Range<usize>| -> Result<u8, String> {
			let t = &s[r];
			if t.bytes().all(|c| c.is_ascii_digit()) {
				t.parse::<u8>().map_err(|_| bad("number out of range"))
			} else {
				Err(bad("non-digit"))
			}
		};
		let id = WellId {
			exception,
			lsd: n(3..5)?,
			section: n(5..7)?,
			township: n(7..10)?,
			range: n(10..12)?,
			meridian: n(13..14)?,
			event: n(14..16)?,
		};
		if !(1..=16).contains(&id.lsd) {
			return Err(bad("LSD must be 01..16"));
		}
		if !(1..=36).contains(&id.section) {
			return Err(bad("section must be 01..36"));
		}
		if !(1..=126).contains(&id.township) {
			return Err(bad("township must be 001..126"));
		}
		if !(1..=34).contains(&id.range) {
			return Err(bad("range must be 01..34"));
		}
		if !(1..=9).contains(&id.meridian) {
			return Err(bad("meridian must be 1..9"));
		}
		Ok(id)
	}

	/// A random Alberta well location (meridians 4–6, exception 00, event 00).
	pub fn random(rng: &mut Rng) -> WellId {
		WellId {
			exception: *b"00",
			lsd: rng.range(1, 16) as u8,
			section: rng.range(1, 36) as u8,
			township: rng.range(1, 126) as u8,
			range: rng.range(1, 30) as u8,
			meridian: rng.range(4, 6) as u8,
			event: 0,
		}
	}

	/// A random location exception code with Alberta's mix: ≈ 12 % alphanumeric (`W0`, `S0`,
	/// …), ≈ 6 % numeric other than `00` (`02`..`04`), the rest `00`.
	pub fn random_exception(rng: &mut Rng) -> [u8; 2] {
		let x = rng.unit();
		if x < 0.12 {
			let weights: Vec<u32> = ALNUM_EXCEPTIONS.iter().map(|e| e.1).collect();
			*ALNUM_EXCEPTIONS[rng.weighted(&weights)].0
		} else if x < 0.18 {
			[b'0', b'0' + rng.range(2, 4) as u8]
		} else {
			*b"00"
		}
	}

	/// Whether the location exception code contains a letter (`1W0…`, `1S0…`).
	pub fn has_alphanumeric_exception(&self) -> bool {
		self.exception.iter().any(|c| c.is_ascii_uppercase())
	}

	/// The human-readable location, `07-19-010-15W4`.
	pub fn location(&self) -> String {
		format!(
			"{:02}-{:02}-{:03}-{:02}W{}",
			self.lsd, self.section, self.township, self.range, self.meridian
		)
	}

	/// The same wellbore location with another event sequence.
	pub fn with_event(self, event: u8) -> WellId {
		WellId { event: event % 100, ..self }
	}
}

impl fmt::Display for WellId {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		write!(
			f,
			"1{}{}{:02}{:02}{:03}{:02}W{}{:02}",
			self.exception[0] as char,
			self.exception[1] as char,
			self.lsd,
			self.section,
			self.township,
			self.range,
			self.meridian,
			self.event
		)
	}
}

/// The first `count` generated well ids for `seed`: deterministic, valid, pairwise distinct,
/// with Alberta's mix of location exception codes (see the module docs). The list for a larger
/// `count` extends the list for a smaller one.
pub fn generated_well_ids(seed: u64, count: u32) -> Vec<WellId> {
	let mut seen = std::collections::HashSet::with_capacity(count as usize);
	let mut out = Vec::with_capacity(count as usize);
	for index in 0..count as u64 {
		let mut rng = Rng::new(&[seed, 0x0057_E11D, index]);
		let mut id = WellId::random(&mut rng);
		id.exception = WellId::random_exception(&mut rng);
		while !seen.insert(id) {
			id = WellId::random(&mut rng);
			id.exception = WellId::random_exception(&mut rng);
		}
		out.push(id);
	}
	out
}

/// The `index`-th generated well id for `seed` (see [`generated_well_ids`]).
pub fn generated_well_id(seed: u64, index: u32) -> WellId {
	generated_well_ids(seed, index + 1)[index as usize]
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn format_and_parse() {
		let id = WellId {
			exception: *b"00",
			lsd: 7,
			section: 19,
			township: 10,
			range: 15,
			meridian: 4,
			event: 0,
		};
		assert_eq!(id.to_string(), "100071901015W400");
		assert_eq!(id.location(), "07-19-010-15W4");
		assert_eq!(WellId::parse("100071901015W400").unwrap(), id);
		assert_eq!(id.with_event(2).to_string(), "100071901015W402");
		assert!(WellId::parse("100071901015X400").is_err());
		assert!(WellId::parse("100171901015W400").is_err()); // LSD 17
		assert!(WellId::parse("10007190101W400").is_err());
		assert!(WellId::parse("1w0052706219W500").is_err(), "lower-case exception code");
		assert!(WellId::parse("1W-052706219W500").is_err());
	}

	#[test]
	fn alphanumeric_exception_codes() {
		// The two real examples.
		let w = WellId::parse("1W0052706219W500").unwrap();
		assert_eq!(
			w,
			WellId {
				exception: *b"W0",
				lsd: 5,
				section: 27,
				township: 62,
				range: 19,
				meridian: 5,
				event: 0
			}
		);
		assert_eq!(w.to_string(), "1W0052706219W500");
		assert_eq!(w.location(), "05-27-062-19W5");
		assert!(w.has_alphanumeric_exception());
		let s = WellId::parse("1S0032506124W500").unwrap();
		assert_eq!(s.exception, *b"S0");
		assert_eq!((s.lsd, s.section, s.township, s.range, s.meridian), (3, 25, 61, 24, 5));
		assert_eq!(s.to_string(), "1S0032506124W500");
		assert_eq!(s.with_event(2).to_string(), "1S0032506124W502");
		assert!(!WellId::parse("102071901015W400").unwrap().has_alphanumeric_exception());
	}

	#[test]
	fn generated_ids_are_valid_and_stable() {
		let ids: Vec<String> = (0..200).map(|i| generated_well_id(9, i).to_string()).collect();
		for s in &ids {
			assert_eq!(s.len(), 16);
			assert_eq!(WellId::parse(s).unwrap().to_string(), *s);
		}
		let set: std::collections::BTreeSet<_> = ids.iter().collect();
		assert_eq!(set.len(), ids.len());
		assert_eq!(generated_well_id(9, 17).to_string(), ids[17]);
		// Exact output (pins the generator: ids are part of the fixtures of other crates' tests).
		assert_eq!(ids[..4], GENERATED_9);
	}

	const GENERATED_9: [&str; 4] =
		["100050504827W400", "1W0031803401W600", "100022801729W600", "100020606914W400"];

	#[test]
	fn generated_exception_mix() {
		let ids = generated_well_ids(42, 5_000);
		let alnum = ids.iter().filter(|i| i.has_alphanumeric_exception()).count();
		let numeric = ids
			.iter()
			.filter(|i| !i.has_alphanumeric_exception() && i.exception != *b"00")
			.count();
		assert!((500..700).contains(&alnum), "≈ 12 % alphanumeric: {alnum} of 5000");
		assert!((220..380).contains(&numeric), "≈ 6 % numeric: {numeric} of 5000");
		let first_alnum = ids.iter().find(|i| i.has_alphanumeric_exception()).unwrap().to_string();
		assert_eq!(first_alnum, "1A0152211525W500");
	}
}
