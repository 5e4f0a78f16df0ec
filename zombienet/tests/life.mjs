// A producer's whole life on the 4-validator network through @polkadot/api (lib/life.mjs):
// every audit, TAT balance and the deposit recomputed from the rules and compared exactly.
import { connect, devAccounts } from '../lib/client.mjs';
import { lifePlan } from '../lib/plan.mjs';
import { producerLife } from '../lib/life.mjs';
import { rpc, simConfig } from './env.mjs';

const api = await connect(rpc.alice);
const acc = await devAccounts();
try {
  const r = await producerLife(api, acc, lifePlan(simConfig()));
  console.log(`life: ${r.rows.length} months audited, bands ${r.rows.map((x) => x.band).join(', ')}`);
} catch (e) {
  console.log(`FAILED: ${e.stack}`);
  process.exitCode = 1;
} finally {
  await api.disconnect();
}
