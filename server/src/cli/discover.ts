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
import { ALWAYS_SKIPPED_FOLDERS, type FileSelection, type ListFolder, type Settings, createFileSelection, selectedFiles } from '../engine/check';
import { absolutePath, folderLister } from '../env/files';
import { projectSelection } from './project';

const ALWAYS_SKIPPED_GLOBS = ALWAYS_SKIPPED_FOLDERS.map((name) => `**/${name}/**`);

export interface Discovered {
  files: string[];
  /** Arguments that matched nothing. */
  missing: string[];
  /** By index in `files`: 1 for a file known to be a regular file (walked or named), 0 for a link or a glob's find. */
  regular: Uint8Array;
}

/** Paths are walked with the engine's selection; the glob library is loaded only for arguments that are globs. */
export async function discoverFiles(args: string[], cwd: string, root: string, settings: Settings): Promise<Discovered> {
  const files = new Set<string>();
  const regular = new Set<string>();
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
      files.add(abs);
      regular.add(abs);
      continue;
    }
    if (kind === 'folder') {
      const rel = relativeToRoot(abs);
      // A folder outside the project: its files by include, relative to it.
      const [base, selection, from] = inside(rel) ? [root, (walking ??= projectSelection({ root, settings })), rel] : [abs, createFileSelection({ include: settings.include, exclude: [] }), ''];
      const links = new Set<string>();
      for (const p of selectedFiles(notingLinks(folderLister(base), links), selection, from)) {
        const found = absolutePath(base, p);
        files.add(found);
        if (!links.has(p)) regular.add(found);
      }
      continue;
    }
    globbing ??= projectSelection({ root, settings }, ['**']);
    let any = false;
    const { globSync } = await import('tinyglobby');
    for (const f of globSync([toPosix(arg)], { cwd, absolute: true, dot: true, ignore: ALWAYS_SKIPPED_GLOBS, followSymbolicLinks: false })) {
      const found = resolve(f);
      const rel = relativeToRoot(found);
      if (inside(rel) && !globbing.file(rel).checked) continue;
      files.add(found);
      any = true;
    }
    if (!any) missing.push(arg);
  }
  const sorted = [...files].sort();
  return { files: sorted, missing, regular: Uint8Array.from(sorted, (f) => (regular.has(f) ? 1 : 0)) };
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
