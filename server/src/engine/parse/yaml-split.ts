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
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) {
    const at = m.index;
    if (m[1] === '---') {
      // Comments and directives before a `---` belong to the document it starts.
      if (at > start && hasContent(text, start, at)) {
        segments.push({ start, end: at });
        start = at;
      }
    } else {
      const lineEnd = text.indexOf('\n', at);
      const end = lineEnd === -1 ? text.length : lineEnd + 1;
      segments.push({ start, end });
      start = end;
    }
  }
  if (start < text.length || segments.length === 0) segments.push({ start, end: text.length });
  return segments;
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
