/**
 * Huawei AOM events: `starts_at` when reporting; `id` (and `ends_at`) when clearing;
 * timestamps in milliseconds; the doc's ambiguous 4,320,000 ms default timeout.
 */
import { isString, nodeAt } from '../parse/tree';
import type { Rule, RuleContext } from './types';

/** Before 1973-03-03 in ms, or a 10-digit number: almost surely seconds. */
const SECONDS_THRESHOLD = 100_000_000_000;
export const AMBIGUOUS_TIMEOUT = 4_320_000;

export const eventReportRule: Rule = {
  codes: ['starts-at-required', 'clear-requires-id', 'clear-without-ends-at', 'timestamp-in-seconds', 'ends-before-starts', 'timeout-ambiguous'],
  kinds: ['EventReport'],
  check(ctx) {
    const events = nodeAt(ctx.body, ['events']);
    if (events?.type !== 'seq') return;
    const actionNode = nodeAt(ctx.root, ['action']);
    const clearing = ctx.resource.form === 'envelope' && isString(actionNode) && actionNode.value === 'clear';
    events.items.forEach((ev, i) => {
      if (ev.type !== 'map') return;
      const at = ['events', i];
      const has = (k: string) => ev.entries.some((e) => e.key.value === k);
      const full = [...ctx.resource.bodyPath, ...at];
      if (clearing) {
        if (!has('id')) ctx.report('clear-requires-id', firstKey(ctx, at), `events[${i}] has no id: clearing needs the id AOM gave the event or alarm when it was reported.`, { path: full, property: 'id' });
        if (!has('ends_at')) ctx.report('clear-without-ends-at', firstKey(ctx, at), `events[${i}] has no ends_at: clearing will use the current time. Set ends_at (UTC epoch ms) to record when it ended.`, { path: full, property: 'ends_at' });
      } else if (!has('starts_at')) {
        ctx.report('starts-at-required', firstKey(ctx, at), `events[${i}] has no starts_at: reporting needs the time the event or alarm began (UTC epoch ms).`, { path: full, property: 'starts_at' });
      }
      for (const field of ['starts_at', 'ends_at']) {
        const v = nodeAt(ev, [field]);
        if (v?.type !== 'scalar' || typeof v.value !== 'number' || v.value === 0) continue;
        if (v.value < SECONDS_THRESHOLD) {
          const ms = v.value * 1000;
          ctx.report('timestamp-in-seconds', ctx.valueAt([...at, field]), `${field} ${v.value} looks like seconds (${new Date(ms).toISOString()} if so); AOM expects milliseconds. Use ${ms}.`, { path: [...full, field], epochMs: ms });
        }
      }
      const s = nodeAt(ev, ['starts_at']);
      const e = nodeAt(ev, ['ends_at']);
      if (s?.type === 'scalar' && e?.type === 'scalar' && typeof s.value === 'number' && typeof e.value === 'number' && e.value !== 0 && e.value < s.value) {
        ctx.report('ends-before-starts', ctx.valueAt([...at, 'ends_at']), `ends_at (${new Date(e.value).toISOString()}) is before starts_at (${new Date(s.value).toISOString()}).`, { path: [...full, 'ends_at'] });
      }
      const t = nodeAt(ev, ['timeout']);
      if (t?.type === 'scalar' && t.value === AMBIGUOUS_TIMEOUT) {
        ctx.report('timeout-ambiguous', ctx.valueAt([...at, 'timeout']), 'timeout 4320000 ms is 72 minutes. Some AOM docs call this value "3 days" (a unit slip); if you meant 3 days, use 259200000.', { path: [...full, 'timeout'], suggestion: 259_200_000 });
      }
    });
  },
};

function firstKey(ctx: RuleContext, at: (string | number)[]) {
  const node = nodeAt(ctx.body, at);
  if (node?.type === 'map' && node.entries[0]) return { start: node.entries[0].key.start, end: node.entries[0].key.end };
  return ctx.valueAt(at);
}
