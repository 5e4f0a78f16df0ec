import { useApp, useLoad } from '../state';
import { onboardingState, wellsOf, tatBalance, balances } from '../chain/reads';
import { fmtTat, fmtUnit } from '../lib/format';
import { Loading } from '../ui/kit';

export function Home() {
  const { account, roles, info } = useApp();
  const s = useLoad(async (api) => {
    if (!account) return undefined;
    const [o, wells, tat, bal] = await Promise.all([
      onboardingState(api, account.address), wellsOf(api, account.address), tatBalance(api, account.address), balances(api, account.address),
    ]);
    return { ...o, wells, tat, bal };
  }, [account?.address]);
  return (
    <section aria-labelledby="h-home">
      <h1 id="h-home">Overview</h1>
      <p className="lead">
        Producers prove their monthly oil and gas output on {info?.name ?? 'Treasurenet'} and receive TAT (1 TAT = 1 USD)
        for its audited market value. Documents are hashed in your browser; only commitments go on chain.
      </p>
      {!account && <p className="notice">Choose an account (top right): a browser wallet, or on a development chain one of the dev accounts.</p>}
      {account && !s.data && <Loading />}
      {account && s.data && (
        <div className="cards">
          <div className="card">
            <h2>Standing</h2>
            {s.data.producer ? (
              <p>Admitted producer ({s.data.producer.status.type}). Deposit {fmtUnit(s.data.producer.deposit)}{s.data.producer.debt > 0n && <>, <strong className="bad">debt {fmtUnit(s.data.producer.debt)}</strong></>}.</p>
            ) : s.data.application ? (
              <p>Application open: <strong>{s.data.application.stage.type.replace(/([A-Z])/g, ' $1').trim()}</strong>. <a href="#/onboarding">Continue onboarding</a></p>
            ) : (
              <p>Not a producer yet. <a href="#/onboarding">Start onboarding</a></p>
            )}
            {roles && (roles.manager || roles.verifier) && (
              <p>Roles: {roles.manager && <a href="#/review">Foundation Manager</a>}{roles.manager && roles.verifier && ', '}{roles.verifier && <a href="#/verify">KYC/KYB verifier</a>}</p>
            )}
          </div>
          <div className="card">
            <h2>Wells</h2>
            <p>{s.data.wells.length} registered, {s.data.wells.filter((w) => w.status.type === 'Active').length} active. <a href="#/wells">Manage wells</a></p>
          </div>
          <div className="card">
            <h2>Balances</h2>
            <p>{fmtUnit(s.data.bal.free)} free · <span data-testid="home-tat">{fmtTat(s.data.tat, 2)}</span></p>
          </div>
        </div>
      )}
    </section>
  );
}
