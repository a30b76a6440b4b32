/**
 * `alertcfg validate`: discover files, check each with the engine, run the
 * workspace-wide rules over all of them, print in the chosen format, and decide
 * the exit code.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  type FileSummaries,
  type Finding,
  LineIndex,
  decodeFile,
  finishFindings,
  workspaceFindings,
} from '../engine/check';
import picomatch from 'picomatch';
import { UsageError, parse } from './args';
import { cannotRead } from '../env/read-errors';
import { BATCH_SIZE, type CheckContext, type FileOutcome, type Share, checkFile, checkShare } from './check-files';
import { discoverFiles, toPosix } from './discover';
import { loadProject } from './project';
import { Progress } from './progress';
import { type FileReport, type RunReport, emptyCounts, emptySummary, toReported } from './report/model';
import { formatText } from './report/text';
import type { ValidateWorkerData, ValidateWorkerResult } from './validate-worker';

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
type Format = (typeof FORMATS)[number];

export interface Io {
  cwd: string;
  out(s: string): void;
  err(s: string): void;
  isTTY: boolean;
  version: string;
  /** The CLI bundle, when running from it: worker threads run it too (see check-files.ts). */
  workerScript?: string;
}

interface Checked {
  abs: string;
  /** Set when the file is reported (only then is its name worked out). */
  name: string;
  /** Undefined when not kept (a file without findings); read again if needed. */
  text?: string;
  lines?: LineIndex;
  findings: Finding[];
  summaries?: FileSummaries;
}

export async function validateCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    format: { type: 'string', short: 'f', default: 'text' },
    'max-warnings': { type: 'string' },
    config: { type: 'string', short: 'c' },
    verbose: { type: 'boolean' },
  });
  const verbose = values['verbose'] === true;
  const format = values['format'] as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}".`);
  const maxWarningsRaw = values['max-warnings'] as string | undefined;
  const maxWarnings = maxWarningsRaw === undefined ? -1 : Number(maxWarningsRaw);
  if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new UsageError(`--max-warnings takes a whole number, not "${maxWarningsRaw}".`);

  const project = loadProject(io.cwd, values['config'] as string | undefined, positionals[0]);
  const { files, missing, regular } = discoverFiles(positionals, io.cwd, project.root, project.settings);
  if (missing.length) {
    // A glob that matched nothing, or a path that is not there: one sentence each.
    for (const m of missing) io.err(`alertcfg: ${picomatch.scan(m).isGlob ? `${m} matches no file` : cannotRead(m, { code: 'ENOENT' })}.\n`);
    return 2;
  }
  const display = (abs: string) => toPosix(relative(io.cwd, abs)) || '.';
  const report: RunReport = { files: [], skipped: [], checked: 0, counts: emptyCounts(), summary: emptySummary(), vendorBodies: 0, ...(verbose ? { notAlertConfig: [] } : {}) };
  const checked: Checked[] = [];
  if (project.configFile && project.configFindings.length) {
    checked.push({ abs: project.configFile, name: display(project.configFile), text: project.configText ?? '', findings: project.configFindings });
  }

  const progress = new Progress(io.isTTY && files.length > 200, files.length, io.err);
  const outcomes = await checkAll({ files, regular, root: project.root, settings: project.settings }, io, () => progress.tick());
  progress.done();

  let ioError = false;
  for (const o of outcomes) {
    const abs = files[o.i]!;
    tally(report, o, abs === project.configFile ? CONFIG_FILE : undefined, () => display(abs));
    if (o.skipped) {
      report.skipped.push({ file: display(abs), reason: o.skipped });
      if (o.ioError) ioError = true;
      continue;
    }
    checked.push({ abs, name: '', text: o.text, findings: o.findings, ...(o.summaries ? { summaries: { file: abs, bases: o.bases ?? [], summaries: o.summaries } } : {}) });
  }
  report.checked = files.length - outcomes.filter((o) => o.ioError).length;

  // Findings that need every file: names shared across the workspace.
  const byFile = new Map(checked.map((c) => [c.abs, c]));
  const cross = workspaceFindings(checked.flatMap((c) => (c.summaries ? [c.summaries] : [])));
  for (const [file, found] of cross) {
    const c = byFile.get(file)!;
    c.findings = finishFindings(textOf(c, project.settings.maxFileSize), [...c.findings, ...found], project.settings);
  }
  const linesOf = (c: Checked) => (c.lines ??= new LineIndex(textOf(c, project.settings.maxFileSize)));
  const nameOf = (c: Checked) => (c.name ||= display(c.abs));
  const lookup = (abs: string) => {
    const c = byFile.get(abs);
    return c ? { name: nameOf(c), lines: linesOf(c) } : undefined;
  };
  // Only files with findings are reported (and need a name and their lines).
  const reported = checked.filter((c) => c.findings.length);
  for (const c of reported) nameOf(c);
  for (const c of reported.sort((a, b) => a.name.localeCompare(b.name))) {
    const fr: FileReport = { file: c.name, findings: c.findings.map((f) => toReported(f, linesOf(c), lookup)) };
    for (const f of fr.findings) report.counts[f.severity]++;
    report.files.push(fr);
  }
  report.skipped.sort((a, b) => a.file.localeCompare(b.file));
  report.notAlertConfig?.sort((a, b) => a.file.localeCompare(b.file));

  if (format === 'text') {
    const t = formatText(report);
    io.out(t.stdout);
    io.err(t.stderr);
  } else if (format === 'json') io.out((await import('./report/json.js')).formatJson(report, io.version));
  // SARIF's builder library is loaded only for SARIF runs.
  else if (format === 'sarif') io.out((await import('./report/sarif.js')).formatSarif(report, io.version, io.cwd));
  else io.out((await import('./report/github.js')).formatGithub(report));

  if (ioError) return 2;
  if (report.counts.error > 0) return 1;
  if (maxWarnings >= 0 && report.counts.warning > maxWarnings) return 1;
  return 0;
}

