// In-host: Preview (masked), Send Test Message against a loopback DingTalk stand-in started
// inside the extension host (success, and the 310000 failure of a wrong secret), and the
// round trip of secrets through VS Code's real SecretStorage: stored, read back by the
// language server when it builds a request, deleted, then reported unset (shown in the
// preview as <unset: ...>, refused by send).
/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startDingTalk } from '../standins/dingtalk';
import type { StandIn } from '../standins/server';
import { type AlertConfigApi, alertcfg, botContact, hoverAt, lines, openFixture, poll, previewUri, waitForDiagnostics } from './helpers';

const TOKEN = 'tok7f3e9d1c5b2a4e6f8d0c2b4a6e8f0d2c';
const SECRET = 'SECbf1a2c3d4e5f60718293a4b5c6d7e8f9';
const WRONG = 'SECwrongwrongwrongwrongwrongwrong00';
const TOKEN_NAME = 'e2e-dingtalk-token';
const SECRET_NAME = 'e2e-dingtalk-secret';

interface Preview {
  action: string;
  requests: { label: string; method: string; url: string; headers: Record<string, string>; body?: string; curl: string }[];
  problems: string[];
  missing: string[];
  notes: string[];
}
interface Result {
  success: boolean;
  reports: { label: string; host: string; success: boolean; error?: { code: string; description: string; details: string }; webhookResp?: unknown }[];
  problems: string[];
  notes: string[];
}

