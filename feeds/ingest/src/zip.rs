//! A push-style reader for the **first entry** of a ZIP stream, from its local file header.
//!
//! The reader never looks at the central directory (it may not have arrived yet, and the
//! payload is streamed). It parses the local file header (signature `0x04034b50`, 30-byte fixed
//! part, file name, extra field), then decompresses the entry data (method 8 = raw deflate, or
//! method 0 = stored) and hands every decompressed byte to an [`EntrySink`]. When the entry's data
//! ends — the deflate stream's own final block, or `compressed size` bytes for a stored entry —
//! the sink's [`EntrySink::end`] is called. Everything after the entry is ignored, except an
//! optional data descriptor (general purpose flag bit 3) whose CRC-32 is verified when it
//! arrives.
//!
//! Memory: a 32 KiB wrapping output window and a boxed `DecompressorOxide` (allocated only for
//! deflated entries), plus a few dozen bytes of header state.
//!
//! Output: at most [`MAX_INFLATED_BYTES`] bytes of entry data are handed to the sink; the first
//! chunk past it fails with [`IngestError::InflatedTooLarge`] (a zip bomb: deflate inflates up to
//! 1,032 bytes per byte, so a 260 KB file could otherwise keep the worker inflating 256 MiB after
//! 256 MiB until its deadline).
//!
//! Why hand-written: this runs inside the runtime's wasm offchain worker, so it must be
//! `no_std` + `alloc`, panic-free, and push-driven (the HTTP body arrives in chunks and the
//! 120 MB CSV must never be held), with memory bounded by a constant. The `zip` crate needs
//! `std` and `Read + Seek` (it reads the central directory at the end of the archive), and its
//! streaming reader is still a blocking `std::io::Read` pull over the whole stream; the
//! `no_std` ZIP crates read from a complete in-memory buffer. None takes bytes as they come in
//! a state machine, so only the local-header parsing lives here; inflating is `miniz_oxide`'s
//! low-level streaming decompressor and the CRC-32 is `crc32fast`.

use alloc::{boxed::Box, vec, vec::Vec};
use crc32fast::Hasher as Crc32;
use miniz_oxide::inflate::{
	core::{decompress, inflate_flags, DecompressorOxide},
	TINFLStatus,
};

use crate::petrinex::{IngestError, Layer, MAX_INFLATED_BYTES};

/// Local file header signature.
const LOCAL_SIG: [u8; 4] = 0x0403_4b50u32.to_le_bytes();
/// Optional data descriptor signature.
const DESCRIPTOR_SIG: u32 = 0x0807_4b50;
/// Length of the fixed part of a local file header.
const FIXED_LEN: usize = 30;
/// Size of the wrapping inflate output window (the deflate dictionary is 32 KiB; a wrapping
/// buffer must be a power of two at least that large).
pub(crate) const WINDOW: usize = 32 * 1024;
/// General purpose flag: encrypted.
const FLAG_ENCRYPTED: u16 = 1;
/// General purpose flag: sizes and CRC are in a data descriptor after the data.
const FLAG_DESCRIPTOR: u16 = 1 << 3;
/// ZIP64 extended information extra field id.
const ZIP64_EXTRA_ID: u16 = 0x0001;

/// Receives an entry's decompressed bytes.
pub(crate) trait EntrySink {
	/// The next decompressed bytes (never empty).
	fn data(&mut self, bytes: &[u8]) -> Result<(), IngestError>;
	/// The entry's data ended (its CRC, if known from the header, has been verified).
	fn end(&mut self) -> Result<(), IngestError>;
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
	/// Collecting the 30-byte fixed header.
	Header,
	/// Skipping the file name (keeping its last 4 bytes).
	Name,
	/// Skipping (or, for a ZIP64 stored entry, collecting) the extra field.
	Extra,
	/// Copying stored data.
	Stored,
	/// Inflating.
	Deflate,
	/// Reading the CRC of the data descriptor.
	Descriptor,
	/// Entry complete; the rest of the stream is ignored.
	Done,
}

