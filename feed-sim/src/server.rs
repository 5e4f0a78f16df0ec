//! The HTTP/1.1 server: std `TcpListener`, one thread per connection, `Connection: close`.
//! It listens on loopback addresses only.
//!
//! # Endpoints
//!
//! Data (affected by the misbehaviour mode):
//!
//! | request | answer |
//! |---|---|
//! | `GET /publicdata/API/Files/AB/Vol/{YYYY-MM}/CSV` | `200 application/zip` (zip-in-zip, current version of the month), or `404` before `published_from` / after `published_through` |
//! | `GET /v2/petroleum/pri/spt/data/?…` | `200 application/json` (EIA v2, series `RWTC`, `RBRTE`), `403` without the right `api_key` |
//! | `GET /v2/natural-gas/pri/fut/data/?…` | same for `RNGWHHD`, `RNGC1` |
//!
//! `HEAD` works on the data endpoints too.
//!
//! Control (never affected by the mode; JSON answers):
//!
//! | request | effect |
//! |---|---|
//! | `GET /control/mode` | `{"mode":"healthy","petrinex":"healthy","eia":"healthy"}` (`mode` is `mixed` when they differ) |
//! | `POST /control/mode/{healthy\|404\|500\|slow\|truncated\|garbage\|down\|json-error\|transient-404}[?api=petrinex\|eia][&count=N]` | sets the mode of both APIs, or of one (`count`: how many requests `transient-404` fails, default `transient_count`) |
//! | `POST /control/amend/{YYYY-MM}` | publishes the next version of the month; answers what changed |
//! | `GET /control/expected/{YYYY-MM}[?version=N]` | the official totals a parser must find (default: current version) |
//! | `POST /control/published/petrinex/{YYYY-MM}` | moves Petrinex's last published month |
//! | `POST /control/published/eia/{YYYY-MM-DD}` | moves EIA's last published day |
//! | `GET /control/config` | the effective configuration |
//!
//! # Modes
//!
//! `healthy`: normal answers. `404` / `500`: that status with a short text body. `slow`: sleeps
//! `slow_secs` (30) then answers normally. `truncated`: the normal status and headers with the
//! full `Content-Length`, then only the first half of the body, then the connection is closed.
//! `garbage`: `200` with the normal `Content-Type` and 4 KiB of random bytes (starting with `PK\3\4`
//! for Petrinex, with `{"response":{"total":"` for EIA). `down`: the connection is closed
//! without an answer.
//! `json-error`: `200 OK`, `Content-Type: application/json; charset=utf-8`, and a JSON error
//! body instead of the data — for Petrinex [`PETRINEX_JSON_ERROR`]
//! (`{"Message":"An error has occurred."}`), for EIA [`EIA_JSON_ERROR`]
//! (`{"error":"…","code":400}`). Petrinex's exact body was never captured: this is the default
//! error body of an ASP.NET Web API (which `/publicdata/API/` appears to be), a plausible
//! stand-in; EIA's is its documented error shape, which it sent with status 200 before API
//! 2.1.10. A client must reject any `200` body that is not a zip (Petrinex) or has no
//! `response` (EIA).
//! `transient-404`: `404` for the next `count` (default `transient_count`, 2) data requests of
//! that API, then `healthy` again by itself (Petrinex answers 404 for files that exist for a
//! while after its weekend regeneration, `docs/DATA_FORMATS.md` § 1 #10).
//!
//! Every request is logged on stderr: peer, request line (with `api_key` masked), status, bytes,
//! milliseconds, and the mode when it is not `healthy`.

use crate::config::{Mode, SimConfig};
use crate::date::{Date, Month};
use crate::eia::{self, parse_query};
use crate::petrinex::{self, MonthState};
use crate::rng::Rng;
use std::collections::{HashMap, VecDeque};
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream, ToSocketAddrs};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock, RwLock};
use std::time::{Duration, Instant};

/// Most connections served at once; more get `503`.
const MAX_CONNECTIONS: usize = 256;

/// Resolves `addr` and refuses anything that is not a loopback address.
pub fn check_loopback(addr: &str) -> Result<SocketAddr, String> {
	let addrs: Vec<SocketAddr> =
		addr.to_socket_addrs().map_err(|e| format!("bad listen address {addr:?}: {e}"))?.collect();
	let first =
		*addrs.first().ok_or_else(|| format!("listen address {addr:?} resolves to nothing"))?;
	if let Some(bad) = addrs.iter().find(|a| !a.ip().is_loopback()) {
		return Err(format!(
			"refusing to listen on {bad}: only loopback addresses (127.0.0.1, ::1) are allowed"
		));
	}
	Ok(first)
}

type ZipCell = Arc<OnceLock<Arc<Vec<u8>>>>;

/// The body of the Petrinex `json-error` mode. The real body was never captured: this is the
/// default error body of an ASP.NET Web API (`{"Message":"…"}`, the shape a public client's
/// test uses, see `docs/DATA_FORMATS.md` § 1 #9), a plausible one for `/publicdata/API/`.
pub const PETRINEX_JSON_ERROR: &str = r#"{"Message":"An error has occurred."}"#;

/// The body of the EIA `json-error` mode: EIA's error shape with code 400, which EIA sent with
/// HTTP 200 before API 2.1.10 (`docs/DATA_FORMATS.md` § 3.1). The message text is invented.
pub const EIA_JSON_ERROR: &str =
	r#"{"error":"Invalid request. Please check your parameters and try again.","code":400}"#;

