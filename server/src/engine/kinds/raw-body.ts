/**
 * Small checks on a document's top-level mapping, with which a kind module says
 * what a raw body of its kind looks like (to explain why an unassociated one was
 * not checked).
 */
import { type MapNode, type Node, entryOf } from '../parse/tree';

export function has(root: MapNode, key: string): boolean {
  return entryOf(root, key) !== undefined;
}

export function hasPath(root: MapNode, key: string, inner: string): boolean {
  const v = entryOf(root, key)?.value;
  return v?.type === 'map' && has(v, inner);
}

/** A list whose items are mappings with one of the keys. */
export function listOfMapsWith(v: Node | undefined, keys: readonly string[]): boolean {
  return v?.type === 'seq' && v.items.some((i) => i.type === 'map' && keys.some((k) => has(i, k)));
}
