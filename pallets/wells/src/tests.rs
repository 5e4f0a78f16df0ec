//! Unit tests of the wells pallet: every rule and every bad input.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use sp_arithmetic::Perbill;
use sp_runtime::{traits::BadOrigin, DispatchError};
use tn_primitives::{
	traits::{ActiveWellCount, WellLedger},
	valuation::PriceUsed,
	Commodity, Day, Month, OfficialSource, OilQuality, WellId, ONE_TAT,
};

const ID: [u8; 32] = [7; 32];
const ID2: [u8; 32] = [8; 32];
const DOCS: [u8; 32] = [9; 32];
const SWEET_LIGHT: OilQuality = OilQuality { api_gravity_x100: 3_500, acidity_bp: 30 };
const SOUR_HEAVY: OilQuality = OilQuality { api_gravity_x100: 2_500, acidity_bp: 80 };

/// The operator code of the test wells (Petrinex `OperatorBAID` shape).
fn op() -> tn_primitives::OperatorCode {
	b"A1B2".to_vec().try_into().unwrap()
}

/// The reporting facility of the test wells.
fn fac() -> tn_primitives::FacilityCode {
	b"ABBT0012345".to_vec().try_into().unwrap()
}

fn oil_and_gas() -> Commodities {
	vec![Commodity::Oil, Commodity::Gas].try_into().unwrap()
}
fn o(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}
fn text(s: &str) -> ShortText {
	s.as_bytes().to_vec().try_into().unwrap()
}
fn jan() -> Month {
	Month::new(2026, 1).unwrap()
}
fn d(y: u16, m: u8, day: u8) -> Day {
	Day::from_ymd(y, m, day).unwrap()
}

/// `who` submits a well of asset class 0 (documents, operator and facility of the test wells).
fn submit(
	who: AccountId,
	commodity: Commodity,
	identifier: [u8; 32],
	quality: Option<OilQuality>,
) -> sp_runtime::DispatchResult {
	Wells::submit_well(o(who), 0, commodity, identifier, DOCS, quality, op(), fac())
}

/// An oil well of PRODUCER, passed by the Foundation Manager on 2026-01-01 (id 0).
fn active_oil_well() -> WellId {
	assert_ok!(submit(PRODUCER, Commodity::Oil, ID, Some(SWEET_LIGHT)));
	assert_ok!(Wells::review_well(o(MANAGER), 0, true, text("")));
	0
}

#[test]
fn genesis_asset_class_is_live_and_foundation_maintained() {
	test(|| {
		let c = AssetClasses::<Test>::get(0).unwrap();
		assert_eq!(c.status, AssetClassStatus::Live);
		assert_eq!(c.maintainer, Maintainer::Foundation);
		assert!(c.official);
		assert_eq!(&c.name[..], b"Canadian Petroleum Minerals");
		assert!(<LiveAssetClasses<Test> as frame_support::traits::Contains<u32>>::contains(&0));
		assert!(!<LiveAssetClasses<Test> as frame_support::traits::Contains<u32>>::contains(&1));
	});
}

#[test]
fn submit_and_pass_a_well() {
	test(|| {
		assert_ok!(submit(PRODUCER, Commodity::Oil, ID, Some(SWEET_LIGHT)));
		System::assert_last_event(
			Event::WellSubmitted {
				well: 0,
				owner: PRODUCER,
				asset_class: 0,
				commodity: Commodity::Oil,
				identifier: ID,
			}
			.into(),
		);
		let w = WellRegistry::<Test>::get(0).unwrap();
		assert_eq!(w.status, WellStatus::InReview);
		assert_eq!(Wells::active_wells(&PRODUCER), 0);
		// Only the maintainer reviews.
		assert_noop!(
			Wells::review_well(o(STRANGER), 0, true, text("")),
			Error::<Test>::NotMaintainer
		);
		assert_noop!(
			Wells::review_well(o(PRODUCER), 0, true, text("")),
			Error::<Test>::NotMaintainer
		);
		assert_ok!(Wells::review_well(o(MANAGER), 0, true, text("")));
		let today = d(2026, 1, 1);
		System::assert_last_event(
			Event::WellActivated {
				well: 0,
				reviewer: MANAGER,
				discount: Perbill::from_percent(90),
				expires: today.plus(365),
			}
			.into(),
		);
		let w = WellRegistry::<Test>::get(0).unwrap();
		assert_eq!(w.status, WellStatus::Active);
		assert_eq!((w.activated, w.expires), (Some(today), Some(today.plus(365))));
		assert_eq!(Wells::active_wells(&PRODUCER), 1);
		assert_noop!(Wells::review_well(o(MANAGER), 0, true, text("")), Error::<Test>::NotInReview);
	});
}

#[test]
fn discount_is_derived_from_quality() {
	test(|| {
		assert_ok!(submit(PRODUCER, Commodity::Oil, ID, Some(SOUR_HEAVY)));
		assert_ok!(Wells::review_well(o(MANAGER), 0, true, text("")));
		assert_eq!(WellRegistry::<Test>::get(0).unwrap().discount, Perbill::from_percent(75));
		assert_ok!(submit(PRODUCER, Commodity::Gas, ID2, None));
		assert_ok!(Wells::review_well(o(MANAGER), 1, true, text("")));
		assert_eq!(WellRegistry::<Test>::get(1).unwrap().discount, Perbill::one());
	});
}

#[test]
fn bad_well_submissions() {
	test(|| {
		assert_noop!(
			Wells::submit_well(
				o(STRANGER),
				0,
				Commodity::Oil,
				ID,
				DOCS,
				Some(SWEET_LIGHT),
				op(),
				fac()
			),
			DispatchError::Other("NotProducer")
		);
		assert_noop!(
			Wells::submit_well(
				o(PRODUCER),
				5,
				Commodity::Oil,
				ID,
				DOCS,
				Some(SWEET_LIGHT),
				op(),
				fac()
			),
			Error::<Test>::UnknownAssetClass
		);
		assert_noop!(
			Wells::submit_well(o(PRODUCER), 0, Commodity::Oil, ID, DOCS, None, op(), fac()),
			Error::<Test>::QualityMismatch
		);
		assert_noop!(
			Wells::submit_well(
				o(PRODUCER),
				0,
				Commodity::Gas,
				ID,
				DOCS,
				Some(SWEET_LIGHT),
				op(),
				fac()
			),
			Error::<Test>::QualityMismatch
		);
		assert_noop!(
			Wells::submit_well(
				o(PRODUCER),
				0,
				Commodity::Oil,
				ID,
				DOCS,
				Some(OilQuality { api_gravity_x100: 10_001, acidity_bp: 0 }),
				op(),
				fac()
			),
			Error::<Test>::QualityOutOfRange
		);
		assert_noop!(
			Wells::submit_well(
				o(PRODUCER),
				0,
				Commodity::Oil,
				ID,
				DOCS,
				Some(OilQuality { api_gravity_x100: 0, acidity_bp: 10_001 }),
				op(),
				fac()
			),
			Error::<Test>::QualityOutOfRange
		);
		assert_ok!(submit(PRODUCER, Commodity::Oil, ID, Some(SWEET_LIGHT)));
		assert_noop!(
			Wells::submit_well(
				o(OTHER_PRODUCER),
				0,
				Commodity::Oil,
				ID,
				DOCS,
				Some(SWEET_LIGHT),
				op(),
				fac()
			),
			Error::<Test>::IdentifierTaken
		);
		Suspended::set(vec![PRODUCER]);
		assert_noop!(
			Wells::submit_well(
				o(PRODUCER),
				0,
				Commodity::Oil,
				ID2,
				DOCS,
				Some(SWEET_LIGHT),
				op(),
				fac()
			),
			DispatchError::Other("ProducerSuspended")
		);
		Suspended::set(vec![]);
	});
}

#[test]
fn rejected_well_is_edited_and_resubmitted() {
	test(|| {
		assert_ok!(submit(PRODUCER, Commodity::Oil, ID, Some(SWEET_LIGHT)));
		assert_ok!(Wells::review_well(o(MANAGER), 0, false, text("licence unreadable")));
		System::assert_last_event(
			Event::WellRejected { well: 0, reviewer: MANAGER, reason: text("licence unreadable") }
				.into(),
		);
		assert_eq!(
			WellRegistry::<Test>::get(0).unwrap().status,
			WellStatus::Rejected { reason: text("licence unreadable") }
		);
		assert_noop!(
			Wells::edit_well(o(OTHER_PRODUCER), 0, [1; 32], Some(SWEET_LIGHT), op(), fac()),
			Error::<Test>::NotOwner
		);
		assert_ok!(Wells::edit_well(o(PRODUCER), 0, [1; 32], Some(SOUR_HEAVY), op(), fac()));
		let w = WellRegistry::<Test>::get(0).unwrap();
		assert_eq!((w.status, w.docs), (WellStatus::InReview, [1; 32]));
		assert_ok!(Wells::review_well(o(MANAGER), 0, true, text("")));
		assert_eq!(WellRegistry::<Test>::get(0).unwrap().discount, Perbill::from_percent(75));
	});
}

#[test]
fn editing_an_active_well_sends_it_back_to_review() {
	test(|| {
		let w = active_oil_well();
		assert_ok!(Wells::edit_well(o(PRODUCER), w, DOCS, Some(SOUR_HEAVY), op(), fac()));
		assert_eq!(WellRegistry::<Test>::get(w).unwrap().status, WellStatus::InReview);
		assert_eq!(Wells::active_wells(&PRODUCER), 0);
		advance_days(1);
		assert_noop!(
			Wells::upload_production(o(PRODUCER), w, d(2026, 1, 1), 1_000),
			Error::<Test>::WellNotActive
		);
		assert_ok!(Wells::review_well(o(MANAGER), w, true, text("")));
		let well = WellRegistry::<Test>::get(w).unwrap();
		// Validity is not restarted by a re-review; the discount is recomputed.
		assert_eq!(
			(well.activated, well.expires),
			(Some(d(2026, 1, 1)), Some(d(2026, 1, 1).plus(365)))
		);
		assert_eq!(well.discount, Perbill::from_percent(75));
	});
}

