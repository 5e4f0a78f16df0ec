//! The wells pallet's logic.

use super::*;
use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungible::MutateHold, tokens::Precision, Contains, Defensive, DefensiveOption,
		DefensiveSaturating, Get, SortedMembers, UnixTime,
	},
};
use sp_arithmetic::Perbill;
use sp_runtime::DispatchResult;
use tn_primitives::{
	regulator::is_valid_code,
	traits::{
		ActiveWellCount, DirectoryWell, MonthForAudit, PriceFeed, ProducerRegistry, WellLedger,
	},
	valuation::{
		fallback_price, month_value, MonthValue, PriceUsed, PricedDay, PRICE_LOOKBACK_DAYS,
	},
	window::{check_upload, month_close, reminder_day, WindowError},
	Commitment, Commodity, Day, FacilityCode, Month, NoticeKind, Notify, OfficialSource,
	OilQuality, OperatorCode, PriceMicroUsd, Volume, WellId, MAX_DAILY_VOLUME,
};

impl<T: Config> Pallet<T> {
	/// Today's UTC day from the block timestamp.
	pub fn today() -> Day {
		Day::from_duration(T::UnixTime::now())
	}

	pub(crate) fn get_well(id: WellId) -> Result<WellOf<T>, DispatchError> {
		WellRegistry::<T>::get(id).ok_or_else(|| Error::<T>::UnknownWell.into())
	}

	fn owned_well(who: &T::AccountId, id: WellId) -> Result<WellOf<T>, DispatchError> {
		let well = Self::get_well(id)?;
		ensure!(&well.owner == who, Error::<T>::NotOwner);
		Ok(well)
	}

	/// The well is active (`WellSuspended` / `WellNotActive` otherwise).
	fn ensure_active_well(well: &WellOf<T>) -> DispatchResult {
		match well.status {
			WellStatus::Active => Ok(()),
			WellStatus::Suspended { .. } => Err(Error::<T>::WellSuspended.into()),
			_ => Err(Error::<T>::WellNotActive.into()),
		}
	}

	/// `quality` fits `commodity` (oil needs it, gas takes none) and is within range.
	fn check_quality(commodity: Commodity, quality: &Option<OilQuality>) -> DispatchResult {
		match (commodity, quality) {
			(Commodity::Oil, Some(q)) => ensure!(q.is_in_range(), Error::<T>::QualityOutOfRange),
			(Commodity::Gas, None) => {},
			_ => return Err(Error::<T>::QualityMismatch.into()),
		}
		Ok(())
	}

	/// The discount credited for `quality` (gas: 100 %, no discount).
	pub fn discount_for(commodity: Commodity, quality: &Option<OilQuality>) -> Perbill {
		match (commodity, quality) {
			(Commodity::Oil, Some(q)) => T::DiscountRules::get().discount(q),
			_ => Perbill::one(),
		}
	}

	/// `who` maintains `class`.
	fn ensure_maintainer(who: &T::AccountId, class: AssetClassId) -> DispatchResult {
		let c = AssetClasses::<T>::get(class).ok_or(Error::<T>::UnknownAssetClass)?;
		let ok = match &c.maintainer {
			Maintainer::Foundation => T::FoundationMembers::contains(who),
			Maintainer::Account(a) => a == who,
		};
		ensure!(ok, Error::<T>::NotMaintainer);
		Ok(())
	}

	/// Store `well` with `status`, keeping the per-owner active-well count right.
	fn put_well(id: WellId, well: WellOf<T>, status: WellStatus) {
		let owner = well.owner.clone();
		Self::put_well_from(id, &owner, well, status);
	}

	/// Store `well` (owned by `well.owner` now) with `status`; it had `well.status` under
	/// `previous_owner`. The per-owner active-well counts follow.
	fn put_well_from(
		id: WellId,
		previous_owner: &T::AccountId,
		mut well: WellOf<T>,
		status: WellStatus,
	) {
		let was = well.status == WellStatus::Active;
		let is = status == WellStatus::Active;
		let moved = previous_owner != &well.owner;
		if was && (!is || moved) {
			ActiveWells::<T>::mutate(previous_owner, |n| *n = n.defensive_saturating_sub(1));
		}
		if is && (!was || moved) {
			ActiveWells::<T>::mutate(&well.owner, |n| *n = n.saturating_add(1));
		}
		if moved {
			WellsByOwner::<T>::remove(previous_owner, id);
			WellsByOwner::<T>::insert(&well.owner, id, ());
		}
		well.status = status;
		Self::sync_review_queue(id, &well);
		WellRegistry::<T>::insert(id, well);
	}

	/// The wells of `ids` (an index's keys, in hash order), by id.
	pub(crate) fn wells_by_id(ids: impl Iterator<Item = WellId>) -> Vec<(WellId, WellOf<T>)> {
		let mut v: Vec<_> =
			ids.filter_map(|id| WellRegistry::<T>::get(id).map(|w| (id, w))).collect();
		v.sort_by_key(|(id, _)| *id);
		v
	}

	/// Keep `id` in the [`ReviewQueue`] exactly while `well` awaits a Foundation Manager (and
	/// its recorded passes, [`ReviewApprovals`], no longer than that).
	fn sync_review_queue(id: WellId, well: &WellOf<T>) {
		if awaits_review::<T>(well) {
			ReviewQueue::<T>::insert(id, ());
		} else {
			ReviewQueue::<T>::remove(id);
			ReviewApprovals::<T>::remove(id);
		}
	}

	/// What a pass of `well` passes (issue 25, M5): blake2-256 of the kind, the owner, the
	/// documents and quality under review and (a well review) its operator and facility codes.
	fn pass_subject(
		well: &WellOf<T>,
		annual: Option<(&Option<OilQuality>, &Commitment)>,
	) -> Commitment {
		use sp_runtime::traits::{BlakeTwo256, Hash};
		match annual {
			None => BlakeTwo256::hash_of(&(
				0u8,
				&well.owner,
				&well.docs,
				&well.quality,
				&well.operator,
				&well.facility,
			)),
			Some((quality, docs)) => BlakeTwo256::hash_of(&(1u8, &well.owner, docs, quality)),
		}
		.0
	}

