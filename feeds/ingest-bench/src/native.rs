//! The native side: `tn-ingest` compiled for the host, run in-process.

use crate::{
	registry::{Blake2Crate, Outcome, Registry},
	Result, PEAK,
};
use std::time::{Duration, Instant};
use tn_ingest::PetrinexIngest;

/// Ingests `zip` in chunks of `chunk_bytes`, exactly as the guest does: decode the wells
/// records, start a [`PetrinexIngest`] with the shared [`Registry`] matcher, copy each chunk into
/// one reusable buffer (the worker's HTTP read buffer; the guest's chunk block) and push it,
/// finish.
///
/// Returns what was found, the wall time and the peak of heap bytes allocated during the run
/// above what was live before it (everything the run allocates, the chunk buffer included).
pub fn run(
	wells_records: &[u8],
	month: (u16, u8),
	zip: &[u8],
	chunk_bytes: usize,
) -> Result<(Outcome, Duration, u64)> {
	PEAK.reset_peak_usage();
	let live_before = PEAK.current_usage();
	let t = Instant::now();

	let registry =
		Registry::<Blake2Crate>::decode(wells_records).ok_or("malformed wells records")?;
	let mut ingest = PetrinexIngest::new(registry, month);
	let mut buffer = vec![0u8; chunk_bytes];
	for chunk in zip.chunks(chunk_bytes) {
		let block = &mut buffer[..chunk.len()];
		block.copy_from_slice(chunk);
		ingest.push(block)?;
	}
	let outcome = Outcome::from_summary(ingest.finish()?);
	drop(buffer);

	let elapsed = t.elapsed();
	let peak = PEAK.peak_usage().saturating_sub(live_before) as u64;
	Ok((outcome, elapsed, peak))
}
