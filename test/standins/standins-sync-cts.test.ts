/**
 * The Huawei CTS stand-in as a stateful fake for plan/apply/prune/import:
 * create, list by type, full-replace PUT and DELETE answer like CTS for a
 * request signed by the official SDK's AKSKSigner.sign() and refuse it with
 * one changed byte; the test hooks (state, write log, failWhen, script).
 */
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import type { StandIn } from './server';
import { startHuawei, type HuaweiOptions } from './huawei';
import { huaweiClient, send } from './sdk-clients';

const P = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const BASE = `/v3/${P}/notifications`;
const SMN = `urn:smn:cn-north-4:${P}:alerts`;
const FUN = `urn:fss:cn-north-4:${P}:function:default:notify`;

const opened: StandIn[] = [];
after(async () => {
  await Promise.all(opened.map((s) => s.close()));
});

async function fake(options: Partial<HuaweiOptions> = {}) {
  const hw = await startHuawei({ projectId: P, aksk: { ak: 'HWAK', sk: 'HWSK' }, token: 'iam-token', ...options });
  opened.push(hw);
  return { hw, api: huaweiClient(hw.url, 'HWAK', 'HWSK') };
}

const CUSTOM = {
  notification_name: 'keyOps_1',
  operation_type: 'customized',
  operations: [{ service_type: 'ECS', resource_type: 'ecs', trace_names: ['createServer', 'deleteServer'] }],
  notify_user_list: [{ user_group: 'devops', user_list: ['user1'] }],
  topic_id: SMN,
  agency_name: 'cts_admin_trust',
  filter: { condition: 'OR', is_support_filter: true, rule: ['code = 400'] },
};

describe('Huawei CTS stand-in: every operation is authenticated', () => {
  test('create, list, update, delete: signed → answered; one changed byte (body or query) → 401 APIG.0301 and no change', async () => {
    const { hw, api } = await fake();
    const create = api.sign('POST', BASE, {}, CUSTOM);
    assert.equal((await send({ ...create, body: create.body!.replace('keyOps_1', 'keyOps_2') })).json.error_code, 'APIG.0301');
    assert.equal(hw.notifications.length, 0);
    const created = await send(create);
    assert.equal(created.status, 201);
    const id = created.json.notification_id;

    const list = api.sign('GET', `${BASE}/smn`, { notification_name: 'keyOps_1' });
    assert.equal((await send({ ...list, url: list.url.replace('keyOps_1', 'keyOps_2') })).status, 401);
    assert.deepEqual((await send(list)).json.notifications.map((n: any) => n.notification_id), [id]);

    const put = api.sign('PUT', BASE, {}, { ...CUSTOM, notification_id: id, status: 'disabled' });
    const tamperedPut = await send({ ...put, body: put.body!.replace('disabled', 'enabled!') });
    assert.equal(tamperedPut.status, 401);
    assert.equal(hw.notifications[0]!['status'], 'enabled');
    assert.equal((await send(put)).status, 200);

    const del = api.sign('DELETE', BASE, { notification_id: id });
    assert.equal((await send({ ...del, url: del.url.replace(id, `${id}0`) })).status, 401);
    assert.equal(hw.notifications.length, 1);
    const deleted = await send(del);
    assert.equal(deleted.status, 204);
    assert.equal(deleted.text, '');
    assert.equal(hw.notifications.length, 0);
    assert.deepEqual(hw.writes.map((w) => `${w.method} ${w.verdict.split(' ')[0]}`), ['POST APIG.0301', 'POST ok', 'PUT APIG.0301', 'PUT ok', 'DELETE APIG.0301', 'DELETE ok']);
  });

  test('an IAM token works for the new routes; a wrong one → 401; another project → 403; another method → 404 APIGW.0101', async () => {
    const { hw } = await fake();
    const get = (path: string, token = 'iam-token') => send({ url: `${hw.url}${path}`, method: 'GET', headers: { 'X-Auth-Token': token } });
    assert.deepEqual((await get(`${BASE}/smn`)).json, { notifications: [] });
    assert.equal((await get(`${BASE}/smn`, 'iam-tokeN')).json.error_code, 'APIG.0301');
    assert.equal((await get(`/v3/other/notifications/smn`)).status, 403);
    const patch = await send({ url: `${hw.url}${BASE}`, method: 'PATCH', headers: { 'X-Auth-Token': 'iam-token' }, body: '{}' });
    assert.equal(patch.status, 404);
    assert.equal(patch.json.error_code, 'APIGW.0101');
  });
});

