// Every chain read of the portal, in one module: storage by key, the pallets' view functions and
// the runtime's TreasurenetApi. Lists that grow with the chain (audit records, pending
// applications, TAT holders) are read in pages (`firstPages`): no page scans the whole chain.
import { Enum } from 'polkadot-api';
import type { Api } from './client';
import type { Month } from '../lib/time';
import { dayOfMs, monthKey } from '../lib/time';
import type { Commodity } from '../lib/format';

const AT = { at: 'best' as const };

type WellValue = NonNullable<Awaited<ReturnType<Api['query']['Wells']['WellRegistry']['getValue']>>>;
export type Well = WellValue & { id: number };
export type Application = NonNullable<Awaited<ReturnType<Api['query']['Producers']['Applications']['getValue']>>>;
export type Producer = NonNullable<Awaited<ReturnType<Api['query']['Producers']['ProducerRecords']['getValue']>>>;
export type AuditRecord = NonNullable<Awaited<ReturnType<Api['query']['AuditMint']['AuditRecords']['getValue']>>>;
export type PreviewResult = Awaited<ReturnType<Api['view']['AuditMint']['preview']>>;
export type Preview = Extract<PreviewResult, { success: true }>['value'];

export const commodityEnum = (c: Commodity) => (c === 'Oil' ? Enum('Oil') : Enum('Gas'));
export const commodityOf = (w: { commodity: { type: string } }) => w.commodity.type as Commodity;

/** The chain's today: the UTC day of the best block's timestamp. */
export async function chainToday(api: Api): Promise<{ nowMs: number; today: number }> {
  const now = Number(await api.query.Timestamp.Now.getValue(AT));
  return { nowMs: now, today: dayOfMs(now) };
}

export async function balances(api: Api, who: string) {
  const a = await api.query.System.Account.getValue(who, AT);
  return { free: a.data.free, reserved: a.data.reserved, frozen: a.data.frozen };
}

export interface Roles { verifier: boolean; manager: boolean; feeder: boolean; sudo: boolean }
export async function rolesOf(api: Api, who: string): Promise<Roles> {
  const [v, m, f, s] = await Promise.all([
    api.query.KycVerifiers.Members.getValue(AT),
    api.query.FoundationMembership.Members.getValue(AT),
    api.query.OracleFeeders.Members.getValue(AT),
    api.query.Sudo.Key.getValue(AT).catch(() => undefined),
  ]);
  return { verifier: v.includes(who), manager: m.includes(who), feeder: f.includes(who), sudo: s === who };
}

export async function onboardingState(api: Api, who: string) {
  const [application, producer] = await Promise.all([
    api.query.Producers.Applications.getValue(who, AT),
    api.query.Producers.ProducerRecords.getValue(who, AT),
  ]);
  return { application, producer };
}

/** A page of a paged read and the key to continue after (`undefined`: the end). */
export interface Page<T, C> { items: T[]; next?: C }
/** Entries per page (`tn_primitives::MAX_PAGE`, the most the chain returns). */
export const PAGE = 100;

/**
 * The first `pages` pages of a paged read, walked from the start (each continues after the key
 * the previous one returned); `more` says whether another page may follow.
 */
export async function firstPages<T, C>(pages: number, read: (after: C | undefined) => Promise<Page<T, C>>): Promise<{ items: T[]; more: boolean }> {
  const items: T[] = [];
  let after: C | undefined;
  for (let i = 0; i < pages; i++) {
    const p = await read(after);
    items.push(...p.items);
    if (p.next === undefined) return { items, more: false };
    after = p.next;
  }
  return { items, more: true };
}

/** A page of live applications waiting for a verifier (`Producers.pending_applications`). */
export async function pendingPage(api: Api, after?: string): Promise<Page<{ applicant: string; app: Application }, string>> {
  const [page, next] = await api.view.Producers.pending_applications(after, PAGE, AT);
  return { items: page.map(([applicant, app]) => ({ applicant, app })), next };
}

export async function allWells(api: Api): Promise<Well[]> {
  const e = await api.query.Wells.WellRegistry.getEntries(AT);
  return e.map(({ keyArgs, value }) => ({ ...value, id: keyArgs[0] })).sort((a, b) => a.id - b.id);
}

/** A producer's wells: the wells pallet's `wells_of` view function (one call). */
export async function wellsOf(api: Api, owner: string): Promise<Well[]> {
  const v = await api.view.Wells.wells_of(owner, AT);
  return v.map(([id, w]) => ({ ...w, id }));
}

