/**
 * Applying a plan: creates, updates and deletes (in the vendor's batches) with
 * bounded concurrency (default 4). One resource's failure does not stop the
 * others; every outcome is reported, masked. A write is sent again only after a
 * 429, which says it was not processed: the writer waits the answer's
 * `Retry-After` (capped), and every other writer waits with it. Nothing else is
 * sent again once an answer arrived (delivery does not retry a write either).
 * Cancellation is checked between requests.
 */
import type { PlanBuilder } from '../actions/build/context';
import type { ActionReport } from '../actions/report';
import { retryAfterMs } from './retry-after';
import { syncBuilder, specOf } from './read';
import type { Change, Executed, SyncContext, SyncPlan, SyncRuntime } from './types';

export interface ApplyOptions {
  /** Writes in flight at once (default 4). */
  concurrency?: number;
  /** Hears each resource start (`current`) and finish (`done` of `total`). */
  onProgress?(p: ApplyProgress): void;
  /** Most 429 answers waited out per request (default 5). */
  maxRateLimited?: number;
  /** Longest wait after a 429, in ms (default 30 s). */
  maxWaitMs?: number;
}

export interface ApplyProgress {
  done: number;
  total: number;
  /** What is being written now: `update Contact "ops"`. */
  current?: string;
}

export type OutcomeStatus = 'done' | 'failed' | 'cancelled';

export interface ApplyOutcome {
  kind: string;
  name: string;
  action: 'create' | 'update' | 'delete';
  scopeLabel: string;
  file?: string;
  line?: number;
  status: OutcomeStatus;
  /** Why it failed: the vendor's code and message, or what kept it from being sent; masked. */
  reason?: string;
  /** What to do about it (the vendor's advice). */
  advice?: string;
  notes: string[];
}

export interface ApplyReport {
  outcomes: ApplyOutcome[];
  summary: { done: number; failed: number; cancelled: number };
  /** Write requests sent (429s included). */
  writes: number;
}

export const DEFAULT_CONCURRENCY = 4;
const DEFAULT_MAX_WAIT_MS = 30_000;

type Sent = { executed: Executed } | { problem: string } | { cancelled: true };

interface Task {
  changes: Change[];
  current: string;
  run(): Promise<void>;
}

