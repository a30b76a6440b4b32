/**
 * The verbs table: every action alertcfg offers, in one place: on a resource
 * (preview, send, push, clear, apply, replay) or on the workspace as a whole (plan,
 * import: GitOps sync). The protocol's command ids, the CLI's subcommands, the VS
 * Code commands with their palette and context-menu entries, and their titles in
 * English and Simplified Chinese are derived from it (or checked against it by a
 * test). Which kinds offer a resource verb is for each kind to say
 * (`KindActions.verbs`, kinds/actions/), not for this table.
 */

export interface Label {
  readonly en: string;
  readonly zh: string;
}

/**
 * What running a verb does beyond this machine: `none` (it only looks), `send` (a
 * request that changes no cloud resource: a test message, a replay), `change` (it
 * changes cloud resources).
 */
export type VerbEffect = 'none' | 'send' | 'change';

/** When the editor asks before running: never, the first time per host, or every time. */
export type VerbConfirm = 'never' | 'first-host' | 'always';

/**
 * What a verb works on: one resource (the CodeLens, the context menu, a kind's
 * planner), or the workspace's resources together (GitOps sync: `plan`, `import`).
 * `apply` is a resource verb (a kind plans its create, for `preview --action
 * apply`) that converges: the CLI's `apply PATH...` and the editor's Apply bring
 * the cloud in line with every resource under the paths, or with one resource.
 */
export type VerbScope = 'resource' | 'workspace';

export interface Verb {
  readonly id: string;
  readonly label: Label;
  /** The language server's command (`workspace/executeCommand`). */
  readonly command: string;
  /** The VS Code command of the palette and the context menu. */
  readonly clientCommand: string;
  /** The CLI subcommand. */
  readonly cli: string;
  readonly effect: VerbEffect;
  readonly confirm: VerbConfirm;
  readonly scope: VerbScope;
  /** A codicon for the editor's title bar, when the verb has a button there. */
  readonly icon?: string;
  /**
   * GitOps sync: the verb also works on files and folders (the palette runs it on
   * the workspace). The VS Code client offers it in the explorer's context menu
   * (`files`: folders and YAML/JSON files; `folders`: folders only) and, with
   * `editor`, in the editor's context menu for the active file.
   */
  readonly files?: { readonly explorer: 'files' | 'folders'; readonly editor: boolean };
}

export const VERBS = [
  {
    id: 'preview',
    label: { en: 'Preview Request', zh: '预览请求' },
    command: 'alertcfg.preview',
    clientCommand: 'alertcfg.previewRequest',
    cli: 'preview',
    effect: 'none',
    confirm: 'never',
    scope: 'resource',
    icon: '$(eye)',
  },
  {
    id: 'send',
    label: { en: 'Send Test Message', zh: '发送测试消息' },
    command: 'alertcfg.send',
    clientCommand: 'alertcfg.sendTestMessage',
    cli: 'send',
    effect: 'send',
    confirm: 'first-host',
    scope: 'resource',
    icon: '$(send)',
  },
  {
    id: 'push',
    label: { en: 'Push Events', zh: '推送事件' },
    command: 'alertcfg.push',
    clientCommand: 'alertcfg.pushEvents',
    cli: 'push',
    effect: 'change',
    confirm: 'first-host',
    scope: 'resource',
  },
  {
    id: 'clear',
    label: { en: 'Clear Events', zh: '清除事件' },
    command: 'alertcfg.clear',
    clientCommand: 'alertcfg.clearEvents',
    cli: 'clear',
    effect: 'change',
    confirm: 'always',
    scope: 'resource',
  },
  {
    id: 'apply',
    label: { en: 'Apply', zh: '应用' },
    command: 'alertcfg.apply',
    clientCommand: 'alertcfg.applyResource',
    cli: 'apply',
    effect: 'change',
    confirm: 'always',
    scope: 'resource',
    files: { explorer: 'files', editor: false },
  },
  {
    id: 'replay',
    label: { en: 'Replay Callback', zh: '重放回调' },
    command: 'alertcfg.replay',
    clientCommand: 'alertcfg.replayCallback',
    cli: 'replay',
    effect: 'send',
    confirm: 'first-host',
    scope: 'resource',
  },
  {
    id: 'plan',
    label: { en: 'Plan Sync', zh: '同步计划' },
    command: 'alertcfg.plan',
    clientCommand: 'alertcfg.planSync',
    cli: 'plan',
    effect: 'none',
    confirm: 'never',
    scope: 'workspace',
    files: { explorer: 'files', editor: true },
  },
  {
    id: 'import',
    label: { en: 'Import from Cloud', zh: '从云端导入' },
    command: 'alertcfg.import',
    clientCommand: 'alertcfg.importFromCloud',
    cli: 'import',
    effect: 'none',
    confirm: 'never',
    scope: 'workspace',
    files: { explorer: 'folders', editor: false },
  },
] as const satisfies readonly Verb[];

/** A verb's id: `preview`, `send`, … */
export type VerbId = (typeof VERBS)[number]['id'];

/** The verbs of one resource that send requests (all but preview): what a kind offers on a resource. */
export type ActionName = Exclude<Extract<(typeof VERBS)[number], { scope: 'resource' }>['id'], 'preview'>;

/** The verbs of the workspace (GitOps sync). */
export type WorkspaceVerbId = Extract<(typeof VERBS)[number], { scope: 'workspace' }>['id'];

const BY_ID = new Map<string, Verb>(VERBS.map((v) => [v.id, v]));

export function verb(id: string): Verb | undefined {
  return BY_ID.get(id);
}

/** True for the resource verbs that send requests (every resource verb but preview). */
export function isActionName(id: unknown): id is ActionName {
  return typeof id === 'string' && id !== 'preview' && BY_ID.get(id)?.scope === 'resource';
}

/** The action names, in table order. */
export const ACTION_NAMES: readonly ActionName[] = VERBS.filter((v) => v.scope === 'resource' && v.id !== 'preview').map((v) => v.id as ActionName);
