/**
 * Volcengine VMP stand-in (research.md §E, docs/000): `POST /?Action=CreateContact&Version=2021-03-03`.
 *
 * Answers like the OpenAPI gateway and VMP:
 * - 200 `{ResponseMetadata:{RequestId,Action,Version,Service:"vmp",Region}, Result:{Id[,SendStatus]}}`;
 * - 401 `Error.Code` `SignatureDoesNotMatch` (bad signature, body hash or scope),
 *   `MissingAuthenticationToken` (no Authorization), `InvalidAccessKey` (unknown AK),
 *   `InvalidTimestamp` (X-Date more than 15 min away; assumed code);
 * - 400 `MissingParameter.Name`, `InvalidParameter.Email`, `InvalidParameter` (body not JSON);
 * - 409 `Conflict.Name` for a Name already created (remembered across requests);
 * - 404 `InvalidActionOrVersion` for another Action/Version.
 *
 * The signature is re-computed by the official `Signer` of @volcengine/openapi
 * (`lib/base/sign`), given the request as received: method, path, query
 * params, the headers named in SignedHeaders with their received values, and
 * `X-Content-Sha256`. The SDK's own list of unsignable headers includes
 * `content-type`, which our signer signs (the doc example does too), so the
 * Signer is subclassed only to make `isSignableHeader` mean "named in the
 * request's SignedHeaders"; canonical string, string to sign, key derivation
 * and HMAC are the SDK's. `X-Content-Sha256` is also checked against the
 * SHA-256 of the exact body bytes (node:crypto).
 */
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import Signer from '@volcengine/openapi/lib/base/sign';
import { header, isObject, json, parseJson, startServer, type Received, type StandIn, type StandInOptions, type VendorAnswer } from './server';

export interface VolcengineOptions extends StandInOptions {
  accessKeyId: string;
  secretAccessKey: string;
  /** Region expected in the credential scope and echoed (default cn-beijing). */
  region?: string;
  /** Names that already exist (Conflict.Name). */
  existingNames?: string[];
  now?: () => number;
}

export interface VolcengineStandIn extends StandIn {
  /** Created contacts by Name. */
  contacts: Map<string, { id: string; body: Record<string, unknown> }>;
}

/** The official Signer, signing exactly the headers the client said it signed. */
class ReceivedRequestSigner extends Signer {
  signedSet: Set<string> = new Set();
  override isSignableHeader(key: string): boolean {
    return this.signedSet.has(key);
  }
}

const AUTH_RE = /^HMAC-SHA256\s+Credential=([^/\s]+)\/(\d{8})\/([^/\s]+)\/([^/\s]+)\/request,\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-fA-F]+)$/;

/** The signature the official Signer gives for the request as received. */
export function volcengineExpectedSignature(req: Received, signedHeaders: string, region: string, service: string, secretKey: string): string {
  const names = signedHeaders.split(';');
  const headers: Record<string, string> = {};
  for (const name of names) headers[name === 'x-content-sha256' ? 'X-Content-Sha256' : name] = header(req, name) ?? '';
  if (!('X-Content-Sha256' in headers)) headers['X-Content-Sha256'] = createHash('sha256').update(req.body).digest('hex');
  const params: Record<string, string | string[]> = {};
  for (const key of new Set(req.url.searchParams.keys())) {
    const all = req.url.searchParams.getAll(key);
    params[key] = all.length === 1 ? all[0]! : all;
  }
  const signer = new ReceivedRequestSigner({ region, method: req.method, pathname: req.url.pathname, params, headers, body: req.text }, service);
  signer.signedSet = new Set(names);
  return signer.signature({ accessKeyId: '', secretKey }, header(req, 'x-date') ?? '').toString();
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a.toLowerCase());
  const y = Buffer.from(b.toLowerCase());
  return x.length === y.length && timingSafeEqual(x, y);
}

function xDateMs(value: string | undefined): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? '');
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : undefined;
}

