/**
 * Completion in JSON: property names at a key position, values at a value
 * position, and a whole resource in an empty file.
 */
import { getLocation } from 'jsonc-parser';
import { JSON_SAFE_DEPTH, jsonNestingBeyond } from '../../parse/nesting';
import type { PathSegment } from '../../parse/tree';
import { propertiesOf, schemaAt } from '../../schema/lookup';
import { keyEntry, valueEntries } from './entries';
import { resourceSnippets } from './snippets';
import type { CompletionEntry, Ctx } from './types';
import { existingKeys } from './yaml';

export function jsonCompletions(ctx: Ctx): CompletionEntry[] {
  const doc = ctx.file.documents[ctx.index]!;
  if (ctx.text.trim() === '') return resourceSnippets(ctx, 0, ctx.text.length, 'json');
  // getLocation recurses once per level: a text too deep to parse gets no completion (its finding says why).
  if (jsonNestingBeyond(ctx.text, JSON_SAFE_DEPTH) >= 0) return [];
  const loc = getLocation(ctx.text, ctx.off);
  let path: PathSegment[] = [...loc.path];
  if (/^[\s\uFEFF]*\[/.test(ctx.text) && typeof path[0] === 'number') path = path.slice(1);
  const prev = loc.previousNode;
  const prevRange = prev && ctx.off >= prev.offset && ctx.off <= prev.offset + prev.length ? { start: prev.offset, end: prev.offset + prev.length } : undefined;
  if (loc.isAtPropertyKey) {
    const mapPath = path.slice(0, -1);
    const at = schemaAt(ctx.root, mapPath);
    if (!at) return [];
    const r = prevRange ?? { start: ctx.off, end: ctx.off };
    const existing = existingKeys(ctx, mapPath, ctx.off - doc.base);
    const hasColon = /^\s*:/.test(ctx.text.slice(r.end, r.end + 50));
    return propertiesOf(at, ctx.root.kind)
      .filter((p) => !existing.has(p.name))
      .map((p, i) => keyEntry(p, i, ctx, { ...r, format: 'json', hasColon, extra: '' }));
  }
  const at = schemaAt(ctx.root, path);
  if (!at) return [];
  const r = prev && prevRange && prev.type !== 'object' && prev.type !== 'array' && prev.type !== 'property' ? prevRange : { start: ctx.off, end: ctx.off };
  return valueEntries(at.schema, ctx, { ...r, format: 'json', lead: '', quote: undefined });
}
