/**
 * The language server's ports on Node: the file system through `node:fs` (listed
 * and read synchronously, which for thousands of small files is several times
 * faster than the promise API's round trips), `file:` URIs and native paths,
 * `node:crypto`, delivery through undici, secrets from the environment, and the
 * heap keeper.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { executePlan } from '../../delivery/execute';
import { deliveryExecutor, sleeper } from '../../delivery/sync-executor';
import { absolutePath, folderLister, readTextOrUndefined } from '../../env/files';
import { credentialSource, secretSource } from '../../env/sources';
import { NODE_CRYPTO } from '../../node/crypto';
import { HeapKeeper } from '../memory';
import type { LspPlatform, UriPaths, WorkspaceFiles } from './types';

export const NODE_PATHS: UriPaths = {
  canonical(uri) {
    if (!uri.startsWith('file:')) return uri;
    try {
      return pathToFileURL(fileURLToPath(uri)).href;
    } catch {
      return uri;
    }
  },
  pathOf(uri) {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  },
  uriOf: (path) => pathToFileURL(path).href,
  relativeInside(folder, path) {
    const rel = relative(folder, path);
    if (rel === '..' || rel.startsWith(`..${sep}`) || rel.includes(`${sep}..${sep}`) || /^[a-zA-Z]:/.test(rel) || rel.startsWith(sep)) return undefined;
    return sep === '/' ? rel : rel.split(sep).join('/');
  },
  join: absolutePath,
  basename: (path) => basename(path),
};

export const NODE_FILES: WorkspaceFiles = {
  lister: async (root) => folderLister(root),
  async stat(path) {
    try {
      const info = statSync(path);
      return info.isFile() ? { size: info.size, mtime: info.mtimeMs } : undefined;
    } catch {
      return undefined;
    }
  },
  async read(path, maxBytes) {
    try {
      const info = statSync(path);
      if (!info.isFile() || info.size > maxBytes) return undefined;
      return readFileSync(path);
    } catch {
      return undefined;
    }
  },
  readText: async (path) => readTextOrUndefined(path),
};

/** docs/rules.md beside the package (dist/../docs/rules.md), when it is there. */
function rulesDoc(): string | undefined {
  try {
    const p = join(__dirname, '..', 'docs', 'rules.md');
    return existsSync(p) ? pathToFileURL(p).href : undefined;
  } catch {
    return undefined;
  }
}

export function nodePlatform(env: NodeJS.ProcessEnv = process.env): LspPlatform {
  return {
    paths: NODE_PATHS,
    files: NODE_FILES,
    crypto: NODE_CRYPTO,
    delivery: {
      execute: (plan, options) => executePlan(plan, { ...options, env }),
      sync: (options, signal) => ({ executor: deliveryExecutor({ ...options, env }), sleep: sleeper(signal), ...(signal ? { signal } : {}) }),
    },
    fallbackSecrets: secretSource(env),
    fallbackCredentials: credentialSource(env),
    heap: new HeapKeeper(),
    rulesDoc: rulesDoc(),
    lastResort: (message) => process.stderr.write(`${message}\n`),
  };
}
