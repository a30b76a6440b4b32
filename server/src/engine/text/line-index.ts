/**
 * Offset ↔ line/column conversion for one text. Lines end at `\n`; a `\r` before it
 * belongs to the line ending, so CRLF files get the same columns as LF files.
 * Lines and characters are 0-based here; adapters add 1 where humans read them.
 */
export interface Position {
  line: number;
  character: number;
}

export class LineIndex {
  private readonly starts: ArrayLike<number>;

  /** `lineStarts`, when given, must be the offsets after each `\n` (with 0 first); they are not checked. */
  constructor(
    private readonly text: string,
    lineStarts?: ArrayLike<number>,
  ) {
    if (lineStarts) {
      this.starts = lineStarts;
      return;
    }
    let count = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
    // A JS array, not a typed one: typed arrays live outside the V8 heap, in malloc
    // memory that a long-running server gets back from the allocator only slowly.
    const starts = new Array<number>(count);
    starts[0] = 0;
    let n = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts[n++] = i + 1;
    this.starts = starts;
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

  /** Offset of the end of a line's content, before `\r\n` or `\n`. */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1]! - 1 : this.text.length;
    return next > this.starts[line]! && this.text.charCodeAt(next - 1) === 13 && next < this.text.length
      ? next - 1
      : next;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }
}
