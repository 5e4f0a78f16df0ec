//! Bootstrap only: pallet-oracle's own (kitchensink) weights, until `scripts/bench-weights`
//! overwrites this file with `feed_values` measured in this runtime.
use core::marker::PhantomData;
use frame_support::weights::Weight;

/// Weights for `pallet_oracle` in the Treasurenet runtime.
pub struct WeightInfo<T>(PhantomData<T>);
impl<T: frame_system::Config> pallet_oracle::WeightInfo for WeightInfo<T> {
	fn feed_values(x: u32) -> Weight {
		<pallet_oracle::weights::SubstrateWeight<T> as pallet_oracle::WeightInfo>::feed_values(x)
	}
	fn on_finalize() -> Weight {
		<pallet_oracle::weights::SubstrateWeight<T> as pallet_oracle::WeightInfo>::on_finalize()
	}
}
