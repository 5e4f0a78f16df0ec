//! Petrinex (Alberta) monthly volumetric file: streaming zip-in-zip CSV ingestion.
//!
//! `GET .../publicdata/API/Files/AB/Vol/{YYYY-MM}/CSV` returns a ZIP whose single entry
//! (`Vol_YYYY-MM-AB.csv.zip`) is a ZIP whose single entry is the CSV (`Vol_YYYY-MM-AB.CSV`;
//! latin-1, CRLF, RFC-4180 quoting where needed; see docs/DATA_FORMATS.md for each fact and its
//! source). [`PetrinexIngest`] consumes the HTTP body in chunks of any size:
//!
//! 1. outer ZIP: local file header → raw deflate (method 8) or stored (method 0) data; a body
//!    that starts with `{` or `[` is a JSON message sent with HTTP 200 instead of the file
//!    ([`IngestError::ServiceMessage`]);
//! 2. inner ZIP (the outer entry's bytes): local file header (the name must end with `.csv`,
//!    any case) → inflate / stored;
//! 3. CSV: csv-core tokenizes records incrementally into one reusable record buffer;
//! 4. the first record is the header: the [`NEEDED_COLUMNS`] are found **by name** (any order,
//!    other columns ignored; a missing or doubled one is an error). A data row with another
//!    number of fields than the header is *malformed*: skipped and counted, and a registered
//!    well named in any of its fields gets a malformed row (its month becomes unknown) — one
//!    bad row never stops the file for everybody;
//! 5. only `ActivityID == "PROD"` rows matter (fields compared after trimming ASCII
//!    whitespace). A row whose `FromToIDIdentifier` is `***` is a **masked** (confidential)
//!    well: its volume is public but not attributable, so every registered well of that
//!    product at its `ReportingFacilityID` is told ([`WellMatcher::wells_at_facility`]). A row
//!    with `FromToIDType == "WI"` is a *candidate*: its identifier and `ProductID` go to the
//!    [`WellMatcher`]; if it returns a key, the row is *matched*. A matched row of another
//!    `OperatorBAID` than the well's is counted, never summed; otherwise its `ProductionMonth`
//!    must be the expected month and its `Volume` is added (in thousandths of the unit,
//!    exactly) to the key's [`WellTotal`] — a wrong month, a malformed volume or an overflow
//!    marks the well's month as unknown instead. `***` volumes are counted, never as zero.
//!    Negative volumes (amendments) are added. [`WellTotal::official_thousandths`] turns a
//!    total into the well's official figure or "unknown";
//! 6. every row that counts for a well (matched of any operator, malformed naming it, masked at
//!    its facility) is hashed into its [`WellTotal::rows_hash`] (blake2b-256 of the rows'
//!    canonical bytes, [`canonical_row`]): the provenance of the well's figure, which changes
//!    only when one of *its* rows does — not when Alberta republishes the file for other wells.
//!
//! Each ZIP layer stops at the end of its first entry's data (the deflate stream's own end, so
//! entries written with a data descriptor — general purpose flag bit 3, sizes zero in the local
//! header — are supported); anything after it (data descriptor, further entries, central
//! directory) is ignored, except that a data descriptor's CRC-32 is checked if it arrives. When
//! the local header carries the CRC (no data descriptor), the CRC-32 of the entry is verified at
//! its end.
//!
//! **Memory** stays bounded independently of the file size: per ZIP layer a 32 KiB wrapping
//! inflate window and one boxed `DecompressorOxide` (≈ 11 KiB, both freed when the entry ends),
//! one CSV record (≤ [`MAX_RECORD_BYTES`]), the csv-core automaton, and per matched well one map
//! entry and one blake2b state (≈ 220 bytes) — well under 512 KiB for ~1,000 wells. Each ZIP
//! layer refuses to inflate more than [`MAX_INFLATED_BYTES`] ([`IngestError::InflatedTooLarge`]:
//! a zip bomb).
//!
//! **Malformed volumes** in rows that match no registered well are never parsed.

use alloc::{collections::BTreeMap, vec, vec::Vec};
use core::fmt;
use csv_core::{ReadRecordResult, Reader};

use crate::{
	decimal::{parse_volume_thousandths, parse_year_month, parse_ymd},
	zip::{EntrySink, ZipEntryReader},
};

