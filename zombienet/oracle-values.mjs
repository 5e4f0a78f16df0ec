// Prints what the oracle holds (combined values) — used to check the feeders' workers.
//   node oracle-values.mjs ws://127.0.0.1:9944
import { ApiPromise, WsProvider } from '@polkadot/api';
const api = await ApiPromise.create({ provider: new WsProvider(process.argv[2] ?? 'ws://127.0.0.1:9944'), noInitWarn: true });
const entries = await api.query.oracle.values.entries();
let prices = 0, production = 0;
for (const [k, v] of entries) {
  const key = k.args[0].toJSON();
  if (key.price) prices++; else { production++; console.log(JSON.stringify(key), JSON.stringify(v.toJSON())); }
}
console.log(`oracle values: ${prices} prices, ${production} production figures`);
await api.disconnect();
