/**
 * Test messages to bots: a Contact's DingTalk, Lark, WeCom or generic webhook
 * channel, and ZStack's DingTalk connection test (through a ZStack node, or
 * straight to DingTalk when no node is given). Signed when a secret is set.
 */
import { CHANNELS, type Channel } from '../../webhooks/channels';
import type { CryptoPort } from '../../crypto/port';
import { dingtalkSignedUrl, withDingtalkSignature } from '../../signing/dingtalk';
import { larkSign } from '../../signing/lark';
import { isPlaceholder } from '../../rules/values';
import { contactChannels } from '../../kinds/contact';
import { dingtalkText, larkText, renderTemplate, webhookPayload, wecomText } from '../messages';
import { CREDENTIAL_VARIABLES, hasUnset } from '../variables';
import { type PlanBuilder, bodyText, obj, str, strings } from './context';

const JSON_HEADERS = { 'Content-Type': 'application/json' };

/** DingTalk and Lark accept a signature for an hour from its timestamp (research.md §A, §B). */
const BOT_SIGNATURE_MS = 3600_000;

/** The `<unset: …>` a resolved value became, when its reference is not set. */
function unset(v: unknown): string | undefined {
  return typeof v === 'string' && hasUnset(v) ? v : undefined;
}

/** The DingTalk URL, signed when the secret is there; with the secret not set, `sign=<unset: …>` shows where the signature goes. */
function dingtalkUrl(url: string, secret: string | undefined, secretField: unknown, ms: number, crypto: CryptoPort): string {
  if (secret) return dingtalkSignedUrl(url, secret, ms, crypto);
  const marker = unset(secretField);
  return marker ? withDingtalkSignature(url, { timestamp: String(ms), sign: marker }) : url;
}

const FIELD: Record<Channel, string> = { dingtalk: 'DingTalkBotWebhook', lark: 'LarkBotWebhook', wecom: 'WeComBotWebhook', webhook: 'Webhook' };

function messageText(b: PlanBuilder): string {
  return b.input.message ?? renderTemplate(b.input.settings.messageTemplate, { name: b.name, kind: b.input.kind, time: b.input.now });
}

function address(b: PlanBuilder, field: string, value: unknown): string | undefined {
  const a = str(value);
  if (!a) b.problem(`${field}.Address is not set.`);
  else if (isPlaceholder(a)) {
    b.problem(`${field}.Address is a documentation placeholder (${a}); put the real webhook address there.`);
    return undefined;
  }
  return a;
}

