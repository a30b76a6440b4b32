/**
 * Which files a run checks. A file named on the command line is always checked;
 * folders are walked and globs expanded with the configured include and exclude
 * patterns, skipping `.git`, `node_modules` and what the root `.gitignore` ignores.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
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
  const prefix = root.endsWith(sep) ? root : root + sep;
  const keep = (abs: string) => {
    // Most files are under the root: their relative path is a slice.
    const rel = abs.startsWith(prefix) ? toPosix(abs.slice(prefix.length)) : toPosix(relative(root, abs));
    const inside = !rel.startsWith('..') && !isAbsolute(rel);
    return !(inside && (excluded(rel) || (ignored !== undefined && rel !== '' && ignored(rel))));
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
    const walked = isDir && walkable(patterns) ? walkFolder(base, patterns) : undefined;
    const found = walked ?? globSync(patterns, { cwd: base, absolute: true, dot: true, ignore: ALWAYS_SKIPPED, followSymbolicLinks: false });
    let any = false;
    for (const f of found) {
      if (!keep(f)) continue;
      // The walk gives normal absolute paths already.
      files.add(walked ? f : resolve(f));
      any = true;
    }
    if (!any && !isDir) missing.push(arg);
  }
  return { files: [...files].sort(), missing };
}

/**
 * Include patterns the folder walk below matches exactly as the glob library does:
 * relative, without `..`, negation or a leading `./`. (The walk is several times
 * faster than the general glob for a folder of thousands of files.)
 */
function walkable(patterns: readonly string[]): boolean {
  return patterns.length > 0 && patterns.every((p) => p.length > 0 && !p.startsWith('/') && !p.startsWith('!') && !p.startsWith('./') && !/(^|\/)\.\.(\/|$)/.test(p) && !/^[A-Za-z]:/.test(p));
}

/**
 * The files under `base` whose path relative to it matches a pattern, as
 * `globSync(patterns, { dot: true, ignore: ['**\/.git/**', '**\/node_modules/**'],
 * followSymbolicLinks: false })` finds them: `.git` and `node_modules` folders are not
 * entered, symbolic links are listed (not followed). Undefined when a folder cannot
 * be read, so that the caller falls back to the glob library and its behaviour.
 */
function walkFolder(base: string, patterns: readonly string[]): string[] | undefined {
  const match = picomatch(patterns as string[], { dot: true });
  const out: string[] = [];
  const stack: [string, string][] = [[base, '']];
  while (stack.length) {
    const [dir, rel] = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return undefined;
    }
    for (const e of entries) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (e.name !== '.git' && e.name !== 'node_modules') stack.push([`${dir}${sep}${e.name}`, r]);
      } else if ((e.isFile() || e.isSymbolicLink()) && match(r)) out.push(`${dir}${sep}${e.name}`);
    }
  }
  return out;
}

/**
 * The root `.gitignore` as a test of relative paths. When every rule names folders
 * only (`drafts/`, `build/`: the usual case), a file is ignored exactly when a
 * folder above it is, so the answer is looked up once per folder, not per file.
 */
function gitignore(root: string): ((rel: string) => boolean) | undefined {
  const p = join(root, '.gitignore');
  if (!existsSync(p)) return undefined;
  let text: string;
  let ig: Ignore;
  try {
    text = readFileSync(p, 'utf8');
    ig = ignore().add(text);
  } catch {
    return undefined;
  }
  const rules = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const foldersOnly = rules.every((l) => l.endsWith('/') && !l.startsWith('!') && !l.includes('\\'));
  if (!foldersOnly) return (rel) => ig.ignores(rel);
  const byFolder = new Map<string, boolean>();
  return (rel) => {
    const slash = rel.lastIndexOf('/');
    if (slash === -1) return false;
    const folder = rel.slice(0, slash + 1);
    let hit = byFolder.get(folder);
    if (hit === undefined) byFolder.set(folder, (hit = ig.ignores(folder)));
    return hit;
  };
}

export function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}
