/**
 * The masking core of the language client's trace (client/src/trace-mask.ts):
 * registered secrets and credentials in every form a trace prints them, short
 * values only as whole JSON strings, the secret-bearing requests by their method,
 * bot URL tokens by their place, everything else left alone; and how much of a
 * piecewise-written text may be shown.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { TraceMasker } from '../../../client/src/trace-mask';
import { ALL_VALUES, CREDENTIALS, SECRETS, assertNoSecret, formsOf } from './trace-fixtures';

function registered(): TraceMasker {
  const m = new TraceMasker();
  m.register({ values: { ...SECRETS, unset: null } });
  for (const c of Object.values(CREDENTIALS)) m.register(c);
  return m;
}

describe('registered secrets and credentials', () => {
  for (const v of ALL_VALUES.filter((x) => x.length >= 4)) {
    test(`${JSON.stringify(v)}: every form masked, wherever it occurs`, () => {
      const m = registered();
      for (const form of formsOf(v)) {
        const text = `before ${form} middle${form}after`;
        const out = m.mask(text);
        assertNoSecret(`form ${JSON.stringify(form)}`, out);
        assert.match(out, /^before \S*\*\*\*\*\S* middle\S*\*\*\*\*\S*after$/);
      }
    });
  }

  test('the mask style is the engine one and keeps JSON text valid', () => {
    const m = registered();
    assert.equal(m.mask(`"${SECRETS.dingtalk}"`), '"SEC****ef"');
    const json = JSON.stringify({ a: SECRETS.quoted, b: [SECRETS.unicode, SECRETS.multiLine] }, null, 4);
    const out = m.mask(json);
    assertNoSecret('pretty JSON', out);
    assert.deepEqual(Object.keys(JSON.parse(out) as object), ['a', 'b']);
  });

  test('a value registered twice, or inside another, is masked whole', () => {
    const m = new TraceMasker();
    m.register('abcdefghijklmnop');
    m.register('abcdefghijklmnop');
    m.register('0123abcdefghijklmnop4567');
    const out = m.mask('x 0123abcdefghijklmnop4567 y abcdefghijklmnop');
    assert.equal(out, 'x 012****67 y abc****op');
  });

  test('non-strings, null and empty values register nothing', () => {
    const m = new TraceMasker();
    m.register(null);
    m.register(undefined);
    m.register('');
    m.register({ n: 42, t: true, nested: [null, { e: '' }] });
    const text = '{"n": 42, "t": true, "e": "", "x": null}';
    assert.equal(m.mask(text), text);
  });
});

describe('short values', () => {
  test('masked as a whole JSON string, plain or escaped inside one', () => {
    const m = registered();
    assert.equal(m.mask('Result: {"values": {"s": "q7"}}'), 'Result: {"values": {"s": "****"}}');
    assert.equal(m.mask('"text": "{\\"k\\": \\"q7\\"}"'), '"text": "{\\"k\\": \\"****\\"}"');
  });

  test('not as a substring: words and other strings containing it are left alone', () => {
    const m = registered();
    const text = 'q7 "q7x" "aq7" q7q7 {"line": 7}';
    assert.equal(m.mask(text), text);
  });
});

describe('secret-bearing requests, by their method', () => {
  test('alertcfg/storeSecret is masked before the client has seen the value (text format)', () => {
    const m = new TraceMasker();
    const text = `Received request 'alertcfg/storeSecret - (3)'.\nParams: ${JSON.stringify({ name: 'sre-bot', value: 'plaintextSecretFromTheFile0008' }, null, 4)}`;
    const out = m.mask(text);
    assert.ok(!out.includes('plaintextSecretFromTheFile0008'), out);
    assert.match(out, /"name": "sre-bot"/);
    assert.match(out, /"value": "pla\*\*\*\*08"/);
  });

  test('alertcfg/storeSecret in the JSON trace format: envelope and name kept', () => {
    const m = new TraceMasker();
    const message = { jsonrpc: '2.0', id: 3, method: 'alertcfg/storeSecret', params: { name: 'n', value: 'v"1' } };
    const out = m.mask(JSON.stringify({ isLSPMessage: true, type: 'receive-request', message, timestamp: 1 }));
    const parsed = JSON.parse(out) as { type: string; message: typeof message };
    assert.equal(parsed.type, 'receive-request');
    assert.equal(parsed.message.method, 'alertcfg/storeSecret');
    assert.equal(parsed.message.params.name, 'n');
    assert.equal(parsed.message.params.value, '****');
  });

  test('answers to getSecrets and getCredentials are masked even for values never registered', () => {
    const m = new TraceMasker();
    const secrets = m.mask(`Sending response 'alertcfg/getSecrets - (5)'. Processing request took 1ms\nResult: ${JSON.stringify({ values: { a: 'unregisteredSecret0009', b: null } })}`);
    assert.ok(!secrets.includes('unregisteredSecret0009'), secrets);
    const creds = m.mask(`Sending response 'alertcfg/getCredentials - (6)'. Processing request took 1ms\nResult: ${JSON.stringify({ ak: 'AKunregistered0010', sk: 'SKunregistered0011' })}`);
    assert.ok(!creds.includes('AKunregistered0010') && !creds.includes('SKunregistered0011'), creds);
  });

  test('their requests, which hold only names, are left alone', () => {
    const m = new TraceMasker();
    for (const text of [
      `Received request 'alertcfg/getSecrets - (5)'.\nParams: ${JSON.stringify({ names: ['a', 'b'] }, null, 4)}`,
      `Received request 'alertcfg/getCredentials - (6)'.\nParams: ${JSON.stringify({ provider: 'huawei' }, null, 4)}`,
    ])
      assert.equal(m.mask(text), text);
  });
});

describe('bot URL tokens, known or not', () => {
  test('access_token=, key= and sign= are masked by their place, wherever timestamp is', () => {
    const m = new TraceMasker();
    const text = JSON.stringify({
      a: 'https://oapi.dingtalk.com/robot/send?access_token=unknownDingTalkToken0012&timestamp=1700000000000&sign=unknownSign%2B0013',
      b: 'https://oapi.dingtalk.com/robot/send?timestamp=1700000000000&sign=unknownSign0014&access_token=unknownToken0015',
      c: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=unknown-wecom-key-0016',
    });
    const out = m.mask(text);
    for (const v of ['unknownDingTalkToken0012', 'unknownSign%2B0013', 'unknownSign0014', 'unknownToken0015', 'unknown-wecom-key-0016']) assert.ok(!out.includes(v), `${v} in ${out}`);
    assert.match(out, /timestamp=1700000000000/);
  });
});

describe('nothing else altered', () => {
  test('ordinary traces come out exactly as they went in', () => {
    const m = registered();
    const texts = [
      `Sending notification 'textDocument/didOpen'.\nParams: ${JSON.stringify({ textDocument: { uri: 'file:///w/bot.yaml', languageId: 'yaml', version: 1, text: 'kind: Contact\nspec:\n  SecretKey: ${secret:sre-bot}\n' } }, null, 4)}`,
      `Received response 'textDocument/hover - (9)' in 3ms.\nResult: ${JSON.stringify({ contents: { kind: 'markdown', value: '**Webhook** `https://example.com/hook?x=1`' } }, null, 4)}`,
      `Received notification 'textDocument/publishDiagnostics'.\nParams: ${JSON.stringify({ uri: 'file:///w/bot.yaml', diagnostics: [{ message: 'secret-in-plaintext', severity: 2 }] })}`,
      `Sending response 'alertcfg/listSecrets - (4)'. Processing request took 0ms.\nResult: ${JSON.stringify({ names: ['sre-bot', 'team-x'] })}`,
      'Alert Config language server 0.1.0 started',
    ];
    for (const t of texts) assert.equal(m.mask(t), t);
  });
});

describe('flushable: how much of piecewise-written text may be shown', () => {
  test('whole lines only', () => {
    const m = registered();
    assert.equal(m.flushable('no line break yet'), 0);
    assert.equal(m.flushable('one\ntwo\nthr'), 8);
    assert.equal(m.flushable('one\ntwo\n'), 8);
  });

  test('not through a registered value that spans lines, until it is whole', () => {
    const m = registered();
    const [first, second] = SECRETS.multiLine.split('\n') as [string, string];
    assert.equal(m.flushable(`ok\nx ${first}\n`), 3, 'held from the line where the value may begin');
    assert.equal(m.flushable(`ok\nx ${first}\n${second.slice(0, 5)}`), 3);
    assert.equal(m.flushable(`ok\nx ${first}\nsomething else\n`), `ok\nx ${first}\nsomething else\n`.length, 'not the value after all');
    const whole = `ok\nx ${SECRETS.multiLine} y\nz`;
    assert.equal(m.flushable(whole), whole.length - 1);
  });
});
