/**
 * GitOps sync end to end: `node dist/cli.js plan | apply | import` in temporary
 * repositories, against the stateful Volcengine and CTS stand-ins started in this
 * process, counting the writes they receive. Covers the create → noop → drift →
 * update → converge cycle, prune with and without globs, a partial failure and the
 * converging rerun, the import round trip, --detailed-exitcode, the formats, and
 * that no output of any of these runs holds a secret.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { keep, workspace } from './action-workspace';
import { CLI, runCliAsync } from './run-cli';
import { run } from '../../server/src/cli/main';
import { startVolcengine } from '../standins/volcengine';
import { startHuawei } from '../standins/huawei';
import { startDingTalk } from '../standins/dingtalk';

const BUILT = statSync(CLI, { throwIfNoEntry: false }) ? false : 'dist/cli.js is not built (npm run build)';

const VOLC_AK = 'AKLTclisync0001';
const VOLC_SK = 'cliSyncVolcSecret0001';
const HW_AK = 'HWCLISYNCAK0002';
const HW_SK = 'cliSyncHuaweiSk0002';
const PROJECT = '24edf66e79d04187acb99a463e610764';
const DT_SECRET = 'SECcliSyncDingTalk0003';
const HOOK_TOKEN = 'cliSyncHookToken0004';
const DT_TOKEN = 'cliSyncAccessToken0005';
const LIVE_SECRET = 'SECcliSyncConsoleSecret0006';
const SECRETS = [VOLC_SK, HW_SK, DT_SECRET, HOOK_TOKEN, DT_TOKEN, LIVE_SECRET];
const ENV = {
  VOLCENGINE_ACCESS_KEY: VOLC_AK,
  VOLCENGINE_SECRET_KEY: VOLC_SK,
  HUAWEICLOUD_SDK_AK: HW_AK,
  HUAWEICLOUD_SDK_SK: HW_SK,
  ALERTCFG_SECRET_OPS_DT_SECRET: DT_SECRET,
  ALERTCFG_SECRET_OPS_HOOK_TOKEN: HOOK_TOKEN,
  ALERTCFG_SECRET_OPS_DT_TOKEN: DT_TOKEN,
};

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Every output of this file, for the secret audit at the end. */
const outputs: { where: string; text: string }[] = [];

