/**
 * The language server as the extension sees it: started by the host's launcher
 * (desktop: `dist/server.js` over node IPC, desktop-server.ts; VS Code for the Web:
 * `dist/web/server.js` in a web worker, browser-server.ts), restarted with backoff
 * when it crashes, fed only the settings the user set (so a repository's
 * `.alertcfg.yaml` is not hidden by defaults), told about workspace trust and proxy
 * settings, and answering the server's secret and credential requests from
 * SecretStorage. Its log and message trace reach the output channel masked
 * (trace-channel.ts).
 */
import * as vscode from 'vscode';
import {
  type BaseLanguageClient,
  CloseAction,
  ErrorAction,
  ExecuteCommandRequest,
  type LanguageClientOptions,
  type Middleware,
  RevealOutputChannelOn,
  State,
  WorkDoneProgress,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
} from 'vscode-languageclient';
import { SETTING_DEFINITIONS } from '../../server/src/protocol/shared';
import { ClientNotification, ClientRequest, type InitializationOptions, type ProxySettings, SETTINGS_SECTION } from '../../server/src/protocol/index';
import { LANGUAGES } from './activation';
import type { SecretStore } from './secrets';
import { MaskingLogChannel } from './trace-channel';
import type { TraceMasker } from './trace-mask';

/** How the host starts the language server: the one thing desktop and browser do differently. */
export interface ServerLauncher {
  /** URI schemes of the documents the server checks. */
  readonly schemes: readonly string[];
  /** A language client for the server with these options (not started). */
  create(id: string, name: string, options: LanguageClientOptions): BaseLanguageClient | Promise<BaseLanguageClient>;
}

export type ServerState = 'stopped' | 'starting' | 'running' | 'failed';

const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 3 * 60_000;

export class Server implements vscode.Disposable {
  private client: BaseLanguageClient | undefined;
  private readonly stateChanged = new vscode.EventEmitter<ServerState>();
  readonly onDidChangeState = this.stateChanged.event;
  state: ServerState = 'stopped';
  private restarts: number[] = [];
  private restartTimer: ReturnType<typeof setTimeout> | undefined;
  private launching: Promise<void> | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** What the language client writes (its log and, with the trace on, every message), masked into `log`. */
  private readonly clientLog: MaskingLogChannel;

