/**
 * The workspace's files for a language server that has no file system of its own
 * (in VS Code for the Web it runs in a web worker): the answers to
 * `alertcfg/findFiles`, `alertcfg/readFile` and `alertcfg/stat`, through
 * `vscode.workspace.findFiles` and `vscode.workspace.fs`, which reach whatever the
 * workspace is (a GitHub repository on github.dev, a local folder on vscode.dev).
 * Every failure answers "no such file" (null), never an error.
 */
import * as vscode from 'vscode';
import type { FindFilesParams, FindFilesResult, ReadFileParams, ReadFileResult, StatResult } from '../../server/src/protocol/index';

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The files of a folder matching the `include` patterns (one search each; VS Code globs do not nest braces). */
export async function findFiles(p: FindFilesParams): Promise<FindFilesResult> {
  if (typeof p?.folder !== 'string') return { uris: [] };
  const folder = vscode.Uri.parse(p.folder);
  const max = typeof p.maxResults === 'number' && p.maxResults > 0 ? p.maxResults : 50_001;
  const exclude = strings(p.exclude);
  // The server applies the whole file selection again (excludes, .gitignore); this only trims the listing.
  const excludeGlob = exclude.length && !exclude.some((x) => /[{}]/.test(x)) ? new vscode.RelativePattern(folder, `{${exclude.join(',')}}`) : null;
  const found = new Set<string>();
  for (const include of strings(p.include)) {
    if (found.size >= max) break;
    try {
      for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, include), excludeGlob, max)) found.add(uri.toString());
    } catch {
      // A pattern VS Code cannot search with finds nothing.
    }
  }
  return { uris: [...found].slice(0, max) };
}

async function fileStat(uri: string): Promise<vscode.FileStat | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(vscode.Uri.parse(uri));
    return stat.type & vscode.FileType.File ? stat : undefined;
  } catch {
    return undefined;
  }
}

export async function statFile(p: { uri?: unknown }): Promise<StatResult | null> {
  const stat = typeof p?.uri === 'string' ? await fileStat(p.uri) : undefined;
  return stat ? { size: stat.size, mtime: stat.mtime } : null;
}

export async function readFile(p: ReadFileParams): Promise<ReadFileResult | null> {
  if (typeof p?.uri !== 'string') return null;
  const stat = await fileStat(p.uri);
  if (!stat || (typeof p.maxBytes === 'number' && stat.size > p.maxBytes)) return null;
  try {
    return { base64: toBase64(await vscode.workspace.fs.readFile(vscode.Uri.parse(p.uri))) };
  } catch {
    return null;
  }
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
