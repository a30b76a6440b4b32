/**
 * Volcengine OpenAPI HMAC-SHA256 signing: the self-computed vector of
 * research.md §E, canonicalisation and edge cases, and a randomised
 * cross-check against the official @volcengine/openapi Signer.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import Signer from '@volcengine/openapi/lib/base/sign';
import type { OutgoingRequest } from '../../../server/src/engine/http/request';
import {
  volcengineCanonicalQuery,
  volcengineCanonicalRequest,
  volcengineCredentialScope,
  volcengineSignRequest,
} from '../../../server/src/engine/signing/volcengine';
import { rng as mulberry32 } from '../../helpers/random';

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const VMP = { region: 'cn-beijing', service: 'vmp' };
const CRED = { accessKeyId: 'AKLTexample', secretAccessKey: 'c2VjcmV0ZXhhbXBsZQ==' };
const JAN_1 = new Date('2024-01-01T00:00:00Z');

/** research.md §E request. Content-Type's value is not given there; application/json reproduces it. */
const VECTOR_REQ: OutgoingRequest = {
  method: 'POST',
  url: 'https://open.volcengineapi.com/?Action=CreateContact&Version=2021-03-03',
  headers: { 'Content-Type': 'application/json' },
  body: '{"Name":"demo"}',
};

describe('volcengineSignRequest: research.md self-computed vector', () => {
  test('x-content-sha256, signed headers and signature', () => {
    const signed = volcengineSignRequest(VECTOR_REQ, CRED, VMP, JAN_1);
    assert.equal(signed.headers['X-Date'], '20240101T000000Z');
    assert.equal(signed.headers['X-Content-Sha256'], '28110aec8b8cf7fcdf2515073b72b89405cd7b5b593fe35c67f19b9cd5834623');
    assert.equal(
      signed.headers['Authorization'],
      'HMAC-SHA256 Credential=AKLTexample/20240101/cn-beijing/vmp/request, ' +
        'SignedHeaders=content-type;host;x-content-sha256;x-date, ' +
        'Signature=7abe547a1289e2bd5991a4574038e6cb8242bd4c5fe8ce56481645bb2b5b3b46',
    );
    assert.equal(signed.headers['X-Security-Token'], undefined);
    assert.equal(signed.headers['Host'], undefined, 'host is signed from the URL, not added');
    assert.equal(signed.body, VECTOR_REQ.body);
    assert.equal(signed.url, VECTOR_REQ.url);
  });

  test('canonical request of the vector, spelled out', () => {
    const withDate = { ...VECTOR_REQ, headers: { ...VECTOR_REQ.headers, 'X-Date': '20240101T000000Z', 'X-Content-Sha256': '28110aec8b8cf7fcdf2515073b72b89405cd7b5b593fe35c67f19b9cd5834623' } };
    assert.equal(
      volcengineCanonicalRequest(withDate).canonicalRequest,
      'POST\n/\nAction=CreateContact&Version=2021-03-03\n' +
        'content-type:application/json\nhost:open.volcengineapi.com\n' +
        'x-content-sha256:28110aec8b8cf7fcdf2515073b72b89405cd7b5b593fe35c67f19b9cd5834623\nx-date:20240101T000000Z\n\n' +
        'content-type;host;x-content-sha256;x-date\n28110aec8b8cf7fcdf2515073b72b89405cd7b5b593fe35c67f19b9cd5834623',
    );
    assert.equal(volcengineCredentialScope('20240101T000000Z', VMP), '20240101/cn-beijing/vmp/request');
  });

  test('the SK is used as-is: a base64-decoded SK or other date/region/service change the signature', () => {
    const sig = (r: OutgoingRequest): string | undefined => r.headers['Authorization'];
    const ref = sig(volcengineSignRequest(VECTOR_REQ, CRED, VMP, JAN_1));
    assert.notEqual(sig(volcengineSignRequest(VECTOR_REQ, { ...CRED, secretAccessKey: 'secretexample' }, VMP, JAN_1)), ref);
    assert.notEqual(sig(volcengineSignRequest(VECTOR_REQ, CRED, { ...VMP, region: 'cn-shanghai' }, JAN_1)), ref);
    assert.notEqual(sig(volcengineSignRequest(VECTOR_REQ, CRED, { ...VMP, service: 'iam' }, JAN_1)), ref);
    assert.notEqual(sig(volcengineSignRequest(VECTOR_REQ, CRED, VMP, new Date('2024-01-02T00:00:00Z'))), ref);
  });
});

