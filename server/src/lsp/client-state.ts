/**
 * What the client told the server about itself: its capabilities, locale and
 * initialization options at `initialize`, and later, by notification, whether the
 * workspace is trusted and which proxy to use.
 */
import { type ClientCapabilities, type Connection, type InitializeParams } from 'vscode-languageserver';
import { type Locale, localeOf } from '../engine/index';
import { ClientNotification, type InitializationOptions, type ProxySettings } from '../protocol/index';

export class ClientState {
  capabilities: ClientCapabilities = {};
  initOptions: InitializationOptions = {};
  locale: Locale = 'en';
  /** How diagnostics link to the rules page: `command` when the client opens its own copy. */
  ruleLinks: 'file' | 'command' = 'file';
  /** Trust and proxy as the client last told them by notification; until then, its initialization options. */
  private told: { trusted?: boolean; proxy?: ProxySettings | null } = {};

  initialize(params: InitializeParams): void {
    this.capabilities = params?.capabilities ?? {};
    const options = params?.initializationOptions;
    this.initOptions = typeof options === 'object' && options !== null ? (options as InitializationOptions) : {};
    this.locale = localeOf(typeof params?.locale === 'string' ? params.locale : this.initOptions.locale);
    this.ruleLinks = this.initOptions.ruleLinks === 'command' ? 'command' : 'file';
  }

  /** Hears `alertcfg/setTrusted` and `alertcfg/setProxy`. */
  listen(connection: Connection): void {
    connection.onNotification(ClientNotification.setTrusted, (p: { trusted?: unknown }) => {
      this.told = { ...this.told, trusted: p?.trusted !== false };
    });
    connection.onNotification(ClientNotification.setProxy, (p: ProxySettings | undefined) => {
      this.told = { ...this.told, proxy: p && typeof p === 'object' ? p : null };
    });
  }

  /** The client stores secrets for us (`alertcfg/storeSecret`, `alertcfg/listSecrets`). */
  get secretStorage(): boolean {
    return this.initOptions?.secretStorage === true;
  }

  get documentChanges(): boolean {
    return this.capabilities.workspace?.workspaceEdit?.documentChanges === true;
  }

  get pullDiagnostics(): boolean {
    return this.capabilities.textDocument?.diagnostic !== undefined;
  }

  get canRefreshDiagnostics(): boolean {
    return this.capabilities.workspace?.diagnostics?.refreshSupport === true;
  }

  get canPullConfiguration(): boolean {
    return this.capabilities.workspace?.configuration === true;
  }

  /** Network actions are allowed: the workspace is trusted. */
  trusted(): boolean {
    return this.told.trusted ?? this.initOptions.trusted !== false;
  }

  proxy(): ProxySettings | undefined {
    return this.told.proxy === undefined ? this.initOptions.proxy : (this.told.proxy ?? undefined);
  }
}
