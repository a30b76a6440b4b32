/**
 * The language server, composed: the state the features share (what the client
 * said, open documents, workspace folders, settings, file scopes, the workspace
 * index, diagnostics, secrets, the command table), the context the features get,
 * and the registration of every feature. Nothing imports this file but the entry
 * point.
 */
import { CodeActionKind, type Connection, type InitializeResult, TextDocumentSyncKind } from 'vscode-languageserver';
import { ALL_COMMANDS } from '../protocol/index';
import { registerActionCommands } from './action-commands';
import { DocumentAnalyses } from './analysis';
import { ClientSecrets } from './client-secrets';
import { ClientState } from './client-state';
import { registerCodeActions } from './code-actions';
import { registerCodeLens } from './code-lens';
import { CommandTable } from './commands';
import { registerCompletion } from './completion';
import { Configuration } from './configuration';
import type { ServerContext } from './context';
import { DiagnosticsManager } from './diagnostics';
import { Documents } from './documents';
import { FileScopes } from './file-scope';
import { WorkspaceFolders } from './folders';
import { registerFolding } from './folding';
import { registerHover } from './hover';
import { registerImportCommand } from './import-command';
import type { LspPlatform } from './platform/types';
import { registerResourceCommands } from './resource-commands';
import { type Logger, safe, safeNotification } from './safe';
import { registerSelectionRanges } from './selection-ranges';
import { registerSymbols } from './symbols';
import { registerSyncCommands } from './sync-commands';
import { SyncStates } from './sync-states';
import { WorkspaceIndex } from './workspace-index';
import { WorkspaceSync } from './workspace-sync';

declare const __VERSION__: string;
export const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0';

export const COMPLETION_TRIGGERS = ['"', ':', '$', '{', ' '];

/** Features, each registering its handlers on the context. */
const FEATURES: readonly ((ctx: ServerContext) => void)[] = [
  registerCompletion,
  registerHover,
  registerCodeActions,
  registerSymbols,
  registerFolding,
  registerSelectionRanges,
  registerResourceCommands,
  registerActionCommands,
  registerSyncCommands,
  registerImportCommand,
  registerCodeLens,
];

/** Starts serving on a connection, with the ports of the platform it runs on (platform/node.ts, platform/browser.ts). */
export function startServer(connection: Connection, platform: LspPlatform): void {
  const logger = connectionLogger(connection, platform);
  const client = new ClientState();
  const documents = new Documents(platform.paths);
  const folders = new WorkspaceFolders(platform.paths);
  const config = new Configuration(connection, documents, folders, () => client.canPullConfiguration, platform.files);
  const scopes = new FileScopes(folders, config);
  const index = new WorkspaceIndex(folders, scopes, logger, platform, (key) => documents.get(key) !== undefined);
  const diagnostics = new DiagnosticsManager({ connection, logger, client, documents, config, scopes, index, platform });
  index.onCrossChanged((keys) => diagnostics.refresh(keys));
  const sync = new WorkspaceSync({ connection, logger, client, documents, folders, config, scopes, index, diagnostics });
  const commands = new CommandTable();
  const ctx: ServerContext = {
    connection,
    logger,
    client,
    documents,
    analyses: new DocumentAnalyses(documents, scopes, config, platform.files),
    diagnostics,
    secrets: new ClientSecrets(connection, client, { secrets: platform.fallbackSecrets, credentials: platform.fallbackCredentials }),
    commands,
    crypto: platform.crypto,
    delivery: platform.delivery,
    workspace: {
      paths: platform.paths,
      files: platform.files,
      folders: () => folders.all,
      folderOf: (uri) => folders.folderOf(uri) ?? folders.all.find((f) => f.uri === platform.paths.canonical(uri)),
      selection: (folder) => scopes.folderSelection(folder),
      configFile: (folder) => config.configFile(folder),
    },
    syncStates: new SyncStates(),
  };

  connection.onInitialize((params) => {
    client.initialize(params);
    folders.set(params?.workspaceFolders, params?.rootUri ?? (typeof params?.rootPath === 'string' ? platform.paths.uriOf(params.rootPath) : null));
    return initializeResult(client);
  });
  connection.onInitialized(safeNotification(logger, 'initialized', () => sync.initialized()));
  client.listen(connection);
  sync.listen();
  connection.languages.diagnostics.on(safe(logger, 'textDocument/diagnostic', { kind: 'full' as const, items: [] }, (params, token) => diagnostics.documentReport(params, token)));
  connection.languages.diagnostics.onWorkspace(safe(logger, 'workspace/diagnostic', { items: [] }, (params, token) => diagnostics.workspaceReport(params, token)));
  commands.listen(connection, logger);
  for (const register of FEATURES) register(ctx);

  connection.onShutdown(() => undefined);
  connection.listen();
}

/** What the server announces at `initialize`, given what the client can do. */
function initializeResult(client: ClientState): InitializeResult {
  const literals = client.capabilities.textDocument?.codeAction?.codeActionLiteralSupport !== undefined;
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
      ...(client.pullDiagnostics ? { diagnosticProvider: { identifier: 'alertcfg', interFileDependencies: true, workspaceDiagnostics: true } } : {}),
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'alertcfg-language-server', version: VERSION },
  };
}

/** The connection's console, or the platform's last resort (stderr) once the connection is gone. */
function connectionLogger(connection: Connection, platform: LspPlatform): Logger {
  const write = (send: (m: string) => void, m: string) => {
    try {
      send(m);
    } catch {
      platform.lastResort(m);
    }
  };
  return {
    error: (m) => write((x) => connection.console.error(x), m),
    log: (m) => write((x) => connection.console.log(x), m),
  };
}
