//! Tests of the Petrinex pipeline on byte-level zip-in-zip fixtures.

use alloc::{string::String, vec, vec::Vec};

use crate::{
	petrinex::{IngestError, IngestSummary, Layer, PetrinexIngest, WellMatcher, WellTotal},
	testutil::*,
	FnMatcher,
};

const OIL_WELL: &str = "100071901015W400";
const GAS_WELL: &str = "100020304050W500";
const OTHER_WELL: &str = "100999999999W400";

fn matcher() -> impl WellMatcher<Key = u32> {
	FnMatcher(|id: &[u8], product: &[u8]| {
		if id == OIL_WELL.as_bytes() && product == b"OIL" {
			Some(1)
		} else if id == GAS_WELL.as_bytes() && product == b"GAS" {
			Some(2)
		} else {
			None
		}
	})
}

/// Pushes `file` in `chunk`-byte pieces and finishes.
fn run(file: &[u8], chunk: usize) -> Result<IngestSummary<u32>, IngestError> {
	let mut ing = PetrinexIngest::new(matcher(), (2026, 1));
	for c in file.chunks(chunk.max(1)) {
		ing.push(c)?;
	}
	ing.finish()
}

/// Pushes `file` in pseudo-random pieces of 1..=max bytes.
fn run_random_chunks(
	file: &[u8],
	seed: u64,
	max: usize,
) -> Result<IngestSummary<u32>, IngestError> {
	let mut ing = PetrinexIngest::new(matcher(), (2026, 1));
	let mut state = seed;
	let mut rest = file;
	while !rest.is_empty() {
		state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
		let n = ((state >> 33) as usize % max + 1).min(rest.len());
		ing.push(&rest[..n])?;
		rest = &rest[n..];
	}
	ing.finish()
}

/// A total without its row hash (the counts only; the hash has tests of its own).
fn counts(t: WellTotal) -> WellTotal {
	WellTotal { rows_hash: [0; 32], ..t }
}

fn row_with(f: impl FnOnce(&mut Row)) -> Row {
	let mut r = Row::prod(OIL_WELL, "OIL", "1");
	f(&mut r);
	r
}

/// The reference rows: sums, amendments, confidential, exclusions, quoting, trimming.
fn reference_rows() -> Vec<Row> {
	vec![
		// 2: quoted operator with comma and doubled quotes
		row_with(|r| {
			r.operator = String::from("\"ACME, \"\"North\"\" LTD\"");
			r.volume = String::from("100.5");
		}),
		// 3
		row_with(|r| r.volume = String::from("20.25")),
		// 4: negative amendment nets out
		row_with(|r| r.volume = String::from("-5.2")),
		// 5: confidential
		row_with(|r| r.volume = String::from("***")),
		// 6: not a well (FromToIDType)
		row_with(|r| {
			r.ftype = String::from("FA");
			r.volume = String::from("999");
		}),
		// 7: not production (ActivityID)
		row_with(|r| {
			r.activity = String::from("DISP");
			r.volume = String::from("999");
		}),
		// 8: the oil well's gas is not its product
		Row::prod(OIL_WELL, "GAS", "50"),
		// 9: gas well, gas
		Row::prod(GAS_WELL, "GAS", "1000.001"),
		// 10: gas well's oil excluded
		Row::prod(GAS_WELL, "OIL", "77"),
		// 11: unregistered well
		Row::prod(OTHER_WELL, "OIL", "12"),
		// 12: identifier with surrounding spaces, quoted; volume quoted
		row_with(|r| {
			r.ident = alloc::format!("\"  {OIL_WELL} \"");
			r.volume = String::from("\"0.005\"");
		}),
		// 13: a malformed volume in an unmatched row is ignored
		Row::prod(OTHER_WELL, "OIL", "12,5x"),
		// 14: confidential in an unmatched row
		Row::prod(OTHER_WELL, "OIL", "***"),
	]
}

/// The `12,5x` above splits into two fields; keep that row valid by quoting it.
fn reference_csv(eol: &str) -> Vec<u8> {
	let mut rows = reference_rows();
	rows[11].volume = String::from("\"12,5x\"");
	csv(&rows, eol)
}

fn check_reference(s: &IngestSummary<u32>) {
	assert_eq!(s.wells.len(), 2);
	assert_eq!(
		counts(s.wells[&1]),
		WellTotal {
			volume_thousandths: 100_500 + 20_250 - 5_200 + 5,
			rows: 4,
			confidential_rows: 1,
			..Default::default()
		}
	);
	assert_eq!(
		counts(s.wells[&2]),
		WellTotal { volume_thousandths: 1_000_001, rows: 1, ..Default::default() }
	);
	// A `***` volume leaves the oil well's month unknown; the gas well's is known.
	assert_eq!(s.wells[&1].official_thousandths(), None);
	assert_eq!(s.wells[&2].official_thousandths(), Some(1_000_001));
	assert_eq!(s.rows_seen, 13);
	assert_eq!(s.candidate_rows, 11);
	assert_eq!(s.matched_rows, 6);
	assert_eq!(s.latest_submission_date, Some((2026, 2, 15)));
	assert_eq!(s.latest_submission_date_raw.as_deref(), Some(&b"2026-02-15"[..]));
	assert_eq!(s.unparseable_submission_dates, 0);
}

const LAYOUTS: [Layout; 4] = [
	Layout { method: Method::Stored, descriptor: Descriptor::No },
	Layout { method: Method::Deflate, descriptor: Descriptor::No },
	Layout { method: Method::Deflate, descriptor: Descriptor::WithSignature },
	Layout { method: Method::Deflate, descriptor: Descriptor::WithoutSignature },
];

#[test]
fn sums_matched_rows_in_every_zip_layout() {
	let csv = reference_csv("\r\n");
	for outer in LAYOUTS {
		for inner in LAYOUTS {
			let file = zip_in_zip(&csv, outer, inner);
			let s = run(&file, 4096).unwrap_or_else(|e| panic!("{outer:?} {inner:?}: {e:?}"));
			check_reference(&s);
		}
	}
}

#[test]
fn lf_line_endings_give_the_same_result() {
	let crlf = run(&zip_in_zip(&reference_csv("\r\n"), STREAMED, STREAMED), 1 << 20).unwrap();
	let lf = run(&zip_in_zip(&reference_csv("\n"), STREAMED, STREAMED), 1 << 20).unwrap();
	check_reference(&lf);
	assert_eq!(crlf, lf);
}

#[test]
fn one_byte_pushes_equal_one_big_push() {
	for (outer, inner) in [
		(STREAMED, STREAMED),
		(LAYOUTS[0], LAYOUTS[0]),
		(LAYOUTS[1], LAYOUTS[0]),
		(LAYOUTS[0], LAYOUTS[3]),
	] {
		let file = zip_in_zip(&reference_csv("\r\n"), outer, inner);
		let big = run(&file, file.len()).unwrap();
		let tiny = run(&file, 1).unwrap();
		check_reference(&big);
		assert_eq!(big, tiny);
		for seed in 0..5 {
			assert_eq!(run_random_chunks(&file, seed, 97).unwrap(), big);
		}
	}
}

