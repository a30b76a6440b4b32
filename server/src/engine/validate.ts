/**
 * Validates a whole file's text: every document analysed, findings moved to file
 * offsets, suppressions and configured severities applied. The workspace-wide
 * rules then run over the summaries of many files (workspace.ts).
 */
import { type DocumentResult, analyseDocument } from './analyse';
import { type Settings, DEFAULT_SETTINGS } from './config/settings';
import { type Finding, compareFindings } from './model/finding';
import type { Kind } from './model/kinds';
import type { ParsedDocument, SourceFormat } from './parse/document';
import { parseSource } from './parse/source';
import { applySuppressions, codeMatches } from './suppress';
import type { DocumentCache } from './cache';

export interface FileOptions {
  format?: SourceFormat;
  /** Reuses the work of unchanged documents from earlier calls for the same file. */
  cache?: DocumentCache;
  /** Kind given to raw bodies by a configured glob. */
  globKind?: Kind;
  settings?: Pick<Settings, 'rules'>;
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
  if (options.cache) ({ documents, results } = options.cache.analyse(text, options.format, options.globKind));
  else {
    documents = parseSource(text, options.format);
    results = documents.map((d) => analyseDocument(d, options.globKind));
  }
  const findings: Finding[] = [];
  results.forEach((r, i) => {
    const base = documents[i]!.base;
    for (const f of r.findings) findings.push(base ? shift(f, base) : f);
  });
  return { documents, results, findings: finishFindings(text, findings, options.settings ?? DEFAULT_SETTINGS), ours: results.some((r) => r.resource) };
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
