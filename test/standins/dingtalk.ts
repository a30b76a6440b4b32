/**
 * DingTalk custom-robot stand-in (research.md §A): POST
 * /robot/send?access_token=T[&timestamp=<ms>&sign=<base64, URL-encoded once>].
 *
 * Answers HTTP 200 always, like DingTalk; the body's errcode decides:
 *   0 ok · 300001 token is not exist · 310000 sign not match / invalid timestamp /
 *   keywords not in content · 460101 message too long · 130101 send too fast ·
 *   40035 malformed body (assumed code: DingTalk's "缺少参数 json").
 *
 * The signature is verified with this file's own implementation (node:crypto),
 * independent of server/src/engine/signing:
 *   sign = base64(HMAC-SHA256(key = secret, msg = `${timestamp}\n${secret}`)),
 * read from the query decoded once (a double-encoded or unencoded `+` fails).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isObject, json, parseJson, rateLimiter, startServer, type Received, type StandIn, type StandInOptions, type VendorAnswer } from './server';

export interface DingTalkOptions extends StandInOptions {
  /** The robot's access_token. */
  accessToken: string;
  /** The SEC… secret; when set, `timestamp` and `sign` are required. */
  secret?: string;
  /** Keyword security mode: the message must contain at least one. */
  keywords?: string[];
  /** Messages allowed per minute (DingTalk: 20); unset = unlimited. */
  ratePerMinute?: number;
  /** Clock for the timestamp check (ms). */
  now?: () => number;
}

export const DINGTALK_SIGN_NOT_MATCH = 'sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]';
const MAX_BYTES = 20000;

/** DingTalk's signature, computed here from the algorithm (not our signer). */
export function dingtalkExpectedSign(secret: string, timestamp: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest('base64');
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const answer = (errcode: number, errmsg: string): VendorAnswer => json(200, { errcode, errmsg }, errcode === 0 ? 'ok' : `${errcode} ${errmsg}`);

/** The text a keyword check looks at: text content or markdown title + text. */
function messageText(msg: Record<string, unknown>): string | undefined {
  if (msg['msgtype'] === 'text' && isObject(msg['text']) && typeof msg['text']['content'] === 'string') return msg['text']['content'];
  if (msg['msgtype'] === 'markdown' && isObject(msg['markdown'])) {
    const { title, text } = msg['markdown'];
    if (typeof title === 'string' && typeof text === 'string') return `${title}\n${text}`;
  }
  return undefined;
}

function atIsValid(at: unknown): boolean {
  if (at === undefined) return true;
  if (!isObject(at)) return false;
  const list = (v: unknown) => v === undefined || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
  return list(at['atMobiles']) && list(at['atUserIds']) && (at['isAtAll'] === undefined || typeof at['isAtAll'] === 'boolean');
}

export function startDingTalk(options: DingTalkOptions): Promise<StandIn> {
  const now = options.now ?? Date.now;
  const allow = rateLimiter(options.ratePerMinute, now);
  const handler = (req: Received): VendorAnswer => {
    if (req.method !== 'POST' || req.url.pathname !== '/robot/send') return json(404, { errcode: 404, errmsg: 'not found' }, 'wrong path');
    const q = req.url.searchParams;
    if (q.get('access_token') !== options.accessToken) return answer(300001, 'token is not exist');
    if (options.secret !== undefined) {
      const timestamp = q.get('timestamp');
      const sign = q.get('sign');
      if (!timestamp || !sign || !/^\d+$/.test(timestamp)) return answer(310000, DINGTALK_SIGN_NOT_MATCH);
      if (Math.abs(now() - Number(timestamp)) > 3600_000) return answer(310000, 'invalid timestamp');
      if (!sameText(sign, dingtalkExpectedSign(options.secret, timestamp))) return answer(310000, DINGTALK_SIGN_NOT_MATCH);
    }
    if (req.body.length > MAX_BYTES) return answer(460101, `message too long, exceed ${MAX_BYTES} bytes`);
    const msg = parseJson(req.text);
    const text = isObject(msg) ? messageText(msg) : undefined;
    if (!isObject(msg) || text === undefined || !atIsValid(msg['at'])) return answer(40035, '缺少参数 json');
    if (options.keywords?.length && !options.keywords.some((k) => text.includes(k))) return answer(310000, 'keywords not in content');
    if (!allow()) return answer(130101, 'send too fast, exceed 20 times per minute');
    return answer(0, 'ok');
  };
  return startServer(handler, options);
}
