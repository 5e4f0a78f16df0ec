// Benchmark (not a test): the WellManagement page with many wells on a dev chain.
//   node bench/wells.mjs [wells=1000] [months=12]
// Registers `wells` wells for Eve (onboarded through the chain, reviewed by Bob), uploads one day
// in each of `months` months per well (uploads reach back 365 days, so at most 13 months can be
// filled on a fresh chain), then measures in headless Chromium how long the WellManagement page
// takes from navigation until its table shows every well, and a well's months page.
import { startChain, startPortal, startBrowser, openAs, go } from '../e2e/harness.mjs';

const [WELLS = 1000, MONTHS = 12] = process.argv.slice(2).map(Number);
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
    const send = async (who, tx) => {
      const best = (await client.getBestBlocks())[0].hash;
      if (nonces[who.name] === undefined) nonces[who.name] = await api.apis.AccountNonceApi.account_nonce(who.address, { at: 'best' });
      const nonce = nonces[who.name]++;
      return new Promise((res, rej) => {
        const sub = tx.signSubmitAndWatch(who.signer, { nonce, at: best }).subscribe({
          next: (e) => { if (e.type === 'txBestBlocksState' && e.found) { sub.unsubscribe(); e.ok ? res(e) : rej(new Error(JSON.stringify(e.dispatchError))); } },
          error: rej,
        });
      });
    };
    const h = (i, salt) => `0x${salt}${i.toString(16).padStart(62, '0')}`;
    const eve = acc.Eve; const charlie = acc.Charlie; const bob = acc.Bob;
    await send(eve, api.tx.Producers.apply({ asset_class: 0, kyb: h(1, 'aa') }));
    await send(charlie, api.tx.Producers.judge_kyb({ applicant: eve.address, kyb: h(1, 'aa'), approve: true }));
    await send(eve, api.tx.Producers.submit_kyc({ kyc: h(2, 'aa') }));
    await send(charlie, api.tx.Producers.judge_kyc({ applicant: eve.address, kyc: h(2, 'aa'), approve: true }));
    const first = await api.query.Wells.NextWellId.getValue({ at: 'best' });
    const subs = [];
    for (let i = 0; i < WELLS; i++) {
      subs.push(send(eve, api.tx.Wells.submit_well({ asset_class: 0, commodity: { type: i % 2 ? 'Gas' : 'Oil', value: undefined }, identifier: h(i, 'bb'), docs: h(i, 'cc'), quality: i % 2 ? undefined : { api_gravity_x100: 3500, acidity_bp: 30 } })));
    }
    await Promise.all(subs);
    const reviews = [];
    for (let i = 0; i < WELLS; i++) reviews.push(send(bob, api.tx.Wells.review_well({ well: first + i, pass: true, reason: new Uint8Array() })));
    await Promise.all(reviews);
    const now = Number(await api.query.Timestamp.Now.getValue({ at: 'best' }));
    const today = Math.floor(now / 86_400_000);
    const records = [];
    for (let m = 0; m < MONTHS; m++) {
      const day = today - 1 - m * 28; // one day in each of MONTHS consecutive months
      for (let i = 0; i < WELLS; i++) records.push([first + i, day, 1000n]);
    }
    const ups = [];
    for (let i = 0; i < records.length; i += 2500) ups.push(send(eve, api.tx.Wells.upload_batch({ records: records.slice(i, i + 2500) })));
    await Promise.all(ups);
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
  console.log(JSON.stringify({ wells: WELLS, monthsPerWell: MONTHS, setupSeconds: setupS, wellManagementInteractiveMs: wellsMs, wellMonthsPageMs: monthsMs }));
} finally {
  await browser.close();
  await portal.stop();
  await chain.stop();
}