/// The 30 column names of the volumetric CSV as Petrinex publishes it, in order. The reader does
/// not depend on this order: it finds [`NEEDED_COLUMNS`] by name (see [`Columns`]).
pub const VOL_HEADER: [&str; 30] = [
	"ProductionMonth",
	"OperatorBAID",
	"OperatorName",
	"ReportingFacilityID",
	"ReportingFacilityProvinceState",
	"ReportingFacilityType",
	"ReportingFacilityIdentifier",
	"ReportingFacilityName",
	"ReportingFacilitySubType",
	"ReportingFacilitySubTypeDesc",
	"ReportingFacilityLocation",
	"FacilityLegalSubdivision",
	"FacilitySection",
	"FacilityTownship",
	"FacilityRange",
	"FacilityMeridian",
	"SubmissionDate",
	"ActivityID",
	"ProductID",
	"FromToID",
	"FromToIDProvinceState",
	"FromToIDType",
	"FromToIDIdentifier",
	"Volume",
	"Energy",
	"Hours",
	"CCICode",
	"ProrationProduct",
	"ProrationFactor",
	"Heat",
];

/// Number of columns of the volumetric CSV as published.
pub const VOL_COLUMNS: usize = VOL_HEADER.len();

/// The columns the reader uses, found by name in the header (any order, other columns ignored).
pub const NEEDED_COLUMNS: [&str; 9] = [
	"ProductionMonth",
	"OperatorBAID",
	"ReportingFacilityID",
	"SubmissionDate",
	"ActivityID",
	"ProductID",
	"FromToIDType",
	"FromToIDIdentifier",
	"Volume",
];

/// Where the [`NEEDED_COLUMNS`] are in this file's header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Columns {
	/// Number of columns of the header (every data row must have as many).
	pub count: usize,
	/// `ProductionMonth`.
	pub production_month: usize,
	/// `OperatorBAID`.
	pub operator_baid: usize,
	/// `ReportingFacilityID`.
	pub reporting_facility_id: usize,
	/// `SubmissionDate`.
	pub submission_date: usize,
	/// `ActivityID`.
	pub activity_id: usize,
	/// `ProductID`.
	pub product_id: usize,
	/// `FromToIDType`.
	pub from_to_id_type: usize,
	/// `FromToIDIdentifier`.
	pub from_to_id_identifier: usize,
	/// `Volume`.
	pub volume: usize,
}

impl Columns {
	/// Finds the needed columns in `names` (trimmed, a UTF-8 BOM before the first one ignored).
	pub fn from_header<'a>(names: impl IntoIterator<Item = &'a [u8]>) -> Result<Self, IngestError> {
		let mut found: [Option<usize>; NEEDED_COLUMNS.len()] = [None; NEEDED_COLUMNS.len()];
		let mut count = 0usize;
		for (i, raw) in names.into_iter().enumerate() {
			let mut name = raw;
			if i == 0 {
				name = name.strip_prefix(BOM).unwrap_or(name);
			}
			let name = name.trim_ascii();
			for (slot, wanted) in found.iter_mut().zip(NEEDED_COLUMNS) {
				if name == wanted.as_bytes() {
					if slot.is_some() {
						return Err(IngestError::DuplicateColumn { column: wanted });
					}
					*slot = Some(i);
				}
			}
			count = i.saturating_add(1);
		}
		let mut at = found
			.iter()
			.zip(NEEDED_COLUMNS)
			.map(|(slot, name)| slot.ok_or(IngestError::MissingColumn { column: name }));
		let mut next = || at.next().unwrap_or(Err(IngestError::Internal));
		Ok(Columns {
			count,
			production_month: next()?,
			operator_baid: next()?,
			reporting_facility_id: next()?,
			submission_date: next()?,
			activity_id: next()?,
			product_id: next()?,
			from_to_id_type: next()?,
			from_to_id_identifier: next()?,
			volume: next()?,
		})
	}
}

/// Most bytes one ZIP layer's entry may inflate to (256 MiB): a real month's CSV is ~120 MB
/// (docs/DATA_FORMATS.md), its inner ZIP ~8 MB, so this leaves a margin of 2× over the largest
/// real layer while a zip bomb (deflate inflates up to 1,032×) stops after 256 MiB of work.
pub const MAX_INFLATED_BYTES: u64 = 256 * 1024 * 1024;

/// Largest accepted CSV record (all fields of one row, unquoted), in bytes. Real rows are a few
/// hundred bytes.
pub const MAX_RECORD_BYTES: usize = 64 * 1024;
/// Scratch output for the rest of an over-long record (discarded).
const SCRATCH_BYTES: usize = 256;
/// Scratch field ends for the rest of an over-wide record (discarded).
const SCRATCH_ENDS: usize = 16;
/// Initial capacity of the record buffer.
const INITIAL_RECORD_BYTES: usize = 1024;
/// Field-end slots: the widest accepted header (Petrinex has 30 columns); a data row with more
/// fields is a malformed row.
pub const MAX_COLUMNS: usize = 128;
/// Longest raw `SubmissionDate` kept for [`IngestSummary::latest_submission_date_raw`].
const MAX_RAW_DATE: usize = 32;

