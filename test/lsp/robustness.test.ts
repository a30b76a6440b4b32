import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CompletionList, Hover } from 'vscode-languageserver-protocol';
import { spawn, spawnSync } from 'node:child_process';
import { IPCMessageReader, IPCMessageWriter, StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import { type LspClient, SERVER, brief, lines, positionAt, sleep, startServer } from './harness';

/** A Contact without Name; each document gets its own metadata.name, so no two clash. */
const contact = (name: string) => lines('apiVersion: alertcfg/v1', 'kind: Contact', 'metadata:', `  name: ${name}`, 'spec:', '  Email: a@example.com');

const EMPTY_RESULTS: Record<string, unknown> = {
  'textDocument/completion': { isIncomplete: false, items: [] },
  'textDocument/hover': null,
  'textDocument/codeAction': [],
  'textDocument/documentSymbol': [],
  'textDocument/foldingRange': [],
  'textDocument/selectionRange': null,
};

describe('robustness: odd request orders and garbage never crash the server', () => {
  let c: LspClient;
  before(async () => {
    c = await startServer();
  });
  after(() => c.shutdown());

  test('didChange before didOpen is ignored; the later didOpen works', async () => {
    const uri = c.uri('early.yaml');
    c.notify('textDocument/didChange', { textDocument: { uri, version: 5 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'junk' }] });
    await sleep(50);
    c.open('early.yaml', contact('early'));
    const p = await c.diagnostics(uri);
    assert.deepEqual(p.diagnostics.map(brief), ['MissingParameter.Name 5:1-5:5']);
  });

  for (const [method, empty] of Object.entries(EMPTY_RESULTS)) {
    test(`${method} on an unknown URI, a closed document and garbage params returns ${JSON.stringify(empty)}`, async () => {
      const position = { line: 0, character: 0 };
      const range = { start: position, end: position };
      const base = { position, positions: [position], range, context: { diagnostics: [] } };
      assert.deepEqual(await c.request(method, { ...base, textDocument: { uri: 'file:///nowhere/x.yaml' } }), empty);
      const closed = c.open('closed.yaml', contact('closed'));
      c.close(closed);
      assert.deepEqual(await c.request(method, { ...base, textDocument: { uri: closed } }), empty);
      // Params that are not an object are refused by JSON-RPC itself (InvalidParams), and the server carries on.
      await assert.rejects(c.request(method, null), (e: { code?: number }) => e.code === -32602);
      for (const garbage of [{}, { textDocument: 5 }, { textDocument: { uri: 42 } }, { textDocument: { uri: 'not a uri' }, position: 'x' }]) {
        assert.deepEqual(await c.request(method, garbage), empty, `${method} ${JSON.stringify(garbage)}`);
      }
    });
  }

  test('invalid positions are clamped: beyond the end, negative, not numbers', async () => {
    const uri = c.open('positions.yaml', contact('positions'));
    for (const position of [{ line: 9999, character: 9999 }, { line: -3, character: -1 }, { line: 2, character: 9999 }, { line: 'a', character: null }, { line: 1.5, character: Number.MAX_SAFE_INTEGER }]) {
      const list = await c.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position });
      assert.equal(typeof list, 'object');
      assert.ok(Array.isArray(list.items));
      const h = await c.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
      assert.ok(h === null || typeof h === 'object');
      const sel = await c.request<unknown[]>('textDocument/selectionRange', { textDocument: { uri }, positions: [position] });
      assert.equal(sel.length, 1);
    }
    const actions = await c.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 50, character: 0 }, end: { line: -1, character: 0 } }, context: {} });
    assert.ok(Array.isArray(actions));
  });

  test('garbage notifications and edits out of range do not hurt', async () => {
    const uri = c.open('garbage.yaml', contact('garbage'));
    c.notify('textDocument/didChange', null);
    c.notify('textDocument/didChange', { textDocument: { uri } });
    c.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: 'nope', text: 'x' }, 7, null] });
    c.notify('textDocument/didOpen', { textDocument: {} });
    c.notify('textDocument/didClose', { textDocument: { uri: 'file:///never/opened.yaml' } });
    c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: 5 }, null, { uri: 'file:///tmp/none.yaml', type: 9 }] });
    c.notify('workspace/didChangeConfiguration', 'what');
    c.notify('alertcfg/unknownNotification', { a: 1 });
    await sleep(100);
    // An edit far beyond the end appends, as LSP clamping says.
    c.notify('textDocument/didChange', { textDocument: { uri, version: 10 }, contentChanges: [{ range: { start: { line: 999, character: 0 }, end: { line: 999, character: 0 } }, text: '  Name: garbage\n' }] });
    const p = await c.diagnostics(uri, (x) => x.version === 10);
    assert.deepEqual(p.diagnostics, []);
    // An older version than the document's is not applied.
    c.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: 'kind: Contact\n' }] });
    await sleep(300);
    assert.equal(c.published.filter((x) => x.uri === uri && x.version === 3).length, 0);
    assert.ok(c.alive);
  });

  test('unknown requests get MethodNotFound, not a crash; shutdown still works afterwards', async () => {
    await assert.rejects(c.request('alertcfg/doesNotExist', {}), (e: { code?: number }) => e.code === -32601);
    assert.ok(c.alive);
  });

  test('a storm of random incremental edits ends with the diagnostics of the final text', async () => {
    const uri = c.open('storm.yaml', contact('storm'));
    let seed = 42;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const pieces = ['x', ':', '\n', '  ', '- ', '{', '"', '${secret:', 'Name', '#', '\t', '---\n', '&a ', '*a'];
    for (let i = 0; i < 200; i++) {
      const text = c.text(uri);
      const a = rnd(text.length + 1);
      const b = Math.min(text.length, a + rnd(4));
      c.change(uri, [{ range: { start: positionAt(text, a), end: positionAt(text, b) }, text: pieces[rnd(pieces.length)]! }]);
      if (i % 20 === 0) {
        void c.request('textDocument/completion', { textDocument: { uri }, position: positionAt(c.text(uri), rnd(c.text(uri).length)) });
        void c.request('textDocument/hover', { textDocument: { uri }, position: positionAt(c.text(uri), rnd(c.text(uri).length)) });
      }
    }
    const final = c.change(uri, contact('storm'));
    const p = await c.diagnostics(uri, (x) => x.version === final, 10000);
    assert.deepEqual(p.diagnostics.map(brief), ['MissingParameter.Name 5:1-5:5']);
    assert.ok(c.alive);
    assert.doesNotMatch(c.stderr, /alertcfg-language-server: /);
  });

  test('shutdown answers and exit ends the process with code 0', async () => {
    const other = await startServer();
    await other.request('shutdown', null);
    other.notify('exit', null);
    const code = await new Promise<number | null>((r) => other.proc.once('exit', (cd) => r(cd)));
    assert.equal(code, 0);
    await other.shutdown();
  });
});

