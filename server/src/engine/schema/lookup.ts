/**
 * The schema at a JSON path of a resource, for hover and completion. It follows
 * the envelope's dispatch on `kind` (the `if`/`then` branches of `allOf`: `spec` →
 * the kind's body schema, `target` → the kind's target definition), resolves
 * `$ref`s across our schema files, and says whether the property is required.
 */
import { configFileSchema } from '../config/settings';
import { kindModule, kindModules } from '../kinds/index';
import type { Kind } from '../model/kinds';
import type { JsonPath } from '../parse/tree';
import { ENVELOPE_SCHEMA, bodySchema, schemaFile } from './registry';

export type Schema = Record<string, unknown>;

/** What a document's root is validated against. */
export interface SchemaRoot {
  schema: Schema;
  /** For envelopes: the kind that selects `target` and `spec`. */
  kind?: Kind;
}

export interface SchemaAt {
  /** The schema of the node, `$ref`s resolved and kind branches merged in. */
  schema: Schema;
  /** Whether the holding object requires this property (false for list items). */
  required: boolean;
  /** Whether the holding object lists it under `x-expected`: not required, but always sent by the vendor. */
  expected?: boolean;
  /** The schema file it comes from (for `x-doc` and `x-doc-url`). */
  file: Schema;
}

export interface PropertyInfo {
  name: string;
  schema: Schema;
  required: boolean;
  expected: boolean;
  /** The schema file the property's schema comes from. */
  file: Schema;
}

interface Located {
  schema: Schema;
  file: Schema;
}

/** The schema root of a resource: the envelope (dispatching on its kind) or a raw body's schema. */
export function schemaRootFor(resource: { form: 'envelope' | 'raw'; kind: Kind | undefined } | undefined): SchemaRoot | undefined {
  if (!resource) return undefined;
  if (resource.form === 'envelope') return { schema: ENVELOPE_SCHEMA, ...(resource.kind ? { kind: resource.kind } : {}) };
  return resource.kind ? { schema: bodySchema(resource.kind), kind: resource.kind } : undefined;
}

/** The envelope with no kind yet: what a new document is completed against. */
export function envelopeRoot(): SchemaRoot {
  return { schema: ENVELOPE_SCHEMA };
}

let configRoot: SchemaRoot | undefined;
/** The schema of `.alertcfg.yaml`. */
export function configSchemaRoot(): SchemaRoot {
  return (configRoot ??= { schema: configFileSchema() });
}

export function schemaAt(root: SchemaRoot, path: JsonPath): SchemaAt | undefined {
  let here: Located | undefined = resolve({ schema: root.schema, file: root.schema });
  let required = false;
  let expected = false;
  for (const seg of path) {
    if (!here) return undefined;
    const next = step(here, seg, root.kind);
    if (!next) return undefined;
    here = next.at;
    required = next.required;
    expected = next.expected;
  }
  return here ? { schema: here.schema, required, ...(expected ? { expected } : {}), file: here.file } : undefined;
}

/**
 * The properties of a schema, and the schemas one step below it, depend only on the
 * schema, its file, the kind and the kinds registry, and validation asks for the
 * same few thousands of times (the `expected-property` rule walks every mapping of
 * every resource): each answer is kept, per schema object and kind, until the
 * registry changes. Answers are frozen: callers share them.
 */
interface Known {
  file: Schema;
  props: readonly PropertyInfo[];
  /** Children by property name or item index (null: none); at most MAX_CHILDREN, as property names are the documents'. */
  children?: Map<string | number, SchemaAt | null>;
}
const MAX_CHILDREN = 256;
let cachedFor: readonly unknown[] | undefined;
let cache = new WeakMap<Schema, Map<Kind | undefined, Known>>();

function known(at: SchemaAt | Located, kind: Kind | undefined): Known {
  const modules = kindModules();
  if (cachedFor !== modules) {
    cachedFor = modules;
    cache = new WeakMap();
  }
  let byKind = cache.get(at.schema);
  const found = byKind?.get(kind);
  if (found && found.file === at.file) return found;
  const entry: Known = { file: at.file, props: Object.freeze(computeProperties(at, kind)) };
  if (!byKind) cache.set(at.schema, (byKind = new Map()));
  byKind.set(kind, entry);
  return entry;
}

/** The properties an object schema defines (kind branches included), in schema order. */
export function propertiesOf(at: SchemaAt | Located, kind: Kind | undefined): readonly PropertyInfo[] {
  return known(at, kind).props;
}

/** The schema one step below `at` (a property name or an item index): what schemaAt finds for the path one longer. */
export function schemaChild(at: SchemaAt, seg: string | number, kind: Kind | undefined): SchemaAt | undefined {
  const entry = known(at, kind);
  const kept = entry.children?.get(seg);
  if (kept !== undefined) return kept ?? undefined;
  const next = step({ schema: at.schema, file: at.file }, seg, kind);
  const child = next ? Object.freeze({ schema: next.at.schema, required: next.required, ...(next.expected ? { expected: next.expected } : {}), file: next.at.file }) : null;
  entry.children ??= new Map();
  if (entry.children.size < MAX_CHILDREN) entry.children.set(seg, child);
  return child ?? undefined;
}

