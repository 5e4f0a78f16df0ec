//! Issue 6's governance test with the real pallets: a democracy proposal to change SlashRatio is
//! proposed, voted, enacted by the scheduler, and the next mint uses the new ratio. The dev
//! preset's periods make the whole referendum take 15 blocks (90 s).

mod common;
use common::*;

use codec::Encode;
use frame_support::{
	assert_ok,
	traits::{Get, StorePreimage},
};
use pallet_democracy::{AccountVote, Conviction, Vote};
use sp_arithmetic::Perbill;
use tn_primitives::Month;
use treasurenet_runtime::{
	configs::dynamic_params::{self, audit},
	AuditMint, Democracy, Preimage, Runtime, RuntimeCall, RuntimeParameters, Wells, UNIT,
};

fn set_slash_ratio(p: Perbill) -> RuntimeCall {
	RuntimeCall::Parameters(pallet_parameters::Call::set_parameter {
		key_value: RuntimeParameters::Audit(audit::Parameters::SlashRatio(
			audit::SlashRatio,
			Some(p),
		)),
	})
}

#[test]
fn a_referendum_changes_the_slash_ratio_and_the_next_mint_uses_it() {
	dev_ext(JAN_1_2026_MS).execute_with(|| {
		assert_eq!(dynamic_params::audit::SlashRatio::get(), Perbill::from_percent(1));
		// Only Root changes parameters: a plain account cannot.
		assert!(treasurenet_runtime::Parameters::set_parameter(
			signed(&alice()),
			RuntimeParameters::Audit(audit::Parameters::SlashRatio(
				audit::SlashRatio,
				Some(Perbill::from_percent(2))
			))
		)
		.is_err());

		let start = frame_system::Pallet::<Runtime>::block_number();
		let call = set_slash_ratio(Perbill::from_percent(2));
		let bounded = <Preimage as StorePreimage>::bound(call.clone()).expect("bounded");
		let _ = call.encode();
		assert_ok!(Democracy::propose(signed(&alice()), bounded, UNIT));
		// Launch period: 5 blocks.
		let mut launched = false;
		for _ in 0..5 {
			run_blocks(1);
			if pallet_democracy::ReferendumInfoOf::<Runtime>::contains_key(0) {
				launched = true;
				break;
			}
		}
		assert!(launched, "the referendum launched within the launch period");
		let vote = AccountVote::Standard {
			vote: Vote { aye: true, conviction: Conviction::Locked1x },
			balance: 1_000 * UNIT,
		};
		assert_ok!(Democracy::vote(signed(&alice()), 0, vote));
		assert_ok!(Democracy::vote(signed(&bob()), 0, vote));
		// Voting (8 blocks) then enactment (2 blocks).
		let mut enacted_at = None;
		for _ in 0..12 {
			run_blocks(1);
			if dynamic_params::audit::SlashRatio::get() == Perbill::from_percent(2) {
				enacted_at = Some(frame_system::Pallet::<Runtime>::block_number());
				break;
			}
		}
		let enacted_at = enacted_at.expect("enacted");
		// Proposal to enactment within 15 blocks = 90 s on the dev chain.
		assert!(enacted_at - start <= 15, "took {} blocks", enacted_at - start);

		// The next mint uses 2 %: same month as the life test, slash doubles.
		let well = onboard();
		let jan = Month::new(2026, 1).unwrap();
		run_days(35);
		let records: Vec<_> = (0..30).map(|d| (well, jan.first_day().plus(d), 1_000u64)).collect();
		assert_ok!(Wells::upload_batch(signed(&eve()), records.try_into().unwrap()));
		feed_january(well, 27_000);
		run_blocks(1);
		assert_ok!(AuditMint::mint(signed(&eve()), well, jan));
		let r = pallet_audit_mint::AuditRecords::<Runtime>::get(well, jan).unwrap();
		// V × 3,000 / 30,000 × 2 % = $23.775481800.
		assert_eq!(r.outcome.slash, 23_775_481_800_000_000_000);
		assert_eq!(r.slash_due, 23_775_481_800_000);
		check_invariants();
	});
}
