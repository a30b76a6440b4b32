// In-host test loader: runs a bundled mocha suite inside the extension host when the
// end-to-end harness asks for it (test/e2e/harness.ts, runInHostSuite()).
//
// It is a test-only bundle (scripts/build.mjs --tests writes out/test/e2e/in-host-loader.js),
// never part of the shipped extension. The harness starts code-server with three
// environment variables, which the extension host inherits:
//   ALERTCFG_E2E_LOADER   absolute path of this bundle: the extension's activate() requires
//                         it and calls maybeRunE2ESuite(context) when the variable is set;
//   ALERTCFG_E2E_SUITE    absolute path of a bundled suite entry (.js) exporting
//                         `run(): Promise<unknown>`: the same entry @vscode/test-electron calls;
//   ALERTCFG_E2E_RESULTS  absolute path of the JSON results file to write (optional: defaults
//                         to the suite path + '.results.json').
// Without ALERTCFG_E2E_SUITE this module does nothing.
//
// maybeRunE2ESuite() settles as soon as the run is scheduled: the suite itself runs after
// activate() has returned, so tests may await the extension's activation without a deadlock.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import type * as vscode from 'vscode';

export const E2E_SUITE_ENV = 'ALERTCFG_E2E_SUITE';
export const E2E_RESULTS_ENV = 'ALERTCFG_E2E_RESULTS';

/** One test as reported by the suite's run() (see test/e2e/in-host/run-mocha.ts). */
export interface E2ETestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: { message: string; stack?: string };
}

/** What run() resolves with (or attaches to its rejection as `error.results`). */
export interface E2ESuiteReport {
  passed: number;
  failed: number;
  pending: number;
  tests: E2ETestResult[];
}

/** The results file the harness reads. */
export interface E2EResultsFile extends E2ESuiteReport {
  /** Always true: the file is written once, atomically, when the run has ended. */
  done: true;
  suite: string;
  extension: string;
  startedAt: string;
  durationMs: number;
  /** Set when the suite could not be loaded or run() rejected. */
  error?: { message: string; stack?: string };
}

let started = false;

export async function maybeRunE2ESuite(context: vscode.ExtensionContext): Promise<void> {
  const suitePath = process.env[E2E_SUITE_ENV];
  if (!suitePath || started) return;
  const resultsPath = process.env[E2E_RESULTS_ENV] || `${suitePath}.results.json`;
  // Several extension hosts (a reload, a second window) may start with the same environment:
  // the first to create the lock file runs the suite, the others leave it alone.
  try {
    fs.mkdirSync(path.dirname(resultsPath), { recursive: true });
    fs.closeSync(fs.openSync(`${resultsPath}.lock`, 'wx'));
  } catch {
    return;
  }
  started = true;
  const extensionId = context.extension.id;
  setTimeout(() => {
    void runSuite(suitePath, resultsPath, extensionId);
  }, 0);
}

async function runSuite(suitePath: string, resultsPath: string, extensionId: string): Promise<void> {
  const startedAt = new Date();
  let report: E2ESuiteReport | undefined;
  let error: { message: string; stack?: string } | undefined;
  try {
    const suite = createRequire(suitePath)(suitePath) as { run?: () => Promise<unknown> };
    if (typeof suite.run !== 'function') throw new Error(`${suitePath} exports no run() function`);
    const value = await suite.run();
    if (isReport(value)) report = value;
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    const attached = (err as Error & { results?: unknown }).results;
    if (isReport(attached)) report = attached;
    error = { message: err.message, ...(err.stack ? { stack: err.stack } : {}) };
  }
  const base: E2ESuiteReport = report ?? { passed: 0, failed: error ? 1 : 0, pending: 0, tests: [] };
  const results: E2EResultsFile = {
    ...base,
    // A run() that rejected without a report still counts as one failure.
    failed: error && base.failed === 0 ? 1 : base.failed,
    done: true,
    suite: suitePath,
    extension: extensionId,
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    ...(error ? { error } : {}),
  };
  const tmp = `${resultsPath}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(results, null, 2));
  fs.renameSync(tmp, resultsPath);
}

function isReport(value: unknown): value is E2ESuiteReport {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<E2ESuiteReport>;
  return typeof v.passed === 'number' && typeof v.failed === 'number' && Array.isArray(v.tests);
}
