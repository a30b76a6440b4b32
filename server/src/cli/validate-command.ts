/**
 * `alertcfg validate`: discover files, check each with the engine, run the
 * workspace-wide rules over all of them, print in the chosen format, and decide
 * the exit code.
 */
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import {
  type FileSummaries,
  type Finding,
  LineIndex,
  decodeFile,
  finishFindings,
  formatForPath,
  kindForPath,
  validateText,
  workspaceFindings,
} from '../engine/index';
import { UsageError, parse } from './args';
import { discoverFiles, toPosix } from './discover';
import { loadProject } from './project';
import { Progress } from './progress';
import { formatGithub } from './report/github';
import { formatJson } from './report/json';
import { type FileReport, type RunReport, emptyCounts, toReported } from './report/model';
import { formatSarif } from './report/sarif';
import { formatText } from './report/text';

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
type Format = (typeof FORMATS)[number];

export interface Io {
  cwd: string;
  out(s: string): void;
  err(s: string): void;
  isTTY: boolean;
  version: string;
}

interface Checked {
  abs: string;
  name: string;
  text: string;
  lines?: LineIndex;
  findings: Finding[];
  summaries?: FileSummaries;
}

export async function validateCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    format: { type: 'string', short: 'f', default: 'text' },
    'max-warnings': { type: 'string' },
    config: { type: 'string', short: 'c' },
  });
  const format = values['format'] as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}".`);
  const maxWarningsRaw = values['max-warnings'] as string | undefined;
  const maxWarnings = maxWarningsRaw === undefined ? -1 : Number(maxWarningsRaw);
  if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new UsageError(`--max-warnings takes a whole number, not "${maxWarningsRaw}".`);

  const project = loadProject(io.cwd, values['config'] as string | undefined, positionals[0]);
  const { files, missing } = discoverFiles(positionals, io.cwd, project.root, project.settings);
  if (missing.length) {
    io.err(`alertcfg: no such file or no match: ${missing.join(', ')}\n`);
    return 2;
  }
  const display = (abs: string) => toPosix(relative(io.cwd, abs)) || '.';
  const report: RunReport = { files: [], skipped: [], checked: 0, counts: emptyCounts() };
  const checked: Checked[] = [];
  if (project.configFile && project.configFindings.length) {
    checked.push({ abs: project.configFile, name: display(project.configFile), text: project.configText ?? '', findings: project.configFindings });
  }

  const progress = new Progress(io.isTTY && files.length > 200, files.length, io.err);
  let ioError = false;
  await forEachLimited(files, 16, async (abs) => {
    const name = display(abs);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(abs);
    } catch (err) {
      report.skipped.push({ file: name, reason: `cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})` });
      ioError = true;
      return;
    }
    progress.tick();
    report.checked++;
    const decoded = decodeFile(bytes, project.settings.maxFileSize);
    if (!decoded.ok && 'skip' in decoded) {
      report.skipped.push({ file: name, reason: decoded.skip });
      return;
    }
    if (!decoded.ok) {
      checked.push({ abs, name, text: decoded.text, findings: [decoded.finding] });
      return;
    }
    const rel = toPosix(relative(project.root, abs));
    const result = validateText(decoded.text, { format: formatForPath(abs), globKind: kindForPath(project.settings.schemas, rel), settings: project.settings });
    if (!result.ours) return;
    const summaries = result.results.flatMap((r) => (r.summary ? [r.summary] : []));
    checked.push({ abs, name, text: decoded.text, findings: result.findings, summaries: { file: abs, bases: result.documents.map((d) => d.base), summaries } });
  });
  progress.done();

  // Findings that need every file: names shared across the workspace.
  const byFile = new Map(checked.map((c) => [c.abs, c]));
  const cross = workspaceFindings(checked.flatMap((c) => (c.summaries ? [c.summaries] : [])));
  for (const [file, found] of cross) {
    const c = byFile.get(file)!;
    c.findings = finishFindings(c.text, [...c.findings, ...found], project.settings);
  }
  const linesOf = (c: Checked) => (c.lines ??= new LineIndex(c.text));
  const lookup = (abs: string) => {
    const c = byFile.get(abs);
    return c ? { name: c.name, lines: linesOf(c) } : undefined;
  };
  for (const c of checked.sort((a, b) => a.name.localeCompare(b.name))) {
    if (!c.findings.length) continue;
    const fr: FileReport = { file: c.name, findings: c.findings.map((f) => toReported(f, linesOf(c), lookup)) };
    for (const f of fr.findings) report.counts[f.severity]++;
    report.files.push(fr);
  }
  report.skipped.sort((a, b) => a.file.localeCompare(b.file));

  if (format === 'text') {
    const t = formatText(report);
    io.out(t.stdout);
    io.err(t.stderr);
  } else if (format === 'json') io.out(formatJson(report, io.version));
  else if (format === 'sarif') io.out(formatSarif(report, io.version, io.cwd));
  else io.out(formatGithub(report));

  if (ioError) return 2;
  if (report.counts.error > 0) return 1;
  if (maxWarnings >= 0 && report.counts.warning > maxWarnings) return 1;
  return 0;
}

async function forEachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
