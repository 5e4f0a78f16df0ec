//! Issue 9, item 4: the origin matrix. Every privileged call of the runtime is dispatched from
//! every kind of origin, on the real runtime built from the dev genesis preset:
//!
//! | role                      | origin                                                   |
//! |---------------------------|----------------------------------------------------------|
//! | `None`                    | `RuntimeOrigin::none()` (an unsigned transaction)          |
//! | `Plain`                   | signed by `One`, an endowed account with no role           |
//! | `Producer`                | signed by Eve (admitted producer, owner of active well 0) |
//! | `Beneficiary`             | signed by Ferdie (20 % beneficiary of well 0)              |
//! | `Feeder`                  | signed by Dave (the only member of `OracleFeeders`)        |
//! | `Verifier`                | signed by Charlie (the only member of `KycVerifiers`)      |
//! | `FoundationMember`        | signed by Bob (the only Foundation Manager)                |
//! | `SudoKey`                 | signed by Alice (the dev chain's sudo key, nothing else)   |
//! | `FoundationMotion`        | the Foundation collective, unanimous: `Members(1, 1)`      |
//! | `FoundationMemberOrigin`  | the Foundation collective's `Member(Bob)` origin           |
//! | `Root`                    | `RuntimeOrigin::root()` (a passed referendum, or sudo)     |
//!
//! The dev preset gives Alice several roles at once; [`world`] reassigns them with Root so
//! every role is a different account. For each call, [`only`] asserts that each origin outside
//! the allowed set fails with its exact error **and leaves the storage root unchanged**, and that
//! each allowed origin succeeds on the same state and changes it (inside a transaction that is
//! rolled back, so every origin meets the same state). Each test ends with the pallets'
//! invariants.
//!
//! Decisions and findings recorded here:
//! - **Root feeds the oracle.** pallet-oracle 0.7 accepts Root in `feed_values` and stores the
//!   values under the oracle pallet's own account (`tn/oracl`), which counts in the median like a
//!   feeder. That is pallet-oracle's design (Root is a passed referendum, which could as well add
//!   itself a feeder); it is asserted explicitly, not hidden. Root's values are not dropped when
//!   the feeder set changes.
//! - **TAT.** No origin — no signed account of any role, not Root, not the collective — can mint,
//!   burn, move, freeze or re-administer TAT through pallet-assets: only the audit pallet's
//!   account is issuer/admin/owner and nobody can sign for it. But Root (and, on dev chains, the
//!   sudo key) *can* dispatch as that account through `Sudo::sudo_as`, because pallet-sudo accepts
//!   Root as well as the key: [`root_is_sovereign_it_can_dispatch_as_the_tat_issuer`] documents it: Root is
//!   sovereign (it can also upgrade the runtime or write storage), so no rule binds it.
//! - A zero-amount `Assets::mint` succeeds for anyone (pallet-assets returns early before the
//!   issuer check) and emits `Issued { amount: 0 }`; supply and balances are unchanged.

use crate::common::*;

use std::collections::BTreeSet;

use codec::Compact;
use frame_support::{
	assert_noop, assert_ok,
	storage::with_transaction,
	traits::{fungibles::Inspect, GetCallMetadata, StorePreimage},
};
use pallet_wells::{AssetClassStatus, Maintainer};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	traits::{AccountIdConversion, BlakeTwo256, Dispatchable, Hash as _},
	DispatchError, Perbill, TransactionOutcome,
};
use tn_primitives::{
	feeds::{FeedKey, FeedValue, Provenance},
	Commodity, Day, Month, OilQuality,
};
use treasurenet_runtime::{
	configs::{tat_issuer, FoundationCollective, OraclePalletId, TAT_ASSET_ID},
	dynamic_params, AccountId, Assets, AuditMint, Balances, Democracy, FoundationMembership,
	KycVerifiers, Oracle, OracleFeeders, Preimage, Producers, Runtime, RuntimeCall, RuntimeOrigin,
	RuntimeParameters, System, Wells, UNIT,
};

// ---------------------------------------------------------------------------------------------
// Roles and the matrix helper.
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
	None,
	Plain,
	Producer,
	Beneficiary,
	Feeder,
	Verifier,
	FoundationMember,
	SudoKey,
	FoundationMotion,
	FoundationMemberOrigin,
	Root,
}
use Role::*;

const ROLES: [Role; 11] = [
	None,
	Plain,
	Producer,
	Beneficiary,
	Feeder,
	Verifier,
	FoundationMember,
	SudoKey,
	FoundationMotion,
	FoundationMemberOrigin,
	Root,
];

fn dave() -> AccountId {
	Sr25519Keyring::Dave.to_account_id()
}
/// An endowed account with no role.
fn plain() -> AccountId {
	Sr25519Keyring::One.to_account_id()
}
/// An endowed account with no role, used as a new applicant or proposer.
fn newcomer() -> AccountId {
	Sr25519Keyring::Two.to_account_id()
}

type CollectiveOrigin = pallet_collective::RawOrigin<AccountId, FoundationCollective>;

impl Role {
	/// The account of a signed role.
	fn account(self) -> Option<AccountId> {
		match self {
			Plain => Some(plain()),
			Producer => Some(eve()),
			Beneficiary => Some(ferdie()),
			Feeder => Some(dave()),
			Verifier => Some(charlie()),
			FoundationMember => Some(bob()),
			SudoKey => Some(alice()),
			None | FoundationMotion | FoundationMemberOrigin | Root => Option::None,
		}
	}

	fn origin(self) -> RuntimeOrigin {
		match self {
			None => RuntimeOrigin::none(),
			Root => RuntimeOrigin::root(),
			FoundationMotion => {
				let n =
					pallet_collective::Members::<Runtime, FoundationCollective>::get().len() as u32;
				CollectiveOrigin::Members(n, n).into()
			},
			FoundationMemberOrigin => CollectiveOrigin::Member(bob()).into(),
			signed => RuntimeOrigin::signed(signed.account().expect("a signed role")),
		}
	}
}

