//! The archive layer of the Petrinex download, written and read with the `zip` crate.
//!
//! Petrinex streams its archives, and so does the simulator: [`zip_in_zip`] writes with the
//! `zip` crate's streaming writer ([`::zip::ZipWriter::new_stream`], no `Seek`), which is what
//! real-world streaming producers emit:
//!
//! * a local file header with general-purpose flag **bit 3** set and CRC-32 and sizes left zero,
//! * the raw DEFLATE data (method 8; `flate2` on `miniz_oxide`),
//! * a **data descriptor** (`PK\x07\x08`, CRC-32, compressed size, uncompressed size),
//! * a central directory with the real CRC-32 and sizes, and the end-of-central-directory record.
//!
//! No ZIP64: an entry and the archive must stay below 4 GiB (a full Petrinex month is ~120 MB).
//! The inner archive is written straight into the outer archive's entry, so a zip-in-zip is
//! produced without ever holding the inner archive or the CSV in memory.
//!
//! [`read_zip`] reads an archive back through its central directory (the `zip` crate checks
//! CRC-32 and sizes), for tests and benchmarks.

use crate::date::Date;
use ::zip::write::SimpleFileOptions;
use ::zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};
use std::io::{self, Cursor, Read, Write};

/// Options of an entry: deflated at `level`, dated `modified` at 06:30:00.
///
/// `level` is the configuration's 0..=10 (miniz's scale); the `zip` crate's deflate takes
/// flate2's 1..=9, so 0 is written as 1 and 10 as 9.
pub fn entry_options(modified: Date, level: u8) -> SimpleFileOptions {
	let when = DateTime::from_date_and_time(modified.year, modified.month, modified.day, 6, 30, 0)
		.unwrap_or_default(); // before 1980: MS-DOS dates start there
	SimpleFileOptions::default()
		.compression_method(CompressionMethod::Deflated)
		.compression_level(Some(level.clamp(1, 9).into()))
		.last_modified_time(when)
}