describe('Huawei CTS stand-in: list, update, delete', () => {
  test('list by type: urn:fss → fun, other or no topic → smn; exact name filter; another type → 400 CTS.0003', async () => {
    const { api } = await fake();
    await api.call('POST', BASE, {}, { ...CUSTOM });
    await api.call('POST', BASE, {}, { notification_name: 'to_function', operation_type: 'complete', topic_id: FUN });
    await api.call('POST', BASE, {}, { notification_name: 'no_topic', operation_type: 'complete' });
    const names = async (type: string, query: Record<string, string> = {}) => (await api.call('GET', `${BASE}/${type}`, query)).json.notifications.map((n: any) => n.notification_name);
    assert.deepEqual(await names('smn'), ['keyOps_1', 'no_topic']);
    assert.deepEqual(await names('fun'), ['to_function']);
    assert.deepEqual(await names('smn', { notification_name: 'keyOps_1' }), ['keyOps_1']);
    assert.deepEqual(await names('smn', { notification_name: 'keyOps' }), []);
    assert.deepEqual(await names('fun', { notification_name: 'keyOps_1' }), []);
    const full = (await api.call('GET', `${BASE}/smn`, { notification_name: 'keyOps_1' })).json.notifications[0];
    assert.deepEqual(Object.keys(full).sort(), [...Object.keys(CUSTOM), 'notification_id', 'notification_type', 'project_id', 'status', 'create_time'].sort());
    assert.equal(full.notification_type, 'smn');
    assert.equal(full.project_id, P);
    const bad = await api.call('GET', `${BASE}/sms`);
    assert.equal(bad.status, 400);
    assert.equal(bad.json.error_code, 'CTS.0003');
  });

  test('PUT is a full replace: omitted filter, users, operations, agency and topic are cleared; create_time kept; the type follows the topic', async () => {
    const { hw, api } = await fake();
    const created = (await api.call('POST', BASE, {}, CUSTOM)).json;
    const put = await api.call('PUT', BASE, {}, { notification_id: created.notification_id, notification_name: 'keyOps_1', operation_type: 'complete', status: 'disabled' });
    assert.equal(put.status, 200);
    assert.deepEqual(put.json, {
      notification_id: created.notification_id,
      notification_name: 'keyOps_1',
      operation_type: 'complete',
      status: 'disabled',
      notification_type: 'smn',
      project_id: P,
      create_time: created.create_time,
    });
    assert.deepEqual(hw.notifications[0], put.json);
    const toFun = await api.call('PUT', BASE, {}, { notification_id: created.notification_id, notification_name: 'renamed', operation_type: 'complete', status: 'enabled', topic_id: FUN });
    assert.equal(toFun.json.notification_type, 'fun');
    assert.deepEqual((await api.call('GET', `${BASE}/fun`)).json.notifications.map((n: any) => n.notification_name), ['renamed']);
    assert.deepEqual((await api.call('GET', `${BASE}/smn`)).json.notifications, []);
  });

  test('PUT: required fields and topic when enabled → 400 CTS.0003; unknown id → 404; a name another holds → 400 CTS.0400 (allowSameName lifts it)', async () => {
    const { hw, api } = await fake();
    const a = (await api.call('POST', BASE, {}, { notification_name: 'a', operation_type: 'complete', topic_id: SMN })).json;
    await api.call('POST', BASE, {}, { notification_name: 'b', operation_type: 'complete', topic_id: SMN });
    const full = { notification_id: a.notification_id, notification_name: 'a', operation_type: 'complete', status: 'enabled', topic_id: SMN };
    for (const key of ['notification_id', 'notification_name', 'operation_type', 'status', 'topic_id']) {
      const { [key]: _dropped, ...rest } = full as Record<string, unknown>;
      const r = await api.call('PUT', BASE, {}, rest);
      assert.equal(r.status, 400, key);
      assert.equal(r.json.error_code, 'CTS.0003', key);
    }
    const { topic_id: _t, ...disabledNoTopic } = { ...full, status: 'disabled' };
    assert.equal((await api.call('PUT', BASE, {}, disabledNoTopic)).status, 200);
    const unknown = await api.call('PUT', BASE, {}, { ...full, notification_id: '6d4a09bb-aa8e-40db-9e87-0d5e203823a8' });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.json.error_code, 'CTS.0404');
    assert.equal(typeof unknown.json.error_msg, 'string');
    const clash = await api.call('PUT', BASE, {}, { ...full, notification_name: 'b' });
    assert.equal(clash.status, 400);
    assert.deepEqual(clash.json, { error_code: 'CTS.0400', error_msg: 'NotificationV3 name is existed already' });
    assert.equal(hw.notifications[0]!['notification_name'], 'a');
    const lenient = await fake({ allowSameName: true });
    const x = (await lenient.api.call('POST', BASE, {}, { notification_name: 'x', operation_type: 'complete' })).json;
    await lenient.api.call('POST', BASE, {}, { notification_name: 'y', operation_type: 'complete' });
    assert.equal((await lenient.api.call('PUT', BASE, {}, { notification_id: x.notification_id, notification_name: 'y', operation_type: 'complete', status: 'disabled' })).status, 200);
  });

  test('DELETE: several ids with commas → 204; any unknown → 404 after deleting the known ones; no id → 400', async () => {
    const { hw, api } = await fake();
    const ids: string[] = [];
    for (const name of ['a', 'b', 'c']) ids.push((await api.call('POST', BASE, {}, { notification_name: name, operation_type: 'complete' })).json.notification_id);
    assert.equal((await api.call('DELETE', BASE, { notification_id: `${ids[0]},${ids[1]}` })).status, 204);
    assert.deepEqual(hw.notifications.map((n) => n['notification_name']), ['c']);
    const partly = await api.call('DELETE', BASE, { notification_id: `${ids[2]},${ids[0]}` });
    assert.equal(partly.status, 404);
    assert.equal(partly.json.error_code, 'CTS.0404');
    assert.equal(hw.notifications.length, 0);
    assert.equal((await api.call('DELETE', BASE, { notification_id: ids[2]! })).status, 404);
    const none = await api.call('DELETE', BASE);
    assert.equal(none.status, 400);
    assert.equal(none.json.error_code, 'CTS.0003');
  });
});

