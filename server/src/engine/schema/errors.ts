/**
 * Maps Ajv errors to findings on the smallest node that is wrong: the value for a
 * bad value, the key for an unknown key, the parent key for a missing property.
 * It drops the noise of `if/then` dispatch and of values already reported as the
 * wrong type, merges a near-miss key with the required property it misspells, and
 * names codes the vendor's way where the vendor documents them (Volcengine:
 * `MissingParameter.<Field>`, `InvalidParameter.<Field>`).
 */
import type { ErrorObject } from 'ajv';
import type { Finding, Range, Severity } from '../model/finding';
import { kindModule } from '../kinds/index';
import type { Kind } from '../model/kinds';
import { type JsonPath, type Node, type PathSegment, keyRange, locate, nodeAt, valueRange } from '../parse/tree';
import { closest } from '../text/suggest';
import { describeType, expectedType, formatHint, humanDuration, nodeLabel, quote, suggestValue } from './messages';

export interface MapContext {
  root: Node | undefined;
  kind: Kind | undefined;
  /** Path of the vendor body within the document. */
  bodyPath: JsonPath;
  /** Asked now and then: true stops the mapping (the caller's time budget ran out). */
  stop?: () => boolean;
}

type Schema = Record<string, unknown>;

const REFERENCE = /\$\{(env|secret):[^}]+\}/;

interface Draft extends Range {
  code: string;
  severity: Severity;
  message: string;
  path: PathSegment[];
  keyword: string;
  data: Record<string, unknown>;
}

export function mapSchemaErrors(errors: readonly ErrorObject[], ctx: MapContext): Finding[] {
  const drafts: Draft[] = [];
  const typeErrorPaths = new Set<string>();
  const relevant = errors.filter((e) => e.keyword !== 'if' && e.keyword !== 'anyOf' && e.keyword !== 'oneOf');
  for (const e of relevant) if (e.keyword === 'type') typeErrorPaths.add(e.instancePath);
  /** The path or one of its ancestors has a type error (a lookup per ancestor: linear in the errors). */
  const underTypeError = (path: string): boolean => {
    if (typeErrorPaths.size === 0) return false;
    for (let p = path; ; p = p.slice(0, p.lastIndexOf('/'))) {
      if (typeErrorPaths.has(p)) return true;
      if (!p) return false;
    }
  };
  let n = 0;
  for (const e of relevant) {
    if ((++n & 63) === 0 && ctx.stop?.()) break;
    // A value of the wrong type says all there is to say about it and below it.
    if (e.keyword !== 'type' && underTypeError(e.instancePath)) continue;
    // A ${env:...} or ${secret:...} reference is checked once resolved, when a request is built.
    if ((e.keyword === 'format' || e.keyword === 'pattern') && typeof e.data === 'string' && REFERENCE.test(e.data)) continue;
    const d = draft(e, ctx);
    if (d) drafts.push(d);
  }
  mergeMisspelledRequired(drafts);
  return dedupe(drafts).map(({ path, keyword: _k, data, ...f }) => ({ ...f, data: { path, ...data } }));
}

