/**
 * The request builders (`planAction`): for every kind and action, the exact
 * HTTP request — method, URL, headers, body text — from a resource, its target,
 * the settings and the resolved secrets and credentials, at a fixed `now`.
 *
 * Expected values are written here from the fixtures and the vendor docs
 * (research.md): signatures are recomputed in this file with node:crypto from
 * the published algorithms (and checked against research.md's vectors and the
 * stand-ins' independent verifiers), never by calling the engine's signers.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { planAction, type ActionInput, type ActionPlan, type CredentialSource } from '../../../server/src/engine/actions/build/index';
import type { SecretSource } from '../../../server/src/engine/actions/references';
import { actionsFor, type ActionName } from '../../../server/src/engine/actions/available';
import type { Kind } from '../../../server/src/engine/model/kinds';
import { DEFAULT_SETTINGS, mergeSettings } from '../../../server/src/engine/config/settings';
import { parseConfigFile } from '../../../server/src/engine/config/config-file';
import { actionableResources } from '../../../server/src/engine/actions/resource';
import { validateText } from '../../../server/src/engine/validate';
import { formatForPath } from '../../../server/src/engine/parse/source';
import { kindForPath } from '../../../server/src/engine/config/associations';
import { huaweiExpectedSignature } from '../../standins/huawei';
import { volcengineExpectedSignature } from '../../standins/volcengine';
import type { Received } from '../../standins/server';
import { repoRoot } from '../../helpers/repo';

// ---------------------------------------------------------------- fixtures

const NOW = new Date('2024-05-20T07:00:00Z');
const NOW_MS = 1716188400000;
const NOW_S = 1716188400;
const NOW_ISO = '2024-05-20T07:00:00.000Z';
const SDK_DATE = '20240520T070000Z';

const ENV: Record<string, string> = { DINGTALK_TOKEN: 'dtTok0123456789abcdef' };
const SECRETS: Record<string, string> = {
  'sre-dingtalk-secret': 'SECd1n9a1k5ecret0123456789',
  'sre-lark-hook': '5f1e2d3c-4b5a-6978-8a9b-lark0hook01',
  'sre-lark-secret': 'larkS1gn1ngSecret42',
  'sre-wecom-key': '693a91f6-7a3b-4c5d-9e8f-wecom0key001',
  'sre-webhook-token': 'whT0kenABCDEF123456',
  'ops-dingtalk-secret': 'SECops0robot0secret9876',
  'alarm-basic-password': 'Basic-Pa55w0rd-4242',
  'alarm-basic-encoded': 'p%40ss%3Aw0rd',
};
const HUAWEI = { ak: 'HWAKEXAMPLE0000000001', sk: 'hwSecretKeyExample0123456789abcdefghij' };
const HUAWEI_TOKEN = 'MIIexampleIamToken-0123456789';
const VOLC = { accessKeyId: 'AKLTvolcExampleAK', secretAccessKey: 'volcSecretKeyExample==' };
const ZSTACK_SESSION = '4f5c2a7e9b3d4e8f8a1b2c3d4e5f6a70';

function secretSource(env: Record<string, string> = ENV, secrets: Record<string, string> = SECRETS): SecretSource {
  return { env: (n) => env[n], secret: (n) => secrets[n] };
}

function credentials(c: { huawei?: { ak?: string; sk?: string; token?: string }; volcengine?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }; zstack?: string } = {}): CredentialSource {
  const stored: Record<string, Record<string, string> | undefined> = { huawei: c.huawei, volcengine: c.volcengine, zstack: c.zstack === undefined ? undefined : { session: c.zstack } };
  return { get: (provider) => stored[provider] };
}

const ALL_CREDENTIALS = credentials({ huawei: HUAWEI, volcengine: VOLC, zstack: ZSTACK_SESSION });
const SETTINGS = { defaults: {}, messageTemplate: DEFAULT_SETTINGS.messageTemplate, timeoutMs: 10_000 };

function plan(kind: Kind, action: ActionName, body: unknown, envelope: ActionInput['envelope'] = {}, over: Partial<ActionInput> = {}): ActionPlan {
  return planAction({ action, kind, body, envelope, now: NOW, settings: SETTINGS, secrets: secretSource(), credentials: ALL_CREDENTIALS, ...over });
}

/** The one request of a plan that has no problems. */
function only(p: ActionPlan) {
  assert.deepEqual(p.problems, [], `unexpected problems: ${p.problems.join(' | ')}`);
  assert.equal(p.requests.length, 1);
  return p.requests[0]!;
}

