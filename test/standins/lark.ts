/**
 * Lark/Feishu custom-bot stand-in (research.md §B): POST
 * /open-apis/bot/v2/hook/<token> with `{timestamp, sign, msg_type, content}`.
 *
 * Answers HTTP 200 always, like Lark; `code` decides:
 *   0 success · 9499 Bad Request (malformed) · 19001 invalid token (assumed text) ·
 *   19021 sign match fail or timestamp not within one hour · 19024 Key Words Not Found ·
 *   11232 frequency limited.
 *
 * The signature is verified with this file's own implementation (node:crypto):
 *   sign = base64(HMAC-SHA256(key = `${timestamp}\n${secret}`, msg = "")),
 * timestamp in seconds, within one hour of the stand-in's clock.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isObject, json, parseJson, rateLimiter, startServer, type Received, type StandIn, type StandInOptions, type VendorAnswer } from './server';

export interface LarkOptions extends StandInOptions {
  /** The hook token (last path segment). */
  token: string;
  /** The bot's signing secret; when set, `timestamp` and `sign` are required. */
  secret?: string;
  keywords?: string[];
  /** Messages allowed per minute (Lark: 100); unset = unlimited. */
  ratePerMinute?: number;
  /** Clock in ms. */
  now?: () => number;
}

export const LARK_SIGN_FAIL = 'sign match fail or timestamp is not within one hour from current time';
const HOOK = '/open-apis/bot/v2/hook/';

/** Lark's signature, computed here from the algorithm (not our signer). */
export function larkExpectedSign(secret: string, timestamp: string): string {
  return createHmac('sha256', `${timestamp}\n${secret}`).update(Buffer.alloc(0)).digest('base64');
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const answer = (code: number, msg: string): VendorAnswer => json(200, { code, data: {}, msg }, code === 0 ? 'ok' : `${code} ${msg}`);

/** The text content of a message, or undefined when its shape is wrong. */
function contentText(msg: Record<string, unknown>): string | undefined {
  const type = msg['msg_type'];
  const content = msg['content'];
  if (type === 'text') return isObject(content) && typeof content['text'] === 'string' ? content['text'] : undefined;
  if (type === 'post') return isObject(content) && isObject(content['post']) ? JSON.stringify(content['post']) : undefined;
  if (type === 'interactive') return isObject(msg['card']) ? JSON.stringify(msg['card']) : undefined;
  return undefined;
}

export function startLark(options: LarkOptions): Promise<StandIn> {
  const now = options.now ?? Date.now;
  const allow = rateLimiter(options.ratePerMinute, now);
  const handler = (req: Received): VendorAnswer => {
    if (req.method !== 'POST' || !req.url.pathname.startsWith(HOOK)) return json(404, '404 page not found', 'wrong path');
    if (req.url.pathname.slice(HOOK.length) !== options.token) return answer(19001, 'param invalid: incoming webhook access token invalid');
    const msg = parseJson(req.text);
    if (!isObject(msg)) return answer(9499, 'Bad Request');
    if (options.secret !== undefined) {
      const ts = msg['timestamp'];
      const sign = msg['sign'];
      const timestamp = typeof ts === 'number' ? String(ts) : ts;
      if (typeof timestamp !== 'string' || !/^\d+$/.test(timestamp) || typeof sign !== 'string') return answer(19021, LARK_SIGN_FAIL);
      if (Math.abs(now() / 1000 - Number(timestamp)) > 3600) return answer(19021, LARK_SIGN_FAIL);
      if (!sameText(sign, larkExpectedSign(options.secret, timestamp))) return answer(19021, LARK_SIGN_FAIL);
    }
    const text = contentText(msg);
    if (text === undefined) return answer(9499, 'Bad Request');
    if (options.keywords?.length && !options.keywords.some((k) => text.includes(k))) return answer(19024, 'Key Words Not Found');
    if (!allow()) return answer(11232, 'frequency limited psm[lark.oapi.app_platform_runtime]');
    return answer(0, 'success');
  };
  return startServer(handler, options);
}
