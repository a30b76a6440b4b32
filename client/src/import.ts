/**
 * Import from the cloud: asks the kind, the region, the project (CTS), the
 * endpoint, a name glob and the folder, asks the server for the files, writes the
 * new ones through `vscode.workspace.fs` (never over an existing file), opens the
 * first, and names the secrets to store, with a button that stores each one.
 */
import * as vscode from 'vscode';
import { Command, type ImportArgs, type ImportResult } from '../../server/src/protocol/index';
import { KIND_TABLE } from '../../server/src/protocol/shared';
import type { Server } from './language-client';

const URL_SHAPE = /^https?:\/\/\S+$/;

/** The answers to the questions; undefined when the user dismissed one. */
async function ask(folder: vscode.Uri | undefined): Promise<ImportArgs | undefined> {
  const kinds = KIND_TABLE.filter((k) => k.sync);
  const picked = await vscode.window.showQuickPick(kinds.map((k) => ({ label: k.kind, description: k.vendor })), { placeHolder: vscode.l10n.t('Import which kind of resource?'), ignoreFocusOut: true });
  if (!picked) return undefined;
  const cts = picked.label === 'KeyOperationNotification';
  const region = await vscode.window.showInputBox({ prompt: vscode.l10n.t('Region (empty: defaults.region of .alertcfg.yaml)'), placeHolder: cts ? 'cn-north-4' : 'cn-beijing', ignoreFocusOut: true });
  if (region === undefined) return undefined;
  let projectId: string | undefined;
  if (cts) {
    projectId = await vscode.window.showInputBox({ prompt: vscode.l10n.t('Project ID (empty: defaults.projectId of .alertcfg.yaml)'), ignoreFocusOut: true });
    if (projectId === undefined) return undefined;
  }
  const endpoint = await vscode.window.showInputBox({
    prompt: vscode.l10n.t('Endpoint (empty: the public endpoint of the vendor)'),
    ignoreFocusOut: true,
    validateInput: (v) => (!v.trim() || URL_SHAPE.test(v.trim()) ? undefined : vscode.l10n.t('An http:// or https:// URL, or nothing.')),
  });
  if (endpoint === undefined) return undefined;
  const nameGlob = await vscode.window.showInputBox({ prompt: vscode.l10n.t('Import the resources whose name matches this glob (empty: all)'), placeHolder: 'team-a-*', ignoreFocusOut: true });
  if (nameGlob === undefined) return undefined;
  const target =
    folder ??
    (
      await vscode.window.showOpenDialog({
        canSelectFiles: false,
        canSelectFolders: true,
        canSelectMany: false,
        ...(vscode.workspace.workspaceFolders?.[0] ? { defaultUri: vscode.workspace.workspaceFolders[0].uri } : {}),
        openLabel: vscode.l10n.t('Import Here'),
      })
    )?.[0];
  if (!target) return undefined;
  const opt = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
  return {
    kind: picked.label,
    folder: target.toString(),
    ...(opt(region) ? { region: opt(region)! } : {}),
    ...(opt(projectId) ? { projectId: opt(projectId)! } : {}),
    ...(opt(endpoint) ? { endpoint: opt(endpoint)! } : {}),
    ...(opt(nameGlob) ? { nameGlob: opt(nameGlob)! } : {}),
  };
}

const exists = (uri: vscode.Uri) => Promise.resolve(vscode.workspace.fs.stat(uri)).then(() => true, () => false);

export async function importFromCloud(server: Server, log: vscode.LogOutputChannel, folder: vscode.Uri | undefined): Promise<void> {
  const args = await ask(folder);
  if (!args) return;
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Importing: reading the cloud…') }, () => server.execute<ImportResult>(Command.import, args));
  if (!result) return;
  if (!result.ok) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Import: nothing was written. {0}', result.problems.join(' ')));
    return;
  }
  const written: vscode.Uri[] = [];
  let kept = 0;
  const failed: string[] = [];
  const into = vscode.Uri.parse(args.folder);
  await Promise.resolve(vscode.workspace.fs.createDirectory(into)).then(undefined, () => undefined);
  for (const f of result.files) {
    const uri = vscode.Uri.parse(f.uri);
    // Never over an existing file: the server looked, and so do we, right before writing.
    if (f.exists || (await exists(uri))) {
      kept++;
      log.info(`import: kept ${uri.fsPath || f.uri}: it exists; not overwritten (${f.kind} "${f.name}").`);
      continue;
    }
    try {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(f.text));
      written.push(uri);
      log.info(`import: wrote ${uri.fsPath || f.uri} (${f.kind} "${f.name}").`);
    } catch (err) {
      failed.push(f.uri);
      log.error(`import: cannot write ${f.uri}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  for (const n of result.notes) log.info(`import: note: ${n}`);
  log.info(`import: ${result.summary}`);
  if (written[0]) await vscode.window.showTextDocument(written[0], { preview: false });
  const text = failed.length
    ? vscode.l10n.t('Imported {0} files, kept {1}, could not write {2} (see the output).', written.length, kept, failed.length)
    : vscode.l10n.t('Imported {0} files ({1} kept: a file of that name exists).', written.length, kept);
  const secrets = [...new Set(result.secrets.filter((s) => written.some((w) => w.toString() === vscode.Uri.parse(s.uri).toString())).map((s) => s.name))];
  if (!secrets.length) {
    void (failed.length ? vscode.window.showErrorMessage(text) : vscode.window.showInformationMessage(text));
    return;
  }
  const set = vscode.l10n.t('Set Secret');
  const pick = await vscode.window.showInformationMessage(`${text} ${vscode.l10n.t('Store these secrets before planning: {0}.', secrets.join(', '))}`, set);
  if (pick !== set) return;
  for (const name of secrets) await vscode.commands.executeCommand('alertcfg.setSecret', name);
}
