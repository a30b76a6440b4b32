/**
 * Adds a missing required property with a placeholder: the doc's example when the
 * schema has one, else an empty value of the right type (required keys of an
 * object filled in the same way).
 */
import type { Finding } from '../model/finding';
import { type Schema, type SchemaRoot, allowedValues, propertiesOf, schemaAt, typesOf } from '../schema/lookup';
import { dataPath, documentOf, insertProperty, schemaRootOfDoc } from './edit';
import { type Fix, type FixContext, say } from './types';

export const MISSING_CODES = ['missing-property', 'expected-property', 'starts-at-required', 'clear-requires-id', 'clear-without-ends-at', 'operations-required', 'timeout-missing'];

export function addMissingProperty(finding: Finding, ctx: FixContext): Fix[] {
  const path = dataPath(finding);
  const at = documentOf(ctx, finding);
  // A blank value is there to fill in, not to add again.
  if (!path || !at || finding.data?.['blank'] === true) return [];
  const property = typeof finding.data?.['property'] === 'string' ? (finding.data['property'] as string) : path[path.length - 1];
  if (typeof property !== 'string') return [];
  const objectPath = path[path.length - 1] === property ? path.slice(0, -1) : path;
  const root = schemaRootOfDoc(ctx, at);
  const sAt = root ? schemaAt(root, [...objectPath, property]) : undefined;
  // A finding may name the value to write (AOM's default timeout); else the schema's example or a placeholder.
  const given = finding.data && 'value' in finding.data ? finding.data['value'] : undefined;
  const value = given !== undefined ? given : sAt && root ? placeholder(sAt.schema, sAt.file, root, 0) : 'example' in (finding.data ?? {}) && finding.data?.['example'] !== undefined ? finding.data['example'] : '';
  const edit = insertProperty(ctx, at, objectPath, property, value);
  if (!edit) return [];
  return [{ title: say(ctx, `Add the missing property "${property}"`, `添加缺少的属性 "${property}"`), edits: [edit], preferred: true }];
}

export function placeholder(s: Schema, file: Schema, root: SchemaRoot, depth: number): unknown {
  const ex = s['examples'];
  if (Array.isArray(ex) && ex.length) return ex[0];
  const values = allowedValues(s);
  if (values.length) return values[0];
  if ('default' in s) return s['default'];
  const t = typesOf(s)[0];
  if (t === 'object' || (!t && s['properties'])) {
    const out: Record<string, unknown> = {};
    if (depth < 4) for (const p of propertiesOf({ schema: s, required: false, file }, root.kind)) if (p.required) out[p.name] = placeholder(p.schema, p.file, root, depth + 1);
    return out;
  }
  if (t === 'array') return [];
  if (t === 'integer' || t === 'number') return 0;
  if (t === 'boolean') return false;
  return '';
}
