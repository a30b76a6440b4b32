/**
 * Prune is opt-in and scoped: nothing is deleted unless `--prune` is given and the
 * name matches a `sync.prune` glob of the kind; without a glob, `--prune` deletes
 * nothing and the plan says why; the plan lists every delete; a kind with globs is
 * read in its default scope too, so that removing its last resource still deletes it.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { planSync } from '../../../server/src/engine/sync/plan';
import { applySync } from '../../../server/src/engine/sync/apply';
import { planText } from '../../../server/src/engine/sync/present/text';
import { startVolcengine } from '../../standins/volcengine';
import { CREDENTIALS, VOLC_AK, VOLC_SK, contactYaml, context, desired, keep, runtime } from './helpers';

async function account() {
  const vc = await keep(startVolcengine({ accessKeyId: VOLC_AK, secretAccessKey: VOLC_SK }));
  for (const n of ['team-a-old', 'team-a-older', 'team-b-x', 'console-made']) vc.addContact({ Name: n });
  return vc;
}

describe('prune', () => {
  test('without --prune: live resources the repository lacks are unmanaged, whatever the globs', async () => {
    const vc = await account();
    const ctx = context(CREDENTIALS, { sync: { prune: { Contact: ['team-a-*'] } } });
    const plan = await planSync(desired({ 'k.yaml': contactYaml('kept', vc.url) }), ctx, runtime());
    assert.deepEqual(plan.changes.map((c) => `${c.action} ${c.name}`), ['create kept', 'unmanaged console-made', 'unmanaged team-a-old', 'unmanaged team-a-older', 'unmanaged team-b-x']);
    assert.deepEqual(plan.notes, []);
  });

  test('--prune with a glob: only the matching names are deleted; the others say why they are kept', async () => {
    const vc = await account();
    const ctx = context(CREDENTIALS, { sync: { prune: { Contact: ['team-a-*'] } } });
    const plan = await planSync(desired({ 'k.yaml': contactYaml('kept', vc.url) }), ctx, runtime(), { prune: true });
    assert.deepEqual(plan.changes.map((c) => `${c.action} ${c.name}`), ['create kept', 'unmanaged console-made', 'delete team-a-old', 'delete team-a-older', 'unmanaged team-b-x']);
    assert.deepEqual(plan.changes.find((c) => c.name === 'team-b-x')!.notes, ['kept: matches no sync.prune glob for Contact (team-a-*)']);
    assert.match(planText(plan), /^ {2}- delete {4}team-a-old {2}\(not in the repository\)$/m);
    const r = await applySync(plan, ctx, runtime());
    assert.deepEqual(r.summary, { done: 3, failed: 0, cancelled: 0 });
    assert.deepEqual([...vc.contacts.keys()].sort(), ['console-made', 'kept', 'team-b-x']);
  });

  test('--prune without a glob for the kind deletes nothing and says why', async () => {
    const vc = await account();
    const ctx = context(CREDENTIALS, { sync: { prune: { KeyOperationNotification: ['gitops_*'] } } });
    const plan = await planSync(desired({ 'k.yaml': contactYaml('kept', vc.url) }), ctx, runtime(), { prune: true });
    assert.equal(plan.summary.delete, 0);
    assert.equal(plan.summary.unmanaged, 4);
    assert.deepEqual(plan.notes, ['--prune deletes nothing of Contact: the configuration has no sync.prune globs for it (in .alertcfg.yaml: sync: {prune: {Contact: ["<glob>"]}}).']);
    assert.ok(plan.changes.filter((c) => c.action === 'unmanaged').every((c) => c.notes[0] === 'kept: no sync.prune glob for Contact'));
    await applySync(plan, ctx, runtime());
    assert.equal(vc.contacts.size, 5);
  });

  test('the last resource removed from the repository: the default scope is read, and its glob still deletes', async () => {
    const vc = await account();
    const ctx = context(CREDENTIALS, { defaults: { region: 'cn-beijing' }, sync: { prune: { Contact: ['team-*'] } } });
    // The default scope is defaults.region at the vendor's public endpoint: answered here without the network.
    const withNone = await planSync([], ctx, runtime({ executor: async (request) => {
      assert.match(request.request.url, /^https:\/\/open\.volcengineapi\.com\/\?Action=ListContacts/);
      return { report: { label: 'list', success: true, connected: true, attempts: [], host: 'h' }, answer: { status: 200, headers: {}, body: JSON.stringify({ Result: { Total: 2, Items: [{ Id: '1', Name: 'team-z' }, { Id: '2', Name: 'other' }] } }) } };
    } }), { prune: true });
    assert.deepEqual(withNone.changes.map((c) => `${c.action} ${c.name}`), ['unmanaged other', 'delete team-z']);
    const without = await planSync([], ctx, runtime({ executor: async () => assert.fail('no scope is read without --prune') }));
    assert.deepEqual(without.changes, []);
    assert.equal(vc.requests.length, 0);
  });
});
