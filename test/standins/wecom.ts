/**
 * WeCom group-robot stand-in (research.md §C): POST /cgi-bin/webhook/send?key=K.
 *
 * Answers HTTP 200 always, like WeCom; `errcode` decides:
 *   0 ok · 93000 invalid webhook url (wrong or missing key) ·
 *   40058 content too long (text > 2048 bytes, markdown > 4096 bytes) ·
 *   45009 api freq out of limit · 40008 invalid message type ·
 *   44004 empty content (the last two: WeCom's general codes, assumed for bots).
 */
import { isObject, json, parseJson, rateLimiter, startServer, type Received, type StandIn, type StandInOptions, type VendorAnswer } from './server';

export interface WeComOptions extends StandInOptions {
  /** The robot key (`?key=`). */
  key: string;
  /** Messages allowed per minute (WeCom: 20); unset = unlimited. */
  ratePerMinute?: number;
  now?: () => number;
}

const TEXT_MAX = 2048;
const MARKDOWN_MAX = 4096;

function answer(errcode: number, errmsg: string): VendorAnswer {
  return json(200, { errcode, errmsg }, errcode === 0 ? 'ok' : `${errcode} ${errmsg}`);
}

function hint(): string {
  return `hint: [${Math.floor(Date.now() / 1000)}_${Math.random().toString(36).slice(2, 10)}], from ip: 127.0.0.1`;
}

function isStringList(v: unknown): boolean {
  return v === undefined || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
}

export function startWeCom(options: WeComOptions): Promise<StandIn> {
  const allow = rateLimiter(options.ratePerMinute, options.now ?? Date.now);
  const handler = (req: Received): VendorAnswer => {
    if (req.method !== 'POST' || req.url.pathname !== '/cgi-bin/webhook/send') {
      return answer(93000, `invalid webhook url, ${hint()}, more info at https://open.work.weixin.qq.com/devtool/query?e=93000`);
    }
    if (req.url.searchParams.get('key') !== options.key) {
      return answer(93000, `invalid webhook url, ${hint()}, more info at https://open.work.weixin.qq.com/devtool/query?e=93000`);
    }
    const msg = parseJson(req.text);
    if (!isObject(msg)) return answer(40008, `invalid message type, ${hint()}`);
    const type = msg['msgtype'];
    const part = typeof type === 'string' ? msg[type] : undefined;
    if ((type !== 'text' && type !== 'markdown') || !isObject(part)) return answer(40008, `invalid message type, ${hint()}`);
    const content = part['content'];
    if (typeof content !== 'string' || content === '') return answer(44004, `empty content, ${hint()}`);
    const max = type === 'text' ? TEXT_MAX : MARKDOWN_MAX;
    if (Buffer.byteLength(content, 'utf8') > max) {
      return answer(40058, `${type}.content exceed max length ${max}. invalid Request Parameter, ${hint()}`);
    }
    if (type === 'text' && (!isStringList(part['mentioned_list']) || !isStringList(part['mentioned_mobile_list']))) {
      return answer(40058, `invalid Request Parameter, ${hint()}`);
    }
    if (!allow()) return answer(45009, `api freq out of limit, ${hint()}`);
    return answer(0, 'ok');
  };
  return startServer(handler, options);
}
