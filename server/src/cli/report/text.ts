/** `file:line:col severity code message`, one finding a line, then a summary on stderr. */
import type { RunReport } from './model';

export function formatText(r: RunReport): { stdout: string; stderr: string } {
  const lines: string[] = [];
  for (const f of r.files) {
    for (const x of f.findings) {
      lines.push(`${f.file}:${x.line}:${x.column} ${x.severity} ${x.code} ${x.message}`);
      for (const rel of x.related ?? []) lines.push(`  ${rel.file || f.file}:${rel.line}:${rel.column} ${rel.message}`);
    }
  }
  const notes = r.skipped.map((s) => `${s.file}: skipped: ${s.reason}`);
  const total = r.counts.error + r.counts.warning + r.counts.info + r.counts.hint;
  const summary = total === 0
    ? `${r.checked} file${r.checked === 1 ? '' : 's'} checked, no problems.`
    : `${r.checked} file${r.checked === 1 ? '' : 's'} checked: ${r.counts.error} error${r.counts.error === 1 ? '' : 's'}, ${r.counts.warning} warning${r.counts.warning === 1 ? '' : 's'}${r.counts.info + r.counts.hint ? `, ${r.counts.info + r.counts.hint} info` : ''}.`;
  return { stdout: lines.length ? `${lines.join('\n')}\n` : '', stderr: [...notes, summary].join('\n') + '\n' };
}
