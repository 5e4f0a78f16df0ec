// Real-data rules on the 4-validator network (issue 15): a confidential well — Petrinex masks
// its identifier (`***`) but publishes its volume and reporting facility — gets no official
// figure (unknown: no mint, no slash, never 0), and a well whose identifier also has rows of
// another operator (OperatorBAID) gets only its own operator's volume. Eve (admitted by the
// life test) registers both; Bob reviews them; the offchain workers of all four validators feed.
// Then a licence transfer (issue 25, H1): Eve mints the shared well's oldest month, governance
// (sudo on the local chain) transfers the well to Ferdie, whose KYB recorded exactly the other
// operator's code (Z9Y8, whose 500 e³m³ rows the file carries for this identifier); Bob passes it
// again. Every polled month was Eve's: the workers keep matching it against her code (A1B2) —
// 7.000 e³m³, never Z9Y8's rows and never 0 — and the audited month is not amended.
import { connect, devAccounts, send, sendAll, expectError, waitUntil, waitBlocks } from '../lib/client.mjs';
import { bindCommitment } from '../lib/commitment.mjs';
import {
  CONFIDENTIAL_WELL, SHARED_WELL, polledMonths, monthText, thousandths, wellCommitment, dailyRecords,
} from '../lib/plan.mjs';
import { rpc } from './env.mjs';

const api = await connect(rpc.alice);
const { alice, bob, charlie, eve, ferdie } = await devAccounts();
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

  // H1: a licence transfer keeps the seller's months.
  await send(api, eve, api.tx.wells.uploadBatch(dailyRecords(m, own).map(([d, vol]) => [shared, d, vol])));
  await send(api, eve, api.tx.auditMint.mint(shared, m));
  const minted = (await api.query.auditMint.auditRecords(shared, m)).unwrap();
  if (minted.officialVolume.toBigInt() !== own) fail(`the shared well's ${monthText(m)} audited on ${minted.officialVolume}`);
  const salt = new Uint8Array(32).fill(0xf5);
  const kyb = bindCommitment(salt, ferdie.address, 'Ferdie Resources Inc. — certificate of incorporation, AB 2026');
  const kyc = bindCommitment(salt, ferdie.address, 'Ferdie Resources Inc. — representative passport scan');
  const buyerCode = SHARED_WELL.other.operator;
  await send(api, ferdie, api.tx.producers.apply(0, kyb));
  await send(api, charlie, api.tx.producers.judgeKyb(ferdie.address, kyb, true, [buyerCode]));
  await send(api, ferdie, api.tx.producers.submitKyc(kyc));
  await send(api, charlie, api.tx.producers.judgeKyc(ferdie.address, kyc, true));
  await send(api, alice, api.tx.sudo.sudo(api.tx.wells.transferWell(shared, ferdie.address, buyerCode)));
  const moved = (await api.query.wells.wellRegistry(shared)).unwrap();
  if (moved.owner.toString() !== ferdie.address) fail(`the transfer did not happen: owner ${moved.owner}`);
  const former = (await api.query.wells.formerOperators(shared)).map(([until, code]) => `${code.toUtf8()} until day ${until}`);
  console.log(`well #${shared} transferred to Ferdie (operator ${buyerCode}); former codes kept: ${former.join(', ')}`);
  await send(api, bob, api.tx.wells.reviewWell(shared, true, ''));
  await waitBlocks(api, 8, 'feed rounds after the transfer');
  for (const mm of months) {
    const o = await api.query.oracle.values({ Production: [shared, mm] });
    const v = o.isSome ? o.unwrap().value.asProduction.volume.toBigInt() : null;
    if (v !== own) fail(`after the transfer the official ${monthText(mm)} of well #${shared} is ${v}, want ${own} (Eve's rows)`);
    const raws = (await api.query.oracle.rawValues.entries()).filter(([k]) => k.args[1].isProduction
      && k.args[1].asProduction[0].toNumber() === shared
      && monthText(k.args[1].asProduction[1].toJSON()) === monthText(mm));
    const other = raws.filter(([, r]) => r.unwrap().value.asProduction.volume.toBigInt() !== own);
    if (other.length) fail(`feeders ${other.map(([k]) => k.args[0].toString()).join(', ')} sent another figure for ${monthText(mm)} after the transfer`);
  }
  const after = (await api.query.auditMint.auditRecords(shared, m)).unwrap();
  if (after.amended.isSome || (await api.query.auditMint.unsettled(shared, m)).isSome) fail(`the seller's audited ${monthText(m)} was amended after the transfer`);
  console.log(`after the transfer: ${months.map(monthText).join(', ')} still ${SHARED_WELL.volume} e³m³ from Eve's code ${SHARED_WELL.operator} (not ${buyerCode}'s ${SHARED_WELL.other.volume}, not 0); ${monthText(m)} minted by Eve, not amended`);
  console.log('data-rules: ok');
} catch (e) {
  console.log(`FAILED: ${e.stack}`);
  process.exitCode = 1;
} finally {
  await api.disconnect();
}