function draft(e: ErrorObject, ctx: MapContext): Draft | undefined {
  const path = pointerToPath(e.instancePath, ctx.root);
  const parent = (e.parentSchema ?? {}) as Schema;
  const p = e.params as Record<string, unknown>;
  if (parent['x-blank-is-missing'] === true && BLANK_KEYWORDS.has(e.keyword)) return blank(ctx, path, e);
  switch (e.keyword) {
    case 'required': {
      const prop = String(p['missingProperty']);
      const propSchema = ((parent['properties'] as Schema | undefined)?.[prop] ?? {}) as Schema;
      const about = typeof propSchema['description'] === 'string' ? ` (${firstSentence(propSchema['description'])})` : '';
      const where = path.length ? ` to ${nodeLabel(path)}` : '';
      return make(ctx, 'missing', [...path, prop], missingRange(ctx.root, path), 'error', `Missing required property "${prop}"${about}: add it${where}.`, e.keyword, { property: prop, example: example(propSchema) });
    }
    case 'additionalProperties': {
      const prop = String(p['additionalProperty']);
      const known = Object.keys((parent['properties'] as Schema | undefined) ?? {});
      const suggestion = closest(prop, known);
      const hint = suggestion ? ` Did you mean "${suggestion}"?` : known.length ? ` Known properties: ${known.join(', ')}.` : ' Remove it.';
      // An object whose keys name things (the kinds under `sync.prune`): an unknown key is an error, not a stray field.
      const severity = parent['x-unknown-is-error'] === true ? 'error' : 'warning';
      return make(ctx, 'unknown', [...path, prop], keyRange(ctx.root, [...path, prop]), severity, `Unknown property "${prop}".${hint}`, e.keyword, suggestion ? { property: prop, suggestion } : { property: prop });
    }
    case 'false schema': {
      const prop = path[path.length - 1];
      const msg = path.length === 1 && prop === 'action'
        ? '"action" is only used with kind EventReport (action: clear). Remove it.'
        : `${nodeLabel(path)} is not allowed here. Remove it.`;
      return make(ctx, 'unknown', path, keyRange(ctx.root, path), 'error', msg, e.keyword, { property: prop });
    }
    case 'type': {
      if (parent['x-epoch-ms'] === true && typeof e.data === 'string') return epochString(ctx, path, e.data, e.keyword);
      return make(ctx, 'type', path, valueRange(ctx.root, path), 'error', `${nodeLabel(path)} must be ${expectedType(p['type'])}, not ${describeType(e.data)}.`, e.keyword, { expected: p['type'] });
    }
    case 'enum':
    case 'const': {
      const allowed = e.keyword === 'enum' ? (p['allowedValues'] as unknown[]) : [p['allowedValue']];
      const suggestion = suggestValue(e.data, allowed);
      const list = allowed.map(quote).join(', ');
      const msg = allowed.length === 1
        ? `${nodeLabel(path)} must be ${list}${suggestion !== undefined ? '' : `, not ${quote(e.data)}`}.`
        : `${nodeLabel(path)} must be one of ${list}, not ${quote(e.data)}.${suggestion !== undefined ? ` Did you mean ${quote(suggestion)}?` : ''}`;
      return make(ctx, 'value', path, valueRange(ctx.root, path), 'error', msg, e.keyword, suggestion !== undefined ? { allowed, suggestion } : { allowed });
    }
    case 'format':
      return make(ctx, 'format', path, valueRange(ctx.root, path), 'error', `${nodeLabel(path)} must be ${formatHint(String(p['format']))}.`, e.keyword, { format: p['format'] });
    case 'pattern': {
      const given = typeof parent['patternErrorMessage'] === 'string' ? (parent['patternErrorMessage'] as string).trim() : '';
      const custom = given ? (/[.!?]$/.test(given) ? given : `${given}.`) : `It must match ${String(p['pattern'])}.`;
      return make(ctx, 'format', path, valueRange(ctx.root, path), 'error', `${nodeLabel(path)} has the wrong form. ${custom}`, e.keyword, {});
    }
    default:
      return limit(e, ctx, path, parent);
  }
}

