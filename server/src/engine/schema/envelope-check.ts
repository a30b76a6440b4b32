/**
 * Validates an envelope in parts, so that a kind needs no branch in one big schema:
 * the core (apiVersion, kind as a string, metadata, target and spec as objects,
 * action), then `kind` against the registry, `target` and `spec` against the kind's
 * validators, and `action` only where the kind takes one. Errors come out as Ajv
 * error objects with paths from the document's root, as one schema would give them.
 */
import type { ErrorObject } from 'ajv';
import { kindModule, kindNames } from '../kinds/index';
import { envelopeCore, kindValidators } from './registry';

export function envelopeErrors(value: unknown): ErrorObject[] | undefined {
  const errors: ErrorObject[] = [];
  if (!envelopeCore(value)) append(errors, envelopeCore.errors);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return errors;
  const doc = value as Record<string, unknown>;
  const kind = doc['kind'];
  if (typeof kind !== 'string') return errors.length ? errors : undefined;
  const module = kindModule(kind);
  if (!module) {
    errors.push(kindEnumError(kind));
    return errors;
  }
  const v = kindValidators(kind);
  if (v) {
    if (isObject(doc['target']) && !v.target(doc['target'])) append(errors, v.target.errors, '/target');
    if (isObject(doc['spec']) && !v.body(doc['spec'])) append(errors, v.body.errors, '/spec');
  }
  if (!module.envelopeAction && 'action' in doc) {
    errors.push({ instancePath: '/action', schemaPath: '#/action', keyword: 'false schema', params: {}, message: 'boolean schema is false', data: doc['action'] } as ErrorObject);
  }
  return errors.length ? errors : undefined;
}

function kindEnumError(kind: string): ErrorObject {
  return { instancePath: '/kind', schemaPath: '#/properties/kind/enum', keyword: 'enum', params: { allowedValues: kindNames() }, message: 'must be equal to one of the allowed values', data: kind } as ErrorObject;
}

/** Appends errors one by one (a document can have hundreds of thousands), their paths under `prefix`. */
function append(out: ErrorObject[], errors: readonly ErrorObject[] | null | undefined, prefix = ''): void {
  for (const e of errors ?? []) out.push(prefix ? { ...e, instancePath: prefix + e.instancePath } : e);
}

function isObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
