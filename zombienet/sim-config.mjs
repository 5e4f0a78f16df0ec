// Prints the feed simulator's configuration for today: feed-sim/config/dev.json with each well's
// official volumes moved onto the months the offchain workers poll today (see lib/plan.mjs).
//   node sim-config.mjs ../feed-sim/config/dev.json [127.0.0.1:PORT] [--amendable] > sim.json
// --amendable: the oldest month starts at version 1 and `POST /control/amend/{month}` publishes a
// version 2 in which the first (oil) well's volume is 1.250 higher (the zombienet fault test).
// --data-rules: adds the confidential well and the well with another operator's rows
// (lib/plan.mjs `dataRuleSimWells`, the zombienet data-rules test).
import { simConfigForToday, polledMonths, monthText, thousandths, dataRuleSimWells } from './lib/plan.mjs';

const args = process.argv.slice(2);
const amendable = args.includes('--amendable');
const dataRules = args.includes('--data-rules');
for (const a of args.filter((x) => x.startsWith('--'))) {
  if (a !== '--amendable' && a !== '--data-rules') { console.error(`unknown flag ${a}`); process.exit(2); }
}
const [base, listen] = args.filter((a) => !a.startsWith('--'));
const cfg = simConfigForToday(base ?? '../feed-sim/config/dev.json');
if (listen) cfg.listen = listen;
if (dataRules) cfg.petrinex.wells.push(...dataRuleSimWells(polledMonths()));
if (amendable) {
  const month = monthText(polledMonths()[0]);
  const well = cfg.petrinex.wells[0];
  const v = thousandths(well.months[month]) + 1250n;
  cfg.petrinex.versions = { [month]: 1 };
  cfg.petrinex.amendments = [{
    month, version: 2, well: well.id, volume: `${v / 1000n}.${String(v % 1000n).padStart(3, '0')}`,
  }];
}
process.stdout.write(`${JSON.stringify(cfg, null, 2)}\n`);
