/**
 * No import loop in `server/src`, `client/src` or `bench/src`: every TypeScript
 * import (type-only ones too: a loop of types is still a loop of modules) is read
 * with the compiler's own pre-processor and resolved as the compiler resolves it,
 * and the graph must have no cycle. A cycle fails the test with the files that form
 * it, in import order. Also: the language server's features take their context from
 * `lsp/context.ts`; only the entry points (`lsp/main.ts` on Node, `lsp/browser-main.ts` in
 * a web worker) import `lsp/server.ts`, which composes them.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';
import { repoRoot } from '../../helpers/repo';

const ROOT = repoRoot();
const SOURCES = ['server/src', 'client/src', 'bench/src'];

/**
 * Loops allowed, each with the files of one loop (any loop among only these files
 * passes) and why. None is allowed: an entry that no longer matches a loop fails
 * the test, so the list can only shrink.
 */
const ALLOWED: readonly { files: readonly string[]; reason: string }[] = [];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'tmp') continue;
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|tsx|mts|cts)$/.test(name)) out.push(p);
  }
  return out;
}

const OPTIONS: ts.CompilerOptions = { moduleResolution: ts.ModuleResolutionKind.Node10, allowJs: false, resolveJsonModule: false };

/** File → the files of the scanned folders it imports (relative to the repository, with `/`). */
function importGraph(): Map<string, string[]> {
  const rel = (p: string) => relative(ROOT, p).split(sep).join('/');
  const files = SOURCES.flatMap((s) => sourceFiles(join(ROOT, s)));
  const known = new Set(files.map(rel));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = new Set<string>();
    for (const ref of info.importedFiles) {
      const resolved = ts.resolveModuleName(ref.fileName, file, OPTIONS, ts.sys).resolvedModule;
      if (!resolved || resolved.isExternalLibraryImport) continue;
      const target = rel(resolved.resolvedFileName);
      if (known.has(target)) targets.add(target);
    }
    graph.set(rel(file), [...targets].sort());
  }
  return graph;
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
function loops(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return out;
}

/** One cycle through the component's first file, as `a → b → … → a` (shortest, by breadth-first search). */
function cycleIn(graph: Map<string, string[]>, component: readonly string[]): string {
  const inside = new Set(component);
  const start = component[0]!;
  const from = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!inside.has(w)) continue;
      if (w === start) {
        const path = [v];
        while (path[0] !== start) path.unshift(from.get(path[0]!)!);
        return [...path, start].join(' → ');
      }
      if (!from.has(w)) {
        from.set(w, v);
        queue.push(w);
      }
    }
  }
  return component.join(', ');
}

test('the import graph is read: the language server entry reaches the engine', () => {
  const graph = importGraph();
  assert.ok(graph.size > 100, `only ${graph.size} files found`);
  assert.ok(graph.get('server/src/lsp/main.ts')?.length, 'main.ts imports something');
  assert.ok(graph.get('server/src/cli/check-files.ts')?.includes('server/src/engine/index.ts'), 'relative imports resolve to files');
});

test('the cycle finder finds a loop, and names it in import order', () => {
  const graph = new Map([
    ['a.ts', ['b.ts']],
    ['b.ts', ['c.ts']],
    ['c.ts', ['a.ts', 'd.ts']],
    ['d.ts', []],
    ['e.ts', ['e.ts']],
  ]);
  const found = loops(graph);
  assert.deepEqual(found, [['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
  assert.equal(cycleIn(graph, found[0]!), 'a.ts → b.ts → c.ts → a.ts');
});

test('no import loop in server/src, client/src or bench/src', () => {
  const graph = importGraph();
  const found = loops(graph);
  const allowedFor = (component: readonly string[]) => ALLOWED.find((a) => component.every((f) => a.files.includes(f)));
  const unexpected = found.filter((c) => !allowedFor(c));
  const stale = ALLOWED.filter((a) => !found.some((c) => allowedFor(c) === a));
  const problems = [
    ...unexpected.map((c) => `import loop of ${c.length} file(s): ${cycleIn(graph, c)}`),
    ...stale.map((a) => `the allowed loop among ${a.files.join(', ')} is gone: remove it from ALLOWED`),
  ];
  assert.deepEqual(problems, []);
});

test('only the entry points (Node and web worker) import the language server composition', () => {
  const graph = importGraph();
  const importers = [...graph].filter(([, targets]) => targets.includes('server/src/lsp/server.ts')).map(([file]) => file);
  assert.deepEqual(importers.sort(), ['server/src/lsp/browser-main.ts', 'server/src/lsp/main.ts']);
});
