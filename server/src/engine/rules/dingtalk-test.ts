/**
 * ZStack SNSDingTalkTestConnection: the robot is named by `url` or `endpointUuid`;
 * DingTalk only @-mentions a mobile whose `@<mobile>` is in the text; DingTalk
 * refuses messages over 20,000 bytes (errcode 460101).
 */
import { isString, nodeAt } from '../parse/tree';
import type { Rule } from './types';
import { isPlaceholder, utf8Length } from './values';

export const DINGTALK_MAX_BYTES = 20_000;

export const dingtalkTestRule: Rule = {
  codes: ['url-or-endpoint-required', 'dingtalk-mention-missing', 'message-too-long'],
  check(ctx) {
    const params = nodeAt(ctx.body, ['params']);
    if (params?.type !== 'map') return;
    const url = nodeAt(params, ['url']);
    const uuid = nodeAt(params, ['endpointUuid']);
    const present = (n: typeof url) => isString(n) && n.value.trim() !== '';
    if (!present(url) && !present(uuid)) {
      ctx.report('url-or-endpoint-required', ctx.keyAt(['params']), 'Name the DingTalk robot: set params.url (the webhook URL) or params.endpointUuid (an existing ZStack endpoint).', { path: [...ctx.resource.bodyPath, 'params'] });
    }
    const msgNode = nodeAt(params, ['testMsg']);
    const text = isString(msgNode) ? msgNode.value : undefined;
    if (text !== undefined && utf8Length(text) > DINGTALK_MAX_BYTES) {
      ctx.report('message-too-long', ctx.valueAt(['params', 'testMsg']), `params.testMsg is ${utf8Length(text)} bytes; DingTalk refuses messages over ${DINGTALK_MAX_BYTES} bytes (errcode 460101). Shorten it.`, { path: [...ctx.resource.bodyPath, 'params', 'testMsg'] });
    }
    const phones = nodeAt(params, ['atPersonPhoneNumbers']);
    if (phones?.type !== 'seq' || text === undefined || isPlaceholder(text)) return;
    phones.items.forEach((item, i) => {
      if (!isString(item) || isPlaceholder(item.value)) return;
      const mobile = item.value.trim();
      if (text.includes(`@${mobile}`)) return;
      ctx.report('dingtalk-mention-missing', ctx.valueAt(['params', 'atPersonPhoneNumbers', i]), `DingTalk only notifies ${mobile} when the text contains "@${mobile}". Add it to params.testMsg.`, {
        path: [...ctx.resource.bodyPath, 'params', 'atPersonPhoneNumbers', i],
        mobile,
        textPath: [...ctx.resource.bodyPath, 'params', 'testMsg'],
      });
    });
  },
};
