/**
 * Splits a YAML stream into its documents by their markers. YAML forbids a line
 * starting with `---` or `...` (followed by a space or the line's end) inside any
 * content, so a line scan is exact; each document can then be parsed, cached and
 * re-validated on its own. Lines end at CRLF, LF or a lone CR, and nowhere else: not
 * at U+2028 or U+2029, which a regular expression's multiline `^` would also take as
 * line ends, but YAML 1.2 does not.
 */
import { lineEndAt, nextLineStart } from '../text/line-breaks';

export interface Segment {
  start: number;
  end: number;
}

/** A marker at the start of a line: after the text's start, a CR or an LF. */
const MARKER = /(?<![^\r\n])(---|\.\.\.)(?=[ \t\r\n]|$)/g;

export function splitYamlDocuments(text: string): Segment[] {
  const segments: Segment[] = [];
  let start = 0;
  do {
    const seg = nextYamlSegment(text, start);
    segments.push(seg);
    start = seg.end;
  } while (start < text.length);
  return segments;
}

/**
 * The document that starts at `start`, a document boundary (0, or the end of the
 * previous document). Splitting can so resume anywhere a document starts, which is
 * what re-splitting only the edited part of a stream needs.
 */
export function nextYamlSegment(text: string, start: number): Segment {
  MARKER.lastIndex = start;
  for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) {
    const at = m.index;
    if (m[1] === '---') {
      // Comments and directives before a `---` belong to the document it starts.
      if (at > start && hasContent(text, start, at)) return { start, end: at };
    } else {
      const next = nextLineStart(text, at);
      return { start, end: next === -1 ? text.length : next };
    }
  }
  return { start, end: text.length };
}

/** True when the text between two offsets holds a node, not only comments, blanks or directives. */
function hasContent(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to) {
    const line = text.slice(i, Math.min(lineEndAt(text, i), to)).trim();
    if (line && !line.startsWith('#') && !line.startsWith('%')) return true;
    const next = nextLineStart(text, i);
    if (next === -1) break;
    i = next;
  }
  return false;
}
