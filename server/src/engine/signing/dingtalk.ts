/**
 * DingTalk custom-robot ("自定义机器人") signing, research.md §A.
 *
 * Algorithm (official "加签" text):
 *   stringToSign = `${timestampMs}\n${secret}`
 *   sign         = base64( HMAC-SHA256( key = secret, message = stringToSign ) )
 * then `&timestamp=<ms>&sign=<urlencoded sign>` is appended to the webhook URL.
 * The sign must be URL-encoded exactly once (`+` → `%2B`, `/` → `%2F`,
 * `=` → `%3D`); encoding it twice (as Apprise does) or not at all is the most
 * common cause of `310000 sign not match`. The timestamp is in milliseconds and
 * must be within one hour of DingTalk's clock.
 */
import { toBase64 } from '../crypto/bytes';
import { type CryptoPort, PURE_CRYPTO } from '../crypto/port';
import { requireNonEmpty } from './crypto-util';

/** The `timestamp` and raw (not URL-encoded) base64 `sign` for a DingTalk robot. */
export interface DingtalkSignature {
  /** Milliseconds since the epoch, as decimal digits. */
  timestamp: string;
  /** Base64 HMAC-SHA256; NOT URL-encoded. */
  sign: string;
}

/**
 * Smallest timestamp we accept as milliseconds (2001-09-09). A smaller value is
 * almost certainly seconds, which DingTalk would reject as `invalid timestamp`.
 */
const MIN_PLAUSIBLE_MS = 1e12;

/** Validates a millisecond timestamp and renders it as decimal digits. */
function formatTimestampMs(timestampMs: number): string {
  if (!Number.isSafeInteger(timestampMs) || timestampMs < 0) {
    throw new RangeError(`dingtalk: timestamp must be a non-negative integer number of milliseconds, got ${timestampMs}`);
  }
  if (timestampMs < MIN_PLAUSIBLE_MS) {
    throw new RangeError(`dingtalk: timestamp ${timestampMs} looks like seconds; DingTalk wants milliseconds`);
  }
  return String(timestampMs);
}

/**
 * Computes the DingTalk robot signature.
 * @param secret the `SEC…` secret from the robot's security settings.
 * @param timestampMs the current time in milliseconds (e.g. `Date.now()`).
 * @param crypto the crypto port (the engine's own implementation by default).
 * @returns `{ timestamp, sign }` with `sign` in plain base64 (not URL-encoded).
 */
export function dingtalkSign(secret: string, timestampMs: number, crypto: CryptoPort = PURE_CRYPTO): DingtalkSignature {
  requireNonEmpty(secret, 'dingtalk secret');
  const timestamp = formatTimestampMs(timestampMs);
  const sign = toBase64(crypto.hmacSha256(secret, `${timestamp}\n${secret}`));
  return { timestamp, sign };
}

/** True for a raw query segment whose (undecoded) name is `timestamp` or `sign`. */
function isSigningParam(segment: string): boolean {
  const eq = segment.indexOf('=');
  const name = eq < 0 ? segment : segment.slice(0, eq);
  return name === 'timestamp' || name === 'sign';
}

/**
 * Returns `url` with `timestamp` and `sign` appended to its query.
 *
 * - The existing query (e.g. `access_token=…`) is kept byte for byte; only
 *   stale `timestamp`/`sign` parameters from an earlier signing are removed,
 *   so re-signing a URL never leaves two signatures in it.
 * - `sign` is URL-encoded exactly once with `encodeURIComponent`.
 * - A `#fragment`, if any, stays at the end.
 * The URL is treated as text (not re-serialised through `URL`), so nothing
 * else in it changes.
 */
export function dingtalkSignedUrl(url: string, secret: string, timestampMs: number, crypto: CryptoPort = PURE_CRYPTO): string {
  return withDingtalkSignature(url, dingtalkSign(secret, timestampMs, crypto));
}

/** `url` with the given `timestamp` and `sign` in its query, as dingtalkSignedUrl puts them. */
export function withDingtalkSignature(url: string, { timestamp, sign }: DingtalkSignature): string {
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt < 0 ? url : url.slice(0, hashAt);
  const fragment = hashAt < 0 ? '' : url.slice(hashAt);

  const queryAt = beforeHash.indexOf('?');
  const base = queryAt < 0 ? beforeHash : beforeHash.slice(0, queryAt);
  const query = queryAt < 0 ? '' : beforeHash.slice(queryAt + 1);

  const kept = query === '' ? [] : query.split('&').filter((s) => s !== '' && !isSigningParam(s));
  kept.push(`timestamp=${timestamp}`, `sign=${encodeURIComponent(sign)}`);
  return `${base}?${kept.join('&')}${fragment}`;
}
