/**
 * Volcengine OpenAPI request signing (HMAC-SHA256), research.md §E.
 *
 *   CanonicalRequest = METHOD \n Path \n CanonicalQuery \n
 *                      CanonicalHeaders (each line \n-terminated) \n
 *                      SignedHeaders \n hex(sha256(body))
 *   CredentialScope  = YYYYMMDD/<region>/<service>/request
 *   StringToSign     = "HMAC-SHA256" \n X-Date \n CredentialScope \n hex(sha256(CanonicalRequest))
 *   kDate = HMAC(SK, YYYYMMDD)   (no "AWS4"-style prefix; SK used as-is, not base64-decoded)
 *   kRegion = HMAC(kDate, region); kService = HMAC(kRegion, service); kSigning = HMAC(kService, "request")
 *   Signature = hex(HMAC(kSigning, StringToSign))
 *   Authorization = "HMAC-SHA256 Credential=<AK>/<scope>, SignedHeaders=<h;…>, Signature=<hex>"
 *
 * Signed headers, sorted: `host` (the `Host` header if given, else the URL's
 * host — the transport sends the same value, so no Host header is added),
 * `x-date`, `x-content-sha256`, `x-security-token` (with a session token),
 * `content-type` when present (as in the official doc example), and every other
 * header of the request except `authorization`, `content-length`,
 * `user-agent`, `expect` and `presigned-expires` (the official Node SDK's
 * "unsignable" list — minus `content-type`, which the SDK skips but the doc
 * example signs). Header values are trimmed and inner whitespace runs
 * collapsed to one space (as the SDK does).
 */
import type { OutgoingRequest } from '../http/request';
import { compareBytes, toHex } from '../crypto/bytes';
import { type CryptoPort, PURE_CRYPTO } from '../crypto/port';
import {
  assertUniqueHeaderNames,
  basicIsoDateTime,
  parseQuery,
  requireNonEmpty,
  rfc3986Encode,
  withoutHeaders,
} from './crypto-util';

/** The algorithm name used in the string to sign and in Authorization. */
export const VOLCENGINE_ALGORITHM = 'HMAC-SHA256';

/** Volcengine credentials; `sessionToken` only for STS credentials. */
export interface VolcengineCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** Where the request goes: region (e.g. `cn-beijing`) and service (e.g. `vmp`). */
export interface VolcengineScope {
  region: string;
  service: string;
}

/** Headers never signed (lower-case). */
const UNSIGNED_HEADERS = new Set(['authorization', 'content-length', 'user-agent', 'expect', 'presigned-expires']);

/**
 * Canonical query: decode the pairs (`+` is a space), sort by raw key bytes,
 * RFC 3986-escape key and value, and for a repeated key order its values by
 * their escaped form (as the official Node SDK does). Joined by `&`.
 */
export function volcengineCanonicalQuery(search: string): string {
  const byKey = new Map<string, { key: Uint8Array; values: string[] }>();
  for (const { key, value } of parseQuery(search)) {
    const id = toHex(key);
    const entry = byKey.get(id) ?? { key, values: [] };
    entry.values.push(rfc3986Encode(value));
    byKey.set(id, entry);
  }
  return [...byKey.values()]
    .sort((a, b) => compareBytes(a.key, b.key))
    .flatMap(({ key, values }) => values.sort().map((v) => `${rfc3986Encode(key)}=${v}`))
    .join('&');
}

/** `YYYYMMDD/<region>/<service>/request`. */
export function volcengineCredentialScope(date: string, scope: VolcengineScope): string {
  return `${date.slice(0, 8)}/${scope.region}/${scope.service}/request`;
}

/** The derived signing key: HMAC chain SK → date → region → service → "request". */
export function volcengineSigningKey(secretAccessKey: string, date: string, scope: VolcengineScope, crypto: CryptoPort = PURE_CRYPTO): Uint8Array {
  const kDate = crypto.hmacSha256(secretAccessKey, date.slice(0, 8));
  const kRegion = crypto.hmacSha256(kDate, scope.region);
  const kService = crypto.hmacSha256(kRegion, scope.service);
  return crypto.hmacSha256(kService, 'request');
}

