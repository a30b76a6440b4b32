/**
 * Masking of secrets in output: known values in every form they take (raw,
 * URL-encoded, JSON-escaped), bot tokens by their place even when unknown,
 * credential headers keeping their scheme, and unresolved references left
 * readable (a name is not a secret).
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { Masker, maskValue } from '../../../server/src/engine/actions/mask';

describe('maskValue', () => {
  test('SEC1234567890cd → SEC****cd; short values fully hidden', () => {
    assert.equal(maskValue('SEC1234567890cd'), 'SEC****cd');
    assert.equal(maskValue('abcdefghijkl'), 'abc****kl');
    assert.equal(maskValue('abcdefghijk'), '****');
    assert.equal(maskValue('abcd'), '****');
  });
});

describe('known secrets', () => {
  test('replaced wherever they occur, every occurrence', () => {
    const m = new Masker(['SECd1n9a1k5ecret0123456789']);
    assert.equal(m.mask('x SECd1n9a1k5ecret0123456789 y SECd1n9a1k5ecret0123456789'), 'x SEC****89 y SEC****89');
  });

  test('the URL-encoded form is masked too', () => {
    const secret = 'vS3cr+t/Key=Value==';
    const m = new Masker([secret]);
    const out = m.mask(`https://hooks.example.com/a?x=${encodeURIComponent(secret)}&y=1`);
    assert.ok(!out.includes(encodeURIComponent(secret)), out);
    assert.ok(!out.includes(secret), out);
    assert.match(out, /x=vS3\*\*\*\*3D&y=1/);
  });

  test('the JSON-escaped form is masked too', () => {
    const secret = 'pa"ss\\word-0123456789';
    const m = new Masker([secret]);
    const json = JSON.stringify({ msg: `bad password ${secret}` });
    const out = m.mask(json);
    assert.ok(!out.includes(JSON.stringify(secret).slice(1, -1)), out);
    assert.ok(!JSON.stringify(JSON.parse(out)).includes(secret), out);
  });

  test('a secret containing another is masked whole (longest first)', () => {
    const m = new Masker(['abcd1234', 'abcd1234-efgh5678-ijkl']);
    assert.equal(m.mask('[abcd1234-efgh5678-ijkl] [abcd1234]'), '[abc****kl] [****]');
  });

  test('values shorter than 4 characters are not treated as secrets (they would mask everything)', () => {
    const m = new Masker(['ab', 'xyz']);
    assert.equal(m.mask('about xyzzy'), 'about xyzzy');
  });

  test('masking twice changes nothing more', () => {
    const m = new Masker(['SECd1n9a1k5ecret0123456789']);
    const once = m.mask('https://oapi.dingtalk.com/robot/send?access_token=dtTok0123456789abcdef&sign=abc%2Bdef%3D&x=SECd1n9a1k5ecret0123456789');
    assert.equal(m.mask(once), once);
  });
});

describe('tokens masked by their place, even when unknown', () => {
  const m = new Masker();

  test('access_token= and sign= in a DingTalk URL', () => {
    assert.equal(
      m.mask('https://oapi.dingtalk.com/robot/send?access_token=dtTok0123456789abcdef&timestamp=1716188400000&sign=hmPWwU%2B7lVdm3ZZz0r9tSfx0L4Q26jWOZr9%2BGs6EZQM%3D'),
      'https://oapi.dingtalk.com/robot/send?access_token=dtT****ef&timestamp=1716188400000&sign=hmP****M=',
    );
  });

  test('key= in a WeCom URL', () => {
    assert.equal(m.mask('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7a3b-4c5d-9e8f-0123456789ab'), 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693****ab');
  });

  test('the token segment of a Lark hook path', () => {
    assert.equal(m.mask('POST https://open.feishu.cn/open-apis/bot/v2/hook/5f1e2d3c-4b5a-6978-8a9b-0123456789ab?x=1'), 'POST https://open.feishu.cn/open-apis/bot/v2/hook/5f1****ab?x=1');
  });

  test('secret-bearing JSON fields: SecretKey, Token, secret, sign', () => {
    const out = m.mask('{"Address":"https://a.example.com/","SecretKey":"SECunknown0123456789","Token":"tokUnknown0123456789","secret":"zsSecret0123456789","sign":"abcDEF0123456789+/=","msg":"keep me"}');
    assert.equal(out, '{"Address":"https://a.example.com/","SecretKey":"SEC****89","Token":"tok****89","secret":"zsS****89","sign":"abc****/=","msg":"keep me"}');
  });

  test('empty secret fields stay empty', () => {
    assert.equal(m.mask('{"SecretKey":""}'), '{"SecretKey":""}');
  });
});

