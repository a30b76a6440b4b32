/**
 * What the extension's GitOps sync commands read from how they were invoked (the
 * palette, the explorer's selection, the editor, a CodeLens, a keybinding's args)
 * and the sentences they show around an apply: the question, and the summary.
 * Run against the `vscode` stand-in (l10n.t fills in the arguments as VS Code does
 * in English).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { REPO } from '../../lsp/harness';
import { installVscodeStub } from './vscode-stub';

type Words = typeof import('../../../client/src/sync-words');
let words: Words;
let uninstall: () => void;

before(() => {
  uninstall = installVscodeStub({ channel: {} as never, traceServer: undefined, folder: '/w' }, REPO);
  // Loaded once the stand-in answers `require('vscode')`.
  words = require('../../../client/src/sync-words') as Words;
});
after(() => uninstall());

const uri = (s: string) => ({ scheme: 'file', path: s.slice('file://'.length), toString: () => s });

test('the palette plans the workspace; the explorer its selection; the editor its file; a CodeLens one resource', () => {
  assert.deepEqual(words.syncArgsFrom([]), {});
  assert.deepEqual(words.syncArgsFrom([uri('file:///w/a.yaml'), [uri('file:///w/a.yaml'), uri('file:///w/team')]]), { uris: ['file:///w/a.yaml', 'file:///w/team'] });
  assert.deepEqual(words.syncArgsFrom([uri('file:///w/a.yaml')]), { uris: ['file:///w/a.yaml'] });
  assert.deepEqual(words.syncArgsFrom([{ uri: 'file:///w/a.yaml', documentIndex: 2 }]), { uris: ['file:///w/a.yaml'], documentIndex: 2 });
  assert.deepEqual(words.syncArgsFrom([{ uris: ['file:///w/team', 7], prune: true }]), { uris: ['file:///w/team'], prune: true });
  assert.deepEqual(words.syncArgsFrom(['nonsense']), {});
  assert.equal(words.folderFrom([uri('file:///w/team')])?.toString(), 'file:///w/team');
  assert.equal(words.folderFrom([]), undefined);
});

test('the question before an apply counts the creates, updates and deletes and names the hosts', () => {
  const summary = (create: number, update: number, del: number) => ({ create, update, delete: del, noop: 4, unmanaged: 2 });
  assert.equal(words.applyQuestion({ summary: summary(1, 2, 0), hosts: ['open.volcengineapi.com', 'cts.cn-north-4.myhuaweicloud.com'] }), 'Apply 3 changes (1 to create, 2 to update) on open.volcengineapi.com, cts.cn-north-4.myhuaweicloud.com?');
  assert.equal(words.applyQuestion({ summary: summary(0, 0, 1), hosts: ['h'] }), 'Apply 1 change (1 to delete) on h?');
  assert.equal(words.pendingCount({ summary: summary(2, 3, 4) }), 9);
});

test('the summary after an apply says what was done and names what failed', () => {
  const outcome = (name: string, status: 'done' | 'failed' | 'cancelled') => ({ kind: 'Contact', name, action: 'create' as const, scopeLabel: 's', status, notes: [] });
  assert.deepEqual(words.applySummary({ summary: { done: 2, failed: 0, cancelled: 0 }, writes: 2, outcomes: [outcome('a', 'done'), outcome('b', 'done')] }), { text: 'Applied: 2 done (2 write requests).', ok: true });
  assert.deepEqual(words.applySummary({ summary: { done: 1, failed: 1, cancelled: 1 }, writes: 2, outcomes: [outcome('a', 'done'), outcome('b', 'failed'), outcome('c', 'cancelled')] }), {
    text: 'Applied: 1 done, 1 failed, 1 cancelled. Failed: Contact "b".',
    ok: false,
  });
  assert.deepEqual(words.applySummary({ summary: { done: 4, failed: 0, cancelled: 4 }, writes: 4, outcomes: [] }), { text: 'Applied: 4 done, 4 cancelled; the rest was not sent.', ok: false });
});
