/**
 * LSP test harness: spawns the built `dist/server.js --stdio`, talks JSON-RPC to it
 * with vscode-jsonrpc, plays the client (initialize/initialized with a temporary
 * workspace folder, answers `workspace/configuration`, `workspace/applyEdit`,
 * `client/registerCapability` and the `alertcfg/*` requests), collects
 * `publishDiagnostics`, and shuts the server down cleanly.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type MessageConnection, StreamMessageReader, StreamMessageWriter, createMessageConnection, CancellationTokenSource } from 'vscode-jsonrpc/node';
import type {
  ApplyWorkspaceEditParams,
  ClientCapabilities,
  ConfigurationParams,
  Diagnostic,
  InitializeResult,
  LogMessageParams,
  Position,
  PublishDiagnosticsParams,
  Range,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { repoRoot } from '../helpers/repo';

export const REPO = repoRoot();
export const SERVER = join(REPO, 'dist', 'server.js');

export interface HarnessOptions {
  /** Files of the workspace, by path relative to its root. */
  files?: Record<string, string>;
  /** Replaces the default client capabilities where given (shallow per section). */
  capabilities?: ClientCapabilities;
  initializationOptions?: Record<string, unknown>;
  locale?: string;
  /** The `alertcfg` settings the client answers `workspace/configuration` with. */
  settings?: Record<string, unknown>;
  /** Delay before answering `workspace/configuration`. */
  configurationDelayMs?: number;
  /** Names the client's secret storage answers `alertcfg/listSecrets` with. */
  secretNames?: string[];
  /** No workspace folder at all. */
  noWorkspace?: boolean;
}

