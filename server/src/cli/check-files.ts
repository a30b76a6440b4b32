/**
 * The per-file work of `alertcfg validate`, shared by the main thread and the
 * worker threads: read (synchronously: for thousands of small files one blocking
 * read each is several times faster than the promise API's open/stat/read/close
 * round trips), decode, validate, and keep only what the report and the
 * workspace-wide rules need.
 *
 * Files are taken in batches from a shared counter (Atomics on a
 * SharedArrayBuffer), so the threads share the work however fast each one starts.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { readReason } from '../env/read-errors';
import { type Finding, type ResourceSummary, type Settings, decodeFile, formatForPath, kindForPath, validateText } from '../engine/index';

/** What a file gave. `text` is kept only when the file has findings (for their lines and columns). */
export interface FileOutcome {
  /** Position in the list of files. */
  i: number;
  /** Not checked: why (a binary file, or it could not be read). */
  skipped?: string;
  /** The file could not be read (exit code 2). */
  ioError?: boolean;
  findings: Finding[];
  text?: string;
  /** Documents' offsets and resource summaries, when the file holds resources of ours. */
  bases?: number[];
  summaries?: ResourceSummary[];
}

export interface CheckContext {
  files: readonly string[];
  /** Project root, for paths relative to it (configured `schemas` globs). */
  root: string;
  settings: Settings;
}

const BATCH = 32;

/** Checks one file. */
export function checkFile(ctx: CheckContext, i: number): FileOutcome | undefined {
  const abs = ctx.files[i]!;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(abs);
  } catch (err) {
    return { i, skipped: `cannot read: ${readReason(err)}`, ioError: true, findings: [] };
  }
  const decoded = decodeFile(bytes, ctx.settings.maxFileSize);
  if (!decoded.ok && 'skip' in decoded) return { i, skipped: decoded.skip, findings: [] };
  if (!decoded.ok) return { i, findings: [decoded.finding], text: decoded.text };
  const schemas = ctx.settings.schemas;
  // The relative path only matters when globs associate kinds with paths.
  const globKind = Object.keys(schemas).length ? kindForPath(schemas, relativeTo(ctx.root, abs)) : undefined;
  const result = validateText(decoded.text, { format: formatForPath(abs), globKind, settings: ctx.settings });
  if (!result.ours) return undefined;
  const summaries: ResourceSummary[] = [];
  for (const r of result.results) if (r.summary) summaries.push(r.summary);
  return {
    i,
    findings: result.findings,
    ...(result.findings.length ? { text: decoded.text } : {}),
    bases: result.documents.map((d) => d.base),
    summaries,
  };
}

/** What one thread checked: the outcomes, and the first index of every batch it took. */
export interface Share {
  outcomes: FileOutcome[];
  batches: number[];
}

export const BATCH_SIZE = BATCH;

/**
 * Checks files until none is left, taking batches of indexes from `counter` (an
 * Int32Array over shared memory: the next index to take). `tick` hears every file
 * taken, checked or not.
 */
export function checkShare(ctx: CheckContext, counter: Int32Array, tick: () => void = () => undefined): Share {
  const share: Share = { outcomes: [], batches: [] };
  const n = ctx.files.length;
  for (;;) {
    const from = Atomics.add(counter, 0, BATCH);
    if (from >= n) return share;
    share.batches.push(from);
    const to = Math.min(n, from + BATCH);
    for (let i = from; i < to; i++) {
      const o = checkFile(ctx, i);
      tick();
      if (o) share.outcomes.push(o);
    }
  }
}

/** `abs` relative to `root`, with `/`. */
export function relativeTo(root: string, abs: string): string {
  return relative(root, abs).split('\\').join('/');
}
