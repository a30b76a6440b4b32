import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hoverAt, localeOf as localOf, localTime, validateText } from '../../../server/src/engine/index';
import { lines } from '../../helpers/findings';

test('localTime writes the wall clock of an offset with the offset', () => {
  assert.equal(localTime(1716188400000, 480), '2024-05-20 15:00:00.000 (UTC+08:00)');
  assert.equal(localTime(1716188400000, -330), '2024-05-20 01:30:00.000 (UTC-05:30)');
});

test('localeOf: zh* is Chinese, everything else English', () => {
  assert.deepEqual(['zh', 'zh-CN', 'zh-cn', 'zh-TW', 'en', 'en-US', 'ja', undefined, ''].map(localOf), ['zh-cn', 'zh-cn', 'zh-cn', 'zh-cn', 'en', 'en', 'en', 'en', 'en']);
});

test('epoch ms: ISO in UTC and local time at the given offset; the second value gets its own date', () => {
  const text = lines('apiVersion: alertcfg/v1', 'kind: EventReport', 'spec:', '  events:', '    - starts_at: 1716188400000', '      ends_at: 1716192000000');
  const h = hoverAt(text, text.indexOf('1716192000000') + 3, validateText(text), { locale: 'zh-cn', utcOffsetMinutes: 480 });
  assert.ok(h?.markdown.startsWith('**ends_at** · `integer` · 可选\n\n`1716192000000` = **2024-05-20T08:00:00.000Z** (UTC)\n\n本地时间：2024-05-20 16:00:00.000 (UTC+08:00)\n\n'), h?.markdown);
  assert.deepEqual([h?.start, h?.end], [text.indexOf('1716192000000'), text.indexOf('1716192000000') + 13]);
});

test('a raw body gets hover from its own schema, with the doc URL as a link', () => {
  const text = '{\n  "$schema": "event-report.schema.json",\n  "events": []\n}\n';
  const h = hoverAt(text, text.indexOf('events') + 1, validateText(text, { format: 'json' }), { locale: 'en' });
  assert.match(h?.markdown ?? '', /\n\nSource: \[Huawei Cloud AOM Reporting Events and Alarms \(PUT \/v2\/\{project_id\}\/push\/events\)\]\(https:\/\/support\.huaweicloud\.com\/en-us\/api-aom\/PushEvents\.html\)$/);
  assert.match(h?.markdown ?? '', /^\*\*events\*\* · `object\[\]` · required/);
});

test('${env:NAME} names the variable', () => {
  const text = lines('apiVersion: alertcfg/v1', 'kind: Contact', 'spec:', '  Name: x', '  Webhook:', '    Address: https://h.example.com/${env:HOOK}');
  const h = hoverAt(text, text.indexOf('${env') + 2, validateText(text), { locale: 'en' });
  assert.ok(h?.markdown.startsWith('`${env:HOOK}` is read from the environment variable `HOOK` when a request is built.\n\n---\n\n**Address**'), h?.markdown);
});