#[test]
fn beneficiaries_rules() {
	test(|| {
		let w = active_oil_well();
		let p = Perbill::from_percent;
		let list =
			|v: Vec<(AccountId, Perbill)>| -> BeneficiariesOf<Test> { v.try_into().unwrap() };
		assert_noop!(
			Wells::set_beneficiaries(o(OTHER_PRODUCER), w, list(vec![])),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			Wells::set_beneficiaries(o(PRODUCER), w, list(vec![(30, p(60)), (31, p(41))])),
			Error::<Test>::SharesExceedHundredPercent
		);
		assert_noop!(
			Wells::set_beneficiaries(o(PRODUCER), w, list(vec![(30, p(10)), (30, p(10))])),
			Error::<Test>::DuplicateBeneficiary
		);
		assert_noop!(
			Wells::set_beneficiaries(o(PRODUCER), w, list(vec![(PRODUCER, p(10))])),
			Error::<Test>::DuplicateBeneficiary
		);
		assert_noop!(
			Wells::set_beneficiaries(o(PRODUCER), w, list(vec![(30, p(0))])),
			Error::<Test>::ZeroShare
		);
		// Exactly 100 % to beneficiaries is allowed: the owner keeps 0 %.
		assert_ok!(Wells::set_beneficiaries(o(PRODUCER), w, list(vec![(30, p(60)), (31, p(40))])));
		System::assert_last_event(
			Event::BeneficiariesSet {
				well: w,
				beneficiaries: list(vec![(30, p(60)), (31, p(40))]),
				owner_share: p(0),
			}
			.into(),
		);
		// One share at a time; 0 removes.
		assert_noop!(
			Wells::set_beneficiary_share(o(PRODUCER), w, 32, p(1)),
			Error::<Test>::SharesExceedHundredPercent
		);
		assert_ok!(Wells::set_beneficiary_share(o(PRODUCER), w, 31, p(0)));
		assert_noop!(
			Wells::set_beneficiary_share(o(PRODUCER), w, 31, p(0)),
			Error::<Test>::NotBeneficiary
		);
		assert_ok!(Wells::set_beneficiary_share(o(PRODUCER), w, 30, p(20)));
		System::assert_last_event(
			Event::BeneficiariesSet {
				well: w,
				beneficiaries: list(vec![(30, p(20))]),
				owner_share: p(80),
			}
			.into(),
		);
		// At most 9 beneficiaries.
		let nine: Vec<_> = (40..49).map(|a| (a, p(1))).collect();
		assert_ok!(Wells::set_beneficiaries(o(PRODUCER), w, list(nine)));
		assert_noop!(
			Wells::set_beneficiary_share(o(PRODUCER), w, 60, p(1)),
			Error::<Test>::TooManyBeneficiaries
		);
	});
}

#[test]
fn daily_upload_rules() {
	test(|| {
		let w = active_oil_well();
		// Today is 2026-01-01: no upload for today or later.
		assert_noop!(
			Wells::upload_production(o(PRODUCER), w, d(2026, 1, 1), 1_000),
			Error::<Test>::FutureDay
		);
		advance_days(3); // 2026-01-04
		assert_noop!(
			Wells::upload_production(o(PRODUCER), w, d(2026, 1, 4), 1_000),
			Error::<Test>::FutureDay
		);
		// Production before registration may be uploaded (up to 365 days back): the audit checks it.
		assert_ok!(Wells::upload_production(o(PRODUCER), w, d(2025, 12, 31), 1_000));
		assert_ok!(Wells::upload_production(o(PRODUCER), w, d(2025, 1, 4), 1));
		assert_noop!(
			Wells::upload_production(o(PRODUCER), w, d(2025, 1, 3), 1),
			Error::<Test>::DayTooOld
		);
		assert_noop!(
			Wells::upload_production(o(OTHER_PRODUCER), w, d(2026, 1, 2), 1_000),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			Wells::upload_production(o(PRODUCER), 9, d(2026, 1, 2), 1_000),
			Error::<Test>::UnknownWell
		);
		assert_noop!(
			Wells::upload_production(
				o(PRODUCER),
				w,
				d(2026, 1, 2),
				tn_primitives::MAX_DAILY_VOLUME + 1
			),
			Error::<Test>::VolumeTooLarge
		);
		assert_ok!(Wells::upload_production(o(PRODUCER), w, d(2026, 1, 3), 1_500));
		System::assert_last_event(
			Event::ProductionUploaded { well: w, day: d(2026, 1, 3), volume: 1_500 }.into(),
		);
		assert_noop!(
			Wells::upload_production(o(PRODUCER), w, d(2026, 1, 3), 1_000),
			Error::<Test>::DuplicateDay
		);
		assert_ok!(Wells::upload_production(o(PRODUCER), w, d(2026, 1, 1), 0));
		let l = Ledgers::<Test>::get(w, jan()).unwrap();
		assert_eq!((l.days, l.volume, l.status), (2, 1_500, MonthStatus::Open));
		assert_eq!(Wells::records_in(w, jan()), vec![(d(2026, 1, 1), 0), (d(2026, 1, 3), 1_500)]);
		Suspended::set(vec![PRODUCER]);
		assert_noop!(
			Wells::upload_production(o(PRODUCER), w, d(2026, 1, 2), 1),
			DispatchError::Other("ProducerSuspended")
		);
		Suspended::set(vec![]);
		assert_ok!(Wells::suspend_well(RuntimeOrigin::root(), w, text("inspection")));
		assert_noop!(
			Wells::upload_production(o(PRODUCER), w, d(2026, 1, 2), 1),
			Error::<Test>::WellSuspended
		);
	});
}

#[test]
fn batch_is_all_or_nothing() {
	test(|| {
		let w = active_oil_well();
		advance_days(40); // 2026-02-10
		let batch = |v: Vec<(WellId, Day, u64)>| -> BatchOf<Test> { v.try_into().unwrap() };
		assert_noop!(Wells::upload_batch(o(PRODUCER), batch(vec![])), Error::<Test>::EmptyBatch);
		// The third record duplicates the first: nothing is kept.
		assert_noop!(
			Wells::upload_batch(
				o(PRODUCER),
				batch(vec![(w, d(2026, 1, 5), 10), (w, d(2026, 1, 6), 20), (w, d(2026, 1, 5), 30)])
			),
			Error::<Test>::DuplicateDay
		);
		assert!(Ledgers::<Test>::get(w, jan()).is_none());
		let all: Vec<_> = (1..=31).map(|day| (w, d(2026, 1, day), 1_000 * day as u64)).collect();
		assert_ok!(Wells::upload_batch(o(PRODUCER), batch(all)));
		System::assert_last_event(Event::BatchUploaded { who: PRODUCER, records: 31 }.into());
		let l = Ledgers::<Test>::get(w, jan()).unwrap();
		assert_eq!((l.days, l.volume), (31, 1_000 * 31 * 32 / 2));
		assert_ok!(Wells::upload_batch(o(PRODUCER), batch(vec![(w, d(2026, 2, 1), 5)])));
		assert_eq!(Ledgers::<Test>::get(w, Month::new(2026, 2).unwrap()).unwrap().days, 1);
	});
}

#[test]
fn no_upload_into_an_audited_month() {
	test(|| {
		let w = active_oil_well();
		advance_days(40);
		assert_ok!(Wells::upload_production(o(PRODUCER), w, d(2026, 1, 5), 10));
		Wells::close_month(w, jan(), true);
		System::assert_last_event(
			Event::MonthClosed { well: w, month: jan(), status: MonthStatus::Minted }.into(),
		);
		assert_noop!(
			Wells::upload_production(o(PRODUCER), w, d(2026, 1, 6), 10),
			Error::<Test>::MonthAudited
		);
		assert_noop!(
			Wells::month_for_audit(Some(&PRODUCER), w, jan()),
			Error::<Test>::MonthAudited
		);
	});
}

#[test]
fn month_value_uses_the_day_price_times_discount() {
	test(|| {
		let w = active_oil_well(); // 90 % discount
		advance_days(40);
		assert_ok!(Wells::upload_production(o(PRODUCER), w, d(2026, 1, 5), 1_000));
		assert_ok!(Wells::upload_production(o(PRODUCER), w, d(2026, 1, 6), 2_000));
		set_price(Commodity::Oil, d(2026, 1, 5), 70_000_000);
		set_price(Commodity::Oil, d(2026, 1, 6), 80_000_000);
		let m = Wells::month_for_audit(Some(&PRODUCER), w, jan()).unwrap();
		// The seed's per-day sum: 1 m³ × 6.28981 × $70 × 0.9 = $396.25803 and 2 m³ × 6.28981 × $80
		// × 0.9 = $905.73264, $1,301.99067 in all. It is capped at the same 3 m³ spread evenly
		// over the month (H3): 1–4 January have no price at all (left out), 7–31 January take
		// the fallback (70 + 80) / 2 = $75, so the even spread is 3 × 6.28981 × 0.9 × (70 + 80 +
		// 25 × 75) / 27 = $1,273.686525 — putting 2 m³ on the best day does not pay.
		let (v, _) = Wells::value_month(
			w,
			&Wells::get_well(w).unwrap(),
			&Wells::records_in(w, jan()),
			jan(),
		)
		.unwrap();
		assert_eq!(v.by_days, 396_258_030_000_000_000_000 + 905_732_640_000_000_000_000);
		assert_eq!(m.value, 1_273_686_525_000_000_000_000);
		assert_eq!((m.volume, m.days, m.owner, m.commodity), (3_000, 2, PRODUCER, Commodity::Oil));
		assert_eq!(
			m.prices,
			vec![
				(d(2026, 1, 5), PriceUsed::Day(70_000_000)),
				(d(2026, 1, 6), PriceUsed::Day(80_000_000))
			]
		);
	});
}

#[test]
fn a_day_without_price_uses_the_average_of_the_last_ten() {
	test(|| {
		assert_ok!(submit(PRODUCER, Commodity::Gas, ID2, None));
		assert_ok!(Wells::review_well(o(MANAGER), 0, true, text("")));
		advance_days(40);
		// Twelve earlier prices (Dec 20 .. Dec 31): only the ten most recent count.
		for (i, day) in (20..=31).enumerate() {
			set_price(Commodity::Gas, d(2025, 12, day), 1_000_000 * (i as i64 + 1));
		}
		// Jan 1 has no price: average of $3..$12 = $7.5.
		assert_ok!(Wells::upload_production(o(PRODUCER), 0, d(2026, 1, 1), 1_000));
		let m = Wells::month_for_audit(Some(&PRODUCER), 0, jan()).unwrap();
		assert_eq!(
			m.prices,
			vec![(d(2026, 1, 1), PriceUsed::Fallback { average: 7_500_000, samples: 10 })]
		);
		// 1 e³m³ = 36.585 MMBtu × $7.5 = $274.3875.
		assert_eq!(m.value, 274_387_500_000_000_000_000);
	});
}

#[test]
fn a_month_with_a_day_without_any_price_is_not_mintable_until_prices_arrive() {
	test(|| {
		let w = active_oil_well();
		advance_days(40);
		assert_ok!(Wells::upload_production(o(PRODUCER), w, d(2026, 1, 1), 1_000));
		assert_ok!(Wells::upload_production(o(PRODUCER), w, d(2026, 1, 2), 1_000));
		set_price(Commodity::Oil, d(2026, 1, 2), 70_000_000);
		// 1 January: no price that day and none in the 21 days before the month.
		assert_noop!(
			Wells::month_for_audit(Some(&PRODUCER), w, jan()),
			Error::<Test>::DayWithoutPrice
		);
		assert_noop!(Wells::month_for_audit(None, w, jan()), Error::<Test>::DayWithoutPrice);
		// A price from 11 December (the 21st day before January) arrives: the fallback applies.
		set_price(Commodity::Oil, d(2025, 12, 11), 60_000_000);
		let m = Wells::month_for_audit(Some(&PRODUCER), w, jan()).unwrap();
		assert_eq!(
			m.prices,
			vec![
				(d(2026, 1, 1), PriceUsed::Fallback { average: 60_000_000, samples: 1 }),
				(d(2026, 1, 2), PriceUsed::Day(70_000_000)),
			]
		);
	});
}

#[test]
fn a_price_older_than_the_lookback_does_not_count() {
	test(|| {
		let w = active_oil_well();
		advance_days(40);
		assert_ok!(Wells::upload_production(o(PRODUCER), w, d(2026, 1, 1), 1_000));
		// 10 December is the 22nd day before January: outside the 21-day lookback.
		set_price(Commodity::Oil, d(2025, 12, 10), 60_000_000);
		assert_noop!(
			Wells::month_for_audit(Some(&PRODUCER), w, jan()),
			Error::<Test>::DayWithoutPrice
		);
	});
}

