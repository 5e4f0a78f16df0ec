// The onboarding wizard: apply (KYB) → wait for the verifier → KYC → wait → deposit.
import { useState } from 'react';
import { useApp, useLoad } from '../state';
import { assetClasses, balances, onboardingState } from '../chain/reads';
import { fmtUnit, parseAmount, shortHex, text, UNIT_DECIMALS } from '../lib/format';
import { dateOfDay } from '../lib/time';
import { Field, Loading, NeedAccount, TxButton } from '../ui/kit';
import { DocCommit, type Committed } from '../ui/DocCommit';

const STEPS = ['Apply with KYB', 'KYB judged', 'Submit KYC', 'KYC judged', 'Deposit'];

export function Onboarding() {
  const { account, api } = useApp();
  const s = useLoad(async (a) => {
    if (!account) return undefined;
    const [o, classes, bal] = await Promise.all([onboardingState(a, account.address), assetClasses(a), balances(a, account.address)]);
    return { ...o, classes, bal };
  }, [account?.address]);
  const [kyb, setKyb] = useState<Committed>();
  const [kyc, setKyc] = useState<Committed>();
  const [cls, setCls] = useState(0);
  const [amount, setAmount] = useState('100');
  if (!account) return <Page><NeedAccount /></Page>;
  if (!s.data || !api) return <Page><Loading /></Page>;
  const { application: app, producer } = s.data;
  const step = producer ? 4 : !app ? 0 : app.stage.type === 'AwaitingKybJudgement' ? 1 : app.stage.type === 'AwaitingKyc' ? 2 : 3;
  const amt = parseAmount(amount, UNIT_DECIMALS);
  return (
    <Page>
      <ol className="steps" aria-label="Onboarding progress">
        {STEPS.map((t, i) => <li key={t} className={i < step ? 'done' : i === step ? 'current' : ''} aria-current={i === step ? 'step' : undefined}>{t}</li>)}
      </ol>
      {step === 0 && (
        <div className="panel" data-testid="step-apply">
          <h2>1. Apply with your company's KYB documents</h2>
          <p>Choose the asset class and drop the KYB document bundle (certificate of incorporation, registry extract…). An application deposit of 10 UNIT is held and always returned when the application ends.</p>
          <Field label="Asset class">
            {(id) => (
              <select id={id} value={cls} onChange={(e) => setCls(Number(e.target.value))}>
                {s.data!.classes.filter((c) => c.cls.status.type === 'Live').map((c) => <option key={c.id} value={c.id}>{c.id}: {text(c.cls.name)}</option>)}
              </select>
            )}
          </Field>
          <DocCommit account={account.address} label="KYB document" onChange={setKyb} testId="kyb-file" />
          <TxButton label="Apply" testId="apply" disabled={!kyb} build={() => kyb && api.tx.Producers.apply({ asset_class: cls, kyb: kyb.commitment })}
            onDone={s.reload} success="Application opened." />
        </div>
      )}
      {app && (
        <div className="panel">
          <h2>Your application</h2>
          <dl className="kv">
            <dt>Stage</dt><dd data-testid="app-stage">{app.stage.type}</dd>
            <dt>KYB commitment</dt><dd><code>{shortHex(app.stage.value.kyb)}</code></dd>
            {app.stage.type === 'AwaitingKycJudgement' && <><dt>KYC commitment</dt><dd><code>{shortHex(app.stage.value.kyc)}</code></dd></>}
            <dt>Opened</dt><dd>{dateOfDay(app.opened)}</dd>
            <dt>Expires</dt><dd>{dateOfDay(app.expires)} (unfinished applications expire)</dd>
            <dt>Held</dt><dd>{fmtUnit(app.held)}</dd>
          </dl>
          {step === 1 && (
            <div data-testid="step-wait-kyb">
              <p className="notice">Waiting for a KYC/KYB verifier to judge your KYB submission. Hand them the document and its salt off chain. This page updates by itself.</p>
              <details><summary>Replace the KYB submission</summary>
                <DocCommit account={account.address} label="New KYB document" onChange={setKyb} />
                <TxButton label="Replace KYB" disabled={!kyb} build={() => kyb && api.tx.Producers.submit_kyb({ kyb: kyb.commitment })} onDone={s.reload} />
              </details>
            </div>
          )}
          {step === 2 && (
            <div data-testid="step-kyc">
              <h3>3. KYB approved — submit the representative's KYC</h3>
              <DocCommit account={account.address} label="KYC document (representative's identity)" onChange={setKyc} testId="kyc-file" />
              <TxButton label="Submit KYC" testId="submit-kyc" disabled={!kyc} build={() => kyc && api.tx.Producers.submit_kyc({ kyc: kyc.commitment })} onDone={s.reload} success="KYC submitted." />
            </div>
          )}
          {step === 3 && (
            <div data-testid="step-wait-kyc">
              <p className="notice">Waiting for a verifier to judge the KYC submission.</p>
              <details><summary>Replace the KYC submission</summary>
                <DocCommit account={account.address} label="New KYC document" onChange={setKyc} />
                <TxButton label="Replace KYC" disabled={!kyc} build={() => kyc && api.tx.Producers.submit_kyc({ kyc: kyc.commitment })} onDone={s.reload} />
              </details>
            </div>
          )}
          <details className="danger-zone"><summary>Cancel the application</summary>
            <p>Nothing is kept; the application deposit is returned.</p>
            <TxButton label="Cancel application" className="danger" build={() => api.tx.Producers.cancel_application()} onDone={s.reload} />
          </details>
        </div>
      )}
      {producer && (
        <div className="panel" data-testid="step-deposit">
          <h2>You are an admitted producer</h2>
          <p>Status {producer.status.type}; admitted {dateOfDay(producer.admitted)}. Deposit on hold: <strong data-testid="deposit-now">{fmtUnit(producer.deposit)}</strong>{producer.debt > 0n && <> · debt <strong className="bad">{fmtUnit(producer.debt)}</strong></>}.</p>
          <p>Audits slash the deposit when uploads exceed the official figures. Keep enough on hold; manage it on the <a href="#/deposit">Deposit</a> page.</p>
          {producer.deposit === 0n && (
            <>
              <Field label="Deposit (UNIT)" hint={`free: ${fmtUnit(s.data.bal.free)}`} error={typeof amt === 'string' ? amt : undefined}>
                {(id) => <input id={id} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} data-testid="onboard-deposit-amount" />}
              </Field>
              <TxButton label="Deposit" testId="onboard-deposit" disabled={typeof amt === 'string' || amt === 0n}
                build={() => typeof amt === 'bigint' ? api.tx.Producers.deposit({ amount: amt }) : undefined} onDone={s.reload} success="Deposit held." />
            </>
          )}
          {producer.deposit > 0n && <p><a className="button" href="#/wells">Next: register your wells →</a></p>}
        </div>
      )}
    </Page>
  );
}

function Page({ children }: { children: React.ReactNode }) {
  return <section aria-labelledby="h-onb"><h1 id="h-onb">Onboarding</h1>{children}</section>;
}
