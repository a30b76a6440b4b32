/**
 * `file:line:col severity code message`, one finding a line; then on stderr the
 * skipped files, the files that are not alert config (with --verbose) or a note when
 * some look like raw vendor bodies, and a summary of what was done:
 * `N files checked (K alert config, M not alert config), S skipped (…). E errors, W warnings.`
 */
import type { RunReport, RunSummary } from './model';

const SKIP_LABELS: [keyof RunSummary['skippedBy'], string][] = [
  ['binary', 'binary'],
  ['tooLarge', 'too large'],
  ['notUtf8', 'not UTF-8'],
  ['unreadable', 'unreadable'],
];

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatText(r: RunReport): { stdout: string; stderr: string } {
  const lines: string[] = [];
  for (const f of r.files) {
    for (const x of f.findings) {
      lines.push(`${f.file}:${x.line}:${x.column} ${x.severity} ${x.code} ${x.message}`);
      for (const rel of x.related ?? []) lines.push(`  ${rel.file || f.file}:${rel.line}:${rel.column} ${rel.message}`);
    }
  }
  const notes = r.skipped.map((s) => `${s.file}: skipped: ${s.reason}`);
  for (const n of r.notAlertConfig ?? []) notes.push(`${n.file}: not alert config: ${n.reason}`);
  if (!r.notAlertConfig && r.vendorBodies > 0) {
    const one = r.vendorBodies === 1;
    notes.push(`note: ${plural(r.vendorBodies, 'file')} not alert config ${one ? 'looks like a raw vendor body' : 'look like raw vendor bodies'} that nothing associates with a kind; --verbose lists ${one ? 'it' : 'them'} and says how to associate ${one ? 'it' : 'them'}.`);
  }
  return { stdout: lines.length ? `${lines.join('\n')}\n` : '', stderr: [...notes, summaryLine(r)].join('\n') + '\n' };
}

function summaryLine(r: RunReport): string {
  const s = r.summary;
  const why = SKIP_LABELS.filter(([k]) => s.skippedBy[k]).map(([k, label]) => `${s.skippedBy[k]} ${label}`);
  const done = `${plural(s.checked, 'file')} checked (${s.alertConfig} alert config, ${s.notAlertConfig} not alert config), ${s.skipped} skipped${why.length ? ` (${why.join(', ')})` : ''}.`;
  const c = r.counts;
  const total = c.error + c.warning + c.info + c.hint;
  const found = total === 0 ? 'No problems.' : `${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}${c.info + c.hint ? `, ${c.info + c.hint} info` : ''}.`;
  return `${done} ${found}`;
}
