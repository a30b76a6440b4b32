/**
 * The language server, fed a long random sequence of didOpen / didChange (random
 * incremental edits, ranges past the end included, and whole-text replacements) /
 * completion / hover / codeAction / documentSymbol / foldingRange / selectionRange /
 * codeLens / executeCommand / didClose, with the documents of the engine fuzzer
 * (mutated seeds), requests fired without waiting for the previous ones:
 *
 * - every request is answered (a result, or an error the protocol allows), none is
 *   left without an answer;
 * - the server never exits, and logs no handler failure (`... failed:`: a handler
 *   that threw and was caught by `safe`);
 * - every published diagnostic lies inside the text of the version it names.
 *
 * `npm test` runs the short sequence with a fixed seed; `npm run fuzz` a long one.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import type { Diagnostic, Position, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { type LspClient, offsetAt, positionAt, sleep, startServer } from '../lsp/harness';
import { fuzzConfig, report } from './config';
import { seeds } from './corpus';
import { fragment, fuzzCase } from './mutate';
import { textOf } from './properties';

const cfg = fuzzConfig();
const ANSWER_WITHIN_MS = 60_000;

type Op =
  | { op: 'open'; file: number; text: string }
  | { op: 'change'; file: number; edits: { from: number; to: number; text: string; past: boolean }[] }
  | { op: 'replace'; file: number; text: string }
  | { op: 'request'; file: number; method: string; at: number; to: number }
  | { op: 'command'; file: number; command: string }
  | { op: 'close'; file: number }
  | { op: 'config'; text: string };

const FILES = ['a.yaml', 'b.yaml', 'c.json', 'd.yml'];
const METHODS = ['textDocument/completion', 'textDocument/hover', 'textDocument/codeAction', 'textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/selectionRange', 'textDocument/codeLens'];
const COMMANDS = ['alertcfg.listActions', 'alertcfg.preview', 'alertcfg.template', 'alertcfg.send', 'alertcfg.moveSecret', 'alertcfg.unknown'];

const unit = fc.double({ min: 0, max: 1, noNaN: true });
const text = fuzzCase.map((c) => textOf(c).text.slice(0, 200_000));
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('open' as const), file: fc.nat(FILES.length - 1), text }) },
  { weight: 8, arbitrary: fc.record({ op: fc.constant('change' as const), file: fc.nat(FILES.length - 1), edits: fc.array(fc.record({ from: unit, to: unit, text: fragment, past: fc.boolean() }), { minLength: 1, maxLength: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('replace' as const), file: fc.nat(FILES.length - 1), text }) },
  { weight: 8, arbitrary: fc.record({ op: fc.constant('request' as const), file: fc.nat(FILES.length), method: fc.constantFrom(...METHODS), at: unit, to: unit }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('command' as const), file: fc.nat(FILES.length - 1), command: fc.constantFrom(...COMMANDS) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('close' as const), file: fc.nat(FILES.length - 1) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('config' as const), text: fc.constantFrom('maxDocuments: 3\n', 'rules: {secret-in-plaintext: error}\n', 'maxFileSize: 2048\n', 'include: ["**/*.yaml"]\n', 'maxDocuments: [\n', '') }) },
);

/**
 * An offset a position can name: one between the CR and the LF of a CRLF is the end of
 * its line (positionAt), so the edit this client makes there is made before the CR.
 */
function nameable(t: string, offset: number): number {
  return offset > 0 && t[offset - 1] === '\r' && t[offset] === '\n' ? offset - 1 : offset;
}

/** Lines end at CRLF, LF or a lone CR, as LSP counts them. */
function insideText(t: string, d: Diagnostic): boolean {
  const lines = t.split(/\r\n|\r|\n/);
  const ok = (p: Position) => Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line]!.length;
  const ordered = d.range.start.line < d.range.end.line || (d.range.start.line === d.range.end.line && d.range.start.character <= d.range.end.character);
  return ok(d.range.start) && ok(d.range.end) && ordered;
}

interface Stats {
  operations: number;
  requests: number;
  notifications: number;
  publications: number;
}

