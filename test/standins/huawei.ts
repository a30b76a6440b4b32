/**
 * Huawei Cloud stand-in, AOM and CTS in one server (research.md §D, docs/003, docs/004):
 * - AOM `PUT /v2/{project_id}/push/events[?action=clear]` → 204;
 *   bad body → 400 `{error_code:"AOM.0400", error_msg:"parse eventParam failed", error_type:"SC_BAD_REQUEST"}`.
 * - CTS `POST /v3/{project_id}/notifications` → 201 echoing the request plus
 *   notification_id/status/create_time/notification_type/project_id;
 *   bad body → 400 `{error_code:"CTS.0001", error_msg}`; a notification_name already
 *   created → 400 `{error_code:"CTS.0400", error_msg:"NotificationV3 name is existed already"}`
 *   (research-gitops.md §2.1).
 * Auth: `X-Auth-Token` equal to the configured token, or AK/SK
 * `Authorization: SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…`;
 * failures → 401 `{error_code:"APIG.0301", error_msg:"Incorrect IAM authentication information: …"}`.
 *
 * AK/SK verification re-computes the signature with the pieces of the official
 * Node SDK signer (`AKSKSigner` of @huaweicloud/huaweicloud-sdk-core):
 * `CanonicalURI` (of the raw request path), `CanonicalQueryString` (of the
 * decoded query, repeated keys as arrays), `buildCanonicalHeaders` (of exactly
 * the headers named in SignedHeaders, with the values received),
 * `buildCanonicalRequest`, `getStringToSign`, `Hex` and `hmacSHA256`.
 * `AKSKSigner.sign()` itself is not used for verifying, because it always adds
 * `host`, signs every header it is given and hashes `JSON.stringify(data)`;
 * here the payload hash is `Hex` of the exact body bytes received (or the
 * `X-Sdk-Content-Sha256` header when that is `UNSIGNED-PAYLOAD` or equals it),
 * which is what the gateway checks. A request signed by `AKSKSigner.sign()`
 * and sent with body `JSON.stringify(data)` verifies, and so does one signed
 * with only `x-sdk-date`.
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner';
import { header, isObject, json, parseJson, startServer, type Received, type StandIn, type StandInOptions, type VendorAnswer } from './server';

/** The SDK signer's building blocks (protected statics in its typings, public at run time). */
interface AkskPieces {
  CanonicalURI(path: string): string;
  CanonicalQueryString(r: { queryParams: Record<string, string | string[]> }): string;
  buildCanonicalHeaders(headers: Record<string, string>): string;
  buildCanonicalRequest(method: string, uri: string, query: string, headers: string, signed: string, payloadHash: string): string;
  getStringToSign(algorithm: string, date: string, canonicalRequestHash: string): string;
  Hex(data: string | Buffer): string;
  hmacSHA256(sk: string, data: string): string;
}
const SDK = AKSKSigner as unknown as AkskPieces;

export interface HuaweiOptions extends StandInOptions {
  projectId: string;
  /** Accepted IAM token (`X-Auth-Token`). */
  token?: string;
  /** Accepted AK/SK pair. */
  aksk?: { ak: string; sk: string };
  /** Clock (ms) for the X-Sdk-Date check (15 min). */
  now?: () => number;
  /** Create a notification_name again instead of answering CTS.0400 (for tests that apply one file many times). */
  allowSameName?: boolean;
}

export interface HuaweiStandIn extends StandIn {
  /** Accepted AOM pushes. */
  events: { action: 'report' | 'clear'; events: unknown[] }[];
  /** Created CTS notifications (the 201 bodies). */
  notifications: Record<string, unknown>[];
}

const AUTH_RE = /^SDK-HMAC-SHA256\s+Access=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-fA-F]+)$/;
const iamFail = (reason: string): VendorAnswer =>
  json(401, { error_code: 'APIG.0301', error_msg: `Incorrect IAM authentication information: ${reason}` }, `APIG.0301 ${reason}`);

function sdkDateMs(value: string | undefined): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? '');
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : undefined;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The signature the SDK's pieces give for the request as received. */
export function huaweiExpectedSignature(req: Received, signedHeaders: string, sk: string): string {
  const names = signedHeaders.split(';');
  const headers: Record<string, string> = {};
  for (const name of names) headers[name] = header(req, name) ?? '';
  const queryParams: Record<string, string | string[]> = {};
  for (const key of new Set(req.url.searchParams.keys())) {
    const all = req.url.searchParams.getAll(key);
    queryParams[key] = all.length === 1 ? all[0]! : all;
  }
  const bodyHash = SDK.Hex(req.body);
  const declared = header(req, 'x-sdk-content-sha256');
  const payloadHash = declared === 'UNSIGNED-PAYLOAD' || declared === bodyHash ? declared : bodyHash;
  const rawPath = req.rawUrl.split('?')[0]!;
  const canonical = SDK.buildCanonicalRequest(
    req.method,
    SDK.CanonicalURI(rawPath),
    SDK.CanonicalQueryString({ queryParams }),
    SDK.buildCanonicalHeaders(headers),
    names.join(';'),
    payloadHash,
  );
  return SDK.hmacSHA256(sk, SDK.getStringToSign('SDK-HMAC-SHA256', header(req, 'x-sdk-date') ?? '', SDK.Hex(canonical)));
}