#[test]
fn empty_pushes_are_harmless() {
	let file = zip_in_zip(&reference_csv("\r\n"), STREAMED, STREAMED);
	let mut ing = PetrinexIngest::new(matcher(), (2026, 1));
	ing.push(&[]).unwrap();
	for c in file.chunks(10) {
		ing.push(c).unwrap();
		ing.push(&[]).unwrap();
	}
	assert_eq!(ing.bytes_received(), file.len() as u64);
	check_reference(&ing.finish().unwrap());
}

#[test]
fn last_row_without_line_terminator_counts() {
	let mut data = reference_csv("\r\n");
	data.truncate(data.len() - 2);
	let s = run(&zip_in_zip(&data, STREAMED, STREAMED), 100).unwrap();
	check_reference(&s);
}

#[test]
fn quoted_line_break_and_row_numbers() {
	let rows = vec![
		row_with(|r| r.operator = String::from("\"ACME\r\nNORTH\"")),
		row_with(|r| r.volume = String::from("2")),
	];
	let mut data = csv(&rows, "\r\n");
	// Record 4 is short by one field.
	let mut short = row_with(|_| {}).line();
	short.truncate(short.rfind(',').unwrap());
	data.extend_from_slice(short.as_bytes());
	data.extend_from_slice(b"\r\n");
	let file = zip_in_zip(&data, STREAMED, STREAMED);
	// The short row names the oil well: skipped, counted, and the well's month is unknown.
	let s = run(&file, 7).unwrap();
	assert_eq!(s.rows_seen, 3);
	assert_eq!(s.malformed_rows, 1);
	assert_eq!(
		counts(s.wells[&1]),
		WellTotal { volume_thousandths: 3_000, rows: 2, malformed_rows: 1, ..Default::default() }
	);
	assert_eq!(s.wells[&1].official_thousandths(), None);
	// Without the short row: both rows count (embedded CRLF is data, not a record end).
	let s = run(&zip_in_zip(&csv(&rows, "\r\n"), STREAMED, STREAMED), 7).unwrap();
	assert_eq!(
		counts(s.wells[&1]),
		WellTotal { volume_thousandths: 3_000, rows: 2, ..Default::default() }
	);
	assert_eq!(s.wells[&1].official_thousandths(), Some(3_000));
}

#[test]
fn blank_lines_are_skipped() {
	let mut data = header().into_bytes();
	data.extend_from_slice(b"\r\n\r\n");
	data.extend_from_slice(Row::prod(OIL_WELL, "OIL", "1.5").line().as_bytes());
	data.extend_from_slice(b"\r\n\r\n\r\n");
	let s = run(&zip_in_zip(&data, STREAMED, STREAMED), 5).unwrap();
	assert_eq!(s.rows_seen, 1);
	assert_eq!(s.wells[&1].volume_thousandths, 1_500);
}

fn file_with_header(header: &str, rows: &[Row]) -> Vec<u8> {
	let mut data = String::from(header);
	data.push_str("\r\n");
	for r in rows {
		data.push_str(&r.line());
		data.push_str("\r\n");
	}
	zip_in_zip(data.as_bytes(), STREAMED, STREAMED)
}

/// The header and rows with the columns permuted by `order` (indices into [`VOL_HEADER`]) and
/// `extra` columns appended to every line.
fn permuted_file(order: &[usize], extra: &[(&str, &str)], rows: &[Row]) -> Vec<u8> {
	let mut data = String::new();
	let head: Vec<&str> = order.iter().map(|&i| crate::petrinex::VOL_HEADER[i]).collect();
	data.push_str(&head.join(","));
	for (name, _) in extra {
		data.push(',');
		data.push_str(name);
	}
	data.push_str("\r\n");
	for r in rows {
		let line = r.line();
		let fields = split_csv_line(&line);
		let picked: Vec<&str> = order.iter().map(|&i| fields[i].as_str()).collect();
		data.push_str(&picked.join(","));
		for (_, value) in extra {
			data.push(',');
			data.push_str(value);
		}
		data.push_str("\r\n");
	}
	zip_in_zip(data.as_bytes(), STREAMED, STREAMED)
}

/// Splits a fixture line into its raw fields (quotes kept), honouring quoted commas.
fn split_csv_line(line: &str) -> Vec<String> {
	let mut out = vec![String::new()];
	let mut quoted = false;
	for c in line.chars() {
		match c {
			'"' => {
				quoted = !quoted;
				out.last_mut().unwrap().push(c);
			},
			',' if !quoted => out.push(String::new()),
			_ => out.last_mut().unwrap().push(c),
		}
	}
	out
}

#[test]
fn columns_are_found_by_name() {
	let rows = [Row::prod(OIL_WELL, "OIL", "1.5"), Row::prod(GAS_WELL, "GAS", "2")];
	let good = header();
	assert!(run(&file_with_header(&good, &rows), 64).is_ok());
	// UTF-8 BOM and quoted names are tolerated.
	assert!(run(&file_with_header(&alloc::format!("\u{feff}{good}"), &rows), 64).is_ok());
	assert!(run(&file_with_header(&good.replace("Heat", "\"Heat\""), &rows), 64).is_ok());

	// Reversed order with two extra columns (one of them quoted with a comma).
	let reversed: Vec<usize> = (0..30).rev().collect();
	let file = permuted_file(&reversed, &[("Extra", "x"), ("Note", "\"a, b\"")], &rows);
	let s = run(&file, 64).unwrap();
	assert_eq!(s.wells[&1].volume_thousandths, 1_500);
	assert_eq!(s.wells[&2].volume_thousandths, 2_000);
	assert_eq!(s.malformed_rows, 0);
	// Only the needed columns, in a shuffled order.
	let needed: Vec<usize> = [22, 18, 23, 0, 17, 21, 16, 3, 1].to_vec();
	let s = run(&permuted_file(&needed, &[], &rows), 64).unwrap();
	assert_eq!(s.wells[&1].volume_thousandths, 1_500);
	assert_eq!(s.wells[&2].volume_thousandths, 2_000);

	// A missing needed column is named; a missing unneeded one is not an error.
	let renamed = good.replace("Volume", "Volumes");
	assert_eq!(
		run(&file_with_header(&renamed, &rows), 64),
		Err(IngestError::MissingColumn { column: "Volume" })
	);
	let no_heat: Vec<usize> = (0..29).collect();
	assert!(run(&permuted_file(&no_heat, &[], &rows), 64).is_ok());
	let no_baid: Vec<usize> = (0..30).filter(|&i| i != 1).collect();
	assert_eq!(
		run(&permuted_file(&no_baid, &[], &rows), 64),
		Err(IngestError::MissingColumn { column: "OperatorBAID" })
	);
	let twice = alloc::format!("{good},ProductID");
	assert_eq!(
		run(&file_with_header(&twice, &rows), 64),
		Err(IngestError::DuplicateColumn { column: "ProductID" })
	);
	assert_eq!(
		run(&file_with_header("a;b;c", &rows), 64),
		Err(IngestError::MissingColumn { column: "ProductionMonth" })
	);
	let wide = alloc::format!("{good}{}", ",x".repeat(200));
	assert_eq!(run(&file_with_header(&wide, &rows), 64), Err(IngestError::HeaderTooWide));
}

