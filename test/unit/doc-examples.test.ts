/**
 * The vendor docs' own request examples, copied literally from /work/shared/docs,
 * validate with zero findings in every form alertcfg accepts them: inside the
 * envelope (YAML and JSON) and as raw bodies associated by `$schema`, by a modeline
 * and by a configured glob.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type FileOptions, type Kind, validateText } from '../../server/src/engine/index';
import { check, describe } from '../helpers/findings';

/**
 * Zero findings (or exactly the information notes given), and the file really is
 * ours (a vacuous "not ours" would also have none).
 */
function assertClean(text: string, options: FileOptions = {}, label = '', notes: readonly string[] = []): void {
  const r = validateText(text, options);
  assert.equal(r.ours, true, `not recognised as ours: ${label}`);
  const found = describe(text, r.findings);
  assert.deepEqual(found.filter((f) => !(f.severity === 'info' && notes.includes(f.code))), [], label);
  assert.deepEqual(found.map((f) => f.code), [...notes], label);
}

interface DocExample {
  kind: Kind;
  label: string;
  schemaFile: string;
  /** The request body exactly as the doc prints it (one line of JSON). */
  body: string;
  /** The envelope's target, as YAML flow and JSON (the same text works for both). */
  target?: string;
  /** Information notes the example gets (never an error or a warning). */
  notes?: string[];
}

// 000: Volcengine VMP CreateContact, request example.
const CONTACT =
  '{ "Name": "user-demo", "Email": "user-demo@example.com", "Webhook": { "Token": "3KSxxx", "Address": "https://www.bytedance.com/" }, "ContactGroupIds": [ "e28ae750-bbb8-4ff4-abf4-1e0e0f88808c" ], "LarkBotWebhook": { "Address": "https://open.feishu.cn/open-apis/bot/v2/hook/***", "SecretKey": "6KKxxx" }, "DingTalkBotWebhook": { "Address": "https://oapi.dingtalk.com/robot/send?access_token=***", "AtMobiles": [ "133********" ], "AtUserIds": [ "********" ], "SecretKey": "SECxxx" }, "WeComBotWebhook": { "Address": "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=xxxxxxx", "AtUserIds": [ "********" ] } }';

// 001: Tencent Cloud alarm callback parameters. The doc's JSON is malformed (comments,
// a trailing comma, missing commas, and the three time fields inside alarmPolicyInfo);
// this is the wire form: comments removed, commas fixed, times at top level.
const ALARM_CALLBACK = `{
       "sessionId": "xxxxxxxx",
       "alarmStatus": 1,
       "alarmObjInfo": {
            "region": "gz",
            "namespace": "qce/cvm",
            "dimensions": {
                "unInstanceId": "ins-o9p3rg3m",
                "objId":"xxxxxxxxxxxx"
            }
       },
       "alarmPolicyInfo": {
                "policyId": "policy-n4exeh88",
                "policyType": "cvm_device",
                "policyName": "test",
                "conditions": {
                    "metricName": "cpu usage",
                    "metricShowName": "CPU utilization",
                    "calcType": ">",
                    "calcValue": "90",
                    "currentValue": "100",
                    "unit": "%",
                    "period": "60",
                    "periodNum": "1",
                    "alarmNotifyType": "continuousAlarm",
                    "alarmNotifyPeriod": 300
                }
       },
       "firstOccurTime": "2017-03-09 07:00:00",
       "durationTime": 500,
       "recoverTime": "0"
}`;

