/**
 * The language server's open documents reuse the line starts their TextDocument
 * keeps edit by edit. That is right only if vscode-languageserver-textdocument ends
 * lines where LineIndex does (CRLF, LF, lone CR), also after edits that join a CR
 * and an LF into a CRLF or split one: checked here by hand, then on random edits.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../server/src/engine/index';
import { OpenDocument } from '../../server/src/lsp/documents';
import { rng } from '../helpers/random';

type Range = { start: { line: number; character: number }; end: { line: number; character: number } };

function offsetsOf(doc: TextDocument): number[] {
  return (doc as unknown as { getLineOffsets(): number[] }).getLineOffsets();
}

function edit(doc: OpenDocument, range: Range, text: string): void {
  doc.update([{ range, text }], doc.version + 1);
}

const pos = (line: number, character: number) => ({ line, character });
const at = (line: number, character: number) => ({ start: pos(line, character), end: pos(line, character) });

test('TextDocument line offsets: after CRLF, LF and lone CR, as LineIndex counts them', () => {
  assert.deepEqual(offsetsOf(TextDocument.create('file:///t.yaml', 'yaml', 1, 'a\rb\r\nc\nd\r')), [0, 2, 5, 7, 9]);
});

test('an open document keeps its lines right through edits that make and split CRLFs', () => {
  const doc = new OpenDocument('file:///t.yaml', 'yaml', 1, 'a\rb\nc');
  const lines = () => {
    const l = doc.lines();
    return [l.lineCount, ...Array.from({ length: doc.text.length + 1 }, (_, o) => `${l.positionAt(o).line}:${l.positionAt(o).character}`)];
  };
  assert.deepEqual(lines(), [3, '0:0', '0:1', '1:0', '1:1', '2:0', '2:1']);
  // An LF after the lone CR: 'a\r\nb\nc'.
  edit(doc, at(1, 0), '\n');
  assert.equal(doc.text, 'a\r\nb\nc');
  assert.deepEqual(lines(), [3, '0:0', '0:1', '0:1', '1:0', '1:1', '2:0', '2:1']);
  // The CRLF replaced by a lone CR again: 'a\rb\nc'.
  edit(doc, { start: pos(0, 1), end: pos(1, 0) }, '\r');
  assert.equal(doc.text, 'a\rb\nc');
  assert.deepEqual(lines(), [3, '0:0', '0:1', '1:0', '1:1', '2:0', '2:1']);
  // A CR typed before the LF: 'a\rb\r\nc'.
  edit(doc, at(1, 1), '\r');
  assert.equal(doc.text, 'a\rb\r\nc');
  assert.deepEqual(lines(), [3, '0:0', '0:1', '1:0', '1:1', '1:1', '2:0', '2:1']);
  // A lone CR typed inside the last line: 'a\rb\r\nx\ryc'.
  edit(doc, at(2, 0), 'x\ry');
  assert.deepEqual(lines(), [4, '0:0', '0:1', '1:0', '1:1', '1:1', '2:0', '2:1', '3:0', '3:1', '3:2']);
});

test('random edits of CRs and LFs: the reused line starts give the positions of a fresh LineIndex', () => {
  const r = rng(31337);
  const pieces = ['\r', '\n', '\r\n', '\n\r', 'x', 'ab', ''];
  let compared = 0;
  for (let round = 0; round < 30; round++) {
    const doc = new OpenDocument('file:///r.yaml', 'yaml', 1, 'k: v\rl: w\r\nm: x\n');
    for (let step = 0; step < 40; step++) {
      const fresh = new LineIndex(doc.text);
      const a = Math.floor(r() * (doc.text.length + 1));
      const b = Math.min(doc.text.length, a + Math.floor(r() * 3));
      edit(doc, { start: fresh.positionAt(a), end: fresh.positionAt(b) }, pieces[Math.floor(r() * pieces.length)]!);
      const reused = doc.lines();
      const own = new LineIndex(doc.text);
      assert.equal(reused.lineCount, own.lineCount, JSON.stringify(doc.text));
      for (let o = 0; o <= doc.text.length; o++) assert.deepEqual(reused.positionAt(o), own.positionAt(o), `${JSON.stringify(doc.text)} at ${o}`);
      compared++;
    }
  }
  assert.equal(compared, 1200);
});
