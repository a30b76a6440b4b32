/**
 * Helpers for the CLI tests: run the built bundle `dist/cli.js` as a user would,
 * in temporary folders the tests fill with files.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { repoRoot } from '../helpers/repo';

export const ROOT = repoRoot();
export const CLI = join(ROOT, 'dist', 'cli.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd: string): CliResult {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  const env = { ...process.env };
  delete env['NODE_OPTIONS'];
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Runs the built CLI without blocking this process (for tests whose loopback
 * stand-ins live in it), with stdin a pipe (not a TTY) and a bare environment:
 * PATH, HOME set to `cwd`, and `env` (no proxy or credential variables from the
 * real one).
 */
export function runCliAsync(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { PATH: process.env['PATH'] ?? '', HOME: cwd, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.stdin.end();
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const made: string[] = [];
process.on('exit', () => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** A fresh temporary folder (real path, so the CLI's relative names are predictable), removed at exit. */
export function tempDir(): string {
  const d = realpathSync(mkdtempSync(join(tmpdir(), 'alertcfg-clitest-')));
  made.push(d);
  return d;
}

/** Writes files (relative path → text or bytes) under a folder; returns the folder. */
export function writeTree(root: string, files: Record<string, string | Uint8Array>): string {
  for (const [rel, content] of Object.entries(files)) {
    const p = join(root, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  return root;
}

/** A temporary repository: a `.git` folder (so configuration lookup stops here) and the files. */
export function makeRepo(files: Record<string, string | Uint8Array>): string {
  const root = tempDir();
  mkdirSync(join(root, '.git'), { recursive: true });
  return writeTree(root, files);
}

export function lines(...ls: string[]): string {
  return `${ls.join('\n')}\n`;
}

/** No stack trace in an error output: no `    at ` frames, no `Error:` dumps. */
export function assertNoStack(s: string): void {
  if (/^\s+at .+\(.+:\d+:\d+\)$/m.test(s) || /^\s+at .+:\d+:\d+$/m.test(s) || /\b(TypeError|ReferenceError|RangeError)\b/.test(s)) {
    throw new Error(`stack trace in output:\n${s}`);
  }
}
