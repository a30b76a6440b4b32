// Proves the e2e harness end to end without the real alertcfg extension: a throwaway "probe"
// extension is generated and packaged with @vscode/vsce at test time, installed into
// code-server, and driven through headless Chromium (Problems panel, status bar, quick open,
// hover, palette command, toast, screenshots). A second test runs an in-host mocha suite
// through the real loader (test/e2e/in-host/loader.ts), bundled into the probe.
//
// Needs: bash scripts/e2e/install-deps.sh && bash scripts/e2e/install-code-server.sh
// (skips with the precise reason otherwise). Screenshots: test-artifacts/e2e/.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  INSTALL_HINT,
  bundleInHostSuite,
  checkPrerequisites,
  formatInHostResults,
  packageVsix,
  repoRoot,
  runInHostSuite,
  skipUnlessReady,
  withVsCode,
} from './harness';

const pre = checkPrerequisites({ needVsce: true });
if (!pre.ok) console.log(`# e2e harness smoke skipped: ${pre.reason}\n# to run it: ${INSTALL_HINT}`);

const PROBE_PACKAGE = {
  name: 'e2e-probe',
  displayName: 'E2E Probe',
  description: 'Throwaway extension that proves the alertcfg e2e harness.',
  version: '0.0.1',
  publisher: 'alertcfg-e2e',
  license: 'MIT',
  engines: { vscode: '^1.91.0' },
  main: './extension.js',
  activationEvents: ['onStartupFinished', 'workspaceContains:**/*.probe'],
  contributes: {
    languages: [{ id: 'probe', extensions: ['.probe'], aliases: ['Probe'] }],
    commands: [{ command: 'e2eProbe.hello', title: 'Say Hello', category: 'Probe' }],
  },
};

const PROBE_EXTENSION_JS = `
const vscode = require('vscode');
const { maybeRunE2ESuite } = require('./test-loader.js');

function diagnose(text) {
  const out = [];
  text.split(/\\r?\\n/).forEach((line, i) => {
    for (const [word, message, severity] of [
      ['BAD', 'probe found BAD here', vscode.DiagnosticSeverity.Error],
      ['MEH', 'probe found MEH here', vscode.DiagnosticSeverity.Warning],
    ]) {
      const col = line.indexOf(word);
      if (col >= 0) {
        const d = new vscode.Diagnostic(new vscode.Range(i, col, i, col + word.length), message, severity);
        d.source = 'e2e-probe';
        out.push(d);
      }
    }
  });
  return out;
}

function activate(context) {
  const diagnostics = vscode.languages.createDiagnosticCollection('e2e-probe');
  context.subscriptions.push(diagnostics);
  const check = (doc) => {
    if (doc.uri.path.endsWith('.probe')) diagnostics.set(doc.uri, diagnose(doc.getText()));
  };
  vscode.workspace.findFiles('**/*.probe').then(async (uris) => {
    for (const uri of uris) {
      const bytes = await vscode.workspace.fs.readFile(uri);
      diagnostics.set(uri, diagnose(Buffer.from(bytes).toString('utf8')));
    }
  });
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(check),
    vscode.workspace.onDidChangeTextDocument((e) => check(e.document)),
    vscode.commands.registerCommand('e2eProbe.hello', () => vscode.window.showInformationMessage('probe says hello')),
    vscode.languages.registerHoverProvider('probe', {
      provideHover(doc, pos) {
        const range = doc.getWordRangeAtPosition(pos);
        return range ? new vscode.Hover('probe hover for ' + doc.getText(range)) : undefined;
      },
    }),
  );
  void maybeRunE2ESuite(context);
}

module.exports = { activate, deactivate() {} };
`;

const PROBE_FILE = 'hello from the probe\nthis line is BAD\nthis line is MEH\n';

let work = '';
let vsix = '';
let workspace = '';

