/**
 * Offset ↔ line/column conversion for one text. Lines end at CRLF, LF or a lone CR,
 * as YAML 1.2 and LSP count them; the CR of a CRLF belongs to the line ending, so
 * CRLF and CR files get the same columns as LF files. Lines and characters are
 * 0-based here; adapters add 1 where humans read them.
 */
export interface Position {
  line: number;
  character: number;
}

const CR = 13;
const LF = 10;

export class LineIndex {
  private readonly starts: ArrayLike<number>;

  /**
   * `lineStarts`, when given, must be the offsets after each line break (CRLF, LF or
   * a lone CR) with 0 first, as vscode-languageserver-textdocument keeps them; they
   * are not checked.
   */
  constructor(
    private readonly text: string,
    lineStarts?: ArrayLike<number>,
  ) {
    this.starts = lineStarts ?? (text.indexOf('\r') === -1 ? lfStarts(text) : anyBreakStarts(text));
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= clamped) lo = mid;
      else hi = mid - 1;
    }
    const lineEnd = this.lineEnd(lo);
    return { line: lo, character: Math.min(clamped, lineEnd) - this.starts[lo]! };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line]!;
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))]!;
  }

  /** Offset of the end of a line's content, before its CRLF, LF or CR. */
  lineEnd(line: number): number {
    const l = Math.max(0, Math.min(line, this.starts.length - 1));
    if (l + 1 >= this.starts.length) return this.text.length;
    const next = this.starts[l + 1]!;
    const crlf = next - 2 >= this.starts[l]! && this.text.charCodeAt(next - 1) === LF && this.text.charCodeAt(next - 2) === CR;
    return crlf ? next - 2 : next - 1;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }
}

/** Line starts of a text without CR: after each LF. */
function lfStarts(text: string): number[] {
  let count = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  // A JS array, not a typed one: typed arrays live outside the V8 heap, in malloc
  // memory that a long-running server gets back from the allocator only slowly.
  const starts = new Array<number>(count);
  starts[0] = 0;
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts[n++] = i + 1;
  return starts;
}

/** Line starts of a text with CRs: after each CRLF, LF and lone CR. */
function anyBreakStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) starts.push(i + 1);
    else if (c === CR) {
      if (text.charCodeAt(i + 1) === LF) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}
