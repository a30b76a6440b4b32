/**
 * Decides, per document, whether it is ours and how: an envelope (`apiVersion:
 * alertcfg/v1`, or a known `kind` with no other apiVersion), or a raw vendor body
 * associated with a kind by its `$schema` key, a modeline or a configured glob.
 * Anything else is not ours and gets no findings at all.
 */
import { isKind, kindForSchemaRef } from '../kinds/index';
import { API_VERSION, type Kind } from '../model/kinds';
import type { Resource } from './resource';
import type { ParsedDocument } from '../parse/document';
import { entryOf, isString } from '../parse/tree';

export type { Resource } from './resource';

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