/// Reader for the first entry of one ZIP layer.
pub(crate) struct ZipEntryReader {
	layer: Layer,
	/// Whether the entry's name must end with `.csv` (ASCII case-insensitive).
	require_csv_name: bool,
	state: State,
	fixed: [u8; FIXED_LEN],
	fixed_len: usize,
	flags: u16,
	method: u16,
	header_crc: u32,
	header_compressed_size: u32,
	name_remaining: usize,
	name_tail: [u8; 4],
	name_len: usize,
	extra_remaining: usize,
	/// Collected extra field, only when it is needed (stored entry with ZIP64 sizes).
	extra: Option<Vec<u8>>,
	stored_remaining: u64,
	inflater: Option<Box<DecompressorOxide>>,
	window: Vec<u8>,
	window_pos: usize,
	crc: Crc32,
	descriptor: [u8; 8],
	descriptor_len: usize,
	data_ended: bool,
	/// Entry bytes handed to the sink so far.
	produced: u64,
	/// Most entry bytes this reader hands on ([`MAX_INFLATED_BYTES`]).
	max_output: u64,
}

/// Little-endian u16 at `at` of `b` (0 if out of range, which cannot happen for the fixed header).
fn le16(b: &[u8], at: usize) -> u16 {
	match b.get(at..at.saturating_add(2)) {
		Some(&[x, y]) => u16::from_le_bytes([x, y]),
		_ => 0,
	}
}

/// Little-endian u32 at `at` of `b`.
fn le32(b: &[u8], at: usize) -> u32 {
	match b.get(at..at.saturating_add(4)) {
		Some(&[w, x, y, z]) => u32::from_le_bytes([w, x, y, z]),
		_ => 0,
	}
}

/// Little-endian u64 at `at` of `b`, `None` if out of range.
fn le64(b: &[u8], at: usize) -> Option<u64> {
	let s = b.get(at..at.checked_add(8)?)?;
	let arr: [u8; 8] = s.try_into().ok()?;
	Some(u64::from_le_bytes(arr))
}

/// `min(a, b)` for a `u64` remaining count and a slice length.
fn take_len(remaining: u64, available: usize) -> usize {
	usize::try_from(remaining).map_or(available, |r| r.min(available))
}

impl ZipEntryReader {
	/// A reader for `layer`; with `require_csv_name`, the entry name must end with `.csv`.
	pub(crate) fn new(layer: Layer, require_csv_name: bool) -> Self {
		ZipEntryReader {
			layer,
			require_csv_name,
			state: State::Header,
			fixed: [0; FIXED_LEN],
			fixed_len: 0,
			flags: 0,
			method: 0,
			header_crc: 0,
			header_compressed_size: 0,
			name_remaining: 0,
			name_tail: [0; 4],
			name_len: 0,
			extra_remaining: 0,
			extra: None,
			stored_remaining: 0,
			inflater: None,
			window: Vec::new(),
			window_pos: 0,
			crc: Crc32::new(),
			descriptor: [0; 8],
			descriptor_len: 0,
			data_ended: false,
			produced: 0,
			max_output: MAX_INFLATED_BYTES,
		}
	}

	/// A reader with another output cap (tests of the cap's boundary).
	#[cfg(test)]
	pub(crate) fn with_cap(layer: Layer, require_csv_name: bool, cap: u64) -> Self {
		ZipEntryReader { max_output: cap, ..Self::new(layer, require_csv_name) }
	}

	/// Counts `n` more entry bytes; refuses them past the cap.
	fn produce(&mut self, n: usize) -> Result<(), IngestError> {
		self.produced = self.produced.saturating_add(n as u64);
		if self.produced > self.max_output {
			return Err(IngestError::InflatedTooLarge { layer: self.layer, cap: self.max_output });
		}
		Ok(())
	}

	/// Whether the entry's data has ended (all of it was handed to the sink).
	pub(crate) fn data_ended(&self) -> bool {
		self.data_ended
	}

	/// Feeds the next bytes of the ZIP stream.
	pub(crate) fn push<S: EntrySink>(
		&mut self,
		mut input: &[u8],
		sink: &mut S,
	) -> Result<(), IngestError> {
		while !input.is_empty() {
			let used = match self.state {
				State::Header => self.push_header(input, sink)?,
				State::Name => self.push_name(input, sink)?,
				State::Extra => self.push_extra(input, sink)?,
				State::Stored => self.push_stored(input, sink)?,
				State::Deflate => {
					self.inflate(input, sink, inflate_flags::TINFL_FLAG_HAS_MORE_INPUT)?
				},
				State::Descriptor => self.push_descriptor(input)?,
				State::Done => return Ok(()),
			};
			input = input.get(used..).unwrap_or(&[]);
		}
		Ok(())
	}

