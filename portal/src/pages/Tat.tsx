import { useApp, useLoad } from '../state';
import { tat } from '../chain/reads';
import { fmtTat, short, text } from '../lib/format';
import { devName } from '../chain/accounts';
import { Loading } from '../ui/kit';

export function Tat() {
  const { api } = useApp();
  const s = useLoad(tat, []);
  if (!s.data || !api) return <Page><Loading /></Page>;
  const { asset, meta, total, holders, id } = s.data;
  return (
    <Page>
      <dl className="kv">
        <dt>Asset</dt><dd>#{id} {meta && text(meta.name)} ({meta && text(meta.symbol)}, {meta?.decimals} decimals) — 1 TAT = 1 USD</dd>
        <dt>Supply</dt><dd data-testid="tat-supply">{asset ? fmtTat(asset.supply, 6) : '—'}</dd>
        <dt>Σ minted by audits</dt><dd>{fmtTat(total, 6)} (equals the supply: only audits mint TAT)</dd>
        <dt>Holders</dt><dd>{holders.length}</dd>
      </dl>
      <div className="table-wrap">
        <table data-testid="tat-holders">
          <caption>Holders</caption>
          <thead><tr><th scope="col">Account</th><th scope="col">Balance</th><th scope="col">Share</th></tr></thead>
          <tbody>
            {holders.map((h) => (
              <tr key={h.who}><td>{devName(h.who) ? `${devName(h.who)} ` : ''}<code>{short(h.who)}</code></td><td>{fmtTat(h.balance, 6)}</td>
                <td>{asset && asset.supply > 0n ? `${((Number((h.balance * 1_000_000n) / asset.supply)) / 10_000).toFixed(2)} %` : '—'}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </Page>
  );
}

function Page({ children }: { children: React.ReactNode }) {
  return <section aria-labelledby="h-tat"><h1 id="h-tat">TAT supply and holders</h1>{children}</section>;
}
