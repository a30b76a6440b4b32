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
 * The one setting of the VS Code client alone (the language server and the CLI never
 * read it): how much of each message vscode-languageclient traces once the output
 * channel's log level is Trace.
 */
const TRACE_SETTING = {
  key: 'trace.server',
  schema: { type: 'string', enum: ['messages', 'verbose'], default: 'messages', scope: 'window' },
  description:
    'How much of each message between VS Code and the language server is traced in the **Alert Config** output channel once its log level is Trace (**Output: Set Log Level…**): `messages` (names and timings) or `verbose` (with parameters and results). Secrets and credentials are masked.',
  descriptionZh:
    '当 **Alert Config** 输出通道的日志级别为 Trace（**Output: Set Log Level…**）时，VS Code 与语言服务器之间每条消息的跟踪详细程度：`messages`（名称和耗时）或 `verbose`（含参数和结果）。机密和凭据会被遮盖。',
};

export function configurationContribution(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const d of SETTING_DEFINITIONS) {
    properties[`alertcfg.${d.key}`] = { ...d.schema, markdownDescription: `%config.${d.key}%`, scope: 'resource' };
  }
  properties[`alertcfg.${TRACE_SETTING.key}`] = { ...TRACE_SETTING.schema, markdownDescription: `%config.${TRACE_SETTING.key}%` };
  return { title: '%category%', properties };
}

export function nlsEntries(locale: 'en' | 'zh-cn'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of [...SETTING_DEFINITIONS, TRACE_SETTING]) out[`config.${d.key}`] = locale === 'en' ? d.description : d.descriptionZh;
  return out;
}

/** The VS Code command of a verb, without the `alertcfg.` prefix: its key in the package.nls files. */
function nlsKey(clientCommand: string): string {
  return `command.${clientCommand.replace(/^alertcfg\./, '')}`;
}

/**
 * A resource verb is offered in the palette and the context menu where the active
 * file has a resource offering it (and, for a verb that sends, in a trusted
 * workspace). A workspace verb (GitOps sync reads the cloud) is offered in the
 * palette of a trusted workspace once the client says it offers it, by listing it
 * in the context key `alertcfg.workspaceVerbs`.
 */
function verbWhen(v: Verb): string {
  if (v.scope === 'workspace') return `alertcfg.workspaceVerbs =~ /\\b${v.id}\\b/ && isWorkspaceTrusted`;
  return v.effect === 'none' ? 'alertcfg.resourceFile' : `alertcfg.actions =~ /\\b${v.id}\\b/ && isWorkspaceTrusted`;
}

/** package.json's entries for the verbs table: `contributes.commands`, `menus.commandPalette`, `menus["editor/context"]`. */
export function verbContributions(): { commands: Record<string, unknown>[]; commandPalette: Record<string, unknown>[]; editorContext: Record<string, unknown>[] } {
  return {
    commands: VERBS.map((v) => ({ command: v.clientCommand, title: `%${nlsKey(v.clientCommand)}%`, category: '%category%', ...('icon' in v ? { icon: v.icon } : {}) })),
    commandPalette: VERBS.map((v) => ({ command: v.clientCommand, when: verbWhen(v) })),
    editorContext: VERBS.filter((v) => v.scope === 'resource').map((v, i) => ({ command: v.clientCommand, when: verbWhen(v), group: `alertcfg@${i + 1}` })),
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
