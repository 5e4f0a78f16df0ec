//! A genesis-only helper pallet: lets a genesis preset start the chain with other values of the
//! governance parameters than their (production) defaults — the dev and local presets shorten the
//! democracy periods so a referendum completes in under two minutes, and a multi-feeder network
//! sets the oracle's minimum feeder count. It has no calls and no storage of its own; afterwards
//! only Root (a referendum) changes parameters.

pub use pallet::*;

/// A check that a genesis names the operator's own validators and members.
pub trait LaunchCheck {
	/// `Err(reason)` if the genesis is not fit to launch.
	fn check() -> Result<(), &'static str>;
}

#[frame_support::pallet]
// The pallet macro's generated `PalletInfoAccess` uses `expect` under this module's span (the
// runtime always knows its pallets); our own code here is free of `expect` and `unwrap`.
#[allow(clippy::expect_used)]
pub mod pallet {
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, traits::dynamic_params::AggregatedKeyValue};
	use sp_runtime::traits::Convert;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config + pallet_parameters::Config {
		/// The parameter values the `fast_governance` flag installs.
		type FastGovernance: Get<Vec<<Self as pallet_parameters::Config>::RuntimeParameters>>;
		/// The parameter values the `wide_upload_window` flag installs.
		type WideUploadWindow: Get<Vec<<Self as pallet_parameters::Config>::RuntimeParameters>>;
		/// Checks, at genesis, that a chain meant for launch names its own authorities and
		/// members (none of the well-known dev keys).
		type LaunchCheck: super::LaunchCheck;
		/// The parameter setting the oracle's minimum number of feeders to a value.
		type MinimumFeeders: sp_runtime::traits::Convert<
			u32,
			<Self as pallet_parameters::Config>::RuntimeParameters,
		>;
		/// The parameter setting the deposit floor per active well to a value.
		type MinDepositPerWell: sp_runtime::traits::Convert<
			u128,
			<Self as pallet_parameters::Config>::RuntimeParameters,
		>;
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Install [`Config::FastGovernance`] at genesis (dev/local chains).
		pub fast_governance: bool,
		/// The oracle's minimum feeder count at genesis (default: the parameter's default, 1).
		pub minimum_feeders: Option<u32>,
		/// Install [`Config::WideUploadWindow`] at genesis (dev/local chains: demos audit past
		/// months).
		#[serde(default)]
		pub wide_upload_window: bool,
		/// Refuse to build unless the operator supplied the validators and members
		/// ([`Config::LaunchCheck`]; the `production` preset).
		#[serde(default)]
		pub require_operator_keys: bool,
		/// The deposit floor per active well at genesis (default: the parameter's default,
		/// 5,000 UNIT; dev/local presets start at 0 so demo producers mint without one).
		#[serde(default)]
		pub min_deposit_per_well: Option<u128>,
		#[serde(skip)]
		pub _phantom: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		// A genesis that fails its launch check must not build at all: panicking here is how a
		// genesis build refuses (it runs when the chain spec is made, never in a block).
		#[allow(clippy::panic)]
		fn build(&self) {
			if self.require_operator_keys {
				if let Err(why) = <T::LaunchCheck as super::LaunchCheck>::check() {
					panic!("this genesis cannot launch: {why}");
				}
			}
			let mut install = Vec::new();
			if self.fast_governance {
				install.extend(T::FastGovernance::get());
			}
			if self.wide_upload_window {
				install.extend(T::WideUploadWindow::get());
			}
			for p in install {
				let (key, value) = p.into_parts();
				pallet_parameters::Parameters::<T>::set(key, value);
			}
			if let Some(n) = self.minimum_feeders {
				let (key, value) = T::MinimumFeeders::convert(n).into_parts();
				pallet_parameters::Parameters::<T>::set(key, value);
			}
			if let Some(n) = self.min_deposit_per_well {
				let (key, value) = T::MinDepositPerWell::convert(n).into_parts();
				pallet_parameters::Parameters::<T>::set(key, value);
			}
		}
	}
}
