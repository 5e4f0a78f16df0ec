// Starts the watcher in the background (it outlives this script) and returns at once.
import { spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import { logs } from './env.mjs';

const out = openSync(`${logs}/watcher.out`, 'w');
spawn(process.execPath, ['tests/watcher.mjs'], { detached: true, stdio: ['ignore', out, out] }).unref();
console.log('watcher started');
