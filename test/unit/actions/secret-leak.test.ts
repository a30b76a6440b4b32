/**
 * THE secret audit. Distinctive secret values are fed through every action of
 * every kind — the engine's plan and preview (HTTP text, curl, JSON), delivery
 * against the loopback stand-ins (success, vendor failures, a stand-in that
 * echoes the whole request back in its error, resets and refused connections)
 * and the CLI (preview, --curl, --json, --dry-run, send, push, clear, apply,
 * replay, plan in every format, with stdout and stderr captured) — and no secret value, nor its
 * URL-encoded form, may appear in any output.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planAction } from '../../../server/src/engine/actions/build/index';
import { previewPlan, httpText } from '../../../server/src/engine/actions/preview';
import { actionableResources } from '../../../server/src/engine/actions/resource';
import type { ActionName } from '../../../server/src/engine/actions/available';
import type { Channel } from '../../../server/src/engine/webhooks/channels';
import { validateText } from '../../../server/src/engine/validate';
import { mergeSettings } from '../../../server/src/engine/config/settings';
import { executePlan } from '../../../server/src/delivery/execute';
import { formatReport } from '../../../server/src/cli/action-commands';
import { run } from '../../../server/src/cli/main';
import { credentialSource, secretSource } from '../../../server/src/env/sources';
import { json, startServer, type Received, type VendorAnswer } from '../../standins/server';
import { startDingTalk } from '../../standins/dingtalk';
import { startLark } from '../../standins/lark';
import { startWeCom } from '../../standins/wecom';
import { startWebhook } from '../../standins/webhook';
import { startHuawei } from '../../standins/huawei';
import { startVolcengine } from '../../standins/volcengine';
import { startZStack } from '../../standins/zstack';
import { startTencentReceiver } from '../../standins/tencent-receiver';
import { alarmCallbackYaml, eventReportYaml } from '../../helpers/resources';
import { CLI, runCliAsync } from '../../cli/run-cli';
import { closedPort } from '../../helpers/net';

// ------------------------------------------------------------ the secrets

const S = {
  dingtalkToken: 'leakDingTalkAccessToken0002',
  dingtalkSecret: 'SECleak0DingTalk+Secret/0001=',
  larkHook: 'leak-lark-hook-token-0003',
  larkSecret: 'leakLarkSigningSecret0004',
  wecomKey: 'leak-wecom-key-0005-abcdef',
  webhookToken: 'leakWebhookBearer+Token/0006',
  zstackSecret: 'SECleakZStackRobotSecret0007',
  zstackSession: 'leakzstacksession0008abcdef0123',
  huaweiSk: 'leakHuaweiSecretKey0009+/=',
  huaweiToken: 'leakHuaweiIamToken0010',
  volcSk: 'leakVolcSecretKey0011==',
  volcSession: 'leakVolcSessionToken0012',
  basicPassword: 'leakBasicPassword0013',
};
const HUAWEI_AK = 'HWAKAUDIT00000000001';
const VOLC_AK = 'AKLTauditAccessKey';
const PROJECT = '24edf66e79d04187acb99a463e610764';

/** Every form a secret must never take in output. */
const FORBIDDEN: { name: string; form: string }[] = Object.entries(S).flatMap(([name, v]) => [
  { name, form: v },
  { name: `${name} (URL-encoded)`, form: encodeURIComponent(v) },
]);
FORBIDDEN.push({ name: 'basicPassword (Basic header)', form: Buffer.from(`alice:${S.basicPassword}`).toString('base64') });

let checked = 0;
function assertClean(where: string, text: string): void {
  checked++;
  for (const { name, form } of FORBIDDEN) {
    const at = text.indexOf(form);
    assert.ok(at < 0, `${where}: the secret ${name} appears in the output: …${text.slice(Math.max(0, at - 80), at + form.length + 40)}…`);
  }
}

