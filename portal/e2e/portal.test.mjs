// Browser tests of the portal: headless Chromium (Debian's) against a real dev node.
//   node --test e2e/          (scripts/portal-test builds everything first)
// TN_SCREENSHOTS=<dir> also writes screenshots of the main pages (scripts/portal-screenshots).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startChain, startPortal, startBrowser, openAs, go, waitFor } from './harness.mjs';
import { polledMonths, monthText, monthCsv, thousandths, today, ymd, firstDay } from './sim.mjs';

const OIL_WELL = '100071901015W400'; // the simulator's oil well (feed-sim/config/dev.json)
const SHOTS = process.env.TN_SCREENSHOTS;
let chain; let portal; let browser;
let eve; let charlie; let bob;
const state = {};

async function shot(page, name, { fullPage = true } = {}) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
}

const addressOf = (page, name) => page.getByTestId('account-select').locator('option', { hasText: `DEV ${name} ` }).getAttribute('value');
const T = (ms) => ({ timeout: ms });

before(async () => {
  chain = await startChain();
  portal = await startPortal();
  browser = await startBrowser();
  eve = await openAs(browser, portal.url, chain.rpcUrl, 'Eve');
  charlie = await openAs(browser, portal.url, chain.rpcUrl, 'Charlie'); // a second browser context
  bob = await openAs(browser, portal.url, chain.rpcUrl, 'Bob');
}, { timeout: 240_000 });

after(async () => {
  await browser?.close();
  await portal?.stop();
  await chain?.stop();
});

