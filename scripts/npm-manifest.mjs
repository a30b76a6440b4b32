// The npm package's manifest. package.json serves two packages: the VS Code extension
// (whose `main` is dist/extension.js and `browser` dist/web/extension.js) and the npm
// package of the `alertcfg` and `alertcfg-language-server` commands, which leaves the
// extension out (.npmignore). npm runs `prepack` before it packs (npm pack, npm publish,
// installs from git) and `postpack` after: the first writes package.json without `main`
// and `browser`, keeping the original beside it; the second puts the original back.
//
//   node scripts/npm-manifest.mjs prepack | postpack
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = process.cwd();
const manifest = join(root, 'package.json');
const kept = join(root, 'package.json.extension');

/** Fields that name files or settings of the VS Code extension only. */
const EXTENSION_ONLY = ['main', 'browser'];

const step = process.argv[2];
if (step === 'prepack') {
  // A pack that stopped half way left the original beside: it is the one to start from.
  if (existsSync(kept)) renameSync(kept, manifest);
  const text = readFileSync(manifest, 'utf8');
  const pkg = JSON.parse(text);
  for (const field of EXTENSION_ONLY) delete pkg[field];
  writeFileSync(kept, text);
  writeFileSync(manifest, `${JSON.stringify(pkg, null, 2)}\n`);
} else if (step === 'postpack') {
  if (existsSync(kept)) renameSync(kept, manifest);
} else {
  console.error('usage: node scripts/npm-manifest.mjs prepack|postpack');
  process.exit(2);
}