function computeProperties(at: SchemaAt | Located, kind: Kind | undefined): PropertyInfo[] {
  const parts = branches({ schema: at.schema, file: at.file }, kind);
  const required = new Set<string>();
  const expected = new Set<string>();
  const order: string[] = [];
  const byName = new Map<string, Located | false>();
  for (const p of parts) {
    for (const r of asArray(p.schema['required'])) if (typeof r === 'string') required.add(r);
    for (const r of asArray(p.schema['x-expected'])) if (typeof r === 'string') expected.add(r);
    const props = p.schema['properties'];
    if (!isObject(props)) continue;
    for (const [name, raw] of Object.entries(props)) {
      if (!byName.has(name)) order.push(name);
      if (raw === false) {
        byName.set(name, false);
        continue;
      }
      if (!isObject(raw)) continue;
      const resolved = resolve({ schema: raw, file: p.file });
      if (!resolved) continue;
      const prev = byName.get(name);
      byName.set(name, prev ? { schema: { ...prev.schema, ...resolved.schema }, file: resolved.file } : resolved);
    }
  }
  const out: PropertyInfo[] = [];
  for (const name of order) {
    const l = byName.get(name);
    if (l) out.push({ name, schema: l.schema, required: required.has(name), expected: expected.has(name), file: l.file });
  }
  return out;
}

/** The `type` keyword as a list (from `enum`/`const` when there is no `type`). */
export function typesOf(schema: Schema): string[] {
  const t = schema['type'];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  const values = Array.isArray(schema['enum']) ? (schema['enum'] as unknown[]) : 'const' in schema ? [schema['const']] : [];
  const types = new Set<string>();
  for (const v of values) types.add(v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : typeof v);
  if (!types.size && isObject(schema['properties'])) types.add('object');
  return [...types];
}

/** The allowed values of a schema: `enum`, or `const`, or true/false for a boolean. */
export function allowedValues(schema: Schema): unknown[] {
  if (Array.isArray(schema['enum'])) return schema['enum'] as unknown[];
  if ('const' in schema) return [schema['const']];
  if (typesOf(schema).length === 1 && typesOf(schema)[0] === 'boolean') return [true, false];
  return [];
}

function step(here: Located, seg: string | number, kind: Kind | undefined): { at: Located; required: boolean; expected: boolean } | undefined {
  if (typeof seg === 'number') {
    const items = here.schema['items'];
    const item = Array.isArray(items) ? items[seg] : items;
    if (!isObject(item)) return undefined;
    const at = resolve({ schema: item, file: here.file });
    return at ? { at, required: false, expected: false } : undefined;
  }
  const props = propertiesOf(here, kind);
  const p = props.find((x) => x.name === seg);
  if (p) return { at: { schema: p.schema, file: p.file }, required: p.required, expected: p.expected };
  // A property some kind branch forbids (`action: false`) has no schema.
  for (const b of branches(here, kind)) if (isObject(b.schema['properties']) && (b.schema['properties'] as Schema)[seg] === false) return undefined;
  const extra = here.schema['additionalProperties'];
  if (isObject(extra)) {
    const at = resolve({ schema: extra, file: here.file });
    return at ? { at, required: false, expected: false } : undefined;
  }
  return undefined;
}

/** The schema itself and the `then` of every `allOf` branch whose `if` holds for the kind. */
function branches(here: Located, kind: Kind | undefined): Located[] {
  if (here.schema === ENVELOPE_SCHEMA) return envelopeBranches(here, kind);
  const out: Located[] = [here];
  for (const sub of asArray(here.schema['allOf'])) {
    if (!isObject(sub)) continue;
    if (isObject(sub['if'])) {
      if (kind && ifHolds(sub['if'] as Schema, kind) && isObject(sub['then'])) {
        const r = resolve({ schema: sub['then'] as Schema, file: here.file });
        if (r) out.push(r);
      }
    } else {
      const r = resolve({ schema: sub, file: here.file });
      if (r) out.push(r);
    }
  }
  return out;
}

/**
 * The envelope dispatches on `kind` through the kinds registry (the published
 * file's `allOf` says the same for the built-in kinds): `kind` takes the
 * registry's names, `target` and `spec` the kind's schemas, `action` only where
 * the kind has one.
 */
function envelopeBranches(here: Located, kind: Kind | undefined): Located[] {
  const props = here.schema['properties'] as Schema;
  const kindProp = props['kind'] as Schema;
  const modules = kindModules();
  const kinds: Schema = { ...kindProp, enum: modules.map((m) => m.kind), enumDescriptions: modules.map((m) => m.summary.en), 'x-enum-descriptions-zh-cn': modules.map((m) => m.summary.zh) };
  const core: Located = { schema: { ...here.schema, allOf: undefined, properties: { ...props, kind: kinds } }, file: here.file };
  const m = kindModule(kind);
  if (!m) return [core];
  const branch: Schema = { properties: { target: m.target, spec: { $ref: m.schemaFile }, ...(m.envelopeAction ? {} : { action: false }) } };
  return [core, { schema: branch, file: here.file }];
}

/** The envelope's branch conditions test `kind` against a constant; that is all we evaluate. */
function ifHolds(cond: Schema, kind: Kind): boolean {
  const props = cond['properties'];
  if (!isObject(props)) return false;
  const k = (props as Schema)['kind'];
  if (!isObject(k)) return false;
  if ('const' in k) return k['const'] === kind;
  if (Array.isArray(k['enum'])) return (k['enum'] as unknown[]).includes(kind);
  return false;
}

function resolve(l: Located, depth = 0): Located | undefined {
  const ref = l.schema['$ref'];
  if (typeof ref !== 'string') return l;
  if (depth > 16) return undefined;
  const [filePart, pointer] = ref.split('#') as [string, string | undefined];
  let file = l.file;
  if (filePart) {
    const name = filePart.split('/').pop()!;
    const found = schemaFile(name);
    if (!found) return undefined;
    file = found;
  }
  let target: unknown = file;
  for (const raw of (pointer ?? '').split('/').filter(Boolean)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    target = isObject(target) ? (target as Schema)[seg] : undefined;
  }
  if (!isObject(target)) return undefined;
  return resolve({ schema: target as Schema, file }, depth + 1);
}

function isObject(v: unknown): v is Schema {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
