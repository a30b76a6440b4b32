/**
 * Stand-ins for what VS Code provides an extension, so that the real
 * vscode-languageclient and the real extension bundle (`dist/extension.js`) run
 * under plain node: the `vscode` module and an `ExtensionContext`.
 *
 * In the module, only what the trace tests depend on is real: the log levels, event
 * emitters, `l10n.t`, the configuration (`alertcfg.trace.server`), the output channel
 * the extension creates and a workspace folder. Everything else is a permissive no-op
 * object: any property exists, any call or `new` returns another such object.
 */
import Module from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as vscode from 'vscode';

export interface StubState {
  /** What `vscode.window.createOutputChannel` returns. */
  channel: vscode.LogOutputChannel;
  /** The value of `alertcfg.trace.server`. */
  traceServer: unknown;
  /** The workspace folder (an absolute path). */
  folder: string;
}

const permissive: ProxyHandler<Record<PropertyKey, unknown>> = {
  get(t, p) {
    if (p in t) return t[p];
    // Not a thenable, and no implicit conversions: those would turn every await and template into a stand-in.
    if (p === 'then' || typeof p === 'symbol') return undefined;
    const v = anything();
    t[p] = v;
    return v;
  },
  set(t, p, v) {
    Object.defineProperty(t, p, { value: v, writable: true, configurable: true, enumerable: true });
    return true;
  },
  apply: () => anything(),
  construct: () => anything(),
};

function anything(): object {
  return new Proxy(function stub() {} as unknown as Record<PropertyKey, unknown>, permissive);
}

function loose<T extends object>(o: T): T {
  return new Proxy(o as Record<PropertyKey, unknown>, permissive) as T;
}

class EventEmitter<T> {
  private listeners: ((e: T) => unknown)[] = [];
  readonly event = (listener: (e: T) => unknown) => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
  dispose(): void {
    this.listeners = [];
  }
}

class Disposable {
  constructor(private readonly onDispose?: () => unknown) {}
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((d) => d.dispose()));
  }
  dispose(): void {
    this.onDispose?.();
  }
}

function stubModule(state: StubState, repo: string): Record<string, unknown> {
  const uri = (path: string) => loose({ scheme: 'file', fsPath: path, path, toString: () => `file://${path}` });
  const stub = loose<Record<string, unknown>>({
    __esModule: true,
    version: '1.91.0',
    LogLevel: { Off: 0, Trace: 1, Debug: 2, Info: 3, Warning: 4, Error: 5 },
    EventEmitter,
    Disposable,
    l10n: loose({ t: (s: string, ...args: unknown[]) => String(s).replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)])) }),
    env: loose({ language: 'en', appName: 'stub' }),
    languages: loose({ getDiagnostics: () => [] }),
    window: loose({ createOutputChannel: () => state.channel, visibleTextEditors: [], activeTextEditor: undefined, visibleNotebookEditors: [], tabGroups: loose({ all: [] }) }),
    workspace: loose({
      isTrusted: true,
      textDocuments: [],
      notebookDocuments: [],
      workspaceFolders: [{ uri: uri(state.folder), name: 'w', index: 0 }],
      findFiles: async () => [],
      getConfiguration: (section?: string) => ({
        // Dotted keys reach into objects, as in VS Code (`trace.server.format` of `trace.server: {format}`).
        get: <T>(key: string, fallback?: T) => {
          let v: unknown = section === 'alertcfg' ? { trace: { server: state.traceServer } } : undefined;
          for (const part of key.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
          return v === undefined ? fallback : v;
        },
        inspect: () => undefined,
        has: () => false,
      }),
    }),
  });
  // Bundles copy a module's own properties (esbuild's __toESM): make every top-level name of the API one.
  const dts = readFileSync(join(repo, 'node_modules/@types/vscode/index.d.ts'), 'utf8');
  for (const m of dts.matchAll(/^\texport (?:class|enum|namespace|const|function|let) (\w+)/gm)) void stub[m[1]!];
  return stub;
}

/** Makes `require('vscode')` answer the stand-in until the returned function is called. */
export function installVscodeStub(state: StubState, repo: string): () => void {
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = loader._load;
  const stub = stubModule(state, repo);
  loader._load = function (this: unknown, request: string, ...rest: unknown[]) {
    return request === 'vscode' ? stub : original.call(this, request, ...rest);
  };
  return () => {
    loader._load = original;
  };
}

/** The parts of an `ExtensionContext` the extension uses, in memory. */
export interface FakeContext {
  context: vscode.ExtensionContext;
  /** The SecretStorage contents, by key (`alertcfg.secret.NAME`, `alertcfg.credentials.PROVIDER`). */
  storage: Map<string, string>;
  /** Disposes what the extension registered, last first. */
  dispose(): void;
}

export function fakeExtensionContext(repo: string): FakeContext {
  const storage = new Map<string, string>();
  const state = new Map<string, unknown>();
  const subscriptions: { dispose(): unknown }[] = [];
  const context = {
    subscriptions,
    extension: { id: 'alertcfg.alertcfg' },
    asAbsolutePath: (rel: string) => join(repo, rel),
    secrets: {
      get: async (key: string) => storage.get(key),
      store: async (key: string, value: string) => void storage.set(key, value),
      delete: async (key: string) => void storage.delete(key),
      onDidChange: () => ({ dispose: () => undefined }),
    },
    globalState: {
      get: (key: string, fallback?: unknown) => (state.has(key) ? state.get(key) : fallback),
      update: async (key: string, value: unknown) => void state.set(key, value),
      keys: () => [...state.keys()],
      setKeysForSync: () => undefined,
    },
  };
  return {
    context: context as unknown as vscode.ExtensionContext,
    storage,
    dispose: () => {
      for (const d of subscriptions.splice(0).reverse()) d.dispose();
    },
  };
}