export const DEFAULT_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    applyEdit: true,
    workspaceEdit: { documentChanges: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    didChangeConfiguration: { dynamicRegistration: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    completion: { completionItem: { snippetSupport: true } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
    foldingRange: { lineFoldingOnly: true },
  },
};

export class LspClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: LogMessageParams[] = [];
  readonly applied: ApplyWorkspaceEditParams[] = [];
  readonly stored: { name: string; value: string }[] = [];
  readonly configurationRequests: ConfigurationParams[] = [];
  refreshRequests = 0;
  stderr = '';
  settings: Record<string, unknown>;
  configurationDelayMs: number;
  secretNames: string[] | undefined;
  storeAnswer = true;
  initializeResult!: InitializeResult;
  private readonly texts = new Map<string, { version: number; text: string }>();
  private readonly waiters: (() => void)[] = [];
  private exited = false;

  constructor(readonly root: string, readonly conn: MessageConnection, readonly proc: ChildProcess, options: HarnessOptions) {
    this.settings = options.settings ?? {};
    this.configurationDelayMs = options.configurationDelayMs ?? 0;
    this.secretNames = options.secretNames;
    proc.on('exit', () => {
      this.exited = true;
    });
  }

  get alive(): boolean {
    return !this.exited && this.proc.exitCode === null;
  }

  uri(rel: string): string {
    return pathToFileURL(join(this.root, rel)).href;
  }

  path(rel: string): string {
    return join(this.root, rel);
  }

  writeFile(rel: string, text: string): string {
    const p = join(this.root, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
    return this.uri(rel);
  }

  deleteFile(rel: string): string {
    unlinkSync(join(this.root, rel));
    return this.uri(rel);
  }

  text(uri: string): string {
    return this.texts.get(uri)?.text ?? '';
  }

  version(uri: string): number {
    return this.texts.get(uri)?.version ?? 0;
  }

  /** didOpen; the URI is the workspace file's unless an absolute URI is given. */
  open(relOrUri: string, text: string, languageId?: string): string {
    const uri = relOrUri.includes('://') ? relOrUri : this.uri(relOrUri);
    const lang = languageId ?? (uri.endsWith('.json') ? 'json' : 'yaml');
    this.texts.set(uri, { version: 1, text });
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: lang, version: 1, text } });
    return uri;
  }

  /** didChange with incremental edits (ranges in the current text), or the whole text. */
  change(uri: string, edits: { range: Range; text: string }[] | string): number {
    const cur = this.texts.get(uri) ?? { version: 0, text: '' };
    const version = cur.version + 1;
    let text = cur.text;
    if (typeof edits === 'string') text = edits;
    else for (const e of edits) text = applyOne(text, e.range, e.text);
    this.texts.set(uri, { version, text });
    const contentChanges = typeof edits === 'string' ? [{ text: edits }] : edits.map((e) => ({ range: e.range, text: e.text }));
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
    return version;
  }

  /** Replaces the first occurrence of `find` (after `from`) with `by`, as an incremental edit. */
  replace(uri: string, find: string, by: string, from = 0): number {
    const text = this.text(uri);
    const at = text.indexOf(find, from);
    if (at < 0) throw new Error(`"${find}" is not in the document`);
    return this.change(uri, [{ range: { start: positionAt(text, at), end: positionAt(text, at + find.length) }, text: by }]);
  }

  close(uri: string): void {
    this.texts.delete(uri);
    void this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  notify(method: string, params: unknown): void {
    void this.conn.sendNotification(method, params);
  }

  request<R = unknown>(method: string, params: unknown, token?: CancellationTokenSource): Promise<R> {
    return (token ? this.conn.sendRequest(method, params, token.token) : this.conn.sendRequest(method, params)) as Promise<R>;
  }

  /** The position of the n-th occurrence of `find` in a document (plus `delta` characters). */
  pos(uri: string, find: string, delta = 0, nth = 0): Position {
    const text = this.text(uri);
    let at = -1;
    for (let i = 0; i <= nth; i++) {
      at = text.indexOf(find, at + 1);
      if (at < 0) throw new Error(`"${find}" (${nth}) is not in the document`);
    }
    return positionAt(text, at + delta);
  }

  /** Waits until a publication for `uri` satisfies `test` (checking earlier ones too, newest first). */
  async diagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 5000, since = 0): Promise<PublishDiagnosticsParams> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (let i = this.published.length - 1; i >= since; i--) {
        const p = this.published[i]!;
        if (p.uri === uri && test(p)) return p;
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        const last = [...this.published].reverse().find((p) => p.uri === uri);
        throw new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(last?.diagnostics.map(brief))}`);
      }
      await this.nextEvent(left);
    }
  }

  /** Waits for the latest publication for `uri` to satisfy `test` and stay so for `settleMs`. */
  async settled(uri: string, test: (p: PublishDiagnosticsParams) => boolean, timeoutMs = 5000, settleMs = 300): Promise<PublishDiagnosticsParams> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const last = [...this.published].reverse().find((p) => p.uri === uri);
      if (last && test(last)) {
        const count = this.published.length;
        await sleep(settleMs);
        const again = [...this.published].reverse().find((p) => p.uri === uri);
        if (again === last || (again && test(again) && this.published.length === count)) return again ?? last;
        continue;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`diagnostics for ${uri} did not settle; last: ${JSON.stringify(last?.diagnostics.map(brief))}`);
      await this.nextEvent(Math.min(left, 100));
    }
  }

  private nextEvent(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(resolve, ms);
      this.waiters.push(() => {
        clearTimeout(t);
        resolve();
      });
    });
  }

  /** @internal */
  event(): void {
    const w = this.waiters.splice(0);
    for (const f of w) f();
  }

  async shutdown(): Promise<void> {
    try {
      if (this.alive) {
        await Promise.race([this.conn.sendRequest('shutdown'), sleep(2000)]);
        void this.conn.sendNotification('exit');
      }
    } catch {
      // already gone
    }
    const exited = await Promise.race([
      new Promise<boolean>((r) => (this.exited ? r(true) : this.proc.once('exit', () => r(true)))),
      sleep(2000).then(() => false),
    ]);
    if (!exited) this.proc.kill('SIGKILL');
    this.conn.dispose();
    rmSync(this.root, { recursive: true, force: true });
  }
}

export async function startServer(options: HarnessOptions = {}): Promise<LspClient> {
  const root = mkdtempSync(join(tmpdir(), 'alertcfg-lsp-'));
  for (const [rel, text] of Object.entries(options.files ?? {})) {
    const p = join(root, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
  }
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, TZ: 'UTC' } });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const client = new LspClient(root, conn, proc, options);
  proc.stderr!.on('data', (d: Buffer) => {
    client.stderr += d.toString();
  });
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    client.published.push(p);
    client.event();
  });
  conn.onNotification('window/logMessage', (p: LogMessageParams) => {
    client.logs.push(p);
  });
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('client/unregisterCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onRequest('workspace/diagnostic/refresh', () => {
    client.refreshRequests++;
    client.event();
    return null;
  });
  conn.onRequest('workspace/configuration', async (p: ConfigurationParams) => {
    client.configurationRequests.push(p);
    if (client.configurationDelayMs) await sleep(client.configurationDelayMs);
    return p.items.map((item) => (item.section === 'alertcfg' ? client.settings : null));
  });
  conn.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => {
    client.applied.push(p);
    client.event();
    return { applied: true };
  });
  conn.onRequest('alertcfg/listSecrets', () => ({ names: client.secretNames ?? [] }));
  conn.onRequest('alertcfg/storeSecret', (p: { name: string; value: string }) => {
    client.stored.push(p);
    return { stored: client.storeAnswer };
  });
  conn.listen();

  const workspaceFolders = options.noWorkspace ? null : [{ uri: pathToFileURL(root).href, name: 'ws' }];
  const capabilities = mergeCapabilities(DEFAULT_CAPABILITIES, options.capabilities ?? {});
  client.initializeResult = await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: options.noWorkspace ? null : pathToFileURL(root).href,
    workspaceFolders,
    capabilities,
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.initializationOptions ? { initializationOptions: options.initializationOptions } : {}),
  });
  void conn.sendNotification('initialized', {});
  return client;
}

function mergeCapabilities(a: ClientCapabilities, b: ClientCapabilities): ClientCapabilities {
  return {
    ...a,
    ...b,
    workspace: { ...a.workspace, ...b.workspace },
    textDocument: { ...a.textDocument, ...b.textDocument },
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

// ---------------------------------------------------------------- text helpers (independent of the engine)

// Lines end at CRLF, LF or a lone CR, as LSP counts them.
const BREAK = /\r\n|\r|\n/g;

export function offsetAt(text: string, p: Position): number {
  BREAK.lastIndex = 0;
  let start = 0;
  for (let line = 0; line < p.line; line++) {
    const m = BREAK.exec(text);
    if (!m) return text.length;
    start = m.index + m[0].length;
  }
  const m = BREAK.exec(text);
  return Math.min(start + p.character, m ? m.index : text.length);
}

/** The position of an offset; an offset between the CR and the LF of a CRLF is its line's end. */
export function positionAt(text: string, offset: number): Position {
  const at = offset > 0 && text[offset - 1] === '\r' && text[offset] === '\n' ? offset - 1 : offset;
  const lines = text.slice(0, at).split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1]!.length };
}

function applyOne(text: string, range: Range, newText: string): string {
  return text.slice(0, offsetAt(text, range.start)) + newText + text.slice(offsetAt(text, range.end));
}

/** Applies LSP text edits (non-overlapping) to a text. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const withOffsets = edits.map((e) => ({ s: offsetAt(text, e.range.start), e: offsetAt(text, e.range.end), t: e.newText }));
  withOffsets.sort((x, y) => y.s - x.s || y.e - x.e);
  let out = text;
  for (const w of withOffsets) out = out.slice(0, w.s) + w.t + out.slice(w.e);
  return out;
}

/** The edits of a workspace edit for one document (documentChanges or changes). */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  const out: TextEdit[] = [];
  for (const c of edit.documentChanges ?? []) if ('textDocument' in c && c.textDocument.uri === uri) out.push(...(c.edits as TextEdit[]));
  out.push(...(edit.changes?.[uri] ?? []));
  return out;
}

/** `code line:col-line:col` (1-based), for compact assertions. */
export function brief(d: Diagnostic): string {
  return `${String(d.code)} ${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1}`;
}

export function lines(...ls: string[]): string {
  return `${ls.join('\n')}\n`;
}

export { CancellationTokenSource };
