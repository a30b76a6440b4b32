/**
 * WeCom group robots (research.md §C): the text message with `mentioned_list`,
 * no signature (the key in the URL is the secret), sent only to WeCom's host; the
 * answer is HTTP 200 with `errcode`.
 */
import type { PlanBuilder } from '../actions/build/context';
import { CHANNELS } from '../webhooks/channels';
import { JSON_HEADERS, errcodeVerdict, tableAdvice } from './bot';
import type { VendorModule } from './types';

export function wecomText(text: string, mention: { userIds?: string[]; mobiles?: string[] } = {}): Record<string, unknown> {
  return {
    msgtype: 'text',
    text: {
      content: text,
      ...(mention.userIds?.length ? { mentioned_list: mention.userIds } : {}),
      ...(mention.mobiles?.length ? { mentioned_mobile_list: mention.mobiles } : {}),
    },
  };
}

export function wecomMessage(b: PlanBuilder, m: { url: string; text: string; userIds: string[] }): void {
  b.add({
    vendor: 'wecom',
    label: 'WeCom test message',
    request: { method: 'POST', url: m.url, headers: { ...JSON_HEADERS }, body: JSON.stringify(wecomText(m.text, { userIds: m.userIds })) },
    idempotent: true,
    carriesSecret: true,
    allowedHosts: CHANNELS.wecom.hosts,
  });
}

export const WECOM_ADVICE = {
  '93000': "Invalid webhook URL: the key is wrong or the robot was removed. Use the robot's whole webhook URL, https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=<key>.",
  '40058': 'The message is too long (text at most 2,048 bytes, markdown at most 4,096). Shorten it.',
  '45009': 'WeCom rate limit: at most 20 messages a minute per robot. Wait and retry.',
};

export const wecom: VendorModule = {
  id: 'wecom',
  label: 'WeCom',
  answers: { wecom: { verdict: errcodeVerdict, advice: tableAdvice(WECOM_ADVICE) } },
};
