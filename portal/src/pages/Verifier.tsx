// KYC/KYB verifier: pending applications; check the document received off chain against the
// commitment; approve or reject.
import { useState } from 'react';
import { Binary } from 'polkadot-api';
import { useApp, useLoad } from '../state';
import { pendingApplications } from '../chain/reads';
import { short } from '../lib/format';
import { dateOfDay } from '../lib/time';
import { devName } from '../chain/accounts';
import { Loading, NeedAccount, TxButton } from '../ui/kit';
import { DocVerify } from '../ui/DocVerify';
void Binary;

export function Verifier() {
  const { account, api, roles } = useApp();
  const s = useLoad(pendingApplications, []);
  const [matched, setMatched] = useState<Record<string, boolean>>({});
  if (!account) return <Page><NeedAccount /></Page>;
  if (!s.data || !api) return <Page><Loading /></Page>;
  const waiting = s.data.filter((a) => a.app.stage.type !== 'AwaitingKyc');
  return (
    <Page>
      {roles && !roles.verifier && <p className="notice">This account is not in the KYC-verifier set: the chain will refuse its judgements (BadOrigin).</p>}
      <p>Pending judgements: {waiting.length}. Applicants waiting to submit KYC: {s.data.length - waiting.length}.</p>
      {waiting.length === 0 && <p className="muted">Nothing to judge.</p>}
      {waiting.map(({ applicant, app }) => {
        const kind = app.stage.type === 'AwaitingKybJudgement' ? 'KYB' : 'KYC';
        const commitment = app.stage.type === 'AwaitingKycJudgement' ? app.stage.value.kyc : app.stage.value.kyb;
        const key = `${applicant}/${commitment}`;
        return (
          <article className="panel" key={key} data-testid={`application-${applicant}`}>
            <h2>{kind} of {devName(applicant) ?? short(applicant)}</h2>
            <dl className="kv">
              <dt>Applicant</dt><dd><code>{applicant}</code></dd>
              <dt>Asset class</dt><dd>{app.asset_class}</dd>
              <dt>Commitment</dt><dd><code>{commitment}</code></dd>
              <dt>Opened / expires</dt><dd>{dateOfDay(app.opened)} / {dateOfDay(app.expires)}</dd>
            </dl>
            <DocVerify commitment={commitment} testId="verify" onResult={(ok) => setMatched((m) => ({ ...m, [key]: ok }))} />
            <div className="actions">
              <TxButton label={`Approve ${kind}`} testId="verify-approve" disabled={!matched[key]}
                build={() => (kind === 'KYB'
                  ? api.tx.Producers.judge_kyb({ applicant, kyb: commitment, approve: true })
                  : api.tx.Producers.judge_kyc({ applicant, kyc: commitment, approve: true }))}
                onDone={s.reload} success="Approved." />
              <TxButton label={`Reject ${kind}`} className="danger" testId="verify-reject"
                build={() => (kind === 'KYB'
                  ? api.tx.Producers.judge_kyb({ applicant, kyb: commitment, approve: false })
                  : api.tx.Producers.judge_kyc({ applicant, kyc: commitment, approve: false }))}
                onDone={s.reload} success="Rejected: the application ended." />
            </div>
            {!matched[key] && <small className="hint">Approve unlocks once the document and salt match the commitment.</small>}
          </article>
        );
      })}
    </Page>
  );
}

function Page({ children }: { children: React.ReactNode }) {
  return <section aria-labelledby="h-ver"><h1 id="h-ver">KYC/KYB verifier</h1>{children}</section>;
}
