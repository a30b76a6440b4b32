import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Hover, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { type LspClient, applyTextEdits, brief, editsFor, lines, startServer } from './harness';

const secretContact = (name: string) =>
  lines('apiVersion: alertcfg/v1', 'kind: Contact', 'metadata:', `  name: ${name}`, 'spec:', `  Name: ${name}`, '  Webhook:', '    Address: https://example.com/hook', '    Token: tok-0123456789');
const sev = (p: PublishDiagnosticsParams, code: string) => p.diagnostics.find((d) => d.code === code)?.severity;
const WARNING = 2;
const ERROR = 1;
const HINT = 4;

describe('configuration from the client and from .alertcfg.yaml', () => {
  let c: LspClient;
  before(async () => {
    c = await startServer({ files: { '.alertcfg.yaml': lines('rules:', '  secret-in-plaintext: error') } });
  });
  after(() => c.shutdown());

  test('.alertcfg.yaml sets a severity', async () => {
    const uri = c.open('a.yaml', secretContact('cfg-a'));
    const p = await c.diagnostics(uri, (x) => x.diagnostics.length > 0);
    assert.deepEqual(p.diagnostics.map(brief), ['secret-in-plaintext 9:12-9:26']);
    assert.equal(sev(p, 'secret-in-plaintext'), ERROR);
    assert.ok(c.configurationRequests.some((r) => r.items.some((i) => i.section === 'alertcfg' && i.scopeUri === uri)), 'asked the client for the document\'s settings');
  });

  test('client settings override the file, and a change takes effect on didChangeConfiguration', async () => {
    const uri = c.uri('a.yaml');
    c.settings = { rules: { 'secret-in-plaintext': 'hint' } };
    c.notify('workspace/didChangeConfiguration', { settings: null });
    const p = await c.diagnostics(uri, (x) => sev(x, 'secret-in-plaintext') === HINT, 5000, c.published.length);
    assert.deepEqual(p.diagnostics.map(brief), ['secret-in-plaintext 9:12-9:26']);
    c.settings = { rules: { 'secret-in-plaintext': 'off' } };
    c.notify('workspace/didChangeConfiguration', { settings: null });
    const off = await c.diagnostics(uri, (x) => x.diagnostics.length === 0, 5000, c.published.length);
    assert.deepEqual(off.diagnostics, []);
    c.settings = {};
    c.notify('workspace/didChangeConfiguration', { settings: null });
    const back = await c.diagnostics(uri, (x) => sev(x, 'secret-in-plaintext') === ERROR, 5000, c.published.length);
    assert.equal(back.diagnostics.length, 1);
  });

  test('a change of .alertcfg.yaml on disk (watched files) re-validates open documents', async () => {
    const uri = c.uri('a.yaml');
    const cfg = c.writeFile('.alertcfg.yaml', lines('rules:', '  secret-in-plaintext: warning'));
    c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: cfg, type: 2 }] });
    const p = await c.diagnostics(uri, (x) => sev(x, 'secret-in-plaintext') === WARNING, 5000, c.published.length);
    assert.equal(p.diagnostics.length, 1);
  });

  test('.alertcfg.yaml open in the editor gets its own diagnostics, and its edits apply to other documents', async () => {
    const uri = c.uri('a.yaml');
    const cfgText = lines('rules:', '  secret-in-plaintext: warning', 'exlude: []');
    const cfg = c.open('.alertcfg.yaml', cfgText);
    const own = await c.diagnostics(cfg, (x) => x.diagnostics.length > 0);
    assert.deepEqual(own.diagnostics.map(brief), ['unknown-property 3:1-3:7']);
    assert.match(String(own.diagnostics[0]!.message), /Did you mean "exclude"\?/);
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: cfg }, range: own.diagnostics[0]!.range, context: { diagnostics: own.diagnostics } });
    assert.deepEqual(actions.map((a) => a.title), ['Change to "exclude"']);
    assert.equal(applyTextEdits(cfgText, editsFor(actions[0]!.edit, cfg)), cfgText.replace('exlude', 'exclude'));
    const h = await c.request<Hover>('textDocument/hover', { textDocument: { uri: cfg }, position: { line: 0, character: 2 } });
    assert.ok((h.contents as MarkupContent).value.startsWith('**rules** · `object` · optional\n\nSeverity per finding code'), JSON.stringify(h));
    c.replace(cfg, 'secret-in-plaintext: warning', 'secret-in-plaintext: off');
    await c.diagnostics(uri, (x) => x.diagnostics.length === 0, 5000, c.published.length);
    c.close(cfg);
    // Closed: the file on disk (warning) applies again.
    const p = await c.diagnostics(uri, (x) => sev(x, 'secret-in-plaintext') === WARNING, 5000, c.published.length);
    assert.equal(p.diagnostics.length, 1);
  });

  test('schemas globs from the client associate raw bodies; exclude silences a path', async () => {
    c.settings = { schemas: { 'contacts/*.json': 'Contact' }, exclude: ['drafts/**'] };
    c.notify('workspace/didChangeConfiguration', { settings: null });
    const raw = c.open('contacts/raw.json', '{\n  "Email": "a@example.com"\n}\n');
    const p = await c.diagnostics(raw, (x) => x.diagnostics.length > 0);
    assert.deepEqual(p.diagnostics.map(brief), ['MissingParameter.Name 2:3-2:10']);
    const draft = c.open('drafts/wip.yaml', secretContact('cfg-draft'));
    const d = await c.settled(draft, () => true);
    assert.deepEqual(d.diagnostics, []);
    c.settings = {};
    c.notify('workspace/didChangeConfiguration', { settings: null });
    await c.diagnostics(draft, (x) => x.diagnostics.length === 1, 5000, c.published.length);
  });
});

describe('a client without workspace/configuration', () => {
  let c: LspClient;
  before(async () => {
    c = await startServer({ capabilities: { workspace: { configuration: false, workspaceFolders: true } } });
  });
  after(() => c.shutdown());

  test('uses .alertcfg.yaml and defaults, and settings pushed with didChangeConfiguration', async () => {
    const uri = c.open('b.yaml', secretContact('push-b'));
    const p = await c.diagnostics(uri, (x) => x.diagnostics.length > 0);
    assert.equal(sev(p, 'secret-in-plaintext'), WARNING);
    assert.equal(c.configurationRequests.length, 0);
    c.notify('workspace/didChangeConfiguration', { settings: { alertcfg: { rules: { 'secret-in-plaintext': 'off' } } } });
    await c.diagnostics(uri, (x) => x.diagnostics.length === 0, 5000, c.published.length);
  });
});
