// After `dave: restart after 40 seconds`: while dave was down, alice kept producing and
// finalising; dave came back on its own database (its first best block ≥ the last one before
// the stop, same hash as alice's) and caught up with the tip.
import { readFileSync } from 'node:fs';
import { connect, waitUntil } from '../lib/client.mjs';
import { rpc, logs } from './env.mjs';

const samples = () => readFileSync(`${logs}/watch.jsonl`, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
const alice = await connect(rpc.alice);
const dave = await connect(rpc.dave);
const head = async (api) => (await api.rpc.chain.getHeader()).number.toNumber();
const fin = async (api) => (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
await waitUntil(alice, 'dave caught up with the tip', async () => {
  const [a, d, af, df] = [await head(alice), await head(dave), await fin(alice), await fin(dave)];
  return d >= a - 1 && df >= af - 2 ? { a, d, af, df } : null;
}, { timeoutMs: 120_000, quiet: true });
const s = samples();
const firstDown = s.findIndex((x) => x.alice && x.dave === null);
const back = s.findIndex((x, i) => i > firstDown && x.dave !== null);
if (firstDown < 1 || back < 0) throw new Error(`no down/up window in ${s.length} samples`);
const lastUp = s[firstDown - 1];
const lastDown = s[back - 1];
const downSecs = (lastDown.t - s[firstDown].t) / 1000;
const produced = lastDown.alice.best - lastUp.alice.best;
const finalised = lastDown.alice.fin - lastUp.alice.fin;
console.log(`dave down for ~${downSecs} s: alice best ${lastUp.alice.best} → ${lastDown.alice.best}, finalised ${lastUp.alice.fin} → ${lastDown.alice.fin}`);
const firstBack = s[back].dave;
console.log(`dave before the stop: best ${lastUp.dave.best}; first answer after the restart: best ${firstBack.best}, finalised ${firstBack.fin}`);
const b0 = lastUp.dave.best;
const same = (await alice.rpc.chain.getBlockHash(b0)).eq(await dave.rpc.chain.getBlockHash(b0));
console.log(`dave's block #${b0} equals alice's: ${same}; now alice #${await head(alice)} / dave #${await head(dave)}`);
await alice.disconnect();
await dave.disconnect();
const ok = downSecs >= 20 && produced >= 3 && finalised >= 2 && firstBack.best >= b0 && same;
console.log(ok ? 'ok' : 'FAILED');
process.exit(ok ? 0 : 1);
