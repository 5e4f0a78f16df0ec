//! The registered wells, the row matcher and the result encoding, **shared verbatim** by the
//! native host and the wasm guest (the guest includes this file with `#[path]`), so that both
//! sides of the benchmark run exactly the same code around `tn-ingest`.
//!
//! This module is `no_std` + `alloc` compatible, contains no `unsafe` and never panics.
//!
//! * [`Registry`] decodes the wells passed in as records of [`RECORD_BYTES`] bytes: a 32-byte
//!   `blake2_256(FromToIDIdentifier)` commitment followed by one product byte
//!   ([`PRODUCT_CODE_OIL`] / [`PRODUCT_CODE_GAS`]). A well's key is its record's position.
//! * Its [`WellMatcher`] implementation is the offchain worker's closure
//!   (`pallets/oracle-feeds/src/worker.rs`, `fetch_production`): skip rows whose product is
//!   neither OIL nor GAS, hash the row's identifier, look the commitment up in a `BTreeMap`,
//!   accept the row if the product is the well's product.
//! * The hash is a type parameter ([`Blake2_256`]): by default the `blake2` crate compiled into
//!   the caller ([`Blake2Crate`], the same code natively and in wasm); the guest's `host-hash`
//!   build instead calls a host function, as `sp_io::hashing::blake2_256` does in the runtime.
//! * [`Outcome`] is what a run found; [`Outcome::encode`] / [`Outcome::decode`] carry it from
//!   the guest's linear memory to the host.

use alloc::{collections::BTreeMap, vec::Vec};
use blake2::{digest::consts::U32, Blake2b, Digest};
use core::marker::PhantomData;
use tn_ingest::petrinex::{IngestSummary, WellMatcher, WellTotal, PRODUCT_GAS, PRODUCT_OIL};

/// A well's commitment: `blake2_256` of its `FromToIDIdentifier` (e.g. `100071901015W400`).
pub type Commitment = [u8; 32];

/// Bytes per registered well: 32-byte commitment + 1 product byte.
pub const RECORD_BYTES: usize = 33;
/// Product byte of an oil well (`ProductID` `OIL`).
pub const PRODUCT_CODE_OIL: u8 = 0;
/// Product byte of a gas well (`ProductID` `GAS`).
pub const PRODUCT_CODE_GAS: u8 = 1;

/// Bytes of the [`Outcome`] header: rows seen, candidate rows, matched rows (`u64` each) and the
/// number of well totals (`u32`).
const OUTCOME_HEADER_BYTES: usize = 8 + 8 + 8 + 4;
/// Bytes per well total in an encoded [`Outcome`]: index `u32`, volume `i64`, rows `u32`,
/// confidential rows `u32`.
const OUTCOME_WELL_BYTES: usize = 4 + 8 + 4 + 4;

/// `blake2_256(identifier)`, as `sp_io::hashing::blake2_256` computes it in the runtime, with
/// the `blake2` crate.
pub fn commitment(identifier: &[u8]) -> Commitment {
	Blake2b::<U32>::digest(identifier).into()
}

/// A `blake2_256` implementation.
pub trait Blake2_256 {
	/// The 32-byte BLAKE2b digest of `data`.
	fn blake2_256(data: &[u8]) -> Commitment;
}

/// [`commitment`]: the `blake2` crate, compiled into the caller.
pub struct Blake2Crate;

impl Blake2_256 for Blake2Crate {
	fn blake2_256(data: &[u8]) -> Commitment {
		commitment(data)
	}
}

/// The `ProductID` text of a product byte (`None` for an unknown byte).
pub fn product_id(code: u8) -> Option<&'static [u8]> {
	match code {
		PRODUCT_CODE_OIL => Some(PRODUCT_OIL),
		PRODUCT_CODE_GAS => Some(PRODUCT_GAS),
		_ => None,
	}
}

/// The registered wells: commitment → (well index, `ProductID`); `H` hashes the rows'
/// identifiers.
pub struct Registry<H = Blake2Crate> {
	by_commitment: BTreeMap<Commitment, (u32, &'static [u8])>,
	hash: PhantomData<fn() -> H>,
}

/// Encodes wells `(commitment, product byte)` as the records [`Registry::decode`] reads; a
/// well's index is its position.
pub fn encode_records(wells: &[(Commitment, u8)]) -> Vec<u8> {
	let mut out = Vec::with_capacity(wells.len().saturating_mul(RECORD_BYTES));
	for (c, product) in wells {
		out.extend_from_slice(c);
		out.push(*product);
	}
	out
}

impl<H> Registry<H> {
	/// Decodes records written by [`encode_records`]. `None` if the length is not a multiple
	/// of [`RECORD_BYTES`], a product byte is unknown or a commitment appears twice.
	pub fn decode(records: &[u8]) -> Option<Self> {
		if !records.len().is_multiple_of(RECORD_BYTES) {
			return None;
		}
		let mut by_commitment = BTreeMap::new();
		for (i, record) in records.chunks_exact(RECORD_BYTES).enumerate() {
			let (c, rest) = record.split_first_chunk::<32>()?;
			let product = product_id(*rest.first()?)?;
			let index = u32::try_from(i).ok()?;
			if by_commitment.insert(*c, (index, product)).is_some() {
				return None;
			}
		}
		Some(Self { by_commitment, hash: PhantomData })
	}