#[test]
fn empty_csv_and_header_only() {
	assert_eq!(run(&zip_in_zip(b"", STREAMED, STREAMED), 64), Err(IngestError::MissingHeader));
	assert_eq!(
		run(&zip_in_zip(b"\r\n\r\n", STREAMED, STREAMED), 64),
		Err(IngestError::MissingHeader)
	);
	let s = run(&zip_in_zip(&csv(&[], "\r\n"), STREAMED, STREAMED), 64).unwrap();
	assert_eq!(s.rows_seen, 0);
	assert!(s.wells.is_empty());
	assert_eq!(s.latest_submission_date, None);
}

#[test]
fn malformed_rows_are_skipped_and_counted() {
	let mut rows = reference_rows();
	rows[11].volume = String::from("\"12,5x\"");
	let base = run(&zip_in_zip(&csv(&rows, "\r\n"), STREAMED, STREAMED), 64).unwrap();

	// Unmatched row 13 (unquoted "12,5x") has 31 fields: skipped, counted, nobody affected.
	let mut long = reference_rows();
	long[11].volume = String::from("12,5x");
	let s = run(&zip_in_zip(&csv(&long, "\r\n"), STREAMED, STREAMED), 64).unwrap();
	assert_eq!(s.malformed_rows, 1);
	assert_eq!(s.rows_seen, 13);
	assert_eq!(s.wells, base.wells);
	// A row with a single field.
	let mut data = csv(&rows[..2], "\r\n");
	data.extend_from_slice(b"oops\r\n");
	let s = run(&zip_in_zip(&data, STREAMED, STREAMED), 64).unwrap();
	assert_eq!((s.rows_seen, s.malformed_rows), (3, 1));
	assert_eq!(s.wells[&1].volume_thousandths, 120_750);
	assert_eq!(s.wells[&1].official_thousandths(), Some(120_750));
	// A row with very many fields, then a good row: both read.
	let mut data = csv(&rows[..1], "\r\n");
	data.extend_from_slice(",".repeat(200).as_bytes());
	data.extend_from_slice(b"\r\n");
	data.extend_from_slice(rows[1].line().as_bytes());
	data.extend_from_slice(b"\r\n");
	let s = run(&zip_in_zip(&data, STREAMED, STREAMED), 64).unwrap();
	assert_eq!((s.rows_seen, s.malformed_rows), (3, 1));
	assert_eq!(s.wells[&1].volume_thousandths, 120_750);
	// A gas well named in an over-wide row: its month becomes unknown, the oil well's not.
	let mut data = csv(&[Row::prod(GAS_WELL, "GAS", "5"), Row::prod(OIL_WELL, "OIL", "1")], "\r\n");
	data.extend_from_slice(alloc::format!("2026-01,{GAS_WELL}{}\r\n", ",9".repeat(150)).as_bytes());
	let s = run(&zip_in_zip(&data, STREAMED, STREAMED), 64).unwrap();
	assert_eq!(s.wells[&2].malformed_rows, 1);
	assert_eq!(s.wells[&2].official_thousandths(), None);
	assert_eq!(s.wells[&1].official_thousandths(), Some(1_000));
}

#[test]
fn over_long_row_is_skipped() {
	// The oil well's identifier comes before the 70 KiB volume: the row names it.
	let mut data = csv(&[], "\r\n");
	let huge = "x".repeat(70 * 1024);
	data.extend_from_slice(Row::prod(OIL_WELL, "OIL", &huge).line().as_bytes());
	data.extend_from_slice(b"\r\n");
	data.extend_from_slice(Row::prod(GAS_WELL, "GAS", "3").line().as_bytes());
	data.extend_from_slice(b"\r\n");
	let s = run(&zip_in_zip(&data, STREAMED, STREAMED), 1000).unwrap();
	assert_eq!((s.rows_seen, s.malformed_rows), (2, 1));
	assert_eq!(counts(s.wells[&1]), WellTotal { malformed_rows: 1, ..Default::default() });
	assert_eq!(s.wells[&1].official_thousandths(), None);
	assert_eq!(s.wells[&2].official_thousandths(), Some(3_000));
	// A long but acceptable row (the buffer grows).
	let mut data = csv(&[], "\r\n");
	let mut r = Row::prod(OIL_WELL, "OIL", "2");
	r.operator = "y".repeat(20_000);
	data.extend_from_slice(r.line().as_bytes());
	let s = run(&zip_in_zip(&data, STREAMED, STREAMED), 1000).unwrap();
	assert_eq!(s.wells[&1].volume_thousandths, 2_000);
}

#[test]
fn a_matched_row_of_another_month_makes_the_month_unknown() {
	let rows = [Row::prod(OIL_WELL, "OIL", "1"), row_with(|r| r.month = String::from("2025-12"))];
	let s = run(&zip_in_zip(&csv(&rows, "\r\n"), STREAMED, STREAMED), 64).unwrap();
	assert_eq!(
		counts(s.wells[&1]),
		WellTotal { volume_thousandths: 1_000, rows: 1, malformed_rows: 1, ..Default::default() }
	);
	assert_eq!(s.wells[&1].official_thousandths(), None);
	let rows = [row_with(|r| r.month = String::from("January")), Row::prod(GAS_WELL, "GAS", "2")];
	let s = run(&zip_in_zip(&csv(&rows, "\r\n"), STREAMED, STREAMED), 64).unwrap();
	assert_eq!(s.wells[&1].official_thousandths(), None);
	assert_eq!(s.wells[&2].official_thousandths(), Some(2_000));
	// Unmatched rows of another month are not checked.
	let mut other = Row::prod(OTHER_WELL, "OIL", "1");
	other.month = String::from("2025-12");
	let rows = [Row::prod(OIL_WELL, "OIL", "1"), other];
	let s = run(&zip_in_zip(&csv(&rows, "\r\n"), STREAMED, STREAMED), 64).unwrap();
	assert_eq!(s.wells[&1].official_thousandths(), Some(1_000));
	// The expected month is a parameter: a file of another month tells nothing.
	let rows = [Row::prod(OIL_WELL, "OIL", "1")];
	let file = zip_in_zip(&csv(&rows, "\r\n"), STREAMED, STREAMED);
	let mut ing = PetrinexIngest::new(matcher(), (2026, 2));
	ing.push(&file).unwrap();
	let s = ing.finish().unwrap();
	assert_eq!(s.wells[&1].official_thousandths(), None);
}