/**
 * Builds the canonical request for `req` as it will be sent: it must already
 * carry `X-Date` and `X-Content-Sha256` (the signer adds them first). The body
 * hash is always recomputed from the UTF-8 bytes of `req.body`.
 */
export function volcengineCanonicalRequest(req: OutgoingRequest, crypto: CryptoPort = PURE_CRYPTO): { canonicalRequest: string; signedHeaders: string } {
  assertUniqueHeaderNames(req.headers);
  const url = new URL(req.url);
  const values = new Map<string, string>();
  for (const [name, value] of Object.entries(req.headers)) {
    const lower = name.toLowerCase();
    if (!UNSIGNED_HEADERS.has(lower)) values.set(lower, value.trim().replace(/\s+/g, ' '));
  }
  if (!values.has('host')) values.set('host', url.host);
  const names = [...values.keys()].sort();
  const canonicalHeaders = names.map((n) => `${n}:${values.get(n)}\n`).join('');
  const signedHeaders = names.join(';');
  const canonicalRequest = [
    req.method,
    url.pathname === '' ? '/' : url.pathname,
    volcengineCanonicalQuery(url.search),
    canonicalHeaders,
    signedHeaders,
    crypto.sha256Hex(req.body ?? ''),
  ].join('\n');
  return { canonicalRequest, signedHeaders };
}

/** `HMAC-SHA256\n<X-Date>\n<scope>\n<hex sha256 of the canonical request>`. */
export function volcengineStringToSign(canonicalRequest: string, xDate: string, credentialScope: string, crypto: CryptoPort = PURE_CRYPTO): string {
  return `${VOLCENGINE_ALGORITHM}\n${xDate}\n${credentialScope}\n${crypto.sha256Hex(canonicalRequest)}`;
}

/**
 * Signs `req` at time `now` and returns a new request carrying `X-Date`,
 * `X-Content-Sha256`, `Authorization` and, with a session token,
 * `X-Security-Token` (earlier values of these headers are replaced). The input
 * is not modified. Throws on empty credentials/scope, an invalid date or
 * duplicate header names. The URL's query should carry `Action` and `Version`.
 * `crypto` is the crypto port (the engine's own implementation by default).
 */
export function volcengineSignRequest(
  req: OutgoingRequest,
  cred: VolcengineCredentials,
  scope: VolcengineScope,
  now: Date,
  crypto: CryptoPort = PURE_CRYPTO,
): OutgoingRequest {
  requireNonEmpty(cred.accessKeyId, 'volcengine accessKeyId');
  requireNonEmpty(cred.secretAccessKey, 'volcengine secretAccessKey');
  requireNonEmpty(scope.region, 'volcengine region');
  requireNonEmpty(scope.service, 'volcengine service');
  const xDate = basicIsoDateTime(now);
  const replaced = ['X-Date', 'X-Content-Sha256', 'Authorization'];
  if (cred.sessionToken !== undefined) replaced.push('X-Security-Token');
  const headers: Record<string, string> = {
    ...withoutHeaders(req.headers, replaced),
    'X-Date': xDate,
    'X-Content-Sha256': crypto.sha256Hex(req.body ?? ''),
  };
  if (cred.sessionToken !== undefined) {
    requireNonEmpty(cred.sessionToken, 'volcengine sessionToken');
    headers['X-Security-Token'] = cred.sessionToken;
  }
  const signed: OutgoingRequest = { ...req, headers };
  const { canonicalRequest, signedHeaders } = volcengineCanonicalRequest(signed, crypto);
  const credentialScope = volcengineCredentialScope(xDate, scope);
  const stringToSign = volcengineStringToSign(canonicalRequest, xDate, credentialScope, crypto);
  const signature = toHex(crypto.hmacSha256(volcengineSigningKey(cred.secretAccessKey, xDate, scope, crypto), stringToSign));
  headers['Authorization'] =
    `${VOLCENGINE_ALGORITHM} Credential=${cred.accessKeyId}/${credentialScope}, ` +
    `SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return { ...signed, headers };
}

