/**
 * What a Contact does: a test message to one of its channels (straight to the bot,
 * or through Volcengine VMP's own bot test), its create, and GitOps sync with
 * Volcengine (contact-sync.ts). Kept apart from what a Contact is (../contact.ts),
 * so that validation never loads request planning.
 */
import { type PlanBuilder, obj, str, strings } from '../../actions/build/context';
import { isPlaceholder } from '../../rules/values';
import { dingtalkMessage } from '../../vendors/dingtalk';
import { larkMessage } from '../../vendors/lark';
import { volcengineBotTest } from '../../vendors/volcengine';
import { webhookMessage } from '../../vendors/webhook';
import { wecomMessage } from '../../vendors/wecom';
import { CHANNEL_BLOCKS, contact, contactChannels } from '../contact';
import type { KindActions } from '../types';
import { contactSync } from './contact-sync';

/** The webhook address of a channel block, or undefined (with a problem) when it is not usable. */
function address(b: PlanBuilder, block: string, value: unknown): string | undefined {
  const a = str(value);
  if (!a) b.problem(`${block}.Address is not set.`);
  else if (isPlaceholder(a)) {
    b.problem(`${block}.Address is a documentation placeholder (${a}); put the real webhook address there.`);
    return undefined;
  }
  return a;
}

/** A test message to one of the contact's channels (the one asked for, or its first). */
function send(b: PlanBuilder): void {
  const body = obj(b.input.body);
  const channels = contactChannels(body);
  if (!channels.length) return b.problem('This Contact has no bot or webhook to send to (DingTalkBotWebhook, LarkBotWebhook, WeComBotWebhook or Webhook).');
  const channel = b.input.channel ?? channels[0]!;
  if (!channels.includes(channel)) return b.problem(`This Contact has no ${channel} channel; it has ${channels.join(', ')}.`);
  const block = CHANNEL_BLOCKS.find(([, c]) => c === channel)![0];
  const hook = b.resolve(obj(body[block]));
  const url = address(b, block, hook['Address']);
  if (!url) return;
  // Through the cloud: VMP sends the test itself, which proves the cloud (not only this machine) reaches the bot.
  if (b.input.via === 'cloud') return volcengineBotTest(b, channel, hook);
  const text = b.messageText();
  switch (channel) {
    case 'dingtalk':
      return dingtalkMessage(b, { url, secret: b.secret(str(hook['SecretKey'])), secretField: hook['SecretKey'], text, at: { atMobiles: strings(hook['AtMobiles']), atUserIds: strings(hook['AtUserIds']) } });
    case 'lark':
      return larkMessage(b, { url, secret: b.secret(str(hook['SecretKey'])), secretField: hook['SecretKey'], text });
    case 'wecom':
      return wecomMessage(b, { url, text, userIds: strings(hook['AtUserIds']) });
    case 'webhook':
      return webhookMessage(b, { url, token: b.secret(str(hook['Token'])), tokenField: hook['Token'], text });
  }
}

/** Creates the contact: Volcengine VMP CreateContact with the body as written. */
function apply(b: PlanBuilder): void {
  contactSync.create(b);
}

export const contactActions: KindActions = { kind: contact.kind, verbs: { send, apply }, sync: contactSync };
