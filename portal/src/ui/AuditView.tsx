// The chain's preview of a mint and its audit record, side by side in one table: every number
// as the chain returns it, only converted for display.
import type { AuditRecord, Preview } from '../chain/reads';
import { fmtPpb, fmtTat, fmtUnit, fmtUsd, fmtVolume, fmtBbl, short, type Commodity } from '../lib/format';
import { devName } from '../chain/accounts';

const who = (a: string) => devName(a) ?? short(a);

export function AuditTable({ preview, record, commodity, owner }: { preview?: Preview; record?: AuditRecord; commodity: Commodity; owner: string }) {
  const rows: Array<[string, string, (p: Preview | AuditRecord) => string]> = [
    ['P', 'producer volume', (x) => fmtVolume(x.producer_volume, commodity) + (commodity === 'Oil' ? ` (${fmtBbl(x.producer_volume)})` : '')],
    ['O', 'official volume', (x) => fmtVolume(x.official_volume, commodity)],
    ['d', 'deviation (P − O) / O', (x) => fmtPpb(x.outcome.deviation_ppb)],
    ['band', 'deviation band', (x) => x.outcome.band.type],
    ['V', 'value of the uploads', (x) => fmtUsd(x.value, 6)],
    ["V′", 'value minted', (x) => fmtUsd(x.outcome.minted, 6)],
    ['slash', 'slashed from the deposit (USD)', (x) => fmtUsd(x.outcome.slash, 6)],
    ['TAT', `to ${who(owner)} (producer, with the rounding dust)`, (x) => fmtTat(x.producer_share)],
  ];
  const bens = new Map<string, [bigint | undefined, bigint | undefined]>();
  preview?.beneficiaries.forEach(([a, v]) => bens.set(a, [v, undefined]));
  record?.beneficiaries.forEach(([a, v]) => bens.set(a, [bens.get(a)?.[0], v]));
  return (
    <div className="table-wrap">
      <table className="audit" data-testid="audit-table">
        <thead>
          <tr><th scope="col">Item</th><th scope="col">Meaning</th>{preview && <th scope="col">Preview (now)</th>}{record && <th scope="col">Audit record</th>}</tr>
        </thead>
        <tbody>
          {rows.map(([k, label, f]) => (
            <tr key={k} data-row={k}>
              <th scope="row">{k}</th><td>{label}</td>
              {preview && <td data-col="preview">{f(preview)}</td>}
              {record && <td data-col="record">{f(record)}</td>}
            </tr>
          ))}
          {[...bens.entries()].map(([a, [p, r]]) => (
            <tr key={a} data-row={`ben-${who(a)}`}>
              <th scope="row">TAT</th><td>to beneficiary {who(a)}</td>
              {preview && <td data-col="preview">{p !== undefined ? fmtTat(p) : '—'}</td>}
              {record && <td data-col="record">{r !== undefined ? fmtTat(r) : '—'}</td>}
            </tr>
          ))}
          {record && (
            <>
              <tr data-row="slash-unit"><th scope="row">slash</th><td>converted, taken, new debt</td>{preview && <td>—</td>}<td data-col="record">{fmtUnit(record.slash_due)} due · {fmtUnit(record.slashed)} taken · {fmtUnit(record.new_debt)} debt</td></tr>
              <tr data-row="pricing"><th scope="row">prices</th><td>days priced that day / by fallback / none</td>{preview && <td>—</td>}<td data-col="record">{record.pricing.day_prices} / {record.pricing.fallback_prices} / {record.pricing.missing_prices}</td></tr>
              <tr><th scope="row">block</th><td>audited in block</td>{preview && <td>—</td>}<td data-col="record">#{record.block}{record.amended && ` · amended later to ${fmtVolume(record.amended[0], commodity)}`}</td></tr>
            </>
          )}
        </tbody>
      </table>
    </div>
  );
}
