/**
 * A bad and a good example for each code of the catalog, and the quick fix the
 * editor offers where there is one. docs/rules.md shows them, and a test checks
 * that each bad example reports its code and each good one reports nothing.
 * Codes that cannot be shown in a small document (encoding, size, document-count,
 * nesting and time limits, engine failures, a 20,000-byte message) have none.
 */

export interface CodeExample {
  bad: string;
  good: string;
  fix?: string;
  note?: string;
}

/** Joins lines into a document, so examples read like files. */
function y(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

const CONTACT = ['apiVersion: alertcfg/v1', 'kind: Contact', 'metadata:', '  name: sre-oncall', 'target:', '  region: cn-beijing', 'spec:'];
const CONTACT_NAMED = [...CONTACT, '  Name: sre-oncall'];
const DINGTALK_TEST = ['apiVersion: alertcfg/v1', 'kind: DingTalkTestConnection', 'metadata:', '  name: ops-robot', 'spec:', '  params:'];
const PROJECT = '24edf66e79d04187acb99a463e610764';
const TOPIC = `urn:smn:cn-north-7:${PROJECT}:sre`;
const CTS = (name: string) => ['apiVersion: alertcfg/v1', 'kind: KeyOperationNotification', 'metadata:', `  name: ${name}`, 'target:', '  region: cn-north-7', `  projectId: ${PROJECT}`, 'spec:', `  notification_name: ${name}`];
const OPERATIONS = ['  operations:', '    - service_type: CTS', '      resource_type: tracker', '      trace_names: [createTracker, deleteTracker]'];
const AOM = (name: string, clear = false) => ['apiVersion: alertcfg/v1', 'kind: EventReport', 'metadata:', `  name: ${name}`, 'target:', '  region: cn-north-4', `  projectId: ${PROJECT}`, ...(clear ? ['action: clear'] : []), 'spec:', '  events:'];
/** The metadata of one event, below a `    - ` item. */
function eventMetadata(severity = 'Major'): string[] {
  return ['      metadata:', '        event_name: disk-full', `        event_severity: ${severity}`, '        event_type: alarm', '        resource_provider: ecs', '        resource_type: vm', '        resource_id: ecs-0123'];
}
const TENCENT = [
  'apiVersion: alertcfg/v1',
  'kind: AlarmCallback',
  'metadata:',
  '  name: cvm-cpu-high',
  'target:',
  '  url: http://127.0.0.1:8080/tencent/alarm',
  'spec:',
  '  sessionId: session-cvm-cpu-0001',
  '  alarmStatus: 0',
  '  alarmObjInfo:',
  '    namespace: qce/cvm',
  '    dimensions: { unInstanceId: ins-o9p3rg3m }',
  '  alarmPolicyInfo:',
  '    policyType: cvm_device',
  '    policyName: cpu-high',
  '    conditions: { metricName: cpu_usage, calcType: ">", calcValue: "90" }',
  '  firstOccurTime: "2024-05-20 07:00:00"',
  '  durationTime: 500',
];
/** `n` user names u01, u02, ... starting after `from`. */
function users(from: number, n: number): string {
  return Array.from({ length: n }, (_, i) => `u${String(from + i + 1).padStart(2, '0')}`).join(', ');
}

export const EXAMPLES: Readonly<Record<string, CodeExample>> = {
  'syntax-error': {
    bad: y(...CONTACT, '  Name: "sre-oncall', '  Email: sre@example.com'),
    good: y(...CONTACT, '  Name: "sre-oncall"', '  Email: sre@example.com'),
    note: 'One mistake, one finding, at its place. A JSON trailing comma is one finding, on the comma (the parser reports it twice, at the closing brace). An unterminated quoted string is reported from the quote that opens it to the end of that line, with a message that says so: a YAML quoted string may span lines, so the parser only notices at the end of the document, and a JSON one at the end of the line. What the parser reports after the opening quote follows from it and is left out.',
  },
  'syntax-warning': {
    bad: y(...CONTACT, '  Name: !upper sre-oncall'),
    good: y(...CONTACT_NAMED),
  },
  'duplicate-key': {
    bad: y(...CONTACT_NAMED, '  Email: sre@example.com', '  Email: oncall@example.com'),
    good: y(...CONTACT_NAMED, '  Email: oncall@example.com'),
  },
  'unsupported-key': {
    bad: y(...CONTACT_NAMED, '  ? [Email, Backup]', '  : sre@example.com'),
    good: y(...CONTACT_NAMED, '  Email: sre@example.com'),
  },
  'MissingParameter.*': {
    bad: y(...CONTACT, '  Email: sre@example.com'),
    good: y(...CONTACT_NAMED, '  Email: sre@example.com'),
    fix: 'Insert the missing parameter, with the example value from the vendor doc.',
  },
  'InvalidParameter.*': {
    bad: y(...CONTACT_NAMED, '  Email: sre-at-example.com', '  ContactGroupIds: [sre-group]'),
    good: y(...CONTACT_NAMED, '  Email: sre@example.com', '  ContactGroupIds: [e28ae750-bbb8-4ff4-abf4-1e0e0f88808c]'),
  },
  'Conflict.Name': {
    bad: y(...CONTACT_NAMED, '---', ...CONTACT.map((l) => l.replace('sre-oncall', 'sre-backup')), '  Name: sre-oncall'),
    good: y(...CONTACT_NAMED, '---', ...CONTACT.map((l) => l.replace('sre-oncall', 'sre-backup')), '  Name: sre-backup'),
  },
  'missing-property': {
    bad: y(...CTS('all-key-operations'), `  topic_id: ${TOPIC}`),
    good: y(...CTS('all-key-operations'), '  operation_type: complete', `  topic_id: ${TOPIC}`),
    fix: 'Insert the missing property, with the example value from the vendor doc.',
  },
  'unknown-property': {
    bad: y(...CONTACT_NAMED, '  DingTalkBotWebhook:', '    Adress: https://oapi.dingtalk.com/robot/send?access_token=${env:DINGTALK_TOKEN}'),
    good: y(...CONTACT_NAMED, '  DingTalkBotWebhook:', '    Address: https://oapi.dingtalk.com/robot/send?access_token=${env:DINGTALK_TOKEN}'),
    fix: 'Rename a near-miss key to the property it misspells (`Adress` → `Address`). A near miss of a required property is an error, reported once, on the misspelt key; so is `action` on a kind other than EventReport.',
  },
  'invalid-type': {
    bad: y(...AOM('disk-full'), '    - starts_at: 1716188400000', '      timeout: 60s', ...eventMetadata()),
    good: y(...AOM('disk-full'), '    - starts_at: 1716188400000', '      timeout: 60000', ...eventMetadata()),
  },
  'invalid-value': {
    bad: y(...AOM('disk-full'), '    - starts_at: 1716188400000', '      timeout: 259200000', ...eventMetadata('major')),
    good: y(...AOM('disk-full'), '    - starts_at: 1716188400000', '      timeout: 259200000', ...eventMetadata('Major')),
  },
  'invalid-format': {
    bad: y(...CTS('all-key-operations'), '  operation_type: complete', '  topic_id: sre-topic'),
    good: y(...CTS('all-key-operations'), '  operation_type: complete', `  topic_id: ${TOPIC}`),
  },
  'out-of-range': {
    bad: y(...AOM('disk-full'), '    - starts_at: 1716188400000', '      timeout: 2592000000', ...eventMetadata()),
    good: y(...AOM('disk-full'), '    - starts_at: 1716188400000', '      timeout: 1296000000', ...eventMetadata()),
  },
  'duplicate-name': {
    bad: y(...CTS('key-operations'), '  operation_type: complete', '---', ...CTS('key-operations').slice(0, -1), '  notification_name: tracker-changes', '  operation_type: customized', ...OPERATIONS),
    good: y(...CTS('key-operations'), '  operation_type: complete', '---', ...CTS('tracker-changes'), '  operation_type: customized', ...OPERATIONS),
  },
  'secret-in-plaintext': {
    bad: y(...CONTACT_NAMED, '  DingTalkBotWebhook:', '    Address: https://oapi.dingtalk.com/robot/send?access_token=5f2d0a6b8c3e47e1a9d4', '    SecretKey: SEC5f2d0a6b8c3e47e1a9d4b2c7f0e6a1d3'),
    good: y(...CONTACT_NAMED, '  DingTalkBotWebhook:', '    Address: https://oapi.dingtalk.com/robot/send?access_token=${secret:sre-oncall-dingtalk-token}', '    SecretKey: ${secret:sre-oncall-dingtalk-secret}'),
    fix: 'Move the literal into secret storage under a suggested name (here `sre-oncall-dingtalk-secret`) and write `${secret:NAME}` in its place. Documentation placeholders (`***`, `SECxxx`, `<token>`) are not secrets.',
  },
  'webhook-address-mismatch': {
    bad: y(...CONTACT_NAMED, '  LarkBotWebhook:', '    Address: https://open.feishu.com/open-apis/bot/v2/hook/${secret:sre-lark-hook}'),
    good: y(...CONTACT_NAMED, '  LarkBotWebhook:', '    Address: https://open.feishu.cn/open-apis/bot/v2/hook/${secret:sre-lark-hook}'),
  },
  'wecom-bare-key': {
    bad: y(...CONTACT_NAMED, '  WeComBotWebhook:', '    Address: 693a91f6-7a1b-4bc4-97a0-0ec2a1fa5aaa'),
    good: y(...CONTACT_NAMED, '  WeComBotWebhook:', '    Address: https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${secret:sre-oncall-wecom-key}'),
    fix: 'Wrap the key in the webhook URL (`https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=<key>`); then move the key into a secret (secret-in-plaintext).',
  },
  'invalid-url': {
    bad: y(...CONTACT_NAMED, '  Webhook:', '    Address: alerts.example.com/hooks/vmp'),
    good: y(...CONTACT_NAMED, '  Webhook:', '    Address: https://alerts.example.com/hooks/vmp'),
  },
  'insecure-url': {
    bad: y(...CONTACT_NAMED, '  Webhook:', '    Address: http://alerts.example.com/hooks/vmp', '    Token: ${secret:sre-webhook-token}'),
    good: y(...CONTACT_NAMED, '  Webhook:', '    Address: https://alerts.example.com/hooks/vmp', '    Token: ${secret:sre-webhook-token}'),
  },
  'url-or-endpoint-required': {
    bad: y(...DINGTALK_TEST, '    testMsg: alertcfg connection test'),
    good: y(...DINGTALK_TEST, '    testMsg: alertcfg connection test', '    url: https://oapi.dingtalk.com/robot/send?access_token=${env:DINGTALK_TOKEN}'),
  },
  'dingtalk-mention-missing': {
    bad: y(...DINGTALK_TEST, '    testMsg: alertcfg connection test', '    endpointUuid: 4f5c2a7e9b3d4e8f8a1b2c3d4e5f6a7b', '    atPersonPhoneNumbers: ["13800000000"]'),
    good: y(...DINGTALK_TEST, '    testMsg: alertcfg connection test @13800000000', '    endpointUuid: 4f5c2a7e9b3d4e8f8a1b2c3d4e5f6a7b', '    atPersonPhoneNumbers: ["13800000000"]'),
    fix: 'Add `@<mobile>` to params.testMsg.',
  },
  'complete-ignores-field': {
    bad: y(...CTS('all-key-operations'), '  operation_type: complete', ...OPERATIONS, `  topic_id: ${TOPIC}`),
    good: y(...CTS('all-key-operations'), '  operation_type: complete', `  topic_id: ${TOPIC}`),
    fix: 'Remove the field (or use operation_type `customized`).',
  },
  'operations-required': {
    bad: y(...CTS('tracker-changes'), '  operation_type: customized', `  topic_id: ${TOPIC}`),
    good: y(...CTS('tracker-changes'), '  operation_type: customized', ...OPERATIONS, `  topic_id: ${TOPIC}`),
  },
  'notify-users-limit': {
    bad: y(...CTS('tracker-changes'), '  operation_type: customized', ...OPERATIONS, '  notify_user_list:', '    - user_group: admin', `      user_list: [${users(0, 26)}]`, '    - user_group: ops', `      user_list: [${users(26, 25)}]`),
    good: y(...CTS('tracker-changes'), '  operation_type: customized', ...OPERATIONS, '  notify_user_list:', '    - user_group: admin', `      user_list: [${users(0, 25)}]`, '    - user_group: ops', `      user_list: [${users(25, 25)}]`),
  },
  'topic-region-mismatch': {
    bad: y(...CTS('all-key-operations').map((l) => l.replace('cn-north-7', 'cn-north-4')), '  operation_type: complete', `  topic_id: ${TOPIC}`),
    good: y(...CTS('all-key-operations'), '  operation_type: complete', `  topic_id: ${TOPIC}`),
  },
  'starts-at-required': {
    bad: y(...AOM('disk-full'), '    - timeout: 259200000', ...eventMetadata()),
    good: y(...AOM('disk-full'), '    - starts_at: 1716188400000', '      timeout: 259200000', ...eventMetadata()),
  },
  'clear-requires-id': {
    bad: y(...AOM('disk-full-clear', true), '    - ends_at: 1716192000000', ...eventMetadata()),
    good: y(...AOM('disk-full-clear', true), '    - id: 6d7c5d8a-disk-full-ecs-0123', '      ends_at: 1716192000000', ...eventMetadata()),
  },
  'clear-without-ends-at': {
    bad: y(...AOM('disk-full-clear', true), '    - id: 6d7c5d8a-disk-full-ecs-0123', ...eventMetadata()),
    good: y(...AOM('disk-full-clear', true), '    - id: 6d7c5d8a-disk-full-ecs-0123', '      ends_at: 1716192000000', ...eventMetadata()),
  },
  'timestamp-not-epoch-ms': {
    bad: y(...AOM('disk-full'), '    - starts_at: "2024-05-20 07:00:00"', '      timeout: 259200000', ...eventMetadata()),
    good: y(...AOM('disk-full'), '    - starts_at: 1716188400000', '      timeout: 259200000', ...eventMetadata()),
    fix: 'Replace the date with its epoch milliseconds (a date and time without a zone is read as UTC, as the AOM doc says). Do not copy the doc\'s own conversion: it gives 1702759381000 for 2024-10-16 16:03:01, which is 2023-12-16 20:43:01 UTC; the right value is 1729094581000.',
  },
  'timestamp-in-seconds': {
    bad: y(...AOM('disk-full'), '    - starts_at: 1716188400', '      timeout: 259200000', ...eventMetadata()),
    good: y(...AOM('disk-full'), '    - starts_at: 1716188400000', '      timeout: 259200000', ...eventMetadata()),
    fix: 'Multiply by 1000: seconds become milliseconds.',
  },
  'clear-ends-at-zero': {
    bad: y(...AOM('disk-full-clear', true), '    - id: 6d7c5d8a-disk-full-ecs-0123', '      ends_at: 0', ...eventMetadata()),
    good: y(...AOM('disk-full-clear', true), '    - id: 6d7c5d8a-disk-full-ecs-0123', '      ends_at: 1716192000000', ...eventMetadata()),
  },
  'clear-ends-before-starts': {
    bad: y(...AOM('disk-full-clear', true), '    - id: 6d7c5d8a-disk-full-ecs-0123', '      starts_at: 1716192000000', '      ends_at: 1716188400000', ...eventMetadata()),
    good: y(...AOM('disk-full-clear', true), '    - id: 6d7c5d8a-disk-full-ecs-0123', '      starts_at: 1716188400000', '      ends_at: 1716192000000', ...eventMetadata()),
  },
  'timeout-missing': {
    bad: y(...AOM('disk-full'), '    - starts_at: 1716188400000', ...eventMetadata()),
    good: y(...AOM('disk-full'), '    - starts_at: 1716188400000', '      timeout: 259200000', ...eventMetadata()),
    fix: 'Insert `timeout: 432000000` (five days, what AOM applies when it is left out), to be set to when the alarm should clear.',
  },
  'ends-before-starts': {
    bad: y(...AOM('disk-full'), '    - starts_at: 1716192000000', '      ends_at: 1716188400000', '      timeout: 259200000', ...eventMetadata()),
    good: y(...AOM('disk-full'), '    - starts_at: 1716188400000', '      ends_at: 1716192000000', '      timeout: 259200000', ...eventMetadata()),
  },
  'timeout-ambiguous': {
    bad: y(...AOM('disk-full'), '    - starts_at: 1716188400000', '      timeout: 4320000', ...eventMetadata()),
    good: y(...AOM('disk-full'), '    - starts_at: 1716188400000', '      timeout: 259200000', ...eventMetadata()),
  },
  'expected-property': {
    bad: y(...TENCENT.filter((l) => !l.startsWith('  durationTime')), '  recoverTime: "0"'),
    good: y(...TENCENT, '  recoverTime: "0"'),
    fix: 'Insert the field with the doc\'s example value.',
  },
  'callback-time-nested': {
    bad: y(...TENCENT.filter((l) => !/^  (firstOccurTime|durationTime)/.test(l)), '    firstOccurTime: "2024-05-20 07:00:00"', '    durationTime: 500', '    recoverTime: "0"'),
    good: y(...TENCENT, '  recoverTime: "0"'),
    fix: 'Move the fields out of alarmPolicyInfo to the top level of the payload, keeping their values as written.',
  },
  'recover-before-first-occur': {
    bad: y(...TENCENT, '  recoverTime: "2024-05-20 06:50:00"'),
    good: y(...TENCENT, '  recoverTime: "2024-05-20 07:50:00"'),
  },
};
