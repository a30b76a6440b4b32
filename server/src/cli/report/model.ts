/**
 * A run's results in the shape every output format prints: findings with 1-based
 * lines and columns, files skipped and why, and the totals.
 */
import { type Finding, LineIndex, type Severity } from '../../engine/index';

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

export interface RunReport {
  files: FileReport[];
  skipped: { file: string; reason: string }[];
  checked: number;
  counts: Record<Severity, number>;
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
