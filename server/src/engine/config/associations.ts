/**
 * Schema associations by glob (`schemas: {"contacts/*.json": Contact}`): the kind a
 * configured glob gives a file, by its path relative to the project root.
 */
import picomatch from 'picomatch';
import type { Kind } from '../model/kinds';
import type { Settings } from './settings';

type Matcher = { test: (path: string) => boolean; kind: Kind };

const cache = new WeakMap<Settings['schemas'], Matcher[]>();

export function kindForPath(schemas: Settings['schemas'], relativePath: string): Kind | undefined {
  let matchers = cache.get(schemas);
  if (!matchers) {
    matchers = Object.entries(schemas).map(([glob, kind]) => ({ test: picomatch(glob, { dot: true }), kind }));
    cache.set(schemas, matchers);
  }
  const path = relativePath.replace(/\\/g, '/');
  return matchers.find((m) => m.test(path))?.kind;
}
