/**
 * GitOps sync's plan and apply commands (`alertcfg.plan`, the converging
 * `alertcfg.apply`): the files under the URIs named, planned against the live
 * state as `alertcfg plan` plans them, with secrets and credentials from the
 * client. Apply carries out the plan the user saw (by its id), or plans first
 * when none is named; it reports work-done progress (`$/progress`: done/total and
 * the resource being written) and stops between requests once the request is
 * cancelled. Both refuse in an untrusted workspace and where nothing can be sent.
 * The cloud is read only when a command runs: never on an edit.
 */
import type { CancellationToken, WorkDoneProgressReporter } from 'vscode-languageserver';
import { type ApplyReport, applySync, applyText, hasChanges } from '../engine/index';
import { type ApplyArgs, type ApplyResult, Command, type PlanResult, type SyncArgs } from '../protocol/index';
import type { ServerContext } from './context';
import { loadDesired } from './sync-load';
import { mergedPlan, noPlan, planParts, planResult, refreshCodeLens, rememberStates, syncRefusal, syncRuntime, uriOfChange } from './sync-plan';
import type { PlanPart } from './sync-states';

export function registerSyncCommands(ctx: ServerContext): void {
  ctx.commands.register(Command.plan, (args) => plan(ctx, syncArgs(args[0])));
  ctx.commands.register(Command.apply, (args, token, progress) => apply(ctx, (args[0] ?? {}) as ApplyArgs, token, progress));
}

/** The args as sent, less what has the wrong shape; a ResourceRef (`{uri, documentIndex}`, a CodeLens) names one resource. */
function syncArgs(raw: unknown): SyncArgs {
  const a = (typeof raw === 'object' && raw !== null ? raw : {}) as ApplyArgs;
  const uris = Array.isArray(a.uris) ? a.uris.filter((u): u is string => typeof u === 'string') : typeof a.uri === 'string' ? [a.uri] : undefined;
  return { ...(uris ? { uris } : {}), ...(a.prune === true ? { prune: true } : {}), ...(typeof a.documentIndex === 'number' ? { documentIndex: a.documentIndex } : {}) };
}

async function plan(ctx: ServerContext, args: SyncArgs): Promise<PlanResult> {
  const refused = syncRefusal(ctx);
  if (refused) return noPlan([refused]);
  const loaded = await loadDesired(ctx, args);
  if (!loaded.ok) return noPlan(loaded.problems);
  const parts = await planParts(ctx, loaded.parts, args);
  await rememberStates(ctx, parts, loaded.files, args.documentIndex !== undefined);
  const result = planResult(parts, rememberIfPending(ctx, parts, loaded.fingerprint + JSON.stringify(args)));
  ctx.logger.log(`alertcfg: plan: ${result.summary.create} to create, ${result.summary.update} to update, ${result.summary.delete} to delete, ${result.summary.noop} unchanged (${result.reads} list requests)${result.problems.length ? `; ${result.problems.length} problems` : ''}.`);
  return result;
}

/** A plan with something to write is kept for apply; its id. */
function rememberIfPending(ctx: ServerContext, parts: PlanPart[], fingerprint: string): string | undefined {
  return hasChanges(mergedPlan(parts)) ? ctx.syncStates.remember(parts, fingerprint) : undefined;
}

function nothingDone(plan: PlanResult, stale = false): ApplyResult {
  return { plan, ...(stale ? { stale: true } : {}), outcomes: [], summary: { done: 0, failed: 0, cancelled: 0 }, writes: 0, text: '' };
}

async function apply(ctx: ServerContext, raw: ApplyArgs, token: CancellationToken, progress: WorkDoneProgressReporter): Promise<ApplyResult> {
  const refused = syncRefusal(ctx);
  if (refused) return nothingDone(noPlan([refused]));
  const args = syncArgs(raw);
  const loaded = await loadDesired(ctx, args);
  if (!loaded.ok) return nothingDone(noPlan(loaded.problems));
  const fingerprint = loaded.fingerprint + JSON.stringify(args);
  const named = typeof raw.planId === 'string' ? raw.planId : undefined;
  const stored = ctx.syncStates.plan(named);
  if (named !== undefined && stored?.fingerprint !== fingerprint) {
    // The files (or the plan) changed since the user saw it: show the new plan, write nothing.
    const parts = await planParts(ctx, loaded.parts, args);
    await rememberStates(ctx, parts, loaded.files, args.documentIndex !== undefined);
    return nothingDone(planResult(parts, rememberIfPending(ctx, parts, fingerprint)), true);
  }
  const abort = new AbortController();
  const listening = token.onCancellationRequested(() => abort.abort());
  try {
    let parts: PlanPart[];
    if (stored) {
      // A plan is carried out once: applying it again would create twice.
      ctx.syncStates.forget(stored.id);
      parts = stored.parts;
    } else {
      parts = await planParts(ctx, loaded.parts, args, abort.signal);
      await rememberStates(ctx, parts, loaded.files, args.documentIndex !== undefined);
    }
    const report = await applyParts(ctx, parts, abort.signal, progress);
    const result = planResult(parts, undefined);
    afterApply(ctx, parts, report);
    await refreshCodeLens(ctx);
    ctx.logger.log(`alertcfg: apply: ${report.summary.done} done, ${report.summary.failed} failed, ${report.summary.cancelled} cancelled (${report.writes} write requests).`);
    const outcomes = report.outcomes.map((o) => {
      const uri = uriOfChange(parts, o);
      return { ...o, ...(uri ? { uri } : {}) };
    });
    return { plan: result, outcomes, summary: report.summary, writes: report.writes, text: applyText(report, mergedPlan(parts)) };
  } finally {
    listening.dispose();
  }
}

/** Applies each part in turn, reporting progress over all of them: `3/10: update Contact "ops"`. */
async function applyParts(ctx: ServerContext, parts: readonly PlanPart[], signal: AbortSignal, progress: WorkDoneProgressReporter): Promise<ApplyReport> {
  const total = parts.reduce((n, p) => n + p.plan.summary.create + p.plan.summary.update + p.plan.summary.delete, 0);
  const all: ApplyReport = { outcomes: [], summary: { done: 0, failed: 0, cancelled: 0 }, writes: 0 };
  if (!total) return all;
  progress.begin('Applying', 0, `0/${total}`, true);
  let before = 0;
  try {
    for (const part of parts) {
      const report = await applySync(part.plan, part.ctx, syncRuntime(ctx, part.settings, signal), {
        onProgress: (p) => {
          const done = before + p.done;
          progress.report(Math.round((100 * done) / total), `${done}/${total}${p.current ? `: ${p.current}` : ''}`);
        },
      });
      before += report.outcomes.length;
      all.outcomes.push(...report.outcomes);
      all.writes += report.writes;
      for (const k of ['done', 'failed', 'cancelled'] as const) all.summary[k] += report.summary[k];
    }
  } finally {
    progress.done();
  }
  return all;
}

/** What was written is in sync now: its CodeLens says so. */
function afterApply(ctx: ServerContext, parts: readonly PlanPart[], report: ApplyReport): void {
  for (const o of report.outcomes) {
    if (o.action === 'delete') continue;
    for (const part of parts) {
      const c = part.plan.changes.find((x) => x.kind === o.kind && x.name === o.name && x.file === o.file && x.line === o.line && x.action === o.action);
      const uri = c && uriOfChange([part], c);
      if (c?.documentIndex !== undefined && uri) ctx.syncStates.applied(ctx.workspace.paths.canonical(uri), c.documentIndex, o);
    }
  }
}