	/// The stream ended. If the entry is being inflated, gives the decompressor a last chance
	/// to finish without more input (it normally already has). Does not fail on truncation:
	/// the caller decides from [`Self::data_ended`].
	pub(crate) fn finish<S: EntrySink>(&mut self, sink: &mut S) -> Result<(), IngestError> {
		if self.state == State::Deflate {
			match self.inflate(&[], sink, 0) {
				Ok(_) => {},
				// Out of input in the middle of the stream: truncated, reported by the caller.
				Err(IngestError::Inflate { .. }) => {},
				Err(e) => return Err(e),
			}
		}
		Ok(())
	}

	fn push_header<S: EntrySink>(
		&mut self,
		input: &[u8],
		sink: &mut S,
	) -> Result<usize, IngestError> {
		let want = FIXED_LEN.saturating_sub(self.fixed_len);
		let n = want.min(input.len());
		let dst = self
			.fixed
			.get_mut(self.fixed_len..self.fixed_len.saturating_add(n))
			.ok_or(IngestError::Internal)?;
		dst.copy_from_slice(input.get(..n).ok_or(IngestError::Internal)?);
		self.fixed_len = self.fixed_len.saturating_add(n);
		// Reject garbage as soon as the signature's first bytes disagree.
		let sig_have = self.fixed_len.min(4);
		if self.fixed.get(..sig_have) != LOCAL_SIG.get(..sig_have) {
			// Petrinex answers some failures with HTTP 200 and a JSON message.
			if self.layer == Layer::Outer && matches!(self.fixed.first(), Some(b'{' | b'[')) {
				return Err(IngestError::ServiceMessage);
			}
			return Err(IngestError::NotAZip { layer: self.layer });
		}
		if self.fixed_len == FIXED_LEN {
			self.parse_fixed(sink)?;
		}
		Ok(n)
	}

	fn parse_fixed<S: EntrySink>(&mut self, sink: &mut S) -> Result<(), IngestError> {
		let h = &self.fixed;
		self.flags = le16(h, 6);
		self.method = le16(h, 8);
		self.header_crc = le32(h, 14);
		self.header_compressed_size = le32(h, 18);
		self.name_remaining = usize::from(le16(h, 26));
		self.extra_remaining = usize::from(le16(h, 28));
		let layer = self.layer;
		if self.flags & FLAG_ENCRYPTED != 0 {
			return Err(IngestError::Encrypted { layer });
		}
		match self.method {
			0 if self.flags & FLAG_DESCRIPTOR != 0 => {
				return Err(IngestError::StoredWithDataDescriptor { layer })
			},
			0 | 8 => {},
			method => return Err(IngestError::UnsupportedMethod { layer, method }),
		}
		if self.method == 0 && self.header_compressed_size == u32::MAX {
			// ZIP64: the real size is in the extra field, which we must keep.
			self.extra = Some(Vec::with_capacity(self.extra_remaining));
		}
		self.state = State::Name;
		self.after_progress(sink)
	}

	fn push_name<S: EntrySink>(
		&mut self,
		input: &[u8],
		sink: &mut S,
	) -> Result<usize, IngestError> {
		let n = self.name_remaining.min(input.len());
		for &b in input.get(..n).ok_or(IngestError::Internal)? {
			self.name_tail.rotate_left(1);
			if let Some(last) = self.name_tail.last_mut() {
				*last = b;
			}
		}
		self.name_len = self.name_len.saturating_add(n);
		self.name_remaining = self.name_remaining.saturating_sub(n);
		self.after_progress(sink)?;
		Ok(n)
	}

	fn push_extra<S: EntrySink>(
		&mut self,
		input: &[u8],
		sink: &mut S,
	) -> Result<usize, IngestError> {
		let n = self.extra_remaining.min(input.len());
		if let Some(extra) = self.extra.as_mut() {
			extra.extend_from_slice(input.get(..n).ok_or(IngestError::Internal)?);
		}
		self.extra_remaining = self.extra_remaining.saturating_sub(n);
		self.after_progress(sink)?;
		Ok(n)
	}

	fn push_stored<S: EntrySink>(
		&mut self,
		input: &[u8],
		sink: &mut S,
	) -> Result<usize, IngestError> {
		let n = take_len(self.stored_remaining, input.len());
		let chunk = input.get(..n).ok_or(IngestError::Internal)?;
		if !chunk.is_empty() {
			self.produce(chunk.len())?;
			self.crc.update(chunk);
			sink.data(chunk)?;
		}
		self.stored_remaining = self.stored_remaining.saturating_sub(n as u64);
		self.after_progress(sink)?;
		Ok(n)
	}

