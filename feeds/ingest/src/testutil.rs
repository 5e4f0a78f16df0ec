//! Test-only fixture builders: a minimal ZIP writer and a Petrinex CSV row builder.

use alloc::{
	format,
	string::{String, ToString},
	vec::Vec,
};

use crate::petrinex::VOL_HEADER;
use crc32fast::hash as crc32;

/// Compression method of a fixture entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
	Stored,
	Deflate,
}

/// Whether (and how) a data descriptor follows the entry data (general purpose flag bit 3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Descriptor {
	/// Sizes and CRC in the local header.
	No,
	/// Bit 3 set; descriptor with the optional `PK\x07\x08` signature.
	WithSignature,
	/// Bit 3 set; descriptor without signature.
	WithoutSignature,
}

/// One fixture entry.
#[derive(Clone, Copy, Debug)]
pub struct Entry<'a> {
	pub name: &'a str,
	pub data: &'a [u8],
	pub method: Method,
	pub descriptor: Descriptor,
	/// An extra field to put in the local header.
	pub extra: &'a [u8],
	/// Write 0xFFFFFFFF sizes in the local header and a ZIP64 extra field.
	pub zip64: bool,
	/// General purpose flags to OR in (e.g. 1 = encrypted).
	pub extra_flags: u16,
	/// Override of the method number written (e.g. 12 = bzip2).
	pub method_override: Option<u16>,
}

impl<'a> Entry<'a> {
	pub fn new(name: &'a str, data: &'a [u8], method: Method, descriptor: Descriptor) -> Self {
		Entry {
			name,
			data,
			method,
			descriptor,
			extra: &[],
			zip64: false,
			extra_flags: 0,
			method_override: None,
		}
	}
}

fn put16(v: &mut Vec<u8>, x: u16) {
	v.extend_from_slice(&x.to_le_bytes());
}
fn put32(v: &mut Vec<u8>, x: u32) {
	v.extend_from_slice(&x.to_le_bytes());
}
fn put64(v: &mut Vec<u8>, x: u64) {
	v.extend_from_slice(&x.to_le_bytes());
}

/// Raw deflate of `data`.
pub fn deflate(data: &[u8]) -> Vec<u8> {
	miniz_oxide::deflate::compress_to_vec(data, 6)
}

