/**
 * Planning for the editor: each workspace folder's resources planned by the
 * engine with the client's secrets and credentials (its secret storage) and the
 * platform's delivery, the parts merged into one plan to show (masked), and each
 * resource's state remembered for CodeLens, which is refreshed. Also why a sync
 * command is refused: an untrusted workspace, or no delivery (in a browser).
 */
import { CodeLensRefreshRequest } from 'vscode-languageserver';
import { type Change, Masker, type Settings, type SyncContext, SyncInternals, type SyncPlan, type SyncRuntime, type SyncSummary, hasChanges, planMarkdown, planSync } from '../engine/index';
import type { PlanResult, SyncArgs } from '../protocol/index';
import type { ServerContext } from './context';
import type { LoadedPart } from './sync-load';
import type { PlanPart, ResourceState } from './sync-states';

export const SYNC_NEEDS_DELIVERY = 'GitOps sync reads and changes the cloud, which needs VS Code desktop or the alertcfg CLI: a browser blocks these cross-origin calls.';
export const SYNC_UNTRUSTED = 'GitOps sync (plan, apply, import) is disabled in an untrusted workspace: it reads and changes the cloud with your credentials. Trust the workspace first.';

function emptySummary(): SyncSummary {
  return { create: 0, update: 0, delete: 0, noop: 0, unmanaged: 0 };
}

/** Why a sync command cannot run here, or undefined when it can. */
export function syncRefusal(ctx: ServerContext): string | undefined {
  if (!ctx.delivery) return SYNC_NEEDS_DELIVERY;
  if (!ctx.client.trusted()) return SYNC_UNTRUSTED;
  return undefined;
}

/** The engine's context for a folder's resources: its settings, the secrets they name and the credentials, from the client. */
export async function syncContext(ctx: ServerContext, settings: Settings, values: readonly unknown[]): Promise<SyncContext> {
  return { settings, secrets: await ctx.secrets.sourceFor(...values), credentials: await ctx.secrets.credentials(), now: () => new Date(), crypto: ctx.crypto };
}

/** Requests go out through the platform's delivery, with the folder's timeout and allowed hosts and the editor's proxy. */
export function syncRuntime(ctx: ServerContext, settings: Settings, signal?: AbortSignal): SyncRuntime {
  const proxy = ctx.client.proxy();
  const options = { timeoutMs: settings.timeoutMs, allowedExtraHosts: settings.allowedHosts, ...(proxy?.url ? { proxy: { url: proxy.url, strictSSL: proxy.strictSSL !== false } } : {}) };
  return ctx.delivery!.sync(options, signal);
}

/** Plans each folder's part (one sweep per scope). */
export async function planParts(ctx: ServerContext, loaded: readonly LoadedPart[], args: SyncArgs, signal?: AbortSignal): Promise<PlanPart[]> {
  const parts: PlanPart[] = [];
  for (const part of loaded) {
    if (!part.desired.length && !args.prune) continue;
    const sctx = await syncContext(ctx, part.settings, part.desired.flatMap((d) => [d.body, d.envelope.target]));
    const plan = await planSync(part.desired, sctx, syncRuntime(ctx, part.settings, signal), { prune: args.prune === true });
    parts.push({ plan, ctx: sctx, settings: part.settings, uris: part.uris });
  }
  return parts;
}

/** The parts as one plan, for the presenters (a single part is itself). */
export function mergedPlan(parts: readonly PlanPart[]): SyncPlan {
  if (parts.length === 1) return parts[0]!.plan;
  const internals = new SyncInternals(new Masker());
  const summary = emptySummary();
  const plan: SyncPlan = { changes: [], summary, problems: [], notes: [], reads: 0, internals };
  for (const { plan: p } of parts) {
    internals.masker.merge(p.internals.masker);
    for (const c of p.changes) {
      plan.changes.push(c);
      const work = p.internals.work(c);
      if (work) internals.setWork(c, work);
      summary[c.action]++;
    }
    plan.problems.push(...p.problems);
    plan.notes.push(...p.notes);
    plan.reads += p.reads;
  }
  return plan;
}

/** The hosts a plan writes to. */
export function planHosts(plan: SyncPlan): string[] {
  const out = new Set<string>();
  for (const c of plan.changes) {
    if (c.action !== 'create' && c.action !== 'update' && c.action !== 'delete') continue;
    const endpoint = plan.internals.work(c)?.scope.target['endpoint'];
    if (!endpoint) continue;
    try {
      out.add(new URL(endpoint).host);
    } catch {
      out.add(endpoint);
    }
  }
  return [...out];
}

/** The URI of a change's file, looked up in its part. */
export function uriOfChange(parts: readonly PlanPart[], c: Pick<Change, 'file'>): string | undefined {
  if (c.file === undefined) return undefined;
  for (const p of parts) {
    const uri = p.uris.get(c.file);
    if (uri) return uri;
  }
  return undefined;
}

/** What the plan commands answer. */
export function planResult(parts: readonly PlanPart[], planId: string | undefined): PlanResult {
  const plan = mergedPlan(parts);
  const changes = plan.changes.map((c) => {
    const uri = uriOfChange(parts, c);
    return { ...c, ...(uri ? { uri } : {}) };
  });
  return {
    ok: true,
    ...(planId && hasChanges(plan) ? { planId } : {}),
    changes,
    summary: plan.summary,
    problems: plan.problems,
    notes: plan.notes,
    markdown: planMarkdown(plan),
    hosts: planHosts(plan),
    reads: plan.reads,
  };
}

/** A plan that did not happen, and why. */
export function noPlan(problems: string[]): PlanResult {
  return { ok: false, changes: [], summary: emptySummary(), problems, notes: [], markdown: '', hosts: [], reads: 0 };
}

/** `Email`, `Webhook` of `Webhook.Token`, `operations` of `operations[ECS/ecs].trace_names`: each once. */
export function topFields(paths: readonly string[]): string[] {
  return [...new Set(paths.map((p) => p.split(/[.[]/)[0]!))];
}

/** Remembers each planned resource's state for CodeLens and asks the client to refresh its lenses. */
export async function rememberStates(ctx: ServerContext, parts: readonly PlanPart[], files: readonly string[], onlyOne: boolean): Promise<void> {
  const states: { uri: string; documentIndex: number; state: ResourceState }[] = [];
  for (const part of parts) {
    for (const c of part.plan.changes) {
      if ((c.action !== 'create' && c.action !== 'update' && c.action !== 'noop') || c.documentIndex === undefined) continue;
      const uri = uriOfChange([part], c);
      const desired = part.plan.internals.work(c)?.desired;
      if (!uri || !desired) continue;
      states.push({ uri: ctx.workspace.paths.canonical(uri), documentIndex: c.documentIndex, state: { action: c.action, fields: topFields(c.fields.map((f) => f.path)), kind: c.kind, name: c.name, body: JSON.stringify(desired.body) } });
    }
  }
  // One resource planned (a CodeLens' Apply) leaves the file's other states as they were.
  ctx.syncStates.planned(onlyOne ? [] : files, states);
  await refreshCodeLens(ctx);
}

export async function refreshCodeLens(ctx: ServerContext): Promise<void> {
  if (ctx.client.capabilities.workspace?.codeLens?.refreshSupport !== true) return;
  try {
    await ctx.connection.sendRequest(CodeLensRefreshRequest.type);
  } catch {
    // The client will ask again when it shows the file.
  }
}