/// The misbehaviour modes of the two data APIs.
#[derive(Clone, Copy, Debug)]
struct Modes {
	petrinex: Mode,
	eia: Mode,
	/// Requests still to fail in `transient-404` (Petrinex, EIA).
	left: (u32, u32),
}

impl Modes {
	fn both(mode: Mode, count: u32) -> Modes {
		Modes { petrinex: mode, eia: mode, left: (count, count) }
	}

	/// The mode a data request of `api` meets now; counts down `transient-404`.
	fn take(&mut self, api: Api) -> Mode {
		let (mode, left) = match api {
			Api::Petrinex => (&mut self.petrinex, &mut self.left.0),
			Api::Eia => (&mut self.eia, &mut self.left.1),
		};
		if *mode != Mode::Transient404 {
			return *mode;
		}
		if *left <= 1 {
			*mode = Mode::Healthy;
		}
		if *left == 0 {
			return Mode::Healthy;
		}
		*left -= 1;
		Mode::Transient404
	}
}

struct Cache {
	order: VecDeque<(Month, u32)>,
	map: HashMap<(Month, u32), ZipCell>,
}

struct State {
	cfg: RwLock<SimConfig>,
	modes: Mutex<Modes>,
	cache: Mutex<Cache>,
	requests: AtomicU64,
	active: AtomicUsize,
	stop: AtomicBool,
}

impl State {
	fn cfg(&self) -> SimConfig {
		self.cfg.read().unwrap_or_else(|e| e.into_inner()).clone()
	}

	fn month_zip(&self, cfg: &SimConfig, month: Month, version: u32) -> Arc<Vec<u8>> {
		let cell = {
			let mut c = self.cache.lock().unwrap_or_else(|e| e.into_inner());
			let key = (month, version);
			match c.map.get(&key) {
				Some(cell) => cell.clone(),
				None => {
					let cell: ZipCell = Arc::new(OnceLock::new());
					c.map.insert(key, cell.clone());
					c.order.push_back(key);
					while c.order.len() > cfg.petrinex.cache_entries.max(1) {
						if let Some(old) = c.order.pop_front() {
							c.map.remove(&old);
						}
					}
					cell
				},
			}
		};
		cell.get_or_init(|| {
			let t = Instant::now();
			let bytes = petrinex::petrinex_month_zip(cfg, (month.year, month.month), version);
			eprintln!(
				"[tn-feed-sim] generated {} v{version}: {} bytes in {} ms",
				petrinex::inner_zip_name(month),
				bytes.len(),
				t.elapsed().as_millis()
			);
			Arc::new(bytes)
		})
		.clone()
	}
}

/// A bound simulator, not yet serving.
pub struct Server {
	listener: TcpListener,
	state: Arc<State>,
}

/// A server running in a background thread.
pub struct ServerHandle {
	addr: SocketAddr,
	state: Arc<State>,
	thread: Option<std::thread::JoinHandle<()>>,
}

impl Server {
	/// Binds `cfg.listen` (loopback only; port 0 picks a free port).
	pub fn bind(cfg: SimConfig) -> io::Result<Server> {
		let addr = check_loopback(&cfg.listen)
			.map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))?;
		let listener = TcpListener::bind(addr)?;
		Self::from_listener(cfg, listener)
	}

	/// Serves on an already bound listener (which must be on a loopback address).
	pub fn from_listener(cfg: SimConfig, listener: TcpListener) -> io::Result<Server> {
		let local = listener.local_addr()?;
		if !local.ip().is_loopback() {
			return Err(io::Error::new(
				io::ErrorKind::InvalidInput,
				"only loopback addresses are allowed",
			));
		}
		let modes = Modes::both(cfg.mode, cfg.transient_count);
		let state = Arc::new(State {
			cfg: RwLock::new(cfg),
			modes: Mutex::new(modes),
			cache: Mutex::new(Cache { order: VecDeque::new(), map: HashMap::new() }),
			requests: AtomicU64::new(0),
			active: AtomicUsize::new(0),
			stop: AtomicBool::new(false),
		});
		Ok(Server { listener, state })
	}

	/// The address actually bound.
	pub fn local_addr(&self) -> SocketAddr {
		self.listener.local_addr().expect("bound listener has an address")
	}

	/// Serves until the process ends (or [`ServerHandle::shutdown`] when spawned).
	pub fn run(self) -> io::Result<()> {
		for conn in self.listener.incoming() {
			if self.state.stop.load(Ordering::SeqCst) {
				break;
			}
			let stream = match conn {
				Ok(s) => s,
				Err(e) => {
					eprintln!("[tn-feed-sim] accept failed: {e}");
					std::thread::sleep(Duration::from_millis(50));
					continue;
				},
			};
			let state = self.state.clone();
			if state.active.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
				state.active.fetch_sub(1, Ordering::SeqCst);
				let mut s = stream;
				let _ = s.write_all(b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
				continue;
			}
			let spawned =
				std::thread::Builder::new().name("tn-feed-sim-conn".into()).spawn(move || {
					handle_connection(&state, stream);
					state.active.fetch_sub(1, Ordering::SeqCst);
				});
			if let Err(e) = spawned {
				self.state.active.fetch_sub(1, Ordering::SeqCst);
				eprintln!("[tn-feed-sim] cannot spawn a connection thread: {e}");
			}
		}
		Ok(())
	}

	/// Serves in a background thread.
	pub fn spawn(self) -> ServerHandle {
		let addr = self.local_addr();
		let state = self.state.clone();
		let thread = std::thread::Builder::new()
			.name("tn-feed-sim-accept".into())
			.spawn(move || {
				let _ = self.run();
			})
			.expect("spawn the accept thread");
		ServerHandle { addr, state, thread: Some(thread) }
	}
}

