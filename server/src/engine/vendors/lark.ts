/**
 * Lark/Feishu custom bots (research.md §B): the text message, signed in the body
 * (`timestamp` in seconds and `sign`) when the bot has a secret, sent only to
 * Lark's own hosts; the answer is HTTP 200 with `code` (older bots: `StatusCode`).
 */
import type { PlanBuilder } from '../actions/build/context';
import { larkSign } from '../signing/lark';
import { CHANNELS } from '../webhooks/channels';
import { BOT_SIGNATURE_MS, JSON_HEADERS, answerObject, is2xx, tableAdvice, unsetValue } from './bot';
import type { VendorModule } from './types';

export function larkText(text: string, mention: { userIds?: string[]; all?: boolean } = {}): Record<string, unknown> {
  const tags = [...(mention.all ? ['<at user_id="all">所有人</at>'] : []), ...(mention.userIds ?? []).map((id) => `<at user_id="${id}"></at>`)];
  return { msg_type: 'text', content: { text: tags.length ? `${text} ${tags.join(' ')}` : text } };
}

/** Plans a Lark test message to `url`, signed when `secret` is given (see dingtalkMessage for `secretField`). */
export function larkMessage(b: PlanBuilder, m: { url: string; secret: string | undefined; secretField: unknown; text: string }): void {
  const payload = larkText(m.text);
  const seconds = Math.floor(b.input.now.getTime() / 1000);
  const marker = unsetValue(m.secretField);
  const signed = m.secret ? { ...larkSign(m.secret, seconds, b.crypto), ...payload } : marker ? { timestamp: String(seconds), sign: marker, ...payload } : payload;
  b.add({
    vendor: 'lark',
    label: 'Lark test message',
    request: { method: 'POST', url: m.url, headers: { ...JSON_HEADERS }, body: JSON.stringify(signed) },
    idempotent: true,
    carriesSecret: true,
    allowedHosts: CHANNELS.lark.hosts,
    ...(m.secret ? { signature: { at: seconds * 1000, validForMs: BOT_SIGNATURE_MS, by: 'Lark' } } : {}),
  });
}

export const LARK_ADVICE = {
  '19021': "Lark rejected the signature or timestamp: check SecretKey (the bot's signing secret) and this machine's clock (within 1 hour).",
  '19024': "The bot's keyword setting is on and the message contains none of its keywords. Add a keyword to the message.",
  '11232': 'Lark rate limit (100 a minute, 5 a second per bot; avoid sending on the hour or half hour). Wait and retry.',
  '9499': 'Lark could not read the request (Bad Request): check the message format.',
  '19001': 'The webhook token is not valid: check the bot address.',
};

export const lark: VendorModule = {
  id: 'lark',
  label: 'Lark',
  answers: {
    lark: {
      verdict(a, json) {
        if (!is2xx(a)) return { ok: false };
        const o = answerObject(json);
        const code = o['code'] ?? o['StatusCode'];
        if (code === 0 || code === '0') return { ok: true };
        return { ok: false, code: code === undefined ? 'no-code' : String(code), message: String(o['msg'] ?? o['StatusMessage'] ?? 'The answer has no code.') };
      },
      advice: tableAdvice(LARK_ADVICE),
    },
  },
};
