/**
 * Reads `.alertcfg.yaml`: its settings, and findings for whatever in it is wrong,
 * with the same ranges and wording as any other document.
 */
import { type Finding, compareFindings } from '../model/finding';
import { parseSource } from '../parse/source';
import { toValue } from '../parse/value';
import { mapSchemaErrors } from '../schema/errors';
import { config as validate } from './config-validator.generated';
import type { Settings } from './settings';

export const CONFIG_FILE_NAMES = ['.alertcfg.yaml', '.alertcfg.yml'];

export function parseConfigFile(text: string): { settings: Partial<Settings>; findings: Finding[] } {
  const docs = parseSource(text, 'yaml');
  const doc = docs.find((d) => d.root) ?? docs[0];
  const findings: Finding[] = docs.flatMap((d) => d.syntax.map((f) => ({ ...f, start: f.start + d.base, end: f.end + d.base })));
  if (!doc?.root || doc.broken) return { settings: {}, findings };
  const value = toValue(doc.root);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    findings.push({ code: 'invalid-type', severity: 'error', message: '.alertcfg.yaml must be a mapping of settings.', start: doc.base + doc.root.start, end: doc.base + doc.root.end });
    return { settings: {}, findings };
  }
  // Compiled at build time from schemas/alertcfg-config.schema.json (the same schema as configFileSchema()).
  if (!validate(value)) {
    for (const f of mapSchemaErrors(validate.errors ?? [], { root: doc.root, kind: undefined, bodyPath: [] })) findings.push({ ...f, start: f.start + doc.base, end: f.end + doc.base });
    // Keep the settings that are right; drop the keys with errors.
    const bad = new Set(findings.map((f) => f.data?.path?.[0]).filter((k): k is string => typeof k === 'string'));
    for (const k of bad) delete (value as Record<string, unknown>)[k];
  }
  // Ajv reports in schema order; the file's findings read top to bottom like any other file's.
  return { settings: value as Partial<Settings>, findings: findings.sort(compareFindings) };
}
