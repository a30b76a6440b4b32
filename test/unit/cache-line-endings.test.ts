/**
 * Incremental validation (a DocumentCache told of each edit) on texts with CRLF,
 * LF and lone CR line breaks, with edits that add and remove CRs and LFs: an LF
 * typed after a lone CR turns it into a CRLF (and the CR is no longer a break of
 * its own), a CR typed before an LF does the opposite. Every incremental result
 * must equal a validation from scratch of the same text.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DocumentCache, validateText } from '../../server/src/engine/index';
import { brief } from '../helpers/findings';
import { rng } from '../helpers/random';

/** Validates `text` after reporting one edit (`length` characters put in place of [start, end)) to the cache. */
function afterEdit(cache: DocumentCache, before: string, start: number, end: number, insert: string) {
  const text = before.slice(0, start) + insert + before.slice(end);
  cache.edited(start, end, insert.length);
  return { text, result: validateText(text, { format: 'yaml', cache }) };
}

function assertSameAsFresh(text: string, result: ReturnType<typeof validateText>, what: string): void {
  const fresh = validateText(text, { format: 'yaml' });
  assert.deepStrictEqual(result.findings, fresh.findings, `${what}: findings of ${JSON.stringify(text)}`);
  assert.deepStrictEqual(result.documents, fresh.documents, `${what}: documents of ${JSON.stringify(text)}`);
}

const HEAD = 'apiVersion: alertcfg/v1\rkind: Contact\r';

test('an LF typed after a lone CR, then deleted again: the same findings as from scratch, one document analysed', () => {
  // Three documents; the second has its error on line 9 (1-based), counted over lone CRs.
  let text = `${HEAD}spec: {Name: a}\r---\r${HEAD}spec:\r  Name: b\r  Email: nope\r---\r${HEAD}spec: {Name: c}\r`;
  const cache = new DocumentCache();
  validateText(text, { format: 'yaml', cache });
  assert.deepEqual(brief(text), ['InvalidParameter.Email error 9:10-9:14']);
  // After `  Name: b\r`: the CR becomes the CR of a CRLF, still one line break.
  const at = text.indexOf('  Name: b\r') + '  Name: b\r'.length;
  let r = afterEdit(cache, text, at, at, '\n');
  text = r.text;
  assert.equal(cache.analysed, 1);
  assertSameAsFresh(text, r.result, 'LF typed after a CR');
  assert.deepEqual(brief(text), ['InvalidParameter.Email error 9:10-9:14']);
  // Deleting that LF leaves a lone CR again.
  r = afterEdit(cache, text, at, at + 1, '');
  text = r.text;
  assertSameAsFresh(text, r.result, 'LF deleted after a CR');
  assert.deepEqual(brief(text), ['InvalidParameter.Email error 9:10-9:14']);
});

test('a CR typed before an LF, and deleted again, in an LF file', () => {
  let text = 'apiVersion: alertcfg/v1\nkind: Contact\nspec:\n  Name: b\n  Email: nope\n';
  const cache = new DocumentCache();
  validateText(text, { format: 'yaml', cache });
  const at = text.indexOf('\n  Email');
  let r = afterEdit(cache, text, at, at, '\r');
  text = r.text;
  assertSameAsFresh(text, r.result, 'CR typed before an LF');
  assert.deepEqual(brief(text), ['InvalidParameter.Email error 5:10-5:14']);
  r = afterEdit(cache, text, at, at + 1, '');
  text = r.text;
  assertSameAsFresh(text, r.result, 'CR deleted before an LF');
});

test('an LF deleted from a CRLF in a CRLF file leaves a lone CR, still a line break', () => {
  let text = 'apiVersion: alertcfg/v1\r\nkind: Contact\r\nspec:\r\n  Name: b\r\n  Email: nope\r\n';
  const cache = new DocumentCache();
  validateText(text, { format: 'yaml', cache });
  const at = text.indexOf('\n  Name');
  const r = afterEdit(cache, text, at, at + 1, '');
  text = r.text;
  assertSameAsFresh(text, r.result, 'LF deleted from a CRLF');
  assert.deepEqual(brief(text), ['InvalidParameter.Email error 5:10-5:14']);
});

test('lone CRs typed into a file that had none break the lines there; deleting one with its line', () => {
  let text = 'apiVersion: alertcfg/v1\nkind: Contact\nspec: {Name: b}\nmetadata: {name: x}\n';
  const cache = new DocumentCache();
  validateText(text, { format: 'yaml', cache });
  // `spec: {Name: b}` becomes `spec:` and `  Email: nope` on the line after it (its own lone CR).
  const at = text.indexOf(' {Name: b}');
  let r = afterEdit(cache, text, at, at + ' {Name: b}'.length, '\r  Name: b\r  Email: nope');
  text = r.text;
  assertSameAsFresh(text, r.result, 'lone CRs typed');
  assert.deepEqual(brief(text), ['InvalidParameter.Email error 5:10-5:14']);
  // A lone CR typed at the very end, after the last LF: a last, empty line.
  r = afterEdit(cache, text, text.length, text.length, '\r');
  text = r.text;
  assertSameAsFresh(text, r.result, 'a CR at the end');
  // The line `  Email: nope` deleted with the lone CR before it.
  const cr = text.indexOf('\r  Email: nope');
  r = afterEdit(cache, text, cr, cr + '\r  Email: nope'.length, '');
  text = r.text;
  assertSameAsFresh(text, r.result, 'lone CR deleted');
  assert.equal(text, 'apiVersion: alertcfg/v1\nkind: Contact\nspec:\r  Name: b\nmetadata: {name: x}\n\r');
  assert.deepEqual(brief(text), []);
});

const DOCS = [
  ['apiVersion: alertcfg/v1', 'kind: Contact', 'metadata:', '  name: a', 'spec:', '  Name: a', '  Email: a@example.com'],
  ['apiVersion: alertcfg/v1', 'kind: Contact', 'spec:', '  Email: not-an-email'],
  ['# alertcfg: kind=EventReport', 'events:', '  - metadata: {event_name: x}'],
  ['Name: raw', 'Email: raw@example.com'],
  ['kind: KeyOperationNotification', 'spec:', '  notification_name: k', '  operation_type: complete'],
];
const EOLS = ['\n', '\r\n', '\r'];
const INSERTS = ['\r', '\n', '\r\n', '\n\r', '\r---\r', '---\r', '...\r', 'x', ': ', '  Name: z\r', '# alertcfg: kind=Contact\r', ''];

test('random edits of CRs, LFs and markers in mixed-ending streams equal validations from scratch', () => {
  const r = rng(2718);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  let steps = 0;
  for (let round = 0; round < 40; round++) {
    const docs: string[] = [];
    for (let i = 0, n = 1 + Math.floor(r() * 6); i < n; i++) docs.push(pick(DOCS).map((l) => l + pick(EOLS)).join(''));
    let text = docs.join(`---${pick(EOLS)}`);
    const cache = new DocumentCache();
    validateText(text, { format: 'yaml', cache });
    for (let step = 0; step < 20; step++) {
      const start = Math.floor(r() * (text.length + 1));
      const end = Math.min(text.length, start + (r() < 0.6 ? 0 : Math.floor(r() * 3)));
      const e = afterEdit(cache, text, start, end, pick(INSERTS));
      text = e.text;
      assertSameAsFresh(text, e.result, `round ${round} step ${step}`);
      steps++;
    }
  }
  assert.equal(steps, 800);
});
