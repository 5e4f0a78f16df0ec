// A producer's whole life through a real client, shared by the demo (narrated) and the zombienet
// test (asserted): KYB → KYC → deposit → two wells pass review (two beneficiaries each) → a
// month of daily uploads per well and month → official figures and prices arrive through the
// offchain workers → one mint per month, each in a different band of the deviation table.
//
// Every number the chain reports is recomputed here independently from the rules (valuation,
// deviation table, beneficiary split, USD → UNIT) and compared exactly; any difference throws.
import { blake2AsU8a } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
import {
  UNIT, ONE_TAT, send, sendAll, expectError, waitUntil, fmtTat, fmtUsd, fmtUnit, tatBalance,
} from './client.mjs';
import { bindCommitment } from './commitment.mjs';
import { dailyRecords, firstDay, lastDay, monthText, wellCommitment, ymd, PRICE_LOOKBACK_DAYS } from './plan.mjs';

const PERBILL = 1_000_000_000n;
const BBL_PER_M3_E5 = 628_981n; // 1 m³ = 6.28981 bbl
const LOOKBACK_DAYS = PRICE_LOOKBACK_DAYS;
const FALLBACK_PRICES = 10;
const mulFloor = (parts, x) => (x * parts) / PERBILL;

/** The chain's valuation of one day (atto-USD): primitives/src/valuation.rs. */
function dayValue(commodity, volume, priceMicro, discountParts, mmbtuMilli) {
  if (commodity === 'Oil') return mulFloor(discountParts, volume * BBL_PER_M3_E5 * priceMicro * 10_000n);
  return volume * mmbtuMilli * priceMicro * 1_000_000n;
}

/** The deviation table (primitives/src/audit.rs), with the governance parameters given. */
export function auditTable(p, o, v, { minor, major, slashRatio }) {
  if (o === 0n) {
    if (p === 0n) return { band: 'Empty', minted: 0n, slash: 0n };
    return { band: 'NoOfficialProduction', minted: 0n, slash: mulFloor(slashRatio, v) };
  }
  if (p <= o) return { band: p === o ? 'Exact' : 'Under', minted: v, slash: 0n };
  const excess = p - o;
  const corrected = (v * o) / p;
  if (excess * PERBILL <= minor * o) return { band: 'Minor', minted: corrected, slash: 0n };
  if (excess * PERBILL <= major * o) return { band: 'Moderate', minted: corrected, slash: mulFloor(slashRatio, (v * excess) / p) };
  return { band: 'Major', minted: corrected, slash: mulFloor(slashRatio, corrected) };
}

/** Reads a dynamic parameter of pallet-parameters (or its default when unset). */
async function param(api, group, name, dflt) {
  const key = { [group]: { [name]: null } };
  try {
    const v = await api.query.parameters.parameters(key);
    if (v.isSome) {
      const json = v.unwrap().toJSON();
      const inner = Object.values(Object.values(json)[0])[0];
      return inner;
    }
  } catch (_) { /* fall back */ }
  return dflt;
}

async function prices(api, commodity, from, to) {
  const days = [];
  for (let d = from; d <= to; d++) days.push(d);
  const values = await api.query.oracle.values.multi(days.map((d) => ({ Price: [commodity, d] })));
  const out = new Map();
  values.forEach((v, i) => {
    if (v.isSome) {
      const fv = v.unwrap().value;
      if (fv.isPrice) out.set(days[i], fv.asPrice.toBigInt());
    }
  });
  return out;
}

/**
 * V of a month as the chain computes it (atto-USD) and how many days had their own price: the
 * seed's Σ of day values, capped at the month's volume spread evenly over its priced days from
 * the well's activation (or its first upload, if earlier) to the month's end
 * (tn_primitives::valuation::month_value, issue 25 H3).
 */
