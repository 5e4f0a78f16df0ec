// In-site messages. Until the runtime keeps notices per account (see README), they are derived
// here from the account's chain state; dismissals are remembered in this browser.
import { useState } from 'react';
import { useApp, useLoad } from '../state';
import { allAudits, onboardingState, wellsOf } from '../chain/reads';
import { fmtUnit, text } from '../lib/format';
import { dateOfDay, firstDay, lastDay, monthOfDay, monthText, prevMonth, type Month } from '../lib/time';
import { Loading, NeedAccount } from '../ui/kit';
import type { Api } from '../chain/client';

interface Notice { id: string; kind: 'action' | 'info' | 'warning'; title: string; body: string; link?: string }

async function notices(api: Api, who: string, today: number): Promise<Notice[]> {
  const [o, wells, audits] = await Promise.all([onboardingState(api, who), wellsOf(api, who), allAudits(api)]);
  const out: Notice[] = [];
  const app = o.application;
  if (app?.stage.type === 'AwaitingKyc') out.push({ id: `kyb-ok-${app.stage.value.kyb}`, kind: 'action', title: 'KYB approved', body: 'A verifier approved your company documents. Submit the representative\'s KYC next.', link: '#/onboarding' });
  if (app && app.expires - today <= 7) out.push({ id: `app-exp-${app.expires}`, kind: 'warning', title: 'Application expiring', body: `Your application expires on ${dateOfDay(app.expires)}.`, link: '#/onboarding' });
  const p = o.producer;
  if (p?.debt && p.debt > 0n) out.push({ id: `debt-${p.debt}`, kind: 'warning', title: 'Deposit debt', body: `An audit slashed more than your deposit: debt ${fmtUnit(p.debt)}. Minting is refused until a deposit repays it.`, link: '#/deposit' });
  if (p && p.status.type !== 'Active') out.push({ id: `status-${p.status.type}`, kind: 'warning', title: `Producer ${p.status.type.toLowerCase()}`, body: text(p.status.value.reason) });
  for (const w of wells) {
    if (w.status.type === 'Rejected') out.push({ id: `rej-${w.id}-${text(w.status.value.reason)}`, kind: 'action', title: `Well #${w.id} not passed`, body: `Reason: ${text(w.status.value.reason)}. Edit and resubmit it.`, link: '#/wells' });
    if (w.status.type === 'Suspended') out.push({ id: `susp-${w.id}`, kind: 'warning', title: `Well #${w.id} suspended`, body: text(w.status.value.reason) });
    if (w.annual_review.type === 'Open') out.push({ id: `ar-${w.id}-${w.expires}`, kind: 'action', title: `Annual review of well #${w.id} due`, body: `The well is valid until ${w.expires !== undefined ? dateOfDay(w.expires) : '—'}. Submit fresh chemistry to keep minting.`, link: '#/wells' });
    if (w.annual_review.type === 'Rejected') out.push({ id: `arr-${w.id}-${text(w.annual_review.value.reason)}`, kind: 'action', title: `Annual review of well #${w.id} not passed`, body: `Reason: ${text(w.annual_review.value.reason)}.`, link: '#/wells' });
    if (w.expires !== undefined && w.expires <= today) out.push({ id: `exp-${w.id}-${w.expires}`, kind: 'warning', title: `Well #${w.id} expired`, body: `Its review lapsed on ${dateOfDay(w.expires)}: it may upload but not mint until the annual review passes.`, link: '#/wells' });
    // Upload window: days older than 365 days can no longer be uploaded.
    if (w.status.type === 'Active') {
      const oldest = today - 365;
      const m: Month = monthOfDay(oldest);
      const left = lastDay(m) - oldest + 1;
      if (left <= 31 && firstDay(m) <= oldest) out.push({ id: `win-${w.id}-${monthText(m)}`, kind: 'info', title: `Upload window closing for ${monthText(m)}`, body: `Days of ${monthText(m)} can be uploaded for ${left} more ${left === 1 ? 'day' : 'days'} (uploads go back 365 days).`, link: '#/production' });
    }
  }
  const mine = new Set(wells.map((w) => w.id));
  for (const a of audits.filter((x) => mine.has(x.well))) {
    const r = a.record;
    if (r.slash_due > 0n) out.push({ id: `slash-${a.well}-${monthText(a.month)}`, kind: 'warning', title: `Slashed: well #${a.well}, ${monthText(a.month)}`, body: `Band ${r.outcome.band.type}: ${fmtUnit(r.slash_due)} due, ${fmtUnit(r.slashed)} taken from the deposit${r.new_debt > 0n ? `, ${fmtUnit(r.new_debt)} became debt` : ''}.`, link: '#/audits' });
    if (r.amended) out.push({ id: `amend-${a.well}-${monthText(a.month)}`, kind: 'info', title: `Official figure amended: well #${a.well}, ${monthText(a.month)}`, body: 'The official figure changed after the audit; it is recorded, nothing is re-minted.', link: '#/audits' });
  }
  void prevMonth;
  return out;
}

export function Inbox() {
  const { account, today } = useApp();
  const s = useLoad(async (a) => (account && today ? notices(a, account.address, today) : undefined), [account?.address, today]);
  const [dismissed, setDismissed] = useState<Set<string>>(() => new Set(JSON.parse(localStorage.getItem('tn.dismissed') ?? '[]') as string[]));
  const [showAll, setShowAll] = useState(false);
  function dismiss(id: string) {
    const n = new Set(dismissed); n.add(id); setDismissed(n);
    localStorage.setItem('tn.dismissed', JSON.stringify([...n]));
  }
  if (!account) return <Page><NeedAccount /></Page>;
  if (!s.data) return <Page><Loading /></Page>;
  const list = s.data.filter((n) => showAll || !dismissed.has(n.id));
  return (
    <Page>
      <p><label><input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} /> show dismissed</label></p>
      {list.length === 0 && <p className="muted">No messages.</p>}
      <ul className="inbox" data-testid="inbox">
        {list.map((n) => (
          <li key={n.id} className={`notice-${n.kind}`}>
            <strong>{n.title}</strong> <span>{n.body}</span>
            {n.link && <> <a href={n.link}>Open</a></>}
            {!dismissed.has(n.id) && <button type="button" className="link" onClick={() => dismiss(n.id)} aria-label={`Dismiss: ${n.title}`}>Dismiss</button>}
          </li>
        ))}
      </ul>
    </Page>
  );
}

function Page({ children }: { children: React.ReactNode }) {
  return <section aria-labelledby="h-inbox"><h1 id="h-inbox">Inbox</h1>{children}</section>;
}