/** Carries out the plan's create, update and delete changes. */
export async function applySync(plan: SyncPlan, ctx: SyncContext, run: SyncRuntime, options: ApplyOptions = {}): Promise<ApplyReport> {
  const masker = plan.internals.masker;
  const outcomes = new Map<Change, ApplyOutcome>();
  let pause: Promise<unknown> = Promise.resolve();
  let writes = 0;
  const maxWait = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  const max429 = options.maxRateLimited ?? 5;

  const outcome = (c: Change, status: OutcomeStatus, more: Partial<ApplyOutcome> = {}) => {
    outcomes.set(c, {
      kind: c.kind,
      name: c.name,
      action: c.action as ApplyOutcome['action'],
      scopeLabel: c.scopeLabel,
      ...(c.file !== undefined ? { file: c.file, line: c.line } : {}),
      status,
      notes: [],
      ...more,
    });
  };
  const failedBy = (r: ActionReport): Partial<ApplyOutcome> => ({
    reason: r.error ? `${r.error.code}: ${r.error.description}` : `${r.label} failed.`,
    ...(r.error?.details ? { advice: r.error.details } : {}),
  });

  /** Sends the one request `make` plans, again after each 429 (re-signed, after the wait). */
  async function send(make: () => PlanBuilder): Promise<Sent | undefined> {
    for (let tries = 0; ; tries++) {
      await pause;
      if (run.signal?.aborted) return { cancelled: true };
      const b = make();
      if (b.plan.problems.length) return { problem: masker.merge(b.plan.masker).mask(`not sent: ${b.plan.problems.join(' ')}`) };
      const request = b.plan.requests[0];
      if (!request) return undefined;
      masker.merge(b.plan.masker);
      writes++;
      const executed = await run.executor(request, masker);
      const answer = executed.answer;
      if (answer?.status === 429 && tries < max429) {
        const wait = Math.min(maxWait, retryAfterMs(answer.headers, ctx.now().getTime()) ?? 1000 * 2 ** tries);
        // Every writer waits: the vendor said "too many", not "too many from this one".
        pause = Promise.all([pause, run.sleep(wait)]);
        continue;
      }
      return { executed };
    }
  }

  const json = (e: Executed): unknown => {
    try {
      return e.answer?.body ? (JSON.parse(e.answer.body) as unknown) : undefined;
    } catch {
      return undefined;
    }
  };

  const tasks: Task[] = [];
  const deletes = new Map<string, Change[]>();
  for (const c of plan.changes) {
    const work = plan.internals.work(c);
    const spec = specOf(c.kind);
    if (!work || !spec) continue;
    const { desired, live, scope } = work;
    const build = () => syncBuilder(ctx, c.kind, desired?.body ?? {}, scope.target, desired?.envelope.name);
    if (c.action === 'create' && desired) {
      tasks.push({
        changes: [c],
        current: `create ${c.kind} "${c.name}"`,
        async run() {
          const sent = await send(() => {
            const b = build();
            spec.create(b);
            return b;
          });
          if (!sent || 'cancelled' in sent) return outcome(c, 'cancelled');
          if ('problem' in sent) return outcome(c, 'failed', { reason: sent.problem });
          const r = sent.executed.report;
          if (!r.success) {
            const exists = spec.conflictCode !== undefined && r.error?.code === spec.conflictCode;
            return outcome(c, 'failed', { ...failedBy(r), notes: exists ? ['The name exists in the cloud now: the next apply updates it instead.'] : [] });
          }
          if (spec.afterCreate) {
            const answer = json(sent.executed);
            const then = await send(() => {
              const b = build();
              spec.afterCreate!(b, answer);
              return b;
            });
            if (then && !('cancelled' in then)) {
              if ('problem' in then) return outcome(c, 'failed', { reason: `created; then ${then.problem}` });
              if (!then.executed.report.success) {
                const f = failedBy(then.executed.report);
                return outcome(c, 'failed', { ...f, reason: `created, but ${then.executed.report.label} failed: ${f.reason}`, notes: ['The next apply sets it again.'] });
              }
            }
          }
          outcome(c, 'done', { notes: r.notes ?? [] });
        },
      });
    } else if (c.action === 'update' && desired && live) {
      tasks.push({
        changes: [c],
        current: `update ${c.kind} "${c.name}"`,
        async run() {
          const sent = await send(() => {
            const b = build();
            spec.update(b, live);
            return b;
          });
          if (!sent || 'cancelled' in sent) return outcome(c, 'cancelled');
          if ('problem' in sent) return outcome(c, 'failed', { reason: sent.problem });
          const r = sent.executed.report;
          outcome(c, r.success ? 'done' : 'failed', r.success ? { notes: r.notes ?? [] } : failedBy(r));
        },
      });
    } else if (c.action === 'delete' && live) {
      deletes.set(scope.key, [...(deletes.get(scope.key) ?? []), c]);
    }
  }
  for (const list of deletes.values()) {
    const spec = specOf(list[0]!.kind)!;
    const scope = plan.internals.work(list[0]!)!.scope;
    for (let i = 0; i < list.length; i += spec.removeBatch) {
      const batch = list.slice(i, i + spec.removeBatch);
      const live = batch.map((c) => plan.internals.work(c)!.live!);
      tasks.push({
        changes: batch,
        current: batch.length === 1 ? `delete ${batch[0]!.kind} "${batch[0]!.name}"` : `delete ${batch.length} ${batch[0]!.kind} resources`,
        async run() {
          const sent = await send(() => {
            const b = syncBuilder(ctx, scope.kind, {}, scope.target);
            spec.remove(b, live);
            return b;
          });
          if (!sent || 'cancelled' in sent) return batch.forEach((c) => outcome(c, 'cancelled'));
          if ('problem' in sent) return batch.forEach((c) => outcome(c, 'failed', { reason: sent.problem }));
          const { report, answer } = sent.executed;
          const read = answer ? spec.readRemoved(json(sent.executed), answer.status, live.map((l) => l.id)) : { gone: [], failed: [] };
          const gone = new Set(read.gone);
          const failed = new Map(read.failed.map((f) => [f.id, masker.mask(f.reason)]));
          batch.forEach((c, k) => {
            const id = live[k]!.id;
            if (gone.has(id)) outcome(c, 'done');
            else if (failed.has(id)) outcome(c, 'failed', { reason: failed.get(id)! });
            else outcome(c, report.success ? 'done' : 'failed', report.success ? {} : failedBy(report));
          });
        },
      });
    }
  }

  const total = tasks.reduce((n, t) => n + t.changes.length, 0);
  let done = 0;
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const t = tasks[next++]!;
      if (run.signal?.aborted) {
        t.changes.forEach((c) => outcome(c, 'cancelled'));
        continue;
      }
      options.onProgress?.({ done, total, current: t.current });
      try {
        await t.run();
      } catch (err) {
        // An executor that throws is a fault of the adapter: the resource failed, the others go on.
        t.changes.forEach((c) => outcomes.has(c) || outcome(c, 'failed', { reason: masker.mask(err instanceof Error ? err.message : String(err)) }));
      }
      done += t.changes.length;
      options.onProgress?.({ done, total });
    }
  };
  const width = Math.max(1, Math.min(options.concurrency ?? DEFAULT_CONCURRENCY, tasks.length));
  await Promise.all(Array.from({ length: width }, worker));

  // In the plan's order, whatever order they finished in.
  const list = plan.changes.flatMap((c) => outcomes.get(c) ?? []);
  const summary = { done: 0, failed: 0, cancelled: 0 };
  for (const o of list) summary[o.status]++;
  return { outcomes: list, summary, writes };
}
