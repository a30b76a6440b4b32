/**
 * The language server in VS Code for the Web (github.dev, vscode.dev): the
 * bundled `dist/web/server.js` in a web worker, talking LSP over `postMessage`. It
 * has no file system, so the extension answers its file requests
 * (workspace-files.ts) from whatever the workspace is.
 */
import * as vscode from 'vscode';
import { LanguageClient, type ServerOptions } from 'vscode-languageclient/browser';
import { ClientRequest } from '../../server/src/protocol/index';
import type { ServerLauncher } from './language-client';
import { findFiles, readFile, statFile } from './workspace-files';

/** The web worker API, as much of it as starting the server uses (this project compiles without the DOM library). */
declare const Worker: new (url: string) => ServerOptions;

/** Schemes of the documents the server checks: github.dev and vscode.dev serve repositories as `vscode-vfs:`. */
export const BROWSER_SCHEMES: readonly string[] = ['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-test-web'];

export function browserServer(context: vscode.ExtensionContext): ServerLauncher {
  return {
    schemes: BROWSER_SCHEMES,
    async create(id, name, options) {
      const client = new LanguageClient(id, name, await serverWorker(context.extensionUri), options);
      client.onRequest(ClientRequest.findFiles, findFiles);
      client.onRequest(ClientRequest.readFile, readFile);
      client.onRequest(ClientRequest.stat, statFile);
      return client;
    },
  };
}

/**
 * The server's worker, from the script's URL. VS Code refuses a worker from a
 * remote extension's `vscode-remote:` URL (an extension installed on a server, as
 * code-server installs them); the same script then starts from its bytes.
 */
async function serverWorker(extensionUri: vscode.Uri): Promise<ServerOptions> {
  const script = vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'server.js');
  try {
    return new Worker(script.toString(true));
  } catch {
    const bytes = await vscode.workspace.fs.readFile(script);
    return new Worker(URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' })));
  }
}
