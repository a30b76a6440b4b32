/**
 * Which actions apply to a resource (SPEC §5): what CodeLens, the context menu and
 * `alertcfg.listActions` offer. Every kind can be previewed.
 */
import type { Kind } from '../model/kinds';
import type { Channel } from '../webhooks/channels';

export type ActionName = 'send' | 'push' | 'clear' | 'apply' | 'replay';

/** The bot channels a Contact body has, in the order the CLI and pickers list them. */
export function contactChannels(body: unknown): Channel[] {
  if (typeof body !== 'object' || body === null) return [];
  const b = body as Record<string, unknown>;
  const out: Channel[] = [];
  if (b['DingTalkBotWebhook']) out.push('dingtalk');
  if (b['LarkBotWebhook']) out.push('lark');
  if (b['WeComBotWebhook']) out.push('wecom');
  if (b['Webhook']) out.push('webhook');
  return out;
}

export function actionsFor(kind: Kind, body: unknown, envelope: { action?: unknown } = {}): ActionName[] {
  switch (kind) {
    case 'Contact':
      return contactChannels(body).length ? ['send', 'apply'] : ['apply'];
    case 'DingTalkTestConnection':
      return ['send'];
    case 'KeyOperationNotification':
      return ['apply'];
    case 'EventReport':
      return envelope.action === 'clear' ? ['clear'] : ['push', 'clear'];
    case 'AlarmCallback':
      return ['replay'];
  }
}
