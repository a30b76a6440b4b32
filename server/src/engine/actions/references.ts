/**
 * `${env:NAME}` and `${secret:NAME}` references: finding them in a value, and
 * resolving them through a source the adapter provides (the process environment
 * and a secrets file in the CLI, SecretStorage in VS Code). A reference that does
 * not resolve is reported, never replaced by an empty string.
 */
export type ReferenceKind = 'env' | 'secret';

export interface Reference {
  kind: ReferenceKind;
  name: string;
}

export interface SecretSource {
  env(name: string): string | undefined;
  secret(name: string): string | undefined;
  /**
   * Where a reference's value is looked up, for messages and previews (default: the
   * environment variable the CLI reads, see variables.ts).
   */
  where?(ref: Reference): string;
}

const REF = /\$\{(env|secret):([^}]*)\}/g;

export function referencesIn(value: unknown, out: Reference[] = []): Reference[] {
  if (typeof value === 'string') {
    for (const m of value.matchAll(REF)) {
      const r = { kind: m[1] as ReferenceKind, name: m[2]!.trim() };
      if (!out.some((x) => x.kind === r.kind && x.name === r.name)) out.push(r);
    }
  } else if (Array.isArray(value)) for (const v of value) referencesIn(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) referencesIn(v, out);
  return out;
}

export interface Resolved<T> {
  value: T;
  /** `${kind:name}` of every reference that had no value. */
  unresolved: string[];
  /** The references that had no value, in the order of `unresolved`. */
  unresolvedRefs: Reference[];
  /** The values references resolved to: every one is masked in output. */
  secrets: string[];
  /** Which reference each value came from. */
  origins: { value: string; ref: Reference }[];
}

/**
 * A copy of the value with references replaced; key order kept. A reference
 * without a value stays as written, or becomes what `unset` makes of it.
 */
export function resolveReferences<T>(value: T, source: SecretSource, unset?: (ref: Reference) => string): Resolved<T> {
  const unresolved: string[] = [];
  const unresolvedRefs: Reference[] = [];
  const secrets: string[] = [];
  const origins: { value: string; ref: Reference }[] = [];
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      return v.replace(REF, (whole, kind: string, rawName: string) => {
        const name = rawName.trim();
        const ref: Reference = { kind: kind as ReferenceKind, name };
        const found = kind === 'env' ? source.env(name) : source.secret(name);
        if (found === undefined || found === '') {
          if (!unresolved.includes(whole)) {
            unresolved.push(whole);
            unresolvedRefs.push(ref);
          }
          return unset ? unset(ref) : whole;
        }
        if (!secrets.includes(found)) {
          secrets.push(found);
          origins.push({ value: found, ref });
        }
        return found;
      });
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const o: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) o[k] = walk(x);
      return o;
    }
    return v;
  };
  return { value: walk(value) as T, unresolved, unresolvedRefs, secrets, origins };
}

/** The environment variable the CLI reads `${secret:NAME}` from: ALERTCFG_SECRET_<NAME>, upper case, `-` and `.` as `_`. */
export function secretEnvName(name: string): string {
  return `ALERTCFG_SECRET_${name.toUpperCase().replace(/[-.]/g, '_')}`;
}