/// The `ProductID` of oil (`OIL`).
pub const PRODUCT_OIL: &[u8] = b"OIL";
/// The `ProductID` of gas (`GAS`).
pub const PRODUCT_GAS: &[u8] = b"GAS";
/// `FromToIDType` of a well.
const TYPE_WELL: &[u8] = b"WI";
/// `ActivityID` of production.
const ACTIVITY_PROD: &[u8] = b"PROD";
/// The confidential marker.
const CONFIDENTIAL: &[u8] = b"***";
/// UTF-8 byte order mark, tolerated before the header.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Which ZIP layer an error is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layer {
	/// The downloaded file.
	Outer,
	/// The ZIP inside the downloaded file (whose entry is the CSV).
	Inner,
}

/// Why a Petrinex file was rejected. Row numbers count CSV records from 1 (header = 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IngestError {
	/// The layer does not start with a ZIP local file header.
	NotAZip {
		/// The layer.
		layer: Layer,
	},
	/// The entry uses a compression method other than 0 (stored) or 8 (deflate).
	UnsupportedMethod {
		/// The layer.
		layer: Layer,
		/// The method number from the local header.
		method: u16,
	},
	/// The entry is encrypted.
	Encrypted {
		/// The layer.
		layer: Layer,
	},
	/// A stored (method 0) entry with a data descriptor: its length is unknowable while
	/// streaming.
	StoredWithDataDescriptor {
		/// The layer.
		layer: Layer,
	},
	/// Inconsistent ZIP structure (e.g. a ZIP64 stored entry without its size).
	MalformedZip {
		/// The layer.
		layer: Layer,
	},
	/// The deflate data is corrupt.
	Inflate {
		/// The layer.
		layer: Layer,
	},
	/// The CRC-32 of the decompressed entry differs from the local header / data descriptor.
	ChecksumMismatch {
		/// The layer.
		layer: Layer,
	},
	/// The inner entry's name does not end with `.csv` (ASCII case-insensitive).
	NotCsv,
	/// The input ended before the CSV entry was complete: the body (or the outer entry) was cut
	/// before the end of the inner deflate stream / stored data.
	Truncated,
	/// The CSV is empty (no header row).
	MissingHeader,
	/// A column the reader needs is not in the header.
	MissingColumn {
		/// Its name.
		column: &'static str,
	},
	/// A column the reader needs appears twice in the header.
	DuplicateColumn {
		/// Its name.
		column: &'static str,
	},
	/// The header has more than [`MAX_COLUMNS`] columns or is longer than [`MAX_RECORD_BYTES`].
	HeaderTooWide,
	/// The body is a JSON document (Petrinex answers some failures with HTTP 200 and a JSON
	/// message instead of the file): not published or not available now; try again later.
	ServiceMessage,
	/// A ZIP layer's entry inflates to more than `cap` bytes ([`MAX_INFLATED_BYTES`]): a zip
	/// bomb, refused once its output passes the cap.
	InflatedTooLarge {
		/// The layer.
		layer: Layer,
		/// The cap in bytes.
		cap: u64,
	},
	/// An internal invariant was violated (a bug; never expected).
	Internal,
}

impl fmt::Display for Layer {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		f.write_str(match self {
			Layer::Outer => "outer zip",
			Layer::Inner => "inner zip",
		})
	}
}

impl fmt::Display for IngestError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			IngestError::NotAZip { layer } => write!(f, "{layer}: not a zip file"),
			IngestError::UnsupportedMethod { layer, method } => {
				write!(f, "{layer}: unsupported compression method {method}")
			},
			IngestError::Encrypted { layer } => write!(f, "{layer}: encrypted entry"),
			IngestError::StoredWithDataDescriptor { layer } => {
				write!(f, "{layer}: stored entry with data descriptor")
			},
			IngestError::MalformedZip { layer } => write!(f, "{layer}: malformed zip structure"),
			IngestError::Inflate { layer } => write!(f, "{layer}: corrupt deflate data"),
			IngestError::ChecksumMismatch { layer } => write!(f, "{layer}: CRC-32 mismatch"),
			IngestError::NotCsv => f.write_str("inner zip entry is not a .csv file"),
			IngestError::Truncated => f.write_str("input truncated before the end of the CSV"),
			IngestError::MissingHeader => f.write_str("CSV has no header row"),
			IngestError::MissingColumn { column } => write!(f, "CSV header has no column {column}"),
			IngestError::DuplicateColumn { column } => {
				write!(f, "CSV header has column {column} twice")
			},
			IngestError::HeaderTooWide => f.write_str("CSV header too wide"),
			IngestError::ServiceMessage => {
				f.write_str("the service answered with a JSON message instead of the file")
			},
			IngestError::InflatedTooLarge { layer, cap } => {
				write!(f, "{layer}: entry inflates to more than {cap} bytes (zip bomb?)")
			},
			IngestError::Internal => f.write_str("internal error"),
		}
	}
}

