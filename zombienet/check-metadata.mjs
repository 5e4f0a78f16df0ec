// Connects with @polkadot/api (as Polkadot.js Apps does) and checks that the metadata of every
// pallet of the chain is readable, with docs on our pallets' calls. Usage:
//   node check-metadata.mjs ws://127.0.0.1:9944
import { ApiPromise, WsProvider } from '@polkadot/api';

const url = process.argv[2] ?? 'ws://127.0.0.1:9944';
const expected = [
  'System', 'Timestamp', 'Aura', 'Grandpa', 'Balances', 'TransactionPayment', 'Sudo',
  'Preimage', 'Scheduler', 'Democracy', 'Foundation', 'FoundationMembership', 'KycVerifiers',
  'OracleFeeders', 'Parameters', 'Assets', 'Oracle', 'OracleFeeds', 'Producers', 'Wells', 'AuditMint',
];
const ours = ['Producers', 'Wells', 'AuditMint'];

const api = await ApiPromise.create({ provider: new WsProvider(url), noInitWarn: true });
let failed = 0;
const pallets = api.runtimeMetadata.asLatest.pallets.map((p) => p.name.toString());
for (const name of expected) {
  if (!pallets.includes(name)) {
    console.log(`MISSING pallet ${name}`);
    failed++;
  }
}
for (const name of ours) {
  const section = name.charAt(0).toLowerCase() + name.slice(1);
  const calls = api.tx[section];
  if (!calls) { console.log(`no calls for ${name}`); failed++; continue; }
  for (const [call, fn] of Object.entries(calls)) {
    if (!fn.meta.docs.length) { console.log(`${name}.${call} has no doc comment`); failed++; }
  }
}
const chain = (await api.rpc.system.chain()).toString();
const props = (await api.rpc.system.properties()).toHuman();
const tat = (await api.query.assets.metadata(1)).toHuman();
console.log(`chain ${chain}; properties ${JSON.stringify(props)}; TAT ${JSON.stringify(tat)}`);
console.log(`${pallets.length} pallets read: ${pallets.join(', ')}`);
if (tat.symbol !== 'TAT' || tat.decimals !== '18') { console.log('TAT metadata wrong'); failed++; }
await api.disconnect();
console.log(`${failed === 0 ? 1 : 0} passed, ${failed === 0 ? 0 : 1} failed`);
process.exit(failed === 0 ? 0 : 1);