test('a producer\'s whole life through the UI: onboarding judged by a verifier, a well reviewed by a Foundation Manager, CSV upload, mint with the preview checked against the audit record', { timeout: 15 * 60_000 }, async () => {
  const p = eve.page;
  await shot(p, 'overview');
  // 1. KYB
  await go(p, '#/onboarding');
  await p.getByTestId('kyb-file').setInputFiles({ name: 'eve-energy-kyb.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 Eve Energy Ltd. certificate of incorporation, Alberta 2026') });
  const kybSalt = await p.getByTestId('kyb-file-salt').textContent();
  assert.match(kybSalt, /^0x[0-9a-f]{64}$/);
  await shot(p, 'onboarding-kyb');
  await p.getByTestId('apply').click();
  await p.getByTestId('step-wait-kyb').waitFor(T(60_000));

  // 2. The verifier (second browser context) checks the document against the commitment.
  const v = charlie.page;
  await go(v, '#/verify');
  const card = v.locator('[data-testid^="application-"]');
  await card.waitFor(T(30_000));
  await card.getByTestId('verify-file').setInputFiles({ name: 'kyb.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 a different document') });
  await card.getByTestId('verify-salt').fill(kybSalt);
  await card.getByTestId('verify-result').filter({ hasText: 'Does not match' }).waitFor(T(10_000));
  assert.equal(await card.getByTestId('verify-approve').isDisabled(), true, 'approve stays locked on a mismatch');
  await card.getByTestId('verify-file').setInputFiles({ name: 'kyb.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 Eve Energy Ltd. certificate of incorporation, Alberta 2026') });
  await card.getByTestId('verify-result').filter({ hasText: 'Matches' }).waitFor(T(10_000));
  const simWell = JSON.parse((await import('node:fs')).readFileSync(chain.simCfgPath, 'utf8')).petrinex.wells.find((w) => w.id === OIL_WELL);
  // The KYB documents name the company's Petrinex operator code: the approval records it.
  assert.equal(await card.getByTestId('verify-approve').isDisabled(), true, 'approve stays locked without operator codes');
  await card.getByTestId('verify-operators').fill('0045 0045');
  assert.equal(await card.getByTestId('verify-approve').isDisabled(), true, 'approve stays locked with a duplicated code');
  await card.getByTestId('verify-operators').fill(simWell.operator ?? '0045');
  await shot(v, 'verifier');
  await card.getByTestId('verify-approve').click();
  await card.getByTestId('verify-approve-ok').waitFor(T(60_000)).catch(() => {});

  // 3. KYC
  await p.getByTestId('step-kyc').waitFor(T(60_000));
  const kycDoc = Buffer.from('passport scan of the representative of Eve Energy Ltd.');
  await p.getByTestId('kyc-file').setInputFiles({ name: 'representative-id.png', mimeType: 'image/png', buffer: kycDoc });
  const kycSalt = await p.getByTestId('kyc-file-salt').textContent();
  await p.getByTestId('submit-kyc').click();
  await p.getByTestId('step-wait-kyc').waitFor(T(60_000));
  const card2 = v.locator('[data-testid^="application-"]', { hasText: 'KYC of' });
  await card2.waitFor(T(60_000));
  await card2.getByTestId('verify-file').setInputFiles({ name: 'id.png', mimeType: 'image/png', buffer: kycDoc });
  await card2.getByTestId('verify-salt').fill(kycSalt);
  await card2.getByTestId('verify-result').filter({ hasText: 'Matches' }).waitFor(T(10_000));
  await card2.getByTestId('verify-approve').click();

  // 4. Deposit
  await p.getByTestId('step-deposit').waitFor(T(60_000));
  await p.getByTestId('onboard-deposit-amount').fill('100');
  await p.getByTestId('onboard-deposit').click();
  await p.getByTestId('deposit-now').filter({ hasText: '100.0000 UNIT' }).waitFor(T(60_000));
  await shot(p, 'onboarding-done');

  // 5. A well, reviewed by a Foundation Manager (third context).
  await go(p, '#/wells');
  await p.getByTestId('add-well').click();
  await p.getByTestId('well-ident').fill(OIL_WELL);
  await p.getByTestId('well-operator').fill(simWell.operator ?? '0045');
  await p.getByTestId('well-facility').fill(simWell.facility ?? 'ABBT0147937');
  await p.getByTestId('well-api').fill('35.00');
  await p.getByTestId('well-acidity').fill('0.30');
  await p.getByTestId('well-docs').setInputFiles({ name: 'licence.pdf', mimeType: 'application/pdf', buffer: Buffer.from(`licence ${OIL_WELL}`) });
  await shot(p, 'add-well', { fullPage: false });
  await p.getByTestId('submit-well').click();
  await p.getByTestId('submit-well-ok').waitFor(T(60_000));
  await p.keyboard.press('Escape');
  const row = p.locator('[data-testid^="well-row-"]').first();
  await row.waitFor(T(30_000));
  const wellId = Number((await row.getAttribute('data-testid')).replace('well-row-', ''));
  state.wellId = wellId;
  await row.filter({ hasText: 'In review' }).waitFor(T(30_000));

  const b = bob.page;
  await go(b, '#/review');
  await b.getByTestId(`review-${wellId}`).waitFor(T(60_000));
  await shot(b, 'review-queue');
  // Not passed first, with a reason the producer sees; she edits and resubmits.
  assert.equal(await b.getByTestId(`review-fail-${wellId}`).isDisabled(), true, 'not pass needs a reason');
  await b.getByTestId(`review-reason-${wellId}`).fill('Licence scan unreadable');
  await b.getByTestId(`review-fail-${wellId}`).click();
  await row.filter({ hasText: 'Rejected: Licence scan unreadable' }).waitFor(T(60_000));
  // The reason also arrives in her inbox: a notice kept on chain (Notices.notices_of).
  await go(p, '#/inbox');
  await p.getByTestId('inbox').locator('[data-testid^="notice-"]', { hasText: 'Licence scan unreadable' }).waitFor(T(60_000));
  await go(p, '#/wells');
  await row.filter({ hasText: 'Rejected: Licence scan unreadable' }).waitFor(T(60_000));
  await row.getByRole('button', { name: 'Edit' }).click();
  assert.equal(await p.getByTestId('well-operator').inputValue(), simWell.operator ?? '0045', 'the form keeps the operator code');
  await p.getByTestId('well-docs').setInputFiles({ name: 'licence-rescan.pdf', mimeType: 'application/pdf', buffer: Buffer.from(`licence ${OIL_WELL}, rescanned`) });
  await p.getByTestId('edit-well').click();
  await p.getByTestId('edit-well-ok').waitFor(T(60_000));
  await p.keyboard.press('Escape');
  await row.filter({ hasText: 'In review' }).waitFor(T(60_000));
  await b.getByTestId(`review-${wellId}`).filter({ hasText: 'New well' }).waitFor(T(60_000));
  await b.getByTestId(`review-pass-${wellId}`).click();
  await b.getByTestId('review-empty').waitFor(T(60_000));
  await row.filter({ hasText: 'Active' }).waitFor(T(60_000));
  assert.match(await row.textContent(), /90\.00 %/, 'API 35, acidity 0.30 %: the 90 % tier');
  await shot(p, 'wells');

  // 6. Beneficiaries: Ferdie 20 %, Dave 10 %; the owner's remainder shown live.
  await go(p, `#/wells/${wellId}`);
  await p.getByTestId('edit-beneficiaries').click();
  await p.getByTestId('ben-add').click();
  await p.getByTestId('ben-add').click();
  await p.getByTestId('ben-who-0').fill(await addressOf(p, 'Ferdie'));
  await p.getByTestId('ben-pct-0').fill('20');
  await p.getByTestId('ben-who-1').fill(await addressOf(p, 'Dave'));
  await p.getByTestId('ben-pct-1').fill('10');
  assert.match(await p.getByTestId('ben-remainder').textContent(), /70\.00 %/);
  await p.getByTestId('ben-pct-1').fill('85');
  assert.match(await p.getByTestId('ben-remainder').textContent(), /−5\.00 %/);
  assert.equal(await p.getByTestId('ben-save').isDisabled(), true);
  await p.getByTestId('ben-pct-1').fill('10');
  await p.getByTestId('ben-save').click();
  await p.getByTestId('beneficiaries').filter({ hasText: '20.00 %' }).waitFor(T(60_000));

  // 7. CSV upload of the oldest polled month, 20 % above the official figure (Moderate band).
  const months = polledMonths(today());
  const month = months[0];
  state.month = month;
  const sim = JSON.parse((await import('node:fs')).readFileSync(chain.simCfgPath, 'utf8'));
  const official = thousandths(sim.petrinex.wells.find((w) => w.id === OIL_WELL).months[monthText(month)]);
  const producer = (official * 120n) / 100n;
  await go(p, '#/production');
  await p.getByTestId('csv-file').setInputFiles({ name: `production-${monthText(month)}.csv`, mimeType: 'text/csv', buffer: Buffer.from(monthCsv(OIL_WELL, month, producer)) });
  await p.getByTestId('csv-result').waitFor(T(30_000));
  assert.equal(await p.getByTestId('csv-error-count').textContent(), '0');
  await p.getByTestId('csv-preview').waitFor();
  await shot(p, 'production-csv');
  await p.getByTestId('csv-send').click();
  await p.getByTestId('csv-done').waitFor(T(120_000));
  assert.equal(await p.getByTestId('csv-progress').getAttribute('value'), await p.getByTestId('csv-progress').getAttribute('max'));

  // A day by the daily form: yesterday (its month is not over: the months table says why).
  await p.getByTestId('daily-well').selectOption(String(wellId));
  await p.getByTestId('daily-date').fill(ymd(today() - 1));
  await p.getByTestId('daily-volume').fill('1.105');
  await p.getByTestId('daily-upload').click();
  await p.getByTestId('daily-upload-ok').waitFor(T(60_000));

  // 8. The month becomes mintable once the offchain worker brought the official figure.
  await go(p, `#/wells/${wellId}`);
  const thisMonth = monthText({ year: new Date().getUTCFullYear(), month: new Date().getUTCMonth() + 1 });
  const yesterdayMonth = ymd(today() - 1).slice(0, 7);
  await p.getByTestId(`month-${yesterdayMonth}`).filter({ hasText: /(Wells|AuditMint)\.\w+/ }).waitFor(T(60_000));
  void thisMonth;
  const mintBtn = p.getByTestId(`mint-${monthText(month)}`);
  await mintBtn.waitFor(T(8 * 60_000));
  await shot(p, 'months');
  await mintBtn.click();
  const dialog = p.getByTestId('mint-dialog');
  await dialog.getByTestId('mint-yes').waitFor(T(30_000));
  const cells = async (col) => dialog.locator(`td[data-col="${col}"]`).evaluateAll((tds) => tds.map((td) => [td.parentElement.getAttribute('data-row'), td.textContent]));
  const preview = Object.fromEntries(await cells('preview'));
  assert.equal(preview.band, 'Moderate');
  assert.match(preview.P, /^\d+\.\d{3} m³/);
  await shot(p, 'mint-preview', { fullPage: false });
  await dialog.getByTestId('mint-yes').click();
  await dialog.getByTestId('mint-done').waitFor(T(60_000));
  const record = Object.fromEntries(await cells('record'));
  const previewAfter = Object.fromEntries(await cells('preview'));
  for (const k of ['P', 'O', 'd', 'band', 'V', 'V′', 'slash', 'TAT', 'ben-Ferdie', 'ben-Dave']) {
    assert.ok(previewAfter[k] !== undefined && record[k] !== undefined, `row ${k} present`);
    assert.equal(record[k], previewAfter[k], `audit record ${k} equals the confirmed preview`);
  }
  assert.equal(previewAfter.band, preview.band);
  await shot(p, 'mint-record', { fullPage: false });
  state.record = record;
  await p.keyboard.press('Escape');

  // 9. The TAT arrived and split: supply and balances from the chain equal the record.
  const chainCheck = await p.evaluate(async ({ well, m }) => {
    const { api } = window.tn;
    const r = await api.query.AuditMint.AuditRecords.getValue(well, m, { at: 'best' });
    const asset = await api.query.Assets.Asset.getValue(1, { at: 'best' });
    const bal = async (who) => (await api.query.Assets.Account.getValue(1, who, { at: 'best' }))?.balance ?? 0n;
    const bens = await Promise.all(r.beneficiaries.map(async ([who, x]) => [x.toString(), (await bal(who)).toString()]));
    return { minted: r.outcome.minted.toString(), supply: asset.supply.toString(), producer: r.producer_share.toString(), producerBal: (await bal(r.producer)).toString(), bens };
  }, { well: wellId, m: month });
  assert.equal(chainCheck.supply, chainCheck.minted);
  assert.equal(chainCheck.producerBal, chainCheck.producer);
  for (const [x, bal] of chainCheck.bens) assert.equal(bal, x);
  await go(p, '#/tat');
  await p.getByTestId('tat-holders').waitFor(T(30_000));
  // The holders come a page at a time from TreasurenetApi.tat_holders; all fit in the first page.
  const holderRows = await p.getByTestId('tat-holders').locator('tbody tr').count();
  assert.ok(holderRows >= 2, `holders listed: ${holderRows}`);
  assert.equal(String(holderRows), (await p.getByTestId('tat-holder-count').innerText()).trim());
  await shot(p, 'tat');
  await go(p, '#/audits');
  await p.getByTestId('audits-table').waitFor(T(30_000));
  await p.getByTestId('chart-price').waitFor(T(30_000));
  await shot(p, 'audits');
  await go(p, '#/governance');
  await p.getByTestId('params-table').waitFor(T(30_000));
  // Every rule parameter from TreasurenetApi.parameters_in_force: 21, each set or at its default.
  await p.getByTestId('params-table').locator('tbody tr').nth(20).waitFor(T(30_000));
  assert.equal(await p.getByTestId('params-table').locator('tbody tr').count(), 21);
  // The democracy periods (fixed in code; the dev chain's fast set): fast-track votes 5 blocks.
  const fastTrackRow = await p.getByTestId('democracy-periods').locator('tr', { hasText: 'FastTrackVotingPeriod' }).innerText();
  assert.match(fastTrackRow, /Democracy\.FastTrackVotingPeriod\s+5 blocks \(30 s\)/);
  const slashRow = await p.getByTestId('params-table').locator('tr', { hasText: 'Audit.SlashRatio' }).innerText();
  assert.match(slashRow, /Audit\.SlashRatio\s+\d+\.\d\d %\s+(set on chain|default \(runtime\))/);
  await shot(p, 'governance');
  // 10. The inbox: the chain's notices of her life so far; one dismissed (a transaction) stays gone.
  await go(p, '#/inbox');
  const inbox = p.getByTestId('inbox');
  await inbox.waitFor(T(30_000));
  const notice = (text) => inbox.locator('[data-testid^="notice-"]', { hasText: text });
  await notice(`Audited: well #${wellId}, ${monthText(month)}`).waitFor(T(60_000));
  await notice(`Well #${wellId} passed`).waitFor(T(30_000));
  const rejected = notice('Licence scan unreadable');
  await rejected.waitFor(T(30_000));
  await shot(p, 'inbox');
  const noticeId = Number((await rejected.getAttribute('data-testid')).replace('notice-', ''));
  await p.getByTestId(`dismiss-${noticeId}`).click();
  await p.getByTestId(`notice-${noticeId}`).waitFor({ state: 'detached', timeout: 60_000 });
  await p.reload();
  await notice(`Audited: well #${wellId}, ${monthText(month)}`).waitFor(T(60_000));
  assert.equal(await p.getByTestId(`notice-${noticeId}`).count(), 0, 'the dismissed notice stays gone after a reload');
  const eveAddress = await addressOf(p, 'Eve');
  const ids = await p.evaluate(async (who) => (await window.tn.api.view.Notices.notices_of(who, { at: 'best' })).map(([id]) => id), eveAddress);
  assert.ok(ids.length > 0 && !ids.includes(noticeId), `notice ${noticeId} is no longer on chain (${ids})`);
});