#[cfg(feature = "std")]
impl std::error::Error for IngestError {}

/// Decides which rows belong to a registered well.
///
/// [`Self::match_well`] is called for public production rows (`ActivityID == "PROD"`,
/// `FromToIDType == "WI"`) with the trimmed `FromToIDIdentifier` (e.g. `100071901015W400` or
/// `1W0052706219W500`) and trimmed `ProductID` (e.g. `OIL`, `GAS`); returning `Some(key)` makes
/// the row *matched*. The matcher is responsible for checking that the product is the well's
/// product (oil wells: [`PRODUCT_OIL`], gas wells: [`PRODUCT_GAS`]). A matched row is summed
/// only if [`Self::is_operator`] accepts its `OperatorBAID`.
pub trait WellMatcher {
	/// The caller's well key (e.g. a well id).
	type Key: Copy + Ord;
	/// The key of the registered well this row belongs to, if any.
	fn match_well(&self, from_to_id_identifier: &[u8], product_id: &[u8]) -> Option<Self::Key>;
	/// Whether `operator_baid` (trimmed `OperatorBAID` of a matched row) is the operator the well
	/// `key` is registered with. Rows of another operator are counted in
	/// [`WellTotal::other_operator_rows`], never summed. The default accepts every operator.
	fn is_operator(&self, key: Self::Key, operator_baid: &[u8]) -> bool {
		let _ = (key, operator_baid);
		true
	}
	/// A masked (confidential) production row: `FromToIDIdentifier` is `***`, its reporting
	/// facility and product public. Calls `mark` with every registered well of `product_id`
	/// reported by `reporting_facility_id`; those wells' months are unknown unless they have
	/// public rows ([`WellTotal::official_thousandths`]). The default marks none.
	fn wells_at_facility(
		&self,
		reporting_facility_id: &[u8],
		product_id: &[u8],
		mark: &mut dyn FnMut(Self::Key),
	) {
		let _ = (reporting_facility_id, product_id, mark);
	}
}

impl<M: WellMatcher + ?Sized> WellMatcher for &M {
	type Key = M::Key;
	fn match_well(&self, from_to_id_identifier: &[u8], product_id: &[u8]) -> Option<Self::Key> {
		(**self).match_well(from_to_id_identifier, product_id)
	}
	fn is_operator(&self, key: Self::Key, operator_baid: &[u8]) -> bool {
		(**self).is_operator(key, operator_baid)
	}
	fn wells_at_facility(
		&self,
		reporting_facility_id: &[u8],
		product_id: &[u8],
		mark: &mut dyn FnMut(Self::Key),
	) {
		(**self).wells_at_facility(reporting_facility_id, product_id, mark)
	}
}

/// Adapts a closure `Fn(identifier, product) -> Option<K>` into a [`WellMatcher`] (every
/// operator accepted, no facility links).
pub struct FnMatcher<F>(pub F);

impl<K, F> WellMatcher for FnMatcher<F>
where
	K: Copy + Ord,
	F: Fn(&[u8], &[u8]) -> Option<K>,
{
	type Key = K;
	fn match_well(&self, from_to_id_identifier: &[u8], product_id: &[u8]) -> Option<K> {
		(self.0)(from_to_id_identifier, product_id)
	}
}

/// One well's month, summed over its matched rows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WellTotal {
	/// Net volume in thousandths of the unit (oil: m³ × 1000 = litres; gas: e³m³ × 1000 = m³),
	/// over the summed rows (amendments included, so it may be negative).
	pub volume_thousandths: i64,
	/// Matched rows of the well's operator whose volume was numeric (summed).
	pub rows: u32,
	/// Matched rows of the well's operator whose volume was `***` (not summed).
	pub confidential_rows: u32,
	/// Matched rows reported by another `OperatorBAID` (not summed).
	pub other_operator_rows: u32,
	/// Masked (`***` identifier) production rows of the well's product at its reporting
	/// facility: one of them may be this well.
	pub masked_facility_rows: u32,
	/// Rows of this well that could not be read: a production month other than the file's, a
	/// volume that is not an exact decimal (≤ 3 decimals), a total overflowing `i64`, or a row
	/// with the wrong number of fields that names the well.
	pub malformed_rows: u32,
	/// blake2b-256 over the [`canonical_row`] bytes of every row counted above (matched rows of
	/// any operator, malformed rows naming the well, masked rows at its facility), in file
	/// order: the provenance of this well's figure. Rows of other wells never change it; any
	/// change of one of its rows does.
	pub rows_hash: [u8; 32],
}

