// Offline end-to-end harness: runs a packaged extension (.vsix) in a real VS Code workbench,
// code-server 4.100.3 (VS Code 1.100.3), driven by Debian's headless Chromium through
// playwright-core. Nothing here downloads anything (see shared/vscode-e2e.md).
//
// Prerequisites (checked by checkPrerequisites(); tests skip with the reason when missing):
//   bash scripts/e2e/install-deps.sh && bash scripts/e2e/install-code-server.sh
//
// Typical use in a node:test file:
//   const pre = checkPrerequisites();
//   test('...', async (t) => {
//     if (!pre.ok) return t.skip(pre.reason);
//     await withVsCode({ name: 'my-test', workspace, vsix: [file] }, async (vs) => {
//       await vs.openFile('a.yaml');
//       await vs.waitFor(async () => (await vs.problems()).length > 0, 20_000, 'problems');
//     });
//   });
//
// Environment knobs: ALERTCFG_E2E_CODE_SERVER_DIR (install folder), ALERTCFG_E2E_CHROMIUM
// (browser executable), ALERTCFG_E2E_KEEP=1 (keep temp folders), ALERTCFG_E2E_DEBUG=1 (log
// each step to stderr), ALERTCFG_E2E_ARTIFACTS (screenshot folder).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import { createRequire } from 'node:module';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../helpers/repo';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const CODE_SERVER_VERSION = '4.100.3';
export const INSTALL_HINT = 'bash scripts/e2e/install-deps.sh && bash scripts/e2e/install-code-server.sh';
const MARKER = '.alertcfg-e2e-installed';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

// ---------------------------------------------------------------------------------------
// Locations and prerequisites

/** The repository root (test/helpers/repo.ts). */
export { repoRoot };

export function codeServerDir(): string {
  if (process.env.ALERTCFG_E2E_CODE_SERVER_DIR) return process.env.ALERTCFG_E2E_CODE_SERVER_DIR;
  const cache = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(cache, 'alertcfg-e2e', `code-server-${CODE_SERVER_VERSION}`);
}

export function chromiumPath(): string {
  return process.env.ALERTCFG_E2E_CHROMIUM || '/usr/bin/chromium';
}

export function artifactsDir(): string {
  return process.env.ALERTCFG_E2E_ARTIFACTS || path.join(repoRoot(), 'test-artifacts', 'e2e');
}

const rootRequire = () => createRequire(path.join(repoRoot(), 'package.json'));

/** The path of vsce's CLI script, or undefined when @vscode/vsce is not installed. */
export function vsceBin(): string | undefined {
  try {
    return path.join(path.dirname(rootRequire().resolve('@vscode/vsce/package.json')), 'vsce');
  } catch {
    return undefined;
  }
}

export type Prerequisites = { ok: true } | { ok: false; reason: string };

/**
 * Checks everything the harness needs; `reason` names the first missing thing and how to
 * install it. `needVsce` also requires @vscode/vsce (to package a .vsix at test time).
 */
export function checkPrerequisites(options: { needVsce?: boolean } = {}): Prerequisites {
  const missing = (what: string, how = INSTALL_HINT): Prerequisites => ({ ok: false, reason: `${what}; install with: ${how}` });
  if (process.platform !== 'linux') return { ok: false, reason: `the e2e harness runs on Linux only (this is ${process.platform})` };
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 20) return { ok: false, reason: `code-server ${CODE_SERVER_VERSION} needs Node 20+ (this is ${process.version})` };
  const cs = codeServerDir();
  if (!fs.existsSync(path.join(cs, MARKER)) || !fs.existsSync(path.join(cs, 'out/node/entry.js'))) {
    return missing(`code-server ${CODE_SERVER_VERSION} is not installed in ${cs} (no ${MARKER} marker or out/node/entry.js)`);
  }
  const chromium = chromiumPath();
  try {
    fs.accessSync(chromium, fs.constants.X_OK);
  } catch {
    return missing(`Chromium not found at ${chromium} (Debian package chromium)`);
  }
  if (!fs.existsSync('/usr/bin/rg')) return missing('ripgrep not found at /usr/bin/rg (Debian package ripgrep)');
  try {
    rootRequire().resolve('playwright-core');
  } catch {
    return missing(`playwright-core cannot be resolved from ${repoRoot()}`, 'npm ci (it is a devDependency)');
  }
  if (options.needVsce && !vsceBin()) {
    return missing(`@vscode/vsce cannot be resolved from ${repoRoot()}`, 'npm i -D @vscode/vsce@3.9.2 (3.9.x runs on Node 20)');
  }
  return { ok: true };
}