export async function startVolcengine(options: VolcengineOptions): Promise<VolcengineStandIn> {
  const region = options.region ?? 'cn-beijing';
  const now = options.now ?? Date.now;
  const contacts: VolcengineStandIn['contacts'] = new Map();
  const taken = new Set(options.existingNames ?? []);
  const reply = (status: number, action: string, version: string, rest: { Result?: unknown; Error?: { Code: string; Message: string } }): VendorAnswer => {
    const ResponseMetadata = { RequestId: randomUUID().replace(/-/g, '').toUpperCase(), Action: action, Version: version, Service: 'vmp', Region: region, ...(rest.Error ? { Error: rest.Error } : {}) };
    const body = rest.Result !== undefined ? { ResponseMetadata, Result: rest.Result } : { ResponseMetadata };
    return json(status, body, rest.Error ? `${rest.Error.Code} ${rest.Error.Message}` : 'ok');
  };
  const handler = (req: Received): VendorAnswer => {
    const action = req.url.searchParams.get('Action') ?? '';
    const version = req.url.searchParams.get('Version') ?? '';
    const fail = (status: number, Code: string, Message: string) => reply(status, action, version, { Error: { Code, Message } });
    if (req.method !== 'POST' || req.url.pathname !== '/' || action !== 'CreateContact' || version !== '2021-03-03') {
      return fail(404, 'InvalidActionOrVersion', `Could not find operation ${action} for version ${version}`);
    }
    const auth = header(req, 'authorization');
    if (!auth) return fail(401, 'MissingAuthenticationToken', 'Request is missing Authentication Token');
    const m = AUTH_RE.exec(auth);
    if (!m) return fail(401, 'SignatureDoesNotMatch', 'The Authorization header is malformed');
    const [, ak, date, scopeRegion, service, signed, signature] = m as unknown as string[];
    if (ak !== options.accessKeyId) return fail(401, 'InvalidAccessKey', `The access key ${ak} is not valid`);
    if (scopeRegion !== region || service !== 'vmp') return fail(401, 'SignatureDoesNotMatch', `The credential scope ${date}/${scopeRegion}/${service} does not match ${region}/vmp`);
    const xDate = header(req, 'x-date');
    const at = xDateMs(xDate);
    if (at === undefined || !xDate!.startsWith(date!)) return fail(401, 'SignatureDoesNotMatch', 'X-Date is missing or does not match the credential scope');
    if (Math.abs(now() - at) > 15 * 60_000) return fail(401, 'InvalidTimestamp', `X-Date ${xDate} is more than 15 minutes away from the server time`);
    const declared = header(req, 'x-content-sha256');
    if (declared !== undefined && declared !== createHash('sha256').update(req.body).digest('hex')) {
      return fail(401, 'SignatureDoesNotMatch', 'X-Content-Sha256 does not match the request body');
    }
    const expected = volcengineExpectedSignature(req, signed!, region, 'vmp', options.secretAccessKey);
    if (!same(signature!, expected)) {
      return fail(401, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your Secret Access Key and signing method.');
    }
    const body = parseJson(req.text);
    if (!isObject(body)) return fail(400, 'InvalidParameter', 'The request body is not a JSON object.');
    const name = body['Name'];
    if (typeof name !== 'string' || name === '') return fail(400, 'MissingParameter.Name', 'The required parameter Name is missing.');
    const email = body['Email'];
    if (email !== undefined && (typeof email !== 'string' || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))) {
      return fail(400, 'InvalidParameter.Email', 'The specified parameter Email is invalid.');
    }
    if (taken.has(name)) return fail(409, 'Conflict.Name', 'The specified name conflicts with existing contact.');
    const id = randomUUID();
    taken.add(name);
    contacts.set(name, { id, body });
    return reply(200, action, version, { Result: email !== undefined ? { Id: id, SendStatus: 'MessageSucceed.Email' } : { Id: id } });
  };
  const standIn = await startServer(handler, options);
  return Object.assign(standIn, { contacts });
}
