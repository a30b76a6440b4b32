/**
 * The kinds registry: every kind of resource the engine knows, each in its own
 * module. Adding a kind is one module, its schema file and one line here; the
 * schema registry, the validators, completion of `kind`, templates, actions and the
 * workspace rules all ask this registry. `registerKind` adds one at run time (with
 * validators of its own), for embedders and tests.
 */
import { alarmCallback } from './alarm-callback';
import { contact } from './contact';
import { dingtalkTestConnection } from './dingtalk-test-connection';
import { eventReport } from './event-report';
import { keyOperationNotification } from './key-operation-notification';
import type { KindModule } from './types';

const BUILT_IN: readonly KindModule[] = [contact, alarmCallback, dingtalkTestConnection, keyOperationNotification, eventReport];

const registry = new Map<string, KindModule>(BUILT_IN.map((m) => [m.kind, m]));
let listed: readonly KindModule[] = BUILT_IN;

/** Every kind, built-in ones first, in the order pickers list them. */
export function kindModules(): readonly KindModule[] {
  return listed;
}

export function kindModule(kind: string | undefined): KindModule | undefined {
  return kind === undefined ? undefined : registry.get(kind);
}

/** The kind names, in registry order. */
export function kindNames(): string[] {
  return listed.map((m) => m.kind);
}

/**
 * Adds a kind at run time; it must bring its validators (built-in kinds have theirs
 * compiled at build time). Returns a function that removes it again.
 */
export function registerKind(module: KindModule): () => void {
  if (registry.has(module.kind)) throw new Error(`kind ${module.kind} is registered already`);
  if (!module.validators) throw new Error(`kind ${module.kind} needs validators of its own`);
  registry.set(module.kind, module);
  listed = [...listed, module];
  return () => {
    registry.delete(module.kind);
    listed = listed.filter((m) => m !== module);
  };
}

export function isKind(value: unknown): value is string {
  return typeof value === 'string' && registry.has(value);
}

/** The kind whose schema a `$schema` value names (by file name, so URLs and relative paths both work). */
export function kindForSchemaRef(ref: string): string | undefined {
  const file = ref.split(/[?#]/)[0]!.split(/[\\/]/).pop() ?? '';
  return listed.find((m) => m.schemaFile === file)?.kind;
}

export type { KindModule, Schema } from './types';
