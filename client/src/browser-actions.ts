/**
 * Actions in VS Code for the Web: nothing is sent. The vendors' APIs and bots do
 * not allow cross-origin calls from a browser, so Send Test Message, Push Events,
 * Clear Events, Apply and Replay Callback say plainly that they need VS Code
 * desktop or the alertcfg CLI, and offer the request as curl to run where it can
 * be sent: the server's runnable commands (`alertcfg.curl`), which read secrets
 * and credentials from the environment variables the CLI reads, so no secret
 * reaches the clipboard, and carry their signatures whole.
 */
import * as vscode from 'vscode';
import { type ActionArgs, type ActionName, type ActionResult, Command, type CurlResult } from '../../server/src/protocol/index';
import { ActionRunner } from './actions';
import { actionLabel } from './labels';
import type { Server } from './language-client';
import { SyncRunner, type SyncVerb } from './sync';

export class BrowserActionRunner extends ActionRunner {
  constructor(
    private readonly languageServer: Server,
    private readonly output: vscode.LogOutputChannel,
    state: vscode.Memento,
  ) {
    super(languageServer, output, state);
  }

  override async run(action: ActionName, args: ActionArgs): Promise<ActionResult | undefined> {
    const name = actionLabel(action);
    const curl = await this.languageServer.execute<CurlResult>(Command.curl, { ...args, action });
    const copy = vscode.l10n.t('Copy as curl');
    const pick = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} needs VS Code desktop or the alertcfg CLI: the browser blocks the cross-origin requests it sends.', name),
      ...(curl?.commands.length ? [copy] : []),
    );
    if (pick === copy && curl) {
      await vscode.env.clipboard.writeText(curl.commands.join('\n\n'));
      for (const n of curl.notes) this.output.info(`${name} as curl: ${n}`);
      void vscode.window.showInformationMessage(vscode.l10n.t('Copied as curl. It reads secrets from the environment variables the alertcfg CLI reads.'));
    }
    return undefined;
  }
}

export class BrowserSyncRunner extends SyncRunner {
  protected override allowed(verb: SyncVerb): boolean {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('{0} reads and changes the cloud, which needs VS Code desktop or the alertcfg CLI (alertcfg {1}): the browser blocks these cross-origin requests.', actionLabel(verb), verb),
    );
    return false;
  }

  override async planQuietly(): Promise<void> {
    // Nothing is read from a browser.
  }
}
