/**
 * The Alert Config extension on the desktop (the `main` entry): the language
 * server in a Node process, actions sent from here (compose.ts has the rest).
 */
import type * as vscode from 'vscode';
import { type AlertConfigApi, activateExtension } from './compose';
import { ActionRunner } from './actions';
import { desktopServer } from './desktop-server';
import { SyncRunner } from './sync';

export type { AlertConfigApi } from './compose';

export async function activate(context: vscode.ExtensionContext): Promise<AlertConfigApi> {
  const api = await activateExtension(context, { launcher: desktopServer(context), runner: (server, log, state) => new ActionRunner(server, log, state), sync: (server, log, view) => new SyncRunner(server, log, view) });
  runE2ELoader(context);
  return api;
}

export function deactivate(): void {
  // The server is disposed with the context's subscriptions.
}

/**
 * The end-to-end harness names its in-host test loader (a test-only bundle, never
 * shipped) in ALERTCFG_E2E_LOADER; in normal use the variable is unset and nothing
 * happens.
 */
function runE2ELoader(context: vscode.ExtensionContext): void {
  const loader = process.env['ALERTCFG_E2E_LOADER'];
  if (!loader) return;
  const { maybeRunE2ESuite } = require(loader) as { maybeRunE2ESuite(context: vscode.ExtensionContext): Promise<void> };
  void maybeRunE2ESuite(context);
}
