// The feeders' offchain workers bring the simulator's EIA prices into the oracle: every price
// the oracle holds equals the simulator's, the median needs ≥ 3 of the 4 feeders, and each
// feeder's `NewFeedData` events are on chain.
import { connect, waitUntil } from '../lib/client.mjs';
import { ymd, polledMonths, firstDay, PRICE_LOOKBACK_DAYS, microUsd } from '../lib/plan.mjs';
import { rpc, simUrl, eventsBetween } from './env.mjs';

const api = await connect(rpc.alice);
const minimum = await api.query.parameters.parameters({ Oracle: { MinimumFeeders: null } });
console.log(`minimum feeders: ${minimum.toString()}`);
const prices = await waitUntil(api, 'prices in the oracle', async () => {
  const keys = (await api.query.oracle.values.entries()).filter(([k]) => k.args[0].isPrice);
  return keys.length > 0 ? keys : null;
}, { timeoutMs: 180_000 });
// The simulator's answer for the same window: from the lookback before the oldest polled month.
const start = firstDay(polledMonths()[0] ?? { year: 2026, month: 1 }) - PRICE_LOOKBACK_DAYS;
let checked = 0;
for (const [series, route, commodity] of [['RWTC', 'petroleum/pri/spt', 'Oil'], ['RNGWHHD', 'natural-gas/pri/fut', 'Gas']]) {
  const url = `${simUrl}/v2/${route}/data/?api_key=tn-dev-key&frequency=daily&data%5B0%5D=value&facets%5Bseries%5D%5B%5D=${series}&start=${ymd(start)}&end=${ymd(Math.floor(Date.now() / 86_400_000) - 1)}`;
  const body = await (await fetch(url)).json();
  const sim = new Map(body.response.data.map((r) => [r.period, microUsd(r.value)]));
  for (const [k, v] of prices) {
    const [c, day] = k.args[0].asPrice;
    if (c.type !== commodity) continue;
    const want = sim.get(ymd(day.toNumber()));
    if (want === undefined) throw new Error(`${commodity} ${ymd(day.toNumber())}: the simulator has no price`);
    const got = v.unwrap().value.asPrice.toBigInt();
    if (got !== want) throw new Error(`${commodity} ${ymd(day.toNumber())}: oracle ${got}, simulator ${want}`);
    checked++;
  }
}
console.log(`${checked} oracle prices equal the simulator's`);
const head = (await api.rpc.chain.getHeader()).number.toNumber();
const feeders = new Set();
for (const [, e] of await eventsBetween(api, 1, head)) {
  if (api.events.oracle.NewFeedData.is(e)) feeders.add(e.data[0].toString());
}
console.log(`NewFeedData events from ${feeders.size} feeders`);
await api.disconnect();
if (checked === 0 || feeders.size < 3) { console.log('FAILED'); process.exit(1); }
