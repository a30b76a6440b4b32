/**
 * The language server: capabilities, the state every feature shares (open
 * documents, settings, workspace index, diagnostics), and the wiring of document,
 * workspace and configuration notifications. Each feature registers its own
 * handlers from its own file.
 */
import { pathToFileURL } from 'node:url';
import {
  type ClientCapabilities,
  CodeActionKind,
  type Connection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type InitializeParams,
  type InitializeResult,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { type FileResult, type Locale, type SchemaMode, type Settings, localeOf, parseSource } from '../engine/index';
import { ALL_COMMANDS, ClientRequest, type InitializationOptions, type ListSecretsResult } from '../protocol/index';
import { registerCodeActions } from './code-actions';
import { registerCommands } from './commands';
import { registerCompletion } from './completion';
import { Configuration } from './configuration';
import { DiagnosticsManager } from './diagnostics';
import { Documents, type OpenDocument, isConfigFileName, pathOfUri } from './documents';
import { registerFolding } from './folding';
import { registerHover } from './hover';
import { type Logger, safe, safeNotification, withTimeout } from './safe';
import { registerSelectionRanges } from './selection-ranges';
import { registerSymbols } from './symbols';
import { setRuleLinks } from './convert';
import { registerActionCommands } from './action-commands';
import { registerCodeLens } from './code-lens';
import { WorkspaceIndex } from './workspace-index';

declare const __VERSION__: string;
export const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0';

export const COMPLETION_TRIGGERS = ['"', ':', '$', '{', ' '];

export interface DocumentAnalysis {
  doc: OpenDocument;
  file: FileResult;
  settings: Settings;
  mode: SchemaMode;
}

export class Server {
  readonly documents = new Documents();
  readonly config: Configuration;
  readonly index: WorkspaceIndex;
  readonly diagnostics: DiagnosticsManager;
  readonly logger: Logger;
  capabilities: ClientCapabilities = {};
  initOptions: InitializationOptions = {};
  locale: Locale = 'en';
  pullDiagnostics = false;
  canRefreshDiagnostics = false;
  private secretCache: { at: number; names: string[] | undefined } | undefined;
  private folderSnapshot = '';
  private configTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(readonly connection: Connection) {
    this.logger = {
      error: (m) => {
        try {
          connection.console.error(m);
        } catch {
          process.stderr.write(`${m}\n`);
        }
      },
      log: (m) => {
        try {
          connection.console.log(m);
        } catch {
          process.stderr.write(`${m}\n`);
        }
      },
    };
    this.config = new Configuration(connection, this.documents, () => this.capabilities.workspace?.configuration === true);
    this.index = new WorkspaceIndex(this.config, this.logger, (key) => this.documents.get(key) !== undefined);
    this.diagnostics = new DiagnosticsManager(this);
    this.index.onCrossChanged((keys) => this.diagnostics.refresh(keys));
    this.config.onDidChange(() => this.settingsChanged());
  }

  /** The client stores secrets for us (`alertcfg/storeSecret`, `alertcfg/listSecrets`). */
  get secretStorage(): boolean {
    return this.initOptions?.secretStorage === true;
  }

  get documentChanges(): boolean {
    return this.capabilities.workspace?.workspaceEdit?.documentChanges === true;
  }

  /** Names of the secrets the client holds; undefined when it cannot tell. */
  async secretNames(): Promise<string[] | undefined> {
    if (!this.secretStorage) return undefined;
    if (this.secretCache && Date.now() - this.secretCache.at < 2000) return this.secretCache.names;
    const request = this.connection.sendRequest<ListSecretsResult>(ClientRequest.listSecrets, {}).then((r) => (Array.isArray(r?.names) ? r.names.filter((n): n is string => typeof n === 'string') : undefined));
    const names = await withTimeout<string[] | undefined>(request, 1500, undefined);
    this.secretCache = { at: Date.now(), names };
    return names;
  }

  forgetSecretNames(): void {
    this.secretCache = undefined;
  }

  /** The current analysis of an open document, under its settings. */
  async analysisFor(uri: string | undefined): Promise<DocumentAnalysis | undefined> {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    if (doc.isConfig) {
      // `.alertcfg.yaml` is read against the settings schema; it is never a resource.
      const documents = parseSource(doc.text, 'yaml');
      const file: FileResult = { documents, results: documents.map(() => ({ resource: undefined, findings: [] })), findings: [], ours: false };
      return { doc, file, settings: this.config.fileSettings(doc.uri), mode: 'config' };
    }
    const settings = await this.config.settingsFor(doc.uri);
    const file = doc.analyse(settings, this.config.version, this.config.globKind(doc.uri, settings));
    return { doc, file, settings, mode: 'resource' };
  }

  /** Settings changed: re-check open documents, and re-index when the set of files may differ. */
  private settingsChanged(): void {
    this.diagnostics.refresh();
    void this.folderSettings().then((snapshot) => {
      if (snapshot !== this.folderSnapshot) {
        this.folderSnapshot = snapshot;
        void this.index.build();
      }
    });
  }

  private async folderSettings(): Promise<string> {
    const parts: string[] = [];
    for (const f of this.config.folders) {
      const s = await this.config.settingsFor(f.uri);
      parts.push(JSON.stringify([f.path, s.include, s.exclude, s.schemas, s.maxFileSize]));
    }
    return parts.join('\n');
  }

  /** `.alertcfg.yaml` edited in the editor: re-read it once typing pauses. */
  configEdited(): void {
    if (this.configTimer) clearTimeout(this.configTimer);
    this.configTimer = setTimeout(() => this.config.configFileChanged(), 300);
  }

  initialize(params: InitializeParams): InitializeResult {
    this.capabilities = params?.capabilities ?? {};
    const options = params?.initializationOptions;
    this.initOptions = typeof options === 'object' && options !== null ? (options as InitializationOptions) : {};
    this.locale = localeOf(typeof params?.locale === 'string' ? params.locale : this.initOptions.locale);
    setRuleLinks(this.initOptions.ruleLinks);
    this.pullDiagnostics = this.capabilities.textDocument?.diagnostic !== undefined;
    this.canRefreshDiagnostics = this.capabilities.workspace?.diagnostics?.refreshSupport === true;
    this.config.setFolders(params?.workspaceFolders, params?.rootUri ?? (typeof params?.rootPath === 'string' ? pathToFileURL(params.rootPath).href : null));
    const literals = this.capabilities.textDocument?.codeAction?.codeActionLiteralSupport !== undefined;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
        hoverProvider: true,
        codeActionProvider: literals ? { codeActionKinds: [CodeActionKind.QuickFix] } : true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        executeCommandProvider: { commands: [...ALL_COMMANDS] },
        codeLensProvider: { resolveProvider: false },
        ...(this.pullDiagnostics ? { diagnosticProvider: { identifier: 'alertcfg', interFileDependencies: true, workspaceDiagnostics: true } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'alertcfg-language-server', version: VERSION },
    };
  }

  async initialized(): Promise<void> {
    const c = this.capabilities;
    if (c.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      await this.connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml,json}' }, { globPattern: '**/.alertcfg.{yaml,yml}' }] })
        .catch(() => undefined);
    }
    if (c.workspace?.didChangeConfiguration?.dynamicRegistration) {
      await this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'alertcfg' }).catch(() => undefined);
    }
    if (c.workspace?.workspaceFolders) {
      this.connection.workspace.onDidChangeWorkspaceFolders(
        safeNotification(this.logger, 'workspace folders', async (e) => {
          const now = this.config.folders.filter((f) => !e.removed.some((r) => pathOfUri(r.uri) === f.path));
          this.config.setFolders([...now.map((f) => ({ uri: f.uri, name: f.path })), ...e.added]);
          this.config.configFileChanged();
        }),
      );
    }
    this.folderSnapshot = await this.folderSettings();
    await this.index.build();
  }
}