/** The process environment a CLI user would have: references and credentials. */
function envFor(huawei: 'aksk' | 'token'): Record<string, string> {
  return {
    DINGTALK_TOKEN: S.dingtalkToken,
    ALERTCFG_SECRET_SRE_DINGTALK_SECRET: S.dingtalkSecret,
    ALERTCFG_SECRET_SRE_LARK_HOOK: S.larkHook,
    ALERTCFG_SECRET_SRE_WECOM_KEY: S.wecomKey,
    ALERTCFG_SECRET_SRE_WEBHOOK_TOKEN: S.webhookToken,
    ALERTCFG_SECRET_OPS_DINGTALK_SECRET: S.zstackSecret,
    ZSTACK_SESSION_UUID: S.zstackSession,
    VOLCENGINE_ACCESS_KEY: VOLC_AK,
    VOLCENGINE_SECRET_KEY: S.volcSk,
    VOLCENGINE_SESSION_TOKEN: S.volcSession,
    ...(huawei === 'aksk' ? { HUAWEICLOUD_SDK_AK: HUAWEI_AK, HUAWEICLOUD_SDK_SK: S.huaweiSk } : { HUAWEICLOUD_SDK_TOKEN: S.huaweiToken }),
  };
}
/** Two secrets come from a --secrets-file (dotenv), the others from the environment. */
const SECRETS_FILE_TEXT = `sre-lark-secret=${S.larkSecret}\nALERTCFG_SECRET_ALARM_PASSWORD=${S.basicPassword}\n`;
const FILE_SECRETS: Record<string, string> = { ALERTCFG_SECRET_SRE_LARK_SECRET: S.larkSecret, ALERTCFG_SECRET_ALARM_PASSWORD: S.basicPassword };

// ------------------------------------------------------------ resources

interface Urls {
  dingtalk: string;
  dingtalkOps: string;
  lark: string;
  wecom: string;
  webhook: string;
  volcengine: string;
  huawei: string;
  zstack: string;
  tencent: string;
}

function resources(u: Urls): Record<string, string> {
  const tencent = new URL(u.tencent);
  return {
    'contact.yaml': `apiVersion: alertcfg/v1
kind: Contact
metadata:
  name: sre-oncall
target:
  region: cn-beijing
  endpoint: ${u.volcengine}
spec:
  Name: sre-oncall
  Email: sre@example.com
  DingTalkBotWebhook:
    Address: ${u.dingtalk}/robot/send?access_token=\${env:DINGTALK_TOKEN}
    SecretKey: \${secret:sre-dingtalk-secret}
    AtMobiles: ["13800000000"]
  LarkBotWebhook:
    Address: ${u.lark}/open-apis/bot/v2/hook/\${secret:sre-lark-hook}
    SecretKey: \${secret:sre-lark-secret}
  WeComBotWebhook:
    Address: ${u.wecom}/cgi-bin/webhook/send?key=\${secret:sre-wecom-key}
    AtUserIds: ["zhangsan"]
  Webhook:
    Address: ${u.webhook}/hooks/vmp
    Token: \${secret:sre-webhook-token}
`,
    'zstack.yaml': `apiVersion: alertcfg/v1
kind: DingTalkTestConnection
metadata:
  name: ops-robot
target:
  zstack: ${u.zstack}
spec:
  params:
    testMsg: "alertcfg connection test @13800000000"
    url: ${u.dingtalkOps}/robot/send?access_token=\${env:DINGTALK_TOKEN}
    secret: \${secret:ops-dingtalk-secret}
    atAll: false
    atPersonPhoneNumbers: ["13800000000"]
`,
    'direct.yaml': `apiVersion: alertcfg/v1
kind: DingTalkTestConnection
metadata:
  name: ops-robot-direct
spec:
  params:
    testMsg: "alertcfg connection test @13800000000"
    url: ${u.dingtalkOps}/robot/send?access_token=\${env:DINGTALK_TOKEN}
    secret: \${secret:ops-dingtalk-secret}
    atPersonPhoneNumbers: ["13800000000"]
`,
    'events.yaml': eventReportYaml({ endpoint: u.huawei, projectId: PROJECT, name: 'disk-full' }),
    'keyops.yaml': `apiVersion: alertcfg/v1
kind: KeyOperationNotification
metadata:
  name: all-key-operations
target:
  region: cn-north-7
  projectId: ${PROJECT}
  endpoint: ${u.huawei}
spec:
  notification_name: all-key-operations
  operation_type: complete
  topic_id: urn:smn:cn-north-7:${PROJECT}:sre
`,
    'alarm.yaml': alarmCallbackYaml(`http://alice:\${secret:alarm-password}@${tencent.host}/tencent/alarm`),
  };
}