test('a bad CSV: line-numbered errors, nothing sent', { timeout: 3 * 60_000 }, async () => {
  const p = eve.page;
  assert.ok(state.wellId !== undefined, 'needs the well of the first test');
  const y = ymd(today() - 1);
  const csv = [
    'date,well,volume',
    `2026-13-01,${OIL_WELL},1.0`,
    `${y},${OIL_WELL},abc`,
    `${y},999999999999W999,1.0`,
    `${ymd(today() + 1)},#${state.wellId},1.0`,
    `${y},#${state.wellId},1.0`,
    `${y},#${state.wellId},2.0`,
    `${y},${OIL_WELL},1.0001`,
  ].join('\n');
  const before = await p.evaluate(async (w) => (await window.tn.api.query.Wells.Ledgers.getEntries(w, { at: 'best' })).length, state.wellId);
  await go(p, '#/production');
  await p.getByTestId('csv-text').fill(csv);
  await p.getByTestId('csv-validate').click();
  await p.getByTestId('csv-errors').waitFor(T(30_000));
  const errors = await p.getByTestId('csv-errors').locator('li').allTextContents();
  const lines = errors.map((e) => Number(/line (\d+)/.exec(e)?.[1]));
  assert.deepEqual(lines, [2, 3, 4, 5, 7, 8], errors.join('\n'));
  assert.match(errors[0], /not a date/);
  assert.match(errors[1], /not a number/);
  assert.match(errors[2], /not one of your wells/);
  assert.match(errors[3], /not over yet/);
  assert.match(errors[4], /already on line 6/);
  assert.match(errors[5], /more than 3 decimals/);
  assert.equal(await p.getByTestId('csv-send').count(), 0, 'no upload button while errors remain');
  await shot(p, 'production-csv-errors');
  await p.waitForTimeout(7000); // a block later, still nothing recorded
  const afterCount = await p.evaluate(async (w) => (await window.tn.api.query.Wells.Ledgers.getEntries(w, { at: 'best' })).length, state.wellId);
  assert.equal(afterCount, before);
});

