/**
 * The action subcommands end to end: `node dist/cli.js preview|send|push|clear|
 * apply|replay` in temporary folders, against the loopback vendor stand-ins
 * started in this process on 127.0.0.1. Resources point at the stand-ins
 * through their addresses and `target` only (loopback may receive secrets over
 * http); secrets and credentials come from the environment variables (and a
 * --secrets-file) a user would set.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { keep, workspace } from './action-workspace';
import { run } from '../../server/src/cli/main';
import { startDingTalk } from '../standins/dingtalk';
import { startLark } from '../standins/lark';
import { startWeCom } from '../standins/wecom';
import { startWebhook } from '../standins/webhook';
import { startHuawei } from '../standins/huawei';
import { startVolcengine } from '../standins/volcengine';
import { startZStack } from '../standins/zstack';
import { startTencentReceiver } from '../standins/tencent-receiver';
import { alarmCallbackYaml, eventReportYaml } from '../helpers/resources';
import { CLI, runCliAsync } from './run-cli';
import { closedPort } from '../helpers/net';

const BUILT = statSync(CLI, { throwIfNoEntry: false }) ? false : 'dist/cli.js is not built (npm run build)';

// ------------------------------------------------------------ helpers

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI asynchronously (the stand-ins live in this process). */
async function alertcfg(cwd: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  const r = await runCliAsync(args, cwd, env);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function show(r: Run): string {
  return `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

/** Splits a POSIX shell command line (single quotes, `'\''`, backslashes, double quotes). */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let cur: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      assert.ok(end > i, `unterminated single quote in ${line}`);
      cur = (cur ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (c === '\\') {
      cur = (cur ?? '') + line[++i];
    } else if (c === '"') {
      let j = i + 1;
      let s = '';
      for (; line[j] !== '"'; j++) {
        assert.ok(j < line.length, `unterminated double quote in ${line}`);
        s += line[j] === '\\' ? line[++j] : line[j];
      }
      cur = (cur ?? '') + s;
      i = j;
    } else if (/\s/.test(c)) {
      if (cur !== undefined) words.push(cur);
      cur = undefined;
    } else cur = (cur ?? '') + c;
  }
  if (cur !== undefined) words.push(cur);
  return words;
}

interface Curl {
  method: string;
  url: string;
  headers: Record<string, string>;
  data?: string;
}

function parseCurl(line: string): Curl {
  const w = shellWords(line.trim());
  assert.equal(w[0], 'curl');
  const out: Curl = { method: 'GET', url: '', headers: {} };
  for (let i = 1; i < w.length; i++) {
    const a = w[i]!;
    if (a === '-sS') continue;
    if (a === '-X') out.method = w[++i]!;
    else if (a === '-H') {
      const h = w[++i]!;
      const colon = h.indexOf(':');
      out.headers[h.slice(0, colon)] = h.slice(colon + 1).trim();
    } else if (a === '--data-raw') out.data = w[++i]!;
    else {
      assert.equal(out.url, '', `one URL only, got ${a}`);
      out.url = a;
    }
  }
  return out;
}

// ------------------------------------------------------------ fixtures

const DT_TOKEN = 'cliDingTalkToken0001';
const DT_SECRET = 'SECcliDingTalkSecret0001';
const LARK_HOOK = 'cli-lark-hook-0002';
const LARK_SECRET = 'cliLarkSecret0002';
const WECOM_KEY = 'cli-wecom-key-0003';
const WEBHOOK_TOKEN = 'cliWebhookToken0004';
const ZS_SESSION = 'clizstacksession0005';
const HW_AK = 'HWCLIAK0006';
const HW_SK = 'cliHuaweiSk0006';
const HW_TOKEN = 'cliHuaweiIamToken0006';
const VOLC_AK = 'AKLTcli0007';
const VOLC_SK = 'cliVolcSecret0007';
const PROJECT = '24edf66e79d04187acb99a463e610764';

const SECRET_ENV = {
  DINGTALK_TOKEN: DT_TOKEN,
  ALERTCFG_SECRET_DT_SECRET: DT_SECRET,
  ALERTCFG_SECRET_LARK_HOOK: LARK_HOOK,
  ALERTCFG_SECRET_LARK_SECRET: LARK_SECRET,
  ALERTCFG_SECRET_WECOM_KEY: WECOM_KEY,
  ALERTCFG_SECRET_WEBHOOK_TOKEN: WEBHOOK_TOKEN,
};

function contactYaml(o: { name?: string; dingtalk?: string; lark?: string; wecom?: string; webhook?: string; endpoint?: string; dingtalkSecretRef?: string }): string {
  const name = o.name ?? 'sre-oncall';
  return [
    'apiVersion: alertcfg/v1',
    'kind: Contact',
    'metadata:',
    `  name: ${name}`,
    'target:',
    '  region: cn-beijing',
    ...(o.endpoint ? [`  endpoint: ${o.endpoint}`] : []),
    'spec:',
    `  Name: ${name}`,
    '  Email: sre@example.com',
    ...(o.dingtalk
      ? ['  DingTalkBotWebhook:', `    Address: ${o.dingtalk}/robot/send?access_token=\${env:DINGTALK_TOKEN}`, `    SecretKey: ${o.dingtalkSecretRef ?? '${secret:dt-secret}'}`, '    AtMobiles: ["13800000000"]']
      : []),
    ...(o.lark ? ['  LarkBotWebhook:', `    Address: ${o.lark}/open-apis/bot/v2/hook/\${secret:lark-hook}`, '    SecretKey: ${secret:lark-secret}'] : []),
    ...(o.wecom ? ['  WeComBotWebhook:', `    Address: ${o.wecom}/cgi-bin/webhook/send?key=\${secret:wecom-key}`, '    AtUserIds: ["zhangsan"]'] : []),
    ...(o.webhook ? ['  Webhook:', `    Address: ${o.webhook}/hooks/vmp`, '    Token: ${secret:webhook-token}'] : []),
    '',
  ].join('\n');
}

function eventsYaml(endpoint: string, opts: { clearDoc?: boolean } = {}): string {
  const push = eventReportYaml({ endpoint, projectId: PROJECT, name: 'disk-full-report' });
  return opts.clearDoc ? `${push}---\n${eventReportYaml({ endpoint, projectId: PROJECT, name: 'disk-full-clear', clear: true })}` : push;
}

function keyOpsYaml(endpoint: string): string {
  return `apiVersion: alertcfg/v1
kind: KeyOperationNotification
metadata:
  name: tracker-changes
target:
  region: cn-north-7
  projectId: ${PROJECT}
  endpoint: ${endpoint}
spec:
  notification_name: tracker-changes
  operation_type: customized
  operations:
    - service_type: CTS
      resource_type: tracker
      trace_names: [createTracker, deleteTracker]
  notify_user_list:
    - user_group: admin
      user_list: [alice, bob]
  topic_id: urn:smn:cn-north-7:${PROJECT}:sre
`;
}

function dingtalkTestYaml(params: { url: string; zstack?: string }): string {
  return `apiVersion: alertcfg/v1
kind: DingTalkTestConnection
metadata:
  name: ops-robot
${params.zstack ? `target:\n  zstack: ${params.zstack}\n` : ''}spec:
  params:
    testMsg: "alertcfg connection test @13800000000"
    url: ${params.url}/robot/send?access_token=\${env:DINGTALK_TOKEN}
    secret: \${secret:dt-secret}
    atAll: false
    atPersonPhoneNumbers: ["13800000000"]
`;
}

// ------------------------------------------------------------ bots

describe('send: bots', { skip: BUILT, concurrency: 4 }, () => {
  test('DingTalk: signed message accepted → success report, exit 0', async () => {
    const dt = await keep(startDingTalk({ accessToken: DT_TOKEN, secret: DT_SECRET }));
    const dir = workspace({ 'contact.yaml': contactYaml({ dingtalk: dt.url, lark: 'http://127.0.0.1:9' }) });
    const r = await alertcfg(dir, ['send', 'contact.yaml', '--channel', 'dingtalk'], SECRET_ENV);
    assert.equal(r.code, 0, show(r));
    assert.match(r.stdout, new RegExp(`^DingTalk test message → 127\\.0\\.0\\.1:${dt.port}: success$`, 'm'));
    assert.match(r.stdout, /^ {2}attempt 1: HTTP 200 \(\d+ ms\)$/m);
    assert.match(r.stdout, /response: \{"errcode":0,"errmsg":"ok"\}/);
    assert.equal(dt.requests.length, 1);
    assert.equal(dt.requests[0]!.verdict, 'ok');
    const body = JSON.parse(dt.requests[0]!.body);
    assert.equal(body.msgtype, 'text');
    assert.match(body.text.content, /^alertcfg test message from sre-oncall \(Contact\) at \d{4}-\d\d-\d\dT.*Z @13800000000$/);
    assert.deepEqual(body.at, { atMobiles: ['13800000000'] });
  });

  test('DingTalk: wrong secret → 310000 with the signature advice, exit 1, not retried', async () => {
    const dt = await keep(startDingTalk({ accessToken: DT_TOKEN, secret: 'SECtheRealSecretIsAnother' }));
    const dir = workspace({ 'contact.yaml': contactYaml({ dingtalk: dt.url }) });
    const r = await alertcfg(dir, ['send', 'contact.yaml', '--channel', 'dingtalk'], SECRET_ENV);
    assert.equal(r.code, 1, show(r));
    assert.match(r.stdout, /: FAILED$/m);
    assert.match(r.stdout, /^ {2}error 310000: sign not match/m);
    assert.match(r.stdout, /^ {2}advice: DingTalk rejected the signature: check that SecretKey/m);
    assert.equal(dt.requests.length, 1);
  });

  test('DingTalk keyword mode: the default message lacks the keyword → keyword advice; --message with it → success', async () => {
    const dt = await keep(startDingTalk({ accessToken: DT_TOKEN, secret: DT_SECRET, keywords: ['ALERT'] }));
    const dir = workspace({ 'contact.yaml': contactYaml({ dingtalk: dt.url }) });
    const a = await alertcfg(dir, ['send', 'contact.yaml'], SECRET_ENV);
    assert.equal(a.code, 1, show(a));
    assert.match(a.stdout, /error 310000: keywords not in content/);
    assert.match(a.stdout, /advice: The robot's keyword security setting is on/);
    const b = await alertcfg(dir, ['send', 'contact.yaml', '--message', 'ALERT: disk full'], SECRET_ENV);
    assert.equal(b.code, 0, show(b));
    assert.equal(JSON.parse(dt.requests[1]!.body).text.content, 'ALERT: disk full @13800000000');
  });

  test('--dry-run prints the request and sends nothing', async () => {
    const dt = await keep(startDingTalk({ accessToken: DT_TOKEN, secret: DT_SECRET }));
    const dir = workspace({ 'contact.yaml': contactYaml({ dingtalk: dt.url }) });
    const r = await alertcfg(dir, ['send', 'contact.yaml', '--channel', 'dingtalk', '--dry-run', '--message', 'hello'], SECRET_ENV);
    assert.equal(r.code, 0, show(r));
    assert.match(r.stdout, /^# DingTalk test message$/m);
    assert.match(r.stdout, new RegExp(`^POST http://127\\.0\\.0\\.1:${dt.port}/robot/send\\?access_token=cli\\*\\*\\*\\*01&timestamp=\\d{13}&sign=`, 'm'));
    assert.match(r.stdout, /"content": "hello @13800000000"/);
    assert.equal(dt.requests.length, 0);
  });

  test('Lark: signed body accepted; a wrong secret → 19021 advice, exit 1', async () => {
    const ok = await keep(startLark({ token: LARK_HOOK, secret: LARK_SECRET }));
    const bad = await keep(startLark({ token: LARK_HOOK, secret: 'another-secret' }));
    const dir = workspace({ 'ok.yaml': contactYaml({ lark: ok.url }), 'bad.yaml': contactYaml({ lark: bad.url }) });
    const a = await alertcfg(dir, ['send', 'ok.yaml', '--channel', 'lark'], SECRET_ENV);
    assert.equal(a.code, 0, show(a));
    assert.match(a.stdout, /^Lark test message → .*: success$/m);
    const sent = JSON.parse(ok.requests[0]!.body);
    assert.match(sent.timestamp, /^\d{10}$/);
    assert.equal(typeof sent.sign, 'string');
    assert.equal(sent.msg_type, 'text');
    const b = await alertcfg(dir, ['send', 'bad.yaml', '--channel', 'lark'], SECRET_ENV);
    assert.equal(b.code, 1, show(b));
    assert.match(b.stdout, /error 19021: sign match fail or timestamp is not within one hour/);
    assert.match(b.stdout, /advice: Lark rejected the signature or timestamp/);
  });

  test('WeCom: accepted with mentioned_list; a wrong key → 93000 advice, exit 1', async () => {
    const ok = await keep(startWeCom({ key: WECOM_KEY }));
    const bad = await keep(startWeCom({ key: 'another-key' }));
    const dir = workspace({ 'ok.yaml': contactYaml({ wecom: ok.url }), 'bad.yaml': contactYaml({ wecom: bad.url }) });
    const a = await alertcfg(dir, ['send', 'ok.yaml', '--channel', 'wecom', '--message', 'hi'], SECRET_ENV);
    assert.equal(a.code, 0, show(a));
    assert.equal(ok.requests[0]!.body, '{"msgtype":"text","text":{"content":"hi","mentioned_list":["zhangsan"]}}');
    assert.equal(ok.requests[0]!.url, `/cgi-bin/webhook/send?key=${WECOM_KEY}`);
    const b = await alertcfg(dir, ['send', 'bad.yaml', '--channel', 'wecom'], SECRET_ENV);
    assert.equal(b.code, 1, show(b));
    assert.match(b.stdout, /error 93000: invalid webhook url/);
    assert.match(b.stdout, /advice: Invalid webhook URL/);
  });

  test('generic webhook: the Token as Authorization: Bearer; --json gives the ZStack-shaped report', async () => {
    const wh = await keep(startWebhook({ token: WEBHOOK_TOKEN, path: '/hooks/vmp' }));
    const dir = workspace({ 'contact.yaml': contactYaml({ webhook: wh.url }) });
    const r = await alertcfg(dir, ['send', 'contact.yaml', '--channel', 'webhook', '--json'], SECRET_ENV);
    assert.equal(r.code, 0, show(r));
    assert.equal(wh.requests[0]!.headers['authorization'], `Bearer ${WEBHOOK_TOKEN}`);
    const reports = JSON.parse(r.stdout);
    assert.equal(reports.length, 1);
    assert.equal(reports[0].success, true);
    assert.equal(reports[0].connected, true);
    assert.deepEqual(reports[0].webhookResp, {});
    assert.equal(reports[0].attempts.length, 1);
    assert.equal(reports[0].attempts[0].status, 200);
    const payload = JSON.parse(wh.requests[0]!.body);
    assert.equal(payload.kind, 'Contact');
    assert.equal(payload.name, 'sre-oncall');
  });

  test('a bot answering 503 then OK: retried, both attempts reported, success', async () => {
    const dt = await keep(startDingTalk({ accessToken: DT_TOKEN, secret: DT_SECRET, script: [{ status: 503, body: 'busy' }] }));
    const dir = workspace({ 'contact.yaml': contactYaml({ dingtalk: dt.url }) });
    const r = await alertcfg(dir, ['send', 'contact.yaml'], SECRET_ENV);
    assert.equal(r.code, 0, show(r));
    assert.equal(dt.requests.length, 2);
    assert.match(r.stdout, /attempt 1: HTTP 503[\s\S]*attempt 2: HTTP 200/);
  });

  test('a webhook that resets the connection, then answers too slowly, then answers: 3 attempts, success', async () => {
    const wh = await keep(startWebhook({ token: WEBHOOK_TOKEN, script: ['reset', { slowMs: 5000 }] }));
    const dir = workspace({ 'contact.yaml': contactYaml({ webhook: wh.url }) });
    writeFileSync(join(dir, '.alertcfg.yaml'), 'timeoutMs: 1500\n');
    const r = await alertcfg(dir, ['send', 'contact.yaml'], SECRET_ENV);
    assert.equal(r.code, 0, show(r));
    assert.equal(wh.requests.length, 3);
    assert.match(r.stdout, /attempt 1: connection reset by 127\.0\.0\.1:\d+\/hooks\/vmp before any answer/);
    assert.match(r.stdout, /attempt 2: timed out after 1500 ms/);
    assert.match(r.stdout, /attempt 3: HTTP 200/);
  });

  test('DingTalk rate limit (20 a minute; here 1): the second send → 130101 advice, exit 1', async () => {
    const dt = await keep(startDingTalk({ accessToken: DT_TOKEN, secret: DT_SECRET, ratePerMinute: 1 }));
    const dir = workspace({ 'contact.yaml': contactYaml({ dingtalk: dt.url }) });
    const a = await alertcfg(dir, ['send', 'contact.yaml'], SECRET_ENV);
    assert.equal(a.code, 0, show(a));
    const b = await alertcfg(dir, ['send', 'contact.yaml'], SECRET_ENV);
    assert.equal(b.code, 1, show(b));
    assert.match(b.stdout, /error 130101: send too fast/);
    assert.match(b.stdout, /advice: DingTalk rate limit/);
    assert.equal(dt.requests.length, 2, 'an errcode answer is not retried');
  });

  test('a webhook answering 429 with Retry-After: retried after it, success', async () => {
    const wh = await keep(startWebhook({ token: WEBHOOK_TOKEN, script: [{ status: 429, body: { error: 'slow down' }, headers: { 'Retry-After': '1' } }] }));
    const dir = workspace({ 'contact.yaml': contactYaml({ webhook: wh.url }) });
    const r = await alertcfg(dir, ['send', 'contact.yaml'], SECRET_ENV);
    assert.equal(r.code, 0, show(r));
    assert.equal(wh.requests.length, 2);
    assert.match(r.stdout, /attempt 1: HTTP 429[\s\S]*attempt 2: HTTP 200/);
  });

  test('a bot that cannot be reached: refused on every attempt, exit 1', async () => {
    const port = await closedPort();
    const dir = workspace({ 'contact.yaml': contactYaml({ dingtalk: `http://127.0.0.1:${port}` }) });
    const r = await alertcfg(dir, ['send', 'contact.yaml'], SECRET_ENV);
    assert.equal(r.code, 1, show(r));
    assert.match(r.stdout, /error refused: No answer from 127\.0\.0\.1:\d+: connection refused/);
    assert.equal((r.stdout.match(/attempt \d: connection refused/g) ?? []).length, 3);
  });

  test('an unresolved secret: exit 2, named, "nothing was sent", the stand-in saw nothing', async () => {
    const dt = await keep(startDingTalk({ accessToken: DT_TOKEN, secret: DT_SECRET }));
    const dir = workspace({ 'contact.yaml': contactYaml({ dingtalk: dt.url, dingtalkSecretRef: '${secret:not-stored-anywhere}' }) });
    const r = await alertcfg(dir, ['send', 'contact.yaml'], SECRET_ENV);
    assert.equal(r.code, 2, show(r));
    assert.match(r.stderr, /\$\{secret:not-stored-anywhere\} is not set/);
    assert.match(r.stderr, /nothing was sent/);
    assert.equal(dt.requests.length, 0);
  });

  test('--secrets-file (dotenv) resolves ${secret:NAME}', async () => {
    const dt = await keep(startDingTalk({ accessToken: DT_TOKEN, secret: DT_SECRET }));
    const dir = workspace({ 'contact.yaml': contactYaml({ dingtalk: dt.url }), 'secrets.env': `dt-secret=${DT_SECRET}\n` });
    const r = await alertcfg(dir, ['send', 'contact.yaml', '--secrets-file', 'secrets.env'], { DINGTALK_TOKEN: DT_TOKEN });
    assert.equal(r.code, 0, show(r));
    assert.equal(dt.requests[0]!.verdict, 'ok');
  });

  test('--channel not in the Contact: exit 2, the channels it has', async () => {
    const dir = workspace({ 'contact.yaml': contactYaml({ webhook: 'http://127.0.0.1:9' }) });
    const r = await alertcfg(dir, ['send', 'contact.yaml', '--channel', 'lark'], SECRET_ENV);
    assert.equal(r.code, 2, show(r));
    assert.match(r.stderr, /no lark channel; it has webhook/);
  });
});

