/**
 * Settings per document: defaults, then `.alertcfg.yaml` at the workspace folder's
 * root (the open editor's text when it is open), then the client's `alertcfg`
 * section (`workspace/configuration`, cached per document until
 * `workspace/didChangeConfiguration`). Client values override the file, so clients
 * should send only what the user set. Every change bumps `version` and tells the
 * listeners, which re-validate.
 */
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import type { Connection, WorkspaceFolder } from 'vscode-languageserver/node';
import { CONFIG_FILE_NAMES, type Finding, type Kind, SEVERITIES, type Settings, isKind, kindForPath, mergeSettings, parseConfigFile } from '../engine/index';
import { type Documents, canonicalUri, pathOfUri } from './documents';
import { SETTINGS_SECTION } from '../protocol/index';
import { withTimeout } from './safe';

export { SETTINGS_SECTION };
const ALWAYS_SKIPPED = ['**/.git/**', '**/node_modules/**'];
const NO_FILE: Partial<Settings> = {};

export interface Folder {
  uri: string;
  path: string;
}

interface ConfigFile {
  path: string;
  settings: Partial<Settings>;
  findings: Finding[];
}

export class Configuration {
  folders: Folder[] = [];
  /** Bumped on every change of any setting. */
  version = 0;
  private readonly files = new Map<string, ConfigFile | null>();
  private readonly client = new Map<string, Promise<Partial<Settings>>>();
  private pushed: Partial<Settings> = {};
  private readonly listeners: ((what: { include: boolean }) => void)[] = [];
  private readonly matchers = new WeakMap<Settings, { included: (p: string) => boolean; excluded: (p: string) => boolean }>();
  /**
   * Merged settings by (file layer, client layer): the same layers give the same
   * object, so that what is derived from it (include matchers, glob associations)
   * is built once, not on every keystroke.
   */
  private readonly merged = new WeakMap<object, WeakMap<object, Settings>>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: Documents,
    private readonly canPull: () => boolean,
  ) {}

  setFolders(folders: readonly WorkspaceFolder[] | null | undefined, rootUri?: string | null): void {
    const list: Folder[] = [];
    for (const f of Array.isArray(folders) ? folders : []) {
      const path = typeof f?.uri === 'string' ? pathOfUri(f.uri) : undefined;
      if (path) list.push({ uri: canonicalUri(f.uri), path });
    }
    if (!list.length && typeof rootUri === 'string') {
      const path = pathOfUri(rootUri);
      if (path) list.push({ uri: canonicalUri(rootUri), path });
    }
    this.folders = list;
    this.files.clear();
  }

  onDidChange(listener: (what: { include: boolean }) => void): void {
    this.listeners.push(listener);
  }

  /** The workspace folder a file is in (the innermost one). */
  folderOf(uri: string): Folder | undefined {
    const path = pathOfUri(uri);
    if (!path) return undefined;
    let best: Folder | undefined;
    for (const f of this.folders) {
      const rel = relative(f.path, path);
      if (rel.startsWith('..') || rel.includes(`..${sep}`) || /^[a-zA-Z]:/.test(rel)) continue;
      if (!best || f.path.length > best.path.length) best = f;
    }
    return best;
  }

  /** The file's path relative to its folder, with `/`; undefined outside the workspace. */
  relativePath(uri: string, folder = this.folderOf(uri)): string | undefined {
    const path = pathOfUri(uri);
    if (!path || !folder) return undefined;
    return relative(folder.path, path).split(sep).join('/');
  }

  /** `.alertcfg.yaml` of a folder: its settings and findings, or null when there is none. */
  configFile(folder: Folder | undefined): ConfigFile | null {
    if (!folder) return null;
    const known = this.files.get(folder.path);
    if (known !== undefined) return known;
    let found: ConfigFile | null = null;
    for (const name of CONFIG_FILE_NAMES) {
      const path = join(folder.path, name);
      const open = this.documents.get(pathToFileURL(path).href);
      let text: string | undefined = open?.text;
      if (text === undefined) {
        try {
          text = readFileSync(path, 'utf8');
        } catch {
          continue;
        }
      }
      const parsed = parseConfigFile(text);
      found = { path, settings: parsed.settings, findings: parsed.findings };
      break;
    }
    this.files.set(folder.path, found);
    return found;
  }

  /** The merged settings of a document (or of a folder, given its URI). */
  async settingsFor(uri: string): Promise<Settings> {
    const folder = this.folderOf(uri) ?? this.folders.find((f) => f.uri === canonicalUri(uri));
    const file = this.configFile(folder);
    const client = await this.clientSettings(uri);
    return this.merge(file?.settings, client);
  }

  /** Settings from the file only (no client request), for work that cannot wait. */
  fileSettings(uri: string): Settings {
    return this.merge(this.configFile(this.folderOf(uri))?.settings, this.pushed);
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
    this.changed(true);
  }

  /** A `.alertcfg.yaml` changed on disk or in the editor. */
  configFileChanged(): void {
    this.files.clear();
    this.changed(true);
  }

  private changed(include: boolean): void {
    this.version++;
    for (const l of this.listeners) l({ include });
  }

  /** Whether the include/exclude settings let a file be checked (files outside the workspace always are). */
  isIncluded(uri: string, settings: Settings): boolean {
    const rel = this.relativePath(uri);
    if (rel === undefined) return true;
    let m = this.matchers.get(settings);
    if (!m) {
      m = { included: picomatch(settings.include.length ? settings.include : ['**'], { dot: true }), excluded: picomatch([...ALWAYS_SKIPPED, ...settings.exclude], { dot: true }) };
      this.matchers.set(settings, m);
    }
    return m.included(rel) && !m.excluded(rel);
  }

  globKind(uri: string, settings: Settings): Kind | undefined {
    const rel = this.relativePath(uri);
    return rel === undefined ? undefined : kindForPath(settings.schemas, rel);
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
  for (const k of ['timeoutMs', 'maxFileSize', 'maxDocuments'] as const) if (typeof v[k] === 'number' && Number.isFinite(v[k]) && (v[k] as number) > 0) out[k] = v[k] as number;
  return out;
}