// 001 again, in the nesting the doc's braces give: the three time fields inside
// alarmPolicyInfo (comments removed, the missing commas added, nothing moved).
const ALARM_CALLBACK_DOC_NESTING = `{
       "sessionId": "xxxxxxxx",
       "alarmStatus": 1,
       "alarmObjInfo": {
            "region": "gz",
            "namespace": "qce/cvm",
            "dimensions": {
                "unInstanceId": "ins-o9p3rg3m",
                "objId":"xxxxxxxxxxxx"
            }
       },
       "alarmPolicyInfo": {
                "policyId": "policy-n4exeh88",
                "policyType": "cvm_device",
                "policyName": "test",
                "conditions": {
                    "metricName": "cpu usage",
                    "metricShowName": "CPU utilization",
                    "calcType": ">",
                    "calcValue": "90",
                    "currentValue": "100",
                    "unit": "%",
                    "period": "60",
                    "periodNum": "1",
                    "alarmNotifyType": "continuousAlarm",
                    "alarmNotifyPeriod": 300
                },
                "firstOccurTime": "2017-03-09 07:00:00",
                "durationTime": 500,
                "recoverTime": "0"
        }
}`;

// 002: ZStack SNSDingTalkTestConnection, the -d body of the request example.
const DINGTALK_TEST =
  '{"params":{"testMsg":"<testMsg>","endpointUuid":"<endpointUuid>","url":"<url>","atAll":true,"atPersonPhoneNumbers":["<atPersonPhoneNumbers>"],"secret":"<secret>"},"systemTags":["<systemTags>"],"userTags":["<userTags>"]}';

// 003: Huawei CTS, the two request examples (complete and customized).
const CTS_COMPLETE =
  '{ "notification_name" : "test", "operation_type" : "complete", "topic_id" : "urn:smn:cn-north-7:24edf66e79d04187acb99a463e610764:test" }';
const CTS_CUSTOMIZED =
  '{ "notification_name" : "keyOperate_info_cfwy", "operation_type" : "customized", "operations" : [ { "service_type" : "CTS", "resource_type" : "tracker", "trace_names" : [ "createTracker", "deleteTraceker" ] }, { "service_type" : "CTS", "resource_type" : "notification", "trace_names" : [ "deleteNotification", "updateNotification" ] }, { "service_type" : "AOM", "resource_type" : "pe", "trace_names" : [ "deletePolicyGroup", "updatePolicyGroup", "createPolicyGroup" ] } ], "notify_user_list" : [ { "user_group" : "admin", "user_list" : [ "test1", "test2" ] }, { "user_group" : "CTS view", "user_list" : [ "test3", "test4" ] } ], "topic_id" : "urn:smn:cn-north-7:24edf66e79d04187acb99a463e610764:test" }';

// 004: Huawei AOM push events, the request example.
const AOM_EVENTS =
  '{ "events" : [ { "starts_at" : 1605232501000, "timeout" : 60000, "metadata" : { "event_name" : "test", "event_severity" : "Major", "event_type" : "alarm", "resource_provider" : "ecs", "resource_type" : "vm", "resource_id" : "ecs123" }, "annotations" : { "alarm_probableCause_zh_cn" : "Possible Causes", "alarm_fix_suggestion_zh_cn" : "Suggestions", "message" : "Alarm Details" }, "attach_rule" : { } } ] }';

const EXAMPLES: DocExample[] = [
  { kind: 'Contact', label: 'Volcengine CreateContact', schemaFile: 'contact.schema.json', body: CONTACT, target: '{"region": "cn-beijing"}' },
  { kind: 'AlarmCallback', label: 'Tencent alarm callback (corrected)', schemaFile: 'alarm-callback.schema.json', body: ALARM_CALLBACK, target: '{"url": "http://127.0.0.1:8080/alarm-callback"}' },
  { kind: 'AlarmCallback', label: 'Tencent alarm callback (the doc\'s nesting)', schemaFile: 'alarm-callback.schema.json', body: ALARM_CALLBACK_DOC_NESTING, target: '{"url": "http://127.0.0.1:8080/alarm-callback"}', notes: ['callback-time-nested'] },
  { kind: 'DingTalkTestConnection', label: 'ZStack SNSDingTalkTestConnection', schemaFile: 'dingtalk-test-connection.schema.json', body: DINGTALK_TEST },
  { kind: 'KeyOperationNotification', label: 'CTS complete', schemaFile: 'key-operation-notification.schema.json', body: CTS_COMPLETE, target: '{"region": "cn-north-7", "projectId": "24edf66e79d04187acb99a463e610764"}' },
  { kind: 'KeyOperationNotification', label: 'CTS customized', schemaFile: 'key-operation-notification.schema.json', body: CTS_CUSTOMIZED, target: '{"region": "cn-north-7", "projectId": "24edf66e79d04187acb99a463e610764"}' },
  { kind: 'EventReport', label: 'AOM push events', schemaFile: 'event-report.schema.json', body: AOM_EVENTS, target: '{"region": "cn-north-4", "projectId": "24edf66e79d04187acb99a463e610764"}' },
];

