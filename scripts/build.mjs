// Bundles the product (dist/) and, with --tests, the test files (out/test/).
import { build } from 'esbuild';
import { readdirSync, statSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readFileSync } from 'node:fs';
import { buildCli } from './build-cli.mjs';
import { engineBoundary } from './engine-boundary.mjs';
import { webBoundary } from './web-boundary.mjs';
import { generateValidators } from './gen-validators.mjs';
import { pureEngine } from './pure-engine.mjs';

const root = new URL('..', import.meta.url).pathname;
const withTests = process.argv.includes('--tests');
const minify = process.argv.includes('--minify');
// DIST_OUT builds the product elsewhere (the benchmark builds its own copy, so that a
// concurrent `npm run build` cannot swap dist/ under it).
const distOut = process.env.DIST_OUT || 'dist';
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // jsonc-parser's UMD build hides its modules from bundlers; its ESM build bundles cleanly.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
  sourcemap: 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
  // ESM-only dependencies read import.meta.url; in a CommonJS bundle it is this file's URL.
  define: { __VERSION__: JSON.stringify(version), 'import.meta.url': '__importMetaUrl' },
  inject: [join(root, 'scripts/import-meta-url.js')],
  // The engine imports nothing platform-bound: a forbidden import fails the build. And it
  // is pure: a bundle leaves out the engine modules whose exports it does not use.
  plugins: [engineBoundary(root), pureEngine(root)],
};

// The schemas' validators, compiled ahead of time (server/src/engine/schema/validators.generated.js).
generateValidators();

function findTests(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'fixtures') continue;
    if (statSync(p).isDirectory()) out.push(...findTests(p));
    else if (name.endsWith('.test.ts')) out.push(relative(root, p));
  }
  return out;
}

if (withTests) {
  // TEST_OUT lets several test runs build side by side without clobbering each other.
  const testOut = process.env.TEST_OUT || 'out/test';
  rmSync(join(root, testOut), { recursive: true, force: true });
  await build({
    ...common,
    entryPoints: findTests(join(root, 'test')),
    outbase: 'test',
    outdir: testOut,
    packages: 'external',
  });
  // The in-host test loader the e2e harness hands to the extension (ALERTCFG_E2E_LOADER):
  // a bundle of its own, so the shipped extension does not carry it.
  await build({
    ...common,
    entryPoints: { 'e2e/in-host-loader': 'test/e2e/in-host/loader.ts' },
    outdir: testOut,
    external: ['vscode'],
  });
} else {
  // The CLI: cli.js and the chunks it loads on demand (see build-cli.mjs).
  await buildCli(common, { root, outdir: distOut, minify });
  // The language server: one file (the .vsix ships dist/server.js alone).
  await build({
    ...common,
    minify,
    entryPoints: { server: 'server/src/lsp/main.ts' },
    outdir: distOut,
    banner: { js: '#!/usr/bin/env node' },
  });
  // The VS Code extension: `vscode` is provided by the editor.
  await build({
    ...common,
    minify,
    entryPoints: { extension: 'client/src/extension.ts' },
    outdir: distOut,
    external: ['vscode'],
  });
  // VS Code for the Web (github.dev, vscode.dev): the extension's `browser` entry, loaded by the
  // web extension host as CommonJS, and the language server it starts in a web worker (a plain
  // script). Nothing Node-only may be in them: the web boundary fails the build on it.
  const web = {
    ...common,
    minify,
    platform: 'browser',
    target: 'es2022',
    define: { __VERSION__: JSON.stringify(version) },
    inject: [],
    plugins: [engineBoundary(root), webBoundary(root)],
    outdir: join(distOut, 'web'),
  };
  await build({ ...web, format: 'cjs', entryPoints: { extension: 'client/src/browser-extension.ts' }, external: ['vscode'] });
  await build({ ...web, format: 'iife', entryPoints: { server: 'server/src/lsp/browser-main.ts' } });
}