describe('Huawei CTS stand-in: test hooks', () => {
  test('drift through the state (edit, add, remove); writes exclude reads; failWhen; script behaviours', async () => {
    const { hw, api } = await fake({
      failWhen: (operation, body) =>
        operation === 'UpdateNotification' && (body as Record<string, unknown>)['notification_name'] === 'boom'
          ? { status: 500, code: 'CTS.0004', message: 'Failed to write data.' }
          : operation === 'ListNotifications' && (body as Record<string, unknown>)['notification_type'] === 'fun'
            ? { status: 503, body: 'Service Unavailable' }
            : undefined,
    });
    const a = (await api.call('POST', BASE, {}, { notification_name: 'a', operation_type: 'complete', topic_id: SMN })).json;
    hw.notifications[0]!['status'] = 'disabled';
    const made = hw.addNotification({ notification_name: 'console_made', operation_type: 'complete', status: 'disabled' });
    assert.equal(hw.notifications.length, 2);
    const listed = (await api.call('GET', `${BASE}/smn`)).json.notifications;
    assert.deepEqual(listed.map((n: any) => [n.notification_name, n.status]), [['a', 'disabled'], ['console_made', 'disabled']]);
    assert.equal(listed[1].notification_id, made['notification_id']);
    hw.notifications.splice(1, 1);
    assert.equal((await api.call('GET', `${BASE}/smn`)).json.notifications.length, 1);
    assert.equal(hw.writes.length, 1);

    const failed = await api.call('PUT', BASE, {}, { notification_id: a.notification_id, notification_name: 'boom', operation_type: 'complete', status: 'disabled' });
    assert.equal(failed.status, 500);
    assert.deepEqual(failed.json, { error_code: 'CTS.0004', error_msg: 'Failed to write data.' });
    assert.equal(hw.notifications[0]!['notification_name'], 'a');
    const raw = await api.call('GET', `${BASE}/fun`);
    assert.equal(raw.status, 503);
    assert.equal(raw.text, 'Service Unavailable');

    hw.script.push({ status: 429, body: { error_code: 'APIGW.0308', error_msg: 'throttled' }, headers: { 'Retry-After': '2' } }, 'reset');
    const limited = await api.call('DELETE', BASE, { notification_id: a.notification_id });
    assert.equal(limited.status, 429);
    assert.equal(limited.headers['retry-after'], '2');
    await assert.rejects(api.call('DELETE', BASE, { notification_id: a.notification_id }));
    assert.equal(hw.notifications.length, 1);
    assert.equal((await api.call('DELETE', BASE, { notification_id: a.notification_id })).status, 204);
    assert.deepEqual(hw.writes.map((w) => `${w.method} ${w.verdict.split(':')[0]}`), ['POST ok', 'PUT failWhen', 'DELETE scripted', 'DELETE scripted', 'DELETE ok']);
    assert.deepEqual(hw.writes[1]!.body, { notification_id: a.notification_id, notification_name: 'boom', operation_type: 'complete', status: 'disabled' });
  });
});