/** Adds `"$schema": ...` as the first key of a JSON object text. */
function withSchema(body: string, ref: string): string {
  const at = body.indexOf('{');
  return `${body.slice(0, at + 1)} "$schema": "${ref}",${body.slice(at + 1)}`;
}

test('every doc example parses as JSON as copied (guards the fixtures themselves)', () => {
  for (const e of EXAMPLES) assert.doesNotThrow(() => JSON.parse(e.body), e.label);
  assert.equal(EXAMPLES.length, 7);
});

for (const e of EXAMPLES) {
  test(`${e.label}: in a YAML envelope, zero findings`, () => {
    const text = [
      'apiVersion: alertcfg/v1',
      `kind: ${e.kind}`,
      'metadata:',
      '  name: doc-example',
      ...(e.target ? [`target: ${e.target}`] : []),
      `spec: ${e.body}`,
      '',
    ].join('\n');
    assertClean(text, {}, '', e.notes);
  });

  test(`${e.label}: in a JSON envelope, zero findings`, () => {
    const text = `{"apiVersion": "alertcfg/v1", "kind": "${e.kind}", "metadata": {"name": "doc-example"},${e.target ? ` "target": ${e.target},` : ''} "spec": ${e.body}}\n`;
    assertClean(text, {}, '', e.notes);
    assertClean(text, { format: 'json' }, '', e.notes);
  });

  test(`${e.label}: a raw body with $schema (file name, relative path and $id URL), zero findings`, () => {
    for (const ref of [e.schemaFile, `../../schemas/${e.schemaFile}`, `https://alertcfg.dev/schemas/v1/${e.schemaFile}`]) {
      const text = withSchema(e.body, ref);
      assertClean(text, { format: 'json' }, ref, e.notes);
    }
  });

  test(`${e.label}: a raw body associated by modeline, zero findings`, () => {
    assertClean(`# alertcfg: kind=${e.kind}\n${e.body}\n`, { format: 'yaml' }, 'alertcfg modeline', e.notes);
    assertClean(`# yaml-language-server: $schema=../schemas/${e.schemaFile}\n${e.body}\n`, { format: 'yaml' }, 'yaml-language-server modeline', e.notes);
  });

  test(`${e.label}: a raw body associated by globKind, zero findings`, () => {
    assertClean(e.body, { format: 'json', globKind: e.kind }, 'json', e.notes);
    assertClean(e.body, { format: 'yaml', globKind: e.kind }, 'yaml', e.notes);
  });
}

test('the associations above are what makes the raw bodies ours: without one, nothing is checked at all', () => {
  // Not a vacuous pass: the same body with a broken field is reported once associated.
  const broken = CONTACT.replace('"user-demo@example.com"', '"not-an-address"');
  assert.deepEqual(check(broken, { format: 'json' }), []);
  assert.equal(validateText(broken, { format: 'json' }).ours, false);
  assert.deepEqual(
    check(broken, { format: 'json', globKind: 'Contact' }).map((d) => `${d.code} ${d.range}`),
    ['InvalidParameter.Email 1:33-1:49'],
  );
  assert.deepEqual(
    check(`# alertcfg: kind=Contact\n${broken}\n`).map((d) => `${d.code} ${d.range}`),
    ['InvalidParameter.Email 2:33-2:49'],
  );
});
