/**
 * GitOps sync: what the repository wants (desired resources), what the cloud has
 * (live resources, read in one paginated sweep per scope), and the changes that
 * would make the cloud match (a plan), carried out by apply. The engine plans and
 * decides; the adapters (CLI, language server) send the requests through an
 * injected executor and print or show the result. Nothing here touches the
 * network or the file system.
 */
import type { ActionReport } from '../actions/report';
import type { CredentialSource, PlanBuilder } from '../actions/build/context';
import type { HttpAnswer, PlannedRequest } from '../actions/plan';
import type { SecretSource } from '../actions/references';
import type { Masker } from '../actions/mask';
import type { Settings } from '../config/settings';
import type { CryptoPort } from '../crypto/port';

/** A resource of the repository that sync manages (a kind with `sync`). */
export interface DesiredResource {
  kind: string;
  /** The vendor's unique name (`spec.Name`, `spec.notification_name`). */
  name: string;
  /** The body as written (references unresolved). */
  body: Record<string, unknown>;
  envelope: { name?: string; target?: Record<string, unknown> };
  /** Where it is: the file (as the adapter names it: a relative path, or a URI) and its 1-based line. */
  file: string;
  line: number;
  documentIndex: number;
}

/** A resource as the cloud has it, in the shape of the kind's body (the vendor's field names). */
export interface LiveResource {
  /** The vendor's id (`Id`, `notification_id`). */
  id: string;
  name: string;
  /** The live body in the desired body's shape, secrets as the vendor returned them (never printed). */
  body: Record<string, unknown>;
  /** Fields of the raw item an update needs besides the body (CTS `notification_type`). */
  extra?: Record<string, unknown>;
  /** Secret values the vendor returned: the engine masks them in every output. */
  secrets?: string[];
}

/** One collection of live resources, listed once: Volcengine region + endpoint; CTS region + project + endpoint. */
export interface SyncScope {
  kind: string;
  /** A stable key (`Contact|cn-beijing|https://open.volcengineapi.com`). */
  key: string;
  /** The target the list and write requests go to (`region`, `endpoint`, `projectId`). */
  target: Record<string, string>;
  /** Words for reports: `cn-beijing (open.volcengineapi.com)`. */
  label: string;
}

/**
 * How a secret field compares: `compared` (the cloud returned it; equal or not,
 * never printed), `unreadable` (the cloud does not return it: sent again on
 * apply, never drift), `unset` (the repository's reference has no value here:
 * not compared; apply needs it).
 */
export type SecretState = 'compared' | 'unreadable' | 'unset';

/** A field that was not compared, and why (only `unreadable` and `unset` are listed). */
export interface SecretNote {
  path: string;
  state: Exclude<SecretState, 'compared'>;
}

export interface FieldChange {
  /** `Email`, `DingTalkBotWebhook.Address`, `operations[ECS/ecs].trace_names`. */
  path: string;
  /** Printable values, secrets masked; undefined when absent on that side. */
  live?: unknown;
  desired?: unknown;
}

export type ChangeAction = 'create' | 'update' | 'noop' | 'delete' | 'unmanaged';

export interface Change {
  kind: string;
  name: string;
  action: ChangeAction;
  /** The scope's key; `scopeLabel` names it for people. */
  scope: string;
  scopeLabel: string;
  /** The repository's resource (create, update, noop). */
  file?: string;
  line?: number;
  documentIndex?: number;
  /** What differs (update). */
  fields: FieldChange[];
  /** Fields that were not compared, and why. */
  secrets: SecretNote[];
  /** Anything else to say (`kept: no sync.prune glob for Contact matches`). */
  notes: string[];
  /** The live resource's id (update, delete, noop, unmanaged). */
  id?: string;
}

export interface SyncSummary {
  create: number;
  update: number;
  delete: number;
  noop: number;
  unmanaged: number;
}

/** What apply needs of a change besides what is printed: the desired resource and the live one. */
export interface ChangeWork {
  desired?: DesiredResource;
  live?: LiveResource;
  scope: SyncScope;
}

/**
 * What a plan keeps for apply and never prints. Its fields are private (`#`), so
 * that `JSON.stringify` of a plan cannot leak a live secret or the masker's values.
 */
export class SyncInternals {
  readonly #masker: Masker;
  readonly #work = new Map<Change, ChangeWork>();

  constructor(masker: Masker) {
    this.#masker = masker;
  }

