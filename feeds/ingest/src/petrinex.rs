//! Petrinex (Alberta) monthly volumetric file: streaming zip-in-zip CSV ingestion.
//!
//! `GET .../publicdata/API/Files/AB/Vol/{YYYY-MM}/CSV` returns a ZIP whose single entry is a ZIP
//! whose single entry is `Vol_YYYY-MM-AB.csv` (latin-1, CRLF, RFC-4180 quoting, 30 columns, see
//! [`VOL_HEADER`]). [`PetrinexIngest`] consumes the HTTP body in chunks of any size:
//!
//! 1. outer ZIP: local file header → raw deflate (method 8) or stored (method 0) data;
//! 2. inner ZIP (the outer entry's bytes): local file header (the name must end with `.csv`) →
//!    inflate / stored;
//! 3. CSV: csv-core tokenizes records incrementally into one reusable record buffer;
//! 4. the first record must be exactly [`VOL_HEADER`]; every other record must have 30 fields;
//! 5. a row is a *candidate* if `FromToIDType == "WI"` and `ActivityID == "PROD"` (fields
//!    compared after trimming ASCII whitespace). Its trimmed `FromToIDIdentifier` and `ProductID`
//!    are given to the caller's [`WellMatcher`]; if it returns a key, the row is *matched*: its
//!    `ProductionMonth` must be the expected month and its `Volume` is added (in thousandths of
//!    the unit, exactly) to that key's [`WellTotal`]. `***` (confidential) is counted in
//!    [`WellTotal::confidential_rows`], never as zero. Negative volumes (amendments) are added.
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
//! one CSV record (≤ [`MAX_RECORD_BYTES`]), the csv-core automaton, and one map entry per matched
//! well — well under 256 KiB for ~1,000 wells.
//!
//! **Row numbers** in errors count CSV records from 1, the header being record 1 (equal to the
//! line number when no quoted field contains a line break; blank lines are skipped and not
//! counted).
//!
//! **Malformed volumes**: a non-`***` volume that is not an exact decimal with at most 3 decimals
//! (further decimals allowed only if zero) is an error ([`IngestError::MalformedVolume`]) in a
//! matched row — an empty volume included — and is ignored in any other row.

use alloc::{collections::BTreeMap, vec, vec::Vec};
use core::fmt;
use csv_core::{ReadRecordResult, Reader};

use crate::{
	decimal::{parse_volume_thousandths, parse_year_month, parse_ymd},
	zip::{EntrySink, ZipEntryReader},
};

/// The 30 column names of the volumetric CSV, in order.
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

/// Number of columns of the volumetric CSV.
pub const VOL_COLUMNS: usize = VOL_HEADER.len();

const COL_PRODUCTION_MONTH: usize = 0;
const COL_SUBMISSION_DATE: usize = 16;
const COL_ACTIVITY_ID: usize = 17;
const COL_PRODUCT_ID: usize = 18;
const COL_FROM_TO_ID_TYPE: usize = 21;
const COL_FROM_TO_ID_IDENTIFIER: usize = 22;
const COL_VOLUME: usize = 23;

