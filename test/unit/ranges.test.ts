/**
 * Range mapping: every finding lands on the exact `line:col-line:col` of the node
 * that is wrong, whatever the shape of the file. Expected ranges are counted by hand
 * from the fixtures (1-based, end exclusive, columns in UTF-16 code units).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief, lines } from '../helpers/findings';

const UUID = 'e28ae750-bbb8-4ff4-abf4-1e0e0f88808c';

test('nested block arrays and objects: the item of an array inside an array of objects', () => {
  const text = lines(
    'apiVersion: alertcfg/v1', // 1
    'kind: KeyOperationNotification', // 2
    'target: {region: cn-north-7, projectId: p}', // 3
    'spec:', // 4
    '  notification_name: nested', // 5
    '  operation_type: customized', // 6
    '  operations:', // 7
    '    - service_type: CTS', // 8
    '      resource_type: tracker', // 9
    '      trace_names: [createTracker, 42]', // 10
    '    - service_type: AOM', // 11
    '      resource_type: pe', // 12
    '      trace_names:', // 13
    '        - deletePolicyGroup', // 14
    '        - [nested]', // 15
  );
  assert.deepEqual(brief(text), ['invalid-type error 10:36-10:38', 'invalid-type error 15:11-15:19']);
});

test('nested block objects: a bad array item and an unknown key two levels down', () => {
  const text = lines(
    'apiVersion: alertcfg/v1', // 1
    'kind: Contact', // 2
    'spec:', // 3
    '  Name: nested', // 4
    '  ContactGroupIds:', // 5
    `    - ${UUID}`, // 6
    '    - not-a-uuid', // 7
    '  Webhook:', // 8
    '    Address: https://hooks.example.com/alert', // 9
    '    Tokn: ${secret:hook-token}', // 10
  );
  assert.deepEqual(brief(text), ['InvalidParameter.ContactGroupIds error 7:7-7:17', 'unknown-property warning 10:5-10:9']);
});

test('flow style: {a: 1} and [x, y] inside one line', () => {
  const text = lines(
    'apiVersion: alertcfg/v1',
    'kind: Contact',
    `spec: {Name: flow, Email: bad, ContactGroupIds: [${UUID}, nope], Webhok: {}}`,
  );
  assert.deepEqual(brief(text), [
    'InvalidParameter.Email error 3:27-3:30',
    'InvalidParameter.ContactGroupIds error 3:88-3:92',
    'unknown-property warning 3:95-3:101',
  ]);
});

test('flow style spread over several lines', () => {
  const text = lines(
    'apiVersion: alertcfg/v1', // 1
    'kind: Contact', // 2
    'spec: {', // 3
    '  Name: flow,', // 4
    '  ContactGroupIds: [', // 5
    `    ${UUID},`, // 6
    '    "nope"', // 7
    '  ],', // 8
    '}', // 9
  );
  assert.deepEqual(brief(text), ['InvalidParameter.ContactGroupIds error 7:5-7:11']);
});

test('multi-document YAML: a finding in document 3 has its absolute line', () => {
  const text = lines(
    'apiVersion: alertcfg/v1', // 1
    'kind: Contact', // 2
    'spec:', // 3
    '  Name: one', // 4
    '---', // 5
    'apiVersion: v1', // 6
    'kind: ConfigMap', // 7
    'data: {Name: 3}', // 8
    '---', // 9
    '# the third document', // 10
    'apiVersion: alertcfg/v1', // 11
    'kind: Contact', // 12
    'spec:', // 13
    '  Name: three', // 14
    '  Email: nope', // 15
    '---', // 16
    'apiVersion: alertcfg/v1', // 17
    'kind: Contact', // 18
    'spec:', // 19
    '  Email: four@example.com', // 20
  );
  assert.deepEqual(brief(text), ['InvalidParameter.Email error 15:10-15:14', 'MissingParameter.Name error 19:1-19:5']);
});

test('multi-document YAML with `...` end markers and a leading `---`', () => {
  const text = lines(
    '---', // 1
    'apiVersion: alertcfg/v1', // 2
    'kind: Contact', // 3
    'spec: {Name: a}', // 4
    '...', // 5
    '---', // 6
    'apiVersion: alertcfg/v1', // 7
    'kind: Contact', // 8
    'spec: {Name: b, Emial: b@example.com}', // 9
  );
  assert.deepEqual(brief(text), ['unknown-property warning 9:17-9:22']);
});

test('a JSON object: a bad value (quotes included) and an unknown key', () => {
  const text = lines(
    '{', // 1
    '  "apiVersion": "alertcfg/v1",', // 2
    '  "kind": "Contact",', // 3
    '  "spec": {', // 4
    '    "Name": "json",', // 5
    '    "Email": "nope",', // 6
    '    "Webhok": {}', // 7
    '  }', // 8
    '}', // 9
  );
  assert.deepEqual(brief(text), ['InvalidParameter.Email error 6:14-6:20', 'unknown-property warning 7:5-7:13']);
});

test('a JSON array of resources: each element is a document, ranges in file offsets', () => {
  const text = lines(
    '[', // 1
    '  {"apiVersion": "alertcfg/v1", "kind": "Contact", "spec": {"Name": "a"}},', // 2
    '  {"apiVersion": "alertcfg/v1", "kind": "Contact", "spec": {"Email": "b@example.com"}},', // 3
    '  {"apiVersion": "alertcfg/v1", "kind": "Contact", "spec": {"Name": "c", "Email": 7}}', // 4
    ']', // 5
  );
  assert.deepEqual(brief(text), ['MissingParameter.Name error 3:52-3:58', 'InvalidParameter.Email error 4:83-4:84']);
});

test('anchors and aliases: a finding inside an aliased value points at the alias, not the anchor', () => {
  const text = lines(
    'apiVersion: alertcfg/v1', // 1
    'kind: Contact', // 2
    'spec:', // 3
    '  Name: &n not-a-uuid', // 4
    '  ContactGroupIds: [*n]', // 5
  );
  assert.deepEqual(brief(text), ['InvalidParameter.ContactGroupIds error 5:21-5:23']);
});

test('a redefined anchor: an alias refers to the last definition before it', () => {
  const text = (first: string, third: string) =>
    lines(
      'apiVersion: alertcfg/v1', // 1
      'kind: Contact', // 2
      'metadata:', // 3
      '  labels:', // 4
      `    first: &id ${first}`, // 5
      '    second: *id', // 6
      `    third: &id ${third}`, // 7
      'spec:', // 8
      '  Name: redefined', // 9
      '  ContactGroupIds: [*id]', // 10
    );
  assert.deepEqual(brief(text('not-a-uuid', UUID)), []);
  assert.deepEqual(brief(text(UUID, 'not-a-uuid')), ['InvalidParameter.ContactGroupIds error 10:21-10:24']);
});

test('an aliased mapping: an unknown key inside it is reported on the alias', () => {
  const text = lines(
    'apiVersion: alertcfg/v1', // 1
    'kind: Contact', // 2
    'metadata:', // 3
    '  labels: &hook', // 4
    '    Address: https://hooks.example.com/alert', // 5
    '    Tokn: x', // 6
    'spec:', // 7
    '  Name: alias', // 8
    '  Webhook: *hook', // 9
  );
  assert.deepEqual(brief(text), ['unknown-property warning 9:12-9:17']);
});

test('merge keys: a bad merged value is reported on the merged alias', () => {
  const text = lines(
    'apiVersion: alertcfg/v1', // 1
    'kind: Contact', // 2
    'metadata:', // 3
    '  labels: &base', // 4
    '    Email: not-an-address', // 5
    'spec:', // 6
    '  <<: *base', // 7
    '  Name: merged', // 8
  );
  assert.deepEqual(brief(text), ['InvalidParameter.Email error 7:7-7:12']);
});

test('merge keys: keys of the map itself win over merged ones', () => {
  const text = lines(
    'apiVersion: alertcfg/v1', // 1
    'kind: Contact', // 2
    'metadata:', // 3
    '  labels: &base', // 4
    '    Email: not-an-address', // 5
    'spec:', // 6
    '  <<: *base', // 7
    '  Name: merged', // 8
    '  Email: ok@example.com', // 9
  );
  assert.deepEqual(brief(text), []);
});

const CRLF_FIXTURE = [
  'apiVersion: alertcfg/v1', // 1
  'kind: Contact', // 2
  'spec:', // 3
  '  Name: crlf', // 4
  '  Email: nope', // 5
  '  ContactGroupIds: [a]', // 6
  '  Webhok: {}', // 7
];

test('CRLF line endings give the same line:col as LF', () => {
  const expected = ['InvalidParameter.Email error 5:10-5:14', 'InvalidParameter.ContactGroupIds error 6:21-6:22', 'unknown-property warning 7:3-7:9'];
  assert.deepEqual(brief(`${CRLF_FIXTURE.join('\n')}\n`), expected);
  assert.deepEqual(brief(`${CRLF_FIXTURE.join('\r\n')}\r\n`), expected);
});

test('CRLF in JSON and in multi-document YAML', () => {
  const json = ['{', '  "apiVersion": "alertcfg/v1",', '  "kind": "Contact",', '  "spec": {"Name": "x", "Email": "nope"}', '}', ''].join('\r\n');
  assert.deepEqual(brief(json), ['InvalidParameter.Email error 4:34-4:40']);
  const yaml = ['apiVersion: alertcfg/v1', 'kind: Contact', 'spec: {Name: a}', '---', 'apiVersion: alertcfg/v1', 'kind: Contact', 'spec:', '  Name: b', '  Email: nope', ''].join('\r\n');
  assert.deepEqual(brief(yaml), ['InvalidParameter.Email error 9:10-9:14']);
});

test('a BOM at the start: lines after the first are unchanged; on line 1 the BOM is one column', () => {
  const yaml = `\uFEFF${lines('apiVersion: alertcfg/v1', 'kind: Contact', 'spec:', '  Email: nope')}`;
  assert.deepEqual(brief(yaml), ['MissingParameter.Name error 3:1-3:5', 'InvalidParameter.Email error 4:10-4:14']);
  const json = `\uFEFF{"apiVersion": "alertcfg/v1", "kind": "Contact", "spec": {"Name": 1}}\n`;
  // `{` is column 2 after the BOM; the value 1 follows `"Name": `.
  assert.deepEqual(brief(json), ['InvalidParameter.Name error 1:68-1:69']);
  assert.deepEqual(brief(json, { format: 'json' }), ['InvalidParameter.Name error 1:68-1:69']);
});

test('a BOM before a modeline or a `---` marker: the modeline still applies, the marker still starts a document', () => {
  assert.deepEqual(brief(`\uFEFF${lines('# alertcfg: kind=Contact', 'Name: raw', 'Email: nope')}`), ['InvalidParameter.Email error 3:8-3:12']);
  const marked = `\uFEFF${lines('---', 'apiVersion: alertcfg/v1', 'kind: Contact', 'spec: {Name: a, Email: nope}', '---', 'apiVersion: alertcfg/v1', 'kind: Contact', 'spec: {Email: b@example.com}')}`;
  assert.deepEqual(brief(marked), ['InvalidParameter.Email error 4:24-4:28', 'MissingParameter.Name error 8:1-8:5']);
});

test('quoted keys: the range covers the key with its quotes', () => {
  const text = lines(
    'apiVersion: alertcfg/v1', // 1
    'kind: Contact', // 2
    "'spec':", // 3
    '  "Name": quoted', // 4
    "  'Emial': a@example.com", // 5
    '  "Webhook": {"Adress": "https://hooks.example.com/x"}', // 6
  );
  // Adress also means Webhook lacks its required Address: one finding on the near miss.
  assert.deepEqual(brief(text), ['unknown-property warning 5:3-5:10', 'unknown-property error 6:15-6:23']);
});

test('keys and values with unicode: columns count UTF-16 code units', () => {
  const text = lines(
    'apiVersion: alertcfg/v1', // 1
    'kind: Contact', // 2
    'metadata: {labels: {团队: 运维}}', // 3
    'spec:', // 4
    '  Name: 值班😀', // 5
    '  名字: x', // 6
    '  Email: 😀😀', // 7
    '  "😀key": 1', // 8
    '  Webhook: {Address: "https://例子.example.com/😀", Tokn: x}', // 9
  );
  assert.deepEqual(brief(text), [
    'unknown-property warning 6:3-6:5',
    'InvalidParameter.Email error 7:10-7:14',
    'unknown-property warning 8:3-8:10',
    'unknown-property warning 9:51-9:55',
  ]);
});
