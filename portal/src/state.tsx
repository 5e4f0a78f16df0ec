// The app's shared state: the connection, the chain's clock (best block, today), the runtime
// metadata's docs, the accounts and the selected one.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { chainInfo, connect, type Api, type ChainInfo, type Connection, type ConnState } from './chain/client';
import { loadMetaInfo, type MetaInfo } from './chain/metadata';
import { devAccounts, extensionAccounts, injectedWallets, type Account } from './chain/accounts';
import { chainToday, rolesOf, type Roles } from './chain/reads';
import { rpcUrl } from './config';

export interface AppState {
  url: string;
  conn?: Connection;
  api?: Api;
  connState: ConnState;
  info?: ChainInfo;
  meta?: MetaInfo;
  best: number;
  nowMs: number;
  today: number;
  accounts: Account[];
  account?: Account;
  selectAccount: (address: string) => void;
  wallets: string[];
  connectWallet: (name: string) => Promise<void>;
  walletError?: string;
  roles?: Roles;
  /** Increments with every new best block. */
  tick: number;
  bestHash?: string;
}

const Ctx = createContext<AppState | undefined>(undefined);

export function AppProvider({ children }: { children: ReactNode }) {
  const url = useMemo(rpcUrl, []);
  const [conn, setConn] = useState<Connection>();
  const [connState, setConnState] = useState<ConnState>('connecting');
  const [info, setInfo] = useState<ChainInfo>();
  const [meta, setMeta] = useState<MetaInfo>();
  const [best, setBest] = useState(0);
  const [bestHash, setBestHash] = useState<string>();
  const [clock, setClock] = useState({ nowMs: 0, today: 0 });
  const [extAccounts, setExtAccounts] = useState<Account[]>([]);
  const [selected, setSelected] = useState<string | undefined>(() => localStorage.getItem('tn.account') ?? undefined);
  const [wallets, setWallets] = useState<string[]>([]);
  const [walletError, setWalletError] = useState<string>();
  const [roles, setRoles] = useState<Roles>();
  const [tick, setTick] = useState(0);
  const bestRef = useRef(0);

  useEffect(() => {
    const c = connect(url, setConnState);
    setConn(c);
    // For the browser tests and the curious: the typed API in the console (reads only need it).
    (window as unknown as { tn?: unknown }).tn = { api: c.api, client: c.client, devAccounts };
    let alive = true;
    chainInfo(c.client).then((i) => alive && setInfo(i)).catch(() => {});
    loadMetaInfo(c.client).then((m) => alive && setMeta(m)).catch(() => {});
    const sub = c.client.bestBlocks$.subscribe((blocks) => {
      const b = blocks[0];
      if (!b || b.number === bestRef.current) return;
      bestRef.current = b.number;
      setBest(b.number);
      setBestHash(b.hash);
      setTick((t) => t + 1);
      chainToday(c.api).then((t) => alive && setClock(t)).catch(() => {});
    });
    return () => { alive = false; sub.unsubscribe(); c.destroy(); };
  }, [url]);

  // Extensions inject themselves after page load: look again for a few seconds.
  useEffect(() => {
    let n = 0;
    const t = setInterval(() => {
      setWallets(injectedWallets());
      if (++n > 5) clearInterval(t);
    }, 500);
    return () => clearInterval(t);
  }, []);

  const accounts = useMemo(() => [...extAccounts, ...(info?.isDev ? devAccounts() : [])], [extAccounts, info?.isDev]);
  const account = accounts.find((a) => a.address === selected);

  const selectAccount = useCallback((address: string) => {
    setSelected(address);
    localStorage.setItem('tn.account', address);
  }, []);

  const connectWallet = useCallback(async (name: string) => {
    setWalletError(undefined);
    try {
      const list = await extensionAccounts(name);
      setExtAccounts((prev) => [...prev.filter((a) => !list.some((b) => b.address === a.address)), ...list]);
    } catch (e) {
      setWalletError(`${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }, []);

  useEffect(() => {
    if (!conn || !account) { setRoles(undefined); return; }
    rolesOf(conn.api, account.address).then(setRoles).catch(() => setRoles(undefined));
  }, [conn, account, tick > 0]);

  const value: AppState = {
    url, conn, api: conn?.api, connState, info, meta, best, nowMs: clock.nowMs, today: clock.today,
    accounts, account, selectAccount, wallets, connectWallet, walletError, roles, tick, bestHash,
  };
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useApp(): AppState {
  const v = useContext(Ctx);
  if (!v) throw new Error('useApp outside AppProvider');
  return v;
}

/**
 * Loads `fn(api)` and reloads it when `deps` change, after `reload()`, and — when `live` — with
 * every new best block. Keeps the previous data while reloading.
 */
export function useLoad<T>(fn: (api: Api) => Promise<T>, deps: unknown[], live = true) {
  const { api, tick } = useApp();
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(true);
  const [n, setN] = useState(0);
  const reload = useCallback(() => setN((x) => x + 1), []);
  const seq = useRef(0);
  useEffect(() => {
    if (!api) return;
    const my = ++seq.current;
    setLoading(true);
    fn(api).then(
      (d) => { if (my === seq.current) { setData(d); setError(undefined); setLoading(false); } },
      (e) => { if (my === seq.current) { setError(e instanceof Error ? e.message : String(e)); setLoading(false); } },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, n, live ? tick : 0, ...deps]);
  return { data, error, loading, reload };
}