	/// Moves through states whose remaining length is zero (empty name, empty extra field,
	/// empty stored data), so that they complete without needing further input.
	fn after_progress<S: EntrySink>(&mut self, sink: &mut S) -> Result<(), IngestError> {
		if self.state == State::Name && self.name_remaining == 0 {
			if self.require_csv_name && !self.name_is_csv() {
				return Err(IngestError::NotCsv);
			}
			self.state = State::Extra;
		}
		if self.state == State::Extra && self.extra_remaining == 0 {
			self.start_data()?;
		}
		if self.state == State::Stored && self.stored_remaining == 0 {
			self.end_data(sink)?;
		}
		Ok(())
	}

	fn name_is_csv(&self) -> bool {
		self.name_len >= 4 && self.name_tail.eq_ignore_ascii_case(b".csv")
	}

	fn start_data(&mut self) -> Result<(), IngestError> {
		if self.method == 0 {
			self.stored_remaining = if self.header_compressed_size == u32::MAX {
				let extra = self.extra.take().unwrap_or_default();
				zip64_compressed_size(&extra)
					.ok_or(IngestError::MalformedZip { layer: self.layer })?
			} else {
				u64::from(self.header_compressed_size)
			};
			self.state = State::Stored;
		} else {
			if self.inflater.is_none() {
				self.inflater = Some(Box::default());
			}
			if self.window.len() != WINDOW {
				self.window = vec![0; WINDOW];
			}
			self.state = State::Deflate;
		}
		Ok(())
	}

	/// Runs the inflater over `input`; returns how many input bytes belonged to the deflate
	/// stream.
	fn inflate<S: EntrySink>(
		&mut self,
		input: &[u8],
		sink: &mut S,
		flags: u32,
	) -> Result<usize, IngestError> {
		let layer = self.layer;
		let mut consumed: usize = 0;
		loop {
			let rest = input.get(consumed..).unwrap_or(&[]);
			let inflater = self.inflater.as_mut().ok_or(IngestError::Internal)?;
			let (status, nin, nout) =
				decompress(inflater, rest, &mut self.window, self.window_pos, flags);
			consumed = consumed.saturating_add(nin);
			if nout > 0 {
				self.produce(nout)?;
				let end = self.window_pos.checked_add(nout).ok_or(IngestError::Internal)?;
				let out = self.window.get(self.window_pos..end).ok_or(IngestError::Internal)?;
				self.crc.update(out);
				sink.data(out)?;
				self.window_pos = end & (WINDOW.wrapping_sub(1));
			}
			match status {
				TINFLStatus::Done => {
					self.end_data(sink)?;
					return Ok(consumed);
				},
				TINFLStatus::NeedsMoreInput => {
					if consumed >= input.len() {
						return Ok(consumed);
					} else if nin == 0 && nout == 0 {
						return Err(IngestError::Inflate { layer });
					}
				},
				TINFLStatus::HasMoreOutput => {
					if nin == 0 && nout == 0 {
						return Err(IngestError::Inflate { layer });
					}
				},
				_ => return Err(IngestError::Inflate { layer }),
			}
		}
	}

	fn end_data<S: EntrySink>(&mut self, sink: &mut S) -> Result<(), IngestError> {
		self.data_ended = true;
		// Free the big buffers as soon as they are not needed.
		self.inflater = None;
		self.window = Vec::new();
		if self.flags & FLAG_DESCRIPTOR != 0 {
			self.state = State::Descriptor;
		} else {
			if self.crc.clone().finalize() != self.header_crc {
				return Err(IngestError::ChecksumMismatch { layer: self.layer });
			}
			self.state = State::Done;
		}
		sink.end()
	}

