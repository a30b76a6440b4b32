/**
 * The per-kind parts of schemas/alertcfg.schema.json, derived from the kinds
 * registry: the `kind` enum with its descriptions, one `allOf` branch per kind
 * (target and spec by reference, `action` only where the kind takes one) and the
 * kinds' targets under `definitions`. The rest of the file (apiVersion, metadata,
 * descriptions, examples) is written by hand. `npm run schemas` writes the file;
 * test/unit/envelope-schema.test.ts keeps it equal.
 */
import { kindModules } from '../../server/src/engine/kinds/index';
import { kindActions } from '../../server/src/engine/kinds/actions/index';

type Schema = Record<string, unknown>;

/** `contact.schema.json` → `contactTarget` (the definition name of the kind's target). */
function targetName(kind: string): string {
  return `${kind.charAt(0).toLowerCase()}${kind.slice(1)}Target`;
}

export function envelopeFromRegistry(current: Schema): Schema {
  const modules = kindModules();
  const properties = current['properties'] as Record<string, Schema>;
  const kind: Schema = { ...properties['kind'], enum: modules.map((m) => m.kind), enumDescriptions: modules.map((m) => m.summary.en), 'x-enum-descriptions-zh-cn': modules.map((m) => m.summary.zh) };
  const allOf = modules.map((m) => ({
    if: { properties: { kind: { const: m.kind } }, required: ['kind'] },
    then: { properties: { target: { $ref: `#/definitions/${targetName(m.kind)}` }, spec: { $ref: m.schemaFile }, ...(m.envelopeAction ? {} : { action: false }) } },
  }));
  const definitions = Object.fromEntries(modules.map((m) => [targetName(m.kind), m.target]));
  const out: Schema = {};
  // Keep the file's key order: the derived parts replace their own keys in place.
  for (const [k, v] of Object.entries(current)) {
    if (k === 'properties') out[k] = { ...properties, kind };
    else if (k === 'allOf') out[k] = allOf;
    else if (k === 'definitions') out[k] = definitions;
    else out[k] = v;
  }
  return out;
}

/** The text of server/src/engine/kinds/table.generated.ts: the built-in kinds' names, titles and vendors. */
export function kindTableSource(): string {
  const rows = kindModules().map((m) => `  { kind: ${JSON.stringify(m.kind)}, title: ${JSON.stringify(m.title)}, vendor: ${JSON.stringify(m.vendor)}, sync: ${kindActions(m.kind)?.sync ? 'true' : 'false'} },`);
  return [
    '// Generated from the kinds registry (server/src/engine/kinds/) by `npm run schemas`;',
    '// test/unit/envelope-schema.test.ts keeps it equal. Do not edit.',
    '',
    "/** The built-in kinds, for adapters that must not load the engine (the VS Code client, the settings table). */",
    'export const KIND_TABLE = [',
    ...rows,
    '] as const;',
    '',
  ].join('\n');
}
