/**
 * Fault injection in delivery, against loopback servers only: connection refused,
 * reset before and in the middle of the answer, DNS failure, TLS failure (a
 * self-signed certificate), 5xx then success, 429 with Retry-After (seconds and an
 * HTTP date), a server that never answers, one that answers 10 MB, one that answers
 * invalid JSON, and one that answers an HTML page.
 *
 * Each fault is sent with real plans from the engine: an idempotent one (AOM push
 * events, a PUT) and a create (Volcengine CreateContact), and for the answer faults a
 * bot (DingTalk, HTTP 200 with errcode). For each: the attempts the client made equal
 * the requests the server saw, and both equal what SPEC §5 says (retries only on
 * network errors, 429, 500, 502, 503 and 504 — not a 503 from AOM, whose doc
 * forbids it —, at most 3, a create never again once an answer came); the waits are the backoff or the Retry-After; the report says clearly what
 * happened; no attempt outlives its timeout. Then the language server is shown to
 * answer hover and completion while a send hangs.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type ActionReport, Masker, type PlannedRequest, interpret } from '../../server/src/engine/index';
import { type DeliveryOptions, deliver } from '../../server/src/delivery';
import { executePlan } from '../../server/src/delivery/execute';
import { type LspClient, sleep, startServer as startLsp } from '../lsp/harness';
import { type Behaviour, json, startServer, type StandIn } from '../standins/server';
import { startWebhook } from '../standins/webhook';
import { report } from '../fuzz/config';
import { contact, events, plan, request } from './plans';
import { closedPort, streamMegabytes } from '../helpers/net';

let injected = 0;
const opened: { close(): Promise<void> }[] = [];
after(async () => {
  await Promise.all(opened.map((s) => s.close()));
});

/** Answers like the vendor the path belongs to: AOM 204, Volcengine 200 with metadata, DingTalk errcode 0. */
async function vendor(script: Behaviour[]): Promise<StandIn> {
  const s = await startServer((req) => {
    if (req.url.pathname.includes('/push/events')) return { status: 204, verdict: 'ok' };
    if (req.url.searchParams.get('Action') === 'CreateContact') return json(200, { ResponseMetadata: { RequestId: 'r', Action: 'CreateContact' }, Result: { Id: 'c-1' } }, 'ok');
    return json(200, { errcode: 0, errmsg: 'ok' }, 'ok');
  }, { script });
  opened.push(s);
  return s;
}

function options(extra: DeliveryOptions = {}): DeliveryOptions & { waits: number[] } {
  const waits: number[] = [];
  return { env: {}, timeoutMs: 2000, sleep: async (ms) => void waits.push(ms), ...extra, waits };
}

const idempotent = (base: string) => request(events({ huawei: base }), 'push');
const create = (base: string) => request(contact({ volcengine: base }), 'apply');
const bot = (base: string) => request(contact({ dingtalk: base }), 'send', 'dingtalk');

interface Expect {
  attempts: number;
  seen?: number;
  failure?: string;
  status?: number;
  success: boolean;
  waits?: (w: number[]) => boolean;
  describe: RegExp;
}

/** Sends `p`, checks attempts, waits and report against `e`, and that no attempt outlived its timeout. */
async function check(name: string, p: PlannedRequest, server: StandIn | undefined, e: Expect, extra: DeliveryOptions = {}): Promise<ActionReport> {
  injected++;
  const o = options(extra);
  const outcome = await deliver(p, o);
  const report = interpret(p, outcome, new Masker());
  const where = `${name} (${p.label})`;
  assert.equal(outcome.refused, undefined, `${where}: refused: ${outcome.refused}`);
  assert.equal(outcome.attempts.length, e.attempts, `${where}: attempts ${JSON.stringify(outcome.attempts.map((a) => a.failure ?? a.answer?.status))}`);
  if (server) assert.equal(server.requests.length, e.seen ?? e.attempts, `${where}: requests the server saw`);
  if (e.failure) assert.equal(outcome.attempts.at(-1)!.failure, e.failure, where);
  if (e.status) assert.equal(outcome.answer?.status, e.status, where);
  assert.equal(report.success, e.success, `${where}: ${JSON.stringify(report.error)}`);
  assert.equal(o.waits.length, e.attempts - 1, `${where}: one wait between attempts`);
  if (e.waits) assert.ok(e.waits(o.waits), `${where}: waits ${JSON.stringify(o.waits)}`);
  assert.match(`${report.error?.code ?? ''} ${report.error?.description ?? ''} ${report.error?.details ?? ''}`, e.describe, `${where}: ${JSON.stringify(report.error)}`);
  const limit = (p.timeoutMs ?? o.timeoutMs ?? 10_000) + 1500;
  for (const a of outcome.attempts) assert.ok(a.durationMs <= limit, `${where}: attempt ${a.attempt} took ${a.durationMs} ms (timeout ${limit - 1500})`);
  return report;
}

