import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, TextEdit } from 'vscode-languageserver-protocol';
import { type LspClient, applyTextEdits, editsFor, lines, sleep, startServer } from './harness';

const exec = <R>(c: LspClient, command: string, ...args: unknown[]) => c.request<R>('workspace/executeCommand', { command, arguments: args });

describe('workspace/executeCommand', () => {
  let c: LspClient;
  before(async () => {
    c = await startServer({ initializationOptions: { secretStorage: true }, secretNames: [] });
  });
  after(() => c.shutdown());

  test('the server announces every command id of the protocol module', () => {
    assert.deepEqual(c.initializeResult.capabilities.executeCommandProvider?.commands, [
      'alertcfg.preview',
      'alertcfg.send',
      'alertcfg.push',
      'alertcfg.clear',
      'alertcfg.apply',
      'alertcfg.replay',
      'alertcfg.plan',
      'alertcfg.import',
      'alertcfg.listActions',
      'alertcfg.template',
      'alertcfg.moveSecret',
      'alertcfg.curl',
    ]);
  });

  test('alertcfg.template returns a resource from the doc example; an unknown kind returns null', async () => {
    const r = await exec<{ text: string }>(c, 'alertcfg.template', { kind: 'Contact', name: 'sre' });
    assert.ok(r.text.startsWith('# Alert contact — Volcengine VMP CreateContact\napiVersion: alertcfg/v1\nkind: Contact\nmetadata:\n  name: sre\ntarget:\n  region: cn-beijing\nspec:\n'), r.text);
    assert.ok(r.text.includes('${secret:dingtalk-secret}'));
    assert.equal(await exec(c, 'alertcfg.template', { kind: 'Nope' }), null);
    assert.equal(await exec(c, 'alertcfg.template'), null);
  });

  test('alertcfg.listActions lists each resource with its actions, offsets and range', async () => {
    const text = lines(
      'apiVersion: alertcfg/v1',
      'kind: Contact',
      'metadata:',
      '  name: la-contact',
      'spec:',
      '  Name: la',
      '  DingTalkBotWebhook:',
      '    Address: https://oapi.dingtalk.com/robot/send?access_token=${env:T}',
      '  Webhook:',
      '    Address: https://example.com/hook',
      '---',
      'apiVersion: alertcfg/v1',
      'kind: EventReport',
      'metadata:',
      '  name: la-clear',
      'action: clear',
      'spec:',
      '  events: []',
    );
    const uri = c.open('actions.yaml', text);
    const list = await exec<unknown[]>(c, 'alertcfg.listActions', { uri });
    const second = text.indexOf('apiVersion', 10);
    assert.deepEqual(list, [
      { documentIndex: 0, kind: 'Contact', name: 'la-contact', start: 0, end: text.indexOf('---'), actions: ['send', 'apply'], channels: ['dingtalk', 'webhook'], range: { start: { line: 0, character: 0 }, end: { line: 10, character: 0 } } },
      { documentIndex: 1, kind: 'EventReport', name: 'la-clear', start: second, end: text.length, actions: ['clear'], range: { start: { line: 11, character: 0 }, end: { line: 18, character: 0 } } },
    ]);
  });

  test('alertcfg.listActions reads a file that is not open; unknown URIs give an empty list', async () => {
    const uri = c.writeFile('disk/callback.yaml', lines('apiVersion: alertcfg/v1', 'kind: AlarmCallback', 'metadata:', '  name: cb', 'target:', '  url: http://127.0.0.1:9/cb', 'spec: {}'));
    const list = await exec<{ kind: string; actions: string[] }[]>(c, 'alertcfg.listActions', { uri });
    assert.deepEqual(list.map((r) => [r.kind, r.actions]), [['AlarmCallback', ['replay']]]);
    assert.deepEqual(await exec(c, 'alertcfg.listActions', { uri: c.uri('nowhere.yaml') }), []);
    assert.deepEqual(await exec(c, 'alertcfg.listActions', {}), []);
  });

  const SECRET = lines(
    'apiVersion: alertcfg/v1',
    'kind: Contact',
    'metadata:',
    '  name: ms',
    'spec:',
    '  Name: ms',
    '  DingTalkBotWebhook:',
    '    Address: https://oapi.dingtalk.com/robot/send?access_token=${env:T}',
    '    SecretKey: "SEC0123456789abcdef"',
  );

  test('alertcfg.moveSecret: the quick fix command stores the literal through the client and writes the reference', async () => {
    const uri = c.open('move.yaml', SECRET);
    const p = await c.diagnostics(uri, (x) => x.diagnostics.some((d) => d.code === 'secret-in-plaintext'));
    const diag = p.diagnostics.find((d) => d.code === 'secret-in-plaintext')!;
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } });
    assert.deepEqual(actions.map((a) => a.title), ['Move the secret into secret storage as ${secret:ms-dingtalk-secret}']);
    const command = actions[0]!.command!;
    assert.equal(command.command, 'alertcfg.moveSecret');
    assert.deepEqual(command.arguments, [{ uri, version: 1, start: SECRET.indexOf('"SEC'), end: SECRET.indexOf('"SEC') + 21, name: 'ms-dingtalk-secret' }]);
    const result = await exec(c, command.command, ...command.arguments!);
    assert.deepEqual(result, { stored: true, applied: true });
    assert.deepEqual(c.stored, [{ name: 'ms-dingtalk-secret', value: 'SEC0123456789abcdef' }]);
    const edits: TextEdit[] = editsFor(c.applied[0]!.edit, uri);
    assert.equal(applyTextEdits(SECRET, edits), SECRET.replace('"SEC0123456789abcdef"', '"${secret:ms-dingtalk-secret}"'));
    assert.deepEqual(c.applied[0]!.edit.documentChanges?.[0] && 'textDocument' in c.applied[0]!.edit.documentChanges[0] ? c.applied[0]!.edit.documentChanges[0].textDocument : undefined, { uri, version: 1 });
  });

  test('alertcfg.moveSecret refuses a stale version and does not store anything', async () => {
    const uri = c.open('stale.yaml', SECRET.replace('name: ms', 'name: stale'));
    await c.diagnostics(uri);
    const stored = c.stored.length;
    c.replace(uri, '  Name: ms', '  Name: ms2');
    await sleep(50);
    const start = c.text(uri).indexOf('"SEC');
    const result = await exec<{ stored: boolean; applied: boolean; message: string }>(c, 'alertcfg.moveSecret', { uri, version: 1, start, end: start + 21, name: 'stale-dingtalk-secret' });
    assert.deepEqual([result.stored, result.applied], [false, false]);
    assert.match(result.message, /changed/);
    assert.equal(c.stored.length, stored);
  });

  test('alertcfg.moveSecret does not edit when the client did not store the secret', async () => {
    const uri = c.open('notstored.yaml', SECRET.replace('name: ms', 'name: ns'));
    await c.diagnostics(uri);
    c.storeAnswer = false;
    const applied = c.applied.length;
    const start = SECRET.indexOf('"SEC');
    const result = await exec<{ stored: boolean; applied: boolean }>(c, 'alertcfg.moveSecret', { uri, version: 1, start, end: start + 21, name: 'ns-dingtalk-secret' });
    assert.deepEqual([result.stored, result.applied], [false, false]);
    assert.equal(c.applied.length, applied);
    c.storeAnswer = true;
  });

  test('an unknown command answers null; the server stays up', async () => {
    assert.equal(await exec(c, 'alertcfg.nope', 1, 2), null);
    assert.ok(c.alive);
  });
});
