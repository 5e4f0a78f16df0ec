// Every chain read of the portal, in one module. Today they read storage directly (and the
// existing view functions); each function documents the runtime API that should replace it so
// that no page scans the whole chain (see portal/README.md, "Runtime APIs the portal needs").
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
export type Ledger = NonNullable<Awaited<ReturnType<Api['query']['Wells']['Ledgers']['getValue']>>>;
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

/**
 * Runtime API wanted: `ProducersApi::pending_applications() -> Vec<(AccountId, Application)>`
 * (bounded by the expiry queue). Today: all entries of Producers.Applications.
 */
export async function pendingApplications(api: Api) {
  const e = await api.query.Producers.Applications.getEntries(AT);
  return e.map(({ keyArgs, value }) => ({ applicant: keyArgs[0], app: value }));
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

export type MonthState = 'Open' | 'Mintable' | 'Audited' | 'Failed';
export interface MonthRow {
  month: Month;
  ledger?: Ledger;
  state: MonthState;
  /** Why an open month cannot be minted now: the chain's error from the preview. */
  blocker?: unknown;
  preview?: Preview;
  official?: { volume: bigint; updated: number };
  record?: AuditRecord;
}

/**
 * Runtime API wanted: `WellsApi::months_of(well) -> Vec<(Month, MonthLedger, MonthState,
 * Option<DispatchError>)>` (the error says why not mintable). Today: the well's Ledgers and AuditRecords
 * entries (prefix reads), the oracle's official figures and, for open months, the preview view
 * function (whose error says why the month is not mintable).
 */
export async function wellMonths(api: Api, wellId: number, withPreview = true): Promise<MonthRow[]> {
  const [ledgers, records] = await Promise.all([
    api.query.Wells.Ledgers.getEntries(wellId, AT),
    api.query.AuditMint.AuditRecords.getEntries(wellId, AT),
  ]);
  const byKey = new Map<number, MonthRow>();
  for (const { keyArgs, value } of ledgers) {
    const m = keyArgs[1];
    byKey.set(monthKey(m), {
      month: m,
      ledger: value,
      state: value.status.type === 'Minted' ? 'Audited' : value.status.type === 'Failed' ? 'Failed' : 'Open',
    });
  }
  for (const { keyArgs, value } of records) {
    const k = monthKey(keyArgs[1]);
    const row = byKey.get(k) ?? { month: keyArgs[1], state: 'Audited' as MonthState };
    row.record = value;
    byKey.set(k, row);
  }
  const rows = [...byKey.values()].sort((a, b) => monthKey(b.month) - monthKey(a.month));
  const officials = await api.query.Oracle.Values.getValues(
    rows.map((r) => [Enum('Production', [wellId, r.month] as [number, Month])]), AT);
  rows.forEach((r, i) => {
    const v = officials[i]?.value;
    if (v && v.type === 'Production') r.official = { volume: v.value.volume, updated: v.value.provenance.updated };
  });
  if (withPreview) {
    // The preview checks the month and the well, not the producer: a producer in debt or not
    // active cannot mint either (Producers::ensure_can_mint), so that is shown as the reason.
    const owner = (await api.query.Wells.WellRegistry.getValue(wellId, AT))?.owner;
    const producer = owner ? await api.query.Producers.ProducerRecords.getValue(owner, AT) : undefined;
    const producerBlocker = !producer ? 'NotProducer'
      : producer.status.type === 'Suspended' ? 'ProducerSuspended'
        : producer.status.type === 'Revoked' ? 'ProducerRevoked'
          : producer.debt > 0n ? 'ProducerInDebt' : undefined;
    await Promise.all(rows.filter((r) => r.state === 'Open').map(async (r) => {
      const p = await api.view.AuditMint.preview(wellId, r.month, AT);
      if (p.success && producerBlocker) { r.preview = p.value; r.blocker = { type: 'Module', value: { type: 'Producers', value: { type: producerBlocker } } }; }
      else if (p.success) { r.state = 'Mintable'; r.preview = p.value; } else r.blocker = p.value;
    }));
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

/**
 * Runtime API wanted: `AuditApi::records(from: Option<(WellId, Month)>, limit) -> Vec<…>`
 * (paged). Today: every entry of AuditMint.AuditRecords.
 */
export async function allAudits(api: Api) {
  const e = await api.query.AuditMint.AuditRecords.getEntries(AT);
  return e.map(({ keyArgs, value }) => ({ well: keyArgs[0], month: keyArgs[1], record: value }));
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

export async function tat(api: Api) {
  const id = await api.constants.AuditMint.TatAssetId();
  const [asset, meta, total, holders] = await Promise.all([
    api.query.Assets.Asset.getValue(id, AT),
    api.query.Assets.Metadata.getValue(id, AT),
    api.query.AuditMint.TotalMinted.getValue(AT),
    api.query.Assets.Account.getEntries(id, AT),
  ]);
  return {
    id, asset, meta, total,
    holders: holders.map(({ keyArgs, value }) => ({ who: keyArgs[1], balance: value.balance }))
      .sort((a, b) => (b.balance > a.balance ? 1 : b.balance < a.balance ? -1 : 0)),
  };
}

export async function tatBalance(api: Api, who: string): Promise<bigint> {
  const id = await api.constants.AuditMint.TatAssetId();
  const a = await api.query.Assets.Account.getValue(id, who, AT);
  return a?.balance ?? 0n;
}

/** Parameters set on chain (pallet-parameters); a parameter not listed is at its default. */
export async function parameters(api: Api) {
  const e = await api.query.Parameters.Parameters.getEntries(AT);
  return e.map(({ value }) => value);
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
