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
export CARGO_NET_RETRY=5
# Every build of the workspace uses this one selection (all packages, all targets, the release
# profile), so cargo resolves features once: the node, the simulator and every test share each
# compiled dependency (a different selection — `-p node` here, `cargo test --exclude …` there —
# resolves other features and rebuilds the whole dependency tree). The ingest benchmark
# (wasmtime) has its own command, scripts/bench-ingest.
TN_SELECTION=(--release --locked --workspace --exclude tn-ingest-bench)
tn_build() { cargo build "${TN_SELECTION[@]}" --all-targets "$@"; }
tn_test() { cargo test "${TN_SELECTION[@]}" "$@"; }
# The runtime crates (clippy's selection in scripts/lint; check-mode builds share its dependencies).
TN_RUNTIME_CRATES=(-p tn-primitives -p tn-ingest -p pallet-producers -p pallet-wells -p pallet-audit-mint
  -p pallet-oracle-feeds -p pallet-notices -p treasurenet-runtime)
# tn_upgrade_wasm OUT: the runtime with spec_version + 1 (feature `upgrade-test`) as a compressed
# wasm at OUT, for the zombienet upgrade test. The runtime's build script builds it (in check mode:
# the native crates are only checked, sharing clippy's dependency artifacts). FORCE_WASM_BUILD makes
# the build script run even when cargo has nothing new to check, and WASM_TARGET_DIRECTORY has the
# wasm builder copy this build's blob out; it also writes the shared wbuild dir, so the normal
# build's wasm files are put back afterwards with their times, and cargo sees nothing changed for
# the node.
tn_upgrade_wasm() {
  local wb="$CARGO_TARGET_DIR/release/wbuild/treasurenet-runtime" keep out rc=0
  keep=$(mktemp -d)
  out=$(mktemp -d)
  cp -p "$wb"/treasurenet_runtime*.wasm "$keep"/
  FORCE_WASM_BUILD="$(date +%s%N)" WASM_TARGET_DIRECTORY="$out" \
    cargo check --release --locked "${TN_RUNTIME_CRATES[@]}" --features treasurenet-runtime/upgrade-test || rc=$?
  [ $rc -ne 0 ] || cp "$out/treasurenet_runtime.wasm" "$1" || rc=$?
  cp -p "$keep"/* "$wb"/
  rm -rf "$keep" "$out"
  return $rc
}
