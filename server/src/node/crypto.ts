/**
 * The engine's crypto port on Node: `node:crypto`'s SHA-256 and HMAC. The CLI and
 * the language server hand it to the engine where they build an action's input;
 * the engine's own pure implementation gives the same bytes, more slowly.
 */
import { createHash, createHmac } from 'node:crypto';
import type { CryptoPort } from '../engine/crypto/port';

export const NODE_CRYPTO: CryptoPort = {
  sha256Hex: (data) => createHash('sha256').update(data).digest('hex'),
  hmacSha256: (key, data) => createHmac('sha256', key).update(data).digest(),
};
