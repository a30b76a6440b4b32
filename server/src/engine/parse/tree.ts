/**
 * The engine's own syntax tree: one shape for YAML and JSON, with offsets into the
 * file text. Rules and the schema-error mapper locate nodes by JSON path in it;
 * the editor features find the node under the cursor in it.
 */
import type { Range } from '../model/finding';

export type Scalar = string | number | boolean | null;

interface NodeBase extends Range {
  /** Set when this node was reached through a YAML alias: the alias's own range. */
  readonly alias?: Range;
}

export interface ScalarNode extends NodeBase {
  readonly type: 'scalar';
  readonly value: Scalar;
  /** True for quoted or block strings, whose text is not a plain token. */
  readonly quoted: boolean;
}

export interface MapEntry extends Range {
  readonly key: ScalarNode;
  readonly value: Node | undefined;
}

export interface MapNode extends NodeBase {
  readonly type: 'map';
  readonly entries: MapEntry[];
}

export interface SeqNode extends NodeBase {
  readonly type: 'seq';
  readonly items: Node[];
}

export type Node = ScalarNode | MapNode | SeqNode;
export type PathSegment = string | number;
export type JsonPath = readonly PathSegment[];

export function entryOf(map: MapNode, key: string): MapEntry | undefined {
  for (let i = map.entries.length - 1; i >= 0; i--) {
    const e = map.entries[i]!;
    if (e.key.value === key) return e;
  }
  return undefined;
}

export function child(node: Node | undefined, seg: PathSegment): Node | undefined {
  if (!node) return undefined;
  if (node.type === 'map' && typeof seg === 'string') return entryOf(node, seg)?.value;
  if (node.type === 'seq' && typeof seg === 'number') return node.items[seg];
  return undefined;
}

export function nodeAt(root: Node | undefined, path: JsonPath): Node | undefined {
  let node = root;
  for (const seg of path) node = child(node, seg);
  return node;
}

/** The range a finding about this node should cover: the alias use, not the anchor. */
export function rangeOf(node: Node): Range {
  return node.alias ?? { start: node.start, end: node.end };
}

export interface Located {
  node: Node | undefined;
  /** The map entry holding the last segment, when the last segment is a key. */
  entry: MapEntry | undefined;
  /** The first alias crossed on the way, if any: findings inside shared nodes go there. */
  via: Range | undefined;
}

export function locate(root: Node | undefined, path: JsonPath): Located {
  let node = root;
  let entry: MapEntry | undefined;
  let via: Range | undefined;
  for (const seg of path) {
    if (!node) return { node: undefined, entry: undefined, via };
    if (node.alias && !via) via = node.alias;
    if (node.type === 'map' && typeof seg === 'string') {
      entry = entryOf(node, seg);
      node = entry?.value;
    } else if (node.type === 'seq' && typeof seg === 'number') {
      entry = undefined;
      node = node.items[seg];
    } else {
      return { node: undefined, entry: undefined, via };
    }
  }
  return { node, entry, via };
}

/** Range of the value at a path; falls back to the nearest existing ancestor. */
export function valueRange(root: Node | undefined, path: JsonPath): Range | undefined {
  for (let n = path.length; n >= 0; n--) {
    const { node, entry, via } = locate(root, path.slice(0, n));
    if (via) return via;
    if (node) return rangeOf(node);
    if (entry) return entry.key;
  }
  return undefined;
}

/** Range of the key that names the node at a path (the parent key for a missing property). */
export function keyRange(root: Node | undefined, path: JsonPath): Range | undefined {
  if (path.length === 0) return rootKeyRange(root);
  const { entry, via, node } = locate(root, path);
  if (via) return via;
  if (entry) return { start: entry.key.start, end: entry.key.end };
  if (node) return rangeOf(node);
  return valueRange(root, path);
}

function rootKeyRange(root: Node | undefined): Range | undefined {
  if (!root) return undefined;
  if (root.type === 'map' && root.entries.length > 0) {
    const k = root.entries[0]!.key;
    return { start: k.start, end: k.end };
  }
  return { start: root.start, end: Math.min(root.end, root.start + 1) };
}

/** The innermost node (and the path to it) that contains an offset. */
export function pathAtOffset(root: Node | undefined, offset: number): { path: PathSegment[]; node: Node | undefined; onKey: boolean } {
  const path: PathSegment[] = [];
  let node = root;
  let onKey = false;
  while (node) {
    if (node.type === 'map') {
      const e = node.entries.find((x) => offset >= x.start && offset <= x.end);
      if (!e) break;
      path.push(e.key.value as string);
      if (offset <= e.key.end) {
        onKey = true;
        return { path, node: e.value, onKey };
      }
      if (!e.value || offset < e.value.start || offset > e.value.end) return { path, node: e.value, onKey };
      node = e.value;
    } else if (node.type === 'seq') {
      const i = node.items.findIndex((x) => offset >= x.start && offset <= x.end);
      if (i < 0) break;
      path.push(i);
      node = node.items[i];
    } else break;
  }
  return { path, node, onKey };
}

export function isString(node: Node | undefined): node is ScalarNode & { value: string } {
  return node?.type === 'scalar' && typeof node.value === 'string';
}

/** Walks every node once (shared alias targets are visited at each use). */
export function* walk(node: Node | undefined, path: PathSegment[] = []): Generator<[Node, PathSegment[]]> {
  if (!node) return;
  yield [node, path];
  if (node.type === 'map') for (const e of node.entries) yield* walk(e.value, [...path, e.key.value as string]);
  else if (node.type === 'seq') for (let i = 0; i < node.items.length; i++) yield* walk(node.items[i], [...path, i]);
}
