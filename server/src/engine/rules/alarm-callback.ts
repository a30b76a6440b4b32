/**
 * Tencent Cloud alarm callbacks: a recovered alarm (alarmStatus 0) recovers after
 * it first occurred.
 */
import { isString, nodeAt } from '../parse/tree';
import type { Rule } from './types';

export const alarmCallbackRule: Rule = {
  codes: ['recover-before-first-occur'],
  kinds: ['AlarmCallback'],
  check(ctx) {
    const first = nodeAt(ctx.body, ['firstOccurTime']);
    const recover = nodeAt(ctx.body, ['recoverTime']);
    if (!isString(first) || !isString(recover) || recover.value === '0') return;
    // Both are "YYYY-MM-DD HH:mm:ss" in the same zone, so they compare as text.
    const shape = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
    if (shape.test(first.value) && shape.test(recover.value) && recover.value < first.value) {
      ctx.report('recover-before-first-occur', ctx.valueAt(['recoverTime']), `recoverTime ${recover.value} is before firstOccurTime ${first.value}.`, { path: [...ctx.resource.bodyPath, 'recoverTime'] });
    }
  },
};
