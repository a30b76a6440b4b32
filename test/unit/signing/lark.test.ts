/**
 * Lark/Feishu bot signing: research.md §B vectors (hard-coded as published
 * there), the check that the first vector tells Lark and DingTalk apart, and
 * timestamp validation.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { larkSign } from '../../../server/src/engine/signing/lark';
import { dingtalkSign } from '../../../server/src/engine/signing/dingtalk';

/** research.md §B test-vector table, copied verbatim. */
const VECTORS = [
  { secret: '9RfDwbCf5MqJ54F8FUktw', timestampSec: 1584532800, sign: 'YftbIE5F81bUnsLwj5Av5Ahfxsa/71+f4Th4tPR7GaA=' },
  { secret: 'demo', timestampSec: 1599360473, sign: 'l1N0gAcBjdwBvGm1xMjOF0XSyaLRpR7tuO5dHfhAYc8=' },
  { secret: 'abc123', timestampSec: 1700000000, sign: 'J0suvZQ7pBIXibHw5hyQvuZiXVa3ct5lilLN472FoLk=' },
];

/** research.md §B: "With the DingTalk algorithm it gives …" for the first row. */
const DINGTALK_ALGORITHM_ON_ROW_1 = 'D61k7MZN8EyWHqcsxrGIBPKPw6DgpnS+XKLlW7odrnQ=';

describe('larkSign: research.md vectors', () => {
  for (const v of VECTORS) {
    test(`secret=${JSON.stringify(v.secret)} ts=${v.timestampSec}`, () => {
      assert.deepEqual(larkSign(v.secret, v.timestampSec), { timestamp: String(v.timestampSec), sign: v.sign });
    });
  }

  test('the sign is not URL-encoded (it goes into the JSON body)', () => {
    const { sign } = larkSign(VECTORS[0]!.secret, VECTORS[0]!.timestampSec);
    assert.ok(sign.includes('/') && sign.includes('+'), 'row 1 contains raw + and /');
    assert.ok(!sign.includes('%'));
  });
});

describe('Lark vs DingTalk algorithm (row 1 tells them apart)', () => {
  const { secret, timestampSec, sign } = VECTORS[0]!;

  test('HMAC(key=secret, msg=ts\\nsecret), the DingTalk recipe, gives the value research.md quotes', () => {
    // Written out with node:crypto: dingtalkSign() refuses a seconds timestamp.
    const dingStyle = createHmac('sha256', secret).update(`${timestampSec}\n${secret}`).digest('base64');
    assert.equal(dingStyle, DINGTALK_ALGORITHM_ON_ROW_1);
    assert.notEqual(larkSign(secret, timestampSec).sign, DINGTALK_ALGORITHM_ON_ROW_1);
    assert.equal(larkSign(secret, timestampSec).sign, sign);
  });

  test('our DingTalk signer is the other algorithm: on the same numbers it differs from Lark', () => {
    // Same digits read as milliseconds so dingtalkSign accepts them.
    const ms = timestampSec * 1000;
    const ding = dingtalkSign(secret, ms).sign;
    const larkRecipeOnMs = createHmac('sha256', `${ms}\n${secret}`).update('').digest('base64');
    assert.notEqual(ding, larkRecipeOnMs);
    assert.equal(ding, createHmac('sha256', secret).update(`${ms}\n${secret}`).digest('base64'));
  });
});

describe('larkSign: timestamp formats and errors', () => {
  test('timestamp is rendered as plain decimal seconds', () => {
    assert.equal(larkSign('s', 1700000000).timestamp, '1700000000');
    assert.equal(larkSign('s', 0).timestamp, '0');
  });

  test('a timestamp in milliseconds is rejected (Lark wants seconds)', () => {
    assert.throws(() => larkSign('s', 1700000000000), /seconds/);
  });

  test('non-integer, negative, NaN and infinite timestamps are rejected', () => {
    for (const ts of [1700000000.5, -1, Number.NaN, Number.NEGATIVE_INFINITY]) {
      assert.throws(() => larkSign('s', ts), RangeError, String(ts));
    }
  });

  test('an empty secret is rejected', () => {
    assert.throws(() => larkSign('', 1700000000), /non-empty/);
  });

  test('a different timestamp or secret gives a different sign', () => {
    assert.notEqual(larkSign('abc123', 1700000001).sign, VECTORS[2]!.sign);
    assert.notEqual(larkSign('abc124', 1700000000).sign, VECTORS[2]!.sign);
  });
});
