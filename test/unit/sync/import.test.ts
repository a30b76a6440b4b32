/**
 * Import round trip: live resources become envelope files with every secret as a
 * `${secret:…}` reference (URLs keep their shape around the token); the files
 * validate without a finding, hold no secret, and a plan of them reports only
 * `noop` (and the references not set yet, or the secrets the API does not return).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Masker } from '../../../server/src/engine/actions/mask';
import { validateText } from '../../../server/src/engine/validate';
import { importedFiles } from '../../../server/src/engine/sync/import';
import { planSync } from '../../../server/src/engine/sync/plan';
import { readScope, scopeOf } from '../../../server/src/engine/sync/read';
import { startVolcengine } from '../../standins/volcengine';
import { startHuawei } from '../../standins/huawei';
import { HW_AK, HW_SK, PROJECT, VOLC_AK, VOLC_SK, context, desired, keep, runtime } from './helpers';

const SECRETS = ['tokDingTalk0001', 'SECdingTalkSecret0002', 'larkHookToken0003', 'larkSecret0004', 'wecomKey0005', 'webhookToken0006'];

async function imported(kind: string, target: Record<string, string>, nameGlob?: string) {
  const ctx = context();
  const { scope } = scopeOf(ctx, { kind, body: {}, envelope: { target } });
  const read = await readScope(ctx, runtime(), scope!, new Masker());
  assert.equal(read.problem, undefined);
  return importedFiles(kind, read.items, { target, source: 'the stand-in', ...(nameGlob ? { nameGlob } : {}) });
}

describe('import', () => {
  for (const secrets of ['plain', 'masked', 'omitted'] as const) {
    test(`Contact, secrets ${secrets}: references for every secret, clean files, then a plan of only noop`, async () => {
      const vc = await keep(startVolcengine({ accessKeyId: VOLC_AK, secretAccessKey: VOLC_SK, secrets }));
      vc.addContact({
        Name: 'sre-oncall',
        Email: 'sre@example.com',
        ContactGroupIds: ['f9626b5a-0c9e-420e-b6e5-4c66b84f080d'],
        DingTalkBotWebhook: { Address: `https://oapi.dingtalk.com/robot/send?access_token=${SECRETS[0]}`, SecretKey: SECRETS[1], AtMobiles: ['13800000000'] },
        LarkBotWebhook: { Address: `https://open.feishu.cn/open-apis/bot/v2/hook/${SECRETS[2]}`, SecretKey: SECRETS[3] },
        WeComBotWebhook: { Address: `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${SECRETS[4]}`, AtUserIds: ['zhangsan'] },
        Webhook: { Address: 'https://hooks.example.com/alert', Token: SECRETS[5] },
      });
      vc.addContact({ Name: '值班', Email: 'duty@example.com' });
      vc.addContact({ Name: 'other' });
      const files = await imported('Contact', { region: 'cn-beijing', endpoint: vc.url });
      assert.deepEqual(files.map((f) => f.fileName), ['other.yaml', 'sre-oncall.yaml', '值班.yaml']);
      const sre = files.find((f) => f.name === 'sre-oncall')!;
      for (const s of SECRETS) for (const f of files) assert.ok(!f.text.includes(s), `${s} in ${f.fileName}`);
      assert.match(sre.text, /access_token=\$\{secret:sre-oncall-dingtalk-token\}/);
      assert.match(sre.text, /\/open-apis\/bot\/v2\/hook\/\$\{secret:sre-oncall-lark-hook\}/);
      assert.match(sre.text, /key=\$\{secret:sre-oncall-wecom-key\}/);
      const named = sre.secrets.map((s) => `${s.path} ${s.reference} ${s.variable}`);
      if (secrets === 'omitted') {
        // Only the URL tokens are known to exist; the file says which secrets the API does not return.
        assert.deepEqual(named, ['LarkBotWebhook.Address ${secret:sre-oncall-lark-hook} ALERTCFG_SECRET_SRE_ONCALL_LARK_HOOK', 'DingTalkBotWebhook.Address ${secret:sre-oncall-dingtalk-token} ALERTCFG_SECRET_SRE_ONCALL_DINGTALK_TOKEN', 'WeComBotWebhook.Address ${secret:sre-oncall-wecom-key} ALERTCFG_SECRET_SRE_ONCALL_WECOM_KEY']);
        assert.equal(sre.notes.length, 3);
        assert.match(sre.text, /^# Volcengine does not return DingTalkBotWebhook\.SecretKey: if the channel has one, add SecretKey: \$\{secret:sre-oncall-dingtalk-secret\}/m);
      } else {
        assert.equal(named.length, 6);
        assert.ok(named.includes('DingTalkBotWebhook.SecretKey ${secret:sre-oncall-dingtalk-secret} ALERTCFG_SECRET_SRE_ONCALL_DINGTALK_SECRET'));
        assert.match(sre.text, /^#   sre-oncall-webhook-token \(Webhook\.Token\): ALERTCFG_SECRET_SRE_ONCALL_WEBHOOK_TOKEN$/m);
      }
      for (const f of files) assert.deepEqual(validateText(f.text, { format: 'yaml' }).findings.map((x) => `${x.code} ${x.message}`), [], f.fileName);
      const plan = await planSync(desired(Object.fromEntries(files.map((f) => [f.fileName, f.text]))), context(), runtime());
      assert.deepEqual(plan.summary, { create: 0, update: 0, delete: 0, noop: 3, unmanaged: 0 });
      const notes = plan.changes.find((c) => c.name === 'sre-oncall')!.secrets;
      assert.ok(notes.length >= 3 && notes.every((n) => n.state === 'unset' || n.state === 'unreadable'));
    });
  }

  test('--name picks by glob; KeyOperationNotification: smn and fun, disabled and complete, round trip to noop', async () => {
    const hw = await keep(startHuawei({ projectId: PROJECT, aksk: { ak: HW_AK, sk: HW_SK } }));
    hw.addNotification({ notification_name: 'gitops_watch', operation_type: 'customized', operations: [{ service_type: 'ECS', resource_type: 'ecs', trace_names: ['createServer'] }], notify_user_list: [{ user_group: 'ops', user_list: ['u1'] }], topic_id: `urn:smn:cn-north-4:${PROJECT}:t`, filter: { condition: 'AND', is_support_filter: true, rule: ['code = 400'] }, agency_name: 'cts_admin_trust' });
    hw.addNotification({ notification_name: 'gitops_quiet', operation_type: 'complete', operations: [], status: 'disabled' });
    hw.addNotification({ notification_name: 'gitops_fn', operation_type: 'complete', topic_id: `urn:fss:cn-north-4:${PROJECT}:function:default:fn:latest` });
    hw.addNotification({ notification_name: 'manual', operation_type: 'complete' });
    const target = { region: 'cn-north-4', projectId: PROJECT, endpoint: hw.url };
    const files = await imported('KeyOperationNotification', target, 'gitops_*');
    assert.deepEqual(files.map((f) => f.name), ['gitops_fn', 'gitops_quiet', 'gitops_watch']);
    assert.match(files[1]!.text, /^ {2}status: disabled$/m);
    assert.doesNotMatch(files[1]!.text, /operations/);
    for (const f of files) assert.deepEqual(validateText(f.text, { format: 'yaml' }).findings.map((x) => `${x.code} ${x.message}`), [], f.fileName);
    const plan = await planSync(desired(Object.fromEntries(files.map((f) => [f.fileName, f.text]))), context(), runtime());
    assert.deepEqual(plan.summary, { create: 0, update: 0, delete: 0, noop: 3, unmanaged: 1 });
  });
});
