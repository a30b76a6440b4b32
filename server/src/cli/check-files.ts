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
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { relative } from 'node:path';
import { readReason } from '../env/read-errors';
import { decodeFile, finishFindings, formatForPath, kindForPath, validateText, whyNotOurs } from '../engine/check';
import type { Finding, NotOurs, ResourceSummary, Settings } from '../engine/index';

/** What became of a file, for the summary: checked (alert config or not), or skipped and why. */
export type Tally = 'alert-config' | 'not-alert-config' | 'binary' | 'too-large' | 'not-utf8' | 'unreadable';

/** What a file gave. `text` is kept only when the file has findings (for their lines and columns). */
export interface FileOutcome {
  /** Position in the list of files. */
  i: number;
  tally: Tally;
  /** Why a checked file is not alert config. */
  notOurs?: NotOurs;
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
  /** By index in `files`: 1 when the file is known to be a regular file (see readBytes). */
  regular?: Uint8Array;
  /** Project root, for paths relative to it (configured `schemas` globs). */
  root: string;
  settings: Settings;
}

const BATCH = 32;

/** Checks one file. */
export function checkFile(ctx: CheckContext, i: number): FileOutcome {
  const abs = ctx.files[i]!;
  let bytes: Uint8Array;
  try {
    bytes = ctx.regular?.[i] ? readBytes(abs) : readFileSync(abs);
  } catch (err) {
    return { i, tally: 'unreadable', skipped: `cannot read: ${readReason(err)}`, ioError: true, findings: [] };
  }
  const decoded = decodeFile(bytes, ctx.settings.maxFileSize);
  if (!decoded.ok && 'skip' in decoded) return { i, tally: 'binary', skipped: decoded.skip, findings: [] };
  // Not read (too large) or not decodable: one finding, with its configured severity.
  if (!decoded.ok) {
    return { i, tally: decoded.finding.code === 'file-too-large' ? 'too-large' : 'not-utf8', findings: finishFindings(decoded.text, [decoded.finding], ctx.settings), text: decoded.text };
  }
  const schemas = ctx.settings.schemas;
  // The relative path only matters when globs associate kinds with paths.
  const globKind = Object.keys(schemas).length ? kindForPath(schemas, relativeTo(ctx.root, abs)) : undefined;
  const format = formatForPath(abs);
  const result = validateText(decoded.text, { format, globKind, settings: ctx.settings });
  if (!result.ours) return { i, tally: 'not-alert-config', notOurs: whyNotOurs(decoded.text, format, result.documents), findings: [] };
  const summaries: ResourceSummary[] = [];
  for (const r of result.results) if (r.summary) summaries.push(r.summary);
  return {
    i,
    tally: 'alert-config',
    findings: result.findings,
    ...(result.findings.length ? { text: decoded.text } : {}),
    bases: result.documents.map((d) => d.base),
    summaries,
  };
}

/** Files are read into this buffer, kept from one file to the next (each thread has its own). */
let buffer = new Uint8Array(64 * 1024);

/**
 * The bytes of a regular file, valid until the next call: one read into the kept
 * buffer. A read that stops short of the buffer's end has reached the end of a
 * regular file, so there is no need to stat it first or to allocate for it (the
 * open, stat, read and close of readFileSync, with a new buffer each time, took a
 * third longer for 10,000 small files). A file that fills the buffer is read again
 * whole, as readFileSync reads it.
 */
function readBytes(abs: string): Uint8Array {
  const fd = openSync(abs, 'r');
  let n: number;
  try {
    n = readSync(fd, buffer, 0, buffer.length, 0);
  } finally {
    closeSync(fd);
  }
  if (n < buffer.length) return buffer.subarray(0, n);
  const whole = readFileSync(abs);
  // Files this big are rare; the next one of that size is read in one go.
  if (whole.length < 4 * 1024 * 1024) buffer = new Uint8Array(2 * whole.length);
  return whole;
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
      share.outcomes.push(checkFile(ctx, i));
      tick();
    }
  }
}

/** `abs` relative to `root`, with `/`. */
export function relativeTo(root: string, abs: string): string {
  return relative(root, abs).split('\\').join('/');
}
