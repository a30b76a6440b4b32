/**
 * Running an action from the editor: trust first, then the server's preview (to
 * name the hosts and catch problems before anything is sent), a modal confirmation
 * naming the host the first time per host and before every Clear or Apply, progress
 * while it runs, and the result as a notification with the details in the output
 * channel. Every text shown comes from the server, already masked.
 */
import * as vscode from 'vscode';
import { type ActionArgs, type ActionName, type ActionResult, Command, type PreviewResult } from '../../server/src/protocol/index';
import { VERBS } from '../../server/src/protocol/shared';
import { actionLabel } from './labels';
import type { Server } from './language-client';

const CONFIRMED_HOSTS = 'alertcfg.confirmedHosts';

export class ActionRunner {
  constructor(
    private readonly server: Server,
    private readonly log: vscode.LogOutputChannel,
    private readonly state: vscode.Memento,
  ) {}

  async run(action: ActionName, args: ActionArgs): Promise<ActionResult | undefined> {
    const name = actionLabel(action);
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} sends requests over the network, which is disabled in an untrusted workspace.', name), vscode.l10n.t('Manage Workspace Trust')).then((pick) => {
        if (pick) void vscode.commands.executeCommand('workbench.trust.manage');
      });
      return undefined;
    }
    const preview = await this.server.execute<PreviewResult>(Command.preview, { ...args, action });
    if (!preview) return undefined;
    // Values not set yet (secrets, credentials) stop sending, though the preview shows the request.
    const stops = [...preview.problems, ...(preview.missing ?? [])];
    if (stops.length) {
      this.log.warn(`${name}: not sent. ${stops.join(' ')}`);
      void this.report(vscode.l10n.t('{0}: nothing was sent. {1}', name, stops.join(' ')), 'error');
      return undefined;
    }
    const hosts = [...new Set(preview.requests.map((r) => hostOf(r.url)))];
    if (!(await this.confirm(action, hosts))) return undefined;
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('{0}: sending to {1}…', name, hosts.join(', ')), cancellable: false },
      () => this.server.execute<ActionResult>(Command[action], args),
    );
    if (!result) return undefined;
    this.logResult(name, result);
    if (result.success) {
      const r = result.reports[result.reports.length - 1];
      void this.report(vscode.l10n.t('{0}: success ({1}).', r?.label ?? name, r?.host ?? hosts.join(', ')), 'info');
    } else if (result.problems.length) {
      void this.report(vscode.l10n.t('{0}: nothing was sent. {1}', name, result.problems.join(' ')), 'error');
    } else {
      const r = result.reports.find((x) => !x.success) ?? result.reports[0];
      const e = r?.error;
      void this.report(vscode.l10n.t('{0} failed: {1} {2}', r?.label ?? name, e ? `${e.code}: ${e.description}` : '', e?.details ?? ''), 'error');
    }
    return result;
  }

  /** Modal, naming the host: as the verbs table says, the first time per host or before every run (Clear, Apply). */
  private async confirm(action: ActionName, hosts: string[]): Promise<boolean> {
    const known = new Set(this.state.get<string[]>(CONFIRMED_HOSTS) ?? []);
    const policy = VERBS.find((v) => v.id === action)?.confirm ?? 'always';
    if (policy === 'never') return true;
    const always = policy === 'always';
    const fresh = hosts.filter((h) => !known.has(h));
    if (!always && fresh.length === 0) return true;
    const go = vscode.l10n.t('Send');
    const message = always
      ? vscode.l10n.t('{0} changes cloud resources on {1}. Continue?', actionLabel(action), hosts.join(', '))
      : vscode.l10n.t('Send a request to {0} for the first time?', fresh.join(', '));
    const pick = await vscode.window.showWarningMessage(message, { modal: true }, go);
    if (pick !== go) return false;
    await this.state.update(CONFIRMED_HOSTS, [...new Set([...known, ...hosts])]);
    return true;
  }

  private logResult(name: string, result: ActionResult): void {
    for (const r of result.reports) {
      const line = `${name}: ${r.label} → ${r.host}: ${r.success ? 'success' : 'failed'}`;
      if (r.success) this.log.info(line);
      else this.log.error(line);
      this.log.info(JSON.stringify(r, null, 2));
      // What the vendor's answer adds (Volcengine's verification e-mail status); the plan's own notes follow below.
      for (const n of r.notes ?? []) if (!result.notes.includes(n)) this.log.info(`note: ${n}`);
    }
    for (const n of result.notes) this.log.info(`note: ${n}`);
    for (const p of result.problems) this.log.warn(`problem: ${p}`);
  }

  private async report(text: string, level: 'info' | 'error'): Promise<void> {
    const details = vscode.l10n.t('Show details');
    const pick = level === 'info' ? await vscode.window.showInformationMessage(text, details) : await vscode.window.showErrorMessage(text, details);
    if (pick === details) this.log.show(true);
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
