import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { type LspClient, applyTextEdits, editsFor, lines, startServer } from './harness';

/** Opens a document, waits for the finding `code`, asks for code actions on it, applies the one titled `title`. */
async function fix(c: LspClient, rel: string, text: string, code: string, title: string | RegExp): Promise<{ result: string; action: CodeAction; actions: CodeAction[] }> {
  const uri = c.open(rel, text);
  const p = await c.diagnostics(uri, (x) => x.diagnostics.some((d) => d.code === code));
  const diag = p.diagnostics.find((d) => d.code === code)!;
  const actions = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag], only: ['quickfix'] } });
  const action = actions.find((a) => (typeof title === 'string' ? a.title === title : title.test(a.title)));
  assert.ok(action, `no action "${String(title)}" in ${JSON.stringify(actions.map((a) => a.title))}`);
  assert.equal(action.kind, 'quickfix');
  assert.deepEqual((action.diagnostics ?? []).map((d: Diagnostic) => d.code), [code]);
  return { result: applyTextEdits(text, editsFor(action.edit, uri)), action, actions };
}

describe('code actions (client without secret storage)', () => {
  let c: LspClient;
  before(async () => {
    c = await startServer();
  });
  after(() => c.shutdown());

  test('add a missing required property with the doc example as placeholder (YAML)', async () => {
    const text = lines('apiVersion: alertcfg/v1', 'kind: Contact', 'metadata:', '  name: fix-missing', 'spec:', '  Email: a@example.com');
    const { result, action } = await fix(c, 'missing.yaml', text, 'MissingParameter.Name', 'Add the missing property "Name"');
    assert.equal(result, lines('apiVersion: alertcfg/v1', 'kind: Contact', 'metadata:', '  name: fix-missing', 'spec:', '  Email: a@example.com', '  Name: user-demo'));
    assert.equal(action.isPreferred, true);
    assert.equal(action.edit?.documentChanges?.length, 1);
  });

  test('add a missing required property keeps four-space indentation and fills nested required keys', async () => {
    const text = lines('apiVersion: alertcfg/v1', 'kind: EventReport', 'metadata:', '    name: fix-nested', 'spec:', '    events:', '        - starts_at: 1716188400000');
    const { result } = await fix(c, 'nested.yaml', text, 'missing-property', 'Add the missing property "metadata"');
    assert.equal(
      result,
      lines(
        'apiVersion: alertcfg/v1',
        'kind: EventReport',
        'metadata:',
        '    name: fix-nested',
        'spec:',
        '    events:',
        '        - starts_at: 1716188400000',
        '          metadata:',
        '              event_name: test',
        '              event_severity: Major',
        '              event_type: alarm',
        '              resource_provider: ecs',
        '              resource_type: vm',
        '              resource_id: ecs123',
      ),
    );
  });

  test('add a missing required property to a JSON body keeps it valid JSON', async () => {
    const text = '{\n  "$schema": "contact.schema.json",\n  "Email": "a@example.com"\n}\n';
    const { result } = await fix(c, 'raw/missing.json', text, 'MissingParameter.Name', 'Add the missing property "Name"');
    assert.equal(result, '{\n  "$schema": "contact.schema.json",\n  "Email": "a@example.com",\n  "Name": "user-demo"\n}\n');
    JSON.parse(result);
  });

  const CTS = lines(
    'apiVersion: alertcfg/v1',
    'kind: KeyOperationNotification',
    'metadata:',
    '  name: fix-complete',
    'target:',
    '  region: cn-north-7',
    '  projectId: p',
    'spec:',
    '  notification_name: keyops',
    '  operation_type: complete',
    '  operations:',
    '    - service_type: CTS',
    '      resource_type: tracker',
    '      trace_names: [createTracker]',
    '  notify_user_list:',
    '    - user_group: admin',
    '      user_list: [alice]',
    '  topic_id: urn:smn:cn-north-7:24edf66e79d04187acb99a463e610764:test',
  );

  test('remove a field that operation_type complete ignores (YAML, the whole block)', async () => {
    const { result } = await fix(c, 'complete.yaml', CTS, 'complete-ignores-field', 'Remove "operations" (operation_type complete does not use it)');
    assert.equal(
      result,
      lines(
        'apiVersion: alertcfg/v1',
        'kind: KeyOperationNotification',
        'metadata:',
        '  name: fix-complete',
        'target:',
        '  region: cn-north-7',
        '  projectId: p',
        'spec:',
        '  notification_name: keyops',
        '  operation_type: complete',
        '  notify_user_list:',
        '    - user_group: admin',
        '      user_list: [alice]',
        '  topic_id: urn:smn:cn-north-7:24edf66e79d04187acb99a463e610764:test',
      ),
    );
  });

  test('remove an ignored field from JSON keeps it valid JSON', async () => {
    const text = '{\n  "$schema": "key-operation-notification.schema.json",\n  "notification_name": "keyops",\n  "operation_type": "complete",\n  "notify_user_list": [{"user_group": "admin", "user_list": ["alice"]}]\n}\n';
    const { result } = await fix(c, 'raw/complete.json', text, 'complete-ignores-field', /^Remove "notify_user_list"/);
    assert.equal(result, '{\n  "$schema": "key-operation-notification.schema.json",\n  "notification_name": "keyops",\n  "operation_type": "complete"\n}\n');
    JSON.parse(result);
  });

  test('convert a date string to epoch milliseconds', async () => {
    const text = lines(
      'apiVersion: alertcfg/v1',
      'kind: EventReport',
      'metadata:',
      '  name: fix-date',
      'spec:',
      '  events:',
      '    - starts_at: "2024-05-20 07:00:00"',
      '      metadata: {event_name: a, event_severity: Major, event_type: alarm, resource_provider: ecs, resource_type: vm, resource_id: i-1}',
    );
    const { result } = await fix(c, 'date.yaml', text, 'timestamp-not-epoch-ms', 'Convert to epoch milliseconds: 1716188400000 (2024-05-20T07:00:00.000Z)');
    assert.equal(result, text.replace('"2024-05-20 07:00:00"', '1716188400000'));
  });

  test('fix a near-miss key', async () => {
    const text = lines('apiVersion: alertcfg/v1', 'kind: Contact', 'metadata:', '  name: fix-typo', 'spec:', '  Name: typo', '  Webhook:', '    Adress: https://example.com/hook');
    const { result } = await fix(c, 'typo.yaml', text, 'unknown-property', 'Change to "Address"');
    assert.equal(result, text.replace('Adress:', 'Address:'));
  });

  test('fix a near-miss key in JSON keeps the quotes', async () => {
    const text = '{"$schema": "contact.schema.json", "Name": "n", "Emial": "a@example.com"}\n';
    const { result } = await fix(c, 'raw/typo.json', text, 'unknown-property', 'Change to "Email"');
    assert.equal(result, '{"$schema": "contact.schema.json", "Name": "n", "Email": "a@example.com"}\n');
  });

  test('a value close to an allowed one is replaced by it', async () => {
    const text = lines('apiVersion: alertcfg/v1', 'kind: KeyOperationNotification', 'metadata:', '  name: fix-enum', 'spec:', '  notification_name: n', '  operation_type: complet');
    const { result } = await fix(c, 'enum.yaml', text, 'invalid-value', 'Change to "complete"');
    assert.equal(result, text.replace('complet\n', 'complete\n'));
  });

  test('without secret storage, a plaintext secret becomes an ${env:...} reference', async () => {
    const text = lines(
      'apiVersion: alertcfg/v1',
      'kind: Contact',
      'metadata:',
      '  name: fix-secret',
      'spec:',
      '  Name: fix-secret',
      '  DingTalkBotWebhook:',
      '    Address: https://oapi.dingtalk.com/robot/send?access_token=abc123def456',
      '    SecretKey: SEC0123456789abcdef',
    );
    const first = await fix(c, 'secret.yaml', text, 'secret-in-plaintext', 'Replace with the environment variable ${env:FIX_SECRET_DINGTALK_TOKEN}');
    assert.equal(first.result, text.replace('access_token=abc123def456', 'access_token=${env:FIX_SECRET_DINGTALK_TOKEN}'));
    assert.ok(first.actions.every((a) => !a.command), 'no moveSecret command without secret storage');
    const uri = c.uri('secret.yaml');
    const p = await c.diagnostics(uri);
    const second = p.diagnostics.filter((d) => d.code === 'secret-in-plaintext')[1]!;
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: second.range, context: { diagnostics: [second] } });
    const env = actions.find((a) => a.title === 'Replace with the environment variable ${env:FIX_SECRET_DINGTALK_SECRET}')!;
    assert.equal(applyTextEdits(text, editsFor(env.edit, uri)), text.replace('SecretKey: SEC0123456789abcdef', 'SecretKey: ${env:FIX_SECRET_DINGTALK_SECRET}'));
  });

  test('a range with no finding has no actions; `only: [source]` has none either', async () => {
    const uri = c.uri('typo.yaml');
    const none = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, context: { diagnostics: [] } });
    assert.deepEqual(none, []);
    const source = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 7, character: 4 }, end: { line: 7, character: 10 } }, context: { diagnostics: [], only: ['source'] } });
    assert.deepEqual(source, []);
  });
});
