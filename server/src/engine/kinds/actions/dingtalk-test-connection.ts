/**
 * What a DingTalkTestConnection does: the connection test, through a ZStack node
 * or straight to DingTalk. Kept apart from what it is
 * (../dingtalk-test-connection.ts), so that validation never loads request planning.
 */
import { type PlanBuilder, obj, str, strings } from '../../actions/build/context';
import { isPlaceholder } from '../../rules/values';
import { dingtalkMessage } from '../../vendors/dingtalk';
import { zstackTestConnection } from '../../vendors/zstack';
import { dingtalkTestConnection } from '../dingtalk-test-connection';
import type { KindActions } from '../types';

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

export const dingtalkTestConnectionActions: KindActions = { kind: dingtalkTestConnection.kind, verbs: { send } };
