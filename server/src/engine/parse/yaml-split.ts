/**
 * Splits a YAML stream into its documents by their markers. YAML forbids a line
 * starting with `---` or `...` (followed by a space or the line's end) inside any
 * content, so a line scan is exact; each document can then be parsed, cached and
 * re-validated on its own.
 */
export interface Segment {
  start: number;
  end: number;
}

const MARKER = /^(---|\.\.\.)(?=[ \t\r\n]|$)/gm;

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
      const lineEnd = text.indexOf('\n', at);
      return { start, end: lineEnd === -1 ? text.length : lineEnd + 1 };
    }
  }
  return { start, end: text.length };
}

/** True when the text between two offsets holds a node, not only comments, blanks or directives. */
function hasContent(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to) {
    const nl = text.indexOf('\n', i);
    const lineEnd = nl === -1 || nl > to ? to : nl;
    const line = text.slice(i, lineEnd).trim();
    if (line && !line.startsWith('#') && !line.startsWith('%')) return true;
    i = lineEnd + 1;
  }
  return false;
}
