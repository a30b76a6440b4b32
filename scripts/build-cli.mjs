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
// Two libraries of the validate path are rarely used by a run: the `yaml` package, the
// full YAML parser behind the engine's fast path (alert configuration as people write
// it never needs it), and tinyglobby, for arguments that are globs. Each is a file of
// its own (dist/cli-yaml.js, dist/cli-tinyglobby.js), required the first time it is
// used (lazyPackages below), so the code that calls it stays synchronous.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Packages loaded from a file of their own on first use, and that file's name (without .js). */
const LAZY_PACKAGES = { yaml: 'cli-yaml', tinyglobby: 'cli-tinyglobby' };

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
      plugins: [...common.plugins, lazyPackages(root, LAZY_PACKAGES)],
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
    await build({ ...common, minify, format: 'cjs', entryPoints: Object.fromEntries(Object.entries(LAZY_PACKAGES).map(([name, file]) => [file, name])), outdir: out });
    return split.metafile;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Stands in for each package of `packages` (name → file name without .js) in a
 * bundle: a module whose exports are getters that require the file (a bundle of the
 * package beside the chunks) on first use. The bundle's own code reads an imported
 * binding at each use (`import_yaml.Parser`), so nothing loads the package until a
 * run uses it.
 */
function lazyPackages(root, packages) {
  const load = createRequire(join(root, 'package.json'));
  const exported = Object.fromEntries(Object.keys(packages).map((name) => [name, Object.keys(load(name))]));
  const files = new Set(Object.values(packages).map((f) => `./${f}.js`));
  return {
    name: 'lazy-packages',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => (args.path in packages ? { path: args.path, namespace: 'lazy-package' } : undefined));
      b.onResolve({ filter: /^\.\/cli-/ }, (args) => (files.has(args.path) ? { path: args.path, external: true } : undefined));
      b.onLoad({ filter: /.*/, namespace: 'lazy-package' }, (args) => ({
        loader: 'js',
        contents: [
          `let lib;`,
          `const load = () => (lib ??= require('./${packages[args.path]}.js'));`,
          `for (const name of ${JSON.stringify(exported[args.path])}) Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });`,
        ].join('\n'),
      }));
    },
  };
}
