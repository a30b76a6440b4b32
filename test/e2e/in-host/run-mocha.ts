// Runs a mocha suite programmatically inside a VS Code extension host. A suite entry is a
// module exporting `run()`, the convention @vscode/test-electron calls; the in-host loader
// (test/e2e/in-host/loader.ts) calls the same run() inside code-server.
//
//   // test/vscode/index.ts (bundled to <dir>/index.js beside <dir>/*.vtest.js)
//   import { runMochaSuite } from '../e2e/in-host/run-mocha';
//   export function run() { return runMochaSuite({ dir: __dirname, ui: 'tdd' }); }
//
// run() resolves with a report (passed, failed, pending, each test's title and error) and
// rejects with an Error carrying the same report as `error.results` when a test failed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export interface InHostTestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: { message: string; stack?: string };
}

export interface InHostReport {
  passed: number;
  failed: number;
  pending: number;
  tests: InHostTestResult[];
}

export interface RunMochaOptions {
  /** Folder holding the bundled test files (usually the entry's own __dirname). */
  dir: string;
  /** Which files in `dir` are tests; default: names ending in `.vtest.js`. */
  pattern?: RegExp;
  /** Explicit files instead of (or besides) the ones found in `dir`. */
  files?: string[];
  ui?: 'tdd' | 'bdd';
  /** Per-test timeout in ms; default 20000. */
  timeout?: number;
  /** Only run tests whose full title matches. */
  grep?: string | RegExp;
  /** Mocha reporter; default 'spec' (its output goes to the extension host's stdout). */
  reporter?: string;
}

export function runMochaSuite(options: RunMochaOptions): Promise<InHostReport> {
  const pattern = options.pattern ?? /\.vtest\.js$/;
  const files = [
    ...(options.files ?? []),
    ...fs
      .readdirSync(options.dir)
      .filter((name) => pattern.test(name))
      .sort()
      .map((name) => path.join(options.dir, name)),
  ];
  const mocha = new Mocha({
    ui: options.ui ?? 'tdd',
    timeout: options.timeout ?? 20_000,
    color: false,
    reporter: options.reporter ?? 'spec',
    ...(options.grep !== undefined ? { grep: options.grep } : {}),
  });
  for (const file of files) mocha.addFile(file);

  const report: InHostReport = { passed: 0, failed: 0, pending: 0, tests: [] };
  return new Promise<InHostReport>((resolve, reject) => {
    if (files.length === 0) {
      reject(Object.assign(new Error(`no test files matching ${pattern} in ${options.dir}`), { results: report }));
      return;
    }
    let runner: Mocha.Runner;
    try {
      runner = mocha.run((failures) => {
        if (failures > 0 || report.failed > 0) {
          const names = report.tests.filter((t) => t.state === 'failed').map((t) => `  - ${t.title}: ${t.error?.message ?? ''}`);
          reject(Object.assign(new Error(`${Math.max(failures, report.failed)} in-host test(s) failed:\n${names.join('\n')}`), { results: report }));
        } else {
          resolve(report);
        }
      });
    } catch (e) {
      reject(Object.assign(e instanceof Error ? e : new Error(String(e)), { results: report }));
      return;
    }
    runner.on('pass', (test: Mocha.Test) => {
      report.passed++;
      report.tests.push({ title: test.fullTitle(), state: 'passed', ...(test.duration !== undefined ? { durationMs: test.duration } : {}) });
    });
    runner.on('pending', (test: Mocha.Test) => {
      report.pending++;
      report.tests.push({ title: test.fullTitle(), state: 'pending' });
    });
    // 'fail' also fires for failing hooks (before/after), which are no Test: report them too.
    runner.on('fail', (test: Mocha.Runnable, err: unknown) => {
      report.failed++;
      const e = err instanceof Error ? err : new Error(String(err));
      report.tests.push({
        title: test.fullTitle(),
        state: 'failed',
        ...(test.duration !== undefined ? { durationMs: test.duration } : {}),
        error: { message: e.message, ...(e.stack ? { stack: e.stack } : {}) },
      });
    });
  });
}
