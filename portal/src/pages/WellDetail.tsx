// One well: its facts, beneficiaries editor, months with their state and the Mint TAT flow.
import { useEffect, useState } from 'react';
import { useApp, useLoad } from '../state';
import { auditRecord, commodityOf, preview, well as readWell, wellMonths, type AuditRecord, type MonthRow, type Preview, type Well } from '../chain/reads';
import { fmtPerbill, fmtVolume, parsePercent, PERBILL, short, type Commodity } from '../lib/format';
import { dateOfDay, monthText, type Month } from '../lib/time';
import { Badge, ChainErrorBox, Dialog, DispatchErrorText, Field, Loading, TxButton, useTx } from '../ui/kit';
import { AuditTable } from '../ui/AuditView';
import { reviewText, statusText, wellCodes, wellName } from './WellManagement';
import { devName } from '../chain/accounts';
import type { Api } from '../chain/client';

export function WellDetail({ id }: { id: number }) {
  const { account, api, today } = useApp();
  const s = useLoad(async (a) => {
    const w = await readWell(a, id);
    return w ? { well: w, months: await wellMonths(a, id) } : null;
  }, [id]);
  const [minting, setMinting] = useState<Month>();
  if (s.data === undefined || !api) return <section><h1>Well #{id}</h1><Loading /></section>;
  if (s.data === null) return <section><h1>Well #{id}</h1><p>No such well.</p></section>;
  const { well: w, months } = s.data;
  const c = commodityOf(w);
  const mine = account?.address === w.owner;
  return (
    <section aria-labelledby="h-well">
      <p><a href="#/wells">← Wells</a></p>
      <h1 id="h-well">Well #{w.id} <code>{wellName(w)}</code></h1>
      <dl className="kv">
        <dt>Owner</dt><dd>{devName(w.owner) ?? short(w.owner)}</dd>
        <dt>Product</dt><dd>{c} ({c === 'Oil' ? 'volumes in m³, priced by WTI' : 'volumes in e³m³, priced by Henry Hub'})</dd>
        <dt>Operator / facility</dt><dd>{wellCodes(w).operator || '—'} / {wellCodes(w).facility || '—'}</dd>
        <dt>Status</dt><dd><Badge kind={w.status.type}>{statusText(w)}</Badge></dd>
        <dt>Valid until</dt><dd>{w.expires !== undefined ? dateOfDay(w.expires) : '—'} (activated {w.activated !== undefined ? dateOfDay(w.activated) : '—'})</dd>
        <dt>Price discount</dt><dd>{c === 'Oil' ? `${fmtPerbill(w.discount)} of WTI${w.quality ? ` (API ${(w.quality.api_gravity_x100 / 100).toFixed(2)}, acidity ${(w.quality.acidity_bp / 100).toFixed(2)} %)` : ''}` : 'none'}</dd>
        <dt>Annual review</dt><dd>{reviewText(w, today)}</dd>
      </dl>
      <Beneficiaries api={api} well={w} editable={mine} onDone={s.reload} />
      <h2>Months</h2>
      <p className="hint">A month is <b>Mintable</b> when the chain says a mint by the owner would succeed now: the month is over, the official figure is in, the well is active and valid and the producer is active without debt. Otherwise the chain's reason is shown.</p>
      {months.length === 0 ? <p className="muted">No production uploaded yet. <a href="#/production">Upload production</a></p> : (
        <div className="table-wrap">
          <table className="stack" data-testid="months-table">
            <thead><tr><th scope="col">Month</th><th scope="col">Days</th><th scope="col">Uploaded (P)</th><th scope="col">Official (O)</th><th scope="col">State</th><th scope="col">Why not mintable / action</th></tr></thead>
            <tbody>
              {months.map((m) => <MonthLine key={monthText(m.month)} m={m} c={c} mine={mine} onMint={() => setMinting(m.month)} />)}
            </tbody>
          </table>
        </div>
      )}
      <Dialog open={!!minting} onClose={() => { setMinting(undefined); s.reload(); }} title={minting ? `${monthText(minting)} of well #${w.id}` : ''}>
        {minting && <MintFlow api={api} well={w} month={minting} commodity={c} />}
      </Dialog>
    </section>
  );
}

