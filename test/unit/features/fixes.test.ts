import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Finding, type SourceFormat, applyEdits, fixesFor, validateText } from '../../../server/src/engine/index';
import { lines } from '../../helpers/findings';

/** The text after applying the fix titled `title` of the first finding with `code`. */
function fixed(text: string, code: string, title: string | RegExp, format: SourceFormat = 'yaml', nth = 0): string {
  const file = validateText(text, { format });
  const f = file.findings.filter((x: Finding) => x.code === code)[nth];
  assert.ok(f, `no ${code} in ${JSON.stringify(file.findings.map((x) => x.code))}`);
  const fixes = fixesFor(f, { text, file, format });
  const fix = fixes.find((x) => (typeof title === 'string' ? x.title === title : title.test(x.title)));
  assert.ok(fix, `no fix "${String(title)}" in ${JSON.stringify(fixes.map((x) => x.title))}`);
  return applyEdits(text, fix.edits);
}

test('missing property: into a flow mapping', () => {
  const text = lines('apiVersion: alertcfg/v1', 'kind: Contact', 'spec: {Email: a@example.com}');
  assert.equal(fixed(text, 'MissingParameter.Name', 'Add the missing property "Name"'), lines('apiVersion: alertcfg/v1', 'kind: Contact', 'spec: {Email: a@example.com, Name: user-demo}'));
});

test('missing property: in a nested mapping, at its own indentation', () => {
  const text = lines('apiVersion: alertcfg/v1', 'kind: DingTalkTestConnection', 'spec:', '  params:', '      url: https://oapi.dingtalk.com/robot/send?access_token=${env:T}');
  assert.equal(fixed(text, 'missing-property', /"testMsg"/), `${text}      testMsg: <testMsg>\n`);
});

test('missing property: the rule-reported starts_at goes into the event', () => {
  const text = lines('apiVersion: alertcfg/v1', 'kind: EventReport', 'spec:', '  events:', '    - metadata: {event_name: a, event_severity: Major, event_type: alarm, resource_provider: p, resource_type: t, resource_id: i}');
  assert.equal(fixed(text, 'starts-at-required', 'Add the missing property "starts_at"'), `${text}      starts_at: 1605232501000\n`);
});

test('missing property: a compact one-line JSON object stays on one line', () => {
  const text = '{"$schema": "contact.schema.json", "Email": "a@example.com"}';
  assert.equal(fixed(text, 'MissingParameter.Name', /"Name"/, 'json'), '{"$schema": "contact.schema.json", "Email": "a@example.com", "Name": "user-demo"}');
});

test('remove: in a flow mapping; a near miss of a key that is already there is removed, not renamed', () => {
  const text = lines('apiVersion: alertcfg/v1', 'kind: Contact', 'spec:', '  Name: x', '  Webhook: {Address: "https://e.example.com/", Tokn: t, Token: u}');
  assert.equal(fixed(text, 'unknown-property', 'Remove the unknown property "Tokn"'), text.replace('Tokn: t, ', ''));
});

test('remove: an entry that shares its line with a dash lets the next key move up', () => {
  const text = lines('apiVersion: alertcfg/v1', 'kind: KeyOperationNotification', 'spec:', '  notification_name: n', '  operation_type: customized', '  operations:', '    - bogus_field: 1', '      service_type: CTS', '      resource_type: tracker', '      trace_names: [a]');
  assert.equal(fixed(text, 'unknown-property', 'Remove the unknown property "bogus_field"'), text.replace('- bogus_field: 1\n      service_type', '- service_type'));
});

test('remove: the last JSON property takes the comma before it', () => {
  const text = '{\n  "$schema": "contact.schema.json",\n  "Name": "x",\n  "Bogus": 1\n}\n';
  assert.equal(fixed(text, 'unknown-property', 'Remove the unknown property "Bogus"', 'json'), '{\n  "$schema": "contact.schema.json",\n  "Name": "x"\n}\n');
});

