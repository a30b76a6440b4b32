/**
 * The protocol between the language server and its clients beyond standard LSP:
 * `workspace/executeCommand` ids with their argument and result types, and the
 * custom requests the server sends to the client. The VS Code client and other
 * editors' configurations import or mirror this module; nothing else defines these
 * names.
 */

/** Commands the server executes (`workspace/executeCommand`). */
export const Command = {
  /** The HTTP request(s) an action would send, secrets masked. Args: [ResourceRef & {action?}]. Result: PreviewResult. */
  preview: 'alertcfg.preview',
  /** Send a test message (Contact channel, or DingTalkTestConnection). Args: [ResourceRef & {channel?, message?}]. Result: ActionReport. */
  send: 'alertcfg.send',
  /** AOM push events. Args: [ResourceRef]. Result: ActionReport. */
  push: 'alertcfg.push',
  /** AOM clear events. Args: [ResourceRef]. Result: ActionReport. */
  clear: 'alertcfg.clear',
  /** Create the resource (Volcengine CreateContact, CTS notification). Args: [ResourceRef]. Result: ActionReport. */
  apply: 'alertcfg.apply',
  /** Replay an AlarmCallback to its receiver. Args: [ResourceRef & {url?}]. Result: ActionReport. */
  replay: 'alertcfg.replay',
  /** Which actions apply to each resource of a document. Args: [{uri}]. Result: ResourceActions[]. */
  listActions: 'alertcfg.listActions',
  /** A new resource from the doc's example. Args: [{kind, name?}]. Result: {text}. */
  template: 'alertcfg.template',
  /** Move a plaintext secret into secret storage and write a reference (quick fix). Args: [MoveSecretArgs]. */
  moveSecret: 'alertcfg.moveSecret',
} as const;

export type CommandId = (typeof Command)[keyof typeof Command];
export const ALL_COMMANDS: readonly string[] = Object.values(Command);

export type ActionName = 'send' | 'push' | 'clear' | 'apply' | 'replay';

/** Names one resource: a document of a file. */
export interface ResourceRef {
  uri: string;
  /** Index of the YAML document (or JSON array element) in the file. */
  documentIndex: number;
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
export type { ActionAttempt, ActionReport, Preview as PreviewResult, PreviewedRequest } from '../engine/index';

/** Requests the server sends to the client. */
export const ClientRequest = {
  /** Values of `${secret:NAME}` from the client's secret storage. Params: {names}. Result: {values: Record<name, string | null>}. */
  getSecrets: 'alertcfg/getSecrets',
  /** Names of the secrets the client knows (for completion). Params: {}. Result: {names: string[]}. */
  listSecrets: 'alertcfg/listSecrets',
  /** Store a secret. Params: {name, value}. Result: {stored: boolean}. */
  storeSecret: 'alertcfg/storeSecret',
  /** Cloud credentials from the client's secret storage. Params: {provider: 'huawei'|'volcengine'|'zstack'}. Result: Record<string,string> | null. */
  getCredentials: 'alertcfg/getCredentials',
} as const;

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

/** Initialization options a client may pass (`initializationOptions`). */
export interface InitializationOptions {
  /** The client answers the ClientRequest secrets requests. */
  secretStorage?: boolean;
  /** The client is trusted to send network requests (VS Code workspace trust). */
  trusted?: boolean;
  /** Display language (e.g. `zh-cn`), when the client's `locale` is not set. */
  locale?: string;
}

// ---------------------------------------------------------------- added with the language server

/** The client settings section the server reads (`workspace/configuration`). */
export const SETTINGS_SECTION = 'alertcfg';

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
