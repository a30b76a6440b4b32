/**
 * Where `.alertcfg.yaml` is: the one search the CLI and the language server share.
 * Pure: folders are whatever the port calls them (absolute paths for the file
 * system adapters), and the port reads the files.
 */
import { CONFIG_FILE_NAMES } from './config-file';

export interface ConfigFolders {
  /** A file's text; undefined when there is no such file. May throw when it is there but cannot be read. */
  read(folder: string, name: string): string | undefined;
  /** Whether the folder holds an entry of that name (`.git`, which marks a repository's root). */
  has(folder: string, name: string): boolean;
  /** The folder above; undefined at the top. */
  parent(folder: string): string | undefined;
}

export interface FoundConfig {
  folder: string;
  name: string;
  text: string;
}

export interface ConfigSearch {
  /**
   * Also the folders above `from`, up to the repository's root (the first folder
   * with a `.git`) or the top: what a command run in `from` applies. Without it,
   * `from` only: a workspace folder's own file.
   */
  upward: boolean;
}

/** The configuration that applies in `from`: in each folder `.alertcfg.yaml`, then `.alertcfg.yml`. */
export function findConfigFile(from: string, folders: ConfigFolders, search: ConfigSearch): FoundConfig | undefined {
  for (let folder: string | undefined = from; folder !== undefined; folder = folders.parent(folder)) {
    for (const name of CONFIG_FILE_NAMES) {
      const text = folders.read(folder, name);
      if (text !== undefined) return { folder, name, text };
    }
    if (!search.upward || folders.has(folder, '.git')) return undefined;
  }
  return undefined;
}