/// Largest accepted CSV record (all fields of one row, unquoted), in bytes. Real rows are a few
/// hundred bytes.
pub const MAX_RECORD_BYTES: usize = 64 * 1024;
/// Initial capacity of the record buffer.
const INITIAL_RECORD_BYTES: usize = 1024;
/// Field-end slots: one more than the expected count, so that a long row is detected.
const ENDS_SLOTS: usize = 64;
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
	/// The header row is not exactly [`VOL_HEADER`].
	BadHeader {
		/// Index (0-based) of the first column that differs; `VOL_COLUMNS` or more if the
		/// header has too many columns and the first 30 agree.
		column: usize,
	},
	/// A data row does not have 30 fields.
	FieldCount {
		/// The row.
		row: u64,
		/// Fields found (`ENDS_SLOTS` = 64 means "64 or more").
		found: usize,
	},
	/// A row is longer than [`MAX_RECORD_BYTES`].
	RowTooLong {
		/// The row.
		row: u64,
	},
	/// A matched row's `ProductionMonth` is not the expected month.
	WrongMonth {
		/// The row.
		row: u64,
		/// The month found, if it parsed as `YYYY-MM`.
		found: Option<(u16, u8)>,
	},
	/// A matched row's `Volume` is neither `***` nor an exact decimal (≤ 3 decimals).
	MalformedVolume {
		/// The row.
		row: u64,
	},
	/// A well's total does not fit an `i64` of thousandths.
	Overflow {
		/// The row whose volume overflowed.
		row: u64,
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
			IngestError::UnsupportedMethod { layer, method } =>
				write!(f, "{layer}: unsupported compression method {method}"),
			IngestError::Encrypted { layer } => write!(f, "{layer}: encrypted entry"),
			IngestError::StoredWithDataDescriptor { layer } =>
				write!(f, "{layer}: stored entry with data descriptor"),
			IngestError::MalformedZip { layer } => write!(f, "{layer}: malformed zip structure"),
			IngestError::Inflate { layer } => write!(f, "{layer}: corrupt deflate data"),
			IngestError::ChecksumMismatch { layer } => write!(f, "{layer}: CRC-32 mismatch"),
			IngestError::NotCsv => f.write_str("inner zip entry is not a .csv file"),
			IngestError::Truncated => f.write_str("input truncated before the end of the CSV"),
			IngestError::MissingHeader => f.write_str("CSV has no header row"),
			IngestError::BadHeader { column } => write!(f, "bad CSV header at column {column}"),
			IngestError::FieldCount { row, found } =>
				write!(f, "row {row}: {found} fields instead of {VOL_COLUMNS}"),
			IngestError::RowTooLong { row } => write!(f, "row {row}: row too long"),
			IngestError::WrongMonth { row, found: Some((y, m)) } =>
				write!(f, "row {row}: production month {y:04}-{m:02} is not the expected month"),
			IngestError::WrongMonth { row, found: None } =>
				write!(f, "row {row}: unparseable production month"),
			IngestError::MalformedVolume { row } => write!(f, "row {row}: malformed volume"),
			IngestError::Overflow { row } => write!(f, "row {row}: volume total overflows"),
			IngestError::Internal => f.write_str("internal error"),
		}
	}
}

#[cfg(feature = "std")]
impl std::error::Error for IngestError {}

/// Decides which rows belong to a registered well.
///
/// Called only for candidate rows (`FromToIDType == "WI"`, `ActivityID == "PROD"`), with the
/// trimmed `FromToIDIdentifier` (e.g. `100071901015W400`) and trimmed `ProductID` (e.g. `OIL`,
/// `GAS`). Returning `Some(key)` sums the row into `key`'s total; the matcher is responsible
/// for checking that the product is the well's product (oil wells: [`PRODUCT_OIL`], gas wells:
/// [`PRODUCT_GAS`]).
pub trait WellMatcher {
	/// The caller's well key (e.g. a well id).
	type Key: Copy + Ord;
	/// The key of the registered well this row belongs to, if any.
	fn match_well(&self, from_to_id_identifier: &[u8], product_id: &[u8]) -> Option<Self::Key>;
}

impl<M: WellMatcher + ?Sized> WellMatcher for &M {
	type Key = M::Key;
	fn match_well(&self, from_to_id_identifier: &[u8], product_id: &[u8]) -> Option<Self::Key> {
		(**self).match_well(from_to_id_identifier, product_id)
	}
}

/// Adapts a closure `Fn(identifier, product) -> Option<K>` into a [`WellMatcher`].
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
	/// over the rows with a numeric volume (amendments included, so it may be negative).
	pub volume_thousandths: i64,
	/// Matched rows whose volume was numeric (summed).
	pub rows: u32,
	/// Matched rows whose volume was `***` (confidential; not summed — the total is incomplete
	/// if this is non-zero).
	pub confidential_rows: u32,
}

