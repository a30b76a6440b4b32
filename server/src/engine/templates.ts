/**
 * New resources pre-filled from the vendor doc's own example (kept in each body
 * schema's `examples`), wrapped in the envelope, with secrets as references.
 */
import { stringify } from 'yaml';
import { kindModule } from './kinds/index';
import { API_VERSION, type Kind } from './model/kinds';

/** The doc example of a kind's body, with literal secrets replaced by references. */
export function exampleBody(kind: Kind): Record<string, unknown> {
  const m = kindModule(kind)!;
  const examples = m.schema['examples'];
  const first = Array.isArray(examples) ? examples[examples.length - 1] : {};
  const body = JSON.parse(JSON.stringify(first ?? {})) as Record<string, unknown>;
  return m.template.body ? m.template.body(body) : body;
}

export function templateFor(kind: Kind, name = `my-${kind.replace(/[A-Z]/g, (c, i: number) => (i ? '-' : '') + c.toLowerCase())}`): string {
  const m = kindModule(kind)!;
  const doc: Record<string, unknown> = { apiVersion: API_VERSION, kind, metadata: { name } };
  if (Object.keys(m.template.target).length) doc['target'] = { ...m.template.target };
  doc['spec'] = exampleBody(kind);
  return `# ${m.title} — ${m.vendor}\n${stringify(doc, { lineWidth: 0 })}`;
}
