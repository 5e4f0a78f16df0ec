// The feed simulator's configuration for today, as zombienet/lib/plan.mjs builds it for the demo:
// feed-sim/config/dev.json with each well's official volumes moved onto the months the offchain
// workers poll today (oldest first), so the official figures exist whatever the date.
import { readFileSync } from 'node:fs';

const DAY_MS = 86_400_000;
export const today = (nowMs = Date.now()) => Math.floor(nowMs / DAY_MS);
export const monthOf = (day) => { const d = new Date(day * DAY_MS); return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 }; };
export const prevMonth = ({ year, month }) => (month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 });
export const nextMonth = ({ year, month }) => (month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 });
export const firstDay = ({ year, month }) => Date.UTC(year, month - 1, 1) / DAY_MS;
export const lastDay = (m) => firstDay(nextMonth(m)) - 1;
export const monthText = ({ year, month }) => `${year}-${String(month).padStart(2, '0')}`;
export const ymd = (day) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The months whose official figures the workers poll today (from the 5th of the next month). */
export function polledMonths(t = today()) {
  const out = [];
  let m = monthOf(t);
  for (let i = 0; i < 3; i++) {
    m = prevMonth(m);
    if (t >= firstDay(nextMonth(m)) + 4) out.push(m);
  }
  return out.reverse();
}

export function simConfigForToday(basePath, listen, t = today()) {
  const cfg = JSON.parse(readFileSync(basePath, 'utf8'));
  const months = polledMonths(t);
  for (const well of cfg.petrinex.wells) {
    const volumes = Object.keys(well.months).sort().map((k) => well.months[k]);
    well.months = {};
    months.forEach((m, i) => { if (volumes[i] !== undefined) well.months[monthText(m)] = volumes[i]; });
  }
  if (listen) cfg.listen = listen;
  return cfg;
}

/** "28.500" → 28500n (thousandths). */
export function thousandths(text) {
  const [w, f = ''] = text.split('.');
  return BigInt(w) * 1000n + BigInt((f + '000').slice(0, 3));
}
const fmt3 = (x) => `${x / 1000n}.${String(x % 1000n).padStart(3, '0')}`;

/** CSV lines spreading `total` thousandths over the days of `month` (first days take the rest). */
export function monthCsv(wellText, month, total) {
  const first = firstDay(month);
  const n = BigInt(lastDay(month) - first + 1);
  const base = total / n;
  const extra = total % n;
  const lines = ['date,well,volume'];
  for (let i = 0n; i < n; i++) lines.push(`${ymd(first + Number(i))},${wellText},${fmt3(base + (i < extra ? 1n : 0n))}`);
  return `${lines.join('\n')}\n`;
}
