/**
 * One-line flow collections for the fast YAML path: `[a, b]` and `{k: v}`, nested,
 * with plain and quoted scalars inside. A collection continued on the next line, a
 * trailing comma or anything unusual gives up.
 */
import type { MapEntry, Node, ScalarNode } from '../tree';
import { BAIL, COLON, COMMA, DASH, DQ, HASH, LBRACE, LBRACK, MAX_DEPTH, NL, RBRACE, RBRACK, SPACE, SQ } from './chars';
import { ScalarReader } from './scalars';
import { plainStart, resolvePlain } from './scalar-types';

export class FlowReader extends ScalarReader {
  protected flow(i: number, depth: number): Node {
    if (depth > MAX_DEPTH) throw BAIL;
    const t = this.t;
    const open = t.charCodeAt(i);
    const close = open === LBRACK ? RBRACK : RBRACE;
    let j = this.skipSpaces(i + 1);
    const items: Node[] = [];
    const entries: MapEntry[] = [];
    const keys = new Set<unknown>();
    if (t.charCodeAt(j) === close) j++;
    else {
      for (;;) {
        if (open === LBRACK) {
          items.push(this.flowNode(j, depth, false));
          j = this.next;
        } else {
          const k = this.flowNode(j, depth, true);
          if (k.type !== 'scalar') throw BAIL;
          const keyText = k.quoted ? (k.value as string) : k.value === null ? '' : String(k.value);
          if (keyText === '' || keyText === '<<') throw BAIL;
          if (keys.has(keyText)) throw BAIL;
          keys.add(keyText);
          j = this.next;
          if (t.charCodeAt(j) !== COLON || t.charCodeAt(j + 1) !== SPACE) throw BAIL;
          j = this.skipSpaces(j + 1);
          const c = t.charCodeAt(j);
          if (c === COMMA || c === RBRACE) throw BAIL;
          const value = this.flowNode(j, depth, false);
          const keyNode: ScalarNode = { type: 'scalar', value: keyText, quoted: k.quoted, start: k.start, end: k.end };
          entries.push({ key: keyNode, value, start: keyNode.start, end: Math.max(value.end, keyNode.end) });
          j = this.next;
        }
        j = this.skipSpaces(j);
        const c = t.charCodeAt(j);
        if (c === close) {
          j++;
          break;
        }
        if (c !== COMMA) throw BAIL;
        j = this.skipSpaces(j + 1);
        const d = t.charCodeAt(j);
        if (d === close || d === COMMA) throw BAIL; // trailing or doubled comma
      }
    }
    if (j > this.le) throw BAIL;
    this.next = j;
    return open === LBRACK ? { type: 'seq', items, start: i, end: j } : { type: 'map', entries, start: i, end: j };
  }

  protected skipSpaces(j: number): number {
    while (j < this.le && this.t.charCodeAt(j) === SPACE) j++;
    if (j >= this.le) throw BAIL; // a flow collection continued on the next line
    return j;
  }

  /** A node inside a flow collection; keys end at `: `. */
  protected flowNode(i: number, depth: number, asKey: boolean): Node {
    const t = this.t;
    const c = t.charCodeAt(i);
    if (c === DQ || c === SQ) return this.quoted(i, this.le);
    if (c === LBRACK || c === LBRACE) {
      if (asKey) throw BAIL;
      return this.flow(i, depth + 1);
    }
    if (!plainStart(c, t.charCodeAt(i + 1)) || c === DASH || c === 63 /* ? */ || c === COLON) throw BAIL;
    let j = i;
    for (; j < this.le; j++) {
      const cj = t.charCodeAt(j);
      if (cj === COMMA || cj === RBRACK || cj === RBRACE) break;
      if (cj === LBRACK || cj === LBRACE) throw BAIL;
      if (cj === COLON) {
        const d = j + 1 < this.le ? t.charCodeAt(j + 1) : NL;
        if (d === SPACE || d === COMMA || d === RBRACK || d === RBRACE || d === NL || d === LBRACK || d === LBRACE) {
          if (asKey && d === SPACE) break;
          throw BAIL;
        }
      }
      if (cj === HASH && t.charCodeAt(j - 1) === SPACE) throw BAIL;
    }
    if (j >= this.le) throw BAIL;
    let end = j;
    while (end > i && t.charCodeAt(end - 1) === SPACE) end--;
    if (end === i) throw BAIL;
    this.next = j;
    return { type: 'scalar', value: resolvePlain(t.slice(i, end)), quoted: false, start: i, end };
  }
}
