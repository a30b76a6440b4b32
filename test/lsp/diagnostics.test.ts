import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DocumentDiagnosticReport, FullDocumentDiagnosticReport, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { CancellationTokenSource, type LspClient, brief, lines, sleep, startServer } from './harness';

/** A Contact without Name; each test gives it its own metadata.name so no two documents clash. */
const contactNoName = (name: string) => lines('apiVersion: alertcfg/v1', 'kind: Contact', 'metadata:', `  name: ${name}`, 'spec:', '  Email: sre@example.com');

const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map(brief);

describe('push diagnostics', () => {
  let c: LspClient;
  before(async () => {
    c = await startServer();
  });
  after(() => c.shutdown());

  test('a missing Name is reported on the spec key, with source, severity and data', async () => {
    const uri = c.open('contact.yaml', contactNoName('sre'));
    const p = await c.diagnostics(uri);
    assert.deepEqual(codes(p), ['MissingParameter.Name 5:1-5:5']);
    assert.equal(p.version, 1);
    const d = p.diagnostics[0]!;
    assert.equal(d.source, 'alertcfg');
    assert.equal(d.severity, 1);
    assert.deepEqual(d.data, { path: ['spec', 'Name'], property: 'Name', example: 'user-demo' });
    assert.match(String(d.message), /Missing required property "Name"/);
  });

  test('incremental edits re-validate: adding Name clears it, a bad Email is reported on the value', async () => {
    const uri = c.uri('contact.yaml');
    const v2 = c.change(uri, [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: '  Name: sre\n' }]);
    const p2 = await c.diagnostics(uri, (p) => p.version === v2);
    assert.deepEqual(codes(p2), []);
    const v3 = c.replace(uri, 'sre@example.com', 'not-an-email');
    const p3 = await c.diagnostics(uri, (p) => p.version === v3);
    assert.deepEqual(codes(p3), ['InvalidParameter.Email 7:10-7:22']);
    assert.equal(c.text(uri).split('\n')[6], '  Email: not-an-email');
  });

  test('a burst of edits publishes only the newest version, never an older one after it', async () => {
    const uri = c.open('burst.yaml', contactNoName('burst'));
    await c.diagnostics(uri, (p) => p.version === 1);
    const start = c.published.length;
    c.replace(uri, 'sre@example.com', 'a@example.com');
    c.replace(uri, 'a@example.com', 'b@example.com');
    const last = c.replace(uri, 'b@example.com', 'broken');
    const p = await c.settled(uri, (x) => x.version === last);
    assert.deepEqual(codes(p), ['MissingParameter.Name 5:1-5:5', 'InvalidParameter.Email 6:10-6:16']);
    const versions = c.published.slice(start).filter((x) => x.uri === uri).map((x) => x.version);
    assert.deepEqual(versions, [last], `published versions ${JSON.stringify(versions)}`);
  });

  test('a JSON document gets JSON syntax errors at the right place', async () => {
    const uri = c.open('raw/contact.json', '{\n  "$schema": "contact.schema.json",\n  "Name": "x"\n  "Email": "a@example.com"\n}\n');
    const p = await c.diagnostics(uri);
    assert.deepEqual(codes(p), ['syntax-error 4:3-4:10']);
    assert.equal(p.diagnostics[0]!.message, "Expected ',' between values.");
  });

  test('a file that is not ours gets an empty publication', async () => {
    const uri = c.open('k8s.yaml', lines('apiVersion: v1', 'kind: ConfigMap', 'data:', '  Name: 3'));
    const p = await c.diagnostics(uri);
    assert.deepEqual(p.diagnostics, []);
  });

  test('closing a document clears its diagnostics', async () => {
    const uri = c.open('closing.yaml', contactNoName('closing'));
    await c.diagnostics(uri, (p) => p.diagnostics.length === 1);
    const n = c.published.length;
    c.close(uri);
    const p = await c.diagnostics(uri, (x) => x.diagnostics.length === 0, 5000, n);
    assert.equal(p.version, undefined);
  });
});

describe('pull diagnostics', () => {
  let c: LspClient;
  before(async () => {
    c = await startServer({ capabilities: { textDocument: { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } }, workspace: { configuration: true, workspaceFolders: true, diagnostics: { refreshSupport: true } } } });
  });
  after(() => c.shutdown());

  test('the server announces a diagnostic provider and does not push', async () => {
    assert.deepEqual(c.initializeResult.capabilities.diagnosticProvider, { identifier: 'alertcfg', interFileDependencies: true, workspaceDiagnostics: true });
    const uri = c.open('pulled.yaml', contactNoName('pulled'));
    const report = (await c.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } })) as FullDocumentDiagnosticReport;
    assert.equal(report.kind, 'full');
    assert.deepEqual(report.items.map(brief), ['MissingParameter.Name 5:1-5:5']);
    const again = await c.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: report.resultId });
    assert.deepEqual(again, { kind: 'unchanged', resultId: report.resultId });
    c.replace(uri, '  Email', '  Name: sre\n  Email');
    const after = (await c.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: report.resultId })) as FullDocumentDiagnosticReport;
    assert.equal(after.kind, 'full');
    assert.deepEqual(after.items, []);
    await sleep(300);
    assert.equal(c.published.filter((p) => p.uri === uri).length, 0);
  });

  test('workspace diagnostics report open documents with their versions', async () => {
    const uri = c.open('ws-pull.yaml', contactNoName('ws-pull'));
    const report = await c.request<{ items: { uri: string; kind: string; version: number | null; items?: unknown[] }[] }>('workspace/diagnostic', { previousResultIds: [] });
    const mine = report.items.find((i) => i.uri === uri);
    assert.equal(mine?.kind, 'full');
    assert.equal(mine?.version, 1);
    assert.equal(mine?.items?.length, 1);
  });

  test('a pull cancelled while the server waits for the configuration answers RequestCancelled', async () => {
    c.configurationDelayMs = 400;
    c.notify('workspace/didChangeConfiguration', { settings: null });
    const uri = c.open('cancelled.yaml', contactNoName('cancelled'));
    const source = new CancellationTokenSource();
    const pending = c.request('textDocument/diagnostic', { textDocument: { uri } }, source);
    await sleep(50);
    source.cancel();
    await assert.rejects(pending, (err: { code?: number }) => err.code === -32800);
    c.configurationDelayMs = 0;
  });
});
