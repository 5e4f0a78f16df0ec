import { useState } from 'react';
import { useApp, useLoad } from '../state';
import { balances, onboardingState, parameters } from '../chain/reads';
import { fmtUnit, parseAmount, UNIT_DECIMALS } from '../lib/format';
import { dateOfDay } from '../lib/time';
import { Field, Loading, NeedAccount, TxButton } from '../ui/kit';

export function Deposit() {
  const { account, api } = useApp();
  const s = useLoad(async (a) => {
    if (!account) return undefined;
    const [o, b, active, open, unbonding, params] = await Promise.all([
      onboardingState(a, account.address), balances(a, account.address),
      a.query.Wells.ActiveWells.getValue(account.address, { at: 'best' }),
      a.query.Wells.OpenMonths.getValue(account.address, { at: 'best' }),
      a.query.Producers.UnbondingOf.getValue(account.address, { at: 'best' }), parameters(a),
    ]);
    const p = params.find((x) => x.type === 'Producers' && x.value.type === 'MinDepositPerWell');
    const minPerWell = p && p.type === 'Producers' && p.value.type === 'MinDepositPerWell' ? p.value.value[0] ?? 0n : 0n;
    const d = params.find((x) => x.type === 'Producers' && x.value.type === 'UnbondingDays');
    const unbondingDays = d && d.type === 'Producers' && d.value.type === 'UnbondingDays' ? d.value.value[0] ?? 28 : 28;
    return { ...o, bal: b, active, open, unbonding, unbondingDays, minPerWell };
  }, [account?.address]);
  const [dep, setDep] = useState('');
  const [wd, setWd] = useState('');
  if (!account) return <Page><NeedAccount /></Page>;
  if (!s.data || !api) return <Page><Loading /></Page>;
  const p = s.data.producer;
  if (!p) return <Page><p className="notice">Only admitted producers hold a deposit. <a href="#/onboarding">Onboarding</a></p></Page>;
  const d = parseAmount(dep, UNIT_DECIMALS);
  const w = parseAmount(wd, UNIT_DECIMALS);
  const floor = s.data.minPerWell * BigInt(s.data.active);
  const withdrawFloor = s.data.minPerWell * BigInt(s.data.active + s.data.open);
  const u = s.data.unbonding;
  return (
    <Page>
      <dl className="kv">
        <dt>Deposit on hold</dt><dd data-testid="deposit-held">{fmtUnit(p.deposit)}</dd>
        <dt>Debt</dt><dd data-testid="deposit-debt" className={p.debt > 0n ? 'bad' : ''}>{fmtUnit(p.debt)}{p.debt > 0n && ' — minting is refused until it is repaid; a deposit repays it first'}</dd>
        <dt>Minimum to mint</dt><dd>{fmtUnit(floor)} ({s.data.active} active wells × {fmtUnit(s.data.minPerWell)})</dd>
        <dt>Minimum a withdrawal leaves</dt><dd data-testid="deposit-withdraw-floor">{fmtUnit(withdrawFloor)} ({s.data.active} active wells + {s.data.open} months not audited yet, × {fmtUnit(s.data.minPerWell)})</dd>
        <dt>Unbonding</dt><dd data-testid="deposit-unbonding">{u ? `${fmtUnit(u.amount)} — still held and slashable; claimable from ${dateOfDay(u.unlocks)} (UTC)` : 'nothing'}</dd>
        <dt>Free balance</dt><dd>{fmtUnit(s.data.bal.free)}</dd>
      </dl>
      <div className="row2">
        <div className="panel">
          <h2>Deposit</h2>
          <Field label="Amount (UNIT)" error={dep && typeof d === 'string' ? d : undefined}>
            {(id) => <input id={id} inputMode="decimal" data-testid="deposit-amount" value={dep} onChange={(e) => setDep(e.target.value)} />}
          </Field>
          <TxButton label="Deposit" testId="deposit-send" disabled={typeof d === 'string' || d === 0n}
            build={() => (typeof d === 'bigint' ? api.tx.Producers.deposit({ amount: d }) : undefined)} onDone={s.reload} success="Deposited (debt repaid first)." />
        </div>
        <div className="panel">
          <h2>Withdraw</h2>
          <Field label="Amount (UNIT)" error={wd && typeof w === 'string' ? w : undefined}>
            {(id) => <input id={id} inputMode="decimal" data-testid="withdraw-amount" value={wd} onChange={(e) => setWd(e.target.value)} />}
          </Field>
          <TxButton label="Withdraw" testId="withdraw-send" disabled={typeof w === 'string' || w === 0n}
            build={() => (typeof w === 'bigint' ? api.tx.Producers.withdraw({ amount: w }) : undefined)} onDone={s.reload}
            success={s.data.unbondingDays > 0 ? `Unbonding: claimable in ${s.data.unbondingDays} days.` : 'Released.'} />
          <p className="hint">A withdrawal unbonds for {s.data.unbondingDays} days (governance parameter): it stays held and can still be slashed, then you claim it.</p>
          <TxButton label="Claim unbonded" testId="claim-unbonded-send" disabled={!u}
            build={() => api.tx.Producers.claim_unbonded()} onDone={s.reload} success="Released." />
        </div>
      </div>
    </Page>
  );
}

function Page({ children }: { children: React.ReactNode }) {
  return <section aria-labelledby="h-dep"><h1 id="h-dep">Deposit (保证金)</h1>{children}</section>;
}
