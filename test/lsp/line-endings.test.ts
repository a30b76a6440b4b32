/**
 * Lone CR line endings over LSP: LSP counts a lone CR as a line break, so every
 * position the server sends and reads (diagnostics, completion, hover, code
 * actions, folding, incremental edits) must count it too.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, CompletionList, FoldingRange, Hover, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { type LspClient, applyTextEdits, brief, editsFor, startServer } from './harness';

/** Lines each ended by a lone CR. */
const cr = (...ls: string[]) => `${ls.join('\r')}\r`;

describe('lone CR line endings', () => {
  let c: LspClient;
  before(async () => {
    c = await startServer();
  });
  after(() => c.shutdown());

  test('a diagnostic on the third line is on line 2 at the character of the value', async () => {
    const uri = c.open('third.yaml', cr('apiVersion: alertcfg/v1', 'kind: Contact', 'spec: {Name: x, Email: nope}'));
    const p = await c.diagnostics(uri, (x) => x.diagnostics.length > 0);
    // `spec: {Name: x, Email: ` is 23 characters; `nope` is 4.
    assert.deepEqual(p.diagnostics.map((d) => [d.code, d.range]), [['InvalidParameter.Email', { start: { line: 2, character: 23 }, end: { line: 2, character: 27 } }]]);
  });

  test('completion and hover at positions on a later line', async () => {
    const uri = c.open('later.yaml', cr('apiVersion: alertcfg/v1', 'kind: Contact', 'metadata:', '  name: keys', 'spec:', '  Email: a@example.com', '  '));
    const list = await c.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 6, character: 2 } });
    const name = list.items.find((i) => i.label === 'Name');
    assert.deepEqual(name?.textEdit, { range: { start: { line: 6, character: 2 }, end: { line: 6, character: 2 } }, newText: 'Name: ${1:user-demo}' });
    assert.ok(!list.items.some((i) => i.label === 'Email'), 'Email is there already');
    const hover = await c.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 4 } });
    assert.match((hover.contents as MarkupContent).value, /^\*\*Email\*\*/);
    assert.deepEqual(hover.range, { start: { line: 5, character: 2 }, end: { line: 5, character: 7 } });
  });

  test('a quick fix inserts its line with a lone CR', async () => {
    const text = cr('apiVersion: alertcfg/v1', 'kind: Contact', 'metadata:', '  name: fix-missing', 'spec:', '  Email: a@example.com');
    const uri = c.open('fix.yaml', text);
    const p = await c.diagnostics(uri, (x) => x.diagnostics.some((d) => d.code === 'MissingParameter.Name'));
    const diag = p.diagnostics.find((d) => d.code === 'MissingParameter.Name')!;
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag], only: ['quickfix'] } });
    const action = actions.find((a) => a.title === 'Add the missing property "Name"');
    assert.ok(action, JSON.stringify(actions.map((a) => a.title)));
    const edits: TextEdit[] = editsFor(action.edit, uri);
    // At the end of `  Email: a@example.com` (22 characters) on line 5.
    assert.deepEqual(edits, [{ range: { start: { line: 5, character: 22 }, end: { line: 5, character: 22 } }, newText: '\r  Name: user-demo' }]);
    assert.equal(applyTextEdits(text, edits), cr('apiVersion: alertcfg/v1', 'kind: Contact', 'metadata:', '  name: fix-missing', 'spec:', '  Email: a@example.com', '  Name: user-demo'));
  });

  test('edits that turn a lone CR into a CRLF, and add lone CRs, move the diagnostics with their lines', async () => {
    const uri = c.open('edits.yaml', cr('apiVersion: alertcfg/v1', 'kind: Contact', 'spec:', '  Name: edits', '  Email: nope'));
    const at = async (version: number) => (await c.diagnostics(uri, (p) => p.version === version)).diagnostics.map(brief);
    assert.deepEqual(await at(1), ['InvalidParameter.Email 5:10-5:14']);
    // An LF after the CR that ends `spec:`: one CRLF, the same lines.
    c.change(uri, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '\n' }]);
    assert.equal(c.text(uri), 'apiVersion: alertcfg/v1\rkind: Contact\rspec:\r\n  Name: edits\r  Email: nope\r');
    assert.deepEqual(await at(2), ['InvalidParameter.Email 5:10-5:14']);
    // That CRLF replaced by two lone CRs: an empty line after `spec:`.
    c.change(uri, [{ range: { start: { line: 2, character: 5 }, end: { line: 3, character: 0 } }, text: '\r\r' }]);
    assert.equal(c.text(uri), 'apiVersion: alertcfg/v1\rkind: Contact\rspec:\r\r  Name: edits\r  Email: nope\r');
    assert.deepEqual(await at(3), ['InvalidParameter.Email 6:10-6:14']);
    // A CR typed at the end of the first line, before its own CR: another empty line.
    c.change(uri, [{ range: { start: { line: 0, character: 23 }, end: { line: 0, character: 23 } }, text: '\r' }]);
    assert.deepEqual(await at(4), ['InvalidParameter.Email 7:10-7:14']);
  });

  test('folding ranges by lone-CR lines', async () => {
    const uri = c.open('fold.yaml', cr('# one', '# two', 'apiVersion: alertcfg/v1', 'kind: Contact', 'metadata:', '  name: f', 'spec:', '  Name: f'));
    await c.diagnostics(uri);
    const folds = await c.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.deepEqual(folds.map((f) => [f.startLine, f.endLine, f.kind ?? '']), [
      [0, 1, 'comment'],
      [4, 5, ''],
      [6, 7, ''],
    ]);
  });
});
