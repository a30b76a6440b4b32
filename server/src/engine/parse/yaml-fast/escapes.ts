/**
 * Quoted scalars in the fast YAML path: single-quoted text and double-quoted text
 * with YAML's escape sequences (`\\n`, `\\x41`, `\\u263A`, `\\U0001F600`, ...),
 * decoded to the value the `yaml` package gives.
 */
import type { ScalarNode } from '../tree';
import { BACKSLASH, BAIL, DQ, SQ } from './chars';

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
};

/**
 * Reads a quoted scalar starting at `i` (at its opening quote) that closes before
 * `limit`: single-quoted (`''` is one quote) or double-quoted with YAML's escapes.
 * The fast path handles one-line quoted scalars only; anything else gives up.
 */
export function readQuoted(t: string, i: number, limit: number): ScalarNode {
  const q = t.charCodeAt(i);
  if (q === SQ) {
    let out = '';
    let from = i + 1;
    for (let j = i + 1; j < limit; j++) {
      if (t.charCodeAt(j) !== SQ) continue;
      if (t.charCodeAt(j + 1) === SQ && j + 1 < limit) {
        out += t.slice(from, j + 1);
        from = j + 2;
        j++;
        continue;
      }
      out += t.slice(from, j);
      return { type: 'scalar', value: out, quoted: true, start: i, end: j + 1 };
    }
    throw BAIL;
  }
  let out = '';
  let from = i + 1;
  for (let j = i + 1; j < limit; j++) {
    const c = t.charCodeAt(j);
    if (c === DQ) {
      out += t.slice(from, j);
      return { type: 'scalar', value: out, quoted: true, start: i, end: j + 1 };
    }
    if (c !== BACKSLASH) continue;
    out += t.slice(from, j);
    const e = t[j + 1];
    if (e === undefined || j + 1 >= limit) throw BAIL;
    const simple = ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
      j++;
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = t.substr(j + 2, len);
      if (hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex) || j + 2 + len > limit) throw BAIL;
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) throw BAIL;
      out += String.fromCodePoint(code);
      j += 1 + len;
    } else throw BAIL;
    from = j + 1;
  }
  throw BAIL;
}