function MonthLine({ m, c, mine, onMint }: { m: MonthRow; c: Commodity; mine: boolean; onMint: () => void }) {
  const t = monthText(m.month);
  return (
    <tr data-testid={`month-${t}`}>
      <th scope="row">{t}</th>
      <td data-label="Days">{m.days}</td>
      <td data-label="Uploaded (P)">{fmtVolume(m.volume, c)}</td>
      <td data-label="Official (O)">{m.official ? fmtVolume(m.official.volume, c) : m.record ? fmtVolume(m.record.official_volume, c) : <span className="muted">not yet</span>}</td>
      <td data-label="State"><Badge kind={m.state}>{m.state}</Badge></td>
      <td data-label="Why not / action">
        {m.state === 'Mintable' && mine && <button type="button" className="primary small" data-testid={`mint-${t}`} onClick={onMint}>Mint TAT</button>}
        {m.state === 'Mintable' && !mine && <span className="muted">the owner can mint</span>}
        {m.state === 'Open' && m.blocker !== undefined && <DispatchErrorText error={m.blocker} />}
        {m.state === 'Lapsed' && <span className="muted">closed without an audit: no official figure came inside the amendment horizon (or the well was removed); nothing minted, nothing slashed</span>}
        {(m.state === 'Audited' || m.state === 'Failed') && <a href={`#/audits?well=${m.record ? '' : ''}`} onClick={(e) => { e.preventDefault(); onMint(); }}>audit record</a>}
      </td>
    </tr>
  );
}

