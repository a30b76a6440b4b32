/**
 * No product source file is over 400 lines: server/src, client/src, bench/src and
 * scripts. Files written by a generator (`*.generated.*`) are not sources.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from '../../helpers/repo';

const ROOT = repoRoot();
const DIRS = ['server/src', 'client/src', 'bench/src', 'scripts'];
const MAX_LINES = 400;
const SOURCE = /\.(?:ts|mts|cts|js|mjs|cjs|sh)$/;

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (SOURCE.test(name) && !name.includes('.generated.')) out.push(p);
  }
  return out;
}

test(`no product source file over ${MAX_LINES} lines`, () => {
  const all = DIRS.flatMap((d) => files(join(ROOT, d)));
  assert.ok(all.length > 50, `only ${all.length} source files found`);
  const long = all
    .map((f) => ({ file: relative(ROOT, f), lines: readFileSync(f, 'utf8').split('\n').length - 1 }))
    .filter((f) => f.lines > MAX_LINES)
    .map((f) => `  ${f.file}: ${f.lines} lines`);
  assert.deepEqual(long, [], `split these into files of one job each:\n${long.join('\n')}`);
});