/** examples/contacts/sre-oncall.yaml, spec. */
function contact(): Record<string, unknown> {
  return {
    Name: 'sre-oncall',
    Email: 'sre@example.com',
    ContactGroupIds: ['e28ae750-bbb8-4ff4-abf4-1e0e0f88808c'],
    DingTalkBotWebhook: {
      Address: 'https://oapi.dingtalk.com/robot/send?access_token=${env:DINGTALK_TOKEN}',
      SecretKey: '${secret:sre-dingtalk-secret}',
      AtMobiles: ['13800000000'],
    },
    LarkBotWebhook: { Address: 'https://open.feishu.cn/open-apis/bot/v2/hook/${secret:sre-lark-hook}', SecretKey: '${secret:sre-lark-secret}' },
    WeComBotWebhook: { Address: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${secret:sre-wecom-key}', AtUserIds: ['zhangsan'] },
    Webhook: { Address: 'https://alerts.example.com/hooks/vmp', Token: '${secret:sre-webhook-token}' },
  };
}
const CONTACT_ENV = { name: 'sre-oncall', target: { region: 'cn-beijing' } };
const DEFAULT_TEXT = `alertcfg test message from sre-oncall (Contact) at ${NOW_ISO}`;

/** examples/huawei/events.yaml, first document's spec. */
function events(): Record<string, unknown> {
  return {
    events: [
      {
        starts_at: 1716188400000,
        timeout: 259200000,
        metadata: { event_name: 'disk-full', event_severity: 'Major', event_type: 'alarm', resource_provider: 'ecs', resource_type: 'vm', resource_id: 'ecs-0123' },
        annotations: { message: 'Disk /data is 95% full' },
        attach_rule: {},
      },
    ],
  };
}
const EVENTS_TEXT =
  '{"events":[{"starts_at":1716188400000,"timeout":259200000,"metadata":{"event_name":"disk-full","event_severity":"Major","event_type":"alarm",' +
  '"resource_provider":"ecs","resource_type":"vm","resource_id":"ecs-0123"},"annotations":{"message":"Disk /data is 95% full"},"attach_rule":{}}]}';
const PROJECT = '24edf66e79d04187acb99a463e610764';

/** examples/huawei/key-operations.yaml, second document's spec. */
function keyOperations(): Record<string, unknown> {
  return {
    notification_name: 'tracker-changes',
    operation_type: 'customized',
    operations: [{ service_type: 'CTS', resource_type: 'tracker', trace_names: ['createTracker', 'deleteTracker'] }],
    notify_user_list: [{ user_group: 'admin', user_list: ['alice', 'bob'] }],
    topic_id: 'urn:smn:cn-north-7:24edf66e79d04187acb99a463e610764:sre',
  };
}
const KEYOPS_TEXT =
  '{"notification_name":"tracker-changes","operation_type":"customized","operations":[{"service_type":"CTS","resource_type":"tracker",' +
  '"trace_names":["createTracker","deleteTracker"]}],"notify_user_list":[{"user_group":"admin","user_list":["alice","bob"]}],' +
  '"topic_id":"urn:smn:cn-north-7:24edf66e79d04187acb99a463e610764:sre"}';

/** examples/callbacks/cvm-cpu-high.yaml, spec. */
function alarm(): Record<string, unknown> {
  return {
    sessionId: 'session-cvm-cpu-0001',
    alarmStatus: 1,
    alarmType: 'metric',
    alarmObjInfo: { region: 'gz', namespace: 'qce/cvm', dimensions: { unInstanceId: 'ins-o9p3rg3m', objId: '8bd8e7bd-7f1c-4c5a-a3c8-2f4b7a1f7e5d' } },
    alarmPolicyInfo: {
      policyId: 'policy-n4exeh88',
      policyType: 'cvm_device',
      policyName: 'cpu-high',
      conditions: { metricName: 'cpu_usage', metricShowName: 'CPU utilization', calcType: '>', calcValue: '90', currentValue: '97', unit: '%', period: '60', periodNum: '1', alarmNotifyType: 'continuousAlarm', alarmNotifyPeriod: 300 },
    },
    firstOccurTime: '2024-05-20 07:00:00',
    durationTime: 500,
    recoverTime: '0',
  };
}

// ------------------------------------------------- independent algorithms

const sha256 = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');

/** DingTalk (research.md §A): base64(HMAC-SHA256(key=secret, msg=`ts\nsecret`)), URL-encoded once. */
function dingSign(secret: string, ms: number): string {
  return encodeURIComponent(createHmac('sha256', secret).update(`${ms}\n${secret}`).digest('base64'));
}

/** Lark (research.md §B): base64(HMAC-SHA256(key=`ts\nsecret`, msg="")), seconds. */
function larkSign(secret: string, s: number): string {
  return createHmac('sha256', `${s}\n${secret}`).update('').digest('base64');
}

/** Volcengine (research.md §E) for a POST / with the given sorted headers. */
function volcSignature(sk: string, region: string, xDate: string, query: string, headers: [string, string][], body: string): string {
  const canonical = ['POST', '/', query, headers.map(([k, v]) => `${k}:${v}\n`).join(''), headers.map(([k]) => k).join(';'), sha256(body)].join('\n');
  const scope = `${xDate.slice(0, 8)}/${region}/vmp/request`;
  const toSign = `HMAC-SHA256\n${xDate}\n${scope}\n${sha256(canonical)}`;
  let key: Buffer = createHmac('sha256', sk).update(xDate.slice(0, 8)).digest();
  for (const part of [region, 'vmp', 'request']) key = createHmac('sha256', key).update(part).digest();
  return createHmac('sha256', key).update(toSign).digest('hex');
}

/** Huawei SDK-HMAC-SHA256 (research.md §D): canonical URI ends with '/', key = SK, hex. */
function huaweiSignature(sk: string, method: string, path: string, query: string, headers: [string, string][], body: string, date: string): string {
  const uri = path.endsWith('/') ? path : `${path}/`;
  const canonical = [method, uri, query, headers.map(([k, v]) => `${k}:${v}\n`).join(''), headers.map(([k]) => k).join(';'), sha256(body)].join('\n');
  return createHmac('sha256', sk).update(`SDK-HMAC-SHA256\n${date}\n${sha256(canonical)}`).digest('hex');
}

/** A planned request as a stand-in would receive it (undici sends Host from the URL unless a Host header is given). */
function received(r: { method: string; url: string; headers: Record<string, string>; body?: string }): Received {
  const url = new URL(r.url);
  const headers: Record<string, string> = { host: url.host };
  for (const [k, v] of Object.entries(r.headers)) headers[k.toLowerCase()] = v;
  const body = Buffer.from(r.body ?? '', 'utf8');
  return { method: r.method, url, rawUrl: `${url.pathname}${url.search}`, headers, body, text: body.toString('utf8') };
}

// ------------------------------------------------------------ Contact send

describe('Contact send', () => {
  test('DingTalk: signed URL (timestamp ms + sign computed here), text with @mobile and at.atMobiles', () => {
    const r = only(plan('Contact', 'send', contact(), CONTACT_ENV, { channel: 'dingtalk' }));
    const secret = SECRETS['sre-dingtalk-secret']!;
    assert.equal(r.vendor, 'dingtalk');
    assert.equal(r.request.method, 'POST');
    assert.equal(r.request.url, `https://oapi.dingtalk.com/robot/send?access_token=dtTok0123456789abcdef&timestamp=${NOW_MS}&sign=${dingSign(secret, NOW_MS)}`);
    assert.deepEqual(r.request.headers, { 'Content-Type': 'application/json' });
    assert.equal(r.request.body, `{"msgtype":"text","text":{"content":"${DEFAULT_TEXT} @13800000000"},"at":{"atMobiles":["13800000000"]}}`);
    assert.equal(r.idempotent, true);
    assert.equal(r.carriesSecret, true);
    assert.deepEqual(r.allowedHosts, ['oapi.dingtalk.com']);
  });

  test('DingTalk: the default channel is the first the Contact has (DingTalk)', () => {
    const r = only(plan('Contact', 'send', contact(), CONTACT_ENV));
    assert.equal(r.vendor, 'dingtalk');
  });

  test("DingTalk: research.md's vector (secret 'this is secret', 1577262236757) gives its URL-encoded sign", () => {
    const body = { Name: 'x', DingTalkBotWebhook: { Address: 'https://oapi.dingtalk.com/robot/send?access_token=abc', SecretKey: '${secret:s}' } };
    const p = planAction({ action: 'send', kind: 'Contact', body, envelope: {}, now: new Date(1577262236757), settings: SETTINGS, secrets: secretSource({}, { s: 'this is secret' }), credentials: credentials() });
    assert.equal(only(p).request.url, 'https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1577262236757&sign=hmPWwU%2B7lVdm3ZZz0r9tSfx0L4Q26jWOZr9%2BGs6EZQM%3D');
  });

  test('DingTalk without SecretKey: the address is sent as written, no timestamp/sign', () => {
    const body = { Name: 'x', DingTalkBotWebhook: { Address: 'https://oapi.dingtalk.com/robot/send?access_token=${env:DINGTALK_TOKEN}' } };
    const r = only(plan('Contact', 'send', body, { name: 'x' }));
    assert.equal(r.request.url, 'https://oapi.dingtalk.com/robot/send?access_token=dtTok0123456789abcdef');
    assert.equal(r.request.body, `{"msgtype":"text","text":{"content":"alertcfg test message from x (Contact) at ${NOW_ISO}"}}`, 'at omitted when nobody is mentioned');
  });

  test('DingTalk with AtUserIds: @userId appended and at.atUserIds set', () => {
    const body = { Name: 'x', DingTalkBotWebhook: { Address: 'https://oapi.dingtalk.com/robot/send?access_token=t0k', AtMobiles: ['13800000000'], AtUserIds: ['manager01'] } };
    const r = only(plan('Contact', 'send', body, { name: 'x' }, { message: 'disk full @13800000000' }));
    assert.equal(r.request.body, '{"msgtype":"text","text":{"content":"disk full @13800000000 @manager01"},"at":{"atMobiles":["13800000000"],"atUserIds":["manager01"]}}');
  });

  test('Lark: body has timestamp (seconds) and sign (computed here), then msg_type/content', () => {
    const r = only(plan('Contact', 'send', contact(), CONTACT_ENV, { channel: 'lark' }));
    assert.equal(r.vendor, 'lark');
    assert.equal(r.request.method, 'POST');
    assert.equal(r.request.url, 'https://open.feishu.cn/open-apis/bot/v2/hook/5f1e2d3c-4b5a-6978-8a9b-lark0hook01');
    assert.deepEqual(r.request.headers, { 'Content-Type': 'application/json' });
    const sign = larkSign(SECRETS['sre-lark-secret']!, NOW_S);
    assert.equal(r.request.body, `{"timestamp":"${NOW_S}","sign":"${sign}","msg_type":"text","content":{"text":"${DEFAULT_TEXT}"}}`);
    assert.deepEqual(r.allowedHosts, ['open.feishu.cn', 'open.larksuite.com']);
  });

  test("Lark: research.md's published vector (9RfDwbCf5MqJ54F8FUktw, 1584532800)", () => {
    const body = { Name: 'x', LarkBotWebhook: { Address: 'https://open.larksuite.com/open-apis/bot/v2/hook/abc', SecretKey: '${secret:s}' } };
    const p = planAction({ action: 'send', kind: 'Contact', body, envelope: {}, now: new Date(1584532800_000), settings: SETTINGS, secrets: secretSource({}, { s: '9RfDwbCf5MqJ54F8FUktw' }), credentials: credentials(), message: 'hi' });
    assert.equal(only(p).request.body, '{"timestamp":"1584532800","sign":"YftbIE5F81bUnsLwj5Av5Ahfxsa/71+f4Th4tPR7GaA=","msg_type":"text","content":{"text":"hi"}}');
  });

  test('Lark without SecretKey: no timestamp, no sign', () => {
    const body = { Name: 'x', LarkBotWebhook: { Address: 'https://open.feishu.cn/open-apis/bot/v2/hook/abc' } };
    assert.equal(only(plan('Contact', 'send', body, {}, { message: 'hi' })).request.body, '{"msg_type":"text","content":{"text":"hi"}}');
  });

  test('WeCom: text with mentioned_list from AtUserIds; key resolved into the URL', () => {
    const r = only(plan('Contact', 'send', contact(), CONTACT_ENV, { channel: 'wecom' }));
    assert.equal(r.vendor, 'wecom');
    assert.equal(r.request.url, 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7a3b-4c5d-9e8f-wecom0key001');
    assert.deepEqual(r.request.headers, { 'Content-Type': 'application/json' });
    assert.equal(r.request.body, `{"msgtype":"text","text":{"content":"${DEFAULT_TEXT}","mentioned_list":["zhangsan"]}}`);
    assert.deepEqual(r.allowedHosts, ['qyapi.weixin.qq.com']);
  });

  test('generic webhook: Token sent as Authorization: Bearer, JSON document with name, kind, time', () => {
    const r = only(plan('Contact', 'send', contact(), CONTACT_ENV, { channel: 'webhook' }));
    assert.equal(r.vendor, 'webhook');
    assert.equal(r.request.url, 'https://alerts.example.com/hooks/vmp');
    assert.deepEqual(r.request.headers, { 'Content-Type': 'application/json', Authorization: 'Bearer whT0kenABCDEF123456' });
    assert.equal(r.request.body, `{"source":"alertcfg","type":"test","kind":"Contact","name":"sre-oncall","message":"${DEFAULT_TEXT}","time":"${NOW_ISO}"}`);
    assert.equal(r.carriesSecret, true);
    assert.equal(r.allowedHosts, undefined, 'a generic webhook may be any host');
  });

  test('generic webhook without Token: no Authorization, carries no secret', () => {
    const r = only(plan('Contact', 'send', { Name: 'x', Webhook: { Address: 'https://hooks.example.com/a' } }, {}, { message: 'm' }));
    assert.deepEqual(r.request.headers, { 'Content-Type': 'application/json' });
    assert.equal(r.carriesSecret, false);
  });

  test('--message replaces the template; the configured template fills {name}, {kind}, {time}', () => {
    const a = only(plan('Contact', 'send', contact(), CONTACT_ENV, { channel: 'wecom', message: 'custom words' }));
    assert.equal(a.request.body, '{"msgtype":"text","text":{"content":"custom words","mentioned_list":["zhangsan"]}}');
    const b = only(
      plan('Contact', 'send', contact(), CONTACT_ENV, { channel: 'wecom', settings: { ...SETTINGS, messageTemplate: '[{kind}] {name} @ {time} / {name}' } }),
    );
    assert.equal(b.request.body, `{"msgtype":"text","text":{"content":"[Contact] sre-oncall @ ${NOW_ISO} / sre-oncall","mentioned_list":["zhangsan"]}}`);
  });

  test('a raw body (no envelope name) is named by its kind in the message', () => {
    const r = only(plan('Contact', 'send', { Name: 'x', Webhook: { Address: 'https://hooks.example.com/a' } }, {}));
    assert.match(r.request.body!, /alertcfg test message from Contact \(Contact\)/);
  });

  test('the input body is not modified by resolution', () => {
    const body = contact();
    const copy = JSON.parse(JSON.stringify(body));
    plan('Contact', 'send', body, CONTACT_ENV, { channel: 'dingtalk' });
    plan('Contact', 'apply', body, CONTACT_ENV);
    assert.deepEqual(body, copy);
  });
});

// ----------------------------------------------------------- Contact apply

describe('Contact apply (Volcengine CreateContact)', () => {
  test("research.md's self-computed vector: AKLTexample / c2VjcmV0ZXhhbXBsZQ== / 20240101T000000Z / {\"Name\":\"demo\"}", () => {
    const p = planAction({
      action: 'apply',
      kind: 'Contact',
      body: { Name: 'demo' },
      envelope: { target: { region: 'cn-beijing' } },
      now: new Date('2024-01-01T00:00:00Z'),
      settings: SETTINGS,
      secrets: secretSource(),
      credentials: credentials({ volcengine: { accessKeyId: 'AKLTexample', secretAccessKey: 'c2VjcmV0ZXhhbXBsZQ==' } }),
    });
    const r = only(p);
    assert.equal(r.request.url, 'https://open.volcengineapi.com/?Action=CreateContact&Version=2021-03-03');
    assert.equal(r.request.body, '{"Name":"demo"}');
    assert.deepEqual(r.request.headers, {
      'Content-Type': 'application/json',
      'X-Date': '20240101T000000Z',
      'X-Content-Sha256': '28110aec8b8cf7fcdf2515073b72b89405cd7b5b593fe35c67f19b9cd5834623',
      Authorization:
        'HMAC-SHA256 Credential=AKLTexample/20240101/cn-beijing/vmp/request, SignedHeaders=content-type;host;x-content-sha256;x-date, ' +
        'Signature=7abe547a1289e2bd5991a4574038e6cb8242bd4c5fe8ce56481645bb2b5b3b46',
    });
  });

  test('body is spec as written (references resolved, key order kept); Authorization structure; verifies like the stand-in', () => {
    const r = only(plan('Contact', 'apply', contact(), CONTACT_ENV));
    assert.equal(r.vendor, 'volcengine');
    assert.equal(r.idempotent, false, 'a create is not idempotent');
    assert.equal(r.request.method, 'POST');
    assert.equal(r.request.url, 'https://open.volcengineapi.com/?Action=CreateContact&Version=2021-03-03');
    const expectedBody =
      '{"Name":"sre-oncall","Email":"sre@example.com","ContactGroupIds":["e28ae750-bbb8-4ff4-abf4-1e0e0f88808c"],' +
      '"DingTalkBotWebhook":{"Address":"https://oapi.dingtalk.com/robot/send?access_token=dtTok0123456789abcdef","SecretKey":"SECd1n9a1k5ecret0123456789","AtMobiles":["13800000000"]},' +
      '"LarkBotWebhook":{"Address":"https://open.feishu.cn/open-apis/bot/v2/hook/5f1e2d3c-4b5a-6978-8a9b-lark0hook01","SecretKey":"larkS1gn1ngSecret42"},' +
      '"WeComBotWebhook":{"Address":"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7a3b-4c5d-9e8f-wecom0key001","AtUserIds":["zhangsan"]},' +
      '"Webhook":{"Address":"https://alerts.example.com/hooks/vmp","Token":"whT0kenABCDEF123456"}}';
    assert.equal(r.request.body, expectedBody);
    const h = r.request.headers;
    assert.equal(h['X-Date'], SDK_DATE);
    assert.equal(h['X-Content-Sha256'], sha256(expectedBody));
    const m = /^HMAC-SHA256 Credential=([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(h['Authorization'] ?? '');
    assert.ok(m, `Authorization: ${h['Authorization']}`);
    assert.equal(m[1], `${VOLC.accessKeyId}/20240520/cn-beijing/vmp/request`);
    assert.equal(m[2], 'content-type;host;x-content-sha256;x-date');
    const expected = volcSignature(
      VOLC.secretAccessKey,
      'cn-beijing',
      SDK_DATE,
      'Action=CreateContact&Version=2021-03-03',
      [
        ['content-type', 'application/json'],
        ['host', 'open.volcengineapi.com'],
        ['x-content-sha256', sha256(expectedBody)],
        ['x-date', SDK_DATE],
      ],
      expectedBody,
    );
    assert.equal(m[3], expected);
    assert.equal(volcengineExpectedSignature(received(r.request), m[2]!, 'cn-beijing', 'vmp', VOLC.secretAccessKey), expected, "the stand-in's verifier (official Signer) agrees");
  });

  test('session token: X-Security-Token sent and signed', () => {
    const p = plan('Contact', 'apply', { Name: 'demo' }, { target: { region: 'cn-beijing' } }, { credentials: credentials({ volcengine: { ...VOLC, sessionToken: 'STSsessionTokenExample' } }) });
    const r = only(p);
    assert.equal(r.request.headers['X-Security-Token'], 'STSsessionTokenExample');
    assert.match(r.request.headers['Authorization']!, /SignedHeaders=content-type;host;x-content-sha256;x-date;x-security-token,/);
    const sig = /Signature=([0-9a-f]+)$/.exec(r.request.headers['Authorization']!)![1];
    assert.equal(sig, volcengineExpectedSignature(received(r.request), 'content-type;host;x-content-sha256;x-date;x-security-token', 'cn-beijing', 'vmp', VOLC.secretAccessKey));
  });

  test('$schema of a raw body is dropped; target.endpoint overrides the default host (and is what is signed)', () => {
    const p = plan('Contact', 'apply', { $schema: '../../schemas/contact.schema.json', Name: 'user-demo' }, { target: { region: 'cn-shanghai', endpoint: 'http://127.0.0.1:8443/' } });
    const r = only(p);
    assert.equal(r.request.url, 'http://127.0.0.1:8443/?Action=CreateContact&Version=2021-03-03');
    assert.equal(r.request.body, '{"Name":"user-demo"}');
    assert.match(r.request.headers['Authorization']!, /Credential=AKLTvolcExampleAK\/20240520\/cn-shanghai\/vmp\/request/);
    const sig = /Signature=([0-9a-f]+)$/.exec(r.request.headers['Authorization']!)![1];
    assert.equal(sig, volcengineExpectedSignature(received(r.request), 'content-type;host;x-content-sha256;x-date', 'cn-shanghai', 'vmp', VOLC.secretAccessKey));
  });

  test('defaults.region from the settings when the target has none', () => {
    const r = only(plan('Contact', 'apply', { Name: 'demo' }, {}, { settings: { ...SETTINGS, defaults: { region: 'cn-guangzhou' } } }));
    assert.match(r.request.headers['Authorization']!, /\/20240520\/cn-guangzhou\/vmp\/request,/);
  });

  test('no region anywhere → a problem naming target.region and defaults.region', () => {
    const p = plan('Contact', 'apply', { Name: 'demo' }, {});
    assert.equal(p.problems.length, 1);
    assert.match(p.problems[0]!, /target\.region/);
    assert.match(p.problems[0]!, /defaults\.region/);
  });

  test('no Volcengine credentials → a problem naming the environment variables', () => {
    const p = plan('Contact', 'apply', { Name: 'demo' }, { target: { region: 'cn-beijing' } }, { credentials: credentials() });
    assert.equal(p.problems.length, 1);
    assert.match(p.problems[0]!, /VOLCENGINE_ACCESS_KEY/);
    assert.match(p.problems[0]!, /VOLCENGINE_SECRET_KEY/);
    assert.equal(p.requests[0]?.request.headers['Authorization'], '<unset: VOLCENGINE_ACCESS_KEY and VOLCENGINE_SECRET_KEY>', 'nothing signed without credentials: the preview shows what is missing');
  });
});

// ------------------------------------------------- DingTalkTestConnection

describe('DingTalkTestConnection send', () => {
  const spec = () => ({
    params: {
      testMsg: 'alertcfg connection test @13800000000',
      url: 'https://oapi.dingtalk.com/robot/send?access_token=${env:DINGTALK_TOKEN}',
      secret: '${secret:ops-dingtalk-secret}',
      atAll: false,
      atPersonPhoneNumbers: ['13800000000'],
    },
  });

  test('through ZStack: POST the ZStack API with OAuth <session>, body = spec with references resolved', () => {
    const r = only(plan('DingTalkTestConnection', 'send', spec(), { name: 'ops-robot', target: { zstack: 'http://zstack.example.internal:8080/' } }));
    assert.equal(r.vendor, 'zstack');
    assert.equal(r.request.method, 'POST');
    assert.equal(r.request.url, 'http://zstack.example.internal:8080/zstack/v1/sns/application-endpoints/ding-talk/test-connection');
    assert.deepEqual(r.request.headers, { Authorization: `OAuth ${ZSTACK_SESSION}`, 'Content-Type': 'application/json;charset=UTF-8' });
    assert.equal(
      r.request.body,
      '{"params":{"testMsg":"alertcfg connection test @13800000000","url":"https://oapi.dingtalk.com/robot/send?access_token=dtTok0123456789abcdef",' +
        '"secret":"SECops0robot0secret9876","atAll":false,"atPersonPhoneNumbers":["13800000000"]}}',
    );
    assert.equal(r.carriesSecret, true);
  });

  test('through ZStack with only endpointUuid: fine, ZStack knows the endpoint', () => {
    const r = only(plan('DingTalkTestConnection', 'send', { params: { testMsg: 'ZStack connection test', endpointUuid: '4f5c2a7e9b3d4e8f8a1b2c3d4e5f6a7b', atAll: true } }, { target: { zstack: 'http://127.0.0.1:5000' } }));
    assert.equal(r.request.body, '{"params":{"testMsg":"ZStack connection test","endpointUuid":"4f5c2a7e9b3d4e8f8a1b2c3d4e5f6a7b","atAll":true}}');
  });

  test('through ZStack without a session → a problem naming ZSTACK_SESSION_UUID', () => {
    const p = plan('DingTalkTestConnection', 'send', spec(), { target: { zstack: 'http://127.0.0.1:5000' } }, { credentials: credentials() });
    assert.equal(p.problems.length, 1);
    assert.match(p.problems[0]!, /ZSTACK_SESSION_UUID/);
  });

  test('direct (no target.zstack): straight to DingTalk, signed; testMsg already has @mobile, not repeated', () => {
    const r = only(plan('DingTalkTestConnection', 'send', spec(), { name: 'ops-robot' }));
    assert.equal(r.vendor, 'dingtalk');
    assert.equal(r.request.url, `https://oapi.dingtalk.com/robot/send?access_token=dtTok0123456789abcdef&timestamp=${NOW_MS}&sign=${dingSign(SECRETS['ops-dingtalk-secret']!, NOW_MS)}`);
    assert.deepEqual(r.request.headers, { 'Content-Type': 'application/json' });
    assert.equal(r.request.body, '{"msgtype":"text","text":{"content":"alertcfg connection test @13800000000"},"at":{"atMobiles":["13800000000"]}}');
  });

  test('raw body: $schema is not part of the ZStack API body', () => {
    const r = only(plan('DingTalkTestConnection', 'send', { $schema: '../../schemas/dingtalk-test-connection.schema.json', params: { testMsg: 't', endpointUuid: 'u1' } }, { target: { zstack: 'http://127.0.0.1:5000' } }));
    assert.equal(r.request.body, '{"params":{"testMsg":"t","endpointUuid":"u1"}}');
  });

  test('direct with atAll: at.isAtAll true', () => {
    const r = only(plan('DingTalkTestConnection', 'send', { params: { testMsg: 'hello', url: 'https://oapi.dingtalk.com/robot/send?access_token=t0k', atAll: true } }));
    assert.equal(r.request.url, 'https://oapi.dingtalk.com/robot/send?access_token=t0k');
    assert.equal(r.request.body, '{"msgtype":"text","text":{"content":"hello"},"at":{"isAtAll":true}}');
  });

  test('direct with only endpointUuid → a problem (the uuid is known only to ZStack)', () => {
    const p = plan('DingTalkTestConnection', 'send', { params: { testMsg: 'x', endpointUuid: '4f5c2a7e9b3d4e8f8a1b2c3d4e5f6a7b' } });
    assert.equal(p.requests.length, 0);
    assert.equal(p.problems.length, 1);
    assert.match(p.problems[0]!, /target\.zstack/);
    assert.match(p.problems[0]!, /params\.url/);
  });

  test('direct with a placeholder url (the doc example) → a problem', () => {
    const p = plan('DingTalkTestConnection', 'send', { params: { testMsg: 'x', url: 'https://oapi.dingtalk.com/robot/send?access_token=***' } });
    assert.equal(p.requests.length, 0);
    assert.match(p.problems.join('\n'), /placeholder/);
  });
});

// ------------------------------------------------------ Huawei CTS and AOM

describe('KeyOperationNotification apply (CTS)', () => {
  test('AK/SK: POST /v3/{project}/notifications at the default endpoint, signed; verifies with the SDK pieces', () => {
    const r = only(plan('KeyOperationNotification', 'apply', keyOperations(), { name: 'tracker-changes', target: { region: 'cn-north-7', projectId: PROJECT } }));
    assert.equal(r.vendor, 'huawei-cts');
    assert.equal(r.idempotent, false);
    assert.equal(r.request.method, 'POST');
    assert.equal(r.request.url, `https://cts.cn-north-7.myhuaweicloud.com/v3/${PROJECT}/notifications`);
    assert.equal(r.request.body, KEYOPS_TEXT);
    const h = r.request.headers;
    assert.equal(h['Content-Type'], 'application/json');
    assert.equal(h['Host'], 'cts.cn-north-7.myhuaweicloud.com');
    assert.equal(h['X-Sdk-Date'], SDK_DATE);
    const m = /^SDK-HMAC-SHA256 Access=([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(h['Authorization'] ?? '');
    assert.ok(m, `Authorization: ${h['Authorization']}`);
    assert.equal(m[1], HUAWEI.ak);
    assert.equal(m[2], 'host;x-sdk-date');
    const expected = huaweiSignature(HUAWEI.sk, 'POST', `/v3/${PROJECT}/notifications`, '', [['host', 'cts.cn-north-7.myhuaweicloud.com'], ['x-sdk-date', SDK_DATE]], KEYOPS_TEXT, SDK_DATE);
    assert.equal(m[3], expected);
    assert.equal(huaweiExpectedSignature(received(r.request), m[2]!, HUAWEI.sk), expected, "the stand-in's verifier (official SDK pieces) agrees");
  });

  test('IAM token instead of AK/SK: X-Auth-Token, no Authorization', () => {
    const r = only(plan('KeyOperationNotification', 'apply', keyOperations(), { target: { region: 'cn-north-7', projectId: PROJECT } }, { credentials: credentials({ huawei: { token: HUAWEI_TOKEN } }) }));
    assert.deepEqual(r.request.headers, { 'Content-Type': 'application/json', 'X-Auth-Token': HUAWEI_TOKEN });
  });

  test('raw body: $schema dropped; defaults.region and defaults.projectId from the settings', () => {
    const settings = { ...SETTINGS, defaults: { region: 'cn-north-4', projectId: 'p0000000000000000000000000000001' } };
    const body = { $schema: 'https://alertcfg.dev/schemas/v1/key-operation-notification.schema.json', notification_name: 'test', operation_type: 'complete', topic_id: 'urn:smn:cn-north-4:p:t' };
    const r = only(plan('KeyOperationNotification', 'apply', body, {}, { settings, credentials: credentials({ huawei: { token: HUAWEI_TOKEN } }) }));
    assert.equal(r.request.url, 'https://cts.cn-north-4.myhuaweicloud.com/v3/p0000000000000000000000000000001/notifications');
    assert.equal(r.request.body, '{"notification_name":"test","operation_type":"complete","topic_id":"urn:smn:cn-north-4:p:t"}');
  });

  test('no credentials / no project → problems naming what to set', () => {
    const a = plan('KeyOperationNotification', 'apply', keyOperations(), { target: { region: 'cn-north-7', projectId: PROJECT } }, { credentials: credentials() });
    assert.equal(a.problems.length, 1);
    assert.match(a.problems[0]!, /HUAWEICLOUD_SDK_AK/);
    assert.match(a.problems[0]!, /HUAWEICLOUD_SDK_TOKEN/);
    const b = plan('KeyOperationNotification', 'apply', keyOperations(), { target: { region: 'cn-north-7' } });
    assert.equal(b.requests.length, 0);
    assert.match(b.problems.join('\n'), /target\.projectId/);
    const c = plan('KeyOperationNotification', 'apply', keyOperations(), { target: { projectId: PROJECT } });
    assert.equal(c.requests.length, 0);
    assert.match(c.problems.join('\n'), /target\.region/);
  });
});

describe('EventReport push and clear (AOM)', () => {
  const settings = { ...SETTINGS, defaults: { region: 'cn-north-4' } };

  test('push: PUT /v2/{project}/push/events, body = spec text, AK/SK signed with host; defaults.region used', () => {
    const r = only(plan('EventReport', 'push', events(), { name: 'disk-full-report', target: { projectId: PROJECT } }, { settings }));
    assert.equal(r.vendor, 'huawei-aom');
    assert.equal(r.idempotent, true);
    assert.equal(r.request.method, 'PUT');
    assert.equal(r.request.url, `https://aom.cn-north-4.myhuaweicloud.com/v2/${PROJECT}/push/events`);
    assert.equal(r.request.body, EVENTS_TEXT);
    const h = r.request.headers;
    assert.equal(h['Host'], 'aom.cn-north-4.myhuaweicloud.com');
    assert.equal(h['X-Sdk-Date'], SDK_DATE);
    const expected = huaweiSignature(HUAWEI.sk, 'PUT', `/v2/${PROJECT}/push/events`, '', [['host', 'aom.cn-north-4.myhuaweicloud.com'], ['x-sdk-date', SDK_DATE]], EVENTS_TEXT, SDK_DATE);
    assert.equal(h['Authorization'], `SDK-HMAC-SHA256 Access=${HUAWEI.ak}, SignedHeaders=host;x-sdk-date, Signature=${expected}`);
    assert.equal(huaweiExpectedSignature(received(r.request), 'host;x-sdk-date', HUAWEI.sk), expected);
  });

  test('push with enterpriseProjectId: the enterprise-project-id header is sent and signed', () => {
    const r = only(plan('EventReport', 'push', events(), { target: { region: 'cn-north-4', projectId: PROJECT, enterpriseProjectId: 'eps-0001' } }));
    assert.equal(r.request.headers['enterprise-project-id'], 'eps-0001');
    assert.match(r.request.headers['Authorization']!, /SignedHeaders=enterprise-project-id;host;x-sdk-date,/);
    const sig = /Signature=([0-9a-f]+)$/.exec(r.request.headers['Authorization']!)![1];
    assert.equal(sig, huaweiExpectedSignature(received(r.request), 'enterprise-project-id;host;x-sdk-date', HUAWEI.sk));
  });

  test('target.endpoint overrides the default host; no region needed then; token auth', () => {
    const r = only(plan('EventReport', 'push', events(), { target: { projectId: PROJECT, endpoint: 'http://127.0.0.1:9999/' } }, { credentials: credentials({ huawei: { token: HUAWEI_TOKEN } }) }));
    assert.equal(r.request.url, `http://127.0.0.1:9999/v2/${PROJECT}/push/events`);
    assert.deepEqual(r.request.headers, { 'Content-Type': 'application/json', 'X-Auth-Token': HUAWEI_TOKEN });
  });

  test('clear: ?action=clear; an event without ends_at gets now in ms, appended, and a note says so', () => {
    const body = events();
    (body['events'] as Record<string, unknown>[])[0]!['id'] = 'evt-0001';
    const p = plan('EventReport', 'clear', body, { target: { region: 'cn-north-4', projectId: PROJECT } });
    const r = only(p);
    assert.equal(r.label, 'AOM clear events');
    assert.equal(r.request.url, `https://aom.cn-north-4.myhuaweicloud.com/v2/${PROJECT}/push/events?action=clear`);
    const text =
      '{"events":[{"starts_at":1716188400000,"timeout":259200000,"metadata":{"event_name":"disk-full","event_severity":"Major","event_type":"alarm",' +
      '"resource_provider":"ecs","resource_type":"vm","resource_id":"ecs-0123"},"annotations":{"message":"Disk /data is 95% full"},"attach_rule":{},"id":"evt-0001","ends_at":1716188400000}]}';
    assert.equal(r.request.body, text);
    assert.equal(p.notes.length, 1);
    assert.match(p.notes[0]!, /events\[0\]/);
    assert.match(p.notes[0]!, /ends_at/);
    assert.match(p.notes[0]!, /1716188400000/);
    const expected = huaweiSignature(HUAWEI.sk, 'PUT', `/v2/${PROJECT}/push/events`, 'action=clear', [['host', 'aom.cn-north-4.myhuaweicloud.com'], ['x-sdk-date', SDK_DATE]], text, SDK_DATE);
    assert.equal(r.request.headers['Authorization'], `SDK-HMAC-SHA256 Access=${HUAWEI.ak}, SignedHeaders=host;x-sdk-date, Signature=${expected}`);
    assert.equal(huaweiExpectedSignature(received(r.request), 'host;x-sdk-date', HUAWEI.sk), expected);
    assert.equal((body['events'] as Record<string, unknown>[])[0]!['ends_at'], undefined, 'the input is not modified');
  });

  test('clear of a resource marked action: clear keeps its ends_at; no note', () => {
    const body = { events: [{ id: '6d7c5d8a-disk-full-ecs-0123', starts_at: 1716188400000, ends_at: 1716192000000, metadata: (events()['events'] as any[])[0].metadata }] };
    const p = plan('EventReport', 'clear', body, { name: 'disk-full-clear', target: { region: 'cn-north-4', projectId: PROJECT }, action: 'clear' });
    const r = only(p);
    assert.match(r.request.body!, /"ends_at":1716192000000/);
    assert.deepEqual(p.notes, []);
  });

  test('clear: an event without id is a problem', () => {
    const p = plan('EventReport', 'clear', events(), { target: { region: 'cn-north-4', projectId: PROJECT } });
    assert.equal(p.problems.length, 1);
    assert.match(p.problems[0]!, /events\[0\] has no id/);
  });

  test('a resource marked action: clear offers no push', () => {
    const p = plan('EventReport', 'push', events(), { target: { region: 'cn-north-4', projectId: PROJECT }, action: 'clear' });
    assert.equal(p.requests.length, 0);
    assert.match(p.problems[0]!, /EventReport has no "push" action; it offers clear/);
  });

  test('no project anywhere → a problem; defaults.projectId fills in', () => {
    const a = plan('EventReport', 'push', events(), { target: { region: 'cn-north-4' } });
    assert.match(a.problems.join('\n'), /target\.projectId/);
    const b = only(plan('EventReport', 'push', events(), {}, { settings: { ...SETTINGS, defaults: { region: 'ap-southeast-1', projectId: 'pdefault' } } }));
    assert.equal(b.request.url, 'https://aom.ap-southeast-1.myhuaweicloud.com/v2/pdefault/push/events');
  });
});

// --------------------------------------------------------------- replay

describe('AlarmCallback replay', () => {
  test('POST the payload as Tencent would; 5 s timeout, 3 attempts, expected ack', () => {
    const r = only(plan('AlarmCallback', 'replay', alarm(), { name: 'cvm-cpu-high', target: { url: 'http://127.0.0.1:8080/tencent/alarm' } }));
    assert.equal(r.vendor, 'tencent-callback');
    assert.equal(r.request.method, 'POST');
    assert.equal(r.request.url, 'http://127.0.0.1:8080/tencent/alarm');
    assert.deepEqual(r.request.headers, { 'Content-Type': 'application/json' });
    assert.equal(
      r.request.body,
      '{"sessionId":"session-cvm-cpu-0001","alarmStatus":1,"alarmType":"metric","alarmObjInfo":{"region":"gz","namespace":"qce/cvm","dimensions":{"unInstanceId":"ins-o9p3rg3m",' +
        '"objId":"8bd8e7bd-7f1c-4c5a-a3c8-2f4b7a1f7e5d"}},"alarmPolicyInfo":{"policyId":"policy-n4exeh88","policyType":"cvm_device","policyName":"cpu-high",' +
        '"conditions":{"metricName":"cpu_usage","metricShowName":"CPU utilization","calcType":">","calcValue":"90","currentValue":"97","unit":"%","period":"60","periodNum":"1",' +
        '"alarmNotifyType":"continuousAlarm","alarmNotifyPeriod":300}},"firstOccurTime":"2024-05-20 07:00:00","durationTime":500,"recoverTime":"0"}',
    );
    assert.equal(r.timeoutMs, 5000);
    assert.equal(r.maxAttempts, 3);
    assert.deepEqual(r.expectAck, { sessionId: 'session-cvm-cpu-0001' });
    assert.equal(r.idempotent, true);
    assert.equal(r.carriesSecret, false);
  });

  test('--url overrides target.url', () => {
    const r = only(plan('AlarmCallback', 'replay', alarm(), { target: { url: 'http://127.0.0.1:8080/a' } }, { url: 'http://127.0.0.1:9090/b' }));
    assert.equal(r.request.url, 'http://127.0.0.1:9090/b');
  });

  test('BasicAuth in the URL (user:pass@, with a reference) becomes an Authorization header; the URL loses it', () => {
    const r = only(plan('AlarmCallback', 'replay', alarm(), { target: { url: 'http://alice:${secret:alarm-basic-password}@127.0.0.1:8080/tencent/alarm' } }));
    assert.equal(r.request.url, 'http://127.0.0.1:8080/tencent/alarm');
    assert.equal(r.request.headers['Authorization'], `Basic ${Buffer.from('alice:Basic-Pa55w0rd-4242').toString('base64')}`);
    assert.equal(r.carriesSecret, true);
    // A password with reserved characters is stored percent-encoded, as it must appear in a URL.
    const e = only(plan('AlarmCallback', 'replay', alarm(), { target: { url: 'http://alice:${secret:alarm-basic-encoded}@127.0.0.1:8080/x' } }));
    assert.equal(e.request.headers['Authorization'], `Basic ${Buffer.from('alice:p@ss:w0rd').toString('base64')}`);
  });

  test('raw body: $schema is not part of what Tencent sends', () => {
    const body = { $schema: 'https://alertcfg.dev/schemas/v1/alarm-callback.schema.json', sessionId: 'abc', alarmStatus: '0' };
    const r = only(plan('AlarmCallback', 'replay', body, {}, { url: 'http://127.0.0.1:1/x' }));
    assert.equal(r.request.body, '{"sessionId":"abc","alarmStatus":"0"}');
  });

  test('no receiver → a problem naming target.url and --url; no sessionId → a problem', () => {
    assert.match(plan('AlarmCallback', 'replay', alarm()).problems.join('\n'), /target\.url.*--url/);
    const { sessionId: _s, ...rest } = alarm();
    assert.match(plan('AlarmCallback', 'replay', rest, { target: { url: 'http://127.0.0.1:1/' } }).problems.join('\n'), /sessionId/);
  });
});

// ------------------------------------------------------------- problems

describe('problems stop the action before anything is sent', () => {
  test('unresolved ${env:X} and ${secret:Y} are named in the messages', () => {
    const p = planAction({ action: 'send', kind: 'Contact', body: contact(), envelope: CONTACT_ENV, now: NOW, settings: SETTINGS, secrets: secretSource({}, {}), credentials: ALL_CREDENTIALS, channel: 'dingtalk' });
    const text = p.problems.join('\n');
    assert.match(text, /\$\{env:DINGTALK_TOKEN\} is not set/);
    assert.match(text, /\$\{secret:sre-dingtalk-secret\} is not set/);
    assert.match(text, /environment variable/);
    assert.match(text, /ALERTCFG_SECRET_/);
    assert.equal(p.problems.length, 2);
  });

  test('an unresolved reference in another channel does not block this one', () => {
    const p = planAction({ action: 'send', kind: 'Contact', body: contact(), envelope: CONTACT_ENV, now: NOW, settings: SETTINGS, secrets: secretSource({}, { 'sre-webhook-token': 'whT0kenABCDEF123456' }), credentials: ALL_CREDENTIALS, channel: 'webhook' });
    assert.deepEqual(p.problems, []);
  });

  test('an empty value counts as unresolved, never as an empty string', () => {
    const p = planAction({ action: 'send', kind: 'Contact', body: contact(), envelope: CONTACT_ENV, now: NOW, settings: SETTINGS, secrets: secretSource({ DINGTALK_TOKEN: '' }, SECRETS), credentials: ALL_CREDENTIALS, channel: 'dingtalk' });
    assert.match(p.problems.join('\n'), /\$\{env:DINGTALK_TOKEN\}/);
  });

  test('unresolved references in apply, push, replay bodies', () => {
    const none = secretSource({}, {});
    const base = { now: NOW, settings: SETTINGS, secrets: none, credentials: ALL_CREDENTIALS };
    const apply = planAction({ ...base, action: 'apply', kind: 'Contact', body: contact(), envelope: CONTACT_ENV });
    assert.equal(apply.problems.length, 6);
    const push = planAction({ ...base, action: 'push', kind: 'EventReport', body: { events: [{ ...(events()['events'] as any[])[0], annotations: { message: '${env:MSG}' } }] }, envelope: { target: { region: 'r', projectId: 'p' } } });
    assert.match(push.problems.join('\n'), /\$\{env:MSG\}/);
    const replay = planAction({ ...base, action: 'replay', kind: 'AlarmCallback', body: alarm(), envelope: { target: { url: 'http://u:${secret:pw}@127.0.0.1:1/' } } });
    assert.match(replay.problems.join('\n'), /\$\{secret:pw\}/);
  });

  test('a Contact without channels: send is not offered', () => {
    const p = plan('Contact', 'send', { Name: 'only-mail', Email: 'a@example.com' });
    assert.equal(p.requests.length, 0);
    assert.match(p.problems[0]!, /Contact has no "send" action; it offers apply/);
  });

  test('--channel not present in the Contact', () => {
    const p = plan('Contact', 'send', { Name: 'x', Webhook: { Address: 'https://hooks.example.com/a' } }, {}, { channel: 'lark' });
    assert.equal(p.requests.length, 0);
    assert.match(p.problems[0]!, /no lark channel; it has webhook/);
  });

  test('placeholder addresses (***, <...>, xxx) are problems', () => {
    for (const address of ['https://oapi.dingtalk.com/robot/send?access_token=***', '<webhook address>', 'https://oapi.dingtalk.com/robot/send?access_token=xxxxxx']) {
      const p = plan('Contact', 'send', { Name: 'x', DingTalkBotWebhook: { Address: address } });
      assert.match(p.problems.join('\n'), /placeholder/, address);
    }
  });

  test('an action the kind does not offer', () => {
    const cases: [Kind, ActionName, string][] = [
      ['AlarmCallback', 'send', 'replay'],
      ['KeyOperationNotification', 'push', 'apply'],
      ['DingTalkTestConnection', 'apply', 'send'],
      ['EventReport', 'apply', 'push, clear'],
      ['Contact', 'replay', 'send, apply'],
    ];
    for (const [kind, action, offered] of cases) {
      const p = plan(kind, action, kind === 'Contact' ? contact() : {});
      assert.equal(p.requests.length, 0);
      assert.equal(p.problems[0], `${kind} has no "${action}" action; it offers ${offered}.`);
    }
  });
});

// ------------------------------------------------------- every example

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : n.endsWith('.yaml') || n.endsWith('.json') ? [p] : [];
  });
}

describe('examples/: every resource plans every action it offers', () => {
  test('each kind × action plans without problems when secrets and credentials are there', () => {
    const root = join(repoRoot(), 'examples');
    const settings = mergeSettings(parseConfigFile(readFileSync(join(root, '.alertcfg.yaml'), 'utf8')).settings);
    // Raw Huawei bodies carry no target: the project comes from the configuration.
    settings.defaults = { ...settings.defaults, projectId: PROJECT };
    const secrets = secretSource(ENV, {
      ...SECRETS,
      'demo-webhook-token': 'demoWebhookToken123',
      'demo-lark-hook': 'demo-lark-hook-0123',
      'demo-lark-secret': 'demoLarkSecret0123',
      'demo-dingtalk-secret': 'SECdemoDingTalk0123',
      'demo-wecom-key': 'demo-wecom-key-0123',
    });
    const seen = new Set<string>();
    for (const file of files(root).filter((f) => !f.endsWith('.alertcfg.yaml'))) {
      const rel = relative(root, file);
      const result = validateText(readFileSync(file, 'utf8'), { format: formatForPath(file), globKind: kindForPath(settings.schemas, rel), settings });
      for (const t of actionableResources(result)) {
        for (const action of actionsFor(t.kind, t.body, t.envelope)) {
          const p = planAction({ action, kind: t.kind, body: t.body, envelope: t.envelope, now: NOW, settings, secrets, credentials: ALL_CREDENTIALS, url: 'http://127.0.0.1:8080/' });
          const label = `${rel} #${t.documentIndex} ${t.kind} ${action}`;
          // The doc's own DingTalk example names an endpoint known only to ZStack, and AOM clear needs ids.
          const expectProblem = (rel === 'raw/dingtalk-test.yaml' && action === 'send') || (t.kind === 'EventReport' && action === 'clear' && t.envelope.action !== 'clear');
          if (expectProblem) assert.ok(p.problems.length > 0, label);
          else {
            assert.deepEqual(p.problems, [], label);
            assert.ok(p.requests.length >= 1, label);
            for (const r of p.requests) assert.ok(!/\$\{(env|secret):/.test(r.request.url + (r.request.body ?? '')), `${label}: references resolved`);
          }
          seen.add(`${t.kind}:${action}`);
        }
      }
    }
    assert.deepEqual([...seen].sort(), ['AlarmCallback:replay', 'Contact:apply', 'Contact:send', 'DingTalkTestConnection:send', 'EventReport:clear', 'EventReport:push', 'KeyOperationNotification:apply']);
  });
});