#[test]
fn a_price_beyond_any_market_overflows_to_a_named_error() {
	test(|| {
		let w = active_oil_well();
		advance_days(40);
		// The largest daily volume at an absurd oracle price (i64::MAX micro-USD/bbl):
		// 10⁷ m³ × 6.28981 × 1.8·10¹³ USD does not fit the u128 of atto-USD.
		assert_ok!(Wells::upload_production(
			o(PRODUCER),
			w,
			d(2026, 1, 5),
			tn_primitives::MAX_DAILY_VOLUME
		));
		set_price(Commodity::Oil, d(2026, 1, 5), i64::MAX);
		assert_noop!(
			Wells::month_for_audit(Some(&PRODUCER), w, jan()),
			Error::<Test>::ValueOverflow
		);
		// At the largest price the feeds accept it fits.
		set_price(Commodity::Oil, d(2026, 1, 5), tn_primitives::MAX_PRICE_MICRO_USD);
		assert_ok!(Wells::month_for_audit(Some(&PRODUCER), w, jan()));
	});
}

#[test]
fn month_for_audit_refusals() {
	test(|| {
		let w = active_oil_well();
		advance_days(10); // 2026-01-11: January not over
		assert_ok!(Wells::upload_production(o(PRODUCER), w, d(2026, 1, 5), 10));
		set_price(Commodity::Oil, d(2026, 1, 5), 70_000_000);
		assert_noop!(
			Wells::month_for_audit(Some(&PRODUCER), w, jan()),
			Error::<Test>::MonthNotOver
		);
		advance_days(30); // 2026-02-10
		assert_noop!(
			Wells::month_for_audit(Some(&OTHER_PRODUCER), w, jan()),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			Wells::month_for_audit(Some(&PRODUCER), w, Month::new(2025, 12).unwrap()),
			Error::<Test>::NothingUploaded
		);
		assert_ok!(Wells::month_for_audit(Some(&PRODUCER), w, jan()));
		// Preview without a caller.
		assert_ok!(Wells::month_for_audit(None, w, jan()));
		assert_ok!(Wells::suspend_well(RuntimeOrigin::root(), w, text("x")));
		assert_noop!(
			Wells::month_for_audit(Some(&PRODUCER), w, jan()),
			Error::<Test>::WellSuspended
		);
	});
}

#[test]
fn annual_review_cycle() {
	test(|| {
		let w = active_oil_well(); // activated 2026-01-01, expires 2027-01-01
		let activated = d(2026, 1, 1);
		advance_days(359);
		assert_eq!(WellRegistry::<Test>::get(w).unwrap().annual_review, AnnualReview::NotDue);
		assert_noop!(
			Wells::submit_annual_review(o(PRODUCER), w, DOCS, Some(SWEET_LIGHT)),
			Error::<Test>::AnnualReviewNotOpen
		);
		advance_days(1); // day 360: the notice
		System::assert_has_event(
			Event::AnnualReviewDue { well: w, owner: PRODUCER, expires: activated.plus(365) }
				.into(),
		);
		assert_eq!(WellRegistry::<Test>::get(w).unwrap().annual_review, AnnualReview::Open);
		assert_noop!(
			Wells::judge_annual_review(o(MANAGER), w, true, text("")),
			Error::<Test>::NoAnnualReviewSubmission
		);
		assert_noop!(
			Wells::submit_annual_review(o(OTHER_PRODUCER), w, DOCS, Some(SOUR_HEAVY)),
			Error::<Test>::NotOwner
		);
		assert_ok!(Wells::submit_annual_review(o(PRODUCER), w, [3; 32], Some(SOUR_HEAVY)));
		assert_noop!(
			Wells::judge_annual_review(o(STRANGER), w, true, text("")),
			Error::<Test>::NotMaintainer
		);
		assert_ok!(Wells::judge_annual_review(o(MANAGER), w, false, text("old lab report")));
		System::assert_last_event(
			Event::AnnualReviewRejected {
				well: w,
				reviewer: MANAGER,
				reason: text("old lab report"),
			}
			.into(),
		);
		// The producer resubmits; the well expires meanwhile.
		advance_days(10); // day 370 > 365: expired
		advance_days(0);
		// An expired well still uploads, but cannot mint.
		assert_ok!(Wells::upload_production(o(PRODUCER), w, d(2027, 1, 2), 10));
		assert_ok!(Wells::upload_production(o(PRODUCER), w, d(2026, 12, 2), 10));
		set_price(Commodity::Oil, d(2026, 12, 2), 70_000_000);
		assert_noop!(
			Wells::month_for_audit(Some(&PRODUCER), w, Month::new(2026, 12).unwrap()),
			Error::<Test>::WellExpired
		);
		assert_ok!(Wells::submit_annual_review(o(PRODUCER), w, [4; 32], Some(SOUR_HEAVY)));
		assert_ok!(Wells::judge_annual_review(o(MANAGER), w, true, text("")));
		let today = activated.plus(370);
		// max(expires, today) + 365 = today + 365 since it had expired.
		System::assert_last_event(
			Event::AnnualReviewPassed {
				well: w,
				reviewer: MANAGER,
				discount: Perbill::from_percent(75),
				expires: today.plus(365),
			}
			.into(),
		);
		let well = WellRegistry::<Test>::get(w).unwrap();
		assert_eq!(
			(well.expires, well.docs, well.annual_review),
			(Some(today.plus(365)), [4; 32], AnnualReview::NotDue)
		);
		assert_ok!(Wells::month_for_audit(Some(&PRODUCER), w, Month::new(2026, 12).unwrap()));
		// The next notice comes 360 days after the new base.
		advance_days(359);
		assert_eq!(WellRegistry::<Test>::get(w).unwrap().annual_review, AnnualReview::NotDue);
		advance_days(1);
		assert_eq!(WellRegistry::<Test>::get(w).unwrap().annual_review, AnnualReview::Open);
	});
}

#[test]
fn an_early_annual_review_extends_from_the_expiry() {
	test(|| {
		let w = active_oil_well();
		advance_days(360);
		assert_ok!(Wells::submit_annual_review(o(PRODUCER), w, DOCS, Some(SWEET_LIGHT)));
		assert_ok!(Wells::judge_annual_review(o(MANAGER), w, true, text("")));
		// Passed on day 360: max(day 365, day 360) + 365 = day 730.
		assert_eq!(WellRegistry::<Test>::get(w).unwrap().expires, Some(d(2026, 1, 1).plus(730)));
	});
}

#[test]
fn notices_are_bounded_per_block() {
	test(|| {
		for (i, id) in [[1u8; 32], [2; 32], [3; 32]].iter().enumerate() {
			assert_ok!(submit(PRODUCER, Commodity::Gas, *id, None));
			assert_ok!(Wells::review_well(o(MANAGER), i as u32, true, text("")));
		}
		advance_days(360);
		let open = || {
			WellRegistry::<Test>::iter()
				.filter(|(_, w)| w.annual_review == AnnualReview::Open)
				.count()
		};
		assert_eq!(open(), 2); // MaxNoticesPerBlock = 2
		advance_days(0);
		assert_eq!(open(), 3);
	});
}

#[test]
fn suspend_and_reinstate() {
	test(|| {
		let w = active_oil_well();
		assert_noop!(Wells::suspend_well(o(MANAGER), w, text("x")), BadOrigin);
		assert_ok!(Wells::suspend_well(RuntimeOrigin::root(), w, text("spill")));
		System::assert_last_event(Event::WellSuspended { well: w, reason: text("spill") }.into());
		assert_eq!(Wells::active_wells(&PRODUCER), 0);
		assert_noop!(
			Wells::suspend_well(RuntimeOrigin::root(), w, text("x")),
			Error::<Test>::WellSuspended
		);
		assert_noop!(
			Wells::edit_well(o(PRODUCER), w, DOCS, Some(SWEET_LIGHT), op(), fac()),
			Error::<Test>::CannotEdit
		);
		assert_ok!(Wells::reinstate_well(RuntimeOrigin::root(), w));
		assert_eq!(WellRegistry::<Test>::get(w).unwrap().status, WellStatus::InReview);
		assert_noop!(Wells::reinstate_well(RuntimeOrigin::root(), w), Error::<Test>::NotSuspended);
		assert_ok!(Wells::review_well(o(MANAGER), w, true, text("")));
		assert_eq!(Wells::active_wells(&PRODUCER), 1);
	});
}

#[test]
fn asset_class_registry() {
	test(|| {
		let name = text("Nickel");
		let desc: LongText = b"Nickel mines".to_vec().try_into().unwrap();
		assert_noop!(
			Wells::add_asset_class(
				o(MANAGER),
				name.clone(),
				desc.clone(),
				Maintainer::Foundation,
				text("x"),
				AssetClassStatus::Live,
				oil_and_gas(),
				OfficialSource::Petrinex
			),
			BadOrigin
		);
		for bad in [vec![], vec![Commodity::Gas, Commodity::Gas]] {
			assert_noop!(
				Wells::add_asset_class(
					RuntimeOrigin::root(),
					name.clone(),
					desc.clone(),
					Maintainer::Foundation,
					text("x"),
					AssetClassStatus::Live,
					bad.try_into().unwrap(),
					OfficialSource::Petrinex
				),
				Error::<Test>::InvalidCommodities
			);
		}
		assert_ok!(Wells::add_asset_class(
			RuntimeOrigin::root(),
			name.clone(),
			desc.clone(),
			Maintainer::Account(STRANGER),
			text("LME"),
			AssetClassStatus::Proposed,
			vec![Commodity::Gas].try_into().unwrap(),
			OfficialSource::None
		));
		System::assert_last_event(
			Event::AssetClassAdded { class: 1, official: true, status: AssetClassStatus::Proposed }
				.into(),
		);
		// Not live: no wells yet.
		assert_noop!(
			Wells::submit_well(o(PRODUCER), 1, Commodity::Gas, ID, DOCS, None, op(), fac()),
			Error::<Test>::AssetClassNotLive
		);
		assert_ok!(Wells::set_asset_class_status(RuntimeOrigin::root(), 1, AssetClassStatus::Live));
		// Admitted for class 0: no wells in class 1.
		assert_noop!(
			Wells::submit_well(o(PRODUCER), 1, Commodity::Gas, ID, DOCS, None, op(), fac()),
			Error::<Test>::NotAdmittedForClass
		);
		AdmittedClasses::set([(PRODUCER, 1)].into_iter().collect());
		// The class covers gas only.
		assert_noop!(
			Wells::submit_well(
				o(PRODUCER),
				1,
				Commodity::Oil,
				ID,
				DOCS,
				Some(SWEET_LIGHT),
				op(),
				fac()
			),
			Error::<Test>::CommodityNotInClass
		);
		assert_ok!(Wells::submit_well(o(PRODUCER), 1, Commodity::Gas, ID, DOCS, None, op(), fac()));
		AdmittedClasses::set(Default::default());
		// Its maintainer is STRANGER, not the Foundation.
		assert_noop!(
			Wells::review_well(o(MANAGER), 0, true, text("")),
			Error::<Test>::NotMaintainer
		);
		assert_ok!(Wells::review_well(o(STRANGER), 0, true, text("")));
		// Active, but its class has no official feed: the Petrinex worker does not feed it.
		use tn_primitives::traits::WellDirectory;
		assert!(!<Wells as WellDirectory>::is_active(0));
		assert!(<Wells as WellDirectory>::fed_wells(Month::new(2025, 1).unwrap()).is_empty());
		// Anyone proposes an unofficial class against a deposit, returned when decided.
		assert_ok!(Wells::propose_asset_class(
			o(OTHER_PRODUCER),
			text("Copper"),
			desc,
			text("own"),
			oil_and_gas(),
			OfficialSource::None
		));
		System::assert_last_event(
			Event::AssetClassProposed {
				class: 2,
				proposer: OTHER_PRODUCER,
				deposit: PROPOSAL_DEPOSIT,
			}
			.into(),
		);
		assert_eq!(
			Balances::balance_on_hold(&HoldReason::AssetClassProposal.into(), &OTHER_PRODUCER),
			PROPOSAL_DEPOSIT
		);
		assert_noop!(
			Wells::set_asset_class_status(RuntimeOrigin::root(), 2, AssetClassStatus::Proposed),
			Error::<Test>::InvalidStatusChange
		);
		assert_ok!(Wells::set_asset_class_status(
			RuntimeOrigin::root(),
			2,
			AssetClassStatus::Retired
		));
		assert_eq!(
			Balances::balance_on_hold(&HoldReason::AssetClassProposal.into(), &OTHER_PRODUCER),
			0
		);
		assert_noop!(
			Wells::set_asset_class_status(RuntimeOrigin::root(), 2, AssetClassStatus::Live),
			Error::<Test>::InvalidStatusChange
		);
		assert_noop!(
			Wells::set_asset_class_status(RuntimeOrigin::root(), 9, AssetClassStatus::Live),
			Error::<Test>::UnknownAssetClass
		);
		// A proposer without funds cannot propose.
		let d2: LongText = b"x".to_vec().try_into().unwrap();
		assert!(Wells::propose_asset_class(
			o(99),
			text("Gold"),
			d2,
			text("x"),
			oil_and_gas(),
			OfficialSource::None
		)
		.is_err());
	});
}

