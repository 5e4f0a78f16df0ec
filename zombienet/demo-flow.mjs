// The narrated demo flow against a running dev node (scripts/demo starts it):
//   node demo-flow.mjs ws://127.0.0.1:9944 <simulator config used by the node's feeds>
// Exits non-zero if any number the chain reports differs from the rules recomputed here.
import { readFileSync } from 'node:fs';
import { connect, devAccounts } from './lib/client.mjs';
import { lifePlan } from './lib/plan.mjs';
import { producerLife } from './lib/life.mjs';

const [url = 'ws://127.0.0.1:9944', simPath] = process.argv.slice(2);
const simCfg = JSON.parse(readFileSync(simPath, 'utf8'));
const api = await connect(url);
const acc = await devAccounts();
const chain = (await api.rpc.system.chain()).toString();
const best = (await api.rpc.chain.getHeader()).number.toNumber();
console.log(`Connected to ${chain} at ${url} (block #${best}).`);
console.log('Roles: Alice validator/sudo/Foundation Manager/oracle feeder, Bob Foundation Manager (reviews here),');
console.log('       Charlie KYC verifier, Eve the producer, Ferdie and Dave her beneficiaries.');
const plan = lifePlan(simCfg);
try {
  await producerLife(api, acc, plan);
  console.log('\nDemo flow complete: every audit matched the deviation table exactly.');
} catch (e) {
  console.error(`\nDEMO FAILED: ${e.message}`);
  process.exitCode = 1;
} finally {
  await api.disconnect();
}
