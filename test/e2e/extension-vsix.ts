// The packaged Alert Config extension for the e2e tests: `npm run package` (the same script
// that makes the published alertcfg.vsix: a minified build, then vsce) run once per test run,
// giving out/e2e-vsix/alertcfg.vsix.
//
// It runs in a copy of the repository (out/e2e-vsix/stage, node_modules linked), not in the
// repository itself: `npm run package` rebuilds dist/, which other tests running at the same
// time (the LSP and CLI tests spawn dist/server.js and dist/cli.js) must not see half written.
// node --test runs each test file in its own process, side by side: a lock folder makes one
// of them package while the others wait, and a stamp naming the test runner's pid (the parent
// of every test file's process) lets them reuse it.
//
// ALERTCFG_E2E_VSIX=<file> uses a .vsix built beforehand instead.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { repoRoot } from './harness';

export interface PackagedVsix {
  file: string;
  /** How it was obtained: packaged now, reused from this test run, or given by ALERTCFG_E2E_VSIX. */
  how: 'packaged' | 'reused' | 'given';
  ms: number;
}

/** Left out of the staging copy: build outputs, tests, history; node_modules is linked instead. */
const NOT_STAGED = new Set(['.git', 'node_modules', 'out', 'dist', 'test', 'test-artifacts', 'alertcfg.vsix', 'bench', 'examples']);

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function extensionVsix(): Promise<PackagedVsix> {
  const t0 = Date.now();
  const given = process.env.ALERTCFG_E2E_VSIX;
  if (given) {
    if (!fs.existsSync(given)) throw new Error(`ALERTCFG_E2E_VSIX=${given} does not exist`);
    return { file: path.resolve(given), how: 'given', ms: 0 };
  }
  const root = repoRoot();
  const dir = path.join(root, 'out', 'e2e-vsix');
  const file = path.join(dir, 'alertcfg.vsix');
  const stamp = path.join(dir, 'stamp.json');
  const lock = path.join(dir, '.lock');
  fs.mkdirSync(dir, { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // A lock left by a crashed run is stale after 3 minutes.
      try {
        if (Date.now() - fs.statSync(lock).mtimeMs > 180_000) fs.rmSync(lock, { recursive: true, force: true });
      } catch {
        /* gone meanwhile */
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock} (another test packaging the extension)`);
      await sleep(200);
    }
  }
  try {
    try {
      const s = JSON.parse(fs.readFileSync(stamp, 'utf8')) as { runner?: number };
      if (s.runner === process.ppid && fs.existsSync(file)) return { file, how: 'reused', ms: Date.now() - t0 };
    } catch {
      /* no stamp yet */
    }
    const stage = path.join(dir, 'stage');
    fs.rmSync(stage, { recursive: true, force: true });
    fs.mkdirSync(stage);
    for (const name of fs.readdirSync(root)) {
      if (NOT_STAGED.has(name)) continue;
      fs.cpSync(path.join(root, name), path.join(stage, name), { recursive: true, verbatimSymlinks: true });
    }
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(stage, 'node_modules'), 'dir');
    const res = spawnSync('npm', ['run', 'package'], { cwd: stage, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000 });
    const built = path.join(stage, 'alertcfg.vsix');
    if (res.status !== 0 || !fs.existsSync(built)) throw new Error(`npm run package failed in ${stage} (exit ${res.status}):\n${res.stdout}\n${res.stderr}`);
    fs.copyFileSync(built, file);
    if (!process.env.ALERTCFG_E2E_KEEP) fs.rmSync(stage, { recursive: true, force: true });
    fs.writeFileSync(stamp, JSON.stringify({ runner: process.ppid, at: new Date().toISOString() }));
    return { file, how: 'packaged', ms: Date.now() - t0 };
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------
// Reading the .vsix (a zip) without unzip

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** The entries of a zip file, from its central directory. */
export function zipEntries(buf: Buffer): ZipEntry[] {
  // End of central directory: signature 0x06054b50, within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file (no end of central directory record)');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central directory header at ${p}`);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    entries.push({
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The uncompressed bytes of one entry (stored or deflated). */
export function zipRead(buf: Buffer, e: ZipEntry): Buffer {
  const p = e.localOffset;
  if (buf.readUInt32LE(p) !== 0x04034b50) throw new Error(`bad local header for ${e.name}`);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  if (e.method === 0) return Buffer.from(data);
  if (e.method === 8) return inflateRawSync(data);
  throw new Error(`unsupported compression method ${e.method} for ${e.name}`);
}

/** Unpacks the extension folder of a .vsix (`extension/...`) into `dir`; returns dir. */
export function unpackExtension(vsix: string, dir: string): string {
  const buf = fs.readFileSync(vsix);
  for (const e of zipEntries(buf)) {
    if (!e.name.startsWith('extension/') || e.name.endsWith('/')) continue;
    const out = path.join(dir, e.name.slice('extension/'.length));
    if (!out.startsWith(dir + path.sep)) throw new Error(`unsafe path in ${vsix}: ${e.name}`);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, zipRead(buf, e));
  }
  return dir;
}
