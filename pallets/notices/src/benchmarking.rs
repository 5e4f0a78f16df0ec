//! Benchmarks of the notices pallet (frame-benchmarking v2), each over a full inbox.
// Benchmarks set up state with test-style code (unwrap, indexing); they never run on chain.
#![allow(
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing,
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::panic
)]

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::Get;
use frame_system::RawOrigin;
use tn_primitives::ShortText;

/// Fill `who`'s inbox with the largest notices (a 128-byte reason each).
fn fill<T: Config>(who: &T::AccountId) {
	let reason: ShortText = alloc::vec![b'x'; 128].try_into().unwrap();
	for well in 0..T::MaxNotices::get() {
		Pallet::<T>::send(who, NoticeKind::WellRejected { well, reason: reason.clone() });
	}
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// Dismiss the newest notice of a full inbox (the longest search).
	#[benchmark]
	fn dismiss() {
		let who: T::AccountId = whitelisted_caller();
		fill::<T>(&who);
		let last = T::MaxNotices::get() - 1;
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), last);
		assert_eq!(Pallet::<T>::notices_of(who).len() as u32, T::MaxNotices::get() - 1);
	}

	/// Dismiss a full inbox.
	#[benchmark]
	fn dismiss_all() {
		let who: T::AccountId = whitelisted_caller();
		fill::<T>(&who);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));
		// The emptied inbox keeps its next id (ids are never reused), not its notices.
		assert!(Pallet::<T>::notices_of(who).is_empty());
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
