//! Issue 6's runtime integration test: the whole life of a producer with all real pallets —
//! KYB → KYC → deposit → well passed → 30 days uploaded → prices and official production fed
//! through the oracle → mint — and the balances exactly as the audit table says.

use crate::common::*;

use frame_support::{assert_noop, assert_ok, traits::fungibles::Inspect};
use tn_primitives::{Band, Month};
use treasurenet_runtime::{
	configs::{FoundationAccount, TAT_ASSET_ID},
	AuditMint, Balances, Runtime, Wells, UNIT,
};

#[test]
fn a_producer_s_whole_life_ends_in_exact_balances() {
	dev_ext(JAN_1_2026_MS).execute_with(|| {
		let (eve, ferdie) = (eve(), ferdie());
		let well = onboard();
		let jan = Month::new(2026, 1).unwrap();

		// February 5th: upload Jan 1..30, 1 m³ (1,000 L) a day.
		run_days(35);
		let records: Vec<_> = (0..30).map(|d| (well, jan.first_day().plus(d), 1_000u64)).collect();
		assert_ok!(Wells::upload_batch(signed(&eve), records.try_into().unwrap()));
		// No prices (and no official figure) yet: not mintable.
		assert_noop!(
			AuditMint::mint(signed(&eve), well, jan),
			pallet_wells::Error::<Runtime>::DayWithoutPrice
		);
		// The portal's months table says the same, in one call.
		let info = AuditMint::month_info(well, jan);
		assert_eq!(info.state, pallet_audit_mint::MonthState::Open);
		assert_eq!(info.blocker, Some(pallet_wells::Error::<Runtime>::DayWithoutPrice.into()));
		assert_eq!((info.days, info.volume), (30, 30_000));

		// Official: 27,000 L → d = 3,000 / 27,000 = 11.1 % (between 10 % and 30 %).
		feed_january(well, 27_000);
		run_blocks(1);
		let foundation_before = Balances::free_balance(FoundationAccount::get());
		assert_ok!(AuditMint::mint(signed(&eve), well, jan));

		let r = pallet_audit_mint::AuditRecords::<Runtime>::get(well, jan).unwrap();
		// V = 30 × (1 m³ × 6.28981 bbl × $70 × 90 %) = $11,887.7409.
		assert_eq!(r.value, 11_887_740_900_000_000_000_000);
		assert_eq!((r.producer_volume, r.official_volume), (30_000, 27_000));
		assert_eq!(r.outcome.band, Band::Moderate);
		assert_eq!(r.outcome.deviation_ppb, Some(111_111_111));
		// V' = V × 27,000 / 30,000 = $10,698.96681.
		assert_eq!(r.outcome.minted, 10_698_966_810_000_000_000_000);
		// Slash = V' × d × 1 % = V × 3,000 / 30,000 × 1 % = $11.887741 (rounded down).
		assert_eq!(r.outcome.slash, 11_887_740_900_000_000_000);
		// 1 UNIT per USD, 12 decimals.
		assert_eq!(
			(r.slash_due, r.slashed, r.new_debt),
			(11_887_740_900_000, 11_887_740_900_000, 0)
		);
		assert_eq!(r.pricing.day_prices, 30);

		// TAT: Ferdie 20 %, Eve the rest; total issuance = V'.
		assert_eq!(
			pallet_assets::Pallet::<Runtime>::balance(TAT_ASSET_ID, &ferdie),
			2_139_793_362_000_000_000_000
		);
		assert_eq!(
			pallet_assets::Pallet::<Runtime>::balance(TAT_ASSET_ID, &eve),
			8_559_173_448_000_000_000_000
		);
		assert_eq!(
			pallet_assets::Pallet::<Runtime>::total_issuance(TAT_ASSET_ID),
			10_698_966_810_000_000_000_000
		);
		// Deposit: 100 UNIT − 11.8877409 UNIT; the slash went to the Foundation.
		assert_eq!(deposit_held(&eve), 100 * UNIT - 11_887_740_900_000);
		assert_eq!(
			Balances::free_balance(FoundationAccount::get()),
			foundation_before + 11_887_740_900_000
		);
		let p = pallet_producers::ProducerRecords::<Runtime>::get(&eve).unwrap();
		assert_eq!((p.deposit, p.debt), (100 * UNIT - 11_887_740_900_000, 0));

		// Once only.
		assert_noop!(
			AuditMint::mint(signed(&eve), well, jan),
			pallet_audit_mint::Error::<Runtime>::AlreadyAudited
		);
		assert_eq!(AuditMint::month_info(well, jan).state, pallet_audit_mint::MonthState::Audited);

		// Eve's inbox tells her story; Ferdie (a beneficiary without deposit) has none.
		use tn_primitives::NoticeKind;
		let kinds: Vec<_> = pallet_notices::Pallet::<Runtime>::notices_of(eve.clone())
			.into_iter()
			.map(|(id, n)| (id, n.kind))
			.collect();
		assert_eq!(
			kinds,
			vec![
				(0, NoticeKind::KybJudged { approved: true }),
				(1, NoticeKind::KycJudged { approved: true }),
				(2, NoticeKind::WellActivated { well, expires: jan.first_day().plus(365) }),
				(
					3,
					NoticeKind::Audited {
						well,
						month: jan,
						tat: 10_698_966_810_000_000_000_000,
						slash_due: 11_887_740_900_000,
						slashed: 11_887_740_900_000,
						new_debt: 0,
					}
				),
			]
		);
		assert!(pallet_notices::Pallet::<Runtime>::notices_of(ferdie.clone()).is_empty());
		assert_ok!(treasurenet_runtime::Notices::dismiss(signed(&eve), 2));
		assert_eq!(pallet_notices::Pallet::<Runtime>::notices_of(eve.clone()).len(), 3);
		check_invariants();
	});
}

#[test]
fn nothing_but_the_audit_pallet_mints_tat() {
	dev_ext(JAN_1_2026_MS).execute_with(|| {
		let tat = codec::Compact(TAT_ASSET_ID);
		for who in [alice(), bob(), charlie(), eve()] {
			assert!(pallet_assets::Pallet::<Runtime>::mint(
				signed(&who),
				tat,
				who.clone().into(),
				1
			)
			.is_err());
		}
		// Not even Root (there is no force origin for assets).
		assert!(pallet_assets::Pallet::<Runtime>::force_asset_status(
			treasurenet_runtime::RuntimeOrigin::root(),
			tat,
			alice().into(),
			alice().into(),
			alice().into(),
			alice().into(),
			1,
			true,
			false
		)
		.is_err());
		assert_eq!(pallet_assets::Pallet::<Runtime>::total_issuance(TAT_ASSET_ID), 0);
		let details = pallet_assets::Asset::<Runtime>::get(TAT_ASSET_ID).unwrap();
		assert_eq!(details.issuer, AuditMint::account_id());
	});
}
