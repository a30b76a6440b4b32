/**
 * Huawei CTS key operation notifications: complete ignores operations and
 * notify_user_list, customized needs operations, at most 50 users (and 10 groups),
 * and the topic_id URN's region agrees with target.region.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief, check, lines } from '../../helpers/findings';

const PROJECT = '24edf66e79d04187acb99a463e610764';
/** Lines 1-9; the body continues on line 10. */
const head = (region = 'cn-north-7') => ['apiVersion: alertcfg/v1', 'kind: KeyOperationNotification', 'metadata:', '  name: tracker-changes', 'target:', `  region: ${region}`, `  projectId: ${PROJECT}`, 'spec:', '  notification_name: tracker-changes'];
/** Four lines. */
const OPS = ['  operations:', '    - service_type: CTS', '      resource_type: tracker', '      trace_names: [createTracker, deleteTracker]'];
const TOPIC = `  topic_id: urn:smn:cn-north-7:${PROJECT}:sre`;
const userNames = (from: number, n: number) => Array.from({ length: n }, (_, i) => `u${from + i}`).join(', ');

test('complete-ignores-field: on the operations key and on the notify_user_list key', () => {
  const text = lines(...head(), '  operation_type: complete', ...OPS, '  notify_user_list:', '    - user_group: admin', '      user_list: [alice, bob]', TOPIC);
  const found = check(text);
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['complete-ignores-field warning 11:3-11:13', 'complete-ignores-field warning 15:3-15:19']);
  assert.deepEqual(found.map((d) => d.data?.['property']), ['operations', 'notify_user_list']);
});

test('complete-ignores-field passes for complete alone, and for customized with both fields', () => {
  assert.deepEqual(brief(lines(...head(), '  operation_type: complete', TOPIC)), []);
  assert.deepEqual(brief(lines(...head(), '  operation_type: customized', ...OPS, '  notify_user_list:', '    - user_group: admin', '      user_list: [alice, bob]', TOPIC)), []);
});

test('operations-required: customized without operations, on the operation_type value', () => {
  const found = check(lines(...head(), '  operation_type: customized', TOPIC));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['operations-required error 10:19-10:29']);
  assert.deepEqual(found[0]!.data?.path, ['spec', 'operations']);
});

test('operations-required: an empty operations list, on the list', () => {
  assert.deepEqual(brief(lines(...head(), '  operation_type: customized', '  operations: []', TOPIC)), ['operations-required error 11:15-11:17']);
});

test('operations-required passes with operations', () => {
  assert.deepEqual(brief(lines(...head(), '  operation_type: customized', ...OPS, TOPIC)), []);
});

test('notify-users-limit: 51 users across two groups, on the notify_user_list key', () => {
  const text = lines(...head(), '  operation_type: customized', ...OPS, '  notify_user_list:', '    - user_group: admin', `      user_list: [${userNames(1, 26)}]`, '    - user_group: ops', `      user_list: [${userNames(27, 25)}]`);
  const found = check(text);
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['notify-users-limit error 15:3-15:19']);
  assert.equal(found[0]!.data?.['total'], 51);
  assert.match(found[0]!.message, /51 users/);
});

test('notify-users-limit passes at 50 users', () => {
  const text = lines(...head(), '  operation_type: customized', ...OPS, '  notify_user_list:', '    - user_group: admin', `      user_list: [${userNames(1, 25)}]`, '    - user_group: ops', `      user_list: [${userNames(26, 25)}]`);
  assert.deepEqual(brief(text), []);
});

test('more than 10 user groups: out-of-range on the list', () => {
  const group = (i: number) => `{user_group: g${String(i).padStart(2, '0')}, user_list: [a]}`; // 33 characters
  const groups = Array.from({ length: 11 }, (_, i) => group(i + 1)).join(', ');
  // "  notify_user_list: " is 20 characters; the list is 11 × 33 + 10 × 2 + 2 = 385.
  const found = check(lines(...head(), '  operation_type: customized', ...OPS, `  notify_user_list: [${groups}]`));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['out-of-range error 15:21-15:406']);
  assert.match(found[0]!.message, /at most 10 items \(it has 11\)/);
});

test('topic-region-mismatch: an SMN topic of another region, on the topic_id value', () => {
  const found = check(lines(...head('cn-north-4'), '  operation_type: complete', TOPIC));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['topic-region-mismatch warning 11:13-11:68']);
  assert.equal(found[0]!.data?.['urnRegion'], 'cn-north-7');
  assert.equal(found[0]!.data?.['region'], 'cn-north-4');
});

test('topic-region-mismatch: a FunctionGraph URN of another region', () => {
  const text = lines(...head('cn-north-4'), '  operation_type: complete', `  topic_id: urn:fss:cn-north-7:${PROJECT}:function:default:notify`);
  assert.deepEqual(brief(text), ['topic-region-mismatch warning 11:13-11:88']);
});

test('topic-region-mismatch passes in the same region, for a reference, and for a raw body', () => {
  assert.deepEqual(brief(lines(...head(), '  operation_type: complete', TOPIC)), []);
  assert.deepEqual(brief(lines(...head('cn-north-4'), '  operation_type: complete', '  topic_id: ${env:CTS_TOPIC_URN}')), []);
  const raw = ['{', '  "$schema": "https://alertcfg.dev/schemas/v1/key-operation-notification.schema.json",', '  "notification_name": "test",', '  "operation_type": "complete",', `  "topic_id": "urn:smn:cn-north-7:${PROJECT}:test"`, '}', ''].join('\n');
  assert.deepEqual(brief(raw), []);
});

test('topic_id that is not a URN: invalid-format on the value', () => {
  const found = check(lines(...head(), '  operation_type: complete', '  topic_id: sre-topic'));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['invalid-format error 11:13-11:22']);
  assert.match(found[0]!.message, /urn:smn:\{region\}/);
});
