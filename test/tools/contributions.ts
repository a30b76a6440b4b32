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

export function configurationContribution(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const d of SETTING_DEFINITIONS) {
    properties[`alertcfg.${d.key}`] = { ...d.schema, markdownDescription: `%config.${d.key}%`, scope: 'resource' };
  }
  return { title: '%category%', properties };
}

export function nlsEntries(locale: 'en' | 'zh-cn'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of SETTING_DEFINITIONS) out[`config.${d.key}`] = locale === 'en' ? d.description : d.descriptionZh;
  return out;
}
