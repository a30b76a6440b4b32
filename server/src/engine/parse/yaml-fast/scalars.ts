/**
 * Keys and one-line scalars in block context for the fast YAML path: whether a line
 * holds an implicit key, the key itself, plain scalars up to a comment, and quoted
 * scalars (decoded in escapes.ts).
 */
import type { ScalarNode } from '../tree';
import { BACKSLASH, BAIL, COLON, COMMA, DASH, DQ, HASH, LBRACE, LBRACK, MAX_KEY, RBRACE, RBRACK, SPACE, SQ } from './chars';
import { readQuoted } from './escapes';
import { LineScanner } from './line-scanner';
import { plainStart, resolvePlain } from './scalar-types';

export class ScalarReader extends LineScanner {
  /** Whether the text at `i` (on the current line) is an implicit key followed by `: ` or `:` at the line's end. */
  protected startsKey(i: number): boolean {
    const t = this.t;
    const c = t.charCodeAt(i);
    if (c === DQ || c === SQ) {
      const close = this.quoteEnd(i);
      return close !== -1 && t.charCodeAt(close) === COLON && this.isIndicator(close + 1);
    }
    for (let j = i; j < this.le; j++) {
      const cj = t.charCodeAt(j);
      if (cj === COLON && this.isIndicator(j + 1)) return true;
      if (cj === HASH && t.charCodeAt(j - 1) === SPACE) return false;
    }
    return false;
  }

  /** The offset after a quoted scalar's closing quote on this line, or -1. */
  protected quoteEnd(i: number): number {
    const t = this.t;
    const q = t.charCodeAt(i);
    for (let j = i + 1; j < this.le; j++) {
      const c = t.charCodeAt(j);
      if (q === DQ && c === BACKSLASH) {
        j++;
        continue;
      }
      if (c === q) {
        if (q === SQ && t.charCodeAt(j + 1) === SQ) {
          j++;
          continue;
        }
        return j + 1;
      }
    }
    return -1;
  }

  /** The key at `i`; the colon must follow it directly. */
  protected key(i: number): ScalarNode {
    const t = this.t;
    const c = t.charCodeAt(i);
    let node: ScalarNode;
    let colon: number;
    if (c === DQ || c === SQ) {
      node = this.quoted(i, this.le);
      colon = this.next;
    } else {
      if (!plainStart(c, t.charCodeAt(i + 1)) || c === DASH || c === 63 || c === COLON || c === LBRACK || c === LBRACE) throw BAIL;
      colon = -1;
      for (let j = i; j < this.le; j++) {
        const cj = t.charCodeAt(j);
        if (cj === COLON && this.isIndicator(j + 1)) {
          colon = j;
          break;
        }
        if (cj === HASH && t.charCodeAt(j - 1) === SPACE) break;
        if (cj === COMMA || cj === LBRACK || cj === RBRACK || cj === LBRACE || cj === RBRACE) throw BAIL;
      }
      if (colon === -1 || t.charCodeAt(colon - 1) === SPACE) throw BAIL;
      const raw = t.slice(i, colon);
      const v = resolvePlain(raw);
      node = { type: 'scalar', value: v === null ? '' : String(v), quoted: false, start: i, end: colon };
      if (node.value === '') throw BAIL;
    }
    if (t.charCodeAt(colon) !== COLON || !this.isIndicator(colon + 1)) throw BAIL;
    if (colon - i > MAX_KEY) throw BAIL;
    return node;
  }

  /** A plain scalar in block context starting at `i`, up to a comment or the line's end. */
  protected plain(i: number): ScalarNode {
    const t = this.t;
    const c = t.charCodeAt(i);
    if (!plainStart(c, t.charCodeAt(i + 1))) throw BAIL;
    let end = this.le;
    for (let j = i; j < this.le; j++) {
      const cj = t.charCodeAt(j);
      if (cj === COLON && this.isIndicator(j + 1)) throw BAIL; // a mapping where a value should be
      if (cj === HASH && t.charCodeAt(j - 1) === SPACE) {
        end = j;
        break;
      }
    }
    while (end > i && t.charCodeAt(end - 1) === SPACE) end--;
    return { type: 'scalar', value: resolvePlain(t.slice(i, end)), quoted: false, start: i, end };
  }

  /** A quoted scalar starting at `i` that closes before `limit` (on this line). */
  protected quoted(i: number, limit: number): ScalarNode {
    const node = readQuoted(this.t, i, limit);
    this.next = node.end;
    return node;
  }
}
