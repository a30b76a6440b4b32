/**
 * What the language server's features work with. Each feature is a function of
 * this context (`registerX(ctx)`), registering its own handlers; `server.ts` makes
 * the context and calls them. A feature imports this file, never `server.ts`.
 */
import type { CancellationToken, ClientCapabilities, Connection, Diagnostic, Location } from 'vscode-languageserver';
import type { CredentialSource, CryptoPort, FileSelection, Finding, LineIndex, Locale, RelatedLocation, SecretSource, Settings } from '../engine/index';
import type { ProxySettings } from '../protocol/index';
import type { DocumentAnalysis } from './analysis';
import type { CommandHandler } from './commands';
import type { ConfigFile } from './configuration';
import type { DocumentFindings } from './diagnostics';
import type { OpenDocument } from './documents';
import type { FileScope } from './file-scope';
import type { Folder } from './folders';
import type { Delivery, UriPaths, WorkspaceFiles } from './platform/types';
import type { Logger } from './safe';
import type { SyncStates } from './sync-states';

export type { CommandHandler, DocumentAnalysis, DocumentFindings, FileScope, Folder };

/** What the client said about itself. */
export interface ClientInfo {
  readonly capabilities: ClientCapabilities;
  readonly locale: Locale;
  /** How diagnostics link to the rules page (the `ruleLinks` initialization option). */
  readonly ruleLinks: 'file' | 'command';
  /** Workspace edits as `documentChanges` (with versions). */
  readonly documentChanges: boolean;
  /** Network actions are allowed: the workspace is trusted. */
  trusted(): boolean;
  proxy(): ProxySettings | undefined;
}

export interface OpenDocuments {
  get(uri: string | undefined): OpenDocument | undefined;
}

export interface Analyses {
  /** The analysis of an open document under its scope; undefined when it is not open. */
  analysisFor(uri: string | undefined): Promise<DocumentAnalysis | undefined>;
  /** The scope of any file, open or not. */
  scopeOf(uri: string): Promise<FileScope>;
  /** A file's text in the workspace (not the editor's), decoded; undefined when it is missing, over `maxBytes` or not text. */
  fileText(uri: string, maxBytes: number): Promise<string | undefined>;
}

export interface Findings {
  /** An open document's findings (its own and the workspace-wide ones), under a scope already worked out when given. */
  findings(doc: OpenDocument, token?: CancellationToken, scope?: FileScope): Promise<DocumentFindings>;
  /** Where a related location in another file is. */
  locate(r: RelatedLocation): Location | undefined;
  /** A finding of the file at `uri` as a diagnostic. */
  diagnostic(f: Finding, uri: string, lines: LineIndex): Diagnostic;
}

export interface Secrets {
  /** The client stores secrets for us. */
  readonly storage: boolean;
  /** Names of the secrets the client holds; undefined when it cannot tell. */
  names(): Promise<string[] | undefined>;
  /** Asks the client to store a secret; whether it did. Throws when the request fails. */
  store(name: string, value: string): Promise<boolean>;
  /** Values for the `${secret:...}` and `${env:...}` references in the given values. */
  sourceFor(...values: unknown[]): Promise<SecretSource>;
  credentials(): Promise<CredentialSource>;
}

export interface Commands {
  /** Adds the handler of a command id; returns a function that removes it. */
  register(id: string, handler: CommandHandler): () => void;
}

/** The workspace as a whole, for the commands that work on many files (GitOps sync). */
export interface Workspace {
  readonly paths: UriPaths;
  readonly files: WorkspaceFiles;
  /** The workspace folders. */
  folders(): readonly Folder[];
  /** The workspace folder a URI is in, or the one it names. */
  folderOf(uri: string): Folder | undefined;
  /** A workspace folder's settings and the file selection they make. */
  selection(folder: Folder): Promise<{ settings: Settings; selection: FileSelection }>;
  /** A workspace folder's `.alertcfg.yaml`, or null when it has none. */
  configFile(folder: Folder): Promise<ConfigFile | null>;
}

export interface ServerContext {
  readonly connection: Connection;
  readonly logger: Logger;
  readonly client: ClientInfo;
  readonly documents: OpenDocuments;
  readonly analyses: Analyses;
  readonly diagnostics: Findings;
  readonly secrets: Secrets;
  readonly commands: Commands;
  /** The engine's crypto port, for signing. */
  readonly crypto: CryptoPort;
  /** Sending requests; absent where the server cannot send them (in a browser). */
  readonly delivery: Delivery | undefined;
  readonly workspace: Workspace;
  /** GitOps sync's memory: the last plans (for apply) and each resource's last plan state (for CodeLens). */
  readonly syncStates: SyncStates;
}
