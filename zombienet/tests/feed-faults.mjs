// The feed simulator misbehaves — down, 500, truncated zip, garbage JSON — right after it
// published an amended version of an audited month. Nothing reaches the chain while it
// misbehaves (the oracle's values stay exactly the same); once healthy, the workers recover and
// bring the amendment, which is recorded against the audit (an event) and settled by the chain
// itself (on_idle): the record is re-audited with the new figure, keeps the first one, and TAT's
// supply moves by exactly the difference.
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
const record = await waitUntil(api, 'the settlement of the amended month (on_idle)', async () => {
  const r = (await api.query.auditMint.auditRecords(wellId, month)).unwrap();
  return r.officialVolume.toBigInt() === amendedVolume && r.settlement.isSome ? r : null;
}, { timeoutMs: 120_000 });
const head = (await api.rpc.chain.getHeader()).number.toNumber();
const all = await eventsBetween(api, startBlock, head);
const events = all.filter(([, e]) => api.events.auditMint.OfficialAmendedAfterAudit.is(e));
console.log(`OfficialAmendedAfterAudit events: ${events.map(([n, e]) => `#${n} ${e.data.toString()}`).join('; ')}`);
const settled = all.filter(([, e]) => api.events.auditMint.Settled.is(e) && e.data[0].toNumber() === wellId);
console.log(`Settled events of well #${wellId}: ${settled.map(([n, e]) => `#${n} ${e.data.toString()}`).join('; ')}`);
const s = record.settlement.unwrap();
const mintedBefore = audited.outcome.minted.toBigInt();
const mintedAfter = record.outcome.minted.toBigInt();
console.log(`audit record settled: official ${s.firstOfficial} → ${record.officialVolume}, minted ${fmtTat(mintedBefore)} → ${fmtTat(mintedAfter)} (band ${record.outcome.band}), pending amendment ${record.amended.toString()}`);
const supplyAfter = await supply();
if (events.length === 0 || settled.length === 0 || record.amended.isSome) failed = true;
if (s.firstOfficial.toBigInt() !== audited.officialVolume.toBigInt() || s.firstMinted.toBigInt() !== mintedBefore) failed = true;
// The parts still add up to the minted amount.
const parts = record.beneficiaries.reduce((a, [, x]) => a + x.toBigInt(), record.producerShare.toBigInt());
if (parts !== mintedAfter) failed = true;
// Only this well-month's settlement moved TAT (the other amended well kept its volume).
const expectedSupply = supplyBefore + mintedAfter - mintedBefore + s.unrecovered.toBigInt();
console.log(`TAT supply ${fmtTat(supplyBefore)} → ${fmtTat(supplyAfter)} (expected ${fmtTat(expectedSupply)})`);
if (supplyAfter !== expectedSupply) failed = true;
await api.disconnect();
console.log(failed ? 'FAILED' : 'ok');
process.exit(failed ? 1 : 0);
