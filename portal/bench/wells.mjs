// Benchmark (not a test): the WellManagement page with many wells on a dev chain.
//   node bench/wells.mjs [wells=1000] [months=36]
// Registers `wells` wells for Eve (onboarded through the chain, reviewed by Bob), uploads one day
// in each of the last `months` months per well — at most 12 through `upload_batch`: uploads reach
// back 365 days, so a fresh chain cannot hold more. The older months (the 36 per well)
// are what a chain that has run three years holds: their ledgers (1 day, 1,000 units, open) are
// written with sudo `System.set_storage`, keys from papi's `getKey`. Then it measures in headless
// Chromium how long the WellManagement page takes from navigation until its table shows every
// well, and a well's months page (`AuditMint.months`: 36 months a call).
import { startChain, startPortal, startBrowser, openAs, go } from '../e2e/harness.mjs';

const [WELLS = 1000, MONTHS = 36] = process.argv.slice(2).map(Number);
const chain = await startChain();
const portal = await startPortal();
const browser = await startBrowser();
try {
  const { page } = await openAs(browser, portal.url, chain.rpcUrl, 'Eve');
  page.setDefaultTimeout(600_000);
  const t0 = Date.now();
  await page.evaluate(async ({ WELLS, MONTHS }) => {
    const { api, client, devAccounts } = window.tn;
    const acc = Object.fromEntries(devAccounts().map((a) => [a.name, a]));
    const nonces = {};
    for (const a of Object.values(acc)) nonces[a.name] = await api.apis.AccountNonceApi.account_nonce(a.address, { at: 'best' });
    const send = async (who, tx) => {
      const nonce = nonces[who.name]++; // taken before any await: consecutive nonces
      const best = (await client.getBestBlocks())[0].hash;
      return new Promise((res, rej) => {
        const sub = tx.signSubmitAndWatch(who.signer, { nonce, at: best }).subscribe({
          next: (e) => { if (e.type === 'txBestBlocksState' && e.found) { sub.unsubscribe(); e.ok ? res(e) : rej(new Error(JSON.stringify(e.dispatchError))); } },
          error: rej,
        });
      });
    };
    // Bulk: sign with consecutive nonces and hand the bytes to the node's pool directly
    // (author_submitExtrinsic), then wait for the chain to show the effect.
    const hex = (u8) => `0x${Array.from(u8, (b) => b.toString(16).padStart(2, '0')).join('')}`;
    const bulk = async (who, txs) => {
      const best = (await client.getBestBlocks())[0].hash;
      for (const tx of txs) {
        const nonce = nonces[who.name]++;
        const signed = await tx.sign(who.signer, { nonce, at: best, mortality: { mortal: false } });
        await client._request('author_submitExtrinsic', [hex(signed)]);
      }
    };
    const until = async (f) => { for (;;) { if (await f()) return; await new Promise((r) => setTimeout(r, 1000)); } };
    const h = (i, salt) => `0x${salt}${i.toString(16).padStart(62, '0')}`;
    const eve = acc.Eve; const charlie = acc.Charlie; const bob = acc.Bob;
    await send(eve, api.tx.Producers.apply({ asset_class: 0, kyb: h(1, 'aa') }));
    await send(charlie, api.tx.Producers.judge_kyb({ applicant: { type: 'Id', value: eve.address }, kyb: h(1, 'aa'), approve: true, operators: [new TextEncoder().encode('A1B2')] }));
    await send(eve, api.tx.Producers.submit_kyc({ kyc: h(2, 'aa') }));
    await send(charlie, api.tx.Producers.judge_kyc({ applicant: { type: 'Id', value: eve.address }, kyc: h(2, 'aa'), approve: true }));
    const first = await api.query.Wells.NextWellId.getValue({ at: 'best' });
    const submits = [];
    for (let i = 0; i < WELLS; i++) {
      submits.push(api.tx.Wells.submit_well({ asset_class: 0, commodity: { type: i % 2 ? 'Gas' : 'Oil', value: undefined }, identifier: h(i, 'bb'), docs: h(i, 'cc'), quality: i % 2 ? undefined : { api_gravity_x100: 3500, acidity_bp: 30 }, operator: new TextEncoder().encode('A1B2'), facility: new TextEncoder().encode(`ABBT${String(i).padStart(7, '0')}`) }));
    }
    await bulk(eve, submits);
    await until(async () => (await api.query.Wells.NextWellId.getValue({ at: 'best' })) >= first + WELLS);
    const reviews = [];
    for (let i = 0; i < WELLS; i++) reviews.push(api.tx.Wells.review_well({ well: first + i, pass: true, reason: new Uint8Array() }));
    await bulk(bob, reviews);
    await until(async () => (await api.query.Wells.ActiveWells.getValue(eve.address, { at: 'best' })) >= WELLS);
    const now = Number(await api.query.Timestamp.Now.getValue({ at: 'best' }));
    const today = Math.floor(now / 86_400_000);
    const records = [];
    const uploaded = Math.min(MONTHS, 12);
    for (let m = 0; m < uploaded; m++) {
      // the 2nd day of each of the last MONTHS months (this one first, if the 2nd is past)
      const d = new Date(today * 86_400_000);
      const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - m - (d.getUTCDate() > 2 ? 0 : 1), 2) / 86_400_000;
      for (let i = 0; i < WELLS; i++) records.push([first + i, day, 1000n]);
    }
    const ups = [];
    for (let i = 0; i < records.length; i += 2500) ups.push(api.tx.Wells.upload_batch({ records: records.slice(i, i + 2500) }));
    await bulk(eve, ups);
    const lastWell = first + WELLS - 1;
    await until(async () => (await api.query.Wells.Ledgers.getEntries(lastWell, { at: 'best' })).length >= uploaded);
    if (MONTHS > uploaded) {
      // MonthLedger { days: u8 = 1, volume: u64 = 1000, status: Open } (SCALE, little-endian).
      const ledger = '0x01e80300000000000000';
      const bytes = (hex) => Uint8Array.from(hex.slice(2).match(/../g), (b) => parseInt(b, 16));
      const d = new Date(today * 86_400_000);
      const items = [];
      for (let m = uploaded; m < MONTHS; m++) {
        const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - m - (d.getUTCDate() > 2 ? 0 : 1), 2));
        const month = { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1 };
        for (let i = 0; i < WELLS; i++) items.push([bytes(await api.query.Wells.Ledgers.getKey(first + i, month)), bytes(ledger)]);
      }
      // Alice (sudo) is also an oracle feeder: her offchain worker signs price feeds with her
      // account, so her nonce moves under us. Each call takes the pool-aware next nonce and is
      // signed again when a feed took it first.
      const alice = acc.Alice;
      for (let i = 0; i < items.length; i += 400) {
        const tx = api.tx.Sudo.sudo({ call: api.tx.System.set_storage({ items: items.slice(i, i + 400) }).decodedCall });
        for (let attempt = 0; ; attempt++) {
          const nonce = await client._request('system_accountNextIndex', [alice.address]);
          const best = (await client.getBestBlocks())[0].hash;
          const signed = await tx.sign(alice.signer, { nonce, at: best, mortality: { mortal: false } });
          try {
            await client._request('author_submitExtrinsic', [hex(signed)]);
            break;
          } catch (e) {
            if (attempt >= 10 || ![1010, 1014].includes(e.code)) throw e;
            await new Promise((r) => setTimeout(r, 1000));
          }
        }
      }
      await until(async () => (await api.query.Wells.Ledgers.getEntries(lastWell, { at: 'best' })).length >= MONTHS);
    }
  }, { WELLS, MONTHS });
  const setupS = (Date.now() - t0) / 1000;
  // Fresh page: from navigation to a table with every well.
  const { page: p2 } = await openAs(browser, portal.url, chain.rpcUrl, 'Eve');
  await go(p2, '#/');
  await p2.waitForTimeout(1000);
  const t1 = Date.now();
  await go(p2, '#/wells');
  await p2.waitForFunction((n) => document.querySelectorAll('[data-testid^="well-row-"]').length >= n, WELLS, { timeout: 120_000, polling: 20 });
  const wellsMs = Date.now() - t1;
  const t2 = Date.now();
  await go(p2, '#/wells/0');
  await p2.getByTestId('months-table').waitFor({ timeout: 120_000 });
  const monthsMs = Date.now() - t2;
  // Cold: a new browser context opening #/wells directly (connect, metadata, reads, render).
  const eveAddr = await p2.getByTestId('account-select').inputValue();
  const ctx3 = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await ctx3.addInitScript((a) => localStorage.setItem('tn.account', a), eveAddr);
  const p3 = await ctx3.newPage();
  const t3 = Date.now();
  await p3.goto(`${portal.url}?rpc=${encodeURIComponent(chain.rpcUrl)}#/wells`);
  await p3.waitForFunction((n) => document.querySelectorAll('[data-testid^="well-row-"]').length >= n, WELLS, { timeout: 120_000, polling: 20 });
  const coldMs = Date.now() - t3;
  console.log(JSON.stringify({ wells: WELLS, monthsPerWell: MONTHS, setupSeconds: setupS, wellManagementInteractiveMs: wellsMs, wellManagementColdLoadMs: coldMs, wellMonthsPageMs: monthsMs }));
} finally {
  await browser.close();
  await portal.stop();
  await chain.stop();
}
