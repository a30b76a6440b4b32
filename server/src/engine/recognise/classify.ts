/**
 * Decides, per document, whether it is ours and how: an envelope (`apiVersion:
 * alertcfg/v1`, or a known `kind` with no other apiVersion), or a raw vendor body
 * associated with a kind by its `$schema` key, a modeline or a configured glob.
 * Anything else is not ours and gets no findings at all.
 */
import { API_VERSION, type Kind, isKind, kindForSchemaRef } from '../model/kinds';
import type { ParsedDocument } from '../parse/document';
import { type JsonPath, entryOf, isString } from '../parse/tree';

export interface Resource {
  form: 'envelope' | 'raw';
  /** Undefined for an envelope whose kind is missing or unknown (the schema reports it). */
  kind: Kind | undefined;
  /** Where the vendor body is: `['spec']` for an envelope, `[]` for a raw body. */
  bodyPath: JsonPath;
  /** How a raw body was associated. */
  via?: 'schema' | 'modeline' | 'glob';
}

export function classify(doc: ParsedDocument, globKind?: Kind): Resource | undefined {
  const root = doc.root;
  if (root?.type !== 'map') return undefined;
  const apiVersion = entryOf(root, 'apiVersion')?.value;
  const kindNode = entryOf(root, 'kind')?.value;
  const kindValue = isString(kindNode) ? kindNode.value : undefined;
  if (isString(apiVersion) && (apiVersion.value === API_VERSION || apiVersion.value.startsWith('alertcfg/'))) {
    return { form: 'envelope', kind: isKind(kindValue) ? kindValue : undefined, bodyPath: ['spec'] };
  }
  if (!apiVersion && isKind(kindValue)) return { form: 'envelope', kind: kindValue, bodyPath: ['spec'] };
  if (apiVersion) return undefined; // another tool's resource (Kubernetes, ...)

  const schemaRef = entryOf(root, '$schema')?.value;
  if (isString(schemaRef)) {
    const kind = kindForSchemaRef(schemaRef.value);
    if (kind) return { form: 'raw', kind, bodyPath: [], via: 'schema' };
  }
  const modeline = doc.modelineKind ?? (doc.modelineSchema ? kindForSchemaRef(doc.modelineSchema) : undefined);
  if (isKind(modeline)) return { form: 'raw', kind: modeline, bodyPath: [], via: 'modeline' };
  if (globKind) return { form: 'raw', kind: globKind, bodyPath: [], via: 'glob' };
  return undefined;
}