async function expectedValue(api, commodity, month, records, discountParts, mmbtuMilli, activated) {
  const start = firstDay(month) - LOOKBACK_DAYS;
  const known = await prices(api, commodity, start, lastDay(month));
  const priceOn = (day) => {
    if (known.has(day)) return known.get(day);
    const earlier = [];
    for (let d = day - 1; d >= start && earlier.length < FALLBACK_PRICES; d--) {
      if (known.has(d)) earlier.push(known.get(d));
    }
    return earlier.length ? earlier.reduce((a, b) => a + b, 0n) / BigInt(earlier.length) : undefined;
  };
  let byDays = 0n;
  let volume = 0n;
  let dayPrices = 0;
  let firstUpload = lastDay(month);
  for (const [day, v] of records) {
    if (known.has(day)) dayPrices++;
    byDays += dayValue(commodity, v, priceOn(day) ?? 0n, discountParts, mmbtuMilli);
    volume += v;
    firstUpload = Math.min(firstUpload, day);
  }
  const from = Math.max(firstDay(month), activated === undefined ? firstUpload : Math.min(activated, firstUpload));
  let sum = 0n;
  let n = 0n;
  for (let d = from; d <= lastDay(month); d++) {
    const p = priceOn(d);
    if (p === undefined) continue;
    sum += dayValue(commodity, volume, p, discountParts, mmbtuMilli);
    n++;
  }
  const even = n === 0n ? byDays : sum / n;
  const value = byDays < even ? byDays : even;
  return { value: value > 0n ? value : 0n, dayPrices };
}

function check(what, got, want) {
  if (got !== want) throw new Error(`MISMATCH ${what}: chain ${got}, expected ${want}`);
}

/**
 * Runs the life. `plan` comes from plan.mjs `lifePlan`; `say(text)` narrates; returns a summary.
 * Accounts: Eve producer, Charlie KYC verifier, Bob Foundation Manager, Ferdie 20 % and
 * Dave 10 % beneficiaries of each well.
 */
