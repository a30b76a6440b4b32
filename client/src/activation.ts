/**
 * The cheap check that decides whether a document is worth starting the language
 * server for: the extension activates on every YAML/JSON file, but the server
 * starts only when one of them looks like alert config (or the workspace has an
 * `.alertcfg.yaml`). The language server makes the real decision.
 */
import * as vscode from 'vscode';

const HINT = /alertcfg|\bkind\s*["']?\s*:\s*["']?(Contact|AlarmCallback|DingTalkTestConnection|KeyOperationNotification|EventReport)\b|schema\.json/;

export const LANGUAGES = ['yaml', 'json', 'jsonc'];

/** `schemes`: those of the documents the language server checks (the launcher's). */
export function looksLikeAlertConfig(doc: vscode.TextDocument, schemes: readonly string[] = ['file', 'untitled', 'vscode-remote']): boolean {
  if (!LANGUAGES.includes(doc.languageId) || !schemes.includes(doc.uri.scheme)) return false;
  if (/\.alertcfg\.ya?ml$/.test(doc.uri.path)) return true;
  // Only the start matters for the check: large files are not read whole.
  return HINT.test(doc.getText(new vscode.Range(0, 0, 400, 0)));
}

export async function workspaceHasConfig(): Promise<boolean> {
  const found = await vscode.workspace.findFiles('**/.alertcfg.{yaml,yml}', '**/node_modules/**', 1);
  return found.length > 0;
}
