//! The registered wells (taken from the simulator's expected totals), their text forms shared
//! with the Python baseline, and the verification against the simulator.

use crate::{
	registry::{
		commitment, encode_records, Commitment, Outcome, PRODUCT_CODE_GAS, PRODUCT_CODE_OIL,
	},
	Result,
};
use blake2::{digest::consts::U32, Blake2b, Digest};
use std::fmt::Write as _;
use tn_feed_sim::{Product, SimConfig};

/// A registered well: what the chain knows (commitment, product) and what the simulator says
/// the file holds for it.
pub struct RegisteredWell {
	/// `FromToIDIdentifier`, e.g. `100071901015W400` (for messages only).
	pub id: String,
	/// `blake2_256(id)`.
	pub commitment: Commitment,
	/// Oil or gas.
	pub product: Product,
	/// The simulator's official volume in thousandths (`None`: confidential, `***`).
	pub expected: Option<i64>,
}

/// The wells of the month, ascending by identifier: every well the simulator has a figure for
/// (with the benchmark's configuration: the generated wells). A well's index is its position.
pub fn registered(cfg: &SimConfig, month: (u16, u8)) -> Vec<RegisteredWell> {
	tn_feed_sim::expected_totals(cfg, month, 1)
		.into_iter()
		.map(|(id, fig)| RegisteredWell {
			commitment: commitment(id.as_bytes()),
			product: fig.product,
			expected: fig.volume.map(|m| m.0),
			id,
		})
		.collect()
}

fn product_code(p: Product) -> u8 {
	match p {
		Product::Oil => PRODUCT_CODE_OIL,
		Product::Gas => PRODUCT_CODE_GAS,
	}
}

/// The wells as the records given to `Registry::decode` (natively and in the guest).
pub fn records(wells: &[RegisteredWell]) -> Vec<u8> {
	let list: Vec<(Commitment, u8)> =
		wells.iter().map(|w| (w.commitment, product_code(w.product))).collect();
	encode_records(&list)
}

/// `wells.txt` for the Python baseline: one `<commitment hex> <OIL|GAS>` line per well, in
/// index order.
pub fn wells_txt(wells: &[RegisteredWell]) -> String {
	wells.iter().fold(String::new(), |mut s, w| {
		let _ = writeln!(s, "{} {}", hex(&w.commitment), w.product.as_str());
		s
	})
}

/// The totals as text, one line per matched well in index order:
/// `<index> <commitment hex> <OIL|GAS> <volume thousandths> <rows> <confidential rows>`.
/// The Python baseline writes the same format; the files are compared byte for byte.
pub fn totals_txt(wells: &[RegisteredWell], outcome: &Outcome) -> String {
	let mut s = String::new();
	for (index, t) in &outcome.wells {
		let (c, p) = wells
			.get(*index as usize)
			.map(|w| (hex(&w.commitment), w.product.as_str()))
			.unwrap_or_else(|| ("?".into(), "?"));
		let _ = writeln!(
			s,
			"{index} {c} {p} {} {} {}",
			t.volume_thousandths, t.rows, t.confidential_rows
		);
	}
	s
}

/// blake2b-256 of the totals text, hex (the Python baseline computes the same).
pub fn checksum(totals: &str) -> String {
	hex(&Blake2b::<U32>::digest(totals.as_bytes()))
}

/// Lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
	bytes.iter().fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
		let _ = write!(s, "{b:02x}");
		s
	})
}

/// Checks that `outcome` is exactly what the simulator says: every well with a volume has that
/// total and no confidential row; every confidential well has only confidential rows; no other
/// key appears.
pub fn check_expected(wells: &[RegisteredWell], outcome: &Outcome) -> Result<()> {
	let mut problems = Vec::new();
	for (index, w) in wells.iter().enumerate() {
		let found = outcome
			.wells
			.binary_search_by_key(&(index as u32), |(i, _)| *i)
			.ok()
			.and_then(|at| outcome.wells.get(at))
			.map(|(_, t)| t);
		let ok = match (w.expected, found) {
			(Some(v), Some(t)) => t.volume_thousandths == v && t.confidential_rows == 0,
			(None, Some(t)) => t.rows == 0 && t.confidential_rows > 0,
			(_, None) => false,
		};
		if !ok {
			problems
				.push(format!("{} ({}): expected {:?}, found {found:?}", w.id, index, w.expected));
		}
	}
	if let Some((i, _)) = outcome.wells.iter().find(|(i, _)| *i as usize >= wells.len()) {
		problems.push(format!("unknown well index {i}"));
	}
	if problems.is_empty() {
		Ok(())
	} else {
		let shown = problems.iter().take(10).cloned().collect::<Vec<_>>().join("; ");
		Err(format!(
			"{} of {} wells differ from the simulator's expected totals: {shown}",
			problems.len(),
			wells.len()
		)
		.into())
	}
}
