/**
 * The preview and action commands (`alertcfg.preview`, `.curl`, `.send`, `.push`,
 * `.clear`, `.replay`; `.apply` converges, in sync-commands.ts): the same engine planning and delivery as the CLI, with
 * secrets and credentials asked of the client (its secret storage) or, for
 * clients without one, taken from the server's environment. Network actions are
 * refused in an untrusted workspace.
 */
import { ACTION_NAMES, type ActionInput, type ActionName, CHANNEL_NAMES, type Channel, type Settings, actionsFor, blockers, isActionName, planAction, previewPlan, runnableCurl, selectResource } from '../engine/index';
import { type ActionArgs, type ActionResult, Command, type CurlResult, type PreviewResult } from '../protocol/index';
import type { ServerContext } from './context';
import { fileForUri } from './resources';

/** What a server that cannot send (in a browser) answers an action. */
export const NO_DELIVERY = 'Sending requests needs VS Code desktop or the alertcfg CLI: a browser blocks these cross-origin calls. Preview the request and copy it as curl instead.';

type Planned = { ok: true; input: ActionInput; plan: ReturnType<typeof planAction>; settings: Settings } | { ok: false; problem: string };

export function registerActionCommands(ctx: ServerContext): void {
  ctx.commands.register(Command.preview, async (args): Promise<PreviewResult> => {
    const a = (args[0] ?? {}) as Partial<ActionArgs>;
    const planned = await plan(ctx, a, a.action);
    if (!planned.ok) return { action: a.action ?? 'none', requests: [], problems: [planned.problem], missing: [], notes: [] };
    return previewPlan(planned.plan);
  });
  ctx.commands.register(Command.curl, async (args): Promise<CurlResult> => {
    const a = (args[0] ?? {}) as Partial<ActionArgs>;
    const planned = await plan(ctx, a, a.action, true);
    return planned.ok ? runnableCurl(planned.plan) : { commands: [], notes: [planned.problem] };
  });
  // `apply` converges (sync-commands.ts); a kind's apply planner still gives its preview.
  for (const action of ACTION_NAMES) if (action !== 'apply') ctx.commands.register(Command[action], (args) => run(ctx, action, (args[0] ?? {}) as Partial<ActionArgs>));
}

async function run(ctx: ServerContext, action: ActionName, a: Partial<ActionArgs>): Promise<ActionResult> {
  if (!ctx.delivery) return refused(NO_DELIVERY);
  if (!ctx.client.trusted()) return refused('Network actions are disabled in an untrusted workspace. Trust the workspace to send requests.');
  const planned = await plan(ctx, a, action);
  if (!planned.ok) return refused(planned.problem);
  const preview = previewPlan(planned.plan);
  if (blockers(preview).length) return { success: false, reports: [], problems: blockers(preview), notes: preview.notes };
  const { settings } = planned;
  const proxy = ctx.client.proxy();
  const reports = await ctx.delivery.execute(planned.plan, {
    timeoutMs: settings.timeoutMs,
    allowedExtraHosts: settings.allowedHosts,
    ...(proxy?.url ? { proxy: { url: proxy.url, strictSSL: proxy.strictSSL !== false } } : {}),
  });
  for (const r of reports) ctx.logger.log(`alertcfg: ${r.label} → ${r.host}: ${r.success ? 'success' : `failed (${r.error?.code ?? 'error'}: ${r.error?.description ?? ''})`}`);
  return { success: reports.length > 0 && reports.every((r) => r.success), reports, problems: [], notes: preview.notes };
}

function refused(problem: string): ActionResult {
  return { success: false, reports: [], problems: [problem], notes: [] };
}

/** `forShell`: values are named by the variables the CLI reads them from (runnable curl commands read those), not by the editor's storage. */
async function plan(ctx: ServerContext, a: Partial<ActionArgs>, requested: ActionName | undefined, forShell = false): Promise<Planned> {
  if (typeof a.uri !== 'string') return { ok: false, problem: 'No document was named.' };
  if (a.channel !== undefined && !(CHANNEL_NAMES as readonly string[]).includes(a.channel)) return { ok: false, problem: `Unknown channel "${a.channel}".` };
  if (requested !== undefined && !isActionName(requested)) return { ok: false, problem: `Unknown action "${String(requested)}".` };
  const found = await fileForUri(ctx.analyses, a.uri);
  if (!found) return { ok: false, problem: 'This document holds no alert-config resource.' };
  const sel = selectResource(found.file, typeof a.documentIndex === 'number' ? a.documentIndex : undefined);
  if (!sel.ok) return { ok: false, problem: sel.message };
  const t = sel.target;
  const secrets = await ctx.secrets.sourceFor(t.body, t.envelope.target);
  const input: ActionInput = {
    // A preview without an action shows the resource's main one.
    action: requested ?? actionsFor(t.kind, t.body, t.envelope)[0] ?? 'send',
    kind: t.kind,
    body: t.body,
    envelope: t.envelope,
    now: new Date(),
    settings: found.settings,
    secrets: forShell ? { env: secrets.env, secret: secrets.secret } : secrets,
    credentials: await ctx.secrets.credentials(),
    crypto: ctx.crypto,
    ...(a.channel ? { channel: a.channel as Channel } : {}),
    ...(typeof a.message === 'string' ? { message: a.message } : {}),
    ...(typeof a.url === 'string' ? { url: a.url } : {}),
  };
  return { ok: true, input, plan: planAction(input), settings: found.settings };
}
