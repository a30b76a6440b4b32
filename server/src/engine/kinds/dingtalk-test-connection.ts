/**
 * `DingTalkTestConnection`: a ZStack SNSDingTalkTestConnection request, run through
 * a ZStack management node (`target.zstack`) or straight against DingTalk.
 */
import schema from '../../../../schemas/dingtalk-test-connection.schema.json';
import { type PlanBuilder, obj, str, strings } from '../actions/build/context';
import { dingtalkTestRule } from '../rules/dingtalk-test';
import { secretRule } from '../rules/secrets';
import { isPlaceholder } from '../rules/values';
import { webhookAddressRule } from '../rules/webhook-address';
import { CHANNELS } from '../webhooks/channels';
import { dingtalkMessage } from '../vendors/dingtalk';
import { zstackTestConnection } from '../vendors/zstack';
import { hasPath } from './raw-body';
import type { KindModule } from './types';

/** Through the ZStack node (`target.zstack`), or, without one, straight to DingTalk as ZStack would send it. */
function send(b: PlanBuilder): void {
  // A raw body's `$schema` associates the file with our schema; it is not part of the ZStack API body.
  const body = b.resolvedBody();
  const node = b.target('zstack');
  if (node) return zstackTestConnection(b, node, body);
  const params = obj(body['params']);
  const url = str(params['url']);
  if (!url) return b.problem('Without target.zstack the test goes straight to DingTalk and needs params.url (an endpointUuid is known only to ZStack).');
  if (isPlaceholder(url)) return b.problem(`params.url is a documentation placeholder (${url}); put the robot's webhook address there.`);
  const given = b.secret(str(params['secret']));
  const secret = given && !isPlaceholder(given) ? given : undefined;
  const text = str(params['testMsg']) ?? b.messageText();
  dingtalkMessage(b, { url, secret, secretField: params['secret'], text, at: { atMobiles: strings(params['atPersonPhoneNumbers']), isAtAll: params['atAll'] === true } });
}

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
  verbs: { send },
};
