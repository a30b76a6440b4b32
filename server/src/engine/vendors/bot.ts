/**
 * What the bot vendors (DingTalk, Lark, WeCom, a generic webhook) share: the JSON
 * headers of a test message, how long a bot signature is accepted, the `<unset: …>`
 * marker a secret not set became, and the errcode verdict of bots that answer
 * HTTP 200 on failure too.
 */
import type { HttpAnswer } from '../actions/plan';
import { hasUnset } from '../actions/variables';
import type { Verdict } from './types';

export const JSON_HEADERS: Readonly<Record<string, string>> = { 'Content-Type': 'application/json' };

/** DingTalk and Lark accept a signature for an hour from its timestamp (research.md §A, §B). */
export const BOT_SIGNATURE_MS = 3600_000;

/** The `<unset: …>` a resolved value became, when its reference is not set. */
export function unsetValue(v: unknown): string | undefined {
  return typeof v === 'string' && hasUnset(v) ? v : undefined;
}

/** The JSON body of an answer as an object (empty when it is not one). */
export function answerObject(json: unknown): Record<string, unknown> {
  return (json && typeof json === 'object' ? json : {}) as Record<string, unknown>;
}

export function is2xx(a: HttpAnswer): boolean {
  return a.status >= 200 && a.status < 300;
}

/** DingTalk's and WeCom's answer: HTTP 200 whether or not it worked; `errcode` 0 is success. */
export function errcodeVerdict(a: HttpAnswer, json: unknown): Verdict {
  if (!is2xx(a)) return { ok: false };
  const o = answerObject(json);
  const code = o['errcode'];
  if (code === 0 || code === '0') return { ok: true };
  return { ok: false, code: code === undefined ? 'no-errcode' : String(code), message: typeof o['errmsg'] === 'string' ? o['errmsg'] : 'The answer has no errcode.' };
}

/** Advice from a table of codes (a text, or a function of the vendor's message). */
export function tableAdvice(table: Readonly<Record<string, string | ((message: string) => string)>>): (code: string, message: string) => string | undefined {
  return (code, message) => {
    const a = table[code];
    return typeof a === 'function' ? a(message) : a;
  };
}