/// Streams an archive holding the single entry `name` into `out`: `write` writes the entry's
/// content. Returns `out`.
pub fn single_entry<W: Write>(
	out: W,
	name: &str,
	options: SimpleFileOptions,
	write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<W> {
	let mut zip = ZipWriter::new_stream(out);
	zip.start_file(name, options)?;
	write(&mut zip)?;
	Ok(zip.finish()?.into_inner())
}

/// Streams an archive whose only entry `outer_name` is an archive whose only entry
/// `inner_name` is what `write` writes. Returns `out`.
pub fn zip_in_zip<W: Write>(
	out: W,
	outer_name: &str,
	inner_name: &str,
	options: SimpleFileOptions,
	write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<W> {
	single_entry(out, outer_name, options, |outer| {
		single_entry(outer, inner_name, options, write).map(drop)
	})
}

/// One entry read back from an archive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZipEntry {
	/// The entry's name.
	pub name: String,
	/// General-purpose flags from the central directory.
	pub flags: u16,
	/// Its decompressed content (CRC-32 and size already checked).
	pub data: Vec<u8>,
}

/// Reads every entry of an archive through its central directory, checking CRC-32 and sizes.
/// Meant for verification in tests and benchmarks.
pub fn read_zip(bytes: &[u8]) -> Result<Vec<ZipEntry>, String> {
	let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
	(0..archive.len())
		.map(|i| {
			let mut file = archive.by_index(i).map_err(|e| e.to_string())?;
			let name = file.name().map_err(|e| e.to_string())?.into_owned();
			let mut data = Vec::with_capacity(file.size().min(1 << 30) as usize);
			file.read_to_end(&mut data).map_err(|e| format!("{name}: {e}"))?;
			if data.len() as u64 != file.size() {
				return Err(format!("{name}: size {} != {}", data.len(), file.size()));
			}
			Ok(ZipEntry { name, flags: file.flags().as_u16(), data })
		})
		.collect()
}

#[cfg(test)]
mod tests {
	use super::*;

	fn make(name: &str, data: &[u8]) -> Vec<u8> {
		let options = entry_options(Date { year: 2026, month: 2, day: 20 }, 6);
		single_entry(Vec::new(), name, options, |w| {
			for chunk in data.chunks(1000) {
				w.write_all(chunk)?;
			}
			Ok(())
		})
		.unwrap()
	}

	#[test]
	fn crc_known_value() {
		let z = make("n", b"123456789");
		let mut a = ZipArchive::new(Cursor::new(&z)).unwrap();
		assert_eq!(a.by_index(0).unwrap().crc32(), 0xCBF4_3926);
		let z = make("e", b"");
		assert_eq!(ZipArchive::new(Cursor::new(&z)).unwrap().by_index(0).unwrap().crc32(), 0);
	}

	/// The streaming layout: bit 3 in the local header, zero CRC and sizes there, a signed
	/// data descriptor after the data, the date of the options.
	#[test]
	fn streaming_layout() {
		let z = make("a.csv", b"x,y\r\n1,2\r\n");
		assert_eq!(&z[..4], b"PK\x03\x04");
		assert_eq!(u16::from_le_bytes([z[6], z[7]]) & 8, 8, "flag bit 3");
		assert_eq!(u16::from_le_bytes([z[8], z[9]]), 8, "deflate");
		assert_eq!(&z[14..26], &[0u8; 12], "CRC and sizes deferred to the descriptor");
		assert!(z.windows(4).any(|w| w == b"PK\x07\x08"), "data descriptor");
		let mut a = ZipArchive::new(Cursor::new(&z)).unwrap();
		let f = a.by_index(0).unwrap();
		let t = f.last_modified().unwrap();
		assert_eq!((t.year(), t.month(), t.day(), t.hour(), t.minute()), (2026, 2, 20, 6, 30));
	}

	#[test]
	fn roundtrip_nested() {
		let data: Vec<u8> = (0..300_000u32)
			.flat_map(|i| format!("row {i},{}\r\n", i % 97).into_bytes())
			.collect();
		let inner = make("a.csv", &data);
		let outer = make("a.zip", &inner);
		let e = read_zip(&outer).unwrap();
		assert_eq!(e.len(), 1);
		assert_eq!(e[0].name, "a.zip");
		assert_eq!(e[0].flags & 8, 8);
		assert_eq!(e[0].data, inner);
		let e2 = read_zip(&e[0].data).unwrap();
		assert_eq!(e2[0].name, "a.csv");
		assert_eq!(e2[0].data, data);
		// Empty entry works too.
		assert_eq!(read_zip(&make("e", b"")).unwrap()[0].data, b"");
		// zip_in_zip writes the same nesting in one pass.
		let options = entry_options(Date { year: 2026, month: 2, day: 20 }, 6);
		let both = zip_in_zip(Vec::new(), "a.zip", "a.csv", options, |w| w.write_all(&data));
		let both = both.unwrap();
		assert_eq!(read_zip(&read_zip(&both).unwrap()[0].data).unwrap()[0].data, data);
		// A cut archive is refused.
		assert!(read_zip(&outer[..outer.len() / 2]).is_err());
	}

	/// Python's zipfile (and `unzip -t` if installed) accept the output.
	#[test]
	fn external_tools_accept_output() {
		let data: Vec<u8> =
			(0..50_000u32).flat_map(|i| format!("{i},\u{e9}\r\n").into_bytes()).collect();
		let inner = make("x.csv", &data);
		let outer = make("x.zip", &inner);
		let dir = std::env::temp_dir().join(format!("tn-feed-sim-zip-{}", std::process::id()));
		std::fs::create_dir_all(&dir).unwrap();
		let path = dir.join("outer.zip");
		std::fs::write(&path, &outer).unwrap();
		let script = "import sys,zipfile,io\n\
			z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; n=z.namelist(); assert n==['x.zip'],n\n\
			i=zipfile.ZipFile(io.BytesIO(z.read('x.zip'))); assert i.testzip() is None\n\
			assert i.namelist()==['x.csv']; d=i.read('x.csv'); assert len(d)==int(sys.argv[2]),len(d)\n\
			assert z.infolist()[0].flag_bits & 8 and i.infolist()[0].flag_bits & 8\n\
			print('ok')";
		match std::process::Command::new("python3")
			.arg("-c")
			.arg(script)
			.arg(&path)
			.arg(data.len().to_string())
			.output()
		{
			Ok(out) => {
				assert!(
					out.status.success(),
					"python zipfile rejected: {}",
					String::from_utf8_lossy(&out.stderr)
				);
				assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "ok");
			},
			Err(_) => eprintln!("python3 not found: skipping the zipfile check"),
		}
		match std::process::Command::new("unzip").arg("-t").arg(&path).output() {
			Ok(out) => {
				assert!(out.status.success(), "unzip -t: {}", String::from_utf8_lossy(&out.stdout))
			},
			Err(_) => eprintln!("unzip not found: skipping the unzip -t check"),
		}
		let _ = std::fs::remove_dir_all(&dir);
	}
}
