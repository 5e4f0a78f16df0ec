// Foundation Manager: wells in review and annual reviews submitted; pass / not pass with a reason.
import { useState } from 'react';
import { Binary } from 'polkadot-api';
import { useApp, useLoad } from '../state';
import { commodityOf, reviewQueue, type Well } from '../chain/reads';
import { short, text } from '../lib/format';
import { wellCommitment, PETRINEX_WELL_ID } from '../lib/hash';
import { devName } from '../chain/accounts';
import { Field, Loading, NeedAccount, TxButton } from '../ui/kit';
import { DocVerify } from '../ui/DocVerify';
import { wellCodes, wellName } from './WellManagement';
import type { Api } from '../chain/client';

export function ReviewQueue() {
  const { account, api, roles } = useApp();
  const s = useLoad(reviewQueue, []);
  if (!account) return <Page><NeedAccount /></Page>;
  if (!s.data || !api) return <Page><Loading what="the review queue" /></Page>;
  return (
    <Page>
      {roles && !roles.manager && <p className="notice">This account is not a Foundation Manager: the chain will refuse its reviews (Wells.NotMaintainer).</p>}
      {s.data.length === 0 && <p className="muted" data-testid="review-empty">Nothing to review.</p>}
      {s.data.map((w) => <ReviewCard key={w.id} api={api} w={w} onDone={s.reload} />)}
    </Page>
  );
}

function ReviewCard({ api, w, onDone }: { api: Api; w: Well; onDone: () => void }) {
  const annual = w.status.type !== 'InReview';
  const [reason, setReason] = useState('');
  const [ident, setIdent] = useState('');
  const q = annual && w.annual_review.type === 'Submitted' ? w.annual_review.value.quality : w.quality;
  const docs = annual && w.annual_review.type === 'Submitted' ? w.annual_review.value.docs : w.docs;
  const judge = (pass: boolean) => {
    const args = { well: w.id, pass, reason: Binary.fromText(reason.trim()) };
    return annual ? api.tx.Wells.judge_annual_review(args) : api.tx.Wells.review_well(args);
  };
  const identOk = PETRINEX_WELL_ID.test(ident) && wellCommitment(ident).toLowerCase() === w.identifier.toLowerCase();
  return (
    <article className="panel" data-testid={`review-${w.id}`}>
      <h2>{annual ? 'Annual review' : 'New well'} #{w.id} — {commodityOf(w)} — {devName(w.owner) ?? short(w.owner)}</h2>
      <dl className="kv">
        <dt>Identifier commitment</dt><dd><code>{w.identifier}</code> {wellName(w) !== w.identifier && <>({wellName(w)})</>}</dd>
        <dt>Operator / facility</dt><dd>{wellCodes(w).operator || '—'} / {wellCodes(w).facility || '—'}</dd>
        {q && <><dt>Quality</dt><dd>API {(q.api_gravity_x100 / 100).toFixed(2)}°, acidity {(q.acidity_bp / 100).toFixed(2)} %</dd></>}
        <dt>Documents</dt><dd><code>{docs}</code></dd>
      </dl>
      <details>
        <summary>Check the identifier and documents</summary>
        <Field label="Petrinex identifier from the licence" hint={ident ? (identOk ? '✓ matches the commitment' : '✗ does not match') : 'type it to check the on-chain commitment'}>
          {(id) => <input id={id} value={ident} maxLength={16} onChange={(e) => setIdent(e.target.value.toUpperCase().trim())} />}
        </Field>
        <DocVerify commitment={docs} account={w.owner} />
      </details>
      <Field label="Reason (shown to the producer; required to not pass)">
        {(id) => <input id={id} data-testid={`review-reason-${w.id}`} value={reason} maxLength={128} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <div className="actions">
        <TxButton label="Pass" testId={`review-pass-${w.id}`}
          build={() => judge(true)}
          onDone={onDone} success="Passed." />
        <TxButton label="Not pass" className="danger" testId={`review-fail-${w.id}`} disabled={!reason.trim()}
          build={() => judge(false)}
          onDone={onDone} success="Not passed; the producer sees the reason." />
      </div>
      {w.status.type === 'Rejected' && <p>Previous reason: {text(w.status.value.reason)}</p>}
    </article>
  );
}

function Page({ children }: { children: React.ReactNode }) {
  return <section aria-labelledby="h-rev"><h1 id="h-rev">Review queue</h1>{children}</section>;
}