fn state_root() -> Vec<u8> {
	sp_io::storage::root(sp_runtime::StateVersion::V1)
}

fn name(call: &RuntimeCall) -> String {
	let m = call.get_call_metadata();
	format!("{}.{}", m.pallet_name, m.function_name)
}

fn dispatch(call: &RuntimeCall, origin: RuntimeOrigin) -> Result<(), DispatchError> {
	call.clone().dispatch(origin).map(|_| ()).map_err(|e| e.error)
}

/// `call` from `origin` fails with `err` and changes nothing.
fn rejected(call: &RuntimeCall, who: &str, origin: RuntimeOrigin, err: DispatchError) {
	let before = state_root();
	assert_eq!(dispatch(call, origin), Err(err), "{} from {who}", name(call));
	assert_eq!(state_root(), before, "{} from {who} failed but changed the state", name(call));
	println!("{:<44} {who:<24} rejected: {err:?}", name(call));
}

/// `call` from `origin` succeeds and changes the state; then everything is rolled back.
fn accepted(call: &RuntimeCall, who: &str, origin: RuntimeOrigin) {
	let (result, changed) = with_transaction(|| {
		let before = state_root();
		let result = dispatch(call, origin);
		let changed = state_root() != before;
		TransactionOutcome::Rollback(Ok::<_, DispatchError>((result, changed)))
	})
	.expect("a transaction layer");
	assert_eq!(result, Ok(()), "{} from {who}", name(call));
	assert!(changed, "{} from {who} succeeded without changing anything", name(call));
	println!("{:<44} {who:<24} allowed", name(call));
}

/// The matrix of one call: every role outside `allowed` fails with `expected(role)` and changes
/// nothing; every role in `allowed` succeeds on the same state.
fn only(call: RuntimeCall, allowed: &[Role], expected: impl Fn(Role) -> DispatchError) {
	for role in ROLES {
		if !allowed.contains(&role) {
			rejected(&call, &format!("{role:?}"), role.origin(), expected(role));
		}
	}
	for &role in allowed {
		accepted(&call, &format!("{role:?}"), role.origin());
	}
}

/// Every refused origin gets `BadOrigin`.
fn bad_origin(_: Role) -> DispatchError {
	DispatchError::BadOrigin
}

/// Signed origins get `err` (they pass the origin check, then fail the pallet's own check);
/// unsigned, Root and collective origins get `BadOrigin`.
fn signed_gets(err: impl Into<DispatchError>) -> impl Fn(Role) -> DispatchError {
	let err = err.into();
	move |role| if role.account().is_some() { err } else { DispatchError::BadOrigin }
}

fn root() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

fn apply(call: RuntimeCall, origin: RuntimeOrigin) {
	assert_ok!(dispatch(&call, origin));
}

// ---------------------------------------------------------------------------------------------
// The world: Eve onboarded, every role a distinct account.
// ---------------------------------------------------------------------------------------------

const KYB: [u8; 32] = [11; 32];
const KYC: [u8; 32] = [12; 32];
const QUALITY: OilQuality = OilQuality { api_gravity_x100: 3_500, acidity_bp: 30 };

fn world() -> sp_io::TestExternalities {
	let mut ext = dev_ext(JAN_1_2026_MS);
	ext.execute_with(|| {
		// Onboarding uses the dev roles (Alice reviews the well as a Foundation Manager).
		let well = onboard();
		assert_eq!(well, 0);
		// Then one role per account.
		assert_ok!(FoundationMembership::reset_members(root(), vec![bob()]));
		assert_ok!(KycVerifiers::reset_members(root(), vec![charlie()]));
		assert_ok!(OracleFeeders::reset_members(root(), vec![dave()]));
		for who in [plain(), newcomer()] {
			assert_ok!(Balances::force_set_balance(root(), who.into(), 1_000 * UNIT));
		}
		// The Foundation collective follows its membership.
		assert_eq!(pallet_collective::Members::<Runtime, FoundationCollective>::get(), vec![bob()]);
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(alice()));
		assert_eq!(
			pallet_membership::Members::<Runtime, pallet_membership::Instance2>::get().to_vec(),
			vec![charlie()]
		);
		assert_eq!(
			pallet_membership::Members::<Runtime, pallet_membership::Instance3>::get().to_vec(),
			vec![dave()]
		);
		let accounts: BTreeSet<_> = ROLES.iter().filter_map(|r| r.account()).collect();
		assert_eq!(accounts.len(), 7, "every signed role is a distinct account");
		assert!(!accounts.contains(&newcomer()));
		System::reset_events();
	});
	ext
}

/// Newcomer (Two): an open application awaiting its KYB judgement.
fn newcomer_applies() {
	assert_ok!(Producers::apply(signed(&newcomer()), 0, KYB));
}

/// Newcomer admitted as a second producer (no wells).
fn newcomer_admitted() {
	newcomer_applies();
	assert_ok!(Producers::judge_kyb(
		signed(&charlie()),
		newcomer().into(),
		KYB,
		true,
		ops_of(&newcomer())
	));
	assert_ok!(Producers::submit_kyc(signed(&newcomer()), KYC));
	assert_ok!(Producers::judge_kyc(signed(&charlie()), newcomer().into(), KYC, true));
}

fn january() -> Month {
	Month::new(2026, 1).unwrap()
}

