/**
 * What the language server needs from where it runs, as ports: how URIs map to
 * the paths the workspace walk and the configuration use, reading the workspace's
 * files, hashing, sending requests, the fallback for secrets, and heap upkeep.
 * `node.ts` implements them on Node (the `alertcfg-language-server` binary and the
 * desktop extension); `browser.ts` in a web worker (VS Code for the Web), where the
 * files are read through the client and nothing is sent.
 */
import type { ActionPlan, ActionReport, CredentialSource, CryptoPort, ListFolder, SecretSource, Settings, SyncRuntime } from '../../engine/index';

/**
 * URIs and the paths the server keys its folders and files by. On Node a path is
 * the file system's (`file:` URIs only); in a browser a path is the URI itself,
 * in one canonical spelling, so any scheme the editor serves (`vscode-vfs:`,
 * `vscode-remote:`, `file:`) works the same.
 */
export interface UriPaths {
  /** One key per file, whatever spelling of its URI a client uses. */
  canonical(uri: string): string;
  /** The path of a URI; undefined when the URI names no file the workspace can hold (`untitled:`). */
  pathOf(uri: string): string | undefined;
  /** The URI of a path. */
  uriOf(path: string): string;
  /** `path` relative to `folder`, with `/`; undefined when it is not inside. `''` for the folder itself. */
  relativeInside(folder: string, path: string): string | undefined;
  /** `root` joined with a path relative to it, written with `/`. */
  join(root: string, relative: string): string;
  /** The last name of a path. */
  basename(path: string): string;
}

export interface FileStat {
  size: number;
  /** Modification time in ms; what changes when the file does. */
  mtime: number;
}

/** The workspace's files, as the index, the configuration and the commands read them (not the editor's open text). */
export interface WorkspaceFiles {
  /**
   * Lists the folders below `root` for the engine's walk. A platform that lists
   * remotely fetches the files the settings can select in one go (`include`,
   * `exclude`); the walk then applies the whole file selection, `.gitignore` too.
   */
  lister(root: string, settings: Pick<Settings, 'include' | 'exclude'>): Promise<ListFolder>;
  /** A file's size and modification time; undefined when it is not a file that can be read. */
  stat(path: string): Promise<FileStat | undefined>;
  /** A file's bytes when it is a file of at most `maxBytes`; undefined when it is missing, larger or unreadable. */
  read(path: string, maxBytes: number): Promise<Uint8Array | undefined>;
  /** A text file (UTF-8); undefined when it is missing or cannot be read. */
  readText(path: string): Promise<string | undefined>;
}

export interface DeliveryOptions {
  timeoutMs: number;
  allowedExtraHosts: string[];
  proxy?: { url: string; strictSSL: boolean };
}

/** Sends a plan's requests and reads the answers (server/src/delivery). */
export interface Delivery {
  execute(plan: ActionPlan, options: DeliveryOptions): Promise<ActionReport[]>;
  /**
   * GitOps sync's runtime: an executor that sends one planned request and hands the
   * engine the raw answer too (delivery/sync-executor.ts), and waits cut short by
   * the signal, which the engine checks between requests (a request under way is
   * not cut: its answer is read).
   */
  sync(options: DeliveryOptions, signal?: AbortSignal): SyncRuntime;
}

export interface LspPlatform {
  readonly paths: UriPaths;
  readonly files: WorkspaceFiles;
  /** The engine's crypto port for signing. */
  readonly crypto: CryptoPort;
  /** Sending requests; absent where the platform cannot send them (a browser blocks cross-origin calls). */
  readonly delivery?: Delivery;
  /** `${env:…}` and `${secret:…}` values, and cloud credentials, for clients without secret storage. */
  readonly fallbackSecrets: SecretSource;
  readonly fallbackCredentials: CredentialSource;
  /** Called after a burst of work, to keep the heap close to the live data. */
  readonly heap: { check(): void };
  /** `file:` URL of docs/rules.md beside the server, for `file` rule links; undefined where there is none. */
  readonly rulesDoc: string | undefined;
  /** Where a message goes when the connection cannot take it. */
  lastResort(message: string): void;
}
