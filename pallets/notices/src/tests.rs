//! Tests of the notices pallet: bounded inboxes, ids, dismissal.

use crate::{mock::*, Error, Event, Inboxes, Notice, NoticeKind, Pallet};
use frame_support::{assert_noop, assert_ok};
use tn_primitives::{Day, Notify};

const ALICE: u64 = 1;
const BOB: u64 = 2;

fn due(well: u32) -> NoticeKind {
	NoticeKind::AnnualReviewDue { well, expires: Day(20_819) }
}

fn ids(who: u64) -> Vec<u32> {
	Pallet::<Test>::notices_of(who).into_iter().map(|(id, _)| id).collect()
}

#[test]
fn a_notice_is_dated_and_numbered_per_account() {
	new_test_ext().execute_with(|| {
		<Pallet<Test> as Notify<u64>>::notify(&ALICE, due(7));
		Timestamp::set_timestamp(START_MS + 86_400_000);
		<Pallet<Test> as Notify<u64>>::notify(&ALICE, due(8));
		<Pallet<Test> as Notify<u64>>::notify(&BOB, due(9));
		assert_eq!(
			Pallet::<Test>::notices_of(ALICE),
			vec![
				(0, Notice { day: Day(20_454), kind: due(7) }),
				(1, Notice { day: Day(20_455), kind: due(8) })
			]
		);
		assert_eq!(
			Pallet::<Test>::notices_of(BOB),
			vec![(0, Notice { day: Day(20_455), kind: due(9) })]
		);
		System::assert_has_event(Event::Noticed { who: ALICE, id: 1, dropped: None }.into());
		assert_ok!(Pallet::<Test>::do_try_state());
	});
}

#[test]
fn a_full_inbox_drops_its_oldest_notice() {
	new_test_ext().execute_with(|| {
		for well in 0..4 {
			Pallet::<Test>::send(&ALICE, due(well));
		}
		assert_eq!(ids(ALICE), vec![0, 1, 2, 3]); // MaxNotices = 4
		Pallet::<Test>::send(&ALICE, due(4));
		System::assert_last_event(Event::Noticed { who: ALICE, id: 4, dropped: Some(0) }.into());
		assert_eq!(ids(ALICE), vec![1, 2, 3, 4]);
		let wells: Vec<u32> = Pallet::<Test>::notices_of(ALICE)
			.into_iter()
			.map(|(_, n)| match n.kind {
				NoticeKind::AnnualReviewDue { well, .. } => well,
				_ => u32::MAX,
			})
			.collect();
		assert_eq!(wells, vec![1, 2, 3, 4]);
		assert_ok!(Pallet::<Test>::do_try_state());
	});
}

#[test]
fn dismiss_removes_one_notice_and_ids_are_never_reused() {
	new_test_ext().execute_with(|| {
		for well in 0..3 {
			Pallet::<Test>::send(&ALICE, due(well));
		}
		assert_ok!(Notices::dismiss(RuntimeOrigin::signed(ALICE), 1));
		System::assert_last_event(Event::Dismissed { who: ALICE, id: 1 }.into());
		assert_eq!(ids(ALICE), vec![0, 2]);
		Pallet::<Test>::send(&ALICE, due(3));
		assert_eq!(ids(ALICE), vec![0, 2, 3]);
		assert_ok!(Pallet::<Test>::do_try_state());
	});
}

#[test]
fn unknown_notice_is_refused_and_changes_nothing() {
	new_test_ext().execute_with(|| {
		// No inbox at all.
		assert_noop!(
			Notices::dismiss(RuntimeOrigin::signed(ALICE), 0),
			Error::<Test>::UnknownNotice
		);
		Pallet::<Test>::send(&ALICE, due(0));
		// Another account's id, an id not issued, an id dismissed already.
		assert_noop!(Notices::dismiss(RuntimeOrigin::signed(BOB), 0), Error::<Test>::UnknownNotice);
		assert_noop!(
			Notices::dismiss(RuntimeOrigin::signed(ALICE), 1),
			Error::<Test>::UnknownNotice
		);
		assert_ok!(Notices::dismiss(RuntimeOrigin::signed(ALICE), 0));
		assert_noop!(
			Notices::dismiss(RuntimeOrigin::signed(ALICE), 0),
			Error::<Test>::UnknownNotice
		);
		// The emptied inbox keeps its counter: the next notice is id 1.
		Pallet::<Test>::send(&ALICE, due(1));
		assert_eq!(ids(ALICE), vec![1]);
	});
}

