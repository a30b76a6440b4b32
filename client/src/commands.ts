/**
 * Every command of the extension in one table: its id and what it does. They ask
 * the language server for everything that needs the engine.
 */
import * as vscode from 'vscode';
import { type ActionName, Command, SHOW_RULE_COMMAND, type TemplateResult } from '../../server/src/protocol/index';
import { CREDENTIAL_TABLE, KIND_TABLE, VERBS } from '../../server/src/protocol/shared';
import type { ActionRunner } from './actions';
import { actionLabel, localized } from './labels';
import type { Server } from './language-client';
import { PLAN_SCHEME, type PlanView } from './plan-view';
import { PREVIEW_SCHEME, type PreviewProvider } from './preview';
import { pickChannel, pickResource } from './resources';
import { ruleAnchor, rulesDocCandidates } from './rules-doc';
import { SECRET_NAME, type SecretStore } from './secrets';
import type { SyncRunner } from './sync';
import { folderFrom, syncArgsFrom } from './sync-words';

export interface CommandDeps {
  /** The extension's folder (its shipped docs). */
  extensionUri: vscode.Uri;
  server: Server;
  runner: ActionRunner;
  preview: PreviewProvider;
  sync: SyncRunner;
  planView: PlanView;
  secrets: SecretStore;
  log: vscode.LogOutputChannel;
}

type Handler = (deps: CommandDeps, ...args: unknown[]) => unknown;

/** The palette commands of the resource verbs that send (the verbs table), by their VS Code command; Apply converges (GitOps sync). */
const ACTION_COMMANDS: Record<string, ActionName> = Object.fromEntries(VERBS.filter((v) => v.scope === 'resource' && v.id !== 'preview' && !('files' in v)).map((v) => [v.clientCommand, v.id as ActionName]));
const clientCommand = (id: string) => VERBS.find((v) => v.id === id)!.clientCommand;
const PREVIEW_COMMAND = clientCommand('preview');

async function runFromEditor(deps: CommandDeps, action: ActionName): Promise<unknown> {
  const picked = await pickResource(deps.server, action);
  if (!picked) return undefined;
  let channel: string | undefined;
  // A resource that sends per channel (a Contact's bots): which one.
  if (action === 'send' && picked.resource.channels?.length) {
    const c = await pickChannel(picked.resource);
    if (c === null) return undefined;
    channel = c;
  }
  return deps.runner.run(action, { uri: picked.uri, documentIndex: picked.resource.documentIndex, ...(channel ? { channel } : {}) });
}