/// February 5th: Eve uploaded January (1,000 L a day for 30 days) and Dave fed the prices and the
/// official volume (27,000 L). Well 0's January is ready to mint.
fn january_ready() {
	let jan = january();
	run_days(35);
	let records: Vec<_> = (0..30).map(|d| (0u32, jan.first_day().plus(d), 1_000u64)).collect();
	assert_ok!(Wells::upload_batch(signed(&eve()), records.try_into().unwrap()));
	let mut values: Vec<(FeedKey, FeedValue)> = (0..30)
		.map(|d| {
			(FeedKey::Price(Commodity::Oil, jan.first_day().plus(d)), FeedValue::Price(70_000_000))
		})
		.collect();
	let provenance =
		Provenance { updated: Day::from_ymd(2026, 2, 20).unwrap(), file_hash: [9; 32] };
	values
		.push((FeedKey::Production(0, jan), FeedValue::Production { volume: 27_000, provenance }));
	assert_ok!(Oracle::feed_values(signed(&dave()), values.try_into().unwrap()));
	run_blocks(1);
}

fn reason(s: &str) -> pallet_wells::ShortText {
	s.as_bytes().to_vec().try_into().unwrap()
}

// ---------------------------------------------------------------------------------------------
// Producers: KYB/KYC judgements (verifiers), suspension/revocation (Root).
// ---------------------------------------------------------------------------------------------

#[test]
fn judge_kyb_only_verifiers() {
	world().execute_with(|| {
		newcomer_applies();
		for approve in [true, false] {
			let call = RuntimeCall::Producers(pallet_producers::Call::judge_kyb {
				applicant: newcomer().into(),
				kyb: KYB,
				approve,
				operators: ops_of(&newcomer()),
			});
			// `EnsureSignedBy<KycVerifiers>`: every other origin, signed or not, is a bad origin.
			only(call, &[Verifier], bad_origin);
		}
		check_invariants();
	});
}

#[test]
fn judge_kyc_only_verifiers() {
	world().execute_with(|| {
		newcomer_applies();
		assert_ok!(Producers::judge_kyb(
			signed(&charlie()),
			newcomer().into(),
			KYB,
			true,
			ops_of(&newcomer())
		));
		assert_ok!(Producers::submit_kyc(signed(&newcomer()), KYC));
		for approve in [true, false] {
			let call = RuntimeCall::Producers(pallet_producers::Call::judge_kyc {
				applicant: newcomer().into(),
				kyc: KYC,
				approve,
			});
			only(call, &[Verifier], bad_origin);
		}
		// The judgement really admits.
		assert_ok!(Producers::judge_kyc(signed(&charlie()), newcomer().into(), KYC, true));
		assert!(pallet_producers::ProducerRecords::<Runtime>::contains_key(newcomer()));
		check_invariants();
	});
}

#[test]
fn producer_suspend_reinstate_revoke_only_root() {
	world().execute_with(|| {
		let why: pallet_producers::Reason = b"audit finding".to_vec().try_into().unwrap();
		let suspend = RuntimeCall::Producers(pallet_producers::Call::suspend {
			producer: eve().into(),
			reason: why.clone(),
		});
		only(suspend.clone(), &[Root], bad_origin);
		only(
			RuntimeCall::Producers(pallet_producers::Call::revoke {
				producer: eve().into(),
				reason: why.clone(),
			}),
			&[Root],
			bad_origin,
		);
		apply(suspend, root());
		only(
			RuntimeCall::Producers(pallet_producers::Call::reinstate { producer: eve().into() }),
			&[Root],
			bad_origin,
		);
		// Revoking a suspended producer is Root's too.
		only(
			RuntimeCall::Producers(pallet_producers::Call::revoke {
				producer: eve().into(),
				reason: why,
			}),
			&[Root],
			bad_origin,
		);
		check_invariants();
	});
}

/// Issue 25, M5: freeing or reassigning an operator code is Root's (the newcomer's code, which no
/// well carries).
#[test]
fn free_and_reassign_operator_only_root() {
	world().execute_with(|| {
		newcomer_admitted();
		only(
			RuntimeCall::Producers(pallet_producers::Call::reassign_operator {
				operator: op_of(&newcomer()),
				to: eve().into(),
				wells: 0,
			}),
			&[Root],
			bad_origin,
		);
		only(
			RuntimeCall::Producers(pallet_producers::Call::free_operator {
				operator: op_of(&newcomer()),
				wells: 0,
			}),
			&[Root],
			bad_origin,
		);
		check_invariants();
	});
}

// ---------------------------------------------------------------------------------------------
// Wells changing hands or going: transfer (Root), removal (the owner or Root).
// ---------------------------------------------------------------------------------------------

#[test]
fn transfer_well_only_root() {
	world().execute_with(|| {
		newcomer_admitted();
		let call = RuntimeCall::Wells(pallet_wells::Call::transfer_well {
			well: 0,
			new_owner: newcomer().into(),
			operator: op_of(&newcomer()),
		});
		only(call, &[Root], bad_origin);
		check_invariants();
	});
}

#[test]
fn remove_well_only_the_owner_or_root() {
	world().execute_with(|| {
		let call =
			RuntimeCall::Wells(pallet_wells::Call::remove_well { well: 0, reason: reason("gone") });
		// Other signed accounts pass the origin check and are not the owner; unsigned and the
		// collective's origins are neither signed nor governance.
		only(call, &[Producer, Root], |role| match role {
			None | FoundationMotion | FoundationMemberOrigin => DispatchError::BadOrigin,
			_ => pallet_wells::Error::<Runtime>::NotOwner.into(),
		});
		check_invariants();
	});
}