	/// Count `who`'s pass of `subject` for well `id`: `Ok(true)` when it completes the passes the
	/// class needs (`WellApprovals` distinct Foundation Managers who are still members; one for a
	/// class maintained by a named account) and the tally is deleted, `Ok(false)` when it was
	/// recorded and more are needed (`PassRecorded`).
	fn count_pass(
		id: WellId,
		class: AssetClassId,
		who: &T::AccountId,
		subject: Commitment,
		annual_review: bool,
	) -> Result<bool, DispatchError> {
		let foundation = AssetClasses::<T>::get(class)
			.is_some_and(|c| matches!(c.maintainer, Maintainer::Foundation));
		let needed = if foundation {
			tn_primitives::commitment::approvals_needed(T::WellApprovals::get())
		} else {
			1
		};
		let mut tally = ReviewApprovals::<T>::get(id)
			.filter(|t| t.subject == subject)
			.unwrap_or_else(|| ReviewTally { subject, approvers: Default::default() });
		ensure!(!tally.approvers.contains(who), Error::<T>::AlreadyApproved);
		// A manager who left the Foundation since their pass no longer counts.
		tally.approvers.retain(T::FoundationMembers::contains);
		let approvals = u32::try_from(tally.approvers.len()).unwrap_or(u32::MAX).saturating_add(1);
		if approvals >= needed {
			ReviewApprovals::<T>::remove(id);
			return Ok(true);
		}
		// Below the threshold, so below `MAX_APPROVALS`: there is room.
		tally.approvers.try_push(who.clone()).map_err(|_| Error::<T>::AlreadyApproved)?;
		ReviewApprovals::<T>::insert(id, tally);
		Self::deposit_event(Event::PassRecorded {
			well: id,
			reviewer: who.clone(),
			annual_review,
			approvals,
			needed,
		});
		Ok(false)
	}

	/// Checks a well's regulator codes (`InvalidOperatorCode`, `InvalidFacilityCode`).
	pub(crate) fn check_codes(
		operator: OperatorCode,
		facility: FacilityCode,
	) -> Result<(OperatorCode, FacilityCode), DispatchError> {
		ensure!(is_valid_code(&operator), Error::<T>::InvalidOperatorCode);
		ensure!(is_valid_code(&facility), Error::<T>::InvalidFacilityCode);
		Ok((operator, facility))
	}

