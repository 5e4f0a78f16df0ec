//! # tn-ingest-bench-guest — `tn-ingest` as a `no_std` wasm module
//!
//! The wasm side of the Petrinex ingest benchmark (`feeds/ingest-bench`). It links the very
//! same `tn-ingest` code the runtime's offchain worker links (`default-features = false`, i.e.
//! `no_std` + `alloc`) and the same matcher as the native side (`../../src/registry.rs`), and
//! exposes them through a minimal C ABI that the host drives with wasmtime:
//!
//! | export | meaning |
//! |---|---|
//! | `alloc(len) -> ptr` | allocates `len` bytes (8-aligned) in linear memory; 0 on failure |
//! | `dealloc(ptr, len)` | frees a block from `alloc` |
//! | `set_wells(ptr, len) -> i32` | registers the wells: 33-byte records (32-byte commitment + product byte); returns the count |
//! | `begin(year, month) -> i32` | starts ingesting the file of that month with the registered wells |
//! | `push(ptr, len) -> i32` | feeds the next chunk of the downloaded file |
//! | `finish() -> i32` | ends the file; returns the number of matched wells and leaves the encoded [`registry::Outcome`] in the output buffer |
//! | `output_ptr() -> ptr`, `output_len() -> len` | the output buffer: the outcome after `finish`, the error text after a failure |
//!
//! Negative return values are the `ERR_*` codes below. Memory is managed by `dlmalloc` on top
//! of `memory.grow`, and a panic (there is none on any input: the parser returns errors) would
//! trap with `unreachable`.
//!
//! By default the module imports nothing and hashes the rows' identifiers with the `blake2`
//! crate compiled to wasm (the same code as the native side). With the `host-hash` feature it
//! imports `env.blake2_256(data_ptr, data_len, out_ptr)` instead and lets the host hash, as the
//! runtime's `sp_io::hashing::blake2_256` host function does for the real offchain worker.
//!
//! `unsafe` is confined to the ABI boundary (turning the host's `(ptr, len)` pairs into slices,
//! and raw allocation); everything behind it is the safe, panic-free library code.
#![no_std]
#![warn(missing_docs)]
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

#[cfg(not(target_arch = "wasm32"))]
compile_error!(
	"tn-ingest-bench-guest is a wasm module: build it with --target wasm32-unknown-unknown"
);

extern crate alloc;

#[path = "../../src/registry.rs"]
#[allow(dead_code)] // the host-side helpers (encode wells, decode outcome) are unused here
mod registry;

use alloc::{string::String, vec::Vec};
use core::{alloc::Layout, cell::RefCell, fmt::Write as _};
use registry::{Outcome, Registry};
use tn_ingest::PetrinexIngest;

/// How the matcher hashes identifiers: the `blake2` crate in wasm.
#[cfg(not(feature = "host-hash"))]
type Hash = registry::Blake2Crate;
/// How the matcher hashes identifiers: the host's `env.blake2_256`.
#[cfg(feature = "host-hash")]
type Hash = host_hash::HostBlake2;

/// The guest's well registry and matcher.
type GuestRegistry = Registry<Hash>;

#[cfg(feature = "host-hash")]
mod host_hash {
	use crate::registry::{Blake2_256, Commitment};

	#[link(wasm_import_module = "env")]
	extern "C" {
		/// Writes the 32-byte BLAKE2b digest of `data_ptr..data_ptr + data_len` at `out_ptr`.
		fn blake2_256(data_ptr: *const u8, data_len: usize, out_ptr: *mut u8);
	}

	/// `blake2_256` computed by the host.
	pub struct HostBlake2;

	impl Blake2_256 for HostBlake2 {
		fn blake2_256(data: &[u8]) -> Commitment {
			let mut out = [0u8; 32];
			// SAFETY: the host reads `data` and writes exactly 32 bytes at `out`, both valid
			// for the duration of the call.
			unsafe { blake2_256(data.as_ptr(), data.len(), out.as_mut_ptr()) };
			out
		}
	}
}

