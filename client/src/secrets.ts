/**
 * Secrets and cloud credentials in VS Code's SecretStorage, never in settings or
 * files. The language server asks for them by name when it builds a request
 * (custom requests of the protocol module); the palette commands set, delete and
 * list them. SecretStorage cannot list keys, so the names are kept beside it.
 * Every value handed to the server, or received from it, is registered with the
 * sink that masks the language client's trace (trace-mask.ts).
 */
import * as vscode from 'vscode';
import type { CredentialProvider, GetCredentialsParams, GetSecretsParams, GetSecretsResult, ListSecretsResult, StoreSecretParams } from '../../server/src/protocol/index';
import { CREDENTIAL_TABLE } from '../../server/src/protocol/shared';
import type { SecretSink } from './trace-mask';

const NAMES_KEY = 'alertcfg.secretNames';
const secretKey = (name: string) => `alertcfg.secret.${name}`;
const credentialKey = (provider: CredentialProvider) => `alertcfg.credentials.${provider}`;

export const SECRET_NAME = /^[A-Za-z0-9_.-]+$/;

export class SecretStore {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly handedOut: SecretSink,
  ) {}

  names(): string[] {
    return [...(this.context.globalState.get<string[]>(NAMES_KEY) ?? [])].sort();
  }

  async get(name: string): Promise<string | undefined> {
    return this.context.secrets.get(secretKey(name));
  }

  async set(name: string, value: string): Promise<void> {
    await this.context.secrets.store(secretKey(name), value);
    const names = new Set(this.names());
    names.add(name);
    await this.context.globalState.update(NAMES_KEY, [...names]);
    this.changed.fire();
  }

  async delete(name: string): Promise<void> {
    await this.context.secrets.delete(secretKey(name));
    await this.context.globalState.update(NAMES_KEY, this.names().filter((n) => n !== name));
    this.changed.fire();
  }

  async credentials(provider: CredentialProvider): Promise<Record<string, string> | null> {
    const raw = await this.context.secrets.get(credentialKey(provider));
    if (!raw) return null;
    try {
      return JSON.parse(raw) as Record<string, string>;
    } catch {
      return null;
    }
  }

  async setCredentials(provider: CredentialProvider, value: Record<string, string> | undefined): Promise<void> {
    if (value) await this.context.secrets.store(credentialKey(provider), JSON.stringify(value));
    else await this.context.secrets.delete(credentialKey(provider));
  }

  // The language server's requests. Values are registered before they are returned:
  // the client traces its answer after the handler has resolved.
  async handleGetSecrets(p: GetSecretsParams): Promise<GetSecretsResult> {
    const values: Record<string, string | null> = {};
    for (const n of Array.isArray(p?.names) ? p.names : []) if (typeof n === 'string') values[n] = (await this.get(n)) ?? null;
    this.handedOut.register(values);
    return { values };
  }

  async handleGetCredentials(p: Partial<GetCredentialsParams> | undefined): Promise<Record<string, string> | null> {
    const provider = p?.provider;
    if (!CREDENTIAL_TABLE.some((c) => c.provider === provider) || typeof provider !== 'string') return null;
    const c = await this.credentials(provider);
    this.handedOut.register(c);
    return c;
  }

  handleListSecrets(): ListSecretsResult {
    return { names: this.names() };
  }

  async handleStoreSecret(p: StoreSecretParams): Promise<{ stored: boolean }> {
    // The request itself was traced before this runs (masked by its method); later
    // messages, such as the edit that replaces the literal, may still show the value.
    this.handedOut.register(p?.value);
    if (typeof p?.name !== 'string' || !SECRET_NAME.test(p.name) || typeof p.value !== 'string' || !p.value) return { stored: false };
    await this.set(p.name, p.value);
    return { stored: true };
  }
}