export async function well(api: Api, id: number): Promise<Well | undefined> {
  const w = await api.query.Wells.WellRegistry.getValue(id, AT);
  return w ? { ...w, id } : undefined;
}

/** Wells in review and annual reviews submitted: the `review_queue` view function. */
export async function reviewQueue(api: Api): Promise<Well[]> {
  const v = await api.view.Wells.review_queue(AT);
  return v.map(([id, w]) => ({ ...w, id }));
}

export type MonthInfo = Awaited<ReturnType<Api['view']['AuditMint']['months']>>[number];
export type MonthState = MonthInfo['state']['type'];
export interface MonthRow {
  month: Month;
  /** Days uploaded and P, their Σ (litres of oil, m³ of gas). */
  days: number;
  volume: bigint;
  state: MonthState;
  /** Why an open month cannot be minted now: what `mint` by the owner would fail with. */
  blocker?: unknown;
  /** For a mintable month, what the mint would do. */
  preview?: Preview;
  official?: { volume: bigint; updated: number };
  record?: AuditRecord;
}

/**
 * A well's months with uploads, newest first (the last 36: uploads reach back a year): the
 * `AuditMint.months` view function gives each month's state, the blocker of an open month
 * (producer checks included), the official figure and a mintable month's preview; audited and
 * failed months also get their audit record (`AuditMint.audits_of`).
 */
export async function wellMonths(api: Api, wellId: number): Promise<MonthRow[]> {
  const infos = await api.view.AuditMint.months(wellId, undefined, 36, AT);
  const rows: MonthRow[] = infos.map((i) => ({
    month: i.month,
    days: i.days,
    volume: i.volume,
    state: i.state.type,
    blocker: i.blocker,
    preview: i.preview,
    official: i.official ? { volume: i.official[0], updated: i.official[1].updated } : undefined,
  }));
  if (rows.some((r) => r.state === 'Audited' || r.state === 'Failed')) {
    const records = new Map((await api.view.AuditMint.audits_of(wellId, AT)).map(([m, r]) => [monthKey(m), r]));
    for (const r of rows) r.record = records.get(monthKey(r.month));
  }
  return rows;
}

/** The chain's preview of a mint (AuditMint view function). */
export async function preview(api: Api, wellId: number, month: Month): Promise<PreviewResult> {
  return api.view.AuditMint.preview(wellId, month, AT);
}

export async function auditRecord(api: Api, wellId: number, month: Month) {
  return api.query.AuditMint.AuditRecords.getValue(wellId, month, AT);
}

/** A page of audit records, all wells (`AuditMint.audits`, storage order). */
export async function auditsPage(api: Api, after?: [number, Month]): Promise<Page<{ well: number; month: Month; record: AuditRecord }, [number, Month]>> {
  const v = await api.view.AuditMint.audits(after, PAGE, AT);
  const items = v.map(([well, month, record]) => ({ well, month, record }));
  const last = items[items.length - 1];
  return { items, next: v.length === PAGE && last ? [last.well, last.month] : undefined };
}

/** A well's audit records, oldest month first (`AuditMint.audits_of`). */
export async function auditsOf(api: Api, wellId: number) {
  return (await api.view.AuditMint.audits_of(wellId, AT)).map(([month, record]) => ({ well: wellId, month, record }));
}

/** The wells with these ids (one read of their keys); missing ones (removed) are left out. */
export async function wellsById(api: Api, ids: number[]): Promise<Well[]> {
  const v = await api.query.Wells.WellRegistry.getValues(ids.map((i) => [i] as [number]), AT);
  return ids.flatMap((id, i) => { const w = v[i]; return w ? [{ ...w, id }] : []; });
}

export type Notice = Awaited<ReturnType<Api['view']['Notices']['notices_of']>>[number][1];
export type NoticeKind = Notice['kind'];

/**
 * An account's inbox, oldest first (`Notices.notices_of`), its bound, and the commodity of each
 * well whose notice carries volumes (litres of oil, m³ of gas; a removed well is not found).
 */
export async function inbox(api: Api, who: string) {
  const [list, max] = await Promise.all([api.view.Notices.notices_of(who, AT), api.constants.Notices.MaxNotices()]);
  const ids = [...new Set(list.flatMap(([, n]) => (n.kind.type === 'OfficialAmended' || n.kind.type === 'Settled' ? [n.kind.value.well] : [])))];
  const wells = ids.length ? await api.query.Wells.WellRegistry.getValues(ids.map((i) => [i] as [number]), AT) : [];
  const commodity = new Map<number, Commodity>();
  ids.forEach((id, i) => { const w = wells[i]; if (w) commodity.set(id, commodityOf(w)); });
  return { notices: list.map(([id, n]) => ({ id, ...n })), commodity, max };
}

