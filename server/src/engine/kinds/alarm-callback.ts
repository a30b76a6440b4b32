/**
 * `AlarmCallback`: a Tencent Cloud Monitor alarm callback payload, replayed to the
 * receiver at `target.url` as Tencent would post it.
 */
import schema from '../../../../schemas/alarm-callback.schema.json';
import type { PlanBuilder } from '../actions/build/context';
import { alarmCallbackRule } from '../rules/alarm-callback';
import { tencentCallback } from '../vendors/tencent';
import { has } from './raw-body';
import type { KindModule } from './types';

/** Posts the payload to the receiver (`--url`, or `target.url`) as Tencent would; a raw body's `$schema` is not sent. */
function replay(b: PlanBuilder): void {
  const body = b.resolvedBody();
  const target = b.input.url ?? b.target('url');
  if (!target) return b.problem('No receiver: set target.url (or pass --url).');
  tencentCallback(b, body, target, b.input.url !== undefined);
}

export const alarmCallback: KindModule = {
  kind: 'AlarmCallback',
  title: 'Alarm callback payload',
  vendor: 'Tencent Cloud Monitor alarm callback',
  summary: { en: 'Tencent Cloud Monitor alarm callback payload.', zh: '腾讯云云监控告警回调数据。' },
  schemaFile: 'alarm-callback.schema.json',
  schema,
  target: schema['x-target'],
  rules: [alarmCallbackRule],
  template: { target: { url: 'http://127.0.0.1:8080/alarm-callback' } },
  rawBody: { words: ['sessionId'], keys: (r) => (has(r, 'sessionId') && has(r, 'alarmPolicyInfo') ? ['sessionId', 'alarmPolicyInfo'] : undefined), folder: 'callbacks' },
  actions: () => ['replay'],
  verbs: { replay },
};
