//! The offchain worker: fetch, parse, decide what is new, submit one signed feed.

use crate::{settings::Settings, Config};
use alloc::{collections::BTreeMap, format, string::String, vec::Vec};
use frame_support::traits::Get;
use frame_system::{
	offchain::{AppCrypto, SendSignedTransaction, Signer},
	pallet_prelude::BlockNumberFor,
};
use sp_core::offchain::Duration;
use sp_runtime::{
	offchain::{
		http,
		storage::StorageValueRef,
		storage_lock::{BlockAndTime, StorageLock},
	},
	traits::{IdentifyAccount, SaturatedConversion},
	RuntimeAppPublic,
};
use tn_ingest::{IngestError, PetrinexIngest, WellMatcher};
use tn_primitives::{
	feeds::{FeedKey, FeedValue, Provenance},
	traits::{DirectoryWell, WellDirectory},
	valuation::PRICE_LOOKBACK_DAYS,
	Commitment, Commodity, Day, Month, WellId,
};

/// Log target.
pub const LOG: &str = "tn-feeds";
/// First day of the prices fetched on `today`: [`PRICE_LOOKBACK_DAYS`] before the first day of
/// the oldest month whose official production may still be polled ([`PRODUCTION_MONTHS`] months
/// back), so every month that can become mintable has its daily prices — and the earlier prices
/// that value its days without a price — even on a freshly started network. Days the chain
/// already holds from this feeder are not sent again.
pub fn price_window_start(today: Day) -> Day {
	oldest_polled_month(today).first_day().minus(PRICE_LOOKBACK_DAYS)
}

/// The oldest month whose official production may be polled on `today`: [`PRODUCTION_MONTHS`]
/// months before today's.
pub fn oldest_polled_month(today: Day) -> Month {
	tn_primitives::horizon::horizon_start(today, PRODUCTION_MONTHS)
}
/// Months re-checked for official production (and amendments).
pub const PRODUCTION_MONTHS: u32 = 3;
/// Blocks a submitted value counts as in flight before it may be sent again.
pub const IN_FLIGHT_BLOCKS: u32 = 10;
/// Largest EIA response accepted.
const MAX_JSON_BYTES: usize = 1 << 20;
/// Largest Petrinex download accepted (a real month is about 8 MB zipped).
pub const MAX_PETRINEX_BYTES: u64 = 64 << 20;
/// Time allowed to one EIA request, from sending it to the last byte of its body.
const EIA_TIMEOUT_MS: u64 = 20_000;
/// Time allowed to one Petrinex download, from sending it to the last byte of its body.
const PETRINEX_TIMEOUT_MS: u64 = 120_000;
/// Time allowed to a whole run: every fetch ends by then, so a run never outlives its lock.
pub const RUN_BUDGET_MS: u64 = 240_000;
/// The lock's time deadline: the run budget plus the time to build and submit the feed.
pub const LOCK_MS: u64 = RUN_BUDGET_MS + 60_000;
/// HTTP chunk size when streaming Petrinex files.
const CHUNK: usize = 64 * 1024;

pub const LOCK: &[u8] = b"tn-feeds/lock";
const LAST_PRICES: &[u8] = b"tn-feeds/last-prices";
const LAST_PRODUCTION: &[u8] = b"tn-feeds/last-production";
const LAST_OLDER_MONTH: &[u8] = b"tn-feeds/last-older-month";
const IN_FLIGHT: &[u8] = b"tn-feeds/in-flight";

