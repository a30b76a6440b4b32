/**
 * Actions in VS Code for the Web: nothing is sent. The vendors' APIs and bots do
 * not allow cross-origin calls from a browser, so Send Test Message, Push Events,
 * Clear Events, Apply and Replay Callback say plainly that they need VS Code
 * desktop or the alertcfg CLI, and offer the request as curl (secrets masked, as
 * the preview shows it) to run where it can be sent.
 */
import * as vscode from 'vscode';
import { type ActionArgs, type ActionName, type ActionResult, Command, type PreviewResult } from '../../server/src/protocol/index';
import { ActionRunner, actionLabel } from './actions';
import type { Server } from './language-client';

export class BrowserActionRunner extends ActionRunner {
  constructor(
    private readonly languageServer: Server,
    log: vscode.LogOutputChannel,
    state: vscode.Memento,
  ) {
    super(languageServer, log, state);
  }

  override async run(action: ActionName, args: ActionArgs): Promise<ActionResult | undefined> {
    const preview = await this.languageServer.execute<PreviewResult>(Command.preview, { ...args, action });
    const curl = preview?.requests.map((r) => r.curl).join('\n\n') ?? '';
    const copy = vscode.l10n.t('Copy as curl');
    const pick = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} needs VS Code desktop or the alertcfg CLI: the browser blocks the cross-origin requests it sends.', actionLabel(action)),
      ...(curl ? [copy] : []),
    );
    if (pick === copy) {
      await vscode.env.clipboard.writeText(curl);
      void vscode.window.showInformationMessage(vscode.l10n.t('Copied as curl (secrets masked).'));
    }
    return undefined;
  }
}
