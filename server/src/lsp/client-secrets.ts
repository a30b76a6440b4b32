/**
 * Secrets and credentials for the editor: asked of the client's secret storage
 * (`alertcfg/listSecrets`, `alertcfg/getSecrets`, `alertcfg/storeSecret`,
 * `alertcfg/getCredentials`) when it has one, else taken from the server's
 * environment, as the CLI takes them.
 */
import type { Connection } from 'vscode-languageserver';
import { type CredentialSource, type SecretSource, completeForm, credentialSpecs, referencesIn } from '../engine/index';
import { ClientRequest, type GetSecretsResult, type ListSecretsResult, type StoreSecretParams } from '../protocol/index';
import type { ClientState } from './client-state';
import { withTimeout } from './safe';

export class ClientSecrets {
  private nameCache: { at: number; names: string[] | undefined } | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly client: ClientState,
    /** Where values come from without the client's storage: the server's environment on Node, nothing in a browser. */
    private readonly fallback: { secrets: SecretSource; credentials: CredentialSource },
  ) {}

  /** The client stores secrets for us. */
  get storage(): boolean {
    return this.client.secretStorage;
  }

  /** Names of the secrets the client holds; undefined when it cannot tell. */
  async names(): Promise<string[] | undefined> {
    if (!this.storage) return undefined;
    if (this.nameCache && Date.now() - this.nameCache.at < 2000) return this.nameCache.names;
    const request = this.connection.sendRequest<ListSecretsResult>(ClientRequest.listSecrets, {}).then((r) => (Array.isArray(r?.names) ? r.names.filter((n): n is string => typeof n === 'string') : undefined));
    const names = await withTimeout<string[] | undefined>(request, 1500, undefined);
    this.nameCache = { at: Date.now(), names };
    return names;
  }

  /** Asks the client to store a secret; whether it did. Throws when the request fails. */
  async store(name: string, value: string): Promise<boolean> {
    const params: StoreSecretParams = { name, value };
    const r = await this.connection.sendRequest<{ stored?: boolean }>(ClientRequest.storeSecret, params);
    if (r?.stored === true) this.nameCache = undefined;
    return r?.stored === true;
  }

  /** `${secret:...}` values from the client's storage (fetched once per call), `${env:...}` from the environment. */
  async sourceFor(...values: unknown[]): Promise<SecretSource> {
    const fallback = this.fallback.secrets;
    if (!this.storage) return fallback;
    const names = [...new Set(values.flatMap((v) => referencesIn(v)).filter((r) => r.kind === 'secret').map((r) => r.name))];
    let stored: Record<string, string | null> = {};
    if (names.length) {
      try {
        stored = (await this.connection.sendRequest<GetSecretsResult>(ClientRequest.getSecrets, { names }))?.values ?? {};
      } catch {
        stored = {};
      }
    }
    // A secret not set is named as the client stores it, not as the CLI's variable.
    return { env: fallback.env, secret: (name) => stored[name] ?? undefined, where: (ref) => (ref.kind === 'secret' ? `secret ${ref.name}` : ref.name) };
  }

  /** Each vendor's credentials from the client's storage when it holds a complete set, else from the environment variables. */
  async credentials(): Promise<CredentialSource> {
    const env = this.fallback.credentials;
    if (!this.storage) return env;
    const ask = async (provider: string): Promise<Record<string, string> | undefined> => {
      try {
        const r = await this.connection.sendRequest<Record<string, string> | null>(ClientRequest.getCredentials, { provider });
        return r && typeof r === 'object' ? r : undefined;
      } catch {
        return undefined;
      }
    };
    const specs = credentialSpecs();
    const stored = new Map(await Promise.all(specs.map(async (s) => [s.provider, await ask(s.provider)] as const)));
    return {
      get(provider) {
        const spec = specs.find((s) => s.provider === provider);
        const values = stored.get(provider);
        return spec && completeForm(spec, values) ? values : env.get(provider);
      },
    };
  }
}
