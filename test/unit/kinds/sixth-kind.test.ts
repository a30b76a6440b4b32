/**
 * A sixth kind is a kind module, its schema and one registration: registered here
 * from a fixture (with validators compiled by Ajv, as the build compiles the
 * built-in ones), it is recognised, validated with its own rules and codes,
 * completed, offered as a template and in the actions list, with no product file
 * knowing of it. Removing it takes all of that away again.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import Ajv from 'ajv';
import { ANNOTATION_KEYWORDS } from '../../../server/src/engine/schema/registry';
import { type KindModule, actionableResources, actionsFor, completionsAt, isKind, kindNames, registerKind, templateFor, validateText } from '../../../server/src/engine/index';
import { isString, nodeAt } from '../../../server/src/engine/parse/tree';
import { brief, lines } from '../../helpers/findings';
import { repoRoot } from '../../helpers/repo';

const schema = JSON.parse(readFileSync(join(repoRoot(), 'test', 'fixtures', 'kinds', 'pager-service.schema.json'), 'utf8')) as Record<string, unknown>;

function compile(s: Record<string, unknown>) {
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
  ajv.addVocabulary([...ANNOTATION_KEYWORDS]);
  return ajv.compile(s);
}

const pager: KindModule = {
  kind: 'PagerService',
  title: 'Pager service',
  vendor: 'Example Pager API',
  summary: { en: 'A pager service.', zh: '一个寻呼服务。' },
  schemaFile: 'test-pager-service.schema.json',
  schema,
  target: schema['x-target'] as Record<string, unknown>,
  nameField: 'service_name',
  rules: [
    {
      codes: ['high-escalation-without-team'],
      check(ctx) {
        const level = nodeAt(ctx.body, ['escalation']);
        if (isString(level) && level.value === 'high' && !nodeAt(ctx.body, ['team'])) ctx.report('high-escalation-without-team', ctx.valueAt(['escalation']), 'Name the team a high escalation pages.');
      },
    },
  ],
  codes: [{ code: 'high-escalation-without-team', severity: 'warning', title: 'A high escalation with no team', source: 'The example pager API.' }],
  template: { target: { endpoint: 'https://pager.example.com' } },
  actions: () => ['push'],
  validators: { body: compile(schema), target: compile(schema['x-target'] as Record<string, unknown>) },
};

const ENVELOPE = ['apiVersion: alertcfg/v1', 'kind: PagerService', 'metadata:', '  name: checkout', 'target:', '  endpoint: https://pager.example.com', 'spec:'];

let unregister: () => void = () => {};
before(() => {
  unregister = registerKind(pager);
});
after(() => unregister());

test('the registered kind is a kind: recognised in envelopes, listed after the built-in ones', () => {
  assert.equal(isKind('PagerService'), true);
  assert.deepEqual(kindNames().slice(-1), ['PagerService']);
  assert.equal(validateText(lines(...ENVELOPE, '  service_name: checkout', '  escalation: low')).ours, true);
});

test('it is validated: its schema (blank is missing), its target, its own rule', () => {
  assert.deepEqual(brief(lines(...ENVELOPE, '  service_name: checkout', '  escalation: low')), []);
  assert.deepEqual(brief(lines(...ENVELOPE, '  service_name: "  "', '  escalation: medium', '  teem: sre')), [
    'missing-property error 8:17-8:21',
    'invalid-value error 9:15-9:21',
    'unknown-property warning 10:3-10:7',
  ]);
  assert.deepEqual(brief(lines(...ENVELOPE.slice(0, 5), '  endpoint: ftp', 'spec:', '  service_name: checkout', '  escalation: high')), ['invalid-format error 6:13-6:16', 'high-escalation-without-team warning 9:15-9:19']);
  // `action` belongs to kinds that take one.
  assert.deepEqual(brief(lines(...ENVELOPE.slice(0, 6), 'action: clear', 'spec:', '  service_name: checkout', '  escalation: low')), ['unknown-property error 7:1-7:7']);
});

test('it is completed: the kind value, then its keys, required first', () => {
  const kindAt = lines('apiVersion: alertcfg/v1', 'kind: ');
  const kinds = completionsAt(kindAt, kindAt.length - 1, validateText(kindAt), { locale: 'en', format: 'yaml' }).map((i) => i.label);
  assert.ok(kinds.includes('PagerService'), JSON.stringify(kinds));
  const text = lines(...ENVELOPE, '  team: sre', '  ');
  const keys = completionsAt(text, text.length - 1, validateText(text), { locale: 'en', format: 'yaml' });
  assert.deepEqual(keys.map((i) => i.label).slice(0, 2).sort(), ['escalation', 'service_name']);
});

test('it is offered: a template that validates clean, and its actions in the actions list', () => {
  const t = templateFor('PagerService', 'checkout');
  assert.deepEqual(brief(t), []);
  const file = validateText(lines(...ENVELOPE, '  service_name: checkout', '  escalation: low'));
  const [resource] = actionableResources(file);
  assert.equal(resource!.kind, 'PagerService');
  assert.deepEqual(actionsFor(resource!.kind, resource!.body, resource!.envelope), ['push']);
});

test('unregistering takes it all away', () => {
  const remove = registerKind({ ...pager, kind: 'PagerServiceTwo' });
  assert.equal(isKind('PagerServiceTwo'), true);
  remove();
  assert.equal(isKind('PagerServiceTwo'), false);
  assert.throws(() => registerKind({ ...pager }), /registered already/);
  assert.throws(() => registerKind({ ...pager, kind: 'NoValidators', validators: undefined }), /validators of its own/);
});
