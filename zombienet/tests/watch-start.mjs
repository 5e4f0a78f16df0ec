// Starts the watcher in the background (it outlives this script) and returns once it has
// recorded a few samples with every node up (the stop comes right after this script).
import { spawn } from 'node:child_process';
import { openSync, readFileSync, existsSync } from 'node:fs';
import { logs } from './env.mjs';

const out = openSync(`${logs}/watcher.out`, 'w');
spawn(process.execPath, ['tests/watcher.mjs'], { detached: true, stdio: ['ignore', out, out] }).unref();
const file = `${logs}/watch.jsonl`;
for (let i = 0; i < 30; i++) {
  await new Promise((r) => setTimeout(r, 1000));
  const up = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((l) => l.includes('"dave":{')).length : 0;
  if (up >= 3) { console.log(`watcher started (${up} samples with dave up)`); process.exit(0); }
}
console.log('the watcher did not see dave up');
process.exit(1);
