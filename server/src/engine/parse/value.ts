/**
 * Plain JavaScript values of tree nodes, for the schema validator and for request
 * bodies. Nodes shared through aliases become shared values, and the size a value
 * would have if aliases were expanded is measured first, so an alias bomb is
 * refused instead of being walked.
 */
import type { Node } from './tree';

type Shared = object;

export function expandedSize(node: Node | undefined, limit: number): number {
  const memo = new Map<Shared, number>();
  const size = (n: Node | undefined): number => {
    if (!n) return 0;
    if (n.type === 'scalar') return 1;
    const key: Shared = n.type === 'map' ? n.entries : n.items;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let total = 1;
    if (n.type === 'map') {
      for (const e of n.entries) {
        total += 1 + size(e.value);
        if (total > limit) break;
      }
    } else {
      for (const i of n.items) {
        total += size(i);
        if (total > limit) break;
      }
    }
    memo.set(key, total);
    return total;
  };
  return size(node);
}

/**
 * `aliasFree` promises that no node is reached twice (no YAML aliases: the text has
 * no `*`); the conversion then needs no table of shared values, which is most of
 * its cost on small documents.
 */
export function toValue(node: Node | undefined, omitRootKeys?: ReadonlySet<string>, aliasFree = false): unknown {
  if (aliasFree) return plain(node, omitRootKeys);
  const memo = new Map<Shared, unknown>();
  const conv = (n: Node | undefined, skip?: ReadonlySet<string>): unknown => {
    if (!n) return null;
    if (n.type === 'scalar') return n.value;
    const key: Shared = n.type === 'map' ? n.entries : n.items;
    if (!skip && memo.has(key)) return memo.get(key);
    if (n.type === 'seq') {
      const arr: unknown[] = [];
      memo.set(key, arr);
      for (const i of n.items) arr.push(conv(i));
      return arr;
    }
    const obj: Record<string, unknown> = {};
    if (!skip) memo.set(key, obj);
    for (const e of n.entries) {
      const k = e.key.value as string;
      if (skip?.has(k)) continue;
      const v = conv(e.value);
      if (k === '__proto__') Object.defineProperty(obj, k, { value: v, enumerable: true, writable: true, configurable: true });
      else obj[k] = v;
    }
    return obj;
  };
  return conv(node, omitRootKeys);
}

function plain(n: Node | undefined, skip?: ReadonlySet<string>): unknown {
  if (!n) return null;
  if (n.type === 'scalar') return n.value;
  if (n.type === 'seq') {
    const arr: unknown[] = new Array(n.items.length);
    for (let i = 0; i < n.items.length; i++) arr[i] = plain(n.items[i]);
    return arr;
  }
  const obj: Record<string, unknown> = {};
  for (const e of n.entries) {
    const k = e.key.value as string;
    if (skip?.has(k)) continue;
    const v = plain(e.value);
    if (k === '__proto__') Object.defineProperty(obj, k, { value: v, enumerable: true, writable: true, configurable: true });
    else obj[k] = v;
  }
  return obj;
}
