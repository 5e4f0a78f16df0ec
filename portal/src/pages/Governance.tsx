// Everyone: the rule parameters in force and open referenda, with a link to vote in Polkadot.js Apps.
import { useApp, useLoad } from '../state';
import { democracyPeriods, parameters, referenda } from '../chain/reads';
import { fmtPerbill, fmtUnit, fixed, short } from '../lib/format';
import { devName } from '../chain/accounts';
import { appsUrl } from '../config';
import { Loading } from '../ui/kit';

type Param = Awaited<ReturnType<typeof parameters>>[number];

function show(p: Param): string {
  const k = `${p.type}.${p.value.type}`;
  const v = (p.value.value as unknown[])[0]; // [value in force] (the key, a unit struct, has no data)
  switch (k) {
    case 'Producers.MinDepositPerWell': return fmtUnit(v as bigint);
    case 'Producers.UnitsPerUsd': return `${fixed(v as bigint, 18, 6)} UNIT per USD`;
    case 'Wells.MmbtuPerE3m3Milli': return `${fixed(BigInt(v as number), 3, 3)} MMBtu per e³m³`;
    case 'Audit.SlashRatio': return fmtPerbill(v as number);
    case 'Audit.DeviationBands': { const b = v as { minor: number; major: number }; return `minor ≤ ${fmtPerbill(b.minor)}, moderate ≤ ${fmtPerbill(b.major)}`; }
    case 'Wells.DiscountRules': {
      const r = v as { api_threshold_x100: number; acidity_threshold_bp: number; tiers: number[] };
      return `API > ${(r.api_threshold_x100 / 100).toFixed(2)}, acidity < ${(r.acidity_threshold_bp / 100).toFixed(2)} %: tiers ${r.tiers.map((t) => fmtPerbill(t, 0)).join(' / ')}`;
    }
    case 'Oracle.MinimumFeeders': return v === 0 ? '⌈2n/3⌉ of the n feeders' : `${String(v)} feeders`;
    case 'Oracle.ExpiresInMs': return `${Number(v as bigint) / 3_600_000} hours`;
    case 'Oracle.WtiRange': case 'Oracle.HenryHubRange': {
      const r = v as { min: bigint; max: bigint };
      return `$${fixed(r.min, 6, 2)} … $${fixed(r.max, 6, 2)} (prices outside never count)`;
    }
    default: return k.endsWith('Days') ? `${String(v)} days` : String(v);
  }
}

/** A number of 6-second blocks, with the time it lasts. */
function blocks(b: number): string {
  const s = b * 6;
  const t = s >= 86_400 ? `${s / 86_400} days` : s >= 3_600 ? `${s / 3_600} hours` : `${s} s`;
  return `${b} blocks (${t})`;
}

export function Governance() {
  const { api, url, best } = useApp();
  const s = useLoad(async (a) => ({ params: await parameters(a), refs: await referenda(a), periods: await democracyPeriods(a) }), []);
  if (!s.data || !api) return <Page><Loading /></Page>;
  const ongoing = s.data.refs.referenda.filter((r) => r.info.type === 'Ongoing');
  return (
    <Page>
      <p>Rule parameters change only by Root — a passed democracy referendum (sudo exists on dev/local chains only) calling <code>genesisParameters.setParameter</code>, which refuses a value outside the parameter's floor and ceiling (docs/PARAMETERS.md). <a href={appsUrl(url, '/democracy')} target="_blank" rel="noreferrer">Vote and propose in Polkadot.js Apps ↗</a></p>
      <h2>Referenda</h2>
      {ongoing.length === 0 && <p className="muted">No referendum is open.</p>}
      {ongoing.map((r) => r.info.type === 'Ongoing' && (
        <div className="panel" key={r.index}>
          <h3>Referendum #{r.index}</h3>
          <p>Ends at block #{r.info.value.end} ({Math.max(0, r.info.value.end - best)} blocks left) · threshold {r.info.value.threshold.type} · ayes {fmtUnit(r.info.value.tally.ayes, 2)} · nays {fmtUnit(r.info.value.tally.nays, 2)}</p>
          <a className="button" href={appsUrl(url, '/democracy')} target="_blank" rel="noreferrer">Vote in Polkadot.js Apps ↗</a>
        </div>
      ))}
      {s.data.refs.proposals.length > 0 && <p>Public proposals waiting to launch: {s.data.refs.proposals.map((p) => `#${p.index} by ${devName(p.proposer) ?? short(p.proposer)}`).join(', ')}</p>}
      {s.data.refs.referenda.filter((r) => r.info.type === 'Finished').slice(0, 10).map((r) => r.info.type === 'Finished' && (
        <p key={r.index} className="muted">Referendum #{r.index}: {r.info.value.approved ? 'approved' : 'rejected'} at block #{r.info.value.end}</p>
      ))}
      <h2>Parameters in force</h2>
      <div className="table-wrap">
        <table data-testid="params-table">
          <thead><tr><th scope="col">Parameter</th><th scope="col">Value</th><th scope="col">Source</th></tr></thead>
          <tbody>
            {s.data.params.map((p) => {
              const k = `${p.type}.${p.value.type}`;
              return <tr key={k}><th scope="row">{k}</th><td>{show(p)}</td><td>{p.set ? 'set on chain' : 'default (runtime)'}</td></tr>;
            })}
          </tbody>
        </table>
      </div>
      <h2>Democracy periods</h2>
      <p>Fixed in the runtime's code, not parameters: no referendum can shorten them. This chain runs with the {s.data.periods.fast ? 'fast periods of dev/local chains' : 'production periods'}.</p>
      <div className="table-wrap">
        <table data-testid="democracy-periods">
          <thead><tr><th scope="col">Period</th><th scope="col">Value</th></tr></thead>
          <tbody>
            {s.data.periods.blocks.map(([name, b]) => <tr key={name}><th scope="row">Democracy.{name}</th><td>{blocks(b)}</td></tr>)}
            <tr><th scope="row">Democracy.MinimumDeposit</th><td>{fmtUnit(s.data.periods.minimumDeposit)}</td></tr>
          </tbody>
        </table>
      </div>
    </Page>
  );
}

function Page({ children }: { children: React.ReactNode }) {
  return <section aria-labelledby="h-gov"><h1 id="h-gov">Governance</h1>{children}</section>;
}
