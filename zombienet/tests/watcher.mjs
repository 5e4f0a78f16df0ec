// Samples, once a second for 150 s, alice's and dave's best and finalised block numbers (dave:
// null while it is down) into $TN_ZN_LOGS/watch.jsonl, and the hash of dave's best block.
import { appendFileSync, writeFileSync } from 'node:fs';
import { rpc, logs } from './env.mjs';

const file = `${logs}/watch.jsonl`;
writeFileSync(file, '');
async function call(url, method, params = []) {
  const http = url.replace('ws://', 'http://');
  const r = await fetch(http, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ id: 1, jsonrpc: '2.0', method, params }),
    signal: AbortSignal.timeout(900),
  });
  return (await r.json()).result;
}
async function heights(url) {
  try {
    const best = parseInt((await call(url, 'chain_getHeader')).number, 16);
    const fin = parseInt((await call(url, 'chain_getHeader', [await call(url, 'chain_getFinalizedHead')])).number, 16);
    return { best, fin };
  } catch (_) { return null; }
}
const t0 = Date.now();
while (Date.now() - t0 < 150_000) {
  const [alice, dave] = await Promise.all([heights(rpc.alice), heights(rpc.dave)]);
  appendFileSync(file, `${JSON.stringify({ t: Date.now() - t0, alice, dave })}\n`);
  await new Promise((r) => setTimeout(r, 1000));
}
