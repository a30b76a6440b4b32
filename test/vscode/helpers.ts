// Helpers of the in-host suite (test/vscode/*.vtest.ts): they run inside a VS Code extension
// host (code-server through the e2e harness, or the desktop VS Code of @vscode/test-electron)
// with the real `vscode` API and the installed Alert Config extension.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { BROKEN_CONTACT_YAML } from '../helpers/resources';

export const EXTENSION_ID = 'alertcfg.alertcfg';

/** What the extension's activate() returns (client/src/extension.ts, AlertConfigApi). */
export interface AlertConfigApi {
  serverState(): string;
  execute<R>(command: string, ...args: unknown[]): Promise<R | undefined>;
  storeSecret(name: string, value: string): Promise<void>;
  deleteSecret(name: string): Promise<void>;
  storeCredentials(provider: string, values: Record<string, string>): Promise<void>;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls until `predicate` returns a truthy value and returns it; fails with `what` after `timeoutMs`. */
export async function poll<T>(predicate: () => T | Promise<T>, what: string, timeoutMs = 20_000, intervalMs = 100): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await predicate();
      if (v) return v as NonNullable<T>;
      last = v;
    } catch (e) {
      last = e instanceof Error ? `error: ${e.message}` : e;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${typeof last === 'string' ? last : JSON.stringify(last)}`);
    await sleep(intervalMs);
  }
}

let api: AlertConfigApi | undefined;

/** Activates the extension (once) and waits for its language server to run. */
export async function alertcfg(): Promise<AlertConfigApi> {
  const ext = vscode.extensions.getExtension<AlertConfigApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
  api ??= await ext.activate();
  // Opening any alert-config file starts the server; execute() starts it too when it is stopped.
  if (api.serverState() !== 'running') await api.execute('alertcfg.listActions', { uri: 'file:///nothing.yaml' }).catch(() => undefined);
  await poll(() => api!.serverState() === 'running', 'the Alert Config language server to run', 30_000);
  return api;
}

export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return folder.uri;
}

/** Writes `text` to `rel` inside the workspace folder (replacing it) and opens it in an editor. */
export async function openFixture(rel: string, text: string): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.joinPath(workspaceFolder(), rel);
  // An already-open document would keep its old text: revert it to what is now on disk.
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  if (doc.getText() !== text) {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await poll(() => doc.getText() === text, `${rel} to show the text written to disk`, 10_000);
  }
  return doc;
}

export const lines = (...l: string[]) => `${l.join('\n')}\n`;

export const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' && d.code !== null ? d.code.value : d.code ?? '');

export const SEVERITY = ['error', 'warning', 'info', 'hint'] as const;

/** `line:col severity code message` (1-based, like the CLI) of each alertcfg diagnostic of `uri`. */
export function diagnosticLines(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'alertcfg')
    .sort((a, b) => a.range.start.compareTo(b.range.start))
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY[d.severity]} ${codeOf(d)} ${d.message}`);
}

/** Waits until the alertcfg diagnostics of `uri` satisfy `accept` and returns them as diagnosticLines. */
export function waitForDiagnostics(uri: vscode.Uri, accept: (lines: string[]) => boolean, what: string, timeoutMs = 20_000): Promise<string[]> {
  let last: string[] = [];
  return poll(() => {
    last = diagnosticLines(uri);
    return accept(last) ? last : undefined;
  }, what, timeoutMs).catch((e: Error) => {
    throw new Error(`${e.message}; diagnostics seen: ${JSON.stringify(last)}`);
  });
}

/** The markdown/plain text of hover contents. */
export function hoverText(hovers: vscode.Hover[] | undefined): string {
  const part = (c: vscode.MarkdownString | vscode.MarkedString): string => (typeof c === 'string' ? c : c.value);
  return (hovers ?? []).map((h) => h.contents.map(part).join('\n\n')).join('\n\n---\n\n');
}

/** The position just after the first occurrence of `find` (plus `delta` characters) in `doc`. */
export function positionOf(doc: vscode.TextDocument, find: string, delta = 0): vscode.Position {
  const i = doc.getText().indexOf(find);
  assert.ok(i >= 0, `"${find}" is in ${doc.uri.path}`);
  return doc.positionAt(i + delta);
}

/** Hover text at `find` (+delta); polls until it matches `match` (the server caches secret names for 2 s). */
export async function hoverAt(doc: vscode.TextDocument, find: string, delta: number, match: RegExp, timeoutMs = 10_000): Promise<string> {
  let last = '';
  return poll(async () => {
    last = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, find, delta)));
    return match.test(last) ? last : undefined;
  }, `a hover at "${find}" matching ${match} (last: ${JSON.stringify(last)})`, timeoutMs, 300);
}

/** The Contact every bot test sends from: DingTalk at `base` (a loopback stand-in), token and secret by reference. */
export function botContact(name: string, base: string, tokenRef: string, secretRef: string): string {
  return lines(
    '# A DingTalk bot contact used by the in-host suite; the bot is a loopback stand-in.',
    'apiVersion: alertcfg/v1',
    'kind: Contact',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    `  Name: ${name}`,
    '  DingTalkBotWebhook:',
    `    Address: ${base}/robot/send?access_token=\${secret:${tokenRef}}`,
    `    SecretKey: \${secret:${secretRef}}`,
  );
}

/** A Contact with one error (MissingParameter.Name) and two warnings (a near-miss key, plain http). */
export const BROKEN_CONTACT = BROKEN_CONTACT_YAML;

export const BROKEN_DIAGNOSTICS = [
  '5:1 error MissingParameter.Name Missing required property "Name" (Name of the alert contact): add it to "spec".',
  '6:3 warning unknown-property Unknown property "Emial". Did you mean "Email"?',
  '8:14 warning insecure-url Webhook.Address uses plain http, so Webhook.Token would travel unencrypted; alertcfg sends requests that carry a secret over https only. Use https://.',
];

/** The preview document the extension shows for `args` (see client/src/preview.ts, PreviewProvider.uriFor). */
export function previewUri(args: { uri: string; documentIndex: number; channel?: string; action?: string }, title = 'Preview Request'): vscode.Uri {
  return vscode.Uri.from({ scheme: 'alertcfg-preview', path: `/${title}.http`, query: JSON.stringify(args) });
}
