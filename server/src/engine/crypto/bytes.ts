/**
 * Byte helpers in plain code, so the engine needs no `Buffer`: UTF-8 encoding,
 * hex and base64 output, and byte-wise comparison (as `Buffer.compare`).
 */

const encoder = new TextEncoder();

/** The UTF-8 bytes of `s` (lone surrogates become U+FFFD, as `Buffer.from(s)` does). */
export function utf8(s: string): Uint8Array {
  return encoder.encode(s);
}

const HEX_PAIRS: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Lower-case hex of `bytes`. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += HEX_PAIRS[bytes[i]!];
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 (RFC 4648 §4) with `=` padding, as `Buffer#toString('base64')`. */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  const n = bytes.length;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += B64[v >> 18]! + B64[(v >> 12) & 63]! + B64[(v >> 6) & 63]! + B64[v & 63]!;
  }
  if (i < n) {
    const rest = n - i;
    const v = (bytes[i]! << 16) | (rest === 2 ? bytes[i + 1]! << 8 : 0);
    out += B64[v >> 18]! + B64[(v >> 12) & 63]! + (rest === 2 ? B64[(v >> 6) & 63]! : '=') + '=';
  }
  return out;
}

/** Base64 of the UTF-8 bytes of `s`. */
export function base64OfText(s: string): string {
  return toBase64(utf8(s));
}

/** Orders byte strings as `Buffer.compare` does: byte by byte, a prefix first. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

/** The concatenation of `parts`. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  let size = 0;
  for (const p of parts) size += p.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
