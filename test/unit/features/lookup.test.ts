import assert from 'node:assert/strict';
import { test } from 'node:test';
import { envelopeRoot, propertiesOf, schemaAt, schemaRootFor } from '../../../server/src/engine/index';

test('spec follows the envelope dispatch on kind to the body schema', () => {
  const root = schemaRootFor({ form: 'envelope', kind: 'Contact' })!;
  const at = schemaAt(root, ['spec', 'DingTalkBotWebhook', 'Address'])!;
  assert.equal(at.required, true);
  assert.equal(at.schema['type'], 'string');
  assert.equal(at.file['x-doc'], 'Volcengine VMP CreateContact (Version 2021-03-03)');
  assert.equal(schemaAt(root, ['spec', 'Email'])!.required, false);
  assert.equal(schemaAt(root, ['spec', 'Name'])!.required, true);
});

test('target resolves the kind\'s target definition through $ref', () => {
  const huawei = schemaAt(schemaRootFor({ form: 'envelope', kind: 'EventReport' })!, ['target'])!;
  assert.deepEqual(propertiesOf(huawei, 'EventReport').map((p) => p.name), ['region', 'projectId', 'endpoint', 'enterpriseProjectId']);
  const callback = schemaAt(schemaRootFor({ form: 'envelope', kind: 'AlarmCallback' })!, ['target', 'url'])!;
  assert.match(String(callback.schema['description']), /^Callback URL/);
});

test('action is only a property of EventReport envelopes', () => {
  assert.equal(schemaAt(schemaRootFor({ form: 'envelope', kind: 'Contact' })!, ['action']), undefined);
  assert.deepEqual(schemaAt(schemaRootFor({ form: 'envelope', kind: 'EventReport' })!, ['action'])!.schema['enum'], ['clear']);
  assert.deepEqual(propertiesOf(schemaAt(schemaRootFor({ form: 'envelope', kind: 'Contact' })!, [])!, 'Contact').map((p) => p.name), ['apiVersion', 'kind', 'metadata', 'target', 'spec']);
});

test('list items, nested objects and additionalProperties', () => {
  const root = schemaRootFor({ form: 'raw', kind: 'EventReport' })!;
  const severity = schemaAt(root, ['events', 0, 'metadata', 'event_severity'])!;
  assert.deepEqual(severity.schema['enum'], ['Critical', 'Major', 'Minor', 'Info']);
  assert.equal(severity.required, true);
  const extra = schemaAt(root, ['events', 3, 'metadata', 'custom_label'])!;
  assert.equal(extra.schema['type'], 'string');
  assert.equal(extra.required, false);
  assert.equal(schemaAt(root, ['events', 0, 'nope']), undefined);
});

test('the envelope without a kind still knows its own keys but not the body', () => {
  assert.deepEqual(propertiesOf(schemaAt(envelopeRoot(), [])!, undefined).filter((p) => p.required).map((p) => p.name), ['apiVersion', 'kind', 'spec']);
  assert.deepEqual(propertiesOf(schemaAt(envelopeRoot(), ['spec'])!, undefined), []);
});
