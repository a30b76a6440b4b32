/**
 * DocumentCache fed with edits (`edited`) must give exactly what a fresh analysis
 * of the new text gives: the same documents (split, positions, modelines inherited
 * from earlier documents) and the same results, while re-analysing only what the
 * edits touched. Edits are random: inside values, across document markers, adding
 * and removing `---`, `...` and modelines, several per call.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DocumentCache } from '../../server/src/engine/cache';
import { analyseDocument } from '../../server/src/engine/analyse';
import { parseYaml } from '../../server/src/engine/parse/yaml';
import { rng } from '../helpers/random';

const DOCS = [
  'apiVersion: alertcfg/v1\nkind: Contact\nmetadata:\n  name: a\nspec:\n  Name: a\n  Email: a@example.com\n',
  'apiVersion: alertcfg/v1\nkind: Contact\nmetadata:\n  name: b\nspec:\n  Email: not-an-email\n',
  '# alertcfg: kind=EventReport\nevents:\n  - metadata: {event_name: x}\n',
  'Name: raw\nEmail: raw@example.com\n',
  '# yaml-language-server: $schema=contact.schema.json\nName: y\n',
  'apiVersion: v1\nkind: ConfigMap\ndata:\n  x: "1"\n',
  '# only a comment\n',
  'kind: KeyOperationNotification\nspec:\n  notification_name: k\n  operation_type: complete\n',
];
const INSERTS = ['---\n', '\n---\n', '...\n', 'x', '\n', ': ', '# alertcfg: kind=Contact\n', '  Name: z\n', '"', 'Email: q@example.com\n', '---', '-', ''];

function fresh(text: string) {
  const documents = parseYaml(text);
  return { documents, results: documents.map((d) => analyseDocument(d)) };
}

test('analyses after reported edits equal fresh analyses', () => {
  const r = rng(4242);
  let incrementalCalls = 0;
  for (let round = 0; round < 60; round++) {
    const parts: string[] = [];
    const n = 1 + Math.floor(r() * 12);
    for (let i = 0; i < n; i++) parts.push(DOCS[Math.floor(r() * DOCS.length)]!);
    let text = (r() < 0.3 ? '# header\n' : '') + parts.join(r() < 0.8 ? '---\n' : '...\n');
    const cache = new DocumentCache();
    cache.analyse(text, 'yaml', undefined);
    for (let step = 0; step < 25; step++) {
      const edits = 1 + Math.floor(r() * 3);
      for (let e = 0; e < edits; e++) {
        const a = Math.floor(r() * (text.length + 1));
        const b = Math.min(text.length, a + (r() < 0.5 ? 0 : Math.floor(r() * 12)));
        const ins = INSERTS[Math.floor(r() * INSERTS.length)]!;
        cache.edited(a, b, ins.length);
        text = text.slice(0, a) + ins + text.slice(b);
      }
      const got = cache.analyse(text, 'yaml', undefined);
      incrementalCalls++;
      assert.deepStrictEqual(got, fresh(text), `round ${round} step ${step}: ${JSON.stringify(text)}`);
    }
  }
  assert.ok(incrementalCalls > 1000);
});

test('an edit in one document of many re-analyses that document only', () => {
  const parts: string[] = [];
  for (let i = 0; i < 500; i++) parts.push(`apiVersion: alertcfg/v1\nkind: Contact\nmetadata:\n  name: c${i}\nspec:\n  Name: c${i}\n  Email: c${i}@example.com\n`);
  let text = parts.join('---\n');
  const cache = new DocumentCache();
  cache.analyse(text, 'yaml', undefined);
  assert.equal(cache.analysed, 500);
  const at = text.indexOf('c250@example.com');
  cache.edited(at, at + 4, 'broken'.length);
  text = `${text.slice(0, at)}broken${text.slice(at + 4)}`;
  const got = cache.analyse(text, 'yaml', undefined);
  assert.equal(cache.analysed, 1);
  assert.equal(cache.reused, 499);
  assert.deepStrictEqual(got, fresh(text));
  // A whole-text replacement still reuses by content.
  cache.replaced();
  cache.analyse(`${text}---\nName: extra\n`, 'yaml', undefined);
  assert.equal(cache.reused, 500);
  assert.equal(cache.analysed, 1);
});
