import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { type LspClient, brief, lines, startServer } from './harness';

const contact = (meta: string, name: string) => lines('apiVersion: alertcfg/v1', 'kind: Contact', 'metadata:', `  name: ${meta}`, 'spec:', `  Name: ${name}`, '  Email: a@example.com');
const has = (code: string) => (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => d.code === code);
const hasNot = (code: string) => (p: PublishDiagnosticsParams) => !p.diagnostics.some((d) => d.code === code);
const CHANGED = 2;
const CREATED = 1;
const DELETED = 3;

describe('workspace-wide Conflict.Name', () => {
  let c: LspClient;
  before(async () => {
    c = await startServer({
      files: {
        '.alertcfg.yaml': lines('exclude: ["drafts/**"]'),
        'contacts/a.yaml': contact('team-a', 'oncall'),
        'contacts/b.yaml': contact('team-b', 'oncall'),
        'drafts/c.yaml': contact('team-c', 'lonely'),
      },
    });
  });
  after(() => c.shutdown());

  test('a Name shared with a file on disk is reported, with the other file as related information', async () => {
    const a = c.open('contacts/a.yaml', contact('team-a', 'oncall'));
    const p = await c.diagnostics(a, has('Conflict.Name'));
    assert.deepEqual(p.diagnostics.map(brief), ['Conflict.Name 6:9-6:15']);
    const d = p.diagnostics[0]!;
    assert.equal(d.severity, 1);
    assert.match(String(d.message), /Another Contact in the workspace also has Name "oncall" \(2 in all\)/);
    assert.deepEqual(d.relatedInformation, [{ location: { uri: c.uri('contacts/b.yaml'), range: { start: { line: 5, character: 8 }, end: { line: 5, character: 14 } } }, message: 'also declared here' }]);
  });

  test('it clears when the other file changes on disk, and comes back when it changes again', async () => {
    const a = c.uri('contacts/a.yaml');
    const b = c.writeFile('contacts/b.yaml', contact('team-b', 'day-shift'));
    c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: b, type: CHANGED }] });
    const cleared = await c.diagnostics(a, hasNot('Conflict.Name'), 5000, c.published.length);
    assert.deepEqual(cleared.diagnostics, []);
    c.writeFile('contacts/b.yaml', contact('team-b', 'oncall'));
    c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: b, type: CHANGED }] });
    const back = await c.diagnostics(a, has('Conflict.Name'), 5000, c.published.length);
    assert.deepEqual(back.diagnostics.map(brief), ['Conflict.Name 6:9-6:15']);
  });

  test('a deleted file takes its names with it; a created one brings them', async () => {
    const a = c.uri('contacts/a.yaml');
    const b = c.deleteFile('contacts/b.yaml');
    c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: b, type: DELETED }] });
    await c.diagnostics(a, hasNot('Conflict.Name'), 5000, c.published.length);
    const d = c.writeFile('contacts/d.yaml', contact('team-d', 'oncall'));
    c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: d, type: CREATED }] });
    const p = await c.diagnostics(a, has('Conflict.Name'), 5000, c.published.length);
    assert.equal(p.diagnostics[0]!.relatedInformation?.[0]?.location.uri, d);
  });

  test('an excluded folder does not count (exclude from .alertcfg.yaml)', async () => {
    const a = c.uri('contacts/a.yaml');
    const e = c.writeFile('drafts/e.yaml', contact('team-e', 'oncall'));
    c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: e, type: CREATED }] });
    const p = await c.settled(a, () => true);
    assert.deepEqual(p.diagnostics.map(brief), ['Conflict.Name 6:9-6:15']);
    assert.equal(p.diagnostics[0]!.relatedInformation?.length, 1);
  });

  test('an edit in another open document refreshes the first one, both ways', async () => {
    const a = c.uri('contacts/a.yaml');
    const d = c.open('contacts/d.yaml', contact('team-d', 'oncall'));
    const dp = await c.diagnostics(d, has('Conflict.Name'));
    assert.deepEqual(dp.diagnostics.map(brief), ['Conflict.Name 6:9-6:15']);
    c.replace(d, 'Name: oncall', 'Name: night-shift');
    await c.diagnostics(a, hasNot('Conflict.Name'), 5000, c.published.length);
    await c.diagnostics(d, hasNot('Conflict.Name'), 5000);
    c.replace(d, 'Name: night-shift', 'Name: oncall');
    const again = await c.diagnostics(a, has('Conflict.Name'), 5000, c.published.length);
    assert.equal(again.diagnostics[0]!.relatedInformation?.[0]?.location.uri, d);
  });

  test('moving text above a name keeps the finding on the name (no stale offsets)', async () => {
    const a = c.uri('contacts/a.yaml');
    const v = c.change(a, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# a comment\n# another\n' }]);
    const p = await c.diagnostics(a, (x) => x.version === v);
    assert.deepEqual(p.diagnostics.map(brief), ['Conflict.Name 8:9-8:15']);
  });

  test('duplicate metadata.name across files is reported too', async () => {
    const x = c.open('contacts/x.yaml', contact('shared-meta', 'x-name'));
    const y = c.open('contacts/y.yaml', contact('shared-meta', 'y-name'));
    const px = await c.diagnostics(x, has('duplicate-name'));
    assert.deepEqual(px.diagnostics.map(brief), ['duplicate-name 4:9-4:20']);
    await c.diagnostics(y, has('duplicate-name'));
  });
});
