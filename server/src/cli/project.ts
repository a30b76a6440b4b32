/**
 * The project a CLI run works in: the `.alertcfg.yaml` that applies (given with
 * --config, else the nearest one from the working directory up), its settings,
 * and the folder its globs are relative to.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { readNamedFile } from '../env/read-errors';
import { CONFIG_FILE_NAMES, type Finding, type Settings, mergeSettings, parseConfigFile } from '../engine/index';

export interface Project {
  root: string;
  settings: Settings;
  configFile?: string;
  configText?: string;
  configFindings: Finding[];
}

/** Without --config, the search starts at the first path given (its folder), else the working directory. */
export function loadProject(cwd: string, configPath?: string, firstPath?: string): Project {
  const file = configPath ? resolve(cwd, configPath) : findConfig(searchStart(cwd, firstPath));
  if (!file) return { root: cwd, settings: mergeSettings(), configFindings: [] };
  // Named as the user wrote it (--config), or relative to the working directory (found).
  const text = readNamedFile(file, configPath ?? (relative(cwd, file) || file), '--config').toString('utf8');
  const { settings, findings } = parseConfigFile(text);
  return { root: dirname(file), settings: mergeSettings(settings), configFile: file, configText: text, configFindings: findings };
}

function searchStart(cwd: string, firstPath: string | undefined): string {
  if (!firstPath) return cwd;
  const p = resolve(cwd, firstPath);
  try {
    return statSync(p).isDirectory() ? p : dirname(p);
  } catch {
    return cwd;
  }
}

function findConfig(from: string): string | undefined {
  let dir = resolve(from);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const p = join(dir, name);
      if (existsSync(p)) return p;
    }
    if (existsSync(join(dir, '.git'))) return undefined; // stop at the repository root
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}
