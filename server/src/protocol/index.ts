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
}

/** A request as previewed: secrets masked. */
export interface PreviewedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** A runnable curl command (masked). */
  curl: string;
}

export interface PreviewResult {
  action: ActionName | 'none';
  requests: PreviewedRequest[];
  /** Problems that would stop the action (unresolved secrets, missing credentials...). */
  problems: string[];
  /** Notes, e.g. "ends_at was set to the current time". */
  notes: string[];
}

export interface ActionAttempt {
  attempt: number;
  status?: number;
  durationMs: number;
  error?: string;
}

/** The result of an action, modelled on ZStack's test-connection answer. */
export interface ActionReport {
  success: boolean;
  connected: boolean;
  webhookResp?: unknown;
  error?: { code: string; description: string; details: string };
  attempts: ActionAttempt[];
  /** Host the request went to (for the confirmation and the log). */
  host?: string;
  notes?: string[];
}

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