/// Why a fetch produced nothing.
#[derive(Debug)]
pub enum FetchError {
	/// The request could not be sent or timed out.
	Http(&'static str),
	/// A status other than 200.
	Status(u16),
	/// The body was refused by the parser.
	Petrinex(IngestError),
	/// The EIA body was refused.
	Eia(tn_ingest::EiaError),
	/// The body is larger than accepted.
	TooLarge,
}

/// An absolute deadline (offchain timestamp).
pub type Deadline = sp_core::offchain::Timestamp;

/// The deadline of one fetch of `timeout_ms`, never later than the run's deadline.
pub fn fetch_deadline(timeout_ms: u64, run_deadline: Deadline) -> Deadline {
	let own = sp_io::offchain::timestamp().add(Duration::from_millis(timeout_ms));
	if own.unix_millis() < run_deadline.unix_millis() {
		own
	} else {
		run_deadline
	}
}

fn ymd(d: Day) -> String {
	let (y, m, day) = d.to_ymd();
	format!("{y:04}-{m:02}-{day:02}")
}

/// The EIA v2 URL of a daily series between two days (inclusive). Brackets are percent-encoded.
pub fn eia_url(s: &Settings, commodity: Commodity, series: &str, start: Day, end: Day) -> String {
	let route = match commodity {
		Commodity::Oil => "petroleum/pri/spt",
		Commodity::Gas => "natural-gas/pri/fut",
	};
	format!(
		"{}/v2/{route}/data/?frequency=daily&data%5B0%5D=value&facets%5Bseries%5D%5B%5D={series}\
		 &start={}&end={}&sort%5B0%5D%5Bcolumn%5D=period&sort%5B0%5D%5Bdirection%5D=desc&api_key={}",
		s.eia_url,
		ymd(start),
		ymd(end),
		s.eia_key
	)
}

/// The Petrinex URL of a month's volumetric file.
pub fn petrinex_url(s: &Settings, month: Month) -> String {
	format!(
		"{}/publicdata/API/Files/AB/Vol/{:04}-{:02}/CSV",
		s.petrinex_url, month.year, month.month
	)
}

/// Months whose official figures are polled on `today`: each of the last three months from the
/// 5th of the month after it.
pub fn months_to_poll(today: Day) -> Vec<Month> {
	let mut out = Vec::new();
	let mut m = today.month();
	for _ in 0..PRODUCTION_MONTHS {
		m = m.prev();
		if today >= m.next().first_day().plus(4) {
			out.push(m);
		}
	}
	out
}

/// The audited months older than the ones [`months_to_poll`] covers, inside the horizon
/// (`wells` lists only those), oldest first.
pub fn older_audited_months(wells: &[DirectoryWell], today: Day) -> Vec<Month> {
	let recent = oldest_polled_month(today);
	let mut months: Vec<Month> = wells
		.iter()
		.flat_map(|w| w.audited.iter().copied())
		.filter(|m| *m < recent)
		.collect();
	months.sort();
	months.dedup();
	months
}

/// The first of [`older_audited_months`] after `last` (wrapping around): each production poll
/// re-checks the recent months and one older audited month, so every audited month inside the
/// horizon is re-checked for amendments in turn without downloading a dozen files per poll.
pub fn older_month_after(older: &[Month], last: Option<Month>) -> Option<Month> {
	older
		.iter()
		.copied()
		.find(|m| last.is_none_or(|l| *m > l))
		.or_else(|| older.first().copied())
}

/// The older audited month this poll re-checks ([`older_month_after`]); remembered in offchain
/// storage so the next poll takes the one after it.
fn next_older_month(wells: &[DirectoryWell], today: Day) -> Option<Month> {
	let store = StorageValueRef::persistent(LAST_OLDER_MONTH);
	let last: Option<Month> = store.get().ok().flatten();
	let next = older_month_after(&older_audited_months(wells, today), last)?;
	store.set(&next);
	Some(next)
}

/// GET `url`; returns the pending response's request id after a 200. `deadline` is absolute: the
/// same one bounds the body's reading ([`stream_body`]).
fn get(url: &str, deadline: Deadline) -> Result<sp_core::offchain::HttpRequestId, FetchError> {
	let pending = http::Request::get(url)
		.deadline(deadline)
		.send()
		.map_err(|_| FetchError::Http("could not send"))?;
	let response = pending
		.try_wait(deadline)
		.map_err(|_| FetchError::Http("timed out"))?
		.map_err(|_| FetchError::Http("failed"))?;
	if response.code != 200 {
		return Err(FetchError::Status(response.code));
	}
	Ok(response.id)
}

/// Read the body of request `id` in chunks, handing each to `sink`: at most `max_bytes`
/// ([`FetchError::TooLarge`] beyond) and until the absolute `deadline` (a slow or endless server
/// cannot hold the worker: the deadline is not renewed by each chunk).
fn stream_body(
	id: sp_core::offchain::HttpRequestId,
	deadline: Deadline,
	max_bytes: u64,
	mut sink: impl FnMut(&[u8]) -> Result<(), FetchError>,
) -> Result<(), FetchError> {
	let mut buf = alloc::vec![0u8; CHUNK];
	let mut received: u64 = 0;
	loop {
		let n = sp_io::offchain::http_response_read_body(id, &mut buf, Some(deadline))
			.map_err(|_| FetchError::Http("body read failed or deadline passed"))?;
		if n == 0 {
			return Ok(());
		}
		received = received.saturating_add(u64::from(n));
		if received > max_bytes {
			return Err(FetchError::TooLarge);
		}
		sink(buf.get(..n as usize).unwrap_or_default())?;
	}
}

/// Fetch and parse one EIA series; returns (day, micro-USD) pairs.
pub fn fetch_prices(
	s: &Settings,
	commodity: Commodity,
	today: Day,
	run_deadline: Deadline,
) -> Result<Vec<(Day, tn_primitives::PriceMicroUsd)>, FetchError> {
	let (series, units) = match commodity {
		Commodity::Oil => (s.wti_series.as_str(), tn_ingest::eia::WTI_UNITS),
		Commodity::Gas => (s.henry_hub_series.as_str(), tn_ingest::eia::HENRY_HUB_UNITS),
	};
	let url = eia_url(s, commodity, series, price_window_start(today), today.minus(1));
	let deadline = fetch_deadline(EIA_TIMEOUT_MS, run_deadline);
	let id = get(&url, deadline)?;
	let mut body = Vec::new();
	stream_body(id, deadline, MAX_JSON_BYTES as u64, |chunk| {
		body.extend_from_slice(chunk);
		Ok(())
	})?;
	let prices = tn_ingest::parse_eia_prices(&body, series, units).map_err(FetchError::Eia)?;
	Ok(prices
		.into_iter()
		.filter_map(|p| Day::from_ymd(p.year, p.month, p.day).map(|d| (d, p.micro_usd)))
		.filter(|(d, _)| *d < today)
		.collect())
}

/// Matches the Petrinex rows of one month to the wells the feeds owe a figure for that month
/// ([`DirectoryWell::fed_in`]: active wells, and wells whose month was audited inside the
/// amendment horizon, whatever their status): a public row by its identifier's blake2-256 and
/// product, summed only if its `OperatorBAID` is a code in force on one of the month's days
/// ([`DirectoryWell::operators_in`]: a former owner's code for the months before a transfer);
/// a masked row (confidential well) by its reporting facility and product. Wells without codes
/// (registered before storage version 1 and not edited since) are left out: they get no
/// figures. Two wells with one identifier (a removed well's audited month and the month its
/// re-registration was activated) give the row to the audited one: its settlement is owed.
pub struct Registry<'a> {
	by_identifier: BTreeMap<Commitment, &'a DirectoryWell>,
	by_id: BTreeMap<WellId, (&'a DirectoryWell, Vec<&'a [u8]>)>,
	by_facility: BTreeMap<(&'a [u8], Commodity), Vec<WellId>>,
}

impl<'a> Registry<'a> {
	/// The registry of `wells` for `month`.
	pub fn new(wells: &'a [DirectoryWell], month: Month) -> Self {
		let mut r = Registry {
			by_identifier: BTreeMap::new(),
			by_id: BTreeMap::new(),
			by_facility: BTreeMap::new(),
		};
		for w in wells.iter().filter(|w| w.fed_in(month) && !w.facility.is_empty()) {
			let codes: Vec<&[u8]> = w.operators_in(month).into_iter().map(|c| &c[..]).collect();
			if codes.is_empty() {
				continue;
			}
			let audited = |w: &DirectoryWell| w.audited.contains(&month);
			match r.by_identifier.get(&w.identifier) {
				Some(other) if audited(other) && !audited(w) => continue,
				Some(other) => {
					let other = *other;
					r.by_id.remove(&other.id);
					if let Some(ids) =
						r.by_facility.get_mut(&(other.facility.as_slice(), other.commodity))
					{
						ids.retain(|id| *id != other.id);
					}
				},
				None => {},
			}
			r.by_identifier.insert(w.identifier, w);
			r.by_id.insert(w.id, (w, codes));
			r.by_facility
				.entry((w.facility.as_slice(), w.commodity))
				.or_default()
				.push(w.id);
		}
		r
	}

