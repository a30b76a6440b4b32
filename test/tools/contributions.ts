/**
 * The `contributes.configuration` block of package.json and its localised
 * descriptions, generated from the one settings definition
 * (server/src/engine/config/settings.ts). A test keeps package.json and the
 * package.nls files equal to this; `npm run contributions` rewrites them.
 */
import { SETTING_DEFINITIONS, configFileSchema } from '../../server/src/engine/config/settings';

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
