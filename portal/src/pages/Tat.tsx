// Everyone: TAT's supply and its holders, read a page at a time (TreasurenetApi.tat_holders).
import { useState } from 'react';
import { useApp, useLoad } from '../state';
import { firstPages, holdersPage, tat } from '../chain/reads';
import { fmtTat, short, text } from '../lib/format';
import { devName } from '../chain/accounts';
import { Loading } from '../ui/kit';

export function Tat() {
  const { api } = useApp();
  const [pages, setPages] = useState(1);
  const s = useLoad(async (a) => ({ ...(await tat(a)), holders: await firstPages(pages, (after?: string) => holdersPage(a, after)) }), [pages]);
  if (!s.data || !api) return <Page><Loading /></Page>;
  const { asset, meta, total, holders, id } = s.data;
  const rows = [...holders.items].sort((a, b) => (b.balance > a.balance ? 1 : b.balance < a.balance ? -1 : 0));
  return (
    <Page>
      <dl className="kv">
        <dt>Asset</dt><dd>#{id} {meta && text(meta.name)} ({meta && text(meta.symbol)}, {meta?.decimals} decimals) — 1 TAT = 1 USD</dd>
        <dt>Supply</dt><dd data-testid="tat-supply">{asset ? fmtTat(asset.supply, 6) : '—'}</dd>
        <dt>Σ minted by audits</dt><dd>{fmtTat(total, 6)} (equals the supply: only audits mint TAT)</dd>
        <dt>Holders</dt><dd data-testid="tat-holder-count">{asset ? asset.accounts : '—'}</dd>
      </dl>
      <div className="table-wrap">
        <table data-testid="tat-holders">
          <caption>Holders{holders.more ? ` (${rows.length} loaded, largest first)` : ' (largest first)'}</caption>
          <thead><tr><th scope="col">Account</th><th scope="col">Balance</th><th scope="col">Share</th></tr></thead>
          <tbody>
            {rows.map((h) => (
              <tr key={h.who}><td>{devName(h.who) ? `${devName(h.who)} ` : ''}<code>{short(h.who)}</code></td><td>{fmtTat(h.balance, 6)}</td>
                <td>{asset && asset.supply > 0n ? `${((Number((h.balance * 1_000_000n) / asset.supply)) / 10_000).toFixed(2)} %` : '—'}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
      {holders.more && <button type="button" onClick={() => setPages((n) => n + 1)} disabled={s.loading}>Load more holders</button>}
    </Page>
  );
}

function Page({ children }: { children: React.ReactNode }) {
  return <section aria-labelledby="h-tat"><h1 id="h-tat">TAT supply and holders</h1>{children}</section>;
}
