// A runtime upgrade through governance on the live 4-validator network, while a producer keeps
// uploading. The network runs the node's runtime; the upgrade is the same runtime with
// spec + 1 (built by scripts/zombienet with the runtime's `upgrade-test` feature, TN_UPGRADE_WASM).
//
// 1. Alice (sudo, local chain) puts the wells pallet's storage back where a chain from before
//    the upload-window reminders stands: storage version 4, no reminder queue, no owner index
//    and no stored review queue. The upgrade must then run `pallet_wells::migration::v5` and
//    `v6` — each exactly once.
// 2. A referendum authorises the new code (`system.authorizeUpgrade(hash)`: launch, votes of
//    Alice and Bob, enactment by the scheduler); anyone then supplies the code
//    (`system.applyAuthorizedUpgrade`). Eve uploads a day every few seconds throughout.
// 3. After it: spec + 1, blocks and finality continue, the wells pallet is at version 6 with one
//    reminder per activated well, every well in its owner's index and the wells awaiting review
//    queued, every validator logged both migrations, and every audit
//    record, producer record (deposit, debt), well deposit, producer's hold and TAT balance is
//    unchanged.
import { readFileSync, writeFileSync } from 'node:fs';
import { hexToU8a } from '@polkadot/util';
import { blake2AsHex, xxhashAsHex } from '@polkadot/util-crypto';
import { connect, devAccounts, send, waitUntil, UNIT } from '../lib/client.mjs';
import { today, monthOf, ymd } from '../lib/plan.mjs';
import { rpc } from './env.mjs';

