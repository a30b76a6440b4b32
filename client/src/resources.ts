/**
 * Which resource a palette or context-menu command works on: the one under the
 * cursor in the active editor, else the only one, else the user picks. The list
 * comes from the language server (`alertcfg.listActions`).
 */
import * as vscode from 'vscode';
import { type ActionName, Command, type ResourceActions } from '../../server/src/protocol/index';
import type { Server } from './language-client';

export interface PickedResource {
  uri: string;
  resource: ResourceActions;
}

export async function resourcesOf(server: Server, uri: vscode.Uri): Promise<ResourceActions[]> {
  const r = await server.execute<ResourceActions[]>(Command.listActions, { uri: uri.toString() });
  return Array.isArray(r) ? r : [];
}

export async function pickResource(server: Server, action: ActionName | 'preview'): Promise<PickedResource | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open an alert-config file first.'));
    return undefined;
  }
  const all = await resourcesOf(server, editor.document.uri);
  const fit = action === 'preview' ? all : all.filter((r) => r.actions.includes(action));
  if (!fit.length) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No resource in this file offers this action.'));
    return undefined;
  }
  const offset = editor.document.offsetAt(editor.selection.active);
  const under = fit.find((r) => offset >= r.start && offset <= r.end);
  if (under || fit.length === 1) return { uri: editor.document.uri.toString(), resource: under ?? fit[0]! };
  const picked = await vscode.window.showQuickPick(
    fit.map((r) => ({ label: `${r.kind} ${r.name}`.trim(), description: vscode.l10n.t('document {0}', r.documentIndex + 1), r })),
    { placeHolder: vscode.l10n.t('Which resource?') },
  );
  return picked ? { uri: editor.document.uri.toString(), resource: picked.r } : undefined;
}

const CHANNEL_LABELS: Record<string, string> = { dingtalk: 'DingTalk', lark: 'Lark / Feishu', wecom: 'WeCom', webhook: 'Webhook' };

/** For a Contact with several channels: which one to send to. */
export async function pickChannel(resource: ResourceActions): Promise<string | undefined | null> {
  const channels = resource.channels ?? [];
  if (channels.length <= 1) return channels[0];
  const picked = await vscode.window.showQuickPick(
    channels.map((c) => ({ label: CHANNEL_LABELS[c] ?? c, c })),
    { placeHolder: vscode.l10n.t('Send the test message to which channel?') },
  );
  return picked ? picked.c : null;
}
