/**
 * `# alertcfg-disable-next-line [code ...]` suppresses findings that start on the
 * next line: all of them, or those with the listed codes (a family name such as
 * `MissingParameter` covers its codes). Codes may be separated by spaces or commas.
 */
import type { Finding } from './model/finding';
import { LineIndex } from './text/line-index';

// The codes run to the end of the line: its CRLF, LF or lone CR (LineIndex counts lines the same way).
const DIRECTIVE = /#\s*alertcfg-disable-next-line\b([^\r\n]*)/g;

export function applySuppressions(text: string, findings: Finding[], lines?: LineIndex): Finding[] {
  if (findings.length === 0 || text.indexOf('alertcfg-disable-next-line') === -1) return findings;
  const index = lines ?? new LineIndex(text);
  const byLine = new Map<number, string[] | 'all'>();
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
    const codes = m[1]!.split(/[\s,]+/).filter(Boolean);
    byLine.set(index.positionAt(m.index).line + 1, codes.length ? codes : 'all');
  }
  return findings.filter((f) => {
    const rule = byLine.get(index.positionAt(f.start).line);
    if (!rule) return true;
    if (rule === 'all') return false;
    return !rule.some((c) => codeMatches(c, f.code));
  });
}

/** Whether a configured name (`secret-in-plaintext`, `MissingParameter`, `MissingParameter.*`) covers a code. */
export function codeMatches(name: string, code: string): boolean {
  const n = name.endsWith('.*') ? name.slice(0, -2) : name;
  return code === n || code.startsWith(`${n}.`);
}
