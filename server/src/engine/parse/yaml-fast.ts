/**
 * A fast path for the YAML that alert configuration is written in: block mappings
 * and sequences, one-line plain and quoted scalars, one-line flow collections and
 * comments. It builds the engine's tree straight from the text, with exactly the
 * values and ranges that the `yaml` package plus YamlTreeBuilder produce (the
 * differential tests in test/unit/yaml-fast.test.ts hold it to that), and it is
 * several times faster because it makes no intermediate CST or Document.
 *
 * Anything outside that subset, anything the `yaml` package would report (an error
 * or a warning), and any layout whose ranges it does not model exactly makes it
 * give up: `parseYamlFast` then returns undefined and the caller uses the `yaml`
 * package. Giving up is always safe; guessing never happens.
 */
import type { MapEntry, MapNode, Node, Scalar, ScalarNode, SeqNode } from './tree';

/** Thrown (never an Error: no stack is captured) when the text leaves the subset. */
const BAIL = { bail: true };

// Characters that end the fast path at once: tabs and carriage returns (layout the
// fast path does not model), and the characters YAML does not allow unescaped.
// eslint-disable-next-line no-control-regex
const UNSUPPORTED = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/;

const MAX_DEPTH = 64;
const MAX_KEY = 1000;

const NL = 10;
const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const DQ = 34;
const SQ = 39;
const LBRACK = 91;
const RBRACK = 93;
const LBRACE = 123;
const RBRACE = 125;
const COMMA = 44;
const BACKSLASH = 92;

/** Parses one YAML document's text (a segment of a stream); undefined when it must go to the full parser. */
export function parseYamlFast(text: string): Node | undefined {
  if (UNSUPPORTED.test(text)) return undefined;
  try {
    return new FastYaml(text).document();
  } catch (e) {
    if (e === BAIL) return undefined;
    throw e;
  }
}

class FastYaml {
  private readonly n: number;
  /** Start of the current content line (n at the end of the text). */
  private ls = 0;
  /** Indentation of the current content line. */
  private ind = 0;
  /** End of the current content line (the offset of its newline, or n). */
  private le = 0;
  /** Comment lines between the previous content line and the current one: indent and end (after the newline). */
  private gapIndent: number[] = [];
  private gapEnd: number[] = [];
  /** First comment of the gap that no node has claimed yet. */
  private gapNext = 0;
  /** Whether the gap holds a line of spaces only (the `yaml` package gives those to nodes in ways not modelled here). */
  private gapSpaces = false;
  /** Whether the gap holds an empty line. */
  private gapBlank = false;
  /**
   * Where the source of the node just built ends, trailing comments it owns included
   * (the `yaml` package's range[2]); -1 when that is not modelled.
   */
  private nodeEnd = 0;
  /** Offset after the scalar or flow collection just read. */
  private next = 0;

  constructor(private readonly t: string) {
    this.n = t.length;
  }

  document(): Node | undefined {
    this.seek(0, true);
    if (this.ls >= this.n) throw BAIL; // no content: let the full parser say what it is
    const root = this.block(this.ind, -1, 0);
    if (this.ls < this.n) throw BAIL; // content after the root at a smaller indentation
    return root;
  }

  // ------------------------------------------------------------------ lines

