# shellcheck shell=bash
# Sourced by every project script: selects the wasm-capable toolchain and the shared cache dirs.
# Idempotent; written for bash. `scripts/setup` must have run once on the machine.
TN_CACHE="${TN_CACHE:-$HOME/.cache/treasurenet}"
export TN_CACHE
# Cargo's target dir lives outside the clone so CI and fresh clones build incrementally.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$TN_CACHE/target}"
# scripts/setup writes TN_TOOLCHAIN=rustup|debian here.
if [ -f "$TN_CACHE/toolchain.env" ]; then
  # shellcheck source=/dev/null # written on this machine by scripts/setup
  . "$TN_CACHE/toolchain.env"
fi
case ":$PATH:" in *":$TN_CACHE/toolchain/bin:"*) ;; *) export PATH="$TN_CACHE/toolchain/bin:$PATH" ;; esac
if [ "${TN_TOOLCHAIN:-}" = "debian" ]; then
  # substrate-wasm-builder strips RUSTC from its inner cargo, so the shims above come first on PATH;
  # RUSTC also stops the rustup proxy from obeying rust-toolchain files inside dependencies.
  export RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc
fi
if [ -e "$TN_CACHE/toolchain/bin/ld.lld" ]; then
  export CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER="${CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER:-clang}"
  export CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_RUSTFLAGS="${CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_RUSTFLAGS:--C link-arg=-fuse-ld=lld}"
fi
# The wasm builder looks for Cargo.lock from the target dir, which is outside the clone.
WASM_BUILD_WORKSPACE_HINT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export WASM_BUILD_WORKSPACE_HINT
export CARGO_INCREMENTAL=0
# litep2p (the node's network) asks for a vendored OpenSSL, a C build of about 3 min on a cold
# machine; Debian's libssl-dev (scripts/setup) serves the same API. Set OPENSSL_NO_VENDOR=0 to
# build the vendored copy (e.g. for a binary that must not depend on the system's libssl).
export OPENSSL_NO_VENDOR="${OPENSSL_NO_VENDOR:-1}"
export CARGO_NET_RETRY=5
# Every build of the workspace uses this one selection (all packages, all targets, the release
# profile), so cargo resolves features once: the node, the simulator and every test share each
# compiled dependency (a different selection — `-p node` here, `cargo test --exclude …` there —
# resolves other features and rebuilds the whole dependency tree). The ingest benchmark
# (wasmtime) has its own command, scripts/bench-ingest.
TN_SELECTION=(--release --locked --workspace --exclude tn-ingest-bench)
# TN_TIMINGS=1 adds cargo's --timings report ($CARGO_TARGET_DIR/cargo-timings/): where a build's time goes.
tn_build() { cargo build "${TN_SELECTION[@]}" --all-targets ${TN_TIMINGS:+--timings} "$@"; }
tn_test() { cargo test "${TN_SELECTION[@]}" "$@"; }
# The runtime crates: clippy's selection (scripts/lint) and the crates scripts/rustc-lint lints.
TN_RUNTIME_CRATES=(-p tn-calendar -p tn-primitives -p tn-ingest -p pallet-producers -p pallet-wells -p pallet-audit-mint
  -p pallet-oracle-feeds -p pallet-notices -p treasurenet-runtime)
# The lints denied in their library code (no panics in runtime code) — the one place they are set.
export TN_DENY_LINTS="-D clippy::arithmetic_side_effects -D clippy::indexing_slicing -D clippy::unwrap_used -D clippy::expect_used -D clippy::panic"
TN_LINTED_CRATES=$(printf '%s\n' "${TN_RUNTIME_CRATES[@]}" | grep -v '^-p$' | tr '-' '_' | tr '\n' ' ')
export TN_LINTED_CRATES
# Clippy runs inside every build: cargo compiles the workspace's crates through scripts/rustc-lint,
# which hands the runtime crates' library code to clippy-driver with TN_DENY_LINTS.
RUSTC_WORKSPACE_WRAPPER="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/rustc-lint"
export RUSTC_WORKSPACE_WRAPPER
# runtime/build.rs also builds the zombienet upgrade test's runtime (spec_version + 1) when this is
# 1: one more compile of the runtime crate for wasm, sharing every wasm dependency with the first.
export TN_BUILD_UPGRADE_WASM="${TN_BUILD_UPGRADE_WASM:-1}"
# tn_upgrade_wasm OUT: that runtime (compressed wasm) copied to OUT.
tn_upgrade_wasm() {
  local blob="$CARGO_TARGET_DIR/release/wbuild/treasurenet-runtime/treasurenet_runtime_upgrade.compact.compressed.wasm"
  [ -f "$blob" ] || { echo "no $blob: build with TN_BUILD_UPGRADE_WASM=1 (scripts/env.sh's default)" >&2; return 1; }
  cp "$blob" "$1"
}
