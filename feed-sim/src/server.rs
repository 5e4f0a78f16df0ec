//! The HTTP/1.1 server: `hyper` 1 on a small `tokio` runtime, one request per connection
//! (`Connection: close`). It listens on loopback addresses only.
//!
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
//!
//! `down` is the service failing, which makes hyper drop the connection unanswered.
//! `truncated` is the one fault hyper cannot produce by itself (it always completes or aborts a
//! body it was given): the connection's socket is wrapped in [`Truncating`], which lets the
//! response head and the first half of the body through and then shuts the socket down.

use crate::config::{Mode, SimConfig};
use crate::date::{Date, Month};
use crate::eia::{self, parse_query};
use crate::petrinex::{self, MonthState};
use crate::rng::Rng;
use bytes::Bytes;
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::header::{self, HeaderValue};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Method, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use std::collections::{HashMap, VecDeque};
use std::io;
use std::net::{SocketAddr, TcpListener, ToSocketAddrs};
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock, RwLock};
use std::task::{ready, Context, Poll};
use std::time::{Duration, Instant};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::sync::watch;

/// Most connections served at once; more get `503`.
const MAX_CONNECTIONS: usize = 256;

/// Resolves `addr` and refuses anything that is not a loopback address.
pub fn check_loopback(addr: &str) -> Result<SocketAddr, String> {
	let addrs: Vec<SocketAddr> = addr
		.to_socket_addrs()
		.map_err(|e| format!("bad listen address {addr:?}: {e}"))?
		.collect();
	let first = *addrs
		.first()
		.ok_or_else(|| format!("listen address {addr:?} resolves to nothing"))?;
	if let Some(bad) = addrs.iter().find(|a| !a.ip().is_loopback()) {
		return Err(format!(
			"refusing to listen on {bad}: only loopback addresses (127.0.0.1, ::1) are allowed"
		));
	}
	Ok(first)
}

type ZipCell = Arc<OnceLock<Bytes>>;

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
}

impl State {
	fn cfg(&self) -> SimConfig {
		self.cfg.read().unwrap_or_else(|e| e.into_inner()).clone()
	}

