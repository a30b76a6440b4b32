// In-host, untrusted workspace (Restricted Mode): validation and the other editor features
// still work, while every network action is refused, by the language server (the API path)
// and by the extension's own command (no request, no confirmation dialog).
// These tests carry the "@untrusted" tag: index.ts runs only them when the workspace is not
// trusted, and never in a trusted one (test/e2e/extension.test.ts opens one of each).
/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startDingTalk } from '../standins/dingtalk';
import type { StandIn } from '../standins/server';
import { BROKEN_CONTACT, BROKEN_DIAGNOSTICS, type AlertConfigApi, alertcfg, botContact, hoverAt, openFixture, waitForDiagnostics } from './helpers';

const TOKEN = 'tok0123456789abcdef0123456789abcdef';
const SECRET = 'SEC0123456789abcdef0123456789abcdef0';

suite('untrusted workspace @untrusted', () => {
  let api: AlertConfigApi;
  let bot: StandIn;

  suiteSetup(async () => {
    api = await alertcfg();
    bot = await startDingTalk({ accessToken: TOKEN, secret: SECRET });
    await api.storeSecret('untrusted-token', TOKEN);
    await api.storeSecret('untrusted-secret', SECRET);
  });

  suiteTeardown(async () => {
    await bot?.close();
  });

  test('the workspace is not trusted and the extension runs in Restricted Mode', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    assert.equal(api.serverState(), 'running');
  });

  test('validation still works: diagnostics appear', async () => {
    const doc = await openFixture('untrusted/broken.yaml', BROKEN_CONTACT);
    const found = await waitForDiagnostics(doc.uri, (l) => l.length === 3, 'three diagnostics on broken.yaml');
    assert.deepEqual(found, BROKEN_DIAGNOSTICS);
    const text = await hoverAt(doc, 'Webhook:', 1, /\*\*Webhook\*\*/);
    assert.match(text, /^\*\*Webhook\*\* · `object` · optional/);
  });

  test('preview works (it sends nothing)', async () => {
    const doc = await openFixture('untrusted/bot.yaml', botContact('untrusted-bot', bot.url, 'untrusted-token', 'untrusted-secret'));
    const p = await api.execute<{ problems: string[]; requests: { url: string }[] }>('alertcfg.preview', { uri: doc.uri.toString(), documentIndex: 0 });
    assert.deepEqual(p?.problems, []);
    assert.equal(p?.requests.length, 1);
    assert.equal(bot.requests.length, 0);
  });

  test('the server refuses to send: "untrusted workspace"', async () => {
    const doc = await openFixture('untrusted/bot.yaml', botContact('untrusted-bot', bot.url, 'untrusted-token', 'untrusted-secret'));
    const r = await api.execute<{ success: boolean; reports: unknown[]; problems: string[] }>('alertcfg.send', { uri: doc.uri.toString(), documentIndex: 0, channel: 'dingtalk' });
    assert.equal(r?.success, false);
    assert.deepEqual(r?.reports, []);
    assert.equal(r?.problems[0], 'Network actions are disabled in an untrusted workspace. Trust the workspace to send requests.');
    assert.equal(bot.requests.length, 0, 'the stand-in received nothing');
  });

  test('the Send Test Message command refuses without asking or sending', async () => {
    const doc = await openFixture('untrusted/bot.yaml', botContact('untrusted-bot', bot.url, 'untrusted-token', 'untrusted-secret'));
    await vscode.window.showTextDocument(doc);
    const r = await vscode.commands.executeCommand('alertcfg.sendTestMessage');
    assert.equal(r, undefined);
    assert.equal(bot.requests.length, 0, 'the stand-in received nothing');
  });
});
