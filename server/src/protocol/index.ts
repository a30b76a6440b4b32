/**
 * The protocol between the language server and its clients beyond standard LSP:
 * `workspace/executeCommand` ids with their argument and result types, and the
 * custom requests the server sends to the client. The VS Code client and other
 * editors' configurations import or mirror this module; nothing else defines these
 * names.
 */

import type { ActionReport, ApplyOutcome, Change, SyncSummary } from '../engine/index';
import { type ActionName, VERBS } from '../engine/verbs';

/** The server commands of the verbs table (`alertcfg.preview`, `alertcfg.send`, …), by verb id. */
const VERB_COMMANDS = Object.fromEntries(VERBS.map((v) => [v.id, v.command])) as { readonly [V in (typeof VERBS)[number] as V['id']]: V['command'] };

/**
 * Commands the server executes (`workspace/executeCommand`). The verbs' (derived
 * from the verbs table, engine/verbs.ts) take [ActionArgs]: `preview` answers a
 * PreviewResult (ActionArgs.action names the action to preview, by default the
 * resource's first); the others send and answer an ActionResult. GitOps sync's
 * are the exception: `plan` takes [SyncArgs] and answers a PlanResult; `apply`
 * (the converging apply: of the files and folders named, or of one resource,
 * as `alertcfg apply FILE --doc N`) takes [ApplyArgs] and answers an
 * ApplyResult, reporting work-done progress; `import` takes [ImportArgs] and
 * answers an ImportResult.
 */
export const Command = {
  ...VERB_COMMANDS,
  /** Which actions apply to each resource of a document. Args: [{uri}]. Result: ResourceActions[]. */
  listActions: 'alertcfg.listActions',
  /** A new resource from the doc's example. Args: [{kind, name?}]. Result: {text}. */
  template: 'alertcfg.template',
  /** Move a plaintext secret into secret storage and write a reference (quick fix). Args: [MoveSecretArgs]. */
  moveSecret: 'alertcfg.moveSecret',
  /**
   * The request(s) an action would send as curl commands that run as printed (as `alertcfg
   * preview --curl`): secrets and credentials read from the environment variables the CLI
   * reads, signatures whole. Args: [ActionArgs & {action?}]. Result: CurlResult.
   */
  curl: 'alertcfg.curl',
} as const;

export type CommandId = (typeof Command)[keyof typeof Command];
export const ALL_COMMANDS: readonly string[] = Object.values(Command);

export type { ActionName };

/** Names one resource: a document of a file. */
export interface ResourceRef {
  uri: string;
  /** Index of the YAML document (or JSON array element) in the file. */
  documentIndex: number;
}

// ---------------------------------------------------------------- GitOps sync (docs/sync.md)

/** Args of `alertcfg.plan`. */
export interface SyncArgs {
  /** URIs of the files or folders to plan; default: every workspace folder. */
  uris?: string[];
  /** Live resources the repository lacks are deleted when a `sync.prune` glob of their kind matches their name. */
  prune?: boolean;
  /** With one file in `uris`: only its resource in this document (as `alertcfg apply FILE --doc N`). */
  documentIndex?: number;
}

/**
 * Args of the converging `alertcfg.apply`: SyncArgs, or a ResourceRef (`{uri,
 * documentIndex}`, as a CodeLens names one resource), and the plan to carry out.
 */
export interface ApplyArgs extends SyncArgs {
  uri?: string;
  /**
   * The `planId` of the PlanResult the user saw: that plan is carried out, unless
   * the files changed since (then nothing is written and the result is `stale`,
   * with the new plan). Without it, apply plans and carries that plan out.
   */
  planId?: string;
}

/** A change of a plan (the engine's, masked), with the URI of its file when the repository has the resource. */
export interface PlanChange extends Change {
  uri?: string;
}

export interface PlanResult {
  /** False when nothing was planned: refused (untrusted workspace, no network in a browser) or stopped by errors in the files. */
  ok: boolean;
  /** Names this plan for `alertcfg.apply` (only when it has something to apply). */
  planId?: string;
  changes: PlanChange[];
  summary: SyncSummary;
  /** What stopped the plan or part of it (the errors of the files, a scope that could not be read), masked. */
  problems: string[];
  notes: string[];
  /** The plan as a pull-request comment (`alertcfg plan --format markdown`), masked. */
  markdown: string;
  /** The hosts the changes would write to. */
  hosts: string[];
  /** List requests sent to read the live state. */
  reads: number;
}

