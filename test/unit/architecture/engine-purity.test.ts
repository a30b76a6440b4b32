/**
 * The engine is pure and the client depends on the protocol alone:
 * - the engine (server/src/engine) imports no editor, LSP, Node or HTTP-client
 *   module, and nothing outside itself but the schemas' JSON;
 * - the protocol (server/src/protocol) imports only itself and the engine;
 * - the client (client/src) takes nothing from server/src but the protocol and
 *   generated tables;
 * - the shipped extension bundle holds no test loader.
 * The engine's own tsconfig (`types: []`) keeps Node's globals out at compile time.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../helpers/repo';
import { type ImportEdge, describeEdges, importsUnder, isInside, isNodeBuiltin } from './imports';

const ROOT = repoRoot();
const ENGINE = 'server/src/engine';
const PROTOCOL = 'server/src/protocol';

/** Packages that tie code to an editor, to LSP transport, or to Node's network stack. */
function isPlatformPackage(specifier: string): boolean {
  return specifier === 'vscode' || /^vscode-(?:languageserver|languageclient|jsonrpc)(?:[-/]|$)/.test(specifier) || specifier === 'undici' || specifier.startsWith('undici/');
}

/** The schemas are data the engine is built around; nothing else outside it may be imported. */
const isSchemaData = (target: string) => /^schemas\/[^/]+\.json$/.test(target);

describe('engine purity', () => {
  const edges = importsUnder(ROOT, ENGINE);

  test('the engine has imports to check', () => {
    assert.ok(edges.length > 100, `only ${edges.length} imports found under ${ENGINE}`);
  });

  test('no editor, LSP, HTTP-client or Node built-in module', () => {
    const bad = edges.filter((e) => !e.target && (isNodeBuiltin(e.specifier) || isPlatformPackage(e.specifier)));
    assert.deepEqual(bad, [], `the engine must stay platform-free:\n${describeEdges(bad)}`);
  });

  test('nothing outside the engine but the schemas', () => {
    const bad = edges.filter((e) => e.target !== undefined && !isInside(e.target, ENGINE) && !isSchemaData(e.target));
    assert.deepEqual(bad, [], `the engine imports outside ${ENGINE} (adapters belong in server/src/cli, lsp, node, delivery):\n${describeEdges(bad)}`);
  });

  test('no Node globals in the engine project', () => {
    const config = JSON.parse(readFileSync(join(ROOT, ENGINE, 'tsconfig.json'), 'utf8').replace(/^\s*\/\/.*$/gm, '')) as { compilerOptions: { types?: string[]; lib?: string[] } };
    assert.deepEqual(config.compilerOptions.types, []);
    assert.ok(!(config.compilerOptions.lib ?? []).some((l) => /^dom/i.test(l)), 'no DOM lib in the engine');
    const root = JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8')) as { references: { path: string }[] };
    assert.ok(root.references.some((r) => r.path.replace(/^\.\//, '') === ENGINE), 'tsc -b builds the engine project');
  });
});

describe('protocol and client boundaries', () => {
  test('the protocol imports only itself and the engine', () => {
    const bad = importsUnder(ROOT, PROTOCOL).filter((e: ImportEdge) => (e.target ? !isInside(e.target, PROTOCOL) && !isInside(e.target, ENGINE) : true));
    assert.deepEqual(bad, [], `the protocol is shared with clients:\n${describeEdges(bad)}`);
  });

  test('the client takes nothing from server/src but the protocol and generated tables', () => {
    const bad = importsUnder(ROOT, 'client/src').filter(
      (e) => e.target !== undefined && isInside(e.target, 'server/src') && !isInside(e.target, PROTOCOL) && !/\.generated(?:\.\w+)?$/.test(e.target),
    );
    assert.deepEqual(bad, [], `import these through ${PROTOCOL}:\n${describeEdges(bad)}`);
  });

  test('the shipped extension bundle holds no test loader', { skip: !existsSync(join(ROOT, 'dist/extension.js')) && 'dist/extension.js is not built' }, () => {
    const bundle = readFileSync(join(ROOT, 'dist/extension.js'), 'utf8');
    assert.ok(!bundle.includes('ALERTCFG_E2E_SUITE'), 'dist/extension.js contains the in-host test loader');
  });
});
