/**
 * The delivery client against loopback stand-ins and raw http servers:
 * retries, timeouts, size limits, TLS, proxies and safety refusals.
 * Waits between attempts go through an injected sleep that records them.
 */
import { test, describe, after, before } from 'node:test';
import assert from 'node:assert/strict';
import * as http from 'node:http';
import * as https from 'node:https';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as netConnect, type AddressInfo } from 'node:net';
import type { PlannedRequest } from '../../server/src/engine/actions/plan';
import { deliver, parseRetryAfter, refusal, type DeliveryOptions } from '../../server/src/delivery';
import type { StandIn } from '../standins/server';
import { startWebhook } from '../standins/webhook';
import { startDingTalk } from '../standins/dingtalk';
import { startHuawei } from '../standins/huawei';
import { closedPort, streamMegabytes } from '../helpers/net';

function plan(url: string, over: Partial<PlannedRequest> = {}): PlannedRequest {
  return {
    vendor: 'webhook',
    label: 'Test send',
    request: { method: 'POST', url, headers: { 'Content-Type': 'application/json' }, body: '{"hello":1}' },
    idempotent: true,
    carriesSecret: false,
    ...over,
  };
}

/** Options with a recording sleep and no proxy from the real environment. */
function opts(extra: DeliveryOptions = {}): DeliveryOptions & { waits: number[] } {
  const waits: number[] = [];
  return { env: {}, sleep: async (ms) => void waits.push(ms), ...extra, waits };
}

const opened: { close(): Promise<void> }[] = [];
after(async () => {
  await Promise.all(opened.map((s) => s.close()));
});
async function keep<T extends StandIn>(p: Promise<T>): Promise<T> {
  const s = await p;
  opened.push(s);
  return s;
}