// ------------------------------------------------------------ DingTalkTestConnection

describe('send: DingTalkTestConnection', { skip: BUILT, concurrency: 3 }, () => {
  test('through a ZStack node (session from ZSTACK_SESSION_UUID), forwarded to the DingTalk stand-in', async () => {
    const dt = await keep(startDingTalk({ accessToken: DT_TOKEN, secret: DT_SECRET }));
    const zs = await keep(startZStack({ sessionUuid: ZS_SESSION, dingtalkUrl: dt.url }));
    const dir = workspace({ 'test.yaml': dingtalkTestYaml({ url: dt.url, zstack: zs.url }) });
    const r = await alertcfg(dir, ['send', 'test.yaml'], { ...SECRET_ENV, ZSTACK_SESSION_UUID: ZS_SESSION });
    assert.equal(r.code, 0, show(r));
    assert.match(r.stdout, /^ZStack DingTalk connection test → .*: success$/m);
    assert.equal(zs.requests[0]!.headers['authorization'], `OAuth ${ZS_SESSION}`);
    assert.equal(zs.requests[0]!.url, '/zstack/v1/sns/application-endpoints/ding-talk/test-connection');
    assert.equal(dt.requests.length, 1, 'ZStack really sent it');
    assert.equal(dt.requests[0]!.verdict, 'ok');
  });

  test('through ZStack with a wrong session → ID.1001, exit 1; without a session → exit 2', async () => {
    const zs = await keep(startZStack({ sessionUuid: ZS_SESSION }));
    const dir = workspace({ 'test.yaml': dingtalkTestYaml({ url: 'http://127.0.0.1:9', zstack: zs.url }) });
    const a = await alertcfg(dir, ['send', 'test.yaml'], { ...SECRET_ENV, ZSTACK_SESSION_UUID: 'expired-session' });
    assert.equal(a.code, 1, show(a));
    assert.match(a.stdout, /error ID\.1001/);
    const b = await alertcfg(dir, ['send', 'test.yaml'], SECRET_ENV);
    assert.equal(b.code, 2, show(b));
    assert.match(b.stderr, /ZSTACK_SESSION_UUID/);
  });

  test('direct (no target.zstack): straight to DingTalk, signed', async () => {
    const dt = await keep(startDingTalk({ accessToken: DT_TOKEN, secret: DT_SECRET }));
    const dir = workspace({ 'test.yaml': dingtalkTestYaml({ url: dt.url }) });
    const r = await alertcfg(dir, ['send', 'test.yaml'], SECRET_ENV);
    assert.equal(r.code, 0, show(r));
    assert.match(r.stdout, /^DingTalk test message → .*: success$/m);
    assert.equal(JSON.parse(dt.requests[0]!.body).text.content, 'alertcfg connection test @13800000000');
  });
});

