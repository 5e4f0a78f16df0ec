// Daily production: one day by form, or many by CSV (validated here with line numbers, then
// sent as batched upload_batch transactions with a progress bar).
import { useMemo, useState } from 'react';
import { useApp, useLoad } from '../state';
import { commodityOf, existingDays, maxBatch, wellsOf, type Well } from '../chain/reads';
import { batches, parseProductionCsv, type CsvResult, type CsvWell } from '../lib/csv';
import { fmtVolume, parseThousandths, volumeUnit } from '../lib/format';
import { dateOfDay, dayOfDate, monthKey, monthOfDay, monthText, type Month } from '../lib/time';
import { ChainErrorBox, Field, Loading, NeedAccount, TxButton, useTx } from '../ui/kit';
import { wellName } from './WellManagement';
import type { Api } from '../chain/client';

export function Production() {
  const { account, api, today } = useApp();
  const s = useLoad(async (a) => (account ? wellsOf(a, account.address) : undefined), [account?.address], false);
  if (!account) return <Page><NeedAccount /></Page>;
  if (!s.data || !api || !today) return <Page><Loading what="your wells" /></Page>;
  const active = s.data.filter((w) => w.status.type === 'Active');
  return (
    <Page>
      {active.length === 0 && <p className="notice">No active well: a well uploads production once a Foundation Manager has passed it. <a href="#/wells">Wells</a></p>}
      {active.length > 0 && <DailyForm api={api} wells={active} today={today} />}
      {active.length > 0 && <CsvUpload api={api} wells={s.data} today={today} />}
    </Page>
  );
}

function Page({ children }: { children: React.ReactNode }) {
  return <section aria-labelledby="h-prod"><h1 id="h-prod">Production</h1>{children}</section>;
}

