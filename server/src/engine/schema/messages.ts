/**
 * Wording for schema findings: what is wrong and what to do, in terms of the
 * user's document (YAML or JSON alike).
 */
import type { Node } from '../parse/tree';
import { closest } from '../text/suggest';

export function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'number') return Number.isInteger(v) ? 'an integer' : 'a number';
  if (typeof v === 'string') return 'a string';
  return `a ${typeof v}`;
}

export function expectedType(t: unknown): string {
  const names: Record<string, string> = {
    string: 'a string',
    number: 'a number',
    integer: 'an integer',
    boolean: 'true or false',
    object: 'a mapping',
    array: 'a list',
    null: 'null',
  };
  const list = Array.isArray(t) ? t : [t];
  return list.map((x) => names[String(x)] ?? String(x)).join(' or ');
}

export function quote(v: unknown): string {
  return typeof v === 'string' ? `"${v}"` : JSON.stringify(v);
}

/** The last key of a path with the list indices after it: `"events[1]"`, not `"events"` for an item of events. */
export function nodeLabel(path: readonly (string | number)[]): string {
  let indices = '';
  for (let i = path.length - 1; i >= 0; i--) {
    if (typeof path[i] === 'string') return `"${path[i]}${indices}"`;
    indices = `[${path[i]}]${indices}`;
  }
  return 'This value';
}

/** An allowed value close to the given one (case, or one or two typos away). */
export function suggestValue(actual: unknown, allowed: readonly unknown[]): unknown {
  if (typeof actual !== 'string') {
    const asString = String(actual);
    return allowed.find((a) => String(a) === asString);
  }
  const strings = allowed.filter((a): a is string => typeof a === 'string');
  return closest(actual, strings);
}

export function formatHint(format: string): string {
  switch (format) {
    case 'email':
      return 'a valid e-mail address, such as user-demo@example.com';
    case 'uuid':
      return 'a UUID, such as e28ae750-bbb8-4ff4-abf4-1e0e0f88808c';
    case 'uri':
      return 'an absolute URL';
    case 'date-time':
      return 'an RFC 3339 date-time';
    default:
      return `in ${format} format`;
  }
}

export function humanDuration(ms: number): string {
  const days = ms / 86_400_000;
  if (days >= 1 && Number.isInteger(days)) return `${days} day${days === 1 ? '' : 's'}`;
  const hours = ms / 3_600_000;
  if (hours >= 1) return `${Math.round(hours * 10) / 10} h`;
  return `${Math.round(ms / 1000)} s`;
}

export function isMapNode(n: Node | undefined): boolean {
  return n?.type === 'map';
}
