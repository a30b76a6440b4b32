/**
 * Tencent Cloud alarm callbacks: alarmStatus 0|1 as number or string, fields
 * Tencent sends as string or number, firstOccurTime `YYYY-MM-DD HH:mm:ss`,
 * recoverTime "0" or such a time, and not before firstOccurTime.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief, check, lines } from '../../helpers/findings';

interface Fields {
  alarmStatus?: string;
  conditions?: string;
  firstOccurTime?: string;
  durationTime?: string;
  recoverTime?: string;
}

/** alarmStatus on line 9 (value at column 16), firstOccurTime on line 17 (column 19), recoverTime on line 19 (column 16). */
function callback(f: Fields = {}): string {
  return lines(
    'apiVersion: alertcfg/v1',
    'kind: AlarmCallback',
    'metadata:',
    '  name: cvm-cpu-high',
    'target:',
    '  url: http://127.0.0.1:8080/tencent/alarm',
    'spec:',
    '  sessionId: session-cvm-cpu-0001',
    `  alarmStatus: ${f.alarmStatus ?? '0'}`,
    '  alarmObjInfo:',
    '    namespace: qce/cvm',
    '    dimensions: { unInstanceId: ins-o9p3rg3m }',
    '  alarmPolicyInfo:',
    '    policyType: cvm_device',
    '    policyName: cpu-high',
    `    conditions: ${f.conditions ?? '{ metricName: cpu_usage, calcType: ">", calcValue: "90" }'}`,
    `  firstOccurTime: ${f.firstOccurTime ?? '"2024-05-20 07:00:00"'}`,
    `  durationTime: ${f.durationTime ?? '500'}`,
    `  recoverTime: ${f.recoverTime ?? '"2024-05-20 07:50:00"'}`,
  );
}

test('recover-before-first-occur: on the recoverTime value', () => {
  const found = check(callback({ recoverTime: '"2024-05-20 06:50:00"' }));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['recover-before-first-occur warning 19:16-19:37']);
  assert.deepEqual(found[0]!.data?.path, ['spec', 'recoverTime']);
});

test('recover-before-first-occur passes after, at the same time, and for "0" and 0 (not recovered)', () => {
  assert.deepEqual(brief(callback()), []);
  assert.deepEqual(brief(callback({ recoverTime: '"2024-05-20 07:00:00"' })), []);
  assert.deepEqual(brief(callback({ alarmStatus: '1', recoverTime: '"0"' })), []);
  assert.deepEqual(brief(callback({ alarmStatus: '1', recoverTime: '0' })), []);
});

test('alarmStatus is 0 or 1, as a number or a string', () => {
  for (const s of ['0', '1', '"0"', '"1"']) assert.deepEqual(brief(callback({ alarmStatus: s })), [], s);
  const found = check(callback({ alarmStatus: '2' }));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['invalid-value error 9:16-9:17']);
  assert.match(found[0]!.message, /must be one of 0, 1, "0", "1", not 2/);
});

test('fields Tencent sends as string or number accept both', () => {
  assert.deepEqual(brief(callback({ durationTime: '"500"' })), []);
  assert.deepEqual(brief(callback({ conditions: '{ metricName: cpu_usage, calcValue: 90, currentValue: "97", period: 60, alarmNotifyPeriod: "" }' })), []);
});

test('firstOccurTime in another form: invalid-format on the value, and no order check', () => {
  const found = check(callback({ firstOccurTime: '"2024-05-20T07:00:00Z"' }));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['invalid-format error 17:19-17:41']);
  assert.match(found[0]!.message, /YYYY-MM-DD HH:mm:ss/);
});

test('recoverTime that is neither "0" nor a time', () => {
  assert.deepEqual(brief(callback({ recoverTime: 'soon' })), ['invalid-format error 19:16-19:20']);
  assert.deepEqual(brief(callback({ recoverTime: '5' })), ['out-of-range error 19:16-19:17']);
});

test('alarmNotifyType outside its enumeration', () => {
  // "    conditions: { metricName: cpu_usage, alarmNotifyType: " is 58 characters.
  assert.deepEqual(brief(callback({ conditions: '{ metricName: cpu_usage, alarmNotifyType: single }' })), ['invalid-value error 16:59-16:65']);
});
