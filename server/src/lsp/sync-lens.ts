/**
 * The CodeLens of a resource's last plan state (GitOps sync): `in sync`, `would
 * update: Email, Webhook`, `would create`, in English or Simplified Chinese, with
 * a mark when the resource was edited since. It shows what the last plan or apply
 * the user ran found; it never reads the cloud itself. Clicking it plans the file
 * again.
 */
import type { CodeLens, Range } from 'vscode-languageserver';
import type { Locale } from '../engine/index';
import { Command, type SyncArgs } from '../protocol/index';
import type { ResourceState } from './sync-states';

const WORDS = {
  en: { noop: 'in sync', create: 'would create', update: 'would update', colon: ': ', edited: ' (edited since the plan)' },
  'zh-cn': { noop: '已同步', create: '将创建', update: '将更新', colon: '：', edited: '（计划后已编辑）' },
} as const;

/** The lens title of a state: `would update: Email, Webhook`. */
export function stateTitle(state: Pick<ResourceState, 'action' | 'fields'>, locale: Locale, edited: boolean): string {
  const w = locale === 'zh-cn' ? WORDS['zh-cn'] : WORDS.en;
  const head = state.action === 'update' && state.fields.length ? `${w.update}${w.colon}${state.fields.join(', ')}` : w[state.action];
  return `${head}${edited ? w.edited : ''}`;
}

/** The lens above a resource: its state, planning its file again when clicked. */
export function stateLens(range: Range, uri: string, state: ResourceState, locale: Locale, currentBody: unknown): CodeLens {
  const args: SyncArgs = { uris: [uri] };
  return { range, command: { title: stateTitle(state, locale, JSON.stringify(currentBody) !== state.body), command: Command.plan, arguments: [args] } };
}
