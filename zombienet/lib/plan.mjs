// Dates as the chain counts them, the feed simulator's configuration for "now", and the
// producer-life plan (which deviation each minted month shows).
import { readFileSync } from 'node:fs';
import { blake2AsU8a } from '@polkadot/util-crypto';

const DAY_MS = 86_400_000;

/** The chain's Day: whole UTC days since 1970-01-01. */
export const dayOf = (y, m, d) => Date.UTC(y, m - 1, d) / DAY_MS;
export const today = (nowMs = Date.now()) => Math.floor(nowMs / DAY_MS);
export const ymd = (day) => new Date(day * DAY_MS).toISOString().slice(0, 10);

export function monthOf(day) {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}
export const prevMonth = ({ year, month }) => (month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 });
export const nextMonth = ({ year, month }) => (month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 });
export const firstDay = ({ year, month }) => dayOf(year, month, 1);
export const lastDay = (m) => firstDay(nextMonth(m)) - 1;
export const monthText = ({ year, month }) => `${year}-${String(month).padStart(2, '0')}`;

/**
 * The months whose official figures the offchain workers poll today (the worker's
 * `months_to_poll`): each of the last three months, from the 5th of the month after it.
 * Oldest first.
 */
export function polledMonths(t = today()) {
  const out = [];
  let m = monthOf(t);
  for (let i = 0; i < 3; i++) {
    m = prevMonth(m);
    if (t >= firstDay(nextMonth(m)) + 4) out.push(m);
  }
  return out.reverse();
}

/** The commitment of a Petrinex well identifier: blake2-256 of its 16 characters. */
export const wellCommitment = (id) => blake2AsU8a(id, 256);

/**
 * The simulator's configuration for today: `base` (feed-sim/config/dev.json) with each well's
 * official volumes moved onto the months polled today, in order (the first configured month
 * becomes the oldest polled month), so a demo run on any date has official data to audit.
 */
export function simConfigForToday(basePath, t = today()) {
  const cfg = JSON.parse(readFileSync(basePath, 'utf8'));
  const months = polledMonths(t);
  for (const well of cfg.petrinex.wells) {
    const volumes = Object.keys(well.months).sort().map((k) => well.months[k]);
    well.months = {};
    months.forEach((m, i) => { if (volumes[i] !== undefined) well.months[monthText(m)] = volumes[i]; });
  }
  return cfg;
}

/**
 * Days before a month whose prices value its days without a price (pallet-wells / primitives
 * `PRICE_LOOKBACK_DAYS`); the workers back-fill prices from this far before the oldest polled month.
 */
export const PRICE_LOOKBACK_DAYS = 21;

/** An EIA price text ("73.27", "2.1", ".306", "-36.98") → micro-USD, exactly; negative → 0. */
export function microUsd(text) {
  const s = String(text);
  if (s.startsWith('-')) return 0n;
  const [w, f = ''] = s.split('.');
  return BigInt(w === '' ? '0' : w) * 1_000_000n + BigInt((f + '000000').slice(0, 6));
}

/** "28.500" (m³ or e³m³, 3 decimals) → 28500 (litres or m³): the chain's units. */
export function thousandths(text) {
  const [w, f = ''] = text.split('.');
  return BigInt(w) * 1000n + BigInt((f + '000').slice(0, 3));
}

/**
 * The six audited months of the demo and the zombienet life test: two wells (the simulator's
 * OIL and GAS well) × the three polled months, each uploaded with the volume that gives the
 * deviation shown (in % of the official volume): −5 %, 0, +8 % for oil; +10 % (the boundary: no
 * slash), +20 % and +45 % for gas. Producer volumes are rounded to whole litres / m³.
 */
export const DEVIATIONS = { OIL: [-5, 0, 8], GAS: [10, 20, 45] };
/** On the 1st–4th of a month only two months are polled: four mints. */
export const DEVIATIONS_TWO_MONTHS = { OIL: [-5, 8], GAS: [20, 45] };

export function lifePlan(simCfg, t = today()) {
  const months = polledMonths(t);
  const table = months.length === 3 ? DEVIATIONS : DEVIATIONS_TWO_MONTHS;
  return simCfg.petrinex.wells.filter((w) => !isDataRuleWell(w)).map((w) => ({
    id: w.id,
    commodity: w.product === 'OIL' ? 'Oil' : 'Gas',
    operator: w.operator,
    facility: w.facility,
    months: months.map((m, i) => {
      const official = thousandths(w.months[monthText(m)]);
      const pct = BigInt(table[w.product][i]);
      return { month: m, official, pct, producer: (official * (100n + pct)) / 100n };
    }),
  }));
}

/**
 * The data-rule wells of the zombienet suite (`sim-config.mjs --data-rules`): a confidential oil
 * well (its rows masked by Petrinex: identifier `***`, volume public) and a gas well whose
 * identifier also has rows of another operator. Both are registered on chain by the
 * `data-rules` test; neither takes part in the producer's life plan.
 */
export const CONFIDENTIAL_WELL = { id: '102081502320W500', product: 'OIL', operator: 'A1B2', facility: 'ABBT0202020', volume: '15.000' };
export const SHARED_WELL = {
  id: '1W0052706219W500', product: 'GAS', operator: 'A1B2', facility: 'ABGS0303030', volume: '7.000',
  other: { operator: 'Z9Y8', facility: 'ABGS0909090', volume: '500.000' },
};
export const isDataRuleWell = (w) => w.id === CONFIDENTIAL_WELL.id || w.id === SHARED_WELL.id;

/** The data-rule wells in the simulator's configuration format, with volumes in `months`. */
export function dataRuleSimWells(months) {
  const each = (v) => Object.fromEntries(months.map((m) => [monthText(m), v]));
  const c = CONFIDENTIAL_WELL;
  const s = SHARED_WELL;
  return [
    { id: c.id, product: c.product, operator: c.operator, facility: c.facility, confidential: true, months: each(c.volume) },
    {
      id: s.id, product: s.product, operator: s.operator, facility: s.facility, months: each(s.volume),
      other_operator: { operator: s.other.operator, facility: s.other.facility, months: each(s.other.volume) },
    },
  ];
}

/** Spreads `total` over the days of `month`: equal shares, the first days take the remainder. */
export function dailyRecords(month, total) {
  const first = firstDay(month);
  const n = BigInt(lastDay(month) - first + 1);
  const base = total / n;
  const extra = total % n;
  return Array.from({ length: Number(n) }, (_, i) => [first + i, base + (BigInt(i) < extra ? 1n : 0n)]);
}
