// WellManagement: the producer's wells with status, validity, discount and annual review; add a
// well; edit; annual review.
import { useState } from 'react';
import { Binary } from 'polkadot-api';
import { useApp, useLoad } from '../state';
import { assetClasses, commodityOf, onboardingState, wellsOf, type Well } from '../chain/reads';
import { fmtPerbill, shortHex, text, type Commodity } from '../lib/format';
import { dateOfDay } from '../lib/time';
import { FACILITY_ID, OPERATOR_CODE, PETRINEX_WELL_ID, wellCommitment } from '../lib/hash';
import { identifierOf, rememberIdentifier } from '../lib/wellnames';
import { Badge, Dialog, Field, Loading, NeedAccount, TxButton } from '../ui/kit';
import { DocCommit, type Committed } from '../ui/DocCommit';
import type { Api } from '../chain/client';

export function statusText(w: Well): string {
  if (w.status.type === 'Rejected' || w.status.type === 'Suspended') return `${w.status.type}: ${text(w.status.value.reason)}`;
  return w.status.type === 'InReview' ? 'In review' : w.status.type;
}
export function reviewText(w: Well, today: number): string {
  switch (w.annual_review.type) {
    case 'NotDue': return w.expires !== undefined ? (w.expires > today ? 'not due yet' : 'lapsed') : '—';
    case 'Open': return 'due: submit fresh chemistry';
    case 'Submitted': return 'submitted, awaiting the Foundation';
    case 'Rejected': return `rejected: ${text(w.annual_review.value.reason)}`;
  }
}
export const wellName = (w: Well) => identifierOf(w.identifier) ?? shortHex(w.identifier);
/** Operator code and reporting facility, when the runtime records them (empty for old wells). */
export function wellCodes(w: Well): { operator: string; facility: string } {
  const x = w as unknown as { operator?: Uint8Array; facility?: Uint8Array };
  return { operator: x.operator ? text(x.operator) : '', facility: x.facility ? text(x.facility) : '' };
}

