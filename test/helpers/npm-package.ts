/**
 * The npm package as `npm pack` makes it, once per test run: in a copy of the
 * repository (out/npm-package/stage, node_modules linked), because packing builds
 * dist/ (the prepare script) and rewrites package.json for a moment
 * (scripts/npm-manifest.mjs) while other tests run the built bundles and read it.
 * Test files run in parallel processes: a lock folder makes one of them pack while
 * the others wait, and a stamp naming the test runner's pid lets them reuse it.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './repo';

export interface PackedFile {
  path: string;
  size: number;
}

export interface Packed {
  tarball: string;
  /** Bytes of the .tgz and of its files unpacked, as npm reports them. */
  size: number;
  unpackedSize: number;
  files: PackedFile[];
}

const NOT_STAGED = new Set(['.git', 'node_modules', 'out', 'dist', 'test', 'test-artifacts', 'bench', 'examples', 'alertcfg.vsix']);

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function npmPackage(): Promise<Packed> {
  const root = repoRoot();
  const dir = join(root, 'out', 'npm-package');
  const stamp = join(dir, 'stamp.json');
  const lock = join(dir, '.lock');
  mkdirSync(dir, { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      try {
        if (Date.now() - statSync(lock).mtimeMs > 180_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        /* gone meanwhile */
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock} (another test packing)`);
      await sleep(200);
    }
  }
  try {
    try {
      const s = JSON.parse(readFileSync(stamp, 'utf8')) as { runner?: number; packed?: Packed };
      if (s.runner === process.ppid && s.packed && existsSync(s.packed.tarball)) return s.packed;
    } catch {
      /* not packed in this run yet */
    }
    const stage = join(dir, 'stage');
    rmSync(stage, { recursive: true, force: true });
    mkdirSync(stage);
    for (const name of readdirSync(root)) if (!NOT_STAGED.has(name)) cpSync(join(root, name), join(stage, name), { recursive: true, verbatimSymlinks: true });
    symlinkSync(join(root, 'node_modules'), join(stage, 'node_modules'), 'dir');
    const r = spawnSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: stage, encoding: 'utf8', timeout: 180_000 });
    if (r.status !== 0) throw new Error(`npm pack failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
    const [info] = JSON.parse(r.stdout) as { filename: string; size: number; unpackedSize: number; files: PackedFile[] }[];
    const packed: Packed = { tarball: join(dir, info!.filename), size: info!.size, unpackedSize: info!.unpackedSize, files: info!.files.map((f) => ({ path: f.path, size: f.size })) };
    rmSync(stage, { recursive: true, force: true });
    writeFileSync(stamp, JSON.stringify({ runner: process.ppid, packed }));
    return packed;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Installs the tarball into `dir` (an empty folder) with npm, offline: the package needs nothing else. */
export function installTarball(tarball: string, dir: string): void {
  writeFileSync(join(dir, 'package.json'), '{ "name": "alertcfg-install-test", "private": true }\n');
  const r = spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--no-package-lock', tarball], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`npm install ${tarball} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
}

/** Bytes of the files under a folder (what an install takes, as du --apparent-size counts it). */
export function folderBytes(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) n += folderBytes(p);
    else if (e.isFile()) n += statSync(p).size;
  }
  return n;
}