/// Account parameters are `MultiAddress`es (`AccountIdLookupOf`). On this chain only `Id` names
/// an account (no indices pallet): an index, raw bytes or another chain's address is refused with
/// `CannotLookup` from the very origin the call needs, and changes nothing.
#[test]
fn account_parameters_refuse_addresses_that_name_no_account() {
	use pallet_producers::Call as P;
	use pallet_wells::Call as W;
	use sp_runtime::MultiAddress as A;
	world().execute_with(|| {
		newcomer_applies();
		let why: pallet_producers::Reason = b"audit finding".to_vec().try_into().unwrap();
		for who in [A::Index(()), A::Raw(vec![7; 32]), A::Address32([7; 32]), A::Address20([7; 20])]
		{
			let calls = [
				(
					RuntimeCall::Producers(P::judge_kyb {
						applicant: who.clone(),
						kyb: KYB,
						approve: true,
						operators: ops_of(&newcomer()),
					}),
					Verifier,
				),
				(
					RuntimeCall::Producers(P::judge_kyc {
						applicant: who.clone(),
						kyc: KYC,
						approve: true,
					}),
					Verifier,
				),
				(
					RuntimeCall::Producers(P::suspend {
						producer: who.clone(),
						reason: why.clone(),
					}),
					Root,
				),
				(RuntimeCall::Producers(P::reinstate { producer: who.clone() }), Root),
				(
					RuntimeCall::Producers(P::revoke {
						producer: who.clone(),
						reason: why.clone(),
					}),
					Root,
				),
				(
					RuntimeCall::Wells(W::set_beneficiary_share {
						well: 0,
						beneficiary: who.clone(),
						share: Perbill::from_percent(10),
					}),
					Producer,
				),
				(
					RuntimeCall::Wells(W::transfer_well {
						well: 0,
						new_owner: who.clone(),
						operator: op_of(&newcomer()),
					}),
					Root,
				),
			];
			for (call, role) in calls {
				rejected(
					&call,
					&format!("{role:?} naming {who:?}"),
					role.origin(),
					DispatchError::CannotLookup,
				);
			}
		}
		check_invariants();
	});
}

// ---------------------------------------------------------------------------------------------
// Wells: reviews (maintainer = Foundation Managers for class 0), suspension and classes (Root).
// ---------------------------------------------------------------------------------------------

#[test]
fn review_well_only_foundation_members() {
	world().execute_with(|| {
		assert_ok!(Wells::submit_well(
			signed(&eve()),
			0,
			Commodity::Oil,
			[5; 32],
			[4; 32],
			Some(QUALITY),
			op(),
			fac()
		));
		for (pass, why) in [(true, ""), (false, "licence unreadable")] {
			let call = RuntimeCall::Wells(pallet_wells::Call::review_well {
				well: 1,
				pass,
				reason: reason(why),
			});
			// Signed non-members — the producer reviewing its own well included — are not
			// maintainers; the collective origin and Root are not signed at all.
			only(
				call,
				&[FoundationMember],
				signed_gets(pallet_wells::Error::<Runtime>::NotMaintainer),
			);
		}
		check_invariants();
	});
}

#[test]
fn judge_annual_review_only_foundation_members() {
	world().execute_with(|| {
		// The notice is sent 360 days after activation; Eve submits fresh chemistry.
		run_days(360);
		let well = pallet_wells::WellRegistry::<Runtime>::get(0).unwrap();
		assert_eq!(well.annual_review, pallet_wells::AnnualReview::Open);
		assert_ok!(Wells::submit_annual_review(signed(&eve()), 0, [6; 32], Some(QUALITY)));
		for (pass, why) in [(true, ""), (false, "assay too old")] {
			let call = RuntimeCall::Wells(pallet_wells::Call::judge_annual_review {
				well: 0,
				pass,
				reason: reason(why),
			});
			only(
				call,
				&[FoundationMember],
				signed_gets(pallet_wells::Error::<Runtime>::NotMaintainer),
			);
		}
		check_invariants();
	});
}

#[test]
fn well_suspend_and_reinstate_only_root() {
	world().execute_with(|| {
		let suspend = RuntimeCall::Wells(pallet_wells::Call::suspend_well {
			well: 0,
			reason: reason("site inspection"),
		});
		only(suspend.clone(), &[Root], bad_origin);
		apply(suspend, root());
		only(
			RuntimeCall::Wells(pallet_wells::Call::reinstate_well { well: 0 }),
			&[Root],
			bad_origin,
		);
		check_invariants();
	});
}

#[test]
fn asset_classes_only_root() {
	world().execute_with(|| {
		let add = RuntimeCall::Wells(pallet_wells::Call::add_asset_class {
			name: reason("Copper"),
			description: b"Copper mines".to_vec().try_into().unwrap(),
			maintainer: Maintainer::Foundation,
			data_source: reason("a regulator"),
			status: AssetClassStatus::Live,
			commodities: vec![tn_primitives::Commodity::Oil].try_into().unwrap(),
			source: tn_primitives::OfficialSource::None,
		});
		only(add, &[Root], bad_origin);
		// Anyone may propose an unofficial class; only Root promotes or retires it.
		assert_ok!(Wells::propose_asset_class(
			signed(&newcomer()),
			reason("Nickel"),
			b"Nickel".to_vec().try_into().unwrap(),
			reason("somewhere"),
			vec![tn_primitives::Commodity::Gas].try_into().unwrap(),
			tn_primitives::OfficialSource::None
		));
		for (class, status) in [
			(1, AssetClassStatus::Live),
			(1, AssetClassStatus::Retired),
			(0, AssetClassStatus::Retired),
		] {
			let call =
				RuntimeCall::Wells(pallet_wells::Call::set_asset_class_status { class, status });
			only(call, &[Root], bad_origin);
		}
		check_invariants();
	});
}

