// The feed simulator misbehaves — down, 500, truncated zip, garbage JSON — right after it
// published an amended version of an audited month. Nothing reaches the chain while it
// misbehaves (the oracle's values stay exactly the same); once healthy, the workers recover and
// bring the amendment, which is recorded against the audit (an event) and mints nothing.
import { connect, waitUntil, fmtTat } from '../lib/client.mjs';
import { lifePlan, monthText, wellCommitment } from '../lib/plan.mjs';
import { rpc, control, simConfig, eventsBetween } from './env.mjs';

const api = await connect(rpc.alice);
const snapshot = async () => {
  const entries = await api.query.oracle.values.entries();
  return new Map(entries.map(([k, v]) => [k.toHex(), v.toHex()]));
};
const supply = async () => (await api.query.assets.asset(1)).unwrap().supply.toBigInt();
const plan = lifePlan(simConfig());
const oil = plan.find((w) => w.commodity === 'Oil');
const month = oil.months[0].month;
const wellId = (await api.query.wells.wellByIdentifier(
  wellCommitment(oil.id),
)).unwrap().toNumber();
const audited = (await api.query.auditMint.auditRecords(wellId, month)).unwrap();
const before = await snapshot();
const supplyBefore = await supply();
const startBlock = (await api.rpc.chain.getHeader()).number.toNumber();
let failed = false;

const amend = await control(`amend/${monthText(month)}`);
console.log(`simulator amended ${monthText(month)}: ${JSON.stringify(amend)}`);
for (const mode of ['down', '500', 'truncated', 'garbage']) {
  await control(`mode/${mode}`);
  // Three worker intervals (12 s) in this mode.
  await new Promise((r) => setTimeout(r, 36_000));
  const now = await snapshot();
  const changed = [...now].filter(([k, v]) => before.get(k) !== v).length + [...before.keys()].filter((k) => !now.has(k)).length;
  console.log(`mode ${mode}: ${changed} oracle values changed`);
  if (changed !== 0) failed = true;
}
await control('mode/healthy');
const amendedVolume = BigInt(Math.round(Number(amend.change.new) * 1000));
const value = await waitUntil(api, 'the amended official figure', async () => {
  const v = await api.query.oracle.values({ Production: [wellId, month] });
  const p = v.unwrap().value.asProduction;
  return p.volume.toBigInt() === amendedVolume ? p : null;
}, { timeoutMs: 240_000 });
console.log(`healthy again: official ${monthText(month)} of well #${wellId} is now ${value.volume} (was ${audited.officialVolume})`);
const head = (await api.rpc.chain.getHeader()).number.toNumber();
const events = (await eventsBetween(api, startBlock, head)).filter(([, e]) => api.events.auditMint.OfficialAmendedAfterAudit.is(e));
console.log(`OfficialAmendedAfterAudit events: ${events.map(([n, e]) => `#${n} ${e.data.toString()}`).join('; ')}`);
const record = (await api.query.auditMint.auditRecords(wellId, month)).unwrap();
console.log(`audit record amended: ${record.amended.toString()}; minted ${fmtTat(record.outcome.minted.toBigInt())} unchanged`);
const supplyAfter = await supply();
if (events.length === 0 || record.amended.isNone || record.amended.unwrap()[0].toBigInt() !== amendedVolume) failed = true;
if (supplyAfter !== supplyBefore || record.outcome.minted.toBigInt() !== audited.outcome.minted.toBigInt()) failed = true;
console.log(`TAT supply ${fmtTat(supplyBefore)} → ${fmtTat(supplyAfter)}`);
await api.disconnect();
console.log(failed ? 'FAILED' : 'ok');
process.exit(failed ? 1 : 0);
