// CSV bulk upload of daily production: `date, well, volume` per line.
//   date    YYYY-MM-DD (UTC day)
//   well    the 16-character Petrinex identifier (e.g. 100071901015W400) or the chain's well
//           number (#12 or 12)
//   volume  m³ for oil wells, e³m³ for gas wells, at most 3 decimals (Petrinex's precision)
// A header line (first field "date") is allowed. Every problem is reported with its line number;
// nothing is sent while any line has an error.
import { parseThousandths, type Commodity } from './format';
import { dateOfDay, dayOfDate, firstDay, monthFromKey, monthKey, monthOfDay, monthText } from './time';
import { wellCommitment } from './hash';

/** Largest daily volume a record may carry (tn_primitives::MAX_DAILY_VOLUME). */
export const MAX_DAILY_VOLUME = 10_000_000_000n;
/** Uploads may go back 365 days (pallet-wells MAX_BACKFILL_DAYS). */
export const MAX_BACKFILL_DAYS = 365;

/** The upload window in force (`Wells.upload_window` view function: grace, close, pre-activation days). */
export interface UploadWindow { grace: number; close: number; pre: number }

/** First day on which `day`'s month is closed for uploads: the next month's first day + close days. */
export const monthClose = (day: number, w: UploadWindow) => firstDay(monthFromKey(monthKey(monthOfDay(day)) + 1)) + w.close;

export interface CsvWell {
  id: number;
  /** Day of first activation (uploads start `pre` days before it). */
  activated?: number;
  identifier: string; // commitment hex
  commodity: Commodity;
  active: boolean;
  /** Months (year*12+month-1) already audited: no more uploads. */
  closedMonths: Set<number>;
}
export interface CsvRow { line: number; well: number; day: number; volume: bigint; commodity: Commodity }
export interface CsvError { line: number; message: string }
export interface CsvResult { rows: CsvRow[]; errors: CsvError[]; lines: number }

/** Splits one CSV line (RFC 4180 quotes allowed). */
function fields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (q) {
      if (c === '"') {
        if (line[i + 1] === '"') { cur += '"'; i++; } else q = false;
      } else cur += c;
    } else if (c === '"') q = true;
    else if (c === ',' || c === ';' || c === '\t') { out.push(cur); cur = ''; } else cur += c;
  }
  out.push(cur);
  return out.map((f) => f.trim());
}

/**
 * Parses and validates `text` against the producer's wells and the chain's today (UTC day of
 * the best block's timestamp). Checks what the chain would refuse (FutureDay, DayTooOld,
 * VolumeTooLarge, unknown/not-owned/inactive well, audited month) plus duplicates inside the
 * file; records already on chain are checked separately (`duplicatesOnChain`).
 */
export function parseProductionCsv(text: string, wells: CsvWell[], today: number, window?: UploadWindow): CsvResult {
  const byNumber = new Map(wells.map((w) => [w.id, w]));
  const byCommitment = new Map(wells.map((w) => [w.identifier.toLowerCase(), w]));
  const hashCache = new Map<string, string>();
  const seen = new Map<string, number>();
  const rows: CsvRow[] = [];
  const errors: CsvError[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  let count = 0;
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '' || raw.trim().startsWith('#')) return;
    const f = fields(raw);
    if (i === 0 && /^date$/i.test(f[0] ?? '')) return; // header
    count++;
    const err = (message: string) => errors.push({ line, message });
    if (f.length !== 3) { err(`expected 3 fields (date, well, volume), found ${f.length}`); return; }
    const [dateText, wellText, volText] = f;
    const day = dayOfDate(dateText);
    let ok = true;
    if (day === undefined) { err(`"${dateText}" is not a date (YYYY-MM-DD)`); ok = false; }
    else if (day >= today) { err(`${dateText} is not over yet: production can be uploaded up to yesterday (${dateOfDay(today - 1)}, UTC)`); ok = false; }
    else if (day < today - MAX_BACKFILL_DAYS) { err(`${dateText} is more than ${MAX_BACKFILL_DAYS} days ago (oldest: ${dateOfDay(today - MAX_BACKFILL_DAYS)})`); ok = false; }
    else if (window && today > day + window.grace) { err(`${dateText}: a day must be uploaded within ${window.grace} days (the upload window closed on ${dateOfDay(day + window.grace + 1)})`); ok = false; }
    else if (window && today >= monthClose(day, window)) { err(`${dateText}: ${monthText(monthOfDay(day))} closed for uploads on ${dateOfDay(monthClose(day, window))} (00:00 UTC)`); ok = false; }
    let well: CsvWell | undefined;
    const w = wellText.toUpperCase();
    const num = /^#?(\d{1,9})$/.exec(w);
    if (num) well = byNumber.get(Number(num[1]));
    else if (/^[0-9A-Z]{16}$/.test(w)) {
      let h = hashCache.get(w);
      if (!h) { h = wellCommitment(w).toLowerCase(); hashCache.set(w, h); }
      well = byCommitment.get(h);
    } else { err(`"${wellText}" is neither a 16-character Petrinex well identifier nor a well number`); ok = false; }
    if ((num || /^[0-9A-Z]{16}$/.test(w)) && !well) { err(`well "${wellText}" is not one of your wells`); ok = false; }
    if (well && !well.active) { err(`well #${well.id} is not active (it must pass its review first)`); ok = false; }
    else if (well && window && day !== undefined && well.activated !== undefined && day < well.activated - window.pre) { err(`${dateText} is before well #${well.id}'s activation on ${dateOfDay(well.activated)}`); ok = false; }
    const vol = parseThousandths(volText);
    if (typeof vol === 'string') { err(vol); ok = false; }
    else if (vol > MAX_DAILY_VOLUME) { err(`volume ${volText} is above the chain's daily bound`); ok = false; }
    if (!ok || !well || day === undefined || typeof vol === 'string') return;
    const m = monthOfDay(day);
    if (well.closedMonths.has(m.year * 12 + m.month - 1)) { err(`${dateText}: that month of well #${well.id} was audited already`); return; }
    const key = `${well.id}/${day}`;
    const prev = seen.get(key);
    if (prev !== undefined) { err(`well #${well.id} on ${dateText} is already on line ${prev}`); return; }
    seen.set(key, line);
    rows.push({ line, well: well.id, day, volume: vol, commodity: well.commodity });
  });
  if (count === 0) errors.push({ line: 0, message: 'the file has no data lines' });
  return { rows, errors, lines: count };
}

/** Splits rows into batches of at most `max` records (the runtime's MaxBatch). */
export function batches<T>(rows: T[], max: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += max) out.push(rows.slice(i, i + max));
  return out;
}
