/**
 * Contact (Volcengine VMP CreateContact): Volcengine's own codes for its
 * parameters (MissingParameter.<Field>, InvalidParameter.<Field>), the near-miss
 * key merge, wrong-type cascades, references in formatted fields, and Conflict.Name
 * across the workspace.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Finding, validateText, workspaceFindings } from '../../../server/src/engine/index';
import { brief, check, describe, lines } from '../../helpers/findings';

// Lines 1-7; the body starts on line 8.
const HEAD = ['apiVersion: alertcfg/v1', 'kind: Contact', 'metadata:', '  name: sre-oncall', 'target:', '  region: cn-beijing', 'spec:'];
// Lines 1-8; more body lines start on line 9.
const NAMED = [...HEAD, '  Name: sre-oncall'];

test('MissingParameter.Name: a Contact without Name, on the spec key', () => {
  const text = lines(...HEAD, '  Email: sre@example.com');
  const found = check(text);
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['MissingParameter.Name error 7:1-7:5']);
  assert.match(found[0]!.message, /Missing required property "Name"/);
  assert.deepEqual(found[0]!.data?.path, ['spec', 'Name']);
});

test('MissingParameter.Name passes when Name is set', () => {
  assert.deepEqual(brief(lines(...NAMED, '  Email: sre@example.com')), []);
});

test('MissingParameter.Name in a raw body (by $schema) sits on the first key', () => {
  const text = ['{', '  "$schema": "https://alertcfg.dev/schemas/v1/contact.schema.json",', '  "Email": "sre@example.com"', '}', ''].join('\n');
  assert.deepEqual(brief(text), ['MissingParameter.Name error 2:3-2:12']);
});

test('InvalidParameter.Email: not an e-mail address, on the value', () => {
  const found = check(lines(...NAMED, '  Email: sre-at-example.com'));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['InvalidParameter.Email error 9:10-9:28']);
  assert.match(found[0]!.message, /valid e-mail address/);
});

test('InvalidParameter.Email passes for an address and for references', () => {
  assert.deepEqual(brief(lines(...NAMED, '  Email: sre@example.com')), []);
  assert.deepEqual(brief(lines(...NAMED, '  Email: ${env:ONCALL_EMAIL}')), []);
  assert.deepEqual(brief(lines(...NAMED, '  Email: "${secret:oncall-mail}"')), []);
});

test('InvalidParameter.ContactGroupIds: an item that is not a UUID, on the item', () => {
  const found = check(lines(...NAMED, '  ContactGroupIds: [sre-group, e28ae750-bbb8-4ff4-abf4-1e0e0f88808c]'));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['InvalidParameter.ContactGroupIds error 9:21-9:30']);
  assert.match(found[0]!.message, /^"ContactGroupIds\[0\]" must be a UUID/);
  assert.deepEqual(found[0]!.data?.path, ['spec', 'ContactGroupIds', 0]);
});

test('InvalidParameter.ContactGroupIds passes for UUIDs and references', () => {
  assert.deepEqual(brief(lines(...NAMED, '  ContactGroupIds: [e28ae750-bbb8-4ff4-abf4-1e0e0f88808c, "${env:GROUP_ID}"]')), []);
});

test('a SecretKey or Token without Address: MissingParameter.<channel>.Address on the channel key', () => {
  assert.deepEqual(brief(lines(...NAMED, '  DingTalkBotWebhook:', '    SecretKey: ${secret:sre-dingtalk-secret}')), ['MissingParameter.DingTalkBotWebhook.Address error 9:3-9:21']);
  assert.deepEqual(brief(lines(...NAMED, '  LarkBotWebhook:', '    SecretKey: ${secret:sre-lark-secret}')), ['MissingParameter.LarkBotWebhook.Address error 9:3-9:17']);
  assert.deepEqual(brief(lines(...NAMED, '  Webhook:', '    Token: ${secret:sre-webhook-token}')), ['MissingParameter.Webhook.Address error 9:3-9:10']);
});

test('a SecretKey or Token with its Address passes', () => {
  assert.deepEqual(
    brief(lines(...NAMED, '  DingTalkBotWebhook:', '    Address: https://oapi.dingtalk.com/robot/send?access_token=${env:DINGTALK_TOKEN}', '    SecretKey: ${secret:sre-dingtalk-secret}')),
    [],
  );
  assert.deepEqual(brief(lines(...NAMED, '  Webhook:', '    Address: https://alerts.example.com/hooks/vmp', '    Token: ${secret:sre-webhook-token}')), []);
});

test('Adress: one error on the misspelt key, naming the required property it replaces', () => {
  const found = check(lines(...NAMED, '  DingTalkBotWebhook:', '    Adress: https://oapi.dingtalk.com/robot/send?access_token=${env:DINGTALK_TOKEN}'));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['unknown-property error 10:5-10:11']);
  assert.match(found[0]!.message, /Did you mean "Address"\?/);
  assert.equal(found[0]!.data?.['suggestion'], 'Address');
  assert.equal(found[0]!.data?.['replaces'], 'MissingParameter.DingTalkBotWebhook.Address');
});

test('a near miss of an optional property is a warning with a suggestion', () => {
  const found = check(lines(...NAMED, '  Emial: sre@example.com'));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['unknown-property warning 9:3-9:8']);
  assert.equal(found[0]!.data?.['suggestion'], 'Email');
});

test('an unknown property with no near miss lists the known ones', () => {
  const found = check(lines(...NAMED, '  Pager: "123"'));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['unknown-property warning 9:3-9:8']);
  assert.match(found[0]!.message, /Known properties: Name, Email/);
});

test('a string where a channel object belongs is one finding, not a cascade', () => {
  const text = lines(...NAMED, '  DingTalkBotWebhook: "https://oapi.dingtalk.com/robot/send?access_token=${env:T}"');
  const found = check(text);
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['InvalidParameter.DingTalkBotWebhook error 9:23-9:83']);
  assert.match(found[0]!.message, /must be a mapping, not a string/);
});

test('a list where an object belongs, and a number where a string belongs: one finding each', () => {
  assert.deepEqual(brief(lines(...NAMED, '  PhoneNumber: [{Number: "13800000000"}]')), ['InvalidParameter.PhoneNumber error 9:16-9:41']);
  assert.deepEqual(brief(lines(...HEAD, '  Name: 5')), ['InvalidParameter.Name error 8:9-8:10']);
});

test('PhoneNumber as an object passes', () => {
  assert.deepEqual(brief(lines(...NAMED, '  PhoneNumber: {CountryCode: "+86", Number: "13800000000"}')), []);
});

function workspace(files: Record<string, string>): Record<string, string[]> {
  const inputs = Object.entries(files).map(([file, text]) => {
    const r = validateText(text);
    return { file, bases: r.documents.map((d) => d.base), summaries: r.results.flatMap((x) => (x.summary ? [x.summary] : [])) };
  });
  const out: Record<string, string[]> = {};
  const found = workspaceFindings(inputs);
  for (const [file, text] of Object.entries(files)) out[file] = describe(text, found.get(file) ?? []).map((d) => `${d.code} ${d.severity} ${d.range}`);
  return out;
}

const BACKUP_HEAD = ['apiVersion: alertcfg/v1', 'kind: Contact', 'metadata:', '  name: sre-backup', 'target:', '  region: cn-beijing', 'spec:'];

test('Conflict.Name: two Contacts in the workspace with one Name, on each Name value', () => {
  const a = lines(...NAMED);
  const b = lines(...BACKUP_HEAD, '  Name: sre-oncall');
  assert.deepEqual(workspace({ 'a.yaml': a, 'b.yaml': b }), { 'a.yaml': ['Conflict.Name error 8:9-8:19'], 'b.yaml': ['Conflict.Name error 8:9-8:19'] });
  const fa: Finding = workspaceFindings([
    { file: 'a.yaml', bases: [0], summaries: validateText(a).results.map((r) => r.summary!) },
    { file: 'b.yaml', bases: [0], summaries: validateText(b).results.map((r) => r.summary!) },
  ]).get('a.yaml')![0]!;
  assert.equal(fa.related?.[0]?.file, 'b.yaml');
});

test('Conflict.Name: two documents of one file', () => {
  const text = lines(...NAMED, '---', ...BACKUP_HEAD, '  Name: sre-oncall');
  // The second document starts on line 10; its Name is on line 17.
  assert.deepEqual(workspace({ 'c.yaml': text }), { 'c.yaml': ['Conflict.Name error 8:9-8:19', 'Conflict.Name error 17:9-17:19'] });
});

test('Conflict.Name passes when the Names differ', () => {
  assert.deepEqual(workspace({ 'a.yaml': lines(...NAMED), 'b.yaml': lines(...BACKUP_HEAD, '  Name: sre-backup') }), { 'a.yaml': [], 'b.yaml': [] });
});
