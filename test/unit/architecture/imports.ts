/**
 * The import graph of the project's source, read with TypeScript's own scanner
 * (`ts.preProcessFile`: imports, re-exports, `import()` and `require()`), for the
 * architecture tests.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export interface ImportEdge {
  /** The importing file, relative to the repository, with `/`. */
  from: string;
  /** The specifier as written. */
  specifier: string;
  /** For a relative specifier: the imported path, relative to the repository, with `/`. */
  target?: string;
}

const SOURCE = /\.(?:ts|mts|cts|js|mjs|cjs)$/;

/** Every source file under `dir` (absolute), `.d.ts` included. */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (SOURCE.test(name)) out.push(p);
  }
  return out.sort();
}

const posix = (p: string) => p.split(sep).join('/');

/** The imports of each file under `dir`. */
export function importsUnder(root: string, dir: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of sourceFiles(join(root, dir))) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const ref of info.importedFiles) {
      const specifier = ref.fileName;
      const edge: ImportEdge = { from: posix(relative(root, file)), specifier };
      if (specifier.startsWith('.')) edge.target = posix(relative(root, resolve(dirname(file), specifier)));
      edges.push(edge);
    }
  }
  return edges;
}

const BUILTINS = new Set(builtinModules);

/** Whether a bare specifier names a Node built-in (`fs`, `fs/promises`, `node:crypto`). */
export function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || BUILTINS.has(specifier) || BUILTINS.has(specifier.split('/')[0]!);
}

/** Whether `path` (relative to the repository, with `/`) is `dir` or inside it. */
export function isInside(path: string, dir: string): boolean {
  return path === dir || path.startsWith(`${dir}/`);
}

/** A readable list of offending edges for an assertion message. */
export function describeEdges(edges: ImportEdge[]): string {
  return edges.map((e) => `  ${e.from} imports '${e.specifier}'`).join('\n');
}