	/// Number of registered wells.
	pub fn len(&self) -> usize {
		self.by_commitment.len()
	}
}

/// The worker's matching rule: the row's identifier hashes to a registered commitment and its
/// product is that well's product.
impl<H: Blake2_256> WellMatcher for Registry<H> {
	type Key = u32;
	fn match_well(&self, from_to_id_identifier: &[u8], product_id: &[u8]) -> Option<u32> {
		if product_id != PRODUCT_OIL && product_id != PRODUCT_GAS {
			return None;
		}
		let (index, product) = self.by_commitment.get(&H::blake2_256(from_to_id_identifier))?;
		(*product == product_id).then_some(*index)
	}
}

/// What one run found: the file's counters and the matched wells' totals, by well index.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
	/// Data rows in the CSV.
	pub rows_seen: u64,
	/// Rows offered to the matcher (`WI` + `PROD`).
	pub candidate_rows: u64,
	/// Rows the matcher accepted.
	pub matched_rows: u64,
	/// Totals of the wells with matched rows, ascending by well index.
	pub wells: Vec<(u32, WellTotal)>,
}

impl Outcome {
	/// Keeps the parts of a summary that the benchmark compares.
	pub fn from_summary(summary: IngestSummary<u32>) -> Outcome {
		Outcome {
			rows_seen: summary.rows_seen,
			candidate_rows: summary.candidate_rows,
			matched_rows: summary.matched_rows,
			wells: summary.wells.into_iter().collect(),
		}
	}

	/// Little-endian encoding: header (rows seen `u64`, candidate rows `u64`, matched rows
	/// `u64`, well count `u32`), then per well: index `u32`, volume in thousandths `i64`, rows
	/// `u32`, confidential rows `u32`. `None` if there are more than `u32::MAX` wells.
	pub fn encode(&self) -> Option<Vec<u8>> {
		let count = u32::try_from(self.wells.len()).ok()?;
		let size = OUTCOME_WELL_BYTES
			.checked_mul(self.wells.len())?
			.checked_add(OUTCOME_HEADER_BYTES)?;
		let mut out = Vec::with_capacity(size);
		out.extend_from_slice(&self.rows_seen.to_le_bytes());
		out.extend_from_slice(&self.candidate_rows.to_le_bytes());
		out.extend_from_slice(&self.matched_rows.to_le_bytes());
		out.extend_from_slice(&count.to_le_bytes());
		for (index, t) in &self.wells {
			out.extend_from_slice(&index.to_le_bytes());
			out.extend_from_slice(&t.volume_thousandths.to_le_bytes());
			out.extend_from_slice(&t.rows.to_le_bytes());
			out.extend_from_slice(&t.confidential_rows.to_le_bytes());
		}
		Some(out)
	}

	/// Decodes [`Outcome::encode`]'s output; `None` if it is malformed.
	pub fn decode(mut bytes: &[u8]) -> Option<Outcome> {
		let rows_seen = u64::from_le_bytes(take(&mut bytes)?);
		let candidate_rows = u64::from_le_bytes(take(&mut bytes)?);
		let matched_rows = u64::from_le_bytes(take(&mut bytes)?);
		let count = u32::from_le_bytes(take(&mut bytes)?);
		let mut wells = Vec::new();
		for _ in 0..count {
			let index = u32::from_le_bytes(take(&mut bytes)?);
			let volume_thousandths = i64::from_le_bytes(take(&mut bytes)?);
			let rows = u32::from_le_bytes(take(&mut bytes)?);
			let confidential_rows = u32::from_le_bytes(take(&mut bytes)?);
			wells.push((
				index,
				WellTotal { volume_thousandths, rows, confidential_rows, ..Default::default() },
			));
		}
		bytes
			.is_empty()
			.then_some(Outcome { rows_seen, candidate_rows, matched_rows, wells })
	}
}

/// Splits the first `N` bytes off `bytes`.
fn take<const N: usize>(bytes: &mut &[u8]) -> Option<[u8; N]> {
	let (head, rest) = bytes.split_first_chunk::<N>()?;
	*bytes = rest;
	Some(*head)
}
