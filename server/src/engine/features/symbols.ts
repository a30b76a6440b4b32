/**
 * The outline: one symbol per resource (its kind and name), with the resource's
 * keys nested below it.
 */
import type { Range } from '../model/finding';
import { type Node, isString, nodeAt } from '../parse/tree';
import type { AnalysedFile } from './common';

export type OutlineKind = 'resource' | 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

export interface OutlineSymbol extends Range {
  name: string;
  detail?: string;
  kind: OutlineKind;
  /** The part to select and reveal: the resource's name, or a key. */
  selection: Range;
  children: OutlineSymbol[];
}

export interface OutlineOptions {
  /** Levels of keys below each resource (default 8). */
  maxDepth?: number;
  /** Most symbols in all (default 100,000): a huge file still answers quickly. */
  maxSymbols?: number;
}

export function documentSymbols(file: AnalysedFile, options: OutlineOptions = {}): OutlineSymbol[] {
  const budget = { left: options.maxSymbols ?? 100_000 };
  const maxDepth = options.maxDepth ?? 8;
  const out: OutlineSymbol[] = [];
  file.documents.forEach((doc, i) => {
    const result = file.results[i];
    const resource = result?.resource;
    const root = doc.root;
    if (!resource || !root || budget.left <= 0) return;
    budget.left--;
    const base = doc.base;
    const kind = resource.kind ?? (isString(nodeAt(root, ['kind'])) ? String((nodeAt(root, ['kind']) as { value: string }).value) : 'resource');
    const meta = nodeAt(root, ['metadata', 'name']);
    const vendor = result.summary?.vendorName;
    const nameNode = isString(meta) ? meta : undefined;
    const name = nameNode ? nameNode.value : vendor ? vendor.value : `${kind} #${i + 1}`;
    const sel = nameNode ?? (vendor ? { start: vendor.start, end: vendor.end } : (nodeAt(root, ['kind']) ?? { start: root.start, end: root.start }));
    out.push({
      name,
      detail: resource.form === 'raw' ? `${kind} (raw body)` : kind,
      kind: 'resource',
      start: base + root.start,
      end: base + trimEnd(doc.text, root.start, root.end),
      selection: { start: base + sel.start, end: base + sel.end },
      children: children(root, base, doc.text, 1, maxDepth, budget),
    });
  });
  return out;
}

function children(node: Node, base: number, text: string, depth: number, maxDepth: number, budget: { left: number }): OutlineSymbol[] {
  if (depth > maxDepth) return [];
  const out: OutlineSymbol[] = [];
  if (node.type === 'map') {
    for (const e of node.entries) {
      if (budget.left <= 0) break;
      budget.left--;
      const v = e.value;
      out.push({
        name: String(e.key.value),
        ...detailOf(v),
        kind: kindOf(v),
        start: base + e.key.start,
        end: base + trimEnd(text, e.key.start, Math.max(e.key.end, v ? v.end : e.key.end)),
        selection: { start: base + e.key.start, end: base + e.key.end },
        children: v && !v.alias && v.type !== 'scalar' ? children(v, base, text, depth + 1, maxDepth, budget) : [],
      });
    }
  } else if (node.type === 'seq') {
    node.items.forEach((v, i) => {
      if (budget.left <= 0 || v.alias) return;
      budget.left--;
      out.push({
        name: `[${i}]`,
        ...detailOf(v),
        kind: kindOf(v),
        start: base + v.start,
        end: base + trimEnd(text, v.start, v.end),
        selection: { start: base + v.start, end: base + v.start },
        children: v.type !== 'scalar' ? children(v, base, text, depth + 1, maxDepth, budget) : [],
      });
    });
  }
  return out;
}

function kindOf(v: Node | undefined): OutlineKind {
  if (!v) return 'null';
  if (v.type === 'map') return 'object';
  if (v.type === 'seq') return 'array';
  if (v.value === null) return 'null';
  return typeof v.value === 'string' ? 'string' : typeof v.value === 'number' ? 'number' : 'boolean';
}

function detailOf(v: Node | undefined): { detail?: string } {
  if (!v || v.type !== 'scalar' || v.value === null) return {};
  const s = String(v.value);
  return { detail: s.length > 60 ? `${s.slice(0, 57)}...` : s };
}

/** The end of a node's text without the line breaks and blanks a block node ends with. */
function trimEnd(text: string, start: number, end: number): number {
  let e = Math.min(end, text.length);
  while (e > start && /\s/.test(text.charAt(e - 1))) e--;
  return e;
}
