/**
 * Which files a run checks. A file named on the command line is always checked;
 * folders are walked and globs expanded with the configured include and exclude
 * patterns, skipping `.git`, `node_modules` and what the root `.gitignore` ignores.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { globSync } from 'tinyglobby';
import type { Settings } from '../engine/index';

const ALWAYS_SKIPPED = ['**/.git/**', '**/node_modules/**'];

export interface Discovered {
  files: string[];
  /** Arguments that matched nothing. */
  missing: string[];
}

export function discoverFiles(args: string[], cwd: string, root: string, settings: Settings): Discovered {
  const files = new Set<string>();
  const missing: string[] = [];
  const ignored = gitignore(root);
  const excluded = picomatch([...ALWAYS_SKIPPED, ...settings.exclude], { dot: true });
  const keep = (abs: string) => {
    const rel = toPosix(relative(root, abs));
    const inside = !rel.startsWith('..') && !isAbsolute(rel);
    return !(inside && (excluded(rel) || (ignored && rel && ignored.ignores(rel))));
  };
  for (const arg of args.length ? args : ['.']) {
    const abs = resolve(cwd, arg);
    if (existsSync(abs) && statSync(abs).isFile()) {
      files.add(abs);
      continue;
    }
    const isDir = existsSync(abs) && statSync(abs).isDirectory();
    const patterns = isDir ? settings.include : [toPosix(arg)];
    const base = isDir ? abs : cwd;
    const found = globSync(patterns, { cwd: base, absolute: true, dot: true, ignore: ALWAYS_SKIPPED, followSymbolicLinks: false });
    let any = false;
    for (const f of found) {
      if (!keep(f)) continue;
      files.add(resolve(f));
      any = true;
    }
    if (!any && !isDir) missing.push(arg);
  }
  return { files: [...files].sort(), missing };
}

function gitignore(root: string): Ignore | undefined {
  const p = join(root, '.gitignore');
  if (!existsSync(p)) return undefined;
  try {
    return ignore().add(readFileSync(p, 'utf8'));
  } catch {
    return undefined;
  }
}

export function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}
