// The published package: `npm run package` makes alertcfg.vsix holding exactly the files the
// extension needs at run time (the bundled client and server, schemas, grammar,
// translations, the rules page, the manifest and its documents) and nothing else: no sources, source maps,
// tests or node_modules. Reads the zip's central directory itself (no unzip needed).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { extensionVsix, zipEntries, zipRead } from './extension-vsix';
import { repoRoot, vsceBin } from './harness';

/** Well above today's size (about 0.5 MB): a jump past it means something unintended got in. */
const MAX_BYTES = 1024 * 1024;

const list = (dir: string, suffix: string) =>
  fs
    .readdirSync(path.join(repoRoot(), dir))
    .filter((n) => n.endsWith(suffix))
    .map((n) => `extension/${dir}/${n}`);

test('alertcfg.vsix holds exactly the shipped files', { timeout: 240_000 }, async (t) => {
  if (!vsceBin()) {
    const reason = '@vscode/vsce cannot be resolved; install it with: npm i -D @vscode/vsce@3.9.2';
    if (process.env.ALERTCFG_E2E_REQUIRE === '1') throw new Error(`${reason} (ALERTCFG_E2E_REQUIRE=1)`);
    t.skip(reason);
    return;
  }
  const vsix = await extensionVsix();
  const buf = fs.readFileSync(vsix.file);
  const entries = zipEntries(buf);
  const names = entries.map((e) => e.name).sort();
  const size = `${buf.length} bytes (${(buf.length / 1024).toFixed(1)} KiB), ${entries.length} files, ${(entries.reduce((n, e) => n + e.size, 0) / 1024).toFixed(1)} KiB unpacked`;
  console.log(`# alertcfg.vsix: ${size}`);
  t.diagnostic(`alertcfg.vsix ${vsix.how} in ${vsix.ms} ms: ${size}`);
  for (const e of entries) t.diagnostic(`  ${e.name} ${e.size}`);

  const expected = [
    'extension.vsixmanifest',
    '[Content_Types].xml',
    'extension/package.json',
    'extension/package.nls.json',
    'extension/package.nls.zh-cn.json',
    'extension/readme.md',
    'extension/LICENSE.txt',
    'extension/changelog.md',
    'extension/dist/extension.js',
    'extension/dist/server.js',
    // VS Code for the Web: the `browser` entry and the language server it starts in a web worker.
    'extension/dist/web/extension.js',
    'extension/dist/web/server.js',
    ...list('schemas', '.json'),
    ...list('syntaxes', '.tmLanguage.json'),
    ...list('l10n', '.json'),
    // The rules page (and its translations) that diagnostics link to.
    ...list('docs', '.md').filter((n) => /\/rules(\.[\w-]+)?\.md$/.test(n)),
  ].sort();
  assert.deepEqual(names, expected);
  assert.ok(list('schemas', '.json').length >= 6, 'the schemas are there');
  assert.ok(list('l10n', '.json').length >= 1, 'a translation bundle is there');
  assert.ok(buf.length < MAX_BYTES, `alertcfg.vsix is ${buf.length} bytes, over ${MAX_BYTES}`);

  // The manifest inside is the extension's, pointing at the bundled client.
  const entry = (name: string) => zipRead(buf, entries.find((e) => e.name === name)!);
  const manifest = JSON.parse(entry('extension/package.json').toString('utf8')) as { name: string; publisher: string; main: string; version: string };
  const own = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'package.json'), 'utf8')) as { version: string };
  assert.deepEqual([manifest.publisher, manifest.name, manifest.main, manifest.version], ['alertcfg', 'alertcfg', './dist/extension.js', own.version]);
  // The client bundle holds no e2e loader (a test-only bundle, loaded only when the harness names it in
  // ALERTCFG_E2E_LOADER) and needs only `vscode` from outside.
  const client = entry('extension/dist/extension.js').toString('utf8');
  assert.ok(!client.includes('ALERTCFG_E2E_SUITE'), 'dist/extension.js holds no in-host test loader');
  assert.ok(client.includes('ALERTCFG_E2E_LOADER'), 'dist/extension.js loads the in-host test loader the harness names');
  const requires = [...new Set([...client.matchAll(/require\("([^"./][^"]*)"\)/g)].map((m) => m[1]!))].filter((m) => !m.startsWith('node:')).sort();
  const builtins = new Set(builtinModules);
  assert.deepEqual(requires.filter((m) => !builtins.has(m)), ['vscode'], 'dist/extension.js requires nothing but vscode and Node built-ins');
});
