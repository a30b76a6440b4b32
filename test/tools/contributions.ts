/**
 * The `contributes.configuration` block of package.json and its localised
 * descriptions, generated from the one settings definition
 * (server/src/engine/config/settings.ts), and the verbs' commands and menu entries
 * with their titles, from the verbs table (server/src/engine/verbs.ts). A test keeps package.json and the
 * package.nls files equal to this; `npm run contributions` rewrites them.
 */
import { SETTING_DEFINITIONS, configFileSchema } from '../../server/src/engine/config/settings';
import { VERBS, type Verb } from '../../server/src/engine/verbs';

/** `schemas/alertcfg-config.schema.json`, the schema of `.alertcfg.yaml` editors use. */
export function configSchemaText(): string {
  return `${JSON.stringify(configFileSchema(), null, 2)}\n`;
}

/**
 * The settings of the VS Code client alone (the language server and the CLI never
 * read them, and a repository's `.alertcfg.yaml` has no say in them): how much of
 * each message vscode-languageclient traces once the output channel's log level is
 * Trace, and whether saving a file plans its folder (GitOps sync reads the cloud
 * with the user's credentials: the user's choice, not the repository's).
 */
const TRACE_SETTING = {
  key: 'trace.server',
  schema: { type: 'string', enum: ['messages', 'verbose'], default: 'messages', scope: 'window' },
  description:
    'How much of each message between VS Code and the language server is traced in the **Alert Config** output channel once its log level is Trace (**Output: Set Log Level…**): `messages` (names and timings) or `verbose` (with parameters and results). Secrets and credentials are masked.',
  descriptionZh:
    '当 **Alert Config** 输出通道的日志级别为 Trace（**Output: Set Log Level…**）时，VS Code 与语言服务器之间每条消息的跟踪详细程度：`messages`（名称和耗时）或 `verbose`（含参数和结果）。机密和凭据会被遮盖。',
};

const PLAN_ON_SAVE_SETTING = {
  key: 'plan.onSave',
  schema: { type: 'boolean', default: false, scope: 'resource' },
  description:
    'Plan GitOps sync when an alert-config file is saved: its folder is planned against the cloud (with your credentials) and the CodeLens states and an open plan view follow. Off by default: otherwise the cloud is read only when you run **Alert Config: Plan Sync** or **Apply**. Never in an untrusted workspace.',
  descriptionZh:
    '保存告警配置文件时规划 GitOps 同步：用你的凭据将该文件所在文件夹与云端比对，CodeLens 状态和已打开的计划视图随之更新。默认关闭：否则只有运行 **Alert Config: 同步计划** 或 **应用** 时才读取云端。在不受信任的工作区中从不运行。',
};

const CLIENT_SETTINGS = [TRACE_SETTING, PLAN_ON_SAVE_SETTING];

export function configurationContribution(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const d of SETTING_DEFINITIONS) {
    properties[`alertcfg.${d.key}`] = { ...d.schema, markdownDescription: `%config.${d.key}%`, scope: 'resource' };
  }
  for (const d of CLIENT_SETTINGS) properties[`alertcfg.${d.key}`] = { ...d.schema, markdownDescription: `%config.${d.key}%` };
  return { title: '%category%', properties };
}

export function nlsEntries(locale: 'en' | 'zh-cn'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of [...SETTING_DEFINITIONS, ...CLIENT_SETTINGS]) out[`config.${d.key}`] = locale === 'en' ? d.description : d.descriptionZh;
  return out;
}

/** The VS Code command of a verb, without the `alertcfg.` prefix: its key in the package.nls files. */
function nlsKey(clientCommand: string): string {
  return `command.${clientCommand.replace(/^alertcfg\./, '')}`;
}

/**
 * A resource verb is offered in the editor's context menu where the active file has
 * a resource offering it (and, for a verb that sends, in a trusted workspace), and
 * so in the palette. A verb that also works on files and folders (GitOps sync:
 * `files`; it reads the cloud) is offered in the palette, where it works on the
 * workspace, and in the explorer's context menu, of a trusted workspace once the
 * client says it offers it, by listing it in the context key `alertcfg.workspaceVerbs`.
 */
function verbWhen(v: Verb, where: 'palette' | 'editor' | 'explorer' = 'palette'): string {
  const sync = `alertcfg.workspaceVerbs =~ /\\b${v.id}\\b/ && isWorkspaceTrusted`;
  if (where === 'explorer') return `${v.files?.explorer === 'folders' ? 'explorerResourceIsFolder' : '(explorerResourceIsFolder || resourceExtname =~ /^\\.(ya?ml|json|jsonc)$/)'} && ${sync}`;
  if (v.scope === 'workspace' || (v.files && where === 'palette')) return where === 'editor' ? `alertcfg.resourceFile && ${sync}` : sync;
  return v.effect === 'none' ? 'alertcfg.resourceFile' : `alertcfg.actions =~ /\\b${v.id}\\b/ && isWorkspaceTrusted`;
}

/** package.json's entries for the verbs table: `contributes.commands`, `menus.commandPalette`, `menus["editor/context"]`, `menus["explorer/context"]`. */
export function verbContributions(): {
  commands: Record<string, unknown>[];
  commandPalette: Record<string, unknown>[];
  editorContext: Record<string, unknown>[];
  explorerContext: Record<string, unknown>[];
} {
  const verbs: readonly Verb[] = VERBS;
  const inEditor = verbs.filter((v) => v.scope === 'resource' || v.files?.editor === true);
  // In the explorer, what only looks (Plan, Import) comes before what changes the cloud (Apply).
  const inExplorer = verbs.filter((v) => v.files !== undefined).sort((a, b) => Number(a.effect === 'change') - Number(b.effect === 'change'));
  return {
    commands: VERBS.map((v) => ({ command: v.clientCommand, title: `%${nlsKey(v.clientCommand)}%`, category: '%category%', ...('icon' in v ? { icon: v.icon } : {}) })),
    commandPalette: VERBS.map((v) => ({ command: v.clientCommand, when: verbWhen(v) })),
    editorContext: inEditor.map((v, i) => ({ command: v.clientCommand, when: verbWhen(v, 'editor'), group: `alertcfg@${i + 1}` })),
    explorerContext: inExplorer.map((v, i) => ({ command: v.clientCommand, when: verbWhen(v, 'explorer'), group: `alertcfg@${i + 1}` })),
  };
}

/** The verbs' titles in a package.nls file. */
export function verbNlsEntries(locale: 'en' | 'zh-cn'): Record<string, string> {
  return Object.fromEntries(VERBS.map((v) => [nlsKey(v.clientCommand), locale === 'en' ? v.label.en : v.label.zh]));
}

/** `list` with each entry of `wanted` in place of the entry for the same command (or appended after the last such entry). */
export function replaceByCommand(list: Record<string, unknown>[], wanted: Record<string, unknown>[]): Record<string, unknown>[] {
  const out = [...list];
  let last = -1;
  for (const w of wanted) {
    const i = out.findIndex((x) => x['command'] === w['command']);
    if (i >= 0) {
      out[i] = w;
      last = i;
    } else out.splice(++last, 0, w);
  }
  return out;
}
