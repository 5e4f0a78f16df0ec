// Benchmark (not a test): validate a 10,000-row production CSV in the browser with the portal's
// own validator. Run by `node bench/run.mjs` (headless Chromium).
import { parseProductionCsv, type CsvWell } from '../src/lib/csv';
import { wellCommitment } from '../src/lib/hash';
import { dateOfDay } from '../src/lib/time';

const today = Math.floor(Date.now() / 86_400_000);
const WELLS = 28; // 28 wells × 358 days ≥ 10,000 rows (uploads go back 365 days)
const ids = Array.from({ length: WELLS }, (_, i) => `100${String(i + 1).padStart(2, "0")}1901015W400`);
const wells: CsvWell[] = ids.map((id, i) => ({ id: i, identifier: wellCommitment(id), commodity: i % 2 ? 'Gas' : 'Oil', active: true, closedMonths: new Set() }));
const lines = ['date,well,volume'];
outer: for (let d = 1; d <= 358; d++) {
  for (let w = 0; w < WELLS; w++) {
    if (lines.length > 10_000) break outer;
    lines.push(`${dateOfDay(today - d)},${ids[w]},${(Math.random() * 100).toFixed(3)}`);
  }
}
const text = lines.join('\n');
const runs: number[] = [];
let rows = 0; let errors = 0;
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  const r = parseProductionCsv(text, wells, today);
  runs.push(performance.now() - t0);
  rows = r.rows.length; errors = r.errors.length;
}
runs.sort((a, b) => a - b);
const result = { rows, errors, bytes: text.length, firstMs: runs[0], medianMs: runs[2], maxMs: runs[4] };
(window as unknown as { benchResult: unknown }).benchResult = result;
document.getElementById('out')!.textContent = JSON.stringify(result, null, 2);
