/**
 * Settings per document: defaults, then `.alertcfg.yaml` at the workspace folder's
 * root (the open editor's text when it is open; found by the engine's search, as
 * the CLI finds it), then the client's `alertcfg` section (`workspace/configuration`,
 * cached per document until `workspace/didChangeConfiguration`). Client values
 * override the file, so clients should send only what the user set. Also the
 * folder's `.gitignore`, for the file selection. Every change bumps `version` and
 * tells the listeners, which re-validate.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver/node';
import { type Finding, type Kind, SEVERITIES, SYNC_KINDS, type Settings, findConfigFile, isKind, mergeSettings, parseConfigFile } from '../engine/index';
import { configFoldersOnDisk, readTextOrUndefined } from '../env/files';
import { SETTINGS_SECTION } from '../protocol/index';
import { type Documents, canonicalUri } from './documents';
import type { Folder, WorkspaceFolders } from './folders';
import { withTimeout } from './safe';

const NO_FILE: Partial<Settings> = {};

export interface ConfigFile {
  path: string;
  settings: Partial<Settings>;
  findings: Finding[];
}

export class Configuration {
  /** Bumped on every change of any setting. */
  version = 0;
  private readonly files = new Map<string, ConfigFile | null>();
  private readonly gitignores = new Map<string, string | null>();
  private readonly client = new Map<string, Promise<Partial<Settings>>>();
  private pushed: Partial<Settings> = {};
  private readonly listeners: (() => void)[] = [];
  /**
   * Merged settings by (file layer, client layer): the same layers give the same
   * object, so that what is derived from it (file selections, glob associations)
   * is built once, not on every keystroke.
   */
  private readonly merged = new WeakMap<object, WeakMap<object, Settings>>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: Documents,
    readonly folders: WorkspaceFolders,
    private readonly canPull: () => boolean,
  ) {}

  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** `.alertcfg.yaml` of a folder: its settings and findings, or null when there is none. */
  configFile(folder: Folder | undefined): ConfigFile | null {
    if (!folder) return null;
    const known = this.files.get(folder.path);
    if (known !== undefined) return known;
    // An open editor's text wins over the file on disk; a file that cannot be read is not there.
    const read = (path: string) => this.documents.get(pathToFileURL(path).href)?.text ?? readTextOrUndefined(path);
    const found = findConfigFile(folder.path, configFoldersOnDisk(read), { upward: false });
    let file: ConfigFile | null = null;
    if (found) {
      const parsed = parseConfigFile(found.text);
      file = { path: join(found.folder, found.name), settings: parsed.settings, findings: parsed.findings };
    }
    this.files.set(folder.path, file);
    return file;
  }

  /** The text of a folder's `.gitignore`, undefined when it has none. */
  gitignore(folder: Folder): string | undefined {
    let text = this.gitignores.get(folder.path);
    if (text === undefined) this.gitignores.set(folder.path, (text = readTextOrUndefined(join(folder.path, '.gitignore')) ?? null));
    return text ?? undefined;
  }

  /** The merged settings of a file (or of a folder, given its URI) in a folder. */
  async settingsFor(uri: string, folder: Folder | undefined): Promise<Settings> {
    const file = this.configFile(folder);
    const client = await this.clientSettings(uri);
    return this.merge(file?.settings, client);
  }

  /** Settings from the file only (no client request), for work that cannot wait. */
  fileSettings(folder: Folder | undefined): Settings {
    return this.merge(this.configFile(folder)?.settings, this.pushed);
  }

  private merge(file: Partial<Settings> | undefined, client: Partial<Settings>): Settings {
    const f = file ?? NO_FILE;
    let byClient = this.merged.get(f);
    if (!byClient) this.merged.set(f, (byClient = new WeakMap()));
    let s = byClient.get(client);
    if (!s) byClient.set(client, (s = mergeSettings(file ?? {}, client)));
    return s;
  }

  private clientSettings(uri: string): Promise<Partial<Settings>> {
    if (!this.canPull()) return Promise.resolve(this.pushed);
    const key = canonicalUri(uri);
    let p = this.client.get(key);
    if (!p) {
      const request = this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then((v: unknown) => sanitize(v));
      p = withTimeout(request, 3000, {});
      this.client.set(key, p);
    }
    return p;
  }

  /** `workspace/didChangeConfiguration`: drop the cache (and take pushed settings from clients that cannot be asked). */
  didChangeConfiguration(settings: unknown): void {
    this.client.clear();
    const section = (settings as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
    if (!this.canPull() && section !== undefined) this.pushed = sanitize(section);
    this.changed();
  }

  /** A `.alertcfg.yaml` or `.gitignore` changed on disk or in the editor, or the folders changed. */
  filesChanged(): void {
    this.files.clear();
    this.gitignores.clear();
    this.changed();
  }

  private changed(): void {
    this.version++;
    for (const l of this.listeners) l();
  }
}

/** Keeps the settings a client sent that have the right shape; drops the rest. */
export function sanitize(value: unknown): Partial<Settings> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const v = value as Record<string, unknown>;
  const out: Partial<Settings> = {};
  const strings = (x: unknown) => (Array.isArray(x) && x.every((s) => typeof s === 'string') ? (x as string[]) : undefined);
  const record = (x: unknown) => (typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : undefined);
  const include = strings(v['include']);
  if (include) out.include = include;
  const exclude = strings(v['exclude']);
  if (exclude) out.exclude = exclude;
  const allowed = strings(v['allowedHosts']);
  if (allowed) out.allowedHosts = allowed;
  const schemas = record(v['schemas']);
  if (schemas) out.schemas = Object.fromEntries(Object.entries(schemas).filter(([, k]) => isKind(k))) as Record<string, Kind>;
  const rules = record(v['rules']);
  if (rules) out.rules = Object.fromEntries(Object.entries(rules).filter(([, s]) => (SEVERITIES as readonly unknown[]).includes(s))) as Settings['rules'];
  const defaults = record(v['defaults']);
  if (defaults) out.defaults = Object.fromEntries(Object.entries(defaults).filter(([k, s]) => (k === 'region' || k === 'projectId') && typeof s === 'string'));
  if (typeof v['messageTemplate'] === 'string') out.messageTemplate = v['messageTemplate'];
  const prune = record(record(v['sync'])?.['prune']);
  if (prune) out.sync = { prune: Object.fromEntries(Object.entries(prune).flatMap(([k, g]) => (SYNC_KINDS.includes(k) && strings(g) ? [[k, strings(g)!]] : []))) };
  for (const k of ['timeoutMs', 'maxFileSize', 'maxDocuments'] as const) if (typeof v[k] === 'number' && Number.isFinite(v[k]) && (v[k] as number) > 0) out[k] = v[k] as number;
  return out;
}
