/**
 * The envelope (apiVersion, kind, metadata, target, spec, action) and raw vendor
 * bodies associated by `$schema`, by the `# alertcfg: kind=` modeline, by the
 * yaml-language-server modeline, and by a configured glob (`globKind`). Raw bodies
 * get the body's rules, none of the envelope's.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateText, workspaceFindings } from '../../../server/src/engine/index';
import { brief, check, describe, lines } from '../../helpers/findings';

const codes = (text: string, options = {}) => check(text, options).map((d) => `${d.code} ${d.severity} ${d.range}`);

test('action on a kind other than EventReport: an error on the action key', () => {
  const found = check(lines('apiVersion: alertcfg/v1', 'kind: Contact', 'action: clear', 'spec:', '  Name: sre-oncall'));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['unknown-property error 3:1-3:7']);
  assert.match(found[0]!.message, /only used with kind EventReport/);
});

test('action on EventReport is clear or nothing', () => {
  const event = ['    - id: x', '      ends_at: 1716192000000', '      timeout: 60000', '      metadata: {event_name: a, event_severity: Major, event_type: alarm, resource_provider: ecs, resource_type: vm, resource_id: r}'];
  assert.deepEqual(brief(lines('apiVersion: alertcfg/v1', 'kind: EventReport', 'action: clear', 'spec:', '  events:', ...event)), []);
  // Not clearing, so the event (with no starts_at) is reported as it stands.
  assert.deepEqual(codes(lines('apiVersion: alertcfg/v1', 'kind: EventReport', 'action: delete', 'spec:', '  events:', ...event)), ['invalid-value error 3:9-3:15', 'starts-at-required error 6:7-6:9']);
});

test('an unknown kind: invalid-value on the kind value, and the spec is not checked', () => {
  assert.deepEqual(codes(lines('apiVersion: alertcfg/v1', 'kind: Widget', 'spec:', '  Anything: 1')), ['invalid-value error 2:7-2:13']);
  const near = check(lines('apiVersion: alertcfg/v1', 'kind: Contacts', 'spec:', '  Name: sre-oncall'));
  assert.deepEqual(near.map((d) => `${d.code} ${d.severity} ${d.range}`), ['invalid-value error 2:7-2:15']);
  assert.equal(near[0]!.data?.['suggestion'], 'Contact');
});

test('apiVersion missing beside a known kind: missing-property on the kind key', () => {
  const found = check(lines('kind: Contact', 'spec:', '  Name: sre-oncall'));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['missing-property error 1:1-1:5']);
  assert.equal(found[0]!.data?.['property'], 'apiVersion');
  assert.deepEqual(codes(lines('metadata:', '  name: sre-oncall', 'kind: Contact', 'spec:', '  Name: sre-oncall')), ['missing-property error 3:1-3:5']);
});

test('spec missing: missing-property on the kind key; kind missing: on the first key', () => {
  assert.deepEqual(codes(lines('apiVersion: alertcfg/v1', 'kind: Contact', 'metadata:', '  name: sre-oncall')), ['missing-property error 2:1-2:5']);
  assert.deepEqual(codes(lines('apiVersion: alertcfg/v1', 'spec:', '  Name: sre-oncall')), ['missing-property error 1:1-1:11']);
});

test('another alertcfg apiVersion: invalid-value on the value', () => {
  assert.deepEqual(codes(lines('apiVersion: alertcfg/v2', 'kind: Contact', 'spec:', '  Name: sre-oncall')), ['invalid-value error 1:13-1:24']);
});

test('spec that is not a mapping: one finding', () => {
  assert.deepEqual(codes(lines('apiVersion: alertcfg/v1', 'kind: Contact', 'spec: "hello"')), ['invalid-type error 3:7-3:14']);
});

test('metadata: a near-miss key, and labels that are not strings', () => {
  const found = check(lines('apiVersion: alertcfg/v1', 'kind: Contact', 'metadata:', '  name: sre-oncall', '  label: { team: sre }', 'spec:', '  Name: sre-oncall'));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['unknown-property warning 5:3-5:8']);
  assert.equal(found[0]!.data?.['suggestion'], 'labels');
  assert.deepEqual(codes(lines('apiVersion: alertcfg/v1', 'kind: Contact', 'metadata:', '  labels: { team: 5 }', 'spec:', '  Name: sre-oncall')), ['invalid-type error 4:19-4:20']);
});

test('target: keys of another kind, and an endpoint that is not a URL', () => {
  const head = ['apiVersion: alertcfg/v1', 'kind: Contact', 'target:', '  region: cn-beijing'];
  const found = check(lines(...head, '  projectId: abc', 'spec:', '  Name: sre-oncall'));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['unknown-property warning 5:3-5:12']);
  assert.match(found[0]!.message, /Known properties: region, endpoint/);
  assert.deepEqual(codes(lines(...head, '  endpoint: open.volcengineapi.com', 'spec:', '  Name: sre-oncall')), ['invalid-format error 5:13-5:35']);
  assert.deepEqual(brief(lines(...head, '  endpoint: ${env:VOLC_ENDPOINT}', 'spec:', '  Name: sre-oncall')), []);
  assert.deepEqual(brief(lines(...head, '  endpoint: https://open.volcengineapi.com', 'spec:', '  Name: sre-oncall')), []);
});

test('an envelope in JSON: ranges on JSON keys and values', () => {
  const text = ['{', '  "apiVersion": "alertcfg/v1",', '  "kind": "Contact",', '  "spec": { "Email": "sre@example" }', '}', ''].join('\n');
  assert.deepEqual(codes(text), ['MissingParameter.Name error 4:3-4:9', 'InvalidParameter.Email error 4:22-4:35']);
});

test('raw body by $schema (a relative path to our schema file)', () => {
  const text = ['{', '  "$schema": "../schemas/dingtalk-test-connection.schema.json",', '  "params": { "testMsg": "hi" }', '}', ''].join('\n');
  assert.deepEqual(codes(text), ['url-or-endpoint-required error 3:3-3:11']);
  const r = validateText(text);
  assert.equal(r.results[0]!.resource?.via, 'schema');
});

test('raw body by the # alertcfg: kind= modeline', () => {
  const text = lines('# alertcfg: kind=DingTalkTestConnection', 'params:', '  testMsg: hi');
  assert.deepEqual(codes(text), ['url-or-endpoint-required error 2:1-2:7']);
  assert.equal(validateText(text).results[0]!.resource?.via, 'modeline');
});

test('raw body by the yaml-language-server modeline naming one of our schemas', () => {
  const text = lines('# yaml-language-server: $schema=../schemas/key-operation-notification.schema.json', 'notification_name: tracker-changes', 'operation_type: customized');
  assert.deepEqual(codes(text), ['operations-required error 3:17-3:27']);
  // A modeline naming someone else's schema does not make the file ours.
  const other = lines('# yaml-language-server: $schema=https://json.schemastore.org/github-workflow.json', 'notification_name: tracker-changes', 'operation_type: customized');
  assert.deepEqual(brief(other), []);
  assert.equal(validateText(other).ours, false);
});

test('a modeline applies to the documents after it', () => {
  const text = lines('# alertcfg: kind=Contact', 'Name: sre-oncall', '---', 'Email: sre@example.com');
  assert.deepEqual(codes(text), ['MissingParameter.Name error 4:1-4:6']);
});

test('raw body by a configured glob (globKind)', () => {
  const text = '{"events": [{"timeout": 60000, "metadata": {"event_name": "a", "event_severity": "Major", "event_type": "alarm", "resource_provider": "ecs", "resource_type": "vm", "resource_id": "r"}}]}\n';
  assert.deepEqual(codes(text, { globKind: 'EventReport' }), ['starts-at-required error 1:14-1:23']);
  assert.equal(validateText(text, { globKind: 'EventReport' }).results[0]!.resource?.via, 'glob');
  assert.deepEqual(brief(text), []);
  assert.equal(validateText(text).ours, false);
});

test('a raw body has no envelope: no apiVersion, kind or spec required, envelope keys are unknown', () => {
  assert.deepEqual(brief(lines('# alertcfg: kind=Contact', 'Name: sre-oncall', 'Email: sre@example.com')), []);
  const found = check(lines('# alertcfg: kind=Contact', 'Name: sre-oncall', 'target:', '  region: cn-beijing'));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['unknown-property warning 3:1-3:7']);
});

test('documents that are not ours get no findings', () => {
  assert.deepEqual(brief(lines('apiVersion: v1', 'kind: Contact', 'spec:', '  Name: 5')), []);
  assert.deepEqual(brief(lines('name: build', 'on: push')), []);
  assert.deepEqual(brief('{"$schema": "https://json.schemastore.org/package.json", "name": 5}\n'), []);
});

test('duplicate-name: two resources of one kind with one metadata.name, on each name value', () => {
  const kon = (name: string) => lines('apiVersion: alertcfg/v1', 'kind: KeyOperationNotification', 'metadata:', '  name: key-ops', 'spec:', `  notification_name: ${name}`, '  operation_type: complete');
  const a = kon('all-key-operations');
  const b = kon('more-key-operations');
  const summaries = (text: string) => validateText(text).results.flatMap((r) => (r.summary ? [r.summary] : []));
  const found = workspaceFindings([
    { file: 'a.yaml', bases: [0], summaries: summaries(a) },
    { file: 'b.yaml', bases: [0], summaries: summaries(b) },
  ]);
  assert.deepEqual(describe(a, found.get('a.yaml') ?? []).map((d) => `${d.code} ${d.severity} ${d.range}`), ['duplicate-name error 4:9-4:16']);
  assert.deepEqual(describe(b, found.get('b.yaml') ?? []).map((d) => `${d.code} ${d.severity} ${d.range}`), ['duplicate-name error 4:9-4:16']);
});

test('duplicate-name passes for one name used by two kinds', () => {
  const a = lines('apiVersion: alertcfg/v1', 'kind: KeyOperationNotification', 'metadata:', '  name: sre', 'spec:', '  notification_name: sre', '  operation_type: complete');
  const b = lines('apiVersion: alertcfg/v1', 'kind: DingTalkTestConnection', 'metadata:', '  name: sre', 'spec:', '  params: { testMsg: hi, endpointUuid: abc }');
  const summaries = (text: string) => validateText(text).results.flatMap((r) => (r.summary ? [r.summary] : []));
  const found = workspaceFindings([
    { file: 'a.yaml', bases: [0], summaries: summaries(a) },
    { file: 'b.yaml', bases: [0], summaries: summaries(b) },
  ]);
  assert.equal(found.size, 0);
});