impl WellTotal {
	/// The well's official volume for the month in thousandths, or `None` when the file does not
	/// tell it: a row of the well is malformed or has a `***` volume, or the well has no public
	/// row of its operator while its facility reports masked rows of its product (the well may
	/// be confidential). `Some(0)` means "no production of this operator reported".
	pub fn official_thousandths(&self) -> Option<i64> {
		if self.malformed_rows > 0 || self.confidential_rows > 0 {
			return None;
		}
		if self.rows == 0 && self.masked_facility_rows > 0 {
			return None;
		}
		Some(self.volume_thousandths)
	}
}

/// The canonical bytes of one CSV row for [`WellTotal::rows_hash`]: the number of fields as a
/// 4-byte little-endian integer, then each field as its byte length (4-byte little-endian) and
/// its bytes as the CSV reader decodes them (quotes removed, nothing trimmed, latin-1 bytes as
/// they are). Line endings and quoting do not change it; any byte of any field does.
pub fn canonical_row<'a>(
	fields: impl ExactSizeIterator<Item = &'a [u8]>,
	out: &mut dyn FnMut(&[u8]),
) {
	let count = u32::try_from(fields.len()).unwrap_or(u32::MAX);
	out(&count.to_le_bytes());
	for f in fields {
		out(&u32::try_from(f.len()).unwrap_or(u32::MAX).to_le_bytes());
		out(f);
	}
}

/// Hashes the current record into `key`'s row hash.
fn hash_row<K: Ord>(hashers: &mut BTreeMap<K, Blake2b256>, key: K, record: &[u8], ends: &[usize]) {
	let h = hashers.entry(key).or_insert_with(Blake2b256::new);
	canonical_row((0..ends.len()).map(|i| field(record, ends, i)), &mut |b| h.update(b));
}

/// The result of a complete file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IngestSummary<K> {
	/// Totals per well that had matched rows, masked rows at its facility or malformed rows.
	pub wells: BTreeMap<K, WellTotal>,
	/// Data rows (records after the header).
	pub rows_seen: u64,
	/// Public production rows (`FromToIDType == "WI"`, `ActivityID == "PROD"`) offered to the
	/// matcher.
	pub candidate_rows: u64,
	/// Rows the matcher accepted (of any operator).
	pub matched_rows: u64,
	/// Masked production rows (`FromToIDIdentifier == "***"`, `ActivityID == "PROD"`).
	pub masked_rows: u64,
	/// Data rows whose number of fields differs from the header's (skipped; a registered well
	/// named in one gets [`WellTotal::malformed_rows`]).
	pub malformed_rows: u64,
	/// The latest `SubmissionDate` over all data rows that parse as a date (`YYYY-MM-DD`,
	/// optionally followed by a time after a space or `T`): the file's version / "updated
	/// date", as `(year, month, day)`.
	pub latest_submission_date: Option<(u16, u8, u8)>,
	/// The greatest trimmed non-empty `SubmissionDate` text (byte-wise comparison, values longer
	/// than 32 bytes ignored), as given in the file.
	pub latest_submission_date_raw: Option<Vec<u8>>,
	/// Data rows whose non-empty `SubmissionDate` did not parse as a date.
	pub unparseable_submission_dates: u64,
}

/// The CSV stage: tokenizes records and aggregates matched rows.
struct CsvStage<M: WellMatcher> {
	matcher: M,
	expected_month: (u16, u8),
	reader: Reader,
	record: Vec<u8>,
	record_len: usize,
	ends: [usize; MAX_COLUMNS],
	ends_len: usize,
	/// The current record did not fit (too many fields or bytes): what was read of it is kept
	/// (frozen) and the rest goes to the scratch buffers until its end.
	overflow: bool,
	scratch: [u8; SCRATCH_BYTES],
	scratch_ends: [usize; SCRATCH_ENDS],
	/// The header's columns, once read.
	columns: Option<Columns>,
	/// Records completed so far (header included).
	records: u64,
	/// Set once the end of the CSV was processed.
	complete: bool,
	/// Each counted well's running row hash (finished into its total at the end).
	hashers: BTreeMap<M::Key, Blake2b256>,
	summary: IngestSummary<M::Key>,
}

