/**
 * Where the values an action needs come from, named as the CLI reads them: each
 * `${env:NAME}` from NAME, each `${secret:NAME}` from ALERTCFG_SECRET_<NAME>, cloud
 * credentials from the SDKs' usual environment variables (each vendor's module names
 * them). A value that is not set
 * is shown as `<unset: VARIABLE>` where it belongs in a previewed request, and
 * runnable curl commands read the variables themselves (`"$ALERTCFG_SECRET_NAME"`).
 */
import { type Reference, secretEnvName } from './references';

/** The environment variable the CLI reads a reference from. */
export function referenceVariable(ref: Reference): string {
  return ref.kind === 'env' ? ref.name : secretEnvName(ref.name);
}

/** What a previewed request shows in place of a value that is not set. */
export function unsetMarker(what: string): string {
  return `<unset: ${what}>`;
}

const MARKER = /<unset: [^<>]*>/;
const ENCODED_MARKER = /%3Cunset%3A(?:%20|\+)((?:(?!%3E)[^&#\s])*)%3E/gi;

/** True when the text holds a marker (a value that is not set). */
export function hasUnset(text: string | undefined): boolean {
  return text !== undefined && MARKER.test(text);
}

/** Markers that went through URL encoding (a query parameter) shown as written. */
export function decodeUnset(text: string): string {
  return text.replace(ENCODED_MARKER, (whole, inner: string) => {
    try {
      return unsetMarker(decodeURIComponent(inner.replace(/\+/g, ' ')));
    } catch {
      return whole;
    }
  });
}

/** A name usable as a POSIX shell variable (`"$NAME"`). */
export function isShellName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}
