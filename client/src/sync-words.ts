/**
 * What GitOps sync's commands read from how they were invoked (the palette: the
 * workspace; the explorer: the files and folders selected; the editor: its file;
 * a CodeLens: one resource), and the sentences they show: the question before an
 * apply and its summary after. Plain functions of their inputs.
 */
import * as vscode from 'vscode';
import type { ApplyResult, PlanResult, SyncArgs } from '../../server/src/protocol/index';

function isUri(x: unknown): x is vscode.Uri {
  return typeof x === 'object' && x !== null && typeof (x as { scheme?: unknown }).scheme === 'string' && typeof (x as { toString?: unknown }).toString === 'function';
}

/**
 * The SyncArgs of a command's arguments: `(clicked, selected[])` from the explorer,
 * `(uri)` from the editor's context menu, SyncArgs themselves (a keybinding's
 * `args`, another extension), or nothing (the palette: the workspace folders).
 */
export function syncArgsFrom(args: readonly unknown[]): SyncArgs {
  const [first, second] = args;
  if (Array.isArray(second) && second.length && second.every(isUri)) return { uris: second.map((u) => u.toString()) };
  if (isUri(first)) return { uris: [first.toString()] };
  if (typeof first === 'object' && first !== null) {
    const a = first as SyncArgs & { uri?: unknown };
    const uris = Array.isArray(a.uris) ? a.uris.filter((u): u is string => typeof u === 'string') : typeof a.uri === 'string' ? [a.uri] : undefined;
    return { ...(uris?.length ? { uris } : {}), ...(a.prune === true ? { prune: true } : {}), ...(typeof a.documentIndex === 'number' ? { documentIndex: a.documentIndex } : {}) };
  }
  return {};
}

/** The folder a command was invoked on (the explorer), if any. */
export function folderFrom(args: readonly unknown[]): vscode.Uri | undefined {
  return isUri(args[0]) ? args[0] : undefined;
}

/** How many changes an apply of the plan writes. */
export function pendingCount(plan: Pick<PlanResult, 'summary'>): number {
  return plan.summary.create + plan.summary.update + plan.summary.delete;
}

/** `Apply 3 changes (1 to create, 2 to update) on open.volcengineapi.com?` */
export function applyQuestion(plan: Pick<PlanResult, 'summary' | 'hosts'>): string {
  const s = plan.summary;
  const what = [
    s.create ? vscode.l10n.t('{0} to create', s.create) : '',
    s.update ? vscode.l10n.t('{0} to update', s.update) : '',
    s.delete ? vscode.l10n.t('{0} to delete', s.delete) : '',
  ]
    .filter(Boolean)
    .join(', ');
  const n = pendingCount(plan);
  const hosts = plan.hosts.join(', ');
  return n === 1 ? vscode.l10n.t('Apply 1 change ({0}) on {1}?', what, hosts) : vscode.l10n.t('Apply {0} changes ({1}) on {2}?', n, what, hosts);
}

/** What an apply did, in one sentence, and whether anything went wrong. */
export function applySummary(result: Pick<ApplyResult, 'summary' | 'writes' | 'outcomes'>): { text: string; ok: boolean } {
  const s = result.summary;
  if (!s.failed && !s.cancelled) return { text: vscode.l10n.t('Applied: {0} done ({1} write requests).', s.done, result.writes), ok: true };
  const failed = result.outcomes.filter((o) => o.status === 'failed').map((o) => `${o.kind} "${o.name}"`);
  const text = s.failed
    ? vscode.l10n.t('Applied: {0} done, {1} failed, {2} cancelled. Failed: {3}.', s.done, s.failed, s.cancelled, failed.join(', '))
    : vscode.l10n.t('Applied: {0} done, {1} cancelled; the rest was not sent.', s.done, s.cancelled);
  return { text, ok: false };
}
