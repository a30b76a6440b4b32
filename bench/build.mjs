// Bundles the benchmark (bench/src/*.ts, and the engine and e2e harness it imports)
// into bench/tmp/bench.cjs, and builds the product as shipped (minified) into
// bench/tmp/dist, which the benchmark measures. `npm run bench` runs this, then the bundle.
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

await build({
  entryPoints: [join(root, 'bench/src/main.ts')],
  outfile: join(root, 'bench/tmp/bench.cjs'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  logLevel: 'warning',
  absWorkingDir: root,
  // Loaded at run time by the harness, from the project's node_modules.
  external: ['playwright-core', 'esbuild'],
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
  define: { 'import.meta.url': '__importMetaUrl' },
  inject: [join(root, 'scripts/import-meta-url.js')],
});

execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--minify'], { cwd: root, stdio: 'inherit', env: { ...process.env, DIST_OUT: 'bench/tmp/dist' } });
