/**
 * ZStack SNSDingTalkTestConnection: the robot named by params.url or
 * params.endpointUuid, params.testMsg required, @<mobile> in the text for each
 * mobile to mention, and DingTalk's 20,000-byte message limit.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief, check, lines } from '../../helpers/findings';

// Lines 1-6 (`params:` on line 6); params fields start on line 7.
const HEAD = ['apiVersion: alertcfg/v1', 'kind: DingTalkTestConnection', 'metadata:', '  name: ops-robot', 'spec:', '  params:'];
const UUID = '    endpointUuid: 4f5c2a7e9b3d4e8f8a1b2c3d4e5f6a7b';
const URL_LINE = '    url: https://oapi.dingtalk.com/robot/send?access_token=${env:DINGTALK_TOKEN}';

test('url-or-endpoint-required: neither url nor endpointUuid, on the params key', () => {
  const found = check(lines(...HEAD, '    testMsg: alertcfg connection test'));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['url-or-endpoint-required error 6:3-6:9']);
  assert.deepEqual(found[0]!.data?.path, ['spec', 'params']);
});

test('url-or-endpoint-required: empty values do not name a robot', () => {
  assert.deepEqual(brief(lines(...HEAD, '    testMsg: alertcfg connection test', '    url: ""', '    endpointUuid: "  "')), ['url-or-endpoint-required error 6:3-6:9']);
});

test('url-or-endpoint-required passes with either one', () => {
  assert.deepEqual(brief(lines(...HEAD, '    testMsg: alertcfg connection test', URL_LINE)), []);
  assert.deepEqual(brief(lines(...HEAD, '    testMsg: alertcfg connection test', UUID)), []);
});

test('params.testMsg is required: missing-property on the params key', () => {
  const found = check(lines(...HEAD, URL_LINE));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['missing-property error 6:3-6:9']);
  assert.match(found[0]!.message, /"testMsg".*add it to "params"/);
});

test('params is required: missing-property on the spec key', () => {
  assert.deepEqual(brief(lines('apiVersion: alertcfg/v1', 'kind: DingTalkTestConnection', 'spec: {}')), ['missing-property error 3:1-3:5']);
});

test('dingtalk-mention-missing: a mobile without @<mobile> in the text, on that mobile', () => {
  const found = check(lines(...HEAD, '    testMsg: disk full on ecs-0123 @13800000000', UUID, '    atPersonPhoneNumbers: ["13800000000", "13900000000"]'));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['dingtalk-mention-missing warning 9:43-9:56']);
  assert.equal(found[0]!.data?.['mobile'], '13900000000');
  assert.deepEqual(found[0]!.data?.['textPath'], ['spec', 'params', 'testMsg']);
  assert.match(found[0]!.message, /"@13900000000"/);
});

test('dingtalk-mention-missing in a block list', () => {
  assert.deepEqual(brief(lines(...HEAD, '    testMsg: disk full', UUID, '    atPersonPhoneNumbers:', '      - "13800000000"')), ['dingtalk-mention-missing warning 10:9-10:22']);
});

test('dingtalk-mention-missing passes when every mobile is mentioned, and for placeholders', () => {
  assert.deepEqual(brief(lines(...HEAD, '    testMsg: "@13800000000 @13900000000 disk full"', UUID, '    atPersonPhoneNumbers: ["13800000000", "13900000000"]')), []);
  assert.deepEqual(brief(lines(...HEAD, '    testMsg: disk full', UUID, '    atPersonPhoneNumbers: ["<mobile>"]')), []);
  assert.deepEqual(brief(lines(...HEAD, '    testMsg: <testMsg>', UUID, '    atPersonPhoneNumbers: ["13800000000"]')), []);
});

test('message-too-long: 20,001 bytes of mostly 3-byte characters, on the value', () => {
  const msg = `${'告'.repeat(6666)}abc`; // 6666 × 3 + 3 = 20,001 bytes in 6,669 characters
  const found = check(lines(...HEAD, `    testMsg: ${msg}`, UUID));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['message-too-long error 7:14-7:6683']);
  assert.match(found[0]!.message, /20001 bytes/);
});

test('message-too-long: columns count UTF-16 units (an emoji is 4 bytes and 2 units)', () => {
  const msg = `${'😀'.repeat(5000)}a`; // 20,001 bytes, 10,001 UTF-16 units
  assert.deepEqual(brief(lines(...HEAD, `    testMsg: ${msg}`, UUID)), ['message-too-long error 7:14-7:10015']);
});

test('message-too-long passes at exactly 20,000 bytes', () => {
  assert.deepEqual(brief(lines(...HEAD, `    testMsg: ${'告'.repeat(6666)}ab`, UUID)), []);
});
