/**
 * A plan as JSON, exactly as documented:
 * `{"changes":[{"kind","name","action","file","line","fields":[{"path","live","desired"}]}],
 *   "summary":{"create","update","delete","noop","unmanaged"}}`. A change the
 * repository does not hold has `file` and `line` null; an absent value is null.
 */
import type { SyncPlan } from '../types';

export function planObject(plan: SyncPlan): Record<string, unknown> {
  return {
    changes: plan.changes.map((c) => ({
      kind: c.kind,
      name: c.name,
      action: c.action,
      file: c.file ?? null,
      line: c.line ?? null,
      fields: c.fields.map((f) => ({ path: f.path, live: f.live ?? null, desired: f.desired ?? null })),
    })),
    summary: { ...plan.summary },
  };
}

export function planJson(plan: SyncPlan): string {
  return plan.internals.masker.mask(`${JSON.stringify(planObject(plan), null, 2)}\n`);
}
