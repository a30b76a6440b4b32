import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { type LspClient, lines, startServer } from './harness';

const CONTACT = lines(
  'apiVersion: alertcfg/v1',
  'kind: Contact',
  'metadata:',
  '  name: hover-contact',
  'spec:',
  '  Name: sre',
  '  DingTalkBotWebhook:',
  '    Address: https://oapi.dingtalk.com/robot/send?access_token=${env:DINGTALK_TOKEN}',
  '    SecretKey: ${secret:sre-dingtalk}',
  '  LarkBotWebhook:',
  '    Address: https://open.feishu.cn/open-apis/bot/v2/hook/${secret:lark-hook}',
);

const EVENTS = lines(
  'apiVersion: alertcfg/v1',
  'kind: EventReport',
  'metadata:',
  '  name: hover-events',
  'spec:',
  '  events:',
  '    - starts_at: 1716188400000',
  '      timeout: 259200000',
  '      metadata:',
  '        event_name: disk-full',
  '        event_severity: Major',
  '        event_type: alarm',
  '        resource_provider: ecs',
  '        resource_type: vm',
  '        resource_id: ecs-0123',
);

const md = (h: Hover | null) => (h?.contents as MarkupContent | undefined)?.value;

describe('hover in English', () => {
  let c: LspClient;
  before(async () => {
    c = await startServer({ locale: 'en-US', initializationOptions: { secretStorage: true }, secretNames: ['sre-dingtalk'] });
  });
  after(() => c.shutdown());
  const hover = (uri: string, find: string, delta = 0) => c.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: c.pos(uri, find, delta) });

  test('a key: description, type, required, example and the vendor doc', async () => {
    const uri = c.open('contact.yaml', CONTACT);
    const h = await hover(uri, 'Name: sre', 1);
    assert.equal(
      md(h),
      [
        '**Name** · `string` · required',
        'Name of the contact, e.g. `user-demo`. **Required.** A name already taken by an existing contact is refused with `Conflict.Name`. An empty or blank Name counts as missing (MissingParameter.Name).',
        'Example: `user-demo`',
        'Source: Volcengine VMP CreateContact (Version 2021-03-03)',
      ].join('\n\n'),
    );
    assert.deepEqual(h?.range, { start: { line: 5, character: 2 }, end: { line: 5, character: 6 } });
  });

  test('an optional key says so', async () => {
    const uri = c.uri('contact.yaml');
    const k = await hover(uri, 'SecretKey', 2);
    assert.match(md(k) ?? '', /^\*\*SecretKey\*\* · `string` · optional\n\nSigning secret \(the `SEC…` value\) of the DingTalk group bot/);
  });

  test('${secret:NAME} says whether the secret is set', async () => {
    const uri = c.uri('contact.yaml');
    const set = await hover(uri, '${secret:sre-dingtalk}', 3);
    assert.ok(md(set)?.startsWith('`${secret:sre-dingtalk}` is set in secret storage.\n\nIn the CLI it comes from the environment variable `ALERTCFG_SECRET_SRE_DINGTALK`.\n\n---\n\n**SecretKey**'), md(set));
    assert.deepEqual(set?.range, { start: { line: 8, character: 15 }, end: { line: 8, character: 37 } });
    const unset = await hover(uri, '${secret:lark-hook}', 5);
    assert.ok(md(unset)?.startsWith('`${secret:lark-hook}` is **not set** in secret storage.'), md(unset));
  });

  test('an epoch-ms value shows the ISO date in UTC and local time; a duration in days', async () => {
    const uri = c.open('events.yaml', EVENTS);
    const h = await hover(uri, '1716188400000', 2);
    assert.ok(md(h)?.startsWith('**starts_at** · `integer` · optional\n\n`1716188400000` = **2024-05-20T07:00:00.000Z** (UTC)\n\nLocal time: 2024-05-20 07:00:00.000 (UTC+00:00)\n\n'), md(h));
    assert.deepEqual(h?.range, { start: { line: 6, character: 17 }, end: { line: 6, character: 30 } });
    const t = await hover(uri, '259200000', 1);
    assert.match(md(t) ?? '', /\n\nDuration: 3 days\n\n/);
  });

  test('an enum value shows what it means; the key lists the values', async () => {
    const uri = c.uri('events.yaml');
    const v = await hover(uri, 'Major', 1);
    assert.match(md(v) ?? '', /^\*\*event_severity\*\* · `string` · required\n\n`Major`: /);
    const k = await hover(uri, 'kind', 1);
    assert.match(md(k) ?? '', /Values:\n- `Contact` — Volcengine VMP alert contact \(CreateContact\)\.\n- `AlarmCallback` — /);
  });

  test('nothing on a file that is not ours, or outside any key', async () => {
    const uri = c.open('k8s.yaml', lines('apiVersion: v1', 'kind: ConfigMap'));
    assert.equal(await hover(uri, 'kind'), null);
  });
});

describe('hover in Chinese', () => {
  let c: LspClient;
  before(async () => {
    c = await startServer({ locale: 'zh-CN' });
  });
  after(() => c.shutdown());

  test('descriptions and labels come in Simplified Chinese', async () => {
    const uri = c.open('contact.yaml', CONTACT);
    const h = await c.request<Hover>('textDocument/hover', { textDocument: { uri }, position: c.pos(uri, 'Name: sre', 1) });
    assert.equal(
      md(h),
      ['**Name** · `string` · 必填', '告警联系人的名称，必填。若与已有联系人重名，接口返回 Conflict.Name 错误。空字符串或仅含空白的名称视为缺失（MissingParameter.Name）。', '示例：`user-demo`', '来源：Volcengine VMP CreateContact (Version 2021-03-03)'].join('\n\n'),
    );
  });

  test('without the client listing secrets, a reference says where it is read from', async () => {
    const uri = c.uri('contact.yaml');
    const h = await c.request<Hover>('textDocument/hover', { textDocument: { uri }, position: c.pos(uri, '${secret:sre-dingtalk}', 3) });
    assert.ok(md(h)?.startsWith('`${secret:sre-dingtalk}` 在构建请求时从密钥存储读取（编辑器未提供已设置的密钥列表）。'), md(h));
  });
});

describe('hover locale from initializationOptions', () => {
  test('initializationOptions.locale zh-cn selects Chinese when the client sends no locale', async () => {
    const c = await startServer({ initializationOptions: { locale: 'zh-cn' } });
    try {
      const uri = c.open('contact.yaml', CONTACT);
      const k = await c.request<Hover>('textDocument/hover', { textDocument: { uri }, position: c.pos(uri, 'DingTalkBotWebhook', 1) });
      assert.match(md(k) ?? '', /^\*\*DingTalkBotWebhook\*\* · `object` · 可选\n\n钉钉群组机器人 Webhook。/);
    } finally {
      await c.shutdown();
    }
  });
});
