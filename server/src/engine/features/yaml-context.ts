/**
 * Where the cursor is in a YAML document, read from the text's indentation rather
 * than from the parse tree: while a key is being typed the document is usually not
 * valid YAML, but the lines above the cursor still say which mapping (or list
 * item) the new key belongs to.
 */
import type { PathSegment } from '../parse/tree';
import { lineEndAt, lineStartAt, nextLineStart } from '../text/line-breaks';

export type YamlSpot =
  | {
      at: 'key';
      /** Path of the mapping the key goes into; for a `- ` item, the item itself. */
      path: PathSegment[];
      /** The word being typed (document-relative offsets). */
      start: number;
      end: number;
      /** Column of the key on its line. */
      column: number;
      /** A `:` already follows the word. */
      hasColon: boolean;
      /** The word follows a `- `: it may be a list item's scalar value rather than a key. */
      dashItem: boolean;
    }
  | {
      at: 'value';
      /** Path of the value (the key's path). */
      path: PathSegment[];
      start: number;
      end: number;
      /** No space between the colon and the cursor yet. */
      needsSpace: boolean;
      /** The key's column, for values that continue on the next lines. */
      column: number;
    };

interface LineInfo {
  start: number;
  indent: number;
  dashCols: number[];
  /** Column where the content (after dashes) starts. */
  col: number;
  blank: boolean;
  key?: string;
  /** Whether the key has no value on its line (a nested block follows). */
  valueEmpty: boolean;
}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{}[\],&*!|>%@`][^#]*?)[ \t]*:(?=[ \t]|$)(.*)$/;
const WORD_BEFORE = /[^\s:#'"{}[\],]*$/;
const WORD_AFTER = /^[^\s:#'"{}[\],]*/;

export function yamlSpotAt(text: string, offset: number): YamlSpot | undefined {
  const off = Math.max(0, Math.min(offset, text.length));
  const lineStart = lineStartAt(text, off);
  const lineEnd = lineEndAt(text, off);
  const prefix = text.slice(lineStart, off);
  const suffix = text.slice(off, lineEnd);
  if (/(^|\s)#/.test(prefix)) return undefined; // in a comment

  const lines = new Lines(text, lineStart);
  const head = analyse(prefix);
  const keyWord = WORD_BEFORE.exec(prefix)![0];
  if (head.rest === keyWord && !/^[-]/.test(keyWord)) {
    // The word is where a key (or a list item) starts.
    const after = WORD_AFTER.exec(suffix)![0];
    const column = head.col;
    const path = lines.containerOf(lines.current, column, head.dashCols);
    if (!path) return undefined;
    return {
      at: 'key',
      path,
      start: off - keyWord.length,
      end: off + after.length,
      column,
      hasColon: /^[ \t]*:/.test(suffix.slice(after.length)),
      dashItem: head.dashCols.length > 0,
    };
  }
  const m = KEY.exec(head.rest);
  if (!m) return undefined;
  const valueText = m[2]!;
  const partial = valueText.replace(/^[ \t]*/, '');
  if (/^[{[|>&*#!]/.test(partial) || /:[ \t]/.test(partial)) return undefined;
  const key = unquote(m[1]!);
  const map = lines.containerOf(lines.current, head.col, head.dashCols);
  if (!map) return undefined;
  const tail = /^[^#]*?(?=[ \t]+#|[ \t]*$)/.exec(suffix)?.[0] ?? '';
  return {
    at: 'value',
    path: [...map, key],
    start: off - partial.length,
    end: off + tail.length,
    needsSpace: valueText.length === 0,
    column: head.col,
  };
}

/** Indentation, dashes and the rest of a line's text (or of the text before the cursor). */
function analyse(line: string): { indent: number; dashCols: number[]; col: number; rest: string } {
  let p = 0;
  while (p < line.length && (line[p] === ' ' || line[p] === '\t')) p++;
  const indent = p;
  const dashCols: number[] = [];
  while (line[p] === '-' && (p + 1 === line.length || line[p + 1] === ' ' || line[p + 1] === '\t')) {
    dashCols.push(p);
    p++;
    while (p < line.length && (line[p] === ' ' || line[p] === '\t')) p++;
  }
  return { indent, dashCols, col: p, rest: line.slice(p) };
}

function unquote(k: string): string {
  if (k.startsWith('"')) {
    try {
      return JSON.parse(k) as string;
    } catch {
      return k.slice(1, -1);
    }
  }
  if (k.startsWith("'")) return k.slice(1, -1).replace(/''/g, "'");
  return k;
}

/** Deepest nesting the cursor's path is worked out through (past it, no path: no completion there). */
const MAX_LEVELS = 1000;

/** The lines above the cursor, read lazily, with the paths they lead to. */
class Lines {
  private readonly starts: number[] = [];
  private readonly infos = new Map<number, LineInfo>();
  private readonly mapPaths = new Map<number, PathSegment[] | undefined>();
  readonly current: number;

  constructor(private readonly text: string, cursorLineStart: number) {
    let s = 0;
    for (;;) {
      this.starts.push(s);
      if (s >= cursorLineStart) break;
      const next = nextLineStart(text, s);
      if (next < 0 || next > cursorLineStart) break;
      s = next;
    }
    this.current = this.starts.length - 1;
  }

  private info(i: number): LineInfo {
    let info = this.infos.get(i);
    if (info) return info;
    const start = this.starts[i]!;
    const raw = this.text.slice(start, lineEndAt(this.text, start));
    const a = analyse(raw);
    const content = a.rest.trim();
    const blank = content === '' || content.startsWith('#') || (a.indent === 0 && a.dashCols.length === 0 && /^(---|\.\.\.|%)/.test(raw));
    info = { start, indent: a.indent, dashCols: a.dashCols, col: a.col, blank, valueEmpty: false };
    const m = blank ? null : KEY.exec(a.rest);
    if (m) {
      info.key = unquote(m[1]!);
      const rest = m[2]!.replace(/(^|[ \t])#.*$/, '').trim();
      info.valueEmpty = rest === '' || /^([&!]\S*)$/.test(rest);
    }
    this.infos.set(i, info);
    return info;
  }

  /** How deep containerOf calls itself now (through the parents of the line): bounded, like all nesting. */
  private level = 0;

  /** Path of the mapping whose key starts at `col` on line `line`, after the given dashes. */
  containerOf(line: number, col: number, dashCols: readonly number[]): PathSegment[] | undefined {
    if (this.level >= MAX_LEVELS) return undefined;
    this.level++;
    try {
      return this.containerOfAt(line, col, dashCols);
    } finally {
      this.level--;
    }
  }

  private containerOfAt(line: number, col: number, dashCols: readonly number[]): PathSegment[] | undefined {
    if (dashCols.length > 0) {
      const dash = dashCols[dashCols.length - 1]!;
      let seq: { path: PathSegment[]; index: number } | undefined;
      if (dashCols.length > 1) {
        // `- - x`: the inner list is an item of the outer one, and x its first item.
        const outer = this.containerOf(line, dash, dashCols.slice(0, -1));
        seq = outer ? { path: outer, index: 0 } : undefined;
      } else seq = this.sequenceOf(line, dash);
      if (!seq) return undefined;
      return [...seq.path, seq.index];
    }
    for (let j = line - 1; j >= 0; j--) {
      const l = this.info(j);
      if (l.blank || l.col > col) continue;
      if (l.col === col) {
        if (l.key === undefined) return undefined;
        // A sibling key of the same mapping: look on above it, in a loop (a call per sibling
        // overflowed the stack on a mapping of a few thousand keys).
        if (l.dashCols.length === 0 && !this.mapPaths.has(j)) continue;
        return this.mapPathOf(j);
      }
      return l.key !== undefined && l.valueEmpty ? this.keyPathOf(j) : undefined;
    }
    return [];
  }

  /** The list a `- ` at `dashCol` on `line` belongs to, and the item's index in it. */
  private sequenceOf(line: number, dashCol: number): { path: PathSegment[]; index: number } | undefined {
    let index = 0;
    for (let j = line - 1; j >= 0; j--) {
      const l = this.info(j);
      if (l.blank || l.indent > dashCol) continue;
      if (l.indent === dashCol && l.dashCols[0] === dashCol) {
        index++;
        continue;
      }
      if (l.key !== undefined && l.valueEmpty && l.col <= dashCol) {
        const path = this.keyPathOf(j);
        return path ? { path, index } : undefined;
      }
      return undefined;
    }
    return undefined;
  }

  private mapPathOf(j: number): PathSegment[] | undefined {
    if (this.mapPaths.has(j)) return this.mapPaths.get(j);
    const l = this.info(j);
    const p = this.containerOf(j, l.col, l.dashCols);
    this.mapPaths.set(j, p);
    return p;
  }

  private keyPathOf(j: number): PathSegment[] | undefined {
    const p = this.mapPathOf(j);
    const key = this.info(j).key;
    return p && key !== undefined ? [...p, key] : undefined;
  }
}
