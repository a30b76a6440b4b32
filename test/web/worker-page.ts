/**
 * The language server's web bundle (dist/web/server.js) as VS Code for the Web
 * runs it: a Worker in a headless Chromium page served from 127.0.0.1, talking LSP
 * over postMessage, its file requests answered by the page from an in-memory
 * workspace (page-client.ts). The test calls `request`, `notify` and
 * `diagnostics` as the LSP tests call their harness.
 *
 * Needs Chromium (Debian package `chromium`, installed by scripts/e2e/ci-setup.sh)
 * and playwright-core; `webPrerequisites()` says what is missing.
 */
import { existsSync, accessSync, constants, readFileSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/harness';
import { repoRoot } from '../helpers/repo';
import { fixedClockScript } from './fixed-clock';
import type { PageSetup, PageState } from './page-client';

export type WebPrerequisites = { ok: true } | { ok: false; reason: string };

export function webPrerequisites(): WebPrerequisites {
  const root = repoRoot();
  if (!existsSync(join(root, 'dist', 'web', 'server.js'))) return { ok: false, reason: 'dist/web/server.js is not built (npm run build)' };
  try {
    accessSync(chromiumPath(), constants.X_OK);
  } catch {
    return { ok: false, reason: `Chromium not found at ${chromiumPath()}; install it with: bash scripts/e2e/ci-setup.sh` };
  }
  try {
    createRequire(join(root, 'package.json')).resolve('playwright-core');
  } catch {
    return { ok: false, reason: 'playwright-core cannot be resolved (npm ci)' };
  }
  return { ok: true };
}

/** Skips the test (or, with ALERTCFG_E2E_REQUIRE=1 as in CI, fails it) when a prerequisite is missing. */
export function skipUnlessWebReady(t: { skip(message?: string): void }, pre: WebPrerequisites): boolean {
  if (pre.ok) return false;
  if (process.env.ALERTCFG_E2E_REQUIRE === '1') throw new Error(`web test prerequisites missing (ALERTCFG_E2E_REQUIRE=1): ${pre.reason}`);
  t.skip(pre.reason);
  return true;
}

let pageScript: Promise<string> | undefined;

/** page-client.ts bundled for the page. */
function clientBundle(): Promise<string> {
  pageScript ??= (async () => {
    const esbuild = (await import('esbuild')) as typeof import('esbuild');
    const root = repoRoot();
    const out = await esbuild.build({ entryPoints: [join(root, 'test', 'web', 'page-client.ts')], bundle: true, platform: 'browser', format: 'iife', target: 'es2022', write: false, logLevel: 'warning', absWorkingDir: root });
    return out.outputFiles[0]!.text;
  })();
  return pageScript;
}

export interface WebLspOptions extends Omit<PageSetup, 'worker'> {
  /** Fixes the server's clock (ms since the epoch), for comparing signatures. */
  fixedTime?: number;
}

export class WebLsp {
  readonly errors: string[] = [];

  private constructor(
    private readonly server: http.Server,
    private readonly browser: Browser,
    readonly page: Page,
  ) {}

  static async start(options: WebLspOptions): Promise<WebLsp> {
    const root = repoRoot();
    const bundle = readFileSync(join(root, 'dist', 'web', 'server.js'));
    const client = await clientBundle();
    const worker = `${options.fixedTime === undefined ? '' : fixedClockScript(options.fixedTime)}importScripts('/server.js');\n`;
    const routes: Record<string, [string, string | Buffer]> = {
      '/': ['text/html', '<!doctype html><meta charset="utf-8"><title>alertcfg web worker</title><script src="/client.js"></script>'],
      '/client.js': ['text/javascript', client],
      '/worker.js': ['text/javascript', worker],
      '/server.js': ['text/javascript', bundle],
    };
    const server = http.createServer((req, res) => {
      const route = routes[req.url ?? ''];
      if (req.url === '/favicon.ico') return void res.writeHead(204).end();
      if (!route) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': route[0], 'cache-control': 'no-store' }).end(route[1]);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    const { chromium } = (await import('playwright-core')) as typeof import('playwright-core');
    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
      const page = await browser.newPage();
      const lsp = new WebLsp(server, browser, page);
      page.on('console', (m) => {
        if (m.type() === 'error') lsp.errors.push(m.text());
      });
      page.on('pageerror', (e) => lsp.errors.push(String(e)));
      await page.goto(`http://127.0.0.1:${port}/`);
      const setup: PageSetup = { worker: '/worker.js', files: options.files, settings: options.settings, secrets: options.secrets, credentials: options.credentials };
      await page.evaluate((s) => (globalThis as unknown as { startWebLsp(s: PageSetup): void }).startWebLsp(s), setup);
      return lsp;
    } catch (e) {
      await browser?.close().catch(() => undefined);
      server.close();
      throw e;
    }
  }

  request<R = unknown>(method: string, params: unknown): Promise<R> {
    return this.page.evaluate(([m, p]) => (globalThis as unknown as { webLsp: { request(m: string, p: unknown): Promise<unknown> } }).webLsp.request(m, p), [method, params] as const) as Promise<R>;
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.page.evaluate(([m, p]) => (globalThis as unknown as { webLsp: { notify(m: string, p: unknown): Promise<void> } }).webLsp.notify(m, p), [method, params] as const);
  }

  state(): Promise<PageState> {
    return this.page.evaluate(() => (globalThis as unknown as { webLsp: { state: PageState } }).webLsp.state);
  }

  /** The latest publication for `uri` that satisfies `test`, waiting for it. */
  async diagnostics<D>(uri: string, test: (diagnostics: D[]) => boolean, timeoutMs = 15_000): Promise<D[]> {
    const deadline = Date.now() + timeoutMs;
    let last: D[] | undefined;
    for (;;) {
      const { published } = await this.state();
      const mine = published.filter((p) => p.uri === uri);
      last = mine[mine.length - 1]?.diagnostics as D[] | undefined;
      if (last && test(last)) return last;
      if (Date.now() > deadline) throw new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(last)}; page errors: ${JSON.stringify(this.errors)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}
