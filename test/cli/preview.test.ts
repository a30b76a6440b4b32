/**
 * `alertcfg preview` is for looking: with a secret, reference or credential not set
 * it still prints the request, the value shown as `<unset: VARIABLE>`, a note lists
 * what is missing, and it exits 0; only the actions stop. `preview --curl` prints
 * commands that run as printed with the real curl, against the loopback vendor
 * stand-ins (which check tokens and signatures), reading every secret from the
 * environment variable the CLI read it from, never showing one; signed requests
 * say until when the vendor accepts the signature.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { keep, workspace } from './action-workspace';

const previewWorkspace = (files: Record<string, string>) => workspace(files, 'alertcfg-cli-preview-');
import { startDingTalk } from '../standins/dingtalk';
import { startLark } from '../standins/lark';
import { startWebhook } from '../standins/webhook';
import { startHuawei } from '../standins/huawei';
import { startVolcengine } from '../standins/volcengine';
import { startTencentReceiver } from '../standins/tencent-receiver';
import { alarmCallbackYaml, eventReportYaml } from '../helpers/resources';
import { CLI, type CliResult, runCliAsync } from './run-cli';

const BUILT = statSync(CLI, { throwIfNoEntry: false }) ? false : 'dist/cli.js is not built (npm run build)';
const CURL = (process.env['PATH'] ?? '').split(':').some((d) => statSync(join(d, 'curl'), { throwIfNoEntry: false })?.isFile());

function show(r: CliResult): string {
  return `exit ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}
/** Runs printed commands with /bin/sh in a bare environment plus `env`. */
function sh(script: string, env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn('/bin/sh', ['-c', script], { env: { PATH: process.env['PATH'] ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c));
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const DT_TOKEN = 'prvDingTalkToken0001';
const DT_SECRET = 'SECprvDingTalkSecret0001';
const LARK_HOOK = 'prv-lark-hook-0002';
const LARK_SECRET = 'prvLarkSecret0002';
const WEBHOOK_TOKEN = 'prvWebhookToken0004';
const HW_AK = 'HWPRVAK0006';
const HW_SK = 'prvHuaweiSk0006';
const HW_TOKEN = 'prvHuaweiIamToken0006';
const VOLC_AK = 'AKLTprv0007';
const VOLC_SK = 'prvVolcSecret0007';
const RX_PASS = 'prvReceiverPass0008';
const PROJECT = '24edf66e79d04187acb99a463e610764';
const SECRETS = [DT_TOKEN, DT_SECRET, LARK_HOOK, LARK_SECRET, WEBHOOK_TOKEN, HW_SK, HW_TOKEN, VOLC_SK, RX_PASS];

const ENV = {
  DINGTALK_TOKEN: DT_TOKEN,
  ALERTCFG_SECRET_DT_SECRET: DT_SECRET,
  ALERTCFG_SECRET_LARK_HOOK: LARK_HOOK,
  ALERTCFG_SECRET_LARK_SECRET: LARK_SECRET,
  ALERTCFG_SECRET_WEBHOOK_TOKEN: WEBHOOK_TOKEN,
  ALERTCFG_SECRET_RX_PASS: RX_PASS,
};

function contact(o: { dingtalk?: string; lark?: string; webhook?: string; endpoint?: string }): string {
  return [
    'apiVersion: alertcfg/v1',
    'kind: Contact',
    'metadata:',
    '  name: sre-oncall',
    'target:',
    '  region: cn-beijing',
    ...(o.endpoint ? [`  endpoint: ${o.endpoint}`] : []),
    'spec:',
    '  Name: sre-oncall',
    '  Email: sre@example.com',
    ...(o.dingtalk ? ['  DingTalkBotWebhook:', `    Address: ${o.dingtalk}/robot/send?access_token=\${env:DINGTALK_TOKEN}`, '    SecretKey: ${secret:dt-secret}'] : []),
    ...(o.lark ? ['  LarkBotWebhook:', `    Address: ${o.lark}/open-apis/bot/v2/hook/\${secret:lark-hook}`, '    SecretKey: ${secret:lark-secret}'] : []),
    ...(o.webhook ? ['  Webhook:', `    Address: ${o.webhook}/hooks/vmp`, '    Token: ${secret:webhook-token}'] : []),
    '',
  ].join('\n');
}

function assertNoSecret(where: string, text: string): void {
  for (const s of SECRETS) assert.ok(!text.includes(s) && !text.includes(encodeURIComponent(s)), `${where} shows ${s}:\n${text}`);
}

/** preview --curl, then the printed commands run as printed with the same environment. */
async function previewAndRun(dir: string, args: string[], env: Record<string, string>): Promise<{ preview: CliResult; run: CliResult }> {
  const preview = await runCliAsync(['preview', ...args, '--curl'], dir, env);
  assert.equal(preview.status, 0, show(preview));
  assertNoSecret(`preview ${args.join(' ')} --curl`, preview.stdout + preview.stderr);
  return { preview, run: await sh(preview.stdout, env) };
}

describe('preview --curl runs as printed', { skip: BUILT || (CURL ? false : 'no curl on PATH'), concurrency: 4 }, () => {
  test('DingTalk (signed), Lark (signed) and a webhook (Bearer): the stand-ins accept them; the commands read the variables', async () => {
    const dt = await keep(startDingTalk({ accessToken: DT_TOKEN, secret: DT_SECRET }));
    const lark = await keep(startLark({ token: LARK_HOOK, secret: LARK_SECRET }));
    const wh = await keep(startWebhook({ token: WEBHOOK_TOKEN }));
    const dir = previewWorkspace({ 'contact.yaml': contact({ dingtalk: dt.url, lark: lark.url, webhook: wh.url }) });

    const d = await previewAndRun(dir, ['contact.yaml', '--channel', 'dingtalk'], ENV);
    assert.match(d.preview.stdout, /access_token='"\$DINGTALK_TOKEN"'&timestamp=\d{13}&sign=/);
    assert.equal(d.run.status, 0, show(d.run));
    assert.equal(JSON.parse(d.run.stdout).errcode, 0, d.run.stdout);
    assert.equal(dt.requests.length, 1);
    assert.match(d.preview.stderr, /^note: The commands read DINGTALK_TOKEN from the environment, as alertcfg does/m);
    const signed = /^note: DingTalk test message: signed at (\S+); DingTalk accepts the signature until (\S+) \(1 hour\)\./m.exec(d.preview.stderr);
    assert.ok(signed, d.preview.stderr);
    assert.equal(Date.parse(signed[2]!) - Date.parse(signed[1]!), 3600_000);
    assert.ok(Math.abs(Date.parse(signed[1]!) - Date.now()) < 60_000, 'signed now');

    const l = await previewAndRun(dir, ['contact.yaml', '--channel', 'lark'], ENV);
    assert.match(l.preview.stdout, /\/open-apis\/bot\/v2\/hook\/'"\$ALERTCFG_SECRET_LARK_HOOK"/);
    assert.equal(l.run.status, 0, show(l.run));
    assert.equal(JSON.parse(l.run.stdout).code, 0, l.run.stdout);
    assert.match(l.preview.stderr, /^note: Lark test message: signed at \S+; Lark accepts the signature until \S+ \(1 hour\)\./m);

    const w = await previewAndRun(dir, ['contact.yaml', '--channel', 'webhook', '--message', "it's quoted"], ENV);
    assert.match(w.preview.stdout, /-H 'Authorization: Bearer '"\$ALERTCFG_SECRET_WEBHOOK_TOKEN"/);
    assert.equal(w.run.status, 0, show(w.run));
    assert.equal(JSON.parse(wh.requests[0]!.body).message, "it's quoted");
    assert.equal(wh.requests[0]!.verdict, 'ok');
    // The same command where the variable is not set: the stand-in refuses it (the token really comes from the environment).
    const bare = await sh(w.preview.stdout, {});
    assert.match(bare.stdout, /unauthorized/);
    assert.equal(wh.requests.length, 2);

    // Secrets from --secrets-file: the note says how the shell loads them, and that runs.
    writeFileSync(join(dir, 'secrets.env'), `ALERTCFG_SECRET_WEBHOOK_TOKEN=${WEBHOOK_TOKEN}\n`);
    const f = await runCliAsync(['preview', 'contact.yaml', '--channel', 'webhook', '--curl', '--secrets-file', 'secrets.env'], dir, {});
    assert.equal(f.status, 0, show(f));
    const load = /^note: Secrets from secrets\.env: load them into the shell first \((set -a; \. \.\/secrets\.env; set \+a)\)/m.exec(f.stderr);
    assert.ok(load, f.stderr);
    const loaded = await new Promise<CliResult>((resolve) => {
      const child = spawn('/bin/sh', ['-c', `${load[1]}; ${f.stdout}`], { cwd: dir, env: { PATH: process.env['PATH'] ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c));
      child.on('close', (status) => resolve({ status, stdout, stderr: '' }));
    });
    assert.equal(loaded.status, 0);
    assert.equal(wh.requests.length, 3);
    assert.equal(wh.requests[2]!.verdict, 'ok');
  });

  test('Huawei AK/SK and IAM token, Volcengine: signed with the credentials, read from the SDK variables; 15 minutes', async () => {
    const hw = await keep(startHuawei({ projectId: PROJECT, aksk: { ak: HW_AK, sk: HW_SK }, token: HW_TOKEN }));
    const vo = await keep(startVolcengine({ accessKeyId: VOLC_AK, secretAccessKey: VOLC_SK }));
    const dir = previewWorkspace({ 'events.yaml': eventReportYaml({ endpoint: hw.url, projectId: PROJECT, name: 'disk-full' }), 'contact.yaml': contact({ webhook: 'https://hooks.example.com', endpoint: vo.url }) });

    const aksk = await previewAndRun(dir, ['events.yaml'], { HUAWEICLOUD_SDK_AK: HW_AK, HUAWEICLOUD_SDK_SK: HW_SK });
    assert.match(aksk.preview.stdout, /'Authorization: SDK-HMAC-SHA256 Access='"\$HUAWEICLOUD_SDK_AK"', SignedHeaders=/);
    assert.equal(aksk.run.status, 0, show(aksk.run));
    assert.match(aksk.preview.stderr, /^note: AOM push events: signed at \S+; Huawei Cloud accepts the signature until \S+ \(15 minutes\)\./m);
    assert.equal(hw.events.length, 1);

    const token = await previewAndRun(dir, ['events.yaml'], { HUAWEICLOUD_SDK_TOKEN: HW_TOKEN });
    assert.match(token.preview.stdout, /-H 'X-Auth-Token: '"\$HUAWEICLOUD_SDK_TOKEN"/);
    assert.doesNotMatch(token.preview.stderr, /accepts the signature/, 'a token is not a signature');
    assert.equal(token.run.status, 0, show(token.run));
    assert.equal(hw.events.length, 2);

    // The body holds a secret too: the signature covers its value, which the shell puts back.
    const volc = await previewAndRun(dir, ['contact.yaml', '--action', 'apply'], { VOLCENGINE_ACCESS_KEY: VOLC_AK, VOLCENGINE_SECRET_KEY: VOLC_SK, ALERTCFG_SECRET_WEBHOOK_TOKEN: WEBHOOK_TOKEN });
    assert.match(volc.preview.stdout, /Credential='"\$VOLCENGINE_ACCESS_KEY"'\//);
    assert.match(volc.preview.stdout, /"Token":"'"\$ALERTCFG_SECRET_WEBHOOK_TOKEN"'"/);
    assert.match(volc.preview.stderr, /^note: The commands read ALERTCFG_SECRET_WEBHOOK_TOKEN, VOLCENGINE_ACCESS_KEY from the environment, as alertcfg does: run them where those are set\.$/m);
    assert.equal(volc.run.status, 0, show(volc.run));
    assert.match(volc.run.stdout, /"ContactId"|"Result"/);
    assert.match(volc.preview.stderr, /^note: Volcengine CreateContact: signed at \S+; Volcengine accepts the signature until \S+ \(15 minutes\)\./m);
  });

  test('a replay with Basic authentication from a secret: curl -u reads the password; the receiver acknowledges', async () => {
    const rx = await keep(startTencentReceiver({ basicAuth: { user: 'sre', password: RX_PASS } }));
    const url = `http://sre:\${secret:rx-pass}@127.0.0.1:${rx.port}/tencent/alarm`;
    const dir = previewWorkspace({ 'alarm.yaml': alarmCallbackYaml(url) });
    const r = await previewAndRun(dir, ['alarm.yaml'], ENV);
    assert.match(r.preview.stdout, / -u 'sre:'"\$ALERTCFG_SECRET_RX_PASS"/);
    assert.equal(r.run.status, 0, show(r.run));
    assert.deepEqual(JSON.parse(r.run.stdout), { sessionId: 'session-cvm-cpu-0001', retCode: 0 });
  });

  test('a secret written in the file has no variable: it stays masked and a note says the command will not run as printed', async () => {
    const dir = previewWorkspace({ 'contact.yaml': contact({ webhook: 'http://127.0.0.1:9' }).replace('${secret:webhook-token}', WEBHOOK_TOKEN) });
    const r = await runCliAsync(['preview', 'contact.yaml', '--curl'], dir, {});
    assert.equal(r.status, 0, show(r));
    assert.match(r.stdout, /'Authorization: Bearer prv\*\*\*\*04'/);
    assertNoSecret('a literal token', r.stdout + r.stderr);
    assert.match(r.stderr, /^note: Webhook test message: does not run as printed: a secret with no variable to read it from .* is masked \(\*\*\*\*\)/m);
  });
});

describe('preview with values not set: the request, <unset: …>, a note, exit 0; the action stops', { skip: BUILT, concurrency: 4 }, () => {
  test('a secret and an env reference not set', async () => {
    const dir = previewWorkspace({ 'contact.yaml': contact({ dingtalk: 'https://oapi.dingtalk.com', webhook: 'https://hooks.example.com' }) });
    const r = await runCliAsync(['preview', 'contact.yaml'], dir, {});
    assert.equal(r.status, 0, show(r));
    assert.match(r.stdout, /^POST https:\/\/oapi\.dingtalk\.com\/robot\/send\?access_token=<unset: DINGTALK_TOKEN>&timestamp=\d{13}&sign=<unset: ALERTCFG_SECRET_DT_SECRET>$/m);
    assert.equal(r.stderr, 'note: Not set: DINGTALK_TOKEN (${env:DINGTALK_TOKEN}); ALERTCFG_SECRET_DT_SECRET (${secret:dt-secret}). The request shows each as <unset: …>; send stops until they are set.\n');
    const w = await runCliAsync(['preview', 'contact.yaml', '--channel', 'webhook'], dir, {});
    assert.equal(w.status, 0, show(w));
    assert.match(w.stdout, /^Authorization: Bearer <unset: ALERTCFG_SECRET_WEBHOOK_TOKEN>$/m);
    const json = await runCliAsync(['preview', 'contact.yaml', '--json'], dir, {});
    assert.equal(json.status, 0);
    const p = JSON.parse(json.stdout) as { problems: string[]; missing: string[]; notes: string[] };
    assert.deepEqual(p.problems, []);
    assert.equal(p.missing.length, 2);
    assert.match(p.missing[1]!, /^\$\{secret:dt-secret\} is not set\./);
    for (const args of [['send', 'contact.yaml'], ['send', 'contact.yaml', '--channel', 'webhook']]) {
      const s = await runCliAsync(args, dir, {});
      assert.equal(s.status, 2, show(s));
      assert.match(s.stderr, /is not set\. .*\nalertcfg: nothing was sent\.\n$/);
    }
  });

  test('credentials not set: Huawei, Volcengine; and the curl shows them unset too', async () => {
    const dir = previewWorkspace({ 'events.yaml': eventReportYaml({ endpoint: 'https://aom.example.com', projectId: PROJECT, name: 'disk-full' }), 'contact.yaml': contact({ webhook: 'https://hooks.example.com' }) });
    const hw = await runCliAsync(['preview', 'events.yaml'], dir, {});
    assert.equal(hw.status, 0, show(hw));
    assert.match(hw.stdout, /^Authorization: <unset: HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, or HUAWEICLOUD_SDK_TOKEN>$/m);
    assert.match(hw.stderr, /^note: Not set: Huawei Cloud credentials \(HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, or HUAWEICLOUD_SDK_TOKEN\)\. The request shows it as <unset: …>; push stops until it is set\.$/m);
    const vo = await runCliAsync(['preview', 'contact.yaml', '--action', 'apply', '--curl'], dir, {});
    assert.equal(vo.status, 0, show(vo));
    assert.match(vo.stdout, /-H 'Authorization: <unset: VOLCENGINE_ACCESS_KEY and VOLCENGINE_SECRET_KEY>'/);
    assert.match(vo.stderr, /Volcengine credentials \(VOLCENGINE_ACCESS_KEY and VOLCENGINE_SECRET_KEY\)\. The request shows each as <unset: …>; apply stops until they are set\./);
    const push = await runCliAsync(['push', 'events.yaml'], dir, {});
    assert.equal(push.status, 2);
    assert.match(push.stderr, /No Huawei Cloud credentials/);
    // apply first reads the contacts in the cloud: without credentials it cannot (exit 1, as plan), and sends nothing.
    const apply = await runCliAsync(['apply', 'contact.yaml', '--yes'], dir, {});
    assert.equal(apply.status, 1);
    assert.match(apply.stderr, /No Volcengine credentials/);
    // A dry run is a preview too.
    assert.equal((await runCliAsync(['push', 'events.yaml', '--dry-run'], dir, {})).status, 0);
  });

  test('what is not a value to set still stops the preview: no region', async () => {
    const dir = previewWorkspace({ 'contact.yaml': contact({ webhook: 'https://hooks.example.com' }).replace('  region: cn-beijing\n', '  endpoint: https://open.volcengineapi.com\n') });
    const r = await runCliAsync(['preview', 'contact.yaml', '--action', 'apply'], dir, {});
    assert.equal(r.status, 2, show(r));
    assert.match(r.stderr, /^problem: No region/m);
  });
});
