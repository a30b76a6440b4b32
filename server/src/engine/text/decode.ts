/**
 * Bytes of a file to text, or a clear reason why not: binary content, invalid
 * UTF-8 (with the line and column of the first bad byte), or a size over the limit.
 * A UTF-8 byte order mark is dropped.
 */
import type { Finding } from '../model/finding';

export type Decoded = { ok: true; text: string } | { ok: false; skip: string } | { ok: false; finding: Finding; text: string };

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

export function decodeFile(bytes: Uint8Array, maxSize: number): Decoded {
  if (bytes.length > maxSize) {
    return { ok: false, text: '', finding: { code: 'file-too-large', severity: 'error', message: `This file is ${bytes.length} bytes, over the limit of ${maxSize} (setting maxFileSize); it was not checked.`, start: 0, end: 0 } };
  }
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) return { ok: false, skip: 'binary file (it contains NUL bytes)' };
  try {
    return { ok: true, text: strict.decode(bytes) };
  } catch {
    const text = lenient.decode(bytes);
    const at = firstBadChar(bytes, text);
    return { ok: false, text, finding: { code: 'encoding-error', severity: 'error', message: 'This file is not valid UTF-8 (first bad byte here). Save it as UTF-8.', start: at, end: at + 1 } };
  }
}

/** Offset of the first replacement character the decoder produced for an invalid sequence. */
function firstBadChar(bytes: Uint8Array, text: string): number {
  let i = text.indexOf('\uFFFD');
  while (i !== -1) {
    // A real U+FFFD in the file is EF BF BD: skip those.
    const byteOffset = new TextEncoder().encode(text.slice(0, i)).length;
    if (!(bytes[byteOffset] === 0xef && bytes[byteOffset + 1] === 0xbf && bytes[byteOffset + 2] === 0xbd)) return i;
    i = text.indexOf('\uFFFD', i + 1);
  }
  return 0;
}
