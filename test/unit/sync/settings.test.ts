/**
 * `sync.prune` in the one settings definition: globs per synced kind, merged kind
 * by kind over the layers; an unknown kind, or a glob that is not a string, is an
 * error of `.alertcfg.yaml` (the valid rest still applies); a client's settings
 * keep only the synced kinds' lists of strings.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SYNC_KINDS, mergeSettings } from '../../../server/src/engine/config/settings';
import { parseConfigFile } from '../../../server/src/engine/config/config-file';
import { sanitize } from '../../../server/src/lsp/configuration';

test('the synced kinds are Contact and KeyOperationNotification; layers merge their globs kind by kind', () => {
  assert.deepEqual(SYNC_KINDS, ['Contact', 'KeyOperationNotification']);
  assert.deepEqual(mergeSettings().sync, { prune: {} });
  const merged = mergeSettings({ sync: { prune: { Contact: ['a-*'] } } }, { sync: { prune: { KeyOperationNotification: ['b_*'] } } });
  assert.deepEqual(merged.sync.prune, { Contact: ['a-*'], KeyOperationNotification: ['b_*'] });
  assert.deepEqual(mergeSettings().sync, { prune: {} }, 'the defaults are not changed by a merge');
});

test('.alertcfg.yaml: valid globs pass; an unknown kind is an error with "did you mean"; a string instead of a list is an error', () => {
  const ok = parseConfigFile('sync:\n  prune:\n    Contact: ["team-a-*"]\n    KeyOperationNotification: ["gitops_*"]\n');
  assert.deepEqual(ok.findings, []);
  assert.deepEqual(ok.settings.sync, { prune: { Contact: ['team-a-*'], KeyOperationNotification: ['gitops_*'] } });
  const bad = parseConfigFile('sync:\n  prune:\n    EventReport: ["x"]\n    Contacts: ["y"]\n');
  assert.deepEqual(bad.findings.map((f) => `${f.severity} ${f.code} ${f.message}`), [
    'error unknown-property Unknown property "EventReport". Known properties: Contact, KeyOperationNotification.',
    'error unknown-property Unknown property "Contacts". Did you mean "Contact"?',
  ]);
  const shape = parseConfigFile('sync:\n  prune:\n    Contact: "team-a-*"\n');
  assert.deepEqual(shape.findings.map((f) => `${f.severity} ${f.code}`), ['error invalid-type']);
});

test('a client\'s sync.prune keeps the synced kinds\' lists of strings only', () => {
  assert.deepEqual(sanitize({ sync: { prune: { Contact: ['a-*'], EventReport: ['x'], KeyOperationNotification: 'y', Other: [1] } } }).sync, { prune: { Contact: ['a-*'] } });
  assert.equal(sanitize({ sync: 'x' }).sync, undefined);
});
