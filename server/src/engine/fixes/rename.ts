/** Fixes a near-miss key (`Adress` → `Address`), the "did you mean" of unknown properties. */
import type { Finding } from '../model/finding';
import { nodeAt } from '../parse/tree';
import { dataPath, documentOf, renameKey } from './edit';
import { removeUnknownProperty } from './remove';
import { type Fix, type FixContext, say } from './types';

export function fixUnknownProperty(finding: Finding, ctx: FixContext): Fix[] {
  const suggestion = finding.data?.['suggestion'];
  if (typeof suggestion !== 'string') return removeUnknownProperty(finding, ctx);
  const path = dataPath(finding);
  const at = documentOf(ctx, finding);
  if (!path || !at) return [];
  // The right key is already there: the near miss is a leftover to remove, not to rename.
  const parent = nodeAt(at.root, path.slice(0, -1));
  if (parent?.type === 'map' && parent.entries.some((e) => e.key.value === suggestion)) return removeUnknownProperty(finding, ctx);
  const edit = renameKey(ctx, at, path, suggestion);
  if (!edit) return [];
  return [{ title: say(ctx, `Change to "${suggestion}"`, `改为 "${suggestion}"`), edits: [edit], preferred: true }];
}
