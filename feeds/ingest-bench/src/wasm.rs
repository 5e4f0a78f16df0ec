//! The wasm side: the `no_std` guest (`guest/`) run by wasmtime (Cranelift, compiled ahead of
//! the runs; each run gets a fresh store and instance, so its linear memory starts from the
//! module's initial size).

use crate::{
	registry::{commitment, Outcome},
	Result,
};
use std::{
	path::Path,
	time::{Duration, Instant},
};
use wasmtime::{
	Caller, Config, Engine, Extern, Instance, Linker, Memory, Module, OptLevel, ProfilingStrategy,
	Store, Strategy, TypedFunc,
};

/// The compiled guest module.
pub struct Guest {
	engine: Engine,
	module: Module,
	linker: Linker<()>,
	/// Size of the `.wasm` file.
	pub module_bytes: usize,
	/// Time Cranelift took to compile it (not part of the runs).
	pub compile_time: Duration,
	/// Whether the guest hashes through the host (`host-hash` build: imports `env.blake2_256`).
	pub host_hash: bool,
}

/// The host function of the guest's `host-hash` build, `env.blake2_256(data_ptr, data_len,
/// out_ptr)`: hashes guest memory natively (the same `blake2` crate code) and writes the digest
/// back, like the runtime's `sp_io::hashing::blake2_256` host function.
fn host_blake2_256(
	mut caller: Caller<'_, ()>,
	ptr: u32,
	len: u32,
	out: u32,
) -> wasmtime::Result<()> {
	let Some(Extern::Memory(memory)) = caller.get_export("memory") else {
		return Err(wasmtime::Error::msg("guest exports no memory"));
	};
	let data = memory
		.data(&caller)
		.get(ptr as usize..(ptr as usize).saturating_add(len as usize))
		.ok_or_else(|| wasmtime::Error::msg("blake2_256: input out of bounds"))?;
	let digest = commitment(data);
	memory.write(&mut caller, out as usize, &digest)?;
	Ok(())
}

/// The guest's exports (see `guest/src/lib.rs`).
struct Exports {
	memory: Memory,
	alloc: TypedFunc<u32, u32>,
	dealloc: TypedFunc<(u32, u32), ()>,
	set_wells: TypedFunc<(u32, u32), i32>,
	begin: TypedFunc<(u32, u32), i32>,
	push: TypedFunc<(u32, u32), i32>,
	finish: TypedFunc<(), i32>,
	output_ptr: TypedFunc<(), u32>,
	output_len: TypedFunc<(), u32>,
}

impl Exports {
	fn new(store: &mut Store<()>, instance: &Instance) -> Result<Exports> {
		Ok(Exports {
			memory: instance.get_memory(&mut *store, "memory").ok_or("guest exports no memory")?,
			alloc: instance.get_typed_func(&mut *store, "alloc")?,
			dealloc: instance.get_typed_func(&mut *store, "dealloc")?,
			set_wells: instance.get_typed_func(&mut *store, "set_wells")?,
			begin: instance.get_typed_func(&mut *store, "begin")?,
			push: instance.get_typed_func(&mut *store, "push")?,
			finish: instance.get_typed_func(&mut *store, "finish")?,
			output_ptr: instance.get_typed_func(&mut *store, "output_ptr")?,
			output_len: instance.get_typed_func(&mut *store, "output_len")?,
		})
	}

	/// The guest's output buffer.
	fn output(&self, store: &mut Store<()>) -> Result<Vec<u8>> {
		let ptr = self.output_ptr.call(&mut *store, ())?;
		let len = self.output_len.call(&mut *store, ())?;
		let mut out = vec![0u8; len as usize];
		self.memory.read(&*store, ptr as usize, &mut out)?;
		Ok(out)
	}

	/// Turns a negative return code into an error carrying the guest's error text.
	fn check(&self, store: &mut Store<()>, what: &str, code: i32) -> Result<i32> {
		if code >= 0 {
			return Ok(code);
		}
		let text = self.output(store).map(|b| String::from_utf8_lossy(&b).into_owned())?;
		Err(format!("guest {what} returned {code}: {text}").into())
	}

	/// Allocates `len` bytes in the guest.
	fn alloc(&self, store: &mut Store<()>, len: usize) -> Result<u32> {
		let len = u32::try_from(len).map_err(|_| "block too large for wasm32")?;
		match self.alloc.call(&mut *store, len)? {
			0 => Err("guest out of memory".into()),
			ptr => Ok(ptr),
		}
	}
}

/// How the wasmtime engine is configured.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum EngineConfig {
	/// As the node's executor configures it for the runtime (`sc-executor-wasmtime`'s
	/// `common_config`, with the semantics `sc-executor` uses): Cranelift at `SpeedAndSize`,
	/// MVP wasm (no bulk memory, multi-value or SIMD), 1 MiB wasm stack.
	/// The guest must then be built like the runtime (`-C target-cpu=mvp`).
	Node,
	/// wasmtime's defaults with Cranelift at `Speed` (every proposal wasmtime enables by
	/// default is accepted, e.g. bulk memory).
	Speed,
}

