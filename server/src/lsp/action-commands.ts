/**
 * The preview and action commands (`alertcfg.preview`, `.send`, `.push`, `.clear`,
 * `.apply`, `.replay`): the same engine planning and delivery as the CLI, with
 * secrets and credentials asked of the client (its secret storage) or, for
 * clients without one, taken from the server's environment. Network actions are
 * refused in an untrusted workspace.
 */
import {
  type ActionInput,
  type ActionName,
  type Channel,
  type CredentialSource,
  type SecretSource,
  type Settings,
  actionsFor,
  blockers,
  planAction,
  previewPlan,
  referencesIn,
  selectResource,
} from '../engine/index';
import { executePlan } from '../delivery/execute';
import { credentialSource, secretSource } from '../env/sources';
import {
  type ActionArgs,
  type ActionResult,
  ClientNotification,
  ClientRequest,
  Command,
  type CredentialProvider,
  type GetSecretsResult,
  type PreviewResult,
  type ProxySettings,
} from '../protocol/index';
import { registerCommand } from './commands';
import { fileForUri } from './resources';
import type { Server } from './server';

const CHANNELS: readonly string[] = ['dingtalk', 'lark', 'wecom', 'webhook'];
const ACTIONS: readonly ActionName[] = ['send', 'push', 'clear', 'apply', 'replay'];

type Planned = { ok: true; input: ActionInput; plan: ReturnType<typeof planAction>; settings: Settings } | { ok: false; problem: string };

/** Trust and proxy as the client last told them by notification; until then, its initialization options. */
const told: { trusted?: boolean; proxy?: ProxySettings | null } = {};

const trusted = (server: Server): boolean => told.trusted ?? server.initOptions.trusted !== false;
const proxy = (server: Server): ProxySettings | undefined => (told.proxy === undefined ? server.initOptions.proxy : told.proxy ?? undefined);

export function registerActionCommands(server: Server): void {
  server.connection.onNotification(ClientNotification.setTrusted, (p: { trusted?: unknown }) => {
    told.trusted = p?.trusted !== false;
  });
  server.connection.onNotification(ClientNotification.setProxy, (p: ProxySettings | undefined) => {
    told.proxy = p && typeof p === 'object' ? p : null;
  });
}

registerCommand(Command.preview, async (args, { server }): Promise<PreviewResult> => {
  const a = (args[0] ?? {}) as Partial<ActionArgs>;
  const planned = await plan(server, a, a.action);
  if (!planned.ok) return { action: a.action ?? 'none', requests: [], problems: [planned.problem], missing: [], notes: [] };
  return previewPlan(planned.plan);
});

for (const action of ACTIONS) {
  registerCommand(Command[action], async (args, { server }): Promise<ActionResult> => {
    const a = (args[0] ?? {}) as Partial<ActionArgs>;
    if (!trusted(server)) return refused('Network actions are disabled in an untrusted workspace. Trust the workspace to send requests.');
    const planned = await plan(server, a, action);
    if (!planned.ok) return refused(planned.problem);
    const preview = previewPlan(planned.plan);
    if (blockers(preview).length) return { success: false, reports: [], problems: blockers(preview), notes: preview.notes };
    const { settings } = planned;
    const reports = await executePlan(planned.plan, {
      timeoutMs: settings.timeoutMs,
      env: process.env,
      allowedExtraHosts: settings.allowedHosts,
      ...(proxy(server)?.url ? { proxy: { url: proxy(server)!.url!, strictSSL: proxy(server)!.strictSSL !== false } } : {}),
    });
    for (const r of reports) server.logger.log(`alertcfg: ${r.label} → ${r.host}: ${r.success ? 'success' : `failed (${r.error?.code ?? 'error'}: ${r.error?.description ?? ''})`}`);
    return { success: reports.length > 0 && reports.every((r) => r.success), reports, problems: [], notes: preview.notes };
  });
}

function refused(problem: string): ActionResult {
  return { success: false, reports: [], problems: [problem], notes: [] };
}