	/// The wells that can get figures.
	pub fn wells(&self) -> impl Iterator<Item = &'a DirectoryWell> + '_ {
		self.by_id.values().map(|(w, _)| *w)
	}
}

fn commodity_of(product: &[u8]) -> Option<Commodity> {
	[Commodity::Oil, Commodity::Gas]
		.into_iter()
		.find(|c| c.petrinex_product() == product)
}

impl WellMatcher for Registry<'_> {
	type Key = WellId;

	fn match_well(&self, identifier: &[u8], product: &[u8]) -> Option<WellId> {
		// Only OIL and GAS rows can match a well: test the product before hashing the identifier
		// (about half of the WI/PROD rows are water or condensate).
		let commodity = commodity_of(product)?;
		let well = self.by_identifier.get(&sp_io::hashing::blake2_256(identifier))?;
		(well.commodity == commodity).then_some(well.id)
	}

	fn is_operator(&self, key: WellId, operator_baid: &[u8]) -> bool {
		self.by_id.get(&key).is_some_and(|(_, codes)| codes.contains(&operator_baid))
	}

	fn wells_at_facility(&self, facility: &[u8], product: &[u8], mark: &mut dyn FnMut(WellId)) {
		let Some(commodity) = commodity_of(product) else { return };
		for id in self.by_facility.get(&(facility, commodity)).into_iter().flatten() {
			mark(*id);
		}
	}
}

