// In-host: GitOps sync in a real VS Code. Credentials go into SecretStorage through the
// extension's API; the resources point at a Volcengine VMP stand-in started inside the
// extension host. "Alert Config: Plan Sync" on a folder opens the plan view (the Markdown
// plan, read-only, beside the editor) and the CodeLens of each resource shows its state;
// an apply through the server's command converges and the lenses say "in sync"; Refresh
// plans again, and so does saving a file with alertcfg.plan.onSave on. In an
// untrusted workspace (the "@untrusted" part) plan, apply and import are refused.
/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { type VolcengineStandIn, startVolcengine } from '../standins/volcengine';
import { type AlertConfigApi, alertcfg, lines, openFixture, poll, workspaceFolder } from './helpers';

const AK = 'AKLTvtestsync0001';
const SK = 'vtestSyncVolcSecret0001';

interface Plan {
  ok: boolean;
  planId?: string;
  summary: Record<string, number>;
  problems: string[];
  markdown: string;
}
interface Applied {
  plan: Plan;
  summary: { done: number; failed: number; cancelled: number };
  writes: number;
}

function contact(name: string, endpoint: string, email: string): string {
  return lines('apiVersion: alertcfg/v1', 'kind: Contact', 'metadata:', `  name: ${name}`, 'target:', '  region: cn-beijing', `  endpoint: ${endpoint}`, 'spec:', `  Name: ${name}`, `  Email: ${email}`);
}

async function lensTitles(uri: vscode.Uri): Promise<string[]> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
  return lenses.map((l) => `${l.range.start.line}:${l.command?.title ?? ''}`);
}

