/**
 * A plan as text for a terminal or a log: one block per scope, one line per
 * resource (`+ create`, `~ update`, `= noop`, `? unmanaged`, `- delete`) with each
 * differing field under it, and a summary line. Everything is masked.
 */
import type { SyncPlan } from '../types';
import { SYMBOL, fieldLine, remarks, summaryText } from './words';

export function planText(plan: SyncPlan): string {
  const lines: string[] = [];
  let scope: string | undefined;
  for (const c of plan.changes) {
    if (c.scope !== scope) {
      if (scope !== undefined) lines.push('');
      scope = c.scope;
      lines.push(`${c.kind} in ${c.scopeLabel}:`);
    }
    const where = c.file !== undefined ? `  (${c.file}:${c.line})` : '  (not in the repository)';
    lines.push(`  ${SYMBOL[c.action]} ${c.action.padEnd(9)} ${c.name}${where}`);
    for (const f of c.fields) lines.push(`      ${fieldLine(f)}`);
    for (const r of remarks(c)) lines.push(`      ${r}`);
  }
  if (!plan.changes.length) lines.push(plan.problems.length ? 'Nothing was planned: see the problems.' : 'No synced resources (Contact, KeyOperationNotification) under the paths.');
  lines.push('', `Plan: ${summaryText(plan.summary)}.`);
  for (const n of plan.notes) lines.push(`note: ${n}`);
  return plan.internals.masker.mask(`${lines.join('\n')}\n`);
}
