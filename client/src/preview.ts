/**
 * Preview: a read-only virtual document showing the request(s) an action would
 * send exactly as the server would send them, secrets masked, refreshed as the
 * source file changes, with "Copy as curl".
 */
import * as vscode from 'vscode';
import { type ActionArgs, Command, type PreviewResult } from '../../server/src/protocol/index';
import type { Server } from './language-client';

export const PREVIEW_SCHEME = 'alertcfg-preview';

export class PreviewProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly open = new Map<string, vscode.Uri>();
  private readonly last = new Map<string, PreviewResult>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly server: Server) {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((e) => this.sourceChanged(e.document.uri.toString())),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.uri.scheme === PREVIEW_SCHEME) {
          this.open.delete(d.uri.toString());
          this.last.delete(d.uri.toString());
        }
      }),
    ];
  }

  static uriFor(args: ActionArgs, title: string): vscode.Uri {
    return vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${title.replace(/[\\/]/g, '-')}.http`, query: JSON.stringify(args) });
  }

  async show(args: ActionArgs, title: string): Promise<vscode.TextDocument> {
    const uri = PreviewProvider.uriFor(args, title);
    this.open.set(uri.toString(), uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
    return doc;
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const args = parseArgs(uri);
    if (!args) return vscode.l10n.t('# Nothing to preview.');
    this.open.set(uri.toString(), uri);
    const p = await this.server.execute<PreviewResult>(Command.preview, args);
    if (!p) return vscode.l10n.t('# The language server is not running.');
    this.last.set(uri.toString(), p);
    return render(p);
  }

  /** The curl commands of a preview document (or of the latest preview shown). */
  curlFor(uri: vscode.Uri | undefined): string | undefined {
    const p = (uri && this.last.get(uri.toString())) ?? [...this.last.values()].pop();
    return p?.requests.length ? p.requests.map((r) => r.curl).join('\n\n') : undefined;
  }

  private sourceChanged(source: string): void {
    const affected = [...this.open.values()].filter((u) => parseArgs(u)?.uri === source);
    if (!affected.length) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => affected.forEach((u) => this.changed.fire(u)), 300);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}

function parseArgs(uri: vscode.Uri): ActionArgs | undefined {
  try {
    const a = JSON.parse(uri.query) as ActionArgs;
    return typeof a.uri === 'string' ? a : undefined;
  } catch {
    return undefined;
  }
}

export function render(p: PreviewResult): string {
  const out: string[] = [vscode.l10n.t('# Preview of {0}: the exact request(s), secrets masked', p.action), ''];
  for (const problem of p.problems) out.push(vscode.l10n.t('# Problem: {0}', problem));
  for (const note of p.notes) out.push(vscode.l10n.t('# Note: {0}', note));
  if (p.problems.length || p.notes.length) out.push('');
  for (const r of p.requests) {
    out.push(`### ${r.label}`, `${r.method} ${r.url}`);
    for (const [k, v] of Object.entries(r.headers)) out.push(`${k}: ${v}`);
    if (r.body !== undefined) out.push('', pretty(r.body));
    out.push('', vscode.l10n.t('# As curl:'), `# ${r.curl}`, '');
  }
  return `${out.join('\n')}\n`;
}

function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
