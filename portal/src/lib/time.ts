// The chain's calendar: a Day is whole UTC days since 1970-01-01; a Month is { year, month }.
export const DAY_MS = 86_400_000;
export interface Month { year: number; month: number }

export const dayOfDate = (iso: string): number | undefined => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return ms / DAY_MS;
};
export const dateOfDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
export const dayOfMs = (ms: number | bigint) => Math.floor(Number(ms) / DAY_MS);
export const monthOfDay = (day: number): Month => {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
};
export const monthText = (m: Month) => `${m.year}-${String(m.month).padStart(2, '0')}`;
export const monthKey = (m: Month) => m.year * 12 + (m.month - 1);
export const monthFromKey = (k: number): Month => ({ year: Math.floor(k / 12), month: (k % 12) + 1 });
export const firstDay = (m: Month) => Date.UTC(m.year, m.month - 1, 1) / DAY_MS;
export const lastDay = (m: Month) => Date.UTC(m.year, m.month, 1) / DAY_MS - 1;
export const prevMonth = (m: Month): Month => monthFromKey(monthKey(m) - 1);
export const sameMonth = (a: Month, b: Month) => a.year === b.year && a.month === b.month;
export const parseMonth = (t: string): Month | undefined => {
  const m = /^(\d{4})-(\d{2})$/.exec(t);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return undefined;
  return { year: Number(m[1]), month: Number(m[2]) };
};
