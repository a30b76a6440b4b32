/**
 * Where a finding's related location in another file is, in LSP positions: from
 * the open document when the file is open, else from the file in the workspace.
 * Converting findings to diagnostics is synchronous, and reading a file may not be
 * (in a browser it is a request to the client), so the files a list of findings
 * names are read first (`load`), and their line indexes kept while their
 * modification time stays the same.
 */
import type { Location } from 'vscode-languageserver';
import { type Finding, LineIndex, type RelatedLocation } from '../engine/index';
import { toRange } from './convert';
import type { Documents } from './documents';
import type { WorkspaceFiles } from './platform/types';

/** Files whose line indexes are kept at most. */
const KEPT = 50;

export class RelatedLines {
  private readonly known = new Map<string, { mtime: number; lines: LineIndex }>();

  constructor(
    private readonly documents: Documents,
    private readonly files: WorkspaceFiles,
  ) {}

  /** Reads the files that the findings' related locations name and that are not open, when they changed since. */
  async load(findings: readonly Finding[]): Promise<void> {
    const uris = new Set<string>();
    for (const f of findings) for (const r of f.related ?? []) if (r.file && !this.documents.get(r.file)) uris.add(r.file);
    for (const uri of uris) await this.refresh(uri);
  }

  private async refresh(uri: string): Promise<void> {
    const path = this.documents.paths.pathOf(uri);
    const info = path === undefined ? undefined : await this.files.stat(path);
    if (path === undefined || !info) {
      this.known.delete(uri);
      return;
    }
    if (this.known.get(uri)?.mtime === info.mtime) return;
    const text = await this.files.readText(path);
    if (text === undefined) {
      this.known.delete(uri);
      return;
    }
    if (this.known.size >= KEPT) this.known.clear();
    this.known.set(uri, { mtime: info.mtime, lines: new LineIndex(text) });
  }

  /** A related location in another file: in its open document, or in the file as last loaded; undefined when neither is known. */
  locate(r: RelatedLocation): Location | undefined {
    if (!r.file) return undefined;
    const open = this.documents.get(r.file);
    if (open) return { uri: open.uri, range: toRange(open.lines(), r) };
    const lines = this.known.get(r.file)?.lines;
    return lines ? { uri: r.file, range: toRange(lines, r) } : undefined;
  }
}