impl<M: WellMatcher> CsvStage<M> {
	fn new(matcher: M, expected_month: (u16, u8)) -> Self {
		CsvStage {
			matcher,
			expected_month,
			reader: Reader::new(),
			record: vec![0; INITIAL_RECORD_BYTES],
			record_len: 0,
			ends: [0; MAX_COLUMNS],
			ends_len: 0,
			overflow: false,
			scratch: [0; SCRATCH_BYTES],
			scratch_ends: [0; SCRATCH_ENDS],
			columns: None,
			records: 0,
			complete: false,
			hashers: BTreeMap::new(),
			summary: IngestSummary {
				wells: BTreeMap::new(),
				rows_seen: 0,
				candidate_rows: 0,
				matched_rows: 0,
				masked_rows: 0,
				malformed_rows: 0,
				latest_submission_date: None,
				latest_submission_date_raw: None,
				unparseable_submission_dates: 0,
			},
		}
	}

	/// Feeds CSV bytes; an empty `input` means end of data (csv-core's convention) and must
	/// only be passed by [`Self::finish_csv`].
	fn feed(&mut self, mut input: &[u8]) -> Result<(), IngestError> {
		let at_eof = input.is_empty();
		loop {
			let (res, nin) = if self.overflow {
				let (res, nin, _, _) =
					self.reader.read_record(input, &mut self.scratch, &mut self.scratch_ends);
				(res, nin)
			} else {
				let out = self.record.get_mut(self.record_len..).ok_or(IngestError::Internal)?;
				let ends = self.ends.get_mut(self.ends_len..).ok_or(IngestError::Internal)?;
				let (res, nin, nout, nend) = self.reader.read_record(input, out, ends);
				self.record_len = self.record_len.saturating_add(nout);
				self.ends_len = self.ends_len.saturating_add(nend);
				(res, nin)
			};
			input = input.get(nin..).unwrap_or(&[]);
			match res {
				// (csv-core never reports `InputEmpty` at end of data; returning is the safe
				// choice should it ever do so.)
				ReadRecordResult::InputEmpty => return Ok(()),
				// The scratch buffers are reused until the over-long record ends.
				ReadRecordResult::OutputFull | ReadRecordResult::OutputEndsFull
					if self.overflow => {},
				ReadRecordResult::OutputFull => {
					let new_len = self.record.len().saturating_mul(2).min(MAX_RECORD_BYTES);
					if new_len <= self.record.len() {
						self.freeze()?;
					} else {
						self.record.resize(new_len, 0);
					}
				},
				ReadRecordResult::OutputEndsFull => self.freeze()?,
				ReadRecordResult::Record => {
					self.records = self.records.saturating_add(1);
					let res = self.process_record();
					self.record_len = 0;
					self.ends_len = 0;
					self.overflow = false;
					res?;
				},
				ReadRecordResult::End => return Ok(()),
			}
			if input.is_empty() && !at_eof {
				return Ok(());
			}
		}
	}

	/// The current record is too wide or too long: a header is an error; of a data row, the
	/// fields read so far are kept and the rest is read to its end without being kept (the row
	/// is then malformed).
	fn freeze(&mut self) -> Result<(), IngestError> {
		if self.records == 0 {
			return Err(IngestError::HeaderTooWide);
		}
		self.overflow = true;
		Ok(())
	}

	/// The CSV entry ended: flushes the last record.
	fn finish_csv(&mut self) -> Result<(), IngestError> {
		if self.complete {
			return Ok(());
		}
		self.feed(&[])?;
		if self.records == 0 {
			return Err(IngestError::MissingHeader);
		}
		for (key, h) in core::mem::take(&mut self.hashers) {
			if let Some(total) = self.summary.wells.get_mut(&key) {
				total.rows_hash = h.finalize();
			}
		}
		self.complete = true;
		Ok(())
	}

