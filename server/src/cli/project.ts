/**
 * The project a CLI run works in: the `.alertcfg.yaml` that applies (given with
 * --config, else the nearest one from the first path's folder or the working
 * directory up to the repository root, by the engine's search), its settings, the
 * folder its globs are relative to, and the file selection of that folder.
 */
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type FileSelection, type Finding, type Settings, createFileSelection, findConfigFile, mergeSettings, parseConfigFile } from '../engine/check';
import { configFoldersOnDisk, readTextOrUndefined } from '../env/files';
import { readNamedFile } from '../env/read-errors';

export interface Project {
  root: string;
  settings: Settings;
  configFile?: string;
  configText?: string;
  configFindings: Finding[];
}

/** Without --config, the search starts at the first path given (its folder), else the working directory. */
export function loadProject(cwd: string, configPath?: string, firstPath?: string): Project {
  let file: string;
  let text: string;
  if (configPath) {
    file = resolve(cwd, configPath);
    text = readNamedFile(file, configPath, '--config').toString('utf8');
  } else {
    const found = findConfigFile(searchStart(cwd, firstPath), configFoldersOnDisk(), { upward: true });
    if (!found) return { root: cwd, settings: mergeSettings(), configFindings: [] };
    file = join(found.folder, found.name);
    text = found.text;
  }
  const { settings, findings } = parseConfigFile(text);
  return { root: dirname(file), settings: mergeSettings(settings), configFile: file, configText: text, configFindings: findings };
}

/** The files the project's settings and its root `.gitignore` select (paths relative to the root). */
export function projectSelection(project: Pick<Project, 'root' | 'settings'>, include: readonly string[] = project.settings.include): FileSelection {
  return createFileSelection({ include, exclude: project.settings.exclude, gitignore: readTextOrUndefined(join(project.root, '.gitignore')) });
}

function searchStart(cwd: string, firstPath: string | undefined): string {
  if (!firstPath) return resolve(cwd);
  const p = resolve(cwd, firstPath);
  try {
    return statSync(p).isDirectory() ? p : dirname(p);
  } catch {
    return resolve(cwd);
  }
}
