import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DocumentSymbol, Hover } from 'vscode-languageserver-protocol';
import { type LspClient, positionAt, startServer } from './harness';

const COUNT = 5000;

function bigFile(): string {
  const parts: string[] = [];
  for (let i = 0; i < COUNT; i++) {
    parts.push(`apiVersion: alertcfg/v1\nkind: Contact\nmetadata:\n  name: c-${i}\nspec:\n  Name: contact-${i}\n  Email: c${i}@example.com\n  DingTalkBotWebhook:\n    Address: https://oapi.dingtalk.com/robot/send?access_token=\${env:T}\n    SecretKey: \${secret:s-${i}}\n`);
  }
  return parts.join('---\n');
}

describe(`a ${COUNT}-resource file stays responsive`, () => {
  let c: LspClient;
  let uri: string;
  before(async () => {
    c = await startServer();
    uri = c.open('big.yaml', bigFile());
    await c.diagnostics(uri, (p) => p.version === 1, 120_000);
  });
  after(() => c.shutdown());

  test('one edit: diagnostics of the new version come quickly (only the edited document is re-analysed)', async () => {
    const text = c.text(uri);
    const at = text.indexOf('Email: c2500@example.com') + 7;
    const started = Date.now();
    const v = c.change(uri, [{ range: { start: positionAt(text, at), end: positionAt(text, at + 17) }, text: 'broken' }]);
    const p = await c.diagnostics(uri, (x) => x.version === v, 10_000);
    const ms = Date.now() - started;
    assert.deepEqual(p.diagnostics.map((d) => `${String(d.code)} ${d.range.start.line + 1}`), [`InvalidParameter.Email ${2500 * 11 + 7}`]);
    assert.ok(ms < 3000, `edit → diagnostics took ${ms} ms`);
  });

  test('hover, completion and the outline answer quickly', async () => {
    const text = c.text(uri);
    const position = positionAt(text, text.indexOf('Name: contact-4000') + 1);
    let started = Date.now();
    const h = await c.request<Hover>('textDocument/hover', { textDocument: { uri }, position });
    assert.ok(h && Date.now() - started < 2000, `hover took ${Date.now() - started} ms`);
    started = Date.now();
    await c.request('textDocument/completion', { textDocument: { uri }, position });
    assert.ok(Date.now() - started < 2000, `completion took ${Date.now() - started} ms`);
    started = Date.now();
    const symbols = await c.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols.length, COUNT);
    assert.ok(Date.now() - started < 5000, `outline took ${Date.now() - started} ms`);
  });
});
