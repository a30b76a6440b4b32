/**
 * A plan as a pull-request comment (GitHub-flavoured Markdown): a hidden marker a
 * workflow can find to update its comment, the summary, a table of what would
 * change, the details of each update (field, live, desired) in collapsed
 * sections, what stays unmanaged and unchanged, problems and notes. Values are
 * HTML-escaped inside `<code>`, so no value can break the table. Masked.
 */
import type { Change, SyncPlan } from '../types';
import { remarks, summaryText, valueText } from './words';

/** The first line of every plan comment, for a workflow that updates its comment in place. */
export const PLAN_MARKER = '<!-- alertcfg-plan -->';

/** Most rows per table: a comment stays under GitHub's 65,536 characters. */
const MAX_ROWS = 200;

const ICON: Readonly<Record<Change['action'], string>> = { create: '➕', update: '✏️', delete: '🗑️', noop: '✔️', unmanaged: '❔' };

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '&#124;').replace(/\r?\n|\r/g, ' ');
}

function code(s: string): string {
  return `<code>${esc(s)}</code>`;
}

function where(c: Change): string {
  return c.file !== undefined ? code(`${c.file}:${c.line}`) : esc(c.scopeLabel);
}

function rows<T>(items: readonly T[], row: (t: T) => string): string[] {
  const out = items.slice(0, MAX_ROWS).map(row);
  if (items.length > MAX_ROWS) out.push(`\n… and ${items.length - MAX_ROWS} more (alertcfg plan --format text lists them all).`);
  return out;
}

export function planMarkdown(plan: SyncPlan): string {
  const s = plan.summary;
  const out: string[] = [PLAN_MARKER, '### alertcfg plan', ''];
  const pending = plan.changes.filter((c) => c.action === 'create' || c.action === 'update' || c.action === 'delete');
  out.push(pending.length ? `**${s.create} to create, ${s.update} to update, ${s.delete} to delete** · ${s.noop} unchanged · ${s.unmanaged} unmanaged` : `**No changes.** ${summaryText(s)}.`, '');
  if (pending.length) {
    out.push('| | Kind | Name | Where | Fields |', '|---|---|---|---|---|');
    out.push(...rows(pending, (c) => `| ${ICON[c.action]} ${c.action} | ${c.kind} | ${code(c.name)} | ${where(c)} | ${c.fields.map((f) => code(f.path)).join(' ')} |`));
    out.push('');
  }
  for (const c of pending.filter((x) => x.fields.length || remarks(x).length).slice(0, MAX_ROWS)) {
    out.push(`<details><summary>${ICON[c.action]} ${c.action} ${esc(c.kind)} ${code(c.name)}</summary>`, '');
    if (c.fields.length) {
      out.push('| Field | Live | Desired |', '|---|---|---|');
      for (const f of c.fields) out.push(`| ${code(f.path)} | ${code(valueText(f.live))} | ${code(valueText(f.desired))} |`);
      out.push('');
    }
    for (const r of remarks(c)) out.push(`- ${esc(r)}`);
    out.push('', '</details>', '');
  }
  const unmanaged = plan.changes.filter((c) => c.action === 'unmanaged');
  if (unmanaged.length) {
    out.push(`<details><summary>❔ ${unmanaged.length} unmanaged (in the cloud, not in the repository)</summary>`, '', '| Kind | Name | Where | |', '|---|---|---|---|');
    out.push(...rows(unmanaged, (c) => `| ${c.kind} | ${code(c.name)} | ${esc(c.scopeLabel)} | ${esc(c.notes.join('; '))} |`));
    out.push('', '</details>', '');
  }
  const noop = plan.changes.filter((c) => c.action === 'noop');
  if (noop.length) {
    out.push(`<details><summary>✔️ ${noop.length} unchanged</summary>`, '', '| Kind | Name | Where | |', '|---|---|---|---|');
    out.push(...rows(noop, (c) => `| ${c.kind} | ${code(c.name)} | ${where(c)} | ${esc(remarks(c).join('; '))} |`));
    out.push('', '</details>', '');
  }
  if (plan.problems.length) {
    out.push('> [!WARNING]', '> **The plan is incomplete:**');
    for (const p of plan.problems) out.push(`> - ${esc(p)}`);
    out.push('');
  }
  for (const n of plan.notes) out.push(`> [!NOTE]`, `> ${esc(n)}`, '');
  return plan.internals.masker.mask(`${out.join('\n').replace(/\n+$/, '')}\n`);
}