function limit(e: ErrorObject, ctx: MapContext, path: PathSegment[], parent: Schema): Draft | undefined {
  const p = e.params as Record<string, unknown>;
  const n = Number(p['limit']);
  const label = nodeLabel(path);
  const duration = parent['x-duration-ms'] === true || parent['x-epoch-ms'] === true;
  const unit = duration && n >= 1000 ? ` (${humanDuration(n)})` : '';
  let msg: string;
  switch (e.keyword) {
    case 'maximum':
      msg = `${label} must be at most ${n}${unit}, not ${String(e.data)}.`;
      break;
    case 'minimum':
      msg = `${label} must be at least ${n}${unit}, not ${String(e.data)}.`;
      break;
    case 'exclusiveMaximum':
    case 'exclusiveMinimum':
      msg = `${label} must be ${e.keyword === 'exclusiveMaximum' ? 'below' : 'above'} ${n}.`;
      break;
    case 'maxLength':
      msg = `${label} must be at most ${n} characters long (it has ${String((e.data as string).length)}).`;
      break;
    case 'minLength':
      msg = n <= 1 ? `${label} must not be empty.` : `${label} must be at least ${n} characters long.`;
      break;
    case 'maxItems':
      msg = `${label} may hold at most ${n} items (it has ${String((e.data as unknown[]).length)}). Remove some.`;
      break;
    case 'minItems':
      msg = n <= 1 ? `${label} must hold at least one item.` : `${label} must hold at least ${n} items.`;
      break;
    case 'maxProperties':
      msg = `${label} may hold at most ${n} keys (it has ${Object.keys(e.data as object).length}).`;
      break;
    case 'minProperties':
      msg = `${label} must hold at least ${n} key${n === 1 ? '' : 's'}.`;
      break;
    case 'uniqueItems':
      msg = `${label} must not repeat items (items ${String(p['j'])} and ${String(p['i'])} are equal).`;
      break;
    case 'propertyNames':
      return undefined; // reported through the nested error on the name
    default:
      msg = `${label} ${e.message ?? 'is invalid'}.`;
  }
  return make(ctx, 'range', path, valueRange(ctx.root, path), 'error', msg, e.keyword, { limit: p['limit'] });
}

/** The keywords by which a schema says "not blank": `pattern: \\S`, `minLength: 1`, `minItems: 1`. */
const BLANK_KEYWORDS: ReadonlySet<string> = new Set(['pattern', 'minLength', 'minItems']);

/**
 * A required value that is empty, only white space, or an empty list: the vendors
 * treat it as missing, so it is reported with the missing family's code
 * (`MissingParameter.Name`, `missing-property`), on the value.
 */
function blank(ctx: MapContext, path: PathSegment[], e: ErrorObject): Draft {
  const what = Array.isArray(e.data) ? 'an empty list' : e.data === '' ? 'empty' : 'blank (only white space)';
  const need = Array.isArray(e.data) ? 'list at least one item' : 'give it a value';
  const vendor = kindModule(ctx.kind)?.vendor ?? 'the vendor';
  const msg = `${nodeLabel(path)} is ${what}; ${vendor} treats that as missing: ${need}.`;
  const prop = path[path.length - 1];
  return make(ctx, 'missing', path, valueRange(ctx.root, path), 'error', msg, e.keyword, { property: prop, blank: true });
}

function epochString(ctx: MapContext, path: PathSegment[], text: string, keyword: string): Draft {
  const ms = parseDateToEpochMs(text);
  const msg = ms === undefined
    ? `${nodeLabel(path)} must be a UTC timestamp in milliseconds (a number), not a date string.`
    : `${nodeLabel(path)} must be a UTC timestamp in milliseconds, not a date string: use ${ms} (${new Date(ms).toISOString()}).`;
  const d = make(ctx, 'type', path, valueRange(ctx.root, path), 'error', msg, keyword, ms === undefined ? {} : { epochMs: ms });
  d.code = 'timestamp-not-epoch-ms';
  return d;
}

