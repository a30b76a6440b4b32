/**
 * Removes fields that have no effect: `operations` / `notify_user_list` with
 * operation_type `complete`, and properties the vendor doc does not define.
 */
import type { Finding } from '../model/finding';
import { dataPath, documentOf, removeProperty } from './edit';
import { type Fix, type FixContext, say } from './types';

export function removeIgnoredField(finding: Finding, ctx: FixContext): Fix[] {
  const path = dataPath(finding);
  const at = documentOf(ctx, finding);
  if (!path || !at) return [];
  const edit = removeProperty(ctx, at, path);
  const name = String(path[path.length - 1]);
  if (!edit) return [];
  return [{ title: say(ctx, `Remove "${name}" (operation_type complete does not use it)`, `删除 "${name}"（complete 类型不使用该字段）`), edits: [edit], preferred: true }];
}

export function removeUnknownProperty(finding: Finding, ctx: FixContext): Fix[] {
  const path = dataPath(finding);
  const at = documentOf(ctx, finding);
  if (!path || !at) return [];
  const edit = removeProperty(ctx, at, path);
  if (!edit) return [];
  const name = String(path[path.length - 1]);
  return [{ title: say(ctx, `Remove the unknown property "${name}"`, `删除未知属性 "${name}"`), edits: [edit] }];
}