#[test]
fn value_of_a_full_month_at_the_upper_bound_does_not_overflow() {
	test(|| {
		let w = active_oil_well();
		advance_days(40);
		for day in 1..=31u8 {
			set_price(Commodity::Oil, d(2026, 1, day), tn_primitives::MAX_PRICE_MICRO_USD);
			assert_ok!(Wells::upload_production(
				o(PRODUCER),
				w,
				d(2026, 1, day),
				tn_primitives::MAX_DAILY_VOLUME
			));
		}
		let m = Wells::month_for_audit(Some(&PRODUCER), w, jan()).unwrap();
		let one_day = tn_primitives::valuation::oil_value(
			tn_primitives::MAX_DAILY_VOLUME,
			tn_primitives::MAX_PRICE_MICRO_USD,
			Perbill::from_percent(90),
		)
		.unwrap();
		assert_eq!(m.value, (one_day * 31) as u128);
		assert!(m.value > 1_000_000 * ONE_TAT);
	});
}

fn code<B: TryFrom<Vec<u8>>>(s: &[u8]) -> B
where
	B::Error: core::fmt::Debug,
{
	s.to_vec().try_into().unwrap()
}

#[test]
fn regulator_codes_are_stored_and_checked() {
	test(|| {
		for bad in [&b""[..], b"a1b2", b"A1 B2", b"A-1", b"***"] {
			assert_noop!(
				Wells::submit_well(
					o(PRODUCER),
					0,
					Commodity::Gas,
					ID,
					DOCS,
					None,
					code(bad),
					fac()
				),
				Error::<Test>::InvalidOperatorCode
			);
			assert_noop!(
				Wells::submit_well(o(PRODUCER), 0, Commodity::Gas, ID, DOCS, None, op(), code(bad)),
				Error::<Test>::InvalidFacilityCode
			);
		}
		assert_ok!(Wells::submit_well(
			o(PRODUCER),
			0,
			Commodity::Gas,
			ID,
			DOCS,
			None,
			code(b"0045"),
			code(b"ABBT0147937")
		));
		let well = WellRegistry::<Test>::get(0).unwrap();
		assert_eq!(
			(well.operator.as_slice(), well.facility.as_slice()),
			(&b"0045"[..], &b"ABBT0147937"[..])
		);
		// Edits check them too, and a good edit stores them (and sends the well to review).
		assert_ok!(Wells::review_well(o(MANAGER), 0, true, text("")));
		assert_noop!(
			Wells::edit_well(o(PRODUCER), 0, DOCS, None, code(b"0045"), code(b"")),
			Error::<Test>::InvalidFacilityCode
		);
		assert_ok!(Wells::edit_well(
			o(PRODUCER),
			0,
			DOCS,
			None,
			code(b"A5WB"),
			code(b"ABGS0156646")
		));
		let well = WellRegistry::<Test>::get(0).unwrap();
		assert_eq!(
			(well.operator.as_slice(), well.facility.as_slice()),
			(&b"A5WB"[..], &b"ABGS0156646"[..])
		);
		assert_eq!(well.status, WellStatus::InReview);
	});
}

#[test]
fn the_directory_lists_active_wells_only_with_their_codes() {
	use tn_primitives::traits::WellDirectory;
	test(|| {
		let w = active_oil_well();
		assert_ok!(Wells::submit_well(
			o(PRODUCER),
			0,
			Commodity::Gas,
			ID2,
			DOCS,
			None,
			code(b"0045"),
			code(b"ABBT0000002")
		));
		let dir = <Wells as WellDirectory>::fed_wells(Month::new(2025, 1).unwrap());
		assert_eq!(dir.len(), 1);
		assert_eq!((dir[0].id, dir[0].identifier, dir[0].commodity), (w, ID, Commodity::Oil));
		assert_eq!((dir[0].operator.clone(), dir[0].facility.clone()), (op(), fac()));
		assert_eq!(dir[0].activated, Some(d(2026, 1, 1)));
		// In review, suspended: no official figures.
		assert_ok!(Wells::suspend_well(RuntimeOrigin::root(), w, text("audit")));
		assert!(<Wells as WellDirectory>::fed_wells(Month::new(2025, 1).unwrap()).is_empty());
	});
}

#[test]
fn next_well_id_never_wraps() {
	test(|| {
		NextWellId::<Test>::put(WellId::MAX);
		assert_noop!(
			Wells::submit_well(o(PRODUCER), 0, Commodity::Gas, ID, DOCS, None, op(), fac()),
			Error::<Test>::NoWellIdLeft
		);
	});
}

#[test]
fn migration_v1_gives_old_wells_empty_codes_once() {
	use crate::migration::v1::{MigrateToV1, WellV0};
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	test(|| {
		let w = active_oil_well();
		let now = WellRegistry::<Test>::get(w).unwrap();
		// Rewrite the well in its version-0 layout and the pallet at version 0.
		let old = WellV0::<AccountId, <Test as Config>::MaxBeneficiaries> {
			owner: now.owner,
			asset_class: now.asset_class,
			commodity: now.commodity,
			identifier: now.identifier,
			docs: now.docs,
			quality: now.quality,
			discount: now.discount,
			status: now.status.clone(),
			activated: now.activated,
			expires: now.expires,
			annual_review: now.annual_review.clone(),
			beneficiaries: now.beneficiaries.clone(),
		};
		frame_support::storage::unhashed::put_raw(
			&WellRegistry::<Test>::hashed_key_for(w),
			&codec::Encode::encode(&old),
		);
		StorageVersion::new(0).put::<Wells>();
		MigrateToV1::<Test>::on_runtime_upgrade();
		let migrated = WellRegistry::<Test>::get(w).unwrap();
		assert!(migrated.operator.is_empty() && migrated.facility.is_empty());
		assert_eq!(
			(migrated.identifier, migrated.status.clone(), migrated.discount),
			(ID, WellStatus::Active, now.discount)
		);
		assert_eq!(Wells::on_chain_storage_version(), StorageVersion::new(1));
		// A second run changes nothing (the version gate).
		WellRegistry::<Test>::mutate(w, |x| x.as_mut().unwrap().operator = op());
		MigrateToV1::<Test>::on_runtime_upgrade();
		assert_eq!(WellRegistry::<Test>::get(w).unwrap().operator, op());
	});
}

#[test]
fn a_foundation_manager_cannot_review_their_own_well() {
	test(|| {
		// The manager is also an admitted producer and submits a well.
		Producers::set(vec![PRODUCER, MANAGER]);
		assert_ok!(Wells::submit_well(o(MANAGER), 0, Commodity::Gas, ID, DOCS, None, op(), fac()));
		assert_noop!(
			Wells::review_well(o(MANAGER), 0, true, text("")),
			Error::<Test>::CannotReviewOwnWell
		);
		// Another manager reviews it.
		Managers::set(vec![MANAGER, 11]);
		assert_ok!(Wells::review_well(o(11), 0, true, text("")));
		assert_eq!(WellRegistry::<Test>::get(0).unwrap().status, WellStatus::Active);
	});
}

#[test]
fn uploads_follow_the_upload_window() {
	test(|| {
		Window::set(tn_primitives::window::UploadWindow::PRODUCTION);
		let w = active_oil_well(); // activated 2026-01-01
		advance_days(5); // 6 January
				   // Within 3 days: 3, 4, 5 January; 2 January is 4 days ago.
		assert_ok!(Wells::upload_production(o(PRODUCER), w, d(2026, 1, 3), 1_000));
		assert_noop!(
			Wells::upload_production(o(PRODUCER), w, d(2026, 1, 2), 1_000),
			Error::<Test>::UploadGraceOver
		);
		// Before the activation.
		assert_noop!(
			Wells::upload_production(o(PRODUCER), w, d(2025, 12, 31), 1_000),
			Error::<Test>::DayBeforeActivation
		);
		// 31 January, uploaded on 5 February (with a generous grace): the month closed at
		// 00:00 UTC.
		Window::set(tn_primitives::window::UploadWindow {
			grace_days: 30,
			..tn_primitives::window::UploadWindow::PRODUCTION
		});
		advance_days(30); // 5 February
		assert_noop!(
			Wells::upload_production(o(PRODUCER), w, d(2026, 1, 31), 1_000),
			Error::<Test>::MonthClosedForUploads
		);
		// The same in a batch: nothing of it is kept.
		let batch = vec![(w, d(2026, 2, 4), 1_000), (w, d(2026, 1, 31), 1_000)].try_into().unwrap();
		assert_noop!(Wells::upload_batch(o(PRODUCER), batch), Error::<Test>::MonthClosedForUploads);
		assert_ok!(Wells::upload_production(o(PRODUCER), w, d(2026, 2, 4), 1_000));
	});
}

#[test]
fn open_months_are_counted_per_producer_until_audited() {
	test(|| {
		let w = active_oil_well();
		advance_days(40);
		assert_eq!(Wells::open_months(&PRODUCER), 0);
		assert_ok!(Wells::upload_production(o(PRODUCER), w, d(2026, 1, 5), 10));
		assert_ok!(Wells::upload_production(o(PRODUCER), w, d(2026, 1, 6), 10));
		assert_eq!(OpenMonths::<Test>::get(PRODUCER), 1);
		assert_ok!(Wells::upload_production(o(PRODUCER), w, d(2026, 2, 1), 10));
		assert_eq!(Wells::open_months(&PRODUCER), 2);
		Wells::close_month(w, jan(), true);
		assert_eq!(Wells::open_months(&PRODUCER), 1);
		// A settlement re-closing a closed month changes nothing.
		Wells::close_month(w, jan(), false);
		assert_eq!(Wells::open_months(&PRODUCER), 1);
	});
}

