// In-host tests run inside code-server's extension host by the probe extension's loader
// (harness-smoke.test.ts). They use the real `vscode` API. One test is expected to fail
// so that the smoke test can check failures are reported with their titles and errors.
/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

suite('probe in-host', () => {
  test('the probe extension is active', async () => {
    const ext = vscode.extensions.getExtension('alertcfg-e2e.e2e-probe');
    assert.ok(ext, 'extension alertcfg-e2e.e2e-probe is installed');
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  test('the probe command is registered', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('e2eProbe.hello'));
  });

  test('diagnostics reach the vscode API', async () => {
    const [file] = await vscode.workspace.findFiles('**/*.probe');
    assert.ok(file, 'the workspace has a .probe file');
    const doc = await vscode.workspace.openTextDocument(file);
    assert.match(doc.getText(), /BAD/);
    let diagnostics: vscode.Diagnostic[] = [];
    for (let i = 0; i < 50 && diagnostics.length === 0; i++) {
      diagnostics = vscode.languages.getDiagnostics(file);
      if (diagnostics.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(diagnostics.some((d) => d.message === 'probe found BAD here'), JSON.stringify(diagnostics));
  });

  test('a deliberately failing test', () => {
    assert.equal(1 + 1, 3, 'expected failure');
  });
});
