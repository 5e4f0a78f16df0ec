import { useId } from 'react';
import { useApp } from '../state';
import { DEV_ROLES, KNOWN_WALLETS } from '../chain/accounts';
import { short } from '../lib/format';

export function AccountPicker() {
  const { accounts, account, selectAccount, wallets, connectWallet, walletError, info, roles } = useApp();
  const id = useId();
  const ext = accounts.filter((a) => a.source !== 'dev');
  const dev = accounts.filter((a) => a.source === 'dev');
  const roleText = roles && [roles.manager && 'Foundation Manager', roles.verifier && 'KYC verifier', roles.sudo && 'sudo'].filter(Boolean).join(', ');
  return (
    <div className="account">
      <label htmlFor={id} className="sr-only">Account</label>
      <select id={id} data-testid="account-select" value={account?.address ?? ''} onChange={(e) => selectAccount(e.target.value)}>
        <option value="">— choose an account —</option>
        {ext.length > 0 && (
          <optgroup label="Browser wallets">
            {ext.map((a) => <option key={a.address} value={a.address}>{a.name} ({a.source}) {short(a.address)}</option>)}
          </optgroup>
        )}
        {dev.length > 0 && (
          <optgroup label={`Development accounts — ${info?.name ?? 'dev chain'} only, publicly known keys`}>
            {dev.map((a) => <option key={a.address} value={a.address}>DEV {a.name} — {DEV_ROLES[a.name]}</option>)}
          </optgroup>
        )}
      </select>
      {wallets.filter((w) => !ext.some((a) => a.source === (KNOWN_WALLETS[w] ?? w))).map((w) => (
        <button key={w} type="button" className="secondary small" onClick={() => void connectWallet(w)}>
          Connect {KNOWN_WALLETS[w] ?? w}
        </button>
      ))}
      {wallets.length === 0 && !info?.isDev && <small className="muted">No wallet extension found (Polkadot.js, Talisman, SubWallet).</small>}
      {account && <small className="muted account-meta" data-testid="account-meta">{account.source === 'dev' ? 'dev key · ' : ''}{short(account.address)}{roleText ? ` · ${roleText}` : ''}</small>}
      {walletError && <small className="field-error" role="alert">{walletError}</small>}
    </div>
  );
}
