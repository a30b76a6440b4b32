/**
 * The catalog's examples are true: each bad example reports its code (a code of
 * its family for `Family.*`), each good example reports nothing at all, and every
 * code seen here is documented in the catalog. A file is checked as the CLI
 * checks a workspace of one file, so the cross-document rules (Conflict.Name,
 * duplicate-name) run too.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CATALOG, type Finding, codeDoc, codeMatches, finishFindings, validateText, workspaceFindings } from '../../server/src/engine/index';
import { describe } from '../helpers/findings';

const seen = new Set<string>();

function findingsOf(text: string): Finding[] {
  const r = validateText(text);
  assert.equal(r.ours, true, 'the example is not recognised as an alertcfg document');
  const summaries = r.results.flatMap((x) => (x.summary ? [x.summary] : []));
  const cross = workspaceFindings([{ file: 'example.yaml', bases: r.documents.map((d) => d.base), summaries }]).get('example.yaml') ?? [];
  const all = finishFindings(text, [...r.findings, ...cross], { rules: {} });
  for (const f of all) seen.add(f.code);
  return all;
}

/** The codes that cannot be shown in a small document, and only those, have no examples. */
const WITHOUT_EXAMPLES = ['nesting-too-deep', 'alias-expansion-limit', 'encoding-error', 'file-too-large', 'too-many-documents', 'time-budget-exceeded', 'internal-error', 'message-too-long'];

test('every catalog entry has a bad and a good example, except those that cannot be shown', () => {
  const missing = CATALOG.filter((d) => !d.bad || !d.good).map((d) => d.code);
  assert.deepEqual(missing.sort(), [...WITHOUT_EXAMPLES].sort());
});

for (const d of CATALOG) {
  if (!d.bad || !d.good) continue;
  test(`${d.code}: the bad example reports it`, () => {
    const found = findingsOf(d.bad!);
    const hits = found.filter((f) => (d.code.endsWith('.*') ? codeMatches(d.code, f.code) : f.code === d.code));
    assert.ok(hits.length > 0, `no ${d.code} in ${JSON.stringify(describe(d.bad!, found), null, 1)}`);
  });
  test(`${d.code}: the good example reports nothing`, () => {
    assert.deepEqual(describe(d.good!, findingsOf(d.good!)), []);
  });
}

test('the quick fixes the editor offers are documented where SPEC §3 names them', () => {
  const withFix = CATALOG.filter((d) => d.fix).map((d) => d.code).sort();
  assert.deepEqual(withFix, [
    'MissingParameter.*',
    'callback-time-nested',
    'complete-ignores-field',
    'dingtalk-mention-missing',
    'expected-property',
    'missing-property',
    'secret-in-plaintext',
    'timeout-missing',
    'timestamp-in-seconds',
    'timestamp-not-epoch-ms',
    'unknown-property',
    'wecom-bare-key',
  ]);
});

test('codes and default severities are the documented ones', () => {
  const table = Object.fromEntries(CATALOG.map((d) => [d.code, d.severity]));
  assert.equal(table['secret-in-plaintext'], 'warning');
  assert.equal(table['webhook-address-mismatch'], 'warning');
  assert.equal(table['complete-ignores-field'], 'warning');
  assert.equal(table['MissingParameter.*'], 'error');
  assert.equal(table['unknown-property'], 'warning');
  assert.equal(new Set(CATALOG.map((d) => d.code)).size, CATALOG.length, 'a code appears twice in the catalog');
});

test('every code reported in this file is in the catalog', () => {
  assert.ok(seen.size >= 30, `only ${seen.size} codes were seen; did the example tests run?`);
  for (const code of seen) assert.ok(codeDoc(code), `${code} is not in the catalog`);
});