const api = await connect(rpc.alice);
const acc = await devAccounts();
const say = (s) => console.log(s);
let failed = false;
const check = (ok, what) => {
  say(`${ok ? '✓' : '✗'} ${what}`);
  if (!ok) failed = true;
};
/** `check` for waitUntil, false while the connection is being re-established. */
const tolerant = (check) => async () => {
  try {
    return await check();
  } catch (e) {
    say(`  (${e.message}; retrying)`);
    return false;
  }
};
const best = async () => (await api.rpc.chain.getHeader()).number.toNumber();
const finalized = async () => (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
const specVersion = async () => (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber();
// A pallet's storage version: u16 at twox128(pallet) ++ twox128(":__STORAGE_VERSION__:").
const versionKey = `${xxhashAsHex('Wells', 128)}${xxhashAsHex(':__STORAGE_VERSION__:', 128).slice(2)}`;
async function wellsVersion() {
  const [v] = await http([['state_getStorage', [versionKey]]]);
  return v ? api.createType('u16', hexToU8a(v)).toNumber() : 0; // SCALE: little-endian bytes
}

/**
 * What the upgrade must not touch, as hex by storage key: audit records, producer records
 * (deposit, debt), well deposits, the producers' holds (their deposits as the balances pallet
 * holds them), TAT accounts and supply. (Other holds move: Alice's preimage of the proposal.)
 */
async function ledgerState() {
  const out = new Map();
  const add = (entries) => { for (const [k, v] of entries) out.set(k.toHex(), v.toHex()); };
  add(await api.query.auditMint.auditRecords.entries());
  const producers = await api.query.producers.producerRecords.entries();
  add(producers);
  add(await api.query.wells.wellDeposits.entries());
  for (const [k] of producers) {
    const who = k.args[0];
    out.set(`holds of ${who.toString()}`, (await api.query.balances.holds(who)).toHex());
  }
  add(await api.query.assets.account.entries(1));
  out.set('TAT supply', (await api.query.assets.asset(1)).toHex());
  return out;
}

/** The newest day ≤ `from` without a record of `well`, in a month still open for uploads. */
async function freeDay(well, from) {
  for (let day = from; day > today() - 300; day--) {
    if ((await api.query.wells.dayRecords(well, day)).isSome) continue;
    const ledger = await api.query.wells.ledgers(well, monthOf(day));
    if (ledger.isSome && !ledger.unwrap().status.isOpen) continue;
    return day;
  }
  throw new Error(`no free day for well #${well}`);
}

/** JSON-RPC over HTTP to Alice: one request, or a batch when `calls` is a list of [method, params]. */
async function http(calls) {
  const batch = calls.map(([method, params], id) => ({ jsonrpc: '2.0', id, method, params }));
  const r = await fetch(rpc.alice.replace('ws://', 'http://'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(batch),
  });
  const out = await r.json();
  return out.sort((a, b) => a.id - b.id).map((x) => {
    if (x.error) throw new Error(`${calls[x.id][0]}: ${x.error.message}`);
    return x.result;
  });
}

/** Every key/value pair of the best block into `path` (JSON: block number and hash, pairs). */
async function saveSnapshot(path) {
  const hash = (await api.rpc.chain.getBlockHash(await best())).toHex();
  const keys = [];
  for (let start = null; ;) {
    const [page] = await http([['state_getKeysPaged', ['0x', 1000, start, hash]]]);
    keys.push(...page);
    if (page.length < 1000) break;
    start = page[page.length - 1];
  }
  const pairs = [];
  for (let i = 0; i < keys.length; i += 200) {
    const chunk = keys.slice(i, i + 200);
    const values = await http(chunk.map((k) => ['state_getStorage', [k, hash]]));
    chunk.forEach((k, n) => pairs.push([k, values[n]]));
  }
  const block = (await api.rpc.chain.getHeader(hash)).number.toNumber();
  writeFileSync(path, JSON.stringify({ block, hash, pairs }));
  say(`snapshot of ${pairs.length} keys at block #${block} saved to ${path}`);
}

try {
  const code = readFileSync(process.env.TN_UPGRADE_WASM);
  const codeHash = blake2AsHex(code, 256);
  const spec0 = await specVersion();
  say(`runtime spec ${spec0}; upgrade code ${code.length} bytes, hash ${codeHash}`);

  // 1. The wells pallet as a chain before the reminders holds it.
  await send(api, acc.alice, api.tx.sudo.sudo(api.tx.system.setStorage([[versionKey, '0x0400']])));
  const reminderKeys = (await api.query.wells.windowReminders.keys()).map((k) => k.toHex());
  const indexKeys = [...await api.query.wells.wellsByOwner.keys(), ...await api.query.wells.reviewQueue.keys()].map((k) => k.toHex());
  await send(api, acc.alice, api.tx.sudo.sudo(api.tx.system.killStorage([...reminderKeys, ...indexKeys, api.query.wells.reminderCursor.key()])));
  const wells = await api.query.wells.wellRegistry.entries();
  const reminded = wells.filter(([, w]) => w.unwrap().activated.isSome && !w.unwrap().status.isRemoved).length;
  const awaiting = wells.filter(([, w]) => w.unwrap().status.isInReview || w.unwrap().annualReview.isSubmitted).length;
  check((await wellsVersion()) === 4 && (await api.query.wells.windowReminders.entries()).length === 0
    && (await api.query.wells.wellsByOwner.keys()).length === 0 && (await api.query.wells.reviewQueue.keys()).length === 0,
    `wells pallet put back to storage version 4 without reminders and indexes (${wells.length} wells, ${reminded} activated, ${awaiting} awaiting review; ${indexKeys.length} index keys removed)`);
  // The state the upgrade starts from, for scripts/try-runtime (the migrations' checks offline).
  await saveSnapshot(`${process.env.TN_ZN_NET}/../snapshot-v4.json`);
  const before = await ledgerState();
  say(`ledger before: ${before.size} entries (audit records, producer records, well deposits, producers' holds, TAT accounts and supply)`);

  // Eve keeps uploading: one day every 4 s, newest first, into an open month of an active well.
  const eve = acc.eve.address;
  const active = wells.filter(([, w]) => w.unwrap().owner.toString() === eve && w.unwrap().status.isActive);
  if (active.length === 0) throw new Error('Eve has no active well (the life test runs first)');
  const wellId = active[0][0].args[0].toNumber();
  const uploaded = [];
  let uploading = true;
  // A dropped connection (the client reconnects by itself) or a transaction lost around the
  // upgrade is retried on the next round; what counts is what is on chain at the end.
  const uploader = (async () => {
    for (let day = today() - 1; uploading; ) {
      try {
        day = await freeDay(wellId, day);
        await send(api, acc.eve, api.tx.wells.uploadProduction(wellId, day, 1_000 + uploaded.length));
        uploaded.push(day);
        day -= 1;
      } catch (e) {
        say(`  (upload of ${ymd(day)} retried: ${e.message})`);
      }
      await new Promise((r) => setTimeout(r, 4_000));
    }
  })();

  // 2. The referendum: authorise the code hash.
  const call = api.tx.system.authorizeUpgrade(codeHash);
  await send(api, acc.alice, api.tx.preimage.notePreimage(call.method.toHex()));
  const proposal = { Lookup: { hash: call.method.hash.toHex(), len: call.method.encodedLength } };
  const refCount = (await api.query.democracy.referendumCount()).toNumber();
  const t0 = await best();
  await send(api, acc.alice, api.tx.democracy.propose(proposal, UNIT));
  await waitUntil(api, `referendum #${refCount} launched`, async () => (await api.query.democracy.referendumInfoOf(refCount)).isSome);
  const vote = { Standard: { vote: { aye: true, conviction: 'Locked1x' }, balance: 1_000n * UNIT } };
  await send(api, acc.alice, api.tx.democracy.vote(refCount, vote));
  await send(api, acc.bob, api.tx.democracy.vote(refCount, vote));
  await waitUntil(api, 'the upgrade authorised by the referendum', async () => (await api.query.system.authorizedUpgrade()).isSome, { timeoutMs: 240_000 });
  say(`  authorised ${(await best()) - t0} blocks after the proposal`);
  const applied = await send(api, acc.ferdie, api.tx.system.applyAuthorizedUpgrade(`0x${code.toString('hex')}`), { timeoutMs: 180_000 });
  // The block's events, read raw at that block and decoded with the api's registry: both the
  // api's decoded result of a code change and `api.at(block)` (whose registry for the block of a
  // code change misreads this runtime's events: "createType(Lookup159) … on operational") are
  // unreliable in @polkadot/api 17. The two runtimes' metadata are the same but for
  // spec_version, so the api's registry reads both.
  const rawEvents = await api.rpc.state.getStorage(api.query.system.events.key(), applied.block);
  const events = api.registry.createType('Vec<FrameSystemEventRecord>', rawEvents.toU8a(true))
    .map(({ event }) => `${event.section}.${event.method}`);
  check(events.includes('system.CodeUpdated'), `the code supplied by Ferdie: system.CodeUpdated in block ${applied.block.toHex().slice(0, 10)}… (${events.filter((e) => e.startsWith('system.') && !e.startsWith('system.Extrinsic')).join(', ')})`);
  const upgradeBlock = await best();
  await waitUntil(api, `the runtime at spec ${spec0 + 1}`, tolerant(async () => (await specVersion()) === spec0 + 1), { timeoutMs: 120_000 });

  // 3. After it.
  const h = await best();
  const f = await finalized();
  await waitUntil(api, 'blocks and finality 5 blocks past the upgrade', tolerant(async () => (await finalized()) >= Math.max(h, f) + 5), { timeoutMs: 180_000 });
  uploading = false;
  await uploader;
  const version = await wellsVersion();
  const reminders = await api.query.wells.windowReminders.entries();
  const perWell = new Map();
  for (const [k] of reminders) perWell.set(k.args[1].toNumber(), (perWell.get(k.args[1].toNumber()) ?? 0) + 1);
  check(version === 6, `wells pallet at storage version ${version} (6)`);
  check(reminders.length === reminded && [...perWell.values()].every((n) => n === 1),
    `one upload-window reminder per activated well: ${reminders.length} reminders for ${reminded} wells`);
  const owned = await api.query.wells.wellsByOwner.keys();
  const indexed = owned.every((k) => wells.some(([wk, w]) => wk.args[0].eq(k.args[1]) && w.unwrap().owner.eq(k.args[0])));
  const queue = (await api.query.wells.reviewQueue.keys()).length;
  check(owned.length === wells.length && indexed && queue === awaiting,
    `wells indexed by owner (${owned.length} entries for ${wells.length} wells) and ${queue} queued for review (${awaiting} awaiting)`);
  const last = await api.query.system.lastRuntimeUpgrade();
  check(last.unwrap().specVersion.toNumber() === spec0 + 1, `LastRuntimeUpgrade: spec ${last.unwrap().specVersion.toNumber()}`);
  // Every validator executed the migration (its log line; a node that also executes a competing
  // block of the same height logs it once more — the chain state above shows it took effect once).
  for (const node of ['alice', 'bob', 'charlie', 'dave']) {
    let text = '';
    try { text = readFileSync(`${process.env.TN_ZN_NET}/${node}.log`, 'utf8'); } catch { /* below */ }
    const lines = text.match(/v5: \d+ upload-window reminders scheduled/g) ?? [];
    const v6 = text.match(/v6: \d+ wells indexed by owner, \d+ in the review queue/g) ?? [];
    check(lines.length >= 1 && lines.every((l) => l === `v5: ${reminded} upload-window reminders scheduled`)
      && v6.length >= 1 && v6.every((l) => l === `v6: ${wells.length} wells indexed by owner, ${awaiting} in the review queue`),
      `${node}: the v5 and v6 migrations ran (${lines[0] ?? 'no v5 line'}; ${v6[0] ?? 'no v6 line'})`);
  }
  const after = await ledgerState();
  const changed = [...before].filter(([k, v]) => after.get(k) !== v).map(([k]) => k);
  const added = [...after.keys()].filter((k) => !before.has(k));
  check(changed.length === 0 && added.length === 0,
    `audit records, producer records, well deposits, producers' holds and TAT balances unchanged (${before.size} entries; ${changed.length} changed${changed.length ? `: ${changed.slice(0, 3).join(', ')}` : ''}, ${added.length} new)`);
  // Eve's uploads before, during and after the upgrade are all on chain.
  const lastDay = await freeDay(wellId, Math.min(...uploaded) - 1);
  await send(api, acc.eve, api.tx.wells.uploadProduction(wellId, lastDay, 999));
  uploaded.push(lastDay);
  const present = await Promise.all(uploaded.map((d) => api.query.wells.dayRecords(wellId, d)));
  check(uploaded.length >= 3 && present.every((r) => r.isSome),
    `Eve's ${uploaded.length} uploads (${ymd(uploaded[0])} … ${ymd(uploaded[uploaded.length - 1])}) around upgrade block #${upgradeBlock} recorded`);
} catch (e) {
  console.log(`FAILED: ${e.stack}`);
  failed = true;
} finally {
  await api.disconnect();
}
process.exitCode = failed ? 1 : 0;
