/**
 * A run's results in the shape every output format prints: findings with 1-based
 * lines and columns, files skipped and why, the files that are not alert config,
 * and the totals.
 */
import { type Finding, LineIndex, type Severity } from '../../engine/check';

export interface ReportedFinding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
  data?: Record<string, unknown>;
  related?: { file: string; line: number; column: number; message: string }[];
}

export interface FileReport {
  /** Path relative to the working directory, with `/` separators. */
  file: string;
  findings: ReportedFinding[];
}

/** What the run did with the files it found: `checked` = `alertConfig` + `notAlertConfig`. */
export interface RunSummary {
  checked: number;
  alertConfig: number;
  notAlertConfig: number;
  skipped: number;
  /** Why files were skipped; only reasons that occurred. */
  skippedBy: Partial<Record<'binary' | 'tooLarge' | 'notUtf8' | 'unreadable', number>>;
}

export interface NotAlertConfig {
  file: string;
  reason: string;
  /** The kind a raw vendor body looks like. */
  kind?: string;
}

export interface RunReport {
  files: FileReport[];
  skipped: { file: string; reason: string }[];
  /** Files read (binary ones too; unreadable ones not): the JSON format's `checked`. */
  checked: number;
  counts: Record<Severity, number>;
  summary: RunSummary;
  /** The files that are not alert config and why (with --verbose). */
  notAlertConfig?: NotAlertConfig[];
  /** How many files not alert config look like raw vendor bodies with no association. */
  vendorBodies: number;
}

export function toReported(f: Finding, lines: LineIndex, lookup: (file: string) => { name: string; lines: LineIndex } | undefined): ReportedFinding {
  const s = lines.positionAt(f.start);
  const e = lines.positionAt(f.end);
  const out: ReportedFinding = { line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, severity: f.severity, code: f.code, message: f.message };
  if (f.data && Object.keys(f.data).length) out.data = f.data;
  if (f.related?.length) {
    out.related = f.related.map((r) => {
      const other = r.file ? lookup(r.file) : undefined;
      const p = (other?.lines ?? lines).positionAt(r.start);
      return { file: other?.name ?? '', line: p.line + 1, column: p.character + 1, message: r.message };
    });
  }
  return out;
}

export function emptyCounts(): Record<Severity, number> {
  return { error: 0, warning: 0, info: 0, hint: 0 };
}

export function emptySummary(): RunSummary {
  return { checked: 0, alertConfig: 0, notAlertConfig: 0, skipped: 0, skippedBy: {} };
}
