/**
 * The file system behind the engine's file selection, shared by the CLI and the
 * language server: listing the folders of a walk, and the folders the
 * configuration search looks in.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import type { ConfigFolders, FolderEntry, ListFolder } from '../engine/check';

/** Lists folders below `root`, given by their path relative to it with `/`. */
export function folderLister(root: string): ListFolder {
  const prefix = root.endsWith(sep) ? root : root + sep;
  return (path) => {
    let entries;
    try {
      entries = readdirSync(path ? prefix + nativePath(path) : root, { withFileTypes: true });
    } catch {
      return undefined;
    }
    return entries.map((e): FolderEntry => ({ name: e.name, type: e.isFile() ? 'file' : e.isDirectory() ? 'folder' : e.isSymbolicLink() ? 'link' : 'other' }));
  };
}

/** `root` joined with a path relative to it with `/`, as the file system spells it. */
export function absolutePath(root: string, path: string): string {
  return (root.endsWith(sep) ? root : root + sep) + nativePath(path);
}

function nativePath(path: string): string {
  return sep === '/' ? path : path.split('/').join(sep);
}

/**
 * Folders on disk for the configuration search. `read` gives a file's text; by
 * default from disk, where a file that is there but cannot be read throws.
 */
export function configFoldersOnDisk(read: (path: string) => string | undefined = readIfThere): ConfigFolders {
  return {
    read: (folder, name) => read(join(folder, name)),
    has: (folder, name) => existsSync(join(folder, name)),
    parent: (folder) => {
      const up = dirname(folder);
      return up === folder ? undefined : up;
    },
  };
}

function readIfThere(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`cannot read the configuration ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}

/** The text of a file, or undefined when it is missing or cannot be read. */
export function readTextOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