	fn process_record(&mut self) -> Result<(), IngestError> {
		let Some(cols) = self.columns else {
			let (record, ends) = (&self.record, self.ends.get(..self.ends_len).unwrap_or(&[]));
			self.columns =
				Some(Columns::from_header((0..ends.len()).map(|i| field(record, ends, i)))?);
			return Ok(());
		};
		let CsvStage {
			matcher,
			expected_month,
			record,
			ends,
			ends_len,
			overflow,
			summary,
			hashers,
			..
		} = self;
		let ends = ends.get(..*ends_len).unwrap_or(&[]);
		summary.rows_seen = summary.rows_seen.saturating_add(1);
		if *overflow || ends.len() != cols.count {
			// The fields cannot be trusted to be where the header says: skip the row, and make
			// the month of any registered well it names unknown.
			summary.malformed_rows = summary.malformed_rows.saturating_add(1);
			for i in 0..ends.len() {
				let text = field(record, ends, i).trim_ascii();
				let key = matcher
					.match_well(text, PRODUCT_OIL)
					.or_else(|| matcher.match_well(text, PRODUCT_GAS));
				if let Some(key) = key {
					let total = summary.wells.entry(key).or_default();
					total.malformed_rows = total.malformed_rows.saturating_add(1);
					hash_row(hashers, key, record, ends);
				}
			}
			return Ok(());
		}
		let get = |i: usize| field(record, ends, i).trim_ascii();
		track_submission_date(summary, get(cols.submission_date));

		if get(cols.activity_id) != ACTIVITY_PROD {
			return Ok(());
		}
		let identifier = get(cols.from_to_id_identifier);
		let product = get(cols.product_id);
		if identifier == CONFIDENTIAL {
			summary.masked_rows = summary.masked_rows.saturating_add(1);
			let wells = &mut summary.wells;
			matcher.wells_at_facility(get(cols.reporting_facility_id), product, &mut |key| {
				let total = wells.entry(key).or_default();
				total.masked_facility_rows = total.masked_facility_rows.saturating_add(1);
				hash_row(hashers, key, record, ends);
			});
			return Ok(());
		}
		if get(cols.from_to_id_type) != TYPE_WELL {
			return Ok(());
		}
		summary.candidate_rows = summary.candidate_rows.saturating_add(1);
		let Some(key) = matcher.match_well(identifier, product) else {
			return Ok(());
		};
		summary.matched_rows = summary.matched_rows.saturating_add(1);
		hash_row(hashers, key, record, ends);
		let operator_ok = matcher.is_operator(key, get(cols.operator_baid));
		let total = summary.wells.entry(key).or_default();
		if !operator_ok {
			total.other_operator_rows = total.other_operator_rows.saturating_add(1);
			return Ok(());
		}
		if parse_year_month(get(cols.production_month)) != Some(*expected_month) {
			total.malformed_rows = total.malformed_rows.saturating_add(1);
			return Ok(());
		}
		let volume = get(cols.volume);
		if volume == CONFIDENTIAL {
			total.confidential_rows = total.confidential_rows.saturating_add(1);
			return Ok(());
		}
		match parse_volume_thousandths(volume)
			.ok()
			.and_then(|v| total.volume_thousandths.checked_add(v))
		{
			Some(sum) => {
				total.volume_thousandths = sum;
				total.rows = total.rows.saturating_add(1);
			},
			None => total.malformed_rows = total.malformed_rows.saturating_add(1),
		}
		Ok(())
	}
}

/// Keeps the file's latest `SubmissionDate` (its version).
fn track_submission_date<K>(summary: &mut IngestSummary<K>, raw: &[u8]) {
	if raw.is_empty() {
		return;
	}
	match parse_ymd(raw, true) {
		Some(d) => {
			if summary.latest_submission_date.is_none_or(|cur| d > cur) {
				summary.latest_submission_date = Some(d);
			}
		},
		None => {
			summary.unparseable_submission_dates =
				summary.unparseable_submission_dates.saturating_add(1)
		},
	}
	if raw.len() <= MAX_RAW_DATE
		&& summary.latest_submission_date_raw.as_deref().is_none_or(|cur| raw > cur)
	{
		let slot = summary.latest_submission_date_raw.get_or_insert_with(Vec::new);
		slot.clear();
		slot.extend_from_slice(raw);
	}
}

/// Field `i` of a record given its bytes and field end offsets (empty if out of range).
fn field<'a>(record: &'a [u8], ends: &[usize], i: usize) -> &'a [u8] {
	let start = match i.checked_sub(1) {
		None => 0,
		Some(p) => ends.get(p).copied().unwrap_or(0),
	};
	let end = ends.get(i).copied().unwrap_or(0);
	record.get(start..end).unwrap_or(&[])
}

/// Adapts the CSV stage as the sink of the inner ZIP entry.
impl<M: WellMatcher> EntrySink for CsvStage<M> {
	fn data(&mut self, bytes: &[u8]) -> Result<(), IngestError> {
		if bytes.is_empty() || self.complete {
			return Ok(());
		}
		self.feed(bytes)
	}

	fn end(&mut self) -> Result<(), IngestError> {
		self.finish_csv()
	}
}

/// The outer entry's sink: the inner ZIP reader, itself feeding the CSV stage.
struct InnerSink<'a, M: WellMatcher> {
	inner: &'a mut ZipEntryReader,
	csv: &'a mut CsvStage<M>,
}