/// The official figures of `month` from a Petrinex file's summary: a well whose operator reported
/// rows gets their sum (whenever it was activated: producers may upload up to a year back); a
/// well without rows of its operator gets 0 only if it was active by the month's end (otherwise
/// it is left out: unknown); a well whose month the file cannot tell
/// ([`tn_ingest::WellTotal::official_thousandths`]: masked rows at its facility and no public
/// row, a `***` volume, a malformed row) is left out — unknown, never 0. Each figure comes with
/// the hash of the well's own rows ([`tn_ingest::WellTotal::rows_hash`]; a well without rows:
/// blake2-256 of nothing), its provenance: a republish of Alberta's file that leaves the well's
/// rows alone gives the same figure and the same hash.
pub fn official_figures(
	registry: &Registry<'_>,
	month: Month,
	summary: &tn_ingest::IngestSummary<WellId>,
) -> Vec<(WellId, u64, Commitment)> {
	let mut out = Vec::new();
	for w in registry.wells() {
		let active_by_month_end = w.activated.is_some_and(|a| a <= month.last_day());
		let (volume, rows_hash) = match summary.wells.get(&w.id) {
			Some(t) => match t.official_thousandths() {
				None => continue,
				Some(_) if t.rows == 0 && !active_by_month_end => continue,
				Some(v) => (u64::try_from(v.max(0)).unwrap_or(0), t.rows_hash),
			},
			None if active_by_month_end => (0, sp_io::hashing::blake2_256(&[])),
			None => continue,
		};
		out.push((w.id, volume, rows_hash));
	}
	out
}

/// Official volumes of `month` for the wells fed that month ([`Registry`]), streamed from
/// Petrinex (see [`official_figures`] for the rule).
pub fn fetch_production(
	s: &Settings,
	month: Month,
	wells: &[DirectoryWell],
	run_deadline: Deadline,
) -> Result<Vec<(WellId, u64, Provenance)>, FetchError> {
	let registry = Registry::new(wells, month);
	let deadline = fetch_deadline(PETRINEX_TIMEOUT_MS, run_deadline);
	let id = get(&petrinex_url(s, month), deadline)?;
	let mut ingest = PetrinexIngest::new(&registry, (month.year, month.month));
	stream_body(id, deadline, MAX_PETRINEX_BYTES, |chunk| {
		ingest.push(chunk).map_err(FetchError::Petrinex)
	})?;
	let summary = ingest.finish().map_err(FetchError::Petrinex)?;
	if summary.malformed_rows > 0 || summary.masked_rows > 0 {
		log::info!(
			target: LOG,
			"Petrinex {month:?}: {} rows, {} malformed (skipped), {} masked production rows",
			summary.rows_seen,
			summary.malformed_rows,
			summary.masked_rows
		);
	}
	let updated = summary
		.latest_submission_date
		.and_then(|(y, m, d)| Day::from_ymd(y, m, d))
		.unwrap_or_else(|| month.next().first_day());
	Ok(official_figures(&registry, month, &summary)
		.into_iter()
		.map(|(id, volume, file_hash)| (id, volume, Provenance { updated, file_hash }))
		.collect())
}

