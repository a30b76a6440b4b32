/**
 * The crypto port: the hashing and HMAC the request signers need, handed to them
 * by whoever runs the engine. The engine itself imports no platform crypto.
 *
 * The port is synchronous. Building a plan (and so signing it) is synchronous all
 * the way up, from `planAction` to the language server's preview that refreshes as
 * the user types; an asynchronous port (WebCrypto's `crypto.subtle` is async only)
 * would make every caller asynchronous for a few hundred bytes of hashing. So:
 *
 * - the engine carries its own SHA-256 and HMAC-SHA256 in plain TypeScript
 *   (`PURE_CRYPTO`, ./sha256.ts): the default wherever no port is given, and what a
 *   browser build uses;
 * - the Node adapters (the CLI and the language server) inject `NODE_CRYPTO`
 *   (server/src/node/crypto.ts), backed by `node:crypto`.
 *
 * Both give byte-identical results; the signing tests check the published vectors
 * and the vendors' SDK signers through both.
 */
import { sha256, hmacSha256 } from './sha256';
import { toHex, utf8 } from './bytes';

/** Anything we hash or HMAC: text (hashed as its UTF-8 bytes) or raw bytes. */
export type BinaryLike = string | Uint8Array;

export interface CryptoPort {
  /** Lower-case hex SHA-256 of `data`. */
  sha256Hex(data: BinaryLike): string;
  /** The raw 32-byte HMAC-SHA256 of `data` under `key`. */
  hmacSha256(key: BinaryLike, data: BinaryLike): Uint8Array;
}

const bytesOf = (data: BinaryLike): Uint8Array => (typeof data === 'string' ? utf8(data) : data);

/** The engine's own implementation: no platform crypto needed. */
export const PURE_CRYPTO: CryptoPort = {
  sha256Hex: (data) => toHex(sha256(bytesOf(data))),
  hmacSha256: (key, data) => hmacSha256(bytesOf(key), bytesOf(data)),
};