	pub(crate) fn do_submit_well(
		who: T::AccountId,
		asset_class: AssetClassId,
		commodity: Commodity,
		identifier: Commitment,
		docs: Commitment,
		quality: Option<OilQuality>,
		(operator, facility): (OperatorCode, FacilityCode),
	) -> DispatchResult {
		T::Producers::ensure_active(&who)?;
		let class = AssetClasses::<T>::get(asset_class).ok_or(Error::<T>::UnknownAssetClass)?;
		ensure!(class.status == AssetClassStatus::Live, Error::<T>::AssetClassNotLive);
		ensure!(class.commodities.contains(&commodity), Error::<T>::CommodityNotInClass);
		// A producer is admitted for one asset class: its wells are of that class only.
		ensure!(
			T::Producers::admitted_class(&who) == Some(asset_class),
			Error::<T>::NotAdmittedForClass
		);
		ensure!(!WellByIdentifier::<T>::contains_key(identifier), Error::<T>::IdentifierTaken);
		Self::check_quality(commodity, &quality)?;
		ensure!(T::Producers::operates(&who, &operator), Error::<T>::NotOperator);
		let id = NextWellId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::NoWellIdLeft)?;
		let deposit = T::WellDeposit::get();
		T::Currency::hold(&HoldReason::WellRegistration.into(), &who, deposit)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		WellDeposits::<T>::insert(id, deposit);
		let well = Well {
			owner: who.clone(),
			asset_class,
			commodity,
			identifier,
			docs,
			quality,
			discount: Self::discount_for(commodity, &quality),
			status: WellStatus::InReview,
			activated: None,
			expires: None,
			annual_review: AnnualReview::NotDue,
			beneficiaries: Default::default(),
			operator,
			facility,
		};
		WellsByOwner::<T>::insert(&well.owner, id, ());
		Self::sync_review_queue(id, &well);
		WellRegistry::<T>::insert(id, well);
		WellByIdentifier::<T>::insert(identifier, id);
		NextWellId::<T>::put(next);
		Self::deposit_event(Event::WellSubmitted {
			well: id,
			owner: who,
			asset_class,
			commodity,
			identifier,
		});
		Ok(())
	}

	pub(crate) fn do_edit_well(
		who: T::AccountId,
		id: WellId,
		docs: Commitment,
		quality: Option<OilQuality>,
		(operator, facility): (OperatorCode, FacilityCode),
	) -> DispatchResult {
		T::Producers::ensure_active(&who)?;
		let mut well = Self::owned_well(&who, id)?;
		ensure!(
			!matches!(well.status, WellStatus::Suspended { .. } | WellStatus::Removed { .. }),
			Error::<T>::CannotEdit
		);
		Self::check_quality(well.commodity, &quality)?;
		ensure!(T::Producers::operates(&who, &operator), Error::<T>::NotOperator);
		if matches!(well.status, WellStatus::Rejected { .. }) {
			// Rejection gave the identifier up: the resubmission claims it again.
			ensure!(
				!WellByIdentifier::<T>::contains_key(well.identifier),
				Error::<T>::IdentifierTaken
			);
			WellByIdentifier::<T>::insert(well.identifier, id);
		}
		Self::note_operator_change(id, &well.operator, &operator, MAX_OWNER_OPERATOR_CHANGES)?;
		well.docs = docs;
		well.quality = quality;
		well.operator = operator;
		well.facility = facility;
		Self::put_well(id, well, WellStatus::InReview);
		Self::deposit_event(Event::WellEdited { well: id });
		Ok(())
	}

	pub(crate) fn do_review_well(
		who: T::AccountId,
		id: WellId,
		pass: bool,
		reason: ShortText,
	) -> DispatchResult {
		let mut well = Self::get_well(id)?;
		Self::ensure_maintainer(&who, well.asset_class)?;
		ensure!(who != well.owner, Error::<T>::CannotReviewOwnWell);
		ensure!(well.status == WellStatus::InReview, Error::<T>::NotInReview);
		if !pass {
			// The identifier is free again: a producer cannot hold someone else's well hostage
			// by registering it and waiting in the rejected state.
			WellByIdentifier::<T>::remove(well.identifier);
			T::Notices::notify(
				&well.owner,
				NoticeKind::WellRejected { well: id, reason: reason.clone() },
			);
			Self::put_well(id, well, WellStatus::Rejected { reason: reason.clone() });
			Self::deposit_event(Event::WellRejected { well: id, reviewer: who, reason });
			return Ok(());
		}
		let subject = Self::pass_subject(&well, None);
		if !Self::count_pass(id, well.asset_class, &who, subject, false)? {
			return Ok(());
		}
		let today = Self::today();
		Self::put_discount(id, &mut well, today);
		if well.activated.is_none() {
			// First activation: valid for ReviewValidityDays, notice after ReviewNoticeDays.
			well.activated = Some(today);
			well.expires = Some(today.plus(T::ReviewValidityDays::get()));
			Self::schedule_notice(id, today);
			Self::schedule_reminder(id, today.month());
		}
		let (discount, expires) = (well.discount, well.expires.unwrap_or(today));
		T::Notices::notify(&well.owner, NoticeKind::WellActivated { well: id, expires });
		Self::put_well(id, well, WellStatus::Active);
		Self::deposit_event(Event::WellActivated { well: id, reviewer: who, discount, expires });
		Ok(())
	}

	/// A passed review puts the discount of the well's quality in force from `from` on: earlier
	/// days keep the discount that was in force on them.
	fn put_discount(id: WellId, well: &mut WellOf<T>, from: Day) {
		let new = Self::discount_for(well.commodity, &well.quality);
		let old = well.discount;
		DiscountHistory::<T>::mutate(id, |h| {
			if h.is_empty() {
				// The discount in force before the history began (an empty history has room).
				if h.try_push((Day(0), old)).is_err() {
					frame_support::defensive!("an empty discount history is full");
				}
			}
			match h.last_mut() {
				Some((_, d)) if *d == new => {},
				// Two passes on one day: the later one is in force on it.
				Some((day, d)) if *day == from => *d = new,
				_ => {
					if h.is_full() {
						// Forget the oldest change by merging it into the entry before it, at the
						// lower of the two discounts: a day older than the kept changes is never
						// valued above what was in force on it (issue 25, low: a dropped entry
						// let its days be re-valued at a later, better discount).
						if let (Some(&(from0, d0)), Some(&(_, d1))) = (h.first(), h.get(1)) {
							h.remove(1);
							if let Some(first) = h.iter_mut().next() {
								*first = (from0, d0.min(d1));
							}
						} else {
							h.remove(0);
						}
					}
					if h.try_push((from, new)).is_err() {
						frame_support::defensive!(
							"no room in the discount history after a removal"
						);
					}
				},
			}
		});
		well.discount = new;
	}

	/// The discount in force on `day` for well `id` (see [`DiscountHistory`]).
	pub fn discount_on(id: WellId, well: &WellOf<T>, day: Day) -> Perbill {
		Self::discount_in(&DiscountHistory::<T>::get(id), well, day)
	}

	/// The discount in force on `day` by the history `h` (read once by the caller).
	fn discount_in(h: &[(Day, Perbill)], well: &WellOf<T>, day: Day) -> Perbill {
		h.iter()
			.rev()
			.find(|(from, _)| *from <= day)
			.or_else(|| h.first())
			.map(|(_, d)| *d)
			.unwrap_or(well.discount)
	}

	fn schedule_notice(id: WellId, validated_from: Day) {
		let due = validated_from.plus(T::ReviewNoticeDays::get());
		Self::enqueue::<NoticeQueue<T>, NoticeCursor<T>, _>(due, id, ());
	}

	/// Queue `value` for `id` on day `due` in a day-keyed queue (`Q`, drained from its cursor `C`
	/// by `tn_primitives::time::drain_due`), moving the cursor back to `due` if it is earlier.
	fn enqueue<Q, C, V>(due: Day, id: WellId, value: V)
	where
		Q: frame_support::storage::StorageDoubleMap<Day, WellId, V>,
		C: frame_support::storage::StorageValue<Day, Query = Option<Day>>,
		V: codec::FullCodec,
	{
		Q::insert(due, id, value);
		C::put(C::get().unwrap_or_else(Self::today).min(due));
	}

	/// Validate a beneficiary list: shares non-zero, Σ ≤ 100 %, no duplicates, not the owner.
	fn check_beneficiaries(
		owner: &T::AccountId,
		list: &[(T::AccountId, Perbill)],
	) -> Result<Perbill, DispatchError> {
		let mut total: u64 = 0;
		let accounts: Vec<&T::AccountId> = list.iter().map(|(who, _)| who).collect();
		ensure!(tn_primitives::each_once(&accounts), Error::<T>::DuplicateBeneficiary);
		for (who, share) in list.iter() {
			ensure!(!share.is_zero(), Error::<T>::ZeroShare);
			ensure!(who != owner, Error::<T>::DuplicateBeneficiary);
			total = total.saturating_add(u64::from(share.deconstruct()));
		}
		let one = u64::from(Perbill::one().deconstruct());
		ensure!(total <= one, Error::<T>::SharesExceedHundredPercent);
		Ok(Perbill::from_parts(u32::try_from(one.saturating_sub(total)).unwrap_or(0)))
	}

	pub(crate) fn do_set_beneficiaries(
		who: T::AccountId,
		id: WellId,
		list: BeneficiariesOf<T>,
	) -> DispatchResult {
		let mut well = Self::owned_well(&who, id)?;
		let owner_share = Self::check_beneficiaries(&well.owner, &list)?;
		well.beneficiaries = list.clone();
		WellRegistry::<T>::insert(id, well);
		Self::deposit_event(Event::BeneficiariesSet { well: id, beneficiaries: list, owner_share });
		Ok(())
	}

	pub(crate) fn do_set_beneficiary_share(
		who: T::AccountId,
		id: WellId,
		beneficiary: T::AccountId,
		share: Perbill,
	) -> DispatchResult {
		let mut well = Self::owned_well(&who, id)?;
		let mut list = well.beneficiaries.clone().into_inner();
		let pos = list.iter().position(|(b, _)| b == &beneficiary);
		match (pos, share.is_zero()) {
			(Some(i), true) => {
				list.remove(i);
			},
			(Some(i), false) => {
				if let Some(entry) = list.get_mut(i) {
					entry.1 = share;
				}
			},
			(None, true) => return Err(Error::<T>::NotBeneficiary.into()),
			(None, false) => list.push((beneficiary, share)),
		}
		let owner_share = Self::check_beneficiaries(&well.owner, &list)?;
		let bounded: BeneficiariesOf<T> =
			list.try_into().map_err(|_| Error::<T>::TooManyBeneficiaries)?;
		well.beneficiaries = bounded.clone();
		WellRegistry::<T>::insert(id, well);
		Self::deposit_event(Event::BeneficiariesSet {
			well: id,
			beneficiaries: bounded,
			owner_share,
		});
		Ok(())
	}

	pub(crate) fn do_submit_annual_review(
		who: T::AccountId,
		id: WellId,
		docs: Commitment,
		quality: Option<OilQuality>,
	) -> DispatchResult {
		let mut well = Self::owned_well(&who, id)?;
		Self::ensure_active_well(&well)?;
		ensure!(
			matches!(well.annual_review, AnnualReview::Open | AnnualReview::Rejected { .. }),
			Error::<T>::AnnualReviewNotOpen
		);
		Self::check_quality(well.commodity, &quality)?;
		well.annual_review = AnnualReview::Submitted { quality, docs };
		Self::sync_review_queue(id, &well);
		WellRegistry::<T>::insert(id, well);
		Self::deposit_event(Event::AnnualReviewSubmitted { well: id, docs });
		Ok(())
	}

	pub(crate) fn do_judge_annual_review(
		who: T::AccountId,
		id: WellId,
		pass: bool,
		reason: ShortText,
	) -> DispatchResult {
		let mut well = Self::get_well(id)?;
		Self::ensure_maintainer(&who, well.asset_class)?;
		ensure!(who != well.owner, Error::<T>::CannotReviewOwnWell);
		let AnnualReview::Submitted { quality, docs } = well.annual_review else {
			return Err(Error::<T>::NoAnnualReviewSubmission.into());
		};
		if !pass {
			well.annual_review = AnnualReview::Rejected { reason: reason.clone() };
			T::Notices::notify(
				&well.owner,
				NoticeKind::AnnualReviewRejected { well: id, reason: reason.clone() },
			);
			Self::sync_review_queue(id, &well);
			WellRegistry::<T>::insert(id, well);
			Self::deposit_event(Event::AnnualReviewRejected { well: id, reviewer: who, reason });
			return Ok(());
		}
		let subject = Self::pass_subject(&well, Some((&quality, &docs)));
		if !Self::count_pass(id, well.asset_class, &who, subject, true)? {
			return Ok(());
		}
		let today = Self::today();
		let base = well.expires.unwrap_or(today).max(today);
		let expires = base.plus(T::ReviewValidityDays::get());
		well.quality = quality;
		well.docs = docs;
		Self::put_discount(id, &mut well, today);
		well.expires = Some(expires);
		well.annual_review = AnnualReview::NotDue;
		let discount = well.discount;
		T::Notices::notify(&well.owner, NoticeKind::AnnualReviewPassed { well: id, expires });
		Self::sync_review_queue(id, &well);
		WellRegistry::<T>::insert(id, well);
		Self::schedule_notice(id, base);
		Self::deposit_event(Event::AnnualReviewPassed {
			well: id,
			reviewer: who,
			discount,
			expires,
		});
		Ok(())
	}

	pub(crate) fn do_suspend_well(id: WellId, reason: ShortText) -> DispatchResult {
		let well = Self::get_well(id)?;
		ensure!(!matches!(well.status, WellStatus::Suspended { .. }), Error::<T>::WellSuspended);
		ensure!(!matches!(well.status, WellStatus::Removed { .. }), Error::<T>::WellRemoved);
		// A rejected well gave its identifier up; suspending it would bring it back to review
		// (on reinstatement) without it.
		ensure!(!matches!(well.status, WellStatus::Rejected { .. }), Error::<T>::WellRejected);
		T::Notices::notify(
			&well.owner,
			NoticeKind::WellSuspended { well: id, reason: reason.clone() },
		);
		Self::put_well(id, well, WellStatus::Suspended { reason: reason.clone() });
		Self::deposit_event(Event::WellSuspended { well: id, reason });
		Ok(())
	}

	pub(crate) fn do_reinstate_well(id: WellId) -> DispatchResult {
		let well = Self::get_well(id)?;
		ensure!(matches!(well.status, WellStatus::Suspended { .. }), Error::<T>::NotSuspended);
		// Back to review: the maintainer confirms the well before it is active again.
		T::Notices::notify(&well.owner, NoticeKind::WellReinstated { well: id });
		Self::put_well(id, well, WellStatus::InReview);
		Self::deposit_event(Event::WellReinstated { well: id });
		Ok(())
	}

	/// Hand `well`'s registration deposit back to `from` (what was held for it).
	fn release_well_deposit(id: WellId, from: &T::AccountId) -> BalanceOf<T> {
		let deposit = WellDeposits::<T>::take(id).unwrap_or_default();
		// The hold was placed at registration (or transfer) for exactly this amount.
		T::Currency::release(
			&HoldReason::WellRegistration.into(),
			from,
			deposit,
			Precision::BestEffort,
		)
		.defensive_unwrap_or_default()
	}

	/// Keep `old` as `id`'s former operator code from today when it changes to `new`, so its
	/// months keep their rows (issue 25, H1), with at most `limit` entries inside the horizon
	/// (an owner's edit: [`MAX_OWNER_OPERATOR_CHANGES`]; a governance transfer: the bound).
	/// Mutates storage only when it succeeds.
	fn note_operator_change(
		id: WellId,
		old: &OperatorCode,
		new: &OperatorCode,
		limit: u32,
	) -> DispatchResult {
		if old == new {
			return Ok(());
		}
		let today = Self::today();
		let keep_from =
			tn_primitives::horizon::horizon_start(today, T::AmendmentHorizonMonths::get())
				.first_day();
		FormerOperators::<T>::try_mutate(id, |former| {
			tn_primitives::horizon::note_change(former, old, today, keep_from, limit)
				.map_err(|_| Error::<T>::TooManyOperatorChanges.into())
		})
	}

	/// `by`: the owner (signed) or `None` for governance.
	pub(crate) fn do_remove_well(
		by: Option<T::AccountId>,
		id: WellId,
		reason: ShortText,
	) -> DispatchResult {
		let well = Self::get_well(id)?;
		ensure!(!matches!(well.status, WellStatus::Removed { .. }), Error::<T>::WellRemoved);
		let open = WellOpenMonths::<T>::get(id);
		if let Some(who) = &by {
			ensure!(&well.owner == who, Error::<T>::NotOwner);
			ensure!(
				!matches!(well.status, WellStatus::Suspended { .. }),
				Error::<T>::WellSuspended
			);
			ensure!(open == 0, Error::<T>::WellHasOpenMonths);
		}
		let owner = well.owner.clone();
		if WellByIdentifier::<T>::get(well.identifier) == Some(id) {
			WellByIdentifier::<T>::remove(well.identifier);
		}
		if open > 0 {
			OpenMonths::<T>::mutate(&owner, |n| *n = n.defensive_saturating_sub(open));
		}
		let deposit = Self::release_well_deposit(id, &owner);
		T::Notices::notify(&owner, NoticeKind::WellRemoved { well: id, reason: reason.clone() });
		Self::put_well(id, well, WellStatus::Removed { reason: reason.clone() });
		Self::deposit_event(Event::WellRemoved {
			well: id,
			owner,
			by_governance: by.is_none(),
			reason,
			deposit,
			dropped_months: open,
		});
		Ok(())
	}

	pub(crate) fn do_transfer_well(
		id: WellId,
		to: T::AccountId,
		operator: OperatorCode,
	) -> DispatchResult {
		let mut well = Self::get_well(id)?;
		ensure!(!matches!(well.status, WellStatus::Removed { .. }), Error::<T>::WellRemoved);
		ensure!(well.owner != to, Error::<T>::SameOwner);
		ensure!(WellOpenMonths::<T>::get(id) == 0, Error::<T>::WellHasOpenMonths);
		T::Producers::ensure_active(&to)?;
		ensure!(
			T::Producers::admitted_class(&to) == Some(well.asset_class),
			Error::<T>::NotAdmittedForClass
		);
		ensure!(is_valid_code(&operator), Error::<T>::InvalidOperatorCode);
		ensure!(T::Producers::operates(&to, &operator), Error::<T>::NotOperator);
		// Before the hold: a refused change leaves everything as it was.
		Self::note_operator_change(id, &well.operator, &operator, MAX_OPERATOR_CHANGES)?;
		let deposit = T::WellDeposit::get();
		T::Currency::hold(&HoldReason::WellRegistration.into(), &to, deposit)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		let from = well.owner.clone();
		Self::release_well_deposit(id, &from);
		WellDeposits::<T>::insert(id, deposit);
		// A new operator code is reviewed again; otherwise the well keeps its state. A rejected
		// well stays rejected (it holds no identifier; its new owner resubmits it).
		let status = match well.status {
			WellStatus::Rejected { .. } => well.status.clone(),
			_ if well.operator != operator => WellStatus::InReview,
			_ => well.status.clone(),
		};
		well.owner = to.clone();
		well.operator = operator;
		well.beneficiaries = Default::default();
		Self::put_well_from(id, &from, well, status.clone());
		T::Notices::notify(&from, NoticeKind::WellTransferred { well: id, received: false });
		T::Notices::notify(&to, NoticeKind::WellTransferred { well: id, received: true });
		Self::deposit_event(Event::WellTransferred { well: id, from, to, status });
		Ok(())
	}

	/// Record day records (all or nothing: any bad record fails the call and nothing is kept).
	pub(crate) fn do_upload(
		who: T::AccountId,
		records: &[(WellId, Day, Volume)],
	) -> DispatchResult {
		T::Producers::ensure_active(&who)?;
		let today = Self::today();
		let window = T::UploadWindow::get();
		for &(id, day, volume) in records {
			let well = Self::owned_well(&who, id)?;
			Self::ensure_active_well(&well)?;
			// An active well has an activation day; none would be a bug: refuse the upload.
			let activated = well.activated.defensive_ok_or(Error::<T>::WellNotActive)?;
			check_upload(day, today, activated, &window).map_err(|e| match e {
				WindowError::FutureDay => Error::<T>::FutureDay,
				WindowError::DayTooOld => Error::<T>::DayTooOld,
				WindowError::GraceOver => Error::<T>::UploadGraceOver,
				WindowError::MonthClosed => Error::<T>::MonthClosedForUploads,
				WindowError::BeforeActivation => Error::<T>::DayBeforeActivation,
			})?;
			ensure!(volume <= MAX_DAILY_VOLUME, Error::<T>::VolumeTooLarge);
			ensure!(!DayRecords::<T>::contains_key(id, day), Error::<T>::DuplicateDay);
			Ledgers::<T>::try_mutate(id, day.month(), |l| -> DispatchResult {
				if l.is_none() {
					OpenMonths::<T>::mutate(&who, |n| *n = n.saturating_add(1));
					WellOpenMonths::<T>::mutate(id, |n| *n = n.saturating_add(1));
				}
				let ledger = l.get_or_insert_with(MonthLedger::default);
				ensure!(ledger.status == MonthStatus::Open, Error::<T>::MonthAudited);
				ledger.days = ledger.days.saturating_add(1);
				// ≤ 31 × MAX_DAILY_VOLUME, far below u64::MAX.
				ledger.volume = ledger.volume.saturating_add(volume);
				Ok(())
			})?;
			DayRecords::<T>::insert(id, day, volume);
		}
		Ok(())
	}

	/// A class's commodities (at least one, each once) with its official source
	/// (`InvalidCommodities`).
	pub(crate) fn check_commodities(
		commodities: Commodities,
		source: OfficialSource,
	) -> Result<(Commodities, OfficialSource), DispatchError> {
		ensure!(
			!commodities.is_empty() && tn_primitives::each_once(&commodities),
			Error::<T>::InvalidCommodities
		);
		Ok((commodities, source))
	}

	#[allow(clippy::too_many_arguments)]
	pub(crate) fn do_add_asset_class(
		name: ShortText,
		description: LongText,
		maintainer: Maintainer<T::AccountId>,
		data_source: ShortText,
		status: AssetClassStatus,
		official: bool,
		proposer: Option<(T::AccountId, BalanceOf<T>)>,
		(commodities, source): (Commodities, OfficialSource),
	) -> DispatchResult {
		let class = NextAssetClassId::<T>::get();
		AssetClasses::<T>::insert(
			class,
			AssetClass {
				name,
				description,
				maintainer,
				data_source,
				status,
				official,
				proposer: proposer.clone(),
				commodities,
				source,
			},
		);
		NextAssetClassId::<T>::put(class.saturating_add(1));
		match proposer {
			Some((proposer, deposit)) => {
				Self::deposit_event(Event::AssetClassProposed { class, proposer, deposit })
			},
			None => Self::deposit_event(Event::AssetClassAdded { class, official, status }),
		}
		Ok(())
	}

	pub(crate) fn do_propose_asset_class(
		who: T::AccountId,
		name: ShortText,
		description: LongText,
		data_source: ShortText,
		feed: (Commodities, OfficialSource),
	) -> DispatchResult {
		let deposit = T::ProposalDeposit::get();
		T::Currency::hold(&HoldReason::AssetClassProposal.into(), &who, deposit)?;
		Self::do_add_asset_class(
			name,
			description,
			Maintainer::Account(who.clone()),
			data_source,
			AssetClassStatus::Proposed,
			false,
			Some((who, deposit)),
			feed,
		)
	}

	pub(crate) fn do_set_asset_class_status(
		class: AssetClassId,
		status: AssetClassStatus,
	) -> DispatchResult {
		AssetClasses::<T>::try_mutate(class, |c| -> DispatchResult {
			let c = c.as_mut().ok_or(Error::<T>::UnknownAssetClass)?;
			ensure!(
				status != AssetClassStatus::Proposed && c.status != status,
				Error::<T>::InvalidStatusChange
			);
			ensure!(c.status != AssetClassStatus::Retired, Error::<T>::InvalidStatusChange);
			if let Some((who, deposit)) = c.proposer.take() {
				// Governance decided on the proposal: the deposit goes back (held by `propose`).
				T::Currency::release(
					&HoldReason::AssetClassProposal.into(),
					&who,
					deposit,
					Precision::BestEffort,
				)
				.defensive_unwrap_or_default();
			}
			c.status = status;
			Ok(())
		})?;
		Self::deposit_event(Event::AssetClassStatusChanged { class, status });
		Ok(())
	}

	/// Send the annual-review notices that are due, at most `MaxNoticesPerBlock` per block.
	pub(crate) fn send_due_notices(today: Day) -> Weight {
		let Some(cursor) = NoticeCursor::<T>::get() else {
			return T::WeightInfo::send_notices(0);
		};
		let (cursor, done) = tn_primitives::time::drain_due(
			cursor,
			today,
			T::MaxNoticesPerBlock::get(),
			31,
			|day, n| {
				NoticeQueue::<T>::drain_prefix(day)
					.take(n as usize)
					.map(|(id, ())| id)
					.collect()
			},
			|_, id| {
				if let Some(mut well) = WellRegistry::<T>::get(id) {
					if well.annual_review == AnnualReview::NotDue
						&& !matches!(well.status, WellStatus::Removed { .. })
					{
						well.annual_review = AnnualReview::Open;
						let (owner, expires) = (well.owner.clone(), well.expires.unwrap_or(today));
						WellRegistry::<T>::insert(id, well);
						T::Notices::notify(
							&owner,
							NoticeKind::AnnualReviewDue { well: id, expires },
						);
						Self::deposit_event(Event::AnnualReviewDue { well: id, owner, expires });
					}
				}
			},
		);
		NoticeCursor::<T>::put(cursor);
		T::WeightInfo::send_notices(done)
	}

	/// Remind `id`'s owner of `month`'s upload window before it closes.
	pub(crate) fn schedule_reminder(id: WellId, month: Month) {
		let due = reminder_day(month, &T::UploadWindow::get());
		Self::enqueue::<WindowReminders<T>, ReminderCursor<T>, _>(due, id, month);
	}

	/// Send the upload-window reminders that are due, at most `MaxNoticesPerBlock` per block:
	/// to the owner of an active well, with the days of the month it uploaded; each well that is
	/// not removed is reminded again for the next month.
	pub(crate) fn send_due_reminders(today: Day) -> Weight {
		let Some(cursor) = ReminderCursor::<T>::get() else {
			return T::WeightInfo::send_reminders(0);
		};
		let window = T::UploadWindow::get();
		let (cursor, done) = tn_primitives::time::drain_due(
			cursor,
			today,
			T::MaxNoticesPerBlock::get(),
			31,
			|day, n| WindowReminders::<T>::drain_prefix(day).take(n as usize).collect(),
			|_, (id, month)| {
				let Some(well) = WellRegistry::<T>::get(id) else { return };
				if matches!(well.status, WellStatus::Removed { .. }) {
					return;
				}
				if well.status == WellStatus::Active {
					let uploaded = Ledgers::<T>::get(id, month).map(|l| l.days).unwrap_or(0);
					let closes = month_close(month.first_day(), &window);
					T::Notices::notify(
						&well.owner,
						NoticeKind::UploadWindowClosing { well: id, month, closes, uploaded },
					);
				}
				Self::schedule_reminder(id, month.next());
			},
		);
		ReminderCursor::<T>::put(cursor);
		T::WeightInfo::send_reminders(done)
	}

	/// A well's day records within `month`, in day order.
	pub fn records_in(id: WellId, month: Month) -> Vec<(Day, Volume)> {
		let (first, last) = (month.first_day(), month.last_day());
		(first.0..=last.0)
			.filter_map(|d| DayRecords::<T>::get(id, Day(d)).map(|v| (Day(d), v)))
			.collect()
	}

	/// Value a month ([`tn_primitives::valuation::month_value`]): Σ volume × that day's price (or
	/// the fallback average) × the discount in force on that day ([`DiscountHistory`]), capped at
	/// the same monthly volume spread evenly over the month's days from the well's activation
	/// (or its first upload, if earlier) to the month's end. Days of that span without any price
	/// (not even a fallback) are left out of the even spread; an uploaded day without one makes
	/// the month unmintable (`DayWithoutPrice`, checked by the caller). Returns the value and the
	/// price that valued each uploaded day.
	pub fn value_month(
		id: WellId,
		well: &WellOf<T>,
		records: &[(Day, Volume)],
		month: Month,
	) -> Result<(MonthValue, Vec<(Day, PriceUsed)>), DispatchError> {
		let start = month.first_day().minus(PRICE_LOOKBACK_DAYS);
		// Prices from the lookback start to the month's end, one read per day.
		let window: Vec<Option<PriceMicroUsd>> = (start.0..=month.last_day().0)
			.map(|d| T::Prices::price(well.commodity, Day(d)))
			.collect();
		let price_on = |day: Day| -> PriceUsed {
			let idx = day.0.saturating_sub(start.0) as usize;
			match window.get(idx).copied().flatten() {
				Some(p) => PriceUsed::Day(p),
				None => {
					let earlier: Vec<PriceMicroUsd> = window
						.get(..idx)
						.unwrap_or_default()
						.iter()
						.rev()
						.flatten()
						.copied()
						.collect();
					fallback_price(&earlier)
				},
			}
		};
		let history = DiscountHistory::<T>::get(id);
		let priced = |day: Day, price: PriceUsed| PricedDay {
			price: price.price(),
			discount: Self::discount_in(&history, well, day),
		};
		let used: Vec<(Day, PriceUsed)> = records.iter().map(|&(d, _)| (d, price_on(d))).collect();
		let uploaded: Vec<(Volume, PricedDay)> = records
			.iter()
			.zip(used.iter())
			.map(|(&(_, volume), &(day, price))| (volume, priced(day, price)))
			.collect();
		let first_upload = records.first().map(|(d, _)| *d).unwrap_or(month.first_day());
		let from = well
			.activated
			.map_or(first_upload, |a| a.min(first_upload))
			.max(month.first_day());
		let month_days: Vec<PricedDay> = (from.0..=month.last_day().0)
			.map(Day)
			.map(|d| (d, price_on(d)))
			.filter(|(_, p)| !matches!(p, PriceUsed::Missing))
			.map(|(d, p)| priced(d, p))
			.collect();
		let factor = T::MmbtuPerE3m3Milli::get();
		let value = month_value(well.commodity, factor, &uploaded, &month_days)
			.ok_or(Error::<T>::ValueOverflow)?;
		Ok((value, used))
	}

	/// Invariants: ledger totals (days, volume) equal the day records and every day record has its
	/// ledger and well; per-owner active counts match the wells; the identifier index points at
	/// each well; an active well was activated and has a validity end; only activated wells have
	/// an annual review under way.
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::BTreeMap;
		use sp_runtime::Saturating;
		for (id, t) in ReviewApprovals::<T>::iter() {
			let well = WellRegistry::<T>::get(id).ok_or("passes recorded for an unknown well")?;
			ensure!(awaits_review::<T>(&well), "passes recorded for a well not in review");
			ensure!(!t.approvers.is_empty(), "an empty review tally is stored");
			ensure!(tn_primitives::each_once(&t.approvers), "a manager passed a well twice");
			ensure!(!t.approvers.contains(&well.owner), "an owner passed its own well");
		}
		let mut reminders: BTreeMap<WellId, u32> = BTreeMap::new();
		for (_, id, _) in WindowReminders::<T>::iter() {
			let n = reminders.entry(id).or_default();
			*n = n.saturating_add(1);
		}
		for (id, well) in WellRegistry::<T>::iter() {
			let want = u32::from(crate::migration::v5::reminded::<T>(&well));
			// A removed well's last reminder is dropped when it comes due.
			let have = reminders.get(&id).copied().unwrap_or(0);
			ensure!(
				have == want || (want == 0 && have <= 1 && well.activated.is_some()),
				"a reminded well without exactly one upload-window reminder"
			);
		}
		for (id, month, ledger) in Ledgers::<T>::iter() {
			let records = Self::records_in(id, month);
			ensure!(
				records.len() == usize::from(ledger.days),
				"ledger days differ from the day records"
			);
			let sum = records.iter().try_fold(0u64, |acc, (_, v)| acc.checked_add(*v));
			ensure!(sum == Some(ledger.volume), "ledger volume differs from the day records");
		}
		let mut wells: usize = 0;
		for (id, well) in WellRegistry::<T>::iter() {
			wells = wells.saturating_add(1);
			ensure!(
				WellsByOwner::<T>::contains_key(&well.owner, id),
				"a well missing from its owner's index"
			);
			ensure!(
				ReviewQueue::<T>::contains_key(id) == awaits_review::<T>(&well),
				"the review queue differs from the wells awaiting review"
			);
		}
		ensure!(
			WellsByOwner::<T>::iter().count() == wells,
			"an owner index entry without its well"
		);
		ensure!(
			ReviewQueue::<T>::iter_keys().all(WellRegistry::<T>::contains_key),
			"a queued review of an unknown well"
		);
		for (identifier, id) in WellByIdentifier::<T>::iter() {
			ensure!(
				WellRegistry::<T>::get(id).is_some_and(|w| w.identifier == identifier),
				"an identifier indexed to another well"
			);
		}
		for (id, day, _) in DayRecords::<T>::iter() {
			ensure!(Ledgers::<T>::contains_key(id, day.month()), "a day record outside any ledger");
			ensure!(WellRegistry::<T>::contains_key(id), "a day record of an unknown well");
		}
		let mut active: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		let mut deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (id, well) in WellRegistry::<T>::iter() {
			// Rejected and removed wells gave their identifier up (another well may hold it).
			if !matches!(well.status, WellStatus::Rejected { .. } | WellStatus::Removed { .. }) {
				ensure!(
					WellByIdentifier::<T>::get(well.identifier) == Some(id),
					"identifier index broken"
				);
			}
			if let Some(d) = WellDeposits::<T>::get(id) {
				ensure!(
					!matches!(well.status, WellStatus::Removed { .. }),
					"a removed well keeps a deposit"
				);
				let sum = deposits.entry(well.owner.clone()).or_default();
				*sum = sum.saturating_add(d);
			}
			if well.status == WellStatus::Active {
				let n = active.entry(well.owner.clone()).or_default();
				*n = n.saturating_add(1);
				ensure!(
					well.activated.is_some() && well.expires.is_some(),
					"active well never activated"
				);
			}
			ensure!(
				matches!(well.annual_review, AnnualReview::NotDue) || well.activated.is_some(),
				"annual review of a never-activated well"
			);
		}
		let mut open: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		let mut open_per_well: BTreeMap<WellId, u32> = BTreeMap::new();
		for (id, _, ledger) in Ledgers::<T>::iter() {
			if ledger.status == MonthStatus::Open {
				let n = open_per_well.entry(id).or_default();
				*n = n.saturating_add(1);
			}
			let well = WellRegistry::<T>::get(id).ok_or("a ledger of an unknown well")?;
			// A removed well's open months were dropped from its owner's count.
			if ledger.status == MonthStatus::Open
				&& !matches!(well.status, WellStatus::Removed { .. })
			{
				let n = open.entry(well.owner).or_default();
				*n = n.saturating_add(1);
			}
		}
		for (id, n) in WellOpenMonths::<T>::iter() {
			ensure!(open_per_well.get(&id).copied().unwrap_or(0) == n, "well open months differ");
		}
		for (id, n) in open_per_well {
			ensure!(WellOpenMonths::<T>::get(id) == n, "well open months not counted");
		}
		for (who, n) in OpenMonths::<T>::iter() {
			ensure!(open.get(&who).copied().unwrap_or(0) == n, "open month count differs");
		}
		for (who, n) in open {
			ensure!(OpenMonths::<T>::get(&who) == n, "open months not counted");
		}
		for (who, sum) in deposits {
			use frame_support::traits::fungible::InspectHold;
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::WellRegistration.into(), &who) == sum,
				"registration deposits differ from the held balance"
			);
		}
		for (who, n) in ActiveWells::<T>::iter() {
			ensure!(active.get(&who).copied().unwrap_or(0) == n, "active well count differs");
		}
		for (who, n) in active {
			ensure!(ActiveWells::<T>::get(&who) == n, "active wells not counted");
		}
		Ok(())
	}
}

