// In-host: the editor features of the Alert Config extension through the real `vscode` API:
// diagnostics, hover, completion, quick fixes applied to the document, CodeLens.
// Fixtures are written into the workspace folder by the tests.
/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { BROKEN_CONTACT, BROKEN_DIAGNOSTICS, alertcfg, diagnosticLines, hoverAt, lines, openFixture, waitForDiagnostics } from './helpers';

suite('editor features', () => {
  suiteSetup(async () => {
    await alertcfg();
  });

  test('the extension is active in a trusted workspace and its language server runs', async () => {
    assert.equal(vscode.workspace.isTrusted, true);
    const api = await alertcfg();
    assert.equal(api.serverState(), 'running');
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['alertcfg.previewRequest', 'alertcfg.sendTestMessage', 'alertcfg.setSecret', 'alertcfg.newFile', 'alertcfg.preview', 'alertcfg.send', 'alertcfg.moveSecret']) {
      assert.ok(commands.includes(id), `command ${id} is registered`);
    }
  });

  test('diagnostics of a file with known findings', async () => {
    const doc = await openFixture('editor/broken.yaml', BROKEN_CONTACT);
    const found = await waitForDiagnostics(doc.uri, (l) => l.length === 3, 'three alertcfg diagnostics on broken.yaml');
    assert.deepEqual(found, BROKEN_DIAGNOSTICS);
  });

  test('a diagnostic code link opens the rule in the rules page the extension ships, in a markdown preview', async () => {
    const doc = await openFixture('editor/broken.yaml', BROKEN_CONTACT);
    await waitForDiagnostics(doc.uri, (l) => l.length === 3, 'three alertcfg diagnostics on broken.yaml');
    const diag = vscode.languages.getDiagnostics(doc.uri).find((d) => d.source === 'alertcfg' && typeof d.code === 'object' && d.code.value === 'MissingParameter.Name');
    assert.ok(diag && typeof diag.code === 'object', 'the MissingParameter.Name diagnostic has a code link');
    const target = diag.code.target;
    assert.equal(target.scheme, 'command');
    assert.equal(target.path, 'alertcfg.showRule');
    const args = JSON.parse(target.query) as unknown[];
    // MissingParameter.Name is documented in its family's section.
    assert.deepEqual(args, ['missingparameter']);
    // What clicking the link runs.
    const opened = await vscode.commands.executeCommand<string>(target.path, ...args);
    const uri = vscode.Uri.parse(opened);
    const extension = vscode.extensions.getExtension('alertcfg.alertcfg')!.extensionUri;
    assert.equal(uri.fsPath, vscode.Uri.joinPath(extension, 'docs', 'rules.md').fsPath, 'the page shipped in the extension');
    assert.equal(uri.fragment, 'missingparameter');
    const deadline = Date.now() + 10_000;
    let tabs: string[] = [];
    while (Date.now() < deadline) {
      tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((tab) => (tab.input instanceof vscode.TabInputWebview ? `${tab.input.viewType} ${tab.label}` : tab.label));
      if (tabs.some((l) => /markdown\.preview/.test(l) && l.includes('rules.md'))) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.ok(tabs.some((l) => /markdown\.preview/.test(l) && l.includes('rules.md')), `a markdown preview of rules.md is open: ${JSON.stringify(tabs)}`);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('a file that is not alert config gets no diagnostics', async () => {
    const doc = await openFixture('editor/k8s.yaml', lines('apiVersion: v1', 'kind: ConfigMap', 'data:', '  a: b'));
    // Give the server time to (not) publish anything.
    await new Promise((r) => setTimeout(r, 1500));
    assert.deepEqual(diagnosticLines(doc.uri), []);
  });

  test('hover on a key shows its description, type and the vendor doc', async () => {
    const doc = await openFixture('editor/hover.yaml', lines('apiVersion: alertcfg/v1', 'kind: Contact', 'metadata:', '  name: hover-contact', 'spec:', '  Name: sre', '  Email: sre@example.com'));
    const text = await hoverAt(doc, 'Name: sre', 1, /\*\*Name\*\*/);
    assert.equal(
      text,
      [
        '**Name** · `string` · required',
        'Name of the contact, e.g. `user-demo`. **Required.** A name already taken by an existing contact is refused with `Conflict.Name`. An empty or blank Name counts as missing (MissingParameter.Name).',
        'Example: `user-demo`',
        'Source: Volcengine VMP CreateContact (Version 2021-03-03)',
      ].join('\n\n'),
    );
  });

  test('completion offers the missing keys of a Contact body with their details', async () => {
    const doc = await openFixture('editor/complete.yaml', lines('apiVersion: alertcfg/v1', 'kind: Contact', 'metadata:', '  name: keys', 'spec:', '  Email: a@example.com', '  '));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(6, 2));
    const ours = list.items.filter((i) => typeof i.detail === 'string' && / · (required|optional)$/.test(i.detail));
    const label = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);
    const sorted = [...ours].sort((a, b) => (a.sortText ?? label(a)).localeCompare(b.sortText ?? label(b))).map(label);
    assert.deepEqual(sorted, ['Name', 'Webhook', 'ContactGroupIds', 'LarkBotWebhook', 'DingTalkBotWebhook', 'WeComBotWebhook', 'PhoneNumber']);
    const name = ours.find((i) => label(i) === 'Name')!;
    assert.equal(name.detail, 'string · required');
    assert.ok(name.insertText instanceof vscode.SnippetString, 'Name is inserted as a snippet');
    assert.equal((name.insertText as vscode.SnippetString).value, 'Name: ${1:user-demo}');
    assert.ok(!sorted.includes('Email'), 'a key already present is not offered');
  });

  test('kind values complete with their descriptions', async () => {
    const doc = await openFixture('editor/kind.yaml', lines('apiVersion: alertcfg/v1', 'kind: '));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(1, 6));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const k of ['Contact', 'AlarmCallback', 'DingTalkTestConnection', 'KeyOperationNotification', 'EventReport']) assert.ok(labels.includes(k), `${k} in ${JSON.stringify(labels)}`);
  });

  test('quick fixes applied: a near-miss key, then the missing required property', async () => {
    // Its own metadata.name: two resources named alike would add a duplicate-name finding.
    const broken = BROKEN_CONTACT.replace('name: broken', 'name: fix-me');
    const doc = await openFixture('editor/fix.yaml', broken);
    await waitForDiagnostics(doc.uri, (l) => l.length === 3, 'three diagnostics on fix.yaml');

    const apply = async (code: string, title: string) => {
      const diag = vscode.languages.getDiagnostics(doc.uri).find((d) => (typeof d.code === 'object' ? d.code.value : d.code) === code);
      assert.ok(diag, `a ${code} diagnostic`);
      const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value);
      const action = actions.find((a) => a.title === title) as vscode.CodeAction | undefined;
      assert.ok(action, `quick fix "${title}" in ${JSON.stringify(actions.map((a) => a.title))}`);
      assert.equal(action.kind?.value, 'quickfix');
      assert.ok(action.edit, 'the quick fix is an edit');
      assert.equal(await vscode.workspace.applyEdit(action.edit), true);
    };

    await apply('unknown-property', 'Change to "Email"');
    assert.equal(doc.getText(), broken.replace('Emial:', 'Email:'));
    await apply('MissingParameter.Name', 'Add the missing property "Name"');
    assert.equal(
      doc.getText(),
      lines(
        'apiVersion: alertcfg/v1',
        'kind: Contact',
        'metadata:',
        '  name: fix-me',
        'spec:',
        '  Email: sre@example.com',
        '  Webhook:',
        '    Address: http://alerts.example.com/hooks/vmp',
        '    Token: ${secret:e2e-webhook-token}',
        '  Name: user-demo',
      ),
    );
    // Only the plain-http warning is left once the server has seen the edits.
    const left = await waitForDiagnostics(doc.uri, (l) => l.length === 1, 'one diagnostic after the fixes');
    assert.match(left[0]!, /^8:14 warning insecure-url /);
    await doc.save();
  });

  test('CodeLens above a Contact: Preview, a Send per channel, Apply', async () => {
    const doc = await openFixture(
      'editor/lens.yaml',
      lines(
        'apiVersion: alertcfg/v1',
        'kind: Contact',
        'metadata:',
        '  name: lens',
        'spec:',
        '  Name: lens',
        '  DingTalkBotWebhook:',
        '    Address: https://oapi.dingtalk.com/robot/send?access_token=${secret:lens-token}',
        '    SecretKey: ${secret:lens-secret}',
        '  Webhook:',
        '    Address: https://alerts.example.com/hook',
      ),
    );
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 10);
    const ours = lenses.filter((l) => l.command?.command.startsWith('alertcfg.'));
    assert.deepEqual(
      ours.map((l) => `${l.range.start.line}:${l.command!.title}:${l.command!.command}`),
      ['0:Preview request:alertcfg.preview', '0:Send to DingTalk:alertcfg.send', '0:Send to Webhook:alertcfg.send', '0:Apply:alertcfg.apply'],
    );
    assert.deepEqual(ours[1]!.command!.arguments, [{ uri: doc.uri.toString(), documentIndex: 0, channel: 'dingtalk' }]);
  });

  test('the server lists the resources of a file with their actions', async () => {
    const doc = await openFixture('editor/hover.yaml', lines('apiVersion: alertcfg/v1', 'kind: Contact', 'metadata:', '  name: hover-contact', 'spec:', '  Name: sre', '  Email: sre@example.com'));
    const api = await alertcfg();
    const list = await api.execute<{ kind: string; name: string; actions: string[] }[]>('alertcfg.listActions', { uri: doc.uri.toString() });
    assert.deepEqual(list?.map((r) => [r.kind, r.name, r.actions.join(',')]), [['Contact', 'hover-contact', 'apply']]);
  });
});
