/**
 * Line endings: LF, CRLF and a lone CR are all line breaks (YAML 1.2 §5.4, and LSP
 * for positions). The same resources written with any of them, or a mix, give the
 * same findings at the same 1-based `line:col`; expected ranges are counted by hand.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineIndex, parseSource, toValue, yamlDocumentCut } from '../../server/src/engine/index';
import { splitYamlDocuments } from '../../server/src/engine/parse/yaml-split';
import { hasLoneCr, lineBreakOf, lineEndAt, lineStartAt, nextLineStart, withLineFeeds } from '../../server/src/engine/text/line-breaks';
import { brief, check } from '../helpers/findings';

/** Lines joined by one line break, with one after the last. */
const joined = (ls: readonly string[], eol: string) => ls.join(eol) + eol;

const CONTACT = [
  'apiVersion: alertcfg/v1', // 1
  'kind: Contact', // 2
  'spec:', // 3
  '  Name: x', // 4
  '  Email: nope', // 5
  '  ContactGroupIds: [a]', // 6
  '  Webhok: {}', // 7
];
const CONTACT_FINDINGS = ['InvalidParameter.Email error 5:10-5:14', 'InvalidParameter.ContactGroupIds error 6:21-6:22', 'unknown-property warning 7:3-7:9'];

test('the report of the problem: a lone-CR resource is read as lines, not as one line of nested mappings', () => {
  assert.deepEqual(brief('apiVersion: alertcfg/v1\rkind: Contact\rspec:\r  Name: x\r'), []);
});

test('LF, CRLF and lone CR give the same findings (codes, messages) at the same line:col', () => {
  assert.deepEqual(brief(joined(CONTACT, '\n')), CONTACT_FINDINGS);
  const lf = check(joined(CONTACT, '\n'));
  assert.deepEqual(check(joined(CONTACT, '\r\n')), lf);
  assert.deepEqual(check(joined(CONTACT, '\r')), lf);
  // No line break after the last line either.
  assert.deepEqual(brief(CONTACT.join('\r')), CONTACT_FINDINGS);
});

test('mixed line endings in one file', () => {
  const eols = ['\r', '\n', '\r\n', '\r', '\r\n', '\n', '\r'];
  const text = CONTACT.map((l, i) => l + eols[i]).join('');
  assert.deepEqual(brief(text), CONTACT_FINDINGS);
  // A CR then an LF is one break; an LF then a CR is two (an empty line between).
  const lfcr = ['apiVersion: alertcfg/v1', 'kind: Contact', 'spec:', '  Name: x'].join('\n\r') + '\n\r  Email: nope\r';
  assert.deepEqual(brief(lfcr), ['InvalidParameter.Email error 9:10-9:14']);
});

test('lone CR in JSON, in a multi-document stream, after a BOM and before a modeline', () => {
  const json = ['{', '  "apiVersion": "alertcfg/v1",', '  "kind": "Contact",', '  "spec": {"Name": "x", "Email": "nope"}', '}'];
  assert.deepEqual(brief(joined(json, '\r')), ['InvalidParameter.Email error 4:34-4:40']);
  assert.deepEqual(brief(joined(json, '\r'), { format: 'json' }), ['InvalidParameter.Email error 4:34-4:40']);
  const stream = ['apiVersion: alertcfg/v1', 'kind: Contact', 'spec: {Name: a}', '---', 'apiVersion: alertcfg/v1', 'kind: Contact', 'spec:', '  Name: b', '  Email: nope'];
  assert.deepEqual(brief(joined(stream, '\r')), ['InvalidParameter.Email error 9:10-9:14']);
  const bom = `\uFEFF${joined(['apiVersion: alertcfg/v1', 'kind: Contact', 'spec:', '  Email: nope'], '\r')}`;
  assert.deepEqual(brief(bom), ['MissingParameter.Name error 3:1-3:5', 'InvalidParameter.Email error 4:10-4:14']);
  assert.deepEqual(brief(joined(['# alertcfg: kind=Contact', 'Name: raw', 'Email: nope'], '\r')), ['InvalidParameter.Email error 3:8-3:12']);
});

test('a `...` line ends its document at its lone CR', () => {
  const text = joined(['apiVersion: alertcfg/v1', 'kind: Contact', 'spec: {Name: a}', '...', 'apiVersion: alertcfg/v1', 'kind: Contact', 'spec: {Name: b, Email: nope}'], '\r');
  // 'apiVersion: alertcfg/v1\r' is 24 characters, 'kind: Contact\r' 14, 'spec: {Name: a}\r' 16, '...\r' 4.
  assert.deepEqual(splitYamlDocuments(text), [{ start: 0, end: 58 }, { start: 58, end: text.length }]);
  assert.deepEqual(parseSource(text).map((d) => d.base), [0, 58]);
  assert.deepEqual(brief(text), ['InvalidParameter.Email error 7:24-7:28']);
});

