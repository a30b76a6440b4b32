/**
 * The status bar item: the language server's state and the problem count of
 * alert-config files; a click shows the Problems panel, or the output when the
 * server is not running.
 */
import * as vscode from 'vscode';
import type { Server, ServerState } from './language-client';

export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('alertcfg.status', vscode.StatusBarAlignment.Left, 10);
  private readonly subscriptions: vscode.Disposable[];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly server: Server) {
    this.item.name = vscode.l10n.t('Alert Config');
    this.subscriptions = [
      server.onDidChangeState(() => this.update()),
      vscode.languages.onDidChangeDiagnostics(() => {
        if (this.timer) return;
        this.timer = setTimeout(() => {
          this.timer = undefined;
          this.update();
        }, 250);
      }),
    ];
    this.update();
  }

  update(): void {
    const state: ServerState = this.server.state;
    if (state === 'stopped') {
      this.item.hide();
      return;
    }
    let errors = 0;
    let warnings = 0;
    for (const [, list] of vscode.languages.getDiagnostics()) {
      for (const d of list) {
        if (d.source !== 'alertcfg') continue;
        if (d.severity === vscode.DiagnosticSeverity.Error) errors++;
        else if (d.severity === vscode.DiagnosticSeverity.Warning) warnings++;
      }
    }
    if (state === 'running') {
      this.item.text = `$(bell) ${errors} $(warning) ${warnings}`;
      this.item.tooltip = vscode.l10n.t('Alert Config: {0} errors, {1} warnings in alert-config files', errors, warnings);
      this.item.accessibilityInformation = { label: this.item.tooltip, role: 'button' };
      this.item.command = 'workbench.actions.view.problems';
      this.item.backgroundColor = undefined;
    } else {
      this.item.text = state === 'starting' ? `$(sync~spin) ${vscode.l10n.t('Alert Config')}` : `$(error) ${vscode.l10n.t('Alert Config')}`;
      this.item.tooltip = state === 'starting' ? vscode.l10n.t('The Alert Config language server is starting') : vscode.l10n.t('The Alert Config language server is not running; click for its output');
      this.item.command = 'alertcfg.showOutput';
      this.item.accessibilityInformation = { label: this.item.tooltip, role: 'button' };
      this.item.backgroundColor = state === 'failed' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    }
    this.item.show();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