#[test]
fn well_owner_calls_only_the_owner() {
	world().execute_with(|| {
		// Not governance calls, but the beneficiary in particular must not steer the well.
		let not_owner = signed_gets(pallet_wells::Error::<Runtime>::NotOwner);
		let list = vec![(plain(), Perbill::from_percent(50))].try_into().unwrap();
		only(
			RuntimeCall::Wells(pallet_wells::Call::set_beneficiaries {
				well: 0,
				beneficiaries: list,
			}),
			&[Producer],
			&not_owner,
		);
		let share = pallet_wells::Call::set_beneficiary_share {
			well: 0,
			beneficiary: ferdie().into(),
			share: Perbill::from_percent(90),
		};
		only(RuntimeCall::Wells(share), &[Producer], &not_owner);
		// Editing and uploading first require an active producer.
		let not_producer = signed_gets(pallet_producers::Error::<Runtime>::NotProducer);
		let edit = pallet_wells::Call::edit_well {
			well: 0,
			docs: [7; 32],
			quality: Some(QUALITY),
			operator: op(),
			facility: fac(),
		};
		only(RuntimeCall::Wells(edit), &[Producer], &not_producer);
		let upload = pallet_wells::Call::upload_production {
			well: 0,
			day: Day::from_ymd(2025, 12, 31).unwrap(),
			volume: 1,
		};
		// Dec 31st is before the well was activated but within the backfill window.
		only(RuntimeCall::Wells(upload), &[Producer], &not_producer);
		check_invariants();
	});
}

// ---------------------------------------------------------------------------------------------
// Oracle: only feeders (and Root, as the oracle pallet's own account).
// ---------------------------------------------------------------------------------------------

#[test]
fn feed_values_only_feeders_and_root_operator() {
	world().execute_with(|| {
		let key = FeedKey::Price(Commodity::Oil, Day::from_ymd(2026, 1, 1).unwrap());
		let values = vec![(key.clone(), FeedValue::Price(1))].try_into().unwrap();
		let feed = RuntimeCall::Oracle(pallet_oracle::Call::feed_values { values });
		// pallet-oracle: `ensure_signed_or_root`, then signed accounts must be members.
		only(
			feed.clone(),
			&[Feeder, Root],
			signed_gets(pallet_oracle::Error::<Runtime>::NoPermission),
		);

		// Root feeds as the oracle pallet's account, and its value counts (one feeder minimum on
		// the dev chain).
		apply(feed, root());
		let oracle_account: AccountId = OraclePalletId::get().into_account_truncating();
		assert_eq!(
			pallet_oracle::RawValues::<Runtime>::get(&oracle_account, &key).map(|v| v.value),
			Some(FeedValue::Price(1))
		);
		assert_eq!(Oracle::get(&key).map(|v| v.value), Some(FeedValue::Price(1)));
		// A feeder set change drops removed feeders' values, never Root's.
		assert_ok!(OracleFeeders::reset_members(root(), vec![plain()]));
		assert!(pallet_oracle::RawValues::<Runtime>::get(&oracle_account, &key).is_some());
		check_invariants();
	});
}

// ---------------------------------------------------------------------------------------------
// TAT: only the audit pallet mints; no origin administers the asset.
// ---------------------------------------------------------------------------------------------

#[test]
fn audit_mint_only_the_well_owner() {
	world().execute_with(|| {
		newcomer_admitted();
		january_ready();
		let mint =
			RuntimeCall::AuditMint(pallet_audit_mint::Call::mint { well: 0, month: january() });
		// Another admitted producer is not the owner.
		rejected(
			&mint,
			"another producer",
			signed(&newcomer()),
			pallet_wells::Error::<Runtime>::NotOwner.into(),
		);
		// Everyone else is no producer at all — the beneficiary included.
		only(
			mint.clone(),
			&[Producer],
			signed_gets(pallet_producers::Error::<Runtime>::NotProducer),
		);
		assert_eq!(Assets::total_issuance(TAT_ASSET_ID), 0);
		apply(mint, signed(&eve()));
		assert_eq!(Assets::total_issuance(TAT_ASSET_ID), 10_698_966_810_000_000_000_000);
		check_invariants();
	});
}