/** A raw loopback server; close() also destroys open sockets. */
async function raw(handler: http.RequestListener, server: http.Server = http.createServer()): Promise<{ url: string; port: number; close(): Promise<void> }> {
  const sockets = new Set<import('node:net').Socket>();
  server.on('request', handler);
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('secureConnection', (s) => sockets.add(s));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const scheme = server instanceof https.Server ? 'https' : 'http';
  const handle = {
    url: `${scheme}://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
  opened.push(handle);
  return handle;
}

describe('retries', () => {
  test('success: one attempt, answer returned', async () => {
    const wh = await keep(startWebhook());
    const o = opts();
    const out = await deliver(plan(`${wh.url}/hook`), o);
    assert.equal(out.refused, undefined);
    assert.equal(out.attempts.length, 1);
    assert.equal(out.answer?.status, 200);
    assert.equal(out.answer?.body, '{}');
    assert.equal(wh.requests[0]!.body, '{"hello":1}');
    assert.deepEqual(o.waits, []);
  });

  test('5xx, 5xx, then success: 3 attempts seen by the stand-in, exponential backoff', async () => {
    const wh = await keep(startWebhook({ script: [{ status: 500, body: 'a' }, { status: 502, body: 'b' }] }));
    const seen: number[] = [];
    const o = opts({ onAttempt: (a) => seen.push(a.answer?.status ?? 0) });
    const out = await deliver(plan(`${wh.url}/x`), o);
    assert.equal(wh.requests.length, 3);
    assert.deepEqual(seen, [500, 502, 200]);
    assert.equal(out.answer?.status, 200);
    assert.equal(o.waits.length, 2);
    assert.ok(o.waits[0]! >= 500 && o.waits[0]! <= 625, `first wait ${o.waits[0]}`);
    assert.ok(o.waits[1]! >= 1000 && o.waits[1]! <= 1250, `second wait ${o.waits[1]}`);
  });

  test('429 with Retry-After: 1 waits exactly 1000 ms', async () => {
    const wh = await keep(startWebhook({ script: [{ status: 429, body: {}, headers: { 'Retry-After': '1' } }] }));
    const o = opts();
    const out = await deliver(plan(wh.url), o);
    assert.deepEqual(o.waits, [1000]);
    assert.equal(out.attempts.length, 2);
    assert.equal(out.answer?.status, 200);
  });

  test('Retry-After: seconds, HTTP date, cap at 30 s', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    assert.equal(parseRetryAfter('3', now), 3000);
    assert.equal(parseRetryAfter('120', now), 30_000);
    assert.equal(parseRetryAfter('Wed, 01 Jan 2025 00:00:05 GMT', now), 5000);
    assert.equal(parseRetryAfter('Wed, 01 Jan 2025 01:00:00 GMT', now), 30_000);
    assert.equal(parseRetryAfter('soon', now), undefined);
  });

  test('connection refused: retried up to 3 attempts', async () => {
    const port = await closedPort();
    const o = opts();
    const out = await deliver(plan(`http://127.0.0.1:${port}/x`), o);
    assert.equal(out.attempts.length, 3);
    assert.ok(out.attempts.every((a) => a.failure === 'refused'), JSON.stringify(out.attempts));
    assert.match(out.attempts[0]!.error!, /connection refused by 127\.0\.0\.1:\d+/);
    assert.equal(out.answer, undefined);
    assert.equal(o.waits.length, 2);
  });

  test('reset before any answer: retried', async () => {
    const wh = await keep(startWebhook({ script: ['reset'] }));
    const out = await deliver(plan(wh.url), opts());
    assert.equal(out.attempts[0]!.failure, 'reset');
    assert.match(out.attempts[0]!.error!, /before any answer/);
    assert.equal(out.attempts.length, 2);
    assert.equal(out.answer?.status, 200);
    assert.equal(wh.requests.length, 2);
  });

  test('non-idempotent create: a 500 is not retried, a refused connection is, a reset before headers is', async () => {
    const wh = await keep(startWebhook({ script: [{ status: 500, body: {} }] }));
    const once = await deliver(plan(wh.url, { idempotent: false }), opts());
    assert.equal(once.attempts.length, 1);
    assert.equal(wh.requests.length, 1);
    const port = await closedPort();
    assert.equal((await deliver(plan(`http://127.0.0.1:${port}/`, { idempotent: false }), opts())).attempts.length, 3);
    const rs = await keep(startWebhook({ script: ['reset'] }));
    assert.equal((await deliver(plan(rs.url, { idempotent: false }), opts())).attempts.length, 2);
  });

  test('401 and 403 are never retried', async () => {
    for (const status of [401, 403]) {
      const wh = await keep(startWebhook({ script: [{ status, body: { error: 'no' } }] }));
      const out = await deliver(plan(wh.url), opts());
      assert.equal(out.attempts.length, 1);
      assert.equal(out.answer?.status, status);
      assert.equal(wh.requests.length, 1);
    }
  });

  test('a bot error answered with HTTP 200 ends the loop', async () => {
    const dt = await keep(startDingTalk({ accessToken: 'RIGHT' }));
    const out = await deliver(plan(`${dt.url}/robot/send?access_token=WRONG`, { vendor: 'dingtalk', carriesSecret: true, allowedHosts: ['oapi.dingtalk.com'] }), opts());
    assert.equal(out.attempts.length, 1);
    assert.equal(JSON.parse(out.answer!.body).errcode, 300001);
  });

  test('AOM push (PUT, idempotent): 400 and 503 are not repeated unchanged, as the AOM doc says; 500, 502, 504 and 429 are', async () => {
    const aom = (url: string) => plan(`${url}/v2/p1/push/events`, { vendor: 'huawei-aom', label: 'AOM push events', request: { method: 'PUT', url: `${url}/v2/p1/push/events`, headers: { 'Content-Type': 'application/json', 'X-Auth-Token': 'tok-aom-0001' }, body: '{"events":[]}' } });
    for (const [status, body] of [[400, { error_code: 'AOM.0400', error_msg: 'parse eventParam failed', error_type: 'SC_BAD_REQUEST' }], [503, { error_code: 'APIGW.0503', error_msg: 'service unavailable' }]] as const) {
      const hw = await keep(startHuawei({ projectId: 'p1', token: 'tok-aom-0001', script: [{ status, body }] }));
      const o = opts();
      const out = await deliver(aom(hw.url), o);
      assert.equal(out.attempts.length, 1, `HTTP ${status}`);
      assert.equal(hw.requests.length, 1, `HTTP ${status}`);
      assert.equal(out.answer?.status, status);
      assert.deepEqual(o.waits, []);
    }
    for (const status of [500, 502, 504, 429]) {
      const hw = await keep(startHuawei({ projectId: 'p1', token: 'tok-aom-0001', script: [{ status, body: { error_code: 'APIGW.0500', error_msg: 'x' } }] }));
      const out = await deliver(aom(hw.url), opts());
      assert.equal(hw.requests.length, 2, `HTTP ${status} is retried`);
      assert.equal(out.answer?.status, 400, 'the second attempt reaches the stand-in, which rejects the empty events');
    }
  });

  test('CTS create (POST, not idempotent): a 503 or a 500 is not sent again; a refused connection is', async () => {
    const cts = (url: string) => plan(`${url}/v3/p1/notifications`, { vendor: 'huawei-cts', idempotent: false, request: { method: 'POST', url: `${url}/v3/p1/notifications`, headers: { 'Content-Type': 'application/json' }, body: '{}' } });
    for (const status of [503, 500]) {
      const hw = await keep(startHuawei({ projectId: 'p1', token: 't', script: [{ status, body: { error_code: 'CTS.0004', error_msg: 'x' } }] }));
      assert.equal((await deliver(cts(hw.url), opts())).attempts.length, 1);
      assert.equal(hw.requests.length, 1);
    }
    const port = await closedPort();
    assert.equal((await deliver(cts(`http://127.0.0.1:${port}`), opts())).attempts.length, 3);
  });

  test('other vendors keep retrying a 503 (a busy bot or webhook is worth another try); 501 and other 5xx are not transient', async () => {
    const wh = await keep(startWebhook({ script: [{ status: 503, body: 'busy' }] }));
    assert.equal((await deliver(plan(wh.url), opts())).attempts.length, 2);
    const ni = await keep(startWebhook({ script: [{ status: 501, body: 'not implemented' }] }));
    assert.equal((await deliver(plan(ni.url), opts())).attempts.length, 1);
  });

  test('maxAttempts from the plan', async () => {
    const port = await closedPort();
    assert.equal((await deliver(plan(`http://127.0.0.1:${port}/`, { maxAttempts: 1 }), opts())).attempts.length, 1);
  });
});

