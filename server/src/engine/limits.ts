/**
 * The limits that keep validation bounded on any input, and the one finding each
 * gives when it cuts work short (so the user sees what was skipped, never silence
 * and never a hang):
 *
 * - `maxFileSize` (setting; the CLI and server check it before decoding): file-too-large;
 * - `maxDocuments` (setting): documents after that many in one file are not parsed
 *   or checked: too-many-documents;
 * - nesting deeper than the parsers can take (parse/nesting.ts): nesting-too-deep;
 * - aliases expanding to more than `maxExpandedNodes` (parse/document.ts): alias-expansion-limit;
 * - a per-document time budget for the schema check and the rules: time-budget-exceeded.
 */
import type { Finding } from './model/finding';
import { neutraliseBom } from './parse/source';
import { splitYamlDocuments } from './parse/yaml-split';
import { lineEndAt, nextLineStart } from './text/line-breaks';

/** Milliseconds of schema check and rules per document before the rest is skipped. */
export const DEFAULT_TIME_BUDGET_MS = 2000;

/** A time budget: milliseconds, and the clock they are measured on (injectable for tests). */
export interface TimeBudget {
  ms: number;
  now(): number;
}

export const DEFAULT_TIME_BUDGET: TimeBudget = { ms: DEFAULT_TIME_BUDGET_MS, now: () => performance.now() };

const MARKER = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm;

/** Where a file's documents beyond the first `max` start, and how many there are in all. */
export interface DocumentCut {
  /** Offset of the first document not checked. */
  at: number;
  total: number;
}

/**
 * The cut of a YAML stream of more than `max` documents; undefined when it holds at
 * most `max` (found cheaply: most files are never split for it). JSON arrays are
 * cut after parsing (validate.ts), where their elements are known.
 */
export function yamlDocumentCut(text: string, max: number): DocumentCut | undefined {
  // A document takes at least 4 characters (`---` and a line break).
  if (text.length < 4 * max) return undefined;
  const body = neutraliseBom(text);
  // Every document but the first starts at a `---` or after a `...` line (as splitYamlDocuments
  // reads them): fewer markers than the limit, no more documents than it.
  let markers = 0;
  MARKER.lastIndex = 0;
  while (markers < max && MARKER.exec(body)) markers++;
  if (markers < max) return undefined;
  const segments = splitYamlDocuments(body);
  return segments.length > max ? { at: contentStart(body, segments[max]!.start), total: segments.length } : undefined;
}

/** The first line of a document that is not blank, a comment or a directive (its `---`, usually). */
function contentStart(text: string, from: number): number {
  let at = from;
  for (;;) {
    const line = text.slice(at, lineEndAt(text, at)).trim();
    const next = nextLineStart(text, at);
    if (next === -1 || (line && !line.startsWith('#') && !line.startsWith('%'))) return at;
    at = next;
  }
}

export function tooManyDocuments(cut: DocumentCut, max: number): Finding {
  const skipped = cut.total - max;
  return {
    code: 'too-many-documents',
    severity: 'warning',
    message: `This file holds ${cut.total} documents, more than the limit of ${max} (setting maxDocuments): the ${skipped} document${skipped === 1 ? '' : 's'} from here on ${skipped === 1 ? 'was' : 'were'} not checked. Split the file, or raise maxDocuments.`,
    start: cut.at,
    end: cut.at + 1,
  };
}

/** The one finding of a document whose checks ran out of time; `skipped` says which. */
export function timeBudgetExceeded(budget: TimeBudget, skipped: string, at: number): Finding {
  return {
    code: 'time-budget-exceeded',
    severity: 'warning',
    message: `Checking this document took longer than ${budget.ms} ms, so it was stopped: ${skipped} did not run, and its findings may be incomplete. Split the document or make it smaller.`,
    start: at,
    end: at + 1,
  };
}