#[test]
fn tat_no_origin_at_all() {
	world().execute_with(|| {
		january_ready();
		assert_ok!(AuditMint::mint(signed(&eve()), 0, january()));
		let supply = Assets::total_issuance(TAT_ASSET_ID);
		let (eve_tat, ferdie_tat) =
			(Assets::balance(TAT_ASSET_ID, eve()), Assets::balance(TAT_ASSET_ID, ferdie()));
		assert!(supply > 0 && eve_tat > 0 && ferdie_tat > 0);
		let details = pallet_assets::Asset::<Runtime>::get(TAT_ASSET_ID).unwrap();
		assert_eq!(
			[&details.owner, &details.issuer, &details.admin, &details.freezer],
			[&tat_issuer(), &tat_issuer(), &tat_issuer(), &tat_issuer()]
		);

		use pallet_assets::Call as A;
		let tat = Compact(TAT_ASSET_ID);
		let (p, e) = (plain(), eve());
		// Calls that check the signer against TAT's owner/issuer/admin/freezer (the audit
		// pallet's account): signed origins fail that check, others are not signed.
		let team_checked: Vec<A<Runtime>> = vec![
			A::mint { id: tat, beneficiary: p.clone().into(), amount: ONE_TAT_ },
			A::burn { id: tat, who: e.clone().into(), amount: ONE_TAT_ },
			A::force_transfer {
				id: tat,
				source: e.clone().into(),
				dest: p.clone().into(),
				amount: ONE_TAT_,
			},
			A::freeze { id: tat, who: e.clone().into() },
			A::thaw { id: tat, who: e.clone().into() },
			A::block { id: tat, who: e.clone().into() },
			A::freeze_asset { id: tat },
			A::thaw_asset { id: tat },
			A::transfer_ownership { id: tat, owner: p.clone().into() },
			A::set_team {
				id: tat,
				issuer: p.clone().into(),
				admin: p.clone().into(),
				freezer: p.clone().into(),
			},
			A::set_metadata {
				id: tat,
				name: b"Fake".to_vec(),
				symbol: b"FAKE".to_vec(),
				decimals: 18,
			},
			A::clear_metadata { id: tat },
			A::set_min_balance { id: tat, min_balance: 0 },
			A::start_destroy { id: tat },
			A::force_cancel_approval {
				id: tat,
				owner: e.clone().into(),
				delegate: p.clone().into(),
			},
			A::set_reserves { id: tat, reserves: Default::default() },
		];
		for call in team_checked {
			only(
				RuntimeCall::Assets(call),
				&[],
				signed_gets(pallet_assets::Error::<Runtime>::NoPermission),
			);
		}
		// Create and force origins are `Never`: nobody, not even Root.
		let never: Vec<A<Runtime>> = vec![
			A::create { id: Compact(2), admin: p.clone().into(), min_balance: 1 },
			A::force_create {
				id: Compact(2),
				owner: p.clone().into(),
				is_sufficient: true,
				min_balance: 1,
			},
			A::force_set_metadata {
				id: tat,
				name: b"Fake".to_vec(),
				symbol: b"FAKE".to_vec(),
				decimals: 18,
				is_frozen: false,
			},
			A::force_clear_metadata { id: tat },
			A::force_asset_status {
				id: tat,
				owner: p.clone().into(),
				issuer: p.clone().into(),
				admin: p.clone().into(),
				freezer: p.clone().into(),
				min_balance: 1,
				is_sufficient: true,
				is_frozen: false,
			},
		];
		for call in never {
			only(RuntimeCall::Assets(call), &[], bad_origin);
		}

		// Not vacuous: the issuer check is what refuses — the audit pallet's account (which no
		// one can sign for) would pass it.
		let mint = RuntimeCall::Assets(A::mint {
			id: tat,
			beneficiary: p.clone().into(),
			amount: ONE_TAT_,
		});
		accepted(&mint, "the audit pallet's account", signed(&tat_issuer()));

		// pallet-assets returns early on a zero amount, before the issuer check: anyone can emit
		// `Issued { amount: 0 }`, but nothing is minted.
		assert_ok!(Assets::mint(signed(&p), tat, p.clone().into(), 0));
		System::assert_last_event(
			pallet_assets::Event::<Runtime>::Issued {
				asset_id: TAT_ASSET_ID,
				owner: p.clone(),
				amount: 0,
			}
			.into(),
		);

		assert_eq!(Assets::total_issuance(TAT_ASSET_ID), supply);
		assert_eq!(Assets::balance(TAT_ASSET_ID, eve()), eve_tat);
		assert_eq!(Assets::balance(TAT_ASSET_ID, ferdie()), ferdie_tat);
		assert_eq!(Assets::balance(TAT_ASSET_ID, p), 0);
		assert_eq!(pallet_assets::Asset::<Runtime>::get(TAT_ASSET_ID).unwrap(), details);
		check_invariants();
	});
}

/// Root is sovereign. A passed referendum (Root) — and, on dev/local chains, the sudo key — can
/// dispatch as any account with `Sudo::sudo_as` (pallet-sudo accepts Root as well as the key,
/// also on the production preset, which has no key), so it can dispatch as TAT's issuer and mint
/// outside any audit; the audit invariant then fails, as this test shows. That is not a gap
/// specific to TAT: Root can equally upgrade the runtime or write storage
/// (`System::set_storage`), and no call-level rule binds it (Root bypasses the call filter).
/// What the chain guarantees — and the tests above prove — is that no other origin can. Recorded
/// in the README ("Design choices").
#[test]
fn root_is_sovereign_it_can_dispatch_as_the_tat_issuer() {
	world().execute_with(|| {
		let mint = |amount| {
			let inner = pallet_assets::Call::mint {
				id: Compact(TAT_ASSET_ID),
				beneficiary: plain().into(),
				amount,
			};
			RuntimeCall::Sudo(pallet_sudo::Call::sudo_as {
				who: tat_issuer().into(),
				call: Box::new(RuntimeCall::Assets(inner)),
			})
		};
		// The dev sudo key can.
		assert_ok!(dispatch(&mint(ONE_TAT_), signed(&alice())));
		assert_eq!(Assets::balance(TAT_ASSET_ID, plain()), ONE_TAT_);
		// Production-like: no sudo key. The key is refused, Root still passes.
		assert_ok!(dispatch(
			&RuntimeCall::Sudo(pallet_sudo::Call::remove_key {}),
			signed(&alice())
		));
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Option::None);
		assert_noop!(
			dispatch(&mint(ONE_TAT_), signed(&alice())),
			pallet_sudo::Error::<Runtime>::RequireSudo
		);
		assert_ok!(dispatch(&mint(ONE_TAT_), root()));
		assert_eq!(Assets::balance(TAT_ASSET_ID, plain()), 2 * ONE_TAT_);
		assert_eq!(Assets::total_issuance(TAT_ASSET_ID), 2 * ONE_TAT_);
		assert_eq!(pallet_audit_mint::TotalMinted::<Runtime>::get(), 0);
		assert!(
			pallet_audit_mint::Pallet::<Runtime>::do_try_state().is_err(),
			"TAT issued outside any audit"
		);
	});
}

// ---------------------------------------------------------------------------------------------
// Governance: parameters, memberships, the collective, democracy, sudo and other Root calls.
// ---------------------------------------------------------------------------------------------

