/**
 * Diagnostics, pushed (`textDocument/publishDiagnostics`, tagged with the document
 * version and never published for a version older than the document's) or pulled
 * (`textDocument/diagnostic`, `workspace/diagnostic`) when the client supports
 * pulling. A document's findings are its own (from its DocumentCache) plus the
 * workspace-wide ones the index holds for it.
 *
 * Pushing is immediate when the document is idle and debounced during bursts: an
 * edit that finds no validation of the document pending is validated after
 * QUICK_MS (time for edits already on the wire to arrive and join it); an edit
 * that arrives while one is pending is part of a burst, and the validation waits
 * until DEBOUNCE_MS pass without an edit. So a single edit is answered at once
 * (re-validation touches only the changed YAML document), and a burst of
 * keystrokes or a stream of machine edits is published once, when it stops.
 */
import type { CancellationToken, Connection, Diagnostic, DocumentDiagnosticParams, DocumentDiagnosticReport, Location, WorkspaceDiagnosticParams, WorkspaceDiagnosticReport, WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver';
import { type Finding, LineIndex, type RelatedLocation, compareFindings, decodeFile, finishFindings, formatForPath, parseConfigFile, validateText } from '../engine/index';
import { toDiagnostic } from './convert';
import type { ClientState } from './client-state';
import type { Configuration } from './configuration';
import type { Documents, OpenDocument } from './documents';
import type { FileScope, FileScopes } from './file-scope';
import type { LspPlatform } from './platform/types';
import { RelatedLines } from './related-lines';
import { type Logger, throwIfCancelled } from './safe';
import type { WorkspaceIndex } from './workspace-index';

/** Quiet time that ends a burst of edits. */
export const DEBOUNCE_MS = 150;
/** Delay for an edit to an idle document: lets edits sent together be validated together. */
export const QUICK_MS = 5;

export interface DocumentFindings {
  version: number;
  findings: Finding[];
}

export interface DiagnosticsDeps {
  connection: Connection;
  logger: Logger;
  client: ClientState;
  documents: Documents;
  config: Configuration;
  scopes: FileScopes;
  index: WorkspaceIndex;
  platform: Pick<LspPlatform, 'files' | 'heap' | 'rulesDoc'>;
}

export class DiagnosticsManager {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly generations = new Map<string, number>();
  private readonly related: RelatedLines;
  private changeWaiters: (() => void)[] = [];
  /** Publications made (for logs and tests). */
  published = 0;

  constructor(private readonly deps: DiagnosticsDeps) {
    this.related = new RelatedLines(deps.documents, deps.platform.files);
  }

  get pull(): boolean {
    return this.deps.client.pullDiagnostics;
  }

  /**
   * Validates a document after `delay` ms; a later call for the same document
   * replaces it. Without a delay (an edit): QUICK_MS when nothing is pending for
   * the document, DEBOUNCE_MS when a validation is still pending (a burst).
   */
  schedule(doc: OpenDocument, delay?: number): void {
    this.signalChange();
    if (this.pull) return;
    const gen = (this.generations.get(doc.key) ?? 0) + 1;
    this.generations.set(doc.key, gen);
    const old = this.timers.get(doc.key);
    if (old) clearTimeout(old);
    if (delay === undefined) delay = old ? DEBOUNCE_MS : QUICK_MS;
    this.timers.set(
      doc.key,
      setTimeout(() => {
        this.timers.delete(doc.key);
        this.run(doc.key, gen).catch((err: unknown) => this.deps.logger.error(`alertcfg: diagnostics failed: ${String(err)}`));
      }, delay),
    );
  }

  /** The document closed: no more publications, and its diagnostics are cleared. */
  closed(doc: OpenDocument): void {
    const t = this.timers.get(doc.key);
    if (t) clearTimeout(t);
    this.timers.delete(doc.key);
    this.generations.set(doc.key, (this.generations.get(doc.key) ?? 0) + 1);
    if (!this.pull) void this.deps.connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
    this.signalChange();
  }

  /** Re-checks open documents (all, or the given ones) after a change elsewhere. */
  refresh(keys?: readonly string[]): void {
    this.signalChange();
    if (this.pull) {
      if (this.deps.client.canRefreshDiagnostics) void this.deps.connection.languages.diagnostics.refresh().catch(() => undefined);
      return;
    }
    const wanted = keys ? new Set(keys) : undefined;
    for (const doc of this.deps.documents.all()) if (!wanted || wanted.has(doc.key)) this.schedule(doc, 0);
  }

  private async run(key: string, gen: number): Promise<void> {
    const doc = this.deps.documents.get(key);
    if (!doc) return;
    const found = await this.findings(doc);
    // Superseded by a newer edit or closed meanwhile: never publish an older version.
    if (gen !== this.generations.get(key) || this.deps.documents.get(key) !== doc || doc.version !== found.version) return;
    const diagnostics = this.toDiagnostics(doc, found.findings);
    this.published++;
    void this.deps.connection.sendDiagnostics({ uri: doc.uri, version: found.version, diagnostics });
    this.deps.platform.heap.check();
  }

  /** The findings of an open document's current version: its own and the workspace-wide ones; the scope is worked out unless given. */
  async findings(doc: OpenDocument, token?: CancellationToken, known?: FileScope): Promise<DocumentFindings> {
    if (doc.isConfig) return { version: doc.version, findings: parseConfigFile(doc.text).findings };
    const scope = known ?? (await this.deps.scopes.scopeOf(doc.uri));
    throwIfCancelled(token);
    // From here on everything is synchronous: the text cannot change under us.
    const { settings } = scope;
    const { index } = this.deps;
    const version = doc.version;
    if (!this.deps.scopes.checkedWhenOpen(scope)) {
      this.forward(index.setOpen(doc.key, doc.uri, undefined));
      return { version, findings: [] };
    }
    if (doc.text.length > settings.maxFileSize / 4 && utf8ByteLength(doc.text) > settings.maxFileSize) {
      this.forward(index.setOpen(doc.key, doc.uri, undefined));
      return { version, findings: finishFindings('', [{ code: 'file-too-large', severity: 'error', message: `This file is over the limit of ${settings.maxFileSize} bytes (setting maxFileSize); it was not checked.`, start: 0, end: 0 }], settings) };
    }
    const result = doc.analyse(settings, this.deps.config.version, scope.globKind);
    this.forward(index.setOpen(doc.key, doc.uri, result));
    const cross = index.crossFor(doc.key);
    const findings = cross.length ? [...result.findings, ...finishFindings(doc.text, cross, settings)].sort(compareFindings) : result.findings;
    if (cross.length) await this.related.load(cross);
    return { version, findings };
  }

  private forward(otherKeys: string[]): void {
    if (otherKeys.length) this.refresh(otherKeys);
  }

  toDiagnostics(doc: OpenDocument, findings: readonly Finding[]): Diagnostic[] {
    const lines = doc.lines();
    return findings.map((f) => this.diagnostic(f, doc.uri, lines));
  }

  /** A finding of the file at `uri` as a diagnostic; related locations in other files as `findings` last read them. */
  diagnostic(f: Finding, uri: string, lines: LineIndex): Diagnostic {
    return toDiagnostic(f, { uri, lines, locate: (r) => this.locate(r), ruleLinks: this.deps.client.ruleLinks, rulesDoc: this.deps.platform.rulesDoc });
  }

  /** A related location in another file: from its open document, or from the file as last read. */
  locate(r: RelatedLocation): Location | undefined {
    return this.related.locate(r);
  }

  // ------------------------------------------------------------------ pull

  async documentReport(params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const doc = this.deps.documents.get(params?.textDocument?.uri);
    if (!doc) return { kind: 'full', items: [] };
    const found = await this.findings(doc, token);
    throwIfCancelled(token);
    const resultId = this.resultId(found.version, doc.key);
    if (params.previousResultId === resultId) return { kind: 'unchanged', resultId };
    this.deps.platform.heap.check();
    return { kind: 'full', resultId, items: this.toDiagnostics(doc, found.findings) };
  }

  async workspaceReport(params: WorkspaceDiagnosticParams, token: CancellationToken): Promise<WorkspaceDiagnosticReport> {
    const previous = new Map<string, string>();
    for (const p of Array.isArray(params?.previousResultIds) ? params.previousResultIds : []) if (p && typeof p.uri === 'string') previous.set(this.deps.documents.paths.canonical(p.uri), String(p.value));
    await this.deps.index.ready;
    const collect = async (): Promise<{ items: WorkspaceDocumentDiagnosticReport[]; changed: boolean }> => {
      const items: WorkspaceDocumentDiagnosticReport[] = [];
      let changed = false;
      for (const doc of this.deps.documents.all()) {
        throwIfCancelled(token);
        const found = await this.findings(doc, token);
        const resultId = this.resultId(found.version, doc.key);
        if (previous.get(doc.key) === resultId) items.push({ kind: 'unchanged', uri: doc.uri, version: found.version, resultId });
        else {
          changed = true;
          items.push({ kind: 'full', uri: doc.uri, version: found.version, resultId, items: this.toDiagnostics(doc, found.findings) });
        }
      }
      for (const file of this.deps.index.closedFiles()) {
        throwIfCancelled(token);
        if (this.deps.documents.get(file.key)) continue;
        const report = await this.closedFileReport(file.uri, file.key, previous.get(file.key));
        if (report) {
          if (report.kind === 'full') changed = true;
          items.push(report);
        }
      }
      return { items, changed };
    };
    let result = await collect();
    if (!result.changed && previous.size > 0) {
      // Nothing new: hold the request until something changes (or a while passes), as long polling.
      await this.waitForChange(token, 30_000);
      throwIfCancelled(token);
      result = await collect();
    }
    return { items: result.items };
  }

  private async closedFileReport(uri: string, key: string, previousId: string | undefined): Promise<WorkspaceDocumentDiagnosticReport | undefined> {
    const path = this.deps.documents.paths.pathOf(uri);
    if (!path) return undefined;
    const { files } = this.deps.platform;
    const info = await files.stat(path);
    if (!info) return undefined;
    const resultId = this.resultId(`disk:${info.mtime}:${info.size}`, key);
    if (previousId === resultId) return { kind: 'unchanged', uri, version: null, resultId };
    const { settings, globKind } = await this.deps.scopes.scopeOf(uri);
    const bytes = await files.read(path, settings.maxFileSize);
    if (!bytes) return undefined;
    const decoded = decodeFile(bytes, settings.maxFileSize);
    if (!decoded.ok) return undefined;
    const text = decoded.text;
    const result = validateText(text, { format: formatForPath(path), globKind, settings });
    const cross = this.deps.index.crossFor(key);
    const findings = [...result.findings, ...finishFindings(text, cross, settings)].sort(compareFindings);
    await this.related.load(cross);
    const lines = new LineIndex(text);
    return { kind: 'full', uri, version: null, resultId, items: findings.map((f) => this.diagnostic(f, uri, lines)) };
  }

  /** A result id: the document's version (or the file's on disk), the settings' and the workspace-wide findings'. */
  private resultId(version: number | string, key: string): string {
    return `${version}:${this.deps.config.version}:${hash(this.deps.index.crossSignature(key))}`;
  }

  private signalChange(): void {
    const waiters = this.changeWaiters;
    this.changeWaiters = [];
    for (const w of waiters) w();
  }

  private waitForChange(token: CancellationToken, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const sub = token.onCancellationRequested(done);
      this.changeWaiters.push(done);
      function done() {
        clearTimeout(timer);
        sub.dispose();
        resolve();
      }
    });
  }
}

function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/** The UTF-8 length of a text, as Buffer.byteLength counts it (a lone surrogate is 3 bytes), without encoding it. */
export function utf8ByteLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
