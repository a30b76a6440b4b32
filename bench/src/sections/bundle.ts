/**
 * Bundle sizes, and activation in the real VS Code harness (the .vsix packaged
 * for it, installed into code-server).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type ActivationResult, measureActivation } from '../activation';
import type { Options } from '../options';
import { DIST, REPO, TMP, log } from '../run';

/** `npm run package`: the .vsix the activation measurement installs (it also rebuilds dist/, minified). */
export function packageExtension(): string | undefined {
  log('package: npm run package (alertcfg.vsix for the VS Code harness)');
  const r = spawnSync('npm', ['run', 'package'], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) return `npm run package failed: ${(r.stderr || r.stdout).split('\n').slice(-5).join(' ')}`;
  return undefined;
}

/**
 * Sizes of the shipped bundles. The CLI is dist/cli.js and chunks it loads on demand
 * (docs/architecture.md, "What loads when"): besides the entry alone, its rows give
 * what `alertcfg validate` loads (found by running it on `folder` with a hook that
 * lists the loaded files) and all of its files.
 */
export function bundleSection(folder?: string): { name: string; bytes: number; gzipBytes: number }[] {
  const out: { name: string; bytes: number; gzipBytes: number }[] = [];
  const size = (names: string[]) => {
    let bytes = 0;
    let gzipBytes = 0;
    for (const n of names) {
      const b = readFileSync(join(DIST, n));
      bytes += b.length;
      gzipBytes += gzipSync(b).length;
    }
    return { bytes, gzipBytes };
  };
  // dist/web/: the extension and the language server of VS Code for the Web (github.dev, vscode.dev).
  for (const name of ['cli.js', 'server.js', 'extension.js', 'web/extension.js', 'web/server.js']) {
    if (existsSync(join(DIST, name))) out.push({ name: `dist/${name}`, ...size([name]) });
  }
  const cliFiles = readdirSync(DIST).filter((n) => /^cli(-.+)?\.js$/.test(n));
  const loaded = folder ? validateLoads(folder) : undefined;
  if (loaded) out.splice(1, 0, { name: `what \`alertcfg validate\` loads: dist/cli.js and ${loaded.length - 1} chunks`, ...size(loaded) });
  if (cliFiles.length > 1) out.splice(loaded ? 2 : 1, 0, { name: `the whole CLI: dist/cli.js and ${cliFiles.length - 1} files it loads when needed`, ...size(cliFiles) });
  log(`bundle: ${out.map((b) => `${b.name} ${(b.bytes / 1024).toFixed(0)} KiB`).join(', ')}`);
  return out;
}

/** The files of dist/ that `alertcfg validate` loads on `folder` (names), or undefined when that cannot be told. */
function validateLoads(folder: string): string[] | undefined {
  const hook = join(TMP, 'loaded-hook.cjs');
  const list = join(TMP, 'loaded.json');
  writeFileSync(hook, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, JSON.stringify(Object.keys(require.cache))));\n`);
  rmSync(list, { force: true });
  spawnSync(process.execPath, ['--require', hook, join(DIST, 'cli.js'), 'validate', folder], { cwd: folder, stdio: 'ignore' });
  if (!existsSync(list)) return undefined;
  const prefix = DIST + sep;
  return (JSON.parse(readFileSync(list, 'utf8')) as string[]).filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length)).sort((a, b) => (a === 'cli.js' ? -1 : b === 'cli.js' ? 1 : a.localeCompare(b)));
}

export async function activationSection(o: Options, bundle: { name: string; bytes: number; gzipBytes: number }[]): Promise<ActivationResult> {
  const failed = o.skip.has('package') ? undefined : packageExtension();
  const vsix = join(REPO, 'alertcfg.vsix');
  if (failed) return { ok: false, reason: failed };
  if (!existsSync(vsix)) return { ok: false, reason: 'alertcfg.vsix is missing (npm run package)' };
  bundle.push({ name: 'alertcfg.vsix', bytes: statSync(vsix).size, gzipBytes: NaN });
  log('activation: code-server + headless Chromium, install the .vsix, open a workspace with .alertcfg.yaml');
  const r = await measureActivation(vsix);
  log(r.ok ? `activation: workbench ${r.workbenchReadyMs} ms, status bar item after ${r.statusBarMs} ms, VS Code reports ${r.reportedActivationMs ?? '?'} ms` : `activation: not measured: ${r.reason}`);
  return r;
}
