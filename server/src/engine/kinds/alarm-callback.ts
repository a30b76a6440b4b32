/**
 * `AlarmCallback`: a Tencent Cloud Monitor alarm callback payload, replayed to the
 * receiver at `target.url` as Tencent would post it.
 */
import schema from '../../../../schemas/alarm-callback.schema.json';
import { alarmCallbackRule } from '../rules/alarm-callback';
import { has } from './raw-body';
import type { KindModule } from './types';

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
};
