/**
 * DingTalk custom robots (research.md §A): the text message with its @-mentions,
 * signed in the query (`timestamp` in ms and `sign`) when the robot has a secret,
 * sent only to DingTalk's own host; the answer is HTTP 200 with `errcode`, and the
 * codes it carries get plain advice.
 */
import type { PlanBuilder } from '../actions/build/context';
import { dingtalkSignedUrl, withDingtalkSignature } from '../signing/dingtalk';
import { CHANNELS } from '../webhooks/channels';
import { BOT_SIGNATURE_MS, JSON_HEADERS, errcodeVerdict, tableAdvice, unsetValue } from './bot';
import type { VendorModule } from './types';

export interface DingTalkAt {
  atMobiles?: string[];
  atUserIds?: string[];
  isAtAll?: boolean;
}

/** Appends `@<mobile>` / `@<userId>` for every mention the text lacks: DingTalk ignores mentions not in the text. */
function withMentions(text: string, at: DingTalkAt): string {
  const missing = [...(at.atMobiles ?? []), ...(at.atUserIds ?? [])].filter((m) => !text.includes(`@${m}`));
  return missing.length ? `${text} ${missing.map((m) => `@${m}`).join(' ')}` : text;
}

function cleanAt(at: DingTalkAt): DingTalkAt | undefined {
  const out: DingTalkAt = {};
  if (at.atMobiles?.length) out.atMobiles = at.atMobiles;
  if (at.atUserIds?.length) out.atUserIds = at.atUserIds;
  if (at.isAtAll) out.isAtAll = true;
  return Object.keys(out).length ? out : undefined;
}

export function dingtalkText(text: string, at: DingTalkAt = {}): Record<string, unknown> {
  const a = cleanAt(at);
  return { msgtype: 'text', text: { content: a ? withMentions(text, a) : text }, ...(a ? { at: a } : {}) };
}

export function dingtalkMarkdown(title: string, text: string, at: DingTalkAt = {}): Record<string, unknown> {
  const a = cleanAt(at);
  return { msgtype: 'markdown', markdown: { title, text: a ? withMentions(text, a) : text }, ...(a ? { at: a } : {}) };
}

/**
 * Plans a DingTalk test message to `url`, signed when `secret` is given (taken with
 * `b.secret`). `secretField` is the secret's field as resolved: a `<unset: …>` there
 * shows, in a preview, where the signature goes.
 */
export function dingtalkMessage(b: PlanBuilder, m: { url: string; secret: string | undefined; secretField: unknown; text: string; at: DingTalkAt }): void {
  const secret = m.secret;
  const ms = b.input.now.getTime();
  const marker = unsetValue(m.secretField);
  const url = secret ? dingtalkSignedUrl(m.url, secret, ms, b.crypto) : marker ? withDingtalkSignature(m.url, { timestamp: String(ms), sign: marker }) : m.url;
  b.add({
    vendor: 'dingtalk',
    label: 'DingTalk test message',
    request: { method: 'POST', url, headers: { ...JSON_HEADERS }, body: JSON.stringify(dingtalkText(m.text, m.at)) },
    idempotent: true,
    carriesSecret: true,
    allowedHosts: CHANNELS.dingtalk.hosts,
    ...(secret ? { signature: { at: ms, validForMs: BOT_SIGNATURE_MS, by: 'DingTalk' } } : {}),
  });
}

/** DingTalk's 310000 covers several security failures; the message tells them apart. */
function code310000(message: string): string {
  const m = message.toLowerCase();
  if (m.includes('timestamp')) return "DingTalk rejected the timestamp: this machine's clock is more than 1 hour off. Fix the clock (NTP) and retry.";
  if (m.includes('keyword')) return "The robot's keyword security setting is on and the message contains none of its keywords. Add a keyword to the message (--message) or the message template.";
  // A word, not a substring: DingTalk's newer sign-mismatch text starts with "description:".
  if (/\bip\b/.test(m)) return "The robot's IP allow-list does not include this machine's public IP. Add it in the robot's security settings.";
  return "DingTalk rejected the signature: check that SecretKey is the robot's SEC… secret from its security settings (signing, 加签), and that this machine's clock is right.";
}

export const DINGTALK_ADVICE = {
  '310000': code310000,
  '130101': 'DingTalk rate limit: at most 20 messages a minute per robot, then 10 minutes of throttling. Wait and retry later.',
  '460101': 'The message is over 20,000 bytes. Shorten it.',
  '300001': 'The access_token is not a robot of DingTalk: check the webhook address.',
  '400102': 'The robot is disabled. Enable it in the group settings.',
};

export const dingtalk: VendorModule = {
  id: 'dingtalk',
  label: 'DingTalk',
  answers: { dingtalk: { verdict: errcodeVerdict, advice: tableAdvice(DINGTALK_ADVICE) } },
};
