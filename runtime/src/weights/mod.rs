//! Weights of third-party pallets measured in this runtime (`scripts/bench-weights`), where our
//! configuration changes their cost (pallet-oracle: our keys/values and OnNewData hook).
pub mod pallet_oracle;
