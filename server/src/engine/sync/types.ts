/**
 * GitOps sync: what the repository wants (desired resources), what the cloud has
 * (live resources, read in one paginated sweep per scope), and the changes that
 * would make the cloud match (a plan), carried out by apply. The engine plans and
 * decides; the adapters (CLI, language server) send the requests through an
 * injected executor and print or show the result. Nothing here touches the
 * network or the file system.
 */
import type { ActionReport } from '../actions/report';
import type { HttpAnswer, PlannedRequest } from '../actions/plan';
import type { PlanBuilder } from '../actions/build/context';
import type { Masker } from '../actions/mask';

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
  /** Fields of the raw item an update needs besides the body (CTS `status`). */
  extra?: Record<string, unknown>;
}

/** One collection of live resources, listed once: Volcengine region + endpoint; CTS region + project + endpoint. */
export interface SyncScope {
  kind: string;
  /** A stable key (`Contact|cn-beijing|https://open.volcengineapi.com`). */
  key: string;
  /** The target the list and write requests go to. */
  target: Record<string, unknown>;
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

export interface FieldChange {
  /** `Email`, `DingTalkBotWebhook.Address`, `operations[0].trace_names`. */
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
  scope: string;
  /** The repository's resource (create, update, noop). */
  file?: string;
  line?: number;
  documentIndex?: number;
  /** What differs (update). */
  fields: FieldChange[];
  /** Secrets that were not compared, and why (`DingTalkBotWebhook.SecretKey: not readable; sent again on apply`). */
  secrets: { path: string; state: SecretState }[];
  /** Anything else to say (`unmanaged: no sync.prune glob for Contact matches`). */
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

export interface SyncPlan {
  changes: Change[];
  summary: SyncSummary;
  /** What stopped the plan or part of it (a scope that could not be listed, credentials not set), masked. */
  problems: string[];
}

/** What the adapter's executor answers: the masked report, and the raw answer for the engine to read. */
export interface Executed {
  report: ActionReport;
  answer?: HttpAnswer;
}

/** Sends one planned request (the adapter's delivery), masking its report with the plan's masker. */
export type Executor = (request: PlannedRequest, masker: Masker) => Promise<Executed>;

/** A kind's part in sync: how its live resources are listed, compared, written and imported. */
export interface SyncSpec {
  /** The scope a resource belongs to, from its envelope's target and the defaults; undefined (with b's problems) when it has none. */
  scope(b: PlanBuilder): SyncScope | undefined;
  /** Plans the list request of page `page` (1-based) of a scope (`b.input.envelope.target` is the scope's target). */
  listPage(b: PlanBuilder, page: number): void;
  /** Reads a list answer: the resources on it, and whether to ask for the next page. */
  readPage(json: unknown, page: number, collected: number): { items: LiveResource[]; more: boolean };
  /**
   * Compares a desired body (references resolved where they have values) with a live
   * resource: the fields that differ and the secrets' states. `unresolved` holds the
   * paths whose desired value still has an unresolved reference.
   */
  compare(desired: Record<string, unknown>, live: LiveResource, unresolved: ReadonlySet<string>): { fields: FieldChange[]; secrets: { path: string; state: SecretState }[] };
  /** Plans the create of a desired resource (its body resolved). */
  create(b: PlanBuilder): void;
  /** Plans the update of a live resource to the desired body (resolved). */
  update(b: PlanBuilder, live: LiveResource): void;
  /** Plans the delete of live resources of one scope (batched as the vendor allows). */
  remove(b: PlanBuilder, live: readonly LiveResource[]): void;
  /** Reads the answer of a delete: which ids are gone (a not-found counts as gone). */
  readRemoved?(json: unknown, status: number, ids: readonly string[]): { gone: string[]; failed: { id: string; reason: string }[] };
  /** A live resource as a body for a new file, its secrets as `${secret:…}` references named from the resource. */
  toBody(live: LiveResource): { body: Record<string, unknown>; secrets: { reference: string; path: string }[] };
}