	fn month_zip(&self, cfg: &SimConfig, month: Month, version: u32) -> Bytes {
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
			Bytes::from(bytes)
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
	stop: watch::Sender<bool>,
	thread: Option<std::thread::JoinHandle<()>>,
}

fn runtime() -> io::Result<tokio::runtime::Runtime> {
	tokio::runtime::Builder::new_multi_thread()
		.worker_threads(2)
		.thread_name("tn-feed-sim")
		.enable_all()
		.build()
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
		});
		Ok(Server { listener, state })
	}

	/// The address actually bound.
	pub fn local_addr(&self) -> SocketAddr {
		self.listener.local_addr().expect("bound listener has an address")
	}

	/// Serves until the process ends.
	pub fn run(self) -> io::Result<()> {
		let (_never, stop) = watch::channel(false);
		runtime()?.block_on(serve(self.listener, self.state, stop))
	}

	/// Serves in a background thread until [`ServerHandle::shutdown`] (or drop).
	pub fn spawn(self) -> ServerHandle {
		let addr = self.local_addr();
		let state = self.state.clone();
		let (stop, stopped) = watch::channel(false);
		let thread = std::thread::Builder::new()
			.name("tn-feed-sim-server".into())
			.spawn(move || {
				let rt = runtime().expect("a tokio runtime");
				if let Err(e) = rt.block_on(serve(self.listener, self.state, stopped)) {
					eprintln!("[tn-feed-sim] server failed: {e}");
				}
				// Connections still open (a `slow` answer, a download) are dropped.
				rt.shutdown_background();
			})
			.expect("spawn the server thread");
		ServerHandle { addr, state, stop, thread: Some(thread) }
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

	/// Stops accepting connections and waits for the server thread.
	pub fn shutdown(mut self) {
		self.stop();
	}

	fn stop(&mut self) {
		let _ = self.stop.send(true);
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

/// Accepts connections until `stop` turns true (or its sender is gone).
async fn serve(
	listener: TcpListener,
	state: Arc<State>,
	mut stop: watch::Receiver<bool>,
) -> io::Result<()> {
	listener.set_nonblocking(true)?;
	let listener = tokio::net::TcpListener::from_std(listener)?;
	loop {
		let accepted = tokio::select! {
			changed = stop.changed() => match changed {
				Ok(()) if !*stop.borrow() => continue,
				_ => return Ok(()),
			},
			accepted = listener.accept() => accepted,
		};
		match accepted {
			Ok((stream, peer)) => {
				tokio::spawn(serve_connection(state.clone(), stream, peer));
			},
			Err(e) => {
				eprintln!("[tn-feed-sim] accept failed: {e}");
				tokio::time::sleep(Duration::from_millis(50)).await;
			},
		}
	}
}

/// Counts a connection in [`State::active`] while it lives.
struct Active(Arc<State>);

impl Drop for Active {
	fn drop(&mut self) {
		self.0.active.fetch_sub(1, Ordering::SeqCst);
	}
}

/// The error that makes hyper close a connection without answering (`down` mode).
#[derive(Debug)]
struct Hangup;

impl std::fmt::Display for Hangup {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		f.write_str("connection closed without an answer (mode down)")
	}
}

impl std::error::Error for Hangup {}

async fn serve_connection(state: Arc<State>, stream: tokio::net::TcpStream, peer: SocketAddr) {
	let busy = state.active.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS;
	let _active = Active(state.clone());
	let cut = Arc::new(AtomicU64::new(NO_CUT));
	let io = TokioIo::new(Truncating::new(stream, cut.clone()));
	let service = service_fn(move |req| {
		let (state, cut) = (state.clone(), cut.clone());
		async move {
			if busy {
				return Ok(Response::text(503, "Service Unavailable").into_http());
			}
			handle(state, peer, req, &cut).await
		}
	});
	// Errors here are the faults themselves (`down`, `truncated`) or a client going away.
	let _ = http1::Builder::new()
		.keep_alive(false)
		.title_case_headers(true)
		.timer(TokioTimer::new())
		.header_read_timeout(Duration::from_secs(30))
		.serve_connection(io, service)
		.await;
}

/// [`Truncating::cut`] when the response is not to be cut.
const NO_CUT: u64 = u64::MAX;

/// The connection's socket, able to cut the response short for the `truncated` mode: once
/// `cut` body bytes (after the response head's blank line) have gone out, the socket is shut
/// down and hyper's further writes fail. The handler sets `cut` before hyper writes anything.
struct Truncating {
	inner: tokio::net::TcpStream,
	cut: Arc<AtomicU64>,
	/// How much of `\r\n\r\n` the bytes written so far end with (4: the head is complete).
	head_end: usize,
	/// Body bytes written.
	body: u64,
	/// The socket was shut down at the cut.
	closed: bool,
}

impl Truncating {
	fn new(inner: tokio::net::TcpStream, cut: Arc<AtomicU64>) -> Self {
		Truncating { inner, cut, head_end: 0, body: 0, closed: false }
	}

	/// Advances the head/body accounting over `bytes`; with `limit`, stops at the cut and returns
	/// how many of `bytes` may go out.
	fn account(head_end: &mut usize, body: &mut u64, bytes: &[u8], limit: u64) -> usize {
		for (i, &b) in bytes.iter().enumerate() {
			if *head_end == 4 {
				let room = limit.saturating_sub(*body).min((bytes.len() - i) as u64);
				*body += room;
				return i + room as usize;
			}
			*head_end = match (*head_end, b) {
				(0 | 2, b'\r') => *head_end + 1,
				(1 | 3, b'\n') => *head_end + 1,
				(_, b'\r') => 1,
				_ => 0,
			};
		}
		bytes.len()
	}
}

impl AsyncRead for Truncating {
	fn poll_read(
		mut self: Pin<&mut Self>,
		cx: &mut Context<'_>,
		buf: &mut ReadBuf<'_>,
	) -> Poll<io::Result<()>> {
		Pin::new(&mut self.inner).poll_read(cx, buf)
	}
}

impl AsyncWrite for Truncating {
	fn poll_write(
		mut self: Pin<&mut Self>,
		cx: &mut Context<'_>,
		buf: &[u8],
	) -> Poll<io::Result<usize>> {
		let limit = self.cut.load(Ordering::SeqCst);
		if limit == NO_CUT {
			return Pin::new(&mut self.inner).poll_write(cx, buf);
		}
		let this = &mut *self;
		if !this.closed {
			let (mut head_end, mut body) = (this.head_end, this.body);
			let allowed = Self::account(&mut head_end, &mut body, buf, limit);
			if allowed > 0 {
				let n = ready!(Pin::new(&mut this.inner).poll_write(cx, &buf[..allowed]))?;
				Self::account(&mut this.head_end, &mut this.body, &buf[..n], limit);
				return Poll::Ready(Ok(n));
			}
			// At the cut: the kernel sends what was written, then FIN.
			ready!(Pin::new(&mut this.inner).poll_shutdown(cx))?;
			this.closed = true;
		}
		Poll::Ready(Err(io::Error::new(io::ErrorKind::BrokenPipe, "truncated (mode truncated)")))
	}

	fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
		Pin::new(&mut self.inner).poll_flush(cx)
	}

	fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
		if self.closed {
			return Poll::Ready(Ok(()));
		}
		Pin::new(&mut self.inner).poll_shutdown(cx)
	}
}

