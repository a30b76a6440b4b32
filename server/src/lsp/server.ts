/**
 * The language server, composed: the state the features share (what the client
 * said, open documents, workspace folders, settings, file scopes, the workspace
 * index, diagnostics, secrets, the command table), the context the features get,
 * and the registration of every feature. Nothing imports this file but the entry
 * point.
 */
import { pathToFileURL } from 'node:url';
import { CodeActionKind, type Connection, type InitializeResult, TextDocumentSyncKind } from 'vscode-languageserver/node';
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
import { HeapKeeper } from './memory';
import { registerResourceCommands } from './resource-commands';
import { type Logger, safe, safeNotification } from './safe';
import { registerSelectionRanges } from './selection-ranges';
import { registerSymbols } from './symbols';
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
  registerCodeLens,
];

export function startServer(connection: Connection): void {
  const logger = connectionLogger(connection);
  const client = new ClientState();
  const documents = new Documents();
  const folders = new WorkspaceFolders();
  const config = new Configuration(connection, documents, folders, () => client.canPullConfiguration);
  const scopes = new FileScopes(folders, config);
  const heap = new HeapKeeper();
  const index = new WorkspaceIndex(folders, scopes, logger, heap, (key) => documents.get(key) !== undefined);
  const diagnostics = new DiagnosticsManager({ connection, logger, client, documents, config, scopes, index, heap });
  index.onCrossChanged((keys) => diagnostics.refresh(keys));
  const sync = new WorkspaceSync({ connection, logger, client, documents, folders, config, scopes, index, diagnostics });
  const commands = new CommandTable();
  const ctx: ServerContext = {
    connection,
    logger,
    client,
    documents,
    analyses: new DocumentAnalyses(documents, scopes, config),
    diagnostics,
    secrets: new ClientSecrets(connection, client, process.env),
    commands,
  };

  connection.onInitialize((params) => {
    client.initialize(params);
    folders.set(params?.workspaceFolders, params?.rootUri ?? (typeof params?.rootPath === 'string' ? pathToFileURL(params.rootPath).href : null));
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

/** The connection's console, or stderr once the connection is gone. */
function connectionLogger(connection: Connection): Logger {
  const write = (send: (m: string) => void, m: string) => {
    try {
      send(m);
    } catch {
      process.stderr.write(`${m}\n`);
    }
  };
  return {
    error: (m) => write((x) => connection.console.error(x), m),
    log: (m) => write((x) => connection.console.log(x), m),
  };
}
