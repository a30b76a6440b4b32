/**
 * GitOps sync's memory in the language server, kept in memory only: the last few
 * plans (so that apply carries out the plan the user saw, not a new one), and each
 * resource's state in its last plan (`create`, `update` with the fields, `noop`),
 * which CodeLens shows. Nothing here reads the cloud: a state changes only when a
 * plan or an apply the user asked for reports one.
 */
import type { ApplyOutcome, Settings, SyncContext, SyncPlan } from '../engine/index';

/** Plans kept for apply; an older one is forgotten (apply then plans again). */
const MAX_PLANS = 4;

/** One workspace folder's part of a plan: the engine's plan, and the context to apply it with. */
export interface PlanPart {
  plan: SyncPlan;
  ctx: SyncContext;
  /** The folder's settings (timeout, allowed hosts). */
  settings: Settings;
  /** Each file's name in the plan (relative to its workspace folder) → its URI. */
  uris: ReadonlyMap<string, string>;
}

export interface StoredPlan {
  id: string;
  parts: PlanPart[];
  /** What was planned (the desired resources as written): apply compares it with the files now. */
  fingerprint: string;
}

export interface ResourceState {
  action: 'create' | 'update' | 'noop';
  /** The top-level fields that differ (`Email`, `Webhook`), for an update. */
  fields: string[];
  kind: string;
  name: string;
  /** The resource's body as planned (JSON): another body now means it was edited since. */
  body: string;
}

export class SyncStates {
  private readonly plans: StoredPlan[] = [];
  private next = 0;
  /** By the file's canonical URI, then by document index. */
  private readonly states = new Map<string, Map<number, ResourceState>>();

  /** Keeps a plan for a later apply; returns its id. */
  remember(parts: PlanPart[], fingerprint: string): string {
    const id = `plan-${++this.next}`;
    this.plans.push({ id, parts, fingerprint });
    if (this.plans.length > MAX_PLANS) this.plans.shift();
    return id;
  }

  plan(id: string | undefined): StoredPlan | undefined {
    return id === undefined ? undefined : this.plans.find((p) => p.id === id);
  }

  forget(id: string): void {
    const i = this.plans.findIndex((p) => p.id === id);
    if (i >= 0) this.plans.splice(i, 1);
  }

  /** A plan of these files happened: their states are the plan's (a file planned without state for a resource loses it). */
  planned(files: readonly string[], states: readonly { uri: string; documentIndex: number; state: ResourceState }[]): void {
    for (const f of files) this.states.delete(f);
    for (const s of states) {
      let byDoc = this.states.get(s.uri);
      if (!byDoc) this.states.set(s.uri, (byDoc = new Map()));
      byDoc.set(s.documentIndex, s.state);
    }
  }

  /** An apply wrote a resource: it is in sync now. */
  applied(uri: string, documentIndex: number, outcome: Pick<ApplyOutcome, 'status'>): void {
    const s = this.states.get(uri)?.get(documentIndex);
    if (s && outcome.status === 'done') this.states.get(uri)!.set(documentIndex, { ...s, action: 'noop', fields: [] });
  }

  stateOf(uri: string, documentIndex: number): ResourceState | undefined {
    return this.states.get(uri)?.get(documentIndex);
  }

  /** Whether any resource of the file has a state. */
  has(uri: string): boolean {
    return (this.states.get(uri)?.size ?? 0) > 0;
  }
}
