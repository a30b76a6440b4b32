/**
 * The limits that keep validation bounded, each giving one clear finding that says
 * what was skipped (never silence, never a hang): `maxDocuments` (setting) in the
 * engine, the CLI and the server; the per-document time budget, with an injected
 * clock so the tests are exact; `maxFileSize` in the server. (The alias expansion
 * and nesting limits are in test/unit/bad-input.test.ts and test/fuzz/regressions.test.ts.)
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEFAULT_SETTINGS, DEFAULT_TIME_BUDGET_MS, type TimeBudget, completionsAt, hoverAt, parseConfigFile, validateText } from '../../server/src/engine/index';
import { describe as describeFindings } from '../helpers/findings';
import { makeRepo, runCli } from '../cli/run-cli';
import { type LspClient, startServer } from '../lsp/harness';

const contact = (i: number, email = `c${i}@example.com`) => `apiVersion: alertcfg/v1\nkind: Contact\nmetadata:\n  name: c${i}\nspec:\n  Name: c${i}\n  Email: ${email}\n`;
/** Five Contacts; the fourth and fifth have a bad e-mail. */
const FIVE = [contact(0), contact(1), contact(2), contact(3, 'bad'), contact(4, 'bad')].join('---\n');

describe('maxDocuments', () => {
  test('the default is 50,000 (a setting of its own, in .alertcfg.yaml and alertcfg.maxDocuments)', () => {
    assert.equal(DEFAULT_SETTINGS.maxDocuments, 50_000);
    assert.deepEqual(parseConfigFile('maxDocuments: 10\n'), { settings: { maxDocuments: 10 }, findings: [] });
    for (const bad of ['maxDocuments: 0\n', 'maxDocuments: many\n', 'maxDocuments: 2.5\n']) {
      const r = parseConfigFile(bad);
      assert.deepEqual(r.settings, {}, bad);
      assert.equal(r.findings.length, 1, bad);
    }
  });

  test('a YAML stream past the limit: the documents after it are not checked, and one finding on the first of them says so', () => {
    const r = validateText(FIVE, { settings: { rules: {}, maxDocuments: 3 } });
    assert.equal(r.documents.length, 3);
    const d = describeFindings(FIVE, r.findings);
    assert.deepEqual(d.map((x) => `${x.code} ${x.severity} ${x.range}`), ['too-many-documents warning 24:1-24:2']);
    assert.equal(d[0]!.message, 'This file holds 5 documents, more than the limit of 3 (setting maxDocuments): the 2 documents from here on were not checked. Split the file, or raise maxDocuments.');
    // Under the limit, everything is checked.
    assert.deepEqual(validateText(FIVE, { settings: { rules: {}, maxDocuments: 5 } }).findings.map((f) => f.code), ['InvalidParameter.Email', 'InvalidParameter.Email']);
  });

  test('a JSON array past the limit: the same, on the first element not checked', () => {
    const items = [0, 1, 2, 3, 4].map((i) => JSON.stringify({ apiVersion: 'alertcfg/v1', kind: 'Contact', metadata: { name: `c${i}` }, spec: { Name: `c${i}`, Email: i > 2 ? 'bad' : `c${i}@example.com` } }));
    const text = `[\n${items.join(',\n')}\n]\n`;
    const r = validateText(text, { settings: { rules: {}, maxDocuments: 3 } });
    assert.equal(r.documents.length, 3);
    assert.deepEqual(describeFindings(text, r.findings).map((x) => `${x.code} ${x.range}`), ['too-many-documents 5:1-5:2']);
    assert.match(r.findings[0]!.message, /holds 5 documents, more than the limit of 3/);
  });

  test('the finding can be suppressed and re-graded like any other; a file that is not ours gets nothing', () => {
    const suppressed = FIVE.replace(/---\napiVersion: alertcfg\/v1\nkind: Contact\nmetadata:\n {2}name: c3/, '# alertcfg-disable-next-line too-many-documents\n$&');
    assert.deepEqual(validateText(suppressed, { settings: { rules: {}, maxDocuments: 3 } }).findings, []);
    assert.equal(validateText(FIVE, { settings: { rules: { 'too-many-documents': 'error' }, maxDocuments: 3 } }).findings[0]!.severity, 'error');
    const manifests = Array.from({ length: 10 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: m${i}}\n`).join('---\n');
    const m = validateText(manifests, { settings: { rules: {}, maxDocuments: 3 } });
    assert.deepEqual(m.findings, []);
    assert.equal(m.ours, false);
  });

  test('the default: a stream of 50,001 small documents is cut after the 50,000th, quickly (the rest is never parsed)', { timeout: 120_000 }, () => {
    const doc = 'apiVersion: alertcfg/v1\nkind: Contact\nspec: {Name: x}\n';
    const text = Array<string>(50_001).fill(doc).join('---\n');
    const r = validateText(text);
    assert.equal(r.documents.length, 50_000);
    assert.deepEqual(r.findings.map((f) => f.code), ['too-many-documents']);
    assert.equal(r.findings[0]!.start, text.lastIndexOf('---\n'));
  });

  test('the editor features answer past the cut (nothing to say there) and before it', () => {
    const r = validateText(FIVE, { settings: { rules: {}, maxDocuments: 3 } });
    for (const at of [10, FIVE.length - 5, FIVE.length]) {
      for (const e of completionsAt(FIVE, at, r, { locale: 'en', format: 'yaml' })) assert.ok(e.start >= 0 && e.end <= FIVE.length);
      hoverAt(FIVE, at, r, { locale: 'en' });
    }
  });

  test('the CLI reads maxDocuments from .alertcfg.yaml', () => {
    const dir = makeRepo({ '.alertcfg.yaml': 'maxDocuments: 3\n', 'contacts.yaml': FIVE });
    const r = runCli(['validate'], dir);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^contacts\.yaml:24:1 warning too-many-documents This file holds 5 documents, more than the limit of 3/m);
    assert.doesNotMatch(r.stdout, /InvalidParameter\.Email/);
  });
});

describe('the per-document time budget', () => {
  /** A clock that stands still for `calls` readings, then jumps far past any deadline. */
  function clock(calls: number): TimeBudget['now'] & { readings: number } {
    const f = Object.assign(() => (f.readings++ < calls ? 0 : 1e9), { readings: 0 });
    return f;
  }
  const budget = (calls: number): TimeBudget => ({ ms: 100, now: clock(calls) });
  const bad = `apiVersion: alertcfg/v1\nkind: Contact\nmetadata:\n  name: slow\nspec:\n  Name: slow\n  Email: nope\n  DingTalkBotWebhook:\n    Address: https://example.com/x\n`;

  test(`the default is ${DEFAULT_TIME_BUDGET_MS} ms; a document checked in time gets all its findings`, () => {
    assert.equal(DEFAULT_TIME_BUDGET_MS, 2000);
    assert.deepEqual(validateText(bad, { budget: budget(1e6) }).findings.map((f) => f.code), ['InvalidParameter.Email', 'webhook-address-mismatch']);
  });

  test('out of time before the schema check: one finding, at the document, naming what was skipped', () => {
    const r = validateText(bad, { budget: budget(1) });
    assert.deepEqual(describeFindings(bad, r.findings).map((x) => `${x.code} ${x.severity} ${x.range}`), ['time-budget-exceeded warning 1:1-1:2']);
    assert.equal(r.findings[0]!.message, 'Checking this document took longer than 100 ms, so it was stopped: the schema check and the rules did not run, and its findings may be incomplete. Split the document or make it smaller.');
  });

  test('out of time after the schema check: its findings are kept, the rules are named from the first skipped', () => {
    const r = validateText(bad, { budget: budget(3) });
    assert.deepEqual(r.findings.map((f) => f.code), ['time-budget-exceeded', 'InvalidParameter.Email']);
    assert.match(r.findings[0]!.message, /so it was stopped: the rules from \S+ on did not run/);
  });

  test('out of time while schema errors are mapped: the mapping stops (it is what grows with a document)', () => {
    const many = `apiVersion: alertcfg/v1\nkind: Contact\nspec:\n  Name: x\n  ContactGroupIds: [${Array(500).fill('bad').join(', ')}]\n`;
    assert.equal(validateText(many).findings.length, 500);
    const r = validateText(many, { budget: budget(2) });
    const codes = r.findings.map((f) => f.code);
    assert.equal(codes.filter((c) => c === 'time-budget-exceeded').length, 1);
    assert.ok(codes.length < 100, `${codes.length} findings`);
    assert.match(r.findings.find((f) => f.code === 'time-budget-exceeded')!.message, /part of the schema check and the rules did not run/);
  });

  test('each document has its own budget', () => {
    const two = `${bad}---\n${bad.replace('name: slow', 'name: slow2')}`;
    // Each document reads the clock twice before its schema check: when it starts, and to check the deadline.
    const now = Object.assign(() => (now.readings++ % 2 === 0 ? 0 : 1e9), { readings: 0 });
    const r = validateText(two, { budget: { ms: 100, now } });
    assert.equal(r.findings.filter((f) => f.code === 'time-budget-exceeded').length, 2);
  });

  test('a document that takes long for real (60,000 misspelt keys) ends with its findings and no hang', { timeout: 120_000 }, () => {
    const text = `apiVersion: alertcfg/v1\nkind: Contact\nspec:\n  Name: x\n${Array.from({ length: 60_000 }, (_, i) => `  Adress${i}: v\n`).join('')}`;
    const r = validateText(text);
    assert.ok(r.findings.length > 0);
    for (const f of r.findings) assert.ok(f.start >= 0 && f.end <= text.length);
  });
});

describe('limits in the language server', () => {
  let c: LspClient;
  before(async () => {
    c = await startServer({ settings: { maxDocuments: 3, maxFileSize: 2048 } });
  });
  after(() => c.shutdown());

  test('maxDocuments and maxFileSize from the client settings: one finding each, in place of silence', async () => {
    const uri = c.open('five.yaml', FIVE);
    const p = await c.diagnostics(uri, (x) => x.diagnostics.length > 0);
    assert.deepEqual(p.diagnostics.map((d) => `${String(d.code)} ${d.range.start.line + 1}:${d.range.start.character + 1}`), ['too-many-documents 24:1']);
    const big = c.open('big.yaml', `${contact(9)}# ${'x'.repeat(3000)}\n`);
    const q = await c.diagnostics(big, (x) => x.diagnostics.length > 0);
    assert.deepEqual(q.diagnostics.map((d) => String(d.code)), ['file-too-large']);
    assert.equal(q.diagnostics[0]!.severity, 1, 'an error (1), as in the CLI: the file was never read');
    assert.match(String(q.diagnostics[0]!.message), /over the limit of 2048 bytes \(setting maxFileSize\); it was not checked/);
    // The features still answer on both.
    assert.equal(typeof (await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 24, character: 3 } })), 'object');
    assert.ok(c.alive);
  });
});
