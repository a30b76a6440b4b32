/**
 * `Contact`: a Volcengine VMP alert contact (CreateContact, Version 2021-03-03):
 * e-mail, a generic webhook and DingTalk/Lark/WeCom bots. Unique by `Name` at
 * Volcengine; its schema findings use Volcengine's own codes.
 */
import schema from '../../../../schemas/contact.schema.json';
import { type SecretField, secretRule } from '../rules/secrets';
import { type AddressField, webhookAddressRule } from '../rules/webhook-address';
import { CHANNELS, type Channel } from '../webhooks/channels';
import { has } from './raw-body';
import type { KindModule } from './types';

const SECRETS: SecretField[] = [
  { path: ['Webhook', 'Token'], name: 'webhook-token' },
  { path: ['LarkBotWebhook', 'SecretKey'], name: 'lark-secret' },
  { path: ['LarkBotWebhook', 'Address'], url: { param: undefined }, name: 'lark-hook' },
  { path: ['DingTalkBotWebhook', 'SecretKey'], name: 'dingtalk-secret' },
  { path: ['DingTalkBotWebhook', 'Address'], url: { param: CHANNELS.dingtalk.tokenParam }, name: 'dingtalk-token' },
  { path: ['WeComBotWebhook', 'Address'], url: { param: CHANNELS.wecom.tokenParam }, name: 'wecom-key' },
];

const ADDRESSES: AddressField[] = [
  [['DingTalkBotWebhook', 'Address'], CHANNELS.dingtalk],
  [['LarkBotWebhook', 'Address'], CHANNELS.lark],
  [['WeComBotWebhook', 'Address'], CHANNELS.wecom],
  [['Webhook', 'Address'], undefined],
];

/** The body blocks of each channel, in the order the CLI and pickers list them. */
export const CHANNEL_BLOCKS: readonly [string, Channel][] = [
  ['DingTalkBotWebhook', 'dingtalk'],
  ['LarkBotWebhook', 'lark'],
  ['WeComBotWebhook', 'wecom'],
  ['Webhook', 'webhook'],
];

/** The bot channels a Contact body has. */
export function contactChannels(body: unknown): Channel[] {
  if (typeof body !== 'object' || body === null) return [];
  const b = body as Record<string, unknown>;
  return CHANNEL_BLOCKS.filter(([block]) => b[block]).map(([, channel]) => channel);
}

export const contact: KindModule = {
  kind: 'Contact',
  title: 'Alert contact',
  vendor: 'Volcengine VMP CreateContact',
  summary: { en: 'Volcengine VMP alert contact (CreateContact).', zh: '火山引擎 VMP 告警联系人（CreateContact）。' },
  schemaFile: 'contact.schema.json',
  schema,
  target: schema['x-target'],
  nameField: 'Name',
  nameConflict: {
    code: 'Conflict.Name',
    message: (name, n) => `Another Contact in the workspace also has Name "${name}" (${n} in all); Volcengine refuses the second one with 409 Conflict.Name. Give each contact its own Name.`,
  },
  vendorCodes: { missing: 'MissingParameter', invalid: 'InvalidParameter' },
  rules: [secretRule(SECRETS), webhookAddressRule(ADDRESSES)],
  template: {
    target: { region: 'cn-beijing' },
    body(example) {
      // The doc's placeholders for secrets become references.
      const refs: [string, string, string][] = [
        ['Webhook', 'Token', '${secret:webhook-token}'],
        ['LarkBotWebhook', 'SecretKey', '${secret:lark-secret}'],
        ['DingTalkBotWebhook', 'SecretKey', '${secret:dingtalk-secret}'],
      ];
      for (const [block, key, ref] of refs) {
        const o = example[block] as Record<string, unknown> | undefined;
        if (o) o[key] = ref;
      }
      return example;
    },
  },
  rawBody: {
    words: ['Name'],
    keys: (r) => {
      const other = ['Email', 'DingTalkBotWebhook', 'LarkBotWebhook', 'WeComBotWebhook', 'Webhook', 'ContactGroupIds'].find((k) => has(r, k));
      return has(r, 'Name') && other ? ['Name', other] : undefined;
    },
    folder: 'contacts',
  },
  actions: (body) => (contactChannels(body).length ? ['send', 'apply'] : ['apply']),
  channels: contactChannels,
};