/** Work-done progress of `alertcfg.apply` (`$/progress` report): `done`/`total` resources, `current` being written. */
export interface ApplyProgressReport {
  done: number;
  total: number;
  current?: string;
}

export interface ApplyResult {
  /** The plan carried out; with `stale`, the new plan (nothing was written). */
  plan: PlanResult;
  /** The plan named by `planId` no longer matches the files: nothing was written; show `plan` and ask again. */
  stale?: boolean;
  /** One per create, update and delete, in the plan's order, masked. */
  outcomes: (ApplyOutcome & { uri?: string })[];
  summary: { done: number; failed: number; cancelled: number };
  /** Write requests sent. */
  writes: number;
  /** The report as `alertcfg apply` prints it, masked (for an output channel). */
  text: string;
}

/** Args of `alertcfg.import`. */
export interface ImportArgs {
  /** `Contact` or `KeyOperationNotification` (a kind that syncs). */
  kind: string;
  /** Default: `defaults.region` of the folder's `.alertcfg.yaml`. */
  region?: string;
  /** CTS project; default `defaults.projectId`. */
  projectId?: string;
  /** The vendor's endpoint, when not its public one. */
  endpoint?: string;
  /** Only the resources whose vendor name matches this glob. */
  nameGlob?: string;
  /** URI of the folder the files go into. */
  folder: string;
}

export interface ImportedFileResult {
  /** Where the file goes: the folder's URI joined with its name. */
  uri: string;
  kind: string;
  name: string;
  text: string;
  /** A file is there already: the client keeps it and writes nothing. */
  exists: boolean;
}

export interface ImportResult {
  ok: boolean;
  files: ImportedFileResult[];
  /** Secrets to store before plan or apply can compare or send them (by `${secret:NAME}`). */
  secrets: { name: string; reference: string; path: string; uri: string }[];
  problems: string[];
  notes: string[];
  /** `Imported 3 of 5 Contact resources of …`, masked. */
  summary: string;
}

/** Arguments of the preview and action commands. */
export interface ActionArgs extends ResourceRef {
  /** preview: which action to preview (default: the resource's first). */
  action?: ActionName;
  /** send on a Contact: dingtalk | lark | wecom | webhook (default: the first it has). */
  channel?: string;
  /** send: the message text (default: the configured template). */
  message?: string;
  /** replay: overrides target.url. */
  url?: string;
}

/** What an action command answers: the reports of what was sent, or why nothing was. */
export interface ActionResult {
  /** True when every request was accepted. */
  success: boolean;
  reports: ActionReport[];
  /** What stopped the action before anything was sent. */
  problems: string[];
  notes: string[];
}

export interface MoveSecretArgs {
  uri: string;
  /** Document version the quick fix was computed for; a stale one is refused. */
  version: number;
  /** Offsets of the literal in the document. */
  start: number;
  end: number;
  /** The secret's name, e.g. `sre-dingtalk-secret`. */
  name: string;
}

export interface ResourceActions {
  documentIndex: number;
  kind: string;
  name: string;
  /** Offset range of the resource, for CodeLens placement. */
  start: number;
  end: number;
  actions: ActionName[];
  /** For `send` on a Contact: the channels it has. */
  channels?: string[];
  /** The same range as LSP positions (0-based line, UTF-16 character), for clients that place CodeLens by line. */
  range?: LspRange;
}

/** Previews and reports are the engine's own types, masked before they leave the server. */
export type { ActionAttempt, ActionReport, Preview as PreviewResult, PreviewedRequest, RunnableCurl as CurlResult } from '../engine/index';

/** Requests the server sends to the client. */
export const ClientRequest = {
  /** Values of `${secret:NAME}` from the client's secret storage. Params: {names}. Result: {values: Record<name, string | null>}. */
  getSecrets: 'alertcfg/getSecrets',
  /** Names of the secrets the client knows (for completion). Params: {}. Result: {names: string[]}. */
  listSecrets: 'alertcfg/listSecrets',
  /** Store a secret. Params: {name, value}. Result: {stored: boolean}. */
  storeSecret: 'alertcfg/storeSecret',
  /** Cloud credentials from the client's secret storage. Params: {provider} (a provider of the credential table). Result: Record<string,string> | null. */
  getCredentials: 'alertcfg/getCredentials',
  /**
   * Files of a workspace folder that the settings can select, for a server that has no file
   * system of its own (in a web worker: VS Code for the Web). Params: FindFilesParams.
   * Result: FindFilesResult.
   */
  findFiles: 'alertcfg/findFiles',
  /** A file's bytes, for the same servers. Params: ReadFileParams. Result: ReadFileResult | null (missing, a folder, over maxBytes, unreadable). */
  readFile: 'alertcfg/readFile',
  /** A file's size and modification time, for the same servers. Params: {uri}. Result: StatResult | null. */
  stat: 'alertcfg/stat',
} as const;

