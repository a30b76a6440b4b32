/**
 * The workspace index: for every alert-config file of the workspace (the files
 * the engine's file selection picks, walked as the CLI walks them) only the
 * resource summaries (kind, names, their ranges) — never trees.
 * Open documents replace their file's entry with the editor's text. The
 * workspace-wide rules run again only when some file's names change; the findings
 * are kept anchored to (file, document, field) so that edits that only move text
 * need no re-run. Listeners hear which files' cross-file findings changed.
 */
import { type FileResult, type FileSummaries, type Finding, type Kind, type ResourceSummary, type Settings, type Severity, decodeFile, formatForPath, kindForPath, selectedFiles, summariseText, workspaceFindings } from '../engine/index';
import { isConfigFileName } from './documents';
import type { WorkspaceFolders } from './folders';
import type { FileScopes } from './file-scope';
import type { LspPlatform } from './platform/types';
import { type Logger, nextTurn } from './safe';

interface Entry {
  key: string;
  uri: string;
  bases: readonly number[];
  summaries: readonly ResourceSummary[];
  open: boolean;
}

interface Anchor {
  key: string;
  documentIndex: number;
  field: 'name' | 'vendorName';
}

interface AnchoredFinding {
  code: string;
  severity: Severity;
  message: string;
  at: Anchor;
  related: { at: Anchor; message: string }[];
}

const MAX_FILES = 50_000;
/** Longest stretch of indexing work between two turns of the event loop. */
const SLICE_MS = 8;

export class WorkspaceIndex {
  private readonly entries = new Map<string, Entry>();
  private cross = new Map<string, AnchoredFinding[]>();
  private generation = 0;
  /** Resolves when the first full index is built. */
  ready: Promise<void> = Promise.resolve();
  /** Files indexed from disk by the last build (for logs and tests). */
  indexedFiles = 0;
  private readonly listeners: ((keys: string[]) => void)[] = [];

  constructor(
    private readonly folders: WorkspaceFolders,
    private readonly scopes: FileScopes,
    private readonly logger: Logger,
    private readonly platform: Pick<LspPlatform, 'files' | 'heap'>,
    private readonly isOpen: (key: string) => boolean,
  ) {}

  private get paths() {
    return this.folders.paths;
  }

  onCrossChanged(listener: (keys: string[]) => void): void {
    this.listeners.push(listener);
  }

  private notify(keys: string[]): void {
    if (keys.length) for (const l of this.listeners) l(keys);
  }

  /** (Re)builds the index from disk for every workspace folder. */
  build(): Promise<void> {
    const gen = ++this.generation;
    this.ready = this.buildFolders(gen).catch((err: unknown) => this.logger.error(`alertcfg: indexing the workspace failed: ${String(err)}`));
    return this.ready;
  }

  private async buildFolders(gen: number): Promise<void> {
    // Built aside and swapped in at the end, so the findings never come from half an index.
    const fresh = new Map<string, Entry>();
    let count = 0;
    for (const folder of this.folders.all) {
      const { settings, selection } = await this.scopes.folderSelection(folder);
      if (gen !== this.generation) return;
      // Files are read one after the other (on Node synchronously: for thousands of small
      // files several times faster than the promise API's open/stat/read/close round trips),
      // in slices of a few milliseconds, between which the server answers whatever came in.
      const list = await this.platform.files.lister(folder.path, settings);
      if (gen !== this.generation) return;
      let slice = performance.now();
      for (const rel of selectedFiles(list, selection)) {
        if (gen !== this.generation) return;
        // `.alertcfg.yaml` holds settings, not resources.
        if (isConfigFileName(this.paths, rel)) continue;
        if (++count > MAX_FILES) {
          this.logger.log(`alertcfg: more than ${MAX_FILES} files in the workspace; the rest are not indexed.`);
          break;
        }
        const path = this.paths.join(folder.path, rel);
        // A walked path is absolute and normal: its URI is already the canonical key.
        const uri = this.paths.uriOf(path);
        if (this.isOpen(uri)) continue;
        const entry = await this.readEntry(path, settings, globKindOf(settings, rel), uri);
        if (gen !== this.generation) return;
        if (entry) fresh.set(uri, entry);
        if (performance.now() - slice > SLICE_MS) {
          await nextTurn();
          slice = performance.now();
        }
      }
    }
    if (gen !== this.generation) return;
    for (const [k, e] of this.entries) if (!e.open) this.entries.delete(k);
    for (const [k, e] of fresh) if (!this.entries.get(k)?.open) this.entries.set(k, e);
    this.indexedFiles = count;
    this.notify(this.recompute());
    this.platform.heap.check();
  }

