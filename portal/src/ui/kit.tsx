// Small accessible building blocks: transaction button with status, dialogs, fields, notices.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { Transaction } from 'polkadot-api';
import { useApp } from '../state';
import { ChainError, submitTx, type TxOutcome, type TxPhase } from '../chain/tx';
import { describeDispatchError } from '../chain/metadata';

const PHASE_TEXT: Record<TxPhase, string> = {
  signing: 'Waiting for the signature…',
  broadcast: 'Sent; waiting for a block…',
  'in-block': 'Included in a block.',
  finalized: 'Finalized.',
};

/** Shows a chain error by name with its doc comment. */
export function ChainErrorBox({ error }: { error: unknown }) {
  if (!error) return null;
  if (error instanceof ChainError) {
    return (
      <div className="error" role="alert" data-testid="chain-error">
        <strong className="error-name">{error.chainName}</strong>
        {error.doc && <span className="error-doc"> — {error.doc}</span>}
      </div>
    );
  }
  return <div className="error" role="alert" data-testid="chain-error">{error instanceof Error ? error.message : String(error)}</div>;
}

/** A DispatchError value (e.g. from a view function) by name and doc. */
export function DispatchErrorText({ error }: { error: unknown }) {
  const { meta } = useApp();
  const d = describeDispatchError(error, meta);
  return <span className="blocker"><code>{d.name}</code>{d.doc && <> — {d.doc}</>}</span>;
}

export interface TxButtonProps {
  label: string;
  build: () => Transaction<any, any> | Promise<Transaction<any, any>> | undefined;
  onDone?: (o: TxOutcome) => void;
  disabled?: boolean;
  className?: string;
  testId?: string;
  /** Accessible name when the label alone is ambiguous (e.g. one "Dismiss" per notice). */
  ariaLabel?: string;
  /** Text shown after success. */
  success?: string;
}

export function useTx() {
  const { api, account, meta, bestHash } = useApp();
  const bestRef = useRef(bestHash);
  bestRef.current = bestHash;
  const [phase, setPhase] = useState<TxPhase>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [ok, setOk] = useState(false);
  async function run(tx: Transaction<any, any>): Promise<TxOutcome | undefined> {
    if (!api || !account) { setError(new Error('Choose an account first.')); return undefined; }
    setBusy(true); setError(undefined); setOk(false); setPhase(undefined);
    try {
      const o = await submitTx(api, tx, account, meta, setPhase, () => bestRef.current);
      setOk(true);
      return o;
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  const reset = () => { setError(undefined); setOk(false); setPhase(undefined); };
  return { run, phase, error, busy, ok, reset };
}

export function TxButton({ label, build, onDone, disabled, className, testId, ariaLabel, success }: TxButtonProps) {
  const { account } = useApp();
  const t = useTx();
  async function click() {
    let tx: Transaction<any, any> | undefined;
    try { tx = await build(); } catch (e) { t.reset(); alertError(e); return; }
    if (!tx) return;
    const o = await t.run(tx);
    if (o) onDone?.(o);
  }
  const [buildErr, setBuildErr] = useState<unknown>();
  function alertError(e: unknown) { setBuildErr(e); }
  return (
    <span className="tx">
      <button type="button" className={className ?? 'primary'} onClick={() => { setBuildErr(undefined); void click(); }}
        disabled={disabled || t.busy || !account} data-testid={testId} aria-busy={t.busy} aria-label={ariaLabel}>
        {t.busy ? '…' : label}
      </button>
      <span className="tx-status" role="status" aria-live="polite">
        {t.busy && t.phase && PHASE_TEXT[t.phase]}
        {!t.busy && t.ok && <span className="ok" data-testid={testId ? `${testId}-ok` : undefined}>✓ {success ?? 'Done.'}</span>}
      </span>
      <ChainErrorBox error={t.error ?? buildErr} />
    </span>
  );
}

export function Dialog({ open, onClose, title, children }: { open: boolean; onClose: () => void; title: string; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} aria-labelledby={id} onClose={onClose} onCancel={onClose}>
      <div className="dialog-head">
        <h2 id={id}>{title}</h2>
        <button type="button" className="icon" aria-label="Close" onClick={onClose}>×</button>
      </div>
      {open && children}
    </dialog>
  );
}

export function Field({ label, hint, children, error }: { label: string; hint?: ReactNode; children: (id: string) => ReactNode; error?: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {hint && <small className="hint">{hint}</small>}
      {error && <small className="field-error" role="alert">{error}</small>}
    </div>
  );
}

export function Loading({ what }: { what?: string }) {
  return <p className="muted" role="status">Loading{what ? ` ${what}` : ''}…</p>;
}

export function NeedAccount() {
  return <p className="notice">Choose an account (top right) to use this page.</p>;
}

export function Badge({ kind, children }: { kind: string; children: ReactNode }) {
  return <span className={`badge badge-${kind.toLowerCase()}`}>{children}</span>;
}

export function Copy({ text, label }: { text: string; label?: string }) {
  const [done, setDone] = useState(false);
  return (
    <button type="button" className="link" onClick={() => { void navigator.clipboard?.writeText(text); setDone(true); setTimeout(() => setDone(false), 1500); }}>
      {done ? 'copied' : (label ?? 'copy')}
    </button>
  );
}
