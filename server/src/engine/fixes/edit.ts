/**
 * Edits on the engine's tree that keep the file's own style: YAML keeps its
 * indentation and quoting, JSON stays valid JSON with the file's indentation.
 */
import { stringify } from 'yaml';
import type { Finding } from '../model/finding';
import type { ParsedDocument } from '../parse/document';
import { type MapEntry, type MapNode, type Node, type PathSegment, locate, nodeAt } from '../parse/tree';
import { schemaRootFor } from '../schema/lookup';
import { documentIndexAt } from '../features/common';
import { indentUnit } from '../features/completion';
import { lineEndAt, lineStartAt, nextLineStart } from '../text/line-breaks';
import type { FixContext, OffsetEdit } from './types';

export interface Located {
  doc: ParsedDocument;
  index: number;
  base: number;
  root: Node;
}

/** The document a finding is in (with a tree), or undefined. */
export function documentOf(ctx: FixContext, finding: Finding): Located | undefined {
  if (!ctx.file.documents.length) return undefined;
  const index = documentIndexAt(ctx.file, finding.start);
  const doc = ctx.file.documents[index];
  if (!doc?.root) return undefined;
  return { doc, index, base: doc.base, root: doc.root };
}

export function dataPath(finding: Finding): PathSegment[] | undefined {
  const p = finding.data?.path;
  return Array.isArray(p) && p.every((s) => typeof s === 'string' || typeof s === 'number') ? p : undefined;
}

export function schemaRootOfDoc(ctx: FixContext, at: Located) {
  return schemaRootFor(ctx.file.results[at.index]?.resource);
}

export function trimEnd(text: string, start: number, end: number): number {
  let e = Math.min(end, text.length);
  while (e > start && /\s/.test(text.charAt(e - 1))) e--;
  return e;
}

export function columnOf(text: string, offset: number): number {
  return offset - lineStartAt(text, offset);
}

export function indentOfLine(text: string, offset: number): string {
  const s = lineStartAt(text, offset);
  return /^[ \t]*/.exec(text.slice(s, s + 200))![0];
}

export function isFlow(text: string, base: number, node: Node): boolean {
  const c = text.charAt(base + node.start);
  return c === '{' || c === '[';
}

function ownEntries(map: MapNode): MapEntry[] {
  return map.entries.filter((e) => !e.key.alias);
}

// ------------------------------------------------------------------ values

/** A scalar written as YAML in the given context. */
export function yamlScalar(v: unknown, inFlow = false): string {
  if (typeof v === 'string') {
    if (v.includes('\n')) return JSON.stringify(v);
    const s = stringify(v, { lineWidth: 0 }).replace(/\n$/, '');
    return inFlow && /[{}[\],]/.test(s) && !s.startsWith('"') && !s.startsWith("'") ? JSON.stringify(v) : s;
  }
  return v === undefined ? 'null' : JSON.stringify(v);
}

/** The edit that replaces a scalar node's value, keeping its quote style. */
export function scalarEdit(ctx: FixContext, at: Located, path: PathSegment[], value: unknown): OffsetEdit | undefined {
  const { node, via } = locate(at.root, path);
  if (!node || via || node.alias || node.type !== 'scalar') return undefined;
  const start = at.base + node.start;
  const end = at.base + node.end;
  const src = ctx.text.slice(start, end);
  let out: string;
  if (ctx.format === 'json') out = JSON.stringify(value);
  else if (typeof value !== 'string') out = yamlScalar(value);
  else if (src.startsWith('"')) out = JSON.stringify(value);
  else if (src.startsWith("'")) out = value.includes('\n') ? JSON.stringify(value) : `'${value.replace(/'/g, "''")}'`;
  else if (src.startsWith('|') || src.startsWith('>')) return undefined;
  else {
    const parent = nodeAt(at.root, path.slice(0, -1));
    out = yamlScalar(value, parent !== undefined && isFlow(ctx.text, at.base, parent));
  }
  return { start, end, newText: out };
}

/** A value as YAML after `key:`, for a key at `column`: ` value`, or an indented block below. */
function yamlValueAfterKey(value: unknown, column: number, unit: string, inFlow: boolean): string {
  if (inFlow || value === null || typeof value !== 'object') return ` ${inFlow && typeof value === 'object' && value !== null ? JSON.stringify(value) : yamlScalar(value, inFlow)}`;
  if (Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0) return Array.isArray(value) ? ' []' : ' {}';
  const block = stringify(value, { lineWidth: 0, indent: unit.length }).replace(/\n$/, '');
  const pad = ' '.repeat(column) + unit;
  return `\n${block.split('\n').map((l) => pad + l).join('\n')}`;
}

function jsonValue(value: unknown, indent: string, unit: string): string {
  const s = JSON.stringify(value, null, unit);
  return s.split('\n').map((l, i) => (i === 0 ? l : indent + l)).join('\n');
}

// ------------------------------------------------------------------ insert a property

/** Adds `name: value` to the mapping at `objectPath`; undefined when the mapping is not there to add to. */
export function insertProperty(ctx: FixContext, at: Located, objectPath: PathSegment[], name: string, value: unknown): OffsetEdit | undefined {
  const { node, via, entry } = locate(at.root, objectPath);
  if (via || node?.alias) return undefined;
  return ctx.format === 'json' ? insertJson(ctx, at, node, entry, name, value) : insertYaml(ctx, at, node, entry, name, value);
}