impl<T: Config> ActiveWellCount<T::AccountId> for Pallet<T> {
	fn active_wells(who: &T::AccountId) -> u32 {
		ActiveWells::<T>::get(who)
	}
	fn open_months(who: &T::AccountId) -> u32 {
		OpenMonths::<T>::get(who)
	}
	fn wells_with_operator(who: &T::AccountId, operator: &[u8], scan: u32) -> Option<u32> {
		let mut using = 0u32;
		for (seen, id) in WellsByOwner::<T>::iter_key_prefix(who).enumerate() {
			if seen >= scan as usize {
				return None;
			}
			let carries = WellRegistry::<T>::get(id).is_some_and(|w| {
				!matches!(w.status, WellStatus::Removed { .. } | WellStatus::Rejected { .. })
					&& &w.operator[..] == operator
			});
			if carries {
				using = using.saturating_add(1);
			}
		}
		Some(using)
	}
}

/// Asset classes that accept producers: the Live ones.
pub struct LiveAssetClasses<T>(core::marker::PhantomData<T>);
impl<T: Config> Contains<AssetClassId> for LiveAssetClasses<T> {
	fn contains(class: &AssetClassId) -> bool {
		AssetClasses::<T>::get(class).is_some_and(|c| c.status == AssetClassStatus::Live)
	}
}

