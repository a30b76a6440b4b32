/**
 * Findings a user gets must be ones the vendor would also give: the doc's own
 * Tencent example in the nesting its braces give, payloads missing fields Tencent
 * always sends (warnings, not errors), fields the vendors' newer APIs document
 * (CTS filter and agency_name, the Tencent v2 callback), blank values that the
 * vendors treat as missing, plain http only where a secret would travel over it,
 * and Tencent's durationTime as a number of seconds.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Finding, applyEdits, fixesFor, validateText } from '../../../server/src/engine/index';
import { brief, check, lines } from '../../helpers/findings';

const ENVELOPE = ['apiVersion: alertcfg/v1', 'kind: AlarmCallback', 'metadata:', '  name: cvm-cpu-high', 'target:', '  url: http://127.0.0.1:8080/tencent/alarm', 'spec:'];

// The 2018 doc's example as its braces nest it (comments dropped, commas added):
// firstOccurTime, durationTime and recoverTime are inside alarmPolicyInfo.
const DOC_LITERAL = `{
  "sessionId": "xxxxxxxx",
  "alarmStatus": 1,
  "alarmObjInfo": {
    "region": "gz",
    "namespace": "qce/cvm",
    "dimensions": { "unInstanceId": "ins-o9p3rg3m", "objId": "xxxxxxxxxxxx" }
  },
  "alarmPolicyInfo": {
    "policyId": "policy-n4exeh88",
    "policyType": "cvm_device",
    "policyName": "test",
    "conditions": { "metricName": "cpu usage", "metricShowName": "CPU utilization", "calcType": ">", "calcValue": "90", "currentValue": "100", "unit": "%", "period": "60", "periodNum": "1", "alarmNotifyType": "continuousAlarm", "alarmNotifyPeriod": 300 },
    "firstOccurTime": "2017-03-09 07:00:00",
    "durationTime": 500,
    "recoverTime": "0"
  }
}`;

function fixedBy(text: string, code: string, format: 'json' | 'yaml'): string {
  const file = validateText(text, { format, globKind: format === 'json' && !text.includes('apiVersion') ? 'AlarmCallback' : undefined });
  const f = file.findings.find((x: Finding) => x.code === code);
  assert.ok(f, `no ${code} in ${JSON.stringify(file.findings.map((x) => x.code))}`);
  const [fix] = fixesFor(f, { text, file, format });
  assert.ok(fix, `no fix for ${code}`);
  return applyEdits(text, fix.edits);
}

test('the Tencent doc example in its own nesting: one information note, no error, no warning', () => {
  const raw = check(DOC_LITERAL, { format: 'json', globKind: 'AlarmCallback' });
  assert.deepEqual(raw.map((d) => `${d.code} ${d.severity} ${d.range}`), ['callback-time-nested info 14:5-14:21']);
  assert.match(raw[0]!.message, /Tencent sends them at the top level of the payload/);
  const envelope = lines(...ENVELOPE.slice(0, -1), `spec: ${DOC_LITERAL.replace(/\n\s*/g, ' ')}`);
  assert.deepEqual(check(envelope).map((d) => `${d.code} ${d.severity}`), ['callback-time-nested info']);
});

test('the nested time fields get the same format checks as at the top level', () => {
  const bad = DOC_LITERAL.replace('"2017-03-09 07:00:00"', '"2017/03/09"').replace('"durationTime": 500', '"durationTime": "abc"');
  const found = brief(bad, { format: 'json', globKind: 'AlarmCallback' });
  assert.deepEqual(found, ['callback-time-nested info 14:5-14:21', 'invalid-format error 14:23-14:35', 'invalid-format error 15:21-15:26']);
});

test('the quick fix moves the time fields to the top level, values as written; the result is clean', () => {
  const moved = fixedBy(DOC_LITERAL, 'callback-time-nested', 'json');
  assert.deepEqual(JSON.parse(moved), { ...withoutTimes(JSON.parse(DOC_LITERAL)), firstOccurTime: '2017-03-09 07:00:00', durationTime: 500, recoverTime: '0' });
  assert.deepEqual(brief(moved, { format: 'json', globKind: 'AlarmCallback' }), []);
  const yaml = lines(...ENVELOPE, '  sessionId: s1', '  alarmStatus: 1', '  alarmObjInfo: {namespace: qce/cvm, dimensions: {unInstanceId: ins-1}}', '  alarmPolicyInfo:', '    policyType: cvm_device', '    policyName: test', '    firstOccurTime: "2017-03-09 07:00:00"', '    durationTime: "500"', '    conditions: {metricName: cpu}', '    recoverTime: "0"');
  const movedYaml = fixedBy(yaml, 'callback-time-nested', 'yaml');
  assert.equal(movedYaml, lines(...ENVELOPE, '  sessionId: s1', '  alarmStatus: 1', '  alarmObjInfo: {namespace: qce/cvm, dimensions: {unInstanceId: ins-1}}', '  firstOccurTime: "2017-03-09 07:00:00"', '  durationTime: "500"', '  recoverTime: "0"', '  alarmPolicyInfo:', '    policyType: cvm_device', '    policyName: test', '    conditions: {metricName: cpu}'));
  assert.deepEqual(brief(movedYaml), []);
});

function withoutTimes(o: Record<string, Record<string, unknown>>): Record<string, unknown> {
  const { firstOccurTime: _a, durationTime: _b, recoverTime: _c, ...policy } = o['alarmPolicyInfo']!;
  return { ...o, alarmPolicyInfo: policy };
}

test('a field Tencent always sends is a warning when missing; only sessionId and alarmStatus are errors', () => {
  const minimal = lines(...ENVELOPE, '  sessionId: s1', '  alarmStatus: 1');
  const found = check(minimal);
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${String(d.data?.['property'])}`), [
    'expected-property warning alarmObjInfo',
    'expected-property warning alarmPolicyInfo',
    'expected-property warning firstOccurTime',
    'expected-property warning durationTime',
    'expected-property warning recoverTime',
  ]);
  assert.match(found[2]!.message, /Tencent always sends it, so a receiver may rely on it/);
  const nested = lines(...ENVELOPE, '  sessionId: s1', '  alarmStatus: 1', '  alarmObjInfo: {namespace: qce/cvm}', '  alarmPolicyInfo: {policyType: cvm_device, policyName: t}', '  firstOccurTime: "2017-03-09 07:00:00"', '  durationTime: 1', '  recoverTime: "0"');
  assert.deepEqual(check(nested).map((d) => `${d.code} ${d.severity} ${String(d.data?.['property'])} ${d.range}`), [
    'expected-property warning dimensions 10:3-10:15',
    'expected-property warning conditions 11:3-11:18',
  ]);
  assert.deepEqual(brief(lines(...ENVELOPE, '  alarmStatus: 1')).filter((l) => !l.startsWith('expected-property')), ['missing-property error 7:1-7:5']);
  assert.deepEqual(brief(lines(...ENVELOPE, '  sessionId: s1', '  alarmStatus: 2')).filter((l) => !l.startsWith('expected-property')), ['invalid-value error 9:16-9:17']);
});

