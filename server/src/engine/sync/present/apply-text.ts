/**
 * What apply did, as text: one line per resource (done, FAILED with the vendor's
 * code, message and advice, or cancelled) and a summary line. The outcomes are
 * masked already; the text is masked once more with the plan's masker.
 */
import type { ApplyReport } from '../apply';
import type { SyncPlan } from '../types';

export function applyText(report: ApplyReport, plan: SyncPlan): string {
  const lines: string[] = [];
  for (const o of report.outcomes) {
    const where = o.file !== undefined ? ` (${o.file}:${o.line})` : ` (${o.scopeLabel})`;
    const status = o.status === 'failed' ? 'FAILED' : o.status;
    lines.push(`${status.padEnd(9)} ${o.action} ${o.kind} "${o.name}"${where}${o.reason ? `: ${o.reason}` : ''}`);
    if (o.advice) lines.push(`          advice: ${o.advice}`);
    for (const n of o.notes) lines.push(`          note: ${n}`);
  }
  const s = report.summary;
  lines.push(`Applied: ${s.done} done, ${s.failed} failed${s.cancelled ? `, ${s.cancelled} cancelled` : ''} (${report.writes} write request${report.writes === 1 ? '' : 's'}).`);
  return plan.internals.masker.mask(`${lines.join('\n')}\n`);
}
