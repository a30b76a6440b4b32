/**
 * What a request builder gets, and the plan it returns. Builders are pure: the
 * time, secrets and credentials come in; requests, problems and notes go out.
 */
import type { Settings } from '../../config/settings';
import { type CryptoPort, PURE_CRYPTO } from '../../crypto/port';
import type { Kind } from '../../model/kinds';
import type { ActionName } from '../available';
import { Masker } from '../mask';
import type { PlannedRequest } from '../plan';
import { type SecretSource, resolveReferences } from '../references';
import type { Channel } from '../../webhooks/channels';

const UNRESOLVED = /\$\{(env|secret):[^}]*\}/;

export interface HuaweiCredentials {
  ak?: string;
  sk?: string;
  /** IAM token, the alternative to AK/SK (`X-Auth-Token`). */
  token?: string;
}

export interface VolcengineCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface CredentialSource {
  huawei(): HuaweiCredentials | undefined;
  volcengine(): VolcengineCredentials | undefined;
  /** ZStack session UUID (`Authorization: OAuth <uuid>`). */
  zstackSession(): string | undefined;
}

export interface ActionInput {
  action: ActionName;
  kind: Kind;
  /** The vendor body as written (references unresolved). */
  body: unknown;
  /** Envelope parts; empty for a raw body. */
  envelope: { name?: string; target?: Record<string, unknown>; action?: string };
  now: Date;
  settings: Pick<Settings, 'defaults' | 'messageTemplate' | 'timeoutMs'>;
  secrets: SecretSource;
  credentials: CredentialSource;
  /** `send` on a Contact: which channel (default: the first it has). */
  channel?: Channel;
  /** `send`: the message text (default: the configured template). */
  message?: string;
  /** `replay`: overrides target.url. */
  url?: string;
  /** Hashing and HMAC for signing; the engine's own implementation when not given. */
  crypto?: CryptoPort;
}

export interface ActionPlan {
  action: ActionName;
  requests: PlannedRequest[];
  /** What stops the action: nothing is sent while there is one. */
  problems: string[];
  notes: string[];
  /** Masks every secret this plan touched; use it on all output. */
  masker: Masker;
}

export class PlanBuilder {
  readonly plan: ActionPlan;

  constructor(readonly input: ActionInput) {
    this.plan = { action: input.action, requests: [], problems: [], notes: [], masker: new Masker() };
  }

  problem(text: string): void {
    this.plan.problems.push(text);
  }

  note(text: string): void {
    this.plan.notes.push(text);
  }

  /** Resolves references in a value; unresolved ones become problems, resolved values are masked. */
  resolve<T>(value: T): T {
    const r = resolveReferences(value, this.input.secrets);
    for (const s of r.secrets) this.plan.masker.add(s);
    for (const u of r.unresolved) this.problem(`${u} is not set. ${u.startsWith('${env:') ? 'Set the environment variable' : 'Store the secret (VS Code: Alert Config: Set Secret; CLI: ALERTCFG_SECRET_<NAME> or --secrets-file)'} before sending.`);
    return r.value;
  }

  /** A secret value for signing or a header: masked from now on; undefined while it is still an unresolved reference. */
  secret(value: string | undefined): string | undefined {
    if (value === undefined || UNRESOLVED.test(value)) return undefined;
    this.plan.masker.add(value);
    return value;
  }

  add(request: PlannedRequest): void {
    this.plan.requests.push(request);
  }

  /** The crypto port signing uses. */
  get crypto(): CryptoPort {
    return this.input.crypto ?? PURE_CRYPTO;
  }

  get name(): string {
    return this.input.envelope.name ?? this.input.kind;
  }

  target(key: string): string | undefined {
    const v = this.input.envelope.target?.[key];
    return typeof v === 'string' && v.trim() ? v.trim() : undefined;
  }

  region(): string | undefined {
    const r = this.target('region') ?? this.input.settings.defaults.region;
    if (!r) this.problem('No region: set target.region, or defaults.region in the configuration.');
    return r;
  }

  projectId(): string | undefined {
    const p = this.target('projectId') ?? this.input.settings.defaults.projectId;
    if (!p) this.problem('No project: set target.projectId, or defaults.projectId in the configuration.');
    return p;
  }
}

/** JSON text of a body, as it is sent. */
export function bodyText(body: unknown): string {
  return JSON.stringify(body);
}

export function obj(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

export function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [];
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v : undefined;
}