interface Entry {
  file: string;
  action: ActionName;
  channel?: Channel;
  huawei?: 'aksk' | 'token';
}

const ENTRIES: Entry[] = [
  { file: 'contact.yaml', action: 'send', channel: 'dingtalk' },
  { file: 'contact.yaml', action: 'send', channel: 'lark' },
  { file: 'contact.yaml', action: 'send', channel: 'wecom' },
  { file: 'contact.yaml', action: 'send', channel: 'webhook' },
  { file: 'contact.yaml', action: 'apply' },
  { file: 'zstack.yaml', action: 'send' },
  { file: 'direct.yaml', action: 'send' },
  { file: 'events.yaml', action: 'push', huawei: 'aksk' },
  { file: 'events.yaml', action: 'clear', huawei: 'aksk' },
  { file: 'events.yaml', action: 'push', huawei: 'token' },
  { file: 'events.yaml', action: 'clear', huawei: 'token' },
  { file: 'keyops.yaml', action: 'apply', huawei: 'aksk' },
  { file: 'keyops.yaml', action: 'apply', huawei: 'token' },
  { file: 'alarm.yaml', action: 'replay' },
];
const label = (e: Entry) => `${e.file} ${e.action}${e.channel ? ` --channel ${e.channel}` : ''}${e.huawei ? ` (${e.huawei})` : ''}`;

// ------------------------------------------------------------ stand-ins

/** Answers every request with an error that carries the whole request back: URL, headers and body. */
function echoJson(req: Received): VendorAnswer {
  const echo = `${req.method} ${req.rawUrl} ${JSON.stringify(req.headers)} ${req.text}`;
  const p = req.url.pathname;
  if (p === '/robot/send') return json(200, { errcode: 310000, errmsg: `sign not match: ${echo}` }, 'echo');
  if (p.startsWith('/open-apis/bot/v2/hook/')) return json(200, { code: 19021, data: {}, msg: echo }, 'echo');
  if (p === '/cgi-bin/webhook/send') return json(200, { errcode: 93000, errmsg: `invalid webhook url, ${echo}` }, 'echo');
  if (p.startsWith('/zstack/')) return json(200, { success: false, connected: false, webhookResp: { errmsg: echo }, error: { code: 'SYS.1000', description: echo, details: echo } }, 'echo');
  if (p.includes('/push/events') || p.endsWith('/notifications')) return json(401, { error_code: 'APIG.0301', error_msg: `Incorrect IAM authentication information: ${echo}` }, 'echo');
  if (req.url.searchParams.has('Action')) return json(401, { ResponseMetadata: { Action: 'CreateContact', Error: { Code: 'SignatureDoesNotMatch', Message: echo } } }, 'echo');
  if (p.startsWith('/tencent')) return json(200, { sessionId: echo, retCode: 1 }, 'echo');
  return json(400, { error: 'bad request', message: echo }, 'echo');
}

/** The same as plain text with a 500 (retried by idempotent plans). */
function echoText(req: Received): VendorAnswer {
  return { status: 500, body: `upstream failed for ${req.method} ${req.rawUrl} headers=${JSON.stringify(req.headers)} body=${req.text}`, verdict: 'echo' };
}

const opened: { close(): Promise<void> }[] = [];
async function keep<T extends { close(): Promise<void> }>(p: Promise<T>): Promise<T> {
  const s = await p;
  opened.push(s);
  return s;
}

const sameUrls = (url: string): Urls => ({ dingtalk: url, dingtalkOps: url, lark: url, wecom: url, webhook: url, volcengine: url, huawei: url, zstack: url, tencent: url });