#[test]
fn malformed_volume_in_matched_row_makes_the_month_unknown() {
	for bad in ["1.2345", "abc", "", "1e3", "--1", "\"1,5\"", "12 3"] {
		let rows = [Row::prod(OIL_WELL, "OIL", "1"), Row::prod(GAS_WELL, "GAS", bad)];
		let s = run(&zip_in_zip(&csv(&rows, "\r\n"), STREAMED, STREAMED), 64).unwrap();
		assert_eq!(
			counts(s.wells[&2]),
			WellTotal { malformed_rows: 1, ..Default::default() },
			"{bad}"
		);
		assert_eq!(s.wells[&2].official_thousandths(), None, "{bad}");
		assert_eq!(s.wells[&1].official_thousandths(), Some(1_000), "{bad}");
		// The same value in an unmatched row is ignored.
		let rows = [Row::prod(OIL_WELL, "OIL", "1"), Row::prod(GAS_WELL, "OIL", bad)];
		let s = run(&zip_in_zip(&csv(&rows, "\r\n"), STREAMED, STREAMED), 64).unwrap();
		assert_eq!(s.wells[&1].volume_thousandths, 1_000);
		assert!(!s.wells.contains_key(&2));
	}
}

#[test]
fn confidential_is_missing_not_zero() {
	let rows = [Row::prod(GAS_WELL, "GAS", "***"), Row::prod(GAS_WELL, "GAS", " *** ")];
	let s = run(&zip_in_zip(&csv(&rows, "\r\n"), STREAMED, STREAMED), 64).unwrap();
	assert_eq!(counts(s.wells[&2]), WellTotal { confidential_rows: 2, ..Default::default() });
	assert_eq!(s.wells[&2].official_thousandths(), None);
	assert_eq!(s.matched_rows, 2);
}

#[test]
fn volume_total_overflow_makes_the_month_unknown() {
	let rows =
		[Row::prod(OIL_WELL, "OIL", "9223372036854775.807"), Row::prod(OIL_WELL, "OIL", "0.001")];
	let s = run(&zip_in_zip(&csv(&rows, "\r\n"), STREAMED, STREAMED), 64).unwrap();
	assert_eq!(s.wells[&1].malformed_rows, 1);
	assert_eq!(s.wells[&1].official_thousandths(), None);
}

#[test]
fn latest_submission_date() {
	let dates = ["2026-02-15", "2026-03-01", "2026-02-28 10:11:12", "", "N/A", "2026-02-30"];
	let rows: Vec<Row> = dates
		.iter()
		.map(|d| {
			let mut r = Row::prod(OTHER_WELL, "OIL", "1");
			r.submission = String::from(*d);
			r
		})
		.collect();
	let s = run(&zip_in_zip(&csv(&rows, "\r\n"), STREAMED, STREAMED), 64).unwrap();
	assert_eq!(s.latest_submission_date, Some((2026, 3, 1)));
	assert_eq!(s.unparseable_submission_dates, 2);
	// The raw maximum is a plain byte-wise maximum ("N/A" > "2026-…").
	assert_eq!(s.latest_submission_date_raw.as_deref(), Some(&b"N/A"[..]));

	let rows = [
		row_with(|r| r.submission = String::from("2026-02-15")),
		row_with(|r| r.submission = String::from("2026-02-20T08:00:00")),
	];
	let s = run(&zip_in_zip(&csv(&rows, "\r\n"), STREAMED, STREAMED), 64).unwrap();
	assert_eq!(s.latest_submission_date, Some((2026, 2, 20)));
	assert_eq!(s.latest_submission_date_raw.as_deref(), Some(&b"2026-02-20T08:00:00"[..]));
}

/// Offset in a stored outer zip at which the inner entry's data ends.
fn inner_data_end(outer_zip: &[u8]) -> usize {
	// Outer local header: 30 + name; the inner zip starts right after (stored outer).
	let name_len = u16::from_le_bytes([outer_zip[26], outer_zip[27]]) as usize;
	let extra_len = u16::from_le_bytes([outer_zip[28], outer_zip[29]]) as usize;
	let inner_start = 30 + name_len + extra_len;
	let inner = &outer_zip[inner_start..];
	// Inner: a deflated entry with descriptor; its compressed size is in the central directory.
	let i_name = u16::from_le_bytes([inner[26], inner[27]]) as usize;
	let i_extra = u16::from_le_bytes([inner[28], inner[29]]) as usize;
	let cd = inner.windows(4).position(|w| w == [0x50, 0x4b, 0x01, 0x02]).unwrap();
	let csize = u32::from_le_bytes(inner[cd + 20..cd + 24].try_into().unwrap()) as usize;
	inner_start + 30 + i_name + i_extra + csize
}

#[test]
fn truncated_body_is_detected_at_every_cut() {
	let data = reference_csv("\r\n");
	let stored_outer = Layout { method: Method::Stored, descriptor: Descriptor::No };
	let file = zip_in_zip(&data, stored_outer, STREAMED);
	let end = inner_data_end(&file);
	let full = run(&file, 1 << 20).unwrap();
	for cut in 0..file.len() {
		let res = run(&file[..cut], 13);
		if cut < end {
			assert_eq!(res, Err(IngestError::Truncated), "cut at {cut} of {}", file.len());
		} else {
			assert_eq!(res.as_ref(), Ok(&full), "cut at {cut} (inner data ends at {end})");
		}
	}
	// Both layers deflated: where the inner stream ends inside the outer deflate stream is not
	// known, but every cut is either truncated or complete, and once complete, always.
	let file = zip_in_zip(&data, STREAMED, STREAMED);
	let outer_stream_end = {
		let cd = file.windows(4).position(|w| w == [0x50, 0x4b, 0x01, 0x02]).unwrap();
		cd - 16 // descriptor with signature
	};
	let mut threshold = None;
	for cut in 0..=file.len() {
		match run(&file[..cut], 29) {
			Err(IngestError::Truncated) => assert_eq!(threshold, None, "cut at {cut}"),
			Ok(s) => {
				assert_eq!(s, full, "cut at {cut}");
				threshold.get_or_insert(cut);
			},
			Err(e) => panic!("cut at {cut}: {e:?}"),
		}
	}
	let threshold = threshold.unwrap();
	assert!(threshold > file.len() / 2 && threshold <= outer_stream_end, "{threshold}");
}

#[test]
fn outer_entry_ending_before_inner_is_truncated() {
	// The outer entry holds only the first half of an inner zip.
	let inner = zip(&[Entry::new(
		"Vol_2026-01-AB.csv",
		&reference_csv("\r\n"),
		Method::Deflate,
		Descriptor::No,
	)]);
	let half = &inner[..inner.len() / 2];
	for outer in LAYOUTS {
		let file = zip(&[Entry::new("x.zip", half, outer.method, outer.descriptor)]);
		assert_eq!(run(&file, 50), Err(IngestError::Truncated), "{outer:?}");
	}
}