export const COMMANDS: Record<string, Handler> = {
  ...Object.fromEntries(Object.entries(ACTION_COMMANDS).map(([id, action]) => [id, (deps: CommandDeps) => runFromEditor(deps, action)])),

  [PREVIEW_COMMAND]: async (deps) => {
    const picked = await pickResource(deps.server, 'preview');
    if (!picked) return undefined;
    let channel: string | undefined;
    if (picked.resource.channels?.length && picked.resource.actions.includes('send')) {
      const c = await pickChannel(picked.resource);
      if (c === null) return undefined;
      channel = c;
    }
    return deps.preview.show({ uri: picked.uri, documentIndex: picked.resource.documentIndex, ...(channel ? { channel } : {}) }, `${actionLabel('preview')} ${picked.resource.name || picked.resource.kind}`);
  },

  // GitOps sync: the palette works on the workspace, the explorer on what is selected, the editor on its file.
  [clientCommand('plan')]: (deps, ...args) => deps.sync.plan(syncArgsFrom(args)),
  [clientCommand('apply')]: (deps, ...args) => deps.sync.apply(syncArgsFrom(args)),
  [clientCommand('import')]: (deps, ...args) => deps.sync.import(folderFrom(args)),
  'alertcfg.refreshPlan': (deps, uri?: unknown) => {
    const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
    if (target?.scheme === PLAN_SCHEME) deps.planView.refresh(target);
  },

  'alertcfg.copyAsCurl': async (deps) => {
    const active = vscode.window.activeTextEditor?.document.uri;
    const curl = deps.preview.curlFor(active?.scheme === PREVIEW_SCHEME ? active : undefined);
    if (!curl) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open a preview first (Alert Config: Preview Request).'));
      return;
    }
    await vscode.env.clipboard.writeText(curl);
    void vscode.window.showInformationMessage(vscode.l10n.t('Copied as curl (secrets masked).'));
  },

  'alertcfg.newFile': async (deps) => {
    const picked = await vscode.window.showQuickPick(
      KIND_TABLE.map((k) => ({ label: k.kind, description: k.vendor, detail: k.title })),
      { placeHolder: vscode.l10n.t('Which kind of resource?') },
    );
    if (!picked) return undefined;
    const t = await deps.server.execute<TemplateResult>(Command.template, { kind: picked.label });
    if (!t) return undefined;
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: t.text });
    return vscode.window.showTextDocument(doc);
  },

  'alertcfg.setSecret': async (deps, preset?: unknown) => {
    const name = typeof preset === 'string' && SECRET_NAME.test(preset)
      ? preset
      : await vscode.window.showInputBox({
          prompt: vscode.l10n.t('Secret name, as written in ${secret:NAME}'),
          placeHolder: 'sre-dingtalk-secret',
          validateInput: (v) => (SECRET_NAME.test(v) ? undefined : vscode.l10n.t('Use letters, digits, ".", "-" and "_".')),
        });
    if (!name) return;
    const value = await vscode.window.showInputBox({ prompt: vscode.l10n.t('Value of {0} (stored in VS Code secret storage, never in files)', name), password: true, ignoreFocusOut: true });
    if (!value) return;
    await deps.secrets.set(name, value);
    void vscode.window.showInformationMessage(vscode.l10n.t('Secret {0} stored.', name));
  },

  'alertcfg.deleteSecret': async (deps) => {
    const names = deps.secrets.names();
    if (!names.length) return void vscode.window.showInformationMessage(vscode.l10n.t('No secrets are stored.'));
    const name = await vscode.window.showQuickPick(names, { placeHolder: vscode.l10n.t('Delete which secret?') });
    if (!name) return;
    await deps.secrets.delete(name);
    void vscode.window.showInformationMessage(vscode.l10n.t('Secret {0} deleted.', name));
  },

  'alertcfg.listSecrets': async (deps) => {
    const names = deps.secrets.names();
    if (!names.length) return void vscode.window.showInformationMessage(vscode.l10n.t('No secrets are stored.'));
    await vscode.window.showQuickPick(names.map((n) => ({ label: n, description: '${secret:' + n + '}' })), { placeHolder: vscode.l10n.t('Stored secrets (values are never shown)') });
  },

  // One entry per way to authenticate of each vendor (the credential table): Huawei AK/SK or an IAM token, ….
  'alertcfg.setCredentials': async (deps) => {
    const choices = CREDENTIAL_TABLE.flatMap((c) => c.forms.map((form) => ({ label: localized(form.label), provider: c.provider, form })));
    const picked = await vscode.window.showQuickPick(choices, { placeHolder: vscode.l10n.t('Which credentials?') });
    if (!picked) return;
    const value: Record<string, string> = {};
    for (const field of picked.form.fields) {
      const optional = 'optional' in field && field.optional === true;
      const v = await vscode.window.showInputBox({ prompt: localized(field.label), password: field.secret, ignoreFocusOut: true });
      if (v === undefined || (!v && !optional)) return;
      if (v) value[field.key] = v;
    }
    await deps.secrets.setCredentials(picked.provider, value);
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} stored in VS Code secret storage.', picked.label));
  },

  // A diagnostic's code link (`command:alertcfg.showRule?["<anchor>"]`): the rule's section of the
  // rules page the extension ships, in a markdown preview, in the display language when translated.
  [SHOW_RULE_COMMAND]: async (deps, anchor) => {
    const uri = (await shippedRulesPage(deps.extensionUri, vscode.env.language)).with({ fragment: ruleAnchor(anchor) ?? '' });
    await vscode.commands.executeCommand('markdown.showPreview', uri);
    return uri.toString();
  },

  'alertcfg.showOutput': (deps) => deps.log.show(),
  'alertcfg.restartServer': (deps) => deps.server.restart(),
};

/** The rules page the extension ships for the display language (through vscode.workspace.fs: on the desktop and the web alike). */
async function shippedRulesPage(extensionUri: vscode.Uri, language: string): Promise<vscode.Uri> {
  const candidates = rulesDocCandidates(language).map((rel) => vscode.Uri.joinPath(extensionUri, ...rel.split('/')));
  for (const uri of candidates) if (await vscode.workspace.fs.stat(uri).then(() => true, () => false)) return uri;
  return candidates[candidates.length - 1]!;
}

export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, handler]) => vscode.commands.registerCommand(id, (...args: unknown[]) => handler(deps, ...args)));
}

/** CodeLens and other server-named commands (`alertcfg.send`, ...) go through the same user interface. */
export function interceptServerCommand(deps: CommandDeps, command: string, args: unknown[]): Promise<unknown> | undefined {
  // A resource's plan state (plans its file again) and its Apply (converges that one resource).
  if (command === Command.plan) return deps.sync.plan(syncArgsFrom(args));
  if (command === Command.apply) return deps.sync.apply(syncArgsFrom(args));
  const a = (args[0] ?? {}) as { uri?: string; documentIndex?: number; channel?: string };
  if (typeof a.uri !== 'string' || typeof a.documentIndex !== 'number') return undefined;
  const ref = { uri: a.uri, documentIndex: a.documentIndex, ...(a.channel ? { channel: a.channel } : {}) };
  if (command === Command.preview) return deps.preview.show(ref, actionLabel('preview'));
  const action = VERBS.find((v) => v.command === command && v.scope === 'resource' && v.id !== 'preview')?.id as ActionName | undefined;
  return action ? deps.runner.run(action, ref) : undefined;
}
