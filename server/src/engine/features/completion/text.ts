/**
 * Small text helpers of completion: YAML keys and scalars as they are written,
 * labels, snippet escaping, and the indentation step a document uses.
 */
import { stringify } from 'yaml';
import { type Schema, typesOf } from '../../schema/lookup';

export function isObjectSchema(s: Schema): boolean {
  return typesOf(s).includes('object') || (typeof s['properties'] === 'object' && s['properties'] !== null);
}

export function yamlScalar(v: unknown): string {
  return stringify(v, { lineWidth: 0 }).replace(/\n$/, '');
}

export function yamlKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_.$-]*$/.test(name) ? name : JSON.stringify(name);
}

export function valueLabel(v: unknown): string {
  if (typeof v === 'string') return /^([-+]?[0-9.]+|true|false|null|~)$/i.test(v) ? JSON.stringify(v) : v;
  return JSON.stringify(v);
}

export function escapeSnippet(s: string): string {
  return s.replace(/[\\$}]/g, (c) => `\\${c}`);
}

export function oneLine(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}

export function quoteAt(text: string, start: number): string | undefined {
  const c = text.charAt(start);
  return c === '"' || c === "'" ? c : undefined;
}

/** The document's indentation step (the smallest indentation it uses), two spaces by default. */
export function indentUnit(text: string): string {
  let best = 0;
  const re = /[\r\n]( +)\S/g;
  let n = 0;
  for (let m = re.exec(text); m && n < 500; m = re.exec(text), n++) {
    const w = m[1]!.length;
    if (w > 0 && (best === 0 || w < best)) best = w;
  }
  return ' '.repeat(best > 0 && best <= 8 ? best : 2);
}