test('a rejected transaction shows the chain error by name and doc', { timeout: 3 * 60_000 }, async () => {
  const p = eve.page;
  assert.ok(state.month, 'needs the upload of the first test');
  await go(p, '#/production');
  await p.getByTestId('daily-well').selectOption(String(state.wellId));
  await p.getByTestId('daily-date').fill(ymd(firstDay(state.month)));
  await p.getByTestId('daily-volume').fill('1.000');
  await p.getByTestId('daily-upload').click();
  const err = p.getByTestId('chain-error');
  await err.waitFor(T(60_000));
  const t = await err.textContent();
  assert.match(t, /Wells\.DuplicateDay/);
  assert.match(t, /A record for this \(well, day\) exists already/);
  await shot(p, 'rejected-tx', { fullPage: false });
});

test('deposit page: the slash is visible, a withdrawal and a deposit change the hold', { timeout: 3 * 60_000 }, async () => {
  const p = eve.page;
  assert.ok(state.record, 'needs the mint of the first test');
  await go(p, '#/deposit');
  const held = p.getByTestId('deposit-held');
  await held.waitFor(T(30_000));
  const units = async () => Number((await held.textContent()).replace(/[^0-9.]/g, ''));
  const before = await units();
  assert.ok(before < 100, `the audit slashed the 100 UNIT deposit (now ${before})`);
  await p.getByTestId('withdraw-amount').fill('10');
  await p.getByTestId('withdraw-send').click();
  await p.getByTestId('withdraw-send-ok').waitFor(T(60_000));
  await waitFor('the hold to drop by 10', async () => Math.abs((await units()) - (before - 10)) < 1e-6, 30_000);
  await p.getByTestId('deposit-amount').fill('5');
  await p.getByTestId('deposit-send').click();
  await p.getByTestId('deposit-send-ok').waitFor(T(60_000));
  await waitFor('the hold to grow by 5', async () => Math.abs((await units()) - (before - 5)) < 1e-6, 30_000);
  await shot(p, 'deposit');
});

