/**
 * Block mappings and sequences for the fast YAML path: the document's root and the
 * nesting below it, by indentation, with the values on each line read by the
 * scalar and flow readers. It also works out where each node's source ends,
 * trailing comments it owns included, as the `yaml` package does.
 */
import type { MapEntry, MapNode, Node, SeqNode } from '../tree';
import { BAIL, COLON, DASH, DQ, HASH, LBRACE, LBRACK, MAX_DEPTH, SPACE, SQ } from './chars';
import { FlowReader } from './flow';

/** Mappings up to this many keys look for a duplicate by scanning their entries; longer ones keep a set. */
const SCAN_KEYS = 16;

/** Equality as a Set sees it (NaN equals NaN). */
function sameValueZero(a: unknown, b: unknown): boolean {
  return a === b || (a !== a && b !== b);
}

export class BlockParser extends FlowReader {
  document(): Node | undefined {
    this.seek(0, true);
    if (this.ls >= this.n) throw BAIL; // no content: let the full parser say what it is
    const root = this.block(this.ind, -1, 0);
    if (this.ls < this.n) throw BAIL; // content after the root at a smaller indentation
    return root;
  }


  /**
   * The block node starting on the current line at `indent` (a mapping or a
   * sequence). `parentIndent` is the indentation of the enclosing collection (-1 at
   * the root); a sequence may sit at the same indentation as its parent mapping.
   */
  protected block(indent: number, parentIndent: number, depth: number): Node {
    if (depth > MAX_DEPTH) throw BAIL;
    const t = this.t;
    const at = this.ls + indent;
    const c = t.charCodeAt(at);
    if (c === DASH && this.isIndicator(at + 1)) return this.seq(indent, parentIndent, depth);
    return this.map(indent, at, depth);
  }

  protected map(indent: number, first: number, depth: number): Node {
    const entries: MapEntry[] = [];
    let keys: Set<unknown> | undefined;
    let keyAt = first;
    for (;;) {
      const commented = this.gapIndent.length > 0;
      const key = this.key(keyAt);
      const k = key.value as string;
      // Duplicate keys (and merge keys) are the full parser's to report.
      if (k === '<<') throw BAIL;
      // A scan of the entries while they are few (most mappings), then a set: a mapping of
      // 60,000 keys took 24 s with scans alone.
      if (keys) {
        if (keys.has(k)) throw BAIL;
        keys.add(k);
      } else {
        for (const e of entries) if (sameValueZero(e.key.value, k)) throw BAIL;
        if (entries.length === SCAN_KEYS) keys = new Set([...entries.map((e) => e.key.value), k]);
      }
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
  protected finish(node: MapNode | SeqNode, indent: number): Node {
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
  protected seq(indent: number, parentIndent: number, depth: number): Node {
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
  protected item(dash: number, indent: number, depth: number): Node {
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
  protected valueAfter(from: number, indent: number, depth: number, commented: boolean): Node {
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
  protected emptyOrNested(pos: number, comment: boolean, indent: number, depth: number, inMap = false): Node {
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
  protected inline(i: number, indent: number, depth: number): Node {
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
}