/// The result of a complete file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IngestSummary<K> {
	/// Totals per matched well (wells without matched rows are absent).
	pub wells: BTreeMap<K, WellTotal>,
	/// Data rows (records after the header).
	pub rows_seen: u64,
	/// Rows with `FromToIDType == "WI"` and `ActivityID == "PROD"` offered to the matcher.
	pub candidate_rows: u64,
	/// Rows the matcher accepted.
	pub matched_rows: u64,
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
	ends: [usize; ENDS_SLOTS],
	ends_len: usize,
	/// Records completed so far (header included).
	records: u64,
	/// Set once the end of the CSV was processed.
	complete: bool,
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
			ends: [0; ENDS_SLOTS],
			ends_len: 0,
			records: 0,
			complete: false,
			summary: IngestSummary {
				wells: BTreeMap::new(),
				rows_seen: 0,
				candidate_rows: 0,
				matched_rows: 0,
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
			let out = self.record.get_mut(self.record_len..).ok_or(IngestError::Internal)?;
			let ends = self.ends.get_mut(self.ends_len..).ok_or(IngestError::Internal)?;
			let (res, nin, nout, nend) = self.reader.read_record(input, out, ends);
			input = input.get(nin..).unwrap_or(&[]);
			self.record_len = self.record_len.saturating_add(nout);
			self.ends_len = self.ends_len.saturating_add(nend);
			match res {
				// (csv-core never reports `InputEmpty` at end of data; returning is the safe
				// choice should it ever do so.)
				ReadRecordResult::InputEmpty => return Ok(()),
				ReadRecordResult::OutputFull => {
					let row = self.records.saturating_add(1);
					let new_len = self.record.len().saturating_mul(2).min(MAX_RECORD_BYTES);
					if new_len <= self.record.len() {
						return Err(IngestError::RowTooLong { row });
					}
					self.record.resize(new_len, 0);
				},
				ReadRecordResult::OutputEndsFull => {
					let row = self.records.saturating_add(1);
					if row == 1 {
						return Err(IngestError::BadHeader { column: ENDS_SLOTS });
					}
					return Err(IngestError::FieldCount { row, found: ENDS_SLOTS });
				},
				ReadRecordResult::Record => {
					self.records = self.records.saturating_add(1);
					let res = self.process_record();
					self.record_len = 0;
					self.ends_len = 0;
					res?;
				},
				ReadRecordResult::End => return Ok(()),
			}
			if input.is_empty() && !at_eof {
				return Ok(());
			}
		}
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
		self.complete = true;
		Ok(())
	}

	/// Field `i` of the current record.
	fn field(&self, i: usize) -> &[u8] {
		field(&self.record, &self.ends, i)
	}

	fn process_record(&mut self) -> Result<(), IngestError> {
		let row = self.records;
		let nfields = self.ends_len;
		if row == 1 {
			for (i, name) in VOL_HEADER.iter().enumerate() {
				let mut got = self.field(i);
				if i == 0 {
					got = got.strip_prefix(BOM).unwrap_or(got);
				}
				if i >= nfields || got.trim_ascii() != name.as_bytes() {
					return Err(IngestError::BadHeader { column: i });
				}
			}
			if nfields != VOL_COLUMNS {
				return Err(IngestError::BadHeader { column: VOL_COLUMNS });
			}
			return Ok(());
		}
		if nfields != VOL_COLUMNS {
			return Err(IngestError::FieldCount { row, found: nfields });
		}
		self.summary.rows_seen = self.summary.rows_seen.saturating_add(1);
		self.track_submission_date();

		if self.field(COL_FROM_TO_ID_TYPE).trim_ascii() != TYPE_WELL
			|| self.field(COL_ACTIVITY_ID).trim_ascii() != ACTIVITY_PROD
		{
			return Ok(());
		}
		self.summary.candidate_rows = self.summary.candidate_rows.saturating_add(1);
		let Some(key) = self.matcher.match_well(
			self.field(COL_FROM_TO_ID_IDENTIFIER).trim_ascii(),
			self.field(COL_PRODUCT_ID).trim_ascii(),
		) else {
			return Ok(());
		};
		self.summary.matched_rows = self.summary.matched_rows.saturating_add(1);

		let month = parse_year_month(self.field(COL_PRODUCTION_MONTH).trim_ascii());
		if month != Some(self.expected_month) {
			return Err(IngestError::WrongMonth { row, found: month });
		}
		let volume = self.field(COL_VOLUME).trim_ascii();
		let confidential = volume == CONFIDENTIAL;
		let thousandths = if confidential {
			0
		} else {
			parse_volume_thousandths(volume).map_err(|_| IngestError::MalformedVolume { row })?
		};
		let total = self.summary.wells.entry(key).or_default();
		if confidential {
			total.confidential_rows = total.confidential_rows.saturating_add(1);
		} else {
			total.volume_thousandths = total
				.volume_thousandths
				.checked_add(thousandths)
				.ok_or(IngestError::Overflow { row })?;
			total.rows = total.rows.saturating_add(1);
		}
		Ok(())
	}

	fn track_submission_date(&mut self) {
		// Borrow the record only, so that the summary can be updated.
		let raw = field(&self.record, &self.ends, COL_SUBMISSION_DATE).trim_ascii();
		if raw.is_empty() {
			return;
		}
		match parse_ymd(raw, true) {
			Some(d) =>
				if self.summary.latest_submission_date.is_none_or(|cur| d > cur) {
					self.summary.latest_submission_date = Some(d);
				},
			None =>
				self.summary.unparseable_submission_dates =
					self.summary.unparseable_submission_dates.saturating_add(1),
		}
		if raw.len() <= MAX_RAW_DATE
			&& self.summary.latest_submission_date_raw.as_deref().is_none_or(|cur| raw > cur)
		{
			let slot = self.summary.latest_submission_date_raw.get_or_insert_with(Vec::new);
			slot.clear();
			slot.extend_from_slice(raw);
		}
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