  /** A file's entry from disk, or undefined when it is not checked or holds no resource. */
  private async readEntry(path: string, settings: Settings, globKind: Kind | undefined, uri: string): Promise<Entry | undefined> {
    try {
      const bytes = await this.platform.files.read(path, settings.maxFileSize);
      if (!bytes) return undefined;
      const decoded = decodeFile(bytes, settings.maxFileSize);
      if (!decoded.ok) return undefined;
      // Only the names matter here: parse and summarise, no validation.
      const { bases, summaries } = summariseText(decoded.text, { format: formatForPath(path), globKind });
      return summaries.length ? { key: uri, uri, bases, summaries, open: false } : undefined;
    } catch {
      return undefined;
    }
  }

  private put(key: string, uri: string, result: FileResult | undefined, open: boolean): boolean {
    const entry = entryOf(key, uri, result, open);
    const before = this.entries.get(key);
    if (!entry) this.entries.delete(key);
    else this.entries.set(key, entry);
    return !sameNames(before, entry);
  }

  /** An open document's latest analysis (undefined: it is not checked). Returns the other files whose findings changed. */
  setOpen(key: string, uri: string, result: FileResult | undefined): string[] {
    const namesChanged = this.put(key, uri, result, true);
    if (!namesChanged) return [];
    const changed = this.recompute();
    return changed.filter((k) => k !== key);
  }

  /** A document was closed: its entry goes back to the file on disk. */
  async closed(key: string, uri: string): Promise<void> {
    const entry = this.entries.get(key);
    if (entry) this.entries.set(key, { ...entry, open: false });
    await this.refreshFile(uri);
  }

  /** A file changed on disk (watched files). Open documents keep the editor's text. */
  async fileChanged(uri: string, deleted: boolean): Promise<void> {
    const key = this.paths.canonical(uri);
    if (this.isOpen(key)) return;
    if (deleted) {
      const before = this.entries.size;
      const prefix = key.endsWith('/') ? key : `${key}/`;
      for (const k of [...this.entries.keys()]) if ((k === key || k.startsWith(prefix)) && !this.entries.get(k)!.open) this.entries.delete(k);
      if (this.entries.size !== before) this.notify(this.recompute());
      return;
    }
    await this.refreshFile(uri);
  }

  /** A file's entry from disk again, when the walk would pick it; else it has none. */
  private async refreshFile(uri: string): Promise<void> {
    const key = this.paths.canonical(uri);
    const path = this.paths.pathOf(uri);
    const folder = this.folders.folderOf(uri);
    const before = this.entries.get(key);
    const rel = folder && path ? this.folders.relativeInside(folder.path, path) : undefined;
    let entry: Entry | undefined;
    if (folder && path && rel && !isConfigFileName(this.paths, rel)) {
      const { settings, selection } = await this.scopes.folderSelection(folder);
      if (selection.file(rel).checked) entry = await this.readEntry(path, settings, globKindOf(settings, rel), key);
    }
    if (!this.isOpen(key)) {
      if (entry) this.entries.set(key, entry);
      else this.entries.delete(key);
    }
    if (!sameNames(before, this.entries.get(key))) this.notify(this.recompute());
  }

