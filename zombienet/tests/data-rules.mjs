// Real-data rules on the 4-validator network (issue 15): a confidential well — Petrinex masks
// its identifier (`***`) but publishes its volume and reporting facility — gets no official
// figure (unknown: no mint, no slash, never 0), and a well whose identifier also has rows of
// another operator (OperatorBAID) gets only its own operator's volume. Eve (admitted by the
// life test) registers both; Bob reviews them; the offchain workers of all four validators feed.
import { connect, devAccounts, send, sendAll, expectError, waitUntil, waitBlocks } from '../lib/client.mjs';
import {
  CONFIDENTIAL_WELL, SHARED_WELL, polledMonths, monthText, thousandths, wellCommitment, dailyRecords,
} from '../lib/plan.mjs';
import { rpc } from './env.mjs';

const api = await connect(rpc.alice);
const { bob, eve } = await devAccounts();
const fail = (msg) => { throw new Error(msg); };
try {
  const months = polledMonths();
  const submits = [CONFIDENTIAL_WELL, SHARED_WELL].map((w) => [eve, api.tx.wells.submitWell(
    0, w.product === 'OIL' ? 'Oil' : 'Gas', wellCommitment(w.id), wellCommitment(`licence ${w.id}`),
    w.product === 'OIL' ? { apiGravityX100: 3_500, acidityBp: 30 } : null, w.operator, w.facility,
  )]);
  const ids = [];
  for (const r of await sendAll(api, submits)) {
    ids.push(r.events.find((e) => api.events.wells.WellSubmitted.is(e)).data.well.toNumber());
  }
  const [confidential, shared] = ids;
  await sendAll(api, ids.map((id) => [bob, api.tx.wells.reviewWell(id, true, '')]));
  console.log(`wells #${confidential} (confidential ${CONFIDENTIAL_WELL.id}) and #${shared} (${SHARED_WELL.id}) active`);

  // The shared well: its own operator's rows only (7.000 e³m³), not the other operator's 500.
  const own = thousandths(SHARED_WELL.volume);
  for (const m of months) {
    const v = await waitUntil(api, `official ${SHARED_WELL.id} ${monthText(m)}`, async () => {
      const o = await api.query.oracle.values({ Production: [shared, m] });
      return o.isSome ? o.unwrap().value.asProduction.volume.toBigInt() : null;
    }, { timeoutMs: 300_000 });
    if (v !== own) fail(`official ${SHARED_WELL.id} ${monthText(m)}: ${v}, want ${own} (the other operator's rows counted?)`);
    console.log(`official ${SHARED_WELL.id} ${monthText(m)} = ${v} m³: only ${SHARED_WELL.operator}'s rows (not ${SHARED_WELL.other.operator}'s)`);
  }
  // The workers have fed the polled months of the new wells by now; a few more rounds (the
  // production interval is 12 s) must still bring nothing for the confidential well.
  await waitBlocks(api, 8, 'more feed rounds');
  for (const m of months) {
    const o = await api.query.oracle.values({ Production: [confidential, m] });
    if (o.isSome) fail(`the confidential well got an official figure for ${monthText(m)}: ${o.unwrap().toString()}`);
  }
  const raw = (await api.query.oracle.rawValues.entries()).filter(([k]) => k.args[1].isProduction
    && k.args[1].asProduction[0].toNumber() === confidential);
  if (raw.length) fail(`feeders ${raw.map(([k]) => k.args[0].toString()).join(', ')} sent a raw figure for the confidential well`);
  console.log(`confidential well #${confidential}: no official figure for ${months.map(monthText).join(', ')} (unknown, not 0)`);

  // Eve uploads 10× the real volume for the confidential well's oldest month: without an official
  // figure the month cannot be minted, and nothing is slashed.
  const m = months[0];
  const records = dailyRecords(m, thousandths(CONFIDENTIAL_WELL.volume) * 10n).map(([d, vol]) => [confidential, d, vol]);
  await send(api, eve, api.tx.wells.uploadBatch(records));
  const held = async () => (await api.query.producers.producerRecords(eve.address)).unwrap().deposit.toBigInt();
  const before = await held();
  await expectError(send(api, eve, api.tx.auditMint.mint(confidential, m)), 'auditMint.NoOfficialFigure');
  if ((await held()) !== before) fail('the deposit changed on a refused mint');
  if ((await api.query.auditMint.auditRecords(confidential, m)).isSome) fail('an audit record exists');
  console.log(`mint of the confidential well's ${monthText(m)} refused (auditMint.NoOfficialFigure); deposit unchanged`);
  console.log('data-rules: ok');
} catch (e) {
  console.log(`FAILED: ${e.stack}`);
  process.exitCode = 1;
} finally {
  await api.disconnect();
}
