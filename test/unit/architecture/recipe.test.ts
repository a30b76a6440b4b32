/**
 * The "Add a kind / vendor / verb" checklists of docs/architecture.md stay true:
 * every file or folder they name (in backticks) exists, and a name with a
 * placeholder (`server/src/engine/kinds/<kind>.ts`) has at least one file of its
 * shape. A checklist whose step was moved or renamed fails here.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../../helpers/repo';

const ROOT = repoRoot();
const DOC = readFileSync(join(ROOT, 'docs', 'architecture.md'), 'utf8');

/** The text of each `## Add a …` section. */
function checklists(): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of DOC.matchAll(/^## (Add a [a-z]+)\n([\s\S]*?)(?=^## |(?![\s\S]))/gm)) out.set(m[1]!, m[2]!);
  return out;
}

/** Backticked names that look like repository paths (a folder and a file or a trailing slash). */
function pathsIn(text: string): string[] {
  return [...text.matchAll(/`([\w.<>*-]+(?:\/[\w.<>*-]+)+\/?)`/g)].map((m) => m[1]!).filter((p) => /^(server|client|test|schemas|docs|bench|scripts)\//.test(p));
}

function exists(path: string): boolean {
  if (!path.includes('<')) return existsSync(join(ROOT, path));
  const folder = join(ROOT, dirname(path));
  const shape = new RegExp(`^${path.split('/').pop()!.replace(/[.]/g, '\\.').replace(/<[^>]+>/g, '[\\w-]+')}$`);
  return existsSync(folder) && readdirSync(folder).some((f) => shape.test(f));
}

test('the architecture page has the three checklists', () => {
  assert.deepEqual([...checklists().keys()].sort(), ['Add a kind', 'Add a vendor', 'Add a verb']);
});

for (const [title, text] of checklists()) {
  test(`every path "${title}" names exists`, () => {
    const paths = pathsIn(text);
    assert.ok(paths.length >= 4, `${title} names ${paths.length} paths`);
    const missing = paths.filter((p) => !exists(p));
    assert.deepEqual(missing, [], `${title} names paths that do not exist`);
  });
}

test('the check can fail: a path that is not there is found', () => {
  assert.equal(exists('server/src/engine/vendors/no-such-vendor.ts'), false);
  assert.equal(exists('server/src/engine/nowhere/<kind>.ts'), false);
  assert.equal(exists('server/src/engine/kinds/<kind>.ts'), true);
});
