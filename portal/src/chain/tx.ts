// Sign, submit and follow a transaction until it is in a best block; a failed dispatch becomes a
// ChainError with the error's name and doc from the runtime metadata.
import type { PolkadotSigner, Transaction } from 'polkadot-api';
import type { Api } from './client';
import { describeDispatchError, type MetaInfo } from './metadata';

export type TxPhase = 'signing' | 'broadcast' | 'in-block' | 'finalized';

export class ChainError extends Error {
  constructor(public chainName: string, public doc: string) {
    super(doc ? `${chainName}: ${doc}` : chainName);
  }
}

export interface TxOutcome {
  block: { hash: string; number: number };
  events: Array<{ type: string; value: { type: string; value: unknown } }>;
}

// Next nonce per account: the best block's nonce, or one more than the last we used (several
// transactions may be in flight before the first is finalized).
const lastNonce = new Map<string, number>();

async function nextNonce(api: Api, address: string): Promise<number> {
  const chain = await api.apis.AccountNonceApi.account_nonce(address, { at: 'best' });
  const last = lastNonce.get(address);
  const n = last === undefined ? chain : Math.max(chain, last + 1);
  lastNonce.set(address, n);
  return n;
}

export async function submitTx(
  api: Api,
  tx: Transaction<any, any>,
  who: { address: string; signer: PolkadotSigner },
  meta: MetaInfo | undefined,
  onPhase?: (p: TxPhase) => void,
  bestHash?: () => string | undefined,
): Promise<TxOutcome> {
  onPhase?.('signing');
  const nonce = await nextNonce(api, who.address);
  // Checkpoint the mortality at the best block the nonce was read from (a transaction built on
  // the finalized block would carry a nonce that block does not know yet).
  const at = bestHash?.();
  return new Promise<TxOutcome>((resolve, reject) => {
    let done = false;
    const sub = tx.signSubmitAndWatch(who.signer, { nonce, mortality: { mortal: true, period: 64 }, ...(at ? { at } : {}) }).subscribe({
      next: (ev) => {
        if (ev.type === 'signed') onPhase?.('broadcast');
        if (ev.type === 'txBestBlocksState' && ev.found && !done) {
          done = true;
          onPhase?.('in-block');
          if (ev.ok) resolve({ block: ev.block, events: ev.events as unknown as TxOutcome['events'] });
          else {
            const d = describeDispatchError(ev.dispatchError, meta);
            reject(new ChainError(d.name, d.doc));
          }
          // keep following until finalized, quietly
        }
        if (ev.type === 'finalized') {
          onPhase?.('finalized');
          sub.unsubscribe();
        }
      },
      error: (e: unknown) => {
        lastNonce.delete(who.address);
        if (!done) {
          done = true;
          reject(invalidTx(e));
        }
      },
    });
  });
}

/** A transaction the pool refused (never included): its validity error, readably. */
function invalidTx(e: unknown): Error {
  const err = e as { error?: unknown; message?: string };
  if (err && err.error !== undefined) {
    const v = err.error as { type?: string; value?: { type?: string } };
    const name = v?.type ? `${v.type}${v.value?.type ? `.${v.value.type}` : ''}` : JSON.stringify(v);
    const docs: Record<string, string> = {
      'Invalid.Payment': 'The account cannot pay the transaction fee.',
      'Invalid.Stale': 'The transaction is outdated (its nonce was used); try again.',
      'Invalid.Future': 'The transaction nonce is in the future; try again.',
      'Invalid.BadProof': 'The signature is not valid.',
    };
    return new ChainError(`transaction refused: ${name}`, docs[name] ?? '');
  }
  if (e instanceof Error && /Cancelled|Rejected|cancel/i.test(e.message)) return new Error('Signing was cancelled in the wallet.');
  return e instanceof Error ? e : new Error(String(e));
}
