/**
 * Labels the server's tables carry in English and Simplified Chinese (verbs,
 * credentials), shown in VS Code's display language.
 */
import * as vscode from 'vscode';
import { type Label, VERBS } from '../../server/src/protocol/shared';

export function localized(label: Label): string {
  return vscode.env.language.toLowerCase().startsWith('zh') ? label.zh : label.en;
}

/** The verb's title (`send`, `plan`, …: an id of the verbs table), as the palette shows it. */
export function actionLabel(action: string): string {
  const v = VERBS.find((x) => x.id === action);
  return v ? localized(v.label) : action;
}
