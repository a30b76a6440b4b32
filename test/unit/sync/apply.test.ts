/**
 * Applying: a failure on one resource does not stop the others and a rerun
 * converges; Conflict.Name and CTS.0400 during apply are reported with advice; a
 * 429 with Retry-After on a write is waited for (every writer waits) and sent
 * again; at most `concurrency` writes are in flight; deletes go in the vendor's
 * batches; a reference not set stops only its resource; cancellation stops
 * between requests; progress is reported.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { planSync } from '../../../server/src/engine/sync/plan';
import { applySync, type ApplyProgress } from '../../../server/src/engine/sync/apply';
import type { Executor } from '../../../server/src/engine/sync/types';
import { deliveryExecutor } from '../../../server/src/delivery/sync-executor';
import { startVolcengine } from '../../standins/volcengine';
import { startHuawei } from '../../standins/huawei';
import { CREDENTIALS, HW_AK, HW_SK, PROJECT, VOLC_AK, VOLC_SK, contactYaml, context, desired, keep, notificationYaml, runtime } from './helpers';

const many = (url: string, n: number, prefix = 'c') => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}.yaml`, contactYaml(`${prefix}${i}`, url, [`Email: ${prefix}${i}@example.com`])]));

describe('apply', () => {
  test('one failure does not stop the others; the report says what failed and why; a rerun converges', async () => {
    let refuse = true;
    const vc = await keep(startVolcengine({ accessKeyId: VOLC_AK, secretAccessKey: VOLC_SK, failWhen: (action, body) => (refuse && action === 'CreateContact' && body['Name'] === 'c2' ? { status: 400, code: 'InvalidParameter.Email', message: 'The specified parameter Email is invalid.' } : undefined) }));
    const files = many(vc.url, 5);
    const ctx = context();
    const first = await applySync(await planSync(desired(files), ctx, runtime()), ctx, runtime());
    assert.deepEqual(first.summary, { done: 4, failed: 1, cancelled: 0 });
    const failed = first.outcomes.find((o) => o.status === 'failed')!;
    assert.equal(failed.name, 'c2');
    assert.equal(failed.reason, 'InvalidParameter.Email: The specified parameter Email is invalid.');
    assert.match(failed.advice!, /A parameter is invalid \(Email\)/);
    assert.deepEqual(first.outcomes.map((o) => o.name), ['c0', 'c1', 'c2', 'c3', 'c4'], 'in the plan\'s order');
    refuse = false;
    const plan = await planSync(desired(files), ctx, runtime());
    assert.deepEqual(plan.changes.filter((c) => c.action !== 'noop').map((c) => `${c.action} ${c.name}`), ['create c2']);
    const second = await applySync(plan, ctx, runtime());
    assert.deepEqual(second.summary, { done: 1, failed: 0, cancelled: 0 });
    assert.equal(vc.contacts.size, 5);
  });

  test('Conflict.Name and CTS.0400 during apply (made in the meantime): advice, and a note that the next apply updates it', async () => {
    const vc = await keep(startVolcengine({ accessKeyId: VOLC_AK, secretAccessKey: VOLC_SK }));
    const hw = await keep(startHuawei({ projectId: PROJECT, aksk: { ak: HW_AK, sk: HW_SK } }));
    const files = { 'a.yaml': contactYaml('raced', vc.url), 'n.yaml': notificationYaml('raced_n', hw.url) };
    const ctx = context();
    const plan = await planSync(desired(files), ctx, runtime());
    vc.addContact({ Name: 'raced' });
    hw.addNotification({ notification_name: 'raced_n', operation_type: 'complete' });
    const r = await applySync(plan, ctx, runtime());
    const [contact, notification] = r.outcomes;
    assert.match(contact!.reason!, /^Conflict\.Name: /);
    assert.match(contact!.advice!, /A contact with this Name already exists/);
    assert.match(notification!.reason!, /^CTS\.0400: NotificationV3 name is existed already/);
    assert.match(notification!.advice!, /already exists in the project/);
    for (const o of r.outcomes) assert.deepEqual(o.notes, ['The name exists in the cloud now: the next apply updates it instead.']);
    const next = await planSync(desired(files), ctx, runtime());
    // The contact made in the meantime is the one wanted; the notification differs (complete, no topic).
    assert.deepEqual(next.changes.map((c) => c.action), ['noop', 'update']);
  });

  test('a 429 with Retry-After on a write: waited for (capped) and sent again, once; every writer waits', async () => {
    let limited = 0;
    const vc = await keep(startVolcengine({ accessKeyId: VOLC_AK, secretAccessKey: VOLC_SK, failWhen: (action, body) => (action === 'CreateContact' && body['Name'] === 'c1' && limited++ === 0 ? { status: 429, body: { ResponseMetadata: { Error: { Code: 'FlowLimitExceeded', Message: 'too many requests' } } }, headers: { 'Retry-After': '7' } } : undefined) }));
    const ctx = context();
    const rt = runtime();
    const r = await applySync(await planSync(desired(many(vc.url, 3)), ctx, runtime()), ctx, rt);
    assert.deepEqual(r.summary, { done: 3, failed: 0, cancelled: 0 });
    assert.deepEqual(rt.waits, [7000]);
    assert.equal(r.writes, 4);
    assert.equal(vc.writes.filter((w) => (w.body as { Name: string }).Name === 'c1').length, 2);
    assert.equal(vc.contacts.size, 3);
    const capped = runtime();
    limited = 0;
    vc.contactsById.clear();
    const plan = await planSync(desired(many(vc.url, 3)), ctx, runtime());
    await applySync(plan, ctx, capped, { maxWaitMs: 2000 });
    assert.deepEqual(capped.waits, [2000]);
  });

  test('any other answer is final: a 503 on an update is not sent again', async () => {
    const vc = await keep(startVolcengine({ accessKeyId: VOLC_AK, secretAccessKey: VOLC_SK, failWhen: (action) => (action === 'UpdateContact' ? { status: 503, body: 'busy' } : undefined) }));
    vc.addContact({ Name: 'c0', Email: 'old@example.com' });
    const ctx = context();
    const r = await applySync(await planSync(desired(many(vc.url, 1)), ctx, runtime()), ctx, runtime());
    assert.equal(r.summary.failed, 1);
    assert.equal(r.writes, 1);
    assert.equal(vc.writes.length, 1);
  });

  test('concurrency: at most 4 writes in flight by default, 1 when asked; progress counts to the total', async () => {
    const vc = await keep(startVolcengine({ accessKeyId: VOLC_AK, secretAccessKey: VOLC_SK }));
    const ctx = context();
    for (const [concurrency, most] of [[undefined, 4], [1, 1]] as const) {
      vc.contactsById.clear();
      const inner = deliveryExecutor({ timeoutMs: 5000, env: {} });
      let inFlight = 0;
      let peak = 0;
      const executor: Executor = async (request, masker) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        try {
          return await inner(request, masker);
        } finally {
          inFlight--;
        }
      };
      const progress: ApplyProgress[] = [];
      const plan = await planSync(desired(many(vc.url, 10)), ctx, runtime());
      const r = await applySync(plan, ctx, runtime({ executor }), { ...(concurrency ? { concurrency } : {}), onProgress: (p) => progress.push(p) });
      assert.equal(r.summary.done, 10);
      assert.equal(peak, most);
      assert.equal(progress.at(-1)!.done, 10);
      assert.ok(progress.every((p) => p.total === 10));
      assert.equal(progress.filter((p) => p.current).length, 10);
      assert.match(progress.find((p) => p.current)!.current!, /^create Contact "c\d"$/);
    }
  });

  test('a reference not set stops its resource only, before anything is sent for it', async () => {
    const vc = await keep(startVolcengine({ accessKeyId: VOLC_AK, secretAccessKey: VOLC_SK }));
    const files = { ...many(vc.url, 2), 'x.yaml': contactYaml('x', vc.url, ['Webhook:', '  Address: https://h.example.com/x', '  Token: ${secret:x-token}']) };
    const ctx = context();
    const plan = await planSync(desired(files), ctx, runtime());
    assert.deepEqual(plan.changes.find((c) => c.name === 'x')!.secrets, [{ path: 'Webhook.Token', state: 'unset' }]);
    const r = await applySync(plan, ctx, runtime());
    assert.deepEqual(r.summary, { done: 2, failed: 1, cancelled: 0 });
    assert.match(r.outcomes.find((o) => o.name === 'x')!.reason!, /^not sent: \$\{secret:x-token\} is not set\./);
    assert.equal(vc.writes.length, 2);
  });

  test('cancellation: nothing more is sent once the signal is aborted', async () => {
    const vc = await keep(startVolcengine({ accessKeyId: VOLC_AK, secretAccessKey: VOLC_SK }));
    const ctx = context();
    const plan = await planSync(desired(many(vc.url, 6)), ctx, runtime());
    const abort = new AbortController();
    const r = await applySync(plan, ctx, runtime({ signal: abort.signal }), { concurrency: 1, onProgress: (p) => p.done === 2 && abort.abort() });
    assert.deepEqual(r.summary, { done: 2, failed: 0, cancelled: 4 });
    assert.equal(vc.writes.length, 2);
  });

  test('deletes go in batches: DeleteContacts 50 ids a request, NotFound.Ids counts as done; CTS DELETE a,b with 404 as done', async () => {
    const vc = await keep(startVolcengine({ accessKeyId: VOLC_AK, secretAccessKey: VOLC_SK }));
    for (let i = 0; i < 120; i++) vc.addContact({ Name: `team-a-${i}` });
    const ctx = context(CREDENTIALS, { sync: { prune: { Contact: ['team-a-*'], KeyOperationNotification: ['gitops_*'] } } });
    const plan = await planSync(desired({ 'keep.yaml': contactYaml('keep', vc.url) }), ctx, runtime(), { prune: true });
    assert.equal(plan.summary.delete, 120);
    // One of them is gone already when apply runs.
    vc.contacts.delete('team-a-7');
    const r = await applySync(plan, ctx, runtime());
    assert.deepEqual(r.summary, { done: 121, failed: 0, cancelled: 0 });
    assert.deepEqual(vc.writes.map((w) => `${w.action} ${(w.body as { Ids?: unknown[] }).Ids?.length ?? ''}`), ['CreateContact ', 'DeleteContacts 50', 'DeleteContacts 50', 'DeleteContacts 20']);
    assert.deepEqual([...vc.contacts.keys()], ['keep']);

    const hw = await keep(startHuawei({ projectId: PROJECT, aksk: { ak: HW_AK, sk: HW_SK } }));
    for (const n of ['gitops_a', 'gitops_b', 'manual']) hw.addNotification({ notification_name: n, operation_type: 'complete' });
    const cts = await planSync(desired({ 'w.yaml': notificationYaml('watch', hw.url) }), ctx, runtime(), { prune: true });
    assert.deepEqual(cts.changes.map((c) => `${c.action} ${c.name}`), ['create watch', 'delete gitops_a', 'delete gitops_b', 'unmanaged manual']);
    hw.notifications.splice(hw.notifications.findIndex((n) => n['notification_name'] === 'gitops_b'), 1);
    const done = await applySync(cts, ctx, runtime());
    assert.deepEqual(done.summary, { done: 3, failed: 0, cancelled: 0 });
    const del = hw.writes.find((w) => w.method === 'DELETE')!;
    assert.match(del.url, /\?notification_id=[\w-]+,[\w-]+$/);
    assert.match(del.verdict, /^CTS\.0404/);
    assert.deepEqual(hw.notifications.map((n) => n['notification_name']).sort(), ['manual', 'watch']);
  });
});
