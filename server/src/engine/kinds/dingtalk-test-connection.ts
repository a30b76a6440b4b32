/**
 * `DingTalkTestConnection`: a ZStack SNSDingTalkTestConnection request, run through
 * a ZStack management node (`target.zstack`) or straight against DingTalk.
 */
import schema from '../../../../schemas/dingtalk-test-connection.schema.json';
import { dingtalkTestRule } from '../rules/dingtalk-test';
import { secretRule } from '../rules/secrets';
import { webhookAddressRule } from '../rules/webhook-address';
import { CHANNELS } from '../webhooks/channels';
import { hasPath } from './raw-body';
import type { KindModule } from './types';

export const dingtalkTestConnection: KindModule = {
  kind: 'DingTalkTestConnection',
  title: 'DingTalk connection test',
  vendor: 'ZStack SNSDingTalkTestConnection',
  summary: { en: 'ZStack DingTalk robot connection test (SNSDingTalkTestConnection).', zh: 'ZStack 钉钉机器人连通性测试（SNSDingTalkTestConnection）。' },
  schemaFile: 'dingtalk-test-connection.schema.json',
  schema,
  target: schema['x-target'],
  rules: [
    secretRule([
      { path: ['params', 'secret'], name: 'dingtalk-secret' },
      { path: ['params', 'url'], url: { param: CHANNELS.dingtalk.tokenParam }, name: 'dingtalk-token' },
    ]),
    webhookAddressRule([[['params', 'url'], CHANNELS.dingtalk]]),
    dingtalkTestRule,
  ],
  template: { target: {} },
  rawBody: { words: ['testMsg'], keys: (r) => (hasPath(r, 'params', 'testMsg') ? ['params.testMsg'] : undefined), folder: 'dingtalk' },
  actions: () => ['send'],
};