#[test]
fn migrations_v2_and_v3_count_open_months_once() {
	use crate::migration::{v2::MigrateToV2, v3::MigrateToV3};
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	test(|| {
		let w = active_oil_well();
		advance_days(40);
		assert_ok!(Wells::upload_production(o(PRODUCER), w, d(2026, 1, 5), 10));
		assert_ok!(Wells::upload_production(o(PRODUCER), w, d(2026, 2, 5), 10));
		Wells::close_month(w, jan(), true);
		// Version 1 had neither counter; a wrong per-well count is recounted from scratch.
		OpenMonths::<Test>::remove(PRODUCER);
		WellOpenMonths::<Test>::insert(w, 5);
		StorageVersion::new(1).put::<Wells>();
		for _ in 0..2 {
			MigrateToV2::<Test>::on_runtime_upgrade();
			MigrateToV3::<Test>::on_runtime_upgrade();
			assert_eq!((OpenMonths::<Test>::get(PRODUCER), WellOpenMonths::<Test>::get(w)), (1, 1));
		}
		assert_eq!(Wells::on_chain_storage_version(), StorageVersion::new(3));
	});
}

#[test]
fn view_functions_list_a_producer_s_wells_the_review_queue_and_months() {
	test(|| {
		let w = active_oil_well();
		Producers::set(vec![PRODUCER, 11]);
		assert_ok!(Wells::submit_well(o(11), 0, Commodity::Gas, ID2, DOCS, None, op(), fac()));
		let mine: Vec<WellId> = Wells::wells_of(PRODUCER).into_iter().map(|(id, _)| id).collect();
		assert_eq!(mine, vec![w]);
		assert_eq!(Wells::wells_of(11).into_iter().map(|(id, _)| id).collect::<Vec<_>>(), vec![1]);
		// Well 1 waits for review; well 0 is active.
		assert_eq!(
			Wells::review_queue().into_iter().map(|(id, _)| id).collect::<Vec<_>>(),
			vec![1]
		);
		advance_days(40);
		assert_ok!(Wells::upload_production(o(PRODUCER), w, d(2026, 2, 1), 10));
		assert_ok!(Wells::upload_production(o(PRODUCER), w, d(2026, 1, 5), 10));
		let months: Vec<(Month, u8)> =
			Wells::months_of(w).into_iter().map(|(m, l)| (m, l.days)).collect();
		assert_eq!(months, vec![(jan(), 1), (Month::new(2026, 2).unwrap(), 1)]);
		assert!(Wells::months_of(1).is_empty());
		let window = <Test as Config>::UploadWindow::get();
		assert_eq!(
			Wells::upload_window(),
			(window.grace_days, window.close_days, window.pre_activation_days)
		);
	});
}

fn registration_held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::WellRegistration.into(), &who)
}

#[test]
fn a_registration_holds_a_deposit_that_removal_returns() {
	test(|| {
		assert_ok!(Wells::submit_well(o(PRODUCER), 0, Commodity::Gas, ID, DOCS, None, op(), fac()));
		assert_eq!(registration_held(PRODUCER), WELL_DEPOSIT);
		assert_eq!(WellDeposits::<Test>::get(0), Some(WELL_DEPOSIT));
		// A producer who cannot pay the deposit registers nothing.
		Producers::set(vec![PRODUCER, OTHER_PRODUCER, 30]);
		assert_noop!(
			Wells::submit_well(o(30), 0, Commodity::Gas, ID2, DOCS, None, op(), fac()),
			Error::<Test>::InsufficientBalance
		);
		// Only the owner (or governance) removes.
		assert_noop!(Wells::remove_well(o(OTHER_PRODUCER), 0, text("x")), Error::<Test>::NotOwner);
		assert_ok!(Wells::remove_well(o(PRODUCER), 0, text("sold")));
		System::assert_last_event(
			Event::WellRemoved {
				well: 0,
				owner: PRODUCER,
				by_governance: false,
				reason: text("sold"),
				deposit: WELL_DEPOSIT,
				dropped_months: 0,
			}
			.into(),
		);
		assert_eq!(registration_held(PRODUCER), 0);
		assert_eq!(Balances::free_balance(PRODUCER), 1_000);
		assert_eq!(WellByIdentifier::<Test>::get(ID), None);
		assert!(matches!(WellRegistry::<Test>::get(0).unwrap().status, WellStatus::Removed { .. }));
		// A removed well stays removed: no second removal, no edit, no upload.
		assert_noop!(Wells::remove_well(o(PRODUCER), 0, text("x")), Error::<Test>::WellRemoved);
		assert_noop!(
			Wells::remove_well(RuntimeOrigin::root(), 0, text("x")),
			Error::<Test>::WellRemoved
		);
		assert_noop!(
			Wells::edit_well(o(PRODUCER), 0, DOCS, None, op(), fac()),
			Error::<Test>::CannotEdit
		);
		assert_noop!(
			Wells::upload_production(o(PRODUCER), 0, d(2025, 12, 31), 1),
			Error::<Test>::WellNotActive
		);
		// Its identifier is free again.
		assert_ok!(submit(OTHER_PRODUCER, Commodity::Gas, ID, None));
		assert_eq!(WellByIdentifier::<Test>::get(ID), Some(1));
	});
}

#[test]
fn a_producer_registers_only_wells_of_its_operator_codes() {
	test(|| {
		NotOperated::set(vec![(PRODUCER, b"0045".to_vec())]);
		let theirs: tn_primitives::OperatorCode = b"0045".to_vec().try_into().unwrap();
		assert_noop!(
			Wells::submit_well(
				o(PRODUCER),
				0,
				Commodity::Gas,
				ID,
				DOCS,
				None,
				theirs.clone(),
				fac()
			),
			Error::<Test>::NotOperator
		);
		assert_ok!(Wells::submit_well(o(PRODUCER), 0, Commodity::Gas, ID, DOCS, None, op(), fac()));
		assert_noop!(
			Wells::edit_well(o(PRODUCER), 0, DOCS, None, theirs, fac()),
			Error::<Test>::NotOperator
		);
	});
}

/// The squatting attack: a producer registers another company's well and is not passed. The
/// identifier is free again at once, so the real operator registers it; the squatter's
/// resubmission is refused.
#[test]
fn a_rejected_well_frees_its_identifier() {
	test(|| {
		assert_ok!(Wells::submit_well(o(PRODUCER), 0, Commodity::Gas, ID, DOCS, None, op(), fac()));
		assert_ok!(Wells::review_well(o(MANAGER), 0, false, text("not your licence")));
		assert_eq!(WellByIdentifier::<Test>::get(ID), None);
		assert_ok!(submit(OTHER_PRODUCER, Commodity::Gas, ID, None));
		assert_eq!(WellByIdentifier::<Test>::get(ID), Some(1));
		assert_noop!(
			Wells::edit_well(o(PRODUCER), 0, DOCS, None, op(), fac()),
			Error::<Test>::IdentifierTaken
		);
		// A rejected well whose identifier nobody took is resubmitted and claims it again.
		assert_ok!(submit(PRODUCER, Commodity::Gas, ID2, None));
		assert_ok!(Wells::review_well(o(MANAGER), 2, false, text("docs")));
		assert_ok!(Wells::edit_well(o(PRODUCER), 2, DOCS, None, op(), fac()));
		assert_eq!(WellByIdentifier::<Test>::get(ID2), Some(2));
		assert_eq!(WellRegistry::<Test>::get(2).unwrap().status, WellStatus::InReview);
	});
}

#[test]
fn removal_with_open_months_is_for_governance_and_drops_them() {
	test(|| {
		let w = active_oil_well();
		advance_days(40);
		assert_ok!(Wells::upload_production(o(PRODUCER), w, d(2026, 1, 5), 10));
		assert_ok!(Wells::upload_production(o(PRODUCER), w, d(2026, 2, 5), 10));
		assert_eq!((Wells::open_months(&PRODUCER), WellOpenMonths::<Test>::get(w)), (2, 2));
		assert_noop!(
			Wells::remove_well(o(PRODUCER), w, text("x")),
			Error::<Test>::WellHasOpenMonths
		);
		assert_ok!(Wells::suspend_well(RuntimeOrigin::root(), w, text("fraud")));
		assert_noop!(Wells::remove_well(o(PRODUCER), w, text("x")), Error::<Test>::WellSuspended);
		assert_ok!(Wells::remove_well(RuntimeOrigin::root(), w, text("fraud")));
		System::assert_last_event(
			Event::WellRemoved {
				well: w,
				owner: PRODUCER,
				by_governance: true,
				reason: text("fraud"),
				deposit: WELL_DEPOSIT,
				dropped_months: 2,
			}
			.into(),
		);
		// The months stay as history but no longer count as the producer's open exposure and
		// can never be audited.
		assert_eq!(Wells::open_months(&PRODUCER), 0);
		assert_eq!(Wells::active_wells(&PRODUCER), 0);
		assert_eq!(Ledgers::<Test>::get(w, jan()).unwrap().days, 1);
		assert!(Wells::month_for_audit(Some(&PRODUCER), w, jan()).is_err());
		assert_eq!(registration_held(PRODUCER), 0);
	});
}

