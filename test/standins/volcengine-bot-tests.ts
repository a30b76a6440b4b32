/**
 * The Volcengine VMP stand-in's "test through the cloud" actions
 * (research-gitops.md §1.8, §4): TestDingTalkBotWebhook, TestLarkBotWebhook,
 * TestWeComBotWebhook and TestWebhook.
 *
 * Like VMP, the fake cloud itself sends a test message to the given `Address`
 * and reports what the bot answered, with HTTP 200 even when the bot refused:
 * - DingTalk: POST the Address plus `&timestamp=<ms>&sign=<base64>` when a
 *   SecretKey is given (sign = HMAC-SHA256(key = secret, `${ts}\n${secret}`)),
 *   body `{msgtype:"text", text:{content}, at:{atMobiles, atUserIds, isAtAll:false}}`;
 *   Result `{StatusCode, ErrorMessage, DingTalkCode, DingTalkMessage}` from `errcode`/`errmsg`.
 * - Lark: body `{timestamp:<s>, sign, msg_type:"text", content:{text}}` (sign =
 *   HMAC-SHA256(key = `${ts}\n${secret}`, "")); Result `{…, LarkCode, LarkMessage}` from `code`/`msg`.
 * - WeCom: body `{msgtype:"text", text:{content, mentioned_list}}`; Result `{…, WeComCode, WeComMessage}`.
 * - Webhook: POST a JSON alert, `Authorization: Bearer <Token>` when a Token is
 *   given (the convention the webhook stand-in checks); Result `{StatusCode, Body, ErrorMessage}`.
 * Signing here is this file's own node:crypto code, not the product's signers.
 *
 * Only loopback `http:` addresses (127.0.0.0/8, localhost, [::1]) are really
 * contacted, so no test reaches the internet. Any other address, a refused
 * connection, or no answer within `botTimeoutMs` gives `StatusCode: 0,
 * ErrorMessage: "timeout"` (the doc's example shows "timeout"; the exact text
 * for each transport failure is a guess). A bot answer that is not JSON gives
 * code 0 and `ErrorMessage: "invalid response body"` (a guess). Missing
 * Address → 400 `MissingParameter.Address`; not a URL → 400 `InvalidParameter.Address`.
 * The test message's wording is ours (option `testMessage`).
 */
import * as http from 'node:http';
import { createHmac } from 'node:crypto';
import { isObject, parseJson, type VendorAnswer } from './server';
import type { Action, ActionContext } from './volcengine-contacts';

export interface BotTestBehaviour {
  /** The test message's text (default: a VMP-like test notice). */
  testMessage?: string;
  /** How long to wait for the bot (default 3000 ms), then "timeout". */
  botTimeoutMs?: number;
  /** Clock (ms) for the DingTalk/Lark timestamps. */
  now?: () => number;
}

type Delivery = { status: number; text: string } | { error: string };

const DEFAULT_MESSAGE = '【VMP】This is a test message from the alert notification contact.';

function isLoopback(url: URL): boolean {
  const host = url.hostname;
  return url.protocol === 'http:' && (host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host));
}

/** POSTs `body` to a loopback `url`; anything else is not contacted. */
function deliver(url: URL, body: string, headers: Record<string, string>, timeoutMs: number): Promise<Delivery> {
  if (!isLoopback(url)) return Promise.resolve({ error: 'timeout' });
  return new Promise((resolve) => {
    const req = http.request(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', () => resolve({ error: 'timeout' }));
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve({ error: 'timeout' }));
    req.end(body);
  });
}

const isStrList = (v: unknown): boolean => v === undefined || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
const strList = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : []);

/** The Address as a URL, or the 400 answer. */
function address(ctx: ActionContext): URL | VendorAnswer {
  const a = ctx.body['Address'];
  if (a === undefined || a === '') return ctx.fail(400, 'MissingParameter.Address', 'The required parameter Address is missing.');
  if (typeof a !== 'string' || !URL.canParse(a)) return ctx.fail(400, 'InvalidParameter.Address', 'The specified parameter Address is invalid.');
  return new URL(a);
}

