// Starts what the browser tests need and stops it again: the feed simulator, a throw-away dev
// node (--dev --tmp, offchain workers on, fed by the simulator), the built portal served by
// `vite preview`, and Debian's Chromium driven by playwright-core (no browser download).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simConfigForToday } from './sim.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const portalDir = resolve(here, '..');
export const repoDir = resolve(portalDir, '..');
const target = process.env.CARGO_TARGET_DIR ?? join(process.env.TN_CACHE ?? join(homedir(), '.cache/treasurenet'), 'target');
export const NODE_BIN = process.env.TN_NODE ?? join(target, 'release/treasurenet-node');
export const SIM_BIN = process.env.TN_SIM ?? join(target, 'release/tn-feed-sim');
export const CHROMIUM = process.env.TN_CHROMIUM ?? '/usr/bin/chromium';

export function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.unref();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => res(port)); });
  });
}

async function rpc(port, method, params = []) {
  const r = await fetch(`http://127.0.0.1:${port}`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: 1, jsonrpc: '2.0', method, params }),
  });
  return (await r.json()).result;
}

export async function waitFor(what, check, timeoutMs = 120_000, everyMs = 500) {
  const t0 = Date.now();
  for (;;) {
    try { const v = await check(); if (v) return v; } catch { /* not yet */ }
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Starts the simulator and a dev node; returns { rpcUrl, stop, logs }. */
export async function startChain() {
  for (const b of [NODE_BIN, SIM_BIN]) if (!existsSync(b)) throw new Error(`${b} is missing: build the node first (scripts/demo --no-flow or scripts/test build it)`);
  const dir = mkdtempSync(join(tmpdir(), 'tn-portal-e2e-'));
  const simPort = await freePort();
  const rpcPort = await freePort();
  const simCfg = join(dir, 'sim.json');
  writeFileSync(simCfg, JSON.stringify(simConfigForToday(join(repoDir, 'feed-sim/config/dev.json'), `127.0.0.1:${simPort}`), null, 2));
  const { openSync } = await import('node:fs');
  const simLog = join(dir, 'sim.log');
  const nodeLog = join(dir, 'node.log');
  const sim = spawn(SIM_BIN, ['--config', simCfg], { stdio: ['ignore', openSync(simLog, 'w'), openSync(simLog, 'a')] });
  const node = spawn(NODE_BIN, [
    '--dev', '--tmp', '--rpc-port', String(rpcPort), '--port', '0', '--rpc-cors', 'all', '--no-prometheus', '--no-telemetry',
    '--offchain-worker', 'always',
    '--feeds-petrinex-url', `http://127.0.0.1:${simPort}`, '--feeds-eia-url', `http://127.0.0.1:${simPort}`,
    '--feeds-eia-key', 'tn-dev-key', '--feeds-price-interval', '30', '--feeds-production-interval', '60',
  ], { stdio: ['ignore', openSync(nodeLog, 'w'), openSync(nodeLog, 'a')] });
  const stop = async () => {
    for (const p of [node, sim]) if (p.exitCode === null) p.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    for (const p of [node, sim]) if (p.exitCode === null) p.kill('SIGKILL');
    if (!process.env.TN_KEEP_LOGS) rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor('the dev node', async () => (await rpc(rpcPort, 'chain_getHeader'))?.number && parseInt((await rpc(rpcPort, 'chain_getHeader')).number, 16) >= 1, 120_000);
  } catch (e) {
    const tail = existsSync(nodeLog) ? readFileSync(nodeLog, 'utf8').split('\n').slice(-30).join('\n') : '';
    await stop();
    throw new Error(`${e.message}\n${tail}`);
  }
  return { rpcUrl: `ws://127.0.0.1:${rpcPort}`, rpcPort, simPort, dir, simCfgPath: simCfg, stop, nodeLog };
}

/** Serves portal/dist (npm run build) on a free port. */
export async function startPortal() {
  if (!existsSync(join(portalDir, 'dist/index.html'))) throw new Error('portal/dist is missing: run npm run build in portal/');
  const { preview } = await import('vite');
  const port = await freePort();
  const server = await preview({ root: portalDir, logLevel: 'warn', preview: { port, strictPort: true, host: '127.0.0.1' } });
  return { url: `http://127.0.0.1:${port}/`, stop: () => new Promise((r) => server.httpServer.close(r)) };
}

export async function startBrowser() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/** A page of the portal for `rpcUrl`, with `account` (a dev name) selected. */
export async function openAs(browser, portalUrl, rpcUrl, account, { viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[page ${account}] ${e.message}`));
  await page.goto(`${portalUrl}?rpc=${encodeURIComponent(rpcUrl)}#/`);
  await page.getByTestId('conn').filter({ hasText: 'Treasurenet' }).waitFor({ timeout: 60_000 });
  if (account) await selectAccount(page, account);
  return { context, page };
}

export async function selectAccount(page, name) {
  const select = page.getByTestId('account-select');
  const value = await select.locator('option', { hasText: `DEV ${name} ` }).getAttribute('value');
  await select.selectOption(value);
}

export const go = (page, hash) => page.evaluate((h) => { window.location.hash = h; }, hash);
