#!/usr/bin/env node
// Generates the typed chain descriptors (`@polkadot-api/descriptors`, in .papi/, never committed)
// from the runtime the portal will talk to, so `tsc` fails when the runtime changes under it.
//
//   node scripts/descriptors.mjs                 the freshly built runtime wasm (default path below)
//   node scripts/descriptors.mjs --wasm <file>   a runtime wasm (compact/compressed is fine)
//   node scripts/descriptors.mjs --ws <url>      the metadata of a running node
//   node scripts/descriptors.mjs --chain-spec <raw spec json>   the `:code` of a raw chain spec
//
// The default wasm is $CARGO_TARGET_DIR (or ~/.cache/treasurenet/target)
// /release/wbuild/treasurenet-runtime/treasurenet_runtime.compact.compressed.wasm.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const target = process.env.CARGO_TARGET_DIR ?? join(process.env.TN_CACHE ?? join(homedir(), '.cache/treasurenet'), 'target');
const defaultWasm = join(target, 'release/wbuild/treasurenet-runtime/treasurenet_runtime.compact.compressed.wasm');

let source;
if (opt('--ws')) source = ['--wsUrl', opt('--ws')];
else if (opt('--chain-spec')) {
  const spec = JSON.parse(readFileSync(resolve(opt('--chain-spec')), 'utf8'));
  const code = spec?.genesis?.raw?.top?.['0x3a636f6465'];
  if (!code) throw new Error(`${opt('--chain-spec')}: not a raw chain spec with :code`);
  const file = join(tmpdir(), `tn-runtime-${process.pid}.wasm`);
  writeFileSync(file, Buffer.from(code.slice(2), 'hex'));
  source = ['--wasm', file];
} else {
  const wasm = resolve(opt('--wasm') ?? defaultWasm);
  if (!existsSync(wasm)) {
    console.error(`descriptors: no runtime at ${wasm}.\nBuild the node first (scripts/demo or scripts/test build it), or pass --wasm <file>, --ws <url> or --chain-spec <raw spec>.`);
    process.exit(1);
  }
  source = ['--wasm', wasm];
}

// Fresh every time: the metadata and the generated package come only from the source above.
rmSync(join(root, '.papi'), { recursive: true, force: true });
mkdirSync(join(root, '.papi'), { recursive: true });
// noDescriptorsPackage: papi neither edits package.json nor runs `npm install`; the portal
// resolves `@polkadot-api/descriptors` to .papi/descriptors through tsconfig paths and a vite alias.
writeFileSync(join(root, '.papi/polkadot-api.json'), `${JSON.stringify({
  version: 0,
  descriptorPath: '.papi/descriptors',
  entries: {},
  options: { noDescriptorsPackage: true },
}, null, 2)}\n`);
const papi = join(root, 'node_modules/polkadot-api/bin/cli.js');
execFileSync(process.execPath, [papi, 'add', 'tn', ...source], { cwd: root, stdio: 'inherit' });
if (!existsSync(join(root, '.papi/descriptors/dist/index.js'))) {
  console.error('descriptors: papi produced no .papi/descriptors/dist');
  process.exit(1);
}
const meta = readFileSync(join(root, '.papi/descriptors/generated.json'), 'utf8');
console.log(`descriptors: generated from ${source.join(' ')} (${meta.trim()})`);