/** Params of `alertcfg/findFiles`: glob patterns relative to the folder, as in the `include` and `exclude` settings. */
export interface FindFilesParams {
  folder: string;
  include: string[];
  exclude: string[];
  maxResults: number;
}
export interface FindFilesResult {
  /** URIs of the files found. */
  uris: string[];
}
export interface ReadFileParams {
  uri: string;
  /** Larger files are not read (null). */
  maxBytes: number;
}
export interface ReadFileResult {
  /** The file's bytes in base64. */
  base64: string;
}
export interface StatResult {
  size: number;
  /** Modification time in ms. */
  mtime: number;
}

/** A vendor's name for its credentials (`huawei`, `volcengine`, `zstack`: the credential table's providers). */
export type CredentialProvider = string;

/** Credentials as the client stores them: one record per provider, by field key (the credential table's forms). */
export interface GetCredentialsParams {
  provider: CredentialProvider;
}

export interface GetSecretsParams {
  names: string[];
}
export interface GetSecretsResult {
  values: Record<string, string | null>;
}
export interface ListSecretsResult {
  names: string[];
}
export interface StoreSecretParams {
  name: string;
  value: string;
}

/** Notifications the client sends to the server. */
export const ClientNotification = {
  /** The workspace's trust changed (VS Code workspace trust). Params: {trusted: boolean}. */
  setTrusted: 'alertcfg/setTrusted',
  /** The editor's proxy settings changed. Params: ProxySettings. */
  setProxy: 'alertcfg/setProxy',
} as const;

/** VS Code's `http.proxy` and `http.proxyStrictSSL`, passed to the delivery layer. */
export interface ProxySettings {
  url?: string;
  strictSSL?: boolean;
}

/** Initialization options a client may pass (`initializationOptions`). */
export interface InitializationOptions {
  /** The client answers the ClientRequest secrets requests. */
  secretStorage?: boolean;
  /** The client is trusted to send network requests (VS Code workspace trust); absent means trusted. */
  trusted?: boolean;
  /** The editor's proxy settings. */
  proxy?: ProxySettings;
  /** Display language (e.g. `zh-cn`), when the client's `locale` is not set. */
  locale?: string;
  /**
   * How diagnostics link to their rule's docs: `file` (default) links to docs/rules.md
   * beside the server (`file:///…/docs/rules.md#<anchor>`); `command` links to the
   * client command `alertcfg.showRule` with the anchor (`command:alertcfg.showRule?["<anchor>"]`),
   * for a client that opens the rules page itself (the VS Code extension's markdown preview).
   */
  ruleLinks?: 'file' | 'command';
}

/** The client command a `command` rule link names; its one argument is the rule's anchor in docs/rules.md. */
export const SHOW_RULE_COMMAND = 'alertcfg.showRule';

// ---------------------------------------------------------------- added with the language server

/** The client settings section the server reads (`workspace/configuration`). */
export const SETTINGS_SECTION = 'alertcfg';

/**
 * Node flags a client should start the server with: a smaller young generation
 * (8 MB semi-spaces instead of V8's 16 MB) keeps a session on a 5,000-resource file
 * about 20 MB smaller, at no measurable cost in latency (bench/RESULTS.md).
 */
export const SERVER_NODE_ARGS: readonly string[] = ['--max-semi-space-size=8'];

/** A range in LSP form (0-based line, UTF-16 character), without depending on LSP types here. */
export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** Args of `alertcfg.template`. */
export interface TemplateArgs {
  kind: string;
  name?: string;
}
/** Result of `alertcfg.template` (null for an unknown kind). */
export interface TemplateResult {
  text: string;
}

/** Args of `alertcfg.listActions` (the document may be open or only on disk). */
export interface ListActionsArgs {
  uri: string;
}

/** Result of `alertcfg.moveSecret`. */
export interface MoveSecretResult {
  /** The client stored the secret. */
  stored: boolean;
  /** The literal was replaced with `${secret:NAME}` (workspace/applyEdit). */
  applied: boolean;
  /** Why not, when either is false. Never contains the secret. */
  message?: string;
}
