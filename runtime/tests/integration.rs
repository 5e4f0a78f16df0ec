//! The runtime's integration tests, one binary: each module is a suite of its own (see its
//! header). One binary links the runtime once instead of once per suite. Run one suite with a
//! filter, e.g. `. scripts/env.sh && tn_test --test integration origins::`.
//! `try_runtime.rs` stays a binary of its own: it needs the `try-runtime` feature.

mod common;

mod attacks;
mod fees;
mod fuzz;
mod governance;
mod life;
mod origins;
mod random_load;
mod weights;
