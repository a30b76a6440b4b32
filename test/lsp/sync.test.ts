/**
 * GitOps sync in the language server, over real JSON-RPC against the built
 * `dist/server.js`, with the stateful Volcengine and CTS stand-ins: plan answers the
 * changes and the Markdown plan, CodeLens shows each resource's state after a plan
 * and after an apply, apply reports `$/progress` (done/total, the resource) and
 * converges, a cancelled apply stops before the remaining writes, import answers
 * files that validate clean, an untrusted workspace is refused, and no result or
 * log holds a secret.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { type CodeLens, WorkDoneProgress, type WorkDoneProgressBegin, type WorkDoneProgressEnd, type WorkDoneProgressReport } from 'vscode-languageserver-protocol';
import { validateText } from '../../server/src/engine/index';
import type { ApplyResult, ImportResult, PlanResult } from '../../server/src/protocol/index';
import { type HuaweiStandIn, startHuawei } from '../standins/huawei';
import { type VolcengineStandIn, startVolcengine } from '../standins/volcengine';
import { CancellationTokenSource, type LspClient, lines, startServer } from './harness';

const VOLC_AK = 'AKLTlspsync0001';
const VOLC_SK = 'lspSyncVolcSecret0001';
const HW_AK = 'HWLSPSYNCAK0002';
const HW_SK = 'lspSyncHuaweiSk0002';
const PROJECT = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const DT_SECRET = 'SEClspSyncDingTalk0003';
const DT_TOKEN = 'lspSyncAccessToken0004';
const SECRETS = [VOLC_SK, HW_SK, DT_SECRET, DT_TOKEN];

const exec = <R>(c: LspClient, command: string, ...args: unknown[]) => c.request<R>('workspace/executeCommand', { command, arguments: args });

function contact(name: string, endpoint: string, email = `${name}@example.com`): string {
  return lines(
    'apiVersion: alertcfg/v1',
    'kind: Contact',
    'metadata:',
    `  name: ${name}`,
    'target:',
    '  region: cn-beijing',
    `  endpoint: ${endpoint}`,
    'spec:',
    `  Name: ${name}`,
    `  Email: ${email}`,
    '  DingTalkBotWebhook:',
    '    Address: https://oapi.dingtalk.com/robot/send?access_token=${secret:ops-dt-token}',
    '    SecretKey: ${secret:ops-dt-secret}',
  );
}

function notification(name: string, endpoint: string): string {
  return lines(
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
  );
}

/** A client that answers secrets and credentials from its "secret storage", and counts CodeLens refreshes. */
async function syncClient(files: Record<string, string>, options: { trusted?: boolean; locale?: string } = {}): Promise<LspClient & { lensRefreshes: number }> {
  const c = (await startServer({
    files: { '.alertcfg.yaml': 'timeoutMs: 10000\n', ...files },
    initializationOptions: { secretStorage: true, trusted: options.trusted !== false },
    capabilities: { workspace: { configuration: true, workspaceFolders: true, codeLens: { refreshSupport: true } } },
    ...(options.locale ? { locale: options.locale } : {}),
  })) as LspClient & { lensRefreshes: number };
  c.lensRefreshes = 0;
  c.conn.onRequest('workspace/codeLens/refresh', () => {
    c.lensRefreshes++;
    return null;
  });
  c.conn.onRequest('alertcfg/getSecrets', (p: { names: string[] }) => ({ values: Object.fromEntries(p.names.map((n) => [n, n === 'ops-dt-token' ? DT_TOKEN : n === 'ops-dt-secret' ? DT_SECRET : null])) }));
  const credentials: Record<string, Record<string, string>> = { volcengine: { accessKeyId: VOLC_AK, secretAccessKey: VOLC_SK }, huawei: { ak: HW_AK, sk: HW_SK } };
  c.conn.onRequest('alertcfg/getCredentials', (p: { provider: string }) => credentials[p.provider] ?? null);
  return c;
}

async function lensTitles(c: LspClient, uri: string): Promise<string[]> {
  const lenses = await c.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
  return lenses.map((l) => `${l.range.start.line}:${l.command!.title}`);
}

/** Every answer and log of the file, for the secret audit at the end. */
const seen: string[] = [];
const keep = <T>(x: T): T => {
  seen.push(JSON.stringify(x));
  return x;
};