#[test]
fn garbage_is_not_a_zip() {
	let outer = Some(Err(IngestError::NotAZip { layer: Layer::Outer }));
	for garbage in
		[&b"<html><body>Service Unavailable</body></html>"[..], b"PK\x05\x06", b"\x00", b"PKZIP"]
	{
		let mut ing = PetrinexIngest::new(matcher(), (2026, 1));
		let res = garbage.chunks(1).map(|c| ing.push(c)).find(|r| r.is_err());
		assert_eq!(res, outer, "{garbage:?}");
		assert_eq!(ing.finish(), Err(IngestError::NotAZip { layer: Layer::Outer }));
	}
	// Petrinex answers some failures with HTTP 200 and a JSON message instead of the file.
	for json in [&br#"{"Message":"An error has occurred."}"#[..], b"[]", b"{"] {
		let mut ing = PetrinexIngest::new(matcher(), (2026, 1));
		assert_eq!(ing.push(json), Err(IngestError::ServiceMessage));
		assert_eq!(ing.finish(), Err(IngestError::ServiceMessage));
	}
	// A zip whose entry is not a zip.
	let file = zip(&[Entry::new(
		"x.zip",
		&reference_csv("\r\n"),
		Method::Deflate,
		Descriptor::WithSignature,
	)]);
	assert_eq!(run(&file, 100), Err(IngestError::NotAZip { layer: Layer::Inner }));
	// Empty body, or a partial signature: truncated.
	assert_eq!(run(b"", 1), Err(IngestError::Truncated));
	assert_eq!(run(b"PK\x03", 1), Err(IngestError::Truncated));
	// Corrupt deflate data (a reserved block type).
	let mut file = zip(&[Entry::new("x.zip", &[], Method::Stored, Descriptor::No)]);
	let data_at = 30 + 5;
	file[8] = 8; // claim deflate
	file.splice(data_at..data_at, [0x07u8, 0x00, 0x00]);
	assert_eq!(run(&file, 100), Err(IngestError::Inflate { layer: Layer::Outer }));
}

#[test]
fn inner_entry_must_be_a_csv() {
	let csv = reference_csv("\r\n");
	for (name, ok) in [
		("Vol_2026-01-AB.csv", true),
		("Vol_2026-01-AB.CSV", true),
		("VOL.CSV", true),
		("a.Csv", true),
		("readme.txt", false),
		("csv", false),
		("", false),
	] {
		let inner = zip(&[Entry::new(name, &csv, Method::Deflate, Descriptor::No)]);
		let file = zip(&[Entry::new("o.zip", &inner, Method::Deflate, Descriptor::No)]);
		let res = run(&file, 100);
		if ok {
			check_reference(&res.unwrap());
		} else {
			assert_eq!(res, Err(IngestError::NotCsv), "{name}");
		}
	}
}

#[test]
fn entries_after_the_first_are_ignored() {
	let csv = reference_csv("\r\n");
	let inner = zip(&[
		Entry::new("Vol_2026-01-AB.csv", &csv, Method::Deflate, Descriptor::WithSignature),
		Entry::new("other.csv", b"garbage", Method::Stored, Descriptor::No),
	]);
	let file = zip(&[
		Entry::new("o.zip", &inner, Method::Deflate, Descriptor::WithoutSignature),
		Entry::new("README.txt", b"\xff\xfe not a zip", Method::Deflate, Descriptor::No),
	]);
	check_reference(&run(&file, 333).unwrap());
	// Also with trailing bytes that are plain garbage.
	let mut file = zip_in_zip(&csv, STREAMED, STREAMED);
	file.extend_from_slice(b"trailing garbage");
	check_reference(&run(&file, 333).unwrap());
}

#[test]
fn is_complete_before_the_trailing_structures() {
	let stored_outer = Layout { method: Method::Stored, descriptor: Descriptor::No };
	let file = zip_in_zip(&reference_csv("\r\n"), stored_outer, STREAMED);
	let end = inner_data_end(&file);
	let mut ing = PetrinexIngest::new(matcher(), (2026, 1));
	ing.push(&file[..end - 1]).unwrap();
	assert!(!ing.is_complete());
	ing.push(&file[end - 1..end]).unwrap();
	assert!(ing.is_complete());
	check_reference(&ing.finish().unwrap());
}

#[test]
fn checksums_are_verified() {
	let csv = reference_csv("\r\n");
	let stored = Layout { method: Method::Stored, descriptor: Descriptor::No };
	// Flip a byte of the CSV inside stored/stored: the inner CRC catches it.
	let file = zip_in_zip(&csv, stored, stored);
	let pos = file.windows(5).position(|w| w == b"ACME,").unwrap();
	let mut bad = file.clone();
	bad[pos] = b'B';
	assert_eq!(run(&bad, 100), Err(IngestError::ChecksumMismatch { layer: Layer::Inner }));
	// Outer CRC: corrupt the outer header's CRC field.
	let mut bad = file.clone();
	bad[14] ^= 1;
	assert_eq!(run(&bad, 100), Err(IngestError::ChecksumMismatch { layer: Layer::Outer }));
	// Descriptor CRC, with and without signature.
	for descriptor in [Descriptor::WithSignature, Descriptor::WithoutSignature] {
		let lay = Layout { method: Method::Deflate, descriptor };
		let inner = zip(&[Entry::new("a.csv", &csv, Method::Deflate, descriptor)]);
		let crc_at = inner.windows(4).position(|w| w == [0x50, 0x4b, 0x01, 0x02]).unwrap() - 12;
		let mut bad_inner = inner.clone();
		bad_inner[crc_at] ^= 0x80;
		let file = zip(&[Entry::new("o.zip", &bad_inner, lay.method, lay.descriptor)]);
		assert_eq!(run(&file, 100), Err(IngestError::ChecksumMismatch { layer: Layer::Inner }));
		let file = zip(&[Entry::new("o.zip", &inner, lay.method, lay.descriptor)]);
		check_reference(&run(&file, 100).unwrap());
	}
}

#[test]
fn unsupported_zip_features() {
	let csv = reference_csv("\r\n");
	let mut e = Entry::new("o.zip", &csv, Method::Deflate, Descriptor::No);
	e.extra_flags = 1;
	assert_eq!(run(&zip(&[e]), 100), Err(IngestError::Encrypted { layer: Layer::Outer }));
	let mut e = Entry::new("o.zip", &csv, Method::Deflate, Descriptor::No);
	e.method_override = Some(12);
	assert_eq!(
		run(&zip(&[e]), 100),
		Err(IngestError::UnsupportedMethod { layer: Layer::Outer, method: 12 })
	);
	let e = Entry::new("a.csv", &csv, Method::Stored, Descriptor::WithSignature);
	let inner = zip(&[e]);
	let file = zip(&[Entry::new("o.zip", &inner, Method::Deflate, Descriptor::No)]);
	assert_eq!(run(&file, 100), Err(IngestError::StoredWithDataDescriptor { layer: Layer::Inner }));
}

