/**
 * The workspace folders the client named (or its root URI), and which one holds a
 * file: the innermost, by path.
 */
import type { WorkspaceFolder } from 'vscode-languageserver';
import type { UriPaths } from './platform/types';

export interface Folder {
  uri: string;
  path: string;
}

export class WorkspaceFolders {
  private list: Folder[] = [];

  constructor(readonly paths: UriPaths) {}

  get all(): readonly Folder[] {
    return this.list;
  }

  set(folders: readonly WorkspaceFolder[] | null | undefined, rootUri?: string | null): void {
    const list: Folder[] = [];
    for (const f of Array.isArray(folders) ? folders : []) {
      const path = typeof f?.uri === 'string' ? this.paths.pathOf(f.uri) : undefined;
      if (path) list.push({ uri: this.paths.canonical(f.uri), path });
    }
    if (!list.length && typeof rootUri === 'string') {
      const path = this.paths.pathOf(rootUri);
      if (path) list.push({ uri: this.paths.canonical(rootUri), path });
    }
    this.list = list;
  }

  /** The workspace folder a file is in (the innermost one), or the folder the URI names. */
  folderOf(uri: string): Folder | undefined {
    const path = this.paths.pathOf(uri);
    if (!path) return undefined;
    let best: Folder | undefined;
    for (const f of this.list) {
      if (!this.relativeInside(f.path, path)) continue;
      if (!best || f.path.length > best.path.length) best = f;
    }
    return best;
  }

  /** `path` relative to `folder`, with `/`; undefined when it is not inside. `''` for the folder itself. */
  relativeInside(folder: string, path: string): string | undefined {
    return this.paths.relativeInside(folder, path);
  }
}
