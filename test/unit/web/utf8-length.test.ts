/** The language server's UTF-8 length (no Buffer in a browser) counts as Buffer.byteLength does, lone surrogates too. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { utf8ByteLength } from '../../../server/src/lsp/diagnostics';

test('utf8ByteLength equals Buffer.byteLength', () => {
  for (const s of ['', 'a', 'é', '中文', '😀', '\ud800', '\udc00x', 'a\ud83d']) assert.equal(utf8ByteLength(s), Buffer.byteLength(s), JSON.stringify(s));
  // Any code point, lone surrogates included.
  const char = fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c));
  fc.assert(fc.property(fc.string({ unit: char }), (s) => utf8ByteLength(s) === Buffer.byteLength(s)), { numRuns: 500 });
});
