/**
 * Validates a whole file's text: every document analysed, findings moved to file
 * offsets, suppressions and configured severities applied. The workspace-wide
 * rules then run over the summaries of many files (workspace.ts).
 */
import { type DocumentResult, type ResourceSummary, analyseDocument, summarise } from './analyse';
import { type Settings, DEFAULT_SETTINGS } from './config/settings';
import { type Finding, compareFindings } from './model/finding';
import type { Kind } from './model/kinds';
import type { ParsedDocument, SourceFormat } from './parse/document';
import { type TimeBudget, tooManyDocuments, yamlDocumentCut } from './limits';
import { detectFormat, neutraliseBom, parseSource } from './parse/source';
import { classify } from './recognise/classify';
import { applySuppressions, codeMatches } from './suppress';
import type { DocumentCache } from './cache';

export interface FileOptions {
  format?: SourceFormat;
  /** Reuses the work of unchanged documents from earlier calls for the same file. */
  cache?: DocumentCache;
  /** Kind given to raw bodies by a configured glob. */
  globKind?: Kind;
  settings?: Pick<Settings, 'rules'> & Partial<Pick<Settings, 'maxDocuments'>>;
  /** Time budget of each document's schema check and rules (default DEFAULT_TIME_BUDGET); not used with a cache. */
  budget?: TimeBudget;
}

export interface FileResult {
  documents: ParsedDocument[];
  results: DocumentResult[];
  /** Findings of the file, in file offsets, sorted. */
  findings: Finding[];
  /** Whether any document of the file is ours. */
  ours: boolean;
}

/**
 * Every resource of ours names `kind` or `alertcfg`, and every associated raw body
 * a `$schema`, a modeline or a glob: a text with none of these words cannot be
 * ours, and is not parsed at all (lock files, CI files, manifests).
 */
const MIGHT_BE_OURS = /alertcfg|kind|schema/;

export function validateText(text: string, options: FileOptions = {}): FileResult {
  if (!options.globKind && !MIGHT_BE_OURS.test(text)) return { documents: [], results: [], findings: [], ours: false };
  let documents: ParsedDocument[];
  let results: DocumentResult[];
  // Past maxDocuments the rest of the file is not checked (a YAML stream: not even parsed); one finding says so.
  const maxDocuments = options.settings?.maxDocuments ?? DEFAULT_SETTINGS.maxDocuments;
  const json = (options.format ?? detectFormat(neutraliseBom(text))) === 'json';
  let cut = json ? undefined : yamlDocumentCut(text, maxDocuments);
  const body = cut ? text.slice(0, cut.at) : text;
  // The cache tracks edits of the whole text; for a part of it, it compares documents by content.
  if (cut && options.cache) options.cache.replaced();
  if (options.cache) ({ documents, results } = options.cache.analyse(body, options.format, options.globKind));
  else {
    documents = parseSource(body, options.format);
    if (documents.length > maxDocuments) cut = { at: startOf(documents[maxDocuments]!), total: documents.length };
    results = documents.slice(0, maxDocuments).map((d) => analyseDocument(d, options.globKind, undefined, options.budget));
  }
  // The elements of a JSON array are documents too; the ones past the limit are dropped.
  if (documents.length > maxDocuments) {
    cut ??= { at: startOf(documents[maxDocuments]!), total: documents.length };
    documents = documents.slice(0, maxDocuments);
    results = results.slice(0, maxDocuments);
  }
  // A document meant to be ours that could not be read (a syntax error, nesting too deep) counts:
  // its findings must reach the user. A file none of whose checked documents is ours gets nothing.
  const ours = results.some((r) => r.resource || r.findings.length > 0);
  const findings: Finding[] = cut && ours ? [tooManyDocuments(cut, maxDocuments)] : [];
  results.forEach((r, i) => {
    const base = documents[i]!.base;
    for (const f of r.findings) findings.push(base ? shift(f, base) : f);
  });
  return { documents, results, findings: finishFindings(text, findings, options.settings ?? DEFAULT_SETTINGS), ours };
}

export interface FileSummary {
  /** Offsets of each document in the file, by document index. */
  bases: number[];
  summaries: ResourceSummary[];
}

/**
 * The resource summaries of a file (kinds, names and their ranges: what the
 * workspace-wide rules read), without validating it: the same summaries
 * `validateText` gives, at the cost of parsing only. For indexing closed files.
 */
export function summariseText(text: string, options: Pick<FileOptions, 'format' | 'globKind'> = {}): FileSummary {
  if (!options.globKind && !MIGHT_BE_OURS.test(text)) return { bases: [], summaries: [] };
  const documents = parseSource(text, options.format);
  const summaries: ResourceSummary[] = [];
  for (const d of documents) {
    const resource = classify(d, options.globKind);
    if (resource) summaries.push(summarise(d, resource));
  }
  return { bases: documents.map((d) => d.base), summaries };
}

/** Where a document starts in the file (a JSON array element: its node). */
function startOf(d: ParsedDocument): number {
  return d.base + (d.root?.start ?? 0);
}

/** Suppressions, configured severities (`off` drops), and a stable order. */
export function finishFindings(text: string, findings: Finding[], settings: Pick<Settings, 'rules'>): Finding[] {
  const kept = applySuppressions(text, findings);
  const overrides = Object.entries(settings.rules ?? {});
  const out: Finding[] = [];
  for (const f of kept) {
    // The most specific configured name wins (`MissingParameter.Name` over `MissingParameter`).
    let best: [string, string] | undefined;
    for (const o of overrides) if (codeMatches(o[0], f.code) && (!best || o[0].length > best[0].length)) best = o;
    if (best?.[1] === 'off') continue;
    out.push(best ? { ...f, severity: best[1] as Finding['severity'] } : f);
  }
  return out.sort(compareFindings);
}

export function shift(f: Finding, by: number): Finding {
  return {
    ...f,
    start: f.start + by,
    end: f.end + by,
    ...(f.related ? { related: f.related.map((r) => (r.file ? r : { ...r, start: r.start + by, end: r.end + by })) } : {}),
  };
}
