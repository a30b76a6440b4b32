/**
 * Huawei Cloud API Gateway AK/SK signing ("SDK-HMAC-SHA256"), research.md §D,
 * plus the IAM-token alternative.
 *
 *   CanonicalRequest = METHOD \n CanonicalURI \n CanonicalQuery \n
 *                      CanonicalHeaders \n SignedHeaders \n hex(sha256(body))
 *   StringToSign     = "SDK-HMAC-SHA256" \n X-Sdk-Date \n hex(sha256(CanonicalRequest))
 *   Signature        = hex( HMAC-SHA256( key = SK, StringToSign ) )
 *   Authorization    = "SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<h1;h2>, Signature=<hex>"
 *
 * Which headers are signed (as the Go SDK does; its published vectors depend
 * on it): every header of the request, lower-cased, except names containing
 * `_`, names starting with `content-type`, and `Authorization`; `X-Sdk-Date`
 * is always added and signed.
 *
 * `Host` is NOT added. The published vectors sign only `x-sdk-date`, so the
 * gateway accepts a signature without `host`, and the transport derives Host
 * from the URL anyway. A caller who wants `host` signed puts a `Host` header in
 * the request; it is then signed like any other header.
 */
import type { OutgoingRequest } from '../http/request';
import { compareBytes, toHex } from '../crypto/bytes';
import { type CryptoPort, PURE_CRYPTO } from '../crypto/port';
import {
  assertUniqueHeaderNames,
  basicIsoDateTime,
  findHeader,
  parseQuery,
  percentDecode,
  requireNonEmpty,
  rfc3986Encode,
  withoutHeaders,
} from './crypto-util';

/** The algorithm name, first line of the string to sign and of Authorization. */
export const HUAWEI_ALGORITHM = 'SDK-HMAC-SHA256';

/** Huawei AK/SK credentials (access key id and secret key, used as-is). */
export interface HuaweiAkSk {
  ak: string;
  sk: string;
}

/**
 * Canonical URI: split the URL path on `/`, percent-decode each segment to raw
 * bytes, RFC 3986-encode it again, join, and always end with `/`
 * (`/path` → `/path/`, empty → `/`). Decoding first means `%20` and a raw
 * space (or `%E4%B8%80` and a raw `一`) canonicalise the same way, `+` stays a
 * literal plus (`%2B`), and `%2F` inside a segment stays `%2F`.
 */
export function huaweiCanonicalUri(pathname: string): string {
  const joined = pathname
    .split('/')
    .map((segment) => rfc3986Encode(percentDecode(segment, false)))
    .join('/');
  return joined.endsWith('/') ? joined : `${joined}/`;
}

/**
 * Canonical query: decode every pair (`+` is a space), sort by key, then by
 * value for repeated keys, comparing the raw UTF-8 bytes (Go `sort.Strings`),
 * and emit `escape(key)=escape(value)` joined by `&` (RFC 3986 escaping).
 * Accepts the URL's `search` with or without `?`.
 */
export function huaweiCanonicalQuery(search: string): string {
  return parseQuery(search)
    .sort((a, b) => compareBytes(a.key, b.key) || compareBytes(a.value, b.value))
    .map((p) => `${rfc3986Encode(p.key)}=${rfc3986Encode(p.value)}`)
    .join('&');
}

/** True when header `name` takes part in the signature (see the file comment). */
export function huaweiIsSignedHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return !lower.includes('_') && !lower.startsWith('content-type') && lower !== 'authorization';
}

/**
 * Builds the canonical request for `req` exactly as it will be sent: it must
 * already carry `X-Sdk-Date` (the signer adds it before calling this). The
 * body hash is over the UTF-8 bytes of `req.body` (empty body → hash of ""),
 * unless an `X-Sdk-Content-Sha256` header (e.g. `UNSIGNED-PAYLOAD`) overrides it.
 */
export function huaweiCanonicalRequest(req: OutgoingRequest, crypto: CryptoPort = PURE_CRYPTO): { canonicalRequest: string; signedHeaders: string } {
  assertUniqueHeaderNames(req.headers);
  const url = new URL(req.url);
  const entries = Object.entries(req.headers)
    .filter(([name]) => huaweiIsSignedHeader(name))
    .map(([name, value]) => [name.toLowerCase(), value.trim()] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const canonicalHeaders = entries.map(([name, value]) => `${name}:${value}\n`).join('');
  const signedHeaders = entries.map(([name]) => name).join(';');
  const payloadHash = findHeader(req.headers, 'X-Sdk-Content-Sha256') ?? crypto.sha256Hex(req.body ?? '');
  const canonicalRequest = [
    req.method,
    huaweiCanonicalUri(url.pathname),
    huaweiCanonicalQuery(url.search),
    canonicalHeaders,
    signedHeaders,
    payloadHash,
  ].join('\n');
  return { canonicalRequest, signedHeaders };
}

/** `SDK-HMAC-SHA256\n<X-Sdk-Date>\n<hex sha256 of the canonical request>`. */
export function huaweiStringToSign(canonicalRequest: string, sdkDate: string, crypto: CryptoPort = PURE_CRYPTO): string {
  return `${HUAWEI_ALGORITHM}\n${sdkDate}\n${crypto.sha256Hex(canonicalRequest)}`;
}

/**
 * Signs `req` with AK/SK at time `now` and returns a new request carrying
 * `X-Sdk-Date` and `Authorization` (any previous values of those two headers
 * are replaced). The input request is not modified; URL and body are unchanged.
 * Throws on an empty AK/SK, an invalid date or duplicate header names.
 * `crypto` is the crypto port (the engine's own implementation by default).
 */
export function huaweiSignRequest(req: OutgoingRequest, cred: HuaweiAkSk, now: Date, crypto: CryptoPort = PURE_CRYPTO): OutgoingRequest {
  requireNonEmpty(cred.ak, 'huawei AK');
  requireNonEmpty(cred.sk, 'huawei SK');
  const sdkDate = basicIsoDateTime(now);
  const headers = { ...withoutHeaders(req.headers, ['X-Sdk-Date', 'Authorization']), 'X-Sdk-Date': sdkDate };
  const dated: OutgoingRequest = { ...req, headers };
  const { canonicalRequest, signedHeaders } = huaweiCanonicalRequest(dated, crypto);
  const signature = toHex(crypto.hmacSha256(cred.sk, huaweiStringToSign(canonicalRequest, sdkDate, crypto)));
  const authorization = `${HUAWEI_ALGORITHM} Access=${cred.ak}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return { ...dated, headers: { ...headers, Authorization: authorization } };
}

/**
 * Headers for the IAM-token alternative: the token (from the `X-Subject-Token`
 * response header of `POST /v3/auth/tokens`, valid 24 h) is sent as
 * `X-Auth-Token`. Merge these into a request instead of AK/SK signing.
 */
export function huaweiTokenHeaders(token: string): Record<string, string> {
  requireNonEmpty(token, 'huawei IAM token');
  if (/[\r\n]/.test(token)) throw new Error('signing: huawei IAM token must not contain line breaks');
  return { 'X-Auth-Token': token.trim() };
}
