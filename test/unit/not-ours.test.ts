/**
 * Why a file is not alert configuration: a raw vendor body with nothing that
 * associates it with a kind (the top-level keys of one of the five bodies), another
 * tool's resource, or no marker at all. The bodies are the vendor docs' own
 * request examples, trimmed.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { validateText, whyNotOurs } from '../../server/src/engine/index';
import { lines } from '../helpers/findings';

function why(text: string, format?: 'yaml' | 'json') {
  const r = validateText(text, format ? { format } : {});
  assert.equal(r.ours, false, 'not ours');
  return whyNotOurs(text, format, r.documents);
}

describe('raw vendor bodies with no association', () => {
  test('a Volcengine CreateContact body in JSON (Name, Email): say how to associate it, without a modeline (JSON has no comments)', () => {
    const w = why('{"Name": "sre-oncall", "Email": "sre@example.com"}\n', 'json');
    assert.equal(w.reason, 'vendor-body');
    assert.equal(w.kind, 'Contact');
    assert.equal(
      w.message,
      'it looks like a raw Volcengine VMP CreateContact body (Name, Email), but nothing associates it with a kind: add "$schema": "contact.schema.json" (or its $id), or a schemas: glob in .alertcfg.yaml (for example "contacts/*.json": Contact).',
    );
  });

  test('a Contact body in YAML: the modeline is offered too', () => {
    const w = why(lines('Name: sre-oncall', 'DingTalkBotWebhook:', '  Address: https://oapi.dingtalk.com/robot/send?access_token=${env:T}'), 'yaml');
    assert.equal(w.kind, 'Contact');
    assert.match(w.message, /\(Name, DingTalkBotWebhook\)/);
    assert.match(w.message, /add "\$schema": "contact\.schema\.json" \(or its \$id\), a "# alertcfg: kind=Contact" modeline, or a schemas: glob in \.alertcfg\.yaml/);
  });

  test('the other four bodies, each by its own keys', () => {
    const cases: [string, 'yaml' | 'json', string, RegExp][] = [
      ['{"sessionId": "s-1", "alarmStatus": "1", "alarmPolicyInfo": {"policyId": "p"}}', 'json', 'AlarmCallback', /\(sessionId, alarmPolicyInfo\)/],
      ['{"notification_name": "n", "operation_type": "complete", "topic_id": "urn:smn:cn-north-7:p:t"}', 'json', 'KeyOperationNotification', /\(notification_name, operation_type\)/],
      [lines('events:', '  - starts_at: 1605232501000', '    metadata: {event_name: test}'), 'yaml', 'EventReport', /\(events\)/],
      [lines('params:', '  testMsg: hello', '  url: https://oapi.dingtalk.com/robot/send?access_token=x'), 'yaml', 'DingTalkTestConnection', /\(params\.testMsg\)/],
    ];
    for (const [text, format, kind, keys] of cases) {
      const w = why(text, format);
      assert.equal(w.reason, 'vendor-body', text);
      assert.equal(w.kind, kind, text);
      assert.match(w.message, keys);
    }
  });

  test('a JSON array of Contact bodies', () => {
    assert.equal(why('[{"Name": "a", "Email": "a@example.com"}, {"Name": "b", "Email": "b@example.com"}]', 'json').kind, 'Contact');
  });
});

describe('other files', () => {
  test("another tool's resource names its apiVersion", () => {
    const w = why(lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}'), 'yaml');
    assert.equal(w.reason, 'other-tool');
    assert.equal(w.message, 'another tool\'s resource (apiVersion: apps/v1), not an alertcfg one.');
  });

  test('no marker: neither apiVersion: alertcfg/… nor a known kind', () => {
    for (const [text, format] of [['{"name": "x", "version": "1.0.0"}\n', 'json'], [lines('on: push', 'jobs: {}'), 'yaml'], [lines('Name: only a name'), 'yaml'], [lines('events: [1, 2]'), 'yaml']] as const) {
      const w = why(text, format);
      assert.equal(w.reason, 'no-marker', text);
      assert.equal(w.message, 'no "apiVersion: alertcfg/v1" and no known kind (Contact, AlarmCallback, DingTalkTestConnection, KeyOperationNotification, EventReport).');
    }
  });

  test('an empty file, or one of comments only', () => {
    assert.equal(why('', 'yaml').reason, 'empty');
    assert.equal(why(lines('# nothing here'), 'yaml').message, 'it holds no content.');
  });
});
