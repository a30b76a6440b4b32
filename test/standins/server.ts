/**
 * The shared loopback server behind every vendor stand-in: listens on
 * 127.0.0.1:0 only, records every request, and answers each one according to
 * the next behaviour in its script (default: answer like the vendor).
 *
 * Behaviours, consumed one per request:
 * - `'vendor'`: verify and answer like the vendor (the stand-in's handler);
 * - a vendor-specific name (e.g. the Tencent receiver's `'wrong-session'`),
 *   passed to the handler as its mode;
 * - `{ status, body?, headers?, delayMs? }`: a canned answer (objects are sent as JSON);
 * - `'reset'`: destroy the socket before answering;
 * - `'hang'`: never answer (close() ends it);
 * - `'slow'` / `{ slowMs }`: answer like the vendor after `slowMs` (option, default 6000);
 * - `'reset-mid-body'`: send headers and part of the body, then destroy the socket.
 */
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface Canned {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  delayMs?: number;
}

export type Behaviour = 'vendor' | 'reset' | 'hang' | 'slow' | 'reset-mid-body' | Canned | { slowMs: number } | (string & {});

export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** What the stand-in decided: "ok", the vendor's error text, or "scripted: <behaviour>". */
  verdict: string;
}

/** A vendor answer as the handler computes it. */
export interface VendorAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  verdict: string;
}

/** What a handler sees: the request with its body read. */
export interface Received {
  method: string;
  url: URL;
  rawUrl: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text: string;
}

export type Handler = (req: Received, mode: string) => VendorAnswer | Promise<VendorAnswer>;

export interface StandInOptions {
  /** Behaviours to start with (more can be pushed onto `script` later). */
  script?: Behaviour[];
  /** Delay of the `'slow'` behaviour in ms (default 6000, beyond Tencent's 5 s). */
  slowMs?: number;
}

export interface StandIn {
  /** Base URL, `http://127.0.0.1:<port>`. */
  url: string;
  port: number;
  requests: RecordedRequest[];
  script: Behaviour[];
  close(): Promise<void>;
}

/** Sends `answer` (objects as JSON; `undefined` body as an empty body). */
export function send(res: http.ServerResponse, answer: { status: number; body?: unknown; headers?: Record<string, string> }): void {
  const headers: Record<string, string> = { ...answer.headers };
  let payload = '';
  if (answer.body !== undefined) {
    payload = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
      headers['Content-Type'] = typeof answer.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
    }
  }
  res.writeHead(answer.status, { ...headers, 'Content-Length': String(Buffer.byteLength(payload)) });
  res.end(payload);
}

/** A JSON answer with a verdict. */
export function json(status: number, body: unknown, verdict: string, headers?: Record<string, string>): VendorAnswer {
  return headers ? { status, body, verdict, headers } : { status, body, verdict };
}

/** Parses a JSON body; undefined when it is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A header's single value (first of a list), or undefined. */
export function header(req: Received, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

/** Counts events in a sliding one-minute window: true while under `perMinute`. */
export function rateLimiter(perMinute: number | undefined, now: () => number = Date.now): () => boolean {
  const times: number[] = [];
  return () => {
    if (perMinute === undefined) return true;
    const t = now();
    while (times.length && times[0]! <= t - 60_000) times.shift();
    if (times.length >= perMinute) return false;
    times.push(t);
    return true;
  };
}

function describe(b: Behaviour): string {
  return typeof b === 'string' ? b : JSON.stringify(b);
}

/** Starts a loopback server that answers with `handler` under the script. */
export async function startServer(handler: Handler, options: StandInOptions = {}): Promise<StandIn> {
  const requests: RecordedRequest[] = [];
  const script: Behaviour[] = [...(options.script ?? [])];
  const sockets = new Set<Socket>();
  const slowDefault = options.slowMs ?? 6000;
  const timers = new Set<NodeJS.Timeout>();
  // Waits that close() cancels, so a slow answer never outlives the stand-in.
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks);
        const rawUrl = req.url ?? '/';
        const record: RecordedRequest = { method: req.method ?? 'GET', url: rawUrl, headers: req.headers, body: body.toString('utf8'), verdict: '' };
        requests.push(record);
        const behaviour: Behaviour = script.shift() ?? 'vendor';
        const received: Received = {
          method: record.method,
          url: new URL(rawUrl, 'http://127.0.0.1'),
          rawUrl,
          headers: req.headers,
          body,
          text: record.body,
        };
        try {
          if (behaviour === 'reset') {
            record.verdict = 'scripted: reset';
            req.socket.destroy();
          } else if (behaviour === 'hang') {
            record.verdict = 'scripted: hang';
          } else if (behaviour === 'reset-mid-body') {
            record.verdict = 'scripted: reset-mid-body';
            res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
            res.write('{"errcode":0,"errm', () => setTimeout(() => req.socket.destroy(), 20));
          } else if (typeof behaviour === 'object' && 'status' in behaviour) {
            record.verdict = `scripted: ${describe(behaviour)}`;
            if (behaviour.delayMs) await wait(behaviour.delayMs);
            send(res, behaviour);
          } else {
            const slow = behaviour === 'slow' ? slowDefault : typeof behaviour === 'object' ? behaviour.slowMs : 0;
            const mode = typeof behaviour === 'string' && behaviour !== 'slow' ? behaviour : 'vendor';
            const answer = await handler(received, mode);
            record.verdict = slow ? `${answer.verdict} (slow ${slow} ms)` : answer.verdict;
            if (slow) await wait(slow);
            if (!res.destroyed) send(res, answer);
          }
        } catch (err) {
          record.verdict = `stand-in error: ${(err as Error).message}`;
          if (!res.headersSent) send(res, { status: 500, body: { error: String(err) } });
        }
      })();
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    script,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