#[test]
fn set_parameter_only_root() {
	world().execute_with(|| {
		use dynamic_params::{audit, oracle, producers, wells};
		let params = [
			RuntimeParameters::Audit(audit::Parameters::SlashRatio(
				audit::SlashRatio,
				Some(Perbill::from_percent(2)),
			)),
			RuntimeParameters::Producers(producers::Parameters::MinDepositPerWell(
				producers::MinDepositPerWell,
				Some(2_000 * UNIT),
			)),
			RuntimeParameters::Wells(wells::Parameters::ReviewValidityDays(
				wells::ReviewValidityDays,
				Some(400),
			)),
			RuntimeParameters::Oracle(oracle::Parameters::MinimumFeeders(
				oracle::MinimumFeeders,
				Some(3),
			)),
			// Removing a value (back to its default) as well.
			RuntimeParameters::Wells(wells::Parameters::UploadGraceDays(
				wells::UploadGraceDays,
				Option::None,
			)),
		];
		for key_value in params {
			// Issue 25: the guard's call (bounds checked) is Root's; pallet-parameters' own call
			// is nobody's (it cannot see the value).
			only(
				RuntimeCall::GenesisParameters(
					treasurenet_runtime::genesis_parameters::Call::set_parameter {
						key_value: key_value.clone(),
					},
				),
				&[Root],
				bad_origin,
			);
			only(
				RuntimeCall::Parameters(pallet_parameters::Call::set_parameter { key_value }),
				&[],
				bad_origin,
			);
		}
		check_invariants();
	});
}

/// The add/remove/swap/reset/prime calls of one membership instance are Root's; `change_key` is
/// the member's own (it hands its seat to another account). A macro, not a generic function:
/// the lookup type of the calls must stay concrete.
macro_rules! membership_matrix {
	($variant:ident, $instance:ty, $member:expr) => {{
		use pallet_membership::Call as M;
		let member: Role = $member;
		let m = member.account().unwrap();
		let wrap = |call: M<Runtime, $instance>| RuntimeCall::$variant(call);
		only(wrap(M::add_member { who: plain().into() }), &[Root], bad_origin);
		only(wrap(M::remove_member { who: m.clone().into() }), &[Root], bad_origin);
		only(
			wrap(M::swap_member { remove: m.clone().into(), add: plain().into() }),
			&[Root],
			bad_origin,
		);
		only(wrap(M::reset_members { members: vec![plain()] }), &[Root], bad_origin);
		only(wrap(M::set_prime { who: m.clone().into() }), &[Root], bad_origin);
		// With a prime, so that clearing it changes something.
		apply(wrap(M::set_prime { who: m.into() }), root());
		only(wrap(M::clear_prime {}), &[Root], bad_origin);
		// To an account with no role (a signer "changing" to itself would be a no-op).
		only(
			wrap(M::change_key { new: newcomer().into() }),
			&[member],
			signed_gets(pallet_membership::Error::<Runtime, $instance>::NotMember),
		);
	}};
}

#[test]
fn membership_changes_only_root() {
	world().execute_with(|| {
		membership_matrix!(FoundationMembership, pallet_membership::Instance1, FoundationMember);
		membership_matrix!(KycVerifiers, pallet_membership::Instance2, Verifier);
		membership_matrix!(OracleFeeders, pallet_membership::Instance3, Feeder);
		check_invariants();
	});
}

#[test]
fn foundation_collective_members_only_root() {
	world().execute_with(|| {
		let set = pallet_collective::Call::set_members {
			new_members: vec![bob(), plain()],
			prime: Option::None,
			old_count: 1,
		};
		only(RuntimeCall::Foundation(set), &[Root], bad_origin);
		// Motions, votes and member execution are the members' (here: Bob); only Root removes a
		// motion.
		let not_member =
			signed_gets(pallet_collective::Error::<Runtime, FoundationCollective>::NotMember);
		let remark = RuntimeCall::System(frame_system::Call::remark { remark: b"motion".to_vec() });
		let propose = RuntimeCall::Foundation(pallet_collective::Call::propose {
			threshold: 2,
			proposal: Box::new(remark.clone()),
			length_bound: 1_000,
		});
		only(propose.clone(), &[FoundationMember], &not_member);
		let execute = pallet_collective::Call::execute {
			proposal: Box::new(remark.clone()),
			length_bound: 1_000,
		};
		only(RuntimeCall::Foundation(execute), &[FoundationMember], &not_member);
		apply(propose, signed(&bob()));
		let hash = BlakeTwo256::hash_of(&remark);
		let vote = pallet_collective::Call::vote { proposal: hash, index: 0, approve: true };
		only(RuntimeCall::Foundation(vote), &[FoundationMember], &not_member);
		only(
			RuntimeCall::Foundation(pallet_collective::Call::disapprove_proposal {
				proposal_hash: hash,
			}),
			&[Root],
			bad_origin,
		);
		only(
			RuntimeCall::Foundation(pallet_collective::Call::kill { proposal_hash: hash }),
			&[Root],
			bad_origin,
		);
		check_invariants();
	});
}