describe('timeouts and answers', () => {
  test('a server that never answers: the attempt ends at the timeout', async () => {
    const wh = await keep(startWebhook({ script: ['hang', 'hang', 'hang'] }));
    const out = await deliver(plan(wh.url, { timeoutMs: 300 }), opts());
    assert.equal(out.attempts.length, 3, 'idempotent: timeouts are retried');
    for (const a of out.attempts) {
      assert.equal(a.failure, 'timeout');
      assert.match(a.error!, /timed out after 300 ms/);
    }
    const nonIdem = await keep(startWebhook({ script: ['hang'] }));
    const one = await deliver(plan(nonIdem.url, { idempotent: false }), opts({ timeoutMs: 300 }));
    assert.equal(one.attempts.length, 1, 'non-idempotent: a timeout may have arrived, no retry');
    assert.match(one.attempts[0]!.error!, /timed out after 300 ms/);
  });

  test('a slow body is cut by the same per-attempt timeout', async () => {
    const srv = await raw((_req, res) => {
      res.writeHead(200, { 'Content-Length': '100' });
      res.write('partial');
    });
    const out = await deliver(plan(srv.url, { maxAttempts: 1 }), opts({ timeoutMs: 300 }));
    assert.equal(out.attempts[0]!.failure, 'timeout');
    assert.match(out.attempts[0]!.error!, /timed out after 300 ms while reading the answer/);
  });

  test('a 10 MB answer is truncated to maxBodyBytes and flagged', async () => {
    const srv = await raw((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      streamMegabytes(res, 10);
    });
    const out = await deliver(plan(srv.url), opts({ maxBodyBytes: 64 * 1024 }));
    assert.equal(out.attempts.length, 1);
    assert.equal(out.answer?.truncated, true);
    assert.equal(out.answer?.body.length, 64 * 1024);
  });

  test('reset mid-body: reported as a reset while reading, status kept, not retried after a 200', async () => {
    const wh = await keep(startWebhook({ script: ['reset-mid-body'] }));
    const out = await deliver(plan(wh.url), opts());
    assert.equal(out.attempts.length, 1);
    const a = out.attempts[0]!;
    assert.equal(a.failure, 'reset');
    assert.match(a.error!, /while reading the answer/);
    assert.equal(a.answer?.status, 200);
  });

  test('an external abort signal cancels', async () => {
    const wh = await keep(startWebhook({ script: ['hang'] }));
    const ctrl = new AbortController();
    setTimeout(() => ctrl.abort(), 100);
    const out = await deliver(plan(wh.url), opts({ signal: ctrl.signal }));
    assert.equal(out.attempts.length, 1);
    assert.equal(out.attempts[0]!.error, 'cancelled');
  });
});

