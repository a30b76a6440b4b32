/**
 * Tencent Cloud alarm callbacks:
 * - the fields Tencent always sends are expected (`expected-property`, a warning:
 *   a receiver is often tested with a minimal payload);
 * - the 2018 doc's braces put `firstOccurTime`, `durationTime` and `recoverTime`
 *   inside `alarmPolicyInfo`, while Tencent sends them at the top level; both are
 *   accepted, the doc's nesting with a note (`callback-time-nested`);
 * - a recovered alarm recovers after it first occurred.
 */
import { type Node, isString, nodeAt } from '../parse/tree';
import { hasKey, reportExpected } from './expected';
import type { Rule, RuleContext } from './types';

/** The time fields the 2018 doc nests in alarmPolicyInfo. */
export const CALLBACK_TIME_FIELDS = ['firstOccurTime', 'durationTime', 'recoverTime'] as const;
const POLICY = 'alarmPolicyInfo';

export const alarmCallbackRule: Rule = {
  codes: ['expected-property', 'callback-time-nested', 'recover-before-first-occur'],
  check(ctx) {
    reportExpected(ctx, {
      sender: 'Tencent',
      foundElsewhere: (path, name) => path.length === 0 && (CALLBACK_TIME_FIELDS as readonly string[]).includes(name) && hasKey(ctx.body, [POLICY], name),
    });
    const nested = CALLBACK_TIME_FIELDS.filter((f) => hasKey(ctx.body, [POLICY], f));
    if (nested.length) {
      const list = nested.join(', ');
      ctx.report('callback-time-nested', ctx.keyAt([POLICY, nested[0]!]), `${list} ${nested.length === 1 ? 'is' : 'are'} inside alarmPolicyInfo, as the 2018 doc's braces put ${nested.length === 1 ? 'it' : 'them'}; Tencent sends ${nested.length === 1 ? 'it' : 'them'} at the top level of the payload. Replay sends the payload as written.`, {
        path: [...ctx.resource.bodyPath, POLICY],
        fields: nested,
      });
    }
    checkRecovery(ctx);
  },
};

/** A time field where the payload has it: the top level, else inside alarmPolicyInfo. */
function timeField(ctx: RuleContext, name: string): { node: Node | undefined; path: string[] } {
  const top = nodeAt(ctx.body, [name]);
  if (top) return { node: top, path: [name] };
  return { node: nodeAt(ctx.body, [POLICY, name]), path: [POLICY, name] };
}

function checkRecovery(ctx: RuleContext): void {
  const first = timeField(ctx, 'firstOccurTime');
  const recover = timeField(ctx, 'recoverTime');
  if (!isString(first.node) || !isString(recover.node) || recover.node.value === '0') return;
  // Both are "YYYY-MM-DD HH:mm:ss" in the same zone, so they compare as text.
  const shape = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
  if (shape.test(first.node.value) && shape.test(recover.node.value) && recover.node.value < first.node.value) {
    ctx.report('recover-before-first-occur', ctx.valueAt(recover.path), `recoverTime ${recover.node.value} is before firstOccurTime ${first.node.value}.`, { path: [...ctx.resource.bodyPath, ...recover.path] });
  }
}
