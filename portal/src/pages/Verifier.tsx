// KYC/KYB verifier: pending applications; check the document received off chain against the
// commitment; approve or reject.
import { useState } from 'react';
import { Binary } from 'polkadot-api';
import { MultiAddress } from '@polkadot-api/descriptors';
import { useApp, useLoad } from '../state';
import { firstPages, pendingPage } from '../chain/reads';
import { short } from '../lib/format';
import { dateOfDay } from '../lib/time';
import { devName } from '../chain/accounts';
import { Loading, NeedAccount, TxButton } from '../ui/kit';
import { DocVerify } from '../ui/DocVerify';
import { OPERATOR_CODE } from '../lib/hash';

/** Most operator codes one KYB approval records (`MAX_OPERATOR_CODES` in tn-primitives). */
const MAX_OPERATOR_CODES = 8;

/** The operator codes typed by the verifier (comma or space separated), or why they are not valid. */
export function parseOperatorCodes(text: string): { codes: string[]; error?: string } {
  const codes = text.split(/[\s,]+/).map((c) => c.trim().toUpperCase()).filter((c) => c !== '');
  if (codes.length === 0) return { codes, error: 'At least one operator code (Petrinex OperatorBAID) from the KYB documents' };
  if (codes.length > MAX_OPERATOR_CODES) return { codes, error: `At most ${MAX_OPERATOR_CODES} codes` };
  const bad = codes.find((c) => !OPERATOR_CODE.test(c));
  if (bad) return { codes, error: `${bad}: 1–16 upper-case letters or digits` };
  if (new Set(codes).size !== codes.length) return { codes, error: 'A code is listed twice' };
  return { codes };
}

export function Verifier() {
  const { account, api, roles } = useApp();
  const [pages, setPages] = useState(1);
  const s = useLoad((a) => firstPages(pages, (after?: string) => pendingPage(a, after)), [pages]);
  const [matched, setMatched] = useState<Record<string, boolean>>({});
  const [operators, setOperators] = useState<Record<string, string>>({});
  if (!account) return <Page><NeedAccount /></Page>;
  if (!s.data || !api) return <Page><Loading /></Page>;
  // Oldest first within what is loaded (the chain pages in storage order).
  const waiting = [...s.data.items].sort((a, b) => a.app.opened - b.app.opened);
  return (
    <Page>
      {roles && !roles.verifier && <p className="notice">This account is not in the KYC-verifier set: the chain will refuse its judgements (BadOrigin).</p>}
      <p>Pending judgements{s.data.more ? ' loaded' : ''}: {waiting.length}.</p>
      {waiting.length === 0 && <p className="muted">Nothing to judge.</p>}
      {waiting.map(({ applicant, app }) => {
        const kind = app.stage.type === 'AwaitingKybJudgement' ? 'KYB' : 'KYC';
        const commitment = app.stage.type === 'AwaitingKycJudgement' ? app.stage.value.kyc : app.stage.value.kyb;
        const key = `${applicant}/${commitment}`;
        const ops = parseOperatorCodes(operators[key] ?? '');
        const opsOk = kind === 'KYC' || !ops.error;
        return (
          <article className="panel" key={key} data-testid={`application-${applicant}`}>
            <h2>{kind} of {devName(applicant) ?? short(applicant)}</h2>
            <dl className="kv">
              <dt>Applicant</dt><dd><code>{applicant}</code></dd>
              <dt>Asset class</dt><dd>{app.asset_class}</dd>
              <dt>Commitment</dt><dd><code>{commitment}</code></dd>
              <dt>Opened / expires</dt><dd>{dateOfDay(app.opened)} / {dateOfDay(app.expires)}</dd>
            </dl>
            <DocVerify commitment={commitment} account={applicant} testId="verify" onResult={(ok) => setMatched((m) => ({ ...m, [key]: ok }))} />
            {kind === 'KYB' && (
              <p>
                <label htmlFor={`ops-${key}`}>Operator codes found in the KYB documents (Petrinex OperatorBAID; the producer may register only wells of these)</label>
                <input id={`ops-${key}`} data-testid="verify-operators" value={operators[key] ?? ''} placeholder="0045, A5WB"
                  aria-invalid={!!ops.error && (operators[key] ?? '') !== ''}
                  onChange={(e) => setOperators((o) => ({ ...o, [key]: e.target.value }))} />
                {(operators[key] ?? '') !== '' && ops.error && <small className="error" role="alert">{ops.error}</small>}
              </p>
            )}
            <div className="actions">
              <TxButton label={`Approve ${kind}`} testId="verify-approve" disabled={!matched[key] || !opsOk}
                build={() => (kind === 'KYB'
                  ? api.tx.Producers.judge_kyb({ applicant: MultiAddress.Id(applicant), kyb: commitment, approve: true, operators: ops.codes.map((c) => Binary.fromText(c)) })
                  : api.tx.Producers.judge_kyc({ applicant: MultiAddress.Id(applicant), kyc: commitment, approve: true }))}
                onDone={s.reload} success="Approved." />
              <TxButton label={`Reject ${kind}`} className="danger" testId="verify-reject"
                build={() => (kind === 'KYB'
                  ? api.tx.Producers.judge_kyb({ applicant: MultiAddress.Id(applicant), kyb: commitment, approve: false, operators: [] })
                  : api.tx.Producers.judge_kyc({ applicant: MultiAddress.Id(applicant), kyc: commitment, approve: false }))}
                onDone={s.reload} success="Rejected: the application ended." />
            </div>
            {!matched[key] && <small className="hint">Approve unlocks once the document and salt match the commitment{kind === 'KYB' ? ' and the operator codes are entered' : ''}.</small>}
          </article>
        );
      })}
      {s.data.more && <button type="button" onClick={() => setPages((n) => n + 1)} disabled={s.loading}>Load more applications</button>}
    </Page>
  );
}

function Page({ children }: { children: React.ReactNode }) {
  return <section aria-labelledby="h-ver"><h1 id="h-ver">KYC/KYB verifier</h1>{children}</section>;
}
