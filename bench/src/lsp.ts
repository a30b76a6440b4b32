/**
 * A minimal LSP client over stdio (vscode-languageserver-protocol) for timing
 * servers: it starts a server process, plays the editor (initialize, configuration
 * answers, open/change, completion, hover), timestamps every publishDiagnostics,
 * and reads the server's peak RSS from /proc.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  type ClientCapabilities,
  type CompletionItem,
  type CompletionList,
  type Hover,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';

export interface ServerSpec {
  name: string;
  command: string;
  args: string[];
  /** Answers `workspace/configuration` items by section. */
  configuration(section: string | undefined): unknown;
  /** Sent as `workspace/didChangeConfiguration` after `initialized`, if given. */
  pushSettings?: unknown;
}

export interface Publication {
  at: number;
  params: PublishDiagnosticsParams;
}

const CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: false },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] }, contextSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
  },
};

export class LspSession {
  readonly published: Publication[] = [];
  private waiters: (() => void)[] = [];
  private texts = new Map<string, { version: number; text: string }>();
  stderr = '';
  exited = false;

  private constructor(readonly spec: ServerSpec, readonly proc: ChildProcess, readonly conn: ProtocolConnection) {}

  static async start(spec: ServerSpec, root: string): Promise<LspSession> {
    const proc = spawn(spec.command, spec.args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, TZ: 'UTC' } });
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const s = new LspSession(spec, proc, conn);
    proc.stderr!.on('data', (d: Buffer) => {
      if (s.stderr.length < 20_000) s.stderr += d.toString();
    });
    proc.on('exit', () => {
      s.exited = true;
      s.wake();
    });
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      s.published.push({ at: performance.now(), params: p });
      s.wake();
    });
    conn.onNotification('window/logMessage', () => undefined);
    conn.onNotification('telemetry/event', () => undefined);
    conn.onNotification('$/progress', () => undefined);
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('client/unregisterCapability', () => null);
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.onRequest('workspace/diagnostic/refresh', () => null);
    conn.onRequest('workspace/semanticTokens/refresh', () => null);
    conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map((i) => spec.configuration(i.section) ?? null));
    // yaml-language-server asks the client for schema content it cannot read itself.
    conn.onRequest('custom/schema/request', (uri: string) => readFileSync(new URL(uri), 'utf8'));
    conn.onNotification('custom/schemaAssociations', () => undefined);
    conn.listen();
    const rootUri = pathToFileURL(root).href;
    await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      rootPath: root,
      workspaceFolders: [{ uri: rootUri, name: 'bench' }],
      capabilities: CAPABILITIES,
    });
    await conn.sendNotification('initialized', {});
    if (spec.pushSettings !== undefined) await conn.sendNotification('workspace/didChangeConfiguration', { settings: spec.pushSettings });
    return s;
  }

  get pid(): number {
    return this.proc.pid!;
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  private next(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(resolve, ms);
      this.waiters.push(() => {
        clearTimeout(t);
        resolve();
      });
    });
  }

  /** Waits for the first publication for `uri` after index `since` that passes `test`. */
  async waitFor(uri: string, since: number, test: (p: PublishDiagnosticsParams) => boolean, timeoutMs: number): Promise<Publication> {
    const deadline = performance.now() + timeoutMs;
    let i = since;
    for (;;) {
      for (; i < this.published.length; i++) {
        const p = this.published[i]!;
        if (p.params.uri === uri && test(p.params)) return p;
      }
      if (this.exited) throw new Error(`${this.spec.name} exited; stderr: ${this.stderr.slice(-2000)}`);
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`${this.spec.name}: no diagnostics for ${uri} within ${timeoutMs} ms`);
      await this.next(left);
    }
  }

  async open(uri: string, text: string, languageId = 'yaml'): Promise<number> {
    this.texts.set(uri, { version: 1, text });
    const at = performance.now();
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return at;
  }

  text(uri: string): string {
    return this.texts.get(uri)!.text;
  }

  /** Replaces text[start, end) with `by` as one incremental change; returns [version, time sent]. */
  async change(uri: string, start: number, end: number, by: string): Promise<{ version: number; at: number }> {
    const cur = this.texts.get(uri)!;
    const version = cur.version + 1;
    const range = { start: positionAt(cur.text, start), end: positionAt(cur.text, end) };
    const text = cur.text.slice(0, start) + by + cur.text.slice(end);
    this.texts.set(uri, { version, text });
    const at = performance.now();
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: by }] });
    return { version, at };
  }

  async completion(uri: string, position: Position): Promise<{ ms: number; items: number }> {
    const at = performance.now();
    const r = (await this.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position, context: { triggerKind: 1 } })) as CompletionList | CompletionItem[] | null;
    const ms = performance.now() - at;
    return { ms, items: Array.isArray(r) ? r.length : (r?.items.length ?? 0) };
  }

  async hover(uri: string, position: Position): Promise<{ ms: number; found: boolean }> {
    const at = performance.now();
    const r = (await this.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position })) as Hover | null;
    return { ms: performance.now() - at, found: r !== null && r !== undefined };
  }

  /** Peak resident set size of the server process so far, in MB (Linux /proc). */
  peakRssMb(): number {
    return procStatusKb(this.pid, 'VmHWM') / 1024;
  }

  rssMb(): number {
    return procStatusKb(this.pid, 'VmRSS') / 1024;
  }

  async shutdown(): Promise<void> {
    try {
      if (!this.exited) {
        await Promise.race([this.conn.sendRequest('shutdown'), sleep(3000)]);
        await this.conn.sendNotification('exit');
      }
    } catch {
      // gone already
    }
    await Promise.race([new Promise<void>((r) => (this.exited ? r() : this.proc.once('exit', () => r()))), sleep(3000)]);
    if (!this.exited) this.proc.kill('SIGKILL');
    this.conn.dispose();
  }
}

export function procStatusKb(pid: number, field: string): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : NaN;
  } catch {
    return NaN;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** LSP position (UTF-16 columns) of an offset. */
export function positionAt(text: string, offset: number): Position {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}