#[test]
fn governance_transfers_a_well_with_its_history() {
	test(|| {
		let w = active_oil_well();
		let list: BeneficiariesOf<Test> =
			vec![(STRANGER, Perbill::from_percent(10))].try_into().unwrap();
		assert_ok!(Wells::set_beneficiaries(o(PRODUCER), w, list));
		advance_days(40);
		assert_ok!(Wells::upload_production(o(PRODUCER), w, d(2026, 1, 5), 10));
		let to_other = |op: tn_primitives::OperatorCode| {
			Wells::transfer_well(RuntimeOrigin::root(), w, OTHER_PRODUCER, op)
		};
		assert_noop!(Wells::transfer_well(o(PRODUCER), w, OTHER_PRODUCER, op()), BadOrigin);
		// Open months are audited by the producer who uploaded them first.
		assert_noop!(to_other(op()), Error::<Test>::WellHasOpenMonths);
		Wells::close_month(w, jan(), true);
		assert_noop!(
			Wells::transfer_well(RuntimeOrigin::root(), w, PRODUCER, op()),
			Error::<Test>::SameOwner
		);
		assert_noop!(
			Wells::transfer_well(RuntimeOrigin::root(), w, STRANGER, op()),
			DispatchError::Other("NotProducer")
		);
		AdmittedClasses::set([(OTHER_PRODUCER, 1)].into_iter().collect());
		assert_noop!(to_other(op()), Error::<Test>::NotAdmittedForClass);
		AdmittedClasses::set(Default::default());
		NotOperated::set(vec![(OTHER_PRODUCER, b"A1B2".to_vec())]);
		assert_noop!(to_other(op()), Error::<Test>::NotOperator);
		assert_noop!(
			to_other(b"a".to_vec().try_into().unwrap()),
			Error::<Test>::InvalidOperatorCode
		);
		NotOperated::set(vec![]);
		// Same operator code: the well stays active under its new owner.
		assert_ok!(to_other(op()));
		System::assert_last_event(
			Event::WellTransferred {
				well: w,
				from: PRODUCER,
				to: OTHER_PRODUCER,
				status: WellStatus::Active,
			}
			.into(),
		);
		let well = WellRegistry::<Test>::get(w).unwrap();
		assert_eq!(well.owner, OTHER_PRODUCER);
		assert!(well.beneficiaries.is_empty());
		// The owner index moved with it.
		let ids = |who| Wells::wells_of(who).into_iter().map(|(id, _)| id).collect::<Vec<_>>();
		assert_eq!((ids(PRODUCER), ids(OTHER_PRODUCER)), (vec![], vec![w]));
		assert_eq!((Wells::active_wells(&PRODUCER), Wells::active_wells(&OTHER_PRODUCER)), (0, 1));
		assert_eq!(
			(registration_held(PRODUCER), registration_held(OTHER_PRODUCER)),
			(0, WELL_DEPOSIT)
		);
		// The history stays with the well.
		assert_eq!(Ledgers::<Test>::get(w, jan()).unwrap().status, MonthStatus::Minted);
		assert_eq!(DayRecords::<Test>::get(w, d(2026, 1, 5)), Some(10));
		// A new operator code sends it back to review.
		let other: tn_primitives::OperatorCode = b"0045".to_vec().try_into().unwrap();
		assert_ok!(Wells::transfer_well(RuntimeOrigin::root(), w, PRODUCER, other.clone()));
		let well = WellRegistry::<Test>::get(w).unwrap();
		assert_eq!((well.status, well.operator), (WellStatus::InReview, other));
		assert_eq!((ids(PRODUCER), ids(OTHER_PRODUCER)), (vec![w], vec![]));
		assert_eq!(
			Wells::review_queue().into_iter().map(|(id, _)| id).collect::<Vec<_>>(),
			vec![w]
		);
		assert_eq!((Wells::active_wells(&PRODUCER), Wells::active_wells(&OTHER_PRODUCER)), (0, 0));
		// A removed well is not transferred.
		assert_ok!(Wells::remove_well(RuntimeOrigin::root(), w, text("x")));
		assert_noop!(to_other(op()), Error::<Test>::WellRemoved);
		assert_noop!(
			Wells::transfer_well(RuntimeOrigin::root(), 9, OTHER_PRODUCER, op()),
			Error::<Test>::UnknownWell
		);
	});
}

/// Issue 25, H1 and H2: a transfer (or an edit) that changes the operator code keeps the old
/// code for the days before it, so the worker matches the seller's months against the seller's
/// code; the seller's audited months stay listed for the feeds whatever the well's status (in
/// review after the transfer, then removed).
#[test]
fn a_code_change_keeps_the_former_code_for_its_months_and_audited_months_stay_fed() {
	use tn_primitives::traits::WellDirectory;
	test(|| {
		let w = active_oil_well();
		advance_days(40);
		assert_ok!(Wells::upload_production(o(PRODUCER), w, d(2026, 1, 5), 10));
		Wells::close_month(w, jan(), true);
		let code = |c: &[u8]| -> tn_primitives::OperatorCode { c.to_vec().try_into().unwrap() };
		assert_ok!(Wells::transfer_well(RuntimeOrigin::root(), w, OTHER_PRODUCER, code(b"0045")));
		let transfer_day = d(2026, 2, 10);
		assert_eq!(FormerOperators::<Test>::get(w).to_vec(), vec![(transfer_day, op())]);
		// The buyer changes its code again the same day: 0045 was in force on no day.
		assert_ok!(Wells::edit_well(
			o(OTHER_PRODUCER),
			w,
			DOCS,
			Some(SWEET_LIGHT),
			code(b"0046"),
			fac()
		));
		assert_eq!(FormerOperators::<Test>::get(w).to_vec(), vec![(transfer_day, op())]);
		let horizon_start = Month::new(2025, 2).unwrap();
		let dir = <Wells as WellDirectory>::fed_wells(horizon_start);
		assert_eq!(dir.len(), 1);
		assert_eq!((dir[0].active, dir[0].audited.clone()), (false, vec![jan()]));
		assert_eq!(dir[0].operators_in(jan()), vec![&op()]);
		assert_eq!(dir[0].operators_in(Month::new(2026, 2).unwrap()), vec![&op(), &code(b"0046")]);
		assert_eq!(dir[0].operators_in(Month::new(2026, 3).unwrap()), vec![&code(b"0046")]);
		assert!(<Wells as WellDirectory>::is_audited(w, jan()));
		assert!(!<Wells as WellDirectory>::is_audited(w, Month::new(2026, 2).unwrap()));
		assert!(!<Wells as WellDirectory>::is_active(w));
		// Removed: still fed for January while it is inside the horizon.
		assert_ok!(Wells::remove_well(RuntimeOrigin::root(), w, text("x")));
		let dir = <Wells as WellDirectory>::fed_wells(horizon_start);
		assert_eq!((dir.len(), dir[0].audited.clone()), (1, vec![jan()]));
		assert!(<Wells as WellDirectory>::is_audited(w, jan()));
		// Once January is before the horizon's start, the removed well is no longer listed.
		assert!(<Wells as WellDirectory>::fed_wells(Month::new(2026, 2).unwrap()).is_empty());
	});
}

/// The code history is bounded: an owner's edits fill at most half of it (a fifth edit inside
/// the horizon is refused and changes nothing), so a governance transfer still goes through —
/// an owner alternating codes cannot hold a transfer hostage (issue 25, H1). Governance fills
/// the rest; once the oldest codes' days left the horizon (12 months in the mock), they make
/// room.
#[test]
fn too_many_code_changes_inside_the_horizon_are_refused() {
	test(|| {
		let w = active_oil_well();
		let code =
			|i: u8| -> tn_primitives::OperatorCode { vec![b'C', b'0' + i].try_into().unwrap() };
		let edit = |i| Wells::edit_well(o(PRODUCER), w, DOCS, Some(SWEET_LIGHT), code(i), fac());
		for i in 0..MAX_OWNER_OPERATOR_CHANGES as u8 {
			advance_days(1);
			assert_ok!(edit(i));
		}
		assert_eq!(FormerOperators::<Test>::get(w).len() as u32, MAX_OWNER_OPERATOR_CHANGES);
		advance_days(1);
		assert_noop!(edit(9), Error::<Test>::TooManyOperatorChanges);
		// Governance still transfers the well, back and forth, until the whole history is full.
		let owners = [OTHER_PRODUCER, PRODUCER];
		for k in 0..(MAX_OPERATOR_CHANGES - MAX_OWNER_OPERATOR_CHANGES) as u8 {
			advance_days(1);
			let to = owners[usize::from(k % 2)];
			assert_ok!(Wells::transfer_well(RuntimeOrigin::root(), w, to, code(5 + k)));
		}
		assert_eq!(FormerOperators::<Test>::get(w).len() as u32, MAX_OPERATOR_CHANGES);
		advance_days(1);
		assert_noop!(
			Wells::transfer_well(RuntimeOrigin::root(), w, OTHER_PRODUCER, code(1)),
			Error::<Test>::TooManyOperatorChanges
		);
		// 13 months later the codes' days left the horizon: the owner may edit again.
		advance_days(400);
		let owner = WellRegistry::<Test>::get(w).unwrap().owner;
		assert_ok!(Wells::edit_well(o(owner), w, DOCS, Some(SWEET_LIGHT), code(1), fac()));
		let former = FormerOperators::<Test>::get(w);
		assert_eq!(former.len(), 1);
		assert_eq!(former[0].1, code(8));
	});
}

#[test]
fn a_transfer_needs_the_new_owner_s_deposit() {
	test(|| {
		assert_ok!(Wells::submit_well(o(PRODUCER), 0, Commodity::Gas, ID, DOCS, None, op(), fac()));
		Producers::set(vec![PRODUCER, OTHER_PRODUCER, 30]);
		assert_noop!(
			Wells::transfer_well(RuntimeOrigin::root(), 0, 30, op()),
			Error::<Test>::InsufficientBalance
		);
	});
}

/// Found by the random load: a rejected well (its identifier given up) must not come back to
/// review through a suspension or a transfer without claiming its identifier again.
#[test]
fn a_rejected_well_cannot_return_to_review_without_its_identifier() {
	test(|| {
		assert_ok!(Wells::submit_well(o(PRODUCER), 0, Commodity::Gas, ID, DOCS, None, op(), fac()));
		assert_ok!(Wells::review_well(o(MANAGER), 0, false, text("no")));
		assert_noop!(
			Wells::suspend_well(RuntimeOrigin::root(), 0, text("x")),
			Error::<Test>::WellRejected
		);
		let other: tn_primitives::OperatorCode = b"0045".to_vec().try_into().unwrap();
		assert_ok!(Wells::transfer_well(RuntimeOrigin::root(), 0, OTHER_PRODUCER, other.clone()));
		let w = WellRegistry::<Test>::get(0).unwrap();
		assert!(matches!(w.status, WellStatus::Rejected { .. }));
		assert_eq!(WellByIdentifier::<Test>::get(ID), None);
		// The new owner resubmits it: the identifier is claimed again.
		assert_ok!(Wells::edit_well(o(OTHER_PRODUCER), 0, DOCS, None, other, fac()));
		assert_eq!(WellByIdentifier::<Test>::get(ID), Some(0));
		assert_ok!(Wells::remove_well(o(OTHER_PRODUCER), 0, text("x")));
		assert_noop!(
			Wells::suspend_well(RuntimeOrigin::root(), 0, text("x")),
			Error::<Test>::WellRemoved
		);
	});
}

/// Hole 9: a passed review changes the discount from its day on; days before keep the discount
/// in force on them (the producer cannot improve the quality and revalue past days upward).
#[test]
fn a_day_is_valued_with_the_quality_in_force_on_it() {
	test(|| {
		let w = active_oil_well(); // 90 % from its activation, Jan 1
		advance_days(9); // Jan 10
		assert_ok!(Wells::upload_production(o(PRODUCER), w, d(2026, 1, 5), 1_000));
		let sour_heavy = OilQuality { api_gravity_x100: 3_000, acidity_bp: 60 };
		assert_ok!(Wells::edit_well(o(PRODUCER), w, DOCS, Some(sour_heavy), op(), fac()));
		assert_ok!(Wells::review_well(o(MANAGER), w, true, text("")));
		assert_eq!(
			DiscountHistory::<Test>::get(w).into_inner(),
			vec![(Day(0), Perbill::from_percent(90)), (d(2026, 1, 10), Perbill::from_percent(75))]
		);
		advance_days(1);
		assert_ok!(Wells::upload_production(o(PRODUCER), w, d(2026, 1, 10), 1_000));
		set_price(Commodity::Oil, d(2026, 1, 5), 70_000_000);
		set_price(Commodity::Oil, d(2026, 1, 10), 70_000_000);
		advance_days(30);
		let m = Wells::month_for_audit(Some(&PRODUCER), w, jan()).unwrap();
		// The seed's per-day sum — Jan 5: 6.28981 bbl × $70 × 0.90 = $396.25803; Jan 10: × 0.75 =
		// $330.215025 — is capped at the even spread of the 2 m³ over 5–31 January (1–4 January
		// have no price at all), each day at the discount in force on it: 5 days at 90 % and 22
		// at 75 %, 2 × 440.2867 × (5 × 0.9 + 22 × 0.75) / 27 = $684.890422… (H3: half the volume
		// on one of the five better-discounted days does not pay either).
		let (v, _) = Wells::value_month(
			w,
			&WellRegistry::<Test>::get(w).unwrap(),
			&Wells::records_in(w, jan()),
			jan(),
		)
		.unwrap();
		assert_eq!(v.by_days, 396_258_030_000_000_000_000 + 330_215_025_000_000_000_000);
		assert_eq!(m.value, 684_890_422_222_222_222_222);
		assert_eq!(
			Wells::discount_on(w, &WellRegistry::<Test>::get(w).unwrap(), d(2026, 1, 9)),
			Perbill::from_percent(90)
		);
		// A better quality passed later does not revalue January upward.
		assert_ok!(Wells::edit_well(o(PRODUCER), w, DOCS, Some(SWEET_LIGHT), op(), fac()));
		assert_ok!(Wells::review_well(o(MANAGER), w, true, text("")));
		let again = Wells::month_for_audit(Some(&PRODUCER), w, jan()).unwrap();
		assert_eq!(again.value, m.value);
		// Two passes on one day: the later one is in force on it.
		assert_ok!(Wells::edit_well(o(PRODUCER), w, DOCS, Some(sour_heavy), op(), fac()));
		assert_ok!(Wells::review_well(o(MANAGER), w, true, text("")));
		let h = DiscountHistory::<Test>::get(w).into_inner();
		assert_eq!(h.len(), 3);
		assert_eq!(h.last(), Some(&(d(2026, 2, 10), Perbill::from_percent(75))));
	});
}

