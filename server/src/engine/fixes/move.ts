/**
 * Moves entries of a mapping up to the mapping that holds it: the Tencent time
 * fields from `alarmPolicyInfo` to the top level of the payload, where Tencent
 * sends them. Keys and values keep their source text (quoting, numbers as
 * written); the moved entries land just before the mapping they left, so the
 * removal and the insertion never touch the same text.
 */
import type { Finding } from '../model/finding';
import { type MapEntry, type PathSegment, locate } from '../parse/tree';
import { lineStartAt, nextLineStart } from '../text/line-breaks';
import { type Located, dataPath, documentOf, indentOfLine, isFlow, trimEnd } from './edit';
import { type Fix, type FixContext, type OffsetEdit, say } from './types';

export function moveFieldsUp(finding: Finding, ctx: FixContext): Fix[] {
  const path = dataPath(finding);
  const fields = finding.data?.['fields'];
  const at = documentOf(ctx, finding);
  if (!path || !at || !Array.isArray(fields) || !fields.length || path.length === 0) return [];
  const edits = moveUp(ctx, at, path, fields.map(String));
  if (!edits) return [];
  const list = fields.join(', ');
  const from = String(path[path.length - 1]);
  return [{ title: say(ctx, `Move ${list} out of ${from}, to where Tencent sends ${fields.length === 1 ? 'it' : 'them'}`, `将 ${list} 移出 ${from}，放到腾讯云实际发送的位置`), edits, preferred: true }];
}

function moveUp(ctx: FixContext, at: Located, mapPath: PathSegment[], names: string[]): OffsetEdit[] | undefined {
  const { text } = ctx;
  const b = at.base;
  const { node: inner, entry: holder, via } = locate(at.root, mapPath);
  const { node: outer } = locate(at.root, mapPath.slice(0, -1));
  if (via || !holder || inner?.type !== 'map' || outer?.type !== 'map' || inner.alias || holder.key.alias) return undefined;
  const moved = inner.entries.filter((e) => names.includes(String(e.key.value)) && !e.key.alias && e.value);
  if (!moved.length || moved.some((e) => e.value!.alias)) return undefined;
  const json = ctx.format === 'json';
  const pieces: string[] = [];
  for (const e of moved) {
    const keySrc = text.slice(b + e.key.start, b + e.key.end);
    const valueSrc = text.slice(b + e.value!.start, trimEnd(text, b + e.value!.start, b + e.value!.end));
    if (valueSrc.includes('\n') || valueSrc.includes('\r')) return undefined;
    pieces.push(`${keySrc}: ${valueSrc}`);
  }
  const keyStart = b + holder.key.start;
  let insert: OffsetEdit;
  if (json || isFlow(text, b, outer)) {
    const ownLine = text.slice(lineStartAt(text, keyStart), keyStart).trim() === '';
    const sep = ownLine ? `,\n${indentOfLine(text, keyStart)}` : ', ';
    insert = { start: keyStart, end: keyStart, newText: pieces.join(sep) + sep };
  } else {
    const lineStart = lineStartAt(text, keyStart);
    if (text.slice(lineStart, keyStart).trim() !== '') return undefined; // the key shares its line with a `- `
    const indent = text.slice(lineStart, keyStart);
    insert = { start: lineStart, end: lineStart, newText: pieces.map((p) => `${indent}${p}\n`).join('') };
  }
  const removals = runs(inner.entries, moved).map((run) => removeRun(ctx, at, inner.entries, run, json || isFlow(text, b, inner)));
  if (removals.some((r) => !r)) return undefined;
  return [insert, ...(removals as OffsetEdit[])];
}

/** The moved entries as runs of neighbours: [first index, last index]. */
function runs(entries: readonly MapEntry[], moved: readonly MapEntry[]): [number, number][] {
  const out: [number, number][] = [];
  entries.forEach((e, i) => {
    if (!moved.includes(e)) return;
    const last = out[out.length - 1];
    if (last && last[1] === i - 1) last[1] = i;
    else out.push([i, i]);
  });
  return out;
}

/** Removes entries i..j of a mapping as one edit, keeping commas right in JSON and flow YAML. */
function removeRun(ctx: FixContext, at: Located, entries: readonly MapEntry[], [i, j]: [number, number], flow: boolean): OffsetEdit | undefined {
  const { text } = ctx;
  const b = at.base;
  const json = ctx.format === 'json';
  const startOf = (e: MapEntry) => b + (json ? e.start : e.key.start);
  const endOf = (e: MapEntry) => trimEnd(text, startOf(e), b + Math.max(e.end, e.key.end));
  const first = entries[i]!;
  const last = entries[j]!;
  const next = entries[j + 1];
  const prev = entries[i - 1];
  if (flow) {
    if (next) return { start: startOf(first), end: startOf(next), newText: '' };
    if (prev) return { start: endOf(prev), end: endOf(last), newText: '' };
    return undefined; // the mapping would be left empty: not a case this fix serves
  }
  const lineStart = lineStartAt(text, startOf(first));
  if (text.slice(lineStart, startOf(first)).trim() !== '') return undefined;
  const after = nextLineStart(text, endOf(last));
  return { start: lineStart, end: after < 0 ? text.length : after, newText: '' };
}