/// Whether `interval_secs` passed since the time stored under `key` (never stored: due).
fn is_due(key: &[u8], now_ms: u64, interval_secs: u64) -> bool {
	let last: u64 = StorageValueRef::persistent(key).get().ok().flatten().unwrap_or(0);
	last == 0 || now_ms >= last.saturating_add(interval_secs.saturating_mul(1_000))
}

/// Store `now_ms` as the time of the last fetch under `key`.
fn mark_done(key: &[u8], now_ms: u64) {
	StorageValueRef::persistent(key).set(&now_ms);
}

/// Values sent but maybe not yet on chain: key → (value, block sent).
pub type InFlight = BTreeMap<FeedKey, (FeedValue, u32)>;

fn in_flight() -> InFlight {
	StorageValueRef::persistent(IN_FLIGHT).get().ok().flatten().unwrap_or_default()
}

/// One run of the worker at block `n`.
pub fn run<T: Config>(n: BlockNumberFor<T>) -> Result<(), &'static str> {
	let signer = Signer::<T, T::AuthorityId>::any_account();
	if !signer.can_sign() {
		return Ok(()); // not a feeder node
	}
	let block: u32 = n.saturated_into();
	// The lock expires only when both its block and time deadlines passed; every fetch ends by
	// `run_deadline`, well before, so a run never outlives its lock and another run never
	// starts while this one may still submit.
	let mut lock =
		StorageLock::<BlockAndTime<frame_system::Pallet<T>>>::with_block_and_time_deadline(
			LOCK,
			5,
			Duration::from_millis(LOCK_MS),
		);
	let _guard = lock.try_lock().map_err(|_| "another worker is running")?;
	let run_deadline = sp_io::offchain::timestamp().add(Duration::from_millis(RUN_BUDGET_MS));
	let feeder = feeder_account::<T>().ok_or("no feeder key")?;
	let settings = Settings::load();
	let now_ms = sp_io::offchain::timestamp().unix_millis();
	let today = Day::from_unix_millis(now_ms);
	let mut candidates: Vec<(FeedKey, FeedValue)> = Vec::new();

	if !settings.eia_key.is_empty() && is_due(LAST_PRICES, now_ms, settings.price_interval_secs) {
		mark_done(LAST_PRICES, now_ms);
		for commodity in [Commodity::Oil, Commodity::Gas] {
			match fetch_prices(&settings, commodity, today, run_deadline) {
				Ok(prices) => candidates.extend(
					prices
						.into_iter()
						.map(|(d, p)| (FeedKey::Price(commodity, d), FeedValue::Price(p))),
				),
				Err(e) => log::warn!(target: LOG, "{commodity:?} prices: {e:?} (retrying later)"),
			}
		}
	}
	if is_due(LAST_PRODUCTION, now_ms, settings.production_interval_secs) {
		// The interval starts with the first fetch: a network without wells polls as soon as
		// its first well is registered.
		let horizon = T::AmendmentHorizonMonths::get();
		let wells = T::Wells::fed_wells(tn_primitives::horizon::horizon_start(today, horizon));
		if !wells.is_empty() {
			mark_done(LAST_PRODUCTION, now_ms);
			let mut months = months_to_poll(today);
			months.extend(next_older_month(&wells, today));
			for month in months {
				match fetch_production(&settings, month, &wells, run_deadline) {
					Ok(figures) => {
						candidates.extend(figures.into_iter().map(|(w, volume, provenance)| {
							(
								FeedKey::Production(w, month),
								FeedValue::Production { volume, provenance },
							)
						}))
					},
					Err(FetchError::Status(404)) => {
						log::info!(target: LOG, "Petrinex {month:?}: not published yet")
					},
					Err(e) => log::warn!(target: LOG, "Petrinex {month:?}: {e:?} (retrying later)"),
				}
			}
		}
	}
	let mut flight = in_flight();
	flight.retain(|k, (v, sent)| {
		let on_chain = pallet_oracle::RawValues::<T>::get(&feeder, k).map(|t| t.value);
		on_chain.as_ref() != Some(v) && block < sent.saturating_add(IN_FLIGHT_BLOCKS)
	});
	let resend_after = T::RawValueExpiryMs::get() / 2;
	let values = select::<T>(candidates, today, &flight, |k, v| {
		needs_sending::<T>(&feeder, k, v, now_ms, resend_after)
	});
	if values.is_empty() {
		StorageValueRef::persistent(IN_FLIGHT).set(&flight);
		return Ok(());
	}
	let Ok(bounded) = values.clone().try_into() else { return Err("too many values") };
	let result = signer.send_signed_transaction(|_| pallet_oracle::Call::<T>::feed_values {
		values: frame_support::BoundedVec::clone(&bounded),
	});
	match result {
		Some((_, Ok(()))) => {
			for (k, v) in values.iter() {
				flight.insert(*k, (*v, block));
			}
			log::info!(target: LOG, "fed {} values at block {block}", values.len());
		},
		_ => log::warn!(target: LOG, "could not submit the feed (retrying later)"),
	}
	StorageValueRef::persistent(IN_FLIGHT).set(&flight);
	Ok(())
}

