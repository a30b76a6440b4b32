/**
 * summariseText (what the workspace index reads from closed files) gives the same
 * offsets and resource summaries as validateText, without validating.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { formatForPath, summariseText, validateText } from '../../server/src/engine/index';

test('summariseText equals the summaries of validateText on the examples and fixtures', () => {
  let root = __dirname;
  while (!statSync(join(root, 'schemas'), { throwIfNoEntry: false })?.isDirectory() && dirname(root) !== root) root = dirname(root);
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ya?ml|json)$/.test(name)) files.push(p);
    }
  };
  walk(join(root, 'examples'));
  walk(join(root, 'test', 'fixtures'));
  const extra = [
    'apiVersion: alertcfg/v1\nkind: Contact\nmetadata: {name: a}\nspec: {Name: x}\n---\nkind: Contact\nspec:\n  Name: y\n---\napiVersion: v1\nkind: ConfigMap\n',
    '# alertcfg: kind=KeyOperationNotification\nnotification_name: n\n---\nnotification_name: m\n',
    'apiVersion: alertcfg/v1\nkind: Contact\nspec: [broken\n',
  ];
  let summaries = 0;
  const check = (text: string, format: 'yaml' | 'json' | undefined) => {
    const full = validateText(text, { format });
    const quick = summariseText(text, { format });
    const expected = full.results.flatMap((r) => (r.summary ? [r.summary] : []));
    assert.deepStrictEqual(quick.summaries, expected);
    if (expected.length) assert.deepStrictEqual(quick.bases, full.documents.map((d) => d.base));
    summaries += expected.length;
  };
  for (const f of files) check(readFileSync(f, 'utf8'), formatForPath(f));
  for (const t of extra) check(t, 'yaml');
  assert.ok(summaries > 10, `only ${summaries} summaries compared`);
});