  /** Masks every secret the plan touched: resolved references, live secrets, URL tokens. */
  get masker(): Masker {
    return this.#masker;
  }

  work(change: Change): ChangeWork | undefined {
    return this.#work.get(change);
  }

  setWork(change: Change, work: ChangeWork): void {
    this.#work.set(change, work);
  }
}

export interface SyncPlan {
  changes: Change[];
  summary: SyncSummary;
  /** What stopped the plan or part of it (a scope that could not be listed, a resource without a region), masked. */
  problems: string[];
  /** What the reader should know (`--prune deletes nothing of Contact: …`), masked. */
  notes: string[];
  /** List requests sent to read the live state. */
  reads: number;
  internals: SyncInternals;
}

/** What the adapter's executor answers: the masked report, and the raw answer for the engine to read. */
export interface Executed {
  report: ActionReport;
  answer?: HttpAnswer;
}

/** Sends one planned request (the adapter's delivery), masking its report with the plan's masker. */
export type Executor = (request: PlannedRequest, masker: Masker) => Promise<Executed>;

/** An `AbortSignal`, as far as the engine looks at it. */
export interface AbortLike {
  readonly aborted: boolean;
}

/** What planning and applying read: settings, secrets, credentials, the clock and the crypto port. */
export interface SyncContext {
  settings: Pick<Settings, 'defaults' | 'messageTemplate' | 'timeoutMs' | 'sync'>;
  secrets: SecretSource;
  credentials: CredentialSource;
  now(): Date;
  crypto?: CryptoPort;
}

/** How requests go out: the adapter's executor, a way to wait (the engine has no timers), cancellation. */
export interface SyncRuntime {
  executor: Executor;
  sleep(ms: number): Promise<void>;
  signal?: AbortLike;
}

/** How the live side of a field compares, for a kind's `compare`. */
export interface CompareContext {
  /** Paths (`Webhook.Token`) whose desired value still holds an unresolved reference. */
  unresolved: ReadonlySet<string>;
  /** Masks printed values. */
  masker: Masker;
  /** The scope's answers showed a secret in plain text: an empty secret there really is empty. */
  secretsPlain: boolean;
}

/** A kind's part in sync: how its live resources are listed, compared, written and imported. */
export interface SyncSpec {
  /** The scope a resource belongs to, from its envelope's target and the defaults; undefined (with b's problems) when it has none. */
  scope(b: PlanBuilder): SyncScope | undefined;
  /** Plans the list request of page `page` (1-based) of a scope (`b.input.envelope.target` is the scope's target). */
  listPage(b: PlanBuilder, page: number): void;
  /** Reads a list answer: the resources on it, and whether to ask for the next page. */
  readPage(json: unknown, page: number, collected: number): { items: LiveResource[]; more: boolean };
  /** Compares a desired body (references resolved where they have values) with a live resource. */
  compare(desired: Record<string, unknown>, live: LiveResource, ctx: CompareContext): { fields: FieldChange[]; secrets: SecretNote[] };
  /** The vendor's code for "this name exists" (a create that met one made in the meantime). */
  readonly conflictCode?: string;
  /** Plans the create of a desired resource (`b.input.body` as written; resolve it with `b.resolvedBody()`). */
  create(b: PlanBuilder): void;
  /** Plans what must follow a successful create, from its answer (CTS: a PUT when the desired status is not the one created). */
  afterCreate?(b: PlanBuilder, json: unknown): void;
  /** Plans the update of a live resource to the desired body. */
  update(b: PlanBuilder, live: LiveResource): void;
  /** How many resources one delete request may name. */
  readonly removeBatch: number;
  /** Plans the delete of live resources of one scope, at most `removeBatch` of them. */
  remove(b: PlanBuilder, live: readonly LiveResource[]): void;
  /**
   * Reads the answer of a delete: the ids that are gone (a not-found counts as gone)
   * and those that failed, with the vendor's reason. Ids in neither list are gone
   * when the request succeeded, and failed with its error when not.
   */
  readRemoved(json: unknown, status: number, ids: readonly string[]): { gone: string[]; failed: { id: string; reason: string }[] };
  /** A live resource as a body for a new file, its secrets as `${secret:…}` references named from the resource. */
  toBody(live: LiveResource): { body: Record<string, unknown>; secrets: { reference: string; path: string }[]; notes: string[] };
}
