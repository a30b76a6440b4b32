/**
 * The words every presentation of a plan shares: how an action, a value, a field
 * that was not compared and the summary read.
 */
import type { Change, ChangeAction, SecretNote, SyncSummary } from '../types';

export const SYMBOL: Readonly<Record<ChangeAction, string>> = { create: '+', update: '~', delete: '-', noop: '=', unmanaged: '?' };

/** A printed value (already masked): strings quoted, lists and objects as JSON, absent as `(absent)`. */
export function valueText(v: unknown): string {
  if (v === undefined) return '(absent)';
  return JSON.stringify(v);
}

/** Why a field was not compared, as the plan says it. */
export function secretText(note: SecretNote, action: ChangeAction): string {
  if (note.state === 'unset') return 'its reference is not set here: not compared (apply needs it)';
  return action === 'noop' ? 'not readable (the API does not return it): not compared' : 'not readable; sent again on apply';
}

/** `Email: "a@example.com" → "b@example.com"` */
export function fieldLine(f: { path: string; live?: unknown; desired?: unknown }): string {
  return `${f.path}: ${valueText(f.live)} → ${valueText(f.desired)}`;
}

/** `2 to create, 1 to update, 0 to delete, 5 unchanged, 1 unmanaged` */
export function summaryText(s: SyncSummary): string {
  return `${s.create} to create, ${s.update} to update, ${s.delete} to delete, ${s.noop} unchanged, ${s.unmanaged} unmanaged`;
}

/** Where a change is: its file and line, or the scope of a live resource the repository does not have. */
export function whereText(c: Change): string {
  return c.file !== undefined ? `${c.file}:${c.line}` : `not in the repository; ${c.kind} in ${c.scopeLabel}`;
}

/** Everything said about a change besides its fields: fields not compared, and notes. */
export function remarks(c: Change): string[] {
  return [...c.secrets.map((s) => `${s.path}: ${secretText(s, c.action)}`), ...c.notes];
}