/// Whether a Foundation Manager has to judge `well`: in review, or its annual review submitted
/// (the [`ReviewQueue`]).
pub fn awaits_review<T: Config>(well: &WellOf<T>) -> bool {
	well.status == WellStatus::InReview
		|| matches!(well.annual_review, AnnualReview::Submitted { .. })
}

impl<T: Config> WellLedger<T::AccountId> for Pallet<T> {
	fn month_for_audit(
		who: Option<&T::AccountId>,
		id: WellId,
		month: Month,
	) -> Result<MonthForAudit<T::AccountId>, DispatchError> {
		let well = Self::get_well(id)?;
		if let Some(who) = who {
			ensure!(&well.owner == who, Error::<T>::NotOwner);
			Self::ensure_active_well(&well)?;
			let today = Self::today();
			ensure!(well.expires.is_some_and(|e| today < e), Error::<T>::WellExpired);
			ensure!(today > month.last_day(), Error::<T>::MonthNotOver);
		}
		let ledger = Ledgers::<T>::get(id, month).ok_or(Error::<T>::NothingUploaded)?;
		ensure!(ledger.status == MonthStatus::Open, Error::<T>::MonthAudited);
		ensure!(ledger.days > 0, Error::<T>::NothingUploaded);
		let records = Self::records_in(id, month);
		let (value, prices) = Self::value_month(id, &well, &records, month)?;
		let value = value.value;
		// Every uploaded day is valued at its own price or the fallback: a day worth 0 for lack
		// of a price would close the month for good with its value lost.
		ensure!(
			prices.iter().all(|(_, p)| !matches!(p, PriceUsed::Missing)),
			Error::<T>::DayWithoutPrice
		);
		Ok(MonthForAudit {
			owner: well.owner.clone(),
			commodity: well.commodity,
			volume: ledger.volume,
			value,
			days: ledger.days,
			prices,
			beneficiaries: well.beneficiaries.into_inner(),
		})
	}