/** Daily prices (micro-USD) of `commodity` on `days` from the oracle; undefined = no price. */
export async function prices(api: Api, commodity: Commodity, days: number[]): Promise<Array<bigint | undefined>> {
  const v = await api.query.Oracle.Values.getValues(
    days.map((d) => [Enum('Price', [commodityEnum(commodity), d])]), AT);
  return v.map((x) => (x && x.value.type === 'Price' ? x.value.value : undefined));
}

/** The day records of a well in a month (Wells view function). */
export async function monthRecords(api: Api, wellId: number, month: Month) {
  return api.view.Wells.month_records(wellId, month, AT);
}

/** Which (well, day) already have a record on chain. */
export async function existingDays(api: Api, keys: Array<[number, number]>): Promise<boolean[]> {
  const out: boolean[] = [];
  for (let i = 0; i < keys.length; i += 1000) {
    const v = await api.query.Wells.DayRecords.getValues(keys.slice(i, i + 1000), AT);
    for (const x of v) out.push(x !== undefined);
  }
  return out;
}

/** TAT: the asset, its metadata and Σ minted by audits (the holders are paged: `holdersPage`). */
export async function tat(api: Api) {
  const id = await api.constants.AuditMint.TatAssetId();
  const [asset, meta, total] = await Promise.all([
    api.query.Assets.Asset.getValue(id, AT),
    api.query.Assets.Metadata.getValue(id, AT),
    api.query.AuditMint.TotalMinted.getValue(AT),
  ]);
  return { id, asset, meta, total };
}

/** A page of TAT holders with their balances (`TreasurenetApi.tat_holders`, storage order). */
export async function holdersPage(api: Api, after?: string): Promise<Page<{ who: string; balance: bigint }, string>> {
  const v = await api.apis.TreasurenetApi.tat_holders(after, PAGE, AT);
  const items = v.map(([who, balance]) => ({ who, balance }));
  const last = items[items.length - 1];
  return { items, next: v.length === PAGE && last ? last.who : undefined };
}

export async function tatBalance(api: Api, who: string): Promise<bigint> {
  const id = await api.constants.AuditMint.TatAssetId();
  const a = await api.query.Assets.Account.getValue(id, who, AT);
  return a?.balance ?? 0n;
}

/**
 * Every rule parameter with the value in force and whether governance (or the genesis preset) set
 * it (`TreasurenetApi.parameters_in_force`; a parameter not set is at the runtime's default).
 */
export async function parameters(api: Api) {
  const v = await api.apis.TreasurenetApi.parameters_in_force(AT);
  return v.map(([p, set]) => ({ ...p, set }));
}

/**
 * The democracy periods in force (pallet-democracy's constants: fixed in code, the set chosen at
 * genesis by `GenesisParameters.FastGovernance`), in blocks, and the minimum proposal deposit.
 */
export async function democracyPeriods(api: Api) {
  const c = api.constants.Democracy;
  const [launch, voting, fastTrack, enactment, cooloff, locking, minimumDeposit, fast] = await Promise.all([
    c.LaunchPeriod(), c.VotingPeriod(), c.FastTrackVotingPeriod(), c.EnactmentPeriod(), c.CooloffPeriod(),
    c.VoteLockingPeriod(), c.MinimumDeposit(), api.query.GenesisParameters.FastGovernance.getValue(AT),
  ]);
  const blocks: [string, number][] = [
    ['LaunchPeriod', launch], ['VotingPeriod', voting], ['FastTrackVotingPeriod', fastTrack],
    ['EnactmentPeriod', enactment], ['CooloffPeriod', cooloff], ['VoteLockingPeriod', locking],
  ];
  return { blocks, minimumDeposit, fast };
}

export async function referenda(api: Api) {
  const [refs, props] = await Promise.all([
    api.query.Democracy.ReferendumInfoOf.getEntries(AT),
    api.query.Democracy.PublicProps.getValue(AT),
  ]);
  return {
    referenda: refs.map(({ keyArgs, value }) => ({ index: keyArgs[0], info: value })).sort((a, b) => b.index - a.index),
    proposals: props.map(([index, , proposer]) => ({ index, proposer })),
  };
}

export async function assetClasses(api: Api) {
  const e = await api.query.Wells.AssetClasses.getEntries(AT);
  return e.map(({ keyArgs, value }) => ({ id: keyArgs[0], cls: value }));
}

export async function maxBatch(api: Api): Promise<number> {
  return api.constants.Wells.MaxBatch();
}