/** Bot result fields: `<prefix>Code`/`<prefix>Message` read from `codeKey`/`msgKey` of the bot's JSON. */
function botResult(d: Delivery, prefix: string, codeKey: string, msgKey: string): Record<string, unknown> {
  if ('error' in d) return { StatusCode: 0, ErrorMessage: d.error, [`${prefix}Code`]: 0, [`${prefix}Message`]: '' };
  const j = parseJson(d.text);
  if (!isObject(j)) return { StatusCode: d.status, ErrorMessage: 'invalid response body', [`${prefix}Code`]: 0, [`${prefix}Message`]: '' };
  const code = typeof j[codeKey] === 'number' ? j[codeKey] : 0;
  const message = typeof j[msgKey] === 'string' ? j[msgKey] : '';
  return { StatusCode: d.status, ErrorMessage: '', [`${prefix}Code`]: code, [`${prefix}Message`]: message };
}

/** The four test actions. */
export function botTestActions(behaviour: BotTestBehaviour = {}): Record<string, Action> {
  const now = behaviour.now ?? Date.now;
  const timeout = behaviour.botTimeoutMs ?? 3000;
  const message = behaviour.testMessage ?? DEFAULT_MESSAGE;
  const secretOf = (ctx: ActionContext, key: string): string | VendorAnswer => {
    const v = ctx.body[key];
    if (v !== undefined && typeof v !== 'string') return ctx.fail(400, `InvalidParameter.${key}`, `The specified parameter ${key} is invalid.`);
    return v ?? '';
  };
  const listsOk = (ctx: ActionContext, keys: string[]): VendorAnswer | undefined => {
    const bad = keys.find((k) => !isStrList(ctx.body[k]));
    return bad ? ctx.fail(400, `InvalidParameter.${bad}`, `The specified parameter ${bad} is invalid.`) : undefined;
  };

  return {
    async TestDingTalkBotWebhook(ctx) {
      const url = address(ctx);
      if (!(url instanceof URL)) return url;
      const secret = secretOf(ctx, 'SecretKey');
      if (typeof secret !== 'string') return secret;
      const badList = listsOk(ctx, ['AtMobiles', 'AtUserIds']);
      if (badList) return badList;
      const atMobiles = strList(ctx.body['AtMobiles']);
      const atUserIds = strList(ctx.body['AtUserIds']);
      if (secret) {
        const ts = String(now());
        url.searchParams.set('timestamp', ts);
        url.searchParams.set('sign', createHmac('sha256', secret).update(`${ts}\n${secret}`, 'utf8').digest('base64'));
      }
      const mentions = [...atMobiles, ...atUserIds].map((m) => ` @${m}`).join('');
      const body = { msgtype: 'text', text: { content: message + mentions }, at: { atMobiles, atUserIds, isAtAll: false } };
      return ctx.ok(botResult(await deliver(url, JSON.stringify(body), {}, timeout), 'DingTalk', 'errcode', 'errmsg'));
    },

    async TestLarkBotWebhook(ctx) {
      const url = address(ctx);
      if (!(url instanceof URL)) return url;
      const secret = secretOf(ctx, 'SecretKey');
      if (typeof secret !== 'string') return secret;
      const signed: Record<string, string> = {};
      if (secret) {
        const ts = String(Math.floor(now() / 1000));
        signed['timestamp'] = ts;
        signed['sign'] = createHmac('sha256', `${ts}\n${secret}`).update(Buffer.alloc(0)).digest('base64');
      }
      const body = { ...signed, msg_type: 'text', content: { text: message } };
      return ctx.ok(botResult(await deliver(url, JSON.stringify(body), {}, timeout), 'Lark', 'code', 'msg'));
    },

    async TestWeComBotWebhook(ctx) {
      const url = address(ctx);
      if (!(url instanceof URL)) return url;
      const badList = listsOk(ctx, ['AtUserIds']);
      if (badList) return badList;
      const body = { msgtype: 'text', text: { content: message, mentioned_list: strList(ctx.body['AtUserIds']) } };
      return ctx.ok(botResult(await deliver(url, JSON.stringify(body), {}, timeout), 'WeCom', 'errcode', 'errmsg'));
    },

    async TestWebhook(ctx) {
      const url = address(ctx);
      if (!(url instanceof URL)) return url;
      const token = secretOf(ctx, 'Token');
      if (typeof token !== 'string') return token;
      const body = { alertname: 'VMPTestAlert', status: 'firing', message, startsAt: new Date(now()).toISOString() };
      const d = await deliver(url, JSON.stringify(body), token ? { Authorization: `Bearer ${token}` } : {}, timeout);
      return ctx.ok('error' in d ? { StatusCode: 0, Body: '', ErrorMessage: d.error } : { StatusCode: d.status, Body: d.text, ErrorMessage: '' });
    },
  };
}