export function WellManagement() {
  const { account, api, today } = useApp();
  const s = useLoad(async (a) => {
    if (!account) return undefined;
    const [wells, o] = await Promise.all([wellsOf(a, account.address), onboardingState(a, account.address)]);
    return { wells, producer: o.producer };
  }, [account?.address]);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<{ well: Well; mode: 'edit' | 'annual' }>();
  if (!account) return <Page><NeedAccount /></Page>;
  if (!s.data || !api) return <Page><Loading what="wells" /></Page>;
  const { wells, producer } = s.data;
  return (
    <Page>
      {!producer && <p className="notice">Only admitted producers can register wells. <a href="#/onboarding">Onboarding</a></p>}
      {producer && <p><button type="button" className="primary" data-testid="add-well" onClick={() => setAdding(true)}>Add a well</button></p>}
      {wells.length === 0 ? <p className="muted">No wells yet.</p> : (
        <div className="table-wrap">
          <table className="stack" data-testid="wells-table">
            <caption className="sr-only">Your wells</caption>
            <thead><tr><th scope="col">Well</th><th scope="col">Identifier</th><th scope="col">Product</th><th scope="col">Operator / facility</th><th scope="col">Status</th><th scope="col">Valid until</th><th scope="col">Discount</th><th scope="col">Annual review</th><th scope="col">Actions</th></tr></thead>
            <tbody>
              {wells.map((w) => (
                <tr key={w.id} data-testid={`well-row-${w.id}`}>
                  <td data-label="Well"><a href={`#/wells/${w.id}`}>#{w.id}</a></td>
                  <td data-label="Identifier"><code title={w.identifier}>{wellName(w)}</code></td>
                  <td data-label="Product">{commodityOf(w)}</td>
                  <td data-label="Operator / facility">{wellCodes(w).operator || '—'} / {wellCodes(w).facility || '—'}</td>
                  <td data-label="Status"><Badge kind={w.status.type}>{statusText(w)}</Badge></td>
                  <td data-label="Valid until">{w.expires !== undefined ? dateOfDay(w.expires) : '—'}{w.expires !== undefined && w.expires <= today && <strong className="bad"> (expired)</strong>}</td>
                  <td data-label="Discount">{commodityOf(w) === 'Oil' ? fmtPerbill(w.discount) : 'none (gas)'}</td>
                  <td data-label="Annual review">{reviewText(w, today)}
                    {(w.annual_review.type === 'Open' || w.annual_review.type === 'Rejected') && (
                      <> <button type="button" className="primary small" onClick={() => setEditing({ well: w, mode: 'annual' })}>Submit annual review</button></>
                    )}
                  </td>
                  <td data-label="Actions" className="actions">
                    <a href={`#/wells/${w.id}`}>Months &amp; mint</a>
                    {(w.status.type !== 'Suspended') && <button type="button" className="link" onClick={() => setEditing({ well: w, mode: 'edit' })}>Edit</button>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Dialog open={adding} onClose={() => setAdding(false)} title="Add a well">
        <WellForm api={api} onDone={s.reload} />
      </Dialog>
      <Dialog open={!!editing} onClose={() => setEditing(undefined)} title={editing?.mode === 'annual' ? `Annual review of well #${editing.well.id}` : `Edit well #${editing?.well.id}`}>
        {editing && <WellForm api={api} existing={editing.well} annual={editing.mode === 'annual'} onDone={s.reload} />}
      </Dialog>
    </Page>
  );
}

function Page({ children }: { children: React.ReactNode }) {
  return <section aria-labelledby="h-wells"><h1 id="h-wells">Well management</h1>{children}</section>;
}

/** "35.5" → 3550 (×100), at most 2 decimals, 0..=100. */
function hundredths(t: string): number | string {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(t.trim());
  if (!m) return 'a number with at most 2 decimals';
  const v = Number(m[1]) * 100 + Number(((m[2] ?? '') + '00').slice(0, 2));
  return v > 10_000 ? 'at most 100' : v;
}

function WellForm({ api, existing, annual, onDone }: { api: Api; existing?: Well; annual?: boolean; onDone: () => void }) {
  const { meta, account } = useApp();
  const classes = useLoad(assetClasses, [], false);
  const [ident, setIdent] = useState('');
  const [operator, setOperator] = useState(existing ? wellCodes(existing).operator : '');
  const [facility, setFacility] = useState(existing ? wellCodes(existing).facility : '');
  const [commodity, setCommodity] = useState<Commodity>(existing ? commodityOf(existing) : 'Oil');
  const [apiGravity, setApiGravity] = useState(existing?.quality ? (existing.quality.api_gravity_x100 / 100).toFixed(2) : '');
  const [acidity, setAcidity] = useState(existing?.quality ? (existing.quality.acidity_bp / 100).toFixed(2) : '');
  const [cls, setCls] = useState(0);
  const [docs, setDocs] = useState<Committed>();
  const [taken, setTaken] = useState<string>();
  const identOk = PETRINEX_WELL_ID.test(ident);
  const args = meta?.callArgs.get('Wells.submit_well') ?? [];
  const runtimeHasCodes = args.includes('operator') && args.includes('facility');
  const g = hundredths(apiGravity);
  const a = hundredths(acidity);
  const qualityOk = commodity === 'Gas' || (typeof g === 'number' && typeof a === 'number');
  const quality = commodity === 'Oil' && typeof g === 'number' && typeof a === 'number' ? { api_gravity_x100: g, acidity_bp: a } : undefined;
  const errs = {
    ident: ident && !identOk ? '16 characters as in Petrinex FromToIDIdentifier, e.g. 100071901015W400' : taken,
    operator: operator && !OPERATOR_CODE.test(operator) ? '1–16 upper-case letters or digits (OperatorBAID, e.g. 0045)' : undefined,
    facility: facility && !FACILITY_ID.test(facility) ? '1–20 upper-case letters or digits (ReportingFacilityID, e.g. ABBT0147937)' : undefined,
  };
  const codesOk = OPERATOR_CODE.test(operator) && FACILITY_ID.test(facility);
  const newOk = identOk && !taken && codesOk;
  const editArgs = meta?.callArgs.get('Wells.edit_well') ?? [];
  const editHasCodes = editArgs.includes('operator') && editArgs.includes('facility');
  const codesBlock = (
    <>
      <div className="row2">
        <Field label="Operator code (OperatorBAID)" error={errs.operator}>
          {(id) => <input id={id} data-testid="well-operator" value={operator} maxLength={16} onChange={(e) => setOperator(e.target.value.toUpperCase().trim())} placeholder="0045" />}
        </Field>
        <Field label="Reporting facility (ReportingFacilityID)" error={errs.facility}>
          {(id) => <input id={id} data-testid="well-facility" value={facility} maxLength={20} onChange={(e) => setFacility(e.target.value.toUpperCase().trim())} placeholder="ABBT0147937" />}
        </Field>
      </div>
      {!runtimeHasCodes && meta && <small className="hint">This runtime does not record operator and facility yet; they are checked here and sent once it does.</small>}
    </>
  );
  async function checkTaken(id: string) {
    setTaken(undefined);
    if (!PETRINEX_WELL_ID.test(id)) return;
    const w = await api.query.Wells.WellByIdentifier.getValue(wellCommitment(id), { at: 'best' });
    if (w !== undefined) setTaken(`already registered as well #${w}`);
  }
  return (
    <form className="form" onSubmit={(e) => e.preventDefault()}>
      {!existing && (
        <>
          <Field label="Petrinex well identifier" hint="Only its blake2-256 goes on chain; the oracle matches official rows by it." error={errs.ident}>
            {(id) => <input id={id} data-testid="well-ident" value={ident} maxLength={16} autoComplete="off" spellCheck={false}
              onChange={(e) => { const v = e.target.value.toUpperCase().trim(); setIdent(v); void checkTaken(v); }} placeholder="100071901015W400" />}
          </Field>
          <div className="row2">
            <Field label="Product">
              {(id) => (
                <select id={id} data-testid="well-commodity" value={commodity} onChange={(e) => setCommodity(e.target.value as Commodity)}>
                  <option value="Oil">Oil (m³, WTI)</option><option value="Gas">Gas (e³m³, Henry Hub)</option>
                </select>
              )}
            </Field>
            <Field label="Asset class">
              {(id) => (
                <select id={id} value={cls} onChange={(e) => setCls(Number(e.target.value))}>
                  {(classes.data ?? []).filter((c) => c.cls.status.type === 'Live').map((c) => <option key={c.id} value={c.id}>{text(c.cls.name)}</option>)}
                </select>
              )}
            </Field>
          </div>
          {(() => {
            // The class declares its commodities (CommodityNotInClass otherwise) and its official source.
            const c = (classes.data ?? []).find((x) => x.id === cls)?.cls as unknown as { commodities?: { type: string }[]; source?: { type: string } } | undefined;
            const covered = c?.commodities?.map((x) => x.type);
            return (
              <>
                {covered && !covered.includes(commodity) && <small className="error" role="alert" data-testid="well-commodity-error">This asset class covers {covered.join(' and ')} only.</small>}
                {c?.source && c.source.type !== 'Petrinex' && <small className="hint">This asset class has no official feed on chain: its wells get no official figure and cannot mint.</small>}
              </>
            );
          })()}
        </>
      )}
      {!annual && codesBlock}
      {commodity === 'Oil' && (
        <div className="row2">
          <Field label="API gravity (°API)" hint="e.g. 35.00" error={apiGravity && typeof g === 'string' ? g : undefined}>
            {(id) => <input id={id} data-testid="well-api" inputMode="decimal" value={apiGravity} onChange={(e) => setApiGravity(e.target.value)} />}
          </Field>
          <Field label="Acidity (% sulphur)" hint="e.g. 0.30" error={acidity && typeof a === 'string' ? a : undefined}>
            {(id) => <input id={id} data-testid="well-acidity" inputMode="decimal" value={acidity} onChange={(e) => setAcidity(e.target.value)} />}
          </Field>
        </div>
      )}
      <DocCommit account={account?.address ?? ''} label={annual ? 'Laboratory report / review documents' : 'Licence and location documents'} onChange={setDocs} testId="well-docs" />
      {!existing && (
        <TxButton label="Submit for review" testId="submit-well" disabled={!newOk || !qualityOk || !docs}
          build={() => {
            if (!docs) return undefined;
            rememberIdentifier(ident);
            const base = { asset_class: cls, commodity: commodity === 'Oil' ? { type: 'Oil' as const, value: undefined } : { type: 'Gas' as const, value: undefined }, identifier: wellCommitment(ident), docs: docs.commitment, quality };
            // Upcoming runtime: submit_well(…, quality, operator, facility). Sent only when the live
            // runtime's metadata has them, so the form works before and after the upgrade.
            const codes = runtimeHasCodes ? { operator: Binary.fromText(operator), facility: Binary.fromText(facility) } : {};
            return api.tx.Wells.submit_well({ ...base, ...codes } as Parameters<typeof api.tx.Wells.submit_well>[0]);
          }}
          onDone={onDone} success="Submitted: a Foundation Manager will review it." />
      )}
      {existing && !annual && (
        <TxButton label="Save and resubmit for review" testId="edit-well" disabled={!qualityOk || !docs || (editHasCodes && !codesOk)}
          build={() => {
            if (!docs) return undefined;
            const codes = editHasCodes ? { operator: Binary.fromText(operator), facility: Binary.fromText(facility) } : {};
            return api.tx.Wells.edit_well({ well: existing.id, docs: docs.commitment, quality, ...codes } as Parameters<typeof api.tx.Wells.edit_well>[0]);
          }} onDone={onDone} success="Saved: the well is back in review." />
      )}
      {existing && annual && (
        <TxButton label="Submit annual review" testId="submit-annual" disabled={!qualityOk || !docs}
          build={() => docs && api.tx.Wells.submit_annual_review({ well: existing.id, docs: docs.commitment, quality })} onDone={onDone} />
      )}
    </form>
  );
}