	fn close_month(id: WellId, month: Month, minted: bool) {
		let status = if minted { MonthStatus::Minted } else { MonthStatus::Failed };
		Self::set_closed(id, month, status);
	}

	fn lapse_month(id: WellId, month: Month) {
		Self::set_closed(id, month, MonthStatus::Lapsed);
	}

	fn owner(id: WellId) -> Option<(T::AccountId, bool)> {
		WellRegistry::<T>::get(id)
			.map(|w| (w.owner, matches!(w.status, WellStatus::Removed { .. })))
	}

	fn closed(id: WellId, month: Month) -> Option<bool> {
		match Ledgers::<T>::get(id, month)?.status {
			MonthStatus::Open => None,
			MonthStatus::Minted => Some(true),
			MonthStatus::Failed | MonthStatus::Lapsed => Some(false),
		}
	}

	fn max_beneficiaries() -> u32 {
		T::MaxBeneficiaries::get()
	}

	fn months(id: WellId) -> Vec<(Month, u8, Volume)> {
		Self::months_of(id).into_iter().map(|(m, l)| (m, l.days, l.volume)).collect()
	}

	fn month(id: WellId, month: Month) -> Option<(u8, Volume)> {
		Ledgers::<T>::get(id, month).map(|l| (l.days, l.volume))
	}
}

