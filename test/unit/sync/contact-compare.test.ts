/**
 * The Contact comparison rules (docs/sync.md), on the kind's `compare` alone:
 * Name, Email and ContactGroupIds (a set; only when the repository sets them),
 * channel blocks with an empty Address the same as none, At-lists as sets,
 * addresses with an unset token compared as a shape, and the secret rules:
 * a secret the cloud returns is compared and printed masked, one it does not
 * return (masked, left out) is "not readable", never a change.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Masker } from '../../../server/src/engine/actions/mask';
import { contactSync } from '../../../server/src/engine/kinds/actions/contact-sync';
import { unresolvedPaths } from '../../../server/src/engine/sync/compare';
import type { LiveResource } from '../../../server/src/engine/sync/types';

function compare(desired: Record<string, unknown>, live: Record<string, unknown>, secretsPlain = true) {
  return contactSync.compare(desired, { id: 'id-1', name: String(live['Name']), body: live } as LiveResource, { unresolved: unresolvedPaths(desired), masker: new Masker(), secretsPlain });
}

const DT = 'https://oapi.dingtalk.com/robot/send?access_token=liveToken123456';

describe('Contact compare', () => {
  test('equal bodies: nothing differs; an empty channel block is the same as none; list order does not matter', () => {
    const live = { Name: 'a', Email: 'a@x.com', ContactGroupIds: ['g2', 'g1'], LarkBotWebhook: { Address: '', SecretKey: '' }, DingTalkBotWebhook: { Address: DT, SecretKey: 'SECsame0000001', AtMobiles: ['2', '1'], AtUserIds: [] } };
    const desired = { Name: 'a', Email: 'a@x.com', ContactGroupIds: ['g1', 'g2'], DingTalkBotWebhook: { Address: DT, SecretKey: 'SECsame0000001', AtMobiles: ['1', '2'] } };
    assert.deepEqual(compare(desired, live), { fields: [], secrets: [] });
  });

  test('Email, ContactGroupIds and PhoneNumber are compared only when the repository sets them', () => {
    const live = { Name: 'a', Email: 'console@x.com', ContactGroupIds: ['g1'], PhoneNumber: { CountryCode: '+86', Number: '13800000000' } };
    assert.deepEqual(compare({ Name: 'a' }, live).fields, []);
    assert.deepEqual(compare({ Name: 'a', Email: 'repo@x.com', ContactGroupIds: [], PhoneNumber: { CountryCode: '+86', Number: '13900000000' } }, live).fields, [
      { path: 'Email', live: 'console@x.com', desired: 'repo@x.com' },
      { path: 'ContactGroupIds', live: ['g1'] },
      { path: 'PhoneNumber', live: { CountryCode: '+86', Number: '13800000000' }, desired: { CountryCode: '+86', Number: '13900000000' } },
    ]);
  });

  test('a channel only on one side: each of its fields differs; the URL token and secret are masked', () => {
    const r = compare({ Name: 'a' }, { Name: 'a', DingTalkBotWebhook: { Address: DT, SecretKey: 'SEClive0000000001', AtMobiles: ['1'], AtUserIds: [] } });
    assert.deepEqual(r.fields, [
      { path: 'DingTalkBotWebhook.Address', live: 'https://oapi.dingtalk.com/robot/send?access_token=liv****56' },
      { path: 'DingTalkBotWebhook.SecretKey', live: 'SEC****01' },
      { path: 'DingTalkBotWebhook.AtMobiles', live: ['1'] },
    ]);
    assert.doesNotMatch(JSON.stringify(r), /liveToken123456|SEClive0000000001/);
  });

  test('secrets: returned → compared (masked); masked or left out → not readable, never a change', () => {
    const desired = { Name: 'a', Webhook: { Address: 'https://h.example.com/x', Token: 'desiredToken0001' } };
    assert.deepEqual(compare(desired, { Name: 'a', Webhook: { Address: 'https://h.example.com/x', Token: 'otherToken00002' } }).fields, [{ path: 'Webhook.Token', live: 'oth****02', desired: 'des****01' }]);
    for (const token of ['******', undefined]) {
      const r = compare(desired, { Name: 'a', Webhook: { Address: 'https://h.example.com/x', ...(token !== undefined ? { Token: token } : {}) } });
      assert.deepEqual(r, { fields: [], secrets: [{ path: 'Webhook.Token', state: 'unreadable' }] }, String(token));
    }
    // Empty: really empty where the answers show secrets in plain text; otherwise not readable.
    const empty = { Name: 'a', Webhook: { Address: 'https://h.example.com/x', Token: '' } };
    assert.deepEqual(compare(desired, empty, true).fields, [{ path: 'Webhook.Token', desired: 'des****01' }]);
    assert.deepEqual(compare(desired, empty, false), { fields: [], secrets: [{ path: 'Webhook.Token', state: 'unreadable' }] });
    // Not wanted, but the cloud holds one (even masked): a difference.
    assert.deepEqual(compare({ Name: 'a', Webhook: { Address: 'https://h.example.com/x' } }, { Name: 'a', Webhook: { Address: 'https://h.example.com/x', Token: '******' } }).fields, [{ path: 'Webhook.Token', live: '(set; not readable)' }]);
  });

  test('a reference not set here: not compared; an address with one is compared as a shape (a changed host is still seen)', () => {
    const desired = { Name: 'a', DingTalkBotWebhook: { Address: 'https://oapi.dingtalk.com/robot/send?access_token=${secret:a-dt-token}', SecretKey: '${secret:a-dt-secret}' } };
    const same = { Name: 'a', DingTalkBotWebhook: { Address: DT, SecretKey: 'SEClive0000000001' } };
    assert.deepEqual(compare(desired, same), { fields: [], secrets: [{ path: 'DingTalkBotWebhook.Address', state: 'unset' }, { path: 'DingTalkBotWebhook.SecretKey', state: 'unset' }] });
    const moved = { Name: 'a', DingTalkBotWebhook: { Address: 'https://evil.example.com/robot/send?access_token=liveToken123456', SecretKey: 'SEClive0000000001' } };
    const r = compare(desired, moved);
    assert.deepEqual(r.fields, [{ path: 'DingTalkBotWebhook.Address', live: 'https://evil.example.com/robot/send?access_token=liv****56', desired: 'https://oapi.dingtalk.com/robot/send?access_token=${secret:a-dt-token}' }]);
  });

  test('an address whose token the cloud returns masked: the rest is compared, the token is not readable', () => {
    const desired = { Name: 'a', WeComBotWebhook: { Address: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k-123456789' } };
    assert.deepEqual(compare(desired, { Name: 'a', WeComBotWebhook: { Address: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=******', AtUserIds: [] } }), { fields: [], secrets: [{ path: 'WeComBotWebhook.Address', state: 'unreadable' }] });
    assert.equal(compare(desired, { Name: 'a', WeComBotWebhook: { Address: 'https://other.example.com/cgi-bin/webhook/send?key=******' } }).fields.length, 1);
  });
});
