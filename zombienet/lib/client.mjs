// A small client toolkit over @polkadot/api (the library Polkadot.js Apps uses): connect, dev
// accounts, submit-and-wait with named errors, waiting with a progress indicator, formatting.
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

export const UNIT = 10n ** 12n; // native token, 12 decimals
export const ONE_TAT = 10n ** 18n; // TAT, 18 decimals (1 TAT = 1 USD)
export const TAT_ID = 1;

/** Connects (retrying while the node starts) and returns the api. */
export async function connect(url, { timeoutMs = 120_000 } = {}) {
  const provider = new WsProvider(url, 1_000);
  const api = await withTimeout(ApiPromise.create({ provider, noInitWarn: true }), timeoutMs, `connect to ${url}`);
  return api;
}

/** The dev accounts by name (sr25519, //Alice …). */
export async function devAccounts() {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const out = {};
  for (const name of ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie']) {
    out[name.toLowerCase()] = keyring.addFromUri(`//${name}`, { name });
  }
  return out;
}

export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), ms); }),
  ]);
}

/** A chain error with its name (`pallet.Error`). */
export class ChainError extends Error {
  constructor(name, docs) {
    super(`${name}${docs ? `: ${docs}` : ''}`);
    this.chainName = name;
  }
}

function decodeError(api, dispatchError) {
  if (dispatchError.isModule) {
    const m = api.registry.findMetaError(dispatchError.asModule);
    return new ChainError(`${m.section}.${m.name}`, m.docs.join(' '));
  }
  return new ChainError(dispatchError.type ?? dispatchError.toString());
}

/**
 * Signs and submits `tx` from `signer` (nonce from the pool, so several can be sent before the
 * first is included); resolves with the events of the extrinsic once in a block, rejects with a
 * ChainError naming the failure.
 */
export function send(api, signer, tx, { timeoutMs = 120_000, nonce = -1 } = {}) {
  const label = `${tx.method.section}.${tx.method.method}`;
  const done = new Promise((resolve, reject) => {
    let unsub = () => {};
    tx.signAndSend(signer, { nonce }, (result) => {
      const { status, events, dispatchError } = result;
      if (status.isInvalid || status.isDropped || status.isUsurped) {
        unsub();
        reject(new Error(`${label}: ${status.type}`));
      } else if (status.isInBlock || status.isFinalized) {
        unsub();
        if (dispatchError) reject(decodeError(api, dispatchError));
        else resolve({ events: events.map((e) => e.event), block: status.isInBlock ? status.asInBlock : status.asFinalized });
      }
    }).then((u) => { unsub = u; }, reject);
  });
  return withTimeout(done, timeoutMs, label);
}

/**
 * Sends a list of [signer, tx] at once (usually into one block) and waits for all; each signer's
 * transactions get consecutive nonces in list order.
 */
export async function sendAll(api, list) {
  const nonces = new Map();
  for (const [signer] of list) {
    if (!nonces.has(signer.address)) {
      nonces.set(signer.address, (await api.rpc.system.accountNextIndex(signer.address)).toNumber());
    }
  }
  const pending = list.map(([signer, tx]) => {
    const nonce = nonces.get(signer.address);
    nonces.set(signer.address, nonce + 1);
    return send(api, signer, tx, { nonce });
  });
  const settled = await Promise.allSettled(pending);
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => s.value);
}

/** Expects `promise` to fail with the chain error `name`. */
export async function expectError(promise, name) {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ChainError && e.chainName === name) return;
    throw new Error(`expected ${name}, got ${e.message}`);
  }
  throw new Error(`expected ${name}, but it succeeded`);
}

const spinner = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * Polls `check()` every second until it returns a truthy value (returned), showing a progress
 * line with the elapsed time and the best block; throws after `timeoutMs`.
 */
export async function waitUntil(api, what, check, { timeoutMs = 300_000, quiet = false } = {}) {
  const t0 = Date.now();
  const tty = process.stdout.isTTY;
  let i = 0;
  for (;;) {
    const v = await check();
    const secs = Math.round((Date.now() - t0) / 1000);
    if (v) {
      if (!quiet) {
        if (tty) process.stdout.write('\r\x1b[K');
        console.log(`  ✓ ${what} (${secs} s)`);
      }
      return v;
    }
    if (Date.now() - t0 > timeoutMs) {
      if (tty) process.stdout.write('\r\x1b[K');
      throw new Error(`timed out after ${secs} s waiting for ${what}`);
    }
    if (!quiet) {
      // While the client reconnects the header is unknown; the check decides, not this line.
      const best = await api.rpc.chain.getHeader().then((h) => h.number.toNumber(), () => '?');
      if (tty) process.stdout.write(`\r\x1b[K  ${spinner[i++ % spinner.length]} waiting for ${what} — ${secs} s, block #${best}`);
      else if (secs > 0 && secs % 15 === 0) console.log(`  … waiting for ${what} — ${secs} s, block #${best}`);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** Waits until the best block is at least `n` blocks past the current one. */
export async function waitBlocks(api, n, what = `${n} blocks`) {
  const start = (await api.rpc.chain.getHeader()).number.toNumber();
  await waitUntil(api, what, async () => (await api.rpc.chain.getHeader()).number.toNumber() >= start + n, { quiet: true });
}

/** `amount` (BigInt) in units of `10^decimals`, with `digits` decimals shown (truncated). */
export function fmt(amount, decimals, digits = 6) {
  const neg = amount < 0n;
  const a = neg ? -amount : amount;
  const base = 10n ** BigInt(decimals);
  const whole = a / base;
  const frac = (a % base).toString().padStart(decimals, '0').slice(0, digits);
  const w = whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '−' : ''}${w}${digits > 0 ? `.${frac}` : ''}`;
}
export const fmtTat = (x) => `${fmt(x, 18, 6)} TAT`;
export const fmtUsd = (x) => `$${fmt(x, 18, 6)}`;
export const fmtUnit = (x) => `${fmt(x, 12, 6)} UNIT`;

/** TAT balance of an account (BigInt). */
export async function tatBalance(api, who) {
  const acc = await api.query.assets.account(TAT_ID, who);
  return acc.isSome ? acc.unwrap().balance.toBigInt() : 0n;
}