test('seconds to milliseconds, the 3-day timeout, the WeCom URL, https and a missing @mention', () => {
  const events = lines('apiVersion: alertcfg/v1', 'kind: EventReport', 'spec:', '  events:', '    - starts_at: 1716188400', '      timeout: 4320000', '      metadata: {event_name: a, event_severity: Major, event_type: alarm, resource_provider: p, resource_type: t, resource_id: i}');
  assert.equal(fixed(events, 'timestamp-in-seconds', /^Convert to epoch milliseconds: 1716188400000/), events.replace('1716188400\n', '1716188400000\n'));
  assert.equal(fixed(events, 'timeout-ambiguous', 'Change to 259200000'), events.replace('4320000', '259200000'));
  const wecom = lines('apiVersion: alertcfg/v1', 'kind: Contact', 'spec:', '  Name: w', '  WeComBotWebhook:', "    Address: '693a91f6-7abc-4bc4-97a0-0ec2sifa5aaa'");
  assert.equal(fixed(wecom, 'wecom-bare-key', 'Write the whole WeCom webhook URL'), wecom.replace("'693a", "'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a"));
  const http = lines('apiVersion: alertcfg/v1', 'kind: Contact', 'spec:', '  Name: h', '  Webhook:', '    Address: http://hooks.example.com/x', '    Token: ${secret:h-token}');
  assert.equal(fixed(http, 'insecure-url', 'Use https://'), http.replace('http://', 'https://'));
  const ding = lines('apiVersion: alertcfg/v1', 'kind: DingTalkTestConnection', 'spec:', '  params:', '    testMsg: "disk full"', '    url: https://oapi.dingtalk.com/robot/send?access_token=${env:T}', '    atPersonPhoneNumbers: ["13800000000"]');
  assert.equal(fixed(ding, 'dingtalk-mention-missing', 'Add "@13800000000" to the message text'), ding.replace('"disk full"', '"disk full @13800000000"'));
});

test('secret in a quoted JSON URL: the token is replaced inside the string', () => {
  const text = '{\n  "$schema": "contact.schema.json",\n  "Name": "s",\n  "WeComBotWebhook": {"Address": "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k0123456789abc"}\n}\n';
  const file = validateText(text, { format: 'json' });
  const f = file.findings.find((x) => x.code === 'secret-in-plaintext')!;
  const fixes = fixesFor(f, { text, file, format: 'json' });
  assert.deepEqual(fixes.map((x) => [x.title, x.moveSecret?.value, x.moveSecret?.name, x.withoutSecretStorage ?? false]), [
    ['Move the secret into secret storage as ${secret:wecom-key}', 'k0123456789abc', 'wecom-key', false],
    ['Replace with the environment variable ${env:WECOM_KEY}', undefined, undefined, true],
  ]);
  assert.equal(applyEdits(text, [fixes[0]!.moveSecret!.edit('${secret:wecom-key}')!]), text.replace('key=k0123456789abc', 'key=${secret:wecom-key}'));
});

test('secret in a YAML flow mapping is quoted when written as a reference', () => {
  const text = lines('apiVersion: alertcfg/v1', 'kind: Contact', 'spec:', '  Name: f', '  LarkBotWebhook: {Address: "https://open.feishu.cn/open-apis/bot/v2/hook/${secret:h}", SecretKey: plainsecret123}');
  assert.equal(fixed(text, 'secret-in-plaintext', 'Replace with the environment variable ${env:LARK_SECRET}'), text.replace('plainsecret123', '"${env:LARK_SECRET}"'));
});

test('no fix when the finding has nothing to go by', () => {
  const text = lines('apiVersion: alertcfg/v1', 'kind: Contact', 'spec:', '  Name: x', '  Email: not-an-email');
  const file = validateText(text);
  assert.deepEqual(fixesFor(file.findings[0]!, { text, file, format: 'yaml' }), []);
});