test('the expected-property quick fix adds the field with the doc example', () => {
  const text = lines(...ENVELOPE, '  sessionId: s1', '  alarmStatus: 1', '  alarmObjInfo: {namespace: qce/cvm, dimensions: {unInstanceId: ins-1}}', '  alarmPolicyInfo: {policyType: cvm_device, policyName: t, conditions: {metricName: cpu}}', '  firstOccurTime: "2017-03-09 07:00:00"', '  recoverTime: "0"');
  assert.equal(fixedBy(text, 'expected-property', 'yaml'), `${text}  durationTime: 500\n`);
});

test('Tencent durationTime is a number of seconds: digits as a string or a number; anything else is an error', () => {
  const at = (v: string) => brief(lines(...ENVELOPE, '  sessionId: s1', '  alarmStatus: 1', '  alarmObjInfo: {namespace: qce/cvm, dimensions: {}}', '  alarmPolicyInfo: {policyType: cvm_device, policyName: t, conditions: {}}', '  firstOccurTime: "2017-03-09 07:00:00"', '  recoverTime: "0"', `  durationTime: ${v}`));
  assert.deepEqual(at('500'), []);
  assert.deepEqual(at('"500"'), []);
  assert.deepEqual(at('"abc"'), ['invalid-format error 14:17-14:22']);
  assert.deepEqual(at('"5 min"'), ['invalid-format error 14:17-14:24']);
  assert.deepEqual(at('-1'), ['out-of-range error 14:17-14:19']);
});

