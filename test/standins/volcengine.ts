/**
 * Volcengine VMP stand-in (research.md §E, research-gitops.md §1, §4, docs/000):
 * a small stateful fake of the VMP contact API. Every action is
 * `POST /?Action=<Action>&Version=2021-03-03`, signed and checked the same way.
 *
 * Answers like the OpenAPI gateway and VMP:
 * - 200 `{ResponseMetadata:{RequestId,Action,Version,Service:"vmp",Region}, Result:{…}}`;
 *   errors carry `ResponseMetadata.Error {Code, Message}` and no Result;
 * - 401 `Error.Code` `SignatureDoesNotMatch` (bad signature, body hash or scope),
 *   `MissingAuthenticationToken` (no Authorization), `InvalidAccessKey` (unknown AK),
 *   `InvalidTimestamp` (X-Date more than 15 min away; assumed code);
 * - 400 `InvalidParameter` (body not a JSON object);
 * - 404 `InvalidActionOrVersion` for another Action/Version (checked before the signature).
 *
 * CreateContact `{Name, Email, ContactGroupIds, Webhook, LarkBotWebhook,
 * DingTalkBotWebhook, WeComBotWebhook, …}` stores the whole body with
 * `CreateTime` (RFC 3339) and `EmailActive:false` → `Result {Id[, SendStatus:
 * "MessageSucceed.Email" when an Email was given]}`; 400 `MissingParameter.Name`,
 * `InvalidParameter.Email`; 409 `Conflict.Name` for a Name a contact holds
 * (`existingNames` are contacts that exist from the start).
 * ListContacts, GetContact, UpdateContact, DeleteContacts: `volcengine-contacts.ts`
 * (which answers are guesses is written there). TestDingTalkBotWebhook,
 * TestLarkBotWebhook, TestWeComBotWebhook, TestWebhook: `volcengine-bot-tests.ts`.
 *
 * Test hooks: `contactsById` is the state (change a body, add with
 * `addContact`, delete) to simulate edits in the console; `contacts` is a live
 * view of it by Name (the original API); `writes` lists every CreateContact,
 * UpdateContact and DeleteContacts request received, scripted ones included;
 * `failWhen(action, body)` makes a chosen, correctly signed request fail
 * (`{status, code, message}` in the vendor envelope, or a raw canned answer).
 * The `script` behaviours of `server.ts` apply to every request.
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
import { header, isObject, json, parseJson, startServer, type Canned, type Received, type StandIn, type StandInOptions, type VendorAnswer } from './server';
import { ContactStore, ContactsByName, contactActions, isValidEmail, type Action, type ActionContext, type ContactBehaviour, type StoredContact } from './volcengine-contacts';
import { botTestActions, type BotTestBehaviour } from './volcengine-bot-tests';

export type { StoredContact } from './volcengine-contacts';

/** A failure `failWhen` asks for: a vendor error (enveloped like VMP) or a raw canned answer. */
export type VolcengineFailure = { status: number; code: string; message: string } | Canned;

export interface VolcengineOptions extends StandInOptions, ContactBehaviour, BotTestBehaviour {
  accessKeyId: string;
  secretAccessKey: string;
  /** Region expected in the credential scope and echoed (default cn-beijing). */
  region?: string;
  /** Names of contacts that exist from the start (Conflict.Name on create). */
  existingNames?: string[];
  /** Clock (ms) for X-Date, CreateTime and the bot tests' timestamps. */
  now?: () => number;
  /** Called for each correctly signed request with a JSON body; an answer replaces the action's. */
  failWhen?: (action: string, body: Record<string, unknown>) => VolcengineFailure | undefined;
}

/** A write request as received (CreateContact, UpdateContact, DeleteContacts). */
export interface VolcengineWrite {
  action: string;
  /** The parsed JSON body (undefined when it was not JSON). */
  body: unknown;
  /** The stand-in's verdict: "ok", the error, or "scripted: …". */
  verdict: string;
}

export interface VolcengineStandIn extends StandIn {
  /** Contacts by Name → {id, body}: a live view of `contactsById`. */
  contacts: Map<string, { id: string; body: Record<string, unknown> }>;
  /** The state: contacts by Id in creation order (tests may change it). */
  contactsById: Map<string, StoredContact>;
  /** Adds a contact as if made in the console (not a write). */
  addContact(body: Record<string, unknown>): StoredContact;
  /** Every write request received so far. */
  readonly writes: VolcengineWrite[];
}

const VERSION = '2021-03-03';
export const VOLCENGINE_WRITE_ACTIONS = ['CreateContact', 'UpdateContact', 'DeleteContacts'];

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