before(async () => {
  if (!pre.ok) return;
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'alertcfg-e2e-probe-'));
  const ext = path.join(work, 'extension');
  fs.mkdirSync(ext);
  fs.writeFileSync(path.join(ext, 'package.json'), JSON.stringify(PROBE_PACKAGE, null, 2));
  fs.writeFileSync(path.join(ext, 'extension.js'), PROBE_EXTENSION_JS);
  fs.writeFileSync(path.join(ext, 'README.md'), '# E2E Probe\n\nA throwaway extension for the harness smoke test.\n');
  fs.writeFileSync(path.join(ext, 'LICENSE'), 'MIT\n');
  // The real loader, bundled as the test build bundles it (it needs no runtime `vscode`).
  const esbuild = (await import('esbuild')) as typeof import('esbuild');
  await esbuild.build({
    entryPoints: [path.join(repoRoot(), 'test/e2e/in-host/loader.ts')],
    outfile: path.join(ext, 'test-loader.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    logLevel: 'warning',
  });
  vsix = packageVsix(ext, path.join(work, 'e2e-probe-0.0.1.vsix'));
  workspace = path.join(work, 'workspace');
  fs.mkdirSync(workspace);
  fs.writeFileSync(path.join(workspace, 'sample.probe'), PROBE_FILE);
  fs.writeFileSync(path.join(workspace, 'notes.txt'), 'nothing to see\n');
});

after(() => {
  if (work && !process.env.ALERTCFG_E2E_KEEP) fs.rmSync(work, { recursive: true, force: true });
});

test('harness drives a packaged extension in code-server: problems, hover, palette, toast', { timeout: 240_000 }, async (t) => {
  if (skipUnlessReady(t, pre)) return;
  let serverPid = 0;
  await withVsCode({ name: 'smoke', workspace, vsix }, async (vs) => {
    serverPid = vs.serverPid;
    t.diagnostic(`install ${vs.timings.installMs} ms, code-server ready ${vs.timings.serverReadyMs} ms, workbench ready ${vs.timings.workbenchReadyMs} ms`);

    // Diagnostics from the extension reach the status bar and the Problems panel without opening the file.
    const status = await vs.waitFor(
      async () => {
        const s = await vs.statusProblems();
        return /Errors: 1\b/.test(s) && /Warnings: 1\b/.test(s) ? s : '';
      },
      60_000,
      'the status bar to count 1 error and 1 warning',
    );
    assert.match(status, /Errors: 1, Warnings: 1/);
    const rows = await vs.waitFor(
      async () => {
        const r = await vs.problems();
        return r.some((x) => x.includes('probe found BAD here')) && r.some((x) => x.includes('probe found MEH here')) ? r : undefined;
      },
      20_000,
      'the Problems panel to list both diagnostics',
    );
    assert.ok(rows.some((r) => r.includes('sample.probe')), `a file row for sample.probe in ${JSON.stringify(rows)}`);
    await vs.screenshot('problems');

    // Quick open and hover.
    await vs.openFile('sample.probe');
    const hover = await vs.hoverAt(2, 15, { match: 'probe hover for BAD' });
    assert.match(hover, /probe hover for BAD/);
    await vs.screenshot('hover');

    // Palette command and its toast.
    await vs.runCommand('Probe: Say Hello');
    const toasts = await vs.waitFor(
      async () => {
        const list = await vs.toasts();
        return list.some((x) => x.includes('probe says hello')) ? list : undefined;
      },
      15_000,
      'the "probe says hello" toast',
    );
    assert.ok(toasts.length >= 1);
    const shot = await vs.screenshot('toast');
    assert.ok(fs.statSync(shot).size > 1000, `screenshot ${shot} is a real PNG`);
  });
  // close() stopped code-server's whole process group.
  assert.ok(serverPid > 0);
  assert.throws(() => process.kill(-serverPid, 0), 'no process is left in code-server\'s process group');
});

test('an in-host mocha suite runs inside code-server through the loader', { timeout: 240_000 }, async (t) => {
  if (skipUnlessReady(t, pre)) return;
  const suite = await bundleInHostSuite('test/e2e/in-host/probe/index.ts');
  try {
    const results = await runInHostSuite({ name: 'smoke-in-host', workspace, vsix, suite, suiteTimeoutMs: 120_000 });
    for (const line of formatInHostResults(results).split('\n')) t.diagnostic(line);
    assert.equal(results.done, true);
    assert.equal(results.extension, 'alertcfg-e2e.e2e-probe');
    assert.equal(results.passed, 3, formatInHostResults(results));
    // The probe suite holds one deliberately failing test: failures must be reported with title and error.
    assert.equal(results.failed, 1, formatInHostResults(results));
    const failed = results.tests.find((x) => x.state === 'failed');
    assert.equal(failed?.title, 'probe in-host a deliberately failing test');
    assert.match(failed?.error?.message ?? '', /expected failure/);
    assert.match(results.error?.message ?? '', /1 in-host test\(s\) failed/);
  } finally {
    fs.rmSync(path.dirname(suite), { recursive: true, force: true });
  }
});
