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
//! │ └─────────────────── location exception code (00 = none)
//! └───────────────────── survey system (1 = DLS)
//! ```
//!
//! The human-readable location of the same well is `07-19-010-15W4`.

use crate::rng::Rng;
use std::fmt;

/// A parsed DLS well identifier.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct WellId {
	/// Location exception code, 0..=99 (usually 0).
	pub exception: u8,
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

impl WellId {
	/// Parses a 16-character identifier such as `100071901015W400`
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
		let n = |r: std::ops::Range<usize>| -> Result<u8, String> {
			let t = &s[r];
			if t.bytes().all(|c| c.is_ascii_digit()) {
				t.parse::<u8>().map_err(|_| bad("number out of range"))
			} else {
				Err(bad("non-digit"))
			}
		};
		let id = WellId {
			exception: n(1..3)?,
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
			exception: 0,
			lsd: rng.range(1, 16) as u8,
			section: rng.range(1, 36) as u8,
			township: rng.range(1, 126) as u8,
			range: rng.range(1, 30) as u8,
			meridian: rng.range(4, 6) as u8,
			event: 0,
		}
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
			"1{:02}{:02}{:02}{:03}{:02}W{}{:02}",
			self.exception,
			self.lsd,
			self.section,
			self.township,
			self.range,
			self.meridian,
			self.event
		)
	}
}

/// The first `count` generated well ids for `seed`: deterministic, valid, pairwise distinct.
/// The list for a larger `count` extends the list for a smaller one.
pub fn generated_well_ids(seed: u64, count: u32) -> Vec<WellId> {
	let mut seen = std::collections::HashSet::with_capacity(count as usize);
	let mut out = Vec::with_capacity(count as usize);
	for index in 0..count as u64 {
		let mut rng = Rng::new(&[seed, 0x0057_E11D, index]);
		let mut id = WellId::random(&mut rng);
		while !seen.insert(id) {
			id = WellId::random(&mut rng);
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
			exception: 0,
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
	}

	#[test]
	fn generated_ids_are_valid_and_stable() {
		let ids: Vec<String> = (0..200).map(|i| generated_well_id(9, i).to_string()).collect();
		for s in &ids {
			assert_eq!(s.len(), 16);
			WellId::parse(s).unwrap();
		}
		let set: std::collections::BTreeSet<_> = ids.iter().collect();
		assert_eq!(set.len(), ids.len());
		assert_eq!(generated_well_id(9, 17).to_string(), ids[17]);
	}
}
