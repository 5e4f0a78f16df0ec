// Everyone: the audit records, P vs O per month of a well and the daily price line of a month.
import { useMemo, useState } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { useApp, useLoad } from '../state';
import { auditsOf, auditsPage, commodityOf, firstPages, prices, wellsById } from '../chain/reads';
import { fixed, fmtPpb, fmtTat, fmtUnit, fmtUsd, fmtVolume, fmtPrice, short, type Commodity } from '../lib/format';
import { dateOfDay, firstDay, lastDay, monthKey, monthText, type Month } from '../lib/time';
import { devName } from '../chain/accounts';
import { Badge, Loading } from '../ui/kit';
import { ChartView } from '../ui/Chart';
import { AuditTable } from '../ui/AuditView';
import { wellName } from './WellManagement';

export function AuditExplorer() {
  const { api } = useApp();
  // The records of every well, a page at a time (AuditMint.audits), and the wells they name.
  const [pages, setPages] = useState(1);
  const s = useLoad(async (a) => {
    const page = await firstPages(pages, (after?: [number, Month]) => auditsPage(a, after));
    const wells = await wellsById(a, [...new Set(page.items.map((x) => x.well))]);
    const audits = page.items.sort((x, y) => y.well - x.well || monthKey(y.month) - monthKey(x.month));
    return { audits, more: page.more, wells };
  }, [pages], false);
  const [wellSel, setWellSel] = useState<number>();
  const [monthSel, setMonthSel] = useState<Month>();
  const wellId = wellSel ?? s.data?.audits[0]?.well;
  // The chosen well's records, all of them (AuditMint.audits_of).
  const m = useLoad(async (a) => (wellId === undefined ? [] : auditsOf(a, wellId)), [wellId], false);
  if (!s.data || !api) return <Page><Loading what="audit records" /></Page>;
  const { audits, wells, more } = s.data;
  const audited = [...new Set(audits.map((a) => a.well))];
  const well = wells.find((w) => w.id === wellId);
  const c: Commodity = well ? commodityOf(well) : 'Oil';
  const mine = m.data ?? [];
  const selected = mine.find((a) => monthSel && monthKey(a.month) === monthKey(monthSel)) ?? mine[mine.length - 1];
  return (
    <Page>
      <p>Every audit is a record on chain: the producer's uploads (P), the official figure (O), the deviation band, the value minted and any slash. <button type="button" className="link" onClick={() => { s.reload(); m.reload(); }}>Refresh</button></p>
      {audits.length === 0 && <p className="muted">No audits yet.</p>}
      {well && (
        <div className="panel">
          <label htmlFor="aw">Well </label>
          <select id="aw" value={well.id} onChange={(e) => { setWellSel(Number(e.target.value)); setMonthSel(undefined); }}>
            {audited.map((id) => { const w = wells.find((x) => x.id === id); return <option key={id} value={id}>#{id} {w ? `${wellName(w)} (${commodityOf(w)})` : ''}</option>; })}
          </select>
          <PvsO rows={mine.map((a) => ({ month: monthText(a.month), p: a.record.producer_volume, o: a.record.official_volume }))} c={c} />
          {selected && <PriceLine month={selected.month} c={c} />}
          {selected && <><h3>Audit of {monthText(selected.month)}</h3><AuditTable record={selected.record} commodity={c} owner={selected.record.producer} /></>}
        </div>
      )}
      {audits.length > 0 && (
        <div className="table-wrap">
          <table data-testid="audits-table">
            <caption>Audit records{more ? ` (${audits.length} loaded)` : ''}</caption>
            <thead><tr><th scope="col">Well</th><th scope="col">Month</th><th scope="col">Producer</th><th scope="col">P</th><th scope="col">O</th><th scope="col">d</th><th scope="col">Band</th><th scope="col">V</th><th scope="col">Minted</th><th scope="col">Slash</th></tr></thead>
            <tbody>
              {audits.map((a) => {
                const w = wells.find((x) => x.id === a.well);
                const cc: Commodity = w ? commodityOf(w) : 'Oil';
                return (
                  <tr key={`${a.well}/${monthText(a.month)}`}>
                    <td><button type="button" className="link" onClick={() => { setWellSel(a.well); setMonthSel(a.month); }}>#{a.well}</button></td>
                    <td>{monthText(a.month)}</td>
                    <td>{devName(a.record.producer) ?? short(a.record.producer)}</td>
                    <td>{fmtVolume(a.record.producer_volume, cc)}</td>
                    <td>{fmtVolume(a.record.official_volume, cc)}</td>
                    <td>{fmtPpb(a.record.outcome.deviation_ppb)}</td>
                    <td><Badge kind={a.record.outcome.band.type}>{a.record.outcome.band.type}</Badge></td>
                    <td>{fmtUsd(a.record.value)}</td>
                    <td>{fmtTat(a.record.outcome.minted, 2)}</td>
                    <td>{fmtUnit(a.record.slash_due, 2)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {more && <button type="button" onClick={() => setPages((n) => n + 1)} disabled={s.loading}>Load more records</button>}
    </Page>
  );
}

function PvsO({ rows, c }: { rows: Array<{ month: string; p: bigint; o: bigint }>; c: Commodity }) {
  const config = useMemo<ChartConfiguration>(() => ({
    type: 'bar',
    data: {
      labels: rows.map((r) => r.month),
      datasets: [
        // display conversion only: thousandths → m³ / e³m³
        { label: `P uploaded (${c === 'Oil' ? 'm³' : 'e³m³'})`, data: rows.map((r) => Number(r.p) / 1000), backgroundColor: '#2b6cb0' },
        { label: `O official (${c === 'Oil' ? 'm³' : 'e³m³'})`, data: rows.map((r) => Number(r.o) / 1000), backgroundColor: '#c05621' },
      ],
    },
    options: { plugins: { legend: { position: 'bottom' } } },
  }), [rows, c]);
  return (
    <>
      <h3>Uploaded vs official per month</h3>
      <ChartView config={config} label={`Bar chart of uploaded and official volume per month: ${rows.map((r) => `${r.month} P ${fixed(r.p, 3, 3)} O ${fixed(r.o, 3, 3)}`).join('; ')}`} testId="chart-pvo" />
    </>
  );
}

function PriceLine({ month, c }: { month: Month; c: Commodity }) {
  const days = useMemo(() => { const out: number[] = []; for (let d = firstDay(month); d <= lastDay(month); d++) out.push(d); return out; }, [month]);
  const p = useLoad((a) => prices(a, c, days), [monthText(month), c], false);
  const config = useMemo<ChartConfiguration | undefined>(() => p.data && ({
    type: 'line',
    data: {
      labels: days.map((d) => dateOfDay(d).slice(8)),
      datasets: [{ label: `${c === 'Oil' ? 'WTI $/bbl' : 'Henry Hub $/MMBtu'} (oracle)`, data: p.data.map((x) => (x === undefined ? null : Number(x) / 1e6)), borderColor: '#2f855a', spanGaps: false }],
    },
    options: { plugins: { legend: { position: 'bottom' } } },
  }), [p.data, days, c]);
  if (!p.data || !config) return <Loading what="prices" />;
  const known = p.data.filter((x) => x !== undefined).length;
  return (
    <>
      <h3>Daily price, {monthText(month)}</h3>
      <p className="hint">{known} of {days.length} days have an oracle price (days without one are valued at the average of earlier prices, as each audit record counts).</p>
      <ChartView config={config} height={200} label={`Line chart of the daily ${c === 'Oil' ? 'WTI' : 'Henry Hub'} price in ${monthText(month)}: ${p.data.map((x, i) => `${dateOfDay(days[i])} ${x === undefined ? 'none' : fmtPrice(x, c)}`).join('; ')}`} testId="chart-price" />
    </>
  );
}

function Page({ children }: { children: React.ReactNode }) {
  return <section aria-labelledby="h-aud"><h1 id="h-aud">Audit explorer</h1>{children}</section>;
}