export async function producerLife(api, acc, plan, { say = console.log, depositUnits = 100n } = {}) {
  // Bob reviews: Alice is also the dev chain's oracle feeder, and her offchain worker signs feeds
  // with her account's nonces — a client transaction of hers at the same moment would replace one.
  const { bob, charlie, dave, eve, ferdie } = acc;
  // Commitments bound to Eve's account (issue 25, M5): blake2b-256(salt ‖ account ‖ H(document)).
  const salt = new Uint8Array(32).fill(0x5e);
  const kyb = bindCommitment(salt, eve.address, 'Eve Energy Ltd. — certificate of incorporation, AB 2026');
  const kyc = bindCommitment(salt, eve.address, 'Eve Energy Ltd. — representative passport scan');

  say('\n1. Onboarding: KYB, then KYC, judged by Charlie (KYC verifier); only hashes go on chain');
  await expectError(send(api, eve, api.tx.producers.submitKyc(kyc)), 'producers.NoApplication');
  say('   KYC before an application is refused: producers.NoApplication');
  await send(api, eve, api.tx.producers.apply(0, kyb));
  say(`   Eve applied for asset class 0 with KYB ${u8aToHex(kyb).slice(0, 18)}…`);
  // The KYB documents name Eve's Petrinex operator codes (OperatorBAID): the approval records them.
  const operators = [...new Set(plan.map((w) => w.operator))];
  await send(api, charlie, api.tx.producers.judgeKyb(eve.address, kyb, true, operators));
  say(`   Charlie approved the KYB, recording operator code(s) ${operators.join(', ')}`);
  await send(api, eve, api.tx.producers.submitKyc(kyc));
  await send(api, charlie, api.tx.producers.judgeKyc(eve.address, kyc, true));
  say('   Eve submitted KYC, Charlie approved it: Eve is an admitted producer');
  const deposit = depositUnits * UNIT;
  await send(api, eve, api.tx.producers.deposit(deposit));
  say(`   Eve put ${fmtUnit(deposit)} on hold as her deposit (保证金)`);

  say('\n2. Wells: submitted with the Petrinex identifier as a commitment, reviewed by Bob (Foundation Manager)');
  const wells = [];
  const submits = plan.map((w) => [eve, api.tx.wells.submitWell(
    0, w.commodity, wellCommitment(w.id), blake2AsU8a(`licence ${w.id}`, 256),
    w.commodity === 'Oil' ? { apiGravityX100: 3_500, acidityBp: 30 } : null,
    w.operator, w.facility,
  )]);
  for (const r of await sendAll(api, submits)) {
    const ev = r.events.find((e) => api.events.wells.WellSubmitted.is(e));
    wells.push(ev.data.well.toNumber());
  }
  const beneficiaries = [[ferdie.address, 200_000_000], [dave.address, 100_000_000]];
  await sendAll(api, wells.flatMap((id) => [
    [bob, api.tx.wells.reviewWell(id, true, '')],
    [eve, api.tx.wells.setBeneficiaries(id, beneficiaries)],
  ]));
  for (const [i, w] of plan.entries()) {
    const info = (await api.query.wells.wellRegistry(wells[i])).unwrap();
    w.wellId = wells[i];
    w.discount = info.discount.toBigInt();
    say(`   well #${w.wellId} ${w.id} (${w.commodity}) ${info.status.type}, ${w.commodity === 'Oil' ? `price discount ${Number(w.discount) / 1e7} %` : 'gas: no discount'}, `
      + 'beneficiaries Ferdie 20 %, Dave 10 % (Eve keeps 70 % and the rounding dust)');
  }

  say('\n3. Daily uploads: one batch of every day of the months below');
  const records = [];
  for (const w of plan) {
    for (const m of w.months) {
      m.records = dailyRecords(m.month, m.producer);
      for (const [day, vol] of m.records) records.push([w.wellId, day, vol]);
    }
  }
  await send(api, eve, api.tx.wells.uploadBatch(records));
  const unit = (w) => (w.commodity === 'Oil' ? 'L' : 'm³');
  for (const w of plan) {
    for (const m of w.months) {
      say(`   well #${w.wellId} ${monthText(m.month)}: ${m.records.length} days, P = ${m.producer} ${unit(w)}`
        + ` (${ymd(m.records[0][0])} … ${ymd(m.records[m.records.length - 1][0])})`);
    }
  }
  const day0 = plan[0].months[0].records[0][0];
  await expectError(send(api, eve, api.tx.wells.uploadProduction(plan[0].wellId, day0, 1)), 'wells.DuplicateDay');
  say(`   a second record for ${ymd(day0)} is refused: wells.DuplicateDay`);

  say('\n4. Official production (Petrinex) and prices (EIA) arrive through the offchain workers');
  for (const w of plan) {
    for (const m of w.months) {
      const key = { Production: [w.wellId, m.month] };
      const v = await waitUntil(api, `official ${w.id} ${monthText(m.month)}`, async () => {
        const o = await api.query.oracle.values(key);
        return o.isSome ? o.unwrap().value.asProduction : null;
      }, { timeoutMs: 600_000 });
      check(`official volume of ${w.id} ${monthText(m.month)}`, v.volume.toBigInt(), m.official);
    }
  }
  const priceCount = (await api.query.oracle.values.keys()).filter((k) => k.args[0].isPrice).length;
  say(`   the oracle holds ${priceCount} daily prices (WTI and Henry Hub)`);

  const bands = await param(api, 'Audit', 'DeviationBands', { minor: 100_000_000, major: 300_000_000 });
  const params = {
    minor: BigInt(bands.minor),
    major: BigInt(bands.major),
    slashRatio: BigInt(await param(api, 'Audit', 'SlashRatio', 10_000_000)),
  };
  const mmbtuMilli = BigInt(await param(api, 'Wells', 'MmbtuPerE3m3Milli', 36_585));

  say('\n5. Mint: the chain audits each month against the official figure');
  const who = { eve: eve.address, ferdie: ferdie.address, dave: dave.address };
  const tatBefore = {};
  for (const [n, a] of Object.entries(who)) tatBefore[n] = await tatBalance(api, a);
  const supplyBefore = (await api.query.assets.asset(1)).unwrap().supply.toBigInt();
  let expectedDeposit = deposit;
  let expectedDebt = 0n;
  const expectedTat = { ...tatBefore };
  const rows = [];
  const mints = [];
  for (const w of plan) for (const m of w.months) mints.push([eve, api.tx.auditMint.mint(w.wellId, m.month)]);
  await sendAll(api, mints);
  for (const w of plan) {
    for (const m of w.months) {
      const rec = (await api.query.auditMint.auditRecords(w.wellId, m.month)).unwrap();
      const reg = (await api.query.wells.wellRegistry(w.wellId)).unwrap();
      const activated = reg.activated.isSome ? reg.activated.unwrap().toNumber() : undefined;
      const { value: v, dayPrices } = await expectedValue(api, w.commodity, m.month, m.records, w.discount, mmbtuMilli, activated);
      const t = auditTable(m.producer, m.official, v, params);
      const label = `${w.id} ${monthText(m.month)}`;
      check(`P ${label}`, rec.producerVolume.toBigInt(), m.producer);
      check(`O ${label}`, rec.officialVolume.toBigInt(), m.official);
      check(`V ${label}`, rec.value.toBigInt(), v);
      check(`band ${label}`, rec.outcome.band.type, t.band);
      check(`minted ${label}`, rec.outcome.minted.toBigInt(), t.minted);
      check(`slash ${label}`, rec.outcome.slash.toBigInt(), t.slash);
      check(`days priced ${label}`, rec.pricing.dayPrices.toNumber(), dayPrices);
      // Beneficiaries: floor(ratio × minted); Eve the rest.
      const fer = mulFloor(200_000_000n, t.minted);
      const dav = mulFloor(100_000_000n, t.minted);
      const shares = new Map(rec.beneficiaries.map(([a, x]) => [a.toString(), x.toBigInt()]));
      check(`Ferdie's TAT ${label}`, shares.get(ferdie.address) ?? 0n, t.minted > 0n ? fer : (shares.get(ferdie.address) ?? 0n));
      check(`Dave's TAT ${label}`, shares.get(dave.address) ?? 0n, t.minted > 0n ? dav : (shares.get(dave.address) ?? 0n));
      check(`Eve's TAT ${label}`, rec.producerShare.toBigInt(), t.minted - fer - dav);
      expectedTat.ferdie += fer;
      expectedTat.dave += dav;
      expectedTat.eve += t.minted - fer - dav;
      // USD → UNIT at 1 UNIT per USD (18 → 12 decimals, rounded down); debt when the hold is short.
      const due = (t.slash * UNIT) / ONE_TAT;
      check(`slash due ${label}`, rec.slashDue.toBigInt(), due);
      const slashed = due < expectedDeposit ? due : expectedDeposit;
      expectedDeposit -= slashed;
      expectedDebt += due - slashed;
      check(`slashed ${label}`, rec.slashed.toBigInt(), slashed);
      check(`new debt ${label}`, rec.newDebt.toBigInt(), due - slashed);
      const dPpb = rec.outcome.deviationPpb.isSome ? rec.outcome.deviationPpb.unwrap().toBigInt() : null;
      rows.push({
        well: `#${w.wellId} ${w.commodity}`, month: monthText(m.month), P: m.producer, O: m.official,
        d: dPpb === null ? '—' : `${(Number(dPpb) / 1e7).toFixed(2)} %`, band: t.band,
        V: fmtUsd(v), "V'": fmtUsd(t.minted), slash: fmtUnit(due),
        Eve: fmtTat(t.minted - fer - dav), Ferdie: fmtTat(fer), Dave: fmtTat(dav),
      });
    }
  }
  for (const r of rows) {
    say(`\n   well ${r.well}, ${r.month}: P = ${r.P}, O = ${r.O}, d = ${r.d} → ${r.band}`);
    say(`     V = ${r.V}, V' (minted) = ${r["V'"]}, slash = ${r.slash}`);
    say(`     TAT: Eve ${r.Eve}, Ferdie ${r.Ferdie}, Dave ${r.Dave}`);
  }

  say('\n6. Balances after the audits (all recomputed independently and equal):');
  for (const [n, a] of Object.entries(who)) {
    const b = await tatBalance(api, a);
    check(`TAT of ${n}`, b, expectedTat[n]);
    say(`   ${n.padEnd(6)} ${fmtTat(b)}`);
  }
  const supply = (await api.query.assets.asset(1)).unwrap().supply.toBigInt();
  check('TAT supply', supply - supplyBefore, expectedTat.eve + expectedTat.ferdie + expectedTat.dave
    - tatBefore.eve - tatBefore.ferdie - tatBefore.dave);
  const prod = (await api.query.producers.producerRecords(eve.address)).unwrap();
  check("Eve's deposit", prod.deposit.toBigInt(), expectedDeposit);
  check("Eve's debt", prod.debt.toBigInt(), expectedDebt);
  say(`   TAT supply ${fmtTat(supply)}; Eve's deposit ${fmtUnit(expectedDeposit)}, debt ${fmtUnit(expectedDebt)}`);

  if (expectedDebt > 0n) {
    const topUp = expectedDebt + 50n * UNIT;
    await send(api, eve, api.tx.producers.deposit(topUp));
    const after = (await api.query.producers.producerRecords(eve.address)).unwrap();
    check('debt after top-up', after.debt.toBigInt(), 0n);
    check('deposit after top-up', after.deposit.toBigInt(), expectedDeposit + 50n * UNIT);
    say(`   the deposit was short: debt ${fmtUnit(expectedDebt)}. Eve deposits ${fmtUnit(topUp)}: the debt is repaid`
      + ` first, ${fmtUnit(50n * UNIT)} goes on hold`);
  }
  await expectError(send(api, eve, api.tx.auditMint.mint(plan[0].wellId, plan[0].months[0].month)), 'auditMint.AlreadyAudited');
  say('   minting a month twice is refused: auditMint.AlreadyAudited');
  return { rows, wells, expectedTat, deposit: expectedDeposit, debt: expectedDebt };
}
