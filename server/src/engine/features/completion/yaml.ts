/**
 * Completion in YAML: keys of the mapping under the cursor (those not yet written),
 * values of the scalar under it, and a whole resource in a fresh document.
 */
import { type PathSegment, nodeAt } from '../../parse/tree';
import { propertiesOf, schemaAt } from '../../schema/lookup';
import { lineStartAt } from '../../text/line-breaks';
import { yamlSpotAt } from '../yaml-context';
import { keyEntry, valueEntries } from './entries';
import { resourceSnippets } from './snippets';
import { isObjectSchema, quoteAt } from './text';
import type { CompletionEntry, Ctx } from './types';

export function yamlCompletions(ctx: Ctx): CompletionEntry[] {
  const doc = ctx.file.documents[ctx.index]!;
  const local = ctx.off - doc.base;
  const spot = yamlSpotAt(doc.text, local);
  if (!spot) return [];
  const start = spot.start + doc.base;
  const end = spot.end + doc.base;
  const at = schemaAt(ctx.root, spot.path);
  if (spot.at === 'value') {
    if (!at) return [];
    return valueEntries(at.schema, ctx, { start, end, format: 'yaml', lead: spot.needsSpace ? ' ' : '', quote: quoteAt(ctx.text, start) });
  }
  if (!at) return [];
  const lineIndent = /^[ \t]*/.exec(ctx.text.slice(lineStartAt(ctx.text, ctx.off), ctx.off))![0].length;
  if (spot.dashItem && !isObjectSchema(at.schema)) {
    return valueEntries(at.schema, ctx, { start, end, format: 'yaml', lead: '', quote: undefined });
  }
  const existing = existingKeys(ctx, spot.path, local);
  const props = propertiesOf(at, ctx.root.kind).filter((p) => !existing.has(p.name));
  const extra = ' '.repeat(Math.max(0, spot.column - lineIndent));
  const entries = props.map((p, i) => keyEntry(p, i, ctx, { start, end, format: 'yaml', hasColon: spot.hasColon, extra }));
  if (spot.path.length === 0 && spot.column === 0 && rootIsFresh(ctx, local)) entries.push(...resourceSnippets(ctx, start, end, 'yaml'));
  return entries;
}

/** The document holds nothing but the word being typed: a whole resource may go here. */
function rootIsFresh(ctx: Ctx, local: number): boolean {
  const root = ctx.file.documents[ctx.index]!.root;
  if (!root || root.type === 'scalar') return true;
  if (root.type !== 'map') return false;
  return root.entries.every((e) => local >= e.key.start && local <= e.key.end);
}

export function existingKeys(ctx: Ctx, path: PathSegment[], local: number): Set<string> {
  const doc = ctx.file.documents[ctx.index]!;
  const node = nodeAt(doc.root, path);
  const out = new Set<string>();
  if (node?.type === 'map') for (const e of node.entries) if (!(local >= e.key.start && local <= e.key.end)) out.add(String(e.key.value));
  return out;
}