describe('volcengineCanonicalQuery', () => {
  test('sorted by key, repeated keys ordered by escaped value, RFC 3986, + is a space', () => {
    assert.equal(
      volcengineCanonicalQuery('?Version=2021-03-03&Action=ListContacts&Filter.Ids.1=b&Filter.Ids.1=a&Name=a+b%2B%E5%91%8A&x=*!'),
      'Action=ListContacts&Filter.Ids.1=a&Filter.Ids.1=b&Name=a%20b%2B%E5%91%8A&Version=2021-03-03&x=%2A%21',
    );
  });
  test('value-less keys and an empty query', () => {
    assert.equal(volcengineCanonicalQuery('?b&a='), 'a=&b=');
    assert.equal(volcengineCanonicalQuery(''), '');
  });
});

describe('volcengineSignRequest: behaviour and edge cases', () => {
  const get: OutgoingRequest = { method: 'GET', url: 'https://open.volcengineapi.com/?Action=ListContacts&Version=2021-03-03', headers: {} };

  test('empty body: X-Content-Sha256 is the hash of "" and is signed', () => {
    const signed = volcengineSignRequest(get, CRED, VMP, JAN_1);
    assert.equal(signed.headers['X-Content-Sha256'], EMPTY_SHA256);
    assert.match(signed.headers['Authorization']!, /SignedHeaders=host;x-content-sha256;x-date,/);
    assert.equal(volcengineSignRequest({ ...get, body: '' }, CRED, VMP, JAN_1).headers['X-Content-Sha256'], EMPTY_SHA256);
  });

  test('non-ASCII body is hashed as UTF-8', () => {
    const signed = volcengineSignRequest({ ...get, method: 'POST', body: '{"msg":"告警 ✓"}' }, CRED, VMP, JAN_1);
    assert.equal(signed.headers['X-Content-Sha256'], 'eb974ae536ee693ca504f99360d3ade31c3e7ae5e79b7ae27d519814348cde44');
  });

  test('session token: X-Security-Token is added and signed', () => {
    const signed = volcengineSignRequest(get, { ...CRED, sessionToken: 'STS.token' }, VMP, JAN_1);
    assert.equal(signed.headers['X-Security-Token'], 'STS.token');
    assert.match(signed.headers['Authorization']!, /SignedHeaders=host;x-content-sha256;x-date;x-security-token,/);
    assert.throws(() => volcengineSignRequest(get, { ...CRED, sessionToken: '' }, VMP, JAN_1), /sessionToken/);
  });

  test('host comes from the URL (port included) unless a Host header is given', () => {
    const hostLine = (r: OutgoingRequest): string | undefined =>
      volcengineCanonicalRequest(volcengineSignRequest(r, CRED, VMP, JAN_1)).canonicalRequest.split('\n').find((l) => l.startsWith('host:'));
    assert.equal(hostLine({ ...get, url: 'https://vmp.cn-beijing.volcengineapi.com:8443/?Action=A&Version=1' }), 'host:vmp.cn-beijing.volcengineapi.com:8443');
    assert.equal(hostLine({ ...get, url: 'https://open.volcengineapi.com:443/?Action=A&Version=1' }), 'host:open.volcengineapi.com');
    assert.equal(hostLine({ ...get, headers: { Host: 'proxy.example' } }), 'host:proxy.example');
  });

  test('custom headers signed (values trimmed, whitespace collapsed); User-Agent/Content-Length are not', () => {
    const req = { ...get, headers: { 'X-Custom': '  a \t  b ', 'User-Agent': 'alertcfg', 'Content-Length': '0' } };
    const signed = volcengineSignRequest(req, CRED, VMP, JAN_1);
    assert.match(signed.headers['Authorization']!, /SignedHeaders=host;x-content-sha256;x-custom;x-date,/);
    assert.ok(volcengineCanonicalRequest(signed).canonicalRequest.includes('\nx-custom:a b\n'));
    assert.equal(signed.headers['User-Agent'], 'alertcfg');
  });

  test('replaces stale signing headers (any case), keeps the input untouched, drops milliseconds', () => {
    const req = { ...get, headers: { 'x-date': 'old', authorization: 'old', 'x-content-sha256': 'old' } };
    const frozen = JSON.stringify(req);
    const signed = volcengineSignRequest(req, CRED, VMP, new Date('2024-01-01T08:00:00.789+08:00'));
    assert.equal(JSON.stringify(req), frozen);
    assert.deepEqual(Object.keys(signed.headers).sort(), ['Authorization', 'X-Content-Sha256', 'X-Date']);
    assert.equal(signed.headers['X-Date'], '20240101T000000Z');
  });

  test('errors: empty credentials or scope, invalid date, duplicate header names', () => {
    assert.throws(() => volcengineSignRequest(get, { ...CRED, accessKeyId: '' }, VMP, JAN_1), /accessKeyId/);
    assert.throws(() => volcengineSignRequest(get, { ...CRED, secretAccessKey: '' }, VMP, JAN_1), /secretAccessKey/);
    assert.throws(() => volcengineSignRequest(get, CRED, { ...VMP, region: '' }, JAN_1), /region/);
    assert.throws(() => volcengineSignRequest(get, CRED, { ...VMP, service: '' }, JAN_1), /service/);
    assert.throws(() => volcengineSignRequest(get, CRED, VMP, new Date(Number.NaN)), RangeError);
    assert.throws(() => volcengineSignRequest({ ...get, headers: { 'X-A': '1', 'x-a': '2' } }, CRED, VMP, JAN_1), /twice/);
  });
});

