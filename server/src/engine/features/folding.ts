/**
 * Folding ranges: each multi-line mapping or list (from its key), each list item,
 * each document of a stream, and runs of comment lines. Offsets; the adapter turns
 * them into lines and drops the ones on a single line.
 */
import type { Range } from '../model/finding';
import type { Node } from '../parse/tree';
import { lineEndAt } from '../text/line-breaks';
import type { AnalysedFile } from './common';

export interface FoldRange extends Range {
  kind?: 'comment' | 'region';
}

export function foldingRanges(text: string, file: AnalysedFile, limit = 50_000): FoldRange[] {
  const out: FoldRange[] = [];
  const multi = file.documents.length > 1 && file.documents.some((d) => d.base !== file.documents[0]!.base);
  file.documents.forEach((doc, i) => {
    if (!file.results[i]?.resource || !doc.root || out.length >= limit) return;
    const base = doc.base;
    if (multi) push(out, text, base + doc.root.start, base + doc.root.end, 'region');
    visit(doc.root, base, text, out, limit);
  });
  if (out.length < limit && file.results.some((r) => r.resource)) comments(text, out, limit);
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

function visit(node: Node, base: number, text: string, out: FoldRange[], limit: number): void {
  if (out.length >= limit || node.alias) return;
  if (node.type === 'map') {
    for (const e of node.entries) {
      const v = e.value;
      if (!v || v.type === 'scalar' || v.alias) continue;
      push(out, text, base + e.key.start, base + v.end);
      visit(v, base, text, out, limit);
    }
  } else if (node.type === 'seq') {
    for (const item of node.items) {
      if (item.type === 'scalar' || item.alias) continue;
      push(out, text, base + item.start, base + item.end);
      visit(item, base, text, out, limit);
    }
  }
}

function push(out: FoldRange[], text: string, start: number, end: number, kind?: FoldRange['kind']): void {
  let e = Math.min(end, text.length);
  // Block nodes end after their last line break; fold to the last character that shows.
  while (e > start && /\s/.test(text.charAt(e - 1))) e--;
  // One line only: the adapter would drop it.
  if (lineEndAt(text, start) >= e) return;
  out.push(kind ? { start, end: e, kind } : { start, end: e });
}

function comments(text: string, out: FoldRange[], limit: number): void {
  const re = /^[ \t]*#.*$/gm;
  let runStart = -1;
  let runEnd = -1;
  let lines = 0;
  for (let m = re.exec(text); m && out.length < limit; m = re.exec(text)) {
    const contiguous = runEnd >= 0 && /^(?:\r\n|\r|\n)$/.test(text.slice(runEnd, m.index));
    if (contiguous) {
      runEnd = m.index + m[0].length;
      lines++;
    } else {
      if (lines >= 2) out.push({ start: runStart, end: runEnd, kind: 'comment' });
      runStart = m.index;
      runEnd = m.index + m[0].length;
      lines = 1;
    }
  }
  if (lines >= 2 && out.length < limit) out.push({ start: runStart, end: runEnd, kind: 'comment' });
}
