// The in-host integration suite (test/vscode/) in desktop VS Code through @vscode/test-electron,
// the host extension authors usually use. Nothing is downloaded here (the machines running
// these tests have no internet): it runs only with VSCODE_EXECUTABLE_PATH naming a VS Code
// (1.91 or later) executable, and skips saying so otherwise. On Linux it needs a display
// (e.g. run under xvfb-run). The code-server host (extension.test.ts) runs the same suite
// offline; CI runs that one.
//
// The extension runs from the packaged alertcfg.vsix (the same one the code-server tests
// install), unpacked and passed as extensionDevelopmentPath. test-electron always passes
// --disable-workspace-trust, so only the trusted part of the suite runs in this host.
import { after, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { extensionVsix, unpackExtension } from './extension-vsix';
import { bundleInHostSuite } from './harness';

export const SKIP_REASON = 'desktop VS Code host skipped: set VSCODE_EXECUTABLE_PATH to a VS Code executable (no download possible offline)';

const exe = process.env.VSCODE_EXECUTABLE_PATH;
if (!exe) console.log(`# ${SKIP_REASON}`);

/** At least this many in-host tests must pass (the trusted part of test/vscode/). */
const MIN_PASSED = 15;

let work = '';
after(() => {
  if (work && !process.env.ALERTCFG_E2E_KEEP) fs.rmSync(work, { recursive: true, force: true });
});

interface Results {
  passed: number;
  failed: number;
  pending: number;
  trusted: boolean;
  tests: { title: string; state: string; error?: { message: string } }[];
  error?: { message: string };
}

test('in-host suite in desktop VS Code (@vscode/test-electron)', { timeout: 600_000 }, async (t) => {
  if (!exe) {
    t.skip(SKIP_REASON);
    return;
  }
  if (!fs.existsSync(exe)) throw new Error(`VSCODE_EXECUTABLE_PATH=${exe} does not exist`);
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    const reason = 'desktop VS Code host skipped: no DISPLAY on Linux (run the tests under xvfb-run)';
    if (process.env.ALERTCFG_E2E_REQUIRE === '1') throw new Error(`${reason} (ALERTCFG_E2E_REQUIRE=1)`);
    t.skip(reason);
    return;
  }
  // The .vsix of this test run (packaged once, shared with the other e2e tests), unpacked.
  const vsix = await extensionVsix();
  const suite = await bundleInHostSuite('test/vscode/index.ts');
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'alertcfg-e2e-electron-'));
  const extension = unpackExtension(vsix.file, path.join(work, 'extension'));
  const workspace = path.join(work, 'workspace');
  fs.mkdirSync(workspace);
  fs.writeFileSync(path.join(workspace, 'seed.yaml'), 'apiVersion: alertcfg/v1\nkind: Contact\nmetadata:\n  name: seed\nspec:\n  Name: seed\n  Email: seed@example.com\n');
  const resultsFile = path.join(work, 'results.json');
  const { runTests } = await import('@vscode/test-electron');
  const t0 = Date.now();
  let exitError: unknown;
  try {
    await runTests({
      vscodeExecutablePath: exe,
      extensionDevelopmentPath: extension,
      extensionTestsPath: suite,
      extensionTestsEnv: { ALERTCFG_VTEST_RESULTS: resultsFile },
      launchArgs: [workspace, `--user-data-dir=${path.join(work, 'user-data')}`, `--extensions-dir=${path.join(work, 'extensions')}`, '--skip-welcome', '--disable-telemetry'],
    });
  } catch (e) {
    exitError = e;
  } finally {
    fs.rmSync(path.dirname(suite), { recursive: true, force: true });
  }
  if (!fs.existsSync(resultsFile)) throw new Error(`the suite wrote no results (${exitError instanceof Error ? exitError.message : 'VS Code exited 0'})`);
  const r = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as Results;
  const summary = [`desktop in-host suite: passed ${r.passed}, failed ${r.failed}, pending ${r.pending} (${Date.now() - t0} ms)`];
  if (r.error) summary.push(`run error: ${r.error.message}`);
  for (const x of r.tests) summary.push(`${x.state === 'passed' ? 'ok' : x.state.toUpperCase()} ${x.title}${x.error ? `: ${x.error.message}` : ''}`);
  for (const line of summary) t.diagnostic(line);
  assert.equal(r.trusted, true, 'test-electron opens the workspace trusted');
  assert.equal(r.failed, 0, summary.join('\n'));
  assert.ok(r.passed >= MIN_PASSED, `expected at least ${MIN_PASSED} passed:\n${summary.join('\n')}`);
  assert.equal(exitError, undefined, `VS Code exited with an error: ${String(exitError)}`);
});
