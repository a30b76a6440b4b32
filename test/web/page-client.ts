/**
 * The LSP client in the browser page of the web-worker tests, bundled for the page
 * by worker-page.ts: it starts the language server's web bundle as a Worker, talks
 * LSP to it over postMessage (vscode-jsonrpc's BrowserMessageReader/Writer, as
 * vscode-languageclient/browser does), and plays the extension: it answers the
 * file requests from an in-memory workspace, and settings, secrets and credentials
 * from what the test gave. The test drives it through `window.webLsp`.
 */
import { BrowserMessageReader, BrowserMessageWriter, createMessageConnection } from 'vscode-jsonrpc/browser';

/** As much of the page's globals as this file uses (the project compiles without the DOM library). */
declare const Worker: new (url: string) => ConstructorParameters<typeof BrowserMessageReader>[0];
declare const window: Record<string, unknown>;
declare function btoa(data: string): string;

export interface PageSetup {
  worker: string;
  /** File URI → text. */
  files: Record<string, string>;
  settings: Record<string, unknown>;
  secrets: Record<string, string>;
  credentials: Record<string, Record<string, string>>;
}

export interface PageState {
  published: { uri: string; version?: number; diagnostics: unknown[] }[];
  logs: string[];
  /** Methods of the requests the server sent, in order. */
  asked: string[];
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

function start(setup: PageSetup): void {
  const state: PageState = { published: [], logs: [], asked: [] };
  const files = new Map(Object.entries(setup.files).map(([uri, text]) => [uri, { text, mtime: 1_000 }]));
  const worker = new Worker(setup.worker);
  const conn = createMessageConnection(new BrowserMessageReader(worker), new BrowserMessageWriter(worker));
  const answer = <P>(method: string, fn: (p: P) => unknown) =>
    conn.onRequest(method, (p: P) => {
      state.asked.push(method);
      return fn(p);
    });
  conn.onNotification('textDocument/publishDiagnostics', (p: PageState['published'][number]) => {
    state.published.push(p);
  });
  conn.onNotification('window/logMessage', (p: { message: string }) => {
    state.logs.push(p.message);
  });
  answer('client/registerCapability', () => null);
  answer('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map((i) => (i.section === 'alertcfg' ? setup.settings : null)));
  answer('alertcfg/findFiles', (p: { folder: string }) => ({ uris: [...files.keys()].filter((u) => u.startsWith(`${p.folder}/`)) }));
  answer('alertcfg/stat', (p: { uri: string }) => {
    const f = files.get(p.uri);
    return f ? { size: new TextEncoder().encode(f.text).length, mtime: f.mtime } : null;
  });
  answer('alertcfg/readFile', (p: { uri: string; maxBytes: number }) => {
    const f = files.get(p.uri);
    return f && new TextEncoder().encode(f.text).length <= p.maxBytes ? { base64: base64(f.text) } : null;
  });
  answer('alertcfg/listSecrets', () => ({ names: Object.keys(setup.secrets) }));
  answer('alertcfg/getSecrets', (p: { names: string[] }) => ({ values: Object.fromEntries(p.names.map((n) => [n, setup.secrets[n] ?? null])) }));
  answer('alertcfg/getCredentials', (p: { provider: string }) => setup.credentials[p.provider] ?? null);
  conn.listen();
  window['webLsp'] = {
    state,
    request: (method: string, params: unknown) => conn.sendRequest(method, params),
    notify: (method: string, params: unknown) => conn.sendNotification(method, params),
  };
}

window['startWebLsp'] = start;
