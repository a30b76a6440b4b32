/**
 * The open documents: their text under incremental sync, a DocumentCache each
 * (so an edit re-analyses only the YAML document it touched), a LineIndex per
 * version, and the analysis of the current version. A change for a document that
 * was never opened is ignored; versions never go backwards.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { CONFIG_FILE_NAMES, DocumentCache, type FileResult, type Kind, LineIndex, type Settings, type SourceFormat, detectFormat, formatForPath, validateText } from '../engine/index';
import type { UriPaths } from './platform/types';
import { URI_PATHS } from './platform/uri-paths';

export function isConfigFileName(paths: UriPaths, path: string | undefined): boolean {
  return path !== undefined && CONFIG_FILE_NAMES.includes(paths.basename(path));
}

export interface Analysis {
  version: number;
  settingsVersion: number;
  globKind: Kind | undefined;
  result: FileResult;
}

export class OpenDocument {
  readonly key: string;
  readonly path: string | undefined;
  readonly isConfig: boolean;
  readonly cache = new DocumentCache();
  private doc: TextDocument;
  private linesFor: { version: number; lines: LineIndex } | undefined;
  analysis: Analysis | undefined;

  /** `paths` says how URIs map to paths (the platform's; URIs themselves by default). */
  constructor(readonly uri: string, readonly languageId: string, version: number, text: string, paths: UriPaths = URI_PATHS) {
    this.key = paths.canonical(uri);
    this.path = paths.pathOf(uri);
    this.isConfig = isConfigFileName(paths, this.path);
    this.doc = TextDocument.create(uri, languageId, version, text);
  }

  get version(): number {
    return this.doc.version;
  }

  get text(): string {
    return this.doc.getText();
  }

  lines(): LineIndex {
    if (this.linesFor?.version !== this.version) this.linesFor = { version: this.version, lines: new LineIndex(this.text, this.lineStarts()) };
    return this.linesFor.lines;
  }

  /**
   * A copy of the line starts the TextDocument keeps up to date edit by edit (no
   * scan of the text). They mean what LineIndex means: lines end at CRLF, LF or a
   * lone CR (vscode-languageserver-textdocument's computeLineOffsets, which also
   * recomputes them when an edit joins a CR and an LF into a CRLF).
   */
  private lineStarts(): number[] | undefined {
    const own = (this.doc as unknown as { getLineOffsets?: () => number[] }).getLineOffsets;
    if (typeof own !== 'function') return undefined;
    const offsets = own.call(this.doc);
    return Array.isArray(offsets) ? offsets.slice() : undefined;
  }

  format(): SourceFormat {
    const id = this.languageId.toLowerCase();
    if (id === 'json' || id === 'jsonc') return 'json';
    if (id === 'yaml' || id === 'yml') return 'yaml';
    return (this.path && formatForPath(this.path)) || detectFormat(this.text);
  }

  /** Applies changes in order, telling the cache where each one was, so it re-analyses only what they touched. */
  update(changes: TextDocumentContentChangeEvent[], version: number): void {
    for (const c of changes) {
      const range = (c as { range?: Range }).range;
      if (range) {
        let start = this.doc.offsetAt(range.start);
        let end = this.doc.offsetAt(range.end);
        if (start > end) [start, end] = [end, start];
        this.cache.edited(start, end, c.text.length);
      } else this.cache.replaced();
      this.doc = TextDocument.update(this.doc, [c], version);
    }
    if (!changes.length) this.doc = TextDocument.update(this.doc, [], version);
  }

  /** The analysis of the current text under the given settings, reusing unchanged documents. */
  analyse(settings: Pick<Settings, 'rules'>, settingsVersion: number, globKind: Kind | undefined): FileResult {
    const a = this.analysis;
    if (a && a.version === this.version && a.settingsVersion === settingsVersion && a.globKind === globKind) return a.result;
    const result = validateText(this.text, { format: this.format(), cache: this.cache, globKind, settings });
    this.analysis = { version: this.version, settingsVersion, globKind, result };
    return result;
  }
}

export class Documents {
  private readonly byKey = new Map<string, OpenDocument>();

  constructor(readonly paths: UriPaths) {}

  get(uri: string | undefined): OpenDocument | undefined {
    return uri === undefined ? undefined : this.byKey.get(this.paths.canonical(uri));
  }

  all(): OpenDocument[] {
    return [...this.byKey.values()];
  }

  open(params: DidOpenTextDocumentParams): OpenDocument | undefined {
    const td = params?.textDocument;
    if (!td || typeof td.uri !== 'string') return undefined;
    const text = typeof td.text === 'string' ? td.text : '';
    const version = typeof td.version === 'number' ? td.version : 0;
    const doc = new OpenDocument(td.uri, typeof td.languageId === 'string' ? td.languageId : '', version, text, this.paths);
    this.byKey.set(doc.key, doc);
    return doc;
  }

  /** Applies a change; undefined when the document is not open (the change is ignored). */
  change(params: DidChangeTextDocumentParams): OpenDocument | undefined {
    const td = params?.textDocument;
    const doc = this.get(td?.uri);
    if (!doc || !Array.isArray(params.contentChanges)) return undefined;
    const version = typeof td.version === 'number' ? td.version : doc.version + 1;
    if (version < doc.version) return undefined;
    const changes = params.contentChanges.filter((c) => c && typeof (c as { text?: unknown }).text === 'string');
    doc.update(changes, version);
    return doc;
  }

  close(params: DidCloseTextDocumentParams): OpenDocument | undefined {
    const doc = this.get(params?.textDocument?.uri);
    if (doc) this.byKey.delete(doc.key);
    return doc;
  }
}