/**
 * For node:test: when a prerequisite is missing, skips the test with the precise reason and
 * returns true; with ALERTCFG_E2E_REQUIRE=1 (set it in CI) it throws instead, so that a
 * missing install step fails the run rather than hiding behind a skip.
 */
export function skipUnlessReady(t: { skip(message?: string): void }, pre: Prerequisites): boolean {
  if (pre.ok) return false;
  if (process.env.ALERTCFG_E2E_REQUIRE === '1') throw new Error(`e2e prerequisites missing (ALERTCFG_E2E_REQUIRE=1): ${pre.reason}`);
  t.skip(pre.reason);
  return true;
}

// ---------------------------------------------------------------------------------------
// Small utilities

const debug = (...args: unknown[]) => {
  if (process.env.ALERTCFG_E2E_DEBUG) console.error('[e2e]', ...args);
};

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls `predicate` until it returns a truthy value, which it returns; throws after `timeoutMs`. */
export async function waitFor<T>(
  predicate: () => T | Promise<T>,
  timeoutMs = 10_000,
  what = 'condition',
  intervalMs = 200,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await predicate();
      if (value) return value as NonNullable<T>;
      last = value;
      lastError = undefined;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() >= deadline) {
      const detail = lastError ? `last error: ${(lastError as Error).message ?? lastError}` : `last value: ${JSON.stringify(last)}`;
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (${detail})`);
    }
    await sleep(intervalMs);
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

function httpStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

function tail(file: string, lines = 40): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** The few DOM members read inside page.$$eval callbacks (this project compiles without the DOM lib). */
interface DomEl {
  innerText: string;
  offsetParent: unknown;
}

const safeName = (name: string) => name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'shot';

/** The environment for code-server: temp XDG dirs, no VS Code variables of an outer editor. */
function serverEnv(xdg: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('VSCODE_') || k.startsWith('ELECTRON_') || k === 'NODE_OPTIONS') continue;
    env[k] = v;
  }
  env.XDG_DATA_HOME = path.join(xdg, 'data');
  env.XDG_CONFIG_HOME = path.join(xdg, 'config');
  env.XDG_CACHE_HOME = path.join(xdg, 'cache');
  return { ...env, ...extra };
}

// Process groups still running: killed when this process exits, even after a crash.
const liveGroups = new Set<number>();
let exitHooked = false;
function trackGroup(pgid: number): void {
  liveGroups.add(pgid);
  if (exitHooked) return;
  exitHooked = true;
  process.on('exit', () => {
    for (const g of liveGroups) killGroup(g, 'SIGKILL');
  });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      for (const g of liveGroups) killGroup(g, 'SIGKILL');
      process.exit(sig === 'SIGINT' ? 130 : 143);
    });
  }
}

function killGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // ESRCH: nothing left in the group
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------
// Packaging helpers

/**
 * Packages the extension in `extensionDir` with @vscode/vsce (`vsce package --no-dependencies`)
 * into `outFile`; returns outFile. The folder must hold a complete extension (bundled code).
 */
export function packageVsix(extensionDir: string, outFile: string, extraArgs: string[] = []): string {
  const bin = vsceBin();
  if (!bin) throw new Error(`@vscode/vsce is not installed; ${INSTALL_HINT}; npm i -D @vscode/vsce@3.9.2`);
  const res = spawnSync(
    process.execPath,
    [bin, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', outFile, ...extraArgs],
    { cwd: extensionDir, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 120_000 },
  );
  if (res.status !== 0 || !fs.existsSync(outFile)) {
    throw new Error(`vsce package failed in ${extensionDir} (exit ${res.status}):\n${res.stdout}\n${res.stderr}`);
  }
  return outFile;
}

/**
 * Bundles an in-host mocha suite for the extension host: `entry` (exporting run()) and every
 * `*.vtest.ts` file beside it, into `outDir` (default under out/e2e-inhost/, inside the
 * repository so that `mocha` resolves from its node_modules). Returns the bundled entry's path.
 */
export async function bundleInHostSuite(entry: string, outDir?: string): Promise<string> {
  const root = repoRoot();
  const absEntry = path.resolve(root, entry);
  const dir = path.dirname(absEntry);
  const tests = fs.readdirSync(dir).filter((n) => n.endsWith('.vtest.ts')).map((n) => path.join(dir, n));
  const out = outDir ?? path.join(root, 'out', 'e2e-inhost', `${safeName(path.basename(dir))}-${process.pid}-${Date.now()}`);
  const esbuild = (await import('esbuild')) as typeof import('esbuild');
  await esbuild.build({
    entryPoints: [absEntry, ...tests],
    outbase: dir,
    outdir: out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
    absWorkingDir: root,
  });
  return path.join(out, path.basename(absEntry).replace(/\.ts$/, '.js'));
}

// ---------------------------------------------------------------------------------------
// The harness

export interface VsCodeOptions {
  /** Used in screenshot and log names. */
  name?: string;
  /** The folder to open. */
  workspace: string;
  /** .vsix files installed with --install-extension into a fresh extensions dir. */
  vsix?: string | string[];
  /** Extra user settings (User/settings.json). */
  settings?: Record<string, unknown>;
  /** security.workspace.trust.enabled; default false (and code-server gets --disable-workspace-trust). */
  workspaceTrust?: boolean;
  /** Extra environment for code-server; the extension host inherits it. */
  env?: Record<string, string>;
  /** Bound on code-server start and the workbench becoming ready; default 90 s. */
  startTimeoutMs?: number;
  viewport?: { width: number; height: number };
}

export interface Timings {
  installMs: number;
  serverReadyMs: number;
  workbenchReadyMs: number;
}

export class VsCode {
  readonly consoleErrors: string[] = [];
  private closed = false;

  private constructor(
    readonly name: string,
    readonly workspace: string,
    readonly port: number,
    readonly tempDir: string,
    readonly userDataDir: string,
    readonly extensionsDir: string,
    readonly serverLog: string,
    private readonly server: ChildProcess,
    readonly browser: Browser,
    readonly context: BrowserContext,
    readonly page: Page,
    readonly timings: Timings,
  ) {}

  /** code-server's pid, which is also its process group id. */
  get serverPid(): number {
    return this.server.pid ?? 0;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/?${new URLSearchParams({ folder: this.workspace })}`;
  }

  /** Starts code-server and the browser and waits for the workbench. Always cleans up on failure. */
  static async start(options: VsCodeOptions): Promise<VsCode> {
    const pre = checkPrerequisites();
    if (!pre.ok) throw new Error(pre.reason);
    const name = safeName(options.name ?? path.basename(options.workspace));
    const startTimeout = options.startTimeoutMs ?? 90_000;
    const cs = codeServerDir();
    const entry = path.join(cs, 'out/node/entry.js');
    const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), `alertcfg-e2e-${name}-`));
    const xdg = path.join(tempDir, 'xdg');
    const userDataDir = path.join(tempDir, 'user-data');
    const extensionsDir = path.join(tempDir, 'extensions');
    const serverLog = path.join(tempDir, 'code-server.log');
    for (const d of ['data', 'config', 'cache']) fs.mkdirSync(path.join(xdg, d), { recursive: true });
    fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
    fs.mkdirSync(extensionsDir, { recursive: true });
    const trust = options.workspaceTrust ?? false;
    const settings = {
      'workbench.startupEditor': 'none',
      'security.workspace.trust.enabled': trust,
      'extensions.autoUpdate': false,
      'extensions.autoCheckUpdates': false,
      'extensions.ignoreRecommendations': true,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'workbench.tips.enabled': false,
      'workbench.enableExperiments': false,
      'git.enabled': false,
      'chat.disableAIFeatures': true,
      ...options.settings,
    };
    fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
    const env = serverEnv(xdg, options.env);
    const baseArgs = ['--config', '/dev/null', '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];

    let server: ChildProcess | undefined;
    let browser: Browser | undefined;
    const cleanup = async () => {
      if (browser) await browser.close().catch(() => {});
      if (server?.pid) await stopGroup(server.pid);
      if (!process.env.ALERTCFG_E2E_KEEP) fs.rmSync(tempDir, { recursive: true, force: true });
    };
    try {
      // 1. Install the extensions into the fresh extensions dir.
      let t0 = Date.now();
      const vsix = options.vsix === undefined ? [] : Array.isArray(options.vsix) ? options.vsix : [options.vsix];
      if (vsix.length > 0) {
        const args = [entry, ...baseArgs, ...vsix.flatMap((v) => ['--install-extension', path.resolve(v)])];
        debug('install:', args.join(' '));
        const res = spawnSync(process.execPath, args, { env, encoding: 'utf8', timeout: 120_000, stdio: ['ignore', 'pipe', 'pipe'] });
        const out = `${res.stdout}\n${res.stderr}`;
        const notInstalled = vsix.filter((v) => !out.includes(`'${path.basename(v)}' was successfully installed`));
        if (res.status !== 0 || notInstalled.length > 0) {
          throw new Error(`installing ${vsix.join(', ')} failed (exit ${res.status}):\n${out}`);
        }
        debug(out.trim());
      }
      const installMs = Date.now() - t0;

      // 2. Start code-server detached (its own process group) on a free loopback port.
      t0 = Date.now();
      const port = await freePort();
      const args = [
        entry,
        ...baseArgs,
        '--bind-addr', `127.0.0.1:${port}`,
        '--auth', 'none',
        '--disable-telemetry',
        '--disable-update-check',
        ...(trust ? [] : ['--disable-workspace-trust']),
        options.workspace,
      ];
      const logFd = fs.openSync(serverLog, 'a');
      debug('start:', args.join(' '));
      server = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', logFd, logFd], cwd: tempDir });
      fs.closeSync(logFd);
      server.unref();
      if (!server.pid) throw new Error('code-server did not start (no pid)');
      trackGroup(server.pid);
      let exited: string | undefined;
      server.on('exit', (code, signal) => (exited = `exit code ${code}, signal ${signal}`));
      server.on('error', (e) => (exited = `spawn error: ${e.message}`));
      const deadline = Date.now() + startTimeout;
      while ((await httpStatus(`http://127.0.0.1:${port}/healthz`)) !== 200) {
        if (exited) throw new Error(`code-server exited early (${exited}):\n${tail(serverLog)}`);
        if (Date.now() > deadline) {
          throw new Error(`code-server did not answer on 127.0.0.1:${port} within ${startTimeout} ms\n--- code-server log ---\n${tail(serverLog)}`);
        }
        await sleep(200);
      }
      const serverReadyMs = Date.now() - t0;

      // 3. Headless Chromium with a fresh profile, opening the workbench on the workspace.
      t0 = Date.now();
      const { chromium } = (await import('playwright-core')) as typeof import('playwright-core');
      // Chromium's own XDG dirs too: it writes "Crash Reports" under $XDG_CONFIG_HOME/chromium otherwise.
      const browserEnv: Record<string, string> = {};
      for (const [k, v] of Object.entries(serverEnv(path.join(tempDir, 'browser-xdg')))) if (v !== undefined) browserEnv[k] = v;
      browser = await chromium.launch({
        executablePath: chromiumPath(),
        headless: true,
        args: CHROMIUM_ARGS,
        env: browserEnv,
        timeout: startTimeout,
      });
      const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 } });
      const page = await context.newPage();
      const vs = new VsCode(name, options.workspace, port, tempDir, userDataDir, extensionsDir, serverLog, server, browser, context, page, {
        installMs,
        serverReadyMs,
        workbenchReadyMs: 0,
      });
      page.on('console', (m) => {
        if (m.type() === 'error') vs.consoleErrors.push(m.text());
      });
      page.on('pageerror', (e) => vs.consoleErrors.push(String(e)));
      await page.goto(vs.url, { timeout: startTimeout });
      await page.waitForSelector('.monaco-workbench', { timeout: startTimeout });
      await page.waitForSelector('[id="status.problems"]', { timeout: startTimeout });
      vs.timings.workbenchReadyMs = Date.now() - t0;
      debug('ready', vs.timings);
      return vs;
    } catch (e) {
      await cleanup();
      throw e;
    }
  }

  /** Stops the browser and code-server's whole process group, removes the temp folders. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.browser.close().catch(() => {});
    if (this.server.pid) await stopGroup(this.server.pid);
    if (!process.env.ALERTCFG_E2E_KEEP) fs.rmSync(this.tempDir, { recursive: true, force: true });
  }

  /** Polls `predicate` until truthy (see the module-level waitFor). */
  waitFor<T>(predicate: () => T | Promise<T>, timeoutMs = 10_000, what = 'condition'): Promise<NonNullable<T>> {
    return waitFor(predicate, timeoutMs, what);
  }

  private quickInput() {
    return this.page.locator('.quick-input-widget .quick-input-box input');
  }

  /** Visible rows of the quick input list (quick open, palette): their aria-labels. */
  async quickInputRows(): Promise<string[]> {
    return this.page.$$eval('.quick-input-widget .quick-input-list .monaco-list-row', (els) =>
      els.map((e) => e.getAttribute('aria-label') ?? (e as unknown as DomEl).innerText),
    );
  }

  /** Opens a workspace file through Quick Open (Control+P) and waits for its editor tab. */
  async openFile(relPath: string, timeoutMs = 20_000): Promise<void> {
    const base = path.posix.basename(relPath.split(path.sep).join('/'));
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('Control+P');
    const input = this.quickInput();
    await input.waitFor({ state: 'visible', timeout: timeoutMs });
    await input.fill(relPath);
    await this.waitFor(async () => (await this.quickInputRows()).some((r) => r.includes(base)), timeoutMs, `quick open to list ${relPath}`);
    await this.page.keyboard.press('Enter');
    await this.waitFor(
      () => this.page.$$eval('.tabs-container .tab.active', (els, b) => els.some((e) => (e.getAttribute('aria-label') ?? '').includes(b)), base),
      timeoutMs,
      `an active editor tab for ${relPath}`,
    );
  }

  /** Runs a command by its palette title (F1), e.g. 'Probe: Say Hello'. */
  async runCommand(title: string, timeoutMs = 15_000): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('F1');
    const input = this.quickInput();
    await input.waitFor({ state: 'visible', timeout: timeoutMs });
    await input.fill(`>${title}`);
    const index = await this.waitFor(
      async () => {
        const rows = await this.quickInputRows();
        const i = rows.findIndex((r) => r === title || r.startsWith(`${title},`) || r.startsWith(`${title} `));
        return i >= 0 ? i + 1 : 0; // 1-based so that 0 means "not yet"
      },
      timeoutMs,
      `the palette to list "${title}"`,
    ).catch(async (e: Error) => {
      throw new Error(`${e.message}; listed: ${JSON.stringify(await this.quickInputRows().catch(() => []))}`);
    });
    await this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row').nth(index - 1).click();
  }

  /** Texts of the Problems panel rows (file rows and marker rows); opens the panel (Control+Shift+M) if needed. */
  async problems(): Promise<string[]> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible().catch(() => false))) {
      await this.page.keyboard.press('Control+Shift+M');
      await panel.waitFor({ state: 'visible', timeout: 10_000 });
    }
    return this.page.$$eval('.markers-panel .monaco-list-row', (els) =>
      els.map((e) => (e as unknown as DomEl).innerText.replace(/\s+/g, ' ').trim()),
    );
  }

  /** The Problems status bar item's aria-label, e.g. "Errors: 1, Warnings: 1" (or "No Problems"). */
  async statusProblems(): Promise<string> {
    return this.page.$eval('[id="status.problems"]', (el) => {
      const own = el.getAttribute('aria-label');
      if (own) return own;
      return el.querySelector('[aria-label]')?.getAttribute('aria-label') ?? (el as unknown as DomEl).innerText;
    });
  }

  /** Texts of the visible notification toasts. */
  async toasts(): Promise<string[]> {
    return this.page.$$eval('.notifications-toasts .notification-toast', (els) =>
      els.map((e) => (e as unknown as DomEl).innerText.replace(/\s+/g, ' ').trim()),
    );
  }

  /**
   * Moves the cursor of the active editor to line/column (1-based), shows the hover
   * (Control+K Control+I) and returns its text. Hover parts arrive one by one (a diagnostic
   * first, then the providers' answers): with `match` it waits until the text matches;
   * without, until the text has stayed the same for half a second.
   */
  async hoverAt(line: number, column: number, options: { match?: string | RegExp; timeoutMs?: number } = {}): Promise<string> {
    const timeoutMs = options.timeoutMs ?? 15_000;
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('Control+G');
    const input = this.quickInput();
    await input.waitFor({ state: 'visible', timeout: timeoutMs });
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: timeoutMs });
    await this.page.keyboard.press('Control+K');
    await this.page.keyboard.press('Control+I');
    const read = () =>
      this.page.$$eval('.monaco-hover', (els) =>
        els
          .filter((e) => (e as unknown as DomEl).offsetParent !== null && !e.classList.contains('hidden'))
          .map((e) => (e as unknown as DomEl).innerText.trim())
          .filter(Boolean)
          .join('\n'),
      );
    const { match } = options;
    let previous = '';
    return waitFor(
      async () => {
        const text = await read();
        if (match !== undefined) previous = text;
        if (match !== undefined) return (typeof match === 'string' ? text.includes(match) : match.test(text)) ? text : '';
        const stable = text !== '' && text === previous;
        previous = text;
        return stable ? text : '';
      },
      timeoutMs,
      `a hover at ${line}:${column}${match !== undefined ? ` matching ${String(match)}` : ''}`,
      match !== undefined ? 200 : 500,
    ).catch((e: Error) => {
      throw new Error(`${e.message}; hover text seen: ${JSON.stringify(previous)}`);
    });
  }

  /** Saves a PNG of the page under test-artifacts/e2e/<test name>-<name>.png; returns its path. */
  async screenshot(name: string): Promise<string> {
    const dir = artifactsDir();
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${this.name}-${safeName(name)}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Copies code-server's log and VS Code's logs (extension host included) into the artifacts folder. */
  saveLogs(label = 'logs'): string {
    const dir = path.join(artifactsDir(), `${this.name}-${safeName(label)}`);
    fs.mkdirSync(dir, { recursive: true });
    if (fs.existsSync(this.serverLog)) fs.copyFileSync(this.serverLog, path.join(dir, 'code-server.log'));
    const logsRoot = path.join(this.userDataDir, 'logs');
    const walk = (d: string): void => {
      if (!fs.existsSync(d)) return;
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.log')) fs.copyFileSync(p, path.join(dir, path.relative(logsRoot, p).split(path.sep).join('__')));
      }
    };
    walk(logsRoot);
    if (this.consoleErrors.length) fs.writeFileSync(path.join(dir, 'browser-console-errors.txt'), this.consoleErrors.join('\n'));
    return dir;
  }

  /** The last lines of code-server's own output. */
  serverLogTail(lines = 40): string {
    return tail(this.serverLog, lines);
  }
}

