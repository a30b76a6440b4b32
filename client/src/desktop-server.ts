/**
 * The language server on the desktop: the bundled `dist/server.js` in a Node
 * process, over node IPC, for documents on disk, unsaved and in remote workspaces.
 */
import type * as vscode from 'vscode';
import { LanguageClient, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { SERVER_NODE_ARGS } from '../../server/src/protocol/index';
import type { ServerLauncher } from './language-client';

export const DESKTOP_SCHEMES: readonly string[] = ['file', 'untitled', 'vscode-remote'];

export function desktopServer(context: vscode.ExtensionContext): ServerLauncher {
  return {
    schemes: DESKTOP_SCHEMES,
    create(id, name, options) {
      const module = context.asAbsolutePath('dist/server.js');
      const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_ARGS] } },
        debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
      };
      return new LanguageClient(id, name, serverOptions, options);
    },
  };
}
