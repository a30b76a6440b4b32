import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DocumentSymbol, FoldingRange, SelectionRange, SymbolInformation } from 'vscode-languageserver-protocol';
import { type LspClient, lines, offsetAt, startServer } from './harness';

const TWO = lines(
  '# contacts and events',
  'apiVersion: alertcfg/v1',
  'kind: Contact',
  'metadata:',
  '  name: sre-oncall',
  'spec:',
  '  Name: sre',
  '  Email: sre@example.com',
  '---',
  'apiVersion: alertcfg/v1',
  'kind: EventReport',
  'spec:',
  '  events:',
  '    - starts_at: 1716188400000',
  '      metadata:',
  '        event_name: x',
  '        event_severity: Major',
  '        event_type: alarm',
  '        resource_provider: ecs',
  '        resource_type: vm',
  '        resource_id: i-1',
);

describe('document symbols, folding and selection ranges', () => {
  let c: LspClient;
  let uri: string;
  before(async () => {
    c = await startServer();
    uri = c.open('two.yaml', TWO);
  });
  after(() => c.shutdown());

  test('one outline entry per resource: its name (or kind and number) and its kind', async () => {
    const symbols = await c.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(
      symbols.map((s) => [s.name, s.detail, s.kind, s.range.start.line, s.range.end.line]),
      [
        ['sre-oncall', 'Contact', 2, 1, 7],
        ['EventReport #2', 'EventReport', 2, 9, 20],
      ],
    );
    assert.deepEqual(symbols[0]!.selectionRange, { start: { line: 4, character: 8 }, end: { line: 4, character: 18 } });
    assert.deepEqual(symbols[0]!.range.end, { line: 7, character: 24 });
    assert.deepEqual(symbols[0]!.children?.map((s) => s.name), ['apiVersion', 'kind', 'metadata', 'spec']);
    const spec = symbols[0]!.children![3]!;
    assert.deepEqual(spec.children?.map((s) => [s.name, s.detail, s.kind]), [
      ['Name', 'sre', 15],
      ['Email', 'sre@example.com', 15],
    ]);
    const events = symbols[1]!.children![2]!.children![0]!;
    assert.deepEqual([events.name, events.kind, events.children?.[0]?.name, events.children?.[0]?.children?.map((s) => s.name)], ['events', 18, '[0]', ['starts_at', 'metadata']]);
  });

  test('a client without hierarchical symbols gets a flat list with containers', async () => {
    const flat = await startServer({ capabilities: { textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: false } } } });
    try {
      const u = flat.open('two.yaml', TWO);
      const list = await flat.request<SymbolInformation[]>('textDocument/documentSymbol', { textDocument: { uri: u } });
      assert.deepEqual(list.slice(0, 3).map((s) => [s.name, s.containerName]), [
        ['sre-oncall', undefined],
        ['apiVersion', 'sre-oncall'],
        ['kind', 'sre-oncall'],
      ]);
      assert.equal(list[0]!.location.uri, u);
    } finally {
      await flat.shutdown();
    }
  });

  test('folding: each document, each multi-line mapping or list from its key, each list item', async () => {
    const folds = await c.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.deepEqual(
      folds.map((f) => [f.startLine, f.endLine, f.kind ?? '']),
      [
        [1, 7, 'region'],
        [3, 4, ''],
        [5, 7, ''],
        [9, 20, 'region'],
        [11, 20, ''],
        [12, 20, ''],
        [13, 20, ''],
        [14, 20, ''],
      ],
    );
  });

  test('selection expands from a value to its entry, its mapping, ... up to the document', async () => {
    const [sel] = await c.request<SelectionRange[]>('textDocument/selectionRange', { textDocument: { uri }, positions: [c.pos(uri, 'Major', 2)] });
    const texts: string[] = [];
    for (let r: SelectionRange | undefined = sel; r; r = r.parent) texts.push(TWO.slice(offsetAt(TWO, r.range.start), offsetAt(TWO, r.range.end)));
    assert.equal(texts[0], 'Major');
    assert.equal(texts[1], 'event_severity: Major');
    assert.ok(texts[2]!.startsWith('event_name: x\n        event_severity: Major') && texts[2]!.endsWith('resource_id: i-1'), texts[2]);
    assert.ok(texts[3]!.startsWith('metadata:\n        event_name: x'), texts[3]);
    assert.equal(texts[texts.length - 1], TWO.slice(TWO.indexOf('---')).trimEnd());
    for (let i = 1; i < texts.length; i++) assert.ok(texts[i]!.includes(texts[i - 1]!), `range ${i} holds range ${i - 1}`);
  });

  test('selection inside a reference selects its name, then the reference', async () => {
    const u = c.open('ref.yaml', lines('apiVersion: alertcfg/v1', 'kind: Contact', 'spec:', '  Name: r', '  Webhook:', '    Address: https://example.com/hook', '    Token: ${secret:hook-token}'));
    const text = c.text(u);
    const [sel] = await c.request<SelectionRange[]>('textDocument/selectionRange', { textDocument: { uri: u }, positions: [c.pos(u, 'hook-token', 3)] });
    const texts: string[] = [];
    for (let r: SelectionRange | undefined = sel; r; r = r.parent) texts.push(text.slice(offsetAt(text, r.range.start), offsetAt(text, r.range.end)));
    assert.deepEqual(texts.slice(0, 3), ['hook-token', '${secret:hook-token}', 'Token: ${secret:hook-token}']);
  });
});