test('the Tencent v2 callback fields are known, with descriptions; a typo still gets "did you mean"', () => {
  const v2 = lines(
    ...ENVELOPE,
    '  sessionId: s1',
    '  alarmStatus: "1"',
    '  alarmType: event',
    '  alarmObjInfo: {region: gz, namespace: qce/cvm, appId: "1250000000", uin: 100000000001, dimensions: {objId: o, objName: web-1}}',
    '  alarmPolicyInfo:',
    '    policyId: policy-1',
    '    policyType: cvm_device',
    '    policyName: t',
    '    policyTypeCName: CVM',
    '    policyTypeEname: CVM-Basic',
    '    conditions: {metricName: cpu, calcValue: 90, calcUnit: "%", currentValue: 95, historyValue: "80", productName: cvm, productShowName: CVM, eventName: ping_unreachable, eventShowName: ping unreachable, alarmNotifyType: singleAlarm, alarmNotifyPeriod: ""}',
    '  additionalMsg: [{key: alias, value: web-1}]',
    '  firstOccurTime: "2024-05-20 07:00:00"',
    '  durationTime: "60"',
    '  recoverTime: "0"',
  );
  assert.deepEqual(brief(v2), []);
  const typo = check(v2.replace('policyTypeCName', 'policyTypeCname'));
  assert.deepEqual(typo.map((d) => d.code), ['unknown-property']);
  assert.match(typo[0]!.message, /Did you mean "policyTypeCName"\?/);
});

// ------------------------------------------------------------ CTS

const CTS = ['apiVersion: alertcfg/v1', 'kind: KeyOperationNotification', 'metadata:', '  name: gitops-ops', 'target:', '  region: cn-north-4', '  projectId: 0a1b2c3d4e5f60718293a4b5c6d7e8f9', 'spec:', '  notification_name: gitops-ops', '  operation_type: complete', '  topic_id: urn:smn:cn-north-4:0a1b2c3d4e5f60718293a4b5c6d7e8f9:alerts'];

test('CTS filter and agency_name (newer API versions) are known fields', () => {
  assert.deepEqual(brief(lines(...CTS, '  agency_name: cts_admin_trust', '  filter:', '    is_support_filter: true', '    condition: OR', '    rule: ["code = 400", "resource_name != test"]')), []);
});

test('CTS filter: condition AND|OR, rules as "<field> = <value>", all three fields required, a typo is "did you mean"', () => {
  const found = check(lines(...CTS, '  agency_name: admin', '  filter:', '    condition: XOR', '    rule: ["code 400"]', '    is_suport_filter: true'));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['invalid-value error 12:16-12:21', 'invalid-value error 14:16-14:19', 'invalid-format error 15:12-15:22', 'unknown-property error 16:5-16:21']);
  assert.match(found[3]!.message, /Did you mean "is_support_filter"\?/);
  assert.deepEqual(brief(lines(...CTS, '  filter:', '    is_support_filter: true', '    condition: AND', '    rule: []')), ['out-of-range error 15:11-15:13']);
});

// ------------------------------------------------------------ blank is absent

const CONTACT = ['apiVersion: alertcfg/v1', 'kind: Contact', 'metadata:', '  name: sre', 'target:', '  region: cn-beijing', 'spec:'];

test('an empty or blank Name is MissingParameter.Name, on the value', () => {
  for (const v of ['""', '"   "', "''"]) {
    const found = check(lines(...CONTACT, `  Name: ${v}`, '  Email: sre@example.com'));
    assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), [`MissingParameter.Name error 8:9-8:${9 + v.length}`], v);
    assert.match(found[0]!.message, /Volcengine VMP CreateContact treats that as missing/);
  }
});

