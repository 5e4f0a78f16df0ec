import { useEffect, useState } from 'react';
import { useApp } from './state';
import { AccountPicker } from './ui/AccountPicker';
import { Home } from './pages/Home';
import { Onboarding } from './pages/Onboarding';
import { WellManagement } from './pages/WellManagement';
import { WellDetail } from './pages/WellDetail';
import { Production } from './pages/Production';
import { Deposit } from './pages/Deposit';
import { Inbox } from './pages/Inbox';
import { ReviewQueue } from './pages/ReviewQueue';
import { Verifier } from './pages/Verifier';
import { AuditExplorer } from './pages/AuditExplorer';
import { Tat } from './pages/Tat';
import { Governance } from './pages/Governance';

function useHashRoute(): string {
  const [h, setH] = useState(() => window.location.hash.slice(1) || '/');
  useEffect(() => {
    const f = () => { setH(window.location.hash.slice(1) || '/'); window.scrollTo(0, 0); };
    window.addEventListener('hashchange', f);
    return () => window.removeEventListener('hashchange', f);
  }, []);
  return h;
}

const NAV: Array<{ path: string; label: string; group: string }> = [
  { path: '/', label: 'Overview', group: 'Producer' },
  { path: '/onboarding', label: 'Onboarding', group: 'Producer' },
  { path: '/wells', label: 'Wells', group: 'Producer' },
  { path: '/production', label: 'Production', group: 'Producer' },
  { path: '/deposit', label: 'Deposit', group: 'Producer' },
  { path: '/inbox', label: 'Inbox', group: 'Producer' },
  { path: '/review', label: 'Review queue', group: 'Foundation' },
  { path: '/verify', label: 'Verifier', group: 'Foundation' },
  { path: '/audits', label: 'Audits', group: 'Everyone' },
  { path: '/tat', label: 'TAT', group: 'Everyone' },
  { path: '/governance', label: 'Governance', group: 'Everyone' },
];

export function App() {
  const route = useHashRoute();
  const { connState, info, best, url, today } = useApp();
  const [menu, setMenu] = useState(false);
  const base = '/' + (route.split('/')[1] ?? '');
  let page;
  const wellMatch = /^\/wells\/(\d+)/.exec(route);
  if (wellMatch) page = <WellDetail id={Number(wellMatch[1])} />;
  else switch (base) {
    case '/onboarding': page = <Onboarding />; break;
    case '/wells': page = <WellManagement />; break;
    case '/production': page = <Production />; break;
    case '/deposit': page = <Deposit />; break;
    case '/inbox': page = <Inbox />; break;
    case '/review': page = <ReviewQueue />; break;
    case '/verify': page = <Verifier />; break;
    case '/audits': page = <AuditExplorer />; break;
    case '/tat': page = <Tat />; break;
    case '/governance': page = <Governance />; break;
    default: page = <Home />;
  }
  const groups = [...new Set(NAV.map((n) => n.group))];
  return (
    <div className="app">
      <a className="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>Skip to content</a>
      <header className="top">
        <button type="button" className="menu-btn" aria-expanded={menu} aria-controls="nav" onClick={() => setMenu(!menu)}>Menu</button>
        <a className="brand" href="#/">Treasurenet <span>Production Portal</span></a>
        <div className="conn" role="status" aria-live="polite" data-testid="conn">
          <span className={`dot dot-${connState}`} aria-hidden="true" />
          {connState === 'connected' ? (info?.name ?? 'connected') : connState === 'connecting' ? `connecting to ${url}…` : `${connState}: ${url}`}
          {best > 0 && <span className="muted"> · #{best}{today > 0 && ` · ${new Date(today * 86_400_000).toISOString().slice(0, 10)} UTC`}</span>}
        </div>
        <AccountPicker />
      </header>
      <div className="body">
        <nav id="nav" className={menu ? 'open' : ''} aria-label="Main">
          {groups.map((g) => (
            <div key={g} className="nav-group">
              <h2>{g}</h2>
              <ul>
                {NAV.filter((n) => n.group === g).map((n) => (
                  <li key={n.path}>
                    <a href={`#${n.path}`} aria-current={base === n.path || (n.path === '/wells' && wellMatch) ? 'page' : undefined}
                      onClick={() => setMenu(false)}>{n.label}</a>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
        <main id="main" tabIndex={-1}>{page}</main>
      </div>
    </div>
  );
}
