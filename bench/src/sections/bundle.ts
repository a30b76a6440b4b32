/**
 * Bundle sizes, and activation in the real VS Code harness (the .vsix packaged
 * for it, installed into code-server).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type ActivationResult, measureActivation } from '../activation';
import type { Options } from '../options';
import { DIST, REPO, log } from '../run';

/** `npm run package`: the .vsix the activation measurement installs (it also rebuilds dist/, minified). */
export function packageExtension(): string | undefined {
  log('package: npm run package (alertcfg.vsix for the VS Code harness)');
  const r = spawnSync('npm', ['run', 'package'], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) return `npm run package failed: ${(r.stderr || r.stdout).split('\n').slice(-5).join(' ')}`;
  return undefined;
}

export function bundleSection(): { name: string; bytes: number; gzipBytes: number }[] {
  const out: { name: string; bytes: number; gzipBytes: number }[] = [];
  // dist/web/: the extension and the language server of VS Code for the Web (github.dev, vscode.dev).
  for (const name of ['cli.js', 'server.js', 'extension.js', 'web/extension.js', 'web/server.js']) {
    const p = join(DIST, name);
    if (!existsSync(p)) continue;
    const b = readFileSync(p);
    out.push({ name: `dist/${name}`, bytes: b.length, gzipBytes: gzipSync(b).length });
  }
  log(`bundle: ${out.map((b) => `${b.name} ${(b.bytes / 1024).toFixed(0)} KiB`).join(', ')}`);
  return out;
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
