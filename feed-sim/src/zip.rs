//! A minimal streaming ZIP writer (one deflated entry per archive) and a small reader used to
//! verify what the writer produced.
//!
//! The writer emits exactly what many real-world producers (and Petrinex) emit when they stream:
//!
//! * a local file header with general-purpose flag **bit 3** set and CRC-32 and sizes left zero,
//! * the raw DEFLATE data (method 8), produced incrementally with `miniz_oxide`,
//! * a **data descriptor** (`PK\x07\x08`, CRC-32, compressed size, uncompressed size),
//! * a central directory with the real CRC-32 and sizes, and the end-of-central-directory record.
//!
//! No ZIP64: an entry and the archive must stay below 4 GiB (a full Petrinex month is ~120 MB).
//! Because the writer is itself an [`std::io::Write`] sink feeding another [`Write`], two of them
//! can be stacked to produce a zip-in-zip without ever holding the inner data in memory.

use miniz_oxide::deflate::core::{
	compress_to_output, create_comp_flags_from_zip_params, CompressorOxide, TDEFLFlush, TDEFLStatus,
};
use std::io::{self, Write};

const CRC_TABLE: [u32; 256] = {
	let mut table = [0u32; 256];
	let mut i = 0;
	while i < 256 {
		let mut c = i as u32;
		let mut k = 0;
		while k < 8 {
			c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
			k += 1;
		}
		table[i] = c;
		i += 1;
	}
	table
};

/// Incremental CRC-32 (IEEE 802.3, the one ZIP uses).
#[derive(Clone, Copy, Debug)]
pub struct Crc32(u32);

impl Default for Crc32 {
	fn default() -> Self {
		Crc32(0xFFFF_FFFF)
	}
}

impl Crc32 {
	/// Feed bytes.
	pub fn update(&mut self, data: &[u8]) {
		let mut c = self.0;
		for &b in data {
			c = CRC_TABLE[((c ^ b as u32) & 0xFF) as usize] ^ (c >> 8);
		}
		self.0 = c;
	}

	/// The checksum of everything fed so far.
	pub fn value(&self) -> u32 {
		self.0 ^ 0xFFFF_FFFF
	}

	/// CRC-32 of a whole buffer.
	pub fn of(data: &[u8]) -> u32 {
		let mut c = Crc32::default();
		c.update(data);
		c.value()
	}
}

/// MS-DOS time and date words of midnight of a day.
pub fn dos_date(year: u16, month: u8, day: u8) -> u16 {
	((year.saturating_sub(1980)) << 9) | ((month as u16) << 5) | day as u16
}

const INPUT_CHUNK: usize = 64 * 1024;

/// Writes a ZIP archive holding a single deflated entry, streaming: bytes written to it are
/// compressed into the underlying writer as they come. Call [`ZipEntryWriter::finish`] to write
/// the data descriptor, the central directory and the end record, and get the writer back.
pub struct ZipEntryWriter<W: Write> {
	out: W,
	name: Vec<u8>,
	dos_time: u16,
	dos_date: u16,
	comp: Box<CompressorOxide>,
	crc: Crc32,
	size: u64,
	/// Bytes written to `out` so far.
	written: u64,
	/// Bytes of the local header (where the compressed data starts).
	header_len: u64,
	pending: Vec<u8>,
	error: Option<io::Error>,
}

impl<W: Write> ZipEntryWriter<W> {
	/// Starts an archive with one entry called `name`, dated `dos_date` at `dos_time` (MS-DOS
	/// format), deflated at `level` (0..=10, 6 is zlib's default).
	pub fn new(out: W, name: &str, dos_date: u16, dos_time: u16, level: u8) -> io::Result<Self> {
		let flags = create_comp_flags_from_zip_params(level.min(10) as i32, -15, 0);
		let mut w = ZipEntryWriter {
			out,
			name: name.as_bytes().to_vec(),
			dos_time,
			dos_date,
			comp: Box::new(CompressorOxide::new(flags)),
			crc: Crc32::default(),
			size: 0,
			written: 0,
			header_len: 0,
			pending: Vec::with_capacity(INPUT_CHUNK),
			error: None,
		};
		let mut h = Vec::with_capacity(30 + w.name.len());
		h.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
		h.extend_from_slice(&20u16.to_le_bytes()); // version needed: 2.0 (deflate)
		h.extend_from_slice(&0x0008u16.to_le_bytes()); // bit 3: sizes/CRC in data descriptor
		h.extend_from_slice(&8u16.to_le_bytes()); // deflate
		h.extend_from_slice(&w.dos_time.to_le_bytes());
		h.extend_from_slice(&w.dos_date.to_le_bytes());
		h.extend_from_slice(&[0u8; 12]); // crc, compressed size, size: in the descriptor
		h.extend_from_slice(&(w.name.len() as u16).to_le_bytes());
		h.extend_from_slice(&0u16.to_le_bytes()); // extra field length
		h.extend_from_slice(&w.name);
		w.out.write_all(&h)?;
		w.written = h.len() as u64;
		w.header_len = w.written;
		Ok(w)
	}

