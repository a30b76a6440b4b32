/**
 * Real plans from the engine for the reliability tests: the resources of each kind
 * with their endpoints pointed at a given base URL, planned with fixed credentials
 * and secrets, as the CLI and the server plan them.
 */
import assert from 'node:assert/strict';
import { type ActionName, type Channel, type PlannedRequest, actionableResources, mergeSettings, planAction, validateText } from '../../server/src/engine/index';
import type { ActionPlan } from '../../server/src/engine/actions/build/context';
import { alarmCallbackYaml } from '../helpers/resources';

export const PROJECT = '24edf66e79d04187acb99a463e610764';

export const SECRETS: Record<string, string> = {
  DINGTALK_TOKEN: 'relDingTalkToken0001abcdef',
  'sre-dingtalk-secret': 'SECrelDingTalkSecret0002+/=',
  'sre-lark-hook': 'rel-lark-hook-0003-abcdef',
  'sre-lark-secret': 'relLarkSecret0004abcdef',
  'sre-wecom-key': 'rel-wecom-key-0005-abcdef',
  'sre-webhook-token': 'relWebhookToken0006abcdef',
  'ops-dingtalk-secret': 'SECrelOpsSecret0007abcdef',
  'alarm-password': 'relAlarmPassword0008',
};
export const CREDENTIALS = { huaweiAk: 'HWAKRELIABILITY00001', huaweiSk: 'relHuaweiSk0009abcdef', huaweiToken: 'relHuaweiIamToken0010abcdef', volcAk: 'AKLTreliability0001', volcSk: 'relVolcSk0011abcdef==', zstack: 'relzstacksession0012abcdef' };

export interface Bases {
  dingtalk?: string;
  lark?: string;
  wecom?: string;
  webhook?: string;
  volcengine?: string;
  huawei?: string;
  zstack?: string;
  tencent?: string;
}

const DEFAULT = 'http://127.0.0.1:9';

export function contact(b: Bases): string {
  return `apiVersion: alertcfg/v1
kind: Contact
metadata:
  name: sre-oncall
target:
  region: cn-beijing
  endpoint: ${b.volcengine ?? DEFAULT}
spec:
  Name: sre-oncall
  Email: sre@example.com
  DingTalkBotWebhook:
    Address: ${b.dingtalk ?? DEFAULT}/robot/send?access_token=\${env:DINGTALK_TOKEN}
    SecretKey: \${secret:sre-dingtalk-secret}
  LarkBotWebhook:
    Address: ${b.lark ?? DEFAULT}/open-apis/bot/v2/hook/\${secret:sre-lark-hook}
    SecretKey: \${secret:sre-lark-secret}
  WeComBotWebhook:
    Address: ${b.wecom ?? DEFAULT}/cgi-bin/webhook/send?key=\${secret:sre-wecom-key}
  Webhook:
    Address: ${b.webhook ?? DEFAULT}/hooks/vmp
    Token: \${secret:sre-webhook-token}
`;
}

export function events(b: Bases, clear = false): string {
  return `apiVersion: alertcfg/v1
kind: EventReport
metadata:
  name: disk-full
target:
  region: cn-north-4
  projectId: ${PROJECT}
  endpoint: ${b.huawei ?? DEFAULT}
${clear ? 'action: clear\n' : ''}spec:
  events:
    - id: "6d7c5d8a-disk-full-ecs-0123"
      starts_at: 1716188400000
      ends_at: 1716192000000
      metadata:
        event_name: disk-full
        event_severity: Major
        event_type: alarm
        resource_provider: ecs
        resource_type: vm
        resource_id: ecs-0123
`;
}

export function keyOperations(b: Bases): string {
  return `apiVersion: alertcfg/v1
kind: KeyOperationNotification
metadata:
  name: all-key-operations
target:
  region: cn-north-7
  projectId: ${PROJECT}
  endpoint: ${b.huawei ?? DEFAULT}
spec:
  notification_name: all-key-operations
  operation_type: complete
  topic_id: urn:smn:cn-north-7:${PROJECT}:sre
`;
}

export function zstack(b: Bases): string {
  return `apiVersion: alertcfg/v1
kind: DingTalkTestConnection
metadata:
  name: ops-robot
target:
  zstack: ${b.zstack ?? DEFAULT}
spec:
  params:
    testMsg: "alertcfg connection test @13800000000"
    url: ${b.dingtalk ?? DEFAULT}/robot/send?access_token=\${env:DINGTALK_TOKEN}
    secret: \${secret:ops-dingtalk-secret}
    atPersonPhoneNumbers: ["13800000000"]
`;
}

export function alarm(b: Bases): string {
  const u = new URL(b.tencent ?? DEFAULT);
  return alarmCallbackYaml(`${u.protocol}//alice:\${secret:alarm-password}@${u.host}/tencent/alarm`);
}

/** Environment of a CLI user: every reference and credential set. */
export function environment(huawei: 'aksk' | 'token' = 'aksk'): Record<string, string> {
  const env: Record<string, string> = { DINGTALK_TOKEN: SECRETS['DINGTALK_TOKEN']! };
  for (const [k, v] of Object.entries(SECRETS)) if (k !== 'DINGTALK_TOKEN') env[`ALERTCFG_SECRET_${k.toUpperCase().replace(/[-.]/g, '_')}`] = v;
  Object.assign(env, { VOLCENGINE_ACCESS_KEY: CREDENTIALS.volcAk, VOLCENGINE_SECRET_KEY: CREDENTIALS.volcSk, ZSTACK_SESSION_UUID: CREDENTIALS.zstack });
  if (huawei === 'aksk') Object.assign(env, { HUAWEICLOUD_SDK_AK: CREDENTIALS.huaweiAk, HUAWEICLOUD_SDK_SK: CREDENTIALS.huaweiSk });
  else env['HUAWEICLOUD_SDK_TOKEN'] = CREDENTIALS.huaweiToken;
  return env;
}

/** Every secret and credential value, to look for in output. */
export const ALL_SECRETS: string[] = [...Object.values(SECRETS), CREDENTIALS.huaweiSk, CREDENTIALS.huaweiToken, CREDENTIALS.volcSk, CREDENTIALS.zstack];

const secrets = { env: (n: string) => (n === 'DINGTALK_TOKEN' ? SECRETS['DINGTALK_TOKEN'] : undefined), secret: (n: string) => SECRETS[n] };
const STORED: Record<string, Record<string, string>> = {
  huawei: { ak: CREDENTIALS.huaweiAk, sk: CREDENTIALS.huaweiSk },
  volcengine: { accessKeyId: CREDENTIALS.volcAk, secretAccessKey: CREDENTIALS.volcSk },
  zstack: { session: CREDENTIALS.zstack },
};
const credentials = { get: (provider: string) => STORED[provider] };

/** The plan of an action on the (only) resource of a text; asserts it has no problems. */
export function plan(text: string, action: ActionName, channel?: Channel): ActionPlan {
  const settings = mergeSettings();
  const file = validateText(text, { format: 'yaml', settings });
  const [t] = actionableResources(file);
  assert.ok(t, 'a resource');
  const p = planAction({ action, kind: t.kind, body: t.body, envelope: t.envelope, now: new Date('2024-05-20T07:00:00Z'), settings, secrets, credentials, ...(channel ? { channel } : {}) });
  assert.deepEqual(p.problems, []);
  return p;
}

/** The one request of a plan. */
export function request(text: string, action: ActionName, channel?: Channel): PlannedRequest {
  const p = plan(text, action, channel);
  assert.equal(p.requests.length, 1);
  return p.requests[0]!;
}
