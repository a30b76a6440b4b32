/**
 * The plan view: a read-only virtual document (`alertcfg-plan:`) showing a GitOps
 * plan as the Markdown the server writes (`alertcfg plan --format markdown`),
 * beside the editor. It shows the plan a command just made; Refresh (its title
 * bar button) plans again, and so does opening it anew: the cloud is read only
 * when the user asks.
 */
import * as vscode from 'vscode';
import type { PlanResult, SyncArgs } from '../../server/src/protocol/index';

export const PLAN_SCHEME = 'alertcfg-plan';

export class PlanView implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  /** The plan each open view shows, by the view's URI. */
  private readonly shown = new Map<string, { result: PlanResult; at: Date }>();
  private readonly subscriptions: vscode.Disposable[];

  /** `plan` asks the server for a plan of the args (undefined when there is no answer). */
  constructor(private readonly plan: (args: SyncArgs) => Promise<PlanResult | undefined>) {
    this.subscriptions = [
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.uri.scheme === PLAN_SCHEME) this.shown.delete(d.uri.toString());
      }),
    ];
  }

  /** The view of a plan of these args: one per args. */
  static uriFor(args: SyncArgs): vscode.Uri {
    const first = args.uris?.[0];
    const what = first ? decodeURIComponent(first.replace(/\/+$/, '').split('/').pop() ?? '') : vscode.l10n.t('workspace');
    const name = `${vscode.l10n.t('Plan')} ${what}${args.uris && args.uris.length > 1 ? ' …' : ''}${args.prune ? ' (prune)' : ''}`.replace(/[\\/]/g, '-');
    return vscode.Uri.from({ scheme: PLAN_SCHEME, path: `/${name}.md`, query: JSON.stringify(args) });
  }

  /** Shows a plan just made, beside the editor (focus stays where it was). */
  async show(args: SyncArgs, result: PlanResult): Promise<vscode.TextDocument> {
    const uri = PlanView.uriFor(args);
    this.shown.set(uri.toString(), { result, at: new Date() });
    this.changed.fire(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
    return doc;
  }

  /** A plan made without the view being asked for (on save): shown only where a view of the same args is open. */
  updateIfOpen(args: SyncArgs, result: PlanResult): void {
    const uri = PlanView.uriFor(args);
    if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) return;
    this.shown.set(uri.toString(), { result, at: new Date() });
    this.changed.fire(uri);
  }

  /** Refresh: forgets the plan shown, so that the view plans again. */
  refresh(uri: vscode.Uri): void {
    this.shown.delete(uri.toString());
    this.changed.fire(uri);
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    let known = this.shown.get(uri.toString());
    if (!known) {
      const result = await this.plan(argsOf(uri));
      if (!result) return vscode.l10n.t('The language server is not running.');
      known = { result, at: new Date() };
      this.shown.set(uri.toString(), known);
    }
    return render(known.result, known.at);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}

function argsOf(uri: vscode.Uri): SyncArgs {
  try {
    const a = JSON.parse(uri.query) as SyncArgs;
    return typeof a === 'object' && a !== null ? a : {};
  } catch {
    return {};
  }
}

/** The view's text: the server's Markdown (or why there is no plan), and when it was made. */
export function render(result: PlanResult, at: Date): string {
  const body = result.ok ? result.markdown.trimEnd() : [`### ${vscode.l10n.t('No plan')}`, '', ...result.problems.map((p) => `- ${p}`)].join('\n');
  return `${body}\n\n---\n_${vscode.l10n.t('Planned at {0}. Refresh (the title bar button) reads the cloud again.', at.toLocaleTimeString())}_\n`;
}