/** SIGTERM to the whole group, then SIGKILL after 5 s; resolves when nothing in it is left. */
async function stopGroup(pgid: number): Promise<void> {
  killGroup(pgid, 'SIGTERM');
  const deadline = Date.now() + 5_000;
  while (groupAlive(pgid) && Date.now() < deadline) await sleep(100);
  if (groupAlive(pgid)) {
    killGroup(pgid, 'SIGKILL');
    const hard = Date.now() + 5_000;
    while (groupAlive(pgid) && Date.now() < hard) await sleep(100);
  }
  liveGroups.delete(pgid);
}

export function startVsCode(options: VsCodeOptions): Promise<VsCode> {
  return VsCode.start(options);
}

/**
 * Starts VS Code, runs `fn`, and always closes it. On failure it first saves a screenshot
 * (<name>-failure.png) and the logs under test-artifacts/e2e/, then rethrows.
 */
export async function withVsCode<T>(options: VsCodeOptions, fn: (vs: VsCode) => Promise<T>): Promise<T> {
  const vs = await VsCode.start(options);
  try {
    return await fn(vs);
  } catch (e) {
    const shot = await vs.screenshot('failure').catch(() => undefined);
    const logs = (() => {
      try {
        return vs.saveLogs('failure-logs');
      } catch {
        return undefined;
      }
    })();
    if (e instanceof Error) e.message += `\n[e2e] screenshot: ${shot ?? 'none'}; logs: ${logs ?? 'none'}`;
    throw e;
  } finally {
    await vs.close();
  }
}