class Session {
  /** Each open document under a fresh URI (a reopened file gets a new one, so (uri, version) names one text). */
  private readonly uris = new Map<number, string>();
  private readonly texts = new Map<string, string>();
  private generation = 0;
  readonly pending: Promise<void>[] = [];
  readonly failures: string[] = [];
  readonly stats: Stats = { operations: 0, requests: 0, notifications: 0, publications: 0 };

  constructor(private readonly c: LspClient) {}

  private remember(uri: string): void {
    this.texts.set(`${uri}#${this.c.version(uri)}`, this.c.text(uri));
  }

  private request(method: string, params: unknown, what: string): void {
    this.stats.requests++;
    const answered = this.c.request(method, params).then(
      () => undefined,
      (e: { code?: number; message?: string }) => {
        // Cancellation and invalid params are answers the protocol allows; anything else is a failure.
        if (e?.code !== -32800 && e?.code !== -32602) this.failures.push(`${what}: error ${e?.code} ${e?.message}`);
      },
    );
    let timer: ReturnType<typeof setTimeout> | undefined;
    const guard = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        this.failures.push(`${what}: no answer within ${ANSWER_WITHIN_MS} ms`);
        resolve();
      }, ANSWER_WITHIN_MS);
    });
    this.pending.push(Promise.race([answered, guard]).finally(() => clearTimeout(timer)));
  }

  run(o: Op): void {
    this.stats.operations++;
    const c = this.c;
    if (o.op === 'config') {
      c.writeFile('.alertcfg.yaml', o.text);
      c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: c.uri('.alertcfg.yaml'), type: 2 }] });
      this.stats.notifications++;
      return;
    }
    const uri = this.uris.get(o.file) ?? c.uri(`nowhere-${o.file}.yaml`);
    const open = this.uris.has(o.file);
    switch (o.op) {
      case 'open': {
        if (open) return;
        const fresh = c.uri(`${this.generation++}-${FILES[o.file]}`);
        this.uris.set(o.file, fresh);
        c.open(fresh, o.text);
        this.remember(fresh);
        this.stats.notifications++;
        return;
      }
      case 'change':
      case 'replace': {
        if (!open) return;
        if (o.op === 'replace') c.change(uri, o.text);
        else {
          // Several changes in one notification, each in the text the previous ones left.
          let t = c.text(uri);
          const edits = o.edits.map((e) => {
            const a = nameable(t, Math.floor(Math.min(e.from, e.to) * (t.length + 1)));
            const b = Math.max(a, nameable(t, Math.floor(Math.max(e.from, e.to) * (t.length + 1))));
            const end = positionAt(t, b);
            // Sometimes a range past the end of the line or of the document (clients do send those).
            const range = { start: positionAt(t, a), end: e.past ? { line: end.line + 3, character: end.character + 40 } : end };
            t = t.slice(0, a) + e.text + t.slice(e.past ? offsetAt(t, range.end) : b);
            return { range, text: e.text };
          });
          c.change(uri, edits);
        }
        this.remember(uri);
        this.stats.notifications++;
        return;
      }
      case 'close':
        if (!open) return;
        c.close(uri);
        this.uris.delete(o.file);
        this.stats.notifications++;
        return;
      case 'request': {
        const t = c.text(uri);
        const a = positionAt(t, Math.floor(Math.min(o.at, o.to) * (t.length + 1)));
        const b = positionAt(t, Math.floor(Math.max(o.at, o.to) * (t.length + 1)));
        const diagnostics = [...c.published].reverse().find((p) => p.uri === uri)?.diagnostics ?? [];
        const params = { textDocument: { uri }, position: a, positions: [a, b], range: { start: a, end: b }, context: { diagnostics: diagnostics.slice(0, 20), only: undefined } };
        this.request(o.method, params, `${o.method} ${uri}`);
        return;
      }
      case 'command':
        this.request('workspace/executeCommand', { command: o.command, arguments: [{ uri, documentIndex: 0, kind: 'Contact', version: c.version(uri), start: 0, end: 5, name: 'fuzz-secret' }] }, `${o.command} ${uri}`);
        return;
    }
  }

  /** Every publication names a version whose text holds all its ranges. */
  checkPublications(published: readonly PublishDiagnosticsParams[]): void {
    for (const p of published) {
      if (p.version === undefined || p.version === null) {
        if (p.diagnostics.length) this.failures.push(`${p.uri}: diagnostics without a version`);
        continue;
      }
      const t = this.texts.get(`${p.uri}#${p.version}`);
      if (t === undefined) {
        if (p.diagnostics.length) this.failures.push(`${p.uri}: diagnostics for version ${p.version}, which the client never had`);
        continue;
      }
      for (const d of p.diagnostics) if (!insideText(t, d)) this.failures.push(`${p.uri}@${p.version}: ${String(d.code)} ${JSON.stringify(d.range)} is outside the text`);
    }
    this.stats.publications = published.length;
  }
}

