/**
 * `expected-property`: a property the vendor always sends (or always needs) but
 * that is not strictly required, listed under `x-expected` in the body schema. A
 * payload without it is still usable, so it is a warning, not an error: a receiver
 * may rely on the field, and a test with a minimal payload stays possible.
 */
import { type Node, type PathSegment, nodeAt } from '../parse/tree';
import type { RuleContext, SchemaView } from './types';

type Schema = Readonly<Record<string, unknown>>;

export interface ExpectedOptions {
  /** Who sends the body, for the message ("Tencent"). */
  sender: string;
  /** Whether a missing property is given somewhere else the rule accepts (body-relative path of its mapping). */
  foundElsewhere?(path: readonly PathSegment[], name: string): boolean;
}

/** Reports every `x-expected` property missing from the body's mappings. */
export function reportExpected(ctx: RuleContext, options: ExpectedOptions): void {
  if (ctx.body?.type === 'map') visit(ctx, ctx.body, [], options, ctx.schemaAt([]));
}

const NONE: readonly string[] = [];

/**
 * `at` is the schema at `path` (each level steps down from its parent's, not from
 * the root). `path` is one list, pushed to and popped as the walk goes: what
 * outlives a call gets a copy.
 */
function visit(ctx: RuleContext, node: Node, path: PathSegment[], options: ExpectedOptions, at: SchemaView | undefined): void {
  if (node.type !== 'map' || path.length > 8 || !at) return;
  const listed = at.schema['x-expected'];
  const expected = Array.isArray(listed) ? (listed as unknown[]).filter((x): x is string => typeof x === 'string') : NONE;
  const props = expected.length ? at.properties() : [];
  for (const name of expected) {
    if (node.entries.some((e) => e.key.value === name) || options.foundElsewhere?.([...path], name)) continue;
    const where = path.length ? ` to ${path.join('.')}` : '';
    ctx.report('expected-property', keyOf(ctx, [...path]), `"${name}" is missing${about(props.find((p) => p.name === name)?.schema)}. ${options.sender} always sends it, so a receiver may rely on it: add it${where}, unless the payload is minimal on purpose.`, {
      path: [...ctx.resource.bodyPath, ...path, name],
      property: name,
    });
  }
  if (path.length === 8) return;
  for (const e of node.entries) {
    const key = e.key.value;
    if (e.value?.type !== 'map' || typeof key !== 'string') continue;
    path.push(key);
    visit(ctx, e.value, path, options, at.child(key));
    path.pop();
  }
}

/** The key of the mapping at a body path; at the body's top level, its first key. */
function keyOf(ctx: RuleContext, path: PathSegment[]) {
  if (path.length) return ctx.keyAt(path);
  const first = ctx.body?.type === 'map' ? ctx.body.entries[0] : undefined;
  return first ? { start: first.key.start, end: first.key.end } : ctx.valueAt([]);
}

function about(schema: Schema | undefined): string {
  const d = schema?.['description'];
  if (typeof d !== 'string') return '';
  const m = /^(.*?[.!?])(\s|$)/.exec(d);
  return ` (${(m ? m[1]! : d).replace(/\.$/, '')})`;
}

/** Whether the mapping at a body-relative path has the key. */
export function hasKey(body: Node | undefined, path: readonly PathSegment[], key: string): boolean {
  const n = nodeAt(body, path);
  return n?.type === 'map' && n.entries.some((e) => e.key.value === key);
}