/// The history keeps the last `MAX_DISCOUNT_CHANGES` changes; older ones are merged into the
/// first entry at the lower discount, so a day older than the kept changes is never re-valued at
/// a later, better quality.
#[test]
fn the_discount_history_is_bounded_and_forgets_in_the_chain_s_favour() {
	test(|| {
		let w = active_oil_well(); // 90 % from Jan 1
		let sour_heavy = OilQuality { api_gravity_x100: 3_000, acidity_bp: 60 };
		for i in 0..13 {
			advance_days(1);
			let q = if i % 2 == 0 { sour_heavy } else { SWEET_LIGHT };
			assert_ok!(Wells::edit_well(o(PRODUCER), w, DOCS, Some(q), op(), fac()));
			assert_ok!(Wells::review_well(o(MANAGER), w, true, text("")));
		}
		let h = DiscountHistory::<Test>::get(w);
		assert_eq!(h.len() as u32, MAX_DISCOUNT_CHANGES);
		// The newest: Jan 14, 75 % (the thirteenth pass, sour heavy).
		assert_eq!(h.last(), Some(&(d(2026, 1, 14), Perbill::from_percent(75))));
		// The oldest change kept: Jan 8, the seventh pass (sour heavy, 75 %).
		assert_eq!(h.get(1), Some(&(d(2026, 1, 8), Perbill::from_percent(75))));
		// Everything before is one entry from day 0 at the lowest discount it held: Jan 2 (75 %
		// then) is not re-valued at 90 %, as it was when the oldest entries were dropped and the
		// oldest kept one (Jan 7, 90 %) valued every earlier day.
		assert_eq!(h.first(), Some(&(Day(0), Perbill::from_percent(75))));
		let well = WellRegistry::<Test>::get(w).unwrap();
		assert_eq!(Wells::discount_on(w, &well, d(2026, 1, 2)), Perbill::from_percent(75));
		assert_eq!(Wells::discount_on(w, &well, d(2026, 1, 1)), Perbill::from_percent(75));
		assert_eq!(Wells::discount_on(w, &well, d(2026, 1, 14)), Perbill::from_percent(75));
	});
}

#[test]
fn migration_v4_gives_asset_classes_commodities_and_a_source_once() {
	use crate::migration::v4::{AssetClassV3, MigrateToV4};
	use codec::Encode;
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	test(|| {
		let old = |source: &str| AssetClassV3::<AccountId, Balance> {
			name: text("x"),
			description: Default::default(),
			maintainer: Maintainer::Foundation,
			data_source: text(source),
			status: AssetClassStatus::Live,
			official: true,
			proposer: None,
		};
		for (id, source) in [(0u32, "PETRINEX (AER) public data"), (1, "LME")] {
			frame_support::storage::unhashed::put_raw(
				&AssetClasses::<Test>::hashed_key_for(id),
				&old(source).encode(),
			);
		}
		StorageVersion::new(3).put::<Wells>();
		MigrateToV4::<Test>::on_runtime_upgrade();
		let c0 = AssetClasses::<Test>::get(0).unwrap();
		assert_eq!((c0.source, c0.commodities.clone()), (OfficialSource::Petrinex, oil_and_gas()));
		assert_eq!(AssetClasses::<Test>::get(1).unwrap().source, OfficialSource::None);
		assert_eq!(Wells::on_chain_storage_version(), StorageVersion::new(4));
		// A second run changes nothing.
		MigrateToV4::<Test>::on_runtime_upgrade();
		assert_eq!(AssetClasses::<Test>::get(0).unwrap(), c0);
	});
}

#[test]
fn the_owner_is_told_of_reviews_suspensions_and_removal() {
	use tn_primitives::{notices::testing::Recorder, NoticeKind};
	test(|| {
		assert_ok!(submit(PRODUCER, Commodity::Oil, ID, Some(SWEET_LIGHT)));
		assert_ok!(Wells::review_well(o(MANAGER), 0, false, text("blurred lab report")));
		assert_ok!(Wells::edit_well(o(PRODUCER), 0, [3; 32], Some(SWEET_LIGHT), op(), fac()));
		assert_ok!(Wells::review_well(o(MANAGER), 0, true, text("")));
		assert_ok!(Wells::suspend_well(RuntimeOrigin::root(), 0, text("spill")));
		assert_ok!(Wells::reinstate_well(RuntimeOrigin::root(), 0));
		assert_ok!(Wells::remove_well(RuntimeOrigin::root(), 0, text("plugged")));
		assert_eq!(
			Recorder::take(),
			vec![
				(
					PRODUCER,
					NoticeKind::WellRejected { well: 0, reason: text("blurred lab report") }
				),
				(PRODUCER, NoticeKind::WellActivated { well: 0, expires: d(2027, 1, 1) }),
				(PRODUCER, NoticeKind::WellSuspended { well: 0, reason: text("spill") }),
				(PRODUCER, NoticeKind::WellReinstated { well: 0 }),
				(PRODUCER, NoticeKind::WellRemoved { well: 0, reason: text("plugged") }),
			]
		);
	});
}

#[test]
fn the_owner_is_told_when_the_annual_review_is_due_and_judged() {
	use tn_primitives::{notices::testing::Recorder, NoticeKind};
	test(|| {
		let w = active_oil_well();
		advance_days(360);
		assert_ok!(Wells::submit_annual_review(o(PRODUCER), w, [3; 32], Some(SWEET_LIGHT)));
		assert_ok!(Wells::judge_annual_review(o(MANAGER), w, false, text("unsigned")));
		assert_ok!(Wells::submit_annual_review(o(PRODUCER), w, [4; 32], Some(SWEET_LIGHT)));
		assert_ok!(Wells::judge_annual_review(o(MANAGER), w, true, text("")));
		let expires = d(2027, 1, 1);
		let reviews: Vec<_> = Recorder::take()
			.into_iter()
			.filter(|(_, k)| !matches!(k, NoticeKind::UploadWindowClosing { .. }))
			.collect();
		assert_eq!(
			reviews,
			vec![
				(PRODUCER, NoticeKind::WellActivated { well: w, expires }),
				(PRODUCER, NoticeKind::AnnualReviewDue { well: w, expires }),
				(PRODUCER, NoticeKind::AnnualReviewRejected { well: w, reason: text("unsigned") }),
				(PRODUCER, NoticeKind::AnnualReviewPassed { well: w, expires: expires.plus(365) }),
			]
		);
	});
}

#[test]
fn upload_window_reminders_come_three_days_before_the_close_each_month() {
	use tn_primitives::{notices::testing::Recorder, window::UploadWindow, NoticeKind};
	test(|| {
		Window::set(UploadWindow::PRODUCTION); // grace 3 days, January closes on 5 February
		let w = active_oil_well(); // 2026-01-01
		assert_eq!(WindowReminders::<Test>::get(d(2026, 2, 2), w), Some(jan()));
		Recorder::take();
		advance_days(30); // 31 January
		assert_ok!(Wells::upload_production(o(PRODUCER), w, d(2026, 1, 29), 10));
		assert_ok!(Wells::upload_production(o(PRODUCER), w, d(2026, 1, 30), 10));
		advance_days(1); // 1 February: not yet
		assert_eq!(Recorder::take(), vec![]);
		advance_days(1); // 2 February
		let closing = |month: Month, closes: Day, uploaded: u8| {
			(PRODUCER, NoticeKind::UploadWindowClosing { well: w, month, closes, uploaded })
		};
		assert_eq!(Recorder::take(), vec![closing(jan(), d(2026, 2, 5), 2)]);
		// The next one, for February, on 2 March; none while the well is suspended, but the
		// reminders go on; a removed well's stop.
		assert_eq!(
			WindowReminders::<Test>::get(d(2026, 3, 2), w),
			Some(Month::new(2026, 2).unwrap())
		);
		advance_days(28); // 2 March
		assert_eq!(Recorder::take(), vec![closing(Month::new(2026, 2).unwrap(), d(2026, 3, 5), 0)]);
		assert_ok!(Wells::suspend_well(RuntimeOrigin::root(), w, text("spill")));
		Recorder::take();
		advance_days(31); // 2 April
		assert_eq!(Recorder::take(), vec![]);
		assert_eq!(
			WindowReminders::<Test>::get(d(2026, 5, 2), w),
			Some(Month::new(2026, 4).unwrap())
		);
		assert_ok!(Wells::remove_well(RuntimeOrigin::root(), w, text("plugged")));
		Recorder::take();
		advance_days(30); // 2 May
		assert_eq!(Recorder::take(), vec![]);
		assert_eq!(WindowReminders::<Test>::iter().count(), 0);
		assert_ok!(Wells::do_try_state());
	});
}

#[test]
fn migration_v5_schedules_one_reminder_per_activated_well_once() {
	use crate::migration::v5::MigrateToV5;
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	test(|| {
		let w = active_oil_well();
		// A well in review (never activated) gets none.
		assert_ok!(submit(OTHER_PRODUCER, Commodity::Oil, ID2, Some(SWEET_LIGHT)));
		// The chain as it was at version 4: no reminders.
		let _ = WindowReminders::<Test>::clear(u32::MAX, None);
		ReminderCursor::<Test>::kill();
		StorageVersion::new(4).put::<Wells>();
		advance_days(40); // 2026-02-10
		MigrateToV5::<Test>::on_runtime_upgrade();
		let feb = Month::new(2026, 2).unwrap();
		// WIDE window in the mock: February closes 400 days after 1 March.
		let due = tn_primitives::window::reminder_day(feb, &Window::get());
		assert_eq!(due, d(2026, 3, 1).plus(400 - 3));
		assert_eq!(WindowReminders::<Test>::iter().collect::<Vec<_>>(), vec![(due, w, feb)]);
		assert_eq!(ReminderCursor::<Test>::get(), Some(d(2026, 2, 10)));
		assert_eq!(Wells::on_chain_storage_version(), StorageVersion::new(5));
		// A second run changes nothing.
		MigrateToV5::<Test>::on_runtime_upgrade();
		assert_eq!(WindowReminders::<Test>::iter().count(), 1);
		assert_ok!(Wells::do_try_state());
	});
}

