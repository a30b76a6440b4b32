/**
 * A plan as GitHub Actions workflow commands: a notice on the line of each
 * resource that would change (or, for a live resource the repository lacks, on
 * no file), an error per problem, and the summary.
 */
import type { SyncPlan } from '../types';
import { fieldLine, remarks, summaryText } from './words';

/** Escaping as the workflow-command syntax requires. */
function data(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function prop(s: string): string {
  return data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function planAnnotations(plan: SyncPlan): string {
  const out: string[] = [];
  for (const c of plan.changes) {
    if (c.action === 'noop') continue;
    const title = prop(`alertcfg plan: ${c.action} ${c.kind} ${c.name}`);
    const what = [...c.fields.map(fieldLine), ...remarks(c)];
    const message = what.length ? what.join('\n') : c.action === 'create' ? `${c.kind} "${c.name}" is not in ${c.scopeLabel} yet: apply creates it.` : `${c.kind} "${c.name}" is in ${c.scopeLabel} but not in the repository.`;
    out.push(`::notice ${c.file !== undefined ? `file=${prop(c.file)},line=${c.line},` : ''}title=${title}::${data(message)}`);
  }
  for (const p of plan.problems) out.push(`::error title=alertcfg plan::${data(p)}`);
  for (const n of plan.notes) out.push(`::notice title=alertcfg plan::${data(n)}`);
  out.push(`::notice title=alertcfg plan::${data(`Plan: ${summaryText(plan.summary)}.`)}`);
  return plan.internals.masker.mask(`${out.join('\n')}\n`);
}
