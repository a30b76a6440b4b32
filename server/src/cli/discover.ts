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
import { ALWAYS_SKIPPED_FOLDERS, type FileSelection, type Settings, createFileSelection, selectedFiles } from '../engine/check';
import { absolutePath, folderLister } from '../env/files';
import { projectSelection } from './project';

const ALWAYS_SKIPPED_GLOBS = ALWAYS_SKIPPED_FOLDERS.map((name) => `**/${name}/**`);

export interface Discovered {
  files: string[];
  /** Arguments that matched nothing. */
  missing: string[];
}

/** Paths are walked with the engine's selection; the glob library is loaded only for arguments that are globs. */
export async function discoverFiles(args: string[], cwd: string, root: string, settings: Settings): Promise<Discovered> {
  const files = new Set<string>();
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
      continue;
    }
    if (kind === 'folder') {
      const rel = relativeToRoot(abs);
      if (inside(rel)) {
        walking ??= projectSelection({ root, settings });
        for (const p of selectedFiles(folderLister(root), walking, rel)) files.add(absolutePath(root, p));
      } else {
        // A folder outside the project: its files by include, relative to it.
        const outside = createFileSelection({ include: settings.include, exclude: [] });
        for (const p of selectedFiles(folderLister(abs), outside)) files.add(absolutePath(abs, p));
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
  return { files: [...files].sort(), missing };
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
