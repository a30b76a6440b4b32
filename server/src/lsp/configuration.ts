/**
 * Settings per document: defaults, then `.alertcfg.yaml` at the workspace folder's
 * root (the open editor's text when it is open; found by the engine's search, as
 * the CLI finds it), then the client's `alertcfg` section (`workspace/configuration`,
 * cached per document until `workspace/didChangeConfiguration`). Client values
 * override the file, so clients should send only what the user set. Also the
 * folder's `.gitignore`, for the file selection. Every change bumps `version` and
 * tells the listeners, which re-validate.
 */
import type { Connection } from 'vscode-languageserver';
import { CONFIG_FILE_NAMES, type Finding, type Kind, SEVERITIES, SYNC_KINDS, type Settings, findConfigFile, isKind, mergeSettings, parseConfigFile } from '../engine/index';
import { SETTINGS_SECTION } from '../protocol/index';
import type { Documents } from './documents';
import type { Folder, WorkspaceFolders } from './folders';
import type { UriPaths, WorkspaceFiles } from './platform/types';
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
  private readonly files = new Map<string, Promise<ConfigFile | null>>();
  private readonly gitignores = new Map<string, Promise<string | null>>();
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
    private readonly disk: WorkspaceFiles,
  ) {}

  private get paths(): UriPaths {
    return this.folders.paths;
  }

  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** `.alertcfg.yaml` of a folder: its settings and findings, or null when there is none. Read once until a change. */
  configFile(folder: Folder | undefined): Promise<ConfigFile | null> {
    if (!folder) return Promise.resolve(null);
    let known = this.files.get(folder.path);
    if (!known) this.files.set(folder.path, (known = this.readConfigFile(folder)));
    return known;
  }

  private async readConfigFile(folder: Folder): Promise<ConfigFile | null> {
    // An open editor's text wins over the file on disk; a file that cannot be read is not there.
    const texts = new Map<string, string>();
    for (const name of CONFIG_FILE_NAMES) {
      const path = this.paths.join(folder.path, name);
      const text = this.documents.get(this.paths.uriOf(path))?.text ?? (await this.disk.readText(path));
      if (text === undefined) continue;
      texts.set(name, text);
      break;
    }
    // Found by the engine's search, as the CLI finds it (here only in the folder itself).
    const found = findConfigFile(folder.path, { read: (_, name) => texts.get(name), has: () => false, parent: () => undefined }, { upward: false });
    if (!found) return null;
    const parsed = parseConfigFile(found.text);
    return { path: this.paths.join(found.folder, found.name), settings: parsed.settings, findings: parsed.findings };
  }

  /** The text of a folder's `.gitignore`, undefined when it has none. */
  async gitignore(folder: Folder): Promise<string | undefined> {
    let text = this.gitignores.get(folder.path);
    if (!text) this.gitignores.set(folder.path, (text = this.disk.readText(this.paths.join(folder.path, '.gitignore')).then((t) => t ?? null)));
    return (await text) ?? undefined;
  }

  /** The merged settings of a file (or of a folder, given its URI) in a folder. */
  async settingsFor(uri: string, folder: Folder | undefined): Promise<Settings> {
    const [file, client] = await Promise.all([this.configFile(folder), this.clientSettings(uri)]);
    return this.merge(file?.settings, client);
  }

  /** Settings from the file only (no client request), for work that cannot wait for the client. */
  async fileSettings(folder: Folder | undefined): Promise<Settings> {
    return this.merge((await this.configFile(folder))?.settings, this.pushed);
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
    const key = this.paths.canonical(uri);
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
