/**
 * The protocol between the language server and its clients beyond standard LSP:
 * `workspace/executeCommand` ids with their argument and result types, and the
 * custom requests the server sends to the client. The VS Code client and other
 * editors' configurations import or mirror this module; nothing else defines these
 * names.
 */

import type { ActionReport } from '../engine/index';
import { type ActionName, VERBS } from '../engine/verbs';

/** The server commands of the verbs table (`alertcfg.preview`, `alertcfg.send`, …), by verb id. */
const VERB_COMMANDS = Object.fromEntries(VERBS.map((v) => [v.id, v.command])) as { readonly [V in (typeof VERBS)[number] as V['id']]: V['command'] };

/**
 * Commands the server executes (`workspace/executeCommand`). The verbs' (derived
 * from the verbs table, engine/verbs.ts) take [ActionArgs]: `preview` answers a
 * PreviewResult (ActionArgs.action names the action to preview, by default the
 * resource's first); the others send and answer an ActionResult.
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