	/// Data descriptor: `[signature 0x08074b50] crc32 compressed-size uncompressed-size`. Only
	/// the CRC is checked (the sizes may be 4 or 8 bytes each).
	fn push_descriptor(&mut self, input: &[u8]) -> Result<usize, IngestError> {
		let want = 8usize.saturating_sub(self.descriptor_len);
		let n = want.min(input.len());
		let dst = self
			.descriptor
			.get_mut(self.descriptor_len..self.descriptor_len.saturating_add(n))
			.ok_or(IngestError::Internal)?;
		dst.copy_from_slice(input.get(..n).ok_or(IngestError::Internal)?);
		self.descriptor_len = self.descriptor_len.saturating_add(n);
		let crc = self.crc.clone().finalize();
		let mismatch = IngestError::ChecksumMismatch { layer: self.layer };
		if self.descriptor_len >= 4 {
			let w0 = le32(&self.descriptor, 0);
			if w0 == crc {
				self.state = State::Done;
			} else if w0 != DESCRIPTOR_SIG {
				return Err(mismatch);
			} else if self.descriptor_len == 8 {
				if le32(&self.descriptor, 4) != crc {
					return Err(mismatch);
				}
				self.state = State::Done;
			}
		}
		Ok(n)
	}
}

/// The compressed size from a ZIP64 extended information extra field of a local header (which
/// must hold both the uncompressed and the compressed size, in that order).
fn zip64_compressed_size(extra: &[u8]) -> Option<u64> {
	let mut rest = extra;
	while rest.len() >= 4 {
		let id = le16(rest, 0);
		let len = usize::from(le16(rest, 2));
		let body = rest.get(4..4usize.checked_add(len)?)?;
		if id == ZIP64_EXTRA_ID {
			return le64(body, 8);
		}
		rest = rest.get(4usize.checked_add(len)?..)?;
	}
	None
}

#[cfg(test)]
mod tests {
	use super::{Crc32, EntrySink, ZipEntryReader, FLAG_DESCRIPTOR};
	use crate::petrinex::{IngestError, Layer, MAX_INFLATED_BYTES};
	use alloc::vec::Vec;

	/// Deflate bits, least significant first (RFC 1951 § 3.1.1).
	#[derive(Default)]
	struct Bits {
		out: Vec<u8>,
		acc: u64,
		n: u32,
	}
	impl Bits {
		/// `bits` low bits of `value` (extra bits, header fields).
		fn put(&mut self, value: u64, bits: u32) {
			for i in 0..bits {
				self.acc |= ((value >> i) & 1) << self.n;
				self.n += 1;
				if self.n == 8 {
					self.out.push(self.acc as u8);
					self.acc = 0;
					self.n = 0;
				}
			}
		}
		/// A Huffman code of `len` bits, most significant bit first.
		fn code(&mut self, code: u64, len: u32) {
			for i in (0..len).rev() {
				self.put((code >> i) & 1, 1);
			}
		}
		fn finish(mut self) -> Vec<u8> {
			if self.n > 0 {
				self.out.push(self.acc as u8);
			}
			self.out
		}
	}

	/// A crafted raw-deflate stream inflating to `n` (≥ 1) zero bytes in 2 bits per 258 bytes:
	/// one dynamic block whose literal/length code has three symbols (length 258: `0`; literal
	/// 0: `10`; end of block: `11`) and whose distance code has two (distance 1: `0`).
	fn zero_bomb(n: u64) -> Vec<u8> {
		let mut b = Bits::default();
		b.put(1, 1); // BFINAL
		b.put(2, 2); // dynamic Huffman
		b.put(29, 5); // HLIT: 286 literal/length codes
		b.put(1, 5); // HDIST: 2 distance codes
		b.put(14, 4); // HCLEN: 18 code length codes
				// Code length code lengths, in their order: 18 → 1 bit, 1 → 2, 2 → 2 (codes 0, 10, 11).
		for sym in [16u8, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1] {
			b.put(
				match sym {
					18 => 1,
					1 | 2 => 2,
					_ => 0,
				},
				3,
			);
		}
		b.code(0b11, 2); // literal 0: length 2
		b.code(0, 1); // 138 zeros (1..=138)
		b.put(127, 7);
		b.code(0, 1); // 117 zeros (139..=255)
		b.put(106, 7);
		b.code(0b11, 2); // end of block (256): length 2
		b.code(0, 1); // 28 zeros (257..=284)
		b.put(17, 7);
		b.code(0b10, 2); // 285 (length 258): length 1
		b.code(0b10, 2); // distance codes 0 and 1: length 1
		b.code(0b10, 2);
		let (matches, literals) = ((n - 1) / 258, 1 + (n - 1) % 258);
		for _ in 0..literals {
			b.code(0b10, 2);
		}
		for _ in 0..matches {
			b.code(0, 1); // length 258
			b.code(0, 1); // distance 1
		}
		b.code(0b11, 2); // end of block
		b.finish()
	}

