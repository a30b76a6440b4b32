/**
 * Huawei AOM events: `starts_at` (and, for alarms, `timeout`) when reporting; `id`
 * and a real `ends_at` (not 0, not before `starts_at`) when clearing; timestamps in
 * milliseconds; the doc's ambiguous 4,320,000 ms default timeout.
 */
import { type Node, isString, nodeAt } from '../parse/tree';
import type { Rule, RuleContext } from './types';

/** Before 1973-03-03 in ms, or a 10-digit number: almost surely seconds. */
const SECONDS_THRESHOLD = 100_000_000_000;
export const AMBIGUOUS_TIMEOUT = 4_320_000;
/** What AOM uses when `timeout` is left out: alarms are cleared after five days. */
export const DEFAULT_TIMEOUT = 5 * 24 * 60 * 60 * 1000;

export const eventReportRule: Rule = {
  codes: ['starts-at-required', 'clear-requires-id', 'clear-without-ends-at', 'clear-ends-at-zero', 'clear-ends-before-starts', 'timeout-missing', 'timestamp-in-seconds', 'ends-before-starts', 'timeout-ambiguous'],
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
        const endsAt = nodeAt(ev, ['ends_at']);
        if (endsAt?.type === 'scalar' && endsAt.value === 0) {
          ctx.report('clear-ends-at-zero', ctx.valueAt([...at, 'ends_at']), `events[${i}].ends_at is 0, which AOM reads as "not cleared": this clear would not clear the alarm. Set ends_at to the time it ended (UTC epoch ms), or remove it to use the current time.`, { path: [...full, 'ends_at'] });
        }
      } else {
        if (!has('starts_at')) ctx.report('starts-at-required', firstKey(ctx, at), `events[${i}] has no starts_at: reporting needs the time the event or alarm began (UTC epoch ms).`, { path: full, property: 'starts_at' });
        if (!has('timeout') && isAlarm(ev)) {
          ctx.report('timeout-missing', firstKey(ctx, at), `events[${i}] reports an alarm without timeout: AOM then clears it automatically after five days (${DEFAULT_TIMEOUT} ms). Set timeout (ms, at most 15 days) to say when it should clear.`, { path: full, property: 'timeout', value: DEFAULT_TIMEOUT });
        }
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
        const when = `ends_at (${new Date(e.value).toISOString()}) is before starts_at (${new Date(s.value).toISOString()})`;
        if (clearing) ctx.report('clear-ends-before-starts', ctx.valueAt([...at, 'ends_at']), `${when}: a clear cannot end an alarm before it began. Set ends_at to a time after starts_at.`, { path: [...full, 'ends_at'] });
        else ctx.report('ends-before-starts', ctx.valueAt([...at, 'ends_at']), `${when}.`, { path: [...full, 'ends_at'] });
      }
      const t = nodeAt(ev, ['timeout']);
      if (t?.type === 'scalar' && t.value === AMBIGUOUS_TIMEOUT) {
        ctx.report('timeout-ambiguous', ctx.valueAt([...at, 'timeout']), 'timeout 4320000 ms is 72 minutes. Some AOM docs call this value "3 days" (a unit slip); if you meant 3 days, use 259200000.', { path: [...full, 'timeout'], suggestion: 259_200_000 });
      }
    });
  },
};

/** An alarm (event_type alarm), which AOM clears; plain events are not cleared. */
function isAlarm(ev: Node): boolean {
  const t = nodeAt(ev, ['metadata', 'event_type']);
  return isString(t) && t.value === 'alarm';
}

function firstKey(ctx: RuleContext, at: (string | number)[]) {
  const node = nodeAt(ctx.body, at);
  if (node?.type === 'map' && node.entries[0]) return { start: node.entries[0].key.start, end: node.entries[0].key.end };
  return ctx.valueAt(at);
}
