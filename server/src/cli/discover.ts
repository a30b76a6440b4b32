/**
 * Which files a run checks. A file named on the command line is always checked;
 * folders are walked with the engine's file selection (the project's include and
 * exclude globs relative to its root, `.git` and `node_modules` skipped, and what
 * the root `.gitignore` ignores), the same walk as the language server's; globs are
 * expanded as given, and what they find is skipped as a walk would skip it, include
 * aside.
 */
import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { globSync } from 'tinyglobby';
import { ALWAYS_SKIPPED_FOLDERS, type FileSelection, type ListFolder, type Settings, createFileSelection, selectedFiles } from '../engine/check';
import { absolutePath, folderLister } from '../env/files';
import { projectSelection } from './project';

const ALWAYS_SKIPPED_GLOBS = ALWAYS_SKIPPED_FOLDERS.map((name) => `**/${name}/**`);

export interface Discovered {
  files: string[];
  /** Arguments that matched nothing. */
  missing: string[];
  /** By index in `files`: 1 for a file known to be a regular file (walked or named), 0 for a link or a glob's find (either may be anything). */
  regular: Uint8Array;
}

/**
 * Finds are gathered in a list, sorted, and told apart from duplicates (several
 * arguments can name a file twice) by their neighbours: hashing every path of a
 * large tree into a set cost more than the walk.
 */
export function discoverFiles(args: string[], cwd: string, root: string, settings: Settings): Discovered {
  const found: string[] = [];
  /** Paths that may not be regular files: symbolic links a walk listed, and glob finds. */
  const unsure = new Set<string>();
  const missing: string[] = [];
  const prefix = root.endsWith(sep) ? root : root + sep;
  // Most files are under the root: their relative path is a slice.
  const relativeToRoot = (abs: string) => (abs === root ? '' : abs.startsWith(prefix) ? toPosix(abs.slice(prefix.length)) : toPosix(relative(root, abs)));
  const inside = (rel: string) => rel !== '..' && !rel.startsWith('../') && !isAbsolute(rel);
  let walking: FileSelection | undefined;
  let globbing: FileSelection | undefined;
  for (const arg of args.length ? args : ['.']) {
    const abs = resolve(cwd, arg);
    const kind = kindOf(abs);
    if (kind === 'file') {
      found.push(abs);
      continue;
    }
    if (kind === 'folder') {
      const rel = relativeToRoot(abs);
      // A folder outside the project: its files by include, relative to it.
      const [base, selection, from] = inside(rel) ? [root, (walking ??= projectSelection({ root, settings })), rel] : [abs, createFileSelection({ include: settings.include, exclude: [] }), ''];
      const links = new Set<string>();
      for (const p of selectedFiles(notingLinks(folderLister(base), links), selection, from)) {
        const file = absolutePath(base, p);
        found.push(file);
        if (links.size && links.has(p)) unsure.add(file);
      }
      continue;
    }
    globbing ??= projectSelection({ root, settings }, ['**']);
    let any = false;
    for (const f of globSync([toPosix(arg)], { cwd, absolute: true, dot: true, ignore: ALWAYS_SKIPPED_GLOBS, followSymbolicLinks: false })) {
      const file = resolve(f);
      const rel = relativeToRoot(file);
      if (inside(rel) && !globbing.file(rel).checked) continue;
      found.push(file);
      unsure.add(file);
      any = true;
    }
    if (!any) missing.push(arg);
  }
  found.sort();
  const files: string[] = [];
  for (const f of found) if (f !== files[files.length - 1]) files.push(f);
  return { files, missing, regular: Uint8Array.from(files, (f) => (unsure.size && unsure.has(f) ? 0 : 1)) };
}

/** The lister, noting the paths of the symbolic links it lists (their targets may be anything). */
function notingLinks(list: ListFolder, links: Set<string>): ListFolder {
  return (folder) => {
    const entries = list(folder);
    if (entries) for (const e of entries) if (e.type === 'link') links.add(folder ? `${folder}/${e.name}` : e.name);
    return entries;
  };
}

function kindOf(abs: string): 'file' | 'folder' | undefined {
  try {
    const s = statSync(abs);
    return s.isFile() ? 'file' : s.isDirectory() ? 'folder' : undefined;
  } catch {
    return undefined;
  }
}

export function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}
