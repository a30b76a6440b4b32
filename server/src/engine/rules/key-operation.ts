/**
 * Huawei CTS key operation notifications: `complete` ignores `operations` and
 * `notify_user_list`; `customized` needs `operations`; at most 50 users across the
 * user groups; the `topic_id` URN's region agrees with the target's.
 */
import { isString, nodeAt } from '../parse/tree';
import type { Rule } from './types';

export const MAX_NOTIFY_USERS = 50;

export const keyOperationRule: Rule = {
  codes: ['complete-ignores-field', 'operations-required', 'notify-users-limit', 'topic-region-mismatch'],
  check(ctx) {
    const body = ctx.body;
    if (body?.type !== 'map') return;
    const bp = ctx.resource.bodyPath;
    const type = nodeAt(body, ['operation_type']);
    if (isString(type) && type.value === 'complete') {
      for (const field of ['operations', 'notify_user_list']) {
        if (!body.entries.some((e) => e.key.value === field)) continue;
        ctx.report('complete-ignores-field', ctx.keyAt([field]), `With operation_type "complete", CTS notifies on every event and does not use ${field}. Remove it, or use operation_type "customized".`, { path: [...bp, field], property: field });
      }
    }
    if (isString(type) && type.value === 'customized') {
      const ops = nodeAt(body, ['operations']);
      if (!ops || (ops.type === 'seq' && ops.items.length === 0)) {
        // An empty list is the bad value; a missing one is asked for by operation_type.
        ctx.report('operations-required', ctx.valueAt([ops ? 'operations' : 'operation_type']), 'With operation_type "customized", list the events to notify on in operations (service_type, resource_type, trace_names).', { path: [...bp, 'operations'] });
      }
    }
    const users = nodeAt(body, ['notify_user_list']);
    if (users?.type === 'seq') {
      let total = 0;
      for (const g of users.items) {
        const list = nodeAt(g, ['user_list']);
        if (list?.type === 'seq') total += list.items.length;
      }
      if (total > MAX_NOTIFY_USERS) {
        ctx.report('notify-users-limit', ctx.keyAt(['notify_user_list']), `notify_user_list names ${total} users; CTS supports at most ${MAX_NOTIFY_USERS} users (and 10 user groups). Remove some.`, { path: [...bp, 'notify_user_list'], total });
      }
    }
    const topic = nodeAt(body, ['topic_id']);
    const region = nodeAt(ctx.root, ['target', 'region']);
    if (isString(topic) && isString(region) && ctx.resource.form === 'envelope') {
      const urnRegion = /^urn:(?:smn|fss):([^:]+):/.exec(topic.value)?.[1];
      if (urnRegion && urnRegion !== region.value) {
        ctx.report('topic-region-mismatch', ctx.valueAt(['topic_id']), `topic_id is in region ${urnRegion} but target.region is ${region.value}; CTS can only use a topic or function of its own region.`, { path: [...bp, 'topic_id'], urnRegion, region: region.value });
      }
    }
  },
};