async function alertcfg(cwd: string, args: string[], env: Record<string, string> = ENV): Promise<Run> {
  const r = await runCliAsync(args, cwd, env);
  outputs.push({ where: args.join(' '), text: r.stdout + r.stderr });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function show(r: Run): string {
  return `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

function contact(name: string, endpoint: string, spec: string[] = []): string {
  return ['apiVersion: alertcfg/v1', 'kind: Contact', 'metadata:', `  name: ${name}`, 'target:', '  region: cn-beijing', `  endpoint: ${endpoint}`, 'spec:', `  Name: ${name}`, ...spec.map((l) => `  ${l}`), ''].join('\n');
}

const OPS_SPEC = [
  'Email: ops@example.com',
  'DingTalkBotWebhook:',
  '  Address: https://oapi.dingtalk.com/robot/send?access_token=${secret:ops-dt-token}',
  '  SecretKey: ${secret:ops-dt-secret}',
  'Webhook:',
  '  Address: https://hooks.example.com/alert',
  '  Token: ${secret:ops-hook-token}',
];

function notification(name: string, endpoint: string, extra: string[] = []): string {
  return [
    'apiVersion: alertcfg/v1',
    'kind: KeyOperationNotification',
    'metadata:',
    `  name: ${name}`,
    'target:',
    '  region: cn-north-4',
    `  projectId: ${PROJECT}`,
    `  endpoint: ${endpoint}`,
    'spec:',
    `  notification_name: ${name}`,
    '  operation_type: customized',
    '  operations:',
    '    - service_type: ECS',
    '      resource_type: ecs',
    '      trace_names: [createServer, deleteServer]',
    `  topic_id: urn:smn:cn-north-4:${PROJECT}:alerts`,
    ...extra.map((l) => `  ${l}`),
    '',
  ].join('\n');
}

after(() => {
  // The secret audit: no output of any run above holds a secret, nor its URL-encoded form.
  for (const o of outputs) for (const s of SECRETS) for (const form of [s, encodeURIComponent(s)]) assert.ok(!o.text.includes(form), `${o.where} printed ${form}:\n${o.text}`);
});

describe('plan and apply: the sync cycle', { skip: BUILT }, () => {
  test('create → noop → drift → update → converge; --detailed-exitcode 3 then 0; a second apply sends no write', async () => {
    const vc = await keep(startVolcengine({ accessKeyId: VOLC_AK, secretAccessKey: VOLC_SK }));
    const hw = await keep(startHuawei({ projectId: PROJECT, aksk: { ak: HW_AK, sk: HW_SK } }));
    const dir = workspace({ 'ops.yaml': contact('ops', vc.url, OPS_SPEC), 'watch.yaml': notification('watch_ecs', hw.url) });

    const plan = await alertcfg(dir, ['plan']);
    assert.equal(plan.code, 0, show(plan));
    assert.match(plan.stdout, /^Contact in cn-beijing \(127\.0\.0\.1:\d+\):\n {2}\+ create {4}ops {2}\(ops\.yaml:1\)$/m);
    assert.match(plan.stdout, /^ {2}\+ create {4}watch_ecs {2}\(watch\.yaml:1\)$/m);
    assert.match(plan.stdout, /^Plan: 2 to create, 0 to update, 0 to delete, 0 unchanged, 0 unmanaged\.$/m);
    assert.equal((await alertcfg(dir, ['plan', '--detailed-exitcode'])).code, 3);
    assert.equal(vc.writes.length + hw.writes.length, 0, 'plan writes nothing');

    const apply = await alertcfg(dir, ['apply', '--yes']);
    assert.equal(apply.code, 0, show(apply));
    assert.match(apply.stdout, /^done {6}create Contact "ops" \(ops\.yaml:1\)$/m);
    assert.match(apply.stdout, /^done {6}create KeyOperationNotification "watch_ecs" \(watch\.yaml:1\)$/m);
    assert.match(apply.stdout, /^Applied: 2 done, 0 failed \(2 write requests\)\.$/m);
    assert.equal(vc.writes.length, 1);
    assert.equal(hw.writes.length, 1);

    const noop = await alertcfg(dir, ['plan', '--detailed-exitcode']);
    assert.equal(noop.code, 0, show(noop));
    assert.match(noop.stdout, /^ {2}= noop {6}ops {2}\(ops\.yaml:1\)$/m);
    const again = await alertcfg(dir, ['apply', '--yes']);
    assert.equal(again.code, 0, show(again));
    assert.match(again.stdout, /^Nothing to apply: the cloud matches the repository\.$/m);
    assert.equal(vc.writes.length + hw.writes.length, 2, 'a second apply sends no write');

    // Drift, as if changed in the console: the e-mail and the DingTalk secret; the notification's trace names.
    const ops = vc.contacts.get('ops')!.body;
    ops['Email'] = 'console@example.com';
    (ops['DingTalkBotWebhook'] as Record<string, unknown>)['SecretKey'] = LIVE_SECRET;
    hw.notifications[0]!['operations'] = [{ service_type: 'ECS', resource_type: 'ecs', trace_names: ['createServer'] }];
    const drift = await alertcfg(dir, ['plan', '--format', 'json', '--detailed-exitcode']);
    assert.equal(drift.code, 3, show(drift));
    const j = JSON.parse(drift.stdout) as { changes: { name: string; action: string; fields: { path: string; live: unknown; desired: unknown }[] }[]; summary: Record<string, number> };
    assert.deepEqual(j.summary, { create: 0, update: 2, delete: 0, noop: 0, unmanaged: 0 });
    assert.deepEqual(j.changes[0]!.fields, [
      { path: 'Email', live: 'console@example.com', desired: 'ops@example.com' },
      { path: 'DingTalkBotWebhook.SecretKey', live: 'SEC****06', desired: 'SEC****03' },
    ]);
    assert.deepEqual(j.changes[1]!.fields, [{ path: 'operations[ECS/ecs].trace_names', live: ['createServer'], desired: ['createServer', 'deleteServer'] }]);

    const fix = await alertcfg(dir, ['apply', '--yes']);
    assert.equal(fix.code, 0, show(fix));
    assert.deepEqual(vc.writes.map((w) => w.action), ['CreateContact', 'UpdateContact']);
    assert.deepEqual(hw.writes.map((w) => w.method), ['POST', 'PUT']);
    assert.equal((await alertcfg(dir, ['plan', '--detailed-exitcode'])).code, 0);
  });

  test('validation errors stop the plan before any request: exit 1, the errors as validate prints them', async () => {
    const vc = await keep(startVolcengine({ accessKeyId: VOLC_AK, secretAccessKey: VOLC_SK }));
    const dir = workspace({ 'bad.yaml': contact('bad', vc.url, ['Email: not-an-address']), 'ok.yaml': contact('ok', vc.url) });
    for (const args of [['plan'], ['apply', '--yes']]) {
      const r = await alertcfg(dir, args);
      assert.equal(r.code, 1, show(r));
      assert.match(r.stderr, /^bad\.yaml:10:10 error InvalidParameter\.Email /m);
      assert.match(r.stderr, /1 error; fix it first \(alertcfg validate\)\. Nothing was sent\./);
    }
    assert.equal(vc.requests.length, 0);
  });

  test('credentials not set: the scope cannot be read, exit 1 naming the variables; nothing written', async () => {
    const vc = await keep(startVolcengine({ accessKeyId: VOLC_AK, secretAccessKey: VOLC_SK }));
    const dir = workspace({ 'ops.yaml': contact('ops', vc.url) });
    const r = await alertcfg(dir, ['apply', '--yes'], {});
    assert.equal(r.code, 1, show(r));
    assert.match(r.stderr, /Could not read the Contact resources of cn-beijing \(127\.0\.0\.1:\d+\), so its resource was not planned: .*VOLCENGINE_ACCESS_KEY/);
    assert.equal(vc.requests.length, 0);
  });
});

describe('apply: failures, conflicts, rate limits', { skip: BUILT }, () => {
  test('a failure on one resource does not stop the others: the report says why, exit 1; the rerun converges', async () => {
    let refuse = true;
    const vc = await keep(startVolcengine({ accessKeyId: VOLC_AK, secretAccessKey: VOLC_SK, failWhen: (action, body) => (refuse && action === 'CreateContact' && body['Name'] === 'b' ? { status: 409, code: 'Conflict.Name', message: 'The specified name conflicts with existing contact.' } : undefined) }));
    const dir = workspace({ 'a.yaml': contact('a', vc.url), 'b.yaml': contact('b', vc.url), 'c.yaml': contact('c', vc.url) });
    const first = await alertcfg(dir, ['apply', '--yes']);
    assert.equal(first.code, 1, show(first));
    assert.match(first.stdout, /^FAILED {4}create Contact "b" \(b\.yaml:1\): Conflict\.Name: The specified name conflicts with existing contact\.$/m);
    assert.match(first.stdout, /^ {10}advice: A contact with this Name already exists in VMP\./m);
    assert.match(first.stdout, /^ {10}note: The name exists in the cloud now: the next apply updates it instead\.$/m);
    assert.match(first.stdout, /^Applied: 2 done, 1 failed \(3 write requests\)\.$/m);
    refuse = false;
    const rerun = await alertcfg(dir, ['apply', '--yes']);
    assert.equal(rerun.code, 0, show(rerun));
    assert.match(rerun.stdout, /^Applied: 1 done, 0 failed \(1 write request\)\.$/m);
    assert.deepEqual([...vc.contacts.keys()].sort(), ['a', 'b', 'c']);
  });

  test('CTS.0400 during apply: reported with advice, exit 1', async () => {
    const hw = await keep(startHuawei({ projectId: PROJECT, aksk: { ak: HW_AK, sk: HW_SK }, failWhen: (op) => (op === 'CreateNotification' ? { status: 400, code: 'CTS.0400', message: 'NotificationV3 name is existed already' } : undefined) }));
    const dir = workspace({ 'w.yaml': notification('watch_ecs', hw.url) });
    const r = await alertcfg(dir, ['apply', '--yes']);
    assert.equal(r.code, 1, show(r));
    assert.match(r.stdout, /^FAILED {4}create KeyOperationNotification "watch_ecs" \(w\.yaml:1\): CTS\.0400: NotificationV3 name is existed already$/m);
    assert.match(r.stdout, /advice: A key operation notification with this notification_name already exists/);
  });

  test('a 429 with Retry-After on a write is waited for and sent again: success', async () => {
    let limited = false;
    const vc = await keep(startVolcengine({ accessKeyId: VOLC_AK, secretAccessKey: VOLC_SK, failWhen: (action) => (action === 'CreateContact' && !limited ? ((limited = true), { status: 429, body: { ResponseMetadata: { Error: { Code: 'FlowLimitExceeded', Message: 'Too many requests' } } }, headers: { 'Retry-After': '1' } }) : undefined) }));
    const dir = workspace({ 'a.yaml': contact('a', vc.url) });
    const r = await alertcfg(dir, ['apply', '--yes']);
    assert.equal(r.code, 0, show(r));
    assert.match(r.stdout, /^Applied: 1 done, 0 failed \(2 write requests\)\.$/m);
    assert.deepEqual(vc.writes.map((w) => w.verdict.split(' ')[0]), ['failWhen:', 'ok']);
  });
});

describe('prune', { skip: BUILT }, () => {
  test('nothing is deleted without --prune, nor without a glob; with both, only the matching names, listed first', async () => {
    const vc = await keep(startVolcengine({ accessKeyId: VOLC_AK, secretAccessKey: VOLC_SK }));
    for (const n of ['team-a-old', 'team-b-old']) vc.addContact({ Name: n });
    const dir = workspace({ 'keep.yaml': contact('keep', vc.url) });
    const plain = await alertcfg(dir, ['apply', '--yes']);
    assert.equal(plain.code, 0, show(plain));
    assert.match(plain.stdout, /^ {2}\? unmanaged team-a-old {2}\(not in the repository\)$/m);
    const noGlob = await alertcfg(dir, ['apply', '--yes', '--prune']);
    assert.equal(noGlob.code, 0, show(noGlob));
    assert.match(noGlob.stdout, /^note: --prune deletes nothing of Contact: the configuration has no sync\.prune globs for it/m);
    assert.equal(vc.contacts.size, 3);

    writeFileSync(join(dir, '.alertcfg.yaml'), 'timeoutMs: 3000\nsync:\n  prune:\n    Contact: ["team-a-*"]\n');
    const plan = await alertcfg(dir, ['plan', '--prune', '--format', 'markdown']);
    assert.equal(plan.code, 0, show(plan));
    assert.match(plan.stdout, /^\| 🗑️ delete \| Contact \| <code>team-a-old<\/code> \| cn-beijing \(127\.0\.0\.1:\d+\) \| {2}\|$/m);
    const pruned = await alertcfg(dir, ['apply', '--yes', '--prune']);
    assert.equal(pruned.code, 0, show(pruned));
    assert.ok(pruned.stdout.indexOf('- delete    team-a-old') < pruned.stdout.indexOf('done      delete Contact "team-a-old"'), 'the plan lists the delete before it happens');
    assert.deepEqual([...vc.contacts.keys()].sort(), ['keep', 'team-b-old']);
  });

  test('an unknown kind or a wrong shape under sync.prune is an error of .alertcfg.yaml; it stops the run', async () => {
    const vc = await keep(startVolcengine({ accessKeyId: VOLC_AK, secretAccessKey: VOLC_SK }));
    const dir = workspace({ 'keep.yaml': contact('keep', vc.url) });
    writeFileSync(join(dir, '.alertcfg.yaml'), 'sync:\n  prune:\n    Contacts: ["x-*"]\n    KeyOperationNotification: "gitops-*"\n');
    const r = await alertcfg(dir, ['plan', '--prune']);
    assert.equal(r.code, 1, show(r));
    assert.match(r.stderr, /^\.alertcfg\.yaml:3:5 error unknown-property Unknown property "Contacts"\. Did you mean "Contact"\?/m);
    assert.match(r.stderr, /^\.alertcfg\.yaml:4:31 error invalid-type /m);
    assert.equal(vc.requests.length, 0);
    const v = await alertcfg(dir, ['validate']);
    assert.equal(v.code, 1, show(v));
  });
});

describe('import', { skip: BUILT }, () => {
  test('one file per live resource, secrets as references; validate passes; plan is all noop; existing files are kept', async () => {
    const vc = await keep(startVolcengine({ accessKeyId: VOLC_AK, secretAccessKey: VOLC_SK }));
    vc.addContact({ Name: 'ops', Email: 'ops@example.com', DingTalkBotWebhook: { Address: `https://oapi.dingtalk.com/robot/send?access_token=${DT_TOKEN}`, SecretKey: LIVE_SECRET, AtMobiles: ['13800000000'] } });
    vc.addContact({ Name: 'dev', Webhook: { Address: 'https://hooks.example.com/dev', Token: HOOK_TOKEN } });
    const dir = workspace({});
    const r = await alertcfg(dir, ['import', '--kind', 'Contact', '--region', 'cn-beijing', '--endpoint', vc.url, '--out', 'contacts']);
    assert.equal(r.code, 0, show(r));
    assert.deepEqual(readdirSync(join(dir, 'contacts')).sort(), ['dev.yaml', 'ops.yaml']);
    assert.match(r.stdout, /^wrote contacts\/ops\.yaml \(Contact "ops"\)$/m);
    assert.match(r.stdout, /^ {2}ALERTCFG_SECRET_OPS_DINGTALK_SECRET {2}for \$\{secret:ops-dingtalk-secret\} \(contacts\/ops\.yaml: DingTalkBotWebhook\.SecretKey\)$/m);
    assert.match(r.stdout, /^Imported 2 of 2 Contact resources of cn-beijing \(127\.0\.0\.1:\d+\) \(1 list request\): 2 written, 0 kept\.$/m);
    const text = readFileSync(join(dir, 'contacts', 'ops.yaml'), 'utf8');
    assert.match(text, /access_token=\$\{secret:ops-dingtalk-token\}/);
    const v = await alertcfg(dir, ['validate']);
    assert.equal(v.code, 0, show(v));
    assert.equal(v.stdout, '');
    const plan = await alertcfg(dir, ['plan', '--detailed-exitcode']);
    assert.equal(plan.code, 0, show(plan));
    assert.match(plan.stdout, /^Plan: 0 to create, 0 to update, 0 to delete, 2 unchanged, 0 unmanaged\.$/m);
    assert.match(plan.stdout, /DingTalkBotWebhook\.SecretKey: its reference is not set here: not compared \(apply needs it\)/);

    writeFileSync(join(dir, 'contacts', 'dev.yaml'), '# mine\n');
    const again = await alertcfg(dir, ['import', '--kind', 'Contact', '--region', 'cn-beijing', '--endpoint', vc.url, '--out', 'contacts', '--name', 'd*']);
    assert.equal(again.code, 0, show(again));
    assert.match(again.stdout, /^kept contacts\/dev\.yaml: it exists; not overwritten \(Contact "dev"\)$/m);
    assert.equal(readFileSync(join(dir, 'contacts', 'dev.yaml'), 'utf8'), '# mine\n');
  });

  test('KeyOperationNotification needs --project; usage errors exit 2', async () => {
    const dir = workspace({});
    const r = await alertcfg(dir, ['import', '--kind', 'KeyOperationNotification', '--region', 'cn-north-4']);
    assert.equal(r.code, 2, show(r));
    assert.match(r.stderr, /import --kind KeyOperationNotification needs --project/);
    assert.equal((await alertcfg(dir, ['import', '--kind', 'EventReport', '--region', 'x'])).code, 2);
    assert.ok(!existsSync(join(dir, 'EventReport')));
  });
});

