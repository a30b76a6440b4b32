/**
 * Bot webhook addresses: each channel's host and path (webhook-address-mismatch,
 * a warning), a bare WeCom key (wecom-bare-key), addresses that are not http(s)
 * URLs (invalid-url), and plain http to a public host (insecure-url). Findings sit
 * on the Address value.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief, check, lines } from '../../helpers/findings';

// Lines 1-8; the channel key is on line 9 and its Address on line 10, whose value starts at column 14.
const NAMED = ['apiVersion: alertcfg/v1', 'kind: Contact', 'metadata:', '  name: sre-oncall', 'target:', '  region: cn-beijing', 'spec:', '  Name: sre-oncall'];
const contact = (channel: string, address: string, ...more: string[]) => lines(...NAMED, `  ${channel}:`, `    Address: ${address}`, ...more);

// Lines 1-6; params.url is on line 8, its value at column 10.
const ZSTACK = ['apiVersion: alertcfg/v1', 'kind: DingTalkTestConnection', 'metadata:', '  name: ops-robot', 'spec:', '  params:'];
const zstack = (url: string) => lines(...ZSTACK, '    testMsg: alertcfg connection test', `    url: ${url}`);

test('webhook-address-mismatch: DingTalk address on another host', () => {
  const found = check(contact('DingTalkBotWebhook', 'https://oapi.dingtalk.cn/robot/send?access_token=${env:DINGTALK_TOKEN}'));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['webhook-address-mismatch warning 10:14-10:84']);
  assert.equal(found[0]!.data?.['channel'], 'dingtalk');
  assert.match(found[0]!.message, /oapi\.dingtalk\.com, not oapi\.dingtalk\.cn/);
});

test('webhook-address-mismatch: DingTalk address without access_token', () => {
  const found = check(contact('DingTalkBotWebhook', 'https://oapi.dingtalk.com/robot/send'));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['webhook-address-mismatch warning 10:14-10:50']);
  assert.match(found[0]!.message, /access_token/);
});

test('webhook-address-mismatch: Lark address on another host', () => {
  const found = check(contact('LarkBotWebhook', 'https://open.feishu.com/open-apis/bot/v2/hook/${secret:sre-lark-hook}'));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['webhook-address-mismatch warning 10:14-10:83']);
  assert.equal(found[0]!.data?.['channel'], 'lark');
});

test('webhook-address-mismatch: Lark address without the hook token', () => {
  assert.deepEqual(brief(contact('LarkBotWebhook', 'https://open.feishu.cn/open-apis/bot/v2/hook/')), ['webhook-address-mismatch warning 10:14-10:59']);
});

test('webhook-address-mismatch: WeCom address with the wrong path', () => {
  const found = check(contact('WeComBotWebhook', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/sendmsg?key=${secret:sre-wecom-key}'));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['webhook-address-mismatch warning 10:14-10:93']);
  assert.equal(found[0]!.data?.['channel'], 'wecom');
  assert.match(found[0]!.message, /\/cgi-bin\/webhook\/send/);
});

test('webhook-address-mismatch: the ZStack test url is a DingTalk address', () => {
  const found = check(zstack('https://hooks.example.com/robot/send?access_token=${env:DINGTALK_TOKEN}'));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['webhook-address-mismatch warning 8:10-8:81']);
  assert.equal(found[0]!.data?.['channel'], 'dingtalk');
});

test('each channel passes with its own host and path', () => {
  assert.deepEqual(brief(contact('DingTalkBotWebhook', 'https://oapi.dingtalk.com/robot/send?access_token=${env:DINGTALK_TOKEN}')), []);
  assert.deepEqual(brief(contact('LarkBotWebhook', 'https://open.feishu.cn/open-apis/bot/v2/hook/${secret:sre-lark-hook}')), []);
  assert.deepEqual(brief(contact('LarkBotWebhook', 'https://open.larksuite.com/open-apis/bot/v2/hook/${secret:sre-lark-hook}')), []);
  assert.deepEqual(brief(contact('WeComBotWebhook', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${secret:sre-wecom-key}')), []);
  assert.deepEqual(brief(zstack('https://oapi.dingtalk.com/robot/send?access_token=${env:DINGTALK_TOKEN}')), []);
});

test('the generic Webhook may be on any host', () => {
  assert.deepEqual(brief(contact('Webhook', 'https://alerts.example.com/hooks/vmp')), []);
});

test('a local stand-in on a loopback address is neither a mismatch nor insecure', () => {
  assert.deepEqual(brief(contact('DingTalkBotWebhook', 'http://127.0.0.1:8080/robot/send?access_token=${env:T}')), []);
  assert.deepEqual(brief(contact('LarkBotWebhook', 'http://localhost:8080/hook')), []);
  assert.deepEqual(brief(contact('Webhook', 'http://127.0.0.1:9000/hooks/vmp')), []);
});

test('an address held whole in a secret, or with a referenced host, is checked when resolved', () => {
  assert.deepEqual(brief(contact('WeComBotWebhook', '${secret:sre-wecom-url}')), []);
  assert.deepEqual(brief(contact('DingTalkBotWebhook', '"${env:DINGTALK_URL}"')), []);
  assert.deepEqual(brief(contact('Webhook', '${env:HOOK_BASE}/vmp')), []);
  assert.deepEqual(brief(contact('LarkBotWebhook', 'https://${env:LARK_HOST}/open-apis/bot/v2/hook/${secret:sre-lark-hook}')), []);
});

test('wecom-bare-key: a bare key where the WeCom URL belongs; the data names the field, never the key', () => {
  const found = check(contact('WeComBotWebhook', '693a91f6-7a1b-4bc4-97a0-0ec2a1fa5aaa'));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['wecom-bare-key error 10:14-10:50']);
  assert.deepEqual(found[0]!.data, { path: ['spec', 'WeComBotWebhook', 'Address'] });
  assert.ok(!JSON.stringify(found[0]).includes('693a91f6'), 'the key is a secret: not in the finding');
});

test('wecom-bare-key is only for WeCom: the same text as a DingTalk address is invalid-url', () => {
  assert.deepEqual(brief(contact('DingTalkBotWebhook', '693a91f6-7a1b-4bc4-97a0-0ec2a1fa5aaa')), ['invalid-url error 10:14-10:50']);
});

test('wecom-bare-key: a documentation placeholder key is not reported', () => {
  assert.deepEqual(brief(contact('WeComBotWebhook', '693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa')), []);
});

test('invalid-url: an address without a scheme, or with another scheme', () => {
  const found = check(contact('Webhook', 'alerts.example.com/hooks/vmp'));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['invalid-url error 10:14-10:42']);
  assert.match(found[0]!.message, /absolute http\(s\) URL/);
  assert.deepEqual(brief(zstack('ftp://oapi.dingtalk.com/robot/send')), ['invalid-url error 8:10-8:44']);
});

test('invalid-url passes for an https URL', () => {
  assert.deepEqual(brief(contact('Webhook', 'https://alerts.example.com/hooks/vmp')), []);
});

test('insecure-url: plain http to a public host', () => {
  const found = check(contact('Webhook', 'http://alerts.example.com/hooks/vmp', '    Token: ${secret:sre-webhook-token}'));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['insecure-url warning 10:14-10:49']);
  assert.deepEqual(brief(zstack('http://oapi.dingtalk.com/robot/send?access_token=${env:T}')), ['insecure-url warning 8:10-8:67']);
});

test('insecure-url passes for http://127.0.0.1 and https', () => {
  assert.deepEqual(brief(contact('Webhook', 'http://127.0.0.1/hooks/vmp')), []);
  assert.deepEqual(brief(contact('Webhook', 'https://alerts.example.com/hooks/vmp')), []);
});

test('a documentation placeholder address is not checked', () => {
  assert.deepEqual(brief(contact('Webhook', '<url>')), []);
  assert.deepEqual(brief(zstack('https://oapi.dingtalk.com/robot/send?access_token=***')), []);
});
