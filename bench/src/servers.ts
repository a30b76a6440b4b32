/** How each language server under test is started and configured. */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SERVER_NODE_ARGS } from '../../server/src/protocol/index';
import type { ServerSpec } from './lsp';

/**
 * alertcfg's server as the package ships it (the minified server.js of `dist`), over
 * stdio, started with the node flags the VS Code extension passes; `nodeArgs` replaces them.
 */
export function alertcfgServer(dist: string, nodeArgs: readonly string[] = SERVER_NODE_ARGS, name = 'alertcfg'): ServerSpec {
  return {
    name,
    command: process.execPath,
    args: [...nodeArgs, join(dist, 'server.js'), '--stdio'],
    configuration: (section) => (section === 'alertcfg' ? {} : null),
  };
}

/**
 * yaml-language-server with our envelope schema associated with the benchmark's
 * files through `yaml.schemas` (the schema's relative `$ref`s to the body schemas
 * resolve next to it, in schemas/). Schema Store and formatting are off, so it does
 * nothing the comparison does not ask for.
 */
export function yamlLanguageServer(repo: string): ServerSpec {
  const schema = pathToFileURL(join(repo, 'schemas', 'alertcfg.schema.json')).href;
  const yaml = {
    validate: true,
    hover: true,
    completion: true,
    schemas: { [schema]: ['*.yaml'] },
    schemaStore: { enable: false },
    format: { enable: false },
    maxItemsComputed: 5000,
  };
  return {
    name: 'yaml-language-server',
    command: process.execPath,
    args: [join(repo, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'), '--stdio'],
    configuration: (section) => (section === 'yaml' ? yaml : section === 'http' ? { proxyStrictSSL: false } : section === '[yaml]' ? {} : null),
    pushSettings: { yaml },
  };
}
