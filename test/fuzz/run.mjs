#!/usr/bin/env node
// The long fuzz campaign: `npm run fuzz -- --count N --seed S [--bound-ms MS]`.
//
// Builds the product (the language server under test is dist/server.js) and the
// tests (into out/fuzz), then runs test/fuzz with the campaign's size:
//   --count N      engine cases (default 20000); the server gets N/10 operations
//                  (at least 300) and the 1 MB time-bound property N/500 documents
//   --seed S       fast-check seed (default: a new one, printed so a failure can be replayed)
//   --bound-ms MS  each document of up to 1 MB must be validated within this (default 15000)
// Numbers go to out/fuzz/report.jsonl and are summed up at the end.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
function option(name, fallback) {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(args[i + 1]);
  if (!Number.isInteger(v) || v < 0) {
    console.error(`--${name} takes a whole number, not "${args[i + 1]}"`);
    process.exit(2);
  }
  return v;
}
const count = option('count', 20000);
const seed = option('seed', Math.floor(Math.random() * 2 ** 31));
const bound = option('bound-ms', 15000);
const out = 'out/fuzz';
const reportFile = join(root, out, 'report.jsonl');

function run(cmd, argv, env = {}) {
  const r = spawnSync(cmd, argv, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

console.log(`fuzz campaign: ${count} engine cases, seed ${seed}, 1 MB bound ${bound} ms`);
run(process.execPath, ['scripts/build.mjs']);
run(process.execPath, ['scripts/build.mjs', '--tests'], { TEST_OUT: out });
rmSync(reportFile, { force: true });
const started = Date.now();
const test = spawnSync(process.execPath, ['--test', '--test-reporter=spec', '--test-concurrency=1', join(out, 'fuzz')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, FUZZ_COUNT: String(count), FUZZ_SEED: String(seed), FUZZ_BOUND_MS: String(bound), FUZZ_REPORT: reportFile },
});
console.log(`\nfuzz campaign done in ${Math.round((Date.now() - started) / 1000)} s (seed ${seed}; replay with npm run fuzz -- --count ${count} --seed ${seed})`);
if (existsSync(reportFile)) for (const line of readFileSync(reportFile, 'utf8').trim().split('\n')) console.log(`  ${line}`);
process.exit(test.status ?? 1);