#[test]
fn dismiss_all_empties_the_inbox_and_keeps_its_next_id() {
	new_test_ext().execute_with(|| {
		assert_noop!(Notices::dismiss_all(RuntimeOrigin::signed(ALICE)), Error::<Test>::InboxEmpty);
		Pallet::<Test>::send(&ALICE, due(0));
		Pallet::<Test>::send(&ALICE, due(1));
		Pallet::<Test>::send(&BOB, due(2));
		assert_ok!(Notices::dismiss_all(RuntimeOrigin::signed(ALICE)));
		System::assert_last_event(Event::DismissedAll { who: ALICE, count: 2 }.into());
		let inbox = Inboxes::<Test>::get(ALICE).unwrap();
		assert_eq!((inbox.next_id, inbox.notices.len()), (2, 0));
		assert_noop!(Notices::dismiss_all(RuntimeOrigin::signed(ALICE)), Error::<Test>::InboxEmpty);
		assert_eq!(ids(BOB), vec![0]);
		// An inbox emptied by single dismissals is refused too.
		assert_ok!(Notices::dismiss(RuntimeOrigin::signed(BOB), 0));
		assert_noop!(Notices::dismiss_all(RuntimeOrigin::signed(BOB)), Error::<Test>::InboxEmpty);
	});
}

#[test]
fn unsigned_origins_are_refused() {
	new_test_ext().execute_with(|| {
		Pallet::<Test>::send(&ALICE, due(0));
		assert_noop!(
			Notices::dismiss(RuntimeOrigin::root(), 0),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			Notices::dismiss_all(RuntimeOrigin::none()),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}

fn closing(well: u32, month: u8) -> NoticeKind {
	NoticeKind::UploadWindowClosing {
		well,
		month: tn_primitives::Month::new(2026, month).unwrap(),
		closes: Day(20_500),
		uploaded: 3,
	}
}

#[test]
fn a_reminder_replaces_the_same_well_s_previous_reminder() {
	new_test_ext().execute_with(|| {
		Pallet::<Test>::send(&ALICE, closing(7, 1));
		Pallet::<Test>::send(&ALICE, closing(8, 1));
		Pallet::<Test>::send(&ALICE, closing(7, 2));
		System::assert_last_event(Event::Noticed { who: ALICE, id: 2, dropped: Some(0) }.into());
		let kept: Vec<_> = Pallet::<Test>::notices_of(ALICE)
			.into_iter()
			.map(|(id, n)| (id, n.kind))
			.collect();
		assert_eq!(kept, vec![(1, closing(8, 1)), (2, closing(7, 2))]);
	});
}

#[test]
fn reminders_make_room_before_judgements() {
	new_test_ext().execute_with(|| {
		// A producer with many wells: a judgement among monthly reminders (MaxNotices = 4).
		Pallet::<Test>::send(&ALICE, due(1));
		for well in 10..13 {
			Pallet::<Test>::send(&ALICE, closing(well, 1));
		}
		for well in 13..20 {
			Pallet::<Test>::send(&ALICE, closing(well, 1));
		}
		let kept: Vec<_> = Pallet::<Test>::notices_of(ALICE)
			.into_iter()
			.map(|(id, n)| (id, n.kind))
			.collect();
		assert_eq!(
			kept,
			vec![(0, due(1)), (8, closing(17, 1)), (9, closing(18, 1)), (10, closing(19, 1))]
		);
		// Without reminders left, the oldest notice goes.
		for well in 2..6 {
			Pallet::<Test>::send(&ALICE, due(well));
		}
		assert_eq!(ids(ALICE), vec![11, 12, 13, 14]);
		assert_ok!(Pallet::<Test>::do_try_state());
	});
}

/// Issue 25: ids 0, 1, 2 sent and all dismissed; the next notice is id 3, never 0 again (the
/// inbox used to be deleted with its counter, so the next judgement reused id 0).
#[test]
fn ids_are_never_reused_after_dismiss_all() {
	new_test_ext().execute_with(|| {
		for well in 0..3 {
			Pallet::<Test>::send(&ALICE, due(well));
		}
		assert_eq!(ids(ALICE), vec![0, 1, 2]);
		assert_ok!(Notices::dismiss_all(RuntimeOrigin::signed(ALICE)));
		assert_eq!(ids(ALICE), Vec::<u32>::new());
		Pallet::<Test>::send(&ALICE, due(7));
		System::assert_last_event(Event::Noticed { who: ALICE, id: 3, dropped: None }.into());
		assert_eq!(ids(ALICE), vec![3]);
		assert_ok!(Notices::dismiss_all(RuntimeOrigin::signed(ALICE)));
		Pallet::<Test>::send(&ALICE, due(8));
		assert_eq!(ids(ALICE), vec![4]);
		assert_ok!(Pallet::<Test>::do_try_state());
	});
}