function DailyForm({ api, wells, today }: { api: Api; wells: Well[]; today: number }) {
  const [wellId, setWellId] = useState(wells[0].id);
  const [date, setDate] = useState(dateOfDay(today - 1));
  const [vol, setVol] = useState('');
  const w = wells.find((x) => x.id === wellId) ?? wells[0];
  const c = commodityOf(w);
  const day = dayOfDate(date);
  const v = parseThousandths(vol);
  const dateErr = day === undefined ? 'not a date' : day >= today ? 'only days up to yesterday (UTC)' : day < today - 365 ? 'more than 365 days ago' : undefined;
  return (
    <div className="panel">
      <h2>Daily upload</h2>
      <form className="form row3" onSubmit={(e) => e.preventDefault()}>
        <Field label="Well">
          {(id) => (
            <select id={id} data-testid="daily-well" value={wellId} onChange={(e) => setWellId(Number(e.target.value))}>
              {wells.map((x) => <option key={x.id} value={x.id}>#{x.id} {wellName(x)} ({commodityOf(x)})</option>)}
            </select>
          )}
        </Field>
        <Field label="Day (UTC)" error={dateErr}>
          {(id) => <input id={id} type="date" data-testid="daily-date" value={date} max={dateOfDay(today - 1)} min={dateOfDay(today - 365)} onChange={(e) => setDate(e.target.value)} />}
        </Field>
        <Field label={`Volume (${volumeUnit(c)})`} error={vol && typeof v === 'string' ? v : undefined}>
          {(id) => <input id={id} inputMode="decimal" data-testid="daily-volume" value={vol} onChange={(e) => setVol(e.target.value)} placeholder="0.000" />}
        </Field>
      </form>
      <TxButton label="Upload day" testId="daily-upload" disabled={!!dateErr || typeof v === 'string' || day === undefined}
        build={() => (typeof v === 'bigint' && day !== undefined ? api.tx.Wells.upload_production({ well: wellId, day, volume: v }) : undefined)}
        success="Recorded." />
    </div>
  );
}

interface Checked { result: CsvResult; onChain: number }

function CsvUpload({ api, wells, today }: { api: Api; wells: Well[]; today: number }) {
  const { account, meta } = useApp();
  const [textIn, setTextIn] = useState('');
  const [fileName, setFileName] = useState<string>();
  const [checked, setChecked] = useState<Checked>();
  const [checking, setChecking] = useState(false);
  const [progress, setProgress] = useState<{ sent: number; total: number; txs: number; txTotal: number }>();
  const [sendErr, setSendErr] = useState<unknown>();
  const [done, setDone] = useState(false);
  const tx = useTx();
  void meta;

  async function validate(body: string) {
    setChecking(true); setDone(false); setSendErr(undefined); setProgress(undefined);
    const csvWells: CsvWell[] = wells.map((w) => ({
      id: w.id, identifier: w.identifier, commodity: commodityOf(w), active: w.status.type === 'Active', closedMonths: new Set<number>(),
      activated: w.activated,
    }));
    // The upload window in force (governance parameters), so the file is checked as the chain will.
    const [grace, close, pre] = await api.view.Wells.upload_window({ at: 'best' });
    const t0 = performance.now();
    const result = parseProductionCsv(body, csvWells, today, { grace, close, pre });
    (window as unknown as { __csvMs?: number }).__csvMs = performance.now() - t0;
    let onChain = 0;
    if (result.errors.length === 0 && result.rows.length > 0) {
      // Audited months refuse uploads (MonthAudited): the ledgers of the (well, month) pairs in the file.
      const pairs = [...new Map(result.rows.map((r) => { const m = monthOfDay(r.day); return [`${r.well}/${monthKey(m)}`, [r.well, m] as [number, Month]]; })).values()];
      const ledgers = await api.query.Wells.Ledgers.getValues(pairs, { at: 'best' });
      const closed = new Set(pairs.filter((_, i) => ledgers[i] && ledgers[i]!.status.type !== 'Open').map(([w, m]) => `${w}/${monthKey(m)}`));
      for (const r of result.rows) {
        const m = monthOfDay(r.day);
        if (closed.has(`${r.well}/${monthKey(m)}`)) result.errors.push({ line: r.line, message: `${dateOfDay(r.day)}: ${monthText(m)} of well #${r.well} was audited already` });
      }
      // Days already recorded on chain (DuplicateDay).
      const exists = await existingDays(api, result.rows.map((r) => [r.well, r.day]));
      exists.forEach((e, i) => {
        if (e) { onChain++; result.errors.push({ line: result.rows[i].line, message: `well #${result.rows[i].well} already has a record for ${dateOfDay(result.rows[i].day)} on chain` }); }
      });
    }
    result.errors.sort((a, b) => a.line - b.line);
    setChecked({ result, onChain });
    setChecking(false);
  }

  async function send() {
    if (!checked || !account) return;
    setSendErr(undefined);
    const max = await maxBatch(api);
    const parts = batches(checked.result.rows, max);
    let sent = 0;
    setProgress({ sent: 0, total: checked.result.rows.length, txs: 0, txTotal: parts.length });
    for (const [i, part] of parts.entries()) {
      const o = await tx.run(api.tx.Wells.upload_batch({ records: part.map((r) => [r.well, r.day, r.volume] as [number, number, bigint]) }));
      if (!o) { setSendErr(`Batch ${i + 1} of ${parts.length} failed; ${sent} records were recorded before it. Fix and validate again (recorded days will show as duplicates).`); return; }
      sent += part.length;
      setProgress({ sent, total: checked.result.rows.length, txs: i + 1, txTotal: parts.length });
    }
    setDone(true);
  }

  const summary = useMemo(() => {
    if (!checked) return [];
    const m = new Map<string, { well: number; month: string; days: number; volume: bigint; c: 'Oil' | 'Gas' }>();
    for (const r of checked.result.rows) {
      const k = `${r.well}/${monthText(monthOfDay(r.day))}`;
      const e = m.get(k) ?? { well: r.well, month: monthText(monthOfDay(r.day)), days: 0, volume: 0n, c: r.commodity };
      e.days++; e.volume += r.volume;
      m.set(k, e);
    }
    return [...m.values()];
  }, [checked]);

  const errors = checked?.result.errors ?? [];
  return (
    <div className="panel">
      <h2>CSV bulk upload</h2>
      <p>One line per well and day: <code>date,well,volume</code> — date <code>YYYY-MM-DD</code> (UTC), well = the 16-character Petrinex identifier or the well number (<code>#3</code>), volume in <b>m³ for oil</b> and <b>e³m³ for gas</b> (up to 3 decimals). A header line is optional.</p>
      <pre className="example">date,well,volume{'\n'}2026-10-01,100071901015W400,0.950{'\n'}2026-10-01,#2,4.050</pre>
      <div className="row2">
        <label className="drop"><span>CSV file</span>
          <input type="file" accept=".csv,text/csv,text/plain" data-testid="csv-file"
            onChange={async (e) => { const f = e.target.files?.[0]; if (f) { setFileName(f.name); const t = await f.text(); setTextIn(t); await validate(t); } }} />
        </label>
        <Field label="…or paste the lines">
          {(id) => <textarea id={id} rows={5} data-testid="csv-text" value={textIn} onChange={(e) => { setTextIn(e.target.value); setChecked(undefined); }} spellCheck={false} />}
        </Field>
      </div>
      <p><button type="button" className="secondary" data-testid="csv-validate" disabled={!textIn || checking} onClick={() => void validate(textIn)}>{checking ? 'Validating…' : 'Validate'}</button></p>
      {checked && (
        <div data-testid="csv-result">
          <p role="status">{fileName && <>{fileName}: </>}{checked.result.lines} data lines · <strong>{checked.result.rows.length - checked.onChain}</strong> valid · <strong className={errors.length ? 'bad' : ''} data-testid="csv-error-count">{errors.length}</strong> {errors.length === 1 ? 'error' : 'errors'}</p>
          {errors.length > 0 && (
            <div role="alert">
              <p className="bad">Nothing will be sent until every line is correct.</p>
              <ol className="csv-errors" data-testid="csv-errors">
                {errors.slice(0, 200).map((e, i) => <li key={i} value={e.line || undefined}><strong>{e.line ? `line ${e.line}` : 'file'}:</strong> {e.message}</li>)}
              </ol>
              {errors.length > 200 && <p>…and {errors.length - 200} more.</p>}
            </div>
          )}
          {errors.length === 0 && summary.length > 0 && (
            <>
              <div className="table-wrap">
                <table data-testid="csv-preview">
                  <caption>Preview: what will be recorded</caption>
                  <thead><tr><th scope="col">Well</th><th scope="col">Month</th><th scope="col">Days</th><th scope="col">Volume</th></tr></thead>
                  <tbody>{summary.map((s) => <tr key={`${s.well}/${s.month}`}><td>#{s.well}</td><td>{s.month}</td><td>{s.days}</td><td>{fmtVolume(s.volume, s.c)}</td></tr>)}</tbody>
                </table>
              </div>
              <button type="button" className="primary" data-testid="csv-send" disabled={tx.busy || done || !account} onClick={() => void send()}>
                Upload {checked.result.rows.length} records
              </button>
            </>
          )}
          {progress && (
            <div className="progress">
              <label htmlFor="csv-progress">Uploaded {progress.sent} of {progress.total} records ({progress.txs} of {progress.txTotal} transactions)</label>
              <progress id="csv-progress" data-testid="csv-progress" max={progress.total} value={progress.sent} />
            </div>
          )}
          {done && <p className="ok" role="status" data-testid="csv-done">✓ All {progress?.total} records are on chain.</p>}
          <ChainErrorBox error={tx.error} />
          {sendErr !== undefined && <p className="error" role="alert">{String(sendErr)}</p>}
        </div>
      )}
    </div>
  );
}
