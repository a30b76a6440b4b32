import assert from 'node:assert/strict';
import { test } from 'node:test';
import { completionsAt, validateText, yamlSpotAt } from '../../../server/src/engine/index';
import { lines } from '../../helpers/findings';

/** Text with a `|` marking the cursor. */
function at(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

test('yamlSpotAt: a key on a new line belongs to the mapping its indentation says', () => {
  const { text, offset } = at(lines('a:', '  b: 1', '  c:', '    d: 2', '  |'));
  assert.deepEqual(yamlSpotAt(text, offset), { at: 'key', path: ['a'], start: offset, end: offset, column: 2, hasColon: false, dashItem: false });
});

test('yamlSpotAt: list items count their index; keys after the dash belong to the item', () => {
  const list = at(lines('spec:', '  events:', '  - id: a', '  - id: b', '    starts_at: 1', '  - |'));
  assert.deepEqual(yamlSpotAt(list.text, list.offset), { at: 'key', path: ['spec', 'events', 2], start: list.offset, end: list.offset, column: 4, hasColon: false, dashItem: true });
  const sibling = at(lines('spec:', '  events:', '    - id: a', '      st|'));
  const spot = yamlSpotAt(sibling.text, sibling.offset);
  assert.deepEqual(spot?.path, ['spec', 'events', 0]);
  assert.equal(spot?.start, sibling.offset - 2);
});

test('yamlSpotAt: a value after the colon, with or without a space', () => {
  const spaced = at(lines('spec:', '  operation_type: cu|'));
  assert.deepEqual(yamlSpotAt(spaced.text, spaced.offset), { at: 'value', path: ['spec', 'operation_type'], start: spaced.offset - 2, end: spaced.offset, needsSpace: false, column: 2 });
  const bare = at(lines('kind:|'));
  assert.deepEqual(yamlSpotAt(bare.text, bare.offset), { at: 'value', path: ['kind'], start: bare.offset, end: bare.offset, needsSpace: true, column: 0 });
});

test('yamlSpotAt: nothing in comments or under a scalar value', () => {
  const comment = at(lines('a: 1 # co|'));
  assert.equal(yamlSpotAt(comment.text, comment.offset), undefined);
  const under = at(lines('a: 1', '    |'));
  assert.equal(yamlSpotAt(under.text, under.offset), undefined);
});

test('completion works on a document the parser cannot read yet', () => {
  const { text, offset } = at(lines('apiVersion: alertcfg/v1', 'kind: DingTalkTestConnection', 'spec:', '  params:', '    testMsg: "hi"', '    u|', '  oops: [unclosed'));
  const items = completionsAt(text, offset, validateText(text), { locale: 'en', format: 'yaml' });
  assert.deepEqual(items.map((i) => i.label).sort(), ['atAll', 'atPersonPhoneNumbers', 'endpointUuid', 'secret', 'url']);
});

test('boolean values and a ${secret:...} snippet for secret fields', () => {
  const { text, offset } = at(lines('apiVersion: alertcfg/v1', 'kind: DingTalkTestConnection', 'spec:', '  params:', '    testMsg: hi', '    atAll: |'));
  const items = completionsAt(text, offset, validateText(text), { locale: 'en', format: 'yaml' });
  assert.deepEqual(items.map((i) => [i.label, i.insertText]), [
    ['true', 'true'],
    ['false', 'false'],
  ]);
  const secret = at(lines('apiVersion: alertcfg/v1', 'kind: DingTalkTestConnection', 'spec:', '  params:', '    testMsg: hi', '    secret: |'));
  const s = completionsAt(secret.text, secret.offset, validateText(secret.text), { locale: 'zh-cn', format: 'yaml' });
  assert.deepEqual(s.map((i) => [i.label, i.insertText, i.detail]), [
    ['${secret:…}', '\\${secret:${1:name}}', '引用密钥'],
    ['${env:…}', '\\${env:${1:NAME}}', '引用环境变量'],
  ]);
});

test('string enum values that look like numbers are quoted (AlarmCallback alarmStatus)', () => {
  const { text, offset } = at(lines('apiVersion: alertcfg/v1', 'kind: AlarmCallback', 'spec:', '  alarmStatus: |'));
  const items = completionsAt(text, offset, validateText(text), { locale: 'en', format: 'yaml' });
  assert.deepEqual(items.map((i) => [i.label, i.insertText]), [
    ['0', '0'],
    ['1', '1'],
    ['"0"', '"0"'],
    ['"1"', '"1"'],
  ]);
});

test('.alertcfg.yaml completes its own settings and rule severities', () => {
  const { text, offset } = at(lines('rules:', '  secret-in-plaintext: |'));
  const items = completionsAt(text, offset, validateText(text), { locale: 'en', format: 'yaml', mode: 'config' });
  assert.deepEqual(items.map((i) => i.label), ['error', 'warning', 'info', 'hint', 'off']);
  const keys = at(lines('rules: {}', '|'));
  assert.deepEqual(completionsAt(keys.text, keys.offset, validateText(keys.text), { locale: 'en', format: 'yaml', mode: 'config' }).map((i) => i.label), ['include', 'exclude', 'schemas', 'defaults', 'messageTemplate', 'timeoutMs', 'allowedHosts', 'maxFileSize', 'maxDocuments', 'sync']);
});
