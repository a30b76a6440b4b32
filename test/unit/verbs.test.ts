/**
 * The verbs table is the one list of actions: the protocol's command ids, the
 * language server's executeCommand list, the CLI's subcommands with their own
 * help, and the kinds' planners all follow it (package.json and the package.nls
 * files are checked in contributions.test.ts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACTION_NAMES, SYNC_KINDS, VERBS, actionableResources, actionsFor, isActionName, kindModules, templateFor, validateText } from '../../server/src/engine/index';
import { ALL_COMMANDS, Command } from '../../server/src/protocol/index';
import { USAGE, usageOf } from '../../server/src/cli/args';
import { run } from '../../server/src/cli/main';
import { kindActions } from '../../server/src/engine/kinds/actions/index';

test('each verb has its server command in the protocol, under its id, and the server lists it', () => {
  for (const v of VERBS) {
    assert.equal((Command as Record<string, string>)[v.id], v.command, v.id);
    assert.ok(ALL_COMMANDS.includes(v.command), v.command);
  }
  assert.equal(new Set(VERBS.map((v) => v.command)).size, VERBS.length, 'server commands are unique');
  assert.equal(new Set(VERBS.map((v) => v.clientCommand)).size, VERBS.length, 'client commands are unique');
  assert.equal(new Set(VERBS.map((v) => v.cli)).size, VERBS.length, 'CLI names are unique');
});

test('each verb is a CLI subcommand with a help of its own', async () => {
  for (const v of VERBS) {
    assert.notEqual(usageOf(v.cli), USAGE, `${v.cli} has no usage text`);
    assert.match(USAGE, new RegExp(`alertcfg (.*\\| )?${v.cli} `), `the summary lists ${v.cli}`);
    let out = '';
    const code = await run([v.cli, '--help'], { cwd: process.cwd(), out: (s) => (out += s), err: () => undefined, isTTY: false, version: '0', env: {} });
    assert.equal(code, 0, v.cli);
    assert.equal(out, `${usageOf(v.cli)}\n`);
  }
});

test('every action a kind offers has a planner in the kind, and only verbs of the table', () => {
  for (const m of kindModules()) {
    for (const id of Object.keys(kindActions(m.kind)?.verbs ?? {})) assert.ok(isActionName(id), `${m.kind} plans "${id}", which is not a verb`);
    const file = validateText(templateFor(m.kind, 'x'));
    for (const t of actionableResources(file)) {
      for (const a of actionsFor(t.kind, t.body, t.envelope)) assert.ok(kindActions(m.kind)?.verbs[a], `${m.kind} offers ${a} without planning it`);
    }
  }
  assert.deepEqual(ACTION_NAMES, VERBS.filter((v) => v.scope === 'resource' && v.id !== 'preview').map((v) => v.id));
});

test('the workspace verbs (GitOps sync) are no resource action: no kind plans them, isActionName refuses them', () => {
  const workspace = VERBS.filter((v) => v.scope === 'workspace').map((v) => v.id);
  assert.deepEqual(workspace, ['plan', 'import']);
  for (const id of workspace) {
    assert.equal(isActionName(id), false, id);
    for (const m of kindModules()) assert.equal((kindActions(m.kind)?.verbs as Record<string, unknown> | undefined)?.[id], undefined, `${m.kind} plans ${id}`);
  }
  // The kinds that sync are the ones the settings' prune globs may name.
  assert.deepEqual(kindModules().filter((m) => kindActions(m.kind)?.sync).map((m) => m.kind), SYNC_KINDS);
});

test('only the preview changes nothing and asks nothing; what changes the cloud asks first', () => {
  for (const v of VERBS) {
    if (v.effect === 'none') assert.equal(v.confirm, 'never', v.id);
    else assert.notEqual(v.confirm, 'never', v.id);
  }
});
