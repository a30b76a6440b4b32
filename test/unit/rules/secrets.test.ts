/**
 * secret-in-plaintext: literal signing secrets and tokens, in their own fields and
 * inside bot URLs. The range is the literal itself (for a URL, the token after
 * `access_token=`, `key=` or the Lark hook path), and data carries the suggested
 * secret name for the quick fix. Placeholders and references are not secrets.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief, check, lines } from '../../helpers/findings';

// Lines 1-8; the channel key is on line 9, the field on line 10 (an Address value starts at column 14).
const NAMED = ['apiVersion: alertcfg/v1', 'kind: Contact', 'metadata:', '  name: sre-oncall', 'target:', '  region: cn-beijing', 'spec:', '  Name: sre-oncall'];
const contact = (...body: string[]) => lines(...NAMED, ...body);

const short = (text: string) => check(text).map((d) => ({ f: `${d.code} ${d.severity} ${d.range}`, name: d.data?.['suggestedName'], part: d.data?.['part'] }));

test('a literal DingTalk SecretKey: on the value, with a suggested name from metadata.name', () => {
  const found = check(contact('  DingTalkBotWebhook:', '    Address: https://oapi.dingtalk.com/robot/send?access_token=${env:DINGTALK_TOKEN}', '    SecretKey: SEC5f2d0a6b8c3e47e1a9d4'));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['secret-in-plaintext warning 11:16-11:39']);
  assert.equal(found[0]!.data?.['suggestedName'], 'sre-oncall-dingtalk-secret');
  assert.equal(found[0]!.data?.['part'], 'value');
  assert.deepEqual(found[0]!.data?.path, ['spec', 'DingTalkBotWebhook', 'SecretKey']);
  assert.match(found[0]!.message, /\$\{secret:sre-oncall-dingtalk-secret\}/);
  assert.ok(!found[0]!.message.includes('SEC5f2d0a6b8c3e47e1a9d4'), 'the message must not repeat the secret');
});

test('a literal Lark SecretKey and a literal webhook Token', () => {
  assert.deepEqual(short(contact('  LarkBotWebhook:', '    Address: https://open.feishu.cn/open-apis/bot/v2/hook/${secret:sre-lark-hook}', '    SecretKey: larksecret123')), [
    { f: 'secret-in-plaintext warning 11:16-11:29', name: 'sre-oncall-lark-secret', part: 'value' },
  ]);
  assert.deepEqual(short(contact('  Webhook:', '    Address: https://alerts.example.com/hooks/vmp', '    Token: tok-0123456789')), [
    { f: 'secret-in-plaintext warning 11:12-11:26', name: 'sre-oncall-webhook-token', part: 'value' },
  ]);
});

test('the token after access_token= in a DingTalk URL: on the token only', () => {
  assert.deepEqual(short(contact('  DingTalkBotWebhook:', '    Address: https://oapi.dingtalk.com/robot/send?access_token=5f2d0a6b8c3e47e1a9d4')), [
    { f: 'secret-in-plaintext warning 10:64-10:84', name: 'sre-oncall-dingtalk-token', part: 'query:access_token' },
  ]);
});

test('the token after access_token= when an earlier parameter has the same text', () => {
  assert.deepEqual(short(contact('  DingTalkBotWebhook:', '    Address: https://oapi.dingtalk.com/robot/send?ref=abc123def456&access_token=abc123def456')), [
    { f: 'secret-in-plaintext warning 10:81-10:93', name: 'sre-oncall-dingtalk-token', part: 'query:access_token' },
  ]);
});

test('the token in a double-quoted URL, and a whole escaped scalar when escapes hide the token', () => {
  assert.deepEqual(brief(contact('  DingTalkBotWebhook:', '    Address: "https://oapi.dingtalk.com/robot/send?access_token=5f2d0a6b8c3e47e1a9d4"')), ['secret-in-plaintext warning 10:65-10:85']);
  assert.deepEqual(brief(contact('  DingTalkBotWebhook:', '    Address: "https://oapi.dingtalk.com/robot/send?access_token=\\u0035f2d0a6b8c3e47e1a9d4"')), ['secret-in-plaintext warning 10:14-10:91']);
});

test('the key after key= in a WeCom URL', () => {
  assert.deepEqual(short(contact('  WeComBotWebhook:', '    Address: https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7a1b-4bc4-97a0-0ec2a1fa5aaa')), [
    { f: 'secret-in-plaintext warning 10:67-10:103', name: 'sre-oncall-wecom-key', part: 'query:key' },
  ]);
});

test('the token in a Lark hook path', () => {
  assert.deepEqual(short(contact('  LarkBotWebhook:', '    Address: https://open.feishu.cn/open-apis/bot/v2/hook/0a1b2c3d-4e5f-6789-abcd-ef0123456789')), [
    { f: 'secret-in-plaintext warning 10:59-10:95', name: 'sre-oncall-lark-hook', part: 'path-token' },
  ]);
});

test('ZStack params.secret and the token in params.url', () => {
  const text = lines(
    'apiVersion: alertcfg/v1',
    'kind: DingTalkTestConnection',
    'metadata:',
    '  name: Ops Robot',
    'spec:',
    '  params:',
    '    testMsg: alertcfg connection test',
    '    url: https://oapi.dingtalk.com/robot/send?access_token=5f2d0a6b8c3e47e1a9d4',
    '    secret: SEC5f2d0a6b8c3e47e1a9d4',
  );
  assert.deepEqual(short(text), [
    { f: 'secret-in-plaintext warning 8:60-8:80', name: 'ops-robot-dingtalk-token', part: 'query:access_token' },
    { f: 'secret-in-plaintext warning 9:13-9:36', name: 'ops-robot-dingtalk-secret', part: 'value' },
  ]);
});

test('without metadata.name the suggested name has no prefix', () => {
  const text = lines('# alertcfg: kind=DingTalkTestConnection', 'params:', '  testMsg: hi', '  endpointUuid: 4f5c2a7e9b3d4e8f8a1b2c3d4e5f6a7b', '  secret: SEC5f2d0a6b8c3e47e1a9d4');
  assert.deepEqual(short(text), [{ f: 'secret-in-plaintext warning 5:11-5:34', name: 'dingtalk-secret', part: 'value' }]);
});

test('references are not secrets', () => {
  assert.deepEqual(
    brief(contact(
      '  DingTalkBotWebhook:',
      '    Address: https://oapi.dingtalk.com/robot/send?access_token=${env:DINGTALK_TOKEN}',
      '    SecretKey: ${secret:sre-dingtalk-secret}',
      '  LarkBotWebhook:',
      '    Address: https://open.feishu.cn/open-apis/bot/v2/hook/${secret:sre-lark-hook}',
      '    SecretKey: "${secret:sre-lark-secret}"',
      '  WeComBotWebhook:',
      '    Address: https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${secret:sre-wecom-key}',
      '  Webhook:',
      '    Address: https://alerts.example.com/hooks/vmp',
      '    Token: ${env:WEBHOOK_TOKEN}',
    )),
    [],
  );
});

test('documentation placeholders (***, SECxxx, <token>) are not secrets', () => {
  assert.deepEqual(
    brief(contact(
      '  DingTalkBotWebhook:',
      '    Address: https://oapi.dingtalk.com/robot/send?access_token=***',
      '    SecretKey: SECxxx',
      '  LarkBotWebhook:',
      '    Address: https://open.feishu.cn/open-apis/bot/v2/hook/xxxxxxxx',
      '    SecretKey: "***"',
      '  WeComBotWebhook:',
      '    Address: https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=<key>',
      '  Webhook:',
      '    Address: https://alerts.example.com/hooks/vmp',
      '    Token: <token>',
    )),
    [],
  );
});