	/// A local file header for a deflated entry `name` (CRC and sizes 0, as with a data
	/// descriptor when `flags` has bit 3) followed by `data`.
	fn entry(name: &str, flags: u16, data: &[u8]) -> Vec<u8> {
		let mut z = Vec::new();
		z.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
		z.extend_from_slice(&20u16.to_le_bytes());
		z.extend_from_slice(&flags.to_le_bytes());
		z.extend_from_slice(&8u16.to_le_bytes());
		z.extend_from_slice(&[0; 4]); // time, date
		z.extend_from_slice(&[0; 12]); // CRC, sizes
		z.extend_from_slice(&(name.len() as u16).to_le_bytes());
		z.extend_from_slice(&0u16.to_le_bytes());
		z.extend_from_slice(name.as_bytes());
		z.extend_from_slice(data);
		z
	}

	#[derive(Default)]
	struct Count {
		bytes: u64,
		ended: bool,
	}
	impl EntrySink for Count {
		fn data(&mut self, bytes: &[u8]) -> Result<(), IngestError> {
			assert!(bytes.iter().all(|b| *b == 0));
			self.bytes += bytes.len() as u64;
			Ok(())
		}
		fn end(&mut self) -> Result<(), IngestError> {
			self.ended = true;
			Ok(())
		}
	}

	/// Issue 25: a 260 KB zip whose entry inflates to 256 MiB + 258 bytes is refused with
	/// `InflatedTooLarge` once its output passes [`MAX_INFLATED_BYTES`]; the sink never got more
	/// than the cap.
	#[test]
	fn a_zip_bomb_is_refused_at_the_inflated_cap() {
		let bomb = entry("Vol_2026-01-AB.csv", 0, &zero_bomb(MAX_INFLATED_BYTES + 258));
		assert!(bomb.len() < 270_000, "{} bytes", bomb.len());
		let mut r = ZipEntryReader::new(Layer::Inner, true);
		let mut sink = Count::default();
		let mut result = Ok(());
		for chunk in bomb.chunks(65_536) {
			result = r.push(chunk, &mut sink);
			if result.is_err() {
				break;
			}
		}
		assert_eq!(
			result,
			Err(IngestError::InflatedTooLarge { layer: Layer::Inner, cap: 268_435_456 })
		);
		assert!(sink.bytes <= MAX_INFLATED_BYTES && sink.bytes > MAX_INFLATED_BYTES - 65_536);
		assert!(!sink.ended);
	}

	/// The cap's boundary (a reader capped at 1 MiB): 1,048,576 inflated bytes pass, one more
	/// is refused.
	#[test]
	fn the_inflated_cap_is_exact() {
		let cap = 1_048_576;
		let ok = entry("a.csv", FLAG_DESCRIPTOR, &zero_bomb(cap));
		let mut r = ZipEntryReader::with_cap(Layer::Outer, false, cap);
		let mut sink = Count::default();
		assert_eq!(r.push(&ok, &mut sink), Ok(()));
		assert_eq!((sink.bytes, sink.ended), (cap, true));
		let over = entry("a.csv", FLAG_DESCRIPTOR, &zero_bomb(cap + 1));
		let mut r = ZipEntryReader::with_cap(Layer::Outer, false, cap);
		let mut sink = Count::default();
		assert_eq!(
			r.push(&over, &mut sink),
			Err(IngestError::InflatedTooLarge { layer: Layer::Outer, cap })
		);
		assert!(!sink.ended);
	}

	/// The CRC the reader keeps is ZIP's CRC-32 (IEEE 802.3), and feeding it piecewise, as the
	/// reader does with each decompressed chunk, and reading it mid-stream changes nothing.
	#[test]
	fn crc32_known_vectors_and_split_updates() {
		assert_eq!(crc32fast::hash(b""), 0);
		assert_eq!(crc32fast::hash(b"123456789"), 0xCBF4_3926);
		assert_eq!(crc32fast::hash(b"The quick brown fox jumps over the lazy dog"), 0x414F_A339);
		let data: alloc::vec::Vec<u8> = (0..100u32).map(|i| (i * 37 % 251) as u8).collect();
		let whole = crc32fast::hash(&data);
		for cut in 0..data.len() {
			let mut c = Crc32::new();
			c.update(&data[..cut]);
			let _ = c.clone().finalize();
			c.update(&data[cut..]);
			assert_eq!(c.finalize(), whole);
		}
	}
}