describe('transports and flags', () => {
  test('--node-ipc (the VS Code client) answers initialize', async () => {
    const proc = spawn(process.execPath, [SERVER, '--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const conn = createMessageConnection(new IPCMessageReader(proc), new IPCMessageWriter(proc));
    conn.listen();
    try {
      const r = await conn.sendRequest<{ serverInfo?: { name: string } }>('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      assert.equal(r.serverInfo?.name, 'alertcfg-language-server');
      await conn.sendRequest('shutdown');
      void conn.sendNotification('exit');
      const code = await new Promise<number | null>((res) => proc.once('exit', (c) => res(c)));
      assert.equal(code, 0);
    } finally {
      conn.dispose();
      if (proc.exitCode === null) proc.kill();
    }
  });

  test('initialize with garbage fields still answers with capabilities', async () => {
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    conn.listen();
    try {
      const r = await conn.sendRequest<{ capabilities?: { hoverProvider?: boolean } }>('initialize', { processId: 'x', rootUri: 7, workspaceFolders: 5, capabilities: 'none', initializationOptions: [1], locale: 3 });
      assert.equal(r.capabilities?.hoverProvider, true);
      void conn.sendNotification('initialized', {});
      const h = await conn.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///x.yaml' }, position: { line: 0, character: 0 } });
      assert.equal(h, null);
      await conn.sendRequest('shutdown');
      void conn.sendNotification('exit');
      await new Promise((res) => proc.once('exit', res));
    } finally {
      conn.dispose();
      if (proc.exitCode === null) proc.kill();
    }
  });

  test('--version prints the version', () => {
    const r = spawnSync(process.execPath, [SERVER, '--version'], { encoding: 'utf8' });
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^\d+\.\d+\.\d+/);
  });
});