// ------------------------------------------------------------ Huawei

describe('push / clear / apply: Huawei AOM and CTS', { skip: BUILT, concurrency: 3 }, () => {
  const AKSK = { HUAWEICLOUD_SDK_AK: HW_AK, HUAWEICLOUD_SDK_SK: HW_SK };

  test('push with AK/SK (HUAWEICLOUD_SDK_AK/SK): 204 → success, exit 0', async () => {
    const hw = await keep(startHuawei({ projectId: PROJECT, aksk: { ak: HW_AK, sk: HW_SK } }));
    const dir = workspace({ 'events.yaml': eventsYaml(hw.url) });
    const r = await alertcfg(dir, ['push', 'events.yaml'], AKSK);
    assert.equal(r.code, 0, show(r));
    assert.match(r.stdout, /^AOM push events → .*: success$/m);
    assert.match(r.stdout, /attempt 1: HTTP 204/);
    assert.equal(hw.events.length, 1);
    assert.equal(hw.events[0]!.action, 'report');
    assert.equal(hw.requests[0]!.method, 'PUT');
    assert.equal(hw.requests[0]!.url, `/v2/${PROJECT}/push/events`);
  });

  test('push with an IAM token (HUAWEICLOUD_SDK_TOKEN): X-Auth-Token, success', async () => {
    const hw = await keep(startHuawei({ projectId: PROJECT, token: HW_TOKEN }));
    const dir = workspace({ 'events.yaml': eventsYaml(hw.url) });
    const r = await alertcfg(dir, ['push', 'events.yaml'], { HUAWEICLOUD_SDK_TOKEN: HW_TOKEN });
    assert.equal(r.code, 0, show(r));
    assert.equal(hw.requests[0]!.headers['x-auth-token'], HW_TOKEN);
  });

  test('a wrong SK → APIG.0301 advice, exit 1, not retried (the stand-in saw 1 request)', async () => {
    const hw = await keep(startHuawei({ projectId: PROJECT, aksk: { ak: HW_AK, sk: HW_SK } }));
    const dir = workspace({ 'events.yaml': eventsYaml(hw.url) });
    const r = await alertcfg(dir, ['push', 'events.yaml'], { HUAWEICLOUD_SDK_AK: HW_AK, HUAWEICLOUD_SDK_SK: 'wrongSecretKey' });
    assert.equal(r.code, 1, show(r));
    assert.match(r.stdout, /error APIG\.0301: Incorrect IAM authentication information: verify aksk signature fail/);
    assert.match(r.stdout, /advice: Huawei Cloud rejected the credentials/);
    assert.equal(hw.requests.length, 1);
  });

  test('no credentials → exit 2 naming the variables, nothing sent', async () => {
    const hw = await keep(startHuawei({ projectId: PROJECT, token: HW_TOKEN }));
    const dir = workspace({ 'events.yaml': eventsYaml(hw.url) });
    const r = await alertcfg(dir, ['push', 'events.yaml']);
    assert.equal(r.code, 2, show(r));
    assert.match(r.stderr, /HUAWEICLOUD_SDK_AK/);
    assert.equal(hw.requests.length, 0);
  });

  test('clear: ?action=clear, ends_at set to now and the output says so; no prompt on a non-TTY', async () => {
    const hw = await keep(startHuawei({ projectId: PROJECT, aksk: { ak: HW_AK, sk: HW_SK } }));
    const dir = workspace({ 'events.yaml': eventsYaml(hw.url) });
    const before = Date.now();
    const r = await alertcfg(dir, ['clear', 'events.yaml'], AKSK);
    assert.equal(r.code, 0, show(r));
    assert.equal(hw.requests[0]!.url, `/v2/${PROJECT}/push/events?action=clear`);
    const m = /note: events\[0\] had no ends_at: set to the current time, (\d{13}) \(/.exec(r.stdout);
    assert.ok(m, show(r));
    const endsAt = Number(m[1]);
    assert.ok(endsAt >= before - 1000 && endsAt <= Date.now() + 1000);
    assert.equal(hw.events[0]!.action, 'clear');
    assert.equal((hw.events[0]!.events[0] as { ends_at: number }).ends_at, endsAt);
    assert.doesNotMatch(r.stderr + r.stdout, /\[y\/N\]/);
  });

  test('a file with several resources needs --doc; --doc 1 clears the second', async () => {
    const hw = await keep(startHuawei({ projectId: PROJECT, token: HW_TOKEN }));
    const dir = workspace({ 'events.yaml': eventsYaml(hw.url, { clearDoc: true }) });
    const a = await alertcfg(dir, ['clear', 'events.yaml'], { HUAWEICLOUD_SDK_TOKEN: HW_TOKEN });
    assert.equal(a.code, 2, show(a));
    assert.match(a.stderr, /holds 2 resources; choose one with --doc N \(0: EventReport disk-full-report; 1: EventReport disk-full-clear\)/);
    const b = await alertcfg(dir, ['clear', 'events.yaml', '--doc', '1'], { HUAWEICLOUD_SDK_TOKEN: HW_TOKEN });
    assert.equal(b.code, 0, show(b));
    assert.doesNotMatch(b.stdout, /note:/, 'ends_at was given');
    assert.equal((hw.events[0]!.events[0] as { ends_at: number }).ends_at, 1716192000000);
    const c = await alertcfg(dir, ['push', 'events.yaml', '--doc', '1'], { HUAWEICLOUD_SDK_TOKEN: HW_TOKEN });
    assert.equal(c.code, 2, show(c));
    assert.match(c.stderr, /has no "push" action; it offers clear/);
  });

  test('apply CTS with AK/SK: the live list (smn, fun), then the create, signed; success; no prompt', async () => {
    const hw = await keep(startHuawei({ projectId: PROJECT, aksk: { ak: HW_AK, sk: HW_SK } }));
    const dir = workspace({ 'keyops.yaml': keyOpsYaml(hw.url) });
    const r = await alertcfg(dir, ['apply', 'keyops.yaml'], AKSK);
    assert.equal(r.code, 0, show(r));
    assert.match(r.stdout, /^ {2}\+ create {4}tracker-changes {2}\(keyops\.yaml:1\)$/m);
    assert.match(r.stdout, /^done {6}create KeyOperationNotification "tracker-changes" \(keyops\.yaml:1\)$/m);
    assert.equal(hw.notifications.length, 1);
    assert.deepEqual(hw.requests.map((q) => `${q.method} ${q.url} ${q.verdict}`), [`GET /v3/${PROJECT}/notifications/smn ok`, `GET /v3/${PROJECT}/notifications/fun ok`, `POST /v3/${PROJECT}/notifications ok`]);
    assert.doesNotMatch(r.stderr, /\[y\/N\]/);
  });

  test('apply CTS twice: the second apply finds the notification and sends no write (it used to be CTS.0400)', async () => {
    const hw = await keep(startHuawei({ projectId: PROJECT, aksk: { ak: HW_AK, sk: HW_SK } }));
    const dir = workspace({ 'keyops.yaml': keyOpsYaml(hw.url) });
    assert.equal((await alertcfg(dir, ['apply', 'keyops.yaml'], AKSK)).code, 0);
    const r = await alertcfg(dir, ['apply', 'keyops.yaml'], AKSK);
    assert.equal(r.code, 0, show(r));
    assert.match(r.stdout, /^ {2}= noop {6}tracker-changes {2}\(keyops\.yaml:1\)$/m);
    assert.match(r.stdout, /^Nothing to apply: the cloud matches the repository\.$/m);
    assert.equal(hw.writes.length, 1);
  });

  test('push answered 503: not repeated (the AOM doc: do not repeat without changes), advice says so, exit 1', async () => {
    const hw = await keep(startHuawei({ projectId: PROJECT, aksk: { ak: HW_AK, sk: HW_SK }, script: [{ status: 503, body: { error_code: 'APIGW.0503', error_msg: 'Service Unavailable' } }] }));
    const dir = workspace({ 'events.yaml': eventsYaml(hw.url) });
    const r = await alertcfg(dir, ['push', 'events.yaml'], AKSK);
    assert.equal(r.code, 1, show(r));
    assert.equal(hw.requests.length, 1);
    assert.doesNotMatch(r.stdout, /attempt 2/);
    assert.match(r.stdout, /advice: Huawei Cloud answered 503: .*must not be repeated without changes, so alertcfg did not retry it/);
  });

  test('push answered 502 then accepted: retried (a PUT of the same events is idempotent), success', async () => {
    const hw = await keep(startHuawei({ projectId: PROJECT, aksk: { ak: HW_AK, sk: HW_SK }, script: [{ status: 502, body: 'Bad Gateway' }] }));
    const dir = workspace({ 'events.yaml': eventsYaml(hw.url) });
    const r = await alertcfg(dir, ['push', 'events.yaml'], AKSK);
    assert.equal(r.code, 0, show(r));
    assert.match(r.stdout, /attempt 1: HTTP 502[\s\S]*attempt 2: HTTP 204/);
    assert.equal(hw.events.length, 1);
  });
});

// ------------------------------------------------------------ Volcengine

describe('apply: Volcengine CreateContact', { skip: BUILT }, () => {
  test('success: the body as written, references resolved; the verification e-mail note; a second apply sends no write', async () => {
    const vo = await keep(startVolcengine({ accessKeyId: VOLC_AK, secretAccessKey: VOLC_SK }));
    const dir = workspace({ 'contact.yaml': contactYaml({ endpoint: vo.url, dingtalk: 'http://127.0.0.1:9', webhook: 'https://hooks.example.com' }) });
    const env = { ...SECRET_ENV, VOLCENGINE_ACCESS_KEY: VOLC_AK, VOLCENGINE_SECRET_KEY: VOLC_SK };
    const a = await alertcfg(dir, ['apply', 'contact.yaml'], env);
    assert.equal(a.code, 0, show(a));
    assert.match(a.stdout, /^done {6}create Contact "sre-oncall" \(contact\.yaml:1\)$/m);
    // The contact has an Email: VMP reports the verification e-mail in Result.SendStatus, shown as it came.
    assert.match(a.stdout, /^ {10}note: verification e-mail: MessageSucceed\.Email$/m);
    // The body is spec as written, with the references resolved.
    assert.deepEqual(vo.contacts.get('sre-oncall')!.body['Webhook'], { Address: 'https://hooks.example.com/hooks/vmp', Token: WEBHOOK_TOKEN });
    assert.doesNotMatch(a.stderr, /\[y\/N\]/);
    const b = await alertcfg(dir, ['apply', 'contact.yaml'], env);
    assert.equal(b.code, 0, show(b));
    assert.match(b.stdout, /^Nothing to apply: the cloud matches the repository\.$/m);
    assert.deepEqual(vo.writes.map((w) => w.action), ['CreateContact']);
    assert.deepEqual(vo.requests.map((q) => new URL(q.url, 'http://x').searchParams.get('Action')), ['ListContacts', 'CreateContact', 'ListContacts']);
  });

  test('a create is not retried once an answer came, even a 503', async () => {
    // The list is answered; the create gets the 503.
    const vo = await keep(startVolcengine({ accessKeyId: VOLC_AK, secretAccessKey: VOLC_SK, script: ['vendor', { status: 503, body: 'busy' }] }));
    const dir = workspace({ 'contact.yaml': contactYaml({ endpoint: vo.url, name: 'once' }) });
    const r = await alertcfg(dir, ['apply', 'contact.yaml'], { VOLCENGINE_ACCESS_KEY: VOLC_AK, VOLCENGINE_SECRET_KEY: VOLC_SK });
    assert.equal(r.code, 1, show(r));
    assert.equal(vo.requests.length, 2);
    assert.match(r.stdout, /^FAILED {4}create Contact "once" \(contact\.yaml:1\): HTTP 503: busy$/m);
  });

  test('a wrong secret key → SignatureDoesNotMatch on the list, with advice; exit 1, nothing written', async () => {
    const vo = await keep(startVolcengine({ accessKeyId: VOLC_AK, secretAccessKey: VOLC_SK }));
    const dir = workspace({ 'contact.yaml': contactYaml({ endpoint: vo.url, name: 'other' }) });
    const r = await alertcfg(dir, ['apply', 'contact.yaml'], { VOLCENGINE_ACCESS_KEY: VOLC_AK, VOLCENGINE_SECRET_KEY: 'wrong' });
    assert.equal(r.code, 1, show(r));
    assert.match(r.stderr, /Could not read the Contact resources of cn-beijing .*: SignatureDoesNotMatch: .* Volcengine rejected the signature/);
    assert.equal(vo.writes.length, 0);
  });
});

// ------------------------------------------------------------ replay

describe('replay: Tencent alarm callback', { skip: BUILT, concurrency: 4 }, () => {
  test('the receiver acknowledges → success, exit 0; the payload as written', async () => {
    const rx = await keep(startTencentReceiver({ path: '/tencent/alarm' }));
    const dir = workspace({ 'alarm.yaml': alarmCallbackYaml(`${rx.url}/tencent/alarm`) });
    const r = await alertcfg(dir, ['replay', 'alarm.yaml']);
    assert.equal(r.code, 0, show(r));
    assert.match(r.stdout, /^Alarm callback replay → .*: success$/m);
    assert.match(r.stdout, /response: \{"sessionId":"session-cvm-cpu-0001","retCode":0\}/);
    assert.equal(rx.alarms.length, 1);
    assert.equal(rx.alarms[0]!['sessionId'], 'session-cvm-cpu-0001');
    assert.equal(rx.alarms[0]!['alarmStatus'], 1);
  });

  test('a minimal payload (only sessionId and alarmStatus) still replays: the missing fields are warnings', async () => {
    const rx = await keep(startTencentReceiver({ path: '/tencent/alarm' }));
    const minimal = `apiVersion: alertcfg/v1\nkind: AlarmCallback\nmetadata:\n  name: minimal\ntarget:\n  url: ${rx.url}/tencent/alarm\nspec:\n  sessionId: "session-minimal-1"\n  alarmStatus: 1\n`;
    const dir = workspace({ 'alarm.yaml': minimal });
    const r = await alertcfg(dir, ['replay', 'alarm.yaml']);
    assert.equal(r.code, 0, show(r));
    assert.deepEqual(rx.alarms, [{ sessionId: 'session-minimal-1', alarmStatus: 1 }]);
  });

  test('the 2018 doc\'s nesting (times inside alarmPolicyInfo) is replayed as written', async () => {
    const rx = await keep(startTencentReceiver({ path: '/tencent/alarm' }));
    const nested = alarmCallbackYaml(`${rx.url}/tencent/alarm`).replace(/\n {2}(firstOccurTime|durationTime|recoverTime):/g, '\n    $1:');
    assert.match(nested, /\n {4}firstOccurTime:/);
    const dir = workspace({ 'alarm.yaml': nested });
    const r = await alertcfg(dir, ['replay', 'alarm.yaml']);
    assert.equal(r.code, 0, show(r));
    const sent = rx.alarms[0]! as Record<string, Record<string, unknown>>;
    assert.equal(sent['firstOccurTime'], undefined);
    assert.ok(sent['alarmPolicyInfo']!['firstOccurTime'], JSON.stringify(sent));
  });

  test('a wrong sessionId in every ack → 3 attempts, all reported, exit 1', async () => {
    const rx = await keep(startTencentReceiver({ script: ['wrong-session', 'wrong-session', 'wrong-session'] }));
    const dir = workspace({ 'alarm.yaml': alarmCallbackYaml(`${rx.url}/tencent/alarm`) });
    const r = await alertcfg(dir, ['replay', 'alarm.yaml']);
    assert.equal(r.code, 1, show(r));
    assert.equal(rx.requests.length, 3);
    assert.match(r.stdout, /attempt 1: HTTP 200[\s\S]*attempt 2: HTTP 200[\s\S]*attempt 3: HTTP 200/);
    assert.match(r.stdout, /error bad-ack: The receiver acknowledged sessionId "session-cvm-cpu-0001-other", not "session-cvm-cpu-0001"/);
  });

  test('HTTP 500, then the ack → success on attempt 2', async () => {
    const rx = await keep(startTencentReceiver({ script: [{ status: 500, body: 'oops' }] }));
    const dir = workspace({ 'alarm.yaml': alarmCallbackYaml(`${rx.url}/tencent/alarm`) });
    const r = await alertcfg(dir, ['replay', 'alarm.yaml', '--json']);
    assert.equal(r.code, 0, show(r));
    const [report] = JSON.parse(r.stdout);
    assert.equal(report.success, true);
    assert.deepEqual(report.attempts.map((a: { attempt: number; status: number }) => [a.attempt, a.status]), [
      [1, 500],
      [2, 200],
    ]);
  });

  test('retCode 1 then a slow answer past 5 s then the ack → success on attempt 3', async () => {
    const rx = await keep(startTencentReceiver({ script: ['retcode-1', { slowMs: 8000 }] }));
    const dir = workspace({ 'alarm.yaml': alarmCallbackYaml(`${rx.url}/tencent/alarm`) });
    const r = await alertcfg(dir, ['replay', 'alarm.yaml']);
    assert.equal(r.code, 0, show(r));
    assert.equal(rx.requests.length, 3);
    assert.match(r.stdout, /attempt 1: HTTP 200[\s\S]*attempt 2: timed out after 5000 ms[\s\S]*attempt 3: HTTP 200/);
  });

  test('--url overrides target.url', async () => {
    const rx = await keep(startTencentReceiver());
    const port = await closedPort();
    const dir = workspace({ 'alarm.yaml': alarmCallbackYaml(`http://127.0.0.1:${port}/nowhere`) });
    const r = await alertcfg(dir, ['replay', 'alarm.yaml', '--url', `${rx.url}/other/path`]);
    assert.equal(r.code, 0, show(r));
    assert.equal(rx.requests[0]!.url, '/other/path');
  });

  test('BasicAuth in the URL: the receiver gets the Authorization header', async () => {
    const rx = await keep(startTencentReceiver({ basicAuth: { user: 'alice', password: 'cliBasicPassword0008' } }));
    const dir = workspace({ 'alarm.yaml': alarmCallbackYaml(`http://alice:\${secret:alarm-pw}@127.0.0.1:${rx.port}/tencent/alarm`) });
    const r = await alertcfg(dir, ['replay', 'alarm.yaml'], { ALERTCFG_SECRET_ALARM_PW: 'cliBasicPassword0008' });
    assert.equal(r.code, 0, show(r));
    assert.equal(rx.requests[0]!.url, '/tencent/alarm');
  });
});

// ------------------------------------------------------------ preview and refusals

describe('preview and what stops an action', { skip: BUILT, concurrency: 4 }, () => {
  test('preview --curl: a shell-quoted curl with method, URL, headers and body; secrets read from the environment', async () => {
    const dir = workspace({ 'contact.yaml': contactYaml({ dingtalk: 'http://127.0.0.1:9', webhook: 'http://127.0.0.1:9' }) });
    const a = await alertcfg(dir, ['preview', 'contact.yaml', '--curl'], SECRET_ENV);
    assert.equal(a.code, 0, show(a));
    const c = parseCurl(a.stdout);
    assert.equal(c.method, 'POST');
    // The token as the variable it came from; the signature whole (it is made from the secret, and expires).
    assert.match(c.url, /^http:\/\/127\.0\.0\.1:9\/robot\/send\?access_token=\$DINGTALK_TOKEN&timestamp=\d{13}&sign=[A-Za-z0-9%]{20,}$/);
    assert.deepEqual(c.headers, { 'Content-Type': 'application/json' });
    assert.equal(JSON.parse(c.data!).at.atMobiles[0], '13800000000');
    assert.ok(!a.stdout.includes(DT_TOKEN) && !a.stdout.includes(DT_SECRET));

    const b = await alertcfg(dir, ['preview', 'contact.yaml', '--curl', '--action', 'send', '--channel', 'webhook', '--message', "it's quoted"], SECRET_ENV);
    assert.equal(b.code, 0, show(b));
    const w = parseCurl(b.stdout);
    assert.equal(w.headers['Authorization'], 'Bearer $ALERTCFG_SECRET_WEBHOOK_TOKEN');
    assert.equal(JSON.parse(w.data!).message, "it's quoted");
    assert.ok(!b.stdout.includes(WEBHOOK_TOKEN));
  });

  test('preview --curl of a replay runs as is with the real curl and gets the ack', async (t) => {
    const curlBin = (process.env['PATH'] ?? '').split(':').map((d) => join(d, 'curl')).find((p) => statSync(p, { throwIfNoEntry: false })?.isFile());
    if (!curlBin) return t.skip('no curl on PATH');
    const rx = await keep(startTencentReceiver());
    const dir = workspace({ 'alarm.yaml': alarmCallbackYaml(`${rx.url}/tencent/alarm`) });
    const p = await alertcfg(dir, ['preview', 'alarm.yaml', '--curl']);
    assert.equal(p.code, 0, show(p));
    const out = await new Promise<Run>((resolve) => {
      const child = spawn('/bin/sh', ['-c', p.stdout.trim()], { env: { PATH: process.env['PATH'] ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c));
      child.stderr.on('data', (c: Buffer) => (stderr += c));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    assert.equal(out.code, 0, show(out));
    assert.deepEqual(JSON.parse(out.stdout), { sessionId: 'session-cvm-cpu-0001', retCode: 0 });
    assert.equal(rx.alarms.length, 1);
  });

  test('preview (HTTP text) and --json of a Huawei push: Authorization masked with its scheme', async () => {
    const dir = workspace({ 'events.yaml': eventsYaml('http://127.0.0.1:9') });
    const env = { HUAWEICLOUD_SDK_AK: HW_AK, HUAWEICLOUD_SDK_SK: HW_SK };
    const a = await alertcfg(dir, ['preview', 'events.yaml'], env);
    assert.equal(a.code, 0, show(a));
    assert.match(a.stdout, new RegExp(`^PUT http://127\\.0\\.0\\.1:9/v2/${PROJECT}/push/events$`, 'm'));
    assert.match(a.stdout, /^Authorization: SDK-HMAC-SHA256 Access=\*\*\*\*, SignedHeaders=host;x-sdk-date, Signature=[0-9a-f]{3}\*\*\*\*[0-9a-f]{2}$/m);
    const b = await alertcfg(dir, ['preview', 'events.yaml', '--action', 'clear', '--json'], env);
    assert.equal(b.code, 0, show(b));
    const preview = JSON.parse(b.stdout);
    assert.equal(preview.action, 'clear');
    assert.equal(preview.requests[0].url, `http://127.0.0.1:9/v2/${PROJECT}/push/events?action=clear`);
    assert.match(preview.notes[0], /events\[0\] had no ends_at/);
  });

  test('preview with an unresolved reference: exit 0, the request shown with it unset, a note names it', async () => {
    const dir = workspace({ 'contact.yaml': contactYaml({ dingtalk: 'http://127.0.0.1:9' }) });
    const r = await alertcfg(dir, ['preview', 'contact.yaml'], { DINGTALK_TOKEN: DT_TOKEN });
    assert.equal(r.code, 0, show(r));
    assert.match(r.stdout, /^POST http:\/\/127\.0\.0\.1:9\/robot\/send\?access_token=cli\*\*\*\*01&timestamp=\d{13}&sign=<unset: ALERTCFG_SECRET_DT_SECRET>$/m);
    assert.match(r.stderr, /^note: Not set: ALERTCFG_SECRET_DT_SECRET \(\$\{secret:dt-secret\}\)\. The request shows it as <unset: …>; send stops until it is set\.$/m);
    assert.doesNotMatch(r.stderr, /problem:/);
  });

  test('a resource with validation errors: exit 2, nothing sent', async () => {
    const wh = await keep(startWebhook());
    const bad = contactYaml({ webhook: wh.url }).replace('  Name: sre-oncall\n', '');
    const dir = workspace({ 'contact.yaml': bad });
    const r = await alertcfg(dir, ['send', 'contact.yaml'], SECRET_ENV);
    assert.equal(r.code, 2, show(r));
    assert.match(r.stderr, /Contact sre-oncall has 1 error \(MissingParameter\.Name\); fix them first/);
    assert.equal(wh.requests.length, 0);
  });

  test('an action the kind does not offer, and a file that is not ours: exit 2', async () => {
    const dir = workspace({ 'alarm.yaml': alarmCallbackYaml('http://127.0.0.1:9/'), 'other.yaml': 'foo: bar\n' });
    const a = await alertcfg(dir, ['send', 'alarm.yaml']);
    assert.equal(a.code, 2, show(a));
    assert.match(a.stderr, /AlarmCallback has no "send" action; it offers replay/);
    const b = await alertcfg(dir, ['push', 'other.yaml']);
    assert.equal(b.code, 2, show(b));
    assert.match(b.stderr, /holds no alert-config resource/);
  });

  test('a secret over plain http to a non-loopback host is refused before sending: exit 1', async () => {
    const dir = workspace({ 'contact.yaml': contactYaml({ webhook: 'http://hooks.example.com' }) });
    const r = await alertcfg(dir, ['send', 'contact.yaml'], SECRET_ENV);
    assert.equal(r.code, 1, show(r));
    assert.match(r.stdout, /error refused: .*plain http/);
    assert.match(r.stdout, /advice: Nothing was sent\./);
  });
});

// ------------------------------------------------------------ confirmation

describe('confirmation on a terminal (in process: io.confirm is what bin.ts wires when stdin and stderr are TTYs)', () => {
  async function runWith(dir: string, args: string[], env: Record<string, string>, answer: boolean | undefined) {
    const asked: string[] = [];
    let stdout = '';
    let stderr = '';
    const code = await run(args, {
      cwd: dir,
      env,
      isTTY: true,
      version: 'test',
      out: (t) => void (stdout += t),
      err: (t) => void (stderr += t),
      ...(answer === undefined ? {} : { confirm: async (q: string) => (asked.push(q), answer) }),
    });
    return { code, stdout, stderr, asked };
  }

  test('clear: "no" sends nothing (exit 1); "yes" clears; the question names the kind, the resource and the host', async () => {
    const hw = await keep(startHuawei({ projectId: PROJECT, token: HW_TOKEN }));
    const dir = workspace({ 'events.yaml': eventsYaml(hw.url) });
    const env = { HUAWEICLOUD_SDK_TOKEN: HW_TOKEN };
    const no = await runWith(dir, ['clear', 'events.yaml'], env, false);
    assert.equal(no.code, 1);
    assert.deepEqual(no.asked, [`Clear EventReport "disk-full-report" on 127.0.0.1:${hw.port}? [y/N] `]);
    assert.match(no.stderr, /cancelled; nothing was sent/);
    assert.equal(hw.requests.length, 0);
    const yes = await runWith(dir, ['clear', 'events.yaml'], env, true);
    assert.equal(yes.code, 0, yes.stdout + yes.stderr);
    assert.equal(hw.requests.length, 1);
  });

  test('apply asks; --yes does not; push and send never ask', async () => {
    const hw = await keep(startHuawei({ projectId: PROJECT, token: HW_TOKEN }));
    const wh = await keep(startWebhook({ token: WEBHOOK_TOKEN }));
    // Two names: CTS answers CTS.0400 to a second create of one name.
    const again = keyOpsYaml(hw.url).replaceAll('tracker-changes', 'tracker-changes-2');
    const dir = workspace({ 'keyops.yaml': keyOpsYaml(hw.url), 'keyops2.yaml': again, 'events.yaml': eventsYaml(hw.url), 'contact.yaml': contactYaml({ webhook: wh.url }) });
    const env = { ...SECRET_ENV, HUAWEICLOUD_SDK_TOKEN: HW_TOKEN };
    const a = await runWith(dir, ['apply', 'keyops.yaml'], env, true);
    assert.equal(a.code, 0, a.stdout + a.stderr);
    // One question for the whole plan, with its summary and the host.
    assert.deepEqual(a.asked, [`Apply 1 change (1 to create) on 127.0.0.1:${hw.port}? [y/N] `]);
    const b = await runWith(dir, ['apply', 'keyops2.yaml', '--yes'], env, false);
    assert.equal(b.code, 0, b.stdout + b.stderr);
    assert.deepEqual(b.asked, []);
    const c = await runWith(dir, ['push', 'events.yaml'], env, false);
    assert.equal(c.code, 0, c.stdout + c.stderr);
    assert.deepEqual(c.asked, []);
    const d = await runWith(dir, ['send', 'contact.yaml'], env, false);
    assert.equal(d.code, 0, d.stdout + d.stderr);
    assert.deepEqual(d.asked, []);
    // Each apply lists (smn, fun) and creates; the push is one request.
    assert.equal(hw.requests.length, 7);
    assert.equal(hw.writes.length, 2);
  });
});