impl ServerHandle {
	/// The address served.
	pub fn addr(&self) -> SocketAddr {
		self.addr
	}

	/// `http://127.0.0.1:PORT`.
	pub fn base_url(&self) -> String {
		format!("http://{}", self.addr)
	}

	/// Sets the mode of both APIs directly (same as `POST /control/mode/{mode}`).
	pub fn set_mode(&self, mode: Mode) {
		let count = self.state.cfg.read().unwrap_or_else(|e| e.into_inner()).transient_count;
		*self.state.modes.lock().unwrap_or_else(|e| e.into_inner()) = Modes::both(mode, count);
	}

	/// Stops accepting connections and waits for the accept thread.
	pub fn shutdown(mut self) {
		self.stop();
	}

	fn stop(&mut self) {
		self.state.stop.store(true, Ordering::SeqCst);
		let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
		if let Some(t) = self.thread.take() {
			let _ = t.join();
		}
	}
}

impl Drop for ServerHandle {
	fn drop(&mut self) {
		if self.thread.is_some() {
			self.stop();
		}
	}
}

struct Request {
	method: String,
	target: String,
}

fn read_request(stream: &TcpStream) -> io::Result<Option<Request>> {
	let mut r = BufReader::new(stream.try_clone()?);
	let mut line = String::new();
	if r.read_line(&mut line)? == 0 {
		return Ok(None);
	}
	let mut parts = line.split_whitespace();
	let (Some(method), Some(target)) = (parts.next(), parts.next()) else {
		return Err(io::Error::new(io::ErrorKind::InvalidData, "bad request line"));
	};
	let mut content_length = 0u64;
	let mut header_bytes = line.len();
	loop {
		let mut h = String::new();
		let n = r.read_line(&mut h)?;
		header_bytes += n;
		if n == 0 || h == "\r\n" || h == "\n" {
			break;
		}
		if header_bytes > 64 * 1024 {
			return Err(io::Error::new(io::ErrorKind::InvalidData, "headers too large"));
		}
		if let Some((k, v)) = h.split_once(':') {
			if k.trim().eq_ignore_ascii_case("content-length") {
				content_length = v.trim().parse().unwrap_or(0);
			}
		}
	}
	// Discard a (small) body.
	io::copy(&mut r.by_ref().take(content_length.min(1 << 20)), &mut io::sink())?;
	// Absolute form (`GET http://127.0.0.1:8787/v2/… HTTP/1.1`, as sent to proxies): keep the path.
	let target = match target.strip_prefix("http://") {
		Some(rest) => rest.find('/').map_or("/", |i| &rest[i..]),
		None => target,
	};
	Ok(Some(Request { method: method.to_string(), target: target.to_string() }))
}

struct Response {
	status: u16,
	content_type: &'static str,
	headers: Vec<(&'static str, String)>,
	body: Arc<Vec<u8>>,
}

impl Response {
	fn new(status: u16, content_type: &'static str, body: impl Into<Vec<u8>>) -> Response {
		Response { status, content_type, headers: Vec::new(), body: Arc::new(body.into()) }
	}

	fn text(status: u16, body: &str) -> Response {
		Response::new(status, "text/plain; charset=utf-8", format!("{body}\n"))
	}

	fn json(status: u16, body: String) -> Response {
		Response::new(status, "application/json", body)
	}
}

fn reason(status: u16) -> &'static str {
	match status {
		200 => "OK",
		400 => "Bad Request",
		403 => "Forbidden",
		404 => "Not Found",
		405 => "Method Not Allowed",
		500 => "Internal Server Error",
		503 => "Service Unavailable",
		_ => "Unknown",
	}
}

fn write_response(
	stream: &mut TcpStream,
	resp: &Response,
	head: bool,
	truncate: bool,
) -> io::Result<usize> {
	let mut h = format!(
		"HTTP/1.1 {} {}\r\nServer: tn-feed-sim\r\nDate: {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n",
		resp.status,
		reason(resp.status),
		Date::http_now(),
		resp.content_type,
		resp.body.len()
	);
	for (k, v) in &resp.headers {
		h.push_str(&format!("{k}: {v}\r\n"));
	}
	h.push_str("\r\n");
	stream.write_all(h.as_bytes())?;
	let n = if head {
		0
	} else if truncate {
		resp.body.len() / 2
	} else {
		resp.body.len()
	};
	stream.write_all(&resp.body[..n])?;
	stream.flush()?;
	Ok(n)
}

/// Masks the `api_key` value of a request target, for logs.
fn redact(target: &str) -> String {
	match target.find("api_key=") {
		None => target.to_string(),
		Some(i) => {
			let start = i + "api_key=".len();
			let end = target[start..].find('&').map_or(target.len(), |j| start + j);
			format!("{}***{}", &target[..start], &target[end..])
		},
	}
}