suite('GitOps sync: plan view and CodeLens states', () => {
  let api: AlertConfigApi;
  let vc: VolcengineStandIn;

  suiteSetup(async () => {
    api = await alertcfg();
    vc = await startVolcengine({ accessKeyId: AK, secretAccessKey: SK });
    vc.addContact({ Name: 'vt-same', Email: 'same@example.com' });
    vc.addContact({ Name: 'vt-drift', Email: 'old@example.com' });
    await api.storeCredentials('volcengine', { accessKeyId: AK, secretAccessKey: SK });
  });

  suiteTeardown(async () => {
    await vc?.close();
    await api?.storeCredentials('volcengine', {}).catch(() => undefined);
  });

  test('Plan Sync on a folder opens the plan view with the Markdown plan, and CodeLens shows each state', async () => {
    const folder = vscode.Uri.joinPath(workspaceFolder(), 'sync');
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'drift.yaml'), Buffer.from(contact('vt-drift', vc.url, 'new@example.com')));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'fresh.yaml'), Buffer.from(contact('vt-fresh', vc.url, 'fresh@example.com')));
    const same = await openFixture('sync/same.yaml', contact('vt-same', vc.url, 'same@example.com'));

    const plan = await vscode.commands.executeCommand<Plan>('alertcfg.planSync', folder);
    assert.ok(plan?.ok, JSON.stringify(plan?.problems));
    assert.deepEqual(plan.summary, { create: 1, update: 1, delete: 0, noop: 1, unmanaged: 0 });
    assert.equal(vc.writes.length, 0, 'a plan writes nothing');

    // The plan view: a read-only alertcfg-plan: document beside the editor, holding the Markdown plan.
    const view = await poll(() => vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'alertcfg-plan'), 'the plan view to be visible');
    const text = view.document.getText();
    assert.ok(text.startsWith('<!-- alertcfg-plan -->\n### alertcfg plan\n\n**1 to create, 1 to update, 0 to delete** · 1 unchanged · 0 unmanaged\n'), text);
    assert.ok(text.includes('| ➕ create | Contact | <code>vt-fresh</code> | <code>sync/fresh.yaml:1</code> |'), text);
    assert.ok(text.includes('| ✏️ update | Contact | <code>vt-drift</code> | <code>sync/drift.yaml:1</code> | <code>Email</code> |'), text);
    assert.ok(text.includes('| <code>Email</code> | <code>"old@example.com"</code> | <code>"new@example.com"</code> |'), text);
    assert.equal(view.document.languageId, 'markdown');
    assert.notEqual(view.viewColumn, vscode.window.visibleTextEditors.find((e) => e.document === same)?.viewColumn, 'beside the editor');

    // CodeLens: the state of each resource in the last plan, first above it.
    assert.equal((await poll(async () => (await lensTitles(same.uri)).find((t) => t === '0:in sync'), 'the "in sync" lens')), '0:in sync');
    const drift = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'drift.yaml'));
    assert.ok((await lensTitles(drift.uri)).includes('0:would update: Email'), JSON.stringify(await lensTitles(drift.uri)));
    const fresh = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'fresh.yaml'));
    assert.ok((await lensTitles(fresh.uri)).includes('0:would create'), JSON.stringify(await lensTitles(fresh.uri)));

    // Applying the plan shown (the server's command; the modal is the palette's) converges.
    const applied = await api.execute<Applied>('alertcfg.apply', { uris: [folder.toString()], planId: plan.planId });
    assert.deepEqual(applied?.summary, { done: 2, failed: 0, cancelled: 0 });
    assert.deepEqual(vc.writes.map((w) => w.action).sort(), ['CreateContact', 'UpdateContact']);
    await poll(async () => (await lensTitles(fresh.uri)).includes('0:in sync'), 'the "in sync" lens after the apply');
    assert.ok((await lensTitles(drift.uri)).includes('0:in sync'));
    assert.ok(!JSON.stringify(applied).includes(SK), 'no secret in the answer');
  });

  test('Refresh in the plan view plans again; with alertcfg.plan.onSave, saving a file plans its folder', async () => {
    const folder = vscode.Uri.joinPath(workspaceFolder(), 'sync');
    // Drift in the cloud: nothing in the editor knows until a plan runs.
    vc.contacts.get('vt-fresh')!.body['Email'] = 'console@example.com';
    const view = vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'alertcfg-plan');
    assert.ok(view, 'the plan view is still open');
    await vscode.commands.executeCommand('alertcfg.refreshPlan', view.document.uri);
    await poll(() => view.document.getText().includes('**0 to create, 1 to update, 0 to delete** · 2 unchanged'), 'the refreshed plan view');
    assert.ok(view.document.getText().includes('| ✏️ update | Contact | <code>vt-fresh</code> |'), view.document.getText());

    vc.contacts.get('vt-same')!.body['Email'] = 'console@example.com';
    const config = vscode.workspace.getConfiguration('alertcfg');
    await config.update('plan.onSave', true, vscode.ConfigurationTarget.Workspace);
    try {
      const same = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'same.yaml'));
      const edit = new vscode.WorkspaceEdit();
      edit.insert(same.uri, new vscode.Position(same.lineCount, 0), '# saved\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.ok(await same.save());
      await poll(async () => (await lensTitles(same.uri)).includes('0:would update: Email'), 'the lens to follow the plan made on save');
    } finally {
      await config.update('plan.onSave', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});

suite('GitOps sync refused @untrusted', () => {
  test('plan, apply and import are refused by the server in an untrusted workspace', async () => {
    const api = await alertcfg();
    const plan = await api.execute<Plan>('alertcfg.plan', {});
    assert.equal(plan?.ok, false);
    assert.match(plan!.problems[0]!, /disabled in an untrusted workspace/);
    const applied = await api.execute<Applied>('alertcfg.apply', {});
    assert.match(applied!.plan.problems[0]!, /disabled in an untrusted workspace/);
    const imported = await api.execute<{ ok: boolean; problems: string[] }>('alertcfg.import', { kind: 'Contact', region: 'cn-beijing', folder: workspaceFolder().toString() });
    assert.equal(imported?.ok, false);
    assert.match(imported!.problems[0]!, /disabled in an untrusted workspace/);
    // The extension's own command says so too, and asks nothing: no plan view opens.
    assert.equal(await vscode.commands.executeCommand('alertcfg.planSync'), undefined);
    assert.ok(!vscode.window.visibleTextEditors.some((e) => e.document.uri.scheme === 'alertcfg-plan'));
  });
});
