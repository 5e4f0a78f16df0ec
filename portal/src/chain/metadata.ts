// What the live runtime's metadata says: error docs (shown with every chain error) and call
// argument names (the well form adapts to the runtime it talks to).
import type { PolkadotClient } from 'polkadot-api';
import { decAnyMetadata, unifyMetadata } from '@polkadot-api/substrate-bindings';

export interface MetaInfo {
  /** "Wells.DuplicateDay" → its doc comment. */
  errorDocs: Map<string, string>;
  /** "Wells.submit_well" → argument names in order. */
  callArgs: Map<string, string[]>;
  specVersion?: number;
}

export async function loadMetaInfo(client: PolkadotClient): Promise<MetaInfo> {
  const fin = await client.getFinalizedBlock();
  const raw = await client.getMetadata(fin.hash);
  const meta = unifyMetadata(decAnyMetadata(raw));
  const errorDocs = new Map<string, string>();
  const callArgs = new Map<string, string[]>();
  for (const p of meta.pallets) {
    const err = p.errors && meta.lookup[p.errors.type];
    if (err && err.def.tag === 'variant') {
      for (const v of err.def.value) errorDocs.set(`${p.name}.${v.name}`, v.docs.join(' ').trim());
    }
    const calls = p.calls && meta.lookup[p.calls.type];
    if (calls && calls.def.tag === 'variant') {
      for (const v of calls.def.value) callArgs.set(`${p.name}.${v.name}`, v.fields.map((f) => f.name ?? ''));
    }
  }
  return { errorDocs, callArgs };
}

export interface ChainErrorInfo { name: string; doc: string }

/** A DispatchError (as papi decodes it) → "Pallet.Error" and its doc. */
export function describeDispatchError(e: unknown, info?: MetaInfo): ChainErrorInfo {
  const d = e as { type?: string; value?: unknown } | undefined;
  if (!d || typeof d !== 'object' || !d.type) return { name: String(e), doc: '' };
  if (d.type === 'Module') {
    const m = d.value as { type: string; value?: { type?: string } };
    const name = `${m.type}.${m.value?.type ?? '?'}`;
    return { name, doc: info?.errorDocs.get(name) ?? '' };
  }
  const inner = d.value as { type?: string } | undefined;
  const name = inner && typeof inner === 'object' && inner.type ? `${d.type}.${inner.type}` : d.type;
  const generic: Record<string, string> = {
    BadOrigin: 'This account may not make this call.',
    'Token.FundsUnavailable': 'Not enough free balance.',
    'Token.BelowMinimum': 'The amount would leave the account below the existential deposit.',
    CannotLookup: 'An account could not be found.',
  };
  return { name, doc: generic[name] ?? '' };
}
