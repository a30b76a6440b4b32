import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief, lines } from '../helpers/findings';

test('a Contact without Name reports MissingParameter.Name on the spec key', () => {
  const text = lines('apiVersion: alertcfg/v1', 'kind: Contact', 'spec:', '  Email: sre@example.com');
  assert.deepEqual(brief(text), ['MissingParameter.Name error 3:1-3:5']);
});

test('a near-miss key is one finding on the key, naming the property it misspells', () => {
  const text = lines(
    'apiVersion: alertcfg/v1',
    'kind: Contact',
    'spec:',
    '  Name: sre',
    '  DingTalkBotWebhook:',
    '    Adress: https://oapi.dingtalk.com/robot/send?access_token=${env:T}',
  );
  assert.deepEqual(brief(text), ['unknown-property error 6:5-6:11']);
});

test('a YAML file that is not ours gets no findings, even when invalid for us', () => {
  assert.deepEqual(brief(lines('apiVersion: v1', 'kind: ConfigMap', 'data:', '  Name: 3')), []);
});
