/**
 * A file's scope: its workspace folder, its path relative to that folder, the
 * settings that apply to it and whether the file selection checks it. Worked out
 * once per request from the URI and passed down to everything that needs any of it.
 */
import { type FileSelection, type Kind, type Settings, type Verdict, checkedWhenOpen, createFileSelection, kindForPath } from '../engine/index';
import type { Configuration } from './configuration';
import type { Folder, WorkspaceFolders } from './folders';

export interface FileScope {
  uri: string;
  folder: Folder | undefined;
  /** Relative to the folder, with `/`; undefined outside the workspace. */
  relativePath: string | undefined;
  settings: Settings;
  /** What the folder's file selection says of the file (checked, outside the workspace). */
  verdict: Verdict;
  /** The kind a `schemas` glob gives the file. */
  globKind: Kind | undefined;
}

const OUTSIDE: Verdict = { checked: true };

export class FileScopes {
  /** Selections by folder and settings: the same settings object gives the same selection. */
  private readonly selections = new Map<string, WeakMap<Settings, { gitignore: string | undefined; selection: FileSelection }>>();

  constructor(
    private readonly folders: WorkspaceFolders,
    private readonly config: Configuration,
  ) {}

  /** The scope of a file, with the client's settings for it. */
  async scopeOf(uri: string): Promise<FileScope> {
    const folder = this.folderFor(uri);
    return this.scope(uri, folder, await this.config.settingsFor(uri, folder));
  }

  /** The scope with settings from the file only (no client request), for `.alertcfg.yaml` itself. */
  async fileScopeOf(uri: string): Promise<FileScope> {
    const folder = this.folderFor(uri);
    return this.scope(uri, folder, await this.config.fileSettings(folder));
  }

  /** A folder's settings and the file selection they make, for the workspace walk. */
  async folderSelection(folder: Folder): Promise<{ settings: Settings; selection: FileSelection }> {
    const settings = await this.config.settingsFor(folder.uri, folder);
    return { settings, selection: await this.selection(folder, settings) };
  }

  /** Whether an open document is checked (`.gitignore` aside, as the engine says). */
  checkedWhenOpen(scope: FileScope): boolean {
    return checkedWhenOpen(scope.verdict);
  }

  private folderFor(uri: string): Folder | undefined {
    return this.folders.folderOf(uri) ?? this.folders.all.find((f) => f.uri === this.folders.paths.canonical(uri));
  }

  private async scope(uri: string, folder: Folder | undefined, settings: Settings): Promise<FileScope> {
    const path = this.folders.paths.pathOf(uri);
    const relativePath = folder && path ? this.folders.relativeInside(folder.path, path) : undefined;
    const verdict = folder && relativePath ? (await this.selection(folder, settings)).file(relativePath) : OUTSIDE;
    const globKind = relativePath === undefined ? undefined : kindForPath(settings.schemas, relativePath);
    return { uri, folder, relativePath, settings, verdict, globKind };
  }

  private async selection(folder: Folder, settings: Settings): Promise<FileSelection> {
    const gitignore = await this.config.gitignore(folder);
    let bySettings = this.selections.get(folder.path);
    if (!bySettings) this.selections.set(folder.path, (bySettings = new WeakMap()));
    let known = bySettings.get(settings);
    if (!known || known.gitignore !== gitignore) {
      known = { gitignore, selection: createFileSelection({ include: settings.include, exclude: settings.exclude, gitignore }) };
      bySettings.set(settings, known);
    }
    return known.selection;
  }
}