impl EngineConfig {
	/// A short description for the tables.
	pub fn describe(self) -> &'static str {
		match self {
			EngineConfig::Node => "Cranelift SpeedAndSize, MVP features (node executor config)",
			EngineConfig::Speed => "Cranelift Speed, wasmtime default features",
		}
	}

	fn config(self) -> Config {
		let mut config = Config::new();
		config.strategy(Strategy::Cranelift);
		// Like the node: `WASMTIME_PROFILING_STRATEGY=perfmap` writes /tmp/perf-<pid>.map so
		// that `perf report` names the guest's functions.
		if std::env::var_os("WASMTIME_PROFILING_STRATEGY").is_some_and(|v| v == "perfmap") {
			config.profiler(ProfilingStrategy::PerfMap);
		}
		match self {
			EngineConfig::Node => {
				config.cranelift_opt_level(OptLevel::SpeedAndSize);
				config.max_wasm_stack(1024 * 1024);
				// Reference types and threads are the executor's other two "off" switches; this
				// build of wasmtime has neither the `gc` nor the `threads` feature, so threads
				// are off already, and reference types (which need no code in an MVP module) stay
				// accepted by the validator only.
				config.wasm_simd(false);
				config.wasm_relaxed_simd(false);
				config.wasm_bulk_memory(false);
				config.wasm_multi_value(false);
				config.wasm_multi_memory(false);
				config.wasm_memory64(false);
				config.wasm_tail_call(false);
				config.wasm_extended_const(false);
			},
			EngineConfig::Speed => {
				config.cranelift_opt_level(OptLevel::Speed);
			},
		}
		config
	}
}

impl Guest {
	/// Reads and compiles the guest module.
	pub fn load(path: &Path, engine_config: EngineConfig) -> Result<Guest> {
		let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
		let engine = Engine::new(&engine_config.config())?;
		let t = Instant::now();
		let module = Module::new(&engine, &bytes)?;
		let compile_time = t.elapsed();
		let mut host_hash = false;
		for import in module.imports() {
			if (import.module(), import.name()) == ("env", "blake2_256") {
				host_hash = true;
			} else {
				return Err(format!(
					"unexpected guest import {}::{} (only env::blake2_256 is provided)",
					import.module(),
					import.name()
				)
				.into());
			}
		}
		let mut linker = Linker::new(&engine);
		linker.func_wrap("env", "blake2_256", host_blake2_256)?;
		Ok(Guest { engine, module, linker, module_bytes: bytes.len(), compile_time, host_hash })
	}

	/// One run in a fresh instance: register the wells, push `zip` in chunks of `chunk_bytes`
	/// through one guest block, finish and read the outcome back.
	///
	/// Returns what was found, the wall time (instantiation included, compilation excluded) and
	/// the guest's linear memory size at the end, which is its peak (it never shrinks).
	pub fn run(
		&self,
		wells_records: &[u8],
		month: (u16, u8),
		zip: &[u8],
		chunk_bytes: usize,
	) -> Result<(Outcome, Duration, u64)> {
		let t = Instant::now();
		let mut store = Store::new(&self.engine, ());
		let instance: Instance = self.linker.instantiate(&mut store, &self.module)?;
		let g = Exports::new(&mut store, &instance)?;

		let wells_ptr = g.alloc(&mut store, wells_records.len())?;
		g.memory.write(&mut store, wells_ptr as usize, wells_records)?;
		let len = u32::try_from(wells_records.len())?;
		let code = g.set_wells.call(&mut store, (wells_ptr, len))?;
		g.check(&mut store, "set_wells", code)?;
		g.dealloc.call(&mut store, (wells_ptr, len))?;
		let code = g.begin.call(&mut store, (u32::from(month.0), u32::from(month.1)))?;
		g.check(&mut store, "begin", code)?;

		let block = g.alloc(&mut store, chunk_bytes)?;
		for chunk in zip.chunks(chunk_bytes) {
			g.memory.write(&mut store, block as usize, chunk)?;
			// `chunk.len() <= chunk_bytes`, which `alloc` checked fits a u32.
			let code = g.push.call(&mut store, (block, chunk.len() as u32))?;
			g.check(&mut store, "push", code)?;
		}
		let code = g.finish.call(&mut store, ())?;
		g.check(&mut store, "finish", code)?;
		let outcome = Outcome::decode(&g.output(&mut store)?).ok_or("malformed guest outcome")?;

		let elapsed = t.elapsed();
		let memory = g.memory.data_size(&store) as u64;
		Ok((outcome, elapsed, memory))
	}
}