impl<M: WellMatcher> EntrySink for InnerSink<'_, M> {
	fn data(&mut self, bytes: &[u8]) -> Result<(), IngestError> {
		self.inner.push(bytes, self.csv)
	}

	fn end(&mut self) -> Result<(), IngestError> {
		// The outer entry ended: the inner one must be complete by now.
		self.inner.finish(self.csv)?;
		if self.inner.data_ended() {
			Ok(())
		} else {
			Err(IngestError::Truncated)
		}
	}
}

/// Push-style ingestion of one Petrinex monthly volumetric file (see the [module docs](self)).
///
/// ```
/// use tn_ingest::{FnMatcher, PetrinexIngest, IngestError};
/// let matcher = FnMatcher(|id: &[u8], product: &[u8]| {
///     (id == b"100071901015W400" && product == b"OIL").then_some(1u32)
/// });
/// let mut ing = PetrinexIngest::new(matcher, (2026, 1));
/// // for chunk in http_body { ing.push(chunk)?; }
/// assert_eq!(ing.push(b"<html>"), Err(IngestError::NotAZip { layer: tn_ingest::Layer::Outer }));
/// ```
pub struct PetrinexIngest<M: WellMatcher> {
	outer: ZipEntryReader,
	inner: ZipEntryReader,
	csv: CsvStage<M>,
	/// The first error; every later call returns it again.
	failed: Option<IngestError>,
	bytes_in: u64,
}

impl<M: WellMatcher> PetrinexIngest<M> {
	/// Starts ingesting the file of `expected_month` = `(year, month)`, e.g. `(2026, 1)`.
	pub fn new(matcher: M, expected_month: (u16, u8)) -> Self {
		PetrinexIngest {
			outer: ZipEntryReader::new(Layer::Outer, false),
			inner: ZipEntryReader::new(Layer::Inner, true),
			csv: CsvStage::new(matcher, expected_month),
			failed: None,
			bytes_in: 0,
		}
	}

	/// Feeds the next chunk of the HTTP body (any size, including 0 or 1 byte).
	///
	/// Errors are final: after one, every call returns the same error.
	pub fn push(&mut self, chunk: &[u8]) -> Result<(), IngestError> {
		if let Some(e) = &self.failed {
			return Err(e.clone());
		}
		self.bytes_in = self.bytes_in.saturating_add(chunk.len() as u64);
		let mut sink = InnerSink { inner: &mut self.inner, csv: &mut self.csv };
		let res = self.outer.push(chunk, &mut sink);
		if let Err(e) = &res {
			self.failed = Some(e.clone());
		}
		res
	}

	/// Whether the CSV has been completely read (the rest of the body can only be trailing ZIP
	/// structures; [`Self::finish`] will succeed unless a later CRC check fails).
	pub fn is_complete(&self) -> bool {
		self.failed.is_none() && self.csv.complete
	}

	/// Total bytes pushed so far.
	pub fn bytes_received(&self) -> u64 {
		self.bytes_in
	}

	/// The body ended: returns the per-well totals, or [`IngestError::Truncated`] if the CSV
	/// entry was not complete.
	pub fn finish(mut self) -> Result<IngestSummary<M::Key>, IngestError> {
		if let Some(e) = self.failed {
			return Err(e);
		}
		if !self.csv.complete {
			let mut sink = InnerSink { inner: &mut self.inner, csv: &mut self.csv };
			match self.outer.finish(&mut sink) {
				Ok(()) => {},
				Err(IngestError::Truncated) => {},
				Err(e) => return Err(e),
			}
			if !self.inner.data_ended() {
				self.inner.finish(&mut self.csv)?;
			}
		}
		if !self.csv.complete {
			return Err(IngestError::Truncated);
		}
		Ok(self.csv.summary)
	}
}

/// blake2b-256 (RFC 7693, unkeyed, 32-byte digest), streaming, for [`WellTotal::rows_hash`]:
/// the `blake2` crate (RustCrypto, as the oracle worker uses it), the same function as the
/// runtime's `blake2_256`.
#[derive(Clone)]
pub(crate) struct Blake2b256(blake2::Blake2b<blake2::digest::consts::U32>);

impl Blake2b256 {
	/// A new hash (digest length 32, no key).
	pub(crate) fn new() -> Self {
		Blake2b256(blake2::Digest::new())
	}

	/// Hashes `data` next.
	pub(crate) fn update(&mut self, data: &[u8]) {
		blake2::Digest::update(&mut self.0, data);
	}

	/// The 32-byte digest.
	pub(crate) fn finalize(self) -> [u8; 32] {
		blake2::Digest::finalize(self.0).into()
	}
}
