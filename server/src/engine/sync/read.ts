/**
 * Reading the live state: one sweep per scope, page by page through the injected
 * executor (Volcengine ListContacts pages, the CTS `smn` and `fun` lists), never
 * one request per resource. Also the plan builders sync's requests are made with.
 */
import { PlanBuilder } from '../actions/build/context';
import type { Masker } from '../actions/mask';
import { kindActions } from '../kinds/actions/index';
import type { DesiredResource, LiveResource, SyncContext, SyncRuntime, SyncScope, SyncSpec } from './types';

/** Most pages read of one scope: a guard against a server that always says "more". */
const MAX_PAGES = 1000;

/** A plan builder for one of sync's requests: the kind's body (if any) and the target it goes to. */
export function syncBuilder(ctx: SyncContext, kind: string, body: unknown, target: Record<string, unknown> | undefined, name?: string): PlanBuilder {
  return new PlanBuilder({
    action: 'apply',
    kind,
    body,
    envelope: { ...(name !== undefined ? { name } : {}), ...(target ? { target } : {}) },
    now: ctx.now(),
    settings: ctx.settings,
    secrets: ctx.secrets,
    credentials: ctx.credentials,
    ...(ctx.crypto ? { crypto: ctx.crypto } : {}),
  });
}

export function specOf(kind: string): SyncSpec | undefined {
  return kindActions(kind)?.sync;
}

/** The scope of a desired resource, or the problems that keep it from having one (no region, no project). */
export function scopeOf(ctx: SyncContext, r: Pick<DesiredResource, 'kind' | 'body' | 'envelope'>): { scope?: SyncScope; problems: string[] } {
  const spec = specOf(r.kind);
  if (!spec) return { problems: [`${r.kind} is not synced.`] };
  const b = syncBuilder(ctx, r.kind, r.body, r.envelope.target, r.envelope.name);
  const scope = spec.scope(b);
  return scope ? { scope, problems: [] } : { problems: b.plan.problems.length ? b.plan.problems : ['No target.'] };
}

export interface ScopeRead {
  items: LiveResource[];
  /** List requests sent. */
  requests: number;
  /** Why the scope could not be read (masked); its resources are then not planned. */
  problem?: string;
  /** The answers showed a secret in plain text. */
  secretsPlain: boolean;
}

/** Reads every live resource of a scope, page by page; their secrets join the masker. */
export async function readScope(ctx: SyncContext, run: SyncRuntime, scope: SyncScope, masker: Masker): Promise<ScopeRead> {
  const spec = specOf(scope.kind)!;
  const byId = new Map<string, LiveResource>();
  let requests = 0;
  for (let page = 1; page <= MAX_PAGES; page++) {
    if (run.signal?.aborted) return { items: [...byId.values()], requests, problem: 'Cancelled.', secretsPlain: false };
    const b = syncBuilder(ctx, scope.kind, {}, scope.target);
    spec.listPage(b, page);
    const request = b.plan.requests[0];
    if (b.plan.problems.length || !request) return { items: [], requests, problem: masker.mask(b.plan.problems.join(' ') || 'The list request could not be built.'), secretsPlain: false };
    masker.merge(b.plan.masker);
    requests++;
    const { report, answer } = await run.executor(request, masker);
    if (!report.success || !answer) {
      const e = report.error;
      return { items: [], requests, problem: e ? `${e.code}: ${e.description}${e.details ? ` ${e.details}` : ''}` : `${report.label} failed.`, secretsPlain: false };
    }
    let json: unknown;
    try {
      json = JSON.parse(answer.body) as unknown;
    } catch {
      return { items: [], requests, problem: `${report.label}: the answer is not JSON.`, secretsPlain: false };
    }
    const { items, more } = spec.readPage(json, page, byId.size);
    // A list that changed while it was read may repeat a resource on the next page: one per id.
    for (const item of items) byId.set(item.id, item);
    for (const item of items) for (const s of item.secrets ?? []) masker.add(s);
    if (!more) break;
  }
  const items = [...byId.values()];
  return { items, requests, secretsPlain: items.some((i) => (i.secrets ?? []).length > 0) };
}