// ---------------------------------------------------------------------------
// Cross-check against the official @volcengine/openapi Signer
// (new Signer({region, method, pathname, params, headers, body}, service)
//  .addAuthorization({accessKeyId, secretKey, sessionToken}, date)).
//
// Where the SDK differs from research.md §E, inputs are constrained:
//  - The SDK never signs Content-Type ("unsignable" list); the official doc
//    example and the research.md vector sign it, and so do we. The random
//    requests therefore carry no Content-Type (covered by the vector above).
//  - The SDK signs only headers present in request.headers, so it gets an
//    explicit Host header; our signer derives host from the URL (also tested).
//  - For an empty body the SDK adds no X-Content-Sha256 (research.md: always
//    send it). For those cases the SDK is given X-Content-Sha256 = sha256("")
//    up front (computed here with node:crypto), which it then signs.
//  - Keys are sorted by UTF-16 code units in the SDK and by UTF-8 bytes here;
//    only U+E000..U+FFFF vs astral characters differ, and none are generated.
//  - The SDK uses `pathname` verbatim; OpenAPI paths are "/", so paths are
//    "/" or plain unreserved segments that the URL parser leaves unchanged.
// ---------------------------------------------------------------------------

const rand = mulberry32(0x0bce_2024);
const int = (n: number): number => Math.floor(rand() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
const str = (pool: readonly string[], min: number, max: number): string =>
  Array.from({ length: min + int(max - min + 1) }, () => pick(pool)).join('');

const METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const;
const HOSTS = ['open.volcengineapi.com', 'vmp.cn-beijing.volcengineapi.com', 'open.volcengineapi.com:8443', '10.0.0.1:9000'];
const ACTIONS = ['CreateContact', 'UpdateContact', 'ListContacts', 'DeleteContacts'];
const QUERY_KEYS = ['Filter.Ids.1', 'Filter.Name', 'PageNumber', 'PageSize', 'Name', 'name', 'a b', 'a+b', 'k&v', 'k=v', '中文', 'é~'];
const VALUE_CHARS = [...'abcXYZ0189-._~ !*\'()&=?#+/%,;:@$[]"<>', '中', 'é', 'ß', '😀', '告'];
const HEADER_NAMES = ['X-Custom', 'X-Top-Request-Id', 'x-trace-id', 'Accept', 'X-A1', 'x-b-2', 'User-Agent'];
const HEADER_VALUE_CHARS = [...'abcXYZ0189-._~!*()=/;:,', ' ', '  ', '\t'];
const UNRESERVED = [...'abcxyzABC019-._~'];

interface Case {
  ours: OutgoingRequest;
  cred: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  scope: { region: string; service: string };
  now: Date;
  sdk: { region: string; method: string; pathname: string; params: Record<string, string | string[]>; headers: Record<string, string>; body?: string };
}

function randomCase(): Case {
  const method = pick(METHODS);
  const host = pick(HOSTS);
  const pathname = rand() < 0.7 ? '/' : `/${Array.from({ length: 1 + int(3) }, () => `p${str(UNRESERVED, 1, 5)}`).join('/')}`;
  const pairs: Array<readonly [string, string]> = [['Action', pick(ACTIONS)], ['Version', '2021-03-03']];
  for (let i = int(6); i > 0; i--) pairs.push([pick(QUERY_KEYS), str(VALUE_CHARS, 0, 8)]);
  for (let i = pairs.length - 1; i > 0; i--) {
    const j = int(i + 1);
    [pairs[i], pairs[j]] = [pairs[j]!, pairs[i]!];
  }
  const query = pairs
    .map(([k, v]) => (rand() < 0.5 ? `${encodeURIComponent(k)}=${encodeURIComponent(v)}` : `${encodeURIComponent(k)}=${encodeURIComponent(v).replace(/%20/g, '+')}`))
    .join('&');
  const params: Record<string, string | string[]> = {};
  for (const [k, v] of pairs) {
    const prev = params[k];
    params[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }

  const headers: Record<string, string> = {};
  for (const name of HEADER_NAMES) {
    if (rand() < 0.35) headers[name] = `${pick(['', ' ', '\t'])}${str(HEADER_VALUE_CHARS, 1, 10)}x${pick(['', ' ', '  '])}`;
  }
  const body =
    method === 'POST' || method === 'PUT'
      ? rand() < 0.85
        ? JSON.stringify({ Name: str(VALUE_CHARS, 1, 10), LarkBotWebhook: { Address: 'https://open.feishu.cn/x', SecretKey: str(VALUE_CHARS, 0, 6) }, N: int(1e6) }) + (rand() < 0.3 ? '\n' : '')
        : ''
      : undefined;

  const cred = { accessKeyId: `AKLT${str(UNRESERVED, 8, 12)}`, secretAccessKey: `${str(UNRESERVED, 10, 20)}==` } as Case['cred'];
  if (rand() < 0.3) cred.sessionToken = `STS${str(UNRESERVED, 10, 30)}`;
  const scope = { region: pick(['cn-beijing', 'cn-shanghai', 'ap-southeast-1']), service: pick(['vmp', 'iam', 'vpc']) };
  const now = new Date(Date.UTC(2019 + int(12), int(12), 1 + int(28), int(24), int(60), int(60), int(1000)));

  const sdkHeaders: Record<string, string> = { ...headers, Host: host };
  if (!body) sdkHeaders['X-Content-Sha256'] = createHash('sha256').update('').digest('hex');
  const ours: OutgoingRequest = { method, url: `https://${host}${pathname}?${query}`, headers };
  if (body !== undefined) ours.body = body;
  const sdk: Case['sdk'] = { region: scope.region, method, pathname, params, headers: sdkHeaders };
  if (body) sdk.body = body;
  return { ours, cred, scope, now, sdk };
}

describe('volcengineSignRequest: cross-check with @volcengine/openapi Signer', () => {
  const cases = Array.from({ length: 60 }, randomCase);

  test('generator sanity: the inputs really contain the odd cases', () => {
    assert.ok(cases.some((c) => Object.values(c.sdk.params).some(Array.isArray)), 'repeated keys');
    assert.ok(cases.some((c) => c.cred.sessionToken) && cases.some((c) => !c.cred.sessionToken));
    assert.ok(cases.some((c) => !c.ours.body) && cases.some((c) => c.ours.body?.includes('😀') || c.ours.body?.includes('中')));
    assert.ok(cases.some((c) => Object.values(c.ours.headers).some((v) => /\s{2}|\t/.test(v))));
  });

  cases.forEach((c, i) => {
    test(`#${i} ${c.ours.method} ${c.ours.url}`, () => {
      const signer = new Signer(structuredClone(c.sdk), c.scope.service);
      signer.addAuthorization({ accessKeyId: c.cred.accessKeyId, secretKey: c.cred.secretAccessKey, sessionToken: c.cred.sessionToken }, c.now);
      const sdkHeaders = signer.request.headers as Record<string, string>;
      const ours = volcengineSignRequest(c.ours, c.cred, c.scope, c.now);
      assert.equal(ours.headers['X-Date'], sdkHeaders['X-Date']);
      assert.equal(ours.headers['X-Content-Sha256'], sdkHeaders['X-Content-Sha256']);
      assert.equal(ours.headers['X-Security-Token'], sdkHeaders['X-Security-Token']);
      assert.equal(ours.headers['Authorization'], sdkHeaders['Authorization']);
    });
  });
});
