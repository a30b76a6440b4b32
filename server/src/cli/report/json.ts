/** Machine-readable results: every file with findings, the skipped files, the totals. */
import type { RunReport } from './model';

export function formatJson(r: RunReport, version: string): string {
  return `${JSON.stringify({ tool: 'alertcfg', version, checked: r.checked, counts: r.counts, files: r.files, skipped: r.skipped }, null, 2)}\n`;
}