  /** Runs the workspace rules over all summaries; returns the files whose findings changed. */
  private recompute(): string[] {
    const files: FileSummaries[] = [];
    for (const e of this.entries.values()) if (e.summaries.length) files.push({ file: e.key, bases: e.bases, summaries: e.summaries });
    const found = workspaceFindings(files);
    const anchors = new Map<string, Map<number, Anchor>>();
    const anchorOf = (key: string, offset: number): Anchor | undefined => {
      let m = anchors.get(key);
      if (!m) {
        m = new Map();
        const e = this.entries.get(key);
        if (e) {
          for (const s of e.summaries) {
            const base = e.bases[s.documentIndex] ?? 0;
            if (s.name) m.set(base + s.name.start, { key, documentIndex: s.documentIndex, field: 'name' });
            if (s.vendorName) m.set(base + s.vendorName.start, { key, documentIndex: s.documentIndex, field: 'vendorName' });
          }
        }
        anchors.set(key, m);
      }
      return m.get(offset);
    };
    const next = new Map<string, AnchoredFinding[]>();
    for (const [key, list] of found) {
      const out: AnchoredFinding[] = [];
      for (const f of list) {
        const at = anchorOf(key, f.start);
        if (!at) continue;
        const related = (f.related ?? []).flatMap((r) => {
          const a = r.file ? anchorOf(r.file, r.start) : undefined;
          return a ? [{ at: a, message: r.message }] : [];
        });
        out.push({ code: f.code, severity: f.severity, message: f.message, at, related });
      }
      if (out.length) next.set(key, out);
    }
    const changed = new Set<string>();
    for (const key of new Set([...this.cross.keys(), ...next.keys()])) {
      if (JSON.stringify(this.cross.get(key) ?? []) !== JSON.stringify(next.get(key) ?? [])) changed.add(key);
    }
    this.cross = next;
    return [...changed];
  }

  private resolve(a: Anchor): { uri: string; start: number; end: number } | undefined {
    const e = this.entries.get(a.key);
    const s = e?.summaries.find((x) => x.documentIndex === a.documentIndex);
    const r = s?.[a.field];
    if (!e || !r) return undefined;
    const base = e.bases[a.documentIndex] ?? 0;
    return { uri: e.uri, start: base + r.start, end: base + r.end };
  }

  /** The workspace-wide findings of a file, in its current offsets; `related.file` is the other file's URI. */
  crossFor(key: string): Finding[] {
    const out: Finding[] = [];
    for (const f of this.cross.get(key) ?? []) {
      const at = this.resolve(f.at);
      if (!at) continue;
      const related = f.related.flatMap((r) => {
        const loc = this.resolve(r.at);
        return loc ? [{ file: loc.uri, start: loc.start, end: loc.end, message: r.message }] : [];
      });
      out.push({ code: f.code, severity: f.severity, message: f.message, start: at.start, end: at.end, ...(related.length ? { related } : {}) });
    }
    return out;
  }

  /** Files on disk (not open) with resources, for workspace diagnostics. */
  closedFiles(): { key: string; uri: string }[] {
    return [...this.entries.values()].filter((e) => !e.open).map((e) => ({ key: e.key, uri: e.uri }));
  }

  /** A fingerprint of a file's cross-file findings, for result ids. */
  crossSignature(key: string): string {
    return JSON.stringify(this.cross.get(key) ?? []);
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** An index entry for an analysed file; undefined for a closed file without resources. */
function entryOf(key: string, uri: string, result: FileResult | undefined, open: boolean): Entry | undefined {
  const summaries: ResourceSummary[] = [];
  if (result) for (const r of result.results) if (r.summary) summaries.push(r.summary);
  if (!summaries.length && !open) return undefined;
  const bases = result ? result.documents.map((d) => d.base) : [];
  return { key, uri, bases, summaries, open };
}

/**
 * Whether two entries give the workspace rules the same input: kinds and names per
 * document (positions do not matter; findings are anchored). Summaries the
 * document cache reused are the same objects, so an edit to one document of a big
 * file compares that one document's names.
 */
function sameNames(a: Entry | undefined, b: Entry | undefined): boolean {
  const x = a?.summaries ?? [];
  const y = b?.summaries ?? [];
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) {
    const p = x[i]!;
    const q = y[i]!;
    if (p === q) continue;
    if (p.documentIndex !== q.documentIndex || p.kind !== q.kind || p.name?.value !== q.name?.value || p.vendorName?.value !== q.vendorName?.value) return false;
  }
  return true;
}

/** The kind a `schemas` glob gives a file (only looked up when there are globs). */
function globKindOf(settings: Settings, rel: string): Kind | undefined {
  return Object.keys(settings.schemas).length ? kindForPath(settings.schemas, rel) : undefined;
}