describe('formats', { skip: BUILT }, () => {
  test('github annotates each resource\'s line; markdown is the pull-request comment', async () => {
    const vc = await keep(startVolcengine({ accessKeyId: VOLC_AK, secretAccessKey: VOLC_SK }));
    vc.addContact({ Name: 'ops', Email: 'old@example.com' });
    const dir = workspace({ 'contacts.yaml': `${contact('new', vc.url)}---\n${contact('ops', vc.url, ['Email: ops@example.com'])}` });
    const gh = await alertcfg(dir, ['plan', '--format', 'github']);
    assert.equal(gh.code, 0, show(gh));
    assert.match(gh.stdout, /^::notice file=contacts\.yaml,line=1,title=alertcfg plan%3A create Contact new::/m);
    assert.match(gh.stdout, /^::notice file=contacts\.yaml,line=11,title=alertcfg plan%3A update Contact ops::Email: "old@example\.com" → "ops@example\.com"$/m);
    const md = await alertcfg(dir, ['plan', '--format', 'markdown']);
    assert.match(md.stdout, /^<!-- alertcfg-plan -->\n### alertcfg plan\n\n\*\*1 to create, 1 to update, 0 to delete\*\*/);
    assert.match(md.stdout, /^\| <code>Email<\/code> \| <code>"old@example\.com"<\/code> \| <code>"ops@example\.com"<\/code> \|$/m);
  });

  test('apply FILE --doc N works on one resource of a file; --json prints the plan and the outcomes', async () => {
    const vc = await keep(startVolcengine({ accessKeyId: VOLC_AK, secretAccessKey: VOLC_SK }));
    const dir = workspace({ 'contacts.yaml': `${contact('one', vc.url)}---\n${contact('two', vc.url)}` });
    const r = await alertcfg(dir, ['apply', 'contacts.yaml', '--doc', '1', '--yes', '--json']);
    assert.equal(r.code, 0, show(r));
    const j = JSON.parse(r.stdout) as { plan: { changes: { name: string }[] }; outcomes: { name: string; status: string }[]; writes: number };
    assert.deepEqual(j.plan.changes.map((c) => c.name), ['two']);
    assert.deepEqual(j.outcomes.map((o) => `${o.name} ${o.status}`), ['two done']);
    assert.deepEqual([...vc.contacts.keys()], ['two']);
    const bad = await alertcfg(dir, ['apply', 'contacts.yaml', '--doc', '1', '--prune']);
    assert.equal(bad.code, 2, show(bad));
  });
});

describe('apply on a terminal (in process: io.confirm is what bin.ts wires when stdin and stderr are TTYs)', { skip: BUILT }, () => {
  test('shows the plan, asks once with its summary and the host; "no" sends nothing; progress on stderr', async () => {
    const vc = await keep(startVolcengine({ accessKeyId: VOLC_AK, secretAccessKey: VOLC_SK }));
    vc.addContact({ Name: 'b', Email: 'old@example.com' });
    const dir = workspace({ 'a.yaml': contact('a', vc.url), 'b.yaml': contact('b', vc.url, ['Email: b@example.com']) });
    const go = async (answer: boolean) => {
      const asked: string[] = [];
      let stdout = '';
      let stderr = '';
      const code = await run(['apply'], { cwd: dir, env: ENV, isTTY: true, version: 'test', out: (t) => void (stdout += t), err: (t) => void (stderr += t), confirm: async (q) => (asked.push(q), answer) });
      outputs.push({ where: 'apply (terminal)', text: stdout + stderr });
      return { code, stdout, stderr, asked };
    };
    const no = await go(false);
    assert.equal(no.code, 1);
    assert.deepEqual(no.asked, [`Apply 2 changes (1 to create, 1 to update) on 127.0.0.1:${vc.port}? [y/N] `]);
    assert.match(no.stdout, /^ {2}~ update {4}b {2}\(b\.yaml:1\)$/m);
    assert.match(no.stderr, /cancelled; nothing was sent/);
    assert.equal(vc.writes.length, 0);
    const yes = await go(true);
    assert.equal(yes.code, 0, yes.stdout + yes.stderr);
    assert.match(yes.stderr, /Applying 0\/2: (create|update) Contact "[ab]"/);
    assert.match(yes.stderr, /Applying 2\/2/);
    assert.equal(vc.writes.length, 2);
  });
});

describe('send --via cloud: Volcengine VMP sends the test itself', { skip: BUILT }, () => {
  test('DingTalk: accepted → success; a wrong secret → the bot\'s code with the same advice as a direct send; the request goes to VMP', async () => {
    const dt = await keep(startDingTalk({ accessToken: DT_TOKEN, secret: DT_SECRET }));
    const vc = await keep(startVolcengine({ accessKeyId: VOLC_AK, secretAccessKey: VOLC_SK }));
    const spec = ['DingTalkBotWebhook:', `  Address: ${dt.url}/robot/send?access_token=\${secret:ops-dt-token}`, '  SecretKey: ${secret:ops-dt-secret}', '  AtMobiles: ["13800000000"]'];
    const dir = workspace({ 'ops.yaml': contact('ops', vc.url, spec) });
    const ok = await alertcfg(dir, ['send', 'ops.yaml', '--via', 'cloud']);
    assert.equal(ok.code, 0, show(ok));
    assert.match(ok.stdout, /^DingTalk test through Volcengine VMP → 127\.0\.0\.1:\d+: success$/m);
    assert.equal(vc.requests.length, 1);
    assert.match(vc.requests[0]!.url, /^\/\?Action=TestDingTalkBotWebhook&Version=2021-03-03$/);
    assert.deepEqual(JSON.parse(vc.requests[0]!.body), { Address: `${dt.url}/robot/send?access_token=${DT_TOKEN}`, SecretKey: DT_SECRET, AtMobiles: ['13800000000'] });
    assert.equal(dt.requests.length, 1, 'the cloud, not this machine, reached the bot');

    const wrong = { ...ENV, ALERTCFG_SECRET_OPS_DT_SECRET: 'SECnotTheRobotsSecret07' };
    const viaCloud = await alertcfg(dir, ['send', 'ops.yaml', '--via', 'cloud'], wrong);
    assert.equal(viaCloud.code, 1, show(viaCloud));
    assert.match(viaCloud.stdout, /^ {2}error 310000: sign not match/m);
    const direct = await alertcfg(dir, ['send', 'ops.yaml'], wrong);
    assert.equal(direct.code, 1, show(direct));
    const advice = (r: Run) => /^ {2}advice: (.*)$/m.exec(r.stdout)?.[1];
    assert.ok(advice(viaCloud));
    assert.equal(advice(viaCloud), advice(direct));
    assert.ok(!viaCloud.stdout.includes('SECnotTheRobotsSecret07') && !direct.stdout.includes('SECnotTheRobotsSecret07'));
  });

  test('a bot the cloud cannot reach: bot-unreachable with advice; a kind other than Contact: exit 2', async () => {
    const vc = await keep(startVolcengine({ accessKeyId: VOLC_AK, secretAccessKey: VOLC_SK, botTimeoutMs: 500 }));
    const dir = workspace({ 'ops.yaml': contact('ops', vc.url, ['Webhook:', '  Address: https://hooks.internal.example.com/alert', '  Token: ${secret:ops-hook-token}']) });
    const r = await alertcfg(dir, ['send', 'ops.yaml', '--via', 'cloud', '--channel', 'webhook']);
    assert.equal(r.code, 1, show(r));
    assert.match(r.stdout, /^Webhook test through Volcengine VMP → 127\.0\.0\.1:\d+: FAILED\n {2}error bot-unreachable: Volcengine VMP could not reach the bot: timeout\n {2}advice: Volcengine VMP could not reach the bot from the cloud/m);
    assert.deepEqual(JSON.parse(vc.requests[0]!.body), { Address: 'https://hooks.internal.example.com/alert', Token: HOOK_TOKEN });
    writeFileSync(join(dir, 'dt.yaml'), 'apiVersion: alertcfg/v1\nkind: DingTalkTestConnection\nmetadata:\n  name: x\nspec:\n  params:\n    testMsg: hi\n    url: https://oapi.dingtalk.com/robot/send?access_token=${env:DT}\n');
    const other = await alertcfg(dir, ['send', 'dt.yaml', '--via', 'cloud']);
    assert.equal(other.code, 2, show(other));
    assert.match(other.stderr, /--via cloud asks Volcengine VMP to test a Contact's channel/);
  });
});
