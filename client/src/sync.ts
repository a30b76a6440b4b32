/**
 * GitOps sync from the editor: Plan shows the plan view beside the editor; Apply
 * shows the plan in the same view, asks once in a modal naming the creates,
 * updates, deletes and hosts, then runs in a cancellable progress notification
 * (done/total, the resource under way) and ends with a notification of what was
 * done and what failed, the details in the output channel; Import asks what to
 * read and where to write (import.ts). An untrusted workspace gets a message
 * instead. The server plans and applies; every text shown comes from it, masked.
 */
import * as vscode from 'vscode';
import { type ApplyResult, Command, type PlanResult, type SyncArgs } from '../../server/src/protocol/index';
import { importFromCloud } from './import';
import { actionLabel } from './labels';
import type { Server } from './language-client';
import type { PlanView } from './plan-view';
import { applyQuestion, applySummary, pendingCount } from './sync-words';

export type SyncVerb = 'plan' | 'apply' | 'import';

export class SyncRunner {
  constructor(
    protected readonly server: Server,
    protected readonly log: vscode.LogOutputChannel,
    protected readonly view: PlanView,
  ) {}

  /** Whether the verb may run here; says why not. */
  protected allowed(verb: SyncVerb): boolean {
    if (vscode.workspace.isTrusted) return true;
    void vscode.window
      .showWarningMessage(vscode.l10n.t('{0} reads and changes the cloud with your credentials, which is disabled in an untrusted workspace.', actionLabel(verb)), vscode.l10n.t('Manage Workspace Trust'))
      .then((pick) => {
        if (pick) void vscode.commands.executeCommand('workbench.trust.manage');
      });
    return false;
  }

  /** The server's plan, under a progress notification (reading the cloud takes a moment). */
  planOnly(args: SyncArgs): Promise<PlanResult | undefined> {
    return Promise.resolve(
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Planning: reading the cloud…') }, () => this.server.execute<PlanResult>(Command.plan, args)),
    );
  }

  /** Plan: the plan view beside the editor. */
  async plan(args: SyncArgs): Promise<PlanResult | undefined> {
    if (!this.allowed('plan')) return undefined;
    const result = await this.planOnly(args);
    if (!result) return undefined;
    this.logPlan(result);
    await this.view.show(args, result);
    if (!result.ok) void this.report(vscode.l10n.t('{0}: nothing was planned. {1}', actionLabel('plan'), result.problems.join(' ')), 'error');
    return result;
  }

  /** A plan nobody asked to see (on save): CodeLens and an open plan view of the same files follow it. */
  async planQuietly(args: SyncArgs): Promise<void> {
    if (!vscode.workspace.isTrusted) return;
    const result = await this.server.execute<PlanResult>(Command.plan, args);
    if (result?.ok) this.view.updateIfOpen(args, result);
  }

  /** Apply: the plan, one question, the writes under a cancellable progress notification, a summary. */
  async apply(args: SyncArgs): Promise<ApplyResult | undefined> {
    const name = actionLabel('apply');
    if (!this.allowed('apply')) return undefined;
    let plan = await this.planOnly(args);
    for (let round = 0; plan && round < 2; round++) {
      this.logPlan(plan);
      await this.view.show(args, plan);
      if (!plan.ok) {
        void this.report(vscode.l10n.t('{0}: nothing was applied. {1}', name, plan.problems.join(' ')), 'error');
        return undefined;
      }
      if (!pendingCount(plan) || !plan.planId) {
        void this.report(plan.problems.length ? vscode.l10n.t('Nothing to apply of what could be planned. {0}', plan.problems.join(' ')) : vscode.l10n.t('Nothing to apply: the cloud matches the repository.'), plan.problems.length ? 'error' : 'info');
        return undefined;
      }
      const go = vscode.l10n.t('Apply');
      const detail = plan.problems.length ? vscode.l10n.t('Some resources could not be planned and are left out: {0}', plan.problems.join(' ')) : undefined;
      if ((await vscode.window.showWarningMessage(applyQuestion(plan), { modal: true, ...(detail ? { detail } : {}) }, go)) !== go) return undefined;
      const result = await this.run(args, plan.planId);
      if (!result) return undefined;
      if (result.stale) {
        // The files changed since the plan shown: nothing was written; show the new plan and ask again.
        void vscode.window.showWarningMessage(vscode.l10n.t('The files changed since the plan; nothing was applied. Here is the new plan.'));
        plan = result.plan;
        continue;
      }
      this.log.info(`${name}:\n${result.text.trimEnd()}`);
      const summary = applySummary(result);
      void this.report(summary.text, summary.ok ? 'info' : 'error');
      return result;
    }
    return undefined;
  }

  private run(args: SyncArgs, planId: string): Promise<ApplyResult | undefined> {
    return Promise.resolve(
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Applying'), cancellable: true }, (progress, token) => {
        let last = 0;
        return this.server.executeWithProgress<ApplyResult>(
          Command.apply,
          [{ ...args, planId }],
          (e) => {
            if (e.kind === 'end') return;
            const pct = typeof e.percentage === 'number' ? e.percentage : last;
            progress.report({ ...(e.message !== undefined ? { message: e.message } : {}), increment: Math.max(0, pct - last) });
            last = Math.max(last, pct);
          },
          token,
        );
      }),
    );
  }

  /** Import: what to read, where to write, then the files (import.ts). */
  async import(folder: vscode.Uri | undefined): Promise<void> {
    if (!this.allowed('import')) return;
    await importFromCloud(this.server, this.log, folder);
  }

  private logPlan(plan: PlanResult): void {
    for (const p of plan.problems) this.log.warn(`plan: ${p}`);
    for (const n of plan.notes) this.log.info(`plan: ${n}`);
  }

  protected async report(text: string, level: 'info' | 'error'): Promise<void> {
    const details = vscode.l10n.t('Show details');
    const pick = level === 'info' ? await vscode.window.showInformationMessage(text, details) : await vscode.window.showErrorMessage(text, details);
    if (pick === details) this.log.show(true);
  }
}