async function plan(server: Server, a: Partial<ActionArgs>, requested: ActionName | undefined): Promise<Planned> {
  if (typeof a.uri !== 'string') return { ok: false, problem: 'No document was named.' };
  if (a.channel !== undefined && !CHANNELS.includes(a.channel)) return { ok: false, problem: `Unknown channel "${a.channel}".` };
  if (requested !== undefined && !ACTIONS.includes(requested)) return { ok: false, problem: `Unknown action "${String(requested)}".` };
  const found = await fileForUri(server, a.uri);
  if (!found) return { ok: false, problem: 'This document holds no alert-config resource.' };
  const sel = selectResource(found.file, typeof a.documentIndex === 'number' ? a.documentIndex : undefined);
  if (!sel.ok) return { ok: false, problem: sel.message };
  const t = sel.target;
  const input: ActionInput = {
    // A preview without an action shows the resource's main one.
    action: requested ?? actionsFor(t.kind, t.body, t.envelope)[0] ?? 'send',
    kind: t.kind,
    body: t.body,
    envelope: t.envelope,
    now: new Date(),
    settings: found.settings,
    secrets: await secretsFor(server, t.body, t.envelope.target),
    credentials: await credentialsFor(server),
    ...(a.channel ? { channel: a.channel as Channel } : {}),
    ...(typeof a.message === 'string' ? { message: a.message } : {}),
    ...(typeof a.url === 'string' ? { url: a.url } : {}),
  };
  return { ok: true, input, plan: planAction(input), settings: found.settings };
}

/** `${secret:...}` values from the client's storage (fetched once per command), `${env:...}` from the environment. */
async function secretsFor(server: Server, ...values: unknown[]): Promise<SecretSource> {
  const fallback = secretSource(process.env);
  if (!server.secretStorage) return fallback;
  const names = [...new Set(values.flatMap((v) => referencesIn(v)).filter((r) => r.kind === 'secret').map((r) => r.name))];
  let stored: Record<string, string | null> = {};
  if (names.length) {
    try {
      stored = (await server.connection.sendRequest<GetSecretsResult>(ClientRequest.getSecrets, { names }))?.values ?? {};
    } catch {
      stored = {};
    }
  }
  // A secret not set is named as the client stores it, not as the CLI's variable.
  return { env: fallback.env, secret: (name) => stored[name] ?? undefined, where: (ref) => (ref.kind === 'secret' ? `secret ${ref.name}` : ref.name) };
}

/** Credentials from the client's storage when it has one, else the SDKs' environment variables. */
async function credentialsFor(server: Server): Promise<CredentialSource> {
  const env = credentialSource(process.env);
  if (!server.secretStorage) return env;
  const ask = async (provider: CredentialProvider): Promise<Record<string, string> | undefined> => {
    try {
      const r = await server.connection.sendRequest<Record<string, string> | null>(ClientRequest.getCredentials, { provider });
      return r && typeof r === 'object' ? r : undefined;
    } catch {
      return undefined;
    }
  };
  const [huawei, volcengine, zstack] = await Promise.all([ask('huawei'), ask('volcengine'), ask('zstack')]);
  return {
    huawei: () => (huawei && (huawei['ak'] || huawei['token']) ? { ...(huawei['ak'] ? { ak: huawei['ak'] } : {}), ...(huawei['sk'] ? { sk: huawei['sk'] } : {}), ...(huawei['token'] ? { token: huawei['token'] } : {}) } : env.huawei()),
    volcengine: () => (volcengine?.['accessKeyId'] && volcengine['secretAccessKey'] ? { accessKeyId: volcengine['accessKeyId'], secretAccessKey: volcengine['secretAccessKey'], ...(volcengine['sessionToken'] ? { sessionToken: volcengine['sessionToken'] } : {}) } : env.volcengine()),
    zstackSession: () => zstack?.['session'] ?? env.zstackSession(),
  };
}
