//! The rule parameters' guard (issue 25, M6): the one call that changes a rule parameter, which
//! refuses a value outside the parameter's floor and ceiling (docs/PARAMETERS.md), and the genesis
//! values a preset starts a chain with.
//!
//! - **`set_parameter`** (Root: a passed referendum, or sudo on dev/local chains) checks the value
//!   against [`Config::Bounds`] and stores it in pallet-parameters' storage, emitting
//!   pallet-parameters' own `Updated` event; an out-of-bounds value fails with [`Error::BelowFloor`]
//!   or [`Error::AboveCeiling`] and changes nothing. pallet-parameters' `set_parameter` is closed
//!   to every origin in the runtime (its admin origin only sees the key, never the value).
//! - **Genesis**: a preset may install values outside the call's bounds — the dev/local presets'
//!   demo values (`wide_upload_window`, `min_deposit_per_well: 0`, `fast_governance`,
//!   `single_judges`). They are
//!   dev-only: a genesis that `require_operator_keys` (the `production` preset) refuses to build
//!   with any of them, with a value outside the bounds, or without the operator's own keys
//!   ([`Config::LaunchCheck`]).
//! - **Democracy periods** are not parameters: the runtime fixes two sets in code (production and
//!   the dev/local chains' fast one) and [`FastGovernance`], written only at genesis, says which
//!   one the chain runs with. No call changes it, so no referendum can shorten the periods (or
//!   the fast-track voting period) of the referenda after it.

pub use pallet::*;

/// A check that a genesis names the operator's own validators and members.
pub trait LaunchCheck {
	/// `Err(reason)` if the genesis is not fit to launch.
	fn check() -> Result<(), &'static str>;
}

/// Why a rule parameter's value is refused.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Refusal {
	/// Below the parameter's floor.
	BelowFloor,
	/// Above the parameter's ceiling.
	AboveCeiling,
}

/// The floors and ceilings of the rule parameters.
pub trait ParameterBounds<P> {
	/// `Ok` if `p` (a key and a value, or a key and `None` to remove the value) may be set.
	/// Removing a value (back to the runtime's default) is always within the bounds.
	fn check(p: &P) -> Result<(), Refusal>;
}

/// A parameter's floor and ceiling, both included.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Bound<V> {
	/// The smallest value accepted.
	pub floor: V,
	/// The largest value accepted.
	pub ceiling: V,
}

impl<V: PartialOrd> Bound<V> {
	/// `Ok` if `floor ≤ v ≤ ceiling`.
	pub fn check(&self, v: &V) -> Result<(), Refusal> {
		if *v < self.floor {
			Err(Refusal::BelowFloor)
		} else if *v > self.ceiling {
			Err(Refusal::AboveCeiling)
		} else {
			Ok(())
		}
	}
}