test('phone width: navigation menu and pages fit', { timeout: 2 * 60_000 }, async () => {
  const { context, page } = await openAs(browser, portal.url, chain.rpcUrl, 'Eve', { viewport: { width: 390, height: 844 } });
  try {
    await page.goto(`${portal.url}?rpc=${encodeURIComponent(chain.rpcUrl)}#/wells`);
    await page.getByTestId('wells-table').waitFor(T(30_000));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no horizontal page scroll at 390 px (overflow ${overflow})`);
    await shot(page, 'phone-wells');
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Production', exact: true }).click();
    await page.getByTestId('csv-text').waitFor(T(30_000));
    await shot(page, 'phone-production');
    if (state.wellId !== undefined) {
      await page.goto(`${portal.url}?rpc=${encodeURIComponent(chain.rpcUrl)}#/wells/${state.wellId}`);
      await page.getByTestId('months-table').waitFor(T(30_000));
      await shot(page, 'phone-months');
    }
  } finally {
    await context.close();
  }
});

test('accessibility: every form control is labelled; the keyboard reaches the content and closes dialogs', { timeout: 2 * 60_000 }, async () => {
  const { context, page } = await openAs(browser, portal.url, chain.rpcUrl, 'Eve');
  try {
    const unlabelled = async () => page.evaluate(() => [...document.querySelectorAll('input, select, textarea, button')]
      .filter((el) => el.offsetParent !== null || el.closest('dialog[open]'))
      .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !(el.tagName === 'BUTTON' && el.textContent.trim()))
      .map((el) => el.outerHTML.slice(0, 120)));
    for (const hash of ['#/', '#/onboarding', '#/wells', '#/production', '#/deposit', '#/verify', '#/review', '#/audits', '#/tat', '#/governance', '#/inbox']) {
      await go(page, hash);
      await page.locator('main h1').waitFor(T(30_000));
      await page.waitForTimeout(1500);
      assert.deepEqual(await unlabelled(), [], `unlabelled controls on ${hash}`);
    }
    // Skip link first in tab order, then focus moves to the main content.
    await go(page, '#/wells');
    await page.locator('main h1').waitFor();
    await page.evaluate(() => document.activeElement?.blur());
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    // A dialog opens from the keyboard and Escape closes it.
    if (await page.getByTestId('add-well').count()) {
      await page.getByTestId('add-well').focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('well-ident').waitFor();
      assert.deepEqual(await unlabelled(), [], 'unlabelled controls in the add-well dialog');
      await page.keyboard.press('Escape');
      await page.getByTestId('well-ident').waitFor({ state: 'hidden' });
    }
  } finally {
    await context.close();
  }
});

