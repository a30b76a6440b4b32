/**
 * Runs a plan: sends each planned request through the delivery client and reads
 * the answer the vendor's way. A replay behaves as Tencent does: it resends, up to
 * the plan's attempts, until the receiver acknowledges correctly.
 */
import { type ActionPlan, type ActionReport, type AttemptRecord, type PlannedRequest, interpret, replayNeedsRetry } from '../engine/index';
import { type DeliveryOptions, deliver } from './client';

export async function executePlan(plan: ActionPlan, options: DeliveryOptions): Promise<ActionReport[]> {
  const reports: ActionReport[] = [];
  for (const p of plan.requests) {
    const report = p.vendor === 'tencent-callback' ? await replay(p, plan, options) : interpret(p, await deliver(p, options), plan.masker);
    reports.push(report);
    if (!report.success) break; // later requests depend on earlier ones succeeding
  }
  const last = reports[reports.length - 1];
  if (plan.notes.length && last) last.notes = [...plan.notes, ...(last.notes ?? [])];
  return reports;
}

async function replay(p: PlannedRequest, plan: ActionPlan, options: DeliveryOptions): Promise<ActionReport> {
  const attempts: AttemptRecord[] = [];
  const max = p.maxAttempts ?? 3;
  let last: Awaited<ReturnType<typeof deliver>> | undefined;
  for (let i = 1; i <= max; i++) {
    last = await deliver({ ...p, maxAttempts: 1 }, { ...options, timeoutMs: p.timeoutMs ?? options.timeoutMs });
    for (const a of last.attempts) attempts.push({ ...a, attempt: i });
    if (last.refused || (last.answer && !replayNeedsRetry(p, last.answer))) break;
  }
  return interpret(p, { attempts, ...(last?.answer ? { answer: last.answer } : {}), ...(last?.refused ? { refused: last.refused } : {}) }, plan.masker);
}