// ---------------------------------------------------------------------------------------
// In-host suites (test/e2e/in-host/loader.ts runs them inside the extension host)

export interface InHostResults {
  done: true;
  suite: string;
  extension: string;
  startedAt: string;
  durationMs: number;
  passed: number;
  failed: number;
  pending: number;
  tests: { title: string; state: 'passed' | 'failed' | 'pending'; durationMs?: number; error?: { message: string; stack?: string } }[];
  error?: { message: string; stack?: string };
}

export interface InHostOptions extends VsCodeOptions {
  /** The bundled suite entry (see bundleInHostSuite) exporting run(). */
  suite: string;
  /** What to do in the workbench to activate the extension (e.g. open a file); default nothing. */
  activate?: (vs: VsCode) => Promise<void>;
  /** Bound on the whole suite run; default 5 minutes. */
  suiteTimeoutMs?: number;
}

/**
 * The in-host test loader, a test-only bundle that `node scripts/build.mjs --tests` writes
 * beside the e2e test bundles (out/test/e2e/in-host-loader.js); the extension loads it when
 * ALERTCFG_E2E_LOADER names it.
 */
export function testLoaderPath(): string {
  for (const candidate of [path.join(__dirname, 'in-host-loader.js'), path.join(repoRoot(), 'out', 'test', 'e2e', 'in-host-loader.js')]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error('the in-host test loader is not built: run node scripts/build.mjs --tests');
}

/**
 * Runs an in-host suite: starts VS Code with ALERTCFG_E2E_LOADER/ALERTCFG_E2E_SUITE/
 * ALERTCFG_E2E_RESULTS set, lets `activate` trigger the extension, waits for the results
 * file and returns it. It does not throw on failed tests: check `results.failed`.
 */
export async function runInHostSuite(options: InHostOptions): Promise<InHostResults> {
  const loader = testLoaderPath();
  const resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'alertcfg-e2e-results-'));
  const resultsFile = path.join(resultsDir, 'results.json');
  try {
    return await withVsCode(
      { ...options, env: { ...options.env, ALERTCFG_E2E_LOADER: loader, ALERTCFG_E2E_SUITE: path.resolve(options.suite), ALERTCFG_E2E_RESULTS: resultsFile } },
      async (vs) => {
        if (options.activate) await options.activate(vs);
        await vs.waitFor(() => fs.existsSync(resultsFile), options.suiteTimeoutMs ?? 300_000, `in-host results in ${resultsFile}`);
        const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as InHostResults;
        await vs.screenshot('in-host-done').catch(() => {});
        return results;
      },
    );
  } finally {
    fs.rmSync(resultsDir, { recursive: true, force: true });
  }
}

/** A readable summary of in-host results, for assertion messages. */
export function formatInHostResults(r: InHostResults): string {
  // Worded "passed N" on purpose: a line "N passed, N failed" could be read as the whole run's summary.
  const lines = [`in-host suite: passed ${r.passed}, failed ${r.failed}, pending ${r.pending} (${r.durationMs} ms, ${r.suite})`];
  if (r.error) lines.push(`run error: ${r.error.message}`);
  for (const t of r.tests) if (t.state === 'failed') lines.push(`FAILED ${t.title}: ${t.error?.message ?? ''}`);
  return lines.join('\n');
}
