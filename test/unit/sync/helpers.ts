/**
 * What the sync engine tests share: resources written as files and validated as
 * the CLI does, the engine's context with secrets and credentials from a given
 * environment, and a runtime whose executor is the real delivery client (against
 * the loopback stand-ins), counting what it sends and recording the waits asked for.
 */
import assert from 'node:assert/strict';
import { after } from 'node:test';
import type { PlannedRequest } from '../../../server/src/engine/actions/plan';
import { mergeSettings, type Settings } from '../../../server/src/engine/config/settings';
import { validateText } from '../../../server/src/engine/validate';
import { desiredResources } from '../../../server/src/engine/sync/desired';
import type { DesiredResource, Executor, SyncContext, SyncRuntime } from '../../../server/src/engine/sync/types';
import { deliveryExecutor } from '../../../server/src/delivery/sync-executor';
import { credentialSource, secretSource } from '../../../server/src/env/sources';
import { NODE_CRYPTO } from '../../../server/src/node/crypto';
import type { StandIn } from '../../standins/server';

export const VOLC_AK = 'AKLTsyncunit';
export const VOLC_SK = 'c3luYy11bml0LXNlY3JldA==';
export const HW_AK = 'HWSYNCUNITAK';
export const HW_SK = 'hwSyncUnitSecretKey';
export const PROJECT = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';
export const CREDENTIALS = { VOLCENGINE_ACCESS_KEY: VOLC_AK, VOLCENGINE_SECRET_KEY: VOLC_SK, HUAWEICLOUD_SDK_AK: HW_AK, HUAWEICLOUD_SDK_SK: HW_SK };

const opened: StandIn[] = [];
after(async () => {
  await Promise.all(opened.map((s) => s.close()));
});

/** A started stand-in, closed after the file's tests. */
export async function keep<T extends StandIn>(p: Promise<T>): Promise<T> {
  const s = await p;
  opened.push(s);
  return s;
}

/** A Contact envelope as YAML; `spec` lines are written as given (two spaces of indent added). */
export function contactYaml(name: string, endpoint: string, spec: string[] = []): string {
  return ['apiVersion: alertcfg/v1', 'kind: Contact', 'metadata:', `  name: ${name}`, 'target:', '  region: cn-beijing', `  endpoint: ${endpoint}`, 'spec:', `  Name: ${name}`, ...spec.map((l) => `  ${l}`), ''].join('\n');
}

/** A KeyOperationNotification envelope as YAML. */
export function notificationYaml(name: string, endpoint: string, spec: string[] = []): string {
  return [
    'apiVersion: alertcfg/v1',
    'kind: KeyOperationNotification',
    'metadata:',
    `  name: ${name}`,
    'target:',
    '  region: cn-north-4',
    `  projectId: ${PROJECT}`,
    `  endpoint: ${endpoint}`,
    'spec:',
    `  notification_name: ${name}`,
    ...(spec.length ? spec : ['operation_type: customized', 'operations:', '  - service_type: ECS', '    resource_type: ecs', '    trace_names: [createServer, deleteServer]', `topic_id: urn:smn:cn-north-4:${PROJECT}:alerts`]).map((l) => `  ${l}`),
    '',
  ].join('\n');
}

/** The desired resources of files (name → YAML text), each checked to have no errors. */
export function desired(files: Record<string, string>): DesiredResource[] {
  return Object.entries(files).flatMap(([file, text]) => {
    const result = validateText(text, { format: 'yaml' });
    const errors = result.findings.filter((f) => f.severity === 'error');
    assert.deepEqual(errors.map((f) => `${f.code} ${f.message}`), [], `${file} has errors`);
    return desiredResources(file, text, result);
  });
}

export function context(env: Record<string, string> = CREDENTIALS, settings: Partial<Settings> = {}): SyncContext {
  return { settings: mergeSettings(settings), secrets: secretSource(env), credentials: credentialSource(env), now: () => new Date(), crypto: NODE_CRYPTO };
}

export interface CountingRuntime extends SyncRuntime {
  sent: PlannedRequest[];
  waits: number[];
}

/** The real delivery client, counting each request; waits are recorded and not waited (but yield once). */
export function runtime(options: { signal?: AbortSignal; executor?: Executor } = {}): CountingRuntime {
  const inner = options.executor ?? deliveryExecutor({ timeoutMs: 5000, env: {} });
  const rt: CountingRuntime = {
    sent: [],
    waits: [],
    executor: async (request, masker) => {
      rt.sent.push(request);
      return inner(request, masker);
    },
    sleep: async (ms) => {
      rt.waits.push(ms);
      await new Promise((r) => setImmediate(r));
    },
    ...(options.signal ? { signal: options.signal } : {}),
  };
  return rt;
}

/** The labels of the requests sent, `Volcengine ListContacts` → `ListContacts`. */
export function actions(rt: CountingRuntime): string[] {
  return rt.sent.map((r) => new URL(r.request.url).searchParams.get('Action') ?? `${r.request.method} ${new URL(r.request.url).pathname}`);
}
