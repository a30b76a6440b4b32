/**
 * What the kinds' `compare` share: scalars, sets, secrets and values that still
 * hold an unresolved reference, each compared by the sync rules (docs/sync.md) and
 * recorded as a field change with printable, masked values, or as a field that was
 * not compared (a secret the cloud does not return, a reference not set here).
 */
import { maskValue } from '../actions/mask';
import type { CompareContext, FieldChange, SecretNote } from './types';

const REFERENCE = /\$\{(?:env|secret):[^}]*\}/g;

/** True when a value still holds a `${env:…}` or `${secret:…}` reference. */
export function hasReference(v: unknown): boolean {
  return typeof v === 'string' && /\$\{(?:env|secret):[^}]*\}/.test(v);
}

/** The paths (`Webhook.Token`, `operations`) of a body whose value holds an unresolved reference. */
export function unresolvedPaths(body: unknown, prefix = ''): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown, path: string) => {
    if (typeof v === 'string') {
      if (hasReference(v)) out.add(path);
    } else if (Array.isArray(v)) {
      // A list is compared whole: a reference in an item makes the list's path unresolved.
      if (v.some((x) => JSON.stringify(x ?? null).match(REFERENCE))) out.add(path);
    } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
  };
  walk(body, prefix);
  return out;
}

/** A value with references as a pattern: each reference matches any run of characters a URL token or value holds. */
export function shapeMatches(desired: string, live: string): boolean {
  const parts = desired.split(REFERENCE).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[^&#\\s]*')}$`, 's').test(live);
}

export function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

export function strList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** Two lists equal as sets (order and repeats ignored). */
export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
}

/** A value for a printed field change: masked where it may hold a secret; `undefined` stays absent. */
export function printable(v: unknown, ctx: CompareContext): unknown {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return ctx.masker.mask(v);
  return JSON.parse(ctx.masker.mask(JSON.stringify(v))) as unknown;
}

/** The differences of one resource, collected field by field. */
export class Diff {
  readonly fields: FieldChange[] = [];
  readonly secrets: SecretNote[] = [];

  constructor(private readonly ctx: CompareContext) {}

  private change(path: string, live: unknown, desired: unknown, raw = false): void {
    this.fields.push({ path, ...(live !== undefined ? { live: raw ? live : printable(live, this.ctx) } : {}), ...(desired !== undefined ? { desired: raw ? desired : printable(desired, this.ctx) } : {}) });
  }

  private unset(path: string): boolean {
    if (!this.ctx.unresolved.has(path)) return false;
    this.secrets.push({ path, state: 'unset' });
    return true;
  }

  /**
   * A string: absent and empty are the same. A desired value with an unresolved
   * reference is compared as a shape (the reference matches anything), so a
   * changed host is still seen while the token is not set here.
   */
  text(path: string, live: unknown, desired: unknown): void {
    const l = str(live);
    const d = str(desired);
    if (this.ctx.unresolved.has(path) && hasReference(d)) {
      if (shapeMatches(d, l)) this.secrets.push({ path, state: 'unset' });
      else this.change(path, l || undefined, d);
      return;
    }
    // A URL whose token the cloud returned masked: the token cannot be compared, the rest can.
    if (d && l.includes('*') && shapeMatches(l.replace(/\*+/g, '${secret:masked}'), d)) {
      this.secrets.push({ path, state: 'unreadable' });
      return;
    }
    if (l !== d) this.change(path, l || undefined, d || undefined);
  }

  /** A list compared as a set: absent and empty are the same. */
  set(path: string, live: unknown, desired: unknown): void {
    if (this.unset(path)) return;
    const l = strList(live);
    const d = strList(desired);
    if (!sameSet(l, d)) this.change(path, l.length ? l : undefined, d.length ? d : undefined);
  }

  /** Any other value, compared as JSON after `normalise`. */
  value(path: string, live: unknown, desired: unknown, normalise: (v: unknown) => unknown = (v) => v): void {
    if (this.unset(path)) return;
    const l = normalise(live);
    const d = normalise(desired);
    if (JSON.stringify(l) !== JSON.stringify(d)) this.change(path, l, d);
  }

  /**
   * A secret (Token, SecretKey). The cloud's value is readable when it is a
   * non-empty string without `*`, or empty where the scope's answers show secrets
   * in plain text; otherwise it is write-only: never drift, sent again on apply.
   * Printed values are always masked (`SEC****cd`).
   */
  secret(path: string, live: unknown, desired: unknown): void {
    if (this.unset(path)) return;
    const d = str(desired);
    const returned = typeof live === 'string';
    const l = str(live);
    const readable = returned && !l.includes('*') && (l !== '' || this.ctx.secretsPlain);
    if (d) {
      if (!readable) this.secrets.push({ path, state: 'unreadable' });
      else if (l !== d) this.change(path, l ? maskValue(l) : undefined, maskValue(d), true);
      return;
    }
    // Not wanted: a secret the cloud holds (readable, or shown masked) is a difference.
    if (l) this.change(path, readable ? maskValue(l) : '(set; not readable)', undefined, true);
  }
}
