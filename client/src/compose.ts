/**
 * The Alert Config extension, whatever hosts it: starts the language server when
 * an alert-config file is open (or the workspace has `.alertcfg.yaml`), and adds
 * the commands, CodeLens handling, preview, secrets, status bar and output channel
 * around it. It holds no engine logic: everything that needs the engine asks the
 * server. The desktop entry (extension.ts) and the VS Code for the Web entry
 * (browser-extension.ts) differ only in their host: how the server starts and
 * what the actions that send requests do.
 */
import * as vscode from 'vscode';
import { Command, type PlanResult, type ResourceActions } from '../../server/src/protocol/index';
import { looksLikeAlertConfig, workspaceHasConfig } from './activation';
import type { ActionRunner } from './actions';
import { type CommandDeps, interceptServerCommand, registerCommands } from './commands';
import { Server, type ServerLauncher } from './language-client';
import { PLAN_SCHEME, PlanView } from './plan-view';
import { PREVIEW_SCHEME, PreviewProvider } from './preview';
import { SECRET_NAME, SecretStore } from './secrets';
import { StatusItem } from './status';
import type { SyncRunner } from './sync';
import { TraceMasker } from './trace-mask';

export interface AlertConfigApi {
  /** The language server's state: stopped, starting, running or failed. */
  serverState(): string;
  /** Runs a server command (for tests and other extensions). */
  execute<R>(command: string, ...args: unknown[]): Promise<R | undefined>;
  /** Stores a `${secret:NAME}` value in SecretStorage, as "Alert Config: Set Secret" does (for tests and other extensions). */
  storeSecret(name: string, value: string): Promise<void>;
  /** Deletes a stored secret, as "Alert Config: Delete Secret" does. */
  deleteSecret(name: string): Promise<void>;
  /** Stores a vendor's credentials (a form of the credential table, by field key), as "Alert Config: Set Credentials" does. */
  storeCredentials(provider: string, values: Record<string, string>): Promise<void>;
}

/** What differs between the desktop and the browser. */
export interface ExtensionHost {
  /** How the language server starts. */
  launcher: ServerLauncher;
  /** What runs an action (send, push, clear, apply, replay) from the editor. */
  runner(server: Server, log: vscode.LogOutputChannel, state: vscode.Memento): ActionRunner;
  /** What runs GitOps sync (Plan, Apply, Import). */
  sync(server: Server, log: vscode.LogOutputChannel, view: PlanView): SyncRunner;
}

/** The workspace verbs the palette offers (`alertcfg.workspaceVerbs`). */
const WORKSPACE_VERBS = 'plan apply import';

export async function activateExtension(context: vscode.ExtensionContext, host: ExtensionHost): Promise<AlertConfigApi> {
  const log = vscode.window.createOutputChannel(vscode.l10n.t('Alert Config'), { log: true });
  // Every secret handed to the server is masked in the language client's trace.
  const masker = new TraceMasker();
  const secrets = new SecretStore(context, masker);
  let deps: CommandDeps | undefined;
  const server = new Server(
    secrets,
    log,
    masker,
    { executeCommand: (command, args, next) => (deps && interceptServerCommand(deps, command, args)) ?? next(command, args) },
    host.launcher,
  );
  const preview = new PreviewProvider(server);
  let sync: SyncRunner | undefined;
  const planView = new PlanView((args) => (sync ? sync.planOnly(args) : Promise.resolve<PlanResult | undefined>(undefined)));
  sync = host.sync(server, log, planView);
  const commandDeps: CommandDeps = { extensionUri: context.extensionUri, server, runner: host.runner(server, log, context.globalState), preview, sync, planView, secrets, log };
  deps = commandDeps;
  context.subscriptions.push(
    log,
    server,
    preview,
    planView,
    new StatusItem(server),
    vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, preview),
    vscode.workspace.registerTextDocumentContentProvider(PLAN_SCHEME, planView),
    ...registerCommands(commandDeps),
  );
  void vscode.commands.executeCommand('setContext', 'alertcfg.workspaceVerbs', WORKSPACE_VERBS);

  const ours = (doc: vscode.TextDocument) => looksLikeAlertConfig(doc, host.launcher.schemes);
  const startIfNeeded = (doc: vscode.TextDocument | undefined) => {
    if (doc && server.state === 'stopped' && ours(doc)) void server.start();
  };
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(startIfNeeded),
    vscode.window.onDidChangeActiveTextEditor((e) => void updateContext(server, e)),
    server.onDidChangeState((s) => {
      if (s === 'running') void updateContext(server, vscode.window.activeTextEditor);
    }),
    vscode.workspace.onDidSaveTextDocument((d) => {
      if (d === vscode.window.activeTextEditor?.document) void updateContext(server, vscode.window.activeTextEditor);
      // alertcfg.plan.onSave: saving an alert-config file plans its folder (CodeLens and an open plan view follow).
      if (ours(d) && vscode.workspace.getConfiguration('alertcfg', d.uri).get<boolean>('plan.onSave') === true) void commandDeps.sync.planQuietly({ uris: [vscode.Uri.joinPath(d.uri, '..').toString()] });
    }),
  );
  if (vscode.workspace.textDocuments.some(ours) || (await workspaceHasConfig())) void server.start();

  return {
    serverState: () => server.state,
    execute: (command, ...args) => server.execute(command, ...args),
    storeSecret: async (name, value) => {
      if (!SECRET_NAME.test(name) || !value) throw new Error(`invalid secret name or empty value: ${name}`);
      await secrets.set(name, value);
    },
    deleteSecret: (name) => secrets.delete(name),
    storeCredentials: (provider, values) => secrets.setCredentials(provider, values),
  };
}

let contextRun = 0;

/** Context keys for `when` clauses: whether the active file holds resources, and which actions they offer. */
async function updateContext(server: Server, editor: vscode.TextEditor | undefined): Promise<void> {
  const run = ++contextRun;
  let actions: string[] = [];
  if (editor && server.running && editor.document.uri.scheme !== PREVIEW_SCHEME) {
    const list = (await server.execute<ResourceActions[]>(Command.listActions, { uri: editor.document.uri.toString() }).catch(() => [])) ?? [];
    actions = [...new Set(list.flatMap((r) => r.actions))];
    if (list.length) actions.push('preview');
  }
  if (run !== contextRun) return; // a later editor change has already taken over
  await vscode.commands.executeCommand('setContext', 'alertcfg.resourceFile', actions.length > 0);
  await vscode.commands.executeCommand('setContext', 'alertcfg.actions', actions.join(' '));
}