	fn compress(&mut self, flush: TDEFLFlush) -> io::Result<()> {
		let input = std::mem::take(&mut self.pending);
		let mut pos = 0;
		loop {
			let out = &mut self.out;
			let written = &mut self.written;
			let error = &mut self.error;
			let (status, used) =
				compress_to_output(&mut self.comp, &input[pos..], flush, |chunk| {
					match out.write_all(chunk) {
						Ok(()) => {
							*written += chunk.len() as u64;
							true
						},
						Err(e) => {
							*error = Some(e);
							false
						},
					}
				});
			if let Some(e) = self.error.take() {
				return Err(e);
			}
			pos += used;
			match status {
				TDEFLStatus::Done => break,
				TDEFLStatus::Okay if pos >= input.len() && flush != TDEFLFlush::Finish => break,
				TDEFLStatus::Okay => continue,
				s => return Err(io::Error::other(format!("deflate failed: {s:?}"))),
			}
		}
		self.pending = input;
		self.pending.clear();
		Ok(())
	}

	/// Completes the archive and returns the underlying writer.
	pub fn finish(mut self) -> io::Result<W> {
		self.compress(TDEFLFlush::Finish)?;
		let csize = self.written - self.header_len;
		if csize > u32::MAX as u64 || self.size > u32::MAX as u64 {
			return Err(io::Error::other("entry too large for a ZIP without ZIP64"));
		}
		let crc = self.crc.value();
		let mut t = Vec::with_capacity(16 + 46 + self.name.len() + 22);
		// Data descriptor.
		t.extend_from_slice(&0x0807_4b50u32.to_le_bytes());
		t.extend_from_slice(&crc.to_le_bytes());
		t.extend_from_slice(&(csize as u32).to_le_bytes());
		t.extend_from_slice(&(self.size as u32).to_le_bytes());
		let cd_offset = self.written + t.len() as u64;
		// Central directory file header.
		let cd_start = t.len();
		t.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
		t.extend_from_slice(&20u16.to_le_bytes()); // version made by: 2.0, MS-DOS
		t.extend_from_slice(&20u16.to_le_bytes()); // version needed
		t.extend_from_slice(&0x0008u16.to_le_bytes());
		t.extend_from_slice(&8u16.to_le_bytes());
		t.extend_from_slice(&self.dos_time.to_le_bytes());
		t.extend_from_slice(&self.dos_date.to_le_bytes());
		t.extend_from_slice(&crc.to_le_bytes());
		t.extend_from_slice(&(csize as u32).to_le_bytes());
		t.extend_from_slice(&(self.size as u32).to_le_bytes());
		t.extend_from_slice(&(self.name.len() as u16).to_le_bytes());
		t.extend_from_slice(&[0u8; 2 + 2 + 2 + 2 + 4]); // extra, comment, disk, int. + ext. attrs
		t.extend_from_slice(&0u32.to_le_bytes()); // local header offset
		t.extend_from_slice(&self.name);
		let cd_size = (t.len() - cd_start) as u64;
		if cd_offset > u32::MAX as u64 {
			return Err(io::Error::other("archive too large for a ZIP without ZIP64"));
		}
		// End of central directory.
		t.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
		t.extend_from_slice(&[0u8; 4]); // this disk, disk with the central directory
		t.extend_from_slice(&1u16.to_le_bytes());
		t.extend_from_slice(&1u16.to_le_bytes());
		t.extend_from_slice(&(cd_size as u32).to_le_bytes());
		t.extend_from_slice(&(cd_offset as u32).to_le_bytes());
		t.extend_from_slice(&0u16.to_le_bytes()); // comment length
		self.out.write_all(&t)?;
		self.out.flush()?;
		Ok(self.out)
	}
}