const CONFIG_FILE = "alertcfg's own configuration file, checked against its schema.";

const SKIPPED_BY = { binary: 'binary', 'too-large': 'tooLarge', 'not-utf8': 'notUtf8', unreadable: 'unreadable' } as const;

/** Counts the file in the summary; a file that is not alert config is listed (with --verbose) with its reason. */
function tally(report: RunReport, o: FileOutcome, reason: string | undefined, name: () => string): void {
  const s = report.summary;
  if (o.tally === 'alert-config') s.alertConfig++;
  else if (o.tally === 'not-alert-config') {
    s.notAlertConfig++;
    const vendor = !reason && o.notOurs?.reason === 'vendor-body';
    if (vendor) report.vendorBodies++;
    report.notAlertConfig?.push({ file: name(), reason: reason ?? o.notOurs?.message ?? 'not recognised.', ...(vendor && o.notOurs?.kind ? { kind: o.notOurs.kind } : {}) });
  } else {
    s.skipped++;
    const key = SKIPPED_BY[o.tally];
    s.skippedBy[key] = (s.skippedBy[key] ?? 0) + 1;
  }
  s.checked = s.alertConfig + s.notAlertConfig;
}

/** The text of a checked file: kept from the check when it had findings, read again otherwise (rare: a file that gets only workspace-wide findings). */
function textOf(c: Checked, maxFileSize: number): string {
  if (c.text === undefined) {
    const decoded = decodeFile(readFileSync(c.abs), maxFileSize);
    c.text = decoded.ok || !('skip' in decoded) ? decoded.text : '';
  }
  return c.text;
}

/** Files below this count are checked on the main thread only (a worker costs ~50 ms to start). */
const PARALLEL_FROM = 2000;
/**
 * Workers are added only on machines with at least this many cores. Each worker
 * loads the bundle and warms up its own JIT, and V8's own background threads (GC,
 * compiler) already keep a second core busy: on 2 cores, one worker made 10,000 files
 * take 0.81 s instead of 0.67 s, and 30,000 files 1.93 s instead of 1.77 s.
 */
const PARALLEL_CORES = 4;

/**
 * Checks every file: on the main thread, helped by worker threads (one per idle
 * core beyond the main thread's and one for V8's background work, up to 3) when
 * there are many files, the machine has at least 4 cores, and the CLI runs from its
 * bundle. `ALERTCFG_WORKERS=0` turns workers off; a number sets how many.
 */
async function checkAll(ctx: CheckContext, io: Io, tick: () => void): Promise<FileOutcome[]> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const setting = process.env['ALERTCFG_WORKERS'];
  const cores = availableParallelism();
  // Workers help only on cores that are idle: the others' load (1-minute average) is subtracted.
  const idle = Math.floor(cores - loadavg()[0]!);
  const auto = ctx.files.length >= PARALLEL_FROM && cores >= PARALLEL_CORES ? Math.max(0, Math.min(3, idle - 2)) : 0;
  const wanted = setting !== undefined && setting !== '' && Number.isInteger(Number(setting)) ? Math.max(0, Number(setting)) : auto;
  const workers: Promise<Share | undefined>[] = [];
  if (io.workerScript) {
    for (let w = 0; w < wanted; w++) {
      workers.push(
        new Promise<Share | undefined>((resolve) => {
          const data: ValidateWorkerData = { alertcfgValidateWorker: true, context: ctx, counter };
          const worker = new Worker(io.workerScript!, { workerData: data });
          let result: Share | undefined;
          worker.once('message', (m: ValidateWorkerResult) => (result = m));
          worker.once('error', () => undefined);
          worker.once('exit', () => resolve(result));
        }),
      );
    }
  }
  const shares = [checkShare(ctx, counter, tick), ...(await Promise.all(workers))];
  const outcomes: FileOutcome[] = [];
  const done = new Uint8Array(Math.ceil(ctx.files.length / BATCH_SIZE));
  for (const share of shares) {
    if (!share) continue;
    outcomes.push(...share.outcomes);
    for (const b of share.batches) done[b / BATCH_SIZE] = 1;
  }
  // A worker that failed leaves its batches unreported: they are checked here.
  for (let b = 0; b < done.length; b++) {
    if (done[b]) continue;
    for (let i = b * BATCH_SIZE; i < Math.min(ctx.files.length, (b + 1) * BATCH_SIZE); i++) {
      outcomes.push(checkFile(ctx, i));
    }
  }
  return outcomes.sort((a, b) => a.i - b.i);
}