test('browser wallet: an injected extension is offered, its accounts listed, and it is asked to sign', { timeout: 2 * 60_000 }, async () => {
  const FERDIE = '5CiPPseXPECbkjWCa6MnjNokrgYjMqmKndv2rSnekmSK2DjL';
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // A stand-in for Talisman's injection (window.injectedWeb3): lists one account and, when
  // asked to sign, records the payload and refuses like a user pressing Cancel.
  await context.addInitScript((address) => {
    window.injectedWeb3 = {
      talisman: {
        version: 'test',
        enable: async () => ({
          accounts: { get: async () => [{ address, name: 'Ops desk', type: 'sr25519' }], subscribe: (cb) => { cb([{ address, name: 'Ops desk', type: 'sr25519' }]); return () => {}; } },
          signer: {
            signPayload: async (payload) => { window.__signed = payload; throw new Error('Cancelled'); },
            signRaw: async () => { throw new Error('Cancelled'); },
          },
        }),
      },
    };
  }, FERDIE);
  const page = await context.newPage();
  try {
    await page.goto(`${portal.url}?rpc=${encodeURIComponent(chain.rpcUrl)}#/onboarding`);
    await page.getByRole('button', { name: 'Connect Talisman' }).click();
    const select = page.getByTestId('account-select');
    await select.locator('optgroup[label="Browser wallets"] option', { hasText: 'Ops desk (Talisman)' }).waitFor({ state: 'attached', timeout: 30_000 });
    await select.selectOption(FERDIE);
    await page.getByTestId('kyb-file').setInputFiles({ name: 'kyb.pdf', mimeType: 'application/pdf', buffer: Buffer.from('ops desk kyb') });
    await page.getByTestId('apply').click();
    await page.getByTestId('chain-error').filter({ hasText: 'cancelled in the wallet' }).waitFor(T(60_000));
    const signed = await page.evaluate(() => window.__signed);
    assert.equal(signed.address, FERDIE);
    assert.match(signed.method, /^0x[0-9a-f]+$/);
    assert.ok(Array.isArray(signed.signedExtensions) && signed.signedExtensions.includes('CheckMortality'));
  } finally {
    await context.close();
  }
});