impl<W: Write> Write for ZipEntryWriter<W> {
	fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
		self.crc.update(buf);
		self.size += buf.len() as u64;
		self.pending.extend_from_slice(buf);
		if self.pending.len() >= INPUT_CHUNK {
			self.compress(TDEFLFlush::None)?;
		}
		Ok(buf.len())
	}

	fn flush(&mut self) -> io::Result<()> {
		Ok(())
	}
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

fn u16_at(b: &[u8], at: usize) -> Result<u16, String> {
	b.get(at..at + 2).map(|s| u16::from_le_bytes([s[0], s[1]])).ok_or_else(|| "truncated".into())
}

fn u32_at(b: &[u8], at: usize) -> Result<u32, String> {
	b.get(at..at + 4)
		.map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
		.ok_or_else(|| "truncated".into())
}

/// Reads every entry of a (non-ZIP64) archive through its central directory, checking CRC-32 and
/// sizes. Stored (0) and deflated (8) entries are supported. Meant for verification in tests.
pub fn read_zip(bytes: &[u8]) -> Result<Vec<ZipEntry>, String> {
	let min = 22;
	if bytes.len() < min {
		return Err("too short for a zip".into());
	}
	let eocd = (0..=bytes.len() - min)
		.rev()
		.take(65_536 + min)
		.find(|&i| bytes[i..i + 4] == [0x50, 0x4b, 0x05, 0x06])
		.ok_or("no end-of-central-directory record")?;
	let count = u16_at(bytes, eocd + 10)? as usize;
	let mut p = u32_at(bytes, eocd + 16)? as usize;
	let mut entries = Vec::with_capacity(count);
	for _ in 0..count {
		if u32_at(bytes, p)? != 0x0201_4b50 {
			return Err("bad central directory header".into());
		}
		let flags = u16_at(bytes, p + 8)?;
		let method = u16_at(bytes, p + 10)?;
		let crc = u32_at(bytes, p + 16)?;
		let csize = u32_at(bytes, p + 20)? as usize;
		let usize_ = u32_at(bytes, p + 24)? as usize;
		let nlen = u16_at(bytes, p + 28)? as usize;
		let elen = u16_at(bytes, p + 30)? as usize;
		let clen = u16_at(bytes, p + 32)? as usize;
		let local = u32_at(bytes, p + 42)? as usize;
		let name = bytes.get(p + 46..p + 46 + nlen).ok_or("truncated name")?;
		let name = String::from_utf8_lossy(name).into_owned();
		p += 46 + nlen + elen + clen;
		if u32_at(bytes, local)? != 0x0403_4b50 {
			return Err(format!("{name}: bad local header"));
		}
		let start =
			local + 30 + u16_at(bytes, local + 26)? as usize + u16_at(bytes, local + 28)? as usize;
		let raw =
			bytes.get(start..start + csize).ok_or_else(|| format!("{name}: truncated data"))?;
		let data = match method {
			0 => raw.to_vec(),
			8 => miniz_oxide::inflate::decompress_to_vec(raw)
				.map_err(|e| format!("{name}: inflate failed: {e:?}"))?,
			m => return Err(format!("{name}: unsupported method {m}")),
		};
		if data.len() != usize_ {
			return Err(format!("{name}: size {} != {}", data.len(), usize_));
		}
		if Crc32::of(&data) != crc {
			return Err(format!("{name}: CRC mismatch"));
		}
		if flags & 8 != 0 {
			let d = start + csize;
			let off = if u32_at(bytes, d)? == 0x0807_4b50 { 4 } else { 0 };
			if u32_at(bytes, d + off)? != crc || u32_at(bytes, d + off + 4)? as usize != csize {
				return Err(format!(
					"{name}: data descriptor disagrees with the central directory"
				));
			}
		}
		entries.push(ZipEntry { name, flags, data });
	}
	Ok(entries)
}

#[cfg(test)]
mod tests {
	use super::*;

	fn make(name: &str, data: &[u8]) -> Vec<u8> {
		let mut w = ZipEntryWriter::new(Vec::new(), name, dos_date(2026, 2, 20), 0, 6).unwrap();
		for chunk in data.chunks(1000) {
			w.write_all(chunk).unwrap();
		}
		w.finish().unwrap()
	}

	#[test]
	fn crc_known_value() {
		assert_eq!(Crc32::of(b"123456789"), 0xCBF4_3926);
		assert_eq!(Crc32::of(b""), 0);
	}

	#[test]
	fn roundtrip_nested() {
		let data: Vec<u8> =
			(0..300_000u32).flat_map(|i| format!("row {i},{}\r\n", i % 97).into_bytes()).collect();
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