/// Whether this feeder must send `v` for `k` now: the chain does not have it from us, or has it
/// for at least `resend_after` ms while the key has no combined value or another one (it missed
/// the quorum, or lost to other feeders' values: without a refresh it would expire, and the
/// colluders' values would be the only ones left when an honest feeder comes late).
fn needs_sending<T: Config>(
	feeder: &T::AccountId,
	k: &FeedKey,
	v: &FeedValue,
	now_ms: u64,
	resend_after: u64,
) -> bool {
	match pallet_oracle::RawValues::<T>::get(feeder, k) {
		Some(raw) if &raw.value == v => {
			let age = now_ms.saturating_sub(raw.timestamp.saturated_into::<u64>());
			let combined = pallet_oracle::Values::<T>::get(k).map(|t| t.value);
			age >= resend_after && combined.as_ref() != Some(v)
		},
		_ => true,
	}
}

/// The values of one feed: of the `candidates`, those the chain can use today (one by one: an
/// unusable key — a well suspended since the fetch, a price outside its range — is dropped,
/// never the whole feed), that `needs_sending` and are not in `flight` already; at most
/// [`Config::MaxValuesPerFeed`], official figures and prices sharing the room half and half
/// (either kind takes what the other leaves), so thousands of wells' figures never starve
/// prices and a price back-fill never starves figures.
pub fn select<T: Config>(
	candidates: Vec<(FeedKey, FeedValue)>,
	today: Day,
	flight: &InFlight,
	needs_sending: impl Fn(&FeedKey, &FeedValue) -> bool,
) -> Vec<(FeedKey, FeedValue)> {
	let mut values: Vec<(FeedKey, FeedValue)> = candidates
		.into_iter()
		.filter(|(k, v)| {
			let usable = crate::Pallet::<T>::usable_key(today, k, v)
				&& crate::combine::admissible::<T::PriceBounds>(k, v);
			if !usable {
				log::warn!(target: LOG, "not sending {k:?} = {v:?}: the chain cannot use it");
			}
			usable
		})
		.filter(|(k, v)| needs_sending(k, v))
		.filter(|(k, v)| flight.get(k).map(|(f, _)| f) != Some(v))
		.collect();
	values.sort();
	values.dedup_by(|a, b| a.0 == b.0);
	let room = T::MaxValuesPerFeed::get() as usize;
	let (prices, figures): (Vec<_>, Vec<_>) =
		values.into_iter().partition(|(k, _)| matches!(k, FeedKey::Price(..)));
	let half = room / 2;
	let take_figures = figures.len().min(room.saturating_sub(prices.len().min(half)));
	let take_prices = prices.len().min(room.saturating_sub(take_figures));
	let mut out: Vec<_> = figures.into_iter().take(take_figures).collect();
	out.extend(prices.into_iter().take(take_prices));
	out.sort();
	out
}

/// The account of this node's feeder key.
fn feeder_account<T: Config>() -> Option<T::AccountId> {
	let key = <T::AuthorityId as AppCrypto<T::Public, T::Signature>>::RuntimeAppPublic::all()
		.into_iter()
		.next()?;
	let generic: <T::AuthorityId as AppCrypto<T::Public, T::Signature>>::GenericPublic = key.into();
	let public: T::Public = generic.into();
	Some(public.into_account())
}
