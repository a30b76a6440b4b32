/**
 * Concurrency and memory:
 *
 * - `alertcfg validate` on a repository of 10,000 files (10 % with an error): the
 *   peak resident memory (the kernel's high-water mark, VmHWM, read when the process
 *   exits, worker threads included) and the most files open at once (sampled from
 *   /proc) are bounded: a 10,000-file run needs little more than a 1,000-file one;
 * - the language server under a burst of 1,000 didChange notifications: every
 *   change is applied, the last version's diagnostics arrive, publications are
 *   debounced, and the resident memory after a second burst is not higher than
 *   after the first by more than a small margin (measured before and after).
 *
 * Linux only (/proc); elsewhere the tests skip. The numbers go to FUZZ_REPORT when set.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { CLI } from '../cli/run-cli';
import { report } from '../fuzz/config';
import { type LspClient, sleep, startServer } from '../lsp/harness';

const LINUX = existsSync('/proc/self/status');
const MB = 1024 * 1024;
const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function statusField(pid: number, field: string): number | undefined {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

function openFiles(pid: number): number | undefined {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return undefined;
  }
}

/** A repository of `n` Contact files in folders of 100; every tenth has a bad e-mail. */
function repo(n: number): string {
  const root = mkdtempSync(join(tmpdir(), `alertcfg-many-${n}-`));
  dirs.push(root);
  mkdirSync(join(root, '.git'));
  for (let i = 0; i < n; i++) {
    const dir = join(root, `team${String(Math.floor(i / 100)).padStart(3, '0')}`);
    if (i % 100 === 0) mkdirSync(dir);
    writeFileSync(
      join(dir, `contact-${i}.yaml`),
      `apiVersion: alertcfg/v1\nkind: Contact\nmetadata:\n  name: c${i}\ntarget:\n  region: cn-beijing\nspec:\n  Name: c${i}\n  Email: ${i % 10 === 0 ? 'bad' : `c${i}@example.com`}\n  ContactGroupIds: [e28ae750-bbb8-4ff4-abf4-1e0e0f88808c]\n`,
    );
  }
  return root;
}

interface Run {
  code: number | null;
  stdout: string;
  peakRss: number;
  peakFds: number;
  baseFds: number;
  ms: number;
}

