/**
 * What a request builder gets, and the plan it returns. Builders are pure: the
 * time, secrets and credentials come in; requests, problems and notes go out.
 */
import type { Settings } from '../../config/settings';
import { type CryptoPort, PURE_CRYPTO } from '../../crypto/port';
import type { Kind } from '../../model/kinds';
import type { ActionName } from '../../verbs';
import { Masker } from '../mask';
import { renderTemplate } from '../messages';
import type { PlannedRequest } from '../plan';
import { type SecretSource, resolveReferences } from '../references';
import { hasUnset, isShellName, referenceVariable, unsetMarker } from '../variables';
import type { Channel } from '../../webhooks/channels';

const UNRESOLVED = /\$\{(env|secret):[^}]*\}/;

/**
 * Cloud credentials, asked for by vendor (the registry's `provider`): the stored
 * values by field key (`{ak, sk}`, `{accessKeyId, secretAccessKey}`, `{session}`),
 * or undefined when none are set.
 */
export interface CredentialSource {
  get(provider: string): Readonly<Record<string, string>> | undefined;
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
  /** `send` on a Contact: `cloud` asks Volcengine VMP to send the test itself (TestDingTalkBotWebhook, …). */
  via?: 'cloud';
  /** `replay`: overrides target.url. */
  url?: string;
  /** Hashing and HMAC for signing; the engine's own implementation when not given. */
  crypto?: CryptoPort;
}

/** A secret, reference or credential that is not set: it stops sending, not previewing. */
export interface MissingValue {
  /** What is looked up, as the user would set it: `ALERTCFG_SECRET_DT_SECRET`, `VOLCENGINE_ACCESS_KEY`. */
  variables: string[];
  /** What asks for it: `${secret:dt-secret}`, `Volcengine credentials`. */
  what: string;
  /** The variables as the request shows them: `VOLCENGINE_ACCESS_KEY and VOLCENGINE_SECRET_KEY`. */
  shown: string;
  /** The sentence among the problems. */
  problem: string;
}

export interface ActionPlan {
  action: ActionName;
  requests: PlannedRequest[];
  /** What stops the action: nothing is sent while there is one. Includes every `missing` problem. */
  problems: string[];
  /** The problems that are only values not set yet: a preview still shows the request, with `<unset: …>` in their place. */
  missing: MissingValue[];
  notes: string[];
  /** Masks every secret this plan touched; use it on all output. */
  masker: Masker;
  /** The environment variable each secret value came from (for curl commands that read it). */
  origins: Map<string, string>;
}

export class PlanBuilder {
  readonly plan: ActionPlan;

  constructor(readonly input: ActionInput) {
    this.plan = { action: input.action, requests: [], problems: [], missing: [], notes: [], masker: new Masker(), origins: new Map() };
  }

  problem(text: string): void {
    this.plan.problems.push(text);
  }

  note(text: string): void {
    this.plan.notes.push(text);
  }

  /**
   * Resolves references in a value; resolved values are masked from now on. One
   * without a value becomes `<unset: VARIABLE>` in the copy, and a missing value.
   */
  resolve<T>(value: T): T {
    const source = this.input.secrets;
    const where = (ref: Parameters<typeof referenceVariable>[0]) => source.where?.(ref) ?? referenceVariable(ref);
    const r = resolveReferences(value, source, (ref) => unsetMarker(where(ref)));
    for (const s of r.secrets) this.plan.masker.add(s);
    for (const o of r.origins) {
      const variable = where(o.ref);
      if (isShellName(variable) && !this.plan.origins.has(o.value)) this.plan.origins.set(o.value, variable);
    }
    r.unresolved.forEach((u, i) => {
      const how = u.startsWith('${env:') ? 'Set the environment variable' : 'Store the secret (VS Code: Alert Config: Set Secret; CLI: ALERTCFG_SECRET_<NAME> or --secrets-file)';
      this.missingValue(u, [where(r.unresolvedRefs[i]!)], `${u} is not set. ${how} before sending.`);
    });
    return r.value;
  }

  /** A secret value for signing or a header: masked from now on; undefined while it is not set (a reference or `<unset: …>`). */
  secret(value: string | undefined): string | undefined {
    if (value === undefined || UNRESOLVED.test(value) || hasUnset(value)) return undefined;
    this.plan.masker.add(value);
    return value;
  }

  /** A credential: masked from now on (unless it is an identifier, such as an access key id), and known to come from `variable`. */
  credential(value: string | undefined, variable: string, secret = true): string | undefined {
    if (!value) return undefined;
    if (secret) this.plan.masker.add(value);
    if (!this.plan.origins.has(value)) this.plan.origins.set(value, variable);
    return value;
  }

  /** Records a value that is not set (a problem for sending); returns its `<unset: …>` marker (`shown`, or the variables). */
  missingValue(what: string, variables: string[], problem: string, shown = variables.join(', ')): string {
    if (!this.plan.missing.some((m) => m.problem === problem)) {
      this.plan.missing.push({ what, variables, shown, problem });
      this.problem(problem);
    }
    return unsetMarker(shown);
  }

  add(request: PlannedRequest): void {
    this.plan.requests.push(request);
  }

  /** The crypto port signing uses. */
  get crypto(): CryptoPort {
    return this.input.crypto ?? PURE_CRYPTO;
  }

  /** The vendor body as it is sent: the body (a raw one without its `$schema`), references resolved. */
  resolvedBody(): Record<string, unknown> {
    const { $schema: _ignored, ...body } = obj(this.input.body);
    return this.resolve(body);
  }

  /** A test message's text: the one asked for, or the configured template's. */
  messageText(): string {
    return this.input.message ?? renderTemplate(this.input.settings.messageTemplate, { name: this.name, kind: this.input.kind, time: this.input.now });
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