/** A date string as epoch ms; a date and time with no zone is read as UTC, as the AOM doc says. */
export function parseDateToEpochMs(text: string): number | undefined {
  const t = text.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(t);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}.${(m[7] ?? '0').padEnd(3, '0')}${m[8] ?? 'Z'}`;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

type Family = 'missing' | 'unknown' | 'type' | 'value' | 'format' | 'range';

const GENERIC: Record<Family, string> = {
  missing: 'missing-property',
  unknown: 'unknown-property',
  type: 'invalid-type',
  value: 'invalid-value',
  format: 'invalid-format',
  range: 'out-of-range',
};

function make(ctx: MapContext, family: Family, path: PathSegment[], range: Range | undefined, severity: Severity, message: string, keyword: string, data: Record<string, unknown>): Draft {
  const r = range ?? { start: 0, end: 0 };
  return { code: codeFor(ctx, family, path), severity, message, path, keyword, data, start: r.start, end: r.end };
}

/** A vendor that names its parameter errors (Volcengine) has its codes used inside the body. */
function codeFor(ctx: MapContext, family: Family, path: PathSegment[]): string {
  const codes = kindModule(ctx.kind)?.vendorCodes;
  const inBody = codes && ctx.bodyPath.every((s, i) => path[i] === s) && path.length > ctx.bodyPath.length;
  if (!inBody || family === 'unknown') return GENERIC[family];
  const field = path.slice(ctx.bodyPath.length).filter((s) => typeof s === 'string').join('.');
  return `${family === 'missing' ? codes.missing : codes.invalid}.${field}`;
}

function missingRange(root: Node | undefined, objectPath: PathSegment[]): Range | undefined {
  if (objectPath.length === 0 && root?.type === 'map') {
    const kind = root.entries.find((e) => e.key.value === 'kind') ?? root.entries[0];
    if (kind) return { start: kind.key.start, end: kind.key.end };
  }
  const { entry, node, via } = locate(root, objectPath);
  if (via) return via;
  if (entry) return { start: entry.key.start, end: entry.key.end };
  if (node?.type === 'map' && node.entries[0]) return { start: node.entries[0].key.start, end: node.entries[0].key.end };
  return keyRange(root, objectPath);
}

/** `Adress` unknown + `Address` missing in the same mapping: one finding, on the typo. */
function mergeMisspelledRequired(drafts: Draft[]): void {
  // The missing-property drafts by mapping and property, the first of each (an index: linear in the drafts).
  const required = new Map<string, Draft>();
  for (const m of drafts) {
    if (m.keyword !== 'required') continue;
    const key = `${JSON.stringify(m.path.slice(0, -1))}\u0000${String(m.data['property'])}`;
    if (!required.has(key)) required.set(key, m);
  }
  if (required.size === 0) return;
  const merged = new Set<Draft>();
  for (const u of drafts) {
    if (u.keyword !== 'additionalProperties' || typeof u.data['suggestion'] !== 'string' || merged.has(u)) continue;
    const key = `${JSON.stringify(u.path.slice(0, -1))}\u0000${u.data['suggestion']}`;
    const missing = required.get(key);
    if (!missing) continue;
    u.severity = 'error';
    u.message = `Unknown property "${String(u.data['property'])}". Did you mean "${String(u.data['suggestion'])}"? ("${String(u.data['suggestion'])}" is required and missing.)`;
    u.data['replaces'] = missing.code;
    merged.add(missing);
    required.delete(key);
  }
  if (merged.size) {
    const kept = drafts.filter((d) => !merged.has(d));
    drafts.length = 0;
    for (const d of kept) drafts.push(d);
  }
}

function dedupe(drafts: Draft[]): Draft[] {
  const seen = new Set<string>();
  return drafts.filter((d) => {
    const key = `${d.code}|${d.start}|${d.end}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function example(schema: Schema): unknown {
  const ex = schema['examples'];
  return Array.isArray(ex) && ex.length ? ex[0] : undefined;
}

function firstSentence(s: string): string {
  const m = /^(.*?[.!?])(\s|$)/.exec(s);
  return (m ? m[1]! : s).replace(/\.$/, '');
}

/** JSON pointer to path; a numeric segment is an index only where the tree has a list. */
export function pointerToPath(pointer: string, root: Node | undefined): PathSegment[] {
  if (!pointer) return [];
  const out: PathSegment[] = [];
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const node = nodeAt(root, out);
    out.push(node?.type === 'seq' && /^\d+$/.test(seg) ? Number(seg) : seg);
  }
  return out;
}