fn head_method(method: &str) -> bool {
	method == "HEAD"
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Api {
	Petrinex,
	Eia,
}

fn handle_connection(state: &State, mut stream: TcpStream) {
	let start = Instant::now();
	let peer = stream.peer_addr().map(|a| a.to_string()).unwrap_or_else(|_| "?".into());
	let _ = stream.set_read_timeout(Some(Duration::from_secs(30)));
	let _ = stream.set_write_timeout(Some(Duration::from_secs(300)));
	let req = match read_request(&stream) {
		Ok(Some(r)) => r,
		Ok(None) => return,
		Err(e) => {
			let resp = Response::text(400, &format!("bad request: {e}"));
			let _ = write_response(&mut stream, &resp, false, false);
			eprintln!("[tn-feed-sim] {peer} (unreadable request: {e}) 400");
			return;
		},
	};
	let n = state.requests.fetch_add(1, Ordering::SeqCst);
	let path = req.target.split('?').next().unwrap_or("").to_string();
	let api = if path.starts_with("/publicdata/") {
		Some(Api::Petrinex)
	} else if path.starts_with("/v2/") {
		Some(Api::Eia)
	} else {
		None
	};
	let data_method_ok = req.method == "GET" || head_method(&req.method);
	let mode = match api {
		Some(a) if data_method_ok => state.modes.lock().unwrap_or_else(|e| e.into_inner()).take(a),
		_ => Mode::Healthy,
	};
	let head = head_method(&req.method);
	let log = |status: &str, bytes: usize| {
		let note = if mode == Mode::Healthy { String::new() } else { format!(" mode={mode}") };
		eprintln!(
			"[tn-feed-sim] {peer} \"{} {}\" {status} {bytes}B {}ms{note}",
			req.method,
			redact(&req.target),
			start.elapsed().as_millis()
		);
	};
	let resp = match (api, mode) {
		(Some(_), Mode::Down) if data_method_ok => {
			let _ = stream.shutdown(Shutdown::Both);
			log("closed", 0);
			return;
		},
		(Some(_), Mode::NotFound | Mode::Transient404) if data_method_ok => {
			Response::text(404, "Not Found")
		},
		(Some(a), Mode::JsonError) if data_method_ok => {
			let body = match a {
				Api::Petrinex => PETRINEX_JSON_ERROR,
				Api::Eia => EIA_JSON_ERROR,
			};
			Response::new(200, "application/json; charset=utf-8", body)
		},
		(Some(_), Mode::ServerError) if data_method_ok => {
			Response::text(500, "Internal Server Error")
		},
		(Some(a), Mode::Garbage) if data_method_ok => {
			let mut r = Rng::new(&[state.cfg().seed, 0x6A4B, n]);
			let (ct, mut body): (&'static str, Vec<u8>) = match a {
				Api::Petrinex => ("application/zip", b"PK\x03\x04".to_vec()),
				Api::Eia => ("application/json", b"{\"response\":{\"total\":\"".to_vec()),
			};
			while body.len() < 4096 {
				body.extend_from_slice(&r.next_u64().to_le_bytes());
			}
			Response::new(200, ct, body)
		},
		(Some(a), m) => {
			if m == Mode::Slow && data_method_ok {
				let secs = state.cfg.read().unwrap_or_else(|e| e.into_inner()).slow_secs;
				std::thread::sleep(Duration::from_secs(secs));
			}
			if !data_method_ok {
				let mut r = Response::text(405, "Method Not Allowed");
				r.headers.push(("Allow", "GET, HEAD".into()));
				r
			} else {
				match a {
					Api::Petrinex => petrinex_response(state, &path),
					Api::Eia => {
						let cfg = state.cfg();
						match eia::eia_json(&cfg, &req.target) {
							Ok(body) => Response::json(200, body),
							Err(e) => Response::json(e.status, e.body),
						}
					},
				}
			}
		},
		(None, _) => control_response(state, &req),
	};
	let truncate = api.is_some() && mode == Mode::Truncated && data_method_ok;
	match write_response(&mut stream, &resp, head, truncate) {
		Ok(bytes) => {
			log(&format!("{}{}", resp.status, if truncate { " (truncated)" } else { "" }), bytes)
		},
		Err(e) => log(&format!("{} (write failed: {e})", resp.status), 0),
	}
	if truncate {
		let _ = stream.shutdown(Shutdown::Both);
	}
}

fn petrinex_response(state: &State, path: &str) -> Response {
	let month = path
		.strip_prefix("/publicdata/API/Files/AB/Vol/")
		.and_then(|r| r.strip_suffix("/CSV").or_else(|| r.strip_suffix("/csv")))
		.and_then(|m| m.parse::<Month>().ok());
	let Some(month) = month else { return Response::text(404, "Not Found") };
	let cfg = state.cfg();
	if month < cfg.petrinex.published_from || month > cfg.petrinex_published_through() {
		return Response::text(404, "Not Found");
	}
	let version = cfg.initial_version(month);
	let updated = petrinex::file_updated_date(&cfg, (month.year, month.month), version);
	let body = state.month_zip(&cfg, month, version);
	Response {
		status: 200,
		content_type: "application/zip",
		headers: vec![
			("Content-Disposition", format!("attachment; filename=\"Vol_{month}-AB-CSV.zip\"")),
			("Last-Modified", updated.http_date()),
			("ETag", format!("\"vol-{month}-v{version}\"")),
		],
		body,
	}
}

fn modes_json(m: Modes) -> String {
	let overall = if m.petrinex == m.eia { m.petrinex.as_str() } else { "mixed" };
	serde_json::json!({"mode": overall, "petrinex": m.petrinex, "eia": m.eia}).to_string()
}

/// The official totals of a month as JSON (for `GET /control/expected/{month}`).
///
/// `{"month":"2026-01","version":1,"updated":"2026-02-20","published":true,"url":"/publicdata/…",
/// "wells":{"100071901015W400":{"product":"OIL","volume":"1234.567","version":1,
/// "submission_date":"2026-02-11","operator":"A1B2","facility":"ABBT0071901",
/// "confidential":false,"other_operator":{"operator":"Z9Y8","facility":"ABBT0999999",
/// "volume":"5.000"}}}}` (`volume` `null` for a confidential well, `other_operator` `null`
/// when no other operator reports the well that month).
pub fn expected_json(cfg: &SimConfig, month: Month, version: u32) -> String {
	use serde_json::{json, Map, Value};
	let totals = petrinex::expected_totals(cfg, (month.year, month.month), version);
	let published =
		month >= cfg.petrinex.published_from && month <= cfg.petrinex_published_through();
	let wells: Map<String, Value> = totals
		.iter()
		.map(|(id, f)| {
			let other = f.other_operator.as_ref().map(
				|(op, fac, v)| json!({"operator": op, "facility": fac, "volume": v.to_string()}),
			);
			let w = json!({
				"product": f.product.as_str(),
				"volume": f.volume.map(|v| v.to_string()),
				"version": f.version,
				"submission_date": f.submission_date.to_string(),
				"operator": f.operator,
				"facility": f.facility,
				"confidential": f.confidential,
				"other_operator": other,
			});
			(id.clone(), w)
		})
		.collect();
	json!({
		"month": month.to_string(),
		"version": version,
		"updated": petrinex::file_updated_date(cfg, (month.year, month.month), version).to_string(),
		"published": published,
		"url": petrinex::url_path(month),
		"wells": wells,
	})
	.to_string()
}

const INDEX: &str = "tn-feed-sim: offline imitation of the Petrinex public data and EIA v2 APIs

GET  /publicdata/API/Files/AB/Vol/{YYYY-MM}/CSV        Petrinex monthly volumetric file (zip-in-zip)
GET  /v2/petroleum/pri/spt/data/?...&api_key=KEY       EIA spot prices (RWTC, RBRTE)
GET  /v2/natural-gas/pri/fut/data/?...&api_key=KEY     EIA natural gas (RNGWHHD, RNGC1)
GET  /control/mode                                     current misbehaviour mode
POST /control/mode/{healthy|404|500|slow|truncated|garbage|down|json-error|transient-404}[?api=petrinex|eia][&count=N]
POST /control/amend/{YYYY-MM}                          publish the next version of a month
GET  /control/expected/{YYYY-MM}[?version=N]           official totals to expect
POST /control/published/petrinex/{YYYY-MM}             move Petrinex's last published month
POST /control/published/eia/{YYYY-MM-DD}               move EIA's last published day
GET  /control/config                                   effective configuration";

fn control_response(state: &State, req: &Request) -> Response {
	let (path, query) = req.target.split_once('?').unwrap_or((&req.target, ""));
	let q = parse_query(query);
	let param = |k: &str| q.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
	let post = req.method == "POST" || req.method == "PUT";
	let get = req.method == "GET" || req.method == "HEAD";
	let method_not_allowed = |allow: &str| {
		let mut r = Response::text(405, "Method Not Allowed");
		r.headers.push(("Allow", allow.to_string()));
		r
	};
	let bad = |msg: String| Response::json(400, serde_json::json!({ "error": msg }).to_string());
	if path == "/" || path == "/control" || path == "/control/" {
		return if get { Response::text(200, INDEX) } else { method_not_allowed("GET") };
	}
	if path == "/control/mode" {
		return if get {
			Response::json(200, modes_json(*state.modes.lock().unwrap_or_else(|e| e.into_inner())))
		} else {
			method_not_allowed("GET")
		};
	}
	if let Some(m) = path.strip_prefix("/control/mode/") {
		if !post {
			return method_not_allowed("POST");
		}
		let mode: Mode = match m.parse() {
			Ok(m) => m,
			Err(e) => return bad(e),
		};
		let count = match param("count").map(|c| c.parse::<u32>()) {
			None => state.cfg.read().unwrap_or_else(|e| e.into_inner()).transient_count,
			Some(Ok(c)) => c,
			Some(Err(_)) => return bad("count must be a non-negative integer".into()),
		};
		let mut modes = state.modes.lock().unwrap_or_else(|e| e.into_inner());
		match param("api").as_deref() {
			None | Some("all") => *modes = Modes::both(mode, count),
			Some("petrinex") => {
				modes.petrinex = mode;
				modes.left.0 = count;
			},
			Some("eia") => {
				modes.eia = mode;
				modes.left.1 = count;
			},
			Some(other) => {
				return bad(format!("unknown api {other:?}: expected petrinex, eia or all"))
			},
		}
		eprintln!("[tn-feed-sim] mode now {}", modes_json(*modes));
		return Response::json(200, modes_json(*modes));
	}
	if let Some(m) = path.strip_prefix("/control/amend/") {
		if !post {
			return method_not_allowed("POST");
		}
		let month: Month = match m.parse() {
			Ok(m) => m,
			Err(e) => return bad(e),
		};
		let mut cfg = state.cfg.write().unwrap_or_else(|e| e.into_inner());
		let version = cfg.initial_version(month) + 1;
		cfg.petrinex.versions.insert(month, version);
		let st = MonthState::new(&cfg, month, version);
		let a = st.amendments.last().expect("version >= 2 has an amendment");
		let change = a.change.as_ref().map(
			|(id, old, new)| serde_json::json!({"well": id, "old": old.to_string(), "new": new.to_string()}),
		);
		let body = serde_json::json!({
			"month": month.to_string(),
			"version": version,
			"updated": a.submission_date.to_string(),
			"change": change,
		})
		.to_string();
		eprintln!("[tn-feed-sim] amended: {body}");
		return Response::json(200, body);
	}
	if let Some(m) = path.strip_prefix("/control/expected/") {
		if !get {
			return method_not_allowed("GET");
		}
		let month: Month = match m.parse() {
			Ok(m) => m,
			Err(e) => return bad(e),
		};
		let cfg = state.cfg();
		let version = match param("version").map(|v| v.parse::<u32>()) {
			None => cfg.initial_version(month),
			Some(Ok(v)) if v >= 1 => v,
			Some(_) => return bad("version must be a positive integer".into()),
		};
		return Response::json(200, expected_json(&cfg, month, version));
	}
	if let Some(m) = path.strip_prefix("/control/published/petrinex/") {
		if !post {
			return method_not_allowed("POST");
		}
		let month: Month = match m.parse() {
			Ok(m) => m,
			Err(e) => return bad(e),
		};
		state.cfg.write().unwrap_or_else(|e| e.into_inner()).petrinex.published_through =
			Some(month);
		let body = serde_json::json!({ "petrinex_published_through": month.to_string() });
		return Response::json(200, body.to_string());
	}
	if let Some(d) = path.strip_prefix("/control/published/eia/") {
		if !post {
			return method_not_allowed("POST");
		}
		let day: Date = match d.parse() {
			Ok(d) => d,
			Err(e) => return bad(e),
		};
		state.cfg.write().unwrap_or_else(|e| e.into_inner()).eia.published_through = Some(day);
		let body = serde_json::json!({ "eia_published_through": day.to_string() });
		return Response::json(200, body.to_string());
	}
	if path == "/control/config" {
		return if get {
			Response::json(200, serde_json::to_string_pretty(&state.cfg()).unwrap_or_default())
		} else {
			method_not_allowed("GET")
		};
	}
	Response::text(404, "Not Found")
}

#[cfg(test)]
#[allow(clippy::field_reassign_with_default)]
mod tests {
	use super::*;
	use crate::petrinex::tests::{found, official_sums, parse_csv, test_config};
	use serde_json::Value;

	/// What the tiny test client got.
	struct Got {
		status: u16,
		headers: Vec<(String, String)>,
		body: Vec<u8>,
		/// The body had all `Content-Length` bytes.
		complete: bool,
	}

	impl Got {
		fn header(&self, name: &str) -> Option<&str> {
			self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
		}
	}

	/// A tiny HTTP/1.1 client: one request, reads to EOF. `Err` when the server closed without
	/// a status line.
	fn http(addr: SocketAddr, method: &str, target: &str) -> io::Result<Got> {
		let mut s = TcpStream::connect(addr)?;
		s.set_read_timeout(Some(Duration::from_secs(60)))?;
		write!(s, "{method} {target} HTTP/1.1\r\nHost: {addr}\r\nContent-Length: 0\r\n\r\n")?;
		let mut raw = Vec::new();
		let _ = s.read_to_end(&mut raw); // a reset after a truncated body is fine
		let split = raw
			.windows(4)
			.position(|w| w == b"\r\n\r\n")
			.ok_or_else(|| io::Error::new(io::ErrorKind::UnexpectedEof, "no response"))?;
		let head = String::from_utf8_lossy(&raw[..split]).into_owned();
		let mut lines = head.split("\r\n");
		let status: u16 = lines
			.next()
			.and_then(|l| l.split(' ').nth(1))
			.and_then(|s| s.parse().ok())
			.unwrap_or(0);
		let headers: Vec<(String, String)> = lines
			.filter_map(|l| {
				l.split_once(':').map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
			})
			.collect();
		let body = raw[split + 4..].to_vec();
		let len: Option<usize> = headers
			.iter()
			.find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
			.and_then(|(_, v)| v.parse().ok());
		let complete = len.is_none_or(|l| l == body.len() || method == "HEAD");
		Ok(Got { status, headers, body, complete })
	}

	fn start(mut cfg: SimConfig) -> ServerHandle {
		cfg.listen = "127.0.0.1:0".into();
		Server::bind(cfg).unwrap().spawn()
	}

	fn sim_config() -> SimConfig {
		let mut cfg = test_config();
		cfg.api_key = "KEY".into();
		cfg.petrinex.published_through = Some("2026-01".parse().unwrap());
		cfg.eia.published_through = Some("2026-01-28".parse().unwrap());
		cfg.slow_secs = 1;
		cfg
	}

	const WTI: &str =
		"/v2/petroleum/pri/spt/data/?frequency=daily&data[0]=value&facets[series][]=RWTC\
		&start=2026-01-01&end=2026-01-31&sort[0][column]=period&sort[0][direction]=desc&api_key=KEY";
	const VOL: &str = "/publicdata/API/Files/AB/Vol/2026-01/CSV";

	#[test]
	fn refuses_non_loopback() {
		assert!(check_loopback("0.0.0.0:8787").is_err());
		assert!(check_loopback("192.168.1.2:8787").is_err());
		assert!(check_loopback("127.0.0.1:8787").is_ok());
		assert!(check_loopback("[::1]:8787").is_ok());
		let mut cfg = SimConfig::default();
		cfg.listen = "0.0.0.0:0".into();
		assert!(Server::bind(cfg).is_err());
	}

	#[test]
	fn serves_petrinex_and_eia() {
		let cfg = sim_config();
		let srv = start(cfg.clone());
		let a = srv.addr();

		let g = http(a, "GET", VOL).unwrap();
		assert_eq!(g.status, 200);
		assert!(g.complete);
		assert_eq!(g.header("Content-Type"), Some("application/zip"));
		// Version 2 is configured for January (an amendment dated 2026-03-18).
		assert_eq!(g.header("Last-Modified"), Some("Wed, 18 Mar 2026 00:00:00 GMT"));
		assert_eq!(g.body, petrinex::petrinex_month_zip(&cfg, (2026, 1), 2));
		let outer = crate::zip::read_zip(&g.body).unwrap();
		assert_eq!(outer[0].name, "Vol_2026-01-AB.csv.zip");
		let inner = crate::zip::read_zip(&outer[0].data).unwrap();
		assert_eq!(inner[0].name, "Vol_2026-01-AB.CSV");
		let sums = official_sums(&parse_csv(&inner[0].data));
		let key = ("100071901015W400".to_string(), "OIL".to_string(), "A1B2".to_string());
		assert_eq!(sums[&key], 1_300_250);

		let h = http(a, "HEAD", VOL).unwrap();
		assert_eq!(h.status, 200);
		assert!(h.body.is_empty());

		// Not yet published, and before the first month.
		assert_eq!(http(a, "GET", "/publicdata/API/Files/AB/Vol/2026-02/CSV").unwrap().status, 404);
		assert_eq!(http(a, "GET", "/publicdata/API/Files/AB/Vol/2014-12/CSV").unwrap().status, 404);
		assert_eq!(http(a, "GET", "/publicdata/API/Files/AB/Vol/2026-13/CSV").unwrap().status, 404);
		// Publish February, then it is there.
		assert_eq!(http(a, "POST", "/control/published/petrinex/2026-02").unwrap().status, 200);
		assert_eq!(http(a, "GET", "/publicdata/API/Files/AB/Vol/2026-02/CSV").unwrap().status, 200);

		let g = http(a, "GET", WTI).unwrap();
		assert_eq!(g.status, 200);
		assert_eq!(g.header("Content-Type"), Some("application/json"));
		let v: Value = serde_json::from_slice(&g.body).unwrap();
		assert_eq!(v["response"]["data"][0]["period"], "2026-01-28");
		assert_eq!(g.body, eia::eia_json(&cfg, WTI).unwrap().into_bytes());
		let g = http(a, "GET", &WTI.replace("&api_key=KEY", "")).unwrap();
		assert_eq!(g.status, 403);
		let v: Value = serde_json::from_slice(&g.body).unwrap();
		assert_eq!(v["error"]["code"], "API_KEY_MISSING");
		assert_eq!(
			http(a, "GET", &WTI.replace("api_key=KEY", "api_key=NOPE")).unwrap().status,
			403
		);

		// Amend January: version 2 is configured, so the next one is 3.
		let g = http(a, "GET", "/control/expected/2026-01").unwrap();
		let v: Value = serde_json::from_slice(&g.body).unwrap();
		assert_eq!(v["version"], 2);
		assert_eq!(v["wells"]["100071901015W400"]["volume"], "1300.250");
		assert_eq!(v["wells"]["100071901015W400"]["operator"], "A1B2");
		assert_eq!(v["wells"]["100071901015W400"]["facility"], "ABBT0071901");
		assert_eq!(v["wells"]["100071901015W400"]["other_operator"]["operator"], "Z9Y8");
		assert_eq!(v["wells"]["100071901015W400"]["other_operator"]["volume"], "5.000");
		assert_eq!(v["wells"]["1W0052706219W500"]["volume"], Value::Null);
		assert_eq!(v["wells"]["1W0052706219W500"]["confidential"], true);
		let g = http(a, "POST", "/control/amend/2026-01").unwrap();
		assert_eq!(g.status, 200);
		let v: Value = serde_json::from_slice(&g.body).unwrap();
		assert_eq!(v["version"], 3);
		assert_eq!(v["updated"], "2026-04-15");
		let g = http(a, "GET", VOL).unwrap();
		assert_eq!(g.header("Last-Modified"), Some("Wed, 15 Apr 2026 00:00:00 GMT"));
		assert_eq!(g.header("ETag"), Some("\"vol-2026-01-v3\""));
		let inner = crate::zip::read_zip(&crate::zip::read_zip(&g.body).unwrap()[0].data).unwrap();
		let sums = official_sums(&parse_csv(&inner[0].data));
		for (id, f) in petrinex::expected_totals(&cfg, (2026, 1), 3) {
			assert_eq!(found(&sums, &id, &f), f.volume.map(|m| m.0), "{id}");
		}

		assert_eq!(http(a, "GET", "/nope").unwrap().status, 404);
		let g = http(a, "GET", &format!("http://{a}/control/mode")).unwrap();
		assert_eq!(g.status, 200, "absolute-form target");
		assert_eq!(http(a, "GET", "/control/amend/2026-01").unwrap().status, 405);
		let g = http(a, "GET", "/control/config").unwrap();
		let v: Value = serde_json::from_slice(&g.body).unwrap();
		assert_eq!(v["petrinex"]["published_through"], "2026-02");
		srv.shutdown();
	}

	#[test]
	fn misbehaviour_modes() {
		let srv = start(sim_config());
		let a = srv.addr();
		let set = |m: &str| {
			let g = http(a, "POST", &format!("/control/mode/{m}")).unwrap();
			assert_eq!(g.status, 200, "{m}");
			let v: Value = serde_json::from_slice(&g.body).unwrap();
			assert_eq!(v["mode"], m);
		};

		set("404");
		assert_eq!(http(a, "GET", VOL).unwrap().status, 404);
		assert_eq!(http(a, "GET", WTI).unwrap().status, 404);
		let v: Value =
			serde_json::from_slice(&http(a, "GET", "/control/mode").unwrap().body).unwrap();
		assert_eq!(v["mode"], "404");

		set("500");
		assert_eq!(http(a, "GET", VOL).unwrap().status, 500);
		assert_eq!(http(a, "GET", WTI).unwrap().status, 500);

		set("truncated");
		for t in [VOL, WTI] {
			let g = http(a, "GET", t).unwrap();
			assert_eq!(g.status, 200);
			assert!(!g.complete, "{t}: body must be cut short");
			let len: usize = g.header("Content-Length").unwrap().parse().unwrap();
			assert_eq!(g.body.len(), len / 2);
		}
		let g = http(a, "GET", VOL).unwrap();
		assert!(crate::zip::read_zip(&g.body).is_err());

		set("garbage");
		let g = http(a, "GET", WTI).unwrap();
		assert_eq!(g.status, 200);
		assert!(g.complete);
		assert!(serde_json::from_slice::<Value>(&g.body).is_err());
		let g = http(a, "GET", VOL).unwrap();
		assert_eq!(g.status, 200);
		assert!(crate::zip::read_zip(&g.body).is_err());

		set("down");
		assert!(http(a, "GET", VOL).is_err(), "no answer at all");
		assert!(http(a, "GET", WTI).is_err());
		// The control API still answers.
		assert_eq!(http(a, "GET", "/control/mode").unwrap().status, 200);

		set("slow");
		let t = Instant::now();
		assert_eq!(http(a, "GET", WTI).unwrap().status, 200);
		assert!(t.elapsed() >= Duration::from_secs(1));

		// One API only.
		set("healthy");
		assert_eq!(http(a, "POST", "/control/mode/500?api=eia").unwrap().status, 200);
		assert_eq!(http(a, "GET", VOL).unwrap().status, 200);
		assert_eq!(http(a, "GET", WTI).unwrap().status, 500);
		let v: Value =
			serde_json::from_slice(&http(a, "GET", "/control/mode").unwrap().body).unwrap();
		assert_eq!(v["mode"], "mixed");
		assert_eq!(v["eia"], "500");
		assert_eq!(http(a, "POST", "/control/mode/bogus").unwrap().status, 400);

		// JSON error with status 200.
		set("json-error");
		let g = http(a, "GET", VOL).unwrap();
		assert_eq!(g.status, 200);
		assert_eq!(g.header("Content-Type"), Some("application/json; charset=utf-8"));
		assert_eq!(g.body, br#"{"Message":"An error has occurred."}"#);
		assert!(crate::zip::read_zip(&g.body).is_err());
		let g = http(a, "GET", WTI).unwrap();
		assert_eq!(g.status, 200);
		let v: Value = serde_json::from_slice(&g.body).unwrap();
		assert_eq!(v["code"], 400);
		assert!(v.get("response").is_none());

		// Transient 404: the next `transient_count` (2) requests, then healthy by itself.
		set("transient-404");
		assert_eq!(http(a, "GET", VOL).unwrap().status, 404);
		assert_eq!(http(a, "GET", WTI).unwrap().status, 404, "each API counts its own");
		assert_eq!(http(a, "GET", VOL).unwrap().status, 404);
		assert_eq!(http(a, "GET", VOL).unwrap().status, 200);
		let v: Value =
			serde_json::from_slice(&http(a, "GET", "/control/mode").unwrap().body).unwrap();
		assert_eq!(v["petrinex"], "healthy");
		assert_eq!(v["eia"], "transient-404");
		assert_eq!(http(a, "GET", WTI).unwrap().status, 404);
		assert_eq!(http(a, "GET", WTI).unwrap().status, 200);
		// With an explicit count, for one API.
		let g = http(a, "POST", "/control/mode/transient-404?api=petrinex&count=1").unwrap();
		assert_eq!(g.status, 200);
		assert_eq!(http(a, "GET", WTI).unwrap().status, 200);
		assert_eq!(http(a, "GET", VOL).unwrap().status, 404);
		assert_eq!(http(a, "GET", VOL).unwrap().status, 200);
		assert_eq!(http(a, "POST", "/control/mode/transient-404?count=x").unwrap().status, 400);
		srv.shutdown();
	}

	#[test]
	fn redacts_key() {
		assert_eq!(redact("/v2/x?a=1&api_key=SECRET&b=2"), "/v2/x?a=1&api_key=***&b=2");
		assert_eq!(redact("/v2/x?api_key=SECRET"), "/v2/x?api_key=***");
	}
}
