/**
 * Selection ranges ("expand selection"): from the reference or scalar under the
 * cursor out to its entry (`key: value`), the mapping or list holding it, and so
 * on up to the document.
 */
import type { Range } from '../model/finding';
import type { MapEntry, Node } from '../parse/tree';
import { type AnalysedFile, documentIndexAt, documentRange } from './common';

/** The ranges around an offset, innermost first; empty when the offset is in no resource. */
export function selectionRangesAt(text: string, file: AnalysedFile, offset: number): Range[] {
  if (file.documents.length === 0) return [];
  const off = Math.max(0, Math.min(Number.isFinite(offset) ? offset : 0, text.length));
  const index = documentIndexAt(file, off);
  const doc = file.documents[index]!;
  if (!file.results[index]?.resource || !doc.root) return [];
  const base = doc.base;
  const local = off - base;
  const chain: Range[] = [];
  const docRange = documentRange(file, index);
  const trimmed = trim(text, docRange);
  chain.push(trimmed);
  let node: Node | undefined = doc.root;
  while (node) {
    if (node.alias) break;
    chain.push({ start: base + node.start, end: trimEnd(text, base + node.start, base + node.end) });
    if (node.type === 'map') {
      const e: MapEntry | undefined = node.entries.find((x) => local >= x.start && local <= Math.max(x.end, x.key.end));
      if (!e) break;
      const v: Node | undefined = e.value;
      chain.push({ start: base + e.key.start, end: trimEnd(text, base + e.key.start, base + Math.max(e.key.end, v ? v.end : e.key.end)) });
      if (local <= e.key.end) {
        chain.push({ start: base + e.key.start, end: base + e.key.end });
        break;
      }
      if (!v || local < v.start || local > v.end) break;
      node = v;
    } else if (node.type === 'seq') {
      const item: Node | undefined = node.items.find((x) => local >= x.start && local <= x.end);
      if (!item) break;
      node = item;
    } else {
      if (typeof node.value === 'string') {
        const source = text.slice(base + node.start, base + node.end);
        const re = /\$\{(?:secret|env):([^}]*)\}/g;
        for (let m = re.exec(source); m; m = re.exec(source)) {
          const s = base + node.start + m.index;
          const e = s + m[0].length;
          if (off >= s && off <= e) {
            chain.push({ start: s, end: e });
            chain.push({ start: s + m[0].indexOf(':') + 1, end: e - 1 });
          }
        }
        // Inside quotes: the string's content, when the cursor is in it.
        const q = source.charAt(0);
        if ((q === '"' || q === "'") && source.length >= 2 && source.endsWith(q) && off > base + node.start && off < base + node.end) {
          chain.splice(chain.length - countRefs(chain, base + node.start, base + node.end), 0, { start: base + node.start + 1, end: base + node.end - 1 });
        }
      }
      break;
    }
  }
  // Innermost first, each range inside the next, no repeats.
  const out: Range[] = [];
  for (let i = chain.length - 1; i >= 0; i--) {
    const r = chain[i]!;
    if (r.end < r.start) continue;
    const prev = out[out.length - 1];
    if (prev && prev.start === r.start && prev.end === r.end) continue;
    if (prev && (r.start > prev.start || r.end < prev.end)) continue;
    out.push(r);
  }
  return out;
}

/** How many ranges at the end of the chain lie inside a scalar (its references). */
function countRefs(chain: Range[], start: number, end: number): number {
  let n = 0;
  for (let i = chain.length - 1; i >= 0 && chain[i]!.start >= start && chain[i]!.end <= end && !(chain[i]!.start === start && chain[i]!.end === end); i--) n++;
  return n;
}

function trim(text: string, r: Range): Range {
  let s = r.start;
  let e = Math.min(r.end, text.length);
  while (s < e && /\s/.test(text.charAt(s))) s++;
  while (e > s && /\s/.test(text.charAt(e - 1))) e--;
  return { start: s, end: e };
}

function trimEnd(text: string, start: number, end: number): number {
  let e = Math.min(end, text.length);
  while (e > start && /\s/.test(text.charAt(e - 1))) e--;
  return e;
}