/// `dlmalloc` over `memory.grow`: linear memory grows on demand and never shrinks, so its final
/// size is the guest's peak.
#[global_allocator]
static ALLOCATOR: dlmalloc::GlobalDlmalloc = dlmalloc::GlobalDlmalloc;

/// Traps. (Never reached in practice: the library reports every failure as an error value.)
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
	core::arch::wasm32::unreachable()
}

/// The guest state is already borrowed (a re-entrant call; the host never does this).
pub const ERR_BUSY: i32 = -1;
/// `set_wells`: the records are malformed (length, product byte, duplicate commitment).
pub const ERR_BAD_WELLS: i32 = -2;
/// `begin` without `set_wells` first.
pub const ERR_NO_WELLS: i32 = -3;
/// `push` / `finish` without `begin` first.
pub const ERR_NOT_STARTED: i32 = -4;
/// The file was rejected: the output buffer holds the `IngestError`'s text.
pub const ERR_INGEST: i32 = -5;
/// `begin`: the month is not a valid `(year, month)`.
pub const ERR_BAD_MONTH: i32 = -6;
/// `finish`: the outcome could not be encoded.
pub const ERR_ENCODE: i32 = -7;

/// Alignment of the blocks handed out by `alloc`.
const BLOCK_ALIGN: usize = 8;

/// Everything the guest keeps between calls.
struct Guest {
	/// Wells from `set_wells`, moved into the ingest by `begin`.
	registry: Option<GuestRegistry>,
	/// The file being ingested.
	ingest: Option<PetrinexIngest<GuestRegistry>>,
	/// The outcome of `finish`, or the text of the last error.
	output: Vec<u8>,
}

impl Guest {
	const fn new() -> Guest {
		Guest { registry: None, ingest: None, output: Vec::new() }
	}

	/// Records a rejected file: its error text goes to the output buffer.
	fn fail(&mut self, error: &tn_ingest::IngestError) -> i32 {
		let mut text = String::new();
		// Writing to a `String` cannot fail.
		let _ = write!(text, "{error}");
		self.output = text.into_bytes();
		ERR_INGEST
	}
}

/// The single guest instance.
struct GuestCell(RefCell<Guest>);

// SAFETY: wasm32-unknown-unknown (built without the `atomics` target feature) runs one thread,
// so the cell is never accessed concurrently.
unsafe impl Sync for GuestCell {}

static GUEST: GuestCell = GuestCell(RefCell::new(Guest::new()));

/// Runs `f` on the guest state (`ERR_BUSY` if it is already borrowed).
fn with_guest(f: impl FnOnce(&mut Guest) -> i32) -> i32 {
	match GUEST.0.try_borrow_mut() {
		Ok(mut guest) => f(&mut guest),
		Err(_) => ERR_BUSY,
	}
}

/// The `len` bytes at `ptr` in linear memory.
///
/// # Safety
///
/// `ptr..ptr + len` must be memory the host wrote and that stays untouched during the call (a
/// block from `alloc`); `ptr` may be anything when `len` is 0.
unsafe fn input<'a>(ptr: *const u8, len: usize) -> &'a [u8] {
	if len == 0 {
		&[]
	} else {
		// SAFETY: guaranteed by the caller.
		unsafe { core::slice::from_raw_parts(ptr, len) }
	}
}

/// Allocates `len` bytes (at least 1), 8-aligned; returns 0 on failure.
#[export_name = "alloc"]
pub extern "C" fn guest_alloc(len: usize) -> *mut u8 {
	match Layout::from_size_align(len.max(1), BLOCK_ALIGN) {
		// SAFETY: the layout has a non-zero size.
		Ok(layout) => unsafe { alloc::alloc::alloc(layout) },
		Err(_) => core::ptr::null_mut(),
	}
}