/** Confirmation with the chain's preview, then the mint, then the audit record. */
function MintFlow({ api, well, month, commodity }: { api: Api; well: Well; month: Month; commodity: Commodity }) {
  const [pv, setPv] = useState<Preview>();
  const [pvErr, setPvErr] = useState<unknown>();
  const [record, setRecord] = useState<AuditRecord>();
  const tx = useTx();
  useEffect(() => {
    let alive = true;
    void (async () => {
      const existing = await auditRecord(api, well.id, month);
      if (!alive) return;
      if (existing) { setRecord(existing); return; }
      const p = await preview(api, well.id, month);
      if (!alive) return;
      if (p.success) setPv(p.value); else setPvErr(p.value);
    })();
    return () => { alive = false; };
  }, [api, well.id, month]);
  async function mint() {
    const o = await tx.run(api.tx.AuditMint.mint({ well: well.id, month }));
    if (o) setRecord(await api.query.AuditMint.AuditRecords.getValue(well.id, month, { at: o.block.hash }));
  }
  return (
    <div data-testid="mint-dialog">
      {!pv && !record && !pvErr && <Loading what="the chain's preview" />}
      {pvErr !== undefined && !record && <p className="error" role="alert">Not mintable now: <DispatchErrorText error={pvErr} /></p>}
      {pv && !record && <p>The chain's preview of this mint (computed by the runtime now; nothing is recomputed here):</p>}
      {record && <p className="ok" role="status" data-testid="mint-done">The month is audited. The audit record as stored on chain{pv ? ', next to the preview you confirmed' : ''}:</p>}
      {(pv || record) && <AuditTable preview={pv} record={record} commodity={commodity} owner={well.owner} />}
      {pv && !record && (
        <div className="confirm">
          <p><strong>Mint TAT for {monthText(month)}?</strong> This audits the month once and for all: the deviation band decides the minted value and any slash of your deposit.</p>
          <button type="button" className="primary" data-testid="mint-yes" disabled={tx.busy} onClick={() => void mint()}>{tx.busy ? 'Minting…' : 'Yes, mint'}</button>
          <span role="status" aria-live="polite">{tx.busy && tx.phase}</span>
          <ChainErrorBox error={tx.error} />
        </div>
      )}
    </div>
  );
}

interface BenRow { who: string; pct: string }

function Beneficiaries({ api, well, editable, onDone }: { api: Api; well: Well; editable: boolean; onDone: () => void }) {
  const { accounts } = useApp();
  const [rows, setRows] = useState<BenRow[]>(() => well.beneficiaries.map(([a, p]) => ({ who: a, pct: (p / 10_000_000).toString() })));
  const [editing, setEditing] = useState(false);
  const parsed = rows.map((r) => parsePercent(r.pct));
  const sum = parsed.reduce<number>((s, p) => s + (typeof p === 'number' ? p : 0), 0);
  const remainder = 1_000_000_000 - sum;
  const errors: string[] = [];
  rows.forEach((r, i) => {
    const p = parsed[i];
    if (!/^[1-9A-HJ-NP-Za-km-z]{46,48}$/.test(r.who.trim())) errors.push(`row ${i + 1}: not an SS58 address`);
    if (typeof p === 'string') errors.push(`row ${i + 1}: ${p}`);
    else if (p === 0) errors.push(`row ${i + 1}: a share of 0 — remove the row instead`);
    if (r.who.trim() === well.owner) errors.push(`row ${i + 1}: the owner keeps the remainder; do not list it`);
    if (rows.findIndex((x) => x.who.trim() === r.who.trim()) !== i) errors.push(`row ${i + 1}: listed twice`);
  });
  if (remainder < 0) errors.push('shares add up to more than 100 %');
  if (rows.length > 9) errors.push('at most 9 beneficiaries');
  return (
    <div className="panel">
      <h2>Beneficiaries</h2>
      {!editing && (
        <>
          <ul data-testid="beneficiaries">
            {well.beneficiaries.map(([a, p]) => <li key={a}>{devName(a) ?? short(a)}: {fmtPerbill(p)}</li>)}
            <li>{devName(well.owner) ?? short(well.owner)} (owner): {fmtPerbill(PERBILL - BigInt(well.beneficiaries.reduce((s, [, p]) => s + p, 0)))} and the rounding dust</li>
          </ul>
          {editable && <button type="button" className="secondary" data-testid="edit-beneficiaries" onClick={() => setEditing(true)}>Edit beneficiaries</button>}
        </>
      )}
      {editing && (
        <form className="form" onSubmit={(e) => e.preventDefault()} aria-describedby="ben-remainder">
          {rows.map((r, i) => (
            <div className="row2 ben-row" key={i}>
              <Field label={`Beneficiary ${i + 1} account`}>
                {(id) => (
                  <>
                    <input id={id} list="known-accounts" value={r.who} data-testid={`ben-who-${i}`} onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, who: e.target.value } : x)))} />
                  </>
                )}
              </Field>
              <Field label="Share (%)">
                {(id) => <input id={id} inputMode="decimal" value={r.pct} data-testid={`ben-pct-${i}`} onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, pct: e.target.value } : x)))} />}
              </Field>
              <button type="button" className="link" aria-label={`Remove beneficiary ${i + 1}`} onClick={() => setRows(rows.filter((_, j) => j !== i))}>remove</button>
            </div>
          ))}
          <datalist id="known-accounts">{accounts.map((a) => <option key={a.address} value={a.address}>{a.name}</option>)}</datalist>
          <p><button type="button" className="secondary small" data-testid="ben-add" onClick={() => setRows([...rows, { who: '', pct: '' }])} disabled={rows.length >= 9}>Add a beneficiary</button></p>
          <p id="ben-remainder" aria-live="polite" data-testid="ben-remainder">Owner keeps: <strong className={remainder < 0 ? 'bad' : ''}>{fmtPerbill(BigInt(remainder))}</strong> (and the rounding dust of every mint)</p>
          {errors.length > 0 && <ul className="field-error" role="alert">{errors.map((e) => <li key={e}>{e}</li>)}</ul>}
          <TxButton label="Save beneficiaries" testId="ben-save" disabled={errors.length > 0}
            build={() => api.tx.Wells.set_beneficiaries({ well: well.id, beneficiaries: rows.map((r, i) => [r.who.trim(), parsed[i] as number] as [string, number]) })}
            onDone={() => { setEditing(false); onDone(); }} />
          <button type="button" className="link" onClick={() => setEditing(false)}>Cancel</button>
        </form>
      )}
    </div>
  );
}