#[test]
fn extra_fields_and_zip64_stored_sizes() {
	let csv = reference_csv("\r\n");
	// An unrelated extra field (extended timestamp) before a ZIP64 one.
	let ts = [0x55, 0x54, 0x05, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00];
	let mut e = Entry::new("a.csv", &csv, Method::Stored, Descriptor::No);
	e.extra = &ts;
	e.zip64 = true;
	let inner = zip(&[e]);
	let mut o = Entry::new("o.zip", &inner, Method::Deflate, Descriptor::No);
	o.extra = &ts;
	check_reference(&run(&zip(&[o]), 77).unwrap());
	// Stored ZIP64 without the size record.
	let mut inner = zip(&[Entry::new("a.csv", &csv, Method::Stored, Descriptor::No)]);
	inner[18..22].copy_from_slice(&u32::MAX.to_le_bytes());
	let file = zip(&[Entry::new("o.zip", &inner, Method::Stored, Descriptor::No)]);
	assert_eq!(run(&file, 77), Err(IngestError::MalformedZip { layer: Layer::Inner }));
}

#[test]
fn errors_are_sticky() {
	let data = alloc::format!("{}\r\n", header().replace("Volume", "Vol"));
	let file = zip_in_zip(data.as_bytes(), LAYOUTS[0], LAYOUTS[0]);
	let mut ing = PetrinexIngest::new(matcher(), (2026, 1));
	let err = Err(IngestError::MissingColumn { column: "Volume" });
	assert_eq!(ing.push(&file), err);
	assert_eq!(ing.push(b"more"), err);
	assert!(!ing.is_complete());
	assert_eq!(ing.finish(), Err(IngestError::MissingColumn { column: "Volume" }));
}

#[test]
fn matcher_by_reference_and_keys() {
	struct Registry(Vec<(&'static [u8], &'static [u8], char)>);
	impl WellMatcher for Registry {
		type Key = char;
		fn match_well(&self, id: &[u8], product: &[u8]) -> Option<char> {
			self.0.iter().find(|(i, p, _)| *i == id && *p == product).map(|(_, _, k)| *k)
		}
	}
	let reg = Registry(vec![
		(OIL_WELL.as_bytes(), &b"OIL"[..], 'a'),
		(GAS_WELL.as_bytes(), &b"GAS"[..], 'b'),
	]);
	let file = zip_in_zip(&reference_csv("\r\n"), STREAMED, STREAMED);
	let mut ing = PetrinexIngest::new(&reg, (2026, 1));
	ing.push(&file).unwrap();
	let s = ing.finish().unwrap();
	assert_eq!(s.wells[&'a'].volume_thousandths, 115_555);
	assert_eq!(s.wells[&'b'].volume_thousandths, 1_000_001);
}

#[test]
fn fifty_thousand_rows_sum_exactly() {
	const N: u64 = 50_000;
	let wells = [OIL_WELL, GAS_WELL, OTHER_WELL];
	let mut expected = [WellTotal::default(); 2];
	let mut data = header().into_bytes();
	data.extend_from_slice(b"\r\n");
	let mut state: u64 = 42;
	for i in 0..N {
		state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
		let r = state >> 33;
		let well = (r % 3) as usize;
		let product = if well == 1 { "GAS" } else { "OIL" };
		let thousandths = (r % 2_000_000) as i64 - 200_000; // some negative amendments
		let confidential = i % 97 == 0;
		let volume = if confidential { String::from("***") } else { fmt_thousandths(thousandths) };
		let mut row = Row::prod(wells[well], product, &volume);
		if i % 5 == 0 {
			row.operator = String::from("\"BIG, \"\"QUOTED\"\" OPERATOR\"");
		}
		if i % 11 == 0 {
			row.activity = String::from("DISP"); // excluded
		}
		data.extend_from_slice(row.line().as_bytes());
		data.extend_from_slice(if i % 2 == 0 { b"\r\n" } else { b"\n" });
		if well < 2 && i % 11 != 0 {
			let t = &mut expected[well];
			if confidential {
				t.confidential_rows += 1;
			} else {
				t.volume_thousandths += thousandths;
				t.rows += 1;
			}
		}
	}
	let file = zip_in_zip(&data, STREAMED, STREAMED);
	assert!(file.len() < data.len() / 4, "fixture should compress well");
	let s = run(&file, 1000).unwrap();
	assert_eq!(s.rows_seen, N);
	assert_eq!(counts(s.wells[&1]), expected[0]);
	assert_eq!(counts(s.wells[&2]), expected[1]);
	assert_eq!(
		s.matched_rows,
		u64::from(
			expected[0].rows
				+ expected[0].confidential_rows
				+ expected[1].rows
				+ expected[1].confidential_rows
		)
	);
	assert_eq!(run_random_chunks(&file, 7, 20_000).unwrap(), s);
}

#[test]
fn fixed_state_is_small() {
	use core::mem::size_of;
	let ing = size_of::<PetrinexIngest<FnMatcher<fn(&[u8], &[u8]) -> Option<u32>>>>();
	let inflater = size_of::<miniz_oxide::inflate::core::DecompressorOxide>();
	let csv = size_of::<csv_core::Reader>();
	std::println!(
		"PetrinexIngest {ing} B, DecompressorOxide {inflater} B, csv_core::Reader {csv} B"
	);
	// Two windows + two inflaters + the inline state: well under 256 KiB.
	assert!(ing + 2 * (inflater + crate::zip::WINDOW) + 64 * 1024 < 256 * 1024);
}

/// Throughput on a Petrinex-sized file (~500k rows). Slow in debug builds; run with
/// `cargo test -p tn-ingest --release -- --ignored --nocapture`.
#[test]
#[ignore]
fn petrinex_sized_file() {
	let n = 500_000u64;
	let mut data = header().into_bytes();
	data.extend_from_slice(b"\r\n");
	let mut expected = 0i64;
	for i in 0..n {
		let well = if i % 500 == 0 { OIL_WELL } else { OTHER_WELL };
		let v = (i % 100_000) as i64 - 1_000;
		if well == OIL_WELL {
			expected += v;
		}
		let mut r = Row::prod(well, "OIL", &fmt_thousandths(v));
		r.operator = String::from("\"SOME OPERATOR, \"\"LTD\"\"\"");
		data.extend_from_slice(r.line().as_bytes());
		data.extend_from_slice(b"\r\n");
	}
	let file = zip_in_zip(&data, STREAMED, STREAMED);
	let t = std::time::Instant::now();
	let s = run(&file, 64 * 1024).unwrap();
	std::println!(
		"{} MB csv, {} MB zipped: {:?}",
		data.len() / 1_000_000,
		file.len() / 1_000_000,
		t.elapsed()
	);
	assert_eq!(s.rows_seen, n);
	assert_eq!(s.wells[&1].volume_thousandths, expected);
}