  constructor(
    private readonly secrets: SecretStore,
    private readonly log: vscode.LogOutputChannel,
    masker: TraceMasker,
    private readonly middleware: Middleware,
    private readonly launcher: ServerLauncher,
  ) {
    this.clientLog = new MaskingLogChannel(log, masker);
    this.disposables.push(
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.client?.sendNotification(ClientNotification.setTrusted, { trusted: true })),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('http.proxy') || e.affectsConfiguration('http.proxyStrictSSL')) void this.client?.sendNotification(ClientNotification.setProxy, proxySettings());
      }),
    );
  }

  get running(): boolean {
    return this.state === 'running';
  }

  /** Starts the server unless it is running or starting. */
  start(): Promise<void> {
    if (this.client) return Promise.resolve();
    return (this.launching ??= this.launch().finally(() => (this.launching = undefined)));
  }

  private async launch(): Promise<void> {
    // Rule links name alertcfg.showRule, which opens the rules page the extension ships in a markdown preview.
    const init: InitializationOptions = { secretStorage: true, trusted: vscode.workspace.isTrusted, locale: vscode.env.language, proxy: proxySettings(), ruleLinks: 'command' };
    const clientOptions: LanguageClientOptions = {
      documentSelector: LANGUAGES.flatMap((language) => this.launcher.schemes.map((scheme) => ({ scheme, language }))),
      initializationOptions: init,
      // The message trace goes to traceOutputChannel; the server's log messages, its stderr and
      // the client's own errors to outputChannel. Both are masked.
      outputChannel: this.clientLog,
      traceOutputChannel: this.clientLog,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      middleware: { ...this.middleware, workspace: { configuration: userSetConfiguration } },
      errorHandler: {
        error: () => ({ action: ErrorAction.Continue }),
        closed: () => {
          this.scheduleRestart();
          return { action: CloseAction.DoNotRestart, handled: true };
        },
      },
    };
    let client: BaseLanguageClient;
    try {
      // A launcher that makes its client at once (desktop) has it in place before anything else can run.
      const made = this.launcher.create('alertcfg', vscode.l10n.t('Alert Config Language Server'), clientOptions);
      client = made instanceof Promise ? await made : made;
    } catch (err) {
      this.log.error(`The language server did not start: ${err instanceof Error ? err.message : String(err)}`);
      this.setState('failed');
      return;
    }
    client.onDidChangeState((e) => this.setState(e.newState === State.Running ? 'running' : e.newState === State.Starting ? 'starting' : 'stopped'));
    client.onRequest(ClientRequest.getSecrets, (p) => this.secrets.handleGetSecrets(p));
    client.onRequest(ClientRequest.listSecrets, () => this.secrets.handleListSecrets());
    client.onRequest(ClientRequest.storeSecret, (p) => this.secrets.handleStoreSecret(p));
    client.onRequest(ClientRequest.getCredentials, (p) => this.secrets.handleGetCredentials(p));
    this.client = client;
    this.setState('starting');
    try {
      await client.start();
    } catch (err) {
      this.log.error(`The language server did not start: ${err instanceof Error ? err.message : String(err)}`);
      this.client = undefined;
      this.setState('failed');
      this.scheduleRestart();
    }
  }

  async restart(): Promise<void> {
    this.restarts = [];
    await this.stop();
    await this.start();
  }

  async stop(): Promise<void> {
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const c = this.client;
    this.client = undefined;
    if (c) await c.stop().catch(() => undefined);
    this.setState('stopped');
  }

  /** Runs a server command directly (not through the middleware's user interface). */
  async execute<R>(command: string, ...args: unknown[]): Promise<R | undefined> {
    if (!this.client) await this.start();
    if (!this.client) return undefined;
    return (await this.client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args })) as R;
  }

  /**
   * Runs a server command that reports work-done progress (`$/progress` with a token
   * of ours) and stops when `token` is cancelled (the request is cancelled; the
   * server answers with what it did).
   */
  async executeWithProgress<R>(command: string, args: unknown[], onProgress: (p: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd) => void, token: vscode.CancellationToken): Promise<R | undefined> {
    if (!this.client) await this.start();
    const client = this.client;
    if (!client) return undefined;
    const workDoneToken = `alertcfg-${Date.now().toString(36)}-${(++this.progressTokens).toString(36)}`;
    const listening = client.onProgress(WorkDoneProgress.type, workDoneToken, onProgress);
    try {
      return (await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args, workDoneToken }, token)) as R;
    } finally {
      listening.dispose();
    }
  }

  private progressTokens = 0;

  /** Restarts after a crash, waiting 1, 2, 4, 8, 16 s; gives up after 5 crashes in 3 minutes. */
  private scheduleRestart(): void {
    const now = Date.now();
    this.restarts = this.restarts.filter((t) => now - t < RESTART_WINDOW_MS);
    const dead = this.client;
    this.client = undefined;
    void dead?.dispose().catch(() => undefined);
    if (this.restarts.length >= MAX_RESTARTS) {
      this.setState('failed');
      void vscode.window
        .showErrorMessage(vscode.l10n.t('The Alert Config language server stopped {0} times in 3 minutes and will not be restarted.', MAX_RESTARTS), vscode.l10n.t('Restart Language Server'), vscode.l10n.t('Show Output'))
        .then((pick) => {
          if (pick === vscode.l10n.t('Restart Language Server')) void this.restart();
          else if (pick) this.log.show();
        });
      return;
    }
    this.restarts.push(now);
    const delay = 1000 * 2 ** (this.restarts.length - 1);
    this.log.warn(`The language server stopped; restarting in ${delay / 1000} s.`);
    this.setState('starting');
    this.restartTimer = setTimeout(() => void this.start(), delay);
  }

  private setState(s: ServerState): void {
    this.state = s;
    this.stateChanged.fire(s);
  }

  dispose(): void {
    void this.stop();
    this.clientLog.dispose();
    for (const d of this.disposables) d.dispose();
    this.stateChanged.dispose();
  }
}

function proxySettings(): ProxySettings {
  const http = vscode.workspace.getConfiguration('http');
  const url = http.get<string>('proxy');
  return { ...(url ? { url } : {}), strictSSL: http.get<boolean>('proxyStrictSSL') !== false };
}

/**
 * `workspace/configuration` for our section answers only what the user set (in
 * user, workspace or folder settings): the server merges it over `.alertcfg.yaml`,
 * so VS Code overrides the file only where the user chose to.
 */
const userSetConfiguration: NonNullable<NonNullable<Middleware['workspace']>['configuration']> = async (params, token, next) => {
  const defaults = (await next(params, token)) as unknown[];
  return params.items.map((item, i) => {
    if (item.section !== SETTINGS_SECTION) return Array.isArray(defaults) ? defaults[i] : null;
    const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
    const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
    const out: Record<string, unknown> = {};
    for (const d of SETTING_DEFINITIONS) {
      const v = config.inspect(d.key);
      const set = v?.workspaceFolderValue ?? v?.workspaceValue ?? v?.globalValue;
      if (set !== undefined) out[d.key] = set;
    }
    return out;
  });
};