export function startServer(connection: Connection): Server {
  const server = new Server(connection);
  const { logger } = server;
  connection.onInitialize((params) => server.initialize(params));
  connection.onInitialized(safeNotification(logger, 'initialized', () => server.initialized()));

  connection.onDidOpenTextDocument(
    safeNotification(logger, 'didOpen', (params) => {
      const doc = server.documents.open(params);
      if (!doc) return;
      if (doc.isConfig) server.configEdited();
      server.diagnostics.schedule(doc, 0);
    }),
  );
  connection.onDidChangeTextDocument(
    safeNotification(logger, 'didChange', (params) => {
      const doc = server.documents.change(params);
      if (!doc) return;
      if (doc.isConfig) server.configEdited();
      server.diagnostics.schedule(doc);
    }),
  );
  connection.onDidCloseTextDocument(
    safeNotification(logger, 'didClose', async (params) => {
      const doc = server.documents.close(params);
      if (!doc) return;
      server.diagnostics.closed(doc);
      if (doc.isConfig) server.config.configFileChanged();
      await server.index.closed(doc.key, doc.uri);
    }),
  );
  connection.onDidChangeWatchedFiles(
    safeNotification(logger, 'didChangeWatchedFiles', async (params) => {
      let configChanged = false;
      for (const change of Array.isArray(params?.changes) ? params.changes : []) {
        if (typeof change?.uri !== 'string') continue;
        if (isConfigFileName(pathOfUri(change.uri))) configChanged = true;
        else await server.index.fileChanged(change.uri, change.type === FileChangeType.Deleted);
      }
      if (configChanged) server.config.configFileChanged();
    }),
  );
  connection.onDidChangeConfiguration(safeNotification(logger, 'didChangeConfiguration', (params) => server.config.didChangeConfiguration(params?.settings)));

  connection.languages.diagnostics.on(safe(logger, 'textDocument/diagnostic', { kind: 'full' as const, items: [] }, (params, token) => server.diagnostics.documentReport(params, token)));
  connection.languages.diagnostics.onWorkspace(safe(logger, 'workspace/diagnostic', { items: [] }, (params, token) => server.diagnostics.workspaceReport(params, token)));

  registerCompletion(server);
  registerHover(server);
  registerCodeActions(server);
  registerSymbols(server);
  registerFolding(server);
  registerSelectionRanges(server);
  registerCommands(server);
  registerActionCommands(server);
  registerCodeLens(server);

  connection.onShutdown(() => undefined);
  connection.listen();
  return server;
}
