/**
 * Live state is read in one paginated sweep per scope, never one call per
 * resource: the page boundaries (a server capping the page at 3 with 0, 3, 4 and
 * 7 contacts), `Total` trusted over the page size asked for, 1,000 contacts in 10
 * list calls, and a server without `Total` (a short page ends the sweep).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { planSync } from '../../../server/src/engine/sync/plan';
import { startVolcengine } from '../../standins/volcengine';
import { VOLC_AK, VOLC_SK, actions, contactYaml, context, desired, keep, runtime } from './helpers';
import type { Executor } from '../../../server/src/engine/sync/types';

async function listedWith(count: number, maxPageSize?: number) {
  const vc = await keep(startVolcengine({ accessKeyId: VOLC_AK, secretAccessKey: VOLC_SK, ...(maxPageSize ? { maxPageSize } : {}) }));
  for (let i = 0; i < count; i++) vc.addContact({ Name: `c${String(i).padStart(4, '0')}`, Email: `c${i}@example.com` });
  const rt = runtime();
  // One resource of the repository puts the scope in the plan; the others are unmanaged.
  const plan = await planSync(desired({ 'a.yaml': contactYaml('c0000', vc.url, ['Email: c0@example.com']) }), context(), rt);
  return { plan, rt, vc };
}

describe('ListContacts pagination', () => {
  for (const [count, calls] of [[0, 1], [3, 1], [4, 2], [7, 3]] as const) {
    test(`a server capping the page at 3, with ${count} contacts: ${calls} list call(s), every contact seen once`, async () => {
      const { plan, rt } = await listedWith(count, 3);
      assert.deepEqual(actions(rt), Array(calls).fill('ListContacts'));
      assert.equal(plan.reads, calls);
      assert.equal(plan.changes.length, Math.max(1, count));
      assert.deepEqual(plan.summary, count ? { create: 0, update: 0, delete: 0, noop: 1, unmanaged: count - 1 } : { create: 1, update: 0, delete: 0, noop: 0, unmanaged: 0 });
      // Pages asked in order, 100 at a time (the server answered 3).
      assert.deepEqual(rt.sent.map((r) => JSON.parse(r.request.body!)), Array.from({ length: calls }, (_, i) => ({ PageNumber: i + 1, PageSize: 100 })));
    });
  }

  test('1,000 contacts at 100 a page: 10 list calls', async () => {
    const { plan, rt } = await listedWith(1000);
    assert.equal(rt.sent.length, 10);
    assert.equal(plan.reads, 10);
    assert.equal(plan.summary.unmanaged, 999);
  });

  test('an answer without Total: a full page asks for the next, a short one ends the sweep', async () => {
    const pages = [100, 100, 7];
    let n = 0;
    const executor: Executor = async () => {
      const items = Array.from({ length: pages[n++] ?? 0 }, (_, i) => ({ Id: `id-${n}-${i}`, Name: `x-${n}-${i}` }));
      return { report: { label: 'list', success: true, connected: true, attempts: [], host: 'h' }, answer: { status: 200, headers: {}, body: JSON.stringify({ ResponseMetadata: {}, Result: { Items: items } }) } };
    };
    const rt = runtime({ executor });
    const plan = await planSync(desired({ 'a.yaml': contactYaml('a', 'http://127.0.0.1:9') }), context(), rt);
    assert.equal(rt.sent.length, 3);
    assert.equal(plan.summary.unmanaged, 207);
  });
});
