/**
 * Small building blocks shared by the request signers (DingTalk, Lark, Huawei
 * AK/SK, Volcengine). Everything here is pure: RFC 3986 percent-encoding,
 * percent-decoding to raw bytes, query parsing, basic ISO dates and
 * case-insensitive header look-ups. No I/O. Hashing and HMAC come from the
 * crypto port (../crypto/port.ts).
 */
import { utf8 } from '../crypto/bytes';
import { type BinaryLike, type CryptoPort, PURE_CRYPTO } from '../crypto/port';

export type { BinaryLike, CryptoPort };

/** Lower-case hex SHA-256 of `data` (strings are hashed as their UTF-8 bytes). */
export function sha256Hex(data: BinaryLike, crypto: CryptoPort = PURE_CRYPTO): string {
  return crypto.sha256Hex(data);
}

const HEX = '0123456789ABCDEF';

/** True for the RFC 3986 "unreserved" bytes: `A-Z a-z 0-9 - . _ ~`. */
function isUnreserved(b: number): boolean {
  return (
    (b >= 0x41 && b <= 0x5a) || // A-Z
    (b >= 0x61 && b <= 0x7a) || // a-z
    (b >= 0x30 && b <= 0x39) || // 0-9
    b === 0x2d || b === 0x2e || b === 0x5f || b === 0x7e // - . _ ~
  );
}

/**
 * Strict RFC 3986 encoding: every byte except the unreserved set becomes `%XX`
 * (upper-case hex). Strings are encoded as UTF-8 first. Unlike
 * `encodeURIComponent` this also escapes `! ' ( ) *`, and it works on raw
 * bytes, so invalid UTF-8 taken from a URL survives unchanged.
 */
export function rfc3986Encode(input: BinaryLike): string {
  const bytes = typeof input === 'string' ? utf8(input) : input;
  let out = '';
  for (const b of bytes) {
    out += isUnreserved(b) ? String.fromCharCode(b) : '%' + HEX[b >> 4] + HEX[b & 15];
  }
  return out;
}

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  return -1;
}

/**
 * Percent-decodes `input` to raw bytes (never throws). Valid `%XX` become one
 * byte; a `%` not followed by two hex digits is kept literally; other text is
 * taken as UTF-8. With `plusAsSpace`, `+` decodes to a space (form/query
 * semantics, as Go's `url.ParseQuery` and `URLSearchParams` do).
 */
export function percentDecode(input: string, plusAsSpace: boolean): Uint8Array {
  const src = utf8(plusAsSpace ? input.replace(/\+/g, ' ') : input);
  const out: number[] = [];
  for (let i = 0; i < src.length; i++) {
    const b = src[i] as number;
    if (b === 0x25 && i + 2 < src.length) {
      const hi = hexValue(src[i + 1] as number);
      const lo = hexValue(src[i + 2] as number);
      if (hi >= 0 && lo >= 0) {
        out.push(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    out.push(b);
  }
  return Uint8Array.from(out);
}

/** One decoded `key=value` pair of a query string, as raw bytes. */
export interface QueryPair {
  key: Uint8Array;
  value: Uint8Array;
}

/**
 * Splits a query string (with or without its leading `?`) into decoded pairs,
 * in their original order. Empty segments (`a=1&&b=2`) are skipped; a segment
 * without `=` has an empty value.
 */
export function parseQuery(search: string): QueryPair[] {
  const text = search.startsWith('?') ? search.slice(1) : search;
  const pairs: QueryPair[] = [];
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawKey = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    pairs.push({ key: percentDecode(rawKey, true), value: percentDecode(rawValue, true) });
  }
  return pairs;
}

/**
 * `YYYYMMDDTHHMMSSZ` (UTC, "basic" ISO 8601) as used by `X-Sdk-Date` and
 * `X-Date`. Milliseconds are dropped. Throws a RangeError for an invalid Date.
 */
export function basicIsoDateTime(now: Date): string {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new RangeError('signing: `now` is not a valid Date');
  }
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** The value of header `name` (case-insensitive), or undefined. */
export function findHeader(headers: Record<string, string>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() === wanted) return v;
  }
  return undefined;
}

/** A copy of `headers` without the given names (case-insensitive). */
export function withoutHeaders(headers: Record<string, string>, names: readonly string[]): Record<string, string> {
  const drop = new Set(names.map((n) => n.toLowerCase()));
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (!drop.has(k.toLowerCase())) out[k] = v;
  }
  return out;
}

/**
 * Throws if two header names differ only in case: a signer cannot know which
 * one the transport will send, so a signature over them would be a guess.
 */
export function assertUniqueHeaderNames(headers: Record<string, string>): void {
  const seen = new Set<string>();
  for (const k of Object.keys(headers)) {
    const lower = k.toLowerCase();
    if (seen.has(lower)) throw new Error(`signing: header "${k}" is given twice (names differ only in case)`);
    seen.add(lower);
  }
}

/** Throws unless `value` is a non-empty string; `what` names it in the message. */
export function requireNonEmpty(value: string, what: string): void {
  if (typeof value !== 'string' || value.length === 0) {
    throw new Error(`signing: ${what} must be a non-empty string`);
  }
}