impl<T: Config> Pallet<T> {
	/// Close `id`'s `month` with `status` (an audit's outcome, or lapsed) and tell it.
	fn set_closed(id: WellId, month: Month, status: MonthStatus) {
		Ledgers::<T>::mutate(id, month, |l| {
			if let Some(l) = l.as_mut() {
				if l.status == MonthStatus::Open {
					WellOpenMonths::<T>::mutate(id, |n| *n = n.defensive_saturating_sub(1));
					// A removed well's open months were dropped from its owner's count already.
					if let Some(well) = WellRegistry::<T>::get(id)
						.filter(|w| !matches!(w.status, WellStatus::Removed { .. }))
					{
						OpenMonths::<T>::mutate(&well.owner, |n| {
							*n = n.defensive_saturating_sub(1)
						});
					}
				}
				l.status = status;
			}
		});
		Self::deposit_event(Event::MonthClosed { well: id, month, status });
	}
}

impl<T: Config> tn_primitives::traits::WellDirectory for Pallet<T> {
	/// Wells of asset classes fed by Petrinex (the only official feed on chain) that are active
	/// or have audited months from `horizon_start` on.
	fn fed_wells(horizon_start: Month) -> Vec<DirectoryWell> {
		let fed: Vec<AssetClassId> = AssetClasses::<T>::iter()
			.filter(|(_, c)| c.source == OfficialSource::Petrinex)
			.map(|(id, _)| id)
			.collect();
		WellRegistry::<T>::iter()
			.filter(|(_, w)| fed.contains(&w.asset_class))
			.filter_map(|(id, w)| {
				let active = w.status == WellStatus::Active;
				let audited: Vec<Month> = Ledgers::<T>::iter_prefix(id)
					.filter(|(m, l)| *m >= horizon_start && l.status.is_audited())
					.map(|(m, _)| m)
					.collect();
				(active || !audited.is_empty()).then(|| DirectoryWell {
					id,
					identifier: w.identifier,
					commodity: w.commodity,
					activated: w.activated,
					operator: w.operator,
					former_operators: FormerOperators::<T>::get(id).into_inner(),
					facility: w.facility,
					active,
					audited,
				})
			})
			.collect()
	}

	fn is_audited(well: WellId, month: Month) -> bool {
		Ledgers::<T>::get(well, month).is_some_and(|l| l.status.is_audited())
			&& WellRegistry::<T>::get(well).is_some_and(|w| Self::fed_by_petrinex(&w))
	}

	fn is_active(well: WellId) -> bool {
		WellRegistry::<T>::get(well)
			.is_some_and(|w| w.status == WellStatus::Active && Self::fed_by_petrinex(&w))
	}
}

impl<T: Config> Pallet<T> {
	/// Whether `well`'s asset class gets its official figures from Petrinex (one read).
	fn fed_by_petrinex(well: &WellOf<T>) -> bool {
		AssetClasses::<T>::get(well.asset_class)
			.is_some_and(|c| c.source == OfficialSource::Petrinex)
	}
}