describe('TLS', () => {
  let cert: { key: Buffer; cert: Buffer } | undefined;
  let skipReason: string | undefined;
  before(() => {
    const dir = mkdtempSync(join(tmpdir(), 'alertcfg-tls-'));
    try {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
      cert = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
    } catch {
      skipReason = 'openssl is not available to generate a self-signed certificate (node:crypto cannot build X.509 certificates)';
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('self-signed HTTPS: TLS failure by default (not retried), accepted with strictSSL false', async (t) => {
    if (!cert) return t.skip(skipReason);
    const srv = await raw((_req, res) => res.end('{"ok":true}'), https.createServer(cert));
    const strict = await deliver(plan(`${srv.url}/x`), opts());
    assert.equal(strict.attempts.length, 1);
    assert.equal(strict.attempts[0]!.failure, 'tls');
    assert.match(strict.attempts[0]!.error!, /TLS failure talking to 127\.0\.0\.1:\d+ \(.*\)/);
    const lax = await deliver(plan(`${srv.url}/x`), opts({ proxy: { strictSSL: false } }));
    assert.equal(lax.answer?.status, 200);
    assert.equal(lax.answer?.body, '{"ok":true}');
  });
});

describe('HTTPS through a proxy', () => {
  test('HTTPS_PROXY tunnels with CONNECT; the plan is not modified; proxy credentials stay out of errors', async (t) => {
    let tls: { key: Buffer; cert: Buffer };
    const dir = mkdtempSync(join(tmpdir(), 'alertcfg-tls-'));
    try {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', join(dir, 'k.pem'), '-out', join(dir, 'c.pem'), '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
      tls = { key: readFileSync(join(dir, 'k.pem')), cert: readFileSync(join(dir, 'c.pem')) };
    } catch {
      return t.skip('openssl is not available to generate a self-signed certificate');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const target = await raw((_req, res) => res.end('secure-ok'), https.createServer(tls));
    const seen: string[] = [];
    const proxyServer = http.createServer();
    proxyServer.on('connect', (req: http.IncomingMessage, sock: import('node:net').Socket, head: Buffer) => {
      seen.push(`CONNECT ${req.url}`);
      const [host, port] = req.url!.split(':');
      const up = netConnect(Number(port), host!, () => {
        sock.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        up.write(head);
        up.pipe(sock);
        sock.pipe(up);
      });
      up.on('error', () => sock.destroy());
      sock.on('error', () => up.destroy());
    });
    const tunnel = await raw(() => undefined, proxyServer);
    const p = plan(`${target.url}/s`, { request: { method: 'GET', url: `${target.url}/s`, headers: { 'X-Test': '1' } } });
    const env = { HTTPS_PROXY: `http://user:pw-very-secret@127.0.0.1:${tunnel.port}` };
    const ok = await deliver(p, opts({ env, proxy: { strictSSL: false } }));
    assert.equal(ok.answer?.body, 'secure-ok');
    assert.deepEqual(seen, [`CONNECT 127.0.0.1:${target.port}`]);
    assert.deepEqual(p.request.headers, { 'X-Test': '1' });
    const down = await closedPort();
    const failed = await deliver(p, opts({ env: { HTTPS_PROXY: `http://user:pw-very-secret@127.0.0.1:${down}` }, proxy: { strictSSL: false } }));
    assert.match(failed.attempts[0]!.error!, /refused by the proxy/);
    assert.ok(!JSON.stringify(failed).includes('pw-very-secret'));
  });
});

describe('safety refusals', () => {
  test('a secret over plain http to a non-loopback host is refused without connecting', async () => {
    const out = await deliver(plan('http://10.255.255.1:9/robot/send?access_token=T', { carriesSecret: true }), opts());
    assert.deepEqual(out.attempts, []);
    assert.match(out.refused!, /carries a secret .* plain http .* use an https:\/\/ URL/);
  });

  test('a bot secret goes only to its channel hosts, or to configured extra hosts', async () => {
    const p = plan('https://evil.example/robot/send?access_token=T', { carriesSecret: true, allowedHosts: ['oapi.dingtalk.com'] });
    const out = await deliver(p, opts());
    assert.deepEqual(out.attempts, []);
    assert.match(out.refused!, /goes only to oapi\.dingtalk\.com, not evil\.example/);
    assert.equal(refusal(p, ['evil.example']), undefined);
    assert.equal(refusal(p, ['EVIL.example']), undefined);
    assert.equal(refusal({ ...p, request: { ...p.request, url: 'https://oapi.dingtalk.com/robot/send?access_token=T' } }), undefined);
  });

  test('link-local and cloud-metadata targets are always refused', async () => {
    for (const url of ['http://169.254.169.254/latest/meta-data', 'http://[fe80::1]/', 'http://[fd00:ec2::254]/', 'http://[::ffff:169.254.169.254]/', 'http://2852039166/']) {
      const out = await deliver(plan(url), opts());
      assert.match(out.refused ?? '', /link-local or cloud-metadata/, url);
      assert.deepEqual(out.attempts, []);
    }
    assert.equal(refusal(plan('http://169.253.1.1/')), undefined);
  });

  test('loopback is always allowed, even for a bot secret over http', async () => {
    const dt = await keep(startDingTalk({ accessToken: 'T' }));
    const out = await deliver(plan(`${dt.url}/robot/send?access_token=T`, { carriesSecret: true, allowedHosts: ['oapi.dingtalk.com'], request: { method: 'POST', url: `${dt.url}/robot/send?access_token=T`, headers: { 'Content-Type': 'application/json' }, body: '{"msgtype":"text","text":{"content":"hi"}}' } }), opts());
    assert.equal(out.refused, undefined);
    assert.equal(JSON.parse(out.answer!.body).errcode, 0);
    for (const host of ['localhost', '127.0.0.2', '[::1]']) {
      assert.equal(refusal(plan(`http://${host}:1/x`, { carriesSecret: true, allowedHosts: ['oapi.dingtalk.com'] })), undefined, host);
    }
  });

  test('only http and https URLs', async () => {
    assert.match((await deliver(plan('ftp://127.0.0.1/x'), opts())).refused!, /only http and https/);
    assert.match((await deliver(plan('not a url'), opts())).refused!, /not a valid URL/);
  });
});

describe('proxies', () => {
  async function recordingProxy() {
    const seen: string[] = [];
    const proxy = await raw((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      const upstream = http.request(req.url!, { method: req.method, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      upstream.on('error', () => res.writeHead(502).end());
      req.pipe(upstream);
    });
    return { ...proxy, seen };
  }

  test('HTTP_PROXY is honoured, NO_PROXY bypasses it, an explicit proxy wins', async () => {
    const wh = await keep(startWebhook());
    const proxy = await recordingProxy();
    const via = await deliver(plan(`${wh.url}/via-proxy`), opts({ env: { HTTP_PROXY: proxy.url } }));
    assert.equal(via.answer?.status, 200);
    assert.deepEqual(proxy.seen, [`POST ${wh.url}/via-proxy`]);
    const direct = await deliver(plan(`${wh.url}/direct`), opts({ env: { HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' } }));
    assert.equal(direct.answer?.status, 200);
    assert.equal(proxy.seen.length, 1);
    const explicit = await deliver(plan(`${wh.url}/explicit`), opts({ proxy: { url: proxy.url } }));
    assert.equal(explicit.answer?.status, 200);
    assert.equal(proxy.seen.at(-1), `POST ${wh.url}/explicit`);
    assert.deepEqual(wh.requests.map((r) => r.url), ['/via-proxy', '/direct', '/explicit']);
  });
});

describe('secrets stay out of error texts', () => {
  test('a token in the URL query never appears in errors or refusals', async () => {
    const token = 'SUPERSECRETTOKEN123';
    const port = await closedPort();
    const out = await deliver(plan(`http://127.0.0.1:${port}/robot/send?access_token=${token}`, { request: { method: 'POST', url: `http://127.0.0.1:${port}/robot/send?access_token=${token}`, headers: { Authorization: `Bearer ${token}` }, body: `{"t":"${token}"}` } }), opts());
    assert.equal(out.attempts.length, 3);
    assert.ok(!JSON.stringify(out).includes(token), JSON.stringify(out));
    const hang = await keep(startWebhook({ script: ['hang'] }));
    const timedOut = await deliver(plan(`${hang.url}/open-apis/bot/v2/hook/${token}?key=${token}`, { maxAttempts: 1, timeoutMs: 200 }), opts());
    assert.match(timedOut.attempts[0]!.error!, /timed out after 200 ms/);
    assert.ok(!JSON.stringify(timedOut).includes(token), JSON.stringify(timedOut));
    const refused = await deliver(plan(`https://evil.example/open-apis/bot/v2/hook/${token}?x=${token}`, { carriesSecret: true, allowedHosts: ['open.feishu.cn'] }), opts());
    assert.ok(refused.refused && !refused.refused.includes(token), refused.refused);
    const plain = await deliver(plan(`http://evil.example/robot/send?access_token=${token}`, { carriesSecret: true }), opts());
    assert.ok(plain.refused && !plain.refused.includes(token), plain.refused);
  });
});