/// An answer before it becomes an HTTP response.
struct Response {
	status: u16,
	content_type: &'static str,
	headers: Vec<(&'static str, String)>,
	body: Bytes,
}

impl Response {
	fn new(status: u16, content_type: &'static str, body: impl Into<Bytes>) -> Response {
		Response { status, content_type, headers: Vec::new(), body: body.into() }
	}

	fn text(status: u16, body: &str) -> Response {
		Response::new(status, "text/plain; charset=utf-8", format!("{body}\n"))
	}

	fn json(status: u16, body: String) -> Response {
		Response::new(status, "application/json", body)
	}

	/// The response hyper sends (it adds `Date`; on `HEAD` it sends no body).
	fn into_http(self) -> hyper::Response<Full<Bytes>> {
		let mut r = hyper::Response::new(Full::new(self.body.clone()));
		*r.status_mut() = StatusCode::from_u16(self.status).unwrap_or(StatusCode::OK);
		let h = r.headers_mut();
		h.insert(header::SERVER, HeaderValue::from_static("tn-feed-sim"));
		h.insert(header::CONTENT_TYPE, HeaderValue::from_static(self.content_type));
		h.insert(header::CONTENT_LENGTH, HeaderValue::from(self.body.len()));
		h.insert(header::CONNECTION, HeaderValue::from_static("close"));
		for (k, v) in self.headers {
			if let (Ok(k), Ok(v)) = (header::HeaderName::from_bytes(k.as_bytes()), v.try_into()) {
				h.insert::<header::HeaderName>(k, v);
			}
		}
		r
	}
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

#[derive(Clone, Copy, PartialEq, Eq)]
enum Api {
	Petrinex,
	Eia,
}

/// Answers one request (every request is logged on stderr).
async fn handle(
	state: Arc<State>,
	peer: SocketAddr,
	req: hyper::Request<Incoming>,
	cut: &AtomicU64,
) -> Result<hyper::Response<Full<Bytes>>, Hangup> {
	let start = Instant::now();
	let method = req.method().clone();
	// Origin form (`/v2/…?…`); an absolute-form target (`http://127.0.0.1:8787/v2/…`, as sent
	// to proxies) is reduced to its path and query the same way.
	let target = req.uri().path_and_query().map_or("/", |pq| pq.as_str()).to_string();
	let path = req.uri().path().to_string();
	let n = state.requests.fetch_add(1, Ordering::SeqCst);
	let api = if path.starts_with("/publicdata/") {
		Some(Api::Petrinex)
	} else if path.starts_with("/v2/") {
		Some(Api::Eia)
	} else {
		None
	};
	let head = method == Method::HEAD;
	let data_method_ok = method == Method::GET || head;
	let mode = match api {
		Some(a) if data_method_ok => state.modes.lock().unwrap_or_else(|e| e.into_inner()).take(a),
		_ => Mode::Healthy,
	};
	let faulty = api.is_some() && data_method_ok;
	let log = |status: &str, bytes: usize| {
		let note = if mode == Mode::Healthy { String::new() } else { format!(" mode={mode}") };
		eprintln!(
			"[tn-feed-sim] {peer} \"{method} {}\" {status} {bytes}B {}ms{note}",
			redact(&target),
			start.elapsed().as_millis()
		);
	};
	if faulty && mode == Mode::Down {
		log("closed", 0);
		return Err(Hangup);
	}
	if faulty && mode == Mode::Slow {
		let secs = state.cfg.read().unwrap_or_else(|e| e.into_inner()).slow_secs;
		tokio::time::sleep(Duration::from_secs(secs)).await;
	}
	// Generating a month file takes a while: off the async workers.
	let resp = {
		let (state, method, target, path) = (state.clone(), method.clone(), target.clone(), path);
		tokio::task::spawn_blocking(move || respond(&state, &method, &target, &path, api, mode, n))
			.await
			.unwrap_or_else(|e| Response::text(500, &format!("Internal Server Error: {e}")))
	};
	let truncate = faulty && mode == Mode::Truncated;
	let len = resp.body.len();
	let sent = if head {
		0
	} else if truncate {
		cut.store(len as u64 / 2, Ordering::SeqCst);
		len / 2
	} else {
		len
	};
	log(&format!("{}{}", resp.status, if truncate { " (truncated)" } else { "" }), sent);
	Ok(resp.into_http())
}

/// The answer to a request in `mode` (`down` and `slow` are handled by the caller).
fn respond(
	state: &State,
	method: &Method,
	target: &str,
	path: &str,
	api: Option<Api>,
	mode: Mode,
	n: u64,
) -> Response {
	let Some(api) = api else { return control_response(state, method, target) };
	if method != Method::GET && method != Method::HEAD {
		let mut r = Response::text(405, "Method Not Allowed");
		r.headers.push(("Allow", "GET, HEAD".into()));
		return r;
	}
	match mode {
		Mode::NotFound | Mode::Transient404 => Response::text(404, "Not Found"),
		Mode::ServerError => Response::text(500, "Internal Server Error"),
		Mode::JsonError => {
			let body = match api {
				Api::Petrinex => PETRINEX_JSON_ERROR,
				Api::Eia => EIA_JSON_ERROR,
			};
			Response::new(200, "application/json; charset=utf-8", body)
		},
		Mode::Garbage => {
			let mut r = Rng::new(&[state.cfg().seed, 0x6A4B, n]);
			let (ct, mut body): (&'static str, Vec<u8>) = match api {
				Api::Petrinex => ("application/zip", b"PK\x03\x04".to_vec()),
				Api::Eia => ("application/json", b"{\"response\":{\"total\":\"".to_vec()),
			};
			while body.len() < 4096 {
				body.extend_from_slice(&r.next_u64().to_le_bytes());
			}
			Response::new(200, ct, body)
		},
		Mode::Healthy | Mode::Slow | Mode::Truncated | Mode::Down => match api {
			Api::Petrinex => petrinex_response(state, path),
			Api::Eia => match eia::eia_json(&state.cfg(), target) {
				Ok(body) => Response::json(200, body),
				Err(e) => Response::json(e.status, e.body),
			},
		},
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

fn control_response(state: &State, method: &Method, target: &str) -> Response {
	let (path, query) = target.split_once('?').unwrap_or((target, ""));
	let q = parse_query(query);
	let param = |k: &str| q.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
	let post = method == Method::POST || method == Method::PUT;
	let get = method == Method::GET || method == Method::HEAD;
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
	use std::io::{Read, Write};
	use std::net::TcpStream;

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
			self.headers
				.iter()
				.find(|(k, _)| k.eq_ignore_ascii_case(name))
				.map(|(_, v)| v.as_str())
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