function insertYaml(ctx: FixContext, at: Located, node: Node | undefined, entry: MapEntry | undefined, name: string, value: unknown): OffsetEdit | undefined {
  const { text } = ctx;
  const unit = indentUnit(at.doc.text);
  const key = /^[A-Za-z_$][A-Za-z0-9_.$-]*$/.test(name) ? name : JSON.stringify(name);
  if (node?.type === 'map') {
    const entries = ownEntries(node);
    if (isFlow(text, at.base, node)) {
      const close = trimEnd(text, at.base + node.start, at.base + node.end) - 1;
      if (text.charAt(close) !== '}') return undefined;
      const sep = entries.length ? ', ' : '';
      return { start: close, end: close, newText: `${sep}${key}:${yamlValueAfterKey(value, 0, unit, true)}` };
    }
    const last = entries[entries.length - 1];
    if (!last) return undefined;
    const column = columnOf(text, at.base + last.key.start);
    const contentEnd = trimEnd(text, at.base + last.key.start, at.base + Math.max(last.end, last.key.end));
    const insertAt = lineEndAt(text, contentEnd);
    return { start: insertAt, end: insertAt, newText: `\n${' '.repeat(column)}${key}:${yamlValueAfterKey(value, column, unit, false)}` };
  }
  // `key:` with no value yet: the mapping starts below the key.
  if (entry && (!node || (node.type === 'scalar' && node.value === null))) {
    const keyStart = at.base + entry.key.start;
    const column = columnOf(text, keyStart) + unit.length;
    const colon = text.indexOf(':', at.base + entry.key.end);
    if (colon < 0) return undefined;
    const end = node && node.end > node.start ? at.base + node.end : colon + 1;
    return { start: colon + 1, end, newText: `\n${' '.repeat(column)}${key}:${yamlValueAfterKey(value, column, unit, false)}` };
  }
  return undefined;
}

function insertJson(ctx: FixContext, at: Located, node: Node | undefined, entry: MapEntry | undefined, name: string, value: unknown): OffsetEdit | undefined {
  const { text } = ctx;
  const unit = indentUnit(text);
  const key = JSON.stringify(name);
  if (node?.type === 'map') {
    const entries = node.entries;
    const last = entries[entries.length - 1];
    if (last) {
      const lastStart = at.base + last.start;
      const ownLine = text.slice(lineStartAt(text, lastStart), lastStart).trim() === '';
      const insertAt = at.base + last.end;
      if (ownLine) {
        const indent = indentOfLine(text, lastStart);
        return { start: insertAt, end: insertAt, newText: `,\n${indent}${key}: ${jsonValue(value, indent, unit)}` };
      }
      return { start: insertAt, end: insertAt, newText: `, ${key}: ${JSON.stringify(value)}` };
    }
    const indent = indentOfLine(text, at.base + node.start);
    return { start: at.base + node.start, end: at.base + node.end, newText: `{\n${indent}${unit}${key}: ${jsonValue(value, indent + unit, unit)}\n${indent}}` };
  }
  if (entry && node?.type === 'scalar' && node.value === null) {
    const indent = indentOfLine(text, at.base + entry.key.start);
    return { start: at.base + node.start, end: at.base + node.end, newText: `{\n${indent}${unit}${key}: ${jsonValue(value, indent + unit, unit)}\n${indent}}` };
  }
  return undefined;
}

// ------------------------------------------------------------------ remove a property

/** Removes the entry at `path` (its key, value and line), keeping the rest valid. */
export function removeProperty(ctx: FixContext, at: Located, path: PathSegment[]): OffsetEdit | undefined {
  const parentPath = path.slice(0, -1);
  const name = path[path.length - 1];
  const { node: parent, via } = locate(at.root, parentPath);
  if (via || parent?.type !== 'map' || parent.alias) return undefined;
  const entries = parent.entries;
  const i = entries.findIndex((e) => e.key.value === name && !e.key.alias);
  if (i < 0) return undefined;
  const e = entries[i]!;
  const next = entries.slice(i + 1).find((x) => !x.key.alias);
  const prev = [...entries.slice(0, i)].reverse().find((x) => !x.key.alias);
  const { text } = ctx;
  const b = at.base;
  const eStart = b + (ctx.format === 'json' ? e.start : e.key.start);
  const eEnd = trimEnd(text, eStart, b + Math.max(e.end, e.key.end));
  if (ctx.format === 'json' || isFlow(text, b, parent)) {
    if (next) return { start: eStart, end: b + (ctx.format === 'json' ? next.start : next.key.start), newText: '' };
    if (prev) return { start: trimEnd(text, 0, b + (ctx.format === 'json' ? prev.end : Math.max(prev.end, prev.key.end))), end: eEnd, newText: '' };
    return { start: b + parent.start + 1, end: trimEnd(text, b + parent.start, b + parent.end) - 1, newText: '' };
  }
  const lineStart = lineStartAt(text, eStart);
  if (text.slice(lineStart, eStart).trim() === '') {
    const next = nextLineStart(text, eEnd);
    return { start: lineStart, end: next < 0 ? text.length : next, newText: '' };
  }
  // The entry shares its line with a `- `: the next key moves up, or the item becomes empty.
  if (next) return { start: eStart, end: b + next.key.start, newText: '' };
  return { start: eStart, end: eEnd, newText: '{}' };
}

// ------------------------------------------------------------------ rename a key

export function renameKey(ctx: FixContext, at: Located, path: PathSegment[], newName: string): OffsetEdit | undefined {
  const { entry, via } = locate(at.root, path);
  if (!entry || via || entry.key.alias) return undefined;
  const start = at.base + entry.key.start;
  const end = at.base + entry.key.end;
  const src = ctx.text.slice(start, end);
  let out: string;
  if (ctx.format === 'json' || src.startsWith('"')) out = JSON.stringify(newName);
  else if (src.startsWith("'")) out = `'${newName.replace(/'/g, "''")}'`;
  else out = /^[A-Za-z_$][A-Za-z0-9_.$-]*$/.test(newName) ? newName : JSON.stringify(newName);
  return { start, end, newText: out };
}
