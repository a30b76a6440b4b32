/**
 * What each kind does, the half of a kind that validation never loads: the
 * planners of the actions it offers and, for kinds kept in a cloud account, GitOps
 * sync. One module per kind (`<kind>.ts`, beside what the kind is in ../), listed
 * here; planning an action, a plan and an import ask this registry.
 * `registerKindActions` adds what a kind registered at run time does.
 */
import type { KindActions } from '../types';
import { alarmCallbackActions } from './alarm-callback';
import { contactActions } from './contact';
import { dingtalkTestConnectionActions } from './dingtalk-test-connection';
import { eventReportActions } from './event-report';
import { keyOperationNotificationActions } from './key-operation-notification';

const BUILT_IN: readonly KindActions[] = [contactActions, alarmCallbackActions, dingtalkTestConnectionActions, keyOperationNotificationActions, eventReportActions];

const registry = new Map<string, KindActions>(BUILT_IN.map((a) => [a.kind, a]));

/** What a kind does; undefined for a kind that does nothing beyond being checked. */
export function kindActions(kind: string): KindActions | undefined {
  return registry.get(kind);
}

/** Adds what a kind registered at run time does; returns a function that removes it again. */
export function registerKindActions(actions: KindActions): () => void {
  if (registry.has(actions.kind)) throw new Error(`the actions of ${actions.kind} are registered already`);
  registry.set(actions.kind, actions);
  return () => {
    if (registry.get(actions.kind) === actions) registry.delete(actions.kind);
  };
}