/// A registry like the offchain worker's: identifier → (key, product, operator, facility).
struct Registry(Vec<(&'static str, &'static str, &'static str, &'static str, u32)>);

impl WellMatcher for Registry {
	type Key = u32;
	fn match_well(&self, id: &[u8], product: &[u8]) -> Option<u32> {
		self.0
			.iter()
			.find(|w| w.0.as_bytes() == id && w.1.as_bytes() == product)
			.map(|w| w.4)
	}
	fn is_operator(&self, key: u32, baid: &[u8]) -> bool {
		self.0.iter().any(|w| w.4 == key && w.2.as_bytes() == baid)
	}
	fn wells_at_facility(&self, facility: &[u8], product: &[u8], mark: &mut dyn FnMut(u32)) {
		for w in self
			.0
			.iter()
			.filter(|w| w.3.as_bytes() == facility && w.1.as_bytes() == product)
		{
			mark(w.4);
		}
	}
}

fn run_with(reg: &Registry, rows: &[Row]) -> IngestSummary<u32> {
	let file = zip_in_zip(&csv(rows, "\r\n"), STREAMED, STREAMED);
	let mut ing = PetrinexIngest::new(reg, (2026, 1));
	ing.push(&file).unwrap();
	ing.finish().unwrap()
}

/// A confidential well's rows, as Petrinex publishes them: identifier masked, volume public.
fn masked(facility: &str, product: &str, volume: &str) -> Row {
	let mut r = Row::prod("***", product, volume);
	r.ftype = String::new();
	r.facility = String::from(facility);
	r
}

#[test]
fn masked_rows_make_a_facility_s_wells_without_public_rows_unknown() {
	let reg = Registry(vec![
		// A confidential oil well at battery ABBT0000001 (no public rows).
		("100010101010W400", "OIL", "A1B2", "ABBT0000001", 1),
		// A public oil well at the same battery.
		("100020202020W400", "OIL", "A1B2", "ABBT0000001", 2),
		// A gas well at the same battery: masked OIL rows say nothing about it.
		("100030303030W400", "GAS", "A1B2", "ABBT0000001", 3),
		// An oil well at another battery.
		("100040404040W400", "OIL", "A1B2", "ABBT0000002", 4),
	]);
	let mut public = Row::prod("100020202020W400", "OIL", "12.5");
	public.facility = String::from("ABBT0000001");
	let rows = [
		masked("ABBT0000001", "OIL", "40.125"),
		masked("ABBT0000001", "OIL", "3"),
		masked("ABBT0000001", "WATER", "90"),
		public,
		// A masked DISP row is no production.
		{
			let mut r = masked("ABBT0000002", "OIL", "7");
			r.activity = String::from("DISP");
			r
		},
	];
	let s = run_with(&reg, &rows);
	assert_eq!(s.masked_rows, 3);
	assert_eq!(s.candidate_rows, 1);
	// Well 1: masked rows at its facility and no public row: unknown, never 0.
	assert_eq!(counts(s.wells[&1]), WellTotal { masked_facility_rows: 2, ..Default::default() });
	assert_eq!(s.wells[&1].official_thousandths(), None);
	// Well 2 has its public row: known.
	assert_eq!(
		counts(s.wells[&2]),
		WellTotal {
			volume_thousandths: 12_500,
			rows: 1,
			masked_facility_rows: 2,
			..Default::default()
		}
	);
	assert_eq!(s.wells[&2].official_thousandths(), Some(12_500));
	// Wells 3 and 4 are untouched (no entry: the worker decides 0 or unknown by activation).
	assert!(!s.wells.contains_key(&3));
	assert!(!s.wells.contains_key(&4));
}

#[test]
fn rows_of_another_operator_are_not_counted() {
	let reg = Registry(vec![("100071901015W400", "OIL", "A1B2", "ABBT0012345", 1)]);
	let mine = Row::prod(OIL_WELL, "OIL", "10");
	let mut theirs = Row::prod(OIL_WELL, "OIL", "500");
	theirs.baid = String::from("Z9Y8");
	theirs.facility = String::from("ABBT0999999");
	let s = run_with(&reg, &[mine.clone(), theirs.clone()]);
	assert_eq!(
		counts(s.wells[&1]),
		WellTotal {
			volume_thousandths: 10_000,
			rows: 1,
			other_operator_rows: 1,
			..Default::default()
		}
	);
	assert_eq!(s.wells[&1].official_thousandths(), Some(10_000));
	assert_eq!(s.matched_rows, 2);
	// Only the other operator's row: the well's operator reported nothing (0, not 500).
	let s = run_with(&reg, &[theirs]);
	assert_eq!(counts(s.wells[&1]), WellTotal { other_operator_rows: 1, ..Default::default() });
	assert_eq!(s.wells[&1].official_thousandths(), Some(0));
	// The operator code is compared trimmed.
	let mut spaced = mine;
	spaced.baid = String::from(" A1B2 ");
	assert_eq!(run_with(&reg, &[spaced]).wells[&1].official_thousandths(), Some(10_000));
}

#[test]
fn alphanumeric_location_exceptions_match() {
	let reg = Registry(vec![
		("1W0052706219W500", "OIL", "A1B2", "ABBT0012345", 1),
		("1S0032506124W500", "GAS", "A1B2", "ABBT0012345", 2),
	]);
	let rows = [
		Row::prod("1W0052706219W500", "OIL", "1.25"),
		Row::prod("1S0032506124W500", "GAS", "2.5"),
		Row::prod("1S0032506124W500", "OIL", "99"),
	];
	let s = run_with(&reg, &rows);
	assert_eq!(s.wells[&1].official_thousandths(), Some(1_250));
	assert_eq!(s.wells[&2].official_thousandths(), Some(2_500));
}

/// Real public rows: 104 rows of Petrinex's Conventional Volumetrics file for 2024-10, operator
/// `0045` (Chevron Canada), from `vragovvolo/Petrinex` `fixtures/conv_vol_bronze_cvx.parquet`
/// (see `fixtures/README.md` for the source, what is byte-exact and the expected totals).
const REAL_ROWS: &[u8] = include_bytes!("fixtures/petrinex_real_rows.csv");