interface Phase {
  name: string;
  urls: Urls;
}
const phases: Phase[] = [];

before(async () => {
  // Vendors that accept the secrets above.
  const dingtalkOps = await keep(startDingTalk({ accessToken: S.dingtalkToken, secret: S.zstackSecret }));
  const ok: Urls = {
    dingtalk: (await keep(startDingTalk({ accessToken: S.dingtalkToken, secret: S.dingtalkSecret }))).url,
    dingtalkOps: dingtalkOps.url,
    lark: (await keep(startLark({ token: S.larkHook, secret: S.larkSecret }))).url,
    wecom: (await keep(startWeCom({ key: S.wecomKey }))).url,
    webhook: (await keep(startWebhook({ token: S.webhookToken }))).url,
    volcengine: (await keep(startVolcengine({ accessKeyId: VOLC_AK, secretAccessKey: S.volcSk }))).url,
    huawei: (await keep(startHuawei({ projectId: PROJECT, token: S.huaweiToken, aksk: { ak: HUAWEI_AK, sk: S.huaweiSk }, allowSameName: true }))).url,
    zstack: (await keep(startZStack({ sessionUuid: S.zstackSession, dingtalkUrl: dingtalkOps.url }))).url,
    tencent: (await keep(startTencentReceiver({ basicAuth: { user: 'alice', password: S.basicPassword } }))).url,
  };
  phases.push({ name: 'vendor accepts', urls: ok });
  // Vendors that know other secrets: every answer is the vendor's own refusal.
  const otherOps = await keep(startDingTalk({ accessToken: 'other-token', secret: 'SECother' }));
  phases.push({
    name: 'vendor refuses',
    urls: {
      dingtalk: (await keep(startDingTalk({ accessToken: S.dingtalkToken, secret: 'SECanotherSecret' }))).url,
      dingtalkOps: otherOps.url,
      lark: (await keep(startLark({ token: S.larkHook, secret: 'another' }))).url,
      wecom: (await keep(startWeCom({ key: 'another-key' }))).url,
      webhook: (await keep(startWebhook({ token: 'another-token' }))).url,
      volcengine: (await keep(startVolcengine({ accessKeyId: VOLC_AK, secretAccessKey: 'another' }))).url,
      huawei: (await keep(startHuawei({ projectId: PROJECT, token: 'another', aksk: { ak: HUAWEI_AK, sk: 'another' } }))).url,
      zstack: (await keep(startZStack({ sessionUuid: 'another-session', dingtalkUrl: otherOps.url }))).url,
      tencent: (await keep(startTencentReceiver({ basicAuth: { user: 'alice', password: 'another' } }))).url,
    },
  });
  phases.push({ name: 'echo (JSON error carrying the request)', urls: sameUrls((await keep(startServer(echoJson))).url) });
  phases.push({ name: 'echo (text 500 carrying the request)', urls: sameUrls((await keep(startServer(echoText))).url) });
  phases.push({ name: 'connection reset', urls: sameUrls((await keep(startServer(echoJson, { script: Array(500).fill('reset') }))).url) });
  phases.push({ name: 'connection refused', urls: sameUrls(`http://127.0.0.1:${await closedPort()}`) });
});

after(async () => {
  await Promise.all(opened.map((s) => s.close()));
});

// ------------------------------------------------------------ engine

function planFor(text: string, e: Entry, now = new Date()) {
  const settings = mergeSettings();
  const result = validateText(text, { format: 'yaml', settings });
  assert.deepEqual(result.findings.filter((f) => f.severity === 'error').map((f) => f.code), [], `${e.file} is valid`);
  const [t] = actionableResources(result);
  const env = { ...envFor(e.huawei ?? 'aksk'), ...FILE_SECRETS };
  return planAction({
    action: e.action,
    kind: t!.kind,
    body: t!.body,
    envelope: t!.envelope,
    now,
    settings,
    secrets: secretSource(env),
    credentials: credentialSource(env),
    ...(e.channel ? { channel: e.channel } : {}),
  });
}

