/**
 * A generic webhook: a small self-describing JSON document, with the token as a
 * bearer `Authorization` header when one is set; any 2xx answer is success.
 */
import type { PlanBuilder } from '../actions/build/context';
import type { MessageVars } from '../actions/messages';
import { JSON_HEADERS, is2xx, unsetValue } from './bot';
import type { VendorModule } from './types';


/** What a generic webhook receives. */
export function webhookPayload(text: string, vars: MessageVars): Record<string, unknown> {
  return { source: 'alertcfg', type: 'test', kind: vars.kind, name: vars.name, message: text, time: vars.time.toISOString() };
}

/** Plans a test message to a webhook; `token` is taken with `b.secret`, `tokenField` as resolved. */
export function webhookMessage(b: PlanBuilder, m: { url: string; token: string | undefined; tokenField: unknown; text: string }): void {
  const bearer = m.token ?? unsetValue(m.tokenField);
  const headers: Record<string, string> = { ...JSON_HEADERS, ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}) };
  const payload = webhookPayload(m.text, { name: b.name, kind: b.input.kind, time: b.input.now });
  b.add({ vendor: 'webhook', label: 'Webhook test message', request: { method: 'POST', url: m.url, headers, body: JSON.stringify(payload) }, idempotent: true, carriesSecret: Boolean(m.token) });
}

export const webhook: VendorModule = {
  id: 'webhook',
  label: 'Webhook',
  answers: { webhook: { verdict: (a) => ({ ok: is2xx(a) }), statusDecides: true } },
};
