/**
 * ZStack management-node stand-in for `SNSDingTalkTestConnection` (docs/002):
 * `POST /zstack/v1/sns/application-endpoints/ding-talk/test-connection`
 * with `Authorization: OAuth <session uuid>` and body
 * `{params:{testMsg, endpointUuid?, url?, atAll?, atPersonPhoneNumbers?, secret?}}`.
 *
 * Answers like ZStack:
 * - 200 `{"success":true,"connected":true,"webhookResp":{"errcode":0,"errmsg":"ok"}}`;
 * - 200 `{"success":false,"connected":false,"webhookResp":{…},"error":{code,description,details}}`
 *   when DingTalk said no (SYS.1000 with DingTalk's errmsg) or could not be reached;
 * - 401 `{error:{code:"ID.1001",…}}` without a valid session;
 * - 400 `{error:{code:"SYS.1007",…}}` for invalid arguments (testMsg missing, neither url nor endpointUuid);
 * - 200 with `error.code` `SYS.1006` for an unknown endpointUuid.
 *
 * Forwarding: when `dingtalkUrl` (a DingTalk stand-in base URL) is set, or the
 * webhook url itself is loopback, the message is really sent: the url's path
 * and query go to that loopback server, signed with `secret` like ZStack does
 * (own node:crypto code). Otherwise DingTalk's success answer is simulated.
 */
import { createHmac } from 'node:crypto';
import { isLoopbackHost } from '../../server/src/engine/webhooks/channels';
import { header, isObject, json, parseJson, startServer, type Received, type StandIn, type StandInOptions, type VendorAnswer } from './server';

export interface ZStackOptions extends StandInOptions {
  /** The session uuid accepted in `Authorization: OAuth <uuid>`. */
  sessionUuid: string;
  /** Base URL of a DingTalk stand-in to forward test messages to (loopback only). */
  dingtalkUrl?: string;
  /** Known SNS DingTalk endpoints by uuid. */
  endpoints?: Record<string, { url: string; secret?: string }>;
}

const PATH = '/zstack/v1/sns/application-endpoints/ding-talk/test-connection';
const zerror = (code: string, description: string, details: string) => ({ code, description, details, elaboration: null, opaque: null, cause: null });

/** Where a test message for `webhook` really goes, or undefined to simulate. */
function forwardTarget(webhook: URL, dingtalkUrl: string | undefined): URL | undefined {
  if (dingtalkUrl) {
    const base = new URL(dingtalkUrl);
    if (!isLoopbackHost(base.hostname)) throw new Error('zstack stand-in forwards only to loopback addresses');
    return new URL(`${webhook.pathname}${webhook.search}`, base);
  }
  return isLoopbackHost(webhook.hostname) ? webhook : undefined;
}

async function postDingTalk(target: URL, secret: string | undefined, message: unknown): Promise<unknown> {
  if (secret) {
    const timestamp = String(Date.now());
    const sign = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
    target.searchParams.set('timestamp', timestamp);
    target.searchParams.set('sign', sign);
  }
  const res = await fetch(target, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(message), signal: AbortSignal.timeout(5000) });
  return (await res.json()) as unknown;
}

export function startZStack(options: ZStackOptions): Promise<StandIn> {
  const handler = async (req: Received): Promise<VendorAnswer> => {
    if (req.method !== 'POST' || req.url.pathname !== PATH) return json(404, { error: zerror('SYS.1006', 'Resource not found', `no API at ${req.url.pathname}`) }, 'wrong path');
    const auth = /^OAuth\s+(\S+)$/.exec(header(req, 'authorization') ?? '');
    if (!auth || auth[1] !== options.sessionUuid) {
      return json(401, { error: zerror('ID.1001', 'Authentication failure', auth ? `Session expired or invalid: ${auth[1]}` : 'missing Authorization: OAuth <session uuid>') }, 'ID.1001');
    }
    const body = parseJson(req.text);
    const params = isObject(body) ? body['params'] : undefined;
    const invalid = (details: string) => json(400, { error: zerror('SYS.1007', 'One or more API argument is invalid', details) }, `SYS.1007 ${details}`);
    if (!isObject(params)) return invalid('missing field [params]');
    if (typeof params['testMsg'] !== 'string' || params['testMsg'] === '') return invalid('field [testMsg] of message [APISNSDingTalkTestConnectionMsg] is mandatory, can not be null');
    let url = typeof params['url'] === 'string' ? params['url'] : undefined;
    let secret = typeof params['secret'] === 'string' ? params['secret'] : undefined;
    if (typeof params['endpointUuid'] === 'string') {
      const endpoint = options.endpoints?.[params['endpointUuid']];
      if (!endpoint) {
        return json(200, { success: false, connected: false, webhookResp: {}, error: zerror('SYS.1006', 'Resource not found', `SNS DingTalk endpoint ${params['endpointUuid']} not found`) }, 'SYS.1006');
      }
      url ??= endpoint.url;
      secret ??= endpoint.secret;
    }
    if (!url) return invalid('either url or endpointUuid must be set');
    let webhook: URL;
    try {
      webhook = new URL(url);
    } catch {
      return invalid(`invalid url [${url}]`);
    }
    const phones = Array.isArray(params['atPersonPhoneNumbers']) ? params['atPersonPhoneNumbers'].filter((p): p is string => typeof p === 'string') : [];
    const message = { msgtype: 'text', text: { content: params['testMsg'] }, at: { atMobiles: phones, isAtAll: params['atAll'] === true } };
    const target = forwardTarget(webhook, options.dingtalkUrl);
    let resp: unknown = { errcode: 0, errmsg: 'ok' };
    if (target) {
      try {
        resp = await postDingTalk(target, secret, message);
      } catch (err) {
        const details = `unable to reach ${target.host}: ${(err as Error).message}`;
        return json(200, { success: false, connected: false, webhookResp: {}, error: zerror('SYS.1000', 'An internal error happened in system', details) }, 'unreachable');
      }
    }
    const errcode = isObject(resp) ? resp['errcode'] : undefined;
    if (errcode !== 0) {
      const errmsg = isObject(resp) ? String(resp['errmsg']) : 'unreadable answer';
      const error = zerror('SYS.1000', `DingTalk webhook answered errcode ${String(errcode)}`, errmsg);
      return json(200, { success: false, connected: false, webhookResp: resp, error }, `dingtalk ${String(errcode)}`);
    }
    return json(200, { success: true, connected: true, webhookResp: resp }, 'ok');
  };
  return startServer(handler, options);
}
