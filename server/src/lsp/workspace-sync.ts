/**
 * Keeping up with the client: open, changed and closed documents, files changed on
 * disk, settings and workspace folders. Each change goes to what it affects: the
 * document's diagnostics, the workspace index, the configuration; and when the
 * files the workspace selects may differ (include, exclude, `schemas`, size limit,
 * `.gitignore`), the index is built again.
 */
import { type Connection, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver';
import type { ClientState } from './client-state';
import type { Configuration } from './configuration';
import type { DiagnosticsManager } from './diagnostics';
import { type Documents, isConfigFileName } from './documents';
import type { FileScopes } from './file-scope';
import type { WorkspaceFolders } from './folders';
import { type Logger, safeNotification } from './safe';
import type { WorkspaceIndex } from './workspace-index';

/** Quiet time after an edit of `.alertcfg.yaml` before it is read again. */
const CONFIG_EDIT_MS = 300;

export interface WorkspaceSyncDeps {
  connection: Connection;
  logger: Logger;
  client: ClientState;
  documents: Documents;
  folders: WorkspaceFolders;
  config: Configuration;
  scopes: FileScopes;
  index: WorkspaceIndex;
  diagnostics: DiagnosticsManager;
}

export class WorkspaceSync {
  private folderSnapshot = '';
  private configTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly deps: WorkspaceSyncDeps) {
    deps.config.onDidChange(() => this.settingsChanged());
  }

  /** Registers the document and workspace notifications. */
  listen(): void {
    const { connection, logger, documents, diagnostics, index, config, folders } = this.deps;
    connection.onDidOpenTextDocument(
      safeNotification(logger, 'didOpen', (params) => {
        const doc = documents.open(params);
        if (!doc) return;
        if (doc.isConfig) this.configEdited();
        diagnostics.schedule(doc, 0);
      }),
    );
    connection.onDidChangeTextDocument(
      safeNotification(logger, 'didChange', (params) => {
        const doc = documents.change(params);
        if (!doc) return;
        if (doc.isConfig) this.configEdited();
        diagnostics.schedule(doc);
      }),
    );
    connection.onDidCloseTextDocument(
      safeNotification(logger, 'didClose', async (params) => {
        const doc = documents.close(params);
        if (!doc) return;
        diagnostics.closed(doc);
        if (doc.isConfig) config.filesChanged();
        await index.closed(doc.key, doc.uri);
      }),
    );
    connection.onDidChangeWatchedFiles(
      safeNotification(logger, 'didChangeWatchedFiles', async (params) => {
        let selectionChanged = false;
        for (const change of Array.isArray(params?.changes) ? params.changes : []) {
          if (typeof change?.uri !== 'string') continue;
          const path = folders.paths.pathOf(change.uri);
          if (isConfigFileName(folders.paths, path) || (path !== undefined && folders.paths.basename(path) === '.gitignore')) selectionChanged = true;
          else await index.fileChanged(change.uri, change.type === FileChangeType.Deleted);
        }
        if (selectionChanged) config.filesChanged();
      }),
    );
    connection.onDidChangeConfiguration(safeNotification(logger, 'didChangeConfiguration', (params) => config.didChangeConfiguration(params?.settings)));
  }

  /** After `initialized`: watch files and settings where the client lets us, follow folder changes, build the index. */
  async initialized(): Promise<void> {
    const { connection, logger, client, folders, config, index } = this.deps;
    const c = client.capabilities;
    if (c.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      await connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml,json}' }, { globPattern: '**/.alertcfg.{yaml,yml}' }, { globPattern: '**/.gitignore' }] })
        .catch(() => undefined);
    }
    if (c.workspace?.didChangeConfiguration?.dynamicRegistration) {
      await connection.client.register(DidChangeConfigurationNotification.type, { section: 'alertcfg' }).catch(() => undefined);
    }
    if (c.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(
        safeNotification(logger, 'workspace folders', async (e) => {
          const now = folders.all.filter((f) => !e.removed.some((r) => folders.paths.pathOf(r.uri) === f.path));
          folders.set([...now.map((f) => ({ uri: f.uri, name: f.path })), ...e.added]);
          config.filesChanged();
        }),
      );
    }
    this.folderSnapshot = await this.selectionSnapshot();
    await index.build();
  }

  /** Settings changed: re-check open documents, and re-index when the set of files may differ. */
  private settingsChanged(): void {
    this.deps.diagnostics.refresh();
    void this.selectionSnapshot().then((snapshot) => {
      if (snapshot !== this.folderSnapshot) {
        this.folderSnapshot = snapshot;
        void this.deps.index.build();
      }
    });
  }

  /** What decides which files each folder indexes, as one string to compare. */
  private async selectionSnapshot(): Promise<string> {
    const parts: string[] = [];
    for (const f of this.deps.folders.all) {
      const { settings } = await this.deps.scopes.folderSelection(f);
      parts.push(JSON.stringify([f.path, settings.include, settings.exclude, settings.schemas, settings.maxFileSize, (await this.deps.config.gitignore(f)) ?? null]));
    }
    return parts.join('\n');
  }

  /** `.alertcfg.yaml` edited in the editor: re-read it once typing pauses. */
  private configEdited(): void {
    if (this.configTimer) clearTimeout(this.configTimer);
    this.configTimer = setTimeout(() => this.deps.config.filesChanged(), CONFIG_EDIT_MS);
  }
}