  /**
   * Moves to the next content line at or after `from` (a line start), recording
   * the comment lines passed on the way. At the start of the text a `---` line
   * is skipped; directives and `...` lines are not handled here.
   */
  private seek(from: number, atStart = false): void {
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
  private endOfLine(at: number): void {
    const t = this.t;
    let i = at;
    while (i < this.le && t.charCodeAt(i) === SPACE) i++;
    if (i < this.le) {
      if (t.charCodeAt(i) !== HASH || i === at) throw BAIL;
    }
  }

  /** Offset after the current line's newline (or the end of the text). */
  private lineAfter(): number {
    return this.le < this.n ? this.le + 1 : this.n;
  }

  /**
   * Claims the unclaimed gap comments that a node accepts, in order: a collection at
   * `indent` takes comments indented at least as much, a scalar in it (`orEqual`
   * false) only more indented ones. Returns the end of the last one claimed, or -1.
   */
  private claim(indent: number, orEqual: boolean): number {
    let end = -1;
    while (this.gapNext < this.gapIndent.length && (orEqual ? this.gapIndent[this.gapNext]! >= indent : this.gapIndent[this.gapNext]! > indent)) {
      end = this.gapEnd[this.gapNext]!;
      this.gapNext++;
    }
    return end;
  }

  // ------------------------------------------------------------------ block nodes

  /**
   * The block node starting on the current line at `indent` (a mapping or a
   * sequence). `parentIndent` is the indentation of the enclosing collection (-1 at
   * the root); a sequence may sit at the same indentation as its parent mapping.
   */
  private block(indent: number, parentIndent: number, depth: number): Node {
    if (depth > MAX_DEPTH) throw BAIL;
    const t = this.t;
    const at = this.ls + indent;
    const c = t.charCodeAt(at);
    if (c === DASH && this.isIndicator(at + 1)) return this.seq(indent, parentIndent, depth);
    return this.map(indent, at, depth);
  }

  /** True when the character at `i` ends an indicator (a space or the line's end). */
  private isIndicator(i: number): boolean {
    return i >= this.le || this.t.charCodeAt(i) === SPACE;
  }

  /** A block mapping whose first key starts at `first` (on the current line) at column `indent`. */
  private map(indent: number, first: number, depth: number): Node {
    const entries: MapEntry[] = [];
    const keys = new Set<unknown>();
    let keyAt = first;
    for (;;) {
      const commented = this.gapIndent.length > 0;
      const key = this.key(keyAt);
      const k = key.value as string;
      // Duplicate keys (and merge keys) are the full parser's to report.
      if (k === '<<') throw BAIL;
      // A set, not a scan of the entries: a mapping of 60,000 keys took 24 s that way.
      if (keys.has(k)) throw BAIL;
      keys.add(k);
      const value = this.valueAfter(key.end + 1, indent, depth, commented);
      entries.push({ key, value, start: key.start, end: Math.max(value.end, key.end) });
      // The next entry must be a content line at exactly this indentation.
      if (this.ls >= this.n || this.ind < indent) break;
      if (this.ind > indent) throw BAIL;
      keyAt = this.ls + indent;
      if (this.t.charCodeAt(keyAt) === DASH && this.isIndicator(keyAt + 1)) {
        // A sequence at the mapping's indentation only continues an empty-valued key; here it is an error.
        throw BAIL;
      }
    }
    return this.finish({ type: 'map', entries, start: first, end: 0 }, indent);
  }

  /** Ends a collection: its end is its last item's node end; trailing comments at its indentation extend its own. */
  private finish(node: MapNode | SeqNode, indent: number): Node {
    const lastEnd = this.nodeEnd;
    if (lastEnd < 0) throw BAIL;
    // Only trailing comments of one indentation, without lines of spaces, are modelled.
    if (this.gapSpaces) throw BAIL;
    const comments = this.gapIndent.length;
    if (comments) {
      for (const ci of this.gapIndent) if (ci !== this.gapIndent[0]) throw BAIL;
      // Comments mixed with blank lines, and a sequence at its mapping's indentation,
      // take trailing comments in ways not modelled here.
      if (indent === Infinity || this.gapBlank || (this.ls >= this.n && this.gapEnd[comments - 1] !== this.n)) throw BAIL;
    }
    (node as { end: number }).end = lastEnd;
    let ext = comments ? this.claim(indent, true) : -1;
    // Comments a collection owns end where the next line's content starts.
    if (ext !== -1 && this.ls < this.n) ext += this.ind;
    this.nodeEnd = Math.max(lastEnd, ext);
    return node;
  }

  /** A block sequence at `indent`, its first `-` on the current line. */
  private seq(indent: number, parentIndent: number, depth: number): Node {
    const items: Node[] = [];
    const start = this.ls + indent;
    for (;;) {
      const dash = this.ls + indent;
      items.push(this.item(dash, indent, depth));
      if (this.ls >= this.n || this.ind < indent) break;
      if (this.ind > indent) throw BAIL;
      const c = this.t.charCodeAt(this.ls + indent);
      if (c !== DASH || !this.isIndicator(this.ls + indent + 1)) {
        // A non-item line at the same indentation ends a sequence that is a mapping's value.
        if (parentIndent === indent) break;
        throw BAIL;
      }
    }
    // A sequence at its parent mapping's indentation: see finish().
    return this.finish({ type: 'seq', items, start, end: 0 }, parentIndent === indent ? Infinity : indent);
  }

  /** One sequence item after the `-` at `dash`. */
  private item(dash: number, indent: number, depth: number): Node {
    const t = this.t;
    let i = dash + 1;
    while (i < this.le && t.charCodeAt(i) === SPACE) i++;
    if (i >= this.le || t.charCodeAt(i) === HASH) {
      return this.emptyOrNested(i, i < this.le || this.gapIndent.length > 0, indent, depth);
    }
    const c = t.charCodeAt(i);
    if (c === DASH && this.isIndicator(i + 1)) throw BAIL; // "- - x"
    if (this.startsKey(i)) {
      // A compact mapping: its keys sit at the column of the first one.
      return this.map(i - this.ls, i, depth + 1);
    }
    return this.inline(i, indent, depth);
  }

  /** The value after a mapping key's colon. */
  private valueAfter(from: number, indent: number, depth: number, commented: boolean): Node {
    const t = this.t;
    let i = from;
    while (i < this.le && t.charCodeAt(i) === SPACE) i++;
    if (i >= this.le || t.charCodeAt(i) === HASH) {
      if (i < this.le && i === from) throw BAIL;
      return this.emptyOrNested(i, i < this.le || commented, indent, depth, true);
    }
    const c = t.charCodeAt(i);
    if ((c === DASH || c === 63 /* ? */ || c === COLON) && this.isIndicator(i + 1)) throw BAIL;
    return this.inline(i, indent, depth);
  }

  /**
   * Nothing on the line after `key:` or `-`: the value is the block on the next
   * lines if it is indented more (or is a sequence at the key's indentation), else
   * an empty (null) scalar at `pos`.
   */
  private emptyOrNested(pos: number, comment: boolean, indent: number, depth: number, inMap = false): Node {
    this.seek(this.lineAfter());
    if (this.ls < this.n) {
      if (this.ind > indent) return this.block(this.ind, indent, depth + 1);
      if (inMap && this.ind === indent && this.t.charCodeAt(this.ls + indent) === DASH && this.isIndicator(this.ls + indent + 1)) {
        return this.seq(indent, indent, depth + 1);
      }
    }
    // With a comment after it, the `yaml` package's end for it takes in comment lines we do not model.
    this.nodeEnd = comment || this.gapIndent.length > 0 ? -1 : pos;
    return { type: 'scalar', value: null, quoted: false, start: pos, end: pos };
  }

  /** A value that starts at `i` on the current line: a scalar or a flow collection, alone on its line. */
  private inline(i: number, indent: number, depth: number): Node {
    const t = this.t;
    const c = t.charCodeAt(i);
    let node: Node;
    if (c === DQ || c === SQ) node = this.quoted(i, this.le);
    else if (c === LBRACK || c === LBRACE) node = this.flow(i, depth + 1);
    else {
      node = this.plain(i);
      this.next = node.end;
    }
    this.endOfLine(this.next);
    const after = this.lineAfter();
    this.seek(after);
    // A more indented line after a one-line value would continue it (or be an error).
    if (this.ls < this.n && this.ind > indent) throw BAIL;
    const ext = this.gapIndent.length ? this.claim(indent, false) : -1;
    this.nodeEnd = Math.max(after, ext);
    return node;
  }

  // ------------------------------------------------------------------ keys and scalars

  /** Whether the text at `i` (on the current line) is an implicit key followed by `: ` or `:` at the line's end. */
  private startsKey(i: number): boolean {
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
  private quoteEnd(i: number): number {
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
  private key(i: number): ScalarNode {
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
  private plain(i: number): ScalarNode {
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
  private quoted(i: number, limit: number): ScalarNode {
    const t = this.t;
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
        this.next = j + 1;
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
        this.next = j + 1;
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

  // ------------------------------------------------------------------ flow collections (one line)

  private flow(i: number, depth: number): Node {
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

  private skipSpaces(j: number): number {
    while (j < this.le && this.t.charCodeAt(j) === SPACE) j++;
    if (j >= this.le) throw BAIL; // a flow collection continued on the next line
    return j;
  }

  /** A node inside a flow collection; keys end at `: `. */
  private flowNode(i: number, depth: number, asKey: boolean): Node {
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

/** Whether a plain scalar may start with `c` (followed by `next`) in block context. */
function plainStart(c: number, next: number): boolean {
  switch (c) {
    case DASH:
    case 63: // ?
    case COLON:
      // Allowed when followed by a "safe" non-space character.
      return next === next && next !== SPACE && next !== NL && !Number.isNaN(next);
    case COMMA:
    case LBRACK:
    case RBRACK:
    case LBRACE:
    case RBRACE:
    case HASH:
    case 38: // &
    case 42: // *
    case 33: // !
    case 124: // |
    case 62: // >
    case SQ:
    case DQ:
    case 37: // %
    case 64: // @
    case 96: // `
    case SPACE:
    case NL:
      return false;
    default:
      return !Number.isNaN(c);
  }
}

const NULL_RE = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL_RE = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** A plain scalar's value under the YAML 1.2 core schema, as the `yaml` package resolves it. */
export function resolvePlain(s: string): Scalar {
  const c = s.charCodeAt(0);
  // Most values are words: only these first characters can start a null, bool or number.
  if (c === 126 /* ~ */ || c === 110 /* n */ || c === 78 /* N */) return NULL_RE.test(s) ? null : s;
  if (c === 116 /* t */ || c === 84 /* T */ || c === 102 /* f */ || c === 70 /* F */) return BOOL_RE.test(s) ? s.charCodeAt(0) === 116 || s.charCodeAt(0) === 84 : s;
  if (!((c >= 48 && c <= 57) || c === 43 /* + */ || c === 45 /* - */ || c === 46 /* . */)) return s;
  if (INT_OCT.test(s)) return parseInt(s.substring(2), 8);
  if (INT.test(s)) return parseInt(s, 10);
  if (INT_HEX.test(s)) return parseInt(s.substring(2), 16);
  if (FLOAT_NAN.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (FLOAT_EXP.test(s)) return parseFloat(s);
  if (FLOAT.test(s)) return parseFloat(s);
  return s;
}
