// Entry of the in-host integration suite: the run() that @vscode/test-electron calls
// (extensionTestsPath) and that the e2e harness's loader (test/e2e/in-host/loader.ts) calls
// inside code-server. It runs every *.vtest.js bundled beside it with mocha (tdd ui).
//
// Which tests run depends on the workspace's trust, so the same bundle serves both runs:
// in a trusted workspace every test except the "@untrusted" ones; in an untrusted one
// (code-server with security.workspace.trust.enabled) only the "@untrusted" ones.
//
// ALERTCFG_VTEST_RESULTS (optional): also write the report there as JSON (the desktop host
// has no loader writing it; test/e2e/electron.test.ts reads it).
/// <reference types="mocha" />
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { type InHostReport, runMochaSuite } from '../e2e/in-host/run-mocha';

export const UNTRUSTED_TAG = '@untrusted';

export async function run(): Promise<InHostReport> {
  const trusted = vscode.workspace.isTrusted;
  const grep = trusted ? new RegExp(`^(?!.*${UNTRUSTED_TAG})`) : new RegExp(UNTRUSTED_TAG);
  const resultsFile = process.env.ALERTCFG_VTEST_RESULTS;
  const write = (report: InHostReport | undefined, error?: Error) => {
    if (!resultsFile) return;
    fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
    const r = report ?? { passed: 0, failed: 1, pending: 0, tests: [] };
    fs.writeFileSync(resultsFile, JSON.stringify({ ...r, trusted, ...(error ? { error: { message: error.message } } : {}) }, null, 2));
  };
  try {
    const report = await runMochaSuite({ dir: __dirname, ui: 'tdd', timeout: 30_000, grep });
    write(report);
    return report;
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    write((err as Error & { results?: InHostReport }).results, err);
    throw err;
  }
}