describe('GitOps sync over LSP', () => {
  let vc: VolcengineStandIn;
  let hw: HuaweiStandIn;
  let c: LspClient & { lensRefreshes: number };

  before(async () => {
    vc = await startVolcengine({ accessKeyId: VOLC_AK, secretAccessKey: VOLC_SK, maxPageSize: 2 });
    hw = await startHuawei({ projectId: PROJECT, aksk: { ak: HW_AK, sk: HW_SK } });
    c = await syncClient({ 'contacts/ops.yaml': contact('ops', vc.url), 'watch.yaml': notification('watch_ecs', hw.url), 'notes.yaml': 'just: yaml\n' });
  });
  after(async () => {
    seen.push(JSON.stringify(c.logs), c.stderr);
    await c.shutdown();
    await vc.close();
    await hw.close();
    // The secret audit: no answer or log of this file holds a secret.
    for (const text of seen) for (const s of SECRETS) assert.ok(!text.includes(s), `a secret leaked: ${s}`);
  });

  test('plan answers the changes and the Markdown plan, writes nothing, and CodeLens shows "would create"', async () => {
    const uri = c.open('contacts/ops.yaml', contact('ops', vc.url));
    assert.deepEqual(await lensTitles(c, uri), ['0:Preview request', '0:Send test message', '0:Apply'], 'no state before any plan');
    const refreshes = c.lensRefreshes;
    const plan = keep(await exec<PlanResult>(c, 'alertcfg.plan', {}));
    assert.equal(plan.ok, true, JSON.stringify(plan.problems));
    assert.deepEqual(plan.problems, []);
    assert.deepEqual(plan.summary, { create: 2, update: 0, delete: 0, noop: 0, unmanaged: 0 });
    assert.deepEqual(plan.changes.map((x) => `${x.action} ${x.kind} ${x.name} ${x.file}:${x.line}`), ['create Contact ops contacts/ops.yaml:1', 'create KeyOperationNotification watch_ecs watch.yaml:1']);
    assert.equal(plan.changes[0]!.uri, uri);
    assert.match(plan.markdown, /^<!-- alertcfg-plan -->\n### alertcfg plan\n\n\*\*2 to create, 0 to update, 0 to delete\*\*/);
    assert.ok(plan.markdown.includes('| ➕ create | Contact | <code>ops</code> | <code>contacts/ops.yaml:1</code> |'), plan.markdown);
    assert.deepEqual(plan.hosts.sort(), [new URL(hw.url).host, new URL(vc.url).host].sort());
    assert.ok(plan.planId);
    assert.equal(vc.writes.length + hw.writes.length, 0, 'a plan writes nothing');
    assert.ok(c.lensRefreshes > refreshes, 'the client is asked to refresh its lenses');
    assert.deepEqual(await lensTitles(c, uri), ['0:would create', '0:Preview request', '0:Send test message', '0:Apply']);
  });

  test('apply carries out the plan shown, with $/progress begin, reports (done/total, the resource) and end; CodeLens says "in sync"; a second apply writes nothing', async () => {
    const uri = c.uri('contacts/ops.yaml');
    const plan = keep(await exec<PlanResult>(c, 'alertcfg.plan', {}));
    const events: (WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd)[] = [];
    const listening = c.conn.onProgress(WorkDoneProgress.type, 'apply-1', (e) => {
      events.push(e);
    });
    const result = keep(await c.request<ApplyResult>('workspace/executeCommand', { command: 'alertcfg.apply', arguments: [{ planId: plan.planId }], workDoneToken: 'apply-1' }));
    listening.dispose();
    assert.equal(result.stale, undefined);
    assert.deepEqual(result.summary, { done: 2, failed: 0, cancelled: 0 }, result.text);
    assert.equal(result.writes, 2);
    assert.deepEqual(result.outcomes.map((o) => `${o.status} ${o.action} ${o.name}`), ['done create ops', 'done create watch_ecs']);
    assert.match(result.text, /^done {6}create Contact "ops" \(contacts\/ops\.yaml:1\)$/m);
    assert.deepEqual(vc.writes.map((w) => w.action), ['CreateContact']);
    assert.equal(hw.writes.length, 1);
    // Progress: begin, then reports counting up to 2/2 naming the resource under way, then end.
    assert.equal(events[0]?.kind, 'begin');
    assert.equal(events[events.length - 1]?.kind, 'end');
    const reports = events.filter((e): e is WorkDoneProgressReport => e.kind === 'report').map((e) => e.message ?? '');
    assert.ok(reports.some((m) => /^0\/2: create (Contact "ops"|KeyOperationNotification "watch_ecs")$/.test(m)), JSON.stringify(reports));
    assert.equal(reports[reports.length - 1], '2/2');
    assert.deepEqual(await lensTitles(c, uri), ['0:in sync', '0:Preview request', '0:Send test message', '0:Apply']);

    // Applied again (no plan named: it plans first): nothing to write.
    const again = keep(await exec<ApplyResult>(c, 'alertcfg.apply', {}));
    assert.equal(again.writes, 0);
    assert.deepEqual(again.plan.summary, { create: 0, update: 0, delete: 0, noop: 2, unmanaged: 0 });
    assert.equal(vc.writes.length + hw.writes.length, 2);
    // The plan that was carried out is not carried out twice.
    const stale = keep(await exec<ApplyResult>(c, 'alertcfg.apply', { planId: plan.planId }));
    assert.equal(stale.stale, true);
    assert.equal(stale.writes, 0);
  });

  test('drift in the cloud: plan shows the update with its fields, and CodeLens "would update: Email", marked once the resource is edited', async () => {
    const uri = c.uri('contacts/ops.yaml');
    vc.contacts.get('ops')!.body['Email'] = 'changed@example.com';
    const plan = keep(await exec<PlanResult>(c, 'alertcfg.plan', { uris: [c.uri('contacts')] }));
    assert.deepEqual(plan.changes.map((x) => `${x.action} ${x.name} ${x.fields.map((f) => `${f.path}: ${JSON.stringify(f.live)} → ${JSON.stringify(f.desired)}`).join(', ')}`), ['update ops Email: "changed@example.com" → "ops@example.com"']);
    assert.deepEqual((await lensTitles(c, uri))[0], '0:would update: Email');
    c.replace(uri, 'ops@example.com', 'ops2@example.com');
    assert.deepEqual((await lensTitles(c, uri))[0], '0:would update: Email (edited since the plan)');
    c.replace(uri, 'ops2@example.com', 'ops@example.com');
    // A plan with the editor's text changed since is stale: nothing is written, the new plan comes back.
    c.replace(uri, 'ops@example.com', 'ops3@example.com');
    const stale = keep(await exec<ApplyResult>(c, 'alertcfg.apply', { uris: [c.uri('contacts')], planId: plan.planId }));
    assert.equal(stale.stale, true);
    assert.equal(stale.writes, 0);
    assert.deepEqual(stale.plan.changes.map((x) => x.fields.map((f) => f.desired)), [['ops3@example.com']]);
    c.replace(uri, 'ops3@example.com', 'ops@example.com');
  });

  test('a resource with an error stops the plan before any request', async () => {
    const requests = vc.requests.length + hw.requests.length;
    const text = contact('bad', vc.url).replace('  Name: bad\n', '');
    c.writeFile('contacts/bad.yaml', text);
    const bad = c.open('contacts/bad.yaml', text);
    const plan = keep(await exec<PlanResult>(c, 'alertcfg.plan', {}));
    assert.equal(plan.ok, false);
    assert.match(plan.problems[0]!, /^contacts\/bad\.yaml:\d+:\d+ error MissingParameter\.Name /);
    assert.match(plan.problems[plan.problems.length - 1]!, /fix it first\. Nothing was read from the cloud\.$/);
    assert.equal(vc.requests.length + hw.requests.length, requests);
    c.close(bad);
    c.deleteFile('contacts/bad.yaml');
  });

  test('cancelling an apply stops before the remaining writes; the next apply converges', async () => {
    for (let i = 1; i <= 8; i++) c.writeFile(`batch/c${i}.yaml`, contact(`batch-${i}`, vc.url));
    const folder = c.uri('batch');
    const plan = keep(await exec<PlanResult>(c, 'alertcfg.plan', { uris: [folder] }));
    assert.equal(plan.summary.create, 8);
    const before = vc.writes.length;
    // The first four writes (four at a time) are answered slowly; the cancel comes while they are under way.
    vc.script.push({ slowMs: 3000 }, { slowMs: 3000 }, { slowMs: 3000 }, { slowMs: 3000 });
    const cancel = new CancellationTokenSource();
    const listening = c.conn.onProgress(WorkDoneProgress.type, 'apply-2', (e) => {
      if (e.kind === 'report') cancel.cancel();
    });
    const result = keep(await c.request<ApplyResult>('workspace/executeCommand', { command: 'alertcfg.apply', arguments: [{ uris: [folder], planId: plan.planId }], workDoneToken: 'apply-2' }, cancel));
    listening.dispose();
    assert.deepEqual(result.summary, { done: 4, failed: 0, cancelled: 4 }, result.text);
    assert.equal(vc.writes.length - before, 4, 'nothing was sent after the cancel');
    assert.match(result.text, /^cancelled create Contact "batch-\d" \(batch\/c\d\.yaml:1\)$/m);
    const rest = keep(await exec<ApplyResult>(c, 'alertcfg.apply', { uris: [folder] }));
    assert.deepEqual(rest.summary, { done: 4, failed: 0, cancelled: 0 });
    assert.equal(vc.writes.length - before, 8);
    const last = keep(await exec<PlanResult>(c, 'alertcfg.plan', { uris: [folder] }));
    assert.deepEqual(last.summary, { create: 0, update: 0, delete: 0, noop: 8, unmanaged: 1 });
  });

  test('import answers files that validate clean, keeps an existing file, names the secrets; planning them finds nothing to change', async () => {
    mkdirSync(c.path('imported'), { recursive: true });
    writeFileSync(c.path('imported/batch-1.yaml'), '# mine\n');
    const r = keep(await exec<ImportResult>(c, 'alertcfg.import', { kind: 'Contact', region: 'cn-beijing', endpoint: vc.url, nameGlob: 'batch-*', folder: c.uri('imported') }));
    assert.equal(r.ok, true, JSON.stringify(r.problems));
    assert.equal(r.files.length, 8);
    assert.deepEqual(r.files.filter((f) => f.exists).map((f) => f.uri), [c.uri('imported/batch-1.yaml')]);
    assert.match(r.summary, /^Imported 8 of 9 Contact resources of cn-beijing \(127\.0\.0\.1:\d+\) \(\d+ list requests\): 7 new, 1 kept/);
    for (const f of r.files) assert.deepEqual(validateText(f.text).findings.map((x) => x.code), [], f.text);
    assert.ok(r.secrets.some((s) => s.name === 'batch-2-dingtalk-secret' && s.reference === '${secret:batch-2-dingtalk-secret}' && s.uri === c.uri('imported/batch-2.yaml')), JSON.stringify(r.secrets));
    assert.ok(!r.secrets.some((s) => s.uri === c.uri('imported/batch-1.yaml')), 'no secret to store for a file kept');
    for (const f of r.files.filter((x) => !x.exists)) writeFileSync(new URL(f.uri), f.text);
    const plan = keep(await exec<PlanResult>(c, 'alertcfg.plan', { uris: [c.uri('imported/batch-2.yaml'), c.uri('imported/batch-3.yaml')] }));
    assert.deepEqual(plan.summary, { create: 0, update: 0, delete: 0, noop: 2, unmanaged: 7 });
  });
});

describe('GitOps sync refused, and in Simplified Chinese', () => {
  test('an untrusted workspace: plan, apply and import refuse with a sentence, and nothing is sent', async () => {
    const vc = await startVolcengine({ accessKeyId: VOLC_AK, secretAccessKey: VOLC_SK });
    const c = await syncClient({ 'ops.yaml': contact('ops', vc.url) }, { trusted: false });
    try {
      const plan = await exec<PlanResult>(c, 'alertcfg.plan', {});
      assert.equal(plan.ok, false);
      assert.match(plan.problems[0]!, /disabled in an untrusted workspace/);
      const apply = await exec<ApplyResult>(c, 'alertcfg.apply', {});
      assert.match(apply.plan.problems[0]!, /disabled in an untrusted workspace/);
      assert.equal(apply.writes, 0);
      const imported = await exec<ImportResult>(c, 'alertcfg.import', { kind: 'Contact', region: 'cn-beijing', endpoint: vc.url, folder: c.uri('') });
      assert.match(imported.problems[0]!, /disabled in an untrusted workspace/);
      assert.equal(vc.requests.length, 0);
    } finally {
      await c.shutdown();
      await vc.close();
    }
  });

  test('CodeLens states follow the client locale', async () => {
    const vc = await startVolcengine({ accessKeyId: VOLC_AK, secretAccessKey: VOLC_SK });
    vc.addContact({ Name: 'same', Email: 'same@example.com' });
    vc.addContact({ Name: 'drift', Email: 'old@example.com' });
    const simple = (name: string) => lines('apiVersion: alertcfg/v1', 'kind: Contact', 'metadata:', `  name: ${name}`, 'target:', '  region: cn-beijing', `  endpoint: ${vc.url}`, 'spec:', `  Name: ${name}`, `  Email: ${name}@example.com`);
    const c = await syncClient({}, { locale: 'zh-cn' });
    try {
      const text = [simple('same'), simple('drift'), simple('fresh')].join('---\n');
      c.writeFile('all.yaml', text);
      const uri = c.open('all.yaml', text);
      await exec<PlanResult>(c, 'alertcfg.plan', {});
      const titles = (await lensTitles(c, uri)).filter((t) => /已同步|将/.test(t));
      assert.deepEqual(titles, ['0:已同步', '11:将更新：Email', '22:将创建']);
    } finally {
      await c.shutdown();
      await vc.close();
    }
  });
});
