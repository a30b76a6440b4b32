/** Converts a date string (or seconds) to the epoch milliseconds AOM expects. */
import type { Finding } from '../model/finding';
import { dataPath, documentOf, scalarEdit } from './edit';
import { type Fix, type FixContext, say } from './types';

export function toEpochMs(finding: Finding, ctx: FixContext): Fix[] {
  const ms = finding.data?.['epochMs'];
  const path = dataPath(finding);
  const at = documentOf(ctx, finding);
  if (typeof ms !== 'number' || !Number.isFinite(ms) || !path || !at) return [];
  const edit = scalarEdit(ctx, at, path, ms);
  if (!edit) return [];
  const iso = new Date(ms).toISOString();
  return [{ title: say(ctx, `Convert to epoch milliseconds: ${ms} (${iso})`, `转换为毫秒时间戳：${ms}（${iso}）`), edits: [edit], preferred: true }];
}