/** A successful report: no error to describe. */
const OK = /^\s*$/;
const backoff = (w: number[]) => w.every((ms, i) => ms >= 500 * 2 ** i && ms <= 625 * 2 ** i);

describe('network faults', () => {
  test('connection refused: retried to 3 attempts for both (nothing was received), with backoff', async () => {
    const base = `http://127.0.0.1:${await closedPort()}`;
    for (const p of [idempotent(base), create(base)]) await check('refused', p, undefined, { attempts: 3, failure: 'refused', success: false, waits: backoff, describe: /^refused No answer from 127\.0\.0\.1:\d+: connection refused by 127\.0\.0\.1:\d+; is the receiver running/ });
  });

  test('reset before any answer: retried for both; the create arrived each time (SPEC: no answer, so it may be retried)', async () => {
    for (const make of [idempotent, create]) {
      const s = await vendor(['reset', 'reset', 'reset']);
      await check('reset', make(s.url), s, { attempts: 3, failure: 'reset', success: false, waits: backoff, describe: /connection reset by 127\.0\.0\.1:\d+\/\S* before any answer/ });
    }
    const s = await vendor(['reset']);
    await check('reset then ok', idempotent(s.url), s, { attempts: 2, success: true, describe: OK });
  });

  test('reset in the middle of the answer: an answer had come, so no retry; the partial body is not taken for success', async () => {
    for (const make of [idempotent, create, bot]) {
      const s = await vendor(['reset-mid-body']);
      // AOM's answer is its status (accepted); for a bot or a create the body decides, and it broke off.
      await check('reset mid-body', make(s.url), s, { attempts: 1, failure: 'reset', status: 200, success: make === idempotent, describe: make === idempotent ? OK : /^reset 127\.0\.0\.1:\d+ answered HTTP 200, but connection reset by 127\.0\.0\.1:\d+\/\S* while reading the answer: the answer could not be read, so whether it was accepted is unknown\./ });
    }
  });

  test('DNS failure (a .invalid name, RFC 6761, never resolves): a network error, retried, nothing contacted', async () => {
    // The machine's resolver answers .invalid at once (ENOTFOUND); the durations below are the hang guard.
    for (const make of [idempotent, create]) await check('dns', make('https://alertcfg-fault-injection.invalid'), undefined, { attempts: 3, failure: 'dns', success: false, waits: backoff, describe: /cannot resolve the host name alertcfg-fault-injection\.invalid/ });
    // The same through an injected resolver, so the test does not depend on this machine's.
    let asked = 0;
    const lookup: DeliveryOptions['lookup'] = (host, _o, cb) => {
      asked++;
      cb(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }), '');
    };
    await check('dns (injected)', idempotent('https://events.example.test'), undefined, { attempts: 3, failure: 'dns', success: false, describe: /cannot resolve the host name events\.example\.test/ }, { lookup });
    assert.equal(asked, 3);
  });

  test('TLS failure (self-signed certificate): not retried, and no request was made', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'alertcfg-rel-tls-'));
    let cert: { key: Buffer; cert: Buffer };
    try {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', join(dir, 'k.pem'), '-out', join(dir, 'c.pem'), '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
      cert = { key: readFileSync(join(dir, 'k.pem')), cert: readFileSync(join(dir, 'c.pem')) };
    } catch {
      return t.skip('openssl is not available to make a self-signed certificate');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const requests: string[] = [];
    let connections = 0;
    const server = https.createServer(cert, (req, res) => {
      requests.push(req.url ?? '');
      res.end('{}');
    });
    const sockets = new Set<Socket>();
    server.on('connection', (s: Socket) => {
      connections++;
      sockets.add(s);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    opened.push({ close: () => new Promise<void>((r) => { for (const s of sockets) s.destroy(); server.close(() => r()); }) });
    const base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    for (const make of [idempotent, create]) await check('tls', make(base), undefined, { attempts: 1, failure: 'tls', success: false, describe: /TLS failure talking to 127\.0\.0\.1:\d+ \(\w+\): the server's certificate is not trusted/ });
    // One connection per plan, refused at the handshake: no HTTP request ever reached the server.
    assert.deepEqual(requests, []);
    assert.equal(connections, 2);
  });

  test('a server that never answers: each attempt ends at the timeout; the create is not sent again (it may have arrived)', async () => {
    const s = await vendor(['hang', 'hang', 'hang']);
    await check('hang', idempotent(s.url), s, { attempts: 3, failure: 'timeout', success: false, describe: /timed out after 300 ms/ }, { timeoutMs: 300 });
    const c = await vendor(['hang']);
    await check('hang', create(c.url), c, { attempts: 1, failure: 'timeout', success: false, describe: /timed out after 300 ms/ }, { timeoutMs: 300 });
    // With the real waits between attempts too: the whole delivery is bounded (3 × 300 ms + 0.5 s + 1 s of backoff).
    const r = await vendor(['hang', 'hang', 'hang']);
    const started = performance.now();
    injected++;
    const out = await deliver(idempotent(r.url), { env: {}, timeoutMs: 300 });
    assert.equal(out.attempts.length, 3);
    assert.ok(performance.now() - started < 10_000, 'the delivery ends (hang guard)');
  });
});

describe('answer faults', () => {
  test('5xx then success: retried with backoff for an idempotent request; a create stops at the first answer', async () => {
    const s = await vendor([{ status: 500, body: 'a' }, { status: 504, body: 'b' }]);
    await check('5xx then ok', idempotent(s.url), s, { attempts: 3, success: true, status: 204, waits: backoff, describe: OK });
    // AOM's doc: a 400 or a 503 "should not be repeated without modifications".
    for (const status of [400, 503]) {
      const once = await vendor([{ status, body: { error_code: 'AOM.0400', error_msg: 'no' } }]);
      await check(`${status} (AOM)`, idempotent(once.url), once, { attempts: 1, success: false, status, describe: /AOM\.0400/ });
    }
    const c = await vendor([{ status: 500, body: 'internal error' }]);
    await check('5xx (create)', create(c.url), c, { attempts: 1, success: false, status: 500, describe: /HTTP 500/ });
    const three = await vendor([{ status: 502, body: 'x' }, { status: 502, body: 'x' }, { status: 502, body: 'x' }, { status: 200, body: {} }]);
    await check('5xx ×3', idempotent(three.url), three, { attempts: 3, success: false, status: 502, describe: /HTTP 502/ });
  });

  test('429 with Retry-After (seconds, an HTTP date), and 503 with Retry-After to a bot: the wait is the one asked for', async () => {
    const s = await vendor([{ status: 429, body: {}, headers: { 'Retry-After': '2' } }]);
    await check('429 Retry-After: 2', idempotent(s.url), s, { attempts: 2, success: true, waits: (w) => w[0] === 2000, describe: OK });
    const date = new Date(Date.now() + 3000).toUTCString();
    const d = await vendor([{ status: 429, body: {}, headers: { 'Retry-After': date } }]);
    await check('429 Retry-After: date', idempotent(d.url), d, { attempts: 2, success: true, waits: (w) => w[0]! > 0 && w[0]! <= 3000, describe: OK });
    const u = await vendor([{ status: 503, body: 'busy', headers: { 'Retry-After': '1' } }]);
    await check('503 Retry-After: 1', bot(u.url), u, { attempts: 2, success: true, waits: (w) => w[0] === 1000, describe: OK });
    const big = await vendor([{ status: 429, body: {}, headers: { 'Retry-After': '86400' } }]);
    await check('429 Retry-After: a day (capped at 30 s)', idempotent(big.url), big, { attempts: 2, success: true, waits: (w) => w[0] === 30_000, describe: OK });
    const c = await vendor([{ status: 429, body: {}, headers: { 'Retry-After': '1' } }]);
    await check('429 (create)', create(c.url), c, { attempts: 1, success: false, status: 429, describe: /HTTP 429/ });
  });

  test('a 10 MB answer: read up to 1 MiB, flagged as cut, not retried', async () => {
    let served = 0;
    const server = http.createServer((_req, res) => {
      served++;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      streamMegabytes(res, 10);
    });
    const sockets = new Set<Socket>();
    server.on('connection', (s: Socket) => sockets.add(s));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    opened.push({ close: () => new Promise<void>((r) => { for (const s of sockets) s.destroy(); server.close(() => r()); }) });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    for (const make of [idempotent, bot]) {
      injected++;
      const p = make(base);
      const out = await deliver(p, options());
      assert.equal(out.attempts.length, 1);
      assert.equal(out.answer?.truncated, true);
      assert.equal(out.answer?.body.length, 1024 * 1024);
      const r = interpret(p, out, new Masker());
      if (make === bot) {
        assert.equal(r.success, false);
        assert.match(r.error!.description, /The answer is not JSON \(HTTP 200\): x+ \(the answer was longer than the 1048576 bytes kept\)/);
      }
    }
    assert.equal(served, 2);
  });

  test('invalid JSON and an HTML page instead of the vendor JSON: a clear failure, not a crash', async () => {
    const broken = await vendor([{ status: 200, body: '{"errcode": 0, "errmsg": "ok"', headers: { 'Content-Type': 'application/json' } }]);
    const r1 = await check('invalid JSON (bot)', bot(broken.url), broken, { attempts: 1, success: false, describe: /no-errcode The answer is not JSON \(HTTP 200\): \{"errcode": 0, "errmsg": "ok"/ });
    assert.equal(r1.connected, true);
    const page = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>';
    const html = await vendor([{ status: 502, body: page, headers: { 'Content-Type': 'text/html' } }, { status: 502, body: page, headers: { 'Content-Type': 'text/html' } }, { status: 502, body: page, headers: { 'Content-Type': 'text/html' } }]);
    await check('HTML 502 (idempotent)', idempotent(html.url), html, { attempts: 3, success: false, status: 502, describe: /HTTP 502 127\.0\.0\.1:\d+ answered HTTP 502 with an HTML page \("502 Bad Gateway"\), not the vendor's JSON: a proxy, a gateway or a wrong address is in between\./ });
    const ok200 = await vendor([{ status: 200, body: '<html><body>captive portal</body></html>', headers: { 'Content-Type': 'text/html' } }]);
    await check('HTML 200 (bot)', bot(ok200.url), ok200, { attempts: 1, success: false, describe: /answered HTTP 200 with an HTML page, not the vendor's JSON/ });
    const c = await vendor([{ status: 200, body: 'not json at all' }]);
    await check('text 200 (create)', create(c.url), c, { attempts: 1, success: true, describe: OK });
  });

  test('a whole plan (executePlan): a failing request stops the plan with its report', async () => {
    const s = await vendor([{ status: 500, body: 'x' }, { status: 500, body: 'x' }, { status: 500, body: 'x' }]);
    injected++;
    const reports = await executePlan(plan(events({ huawei: s.url }), 'push'), options());
    assert.equal(reports.length, 1);
    assert.equal(reports[0]!.attempts.length, 3);
    assert.equal(s.requests.length, 3);
  });
});

describe('the editor stays responsive while a send hangs', () => {
  let c: LspClient;
  let hang: StandIn;
  before(async () => {
    hang = await startWebhook({ script: ['hang', 'hang', 'hang'] });
    opened.push(hang);
    c = await startLsp({ initializationOptions: { trusted: true }, settings: { timeoutMs: 1500 } });
  });
  after(() => c.shutdown());

  test('hover, completion and diagnostics are answered while alertcfg.send waits for a server that never answers', async () => {
    const text = `apiVersion: alertcfg/v1\nkind: Contact\nmetadata:\n  name: hang\ntarget:\n  region: cn-beijing\nspec:\n  Name: hang\n  Email: x@example.com\n  Webhook:\n    Address: ${hang.url}/hook\n`;
    const uri = c.open('hang.yaml', text);
    await c.diagnostics(uri);
    injected++;
    let sendDone = false;
    const send = c.request<{ success: boolean; reports: ActionReport[] }>('workspace/executeCommand', { command: 'alertcfg.send', arguments: [{ uri, documentIndex: 0, channel: 'webhook' }] }).then((r) => {
      sendDone = true;
      return r;
    });
    await sleep(200);
    const answered: string[] = [];
    for (let i = 0; i < 5; i++) {
      const hover = await c.request<{ contents: unknown } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 7, character: 3 } });
      assert.ok(hover, 'hover answered');
      const completion = await c.request<{ items: unknown[] }>('textDocument/completion', { textDocument: { uri }, position: { line: 8, character: 2 } });
      assert.ok(Array.isArray(completion.items));
      if (!sendDone) answered.push(`${i}`);
      c.replace(uri, 'Name: hang', `Name: hang${i}`);
    }
    assert.ok(answered.length >= 3, `requests answered while the send was pending: ${answered.length}`);
    await c.diagnostics(uri, (p) => p.version === c.version(uri));
    const result = await send;
    assert.equal(result.success, false);
    const report = result.reports[0]!;
    assert.equal(report.error?.code, 'timeout');
    assert.equal(report.attempts.length, 3, 'the webhook test message is idempotent: 3 attempts');
    assert.equal(hang.requests.length, 3);
    assert.ok(c.alive);
  });
});

test('faults injected in this file', (t) => {
  t.diagnostic(`faults injected: ${injected}`);
  report({ property: 'faults', injected });
  assert.ok(injected >= 30, `only ${injected} faults were injected`);
});