test('the property can fail: a diagnostic past the end of its line or text is caught', () => {
  const d = (line: number, character: number): Diagnostic => ({ range: { start: { line: 0, character: 0 }, end: { line, character } }, message: 'x' });
  assert.equal(insideText('ab\ncd', d(1, 2)), true);
  assert.equal(insideText('ab\ncd', d(1, 3)), false);
  assert.equal(insideText('ab\ncd', d(2, 0)), false);
  assert.equal(insideText('ab\ncd', { range: { start: { line: 1, character: 0 }, end: { line: 0, character: 1 } }, message: 'x' }), false);
  // A lone CR ends a line; the CR of a CRLF is not a character of its line.
  assert.equal(insideText('ab\rcd', d(1, 2)), true);
  assert.equal(insideText('ab\rcd', d(0, 3)), false);
  assert.equal(insideText('ab\r\ncd', d(0, 3)), false);
  assert.equal(insideText('ab\r\ncd', d(2, 0)), false);
});

let c: LspClient;
before(async () => {
  // Untrusted: the send command is refused, nothing ever leaves the machine.
  c = await startServer({ initializationOptions: { trusted: false, secretStorage: false }, files: { 'seed.yaml': seeds()[0]!.text } });
});
after(() => c.shutdown());

test(`server: answers every request and never exits (${cfg.lspOperations} operations, seed ${cfg.seed})`, { timeout: cfg.long ? 24 * 3600_000 : 240_000 }, async () => {
  const session = new Session(c);
  const started = performance.now();
  const batches = Math.ceil(cfg.lspOperations / 50);
  for (let i = 0; i < batches; i++) {
    // One batch at a time (a long campaign's documents would not all fit in memory at once).
    const [batch] = fc.sample(fc.array(op, { minLength: 50, maxLength: 50 }), { seed: cfg.seed + i, numRuns: 1 });
    for (const o of batch!) session.run(o);
    // A client does not wait for each answer; it does not send forever without reading either.
    await Promise.all(session.pending.splice(0));
    assert.ok(c.alive, `the server exited; stderr: ${c.stderr.slice(-2000)}`);
  }
  // Still answering, and diagnostics settled.
  assert.equal(typeof (await c.request('textDocument/hover', { textDocument: { uri: c.uri('seed.yaml') }, position: { line: 0, character: 0 } })), 'object');
  await sleep(1500);
  session.checkPublications(c.published);
  const handlerFailures = c.logs.filter((l) => / failed: /.test(l.message)).map((l) => l.message.slice(0, 600));
  report({ property: 'lsp', seed: cfg.seed, ...session.stats, ms: Math.round(performance.now() - started), failures: session.failures.length, handlerFailures: handlerFailures.length });
  assert.ok(c.alive, 'the server exited');
  assert.deepEqual(session.failures.slice(0, 20), []);
  assert.deepEqual(handlerFailures.slice(0, 5), [], 'a handler threw (caught by safe)');
  assert.ok(session.stats.requests >= cfg.lspOperations / 4, `only ${session.stats.requests} requests were sent`);
});