#[frame_support::pallet]
// The pallet macro's generated `PalletInfoAccess` uses `expect` under this module's span (the
// runtime always knows its pallets); our own code here is free of `expect` and `unwrap`.
#[allow(clippy::expect_used)]
pub mod pallet {
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, traits::dynamic_params::AggregatedKeyValue};
	use frame_system::pallet_prelude::*;
	use pallet_parameters::WeightInfo as _;
	use sp_runtime::traits::Convert;

	/// The aggregated rule parameters (a key and a value).
	pub type ParametersOf<T> = <T as pallet_parameters::Config>::RuntimeParameters;

	/// 1: [`FastGovernance`] holds the choice of democracy periods (before: the democracy periods
	/// were rule parameters in pallet-parameters; the runtime's migration moves them).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config + pallet_parameters::Config {
		/// Who may set a rule parameter: Root (a passed referendum; sudo on dev/local chains).
		type SetOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// The floor and ceiling of every rule parameter, checked by `set_parameter` and by a
		/// genesis that `require_operator_keys`.
		type Bounds: super::ParameterBounds<ParametersOf<Self>>;
		/// The parameter values the `wide_upload_window` flag installs.
		type WideUploadWindow: Get<Vec<ParametersOf<Self>>>;
		/// The parameter values the `single_judges` flag installs (one verifier, one manager).
		type SingleJudges: Get<Vec<ParametersOf<Self>>>;
		/// Checks, at genesis, that a chain meant for launch names its own authorities and
		/// members (none of the well-known dev keys, at least four feeders).
		type LaunchCheck: super::LaunchCheck;
		/// The parameter setting the oracle's minimum number of feeders to a value.
		type MinimumFeeders: sp_runtime::traits::Convert<u32, ParametersOf<Self>>;
		/// The parameter setting the deposit floor per active well to a value.
		type MinDepositPerWell: sp_runtime::traits::Convert<u128, ParametersOf<Self>>;
	}

	/// The chain runs with the dev/local chains' fast democracy periods (`true`) or the
	/// production ones (`false`, the default). Written only at genesis (`fast_governance`) and by
	/// the migration that took the periods out of pallet-parameters; no call writes it.
	#[pallet::storage]
	pub type FastGovernance<T: Config> = StorageValue<_, bool, ValueQuery>;

	#[pallet::error]
	pub enum Error<T> {
		/// The value is below the parameter's floor (docs/PARAMETERS.md); nothing was changed.
		BelowFloor,
		/// The value is above the parameter's ceiling (docs/PARAMETERS.md); nothing was changed.
		AboveCeiling,
	}

	impl<T> From<super::Refusal> for Error<T> {
		fn from(r: super::Refusal) -> Self {
			match r {
				super::Refusal::BelowFloor => Error::BelowFloor,
				super::Refusal::AboveCeiling => Error::AboveCeiling,
			}
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Set a rule parameter to a value within its floor and ceiling (docs/PARAMETERS.md), or
		/// remove it (`None`: back to the runtime's default). The argument is the same
		/// `RuntimeParameters` value pallet-parameters' `set_parameter` took (and
		/// `TreasurenetApi.parameters_in_force` lists).
		///
		/// Origin: Root (a passed democracy referendum; sudo on dev/local chains).
		/// Emits `Parameters::Updated { key, old_value, new_value }`.
		/// Errors: `BelowFloor`, `AboveCeiling` (nothing changed); `BadOrigin`.
		#[pallet::call_index(0)]
		#[pallet::weight(<T as pallet_parameters::Config>::WeightInfo::set_parameter())]
		pub fn set_parameter(origin: OriginFor<T>, key_value: ParametersOf<T>) -> DispatchResult {
			T::SetOrigin::ensure_origin(origin)?;
			<T::Bounds as super::ParameterBounds<_>>::check(&key_value)
				.map_err(Error::<T>::from)?;
			let (key, new_value) = key_value.into_parts();
			let old_value = pallet_parameters::Parameters::<T>::get(&key);
			match &new_value {
				Some(v) => pallet_parameters::Parameters::<T>::insert(&key, v),
				None => pallet_parameters::Parameters::<T>::remove(&key),
			}
			let event: <T as pallet_parameters::Config>::RuntimeEvent =
				pallet_parameters::Event::<T>::Updated { key, old_value, new_value }.into();
			frame_system::Pallet::<T>::deposit_event(event.into());
			Ok(())
		}
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Run with the fast democracy periods (dev/local chains; a demo flag: the production
		/// check refuses it).
		pub fast_governance: bool,
		/// The oracle's minimum feeder count at genesis (default: the parameter's default, 0 =
		/// ⌈2n/3⌉ of the feeders).
		pub minimum_feeders: Option<u32>,
		/// Install [`Config::WideUploadWindow`] at genesis (dev/local chains: demos audit past
		/// months; a demo flag: the production check refuses it).
		#[serde(default)]
		pub wide_upload_window: bool,
		/// Install [`Config::SingleJudges`] at genesis (dev/local chains: one verifier passes KYB,
		/// one Foundation Manager a well; a demo flag: the production check refuses it).
		#[serde(default)]
		pub single_judges: bool,
		/// Refuse to build unless the operator supplied the validators and members
		/// ([`Config::LaunchCheck`]), no demo flag is set and every installed value is within
		/// its bounds (the `production` preset).
		#[serde(default)]
		pub require_operator_keys: bool,
		/// The deposit floor per active well at genesis (default: the parameter's default,
		/// 5,000 UNIT; dev/local presets start at 0 so demo producers mint without one — below
		/// the bounds, so the production check refuses it).
		#[serde(default)]
		pub min_deposit_per_well: Option<u128>,
		#[serde(skip)]
		pub _phantom: core::marker::PhantomData<T>,
	}

	impl<T: Config> GenesisConfig<T> {
		/// The parameter values this genesis installs.
		fn installs(&self) -> Vec<ParametersOf<T>> {
			let mut install = Vec::new();
			if self.wide_upload_window {
				install.extend(T::WideUploadWindow::get());
			}
			if self.single_judges {
				install.extend(T::SingleJudges::get());
			}
			if let Some(n) = self.minimum_feeders {
				install.push(T::MinimumFeeders::convert(n));
			}
			if let Some(n) = self.min_deposit_per_well {
				install.push(T::MinDepositPerWell::convert(n));
			}
			install
		}

		/// The `production` preset's refusals besides the keys: the demo flags and values
		/// outside the bounds.
		pub fn launch_refusal(&self) -> Option<&'static str> {
			if self.fast_governance {
				return Some("fastGovernance is a demo flag (dev/local chains only)");
			}
			if self.wide_upload_window {
				return Some("wideUploadWindow is a demo flag (dev/local chains only)");
			}
			if self.single_judges {
				return Some("singleJudges is a demo flag (dev/local chains only)");
			}
			if self.min_deposit_per_well == Some(0) {
				return Some("minDepositPerWell 0 is a demo value (dev/local chains only)");
			}
			for p in self.installs() {
				if <T::Bounds as super::ParameterBounds<_>>::check(&p).is_err() {
					return Some(
						"a genesis parameter value is outside its bounds (docs/PARAMETERS.md)",
					);
				}
			}
			None
		}
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		// A genesis that fails its launch check must not build at all: panicking here is how a
		// genesis build refuses (it runs when the chain spec is made, never in a block).
		#[allow(clippy::panic)]
		fn build(&self) {
			if self.require_operator_keys {
				if let Some(why) = self.launch_refusal() {
					panic!("this genesis cannot launch: {why}");
				}
			}
			if self.fast_governance {
				FastGovernance::<T>::put(true);
			}
			for p in self.installs() {
				let (key, value) = p.into_parts();
				pallet_parameters::Parameters::<T>::set(key, value);
			}
			// After the values: the check may read them (e.g. the quorum against the feeders).
			if self.require_operator_keys {
				if let Err(why) = <T::LaunchCheck as super::LaunchCheck>::check() {
					panic!("this genesis cannot launch: {why}");
				}
			}
		}
	}
}