/** Runs the CLI with a preload that writes the process's VmHWM at exit; samples its open files meanwhile. */
function validate(cwd: string): Promise<Run> {
  const probe = join(cwd, '..', `probe-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  const preload = join(cwd, '..', `preload-${process.pid}.js`);
  writeFileSync(preload, `process.on('exit', () => { const m = /^VmHWM:\\s+(\\d+) kB/m.exec(require('fs').readFileSync('/proc/self/status', 'utf8')); require('fs').writeFileSync(${JSON.stringify(probe)}, JSON.stringify({ hwm: m ? Number(m[1]) * 1024 : 0 })); });\n`);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const env = { ...process.env };
    delete env['NODE_OPTIONS'];
    const child = spawn(process.execPath, ['--require', preload, CLI, 'validate', '.', '--format', 'json'], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.resume();
    let peakFds = 0;
    let baseFds = Infinity;
    const poll = setInterval(() => {
      const n = openFiles(child.pid!);
      if (n !== undefined) {
        peakFds = Math.max(peakFds, n);
        baseFds = Math.min(baseFds, n);
      }
    }, 2);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      const hwm = existsSync(probe) ? (JSON.parse(readFileSync(probe, 'utf8')) as { hwm: number }).hwm : 0;
      rmSync(probe, { force: true });
      resolve({ code, stdout, peakRss: hwm, peakFds, baseFds: Number.isFinite(baseFds) ? baseFds : 0, ms: Math.round(performance.now() - started) });
    });
  });
}

test('the CLI validates a 10,000-file repository with bounded memory and open files', { skip: LINUX ? false : 'needs /proc (Linux)', timeout: 300_000 }, async () => {
  assert.ok(existsSync(CLI), `${CLI} is missing: run npm run build`);
  const small = await validate(repo(1000));
  const large = await validate(repo(10_000));
  for (const [n, r] of [[1000, small], [10_000, large]] as const) {
    assert.equal(r.code, 1, 'errors found');
    const out = JSON.parse(r.stdout) as { checked: number; counts: { error: number } };
    assert.equal(out.checked, n);
    assert.equal(out.counts.error, n / 10);
  }
  report({ property: 'cli-10000', files1000: { peakRssMB: +(small.peakRss / MB).toFixed(1), peakFds: small.peakFds, ms: small.ms }, files10000: { peakRssMB: +(large.peakRss / MB).toFixed(1), peakFds: large.peakFds, baseFds: large.baseFds, ms: large.ms } });
  // Bounded: ten times the files is far less than ten times the memory, and never many files at once.
  assert.ok(large.peakRss > 0, 'VmHWM was read');
  assert.ok(large.peakRss < 512 * MB, `peak RSS ${Math.round(large.peakRss / MB)} MB`);
  assert.ok(large.peakRss < small.peakRss * 3, `1,000 files: ${Math.round(small.peakRss / MB)} MB; 10,000 files: ${Math.round(large.peakRss / MB)} MB`);
  assert.ok(large.peakFds < 256, `${large.peakFds} files open at once (10,000 files checked)`);
});

test('the server takes a burst of 1,000 didChange notifications without growing without bound', { skip: LINUX ? false : 'needs /proc (Linux)', timeout: 300_000 }, async () => {
  const c: LspClient = await startServer();
  try {
    // A file of 300 Contacts (about 60 KB), edited in one of them, character by character.
    const text = Array.from({ length: 300 }, (_, i) => `apiVersion: alertcfg/v1\nkind: Contact\nmetadata:\n  name: c${i}\ntarget:\n  region: cn-beijing\nspec:\n  Name: c${i}\n  Email: c${i}@example.com\n`).join('---\n');
    const uri = c.open('burst.yaml', text);
    await c.diagnostics(uri, (p) => p.version === 1);
    const pid = c.proc.pid!;
    const burst = async (n: number) => {
      const before = c.published.length;
      for (let i = 0; i < n; i++) {
        // Type a character into c150's Name, and now and then delete it again: the text stays about the same.
        const at = c.pos(uri, 'Name: c150', 10);
        if (i % 2 === 0) c.change(uri, [{ range: { start: at, end: at }, text: 'x' }]);
        else c.change(uri, [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' }]);
      }
      const last = c.version(uri);
      const p = await c.diagnostics(uri, (x) => x.version === last, 60_000);
      assert.deepEqual(p.diagnostics, []);
      await sleep(500);
      return { published: c.published.length - before, rss: statusField(pid, 'VmRSS')! };
    };
    const warm = await burst(200);
    const rssBefore = statusField(pid, 'VmRSS')!;
    const first = await burst(1000);
    const second = await burst(1000);
    const third = await burst(1000);
    report({ property: 'lsp-burst', rssBeforeMB: +(rssBefore / MB).toFixed(1), afterFirstMB: +(first.rss / MB).toFixed(1), afterSecondMB: +(second.rss / MB).toFixed(1), afterThirdMB: +(third.rss / MB).toFixed(1), publicationsPerBurst: [first.published, second.published, third.published], warmPublications: warm.published });
    assert.ok(c.alive);
    // Debounced: far fewer publications than changes.
    for (const b of [first, second, third]) assert.ok(b.published < 200, `${b.published} publications for 1,000 changes`);
    // Memory: after three bursts of 1,000 edits, not more than 64 MB above what the first left.
    assert.ok(third.rss - first.rss < 64 * MB, `RSS ${Math.round(first.rss / MB)} → ${Math.round(second.rss / MB)} → ${Math.round(third.rss / MB)} MB`);
    assert.ok(third.rss < 512 * MB, `RSS ${Math.round(third.rss / MB)} MB`);
  } finally {
    await c.shutdown();
  }
});
