/**
 * Huawei Cloud stand-in, AOM and CTS in one server (research.md §D, docs/003, docs/004):
 * - AOM `PUT /v2/{project_id}/push/events[?action=clear]` → 204;
 *   bad body → 400 `{error_code:"AOM.0400", error_msg:"parse eventParam failed", error_type:"SC_BAD_REQUEST"}`.
 * - CTS key-operation notifications, a small stateful fake (details and guesses
 *   in `cts-notifications.ts`): `POST /v3/{project_id}/notifications` → 201;
 *   `GET /v3/{project_id}/notifications/{smn|fun}[?notification_name=]` → 200
 *   `{notifications}`; `PUT /v3/{project_id}/notifications` → 200 (full replace);
 *   `DELETE /v3/{project_id}/notifications?notification_id=a[,b]` → 204, unknown → 404.
 * - Another path or method → 404 `APIGW.0101`; another project → 403 `APIGW.0302`.
 *
 * Test hooks: `notifications` is the CTS state (change, push with
 * `addNotification`, splice) to simulate edits in the console; `writes` lists
 * every CTS POST/PUT/DELETE received, scripted ones included;
 * `failWhen(operation, body)` makes a chosen, authenticated request fail
 * (`{status, code, message}` as `{error_code, error_msg}`, or a raw canned
 * answer). Operations: `PushEvents`, `CreateNotification`, `ListNotifications`
 * (body `{notification_type, notification_name?}`), `UpdateNotification`,
 * `DeleteNotification` (body `{notification_id: [ids]}`); POST/PUT get the
 * parsed JSON body. The `script` behaviours of `server.ts` apply to every request.
 *
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
import { header, isObject, json, parseJson, startServer, type Canned, type Received, type StandIn, type StandInOptions, type VendorAnswer } from './server';
import { ctsNotifications, type Notification } from './cts-notifications';

/** A failure `failWhen` asks for: a vendor error (`{error_code, error_msg}`) or a raw canned answer. */
export type HuaweiFailure = { status: number; code: string; message: string } | Canned;

/** A CTS write request as received (POST, PUT or DELETE on notifications). */
export interface HuaweiWrite {
  method: string;
  url: string;
  /** The parsed JSON body (undefined for DELETE or a body that is not JSON). */
  body: unknown;
  verdict: string;
}

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
  /** Called for each authenticated request to a known route; an answer replaces the operation's. */
  failWhen?: (operation: string, body: unknown) => HuaweiFailure | undefined;
}

export interface HuaweiStandIn extends StandIn {
  /** Accepted AOM pushes. */
  events: { action: 'report' | 'clear'; events: unknown[] }[];
  /** The CTS state: the project's notifications in creation order (the 201 bodies, then PUT results). */
  notifications: Record<string, unknown>[];
  /** Adds a notification as if made in the console (not a write); `status` is honoured. */
  addNotification(body: Record<string, unknown>): Record<string, unknown>;
  /** Every CTS write request received so far. */
  readonly writes: HuaweiWrite[];
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

const CTS_WRITE = /^\/v3\/[^/]+\/notifications$/;
const CTS_OPERATIONS: Record<string, string | undefined> = { POST: 'CreateNotification', PUT: 'UpdateNotification', DELETE: 'DeleteNotification' };

/** The operation a request asks for, its project, and the notification type for a list. */
function route(req: Received): { operation: string; project: string; type?: string } | undefined {
  const path = req.url.pathname;
  const aom = /^\/v2\/([^/]+)\/push\/events$/.exec(path);
  if (aom) return req.method === 'PUT' ? { operation: 'PushEvents', project: aom[1]! } : undefined;
  const list = /^\/v3\/([^/]+)\/notifications\/([^/]+)$/.exec(path);
  if (list) return req.method === 'GET' ? { operation: 'ListNotifications', project: list[1]!, type: list[2]! } : undefined;
  const cts = /^\/v3\/([^/]+)\/notifications$/.exec(path);
  const operation = CTS_OPERATIONS[req.method];
  return cts && operation ? { operation, project: cts[1]! } : undefined;
}

/** What `failWhen` is given as the body of each operation. */
function failWhenBody(operation: string, req: Received, type: string | undefined): unknown {
  const q = req.url.searchParams;
  if (operation === 'ListNotifications') return { notification_type: type, ...(q.has('notification_name') ? { notification_name: q.get('notification_name') } : {}) };
  if (operation === 'DeleteNotification') return { notification_id: q.getAll('notification_id').flatMap((v) => v.split(',')) };
  return parseJson(req.text);
}

export async function startHuawei(options: HuaweiOptions): Promise<HuaweiStandIn> {
  if (!options.token && !options.aksk) throw new Error('startHuawei: configure a token, an AK/SK pair, or both');
  const now = options.now ?? Date.now;
  const events: HuaweiStandIn['events'] = [];
  const notifications: Notification[] = [];
  const cts = ctsNotifications(notifications, { projectId: options.projectId, allowSameName: options.allowSameName, now });
  const handler = (req: Received): VendorAnswer => {
    const found = route(req);
    if (!found) return json(404, { error_code: 'APIGW.0101', error_msg: 'The API does not exist or has not been published in the environment' }, 'no such API');
    const denied = authProblem(req, options, now());
    if (denied) return denied;
    const { operation, project, type } = found;
    if (project !== options.projectId) return json(403, { error_code: 'APIGW.0302', error_msg: `project ${project} is not accessible with these credentials` }, 'wrong project');
    const forced = options.failWhen?.(operation, failWhenBody(operation, req, type));
    if (forced) {
      if ('code' in forced) return json(forced.status, { error_code: forced.code, error_msg: forced.message }, `failWhen: ${forced.code} ${forced.message}`);
      return { status: forced.status, body: forced.body, headers: forced.headers, verdict: `failWhen: HTTP ${forced.status}` };
    }
    const body = parseJson(req.text);
    switch (operation) {
      case 'CreateNotification':
        return cts.create(body);
      case 'ListNotifications':
        return cts.list(type!, req.url.searchParams);
      case 'UpdateNotification':
        return cts.update(body);
      case 'DeleteNotification':
        return cts.remove(req.url.searchParams);
    }
    const clear = req.url.searchParams.get('action') === 'clear';
    const problem = aomProblem(body, clear);
    if (problem) {
      return json(400, { error_code: 'AOM.0400', error_msg: 'parse eventParam failed', error_type: 'SC_BAD_REQUEST', trace_id: randomUUID() }, `AOM.0400 ${problem}`);
    }
    events.push({ action: clear ? 'clear' : 'report', events: (body as { events: unknown[] }).events });
    return { status: 204, verdict: 'ok' };
  };
  const standIn = await startServer(handler, options);
  const extra = {
    events,
    notifications,
    addNotification(body: Record<string, unknown>) {
      const added = cts.add(body);
      if (body['status'] !== undefined) added['status'] = body['status'];
      return added;
    },
    get writes(): HuaweiWrite[] {
      return standIn.requests
        .filter((r) => r.method !== 'GET' && CTS_WRITE.test(new URL(r.url, 'http://127.0.0.1').pathname))
        .map((r) => ({ method: r.method, url: r.url, body: parseJson(r.body), verdict: r.verdict }));
    },
  };
  // defineProperties keeps `writes` a getter (Object.assign would copy its value once).
  return Object.defineProperties(standIn, Object.getOwnPropertyDescriptors(extra)) as HuaweiStandIn;
}
