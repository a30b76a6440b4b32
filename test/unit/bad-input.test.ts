/**
 * Bad input of every sort gets a clear finding with a location, or a clear reason
 * why the file was skipped, and never throws or hangs. Timings are not asserted:
 * the runner's timeout catches a hang.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeFile, validateText } from '../../server/src/engine/index';
import { brief, check, describe, lines } from '../helpers/findings';

const SLOW = { timeout: 60_000 };
const ENVELOPE_HEAD = ['apiVersion: alertcfg/v1', 'kind: Contact'];

function bytes(...parts: (string | number[])[]): Uint8Array {
  const chunks = parts.map((p) => (typeof p === 'string' ? new TextEncoder().encode(p) : Uint8Array.from(p)));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

// ---- YAML syntax errors -------------------------------------------------------

test('YAML: an unclosed flow mapping is reported where the parser needed the closing brace', () => {
  const text = lines(...ENVELOPE_HEAD, 'spec: {Name: a, Email: b@example.com', 'metadata: {name: x}');
  const r = check(text);
  assert.deepEqual(r.map((d) => `${d.code} ${d.severity} ${d.range}`), ['syntax-error error 4:1-4:2']);
  assert.match(r[0]!.message, /end with a \}/);
});

test('YAML: an unclosed flow sequence inside a block mapping', () => {
  const text = lines(...ENVELOPE_HEAD, 'spec:', '  ContactGroupIds: [a, b', '  Name: x');
  const r = check(text);
  assert.deepEqual(r.map((d) => `${d.code} ${d.range}`), ['syntax-error 5:3-5:4']);
  assert.match(r[0]!.message, /end with a \]/);
});

test('YAML: a key indented less than its siblings', () => {
  const text = lines(...ENVELOPE_HEAD, 'spec:', '    Name: a', '  Email: b@example.com');
  const r = check(text);
  assert.deepEqual(r.map((d) => `${d.code} ${d.range}`), ['syntax-error 5:1-5:2']);
  assert.equal(r[0]!.message, 'All mapping items must start at the same column.');
});

test('YAML: a key indented more than its siblings (a mapping in a compact value)', () => {
  const text = lines(...ENVELOPE_HEAD, 'spec:', '  Name: a', '    Email: b@example.com');
  assert.deepEqual(brief(text), ['syntax-error error 4:9-4:10', 'syntax-error error 4:9-5:10']);
});

test('YAML: tab indentation is reported on the tab', () => {
  const text = lines(...ENVELOPE_HEAD, 'spec:', '\tName: a');
  const r = check(text);
  assert.deepEqual(r.map((d) => `${d.code} ${d.range}`), ['syntax-error 4:1-4:2']);
  assert.equal(r[0]!.message, 'Tabs are not allowed as indentation.');
});

test('YAML: a document with a syntax error gets only its syntax findings, other documents are still checked', () => {
  const text = lines(...ENVELOPE_HEAD, 'spec:', '\tName: a', '---', ...ENVELOPE_HEAD, 'spec: {Name: b, Email: nope}');
  assert.deepEqual(brief(text), ['syntax-error error 4:1-4:2', 'InvalidParameter.Email error 8:24-8:28']);
});

// ---- JSON syntax errors -------------------------------------------------------

test('JSON: a trailing comma gives one finding, on the comma', () => {
  const text = lines('{', '  "apiVersion": "alertcfg/v1",', '  "kind": "Contact",', '  "spec": {"Name": "a",}', '}');
  assert.deepEqual(check(text).map((d) => `${d.code} ${d.range} ${d.message}`), ["syntax-error 4:23-4:24 Trailing comma: JSON allows no comma before '}'. Remove it."]);
});

test('JSON: a trailing comma in a list, and one in each of two places: one finding per comma', () => {
  const list = lines('{', '  "apiVersion": "alertcfg/v1",', '  "kind": "Contact",', '  "spec": {"Name": "a", "ContactGroupIds": ["x",]}', '}');
  assert.deepEqual(check(list).map((d) => `${d.range} ${d.message}`), ["4:48-4:49 Trailing comma: JSON allows no comma before ']'. Remove it."]);
  const two = lines('{', '  "apiVersion": "alertcfg/v1",', '  "kind": "Contact",', '  "spec": {"Name": "a", "ContactGroupIds": ["x",]', '  },', '}');
  assert.deepEqual(brief(two), ['syntax-error error 4:48-4:49', 'syntax-error error 5:4-5:5']);
});

test('JSON: a comment is reported on the comment', () => {
  const text = lines('{', '  "apiVersion": "alertcfg/v1",', '  // a comment', '  "kind": "Contact",', '  "spec": {"Name": "a"}', '}');
  const r = check(text);
  assert.deepEqual(r.map((d) => `${d.code} ${d.range} ${d.message}`), ['syntax-error 3:3-3:15 Comments are not allowed in JSON.']);
});

test('JSON: a missing colon is reported on the value after the key', () => {
  const text = lines('{', '  "apiVersion": "alertcfg/v1",', '  "kind" "Contact",', '  "spec": {"Name": "a"}', '}');
  const r = check(text);
  assert.deepEqual(r.map((d) => `${d.code} ${d.range} ${d.message}`), ["syntax-error 3:10-3:19 Expected ':' after the property name."]);
});

test('JSON: an unterminated string: one finding, from its opening quote to the end of the line, saying so', () => {
  const text = lines('{', '  "apiVersion": "alertcfg/v1",', '  "kind": "Contact,', '  "spec": {"Name": "a"}', '}');
  assert.deepEqual(check(text), [
    { code: 'syntax-error', severity: 'error', range: '3:11-3:20', message: 'This string is not closed: the quote that opens it is here. Add the closing " on this line (a JSON string cannot span lines).' },
  ]);
});

test('JSON on one line with a syntax error that stops the parser is still reported', () => {
  const text = '{"apiVersion": "alertcfg/v1", "kind": "Contact", "spec": {"Name": "a",}}\n';
  assert.deepEqual(brief(text), ['syntax-error error 1:70-1:71']);
});

test('YAML: an unterminated double-quoted string points at the line where the quote opens', () => {
  const text = lines(...ENVELOPE_HEAD, 'spec:', '  Name: "sre-oncall', '  Email: b@example.com');
  assert.deepEqual(check(text).map((d) => `${d.code} ${d.range} ${d.message}`), [
    'syntax-error 4:9-4:20 This double-quoted string is not closed: the quote that opens it is here, and the string runs on to the end of the document. Add the closing ".',
  ]);
});

test('YAML: an unterminated single-quoted string, and one inside a flow list: one finding each, at the opening quote', () => {
  const single = lines(...ENVELOPE_HEAD, 'spec:', "  Name: 'it''s", '  Email: b@example.com');
  assert.deepEqual(check(single).map((d) => `${d.range} ${d.message}`), [
    "4:9-4:15 This single-quoted string is not closed: the quote that opens it is here, and the string runs on to the end of the document. Add the closing '.",
  ]);
  const flow = lines(...ENVELOPE_HEAD, 'spec:', '  Name: x', '  ContactGroupIds: ["a, b]', '  Email: b@example.com');
  assert.deepEqual(brief(flow), ['syntax-error error 5:21-5:27']);
});

test('YAML: quoted strings that do close (across lines, with escaped quotes) are not findings', () => {
  const text = lines(...ENVELOPE_HEAD, 'metadata:', '  name: "sre', '    oncall"', 'spec:', "  Name: 'it''s'", '  Email: "b\\"@example.com"');
  assert.deepEqual(brief(text).filter((b) => b.startsWith('syntax')), []);
});

// ---- wrong types ----------------------------------------------------------------

test('values of the wrong type: each on its value, with the type it should have', () => {
  const text = lines(...ENVELOPE_HEAD, 'metadata: [a]', 'spec:', '  Name: [a]', '  Webhook: hello', '  ContactGroupIds: abc');
  const r = check(text);
  assert.deepEqual(r.map((d) => `${d.code} ${d.range} ${d.message}`), [
    'invalid-type 3:11-3:14 "metadata" must be a mapping, not a list.',
    'InvalidParameter.Name 5:9-5:12 "Name" must be a string, not a list.',
    'InvalidParameter.Webhook 6:12-6:17 "Webhook" must be a mapping, not a string.',
    'InvalidParameter.ContactGroupIds 7:20-7:23 "ContactGroupIds" must be a list, not a string.',
  ]);
});

test('a spec that is not a mapping, and a kind that is not a string', () => {
  assert.deepEqual(brief(lines(...ENVELOPE_HEAD, 'spec: hello')), ['invalid-type error 3:7-3:12']);
  assert.deepEqual(brief(lines('apiVersion: alertcfg/v1', 'kind: 3', 'spec: {}')), ['invalid-type error 2:7-2:8']);
});

// ---- empty and comment-only files -------------------------------------------------

test('an empty file and a file of only comments: no findings, not ours', () => {
  for (const [text, format] of [
    ['', undefined],
    ['', 'json'],
    ['\n\n', undefined],
    ['   \n', 'json'],
    [lines('# just', '# comments'), undefined],
    [lines('# alertcfg-disable-next-line', '# apiVersion: alertcfg/v1', '---', '# more', '...'), 'yaml'],
  ] as const) {
    const r = validateText(text, format ? { format } : {});
    assert.deepEqual(r.findings, [], JSON.stringify(text));
    assert.equal(r.ours, false, JSON.stringify(text));
  }
});

// ---- duplicate keys -----------------------------------------------------------------

test('duplicate keys in YAML (block and flow) cover the whole second key', () => {
  assert.deepEqual(brief(lines(...ENVELOPE_HEAD, 'spec:', '  Name: a', '  Name: b')), ['duplicate-key error 5:3-5:7']);
  assert.deepEqual(brief(lines(...ENVELOPE_HEAD, 'spec: {Name: a, Name: b}')), ['duplicate-key error 3:17-3:21']);
  assert.deepEqual(brief(lines(...ENVELOPE_HEAD, 'spec:', '  Name: a', '  "Name": b')), ['duplicate-key error 5:3-5:9']);
});

test('duplicate keys in JSON cover the second key with its quotes', () => {
  const text = lines('{"apiVersion": "alertcfg/v1", "kind": "Contact",', '"spec": {"Name": "a", "Name": "b"}}');
  const r = check(text);
  assert.deepEqual(r.map((d) => `${d.code} ${d.severity} ${d.range}`), ['duplicate-key error 2:23-2:29']);
  assert.match(r[0]!.message, /^Duplicate key/);
});

// ---- size -------------------------------------------------------------------------

test('a file over 5 MB (20,000 Contact documents) is validated completely', SLOW, () => {
  const docs: string[] = [];
  for (let i = 0; i < 20_000; i++) {
    docs.push(
      [
        'apiVersion: alertcfg/v1', // 1
        'kind: Contact', // 2
        `metadata: {name: contact-${i}, labels: {team: sre, tier: oncall}}`, // 3
        'spec:', // 4
        `  Name: contact-${i}`, // 5
        `  Email: ${i === 0 || i === 10_000 || i === 19_999 ? 'broken' : `c${i}@example.com`}`, // 6
        '  ContactGroupIds: [e28ae750-bbb8-4ff4-abf4-1e0e0f88808c]', // 7
        `  Webhook: {Address: "https://hooks.example.com/c/${i}"}`, // 8
        '',
      ].join('\n'),
    );
  }
  // Each document is 8 lines plus its `---`: document i starts on line 9i + 1.
  const text = docs.join('---\n');
  assert.ok(text.length > 5 * 1024 * 1024, `only ${text.length} characters`);
  const r = validateText(text);
  assert.equal(r.documents.length, 20_000);
  assert.equal(r.results.filter((x) => x.resource?.kind === 'Contact').length, 20_000);
  assert.deepEqual(describe(text, r.findings).map((d) => `${d.code} ${d.range}`), [
    'InvalidParameter.Email 6:10-6:16',
    'InvalidParameter.Email 90006:10-90006:16',
    'InvalidParameter.Email 179997:10-179997:16',
  ]);
});

// ---- alias bombs ------------------------------------------------------------------

test('100,000 aliases of one scalar: finishes with a valid result', SLOW, () => {
  const text = lines(...ENVELOPE_HEAD, 'spec:', '  Name: &a e28ae750-bbb8-4ff4-abf4-1e0e0f88808c', `  ContactGroupIds: [${Array(100_000).fill('*a').join(', ')}]`);
  const r = validateText(text);
  assert.equal(r.ours, true);
  assert.deepEqual(r.findings, []);
});

test('100,000 aliases of a small mapping: every use is checked and reported on its alias', SLOW, () => {
  const text = lines(...ENVELOPE_HEAD, 'metadata:', '  labels: &a {x: y}', 'spec:', '  Name: flat', `  ContactGroupIds: [${Array(100_000).fill('*a').join(', ')}]`);
  // Completeness, not speed: a clock that stands still, so that a loaded machine cannot run out the time budget.
  const r = check(text, { budget: { ms: 2000, now: () => 0 } });
  assert.equal(r.length, 100_000);
  // `  ContactGroupIds: [` is 20 characters; alias k is at column 21 + 4k.
  assert.equal(`${r[0]!.code} ${r[0]!.range}`, 'InvalidParameter.ContactGroupIds 7:21-7:23');
  assert.equal(`${r[99_999]!.code} ${r[99_999]!.range}`, 'InvalidParameter.ContactGroupIds 7:400017-7:400019');
});

test('100,000 aliases of a mapping of 20 keys: alias-expansion-limit, not validated', SLOW, () => {
  const big = Array.from({ length: 20 }, (_, i) => `k${i}: v`).join(', ');
  const text = lines(...ENVELOPE_HEAD, 'metadata:', `  labels: &a {${big}}`, 'spec:', '  Name: flat', `  ContactGroupIds: [${Array(100_000).fill('*a').join(', ')}]`);
  const r = check(text);
  assert.deepEqual(r.map((d) => `${d.code} ${d.severity} ${d.range}`), ['alias-expansion-limit error 1:1-1:2']);
  assert.match(r[0]!.message, /Aliases in this document expand to more than 2000000 nodes/);
});

test('a nested "billion laughs" alias bomb: alias-expansion-limit, no hang', SLOW, () => {
  const ls = [...ENVELOPE_HEAD, 'metadata:', '  labels:', '    l0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < 10; i++) ls.push(`    l${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
  ls.push('spec:', '  Name: laughs', '  ContactGroupIds: *a9');
  assert.deepEqual(brief(lines(...ls)), ['alias-expansion-limit error 1:1-1:2']);
});

test('a "billion laughs" bomb in a document that is not ours: no findings, no hang', SLOW, () => {
  const ls = ['apiVersion: v1', 'kind: ConfigMap', 'data:', '  l0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < 12; i++) ls.push(`  l${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
  assert.deepEqual(brief(lines(...ls)), []);
});

// ---- deep nesting -------------------------------------------------------------------

const DEEP = 100_000;
const JSON_HEAD = '{"apiVersion": "alertcfg/v1", "kind": "Contact", "spec": {"Name": "x", "Webhook": ';

test('JSON: 100,000 levels of [ inside an envelope: one syntax-error, no throw', SLOW, () => {
  const text = `${JSON_HEAD}${'['.repeat(DEEP)}${']'.repeat(DEEP)}}}\n`;
  const r = check(text);
  assert.deepEqual(r.map((d) => `${d.code} ${d.range} ${d.message}`), ['syntax-error 1:1-1:2 This JSON is nested too deeply to parse.']);
});

test('JSON: 100,000 levels of {"a": inside an envelope: one syntax-error, no throw', SLOW, () => {
  const text = `${JSON_HEAD}${'{"a":'.repeat(DEEP)}1${'}'.repeat(DEEP)}}}\n`;
  assert.deepEqual(brief(text), ['syntax-error error 1:1-1:2']);
});

test('JSON: 100,000 unclosed [ and a bare deep array that is not ours: no findings, no throw', SLOW, () => {
  assert.deepEqual(brief('['.repeat(DEEP), { format: 'json' }), []);
  assert.deepEqual(brief(`${'['.repeat(DEEP)}${']'.repeat(DEEP)}`), []);
});

test('JSON: 1,000 levels (the parser copes) are cut at 500 with nesting-too-deep', () => {
  const text = `${JSON_HEAD}${'['.repeat(1000)}${']'.repeat(1000)}}}\n`;
  // JSON_HEAD is 82 characters: the first [ is column 83, the 500th (depth 501) column 582.
  assert.equal(JSON_HEAD.length, 82);
  assert.deepEqual(brief(text), ['InvalidParameter.Webhook error 1:83-1:2083', 'nesting-too-deep error 1:582-1:583']);
});

test('YAML: 100,000 levels of [ inside an envelope: nesting-too-deep at depth 501, no throw', SLOW, () => {
  const text = lines(...ENVELOPE_HEAD, `spec: ${'['.repeat(DEEP)}${']'.repeat(DEEP)}`);
  const r = check(text);
  assert.ok(r.length > 0);
  // spec's [ (column 7) is depth 1; depth 501 is the 501st bracket, column 507.
  assert.equal(r[0]!.code, 'nesting-too-deep');
  assert.match(r[0]!.range, /^3:507-/);
  for (const d of r) assert.ok(d.code === 'nesting-too-deep' || d.code === 'syntax-error', d.code);
  for (const d of r) assert.doesNotMatch(d.message, /call stack/i);
});

test('YAML: 100,000 levels of {a: inside an envelope: nesting-too-deep at depth 501, no throw', SLOW, () => {
  const text = lines(...ENVELOPE_HEAD, `spec: ${'{a: '.repeat(DEEP)}1${'}'.repeat(DEEP)}`);
  const r = check(text);
  assert.equal(r[0]!.code, 'nesting-too-deep');
  assert.match(r[0]!.range, /^3:2007-/);
  for (const d of r) assert.ok(d.code === 'nesting-too-deep' || d.code === 'syntax-error', d.code);
  for (const d of r) assert.doesNotMatch(d.message, /call stack/i);
});

test('YAML: 2,000 levels of block mappings: nesting-too-deep at depth 501, no throw', SLOW, () => {
  const ls = [...ENVELOPE_HEAD, 'spec:'];
  for (let i = 1; i <= 2000; i++) ls.push(`${'  '.repeat(i)}a:${i === 2000 ? ' 1' : ''}`);
  const r = check(lines(...ls));
  // The mapping on line 3 + i is at depth i; depth 501 is line 504, indented 1002.
  assert.equal(r[0]!.code, 'nesting-too-deep');
  assert.match(r[0]!.range, /^504:1003-/);
  for (const d of r) assert.ok(d.code === 'nesting-too-deep' || d.code === 'syntax-error', d.code);
});

// ---- bytes: binary, non-UTF-8, BOM, CRLF ---------------------------------------------

test('decodeFile: NUL bytes make a binary file, skipped with a reason', () => {
  assert.deepEqual(decodeFile(bytes('apiVersion: alertcfg/v1\n', [0, 1, 2, 3]), 1e7), { ok: false, skip: 'binary file (it contains NUL bytes)' });
  assert.deepEqual(decodeFile(bytes([0x89], 'PNG\r\n', [0x1a, 0x0a, 0, 0, 0, 0x0d]), 1e7), { ok: false, skip: 'binary file (it contains NUL bytes)' });
});

test('decodeFile: a Latin-1 byte is an encoding-error at its offset', () => {
  const r = decodeFile(bytes('name: Jos', [0xe9], '\n'), 1e7);
  assert.equal(r.ok, false);
  assert.ok('finding' in r);
  assert.deepEqual({ code: r.finding.code, severity: r.finding.severity, start: r.finding.start, end: r.finding.end }, { code: 'encoding-error', severity: 'error', start: 9, end: 10 });
  assert.equal(r.text, 'name: Jos\uFFFD\n');
});

test('decodeFile: the offset of a bad byte counts UTF-16 units after multi-byte characters', () => {
  // 'name: 日本😀 ' is 11 UTF-16 units (😀 is two).
  const r = decodeFile(bytes('name: 日本😀 ', [0xff], 'x\n'), 1e7);
  assert.ok(!r.ok && 'finding' in r);
  assert.deepEqual([r.finding.code, r.finding.start, r.finding.end], ['encoding-error', 11, 12]);
  assert.deepEqual(describe(r.text, [r.finding]).map((d) => d.range), ['1:12-1:13']);
});

test('decodeFile: a real U+FFFD in the file is not taken for the bad byte', () => {
  const r = decodeFile(bytes('a: \uFFFD\nb: ', [0xc3, 0x28], '\n'), 1e7);
  assert.ok(!r.ok && 'finding' in r);
  assert.deepEqual([r.finding.code, r.finding.start], ['encoding-error', 8]);
  assert.deepEqual(describe(r.text, [r.finding]).map((d) => d.range), ['2:4-2:5']);
});

test('decodeFile: a truncated multi-byte sequence at the end of the file', () => {
  const r = decodeFile(bytes('a: ', [0xe6, 0x97]), 1e7);
  assert.ok(!r.ok && 'finding' in r);
  assert.deepEqual([r.finding.code, r.finding.start, r.finding.end], ['encoding-error', 3, 4]);
});

test('decodeFile: a file over the size limit is one file-too-large error (it was never read)', () => {
  const r = decodeFile(bytes('a'.repeat(2000)), 1024);
  assert.ok(!r.ok && 'finding' in r);
  assert.deepEqual([r.finding.code, r.finding.severity, r.finding.start, r.finding.end], ['file-too-large', 'error', 0, 0]);
  assert.match(r.finding.message, /2000 bytes, over the limit of 1024/);
});

test('decodeFile: a UTF-8 BOM is dropped and CRLF kept; the text then validates with LF positions', () => {
  const r = decodeFile(bytes([0xef, 0xbb, 0xbf], 'apiVersion: alertcfg/v1\r\nkind: Contact\r\nspec:\r\n  Name: x\r\n  Email: nope\r\n'), 1e7);
  assert.ok(r.ok);
  assert.equal(r.text.charCodeAt(0), 'a'.charCodeAt(0));
  assert.deepEqual(brief(r.text), ['InvalidParameter.Email error 5:10-5:14']);
});

test('validateText with a BOM still in the text (an editor buffer) and CRLF endings', () => {
  const text = '\uFEFFapiVersion: alertcfg/v1\r\nkind: Contact\r\nspec:\r\n  Name: x\r\n  Email: nope\r\n';
  assert.deepEqual(brief(text), ['InvalidParameter.Email error 5:10-5:14']);
});
