/**
 * Every semantic rule of a single resource. Workspace-wide rules (names shared
 * across files) live in workspace.ts.
 */
import type { Kind } from '../model/kinds';
import { alarmCallbackRule } from './alarm-callback';
import { dingtalkTestRule } from './dingtalk-test';
import { eventReportRule } from './event-report';
import { keyOperationRule } from './key-operation';
import { secretRule } from './secrets';
import type { Rule } from './types';
import { webhookAddressRule } from './webhook-address';

export const RULES: readonly Rule[] = [secretRule, webhookAddressRule, dingtalkTestRule, keyOperationRule, eventReportRule, alarmCallbackRule];

const byKind = new Map<Kind, Rule[]>();
export function rulesFor(kind: Kind): readonly Rule[] {
  let list = byKind.get(kind);
  if (!list) {
    list = RULES.filter((r) => r.kinds.includes(kind));
    byKind.set(kind, list);
  }
  return list;
}