suite('preview, send and secrets', () => {
  let api: AlertConfigApi;
  let bot: StandIn;
  let doc: vscode.TextDocument;
  let ref: { uri: string; documentIndex: number; channel: string };

  suiteSetup(async () => {
    api = await alertcfg();
    bot = await startDingTalk({ accessToken: TOKEN, secret: SECRET });
    await api.storeSecret(TOKEN_NAME, TOKEN);
    await api.storeSecret(SECRET_NAME, SECRET);
    doc = await openFixture('actions/bot.yaml', botContact('e2e-bot', bot.url, TOKEN_NAME, SECRET_NAME));
    ref = { uri: doc.uri.toString(), documentIndex: 0, channel: 'dingtalk' };
    // The fixture is clean: a loopback http address carrying a secret is allowed.
    await waitForDiagnostics(doc.uri, (l) => l.length === 0, 'no diagnostics on bot.yaml');
  });

  suiteTeardown(async () => {
    await bot?.close();
    await api?.deleteSecret(TOKEN_NAME).catch(() => undefined);
    await api?.deleteSecret(SECRET_NAME).catch(() => undefined);
  });

  const noSecretsIn = (text: string) => {
    for (const s of [TOKEN, SECRET, WRONG]) assert.ok(!text.includes(s), `a secret leaked into: ${text}`);
  };

  test('preview command: the signed request with every secret masked', async () => {
    const p = await api.execute<Preview>('alertcfg.preview', ref);
    assert.ok(p);
    assert.deepEqual(p.problems, []);
    assert.equal(p.action, 'send');
    assert.equal(p.requests.length, 1);
    const r = p.requests[0]!;
    assert.equal(r.label, 'DingTalk test message');
    assert.equal(r.method, 'POST');
    assert.match(r.url, new RegExp(`^http://127\\.0\\.0\\.1:${bot.port}/robot/send\\?access_token=tok\\*\\*\\*\\*2c&timestamp=\\d{13}&sign=[^&]+$`));
    assert.match(r.curl, new RegExp(`^curl -sS -X POST 'http://127\\.0\\.0\\.1:${bot.port}/`));
    noSecretsIn(JSON.stringify(p));
    assert.equal(bot.requests.length, 0, 'a preview sends nothing');
  });

  test('preview document: the request as text, secret masked and never shown', async () => {
    const preview = await vscode.workspace.openTextDocument(previewUri(ref));
    const text = preview.getText();
    const head = text.split('\n').slice(0, 4);
    assert.deepEqual(head.slice(0, 3), ['# Preview of send: the exact request(s), secrets masked', '', '### DingTalk test message']);
    assert.match(head[3]!, new RegExp(`^POST http://127\\.0\\.0\\.1:${bot.port}/robot/send\\?access_token=tok\\*\\*\\*\\*2c&timestamp=\\d{13}&sign=`));
    assert.match(text, /\n"msgtype": "text"|\n {2}"msgtype": "text"/);
    assert.match(text, /alertcfg test message from e2e-bot \(Contact\)/);
    assert.match(text, /\n# As curl:\n# curl -sS -X POST /);
    noSecretsIn(text);
  });

  test('the CodeLens "Preview request" command opens the preview beside the file', async () => {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 10);
    const lens = lenses.find((l) => l.command?.title === 'Preview request');
    assert.ok(lens?.command, `a Preview request lens in ${JSON.stringify(lenses.map((l) => l.command?.title))}`);
    await vscode.commands.executeCommand(lens.command.command, ...(lens.command.arguments ?? []));
    const editor = await poll(() => vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'alertcfg-preview'), 'a visible preview editor');
    assert.match(editor.document.getText(), /^# Preview of send: the exact request\(s\), secrets masked\n/);
    assert.match(editor.document.uri.path, /\/Preview Request\.http$/);
    noSecretsIn(editor.document.getText());
    await vscode.window.showTextDocument(doc);
  });

  test('send test message to the loopback DingTalk stand-in: success', async () => {
    const before = bot.requests.length;
    const r = await api.execute<Result>('alertcfg.send', { ...ref, message: 'hello from the in-host suite' });
    assert.ok(r);
    assert.equal(r.success, true, JSON.stringify(r));
    assert.deepEqual(r.problems, []);
    assert.equal(r.reports.length, 1);
    assert.equal(r.reports[0]!.label, 'DingTalk test message');
    assert.equal(r.reports[0]!.host, `127.0.0.1:${bot.port}`);
    assert.deepEqual(r.reports[0]!.webhookResp, { errcode: 0, errmsg: 'ok' });
    assert.equal(bot.requests.length, before + 1);
    const got = bot.requests[bot.requests.length - 1]!;
    assert.equal(got.verdict, 'ok');
    assert.equal(JSON.parse(got.body).text.content, 'hello from the in-host suite');
    noSecretsIn(JSON.stringify(r));
  });

  test('a wrong secret in SecretStorage: DingTalk answers 310000 and nothing leaks', async () => {
    await api.storeSecret(SECRET_NAME, WRONG);
    try {
      const r = await api.execute<Result>('alertcfg.send', ref);
      assert.ok(r);
      assert.equal(r.success, false, JSON.stringify(r));
      assert.equal(r.reports[0]!.success, false);
      assert.equal(r.reports[0]!.error!.code, '310000');
      assert.match(r.reports[0]!.error!.details, /signature/);
      assert.match(bot.requests[bot.requests.length - 1]!.verdict, /^310000 sign not match/);
      noSecretsIn(JSON.stringify(r));
    } finally {
      await api.storeSecret(SECRET_NAME, SECRET);
    }
    const again = await api.execute<Result>('alertcfg.send', ref);
    assert.equal(again?.success, true, 'the right secret works again');
  });

  test('SecretStorage round trip: stored → resolved by the server → deleted → reported unset', async () => {
    // Stored (suiteSetup): the hover says so and the preview resolves it.
    await hoverAt(doc, `\${secret:${SECRET_NAME}}`, 3, /is set in secret storage/);
    const ok = await api.execute<Preview>('alertcfg.preview', ref);
    assert.deepEqual(ok?.problems, []);

    await api.deleteSecret(SECRET_NAME);
    const unset = await api.execute<Preview>('alertcfg.preview', ref);
    assert.ok(unset);
    // Not set: it stops sending, not the preview, which shows where the value goes and notes what is missing.
    assert.deepEqual(unset.problems, []);
    assert.ok(unset.missing.some((p) => p.includes(`\${secret:${SECRET_NAME}} is not set`)), JSON.stringify(unset.missing));
    const shown = (await vscode.workspace.openTextDocument(previewUri(ref, 'Round trip'))).getText();
    assert.ok(shown.split('\n').some((l) => l.startsWith(`# Note: Not set: secret ${SECRET_NAME} (\${secret:${SECRET_NAME}})`)), shown);
    assert.ok(shown.includes(`<unset: secret ${SECRET_NAME}>`), shown);
    assert.ok(!shown.includes('# Problem: '), shown);
    await hoverAt(doc, `\${secret:${SECRET_NAME}}`, 3, /is \*\*not set\*\* in secret storage/);
    const before = bot.requests.length;
    const refused = await api.execute<Result>('alertcfg.send', ref);
    assert.equal(refused?.success, false);
    assert.ok(refused?.problems.some((p) => p.includes(`\${secret:${SECRET_NAME}} is not set`)), JSON.stringify(refused));
    assert.equal(bot.requests.length, before, 'nothing is sent with an unset secret');

    await api.storeSecret(SECRET_NAME, SECRET);
    const back = await api.execute<Preview>('alertcfg.preview', ref);
    assert.deepEqual(back?.problems, []);
  });

  test('quick fix "Move the secret into secret storage": stored in SecretStorage, literal replaced by a reference', async () => {
    const plain = lines(
      'apiVersion: alertcfg/v1',
      'kind: Contact',
      'metadata:',
      '  name: move-me',
      'spec:',
      '  Name: move-me',
      '  DingTalkBotWebhook:',
      `    Address: ${bot.url}/robot/send?access_token=\${secret:${TOKEN_NAME}}`,
      `    SecretKey: ${SECRET}`,
    );
    const moved = await openFixture('actions/move.yaml', plain);
    const found = await waitForDiagnostics(moved.uri, (l) => l.some((x) => x.includes('secret-in-plaintext')), 'a secret-in-plaintext diagnostic');
    assert.equal(found.length, 1, JSON.stringify(found));
    noSecretsIn(found.join('\n'));
    const diag = vscode.languages.getDiagnostics(moved.uri).find((d) => d.source === 'alertcfg')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', moved.uri, diag.range, vscode.CodeActionKind.QuickFix.value);
    const move = actions.find((a) => /^Move the secret into secret storage as \$\{secret:[A-Za-z0-9_.-]+\}$/.test(a.title));
    assert.ok(move?.command, `a move-secret quick fix in ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(move.isPreferred, true);
    const name = /\$\{secret:([A-Za-z0-9_.-]+)\}/.exec(move.title)![1]!;
    try {
      const result = await vscode.commands.executeCommand<{ stored: boolean; applied: boolean }>(move.command.command, ...(move.command.arguments ?? []));
      assert.deepEqual(result, { stored: true, applied: true });
      assert.equal(moved.getText(), plain.replace(`SecretKey: ${SECRET}`, `SecretKey: \${secret:${name}}`));
      await moved.save();
      await waitForDiagnostics(moved.uri, (l) => l.length === 0, 'no diagnostics after the move');
      // The value is in SecretStorage: the send signs with it and DingTalk accepts.
      const r = await api.execute<Result>('alertcfg.send', { uri: moved.uri.toString(), documentIndex: 0 });
      assert.equal(r?.success, true, JSON.stringify(r));
      assert.equal(bot.requests[bot.requests.length - 1]!.verdict, 'ok');
    } finally {
      await api.deleteSecret(name);
    }
  });
});
