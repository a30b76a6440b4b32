/**
 * DingTalk custom-robot signing: research.md §A vectors (hard-coded as
 * published there), URL building and timestamp validation.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { dingtalkSign, dingtalkSignedUrl } from '../../../server/src/engine/signing/dingtalk';

/** research.md §A test-vector table, copied verbatim. */
const VECTORS = [
  {
    secret: 'this is secret',
    timestampMs: 1577262236757,
    sign: 'hmPWwU+7lVdm3ZZz0r9tSfx0L4Q26jWOZr9+Gs6EZQM=',
    encoded: 'hmPWwU%2B7lVdm3ZZz0r9tSfx0L4Q26jWOZr9%2BGs6EZQM%3D',
  },
  {
    secret: 'SECtest',
    timestampMs: 1700000000000,
    sign: 'aZLLrriXgn05YbwaGR7knYsLeJADjr9NwLaNNKpxh4g=',
    encoded: 'aZLLrriXgn05YbwaGR7knYsLeJADjr9NwLaNNKpxh4g%3D',
  },
];

const ROBOT = 'https://oapi.dingtalk.com/robot/send';

describe('dingtalkSign: research.md vectors', () => {
  for (const v of VECTORS) {
    test(`secret=${JSON.stringify(v.secret)} ts=${v.timestampMs}`, () => {
      const got = dingtalkSign(v.secret, v.timestampMs);
      assert.deepEqual(got, { timestamp: String(v.timestampMs), sign: v.sign });
      // The returned sign is raw base64: no percent-encoding applied yet.
      assert.ok(!got.sign.includes('%'));
    });

    test(`URL-encoded form for ts=${v.timestampMs} appears once-encoded in the signed URL`, () => {
      const url = dingtalkSignedUrl(`${ROBOT}?access_token=TOKEN`, v.secret, v.timestampMs);
      assert.equal(url, `${ROBOT}?access_token=TOKEN&timestamp=${v.timestampMs}&sign=${v.encoded}`);
      assert.ok(!url.includes('%25'), 'sign must not be encoded twice');
    });
  }
});

describe('dingtalkSignedUrl: query handling', () => {
  const { secret, timestampMs, encoded } = VECTORS[0]!;
  const tail = `timestamp=${timestampMs}&sign=${encoded}`;

  test('keeps an existing access_token byte for byte (odd escapes included)', () => {
    const url = `${ROBOT}?access_token=ab%2Bcd_EF-12%3d&lang=zh+CN`;
    assert.equal(dingtalkSignedUrl(url, secret, timestampMs), `${url}&${tail}`);
  });

  test('URL without a query gets one', () => {
    assert.equal(dingtalkSignedUrl(ROBOT, secret, timestampMs), `${ROBOT}?${tail}`);
  });

  test('a trailing ? or & does not produce an empty parameter', () => {
    assert.equal(dingtalkSignedUrl(`${ROBOT}?`, secret, timestampMs), `${ROBOT}?${tail}`);
    assert.equal(dingtalkSignedUrl(`${ROBOT}?access_token=T&`, secret, timestampMs), `${ROBOT}?access_token=T&${tail}`);
  });

  test('re-signing replaces a stale timestamp/sign instead of adding a second pair', () => {
    const stale = `${ROBOT}?access_token=T&timestamp=1500000000000&sign=old%2B&x=1`;
    assert.equal(dingtalkSignedUrl(stale, secret, timestampMs), `${ROBOT}?access_token=T&x=1&${tail}`);
  });

  test('parameters that merely start with "sign" are kept', () => {
    const url = `${ROBOT}?access_token=T&signature=keep&timestamps=keep`;
    assert.equal(dingtalkSignedUrl(url, secret, timestampMs), `${url}&${tail}`);
  });

  test('a fragment stays at the end', () => {
    assert.equal(dingtalkSignedUrl(`${ROBOT}?access_token=T#frag`, secret, timestampMs), `${ROBOT}?access_token=T&${tail}#frag`);
  });

  test('the signed URL decodes back to the raw base64 sign', () => {
    const signed = new URL(dingtalkSignedUrl(`${ROBOT}?access_token=T`, secret, timestampMs));
    assert.equal(signed.searchParams.get('sign'), VECTORS[0]!.sign);
    assert.equal(signed.searchParams.get('timestamp'), '1577262236757');
    assert.equal(signed.searchParams.get('access_token'), 'T');
  });
});

describe('dingtalkSign: timestamp formats and errors', () => {
  test('timestamp is rendered as plain decimal milliseconds', () => {
    assert.equal(dingtalkSign('s', 1700000000123).timestamp, '1700000000123');
  });

  test('a timestamp in seconds is rejected (DingTalk wants ms)', () => {
    assert.throws(() => dingtalkSign('s', 1700000000), /milliseconds/);
  });

  test('non-integer, negative, NaN and infinite timestamps are rejected', () => {
    for (const ts of [1700000000000.5, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.throws(() => dingtalkSign('s', ts), RangeError, String(ts));
    }
  });

  test('an empty secret is rejected', () => {
    assert.throws(() => dingtalkSign('', 1700000000000), /non-empty/);
    assert.throws(() => dingtalkSignedUrl(ROBOT, '', 1700000000000), /non-empty/);
  });

  test('a different timestamp gives a different sign', () => {
    assert.notEqual(dingtalkSign('SECtest', 1700000000001).sign, VECTORS[1]!.sign);
  });

  test('a non-ASCII secret is used as UTF-8 (deterministic, base64 shaped)', () => {
    const a = dingtalkSign('SEC密钥', 1700000000000);
    assert.equal(a.sign, dingtalkSign('SEC密钥', 1700000000000).sign);
    assert.match(a.sign, /^[A-Za-z0-9+/]{43}=$/);
  });
});
