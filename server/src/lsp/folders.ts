/**
 * The workspace folders the client named (or its root URI), and which one holds a
 * file: the innermost, by path.
 */
import { relative, sep } from 'node:path';
import type { WorkspaceFolder } from 'vscode-languageserver/node';
import { canonicalUri, pathOfUri } from './documents';

export interface Folder {
  uri: string;
  path: string;
}

export class WorkspaceFolders {
  private list: Folder[] = [];

  get all(): readonly Folder[] {
    return this.list;
  }

  set(folders: readonly WorkspaceFolder[] | null | undefined, rootUri?: string | null): void {
    const list: Folder[] = [];
    for (const f of Array.isArray(folders) ? folders : []) {
      const path = typeof f?.uri === 'string' ? pathOfUri(f.uri) : undefined;
      if (path) list.push({ uri: canonicalUri(f.uri), path });
    }
    if (!list.length && typeof rootUri === 'string') {
      const path = pathOfUri(rootUri);
      if (path) list.push({ uri: canonicalUri(rootUri), path });
    }
    this.list = list;
  }

  /** The workspace folder a file is in (the innermost one), or the folder the URI names. */
  folderOf(uri: string): Folder | undefined {
    const path = pathOfUri(uri);
    if (!path) return undefined;
    let best: Folder | undefined;
    for (const f of this.list) {
      if (!relativeInside(f.path, path)) continue;
      if (!best || f.path.length > best.path.length) best = f;
    }
    return best;
  }
}

/** `path` relative to `folder`, with `/`; undefined when it is not inside. `''` for the folder itself. */
export function relativeInside(folder: string, path: string): string | undefined {
  const rel = relative(folder, path);
  if (rel === '..' || rel.startsWith(`..${sep}`) || rel.includes(`${sep}..${sep}`) || /^[a-zA-Z]:/.test(rel) || rel.startsWith(sep)) return undefined;
  return sep === '/' ? rel : rel.split(sep).join('/');
}
