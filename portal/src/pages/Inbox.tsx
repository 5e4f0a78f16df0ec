// In-site messages: the account's inbox is chain state (the Notices pallet), read with the
// `Notices.notices_of` view function and dismissed by the account's own transactions.
import { useApp, useLoad } from '../state';
import { inbox, type NoticeKind } from '../chain/reads';
import { fixed, fmtTat, fmtUnit, fmtVolume, text, type Commodity } from '../lib/format';
import { dateOfDay, firstDay, lastDay, monthText } from '../lib/time';
import { Loading, NeedAccount, TxButton } from '../ui/kit';

type Tone = 'action' | 'info' | 'warning';
interface Shown { tone: Tone; title: string; body: string; link?: string }

/** Title, text and link of a notice; `vol` shows a well's volume (litres of oil, m³ of gas). */
function describe(k: NoticeKind, vol: (well: number, v: bigint) => string): Shown {
  const well = (id: number) => `#/wells/${id}`;
  switch (k.type) {
    case 'KybJudged': return k.value.approved
      ? { tone: 'action', title: 'KYB approved', body: 'A verifier approved your company documents. Submit the representative\'s KYC next.', link: '#/onboarding' }
      : { tone: 'warning', title: 'KYB rejected', body: 'A verifier rejected your company documents: the application ended and its deposit was returned. You may apply again.', link: '#/onboarding' };
    case 'KycJudged': return k.value.approved
      ? { tone: 'action', title: 'KYC approved: you are a producer', body: 'A verifier approved the KYC: you are admitted as a producer. Place a deposit, then register your wells.', link: '#/onboarding' }
      : { tone: 'warning', title: 'KYC rejected', body: 'A verifier rejected the KYC: the application ended and its deposit was returned. You may apply again.', link: '#/onboarding' };
    case 'ApplicationExpired': return { tone: 'warning', title: 'Application expired', body: 'Your application was not finished in time and ended; its deposit was returned. You may apply again.', link: '#/onboarding' };
    case 'ProducerSuspended': return { tone: 'warning', title: 'Producer suspended', body: `Governance suspended your account: ${text(k.value.reason)}. No uploads or mints until it is reinstated.` };
    case 'ProducerReinstated': return { tone: 'info', title: 'Producer reinstated', body: 'Governance reinstated your account: uploads and mints are allowed again.' };
    case 'ProducerRevoked': return { tone: 'warning', title: 'Producer revoked', body: `Governance revoked your account: ${text(k.value.reason)}.` };
    case 'WellActivated': return { tone: 'info', title: `Well #${k.value.well} passed`, body: `A Foundation Manager passed well #${k.value.well}: it may mint until ${dateOfDay(k.value.expires)}.`, link: well(k.value.well) };
    case 'WellRejected': return { tone: 'action', title: `Well #${k.value.well} not passed`, body: `A Foundation Manager did not pass well #${k.value.well}. Reason: ${text(k.value.reason)}. Edit and resubmit it.`, link: '#/wells' };
    case 'AnnualReviewDue': return { tone: 'action', title: `Annual review of well #${k.value.well} due`, body: `Submit fresh documents before ${dateOfDay(k.value.expires)} to keep minting.`, link: '#/wells' };
    case 'AnnualReviewPassed': return { tone: 'info', title: `Annual review of well #${k.value.well} passed`, body: `The well is valid until ${dateOfDay(k.value.expires)}.`, link: well(k.value.well) };
    case 'AnnualReviewRejected': return { tone: 'action', title: `Annual review of well #${k.value.well} not passed`, body: `Reason: ${text(k.value.reason)}. Submit it again.`, link: '#/wells' };
    case 'WellSuspended': return { tone: 'warning', title: `Well #${k.value.well} suspended`, body: `Governance suspended the well: ${text(k.value.reason)}.`, link: well(k.value.well) };
    case 'WellReinstated': return { tone: 'info', title: `Well #${k.value.well} reinstated`, body: 'Governance reinstated the well.', link: well(k.value.well) };
    case 'WellRemoved': return { tone: 'warning', title: `Well #${k.value.well} removed`, body: `The well was removed and its deposit returned. Reason: ${text(k.value.reason)}.`, link: '#/wells' };
    case 'WellTransferred': return k.value.received
      ? { tone: 'info', title: `Well #${k.value.well} transferred to you`, body: 'Governance transferred the well to this account.', link: well(k.value.well) }
      : { tone: 'warning', title: `Well #${k.value.well} transferred away`, body: 'Governance transferred the well to another account.' };
    case 'Audited': {
      const v = k.value;
      const slash = v.slash_due > 0n
        ? ` Slashed: ${fmtUnit(v.slash_due)} due, ${fmtUnit(v.slashed)} taken from your deposit${v.new_debt > 0n ? `, ${fmtUnit(v.new_debt)} became debt (minting is refused until a deposit repays it)` : ''}.`
        : ' Nothing slashed.';
      return { tone: v.slash_due > 0n ? 'warning' : 'info', title: `Audited: well #${v.well}, ${monthText(v.month)}`, body: `${fmtTat(v.tat)} minted in all (split among the beneficiaries).${slash}`, link: '#/audits' };
    }
    case 'OfficialAmended': {
      const v = k.value;
      return { tone: 'info', title: `Official figure amended: well #${v.well}, ${monthText(v.month)}`, body: `The official figure changed after the audit from ${vol(v.well, v.audited)} to ${vol(v.well, v.amended)}; the month will be settled against it.`, link: '#/audits' };
    }
    case 'Settled': {
      const v = k.value;
      return { tone: 'info', title: `Settled: well #${v.well}, ${monthText(v.month)}`, body: `Re-audited with the official figure ${vol(v.well, v.official)} (was ${vol(v.well, v.official_before)}): TAT minted ${fmtTat(v.tat_before)} → ${fmtTat(v.tat)}, slash due ${fmtUnit(v.slash_due_before)} → ${fmtUnit(v.slash_due)}.`, link: '#/audits' };
    }
    case 'UploadWindowClosing': {
      const v = k.value;
      const days = lastDay(v.month) - firstDay(v.month) + 1;
      return { tone: 'action', title: `Upload window closing: well #${v.well}, ${monthText(v.month)}`, body: `Uploads for ${monthText(v.month)} close on ${dateOfDay(v.closes)} (00:00 UTC); ${v.uploaded} of its ${days} days are in. Upload what is missing.`, link: '#/production' };
    }
    case 'MonthLapsed': return { tone: 'info', title: `Month lapsed: well #${k.value.well}, ${monthText(k.value.month)}`, body: 'The month closed without an audit: it left the amendment horizon without an official figure (or the well was removed). Nothing was minted and nothing slashed.', link: well(k.value.well) };
  }
}

