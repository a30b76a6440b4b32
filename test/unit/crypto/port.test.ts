/**
 * The crypto port: the engine's own SHA-256 and HMAC-SHA256 against published
 * vectors and against node:crypto on random inputs (block boundaries included),
 * the byte helpers against Buffer, and every signer giving the same bytes through
 * the Node port as through the engine's own implementation.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { PURE_CRYPTO } from '../../../server/src/engine/crypto/port';
import { base64OfText, compareBytes, toBase64, toHex, utf8 } from '../../../server/src/engine/crypto/bytes';
import { NODE_CRYPTO } from '../../../server/src/node/crypto';
import { dingtalkSign, dingtalkSignedUrl } from '../../../server/src/engine/signing/dingtalk';
import { larkSign } from '../../../server/src/engine/signing/lark';
import { huaweiSignRequest } from '../../../server/src/engine/signing/huawei';
import { volcengineSignRequest } from '../../../server/src/engine/signing/volcengine';
import { rng } from '../../helpers/random';

const PORTS = { pure: PURE_CRYPTO, node: NODE_CRYPTO };

function randomBytes(next: () => number, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.floor(next() * 256);
  return out;
}

function randomText(next: () => number, n: number): string {
  const alphabet = 'abcXYZ019 -_.~%+/=&?\n\u00e9\u4e00\u{1f600}';
  const chars = [...alphabet];
  let s = '';
  for (let i = 0; i < n; i++) s += chars[Math.floor(next() * chars.length)];
  return s;
}

describe('SHA-256 and HMAC-SHA256: published vectors', () => {
  for (const [name, port] of Object.entries(PORTS)) {
    test(`${name}: FIPS 180-2 SHA-256 examples`, () => {
      assert.equal(port.sha256Hex(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
      assert.equal(port.sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
      assert.equal(port.sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'), '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
      assert.equal(port.sha256Hex('a'.repeat(1_000_000)), 'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
    });

    test(`${name}: RFC 4231 HMAC-SHA256 test cases 1, 2, 6`, () => {
      const hex = (s: string) => Uint8Array.from(s.match(/../g)!.map((b) => parseInt(b, 16)));
      assert.equal(toHex(port.hmacSha256(hex('0b'.repeat(20)), 'Hi There')), 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7');
      assert.equal(toHex(port.hmacSha256('Jefe', 'what do ya want for nothing?')), '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
      assert.equal(
        toHex(port.hmacSha256(hex('aa'.repeat(131)), 'Test Using Larger Than Block-Size Key - Hash Key First')),
        '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
      );
    });
  }
});

describe('the engine implementation matches node:crypto', () => {
  test('SHA-256 of random bytes, every length from 0 to 200 and a few long ones', () => {
    const next = rng(20260101);
    for (const n of [...Array.from({ length: 201 }, (_, i) => i), 511, 512, 513, 4096, 65_537]) {
      const data = randomBytes(next, n);
      assert.equal(PURE_CRYPTO.sha256Hex(data), createHash('sha256').update(data).digest('hex'), `length ${n}`);
    }
  });

  test('SHA-256 of random text (hashed as UTF-8)', () => {
    const next = rng(7);
    for (let i = 0; i < 200; i++) {
      const s = randomText(next, Math.floor(next() * 120));
      assert.equal(PURE_CRYPTO.sha256Hex(s), createHash('sha256').update(s).digest('hex'), JSON.stringify(s));
    }
  });

  test('HMAC-SHA256 with keys around the block size', () => {
    const next = rng(99);
    for (const keyLength of [0, 1, 31, 32, 63, 64, 65, 100, 200]) {
      for (let i = 0; i < 20; i++) {
        const key = randomBytes(next, keyLength);
        const data = i % 2 ? randomBytes(next, Math.floor(next() * 300)) : randomText(next, Math.floor(next() * 80));
        const expected = createHmac('sha256', key).update(data).digest('hex');
        assert.equal(toHex(PURE_CRYPTO.hmacSha256(key, data)), expected);
        assert.equal(toHex(NODE_CRYPTO.hmacSha256(key, data)), expected);
      }
    }
  });
});

describe('byte helpers match Buffer', () => {
  test('utf8, hex, base64 and compare', () => {
    const next = rng(3);
    for (let i = 0; i < 300; i++) {
      const bytes = randomBytes(next, Math.floor(next() * 70));
      assert.equal(toHex(bytes), Buffer.from(bytes).toString('hex'));
      assert.equal(toBase64(bytes), Buffer.from(bytes).toString('base64'));
      const other = randomBytes(next, Math.floor(next() * 4));
      assert.equal(compareBytes(bytes, other), Buffer.compare(bytes, other));
      assert.equal(compareBytes(bytes, bytes.slice(0, bytes.length - 1)), Buffer.compare(bytes, bytes.slice(0, bytes.length - 1)));
      const s = randomText(next, Math.floor(next() * 40));
      assert.deepEqual([...utf8(s)], [...Buffer.from(s, 'utf8')]);
      assert.equal(base64OfText(s), Buffer.from(s).toString('base64'));
    }
    // Lone surrogates become U+FFFD in both.
    assert.deepEqual([...utf8('a\ud800b')], [...Buffer.from('a\ud800b')]);
  });
});

describe('signers give the same bytes through either port', () => {
  const now = new Date('2024-05-06T07:08:09Z');
  const request = {
    method: 'POST' as const,
    url: 'https://api.example.com/v3/0123/notifications?b=2&a=1&a=%E4%B8%80&c',
    headers: { 'Content-Type': 'application/json', 'X-Extra': ' spaced  value ' },
    body: '{"Name":"demo","zh":"一"}',
  };

  test('DingTalk and Lark', () => {
    assert.deepEqual(dingtalkSign('SECtest', 1700000000000, NODE_CRYPTO), dingtalkSign('SECtest', 1700000000000));
    assert.equal(dingtalkSign('this is secret', 1577262236757, NODE_CRYPTO).sign, 'hmPWwU+7lVdm3ZZz0r9tSfx0L4Q26jWOZr9+Gs6EZQM=');
    assert.equal(dingtalkSignedUrl('https://oapi.dingtalk.com/robot/send?access_token=T', 'SECx', 1700000000000, NODE_CRYPTO), dingtalkSignedUrl('https://oapi.dingtalk.com/robot/send?access_token=T', 'SECx', 1700000000000));
    assert.deepEqual(larkSign('secret', 1700000000, NODE_CRYPTO), larkSign('secret', 1700000000));
  });

  test('Huawei SDK-HMAC-SHA256 and Volcengine', () => {
    assert.deepEqual(huaweiSignRequest(request, { ak: 'AK', sk: 'SK' }, now, NODE_CRYPTO), huaweiSignRequest(request, { ak: 'AK', sk: 'SK' }, now));
    const cred = { accessKeyId: 'AKLTexample', secretAccessKey: 'c2VjcmV0ZXhhbXBsZQ==', sessionToken: 'STS' };
    const scope = { region: 'cn-beijing', service: 'vmp' };
    assert.deepEqual(volcengineSignRequest(request, cred, scope, now, NODE_CRYPTO), volcengineSignRequest(request, cred, scope, now));
  });
});
