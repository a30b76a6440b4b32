// The CLI's bundles: dist/cli.js and the chunks it loads on demand (dist/cli-*.js).
//
// `alertcfg validate` is the command CI runs thousands of times a day, so its process
// reads and compiles only the code it runs: parsing, recognition, validation and the
// text report. Every other command and output format (the action commands with
// their request building, signing, delivery and undici; `schema` and `init`; the
// JSON, SARIF and GitHub reports; glob expansion) sits behind a dynamic `import()`
// in the sources, and esbuild's code splitting puts it in a chunk of its own, loaded
// the first time it is used.
//
// Code splitting needs ESM output, while the CLI is CommonJS (synchronous `require`,
// `__filename` for its worker threads, and the `yaml` stand-in below). So the split
// is made in two steps: esbuild bundles and splits into ESM chunks (in a scratch
// folder), then turns each chunk into a CommonJS module of the same name: a static
// import becomes `require("./cli-….js")`, a dynamic one a `require` in a promise.
// Source maps carry through both steps.
//
// The `yaml` package is the full YAML parser behind the engine's fast path: alert
// configuration as people write it never needs it, so it is a file of its own
// (dist/cli-yaml.js), required the first time a document does (lazyPackage below).
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Chunk files are named cli-<what>-<hash>.js beside cli.js (so `__dirname` is dist/ in all of them). */
export const CLI_CHUNK = /^cli-.+\.js(\.map)?$/;

/**
 * Builds the CLI into `outdir` with the shared esbuild options `common`. Returns
 * esbuild's metafile of the split (which source file went into which chunk, and
 * what each chunk imports).
 */
export async function buildCli(common, { root, outdir, minify }) {
  const out = resolve(root, outdir);
  // The ESM step writes to a scratch folder outside dist/: a failed build leaves nothing there to ship.
  const scratch = mkdtempSync(join(tmpdir(), 'alertcfg-cli-esm-'));
  try {
    const split = await build({
      ...common,
      plugins: [...common.plugins, lazyPackage(root, 'yaml', 'cli-yaml.js')],
      minify,
      format: 'esm',
      splitting: true,
      metafile: true,
      entryPoints: { cli: 'server/src/cli/bin.ts' },
      chunkNames: 'cli-[name]-[hash]',
      outdir: scratch,
    });
    // A fresh set of chunks: the ones of an earlier build must not linger.
    mkdirSync(out, { recursive: true });
    for (const name of readdirSync(out)) if (CLI_CHUNK.test(name)) rmSync(join(out, name));
    const convert = {
      absWorkingDir: root,
      bundle: false,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      minify,
      sourcemap: 'linked',
      logLevel: 'warning',
      // `import()` of a chunk becomes `Promise.resolve().then(() => require(chunk))`: no ESM loader.
      supported: { 'dynamic-import': false },
      outdir: out,
    };
    const chunks = readdirSync(scratch).filter((n) => n.endsWith('.js') && n !== 'cli.js');
    await build({ ...convert, entryPoints: [join(scratch, 'cli.js')], banner: { js: '#!/usr/bin/env node' } });
    if (chunks.length) await build({ ...convert, entryPoints: chunks.map((n) => join(scratch, n)) });
    await build({ ...common, minify, format: 'cjs', entryPoints: { 'cli-yaml': 'yaml' }, outdir: out });
    return split.metafile;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Stands in for the package `name` in a bundle: a module whose exports are getters
 * that require `file` (a bundle of the package beside the chunks) on first use. The
 * bundle's own code reads an imported binding at each use (`import_yaml.Parser`), so
 * nothing loads the package until a document needs it.
 */
function lazyPackage(root, name, file) {
  const exported = Object.keys(createRequire(join(root, 'package.json'))(name));
  return {
    name: `lazy-${name}`,
    setup(b) {
      b.onResolve({ filter: new RegExp(`^${name}$`) }, () => ({ path: name, namespace: 'lazy-package' }));
      b.onResolve({ filter: new RegExp(`^\\./${file.replace('.', '\\.')}$`) }, (args) => ({ path: args.path, external: true }));
      b.onLoad({ filter: /.*/, namespace: 'lazy-package' }, () => ({
        loader: 'js',
        contents: [
          `let lib;`,
          `const load = () => (lib ??= require('./${file}'));`,
          `for (const name of ${JSON.stringify(exported)}) Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });`,
        ].join('\n'),
      }));
    },
  };
}
