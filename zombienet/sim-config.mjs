// Prints the feed simulator's configuration for today: feed-sim/config/dev.json with each well's
// official volumes moved onto the months the offchain workers poll today (see lib/plan.mjs).
//   node sim-config.mjs ../feed-sim/config/dev.json [127.0.0.1:PORT] > sim.json
import { simConfigForToday } from './lib/plan.mjs';

const [base, listen] = process.argv.slice(2);
const cfg = simConfigForToday(base ?? '../feed-sim/config/dev.json');
if (listen) cfg.listen = listen;
process.stdout.write(`${JSON.stringify(cfg, null, 2)}\n`);