#[test]
fn real_public_rows_give_each_well_its_published_total() {
	let reg = Registry(vec![
		("100012206216W500", "OIL", "0045", "ABBT0147937", 1),
		("100012206216W500", "GAS", "0045", "ABBT0147937", 2),
		("100143206216W500", "OIL", "0045", "ABBT0147937", 3),
		("100143206216W500", "GAS", "0045", "ABBT0147937", 4),
		// The ROYALTY OIL row of this well (51.0) is no production.
		("100030306316W500", "OIL", "0045", "ABBT0143349", 5),
		("100030306316W500", "GAS", "0045", "ABBT0143349", 6),
		// Alphanumeric location exceptions.
		("1W0052706219W500", "GAS", "0045", "ABBT0164814", 7),
		("1S0032506124W500", "GAS", "0045", "ABBT0148585", 8),
		// No OIL row for this gas well: no entry (unknown or 0 by the worker's rule).
		("1W0052706219W500", "OIL", "0045", "ABBT0164814", 9),
		// Registered with another operator code than Chevron's: its rows are not counted.
		("100162706219W500", "GAS", "A1B2", "ABBT0164814", 10),
	]);
	let file = zip_in_zip(REAL_ROWS, STREAMED, STREAMED);
	let mut ing = PetrinexIngest::new(&reg, (2024, 10));
	for c in file.chunks(4096) {
		ing.push(c).unwrap();
	}
	let s = ing.finish().unwrap();
	let official = |k: u32| s.wells.get(&k).and_then(WellTotal::official_thousandths);
	assert_eq!(official(1), Some(865_100));
	assert_eq!(official(2), Some(185_600));
	assert_eq!(official(3), Some(318_300));
	assert_eq!(official(4), Some(67_400));
	assert_eq!(official(5), Some(157_300));
	assert_eq!(official(6), Some(52_800));
	assert_eq!(official(7), Some(1_177_800));
	assert_eq!(official(8), Some(849_100));
	assert!(!s.wells.contains_key(&9));
	assert_eq!(counts(s.wells[&10]), WellTotal { other_operator_rows: 1, ..Default::default() });
	assert_eq!(official(10), Some(0));
	assert_eq!(s.rows_seen, 104);
	assert_eq!(s.malformed_rows, 0);
	// The file's masked rows are all DISP/REC: no PROD row is masked.
	assert_eq!(s.masked_rows, 0);
	assert_eq!(s.latest_submission_date, Some((2024, 11, 21)));
}

// ---------------------------------------------------------------------------------------------
// Issue 25, M1: each well's row hash (its figure's provenance).
// ---------------------------------------------------------------------------------------------

/// The hash is blake2b-256 (RFC 7693 vectors, and one of several blocks).
#[test]
fn the_row_hash_is_blake2b_256() {
	use crate::petrinex::Blake2b256;
	let hex = |d: [u8; 32]| d.iter().map(|b| alloc::format!("{b:02x}")).collect::<String>();
	let hash = |data: &[u8], split: usize| {
		let mut h = Blake2b256::new();
		h.update(&data[..split]);
		h.update(&data[split..]);
		hex(h.finalize())
	};
	assert_eq!(hash(b"", 0), "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
	assert_eq!(hash(b"abc", 1), "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
	assert_eq!(
		hash(&[0; 128], 128),
		"378d0caaaa3855f1b38693c1d6ef004fd118691c95c959d4efa950d6d6fcf7c1"
	);
	let data: Vec<u8> = (0..1000u32).map(|i| (i * 37 % 251) as u8).collect();
	for split in [0, 1, 127, 128, 129, 500, 1000] {
		assert_eq!(
			hash(&data, split),
			"89e00e8dbe729935d62c2b36794321a9db8d2e4dcb847cbe359e1d1c4449dabd"
		);
	}
}

/// The well's hash is blake2b-256 of its rows' canonical bytes in file order (field count, then
/// each field's length and bytes, as decoded: quotes removed).
#[test]
fn the_row_hash_covers_the_well_s_rows_in_file_order() {
	use crate::petrinex::{canonical_row, Blake2b256};
	let a = Row::prod(OIL_WELL, "OIL", "1.5");
	let b = Row::prod(OIL_WELL, "OIL", "-0.5");
	let s =
		run(&zip_in_zip(&csv(&[a.clone(), b.clone()], "\r\n"), STREAMED, STREAMED), 4096).unwrap();
	let mut h = Blake2b256::new();
	for r in [&a, &b] {
		// The fixture's fields, as the reader decodes them (one quoted field with a comma).
		let line = r.line().replace("\"BATTERY 12-34, NORTH\"", "BATTERY 12-34; NORTH");
		let fields: Vec<Vec<u8>> = line
			.split(',')
			.map(|f| f.replace("BATTERY 12-34; NORTH", "BATTERY 12-34, NORTH").into_bytes())
			.collect();
		assert_eq!(fields.len(), 30);
		canonical_row(fields.iter().map(|f| f.as_slice()), &mut |bytes| h.update(bytes));
	}
	assert_eq!(s.wells[&1].rows_hash, h.finalize());
	assert_eq!(s.wells[&1].volume_thousandths, 1_000);
	// The other order is another hash.
	let swapped = run(&zip_in_zip(&csv(&[b, a], "\r\n"), STREAMED, STREAMED), 4096).unwrap();
	assert_ne!(swapped.wells[&1].rows_hash, s.wells[&1].rows_hash);
}

/// Two files that differ only in other wells' rows (another well's volume, a row added, a row
/// of an unregistered well removed) give the well the same hash; line endings do not matter;
/// a changed row of the well (its volume, or any other field) changes it, and so does a
/// row of another operator for its identifier.
#[test]
fn the_row_hash_changes_only_with_the_well_s_own_rows() {
	let mine = Row::prod(OIL_WELL, "OIL", "10.250");
	let gas = Row::prod(GAS_WELL, "GAS", "5");
	let other = Row::prod(OTHER_WELL, "OIL", "99");
	let hash = |rows: &[Row], eol: &str| {
		run(&zip_in_zip(&csv(rows, eol), STREAMED, STREAMED), 1000).unwrap().wells[&1].rows_hash
	};
	let first = hash(&[gas.clone(), mine.clone(), other.clone()], "\r\n");
	assert_ne!(first, [0; 32]);
	let mut gas_amended = gas.clone();
	gas_amended.volume = String::from("6");
	assert_eq!(hash(&[gas_amended, mine.clone(), other.clone(), other.clone()], "\n"), first);
	assert_eq!(hash(&[mine.clone()], "\r\n"), first);
	let mut amended = mine.clone();
	amended.volume = String::from("10.251");
	assert_ne!(hash(&[gas.clone(), amended, other.clone()], "\r\n"), first);
	let mut resubmitted = mine.clone();
	resubmitted.submission = String::from("2026-03-01");
	assert_ne!(hash(&[gas.clone(), resubmitted, other.clone()], "\r\n"), first);
	// The gas well's hash does not see the oil well's change either.
	let gas_hash = |rows: &[Row]| {
		run(&zip_in_zip(&csv(rows, "\r\n"), STREAMED, STREAMED), 1000).unwrap().wells[&2].rows_hash
	};
	let mut amended = mine.clone();
	amended.volume = String::from("1");
	assert_eq!(gas_hash(&[gas.clone(), mine]), gas_hash(&[amended, gas]));
}
