/**
 * The fast YAML path's view of the text, line by line: where the current content
 * line starts, its indentation and end, and the comment lines passed on the way to
 * it (which the nodes around them may claim as theirs). The parsers extend it.
 */
import { BAIL, DASH, HASH, NL, SPACE } from './chars';

export class LineScanner {
  protected readonly n: number;
  /** Start of the current content line (n at the end of the text). */
  protected ls = 0;
  /** Indentation of the current content line. */
  protected ind = 0;
  /** End of the current content line (the offset of its newline, or n). */
  protected le = 0;
  /** Comment lines between the previous content line and the current one: indent and end (after the newline). */
  protected gapIndent: number[] = [];
  protected gapEnd: number[] = [];
  /** First comment of the gap that no node has claimed yet. */
  protected gapNext = 0;
  /** Whether the gap holds a line of spaces only (the `yaml` package gives those to nodes in ways not modelled here). */
  protected gapSpaces = false;
  /** Whether the gap holds an empty line. */
  protected gapBlank = false;
  /**
   * Where the source of the node just built ends, trailing comments it owns included
   * (the `yaml` package's range[2]); -1 when that is not modelled.
   */
  protected nodeEnd = 0;
  /** Offset after the scalar or flow collection just read. */
  protected next = 0;

  constructor(protected readonly t: string) {
    this.n = t.length;
  }

  // ------------------------------------------------------------------ lines

  /**
   * Moves to the next content line at or after `from` (a line start), recording
   * the comment lines passed on the way. At the start of the text a `---` line
   * is skipped; directives and `...` lines are not handled here.
   */
  protected seek(from: number, atStart = false): void {
    const t = this.t;
    const n = this.n;
    if (this.gapIndent.length) {
      this.gapIndent.length = 0;
      this.gapEnd.length = 0;
    }
    this.gapNext = 0;
    this.gapSpaces = false;
    this.gapBlank = false;
    let i = from;
    while (i < n) {
      let j = i;
      while (j < n && t.charCodeAt(j) === SPACE) j++;
      let le = t.indexOf('\n', j);
      if (le === -1) le = n;
      const c = j < n ? t.charCodeAt(j) : NL;
      if (c === NL) {
        if (j > i) this.gapSpaces = true;
        else this.gapBlank = true;
        i = le + 1;
        continue;
      }
      if (c === HASH) {
        this.gapIndent.push(j - i);
        this.gapEnd.push(le < n ? le + 1 : n);
        i = le + 1;
        continue;
      }
      if (j === i) {
        // Markers and directives at column 0.
        if (c === 37 /* % */) throw BAIL;
        if ((c === DASH || c === 46) /* . */ && t.charCodeAt(j + 1) === c && t.charCodeAt(j + 2) === c) {
          const after = j + 3 < n ? t.charCodeAt(j + 3) : NL;
          if (after === NL && c === DASH && atStart) {
            // The document's start marker (comments before it belong to the document).
            this.gapIndent.length = 0;
            this.gapEnd.length = 0;
            i = le + 1;
            atStart = false;
            continue;
          }
          if (after === NL || after === SPACE) throw BAIL;
        }
      }
      this.ls = i;
      this.ind = j - i;
      this.le = le;
      // A comment less indented than the line after it sits inside a block: not modelled.
      for (const ci of this.gapIndent) if (ci < this.ind) throw BAIL;
      return;
    }
    this.ls = n;
    this.ind = -1;
    this.le = n;
  }

  /** After the node on the current line: the rest of the line must be blank or a comment. */
  protected endOfLine(at: number): void {
    const t = this.t;
    let i = at;
    while (i < this.le && t.charCodeAt(i) === SPACE) i++;
    if (i < this.le) {
      if (t.charCodeAt(i) !== HASH || i === at) throw BAIL;
    }
  }

  /** Offset after the current line's newline (or the end of the text). */
  protected lineAfter(): number {
    return this.le < this.n ? this.le + 1 : this.n;
  }

  /**
   * Claims the unclaimed gap comments that a node accepts, in order: a collection at
   * `indent` takes comments indented at least as much, a scalar in it (`orEqual`
   * false) only more indented ones. Returns the end of the last one claimed, or -1.
   */
  protected claim(indent: number, orEqual: boolean): number {
    let end = -1;
    while (this.gapNext < this.gapIndent.length && (orEqual ? this.gapIndent[this.gapNext]! >= indent : this.gapIndent[this.gapNext]! > indent)) {
      end = this.gapEnd[this.gapNext]!;
      this.gapNext++;
    }
    return end;
  }

  /** True when the character at `i` ends an indicator (a space or the line's end). */
  protected isIndicator(i: number): boolean {
    return i >= this.le || this.t.charCodeAt(i) === SPACE;
  }

}