describe('unresolved references stay readable', () => {
  const m = new Masker();

  test('${env:NAME} and ${secret:NAME} in URLs, hook paths and JSON fields', () => {
    const texts = [
      'https://oapi.dingtalk.com/robot/send?access_token=${env:DINGTALK_TOKEN}',
      'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${secret:sre-wecom-key}',
      'https://open.feishu.cn/open-apis/bot/v2/hook/${secret:sre-lark-hook}',
      '{"SecretKey":"${secret:sre-dingtalk-secret}","Token":"${secret:sre-webhook-token}"}',
      'problem: ${secret:sre-dingtalk-secret} is not set.',
    ];
    for (const t of texts) assert.equal(m.mask(t), t);
  });

  test('the URL-encoded form of a reference too', () => {
    const t = 'https://oapi.dingtalk.com/robot/send?access_token=%24%7Benv%3ADINGTALK_TOKEN%7D';
    assert.equal(m.mask(t), t);
  });
});

describe('headers', () => {
  const m = new Masker(['whT0kenABCDEF123456']);

  test('Authorization keeps its scheme', () => {
    assert.deepEqual(m.maskHeaders({ Authorization: 'Bearer whT0kenABCDEF123456' }), { Authorization: 'Bearer whT****56' });
    assert.deepEqual(m.maskHeaders({ Authorization: 'OAuth 4f5c2a7e9b3d4e8f8a1b2c3d4e5f6a70' }), { Authorization: 'OAuth 4f5****70' });
    const basic = `Basic ${Buffer.from('alice:Basic-Pa55w0rd-4242').toString('base64')}`;
    assert.match(m.maskHeaders({ authorization: basic })['authorization']!, /^Basic [A-Za-z0-9]{3}\*\*\*\*.{2}$/);
  });

  test('Huawei SDK-HMAC-SHA256: Access and Signature masked, SignedHeaders kept', () => {
    const h = m.maskHeaders({ Authorization: 'SDK-HMAC-SHA256 Access=HWAKEXAMPLE0000000001, SignedHeaders=host;x-sdk-date, Signature=' + 'a'.repeat(60) + 'beef' });
    assert.equal(h['Authorization'], 'SDK-HMAC-SHA256 Access=HWA****01, SignedHeaders=host;x-sdk-date, Signature=aaa****ef');
  });

  test('Volcengine HMAC-SHA256: Credential and Signature masked, SignedHeaders kept', () => {
    const h = m.maskHeaders({ Authorization: 'HMAC-SHA256 Credential=AKLTvolcExampleAK/20240520/cn-beijing/vmp/request, SignedHeaders=content-type;host;x-content-sha256;x-date, Signature=' + '0'.repeat(64) });
    assert.equal(h['Authorization'], 'HMAC-SHA256 Credential=AKL****st, SignedHeaders=content-type;host;x-content-sha256;x-date, Signature=000****00');
  });

  test('X-Auth-Token, X-Security-Token, Cookie masked whole; other headers only where a known secret is in them', () => {
    const h = m.maskHeaders({
      'X-Auth-Token': 'MIIexampleIamToken-0123456789',
      'X-Security-Token': 'STSsessionTokenExample',
      Cookie: 'session=abcdefghijklmnop',
      'Content-Type': 'application/json',
      'X-Sdk-Date': '20240520T070000Z',
      'X-Echo': 'whT0kenABCDEF123456',
    });
    assert.deepEqual(h, {
      'X-Auth-Token': 'MII****89',
      'X-Security-Token': 'STS****le',
      Cookie: 'ses****op',
      'Content-Type': 'application/json',
      'X-Sdk-Date': '20240520T070000Z',
      'X-Echo': 'whT****56',
    });
  });
});

describe('masking keeps the text around a token', () => {
  test('a placeholder URL quoted in a message: the `);` and the sentence after it stay', () => {
    const m = new Masker();
    assert.equal(
      m.mask('DingTalkBotWebhook.Address is a documentation placeholder (https://oapi.dingtalk.com/robot/send?access_token=xxxxxxxx); put the real webhook address there.'),
      'DingTalkBotWebhook.Address is a documentation placeholder (https://oapi.dingtalk.com/robot/send?access_token=****); put the real webhook address there.',
    );
  });

  test('a token ends where URL characters end: at `)`, `;`, `,`, `<`, `>`, brackets, or a sentence-ending dot', () => {
    const m = new Masker();
    assert.equal(m.mask('(?access_token=0123456789abcdef), next'), '(?access_token=012****ef), next');
    assert.equal(m.mask('use ?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa.'), 'use ?key=693****aa.');
    assert.equal(m.mask('[?sign=abc%2Bdef%3D0123]'), '[?sign=abc****23]');
    assert.equal(m.mask('<a href="x?token=0123456789abcdef">'), '<a href="x?token=012****ef">');
    assert.equal(m.mask('see /open-apis/bot/v2/hook/8d3f0c2a-1b4e-4c5d-9e6f-7a8b9c0d1e2f); then'), 'see /open-apis/bot/v2/hook/8d3****2f); then');
  });

  test('a placeholder such as <key> or ... is not a token', () => {
    const m = new Masker();
    assert.equal(m.mask('Use qyapi.weixin.qq.com/cgi-bin/webhook/send?key=<key>.'), 'Use qyapi.weixin.qq.com/cgi-bin/webhook/send?key=<key>.');
    assert.equal(m.mask('the whole webhook URL (/cgi-bin/webhook/send?key=...).'), 'the whole webhook URL (/cgi-bin/webhook/send?key=...).');
  });
});