describe('engine: plan and preview never show a secret', () => {
  test('every action of every kind: HTTP text, curl, preview JSON, problems and notes', () => {
    const files = resources(sameUrls('http://127.0.0.1:9'));
    for (const e of ENTRIES) {
      const plan = planFor(files[e.file]!, e);
      assert.deepEqual(plan.problems, [], label(e));
      // The plan really carries the secrets (they are what is masked).
      const raw = JSON.stringify(plan.requests);
      assert.ok(FORBIDDEN.some(({ form }) => raw.includes(form)) || e.huawei === 'aksk' || e.file === 'keyops.yaml', `${label(e)}: the request carries a secret`);
      const preview = previewPlan(plan);
      assertClean(`${label(e)}: preview JSON`, JSON.stringify(preview));
      for (const r of preview.requests) {
        assertClean(`${label(e)}: curl`, r.curl);
        assertClean(`${label(e)}: HTTP text`, httpText(r));
      }
    }
  });

  test('problems mention references by name only, and the values of the others stay masked', () => {
    const files = resources(sameUrls('http://127.0.0.1:9'));
    const settings = mergeSettings();
    const result = validateText(files['contact.yaml']!, { format: 'yaml', settings });
    const [t] = actionableResources(result);
    // Everything set except the DingTalk secret: the problem names it; the preview still shows the rest masked.
    const env = { ...envFor('aksk'), ...FILE_SECRETS };
    delete (env as Record<string, string>)['ALERTCFG_SECRET_SRE_DINGTALK_SECRET'];
    const plan = planAction({ action: 'apply', kind: t!.kind, body: t!.body, envelope: t!.envelope, now: new Date(), settings, secrets: secretSource(env), credentials: credentialSource(env) });
    const preview = previewPlan(plan);
    // Not set: it stops the action (missing), not the preview (problems).
    assert.match(preview.missing.join('\n'), /\$\{secret:sre-dingtalk-secret\} is not set/);
    assert.deepEqual(preview.problems, []);
    const text = JSON.stringify(preview);
    assertClean('apply with a missing secret: preview', text);
    assert.match(text, /\$\{secret:sre-dingtalk-secret\}/, 'the missing reference stays readable');
  });
});

describe('engine: delivery reports never show a secret', () => {
  test('every action against every phase (accepts, refuses, echoes, resets, refused)', async () => {
    for (const phase of phases) {
      const files = resources(phase.urls);
      for (const e of ENTRIES) {
        const plan = planFor(files[e.file]!, e);
        assert.deepEqual(plan.problems, [], `${phase.name}: ${label(e)}`);
        const logged: string[] = [];
        const reports = await executePlan(plan, { env: {}, timeoutMs: 3000, sleep: async () => undefined, onAttempt: (a) => logged.push(plan.masker.mask(JSON.stringify(a.error ?? a.answer?.status ?? ''))) });
        assert.ok(reports.length >= 1, `${phase.name}: ${label(e)}`);
        const where = `${phase.name}: ${label(e)}`;
        assertClean(`${where}: reports JSON`, JSON.stringify(reports));
        assertClean(`${where}: report text`, reports.map(formatReport).join(''));
        assertClean(`${where}: attempt log`, logged.join('\n'));
        if (phase.name === 'vendor accepts') assert.ok(reports.every((r) => r.success), `${where}: ${JSON.stringify(reports)}`);
        else assert.ok(reports.some((r) => !r.success), `${where}: a failure is reported`);
      }
    }
  });
});

// ------------------------------------------------------------ CLI

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], cwd: string, env: Record<string, string>): Promise<Run> {
  const r = await runCliAsync(args, cwd, env);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function pool<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(Array.from({ length: size }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  }));
}

/** The CLI's own entry (`run`, what bin.ts calls) in this process, stdout and stderr captured: fast enough for the whole matrix. */
async function cliInProcess(args: string[], cwd: string, env: Record<string, string>): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { cwd, env, out: (t) => void (stdout += t), err: (t) => void (stderr += t), isTTY: false, version: '0.0.0-test' });
  return { code, stdout, stderr };
}