#[test]
fn democracy_foundation_origins() {
	world().execute_with(|| {
		use pallet_democracy::Call as D;
		let set_ratio = RuntimeCall::Parameters(pallet_parameters::Call::set_parameter {
			key_value: RuntimeParameters::Audit(dynamic_params::audit::Parameters::SlashRatio(
				dynamic_params::audit::SlashRatio,
				Some(Perbill::from_percent(2)),
			)),
		});
		let bounded = <Preimage as StorePreimage>::bound(set_ratio).unwrap();
		let hash = bounded.hash();
		// Tabling an external proposal: a Foundation majority (resp. unanimity), never Root, a
		// single member, or any signed account.
		only(
			RuntimeCall::Democracy(D::external_propose { proposal: bounded.clone() }),
			&[FoundationMotion],
			bad_origin,
		);
		only(
			RuntimeCall::Democracy(D::external_propose_majority { proposal: bounded.clone() }),
			&[FoundationMotion],
			bad_origin,
		);
		only(
			RuntimeCall::Democracy(D::external_propose_default { proposal: bounded.clone() }),
			&[FoundationMotion],
			bad_origin,
		);
		apply(
			RuntimeCall::Democracy(D::external_propose_majority { proposal: bounded.clone() }),
			FoundationMotion.origin(),
		);
		// Vetoing: a single member through the collective, not by signing.
		only(
			RuntimeCall::Democracy(D::veto_external { proposal_hash: hash }),
			&[FoundationMemberOrigin],
			bad_origin,
		);
		// Fast-tracking: two thirds of the Foundation.
		let fast = D::fast_track { proposal_hash: hash, voting_period: 5, delay: 2 };
		only(RuntimeCall::Democracy(fast.clone()), &[FoundationMotion], bad_origin);
		apply(RuntimeCall::Democracy(fast), FoundationMotion.origin());
		assert!(pallet_democracy::ReferendumInfoOf::<Runtime>::contains_key(0));
		// Cancelling a referendum: two thirds (emergency) or Root.
		only(
			RuntimeCall::Democracy(D::emergency_cancel { ref_index: 0 }),
			&[FoundationMotion],
			bad_origin,
		);
		only(RuntimeCall::Democracy(D::cancel_referendum { ref_index: 0 }), &[Root], bad_origin);
		// A public proposal: anyone with the deposit proposes; Root or a unanimous Foundation
		// cancels; Root blacklists or clears.
		assert_ok!(Democracy::propose(signed(&plain()), bounded, UNIT));
		only(
			RuntimeCall::Democracy(D::cancel_proposal { prop_index: 0 }),
			&[FoundationMotion, Root],
			bad_origin,
		);
		only(
			RuntimeCall::Democracy(D::blacklist {
				proposal_hash: hash,
				maybe_ref_index: Option::None,
			}),
			&[Root],
			bad_origin,
		);
		only(RuntimeCall::Democracy(D::clear_public_proposals {}), &[Root], bad_origin);
		check_invariants();
	});
}

#[test]
fn sudo_only_the_key_and_root() {
	world().execute_with(|| {
		// pallet-sudo's `ensure_sudo` accepts the key and Root; other signers get `RequireSudo`.
		let require_sudo = signed_gets(pallet_sudo::Error::<Runtime>::RequireSudo);
		let key = b":origins-test:".to_vec();
		let set_storage = || {
			Box::new(RuntimeCall::System(frame_system::Call::set_storage {
				items: vec![(key.clone(), vec![1])],
			}))
		};
		let remark = Box::new(RuntimeCall::System(frame_system::Call::remark_with_event {
			remark: b"as plain".to_vec(),
		}));
		let calls = [
			pallet_sudo::Call::sudo { call: set_storage() },
			pallet_sudo::Call::sudo_unchecked_weight {
				call: set_storage(),
				weight: Default::default(),
			},
			pallet_sudo::Call::sudo_as { who: plain().into(), call: remark },
			pallet_sudo::Call::set_key { new: plain().into() },
			pallet_sudo::Call::remove_key {},
		];
		for call in calls {
			only(RuntimeCall::Sudo(call), &[SudoKey, Root], &require_sudo);
		}
		// The key's call runs as Root.
		apply(RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: set_storage() }), signed(&alice()));
		assert_eq!(frame_support::storage::unhashed::get_raw(&key), Some(vec![1]));
		check_invariants();
	});
}

#[test]
fn other_root_only_calls() {
	world().execute_with(|| {
		use pallet_balances::{AdjustmentDirection, Call as B};
		let calls = [
			RuntimeCall::System(frame_system::Call::set_storage {
				items: vec![(b":x".to_vec(), b"y".to_vec())],
			}),
			RuntimeCall::System(frame_system::Call::authorize_upgrade {
				code_hash: [1; 32].into(),
			}),
			RuntimeCall::Balances(B::force_set_balance {
				who: plain().into(),
				new_free: 1_000_000 * UNIT,
			}),
			RuntimeCall::Balances(B::force_transfer {
				source: eve().into(),
				dest: plain().into(),
				value: UNIT,
			}),
			RuntimeCall::Balances(B::force_adjust_total_issuance {
				direction: AdjustmentDirection::Increase,
				delta: UNIT,
			}),
			RuntimeCall::Scheduler(pallet_scheduler::Call::schedule {
				when: 100,
				maybe_periodic: Option::None,
				priority: 0,
				call: Box::new(RuntimeCall::System(frame_system::Call::remark { remark: vec![] })),
			}),
			RuntimeCall::Scheduler(pallet_scheduler::Call::schedule_after {
				after: 10,
				maybe_periodic: Option::None,
				priority: 0,
				call: Box::new(RuntimeCall::System(frame_system::Call::remark { remark: vec![] })),
			}),
			RuntimeCall::Preimage(pallet_preimage::Call::request_preimage { hash: [2; 32].into() }),
			RuntimeCall::Grandpa(pallet_grandpa::Call::note_stalled {
				delay: 10,
				best_finalized_block_number: 0,
			}),
		];
		for call in calls {
			only(call, &[Root], bad_origin);
		}
		check_invariants();
	});
}

#[test]
fn timestamp_only_the_inherent() {
	world().execute_with(|| {
		// The block's time comes from the unsigned timestamp inherent only (the chain's notion of
		// "today" decides uploads, months and expiries).
		let now = pallet_timestamp::Now::<Runtime>::get() + 6_000;
		pallet_aura::CurrentSlot::<Runtime>::put(sp_consensus_aura::Slot::from(now / 6_000));
		only(RuntimeCall::Timestamp(pallet_timestamp::Call::set { now }), &[None], bad_origin);
		check_invariants();
	});
}

/// One TAT: above TAT's minimum balance (one cent), so the origin is what these calls test.
const ONE_TAT_: u128 = tn_primitives::ONE_TAT;