test('a blank Address next to a Token or SecretKey is the missing Address, with the same code as an absent one', () => {
  const blank = check(lines(...CONTACT, '  Name: sre', '  Webhook:', '    Address: "  "', '    Token: ${secret:t}', '  DingTalkBotWebhook: {Address: "", SecretKey: "${secret:d}"}'));
  assert.deepEqual(blank.map((d) => `${d.code} ${d.severity} ${d.range}`), ['MissingParameter.Webhook.Address error 10:14-10:18', 'MissingParameter.DingTalkBotWebhook.Address error 12:33-12:35']);
  const absent = check(lines(...CONTACT, '  Name: sre', '  Webhook:', '    Token: ${secret:t}'));
  assert.deepEqual(absent.map((d) => d.code), ['MissingParameter.Webhook.Address']);
});

test('a blank value offers no "add the property" fix (it is there, to fill in)', () => {
  const text = lines(...CONTACT, '  Name: ""');
  const file = validateText(text);
  assert.deepEqual(fixesFor(file.findings[0]!, { text, file, format: 'yaml' }), []);
});

test('ZStack testMsg "" and an empty AOM events list are missing', () => {
  const zstack = lines('apiVersion: alertcfg/v1', 'kind: DingTalkTestConnection', 'metadata: {name: t}', 'spec:', '  params:', '    testMsg: ""', '    url: https://oapi.dingtalk.com/robot/send?access_token=${env:T}');
  assert.deepEqual(brief(zstack), ['missing-property error 6:14-6:16']);
  const aom = lines('apiVersion: alertcfg/v1', 'kind: EventReport', 'metadata: {name: e}', 'target: {region: cn-north-4, projectId: p}', 'spec:', '  events: []');
  const found = check(aom);
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['missing-property error 6:11-6:13']);
  assert.match(found[0]!.message, /"events" is an empty list; .* list at least one item/);
});

// ------------------------------------------------------------ insecure-url

test('insecure-url: plain http with no secret on the way is fine', () => {
  assert.deepEqual(brief(lines(...CONTACT, '  Name: sre', '  Webhook:', '    Address: http://alerts.example.com/hooks/vmp')), []);
  assert.deepEqual(brief(lines(...CONTACT, '  Name: sre', '  Webhook:', '    Address: http://alerts.example.com/hooks/vmp?team=sre')), []);
});

test('insecure-url names exactly the secret that would travel over plain http', () => {
  const msg = (text: string) => check(text).filter((d) => d.code === 'insecure-url').map((d) => d.message);
  assert.deepEqual(msg(lines(...CONTACT, '  Name: sre', '  Webhook:', '    Address: http://alerts.example.com/hooks/vmp', '    Token: ${secret:t}')), [
    'Webhook.Address uses plain http, so Webhook.Token would travel unencrypted; alertcfg sends requests that carry a secret over https only. Use https://.',
  ]);
  assert.deepEqual(msg(lines(...CONTACT, '  Name: sre', '  Webhook:', '    Address: http://alerts.example.com/hooks/vmp?access_token=${env:T}')), [
    'Webhook.Address uses plain http, so the access_token parameter in Webhook.Address would travel unencrypted; alertcfg sends requests that carry a secret over https only. Use https://.',
  ]);
  assert.deepEqual(msg(lines(...CONTACT, '  Name: sre', '  DingTalkBotWebhook:', '    Address: http://oapi.dingtalk.com/robot/send?access_token=${env:T}', '    SecretKey: ${secret:s}')), [
    'DingTalkBotWebhook.Address uses plain http, so the access_token in DingTalkBotWebhook.Address and DingTalkBotWebhook.SecretKey would travel unencrypted; alertcfg sends requests that carry a secret over https only. Use https://.',
  ]);
  assert.deepEqual(msg(lines(...CONTACT, '  Name: sre', '  LarkBotWebhook:', '    Address: http://open.feishu.cn/open-apis/bot/v2/hook/${secret:h}')), [
    'LarkBotWebhook.Address uses plain http, so the hook token in LarkBotWebhook.Address would travel unencrypted; alertcfg sends requests that carry a secret over https only. Use https://.',
  ]);
});
