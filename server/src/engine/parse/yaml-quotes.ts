/**
 * An unterminated quoted scalar in YAML. A quoted string may span lines, so the
 * parser reads an unclosed one to the end of the document and reports the missing
 * quote there, lines away from the mistake. This finds the quote that opened it in
 * the parser's tokens, so the finding can sit on the line where the quote opens;
 * every later error of the document is a consequence of it (the rest of the text is
 * inside the string).
 */
import { CST } from 'yaml';
import type { Finding } from '../model/finding';

/** The parser's error for it (code MISSING_CHAR, `Missing closing "quote`). */
export function isMissingQuote(code: string, message: string): boolean {
  return code === 'MISSING_CHAR' && /closing\s+["']?quote/i.test(message);
}

/** Where the first unclosed quoted scalar opens, or undefined. */
export function unclosedQuote(tokens: readonly CST.Token[]): { offset: number; quote: '"' | "'" } | undefined {
  let found: { offset: number; quote: '"' | "'" } | undefined;
  for (const token of tokens) {
    if (token.type !== 'document' || found) continue;
    CST.visit(token, (item) => {
      for (const t of [item.key, item.value]) {
        if (!found && t && (t.type === 'double-quoted-scalar' || t.type === 'single-quoted-scalar') && !closed(t.source, t.type)) {
          found = { offset: t.offset, quote: t.type === 'double-quoted-scalar' ? '"' : "'" };
        }
      }
      return found ? CST.visit.BREAK : undefined;
    });
  }
  return found;
}

/** Whether a quoted scalar's source ends with its closing quote (`\"` and `''` are escapes, not ends). */
function closed(source: string, type: 'double-quoted-scalar' | 'single-quoted-scalar'): boolean {
  const inner = source.slice(1).replace(/\s+$/, '');
  if (type === 'double-quoted-scalar') {
    if (!inner.endsWith('"')) return false;
    const backslashes = /\\*$/.exec(inner.slice(0, -1))![0].length;
    return backslashes % 2 === 0;
  }
  const quotes = /'*$/.exec(inner)![0].length;
  return quotes % 2 === 1;
}

/** The finding: from the opening quote to the end of its line. */
export function unclosedQuoteFinding(text: string, at: { offset: number; quote: '"' | "'" }): Finding {
  const lineEnd = text.indexOf('\n', at.offset);
  const end = lineEnd < 0 ? text.length : lineEnd;
  const kind = at.quote === '"' ? 'double-quoted' : 'single-quoted';
  return {
    code: 'syntax-error',
    severity: 'error',
    message: `This ${kind} string is not closed: the quote that opens it is here, and the string runs on to the end of the document. Add the closing ${at.quote}.`,
    start: at.offset,
    end: Math.max(end, Math.min(at.offset + 1, text.length)),
    data: { parser: 'MISSING_CHAR' },
  };
}
