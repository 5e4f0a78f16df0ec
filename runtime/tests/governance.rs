//! Issue 6's governance test with the real pallets: a democracy proposal to change SlashRatio is
//! proposed, voted, enacted by the scheduler, and the next mint uses the new ratio. The dev
//! preset's periods make the whole referendum take 15 blocks (90 s).

use crate::common::*;

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
	AccountId, AuditMint, Democracy, Preimage, Runtime, RuntimeCall, RuntimeOrigin,
	RuntimeParameters, Wells, UNIT,
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

/// The number of rule parameters the runtime declares: the variants of each pallet's key enum
/// inside `RuntimeParametersKey`, read from its type information.
fn declared_parameters() -> usize {
	use scale_info::{PortableRegistry, Registry, TypeDef};
	let mut registry = Registry::new();
	let id = registry.register_type(&scale_info::meta_type::<
		treasurenet_runtime::configs::RuntimeParametersKey,
	>());
	let registry: PortableRegistry = registry.into();
	let variants = |id: u32| match &registry.resolve(id).expect("registered").type_def {
		TypeDef::Variant(v) => v.variants.clone(),
		_ => panic!("an enum"),
	};
	variants(id.id)
		.iter()
		.map(|pallet| variants(pallet.fields[0].ty.id).len())
		.sum()
}

#[test]
fn parameters_in_force_lists_every_parameter_with_its_value_and_whether_it_was_set() {
	dev_ext(JAN_1_2026_MS).execute_with(|| {
		let all = treasurenet_runtime::configs::parameters_in_force();
		assert_eq!(all.len(), 22);
		assert_eq!(all.len(), declared_parameters());
		let find = |all: &[(RuntimeParameters, bool)], want: RuntimeParameters| {
			all.iter()
				.find(|(p, _)| p.clone().into_parts().0 == want.clone().into_parts().0)
				.cloned()
		};
		use frame_support::traits::dynamic_params::AggregatedKeyValue;
		let slash =
			|p| RuntimeParameters::Audit(audit::Parameters::SlashRatio(audit::SlashRatio, Some(p)));
		// Not set: the runtime's default (1 %), flagged as such.
		assert_eq!(
			find(&all, slash(Perbill::zero())),
			Some((slash(Perbill::from_percent(1)), false))
		);
		// Set by the dev preset: the democracy launch period of 5 blocks.
		let launch = |b| {
			RuntimeParameters::Democracy(dynamic_params::democracy::Parameters::LaunchPeriod(
				dynamic_params::democracy::LaunchPeriod,
				Some(b),
			))
		};
		assert_eq!(find(&all, launch(0)), Some((launch(5), true)));
		// A referendum's change (Root) shows at once, set.
		assert_ok!(treasurenet_runtime::Parameters::set_parameter(
			RuntimeOrigin::root(),
			slash(Perbill::from_percent(3))
		));
		let all = treasurenet_runtime::configs::parameters_in_force();
		assert_eq!(
			find(&all, slash(Perbill::zero())),
			Some((slash(Perbill::from_percent(3)), true))
		);
		// Every item is a value `set_parameter` accepts as it is (the portal's and Apps' format).
		for (p, _) in all {
			assert_ok!(treasurenet_runtime::Parameters::set_parameter(RuntimeOrigin::root(), p));
		}
	});
}

#[test]
fn tat_holders_are_paged_each_holder_once() {
	use frame_support::traits::fungibles::Mutate;
	dev_ext(JAN_1_2026_MS).execute_with(|| {
		let tat = treasurenet_runtime::configs::TAT_ASSET_ID;
		let holders: Vec<(AccountId, u128)> = (1u8..=7)
			.map(|i| (AccountId::from([i; 32]), tn_primitives::ONE_TAT * u128::from(i)))
			.collect();
		for (who, amount) in &holders {
			assert_ok!(<treasurenet_runtime::Assets as Mutate<_>>::mint_into(tat, who, *amount));
		}
		let walk = |limit: u32| {
			let (mut got, mut after, mut pages) = (Vec::new(), None, 0);
			loop {
				let page = treasurenet_runtime::configs::tat_holders(after, limit);
				pages += 1;
				let Some((last, _)) = page.last().cloned() else { break };
				after = Some(last);
				got.extend(page);
			}
			got.sort();
			(got, pages)
		};
		// 7 holders: pages of 3 → 3, 3, 1 and the empty end; one page of 100.
		assert_eq!(walk(3), (holders.clone(), 4));
		assert_eq!(walk(100), (holders.clone(), 2));
		// A limit of 0 reads one holder; a limit above 100 reads 100.
		assert_eq!(treasurenet_runtime::configs::tat_holders(None, 0).len(), 1);
		assert_eq!(treasurenet_runtime::configs::tat_holders(None, u32::MAX).len(), 7);
	});
}
