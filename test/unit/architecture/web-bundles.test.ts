/**
 * The VS Code for the Web bundles (dist/web/extension.js, dist/web/server.js) hold
 * nothing Node-only: they require no module but `vscode` (the extension), hold no
 * undici, no heap upkeep (node:v8) and no test loader; the manifest names the
 * browser entry and the .vsix ships both bundles. The build also refuses a Node
 * import in them (scripts/web-boundary.mjs).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { repoRoot } from '../../helpers/repo';

const ROOT = repoRoot();
const built = existsSync(join(ROOT, 'dist', 'web', 'server.js')) && existsSync(join(ROOT, 'dist', 'web', 'extension.js'));
const skip = !built && 'dist/web is not built (npm run build)';

const requires = (text: string) => [...new Set([...text.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!))].filter((r) => !r.startsWith('ajv/dist/runtime/')).sort();

describe('the web bundles', () => {
  test('the language server in a worker requires nothing and holds nothing Node-only', { skip }, () => {
    const text = readFileSync(join(ROOT, 'dist', 'web', 'server.js'), 'utf8');
    assert.deepEqual(requires(text), []);
    for (const marker of ['undici', 'setFlagsFromString', 'getHeapSpaceStatistics']) assert.ok(!text.includes(marker), `dist/web/server.js holds ${marker}`);
    assert.doesNotMatch(text, /["']node:[a-z]/, 'dist/web/server.js names a node: module');
  });

  test('the extension requires only vscode and holds no test loader', { skip }, () => {
    const text = readFileSync(join(ROOT, 'dist', 'web', 'extension.js'), 'utf8');
    assert.deepEqual(requires(text), ['vscode']);
    for (const marker of ['ALERTCFG_E2E', 'TransportKind']) assert.ok(!text.includes(marker), `dist/web/extension.js holds ${marker}`);
    assert.doesNotMatch(text, /["']node:[a-z]/, 'dist/web/extension.js names a node: module');
  });

  test('package.json names the browser entry beside main; the .vsix ships the web bundles', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string; browser: string };
    assert.equal(manifest.main, './dist/extension.js');
    assert.equal(manifest.browser, './dist/web/extension.js');
    const ignore = readFileSync(join(ROOT, '.vscodeignore'), 'utf8').split('\n');
    for (const f of ['!dist/web/extension.js', '!dist/web/server.js']) assert.ok(ignore.includes(f), `.vscodeignore keeps ${f.slice(1)}`);
  });
});
