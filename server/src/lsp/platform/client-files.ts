/**
 * The workspace's files read through the client (`alertcfg/findFiles`,
 * `alertcfg/readFile`, `alertcfg/stat`), for a server with no file system of its
 * own: in VS Code for the Web the extension answers with `vscode.workspace.findFiles`
 * and `vscode.workspace.fs`, which reach whatever the workspace is (a GitHub
 * repository on github.dev, a local folder on vscode.dev). Paths are URIs
 * (uri-paths.ts). A client that does not answer these requests leaves the server
 * with the open documents only.
 */
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import type { FolderEntry, ListFolder } from '../../engine/index';
import { ClientRequest, type FindFilesParams, type FindFilesResult, type ReadFileParams, type ReadFileResult, type StatResult } from '../../protocol/index';
import type { Logger } from '../safe';
import type { FileStat, UriPaths, WorkspaceFiles } from './types';

/** The most files one listing asks for: the index stops at 50,000. */
export const MAX_LISTED = 50_001;
/** Text files (`.alertcfg.yaml`, `.gitignore`) larger than this are not read. */
const MAX_TEXT_BYTES = 16 * 1024 * 1024;

export interface RequestSender {
  sendRequest<R>(method: string, params: unknown): Promise<R>;
}

export class ClientFiles implements WorkspaceFiles {
  private unsupported = false;

  constructor(
    private readonly client: RequestSender,
    private readonly paths: UriPaths,
    private readonly logger: Logger,
  ) {}

  async lister(root: string, settings: { include: readonly string[]; exclude: readonly string[] }): Promise<ListFolder> {
    const params: FindFilesParams = { folder: this.paths.uriOf(root), include: [...settings.include], exclude: [...settings.exclude], maxResults: MAX_LISTED };
    const found = await this.ask<FindFilesResult>(ClientRequest.findFiles, params);
    const uris = Array.isArray(found?.uris) ? found.uris.filter((u): u is string => typeof u === 'string') : [];
    return listerOf(uris.flatMap((u) => {
      const path = this.paths.pathOf(u);
      const rel = path === undefined ? undefined : this.paths.relativeInside(root, path);
      return rel ? [rel] : [];
    }));
  }

  async stat(path: string): Promise<FileStat | undefined> {
    const r = await this.ask<StatResult | null>(ClientRequest.stat, { uri: this.paths.uriOf(path) });
    return r && typeof r.size === 'number' && typeof r.mtime === 'number' ? { size: r.size, mtime: r.mtime } : undefined;
  }

  async read(path: string, maxBytes: number): Promise<Uint8Array | undefined> {
    const params: ReadFileParams = { uri: this.paths.uriOf(path), maxBytes };
    const r = await this.ask<ReadFileResult | null>(ClientRequest.readFile, params);
    if (typeof r?.base64 !== 'string') return undefined;
    const bytes = fromBase64(r.base64);
    return bytes && bytes.length <= maxBytes ? bytes : undefined;
  }

  async readText(path: string): Promise<string | undefined> {
    const bytes = await this.read(path, MAX_TEXT_BYTES);
    // As Node's readFileSync(path, 'utf8'): a byte order mark is kept, bad bytes become U+FFFD.
    return bytes && new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  }

  /** A request to the client; undefined when it fails. A client without these requests is asked once. */
  private async ask<R>(method: string, params: unknown): Promise<R | undefined> {
    if (this.unsupported) return undefined;
    try {
      return await this.client.sendRequest<R>(method, params);
    } catch (err) {
      if (err instanceof ResponseError && err.code === ErrorCodes.MethodNotFound) {
        this.unsupported = true;
        this.logger.log(`alertcfg: the client does not answer ${method}; only open documents are checked.`);
      }
      return undefined;
    }
  }
}

/** A walk's lister over a list of file paths (relative, with `/`): the folders are those the paths pass through. */
export function listerOf(files: readonly string[]): ListFolder {
  const folders = new Map<string, Map<string, FolderEntry['type']>>([['', new Map()]]);
  for (const file of files) {
    const parts = file.split('/');
    let at = '';
    for (let i = 0; i < parts.length; i++) {
      const name = parts[i]!;
      const last = i === parts.length - 1;
      folders.get(at)!.set(name, last ? 'file' : 'folder');
      if (last) break;
      at = at ? `${at}/${name}` : name;
      if (!folders.has(at)) folders.set(at, new Map());
    }
  }
  return (path) => {
    const entries = folders.get(path);
    return entries ? [...entries].map(([name, type]) => ({ name, type })) : undefined;
  };
}

function fromBase64(text: string): Uint8Array | undefined {
  try {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}
