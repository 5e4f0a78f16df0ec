// Upload load test (issue 8.3) against a dev node through @polkadot/api: a producer with many
// wells submits `upload_batch` transactions of 2,000 day-records as fast as the pool takes them,
// until blocks are full; reports records included per block, block weight used and finality lag.
// Uploads are operational (issue 25): the weight used is the normal plus the operational class.
//   node load.mjs ws://127.0.0.1:9944 [seconds=120] [batch=2000]
// Needs a fresh dev chain (scripts/demo --no-flow): Ferdie becomes the producer.
import { blake2AsU8a } from '@polkadot/util-crypto';
import { connect, devAccounts, send, sendAll } from './lib/client.mjs';
import { today } from './lib/plan.mjs';

const [url = 'ws://127.0.0.1:9944', secsArg = '120', batchArg = '2000'] = process.argv.slice(2);
const seconds = Number(secsArg);
const batch = Number(batchArg);
const api = await connect(url);
const { bob, charlie, ferdie } = await devAccounts();

// Onboard Ferdie and register enough wells: each well takes at most 364 past days.
const wellsNeeded = Math.ceil(((seconds / 6) * batch * 1.5) / 364);
console.log(`onboarding Ferdie with ${wellsNeeded} wells …`);
const kyb = blake2AsU8a('load kyb', 256);
const kyc = blake2AsU8a('load kyc', 256);
await send(api, ferdie, api.tx.producers.apply(0, kyb));
await send(api, charlie, api.tx.producers.judgeKyb(ferdie.address, kyb, true, ['A1B2']));
await send(api, ferdie, api.tx.producers.submitKyc(kyc));
await send(api, charlie, api.tx.producers.judgeKyc(ferdie.address, kyc, true));
const first = (await api.query.wells.nextWellId()).toNumber();
for (let i = 0; i < wellsNeeded; i += 100) {
  const n = Math.min(100, wellsNeeded - i);
  await sendAll(api, Array.from({ length: n }, (_, j) => [ferdie, api.tx.wells.submitWell(
    0, 'Gas', blake2AsU8a(`load well ${i + j}`, 256), blake2AsU8a('docs', 256), null, 'A1B2', 'ABBT0000001')]));
  await sendAll(api, Array.from({ length: n }, (_, j) => [bob, api.tx.wells.reviewWell(first + i + j, true, '')]));
}
console.log(`wells #${first}..#${first + wellsNeeded - 1} active`);

// Records: well-major, each well its last 364 days.
const t = today();
function* records() {
  for (let w = first; w < first + wellsNeeded; w++) for (let d = t - 364; d < t; d++) yield [w, d, 1_000];
}
const gen = records();
const nextBatch = () => { const b = []; for (let i = 0; i < batch; i++) { const r = gen.next(); if (r.done) break; b.push(r.value); } return b; };

// Per-block statistics from the chain itself.
const stats = [];
const unsub = await api.rpc.chain.subscribeNewHeads(async (h) => {
  const at = await api.at(h.hash);
  const events = await at.query.system.events();
  let recs = 0;
  for (const { event } of events) if (api.events.wells.BatchUploaded.is(event)) recs += event.data.records.toNumber();
  const weight = await at.query.system.blockWeight();
  const used = weight.normal.refTime.toBigInt() + weight.operational.refTime.toBigInt();
  const fin = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
  stats.push({ n: h.number.toNumber(), recs, usedSecs: Number(used) / 1e12, lag: h.number.toNumber() - fin });
});

let nonce = (await api.rpc.system.accountNextIndex(ferdie.address)).toNumber();
const t0 = Date.now();
let sent = 0;
while (Date.now() - t0 < seconds * 1000) {
  const pending = (await api.rpc.author.pendingExtrinsics()).length;
  if (pending < 6) {
    const b = nextBatch();
    if (b.length === 0) break;
    try {
      await api.tx.wells.uploadBatch(b).signAndSend(ferdie, { nonce });
      nonce++;
      sent += b.length;
    } catch (e) { console.log(`submit: ${e.message}`); }
  }
  await new Promise((r) => setTimeout(r, 200));
}
await new Promise((r) => setTimeout(r, 15_000));
unsub();
const busy = stats.filter((s) => s.recs > 0);
const maxBlock = 2; // seconds of ref_time per block (weights are in picoseconds)
console.log('\n| block | records | normal + operational ref_time used | of block | finality lag |');
console.log('|---|---|---|---|---|');
for (const s of busy) console.log(`| #${s.n} | ${s.recs} | ${s.usedSecs.toFixed(3)} s | ${(s.usedSecs * 100 / maxBlock).toFixed(1)} % | ${s.lag} |`);
const total = busy.reduce((a, s) => a + s.recs, 0);
const lags = busy.map((s) => s.lag);
console.log(`\nsent ${sent} records; included ${total} in ${busy.length} blocks: mean ${(total / Math.max(1, busy.length)).toFixed(0)}, `
  + `max ${Math.max(0, ...busy.map((s) => s.recs))} records/block; finality lag max ${Math.max(0, ...lags)}, mean ${(lags.reduce((a, b) => a + b, 0) / Math.max(1, lags.length)).toFixed(1)} blocks`);
await api.disconnect();
process.exit(0);