test('disable-next-line reads its codes up to the lone CR, and applies to the next line only', () => {
  const named = ['apiVersion: alertcfg/v1', 'kind: Contact', 'spec:', '  Name: x', '  # alertcfg-disable-next-line InvalidParameter.Email', '  Email: nope', '  ContactGroupIds: [a]'];
  assert.deepEqual(brief(joined(named, '\r')), ['InvalidParameter.ContactGroupIds error 7:21-7:22']);
  const all = named.map((l) => (l.includes('disable') ? '  # alertcfg-disable-next-line' : l));
  assert.deepEqual(brief(joined(all, '\r')), ['InvalidParameter.ContactGroupIds error 7:21-7:22']);
});

test('too many documents: the cut is found on lone-CR lines', () => {
  const doc = (name: string) => ['apiVersion: alertcfg/v1', 'kind: Contact', `spec: {Name: ${name}}`];
  // Lines 1-3, `...` on 4, lines 5-7, `...` on 8, a comment on 9 that starts the third document, its content from line 10.
  const text = joined([...doc('a'), '...', ...doc('b'), '...', '# third', ...doc('c')], '\r');
  // Each of the first two documents is 24 + 14 + 16 + 4 = 58 characters; '# third\r' 8 more.
  assert.deepEqual(yamlDocumentCut(text, 2), { at: 124, total: 3 });
  assert.deepEqual(brief(text, { settings: { rules: {}, maxDocuments: 2 } }), ['too-many-documents warning 9:1-9:2']);
});

test('scalar content: its lone CRs are line feeds, as YAML says', () => {
  const text = 'apiVersion: alertcfg/v1\rkind: Contact\rmetadata:\r  annotations:\r    block: |\r      one\r      two\r    folded: "a\r      b"\r';
  const root = parseSource(text)[0]!.root!;
  assert.deepEqual(toValue(root), { apiVersion: 'alertcfg/v1', kind: 'Contact', metadata: { annotations: { block: 'one\ntwo\n', folded: 'a b' } } });
});

test('LineIndex: lines end at CRLF, LF and lone CR; the CR of a CRLF is not a character', () => {
  // Offsets:        a0 \r1 b2 \r3 \n4 c5 \n6 d7 \r8
  const lines = new LineIndex('a\rb\r\nc\nd\r');
  assert.equal(lines.lineCount, 5);
  assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((o) => lines.positionAt(o)).map((p) => `${p.line}:${p.character}`), ['0:0', '0:1', '1:0', '1:1', '1:1', '2:0', '2:1', '3:0', '3:1', '4:0']);
  assert.deepEqual([0, 1, 2, 3, 4].map((l) => [lines.lineStart(l), lines.lineEnd(l), lines.lineText(l)]), [[0, 1, 'a'], [2, 3, 'b'], [5, 6, 'c'], [7, 8, 'd'], [9, 9, '']]);
  assert.equal(lines.offsetAt({ line: 1, character: 99 }), 3);
  assert.equal(lines.offsetAt({ line: 3, character: 1 }), 8);
  assert.equal(lines.offsetAt({ line: 9, character: 0 }), 9);
  // Given line starts (a TextDocument's) are used as they are.
  const given = new LineIndex('a\rb', [0, 2]);
  assert.deepEqual(given.positionAt(2), { line: 1, character: 0 });
  assert.equal(given.lineEnd(0), 1);
});

test('line-break helpers: line start, content end, next line, the style a text uses', () => {
  const t = 'ab\rcd\r\nef\ngh';
  assert.deepEqual([0, 2, 3, 5, 6, 7, 9, 10, 12].map((o) => lineStartAt(t, o)), [0, 0, 3, 3, 3, 7, 7, 10, 10]);
  assert.deepEqual([0, 2, 3, 5, 6, 7, 9, 10, 12].map((o) => lineEndAt(t, o)), [2, 2, 5, 5, 5, 9, 9, 12, 12]);
  assert.deepEqual([0, 3, 6, 7, 10].map((o) => nextLineStart(t, o)), [3, 7, 7, 10, -1]);
  assert.deepEqual(['x', 'a\nb\rc', 'a\r\nb\nc', 'a\rb\r\nc', 'a\r'].map(lineBreakOf), ['\n', '\n', '\r\n', '\r', '\r']);
  assert.equal(withLineFeeds('a\rb\r\nc\r'), 'a\nb\r\nc\n');
  assert.equal(withLineFeeds('a\r\nb\n'), 'a\r\nb\n');
  assert.deepEqual([hasLoneCr('a\r\nb\rc', 0, 4), hasLoneCr('a\r\nb\rc', 0, 5), hasLoneCr('ab\r', 2, 3)], [false, true, true]);
});

test('U+2028 and U+2029 are not line breaks: a `---` after one does not start a document', () => {
  for (const sep of ['\u2028', '\u2029']) {
    const text = `a: "x${sep}--- y"\n---\nb: 1\n`;
    // Two documents: the first ends where the second line's `---` starts (`a: "x` 5, the
    // separator 1, `--- y"` 6, the LF 1: offset 13), not inside the string.
    assert.deepEqual(splitYamlDocuments(text), [
      { start: 0, end: 13 },
      { start: 13, end: text.length },
    ]);
  }
});
