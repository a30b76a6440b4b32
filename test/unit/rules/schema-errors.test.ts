/**
 * Schema findings outside Contact (the generic codes), and how the mapper shapes
 * them: the smallest node, a near-miss key merged with the required property it
 * misspells, no cascade below a value of the wrong type, references not checked
 * for form; and the parser's findings (syntax errors, duplicate keys, unresolved
 * tags, keys that are not scalars).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief, check, lines } from '../../helpers/findings';

/** Lines 1-8 (`spec:` on line 8); the body starts on line 9. */
const HEAD = ['apiVersion: alertcfg/v1', 'kind: KeyOperationNotification', 'metadata:', '  name: tracker-changes', 'target:', '  region: cn-north-7', '  projectId: 24edf66e79d04187acb99a463e610764', 'spec:'];
const NAME = '  notification_name: tracker-changes';
const codes = (text: string) => check(text).map((d) => `${d.code} ${d.severity} ${d.range}`);

test('missing-property: a required body field, on the spec key', () => {
  const found = check(lines(...HEAD, NAME));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['missing-property error 8:1-8:5']);
  assert.equal(found[0]!.data?.['property'], 'operation_type');
  assert.match(found[0]!.message, /Missing required property "operation_type"/);
});

test('missing-property passes when present', () => {
  assert.deepEqual(brief(lines(...HEAD, NAME, '  operation_type: complete')), []);
});

test('a near miss of a required key: one error on the key (merged with the missing property)', () => {
  const found = check(lines(...HEAD, '  notification_nmae: tracker-changes', '  operation_type: complete'));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['unknown-property error 9:3-9:20']);
  assert.equal(found[0]!.data?.['suggestion'], 'notification_name');
  assert.equal(found[0]!.data?.['replaces'], 'missing-property');
});

test('a near miss of an optional key: a warning with the suggestion', () => {
  const found = check(lines(...HEAD, NAME, '  operation_type: complete', '  topic_ids: urn:smn:cn-north-7:24edf66e79d04187acb99a463e610764:sre'));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['unknown-property warning 11:3-11:12']);
  assert.equal(found[0]!.data?.['suggestion'], 'topic_id');
});

test('invalid-type: a mapping where a list belongs is one finding (no cascade from its items)', () => {
  assert.deepEqual(codes(lines(...HEAD, NAME, '  operation_type: customized', '  operations: {service_type: CTS}')), ['invalid-type error 11:15-11:34']);
});

test('invalid-type: a string where a list belongs, inside a list item', () => {
  const found = check(lines(...HEAD, NAME, '  operation_type: customized', '  operations:', '    - service_type: CTS', '      resource_type: tracker', '      trace_names: createTracker'));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['invalid-type error 14:20-14:33']);
  assert.match(found[0]!.message, /^"trace_names" must be a list, not a string/);
});

test('missing-property inside a list item: on the item\'s first key', () => {
  assert.deepEqual(codes(lines(...HEAD, NAME, '  operation_type: customized', '  operations:', '    - service_type: CTS', '      trace_names: [createTracker]')), ['missing-property error 12:7-12:19']);
});

test('invalid-value: a near-miss enum value suggests the allowed one', () => {
  const found = check(lines(...HEAD, NAME, '  operation_type: Complete'));
  assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${d.range}`), ['invalid-value error 10:19-10:27']);
  assert.equal(found[0]!.data?.['suggestion'], 'complete');
  assert.match(found[0]!.message, /Did you mean "complete"\?/);
});

test('a value of the wrong type is not also reported as outside the enumeration', () => {
  assert.deepEqual(codes(lines(...HEAD, NAME, '  operation_type: 5')), ['invalid-type error 10:19-10:20']);
});

test('references are not checked for form (pattern or format) until resolved', () => {
  assert.deepEqual(brief(lines(...HEAD, NAME, '  operation_type: complete', '  topic_id: ${env:CTS_TOPIC_URN}')), []);
  assert.deepEqual(brief(lines(...HEAD, NAME, '  operation_type: complete', '  topic_id: "${secret:cts-topic}"')), []);
});

test('duplicate-key in YAML: on the whole second key', () => {
  assert.deepEqual(codes(lines(...HEAD, NAME, '  notification_name: more-changes', '  operation_type: complete')), ['duplicate-key error 10:3-10:20']);
});

test('duplicate-key in JSON: on the second key', () => {
  const text = ['{', '  "apiVersion": "alertcfg/v1",', '  "kind": "Contact",', '  "spec": {"Name": "a", "Name": "b"}', '}', ''].join('\n');
  assert.deepEqual(codes(text), ['duplicate-key error 4:25-4:31']);
});

test('syntax-error: a document with a syntax error gets only its syntax findings', () => {
  // operation_type is missing too, but the document is not validated.
  assert.deepEqual(codes(lines(...HEAD, '  notification_name: tracker: changes')), ['syntax-error error 9:22-9:23']);
});

test('syntax-error in JSON', () => {
  const text = ['{', '  "apiVersion": "alertcfg/v1",', '  "kind": "Contact",', '  "spec": {"Name": 5 "Email": "x"}', '}', ''].join('\n');
  assert.deepEqual(codes(text), ['syntax-error error 4:22-4:29']);
});

test('a syntax error in one document does not stop the next one', () => {
  // Document 1 is lines 1-9; `---` is line 10; document 2 is lines 11-19 (its spec key on line 18).
  const text = lines(...HEAD, '  notification_name: tracker: changes', '---', ...HEAD, NAME);
  assert.deepEqual(codes(text), ['syntax-error error 9:22-9:23', 'missing-property error 18:1-18:5']);
});

test('syntax-warning: an unresolved tag, on the tag', () => {
  assert.deepEqual(codes(lines(...HEAD, '  notification_name: !upper tracker-changes', '  operation_type: complete')), ['syntax-warning warning 9:22-9:28']);
});

test('unsupported-key: a key that is not a scalar is one finding', () => {
  assert.deepEqual(codes(lines(...HEAD, NAME, '  operation_type: complete', '  ? [a, b]', '  : x')), ['unsupported-key error 11:5-11:11']);
});
