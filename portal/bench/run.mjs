// node bench/run.mjs — the portal's browser benchmarks (headless Debian Chromium):
// CSV validation of 10,000 rows. Prints JSON.
import { createServer } from 'vite';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBrowser, freePort } from '../e2e/harness.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const port = await freePort();
const server = await createServer({ root, logLevel: 'warn', server: { port, host: '127.0.0.1', strictPort: true } });
await server.listen();
const browser = await startBrowser();
try {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`http://127.0.0.1:${port}/bench/csv.html`);
  const r = await page.waitForFunction(() => window.benchResult, null, { timeout: 120_000 });
  console.log(JSON.stringify({ csv10k: await r.jsonValue() }));
} finally {
  await browser.close();
  await server.close();
}
