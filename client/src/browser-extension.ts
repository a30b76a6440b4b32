/**
 * The Alert Config extension in VS Code for the Web (the `browser` entry, run in
 * the web extension host of github.dev and vscode.dev): the language server in a
 * web worker, reading files through the extension; actions that send requests
 * say that they need VS Code desktop or the CLI and offer the request as curl
 * (compose.ts has the rest).
 */
import type * as vscode from 'vscode';
import { type AlertConfigApi, activateExtension } from './compose';
import { BrowserActionRunner, BrowserSyncRunner } from './browser-actions';
import { browserServer } from './browser-server';

export function activate(context: vscode.ExtensionContext): Promise<AlertConfigApi> {
  return activateExtension(context, { launcher: browserServer(context), runner: (server, log, state) => new BrowserActionRunner(server, log, state), sync: (server, log, view) => new BrowserSyncRunner(server, log, view) });
}

export function deactivate(): void {
  // The server is disposed with the context's subscriptions.
}