interface Job {
  where: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  expect?: number;
  /** Also run with the real binary (node dist/cli.js). */
  spawn?: boolean;
}

function cliJobs(): Job[] {
  const jobs: Job[] = [];
  for (const phase of phases) {
    const dir = mkdtempSync(join(tmpdir(), 'alertcfg-leak-'));
    opened.push({ close: async () => rmSync(dir, { recursive: true, force: true }) });
    writeFileSync(join(dir, '.alertcfg.yaml'), 'timeoutMs: 3000\n');
    writeFileSync(join(dir, '.secrets.env'), SECRETS_FILE_TEXT);
    for (const [name, text] of Object.entries(resources(phase.urls))) writeFileSync(join(dir, name), text);
    const accepts = phase.name === 'vendor accepts';
    const echo = phase.name.startsWith('echo (JSON');
    for (const e of ENTRIES) {
      const env = envFor(e.huawei ?? 'aksk');
      const common = [e.file, '--secrets-file', '.secrets.env', ...(e.channel ? ['--channel', e.channel] : [])];
      const where = `${phase.name}: ${label(e)}`;
      if (accepts) {
        for (const extra of [[], ['--curl'], ['--json']]) {
          jobs.push({ where: `${where}: preview ${extra.join(' ')}`, args: ['preview', ...common, '--action', e.action, ...extra], cwd: dir, env, expect: 0, spawn: extra[0] === '--curl' && e.channel === 'dingtalk' });
        }
        if (e.action === 'send') jobs.push({ where: `${where}: --dry-run`, args: ['send', ...common, '--dry-run'], cwd: dir, env, expect: 0 });
      }
      // A second apply of the same contact is Conflict.Name (exit 1); any exit is fine for the audit.
      const expect = accepts ? (e.file === 'contact.yaml' && e.action === 'apply' ? undefined : 0) : 1;
      jobs.push({ where, args: [e.action, ...common, '--yes'], cwd: dir, env, ...(expect !== undefined ? { expect } : {}), spawn: accepts || echo });
      jobs.push({ where: `${where} --json`, args: [e.action, ...common, '--yes', '--json'], cwd: dir, env, ...(expect !== undefined ? { expect } : {}) });
      // GitOps sync reads the same resources: every format of the plan (the live state holds the secrets too).
      if (e.action === 'apply') {
        for (const format of ['text', 'json', 'markdown', 'github']) {
          jobs.push({ where: `${where}: plan --format ${format}`, args: ['plan', e.file, '--secrets-file', '.secrets.env', '--format', format], cwd: dir, env, expect: accepts ? 0 : 1 });
        }
      }
    }
  }
  return jobs;
}

describe('CLI: no secret in stdout or stderr', () => {
  test('in process (run): preview, --curl, --json, --dry-run and every action against every phase', async () => {
    const jobs = cliJobs();
    const before = checked;
    await pool(jobs, 8, async (j) => {
      const r = await cliInProcess(j.args, j.cwd, j.env);
      assertClean(`${j.where}: stdout`, r.stdout);
      assertClean(`${j.where}: stderr`, r.stderr);
      if (j.expect !== undefined) assert.equal(r.code, j.expect, `${j.where}: exit code\n${r.stdout}\n${r.stderr}`);
    });
    assert.equal(checked - before, jobs.length * 2);
  });

  test('the real binary (node dist/cli.js): preview --curl and every action, accepted and echoed', { skip: statSync(CLI, { throwIfNoEntry: false }) ? false : 'dist/cli.js is not built (npm run build)' }, async () => {
    const jobs = cliJobs().filter((j) => j.spawn);
    await pool(jobs, 4, async (j) => {
      const r = await cli(j.args, j.cwd, j.env);
      assertClean(`${j.where}: stdout (spawned)`, r.stdout);
      assertClean(`${j.where}: stderr (spawned)`, r.stderr);
      if (j.expect !== undefined) assert.equal(r.code, j.expect, `${j.where}: exit code\n${r.stdout}\n${r.stderr}`);
    });
  });
});
