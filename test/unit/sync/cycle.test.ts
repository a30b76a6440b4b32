/**
 * The sync cycle against the stateful stand-ins, in process: create → noop →
 * drift (changed in the stand-in, as in the console) → update → converge, for
 * Volcengine contacts and CTS notifications, counting the writes each stand-in
 * received: a second apply sends none.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { planSync } from '../../../server/src/engine/sync/plan';
import { applySync } from '../../../server/src/engine/sync/apply';
import { startVolcengine } from '../../standins/volcengine';
import { startHuawei } from '../../standins/huawei';
import { CREDENTIALS, HW_AK, HW_SK, PROJECT, VOLC_AK, VOLC_SK, actions, contactYaml, context, desired, keep, notificationYaml, runtime } from './helpers';

const DT_SECRET = 'SECsyncCycleDingTalk01';
const WEBHOOK_TOKEN = 'syncCycleWebhookToken02';
const ENV = { ...CREDENTIALS, ALERTCFG_SECRET_OPS_DT: DT_SECRET, ALERTCFG_SECRET_OPS_HOOK: WEBHOOK_TOKEN };

describe('Contact: create → noop → drift → update → converge', () => {
  test('each step plans what the stand-in holds, and a second apply sends no write', async () => {
    const vc = await keep(startVolcengine({ accessKeyId: VOLC_AK, secretAccessKey: VOLC_SK }));
    const files = {
      'ops.yaml': contactYaml('ops', vc.url, ['Email: ops@example.com', 'DingTalkBotWebhook:', '  Address: https://oapi.dingtalk.com/robot/send?access_token=abc123', '  SecretKey: ${secret:ops-dt}', '  AtMobiles: ["13800000000", "13900000000"]', 'Webhook:', '  Address: https://hooks.example.com/alert', '  Token: ${secret:ops-hook}']),
      'dev.yaml': contactYaml('dev', vc.url, ['Email: dev@example.com']),
    };
    const ctx = context(ENV);
    const first = await planSync(desired(files), ctx, runtime());
    assert.deepEqual(first.changes.map((c) => `${c.action} ${c.name}`), ['create ops', 'create dev']);
    assert.deepEqual(first.summary, { create: 2, update: 0, delete: 0, noop: 0, unmanaged: 0 });
    const applied = await applySync(first, ctx, runtime());
    assert.deepEqual(applied.summary, { done: 2, failed: 0, cancelled: 0 });
    assert.equal(vc.writes.length, 2);
    assert.deepEqual(vc.contacts.get('ops')!.body['DingTalkBotWebhook'], { Address: 'https://oapi.dingtalk.com/robot/send?access_token=abc123', SecretKey: DT_SECRET, AtMobiles: ['13800000000', '13900000000'] });

    const rt = runtime();
    const second = await planSync(desired(files), ctx, rt);
    assert.deepEqual(second.changes.map((c) => `${c.action} ${c.name}`), ['noop ops', 'noop dev']);
    assert.deepEqual(actions(rt), ['ListContacts'], 'one list call for the scope, nothing per resource');
    const again = await applySync(second, ctx, runtime());
    assert.equal(again.writes, 0);
    assert.equal(vc.writes.length, 2, 'a second apply sends no write');

    // Drift in the console: the e-mail, the At-list (order alone is no drift), the secret.
    const ops = vc.contacts.get('ops')!.body;
    ops['Email'] = 'someone@example.com';
    (ops['DingTalkBotWebhook'] as Record<string, unknown>)['AtMobiles'] = ['13900000000', '13800000000', '13700000000'];
    (ops['Webhook'] as Record<string, unknown>)['Token'] = 'changedInTheConsole99';
    const drift = await planSync(desired(files), ctx, runtime());
    const update = drift.changes.find((c) => c.name === 'ops')!;
    assert.equal(update.action, 'update');
    assert.deepEqual(update.fields, [
      { path: 'Email', live: 'someone@example.com', desired: 'ops@example.com' },
      { path: 'Webhook.Token', live: 'cha****99', desired: 'syn****02' },
      { path: 'DingTalkBotWebhook.AtMobiles', live: ['13900000000', '13800000000', '13700000000'], desired: ['13800000000', '13900000000'] },
    ]);
    const fixed = await applySync(drift, ctx, runtime());
    assert.deepEqual(fixed.summary, { done: 1, failed: 0, cancelled: 0 });
    const sent = vc.writes.at(-1)!;
    assert.equal(sent.action, 'UpdateContact');
    // UpdateContact replaces the channels: all four go, the absent ones with an empty Address.
    assert.deepEqual(sent.body, {
      Id: vc.contacts.get('ops')!.id,
      Name: 'ops',
      Email: 'ops@example.com',
      Webhook: { Address: 'https://hooks.example.com/alert', Token: WEBHOOK_TOKEN },
      LarkBotWebhook: { Address: '', SecretKey: '' },
      DingTalkBotWebhook: { Address: 'https://oapi.dingtalk.com/robot/send?access_token=abc123', SecretKey: DT_SECRET, AtMobiles: ['13800000000', '13900000000'], AtUserIds: [] },
      WeComBotWebhook: { Address: '', AtUserIds: [] },
    });
    const converged = await planSync(desired(files), ctx, runtime());
    assert.deepEqual(converged.summary, { create: 0, update: 0, delete: 0, noop: 2, unmanaged: 0 });
    assert.equal((await applySync(converged, ctx, runtime())).writes, 0);
    assert.equal(vc.writes.length, 3);
  });
});

describe('KeyOperationNotification: create → noop → drift → update → converge', () => {
  test('a full PUT with notification_id and status; a disabled one is created, then set so', async () => {
    const hw = await keep(startHuawei({ projectId: PROJECT, aksk: { ak: HW_AK, sk: HW_SK } }));
    const files = {
      'watch.yaml': notificationYaml('watch_ecs', hw.url),
      'quiet.yaml': notificationYaml('quiet_ecs', hw.url, ['operation_type: complete', 'status: disabled', `topic_id: urn:smn:cn-north-4:${PROJECT}:alerts`]),
    };
    const ctx = context();
    const first = await planSync(desired(files), ctx, runtime());
    assert.deepEqual(first.changes.map((c) => `${c.action} ${c.name}`), ['create watch_ecs', 'create quiet_ecs']);
    const rt = runtime({});
    const applied = await applySync(first, ctx, rt);
    assert.deepEqual(applied.summary, { done: 2, failed: 0, cancelled: 0 });
    const quiet = hw.notifications.find((n) => n['notification_name'] === 'quiet_ecs')!;
    assert.equal(quiet['status'], 'disabled');
    assert.deepEqual(hw.writes.map((w) => `${w.method} ${w.verdict}`).sort(), ['POST ok', 'POST ok', 'PUT ok']);
    const put = hw.writes.find((w) => w.method === 'PUT')!;
    assert.equal((put.body as Record<string, unknown>)['status'], 'disabled');
    const post = hw.writes.find((w) => w.method === 'POST' && (w.body as Record<string, unknown>)['notification_name'] === 'quiet_ecs')!;
    assert.equal((post.body as Record<string, unknown>)['status'], undefined, 'the create body has no status');

    const listed = runtime();
    const second = await planSync(desired(files), ctx, listed);
    assert.deepEqual(second.summary, { create: 0, update: 0, delete: 0, noop: 2, unmanaged: 0 });
    assert.deepEqual(actions(listed), [`GET /v3/${PROJECT}/notifications/smn`, `GET /v3/${PROJECT}/notifications/fun`]);
    assert.equal((await applySync(second, ctx, runtime())).writes, 0);

    // Drift: an operation's trace names, in another order and one more (a set), and a filter added in the console.
    const watch = hw.notifications.find((n) => n['notification_name'] === 'watch_ecs')!;
    watch['operations'] = [{ service_type: 'ECS', resource_type: 'ecs', trace_names: ['deleteServer', 'createServer', 'rebootServer'] }];
    watch['filter'] = { condition: 'OR', is_support_filter: true, rule: ['code = 400'] };
    const drift = await planSync(desired(files), ctx, runtime());
    const update = drift.changes.find((c) => c.name === 'watch_ecs')!;
    assert.deepEqual(update.fields, [
      { path: 'operations[ECS/ecs].trace_names', live: ['deleteServer', 'createServer', 'rebootServer'], desired: ['createServer', 'deleteServer'] },
      { path: 'filter', live: { condition: 'OR', is_support_filter: true, rule: ['code = 400'] } },
    ]);
    const before = hw.writes.length;
    assert.deepEqual((await applySync(drift, ctx, runtime())).summary, { done: 1, failed: 0, cancelled: 0 });
    const body = hw.writes[before]!.body as Record<string, unknown>;
    assert.equal(body['notification_id'], watch['notification_id']);
    assert.equal(body['status'], 'enabled');
    assert.equal(body['filter'], undefined);
    const converged = await planSync(desired(files), ctx, runtime());
    assert.deepEqual(converged.summary, { create: 0, update: 0, delete: 0, noop: 2, unmanaged: 0 });
  });
});

describe('secrets as the stand-in returns them', () => {
  for (const secrets of ['plain', 'masked', 'omitted'] as const) {
    test(`secrets ${secrets}: ${secrets === 'plain' ? 'a changed SecretKey is an update, printed masked' : 'not readable, never a change; sent again with an update'}`, async () => {
      const vc = await keep(startVolcengine({ accessKeyId: VOLC_AK, secretAccessKey: VOLC_SK, secrets }));
      vc.addContact({ Name: 'ops', Email: 'ops@example.com', DingTalkBotWebhook: { Address: 'https://oapi.dingtalk.com/robot/send?access_token=abc123', SecretKey: 'SEColdConsoleSecret00' } });
      const files = { 'ops.yaml': contactYaml('ops', vc.url, ['Email: ops@example.com', 'DingTalkBotWebhook:', '  Address: https://oapi.dingtalk.com/robot/send?access_token=abc123', '  SecretKey: ${secret:ops-dt}']) };
      const ctx = context(ENV);
      const plan = await planSync(desired(files), ctx, runtime());
      const [c] = plan.changes;
      if (secrets === 'plain') {
        assert.equal(c!.action, 'update');
        assert.deepEqual(c!.fields, [{ path: 'DingTalkBotWebhook.SecretKey', live: 'SEC****00', desired: 'SEC****01' }]);
        assert.doesNotMatch(JSON.stringify(plan.changes), /SEColdConsoleSecret00|SECsyncCycleDingTalk01/);
        return;
      }
      assert.equal(c!.action, 'noop');
      assert.deepEqual(c!.secrets, [{ path: 'DingTalkBotWebhook.SecretKey', state: 'unreadable' }]);
      assert.equal((await applySync(plan, ctx, runtime())).writes, 0);
      // Another field changes: the update carries the repository's secret again.
      vc.contacts.get('ops')!.body['Email'] = 'console@example.com';
      const drift = await planSync(desired(files), ctx, runtime());
      assert.deepEqual(drift.changes[0]!.fields.map((f) => f.path), ['Email']);
      await applySync(drift, ctx, runtime());
      assert.equal((vc.writes.at(-1)!.body as { DingTalkBotWebhook: { SecretKey: string } }).DingTalkBotWebhook.SecretKey, DT_SECRET);
    });
  }
});