#[test]
fn migration_v6_indexes_wells_by_owner_and_the_review_queue_once() {
	use crate::migration::v6::MigrateToV6;
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	test(|| {
		let w = active_oil_well();
		assert_ok!(submit(OTHER_PRODUCER, Commodity::Oil, ID2, Some(SWEET_LIGHT)));
		let queued = w + 1;
		// The chain as it was at version 5: no indexes.
		let _ = WellsByOwner::<Test>::clear(u32::MAX, None);
		let _ = ReviewQueue::<Test>::clear(u32::MAX, None);
		StorageVersion::new(5).put::<Wells>();
		assert!(Wells::wells_of(PRODUCER).is_empty() && Wells::review_queue().is_empty());
		MigrateToV6::<Test>::on_runtime_upgrade();
		let ids =
			|v: Vec<(WellId, WellOf<Test>)>| v.into_iter().map(|(id, _)| id).collect::<Vec<_>>();
		assert_eq!(ids(Wells::wells_of(PRODUCER)), vec![w]);
		assert_eq!(ids(Wells::wells_of(OTHER_PRODUCER)), vec![queued]);
		assert_eq!(ids(Wells::review_queue()), vec![queued]);
		assert_eq!(WellsByOwner::<Test>::iter().count(), 2);
		assert_eq!(Wells::on_chain_storage_version(), StorageVersion::new(6));
		// A second run changes nothing (the version gate): a key removed stays removed.
		ReviewQueue::<Test>::remove(queued);
		MigrateToV6::<Test>::on_runtime_upgrade();
		assert!(Wells::review_queue().is_empty());
		ReviewQueue::<Test>::insert(queued, ());
		assert_ok!(Wells::do_try_state());
	});
}

// ---------------------------------------------------------------------------------------------
// Issue 25, M5: activations and quality changes need distinct Foundation Managers.
// ---------------------------------------------------------------------------------------------

const MANAGER2: AccountId = 11;
const MANAGER3: AccountId = 12;

/// Three Foundation Managers; a pass needs 2.
fn two_of_three() {
	Managers::set(vec![MANAGER, MANAGER2, MANAGER3]);
	Passes::set(2);
}

#[test]
fn a_well_is_activated_by_two_distinct_managers() {
	use tn_primitives::{notices::testing::Recorder, NoticeKind};
	test(|| {
		two_of_three();
		assert_ok!(submit(PRODUCER, Commodity::Oil, ID, Some(SWEET_LIGHT)));
		Recorder::take();
		assert_ok!(Wells::review_well(o(MANAGER), 0, true, text("")));
		System::assert_last_event(
			Event::PassRecorded {
				well: 0,
				reviewer: MANAGER,
				annual_review: false,
				approvals: 1,
				needed: 2,
			}
			.into(),
		);
		let well = WellRegistry::<Test>::get(0).unwrap();
		assert_eq!((well.status, well.activated), (WellStatus::InReview, None));
		assert_eq!(ActiveWells::<Test>::get(PRODUCER), 0);
		assert!(Recorder::take().is_empty());
		assert!(ReviewQueue::<Test>::contains_key(0));
		// The same manager cannot count twice; the owner never judges.
		assert_noop!(
			Wells::review_well(o(MANAGER), 0, true, text("")),
			Error::<Test>::AlreadyApproved
		);
		assert_noop!(
			Wells::review_well(o(PRODUCER), 0, true, text("")),
			Error::<Test>::NotMaintainer
		);
		assert_ok!(Wells::review_well(o(MANAGER2), 0, true, text("")));
		System::assert_last_event(
			Event::WellActivated {
				well: 0,
				reviewer: MANAGER2,
				discount: Perbill::from_percent(90),
				expires: d(2027, 1, 1),
			}
			.into(),
		);
		assert_eq!(WellRegistry::<Test>::get(0).unwrap().status, WellStatus::Active);
		assert_eq!(ReviewApprovals::<Test>::get(0), None);
		assert_eq!(
			Recorder::take(),
			vec![(PRODUCER, NoticeKind::WellActivated { well: 0, expires: d(2027, 1, 1) })]
		);
	});
}

/// The attack: one manager (acting for a producer, e.g. a second account of theirs) passes a
/// better oil quality than the well's — 75 % → 90 % of the value, +20 %. With a threshold of 2
/// the pass is only recorded: the quality and discount in force stay, and one honest manager's
/// rejection ends it.
#[test]
fn one_manager_cannot_lift_a_well_s_quality() {
	test(|| {
		two_of_three();
		assert_ok!(submit(PRODUCER, Commodity::Oil, ID, Some(SOUR_HEAVY)));
		assert_ok!(Wells::review_well(o(MANAGER2), 0, true, text("")));
		assert_ok!(Wells::review_well(o(MANAGER3), 0, true, text("")));
		assert_eq!(WellRegistry::<Test>::get(0).unwrap().discount, Perbill::from_percent(75));
		advance_days(360); // the annual-review notice
		assert_ok!(Wells::submit_annual_review(o(PRODUCER), 0, [3; 32], Some(SWEET_LIGHT)));
		assert_ok!(Wells::judge_annual_review(o(MANAGER), 0, true, text("")));
		System::assert_last_event(
			Event::PassRecorded {
				well: 0,
				reviewer: MANAGER,
				annual_review: true,
				approvals: 1,
				needed: 2,
			}
			.into(),
		);
		let well = WellRegistry::<Test>::get(0).unwrap();
		assert_eq!(
			(well.quality, well.discount, well.docs),
			(Some(SOUR_HEAVY), Perbill::from_percent(75), DOCS)
		);
		assert_eq!(Wells::discount_on(0, &well, Wells::today()), Perbill::from_percent(75));
		assert_noop!(
			Wells::judge_annual_review(o(MANAGER), 0, true, text("")),
			Error::<Test>::AlreadyApproved
		);
		assert_ok!(Wells::judge_annual_review(o(MANAGER2), 0, false, text("lab report forged")));
		System::assert_last_event(
			Event::AnnualReviewRejected {
				well: 0,
				reviewer: MANAGER2,
				reason: text("lab report forged"),
			}
			.into(),
		);
		assert_eq!(ReviewApprovals::<Test>::get(0), None);
		assert_eq!(WellRegistry::<Test>::get(0).unwrap().discount, Perbill::from_percent(75));
		// The same through an edit: one pass leaves the edited well in review (no mint).
		assert_ok!(Wells::edit_well(o(PRODUCER), 0, [5; 32], Some(SWEET_LIGHT), op(), fac()));
		assert_ok!(Wells::review_well(o(MANAGER), 0, true, text("")));
		let well = WellRegistry::<Test>::get(0).unwrap();
		assert_eq!((well.status, well.discount), (WellStatus::InReview, Perbill::from_percent(75)));
	});
}

#[test]
fn a_pass_of_something_else_restarts_the_tally() {
	test(|| {
		two_of_three();
		assert_ok!(submit(PRODUCER, Commodity::Oil, ID, Some(SWEET_LIGHT)));
		assert_ok!(Wells::review_well(o(MANAGER), 0, true, text("")));
		// The owner edits the well between the passes: the second pass is the first of the new
		// content.
		assert_ok!(Wells::edit_well(o(PRODUCER), 0, [5; 32], Some(SOUR_HEAVY), op(), fac()));
		assert_ok!(Wells::review_well(o(MANAGER2), 0, true, text("")));
		System::assert_last_event(
			Event::PassRecorded {
				well: 0,
				reviewer: MANAGER2,
				annual_review: false,
				approvals: 1,
				needed: 2,
			}
			.into(),
		);
		// A manager who left the Foundation no longer counts.
		Managers::set(vec![MANAGER, MANAGER3]);
		assert_ok!(Wells::review_well(o(MANAGER3), 0, true, text("")));
		assert_eq!(WellRegistry::<Test>::get(0).unwrap().status, WellStatus::InReview);
		assert_ok!(Wells::review_well(o(MANAGER), 0, true, text("")));
		let well = WellRegistry::<Test>::get(0).unwrap();
		assert_eq!((well.status, well.discount), (WellStatus::Active, Perbill::from_percent(75)));
		// Suspension takes a well out of review: its passes go with it.
		assert_ok!(Wells::edit_well(o(PRODUCER), 0, [6; 32], Some(SOUR_HEAVY), op(), fac()));
		assert_ok!(Wells::review_well(o(MANAGER), 0, true, text("")));
		assert!(ReviewApprovals::<Test>::get(0).is_some());
		assert_ok!(Wells::suspend_well(RuntimeOrigin::root(), 0, text("audit")));
		assert_eq!(ReviewApprovals::<Test>::get(0), None);
		assert_ok!(Wells::reinstate_well(RuntimeOrigin::root(), 0));
		assert_ok!(Wells::review_well(o(MANAGER), 0, true, text("")));
		assert_eq!(WellRegistry::<Test>::get(0).unwrap().status, WellStatus::InReview);
	});
}

#[test]
fn a_class_maintained_by_one_account_needs_its_pass_only() {
	test(|| {
		two_of_three();
		assert_ok!(Wells::add_asset_class(
			RuntimeOrigin::root(),
			text("Partner"),
			b"A partner's wells".to_vec().try_into().unwrap(),
			Maintainer::Account(STRANGER),
			text("partner"),
			AssetClassStatus::Live,
			vec![Commodity::Gas].try_into().unwrap(),
			OfficialSource::None
		));
		AdmittedClasses::set([(PRODUCER, 1)].into_iter().collect());
		assert_ok!(Wells::submit_well(o(PRODUCER), 1, Commodity::Gas, ID, DOCS, None, op(), fac()));
		assert_ok!(Wells::review_well(o(STRANGER), 0, true, text("")));
		assert_eq!(WellRegistry::<Test>::get(0).unwrap().status, WellStatus::Active);
	});
}

#[test]
fn wells_carrying_an_operator_code_are_counted_within_the_witness() {
	test(|| {
		let count = |scan| {
			<Wells as ActiveWellCount<AccountId>>::wells_with_operator(&PRODUCER, b"A1B2", scan)
		};
		assert_eq!(count(0), Some(0));
		active_oil_well(); // 0: active
		assert_ok!(submit(PRODUCER, Commodity::Oil, ID2, Some(SWEET_LIGHT))); // 1: in review
		assert_ok!(submit(PRODUCER, Commodity::Gas, [11; 32], None)); // 2: rejected
		assert_ok!(Wells::review_well(o(MANAGER), 2, false, text("not yours")));
		assert_ok!(submit(PRODUCER, Commodity::Gas, [12; 32], None)); // 3: removed
		assert_ok!(Wells::remove_well(o(PRODUCER), 3, text("gone")));
		assert_eq!(count(4), Some(2));
		assert_eq!(count(3), None);
		assert_eq!(
			<Wells as ActiveWellCount<AccountId>>::wells_with_operator(&PRODUCER, b"0045", 4),
			Some(0)
		);
		assert_eq!(
			<Wells as ActiveWellCount<AccountId>>::wells_with_operator(&OTHER_PRODUCER, b"A1B2", 0),
			Some(0)
		);
	});
}
