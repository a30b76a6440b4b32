/**
 * Line breaks as YAML 1.2 (§5.4, b-break) and LSP count them: CRLF, LF and a lone
 * CR. For code that reads a text line by line without a LineIndex, and for the
 * parsers, which are given a text whose lone CRs are LFs (the `yaml` package does
 * not take a lone CR for a break).
 *
 * An offset between the CR and the LF of a CRLF is inside a line break; it is taken
 * as the end of the line before it, as LineIndex takes it.
 */
const CR = 13;
const LF = 10;

const LONE_CR = /\r(?!\n)/g;

/**
 * The text with each lone CR replaced by an LF. Same length, so an offset into the
 * result is the same offset into the text; and YAML says a scalar's line breaks
 * are LFs anyway. A text without a lone CR is returned as it is (not copied): one
 * `indexOf` when it has no CR at all.
 */
export function withLineFeeds(text: string): string {
  const first = text.indexOf('\r');
  if (first === -1) return text;
  LONE_CR.lastIndex = first;
  const lone = LONE_CR.test(text);
  LONE_CR.lastIndex = 0;
  return lone ? text.replace(LONE_CR, '\n') : text;
}

/** Whether a CR at an offset in [from, to) is lone (not followed by an LF). */
export function hasLoneCr(text: string, from: number, to: number): boolean {
  const end = Math.min(to, text.length);
  for (let i = Math.max(0, from); i < end; i++) if (text.charCodeAt(i) === CR && text.charCodeAt(i + 1) !== LF) return true;
  return false;
}

function isBreak(c: number): boolean {
  return c === LF || c === CR;
}

/** Whether `offset` falls between the CR and the LF of a CRLF. */
function insideCrlf(text: string, offset: number): boolean {
  return offset > 0 && text.charCodeAt(offset - 1) === CR && text.charCodeAt(offset) === LF;
}

/** Offset of the start of the line holding `offset`. */
export function lineStartAt(text: string, offset: number): number {
  let i = Math.max(0, Math.min(offset, text.length));
  if (insideCrlf(text, i)) i--;
  while (i > 0 && !isBreak(text.charCodeAt(i - 1))) i--;
  return i;
}

/** Offset of the end of the content of the line holding `offset`: before its CRLF, LF or CR, or the text's end. */
export function lineEndAt(text: string, offset: number): number {
  let i = Math.max(0, Math.min(offset, text.length));
  if (insideCrlf(text, i)) return i - 1;
  while (i < text.length && !isBreak(text.charCodeAt(i))) i++;
  return i;
}

/** Offset of the start of the line after the one holding `offset`; -1 on the last line. */
export function nextLineStart(text: string, offset: number): number {
  const end = lineEndAt(text, offset);
  if (end >= text.length) return -1;
  return text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
}

/** The line break a text uses (its first one; LF when it has none): what edits that add lines write. */
export function lineBreakOf(text: string): '\n' | '\r\n' | '\r' {
  const end = lineEndAt(text, 0);
  if (end >= text.length || text.charCodeAt(end) === LF) return '\n';
  return text.charCodeAt(end + 1) === LF ? '\r\n' : '\r';
}