export function planContactSend(b: PlanBuilder): void {
  const body = obj(b.input.body);
  const channels = contactChannels(body);
  if (!channels.length) return b.problem('This Contact has no bot or webhook to send to (DingTalkBotWebhook, LarkBotWebhook, WeComBotWebhook or Webhook).');
  const channel = b.input.channel ?? channels[0]!;
  if (!channels.includes(channel)) return b.problem(`This Contact has no ${channel} channel; it has ${channels.join(', ')}.`);
  const field = FIELD[channel];
  const hook = b.resolve(obj(body[field]));
  const url = address(b, field, hook['Address']);
  if (!url) return;
  const text = messageText(b);
  const now = b.input.now;
  switch (channel) {
    case 'dingtalk': {
      const secret = b.secret(str(hook['SecretKey']));
      const payload = dingtalkText(text, { atMobiles: strings(hook['AtMobiles']), atUserIds: strings(hook['AtUserIds']) });
      return b.add({
        vendor: 'dingtalk',
        label: 'DingTalk test message',
        request: { method: 'POST', url: dingtalkUrl(url, secret, hook['SecretKey'], now.getTime(), b.crypto), headers: { ...JSON_HEADERS }, body: bodyText(payload) },
        idempotent: true,
        carriesSecret: true,
        allowedHosts: CHANNELS.dingtalk.hosts,
        ...(secret ? { signature: { at: now.getTime(), validForMs: BOT_SIGNATURE_MS, by: 'DingTalk' } } : {}),
      });
    }
    case 'lark': {
      const secret = b.secret(str(hook['SecretKey']));
      const payload = larkText(text);
      const seconds = Math.floor(now.getTime() / 1000);
      const marker = unset(hook['SecretKey']);
      const signed = secret ? { ...larkSign(secret, seconds, b.crypto), ...payload } : marker ? { timestamp: String(seconds), sign: marker, ...payload } : payload;
      return b.add({
        vendor: 'lark',
        label: 'Lark test message',
        request: { method: 'POST', url, headers: { ...JSON_HEADERS }, body: bodyText(signed) },
        idempotent: true,
        carriesSecret: true,
        allowedHosts: CHANNELS.lark.hosts,
        ...(secret ? { signature: { at: seconds * 1000, validForMs: BOT_SIGNATURE_MS, by: 'Lark' } } : {}),
      });
    }
    case 'wecom': {
      const payload = wecomText(text, { userIds: strings(hook['AtUserIds']) });
      return b.add({ vendor: 'wecom', label: 'WeCom test message', request: { method: 'POST', url, headers: { ...JSON_HEADERS }, body: bodyText(payload) }, idempotent: true, carriesSecret: true, allowedHosts: CHANNELS.wecom.hosts });
    }
    case 'webhook': {
      const token = b.secret(str(hook['Token']));
      const bearer = token ?? unset(hook['Token']);
      const headers: Record<string, string> = { ...JSON_HEADERS, ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}) };
      const payload = webhookPayload(text, { name: b.name, kind: b.input.kind, time: now });
      return b.add({ vendor: 'webhook', label: 'Webhook test message', request: { method: 'POST', url, headers, body: bodyText(payload) }, idempotent: true, carriesSecret: Boolean(token) });
    }
  }
}

export function planZstackSend(b: PlanBuilder): void {
  // A raw body's `$schema` associates the file with our schema; it is not part of the ZStack API body.
  const { $schema: _schema, ...raw } = obj(b.input.body);
  const body = b.resolve(raw);
  const params = obj(body['params']);
  const node = b.target('zstack');
  if (node) {
    const session =
      b.credential(b.input.credentials.zstackSession(), CREDENTIAL_VARIABLES.zstackSession) ??
      b.missingValue('ZStack session', [CREDENTIAL_VARIABLES.zstackSession], 'No ZStack session: set ZSTACK_SESSION_UUID (CLI) or the secret zstack-session (VS Code).');
    return b.add({
      vendor: 'zstack',
      label: 'ZStack DingTalk connection test',
      request: {
        method: 'POST',
        url: `${node.replace(/\/+$/, '')}/zstack/v1/sns/application-endpoints/ding-talk/test-connection`,
        headers: { Authorization: `OAuth ${session}`, 'Content-Type': 'application/json;charset=UTF-8' },
        body: bodyText(body),
      },
      idempotent: true,
      carriesSecret: true,
    });
  }
  const url = str(params['url']);
  if (!url) return b.problem('Without target.zstack the test goes straight to DingTalk and needs params.url (an endpointUuid is known only to ZStack).');
  if (isPlaceholder(url)) return b.problem(`params.url is a documentation placeholder (${url}); put the robot's webhook address there.`);
  const given = b.secret(str(params['secret']));
  const secret = given && !isPlaceholder(given) ? given : undefined;
  const text = str(params['testMsg']) ?? messageText(b);
  const payload = dingtalkText(text, { atMobiles: strings(params['atPersonPhoneNumbers']), isAtAll: params['atAll'] === true });
  const ms = b.input.now.getTime();
  b.add({
    vendor: 'dingtalk',
    label: 'DingTalk test message',
    request: { method: 'POST', url: dingtalkUrl(url, secret, params['secret'], ms, b.crypto), headers: { ...JSON_HEADERS }, body: bodyText(payload) },
    idempotent: true,
    carriesSecret: true,
    allowedHosts: CHANNELS.dingtalk.hosts,
    ...(secret ? { signature: { at: ms, validForMs: BOT_SIGNATURE_MS, by: 'DingTalk' } } : {}),
  });
}
