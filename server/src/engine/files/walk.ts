/**
 * The files a selection picks below a folder, found through a port that lists
 * folders: the CLI and the language server walk with the same code, so they find
 * the same files. Folders the selection skips whole are not entered; symbolic links
 * are listed like files (a walk never follows them).
 */
import type { FileSelection } from './selection';

export interface FolderEntry {
  name: string;
  type: 'file' | 'folder' | 'link' | 'other';
}

/** The entries of a folder (its path relative to the root, `''` for the root); undefined when it cannot be read. */
export type ListFolder = (path: string) => readonly FolderEntry[] | undefined;

/** Paths (relative to the root, with `/`) of the checked files below `from` (relative to the root; the root itself by default). */
export function* selectedFiles(list: ListFolder, selection: FileSelection, from = ''): Generator<string> {
  const stack = [from];
  while (stack.length) {
    const folder = stack.pop()!;
    const entries = list(folder);
    if (!entries) continue;
    for (const e of entries) {
      const path = folder ? `${folder}/${e.name}` : e.name;
      if (e.type === 'folder') {
        if (selection.folder(path).checked) stack.push(path);
      } else if ((e.type === 'file' || e.type === 'link') && selection.file(path).checked) yield path;
    }
  }
}