function authProblem(req: Received, options: HuaweiOptions, now: number): VendorAnswer | undefined {
  const token = header(req, 'x-auth-token');
  if (token !== undefined) return options.token !== undefined && same(token, options.token) ? undefined : iamFail('decrypt token fail');
  const auth = header(req, 'authorization');
  if (!auth) return iamFail('Authorization not found');
  const m = AUTH_RE.exec(auth);
  if (!m) return iamFail('verify aksk signature fail');
  const [, ak, signed, signature] = m as unknown as [string, string, string, string];
  if (!options.aksk || ak !== options.aksk.ak) return iamFail(`Get secretKey failed,ak:${ak},err:ak not exist`);
  const names = signed.split(';');
  const date = sdkDateMs(header(req, 'x-sdk-date'));
  if (!names.includes('x-sdk-date') || date === undefined) return iamFail('verify aksk signature fail');
  if (Math.abs(now - date) > 15 * 60_000) return iamFail('signature expired');
  if (!same(signature.toLowerCase(), huaweiExpectedSignature(req, signed, options.aksk.sk))) return iamFail('verify aksk signature fail');
  return undefined;
}

const METADATA_KEYS = ['event_name', 'event_severity', 'event_type', 'resource_provider', 'resource_type', 'resource_id'];

/** Why an AOM body is rejected, or undefined. */
function aomProblem(body: unknown, clear: boolean): string | undefined {
  if (!isObject(body) || !Array.isArray(body['events']) || body['events'].length === 0) return 'events must be a non-empty array';
  for (const e of body['events']) {
    if (!isObject(e) || !isObject(e['metadata'])) return 'each event needs a metadata object';
    const md = e['metadata'];
    const missing = METADATA_KEYS.find((k) => typeof md[k] !== 'string' || md[k] === '');
    if (missing) return `metadata.${missing} is mandatory`;
    if (!clear && typeof e['starts_at'] !== 'number') return 'starts_at is mandatory when reporting';
    if (clear && typeof e['ends_at'] !== 'number') return 'ends_at is mandatory when clearing';
  }
  return undefined;
}

/** Why a CTS body is rejected, or undefined. */
function ctsProblem(body: unknown): string | undefined {
  if (!isObject(body)) return 'the request body is not a JSON object';
  if (typeof body['notification_name'] !== 'string' || body['notification_name'] === '') return 'notification_name is mandatory';
  const type = body['operation_type'];
  if (type !== 'complete' && type !== 'customized') return 'operation_type must be complete or customized';
  if (type === 'customized' && (!Array.isArray(body['operations']) || body['operations'].length === 0)) return 'operations is mandatory for customized';
  const users = body['notify_user_list'];
  if (users !== undefined) {
    if (!Array.isArray(users) || users.length > 10) return 'notify_user_list supports at most 10 user groups';
    const count = users.reduce((n: number, g: unknown) => n + (isObject(g) && Array.isArray(g['user_list']) ? g['user_list'].length : 0), 0);
    if (count > 50) return 'notify_user_list supports at most 50 users';
  }
  return undefined;
}

export async function startHuawei(options: HuaweiOptions): Promise<HuaweiStandIn> {
  if (!options.token && !options.aksk) throw new Error('startHuawei: configure a token, an AK/SK pair, or both');
  const now = options.now ?? Date.now;
  const events: HuaweiStandIn['events'] = [];
  const notifications: Record<string, unknown>[] = [];
  const handler = (req: Received): VendorAnswer => {
    const aom = /^\/v2\/([^/]+)\/push\/events$/.exec(req.url.pathname);
    const cts = /^\/v3\/([^/]+)\/notifications$/.exec(req.url.pathname);
    const route = aom && req.method === 'PUT' ? 'aom' : cts && req.method === 'POST' ? 'cts' : undefined;
    if (!route) return json(404, { error_code: 'APIGW.0101', error_msg: 'The API does not exist or has not been published in the environment' }, 'no such API');
    const denied = authProblem(req, options, now());
    if (denied) return denied;
    const project = (aom ?? cts)![1];
    if (project !== options.projectId) return json(403, { error_code: 'APIGW.0302', error_msg: `project ${project} is not accessible with these credentials` }, 'wrong project');
    const body = parseJson(req.text);
    if (route === 'aom') {
      const clear = req.url.searchParams.get('action') === 'clear';
      const problem = aomProblem(body, clear);
      if (problem) {
        return json(400, { error_code: 'AOM.0400', error_msg: 'parse eventParam failed', error_type: 'SC_BAD_REQUEST', trace_id: randomUUID() }, `AOM.0400 ${problem}`);
      }
      events.push({ action: clear ? 'clear' : 'report', events: (body as { events: unknown[] }).events });
      return { status: 204, verdict: 'ok' };
    }
    const problem = ctsProblem(body);
    if (problem) return json(400, { error_code: 'CTS.0001', error_msg: `Invalid request: ${problem}` }, `CTS.0001 ${problem}`);
    const request = body as Record<string, unknown>;
    if (!options.allowSameName && notifications.some((n) => n['notification_name'] === request['notification_name'])) {
      return json(400, { error_code: 'CTS.0400', error_msg: 'NotificationV3 name is existed already' }, 'CTS.0400 duplicate notification_name');
    }
    const topic = typeof request['topic_id'] === 'string' ? request['topic_id'] : '';
    const created = {
      ...request,
      notification_id: randomUUID(),
      notification_type: topic.startsWith('urn:fss:') ? 'fun' : 'smn',
      project_id: options.projectId,
      status: 'enabled',
      create_time: now(),
    };
    notifications.push(created);
    return json(201, created, 'ok');
  };
  const standIn = await startServer(handler, options);
  return Object.assign(standIn, { events, notifications });
}