/// Frees a block returned by `alloc(len)` (same `len`); 0 is ignored.
///
/// # Safety
///
/// `ptr` must come from `alloc(len)` and not have been freed yet.
#[export_name = "dealloc"]
pub unsafe extern "C" fn guest_dealloc(ptr: *mut u8, len: usize) {
	if ptr.is_null() {
		return;
	}
	if let Ok(layout) = Layout::from_size_align(len.max(1), BLOCK_ALIGN) {
		// SAFETY: guaranteed by the caller (same pointer and layout as the allocation).
		unsafe { alloc::alloc::dealloc(ptr, layout) }
	}
}

/// Registers the wells: `len / 33` records of a 32-byte commitment and a product byte (0 = oil,
/// 1 = gas); a well's index is its record's position. Returns the number of wells.
///
/// # Safety
///
/// `ptr..ptr + len` must be a block the host filled (see `alloc`).
#[no_mangle]
pub unsafe extern "C" fn set_wells(ptr: *const u8, len: usize) -> i32 {
	// SAFETY: guaranteed by the caller.
	let records = unsafe { input(ptr, len) };
	with_guest(|guest| match GuestRegistry::decode(records) {
		Some(registry) => {
			let count = i32::try_from(registry.len()).unwrap_or(i32::MAX);
			guest.registry = Some(registry);
			count
		},
		None => ERR_BAD_WELLS,
	})
}

/// Starts ingesting the file of `year`-`month` (e.g. 2026, 1) with the wells registered by
/// `set_wells` (they are consumed: call `set_wells` again before another `begin`).
#[no_mangle]
pub extern "C" fn begin(year: u32, month: u32) -> i32 {
	with_guest(|guest| {
		let (Ok(year), Ok(month)) = (u16::try_from(year), u8::try_from(month)) else {
			return ERR_BAD_MONTH;
		};
		if !(1..=12).contains(&month) {
			return ERR_BAD_MONTH;
		}
		let Some(registry) = guest.registry.take() else {
			return ERR_NO_WELLS;
		};
		guest.output.clear();
		guest.ingest = Some(PetrinexIngest::new(registry, (year, month)));
		0
	})
}

/// Feeds the next `len` bytes of the downloaded file (any chunk size). Returns 0, or
/// `ERR_INGEST` with the error text in the output buffer.
///
/// # Safety
///
/// `ptr..ptr + len` must be a block the host filled (see `alloc`).
#[no_mangle]
pub unsafe extern "C" fn push(ptr: *const u8, len: usize) -> i32 {
	// SAFETY: guaranteed by the caller.
	let chunk = unsafe { input(ptr, len) };
	with_guest(|guest| {
		let Some(ingest) = guest.ingest.as_mut() else {
			return ERR_NOT_STARTED;
		};
		match ingest.push(chunk) {
			Ok(()) => 0,
			Err(e) => guest.fail(&e),
		}
	})
}

/// The file ended: returns the number of matched wells and leaves the encoded outcome in the
/// output buffer, or `ERR_INGEST` with the error text there.
#[no_mangle]
pub extern "C" fn finish() -> i32 {
	with_guest(|guest| {
		let Some(ingest) = guest.ingest.take() else {
			return ERR_NOT_STARTED;
		};
		match ingest.finish() {
			Ok(summary) => {
				let outcome = Outcome::from_summary(summary);
				match outcome.encode() {
					Some(bytes) => {
						guest.output = bytes;
						i32::try_from(outcome.wells.len()).unwrap_or(i32::MAX)
					},
					None => ERR_ENCODE,
				}
			},
			Err(e) => guest.fail(&e),
		}
	})
}

/// Address of the output buffer (valid until the next call).
#[no_mangle]
pub extern "C" fn output_ptr() -> *const u8 {
	match GUEST.0.try_borrow() {
		Ok(guest) => guest.output.as_ptr(),
		Err(_) => core::ptr::null(),
	}
}

/// Length of the output buffer.
#[no_mangle]
pub extern "C" fn output_len() -> usize {
	match GUEST.0.try_borrow() {
		Ok(guest) => guest.output.len(),
		Err(_) => 0,
	}
}
