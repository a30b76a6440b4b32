import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver-protocol';
import { type LspClient, lines, startServer } from './harness';

const sorted = (list: CompletionList) => [...list.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
const labels = (list: CompletionList) => sorted(list).map((i) => i.label);
const item = (list: CompletionList, label: string): CompletionItem => {
  const found = list.items.find((i) => i.label === label);
  assert.ok(found, `no item ${label} in ${JSON.stringify(list.items.map((i) => i.label))}`);
  return found;
};

describe('completion', () => {
  let c: LspClient;
  before(async () => {
    c = await startServer({ initializationOptions: { secretStorage: true }, secretNames: ['sre-dingtalk', 'lark-hook'] });
  });
  after(() => c.shutdown());

  const complete = (uri: string, line: number, character: number) => c.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line, character } });

  test('keys of a Contact body: required first, as snippets with the doc example, existing keys left out', async () => {
    const uri = c.open('keys.yaml', lines('apiVersion: alertcfg/v1', 'kind: Contact', 'metadata:', '  name: keys', 'spec:', '  Email: a@example.com', '  '));
    const list = await complete(uri, 6, 2);
    assert.deepEqual(labels(list), ['Name', 'Webhook', 'ContactGroupIds', 'LarkBotWebhook', 'DingTalkBotWebhook', 'WeComBotWebhook', 'PhoneNumber']);
    const name = item(list, 'Name');
    assert.equal(name.detail, 'string · required');
    assert.equal(name.insertTextFormat, 2);
    assert.deepEqual(name.textEdit, { range: { start: { line: 6, character: 2 }, end: { line: 6, character: 2 } }, newText: 'Name: ${1:user-demo}' });
    const webhook = item(list, 'Webhook');
    assert.equal(webhook.detail, 'object · optional');
    assert.equal((webhook.textEdit as TextEdit).newText, 'Webhook:\n  Address: ${1:https://www.bytedance.com/}');
    assert.equal(webhook.insertTextMode, 2);
    assert.equal((item(list, 'ContactGroupIds').textEdit as TextEdit).newText, 'ContactGroupIds:\n  - ${1:e28ae750-bbb8-4ff4-abf4-1e0e0f88808c}');
    assert.match(String((name.documentation as { value: string }).value), /^Name of the contact, e\.g\. `user-demo`/);
  });

  test('a partly typed key is replaced; nested mappings complete their own keys', async () => {
    const uri = c.open('nested.yaml', lines('apiVersion: alertcfg/v1', 'kind: Contact', 'spec:', '  Name: n', '  DingTalkBotWebhook:', '    Address: https://oapi.dingtalk.com/robot/send?access_token=${env:T}', '    Sec'));
    const list = await complete(uri, 6, 7);
    assert.deepEqual(labels(list), ['SecretKey', 'AtMobiles', 'AtUserIds']);
    assert.deepEqual(item(list, 'SecretKey').textEdit, { range: { start: { line: 6, character: 4 }, end: { line: 6, character: 7 } }, newText: 'SecretKey: \\${secret:${1:name}}' });
  });

  test('kind values, with their descriptions', async () => {
    const uri = c.open('kind.yaml', lines('apiVersion: alertcfg/v1', 'kind: '));
    const list = await complete(uri, 1, 6);
    assert.deepEqual(labels(list), ['Contact', 'AlarmCallback', 'DingTalkTestConnection', 'KeyOperationNotification', 'EventReport']);
    const contact = item(list, 'Contact');
    assert.deepEqual(contact.textEdit, { range: { start: { line: 1, character: 6 }, end: { line: 1, character: 6 } }, newText: 'Contact' });
    assert.deepEqual(contact.documentation, { kind: 'markdown', value: 'Volcengine VMP alert contact (CreateContact).' });
  });

  test('a value right after the colon gets a space before it', async () => {
    const uri = c.open('api.yaml', lines('apiVersion:'));
    const list = await complete(uri, 0, 11);
    assert.deepEqual(labels(list), ['alertcfg/v1']);
    assert.equal((item(list, 'alertcfg/v1').textEdit as TextEdit).newText, ' alertcfg/v1');
  });

  test('enum values replace the partly typed value', async () => {
    const uri = c.open('cts.yaml', lines('apiVersion: alertcfg/v1', 'kind: KeyOperationNotification', 'spec:', '  notification_name: n', '  operation_type: cu'));
    const list = await complete(uri, 4, 20);
    assert.deepEqual(labels(list), ['complete', 'customized']);
    assert.deepEqual(item(list, 'customized').textEdit, { range: { start: { line: 4, character: 18 }, end: { line: 4, character: 20 } }, newText: 'customized' });
  });

  test('keys of a list item (EventReport events)', async () => {
    const uri = c.open('events.yaml', lines('apiVersion: alertcfg/v1', 'kind: EventReport', 'spec:', '  events:', '    - starts_at: 1716188400000', '      '));
    const list = await complete(uri, 5, 6);
    assert.deepEqual(labels(list), ['metadata', 'ends_at', 'timeout', 'annotations', 'attach_rule', 'id']);
    assert.equal(
      (item(list, 'metadata').textEdit as TextEdit).newText,
      'metadata:\n  event_name: ${1:test}\n  event_severity: ${2|Critical,Major,Minor,Info|}\n  event_type: ${3|event,alarm|}\n  resource_provider: ${4:ecs}\n  resource_type: ${5:vm}\n  resource_id: ${6:ecs123}',
    );
  });

  test('an empty file offers a whole resource per kind', async () => {
    const uri = c.open('new.yaml', '');
    const list = await complete(uri, 0, 0);
    const snippets = list.items.filter((i) => i.kind === 15).map((i) => i.label);
    assert.deepEqual(snippets, ['Contact resource', 'AlarmCallback resource', 'DingTalkTestConnection resource', 'KeyOperationNotification resource', 'EventReport resource']);
    const text = (item(list, 'Contact resource').textEdit as TextEdit).newText;
    assert.ok(text.startsWith('# Alert contact — Volcengine VMP CreateContact\napiVersion: alertcfg/v1\nkind: Contact\nmetadata:\n  name: my-contact\n'), text);
    assert.deepEqual(list.items.filter((i) => i.kind === 10).map((i) => i.label).sort(), ['action', 'apiVersion', 'kind', 'metadata', 'spec', 'target']);
  });

  test('${secret: lists the names the client stores, then names referenced in the file', async () => {
    const uri = c.open('secrets.yaml', lines('apiVersion: alertcfg/v1', 'kind: Contact', 'spec:', '  Name: s', '  Webhook:', '    Address: https://example.com/hook', '    Token: ${secret:old-token}', '  DingTalkBotWebhook:', '    Address: https://oapi.dingtalk.com/robot/send?access_token=${env:DINGTALK_TOKEN}', '    SecretKey: ${secret:'));
    const list = await complete(uri, 9, 24);
    assert.deepEqual(labels(list), ['lark-hook', 'sre-dingtalk', 'old-token']);
    assert.deepEqual(item(list, 'lark-hook').textEdit, { range: { start: { line: 9, character: 24 }, end: { line: 9, character: 24 } }, newText: 'lark-hook}' });
    assert.equal(item(list, 'old-token').detail, 'secret (referenced here, not set)');
  });

  test('${env: lists the environment variables the file already uses', async () => {
    const uri = c.open('env.yaml', lines('apiVersion: alertcfg/v1', 'kind: Contact', 'spec:', '  Name: e', '  Webhook:', '    Address: https://example.com/${env:HOOK_PATH}', '    Token: ${env:'));
    const list = await complete(uri, 6, 17);
    assert.deepEqual(labels(list), ['HOOK_PATH']);
    assert.equal((item(list, 'HOOK_PATH').textEdit as TextEdit).newText, 'HOOK_PATH}');
  });

  test('JSON: property keys of a raw body, quoted', async () => {
    const uri = c.open('raw/contact.json', '{\n  "$schema": "contact.schema.json",\n  ""\n}\n');
    const list = await complete(uri, 2, 3);
    assert.equal(labels(list)[0], 'Name');
    assert.deepEqual(item(list, 'Name').textEdit, { range: { start: { line: 2, character: 2 }, end: { line: 2, character: 4 } }, newText: '"Name": ${1:"user-demo"}' });
  });

  test('a YAML file that is not ours gets nothing', async () => {
    const uri = c.open('k8s.yaml', lines('apiVersion: v1', 'kind: ConfigMap', 'data:', '  '));
    const list = await complete(uri, 3, 2);
    assert.deepEqual(list.items, []);
  });
});