export function Inbox() {
  const { account, api } = useApp();
  const s = useLoad(async (a) => (account ? inbox(a, account.address) : undefined), [account?.address]);
  if (!account) return <Page><NeedAccount /></Page>;
  if (!s.data || !api) return <Page>{s.error ? <p className="error" role="alert">{s.error}</p> : <Loading what="notices" />}</Page>;
  const { notices, commodity, max } = s.data;
  // A removed well's commodity is unknown: its volume in the chain's unit, named both ways.
  const vol = (w: number, v: bigint) => {
    const c: Commodity | undefined = commodity.get(w);
    return c ? fmtVolume(v, c) : `${fixed(v, 0, 0)} (litres of oil or m³ of gas)`;
  };
  return (
    <Page>
      <p className="hint">Notices are kept on chain ({notices.length} of at most {max}; when full, the oldest reminder or else the oldest notice makes room for a new one). Dismissing one is a transaction.</p>
      {notices.length === 0 ? <p className="muted" role="status">No messages.</p>
        : <TxButton label="Dismiss all" className="secondary" testId="dismiss-all" build={() => api.tx.Notices.dismiss_all()} onDone={s.reload} success="All dismissed." />}
      <ul className="inbox" data-testid="inbox">
        {[...notices].reverse().map((n) => {
          const d = describe(n.kind, vol);
          return (
            <li key={n.id} className={`notice-${d.tone}`} data-testid={`notice-${n.id}`}>
              <time dateTime={dateOfDay(n.day)} className="muted">{dateOfDay(n.day)}</time>{' '}
              <strong>{d.title}</strong> <span>{d.body}</span>
              {d.link && <> <a href={d.link}>Open</a></>}{' '}
              <TxButton label="Dismiss" className="link" testId={`dismiss-${n.id}`} ariaLabel={`Dismiss: ${d.title}`}
                build={() => api.tx.Notices.dismiss({ id: n.id })} onDone={s.reload} success="Dismissed." />
            </li>
          );
        })}
      </ul>
    </Page>
  );
}

function Page({ children }: { children: React.ReactNode }) {
  return <section aria-labelledby="h-inbox"><h1 id="h-inbox">Inbox</h1>{children}</section>;
}