/** Checks the gateway's authentication; the 401 answer, or undefined when it passes. */
function authProblem(req: Received, options: VolcengineOptions, region: string, now: number, fail: ActionContext['fail']): VendorAnswer | undefined {
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
  if (Math.abs(now - at) > 15 * 60_000) return fail(401, 'InvalidTimestamp', `X-Date ${xDate} is more than 15 minutes away from the server time`);
  const declared = header(req, 'x-content-sha256');
  if (declared !== undefined && declared !== createHash('sha256').update(req.body).digest('hex')) {
    return fail(401, 'SignatureDoesNotMatch', 'X-Content-Sha256 does not match the request body');
  }
  const expected = volcengineExpectedSignature(req, signed!, region, 'vmp', options.secretAccessKey);
  if (!same(signature!, expected)) {
    return fail(401, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your Secret Access Key and signing method.');
  }
  return undefined;
}

/** CreateContact over `store`. */
function createContact(store: ContactStore): Action {
  return (ctx) => {
    const body = ctx.body;
    const name = body['Name'];
    if (typeof name !== 'string' || name === '') return ctx.fail(400, 'MissingParameter.Name', 'The required parameter Name is missing.');
    const email = body['Email'];
    if (email !== undefined && !isValidEmail(email)) return ctx.fail(400, 'InvalidParameter.Email', 'The specified parameter Email is invalid.');
    if (store.nameTaken(name)) return ctx.fail(409, 'Conflict.Name', 'The specified name conflicts with existing contact.');
    const { id } = store.add(body);
    return ctx.ok(email !== undefined ? { Id: id, SendStatus: 'MessageSucceed.Email' } : { Id: id });
  };
}

export async function startVolcengine(options: VolcengineOptions): Promise<VolcengineStandIn> {
  const region = options.region ?? 'cn-beijing';
  const now = options.now ?? Date.now;
  const store = new ContactStore(now);
  for (const name of options.existingNames ?? []) store.add({ Name: name });
  const actions: Record<string, Action> = { CreateContact: createContact(store), ...contactActions(store, options), ...botTestActions({ ...options, now }) };
  const reply = (status: number, action: string, version: string, rest: { Result?: unknown; Error?: { Code: string; Message: string } }): VendorAnswer => {
    const ResponseMetadata = { RequestId: randomUUID().replace(/-/g, '').toUpperCase(), Action: action, Version: version, Service: 'vmp', Region: region, ...(rest.Error ? { Error: rest.Error } : {}) };
    const body = rest.Result !== undefined ? { ResponseMetadata, Result: rest.Result } : { ResponseMetadata };
    return json(status, body, rest.Error ? `${rest.Error.Code} ${rest.Error.Message}` : 'ok');
  };
  const handler = async (req: Received): Promise<VendorAnswer> => {
    const action = req.url.searchParams.get('Action') ?? '';
    const version = req.url.searchParams.get('Version') ?? '';
    const fail = (status: number, Code: string, Message: string) => reply(status, action, version, { Error: { Code, Message } });
    const run = Object.hasOwn(actions, action) ? actions[action] : undefined;
    if (req.method !== 'POST' || req.url.pathname !== '/' || !run || version !== VERSION) {
      return fail(404, 'InvalidActionOrVersion', `Could not find operation ${action} for version ${version}`);
    }
    const denied = authProblem(req, options, region, now(), fail);
    if (denied) return denied;
    const body = parseJson(req.text);
    if (!isObject(body)) return fail(400, 'InvalidParameter', 'The request body is not a JSON object.');
    const forced = options.failWhen?.(action, body);
    if (forced) {
      if ('code' in forced) return { ...fail(forced.status, forced.code, forced.message), verdict: `failWhen: ${forced.code} ${forced.message}` };
      return { status: forced.status, body: forced.body, headers: forced.headers, verdict: `failWhen: HTTP ${forced.status}` };
    }
    return run({ body, ok: (Result) => reply(200, action, version, { Result }), fail });
  };
  const standIn = await startServer(handler, options);
  const extra = {
    contacts: new ContactsByName(store),
    contactsById: store.byId,
    addContact: (body: Record<string, unknown>) => store.add(body),
    get writes(): VolcengineWrite[] {
      return standIn.requests
        .map((r) => ({ action: new URL(r.url, 'http://127.0.0.1').searchParams.get('Action') ?? '', body: parseJson(r.body), verdict: r.verdict }))
        .filter((w) => VOLCENGINE_WRITE_ACTIONS.includes(w.action));
    },
  };
  // defineProperties keeps `writes` a getter (Object.assign would copy its value once).
  return Object.defineProperties(standIn, Object.getOwnPropertyDescriptors(extra)) as VolcengineStandIn;
}
