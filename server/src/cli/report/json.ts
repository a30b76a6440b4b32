/**
 * Machine-readable results: every file with findings, the skipped files, the totals,
 * what the run did with the files (`summary`), and with --verbose the files that are
 * not alert config and why.
 */
import type { RunReport } from './model';

export function formatJson(r: RunReport, version: string): string {
  const out = { tool: 'alertcfg', version, checked: r.checked, counts: r.counts, files: r.files, skipped: r.skipped, summary: r.summary, ...(r.notAlertConfig ? { notAlertConfig: r.notAlertConfig } : {}) };
  return `${JSON.stringify(out, null, 2)}\n`;
}
