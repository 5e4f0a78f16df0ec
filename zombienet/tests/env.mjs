// The zombienet tests' environment (set by scripts/zombienet).
import { readFileSync } from 'node:fs';

const base = process.env.TN_RPC_BASE ?? '2994';
export const rpc = { alice: `ws://127.0.0.1:${base}0`, bob: `ws://127.0.0.1:${base}1`, charlie: `ws://127.0.0.1:${base}2`, dave: `ws://127.0.0.1:${base}3` };
export const simUrl = `http://127.0.0.1:${process.env.TN_SIM_PORT ?? '28787'}`;
export const simConfig = () => JSON.parse(readFileSync(process.env.TN_SIM_CONFIG, 'utf8'));
export const logs = process.env.TN_ZN_LOGS ?? '/tmp';

/** POST to the simulator's control API. */
export async function control(path) {
  const r = await fetch(`${simUrl}/control/${path}`, { method: 'POST' });
  if (r.status !== 200) throw new Error(`simulator control ${path}: ${r.status}`);
  return r.json();
}

/** Every event of blocks `from..=to` (by number) at `api`, as [blockNumber, event]. */
export async function eventsBetween(api, from, to) {
  const out = [];
  for (let n = from; n <= to; n++) {
    const hash = await api.rpc.chain.getBlockHash(n);
    const at = await api.at(hash);
    for (const { event } of await at.query.system.events()) out.push([n, event]);
  }
  return out;
}