/// Builds a ZIP file: local headers + data (+ descriptors), central directory, end record.
pub fn zip(entries: &[Entry<'_>]) -> Vec<u8> {
	let mut out = Vec::new();
	let mut central = Vec::new();
	for e in entries {
		let offset = out.len() as u32;
		let crc = crc32(e.data);
		let payload = match e.method {
			Method::Stored => e.data.to_vec(),
			Method::Deflate => deflate(e.data),
		};
		let method = e.method_override.unwrap_or(match e.method {
			Method::Stored => 0,
			Method::Deflate => 8,
		});
		let dd = e.descriptor != Descriptor::No;
		let flags = if dd { 1 << 3 } else { 0 } | e.extra_flags;
		let mut extra = e.extra.to_vec();
		if e.zip64 {
			put16(&mut extra, 0x0001);
			put16(&mut extra, 16);
			put64(&mut extra, e.data.len() as u64);
			put64(&mut extra, payload.len() as u64);
		}
		// Local header.
		put32(&mut out, 0x0403_4b50);
		put16(&mut out, if e.zip64 { 45 } else { 20 });
		put16(&mut out, flags);
		put16(&mut out, method);
		put16(&mut out, 0); // time
		put16(&mut out, 0x5a21); // date
		if dd {
			put32(&mut out, 0);
			put32(&mut out, 0);
			put32(&mut out, 0);
		} else if e.zip64 {
			put32(&mut out, crc);
			put32(&mut out, u32::MAX);
			put32(&mut out, u32::MAX);
		} else {
			put32(&mut out, crc);
			put32(&mut out, payload.len() as u32);
			put32(&mut out, e.data.len() as u32);
		}
		put16(&mut out, e.name.len() as u16);
		put16(&mut out, extra.len() as u16);
		out.extend_from_slice(e.name.as_bytes());
		out.extend_from_slice(&extra);
		out.extend_from_slice(&payload);
		match e.descriptor {
			Descriptor::No => {},
			Descriptor::WithSignature | Descriptor::WithoutSignature => {
				if e.descriptor == Descriptor::WithSignature {
					put32(&mut out, 0x0807_4b50);
				}
				put32(&mut out, crc);
				put32(&mut out, payload.len() as u32);
				put32(&mut out, e.data.len() as u32);
			},
		}
		// Central directory record.
		put32(&mut central, 0x0201_4b50);
		put16(&mut central, 20);
		put16(&mut central, 20);
		put16(&mut central, flags);
		put16(&mut central, method);
		put16(&mut central, 0);
		put16(&mut central, 0x5a21);
		put32(&mut central, crc);
		put32(&mut central, payload.len() as u32);
		put32(&mut central, e.data.len() as u32);
		put16(&mut central, e.name.len() as u16);
		put16(&mut central, 0); // extra
		put16(&mut central, 0); // comment
		put16(&mut central, 0); // disk
		put16(&mut central, 0); // internal attrs
		put32(&mut central, 0); // external attrs
		put32(&mut central, offset);
		central.extend_from_slice(e.name.as_bytes());
	}
	let cd_offset = out.len() as u32;
	let cd_len = central.len() as u32;
	out.extend_from_slice(&central);
	put32(&mut out, 0x0605_4b50);
	put16(&mut out, 0);
	put16(&mut out, 0);
	put16(&mut out, entries.len() as u16);
	put16(&mut out, entries.len() as u16);
	put32(&mut out, cd_len);
	put32(&mut out, cd_offset);
	put16(&mut out, 0);
	out
}

/// How one layer of a zip-in-zip fixture is written.
#[derive(Clone, Copy, Debug)]
pub struct Layout {
	pub method: Method,
	pub descriptor: Descriptor,
}

/// Deflate + data descriptor (what streaming zip writers produce).
pub const STREAMED: Layout =
	Layout { method: Method::Deflate, descriptor: Descriptor::WithSignature };

/// The Petrinex shape: an outer zip holding `Vol_2026-01-AB.csv.zip` holding
/// `Vol_2026-01-AB.CSV` (the real names, docs/DATA_FORMATS.md).
pub fn zip_in_zip(csv: &[u8], outer: Layout, inner: Layout) -> Vec<u8> {
	let inner_zip = zip(&[Entry::new("Vol_2026-01-AB.CSV", csv, inner.method, inner.descriptor)]);
	zip(&[Entry::new("Vol_2026-01-AB.csv.zip", &inner_zip, outer.method, outer.descriptor)])
}

/// The header line (no terminator).
pub fn header() -> String {
	VOL_HEADER.join(",")
}

/// The interesting fields of a data row; the other columns get plausible constant values.
#[derive(Clone, Debug)]
pub struct Row {
	pub month: String,
	/// OperatorBAID.
	pub baid: String,
	/// Raw CSV text of the OperatorName field (may be quoted).
	pub operator: String,
	/// ReportingFacilityID.
	pub facility: String,
	pub submission: String,
	pub activity: String,
	pub product: String,
	pub ftype: String,
	/// Raw CSV text of FromToIDIdentifier.
	pub ident: String,
	/// Raw CSV text of Volume.
	pub volume: String,
}

impl Row {
	/// A matched-looking oil production row for `ident` with `volume`.
	pub fn prod(ident: &str, product: &str, volume: &str) -> Row {
		Row {
			month: "2026-01".to_string(),
			baid: "A1B2".to_string(),
			operator: "ACME OIL LTD".to_string(),
			facility: "ABBT0012345".to_string(),
			submission: "2026-02-15".to_string(),
			activity: "PROD".to_string(),
			product: product.to_string(),
			ftype: "WI".to_string(),
			ident: ident.to_string(),
			volume: volume.to_string(),
		}
	}

	/// The CSV line (no terminator), 30 fields.
	pub fn line(&self) -> String {
		let fields: [&str; 30] = [
			&self.month,
			&self.baid,
			&self.operator,
			&self.facility,
			"AB",
			"BT",
			"0012345",
			"\"BATTERY 12-34, NORTH\"",
			"311",
			"Crude Oil Single-Well Battery",
			"12-34-056-07W4",
			"12",
			"34",
			"56",
			"7",
			"4",
			&self.submission,
			&self.activity,
			&self.product,
			"ABWI100071901015W400",
			"AB",
			&self.ftype,
			&self.ident,
			&self.volume,
			"",
			"744",
			" ",
			"",
			"",
			"",
		];
		fields.join(",")
	}
}

/// A CSV file from a header and rows, joined with `eol` (and terminated by it).
pub fn csv(rows: &[Row], eol: &str) -> Vec<u8> {
	let mut s = header();
	s.push_str(eol);
	for r in rows {
		s.push_str(&r.line());
		s.push_str(eol);
	}
	s.into_bytes()
}

/// A formatted volume with 3 decimals from thousandths.
pub fn fmt_thousandths(v: i64) -> String {
	let sign = if v < 0 { "-" } else { "" };
	let a = v.unsigned_abs();
	format!("{sign}{}.{:03}", a / 1000, a % 1000)
}
