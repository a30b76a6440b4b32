/**
 * One HTTP attempt over undici: picks the dispatcher (direct, environment
 * proxy or explicit proxy), bounds the whole attempt — connect, headers and
 * body — by one timer, reads at most `maxBodyBytes` of the answer and turns
 * failures into an `AttemptRecord` whose text names host and path only.
 */
import { performance } from 'node:perf_hooks';
import type { Dispatcher } from 'undici';
import type { AttemptRecord, HttpAnswer, PlannedRequest } from '../engine/actions/plan';
import { type LookupFunction, bareHost, describeTarget, guardedLookup, scrub } from './safety';

type Undici = typeof import('undici');
let loaded: Undici | undefined;

/**
 * undici, loaded on first use: it is most of the bundle's code, and the language
 * server and `alertcfg validate` start without it (only actions send requests).
 */
function undici(): Undici {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require('undici') as Undici);
}

export interface TransportOptions {
  proxy?: { url?: string; strictSSL?: boolean };
  env?: NodeJS.ProcessEnv;
  /** Name resolution (default `dns.lookup`), always behind guardedLookup. */
  lookup?: LookupFunction;
}

/**
 * A dispatcher for one delivery. An explicit proxy (VS Code `http.proxy`)
 * wins over `HTTP(S)_PROXY`; `NO_PROXY` is honoured for both. Plain-http
 * targets are forwarded in absolute form (as curl does), https ones tunnelled.
 * Certificates are checked unless `strictSSL` is explicitly false.
 */
export function createDispatcher(options: TransportOptions): Dispatcher {
  const env = options.env ?? process.env;
  const rejectUnauthorized = options.proxy?.strictSSL !== false;
  // Names that resolve to link-local or cloud-metadata addresses are refused at connect time.
  const tls = { rejectUnauthorized, lookup: guardedLookup(options.lookup) };
  const explicit = options.proxy?.url?.trim();
  const httpProxy = explicit || env['http_proxy'] || env['HTTP_PROXY'] || '';
  const httpsProxy = explicit || env['https_proxy'] || env['HTTPS_PROXY'] || httpProxy;
  const noProxy = env['no_proxy'] ?? env['NO_PROXY'] ?? '';
  if (!httpProxy && !httpsProxy) return new (undici().Agent)({ connect: tls });
  return new (undici().EnvHttpProxyAgent)({
    httpProxy,
    httpsProxy,
    noProxy,
    connect: tls,
    requestTls: { rejectUnauthorized },
    proxyTls: { rejectUnauthorized },
    proxyTunnel: false,
  });
}

const TLS_CODES = /CERT|SELF_SIGNED|TLS|SSL|UNABLE_TO_(GET|VERIFY)|HOSTNAME_MISMATCH/;

interface ErrorFacts {
  codes: string[];
  messages: string[];
  /** Ports of the sockets that failed (net errors carry them). */
  ports: number[];
}

function collect(err: unknown, facts: ErrorFacts = { codes: [], messages: [], ports: [] }, depth = 0): ErrorFacts {
  if (!err || typeof err !== 'object' || depth > 5) return facts;
  const e = err as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown; port?: unknown };
  if (typeof e.code === 'string') facts.codes.push(e.code);
  if (typeof e.port === 'number') facts.ports.push(e.port);
  if (typeof e.message === 'string') facts.messages.push(e.message);
  if (Array.isArray(e.errors)) for (const inner of e.errors) collect(inner, facts, depth + 1);
  collect(e.cause, facts, depth + 1);
  return facts;
}

/** Classifies a network error; `answered` says whether response headers had arrived. */
export function classify(err: unknown, url: URL, answered: boolean): { failure: NonNullable<AttemptRecord['failure']>; error: string } {
  const { codes, messages, ports } = collect(err);
  const where = describeTarget(url);
  const has = (...c: string[]) => codes.some((code) => c.includes(code));
  if (has('ELINKLOCAL')) {
    const m = messages.find((x) => /link-local or cloud-metadata/.test(x));
    return { failure: 'other', error: `refused to connect to ${url.host}: ${m ?? 'it resolves to a link-local or cloud-metadata address'}` };
  }
  if (has('ECONNREFUSED')) {
    const targetPort = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
    if (ports.length && !ports.includes(targetPort)) {
      return { failure: 'refused', error: `connection refused by the proxy (port ${ports[0]}) on the way to ${url.host}; check the proxy settings` };
    }
    return { failure: 'refused', error: `connection refused by ${url.host}; is the receiver running and listening on that port?` };
  }
  if (has('ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_NODATA')) {
    return { failure: 'dns', error: `cannot resolve the host name ${bareHost(url)}; check the address and your DNS or proxy settings` };
  }
  if (codes.some((c) => TLS_CODES.test(c)) || messages.some((m) => /certificate|SSL routines|TLS/i.test(m))) {
    const code = codes.find((c) => TLS_CODES.test(c)) ?? 'TLS error';
    const certificate = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|HOSTNAME_MISMATCH|ALTNAME/.test(code);
    return {
      failure: 'tls',
      error: certificate
        ? `TLS failure talking to ${url.host} (${code}): the server's certificate is not trusted; fix the certificate, or set http.proxyStrictSSL to false only for a test server you trust`
        : `TLS failure talking to ${url.host} (${code}): the TLS handshake failed; check that the address really serves https on that port`,
    };
  }
  if (has('ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE', 'UND_ERR_CLOSED') || messages.some((m) => /other side closed|terminated/i.test(m))) {
    return {
      failure: 'reset',
      error: answered ? `connection reset by ${where} while reading the answer` : `connection reset by ${where} before any answer`,
    };
  }
  if (has('ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT')) return { failure: 'timeout', error: `connecting to ${url.host} timed out` };
  const first = messages[0] ?? String(err);
  return { failure: 'other', error: `request to ${where} failed: ${first}` };
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** Credentials inside the proxy URLs in use, to keep them out of error texts. */
export function proxySecrets(options: TransportOptions): string[] {
  const env = options.env ?? process.env;
  const out: string[] = [];
  for (const value of [options.proxy?.url, env['http_proxy'], env['HTTP_PROXY'], env['https_proxy'], env['HTTPS_PROXY']]) {
    try {
      const u = value ? new URL(value) : undefined;
      if (u?.password) out.push(u.password, decodeURIComponent(u.password));
      if (u?.username) out.push(`${u.username}:${u.password}`);
    } catch {
      /* not a URL: nothing to hide */
    }
  }
  return out;
}

export interface AttemptSettings {
  dispatcher: Dispatcher;
  /** Extra strings to remove from error texts (proxy credentials). */
  secrets?: readonly string[];
  timeoutMs: number;
  maxBodyBytes: number;
  signal?: AbortSignal;
}

/** Sends `plan` once. Never throws: every outcome is an `AttemptRecord`. */
export async function attemptOnce(plan: PlannedRequest, attempt: number, settings: AttemptSettings): Promise<AttemptRecord> {
  const url = new URL(plan.request.url);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, settings.timeoutMs);
  const onOuterAbort = () => controller.abort();
  settings.signal?.addEventListener('abort', onOuterAbort, { once: true });
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let answer: HttpAnswer | undefined;
  const chunks: Buffer[] = [];
  try {
    if (settings.signal?.aborted) throw new Error('cancelled');
    const res = await undici().request(url, {
      method: plan.request.method,
      // A copy: undici's proxy agent adds `host` to the object it is given.
      headers: { ...plan.request.headers },
      body: plan.request.body,
      dispatcher: settings.dispatcher,
      signal: controller.signal,
      // Backstops only: the timer above ends the attempt first.
      headersTimeout: settings.timeoutMs + 1000,
      bodyTimeout: settings.timeoutMs + 1000,
    });
    answer = { status: res.statusCode, headers: flattenHeaders(res.headers), body: '' };
    let size = 0;
    for await (const chunk of res.body) {
      const buf = chunk as Buffer;
      if (size + buf.length > settings.maxBodyBytes) {
        chunks.push(buf.subarray(0, settings.maxBodyBytes - size));
        size = settings.maxBodyBytes;
        answer.truncated = true;
        res.body.destroy();
        break;
      }
      chunks.push(buf);
      size += buf.length;
    }
    answer.body = Buffer.concat(chunks).toString('utf8');
    return { attempt, durationMs: elapsed(), answer };
  } catch (err) {
    const record: AttemptRecord = { attempt, durationMs: elapsed() };
    if (answer) record.answer = { ...answer, body: Buffer.concat(chunks).toString('utf8') };
    if (timedOut) {
      record.failure = 'timeout';
      record.error = `timed out after ${settings.timeoutMs} ms${answer ? ' while reading the answer' : ''} (${describeTarget(url)})`;
    } else if (settings.signal?.aborted) {
      record.failure = 'other';
      record.error = 'cancelled';
    } else {
      const c = classify(err, url, answer !== undefined);
      record.failure = c.failure;
      record.error = c.error;
    }
    record.error = scrub(record.error, plan, settings.secrets);
    return record;
  } finally {
    clearTimeout(timer);
    settings.signal?.removeEventListener('abort', onOuterAbort);
  }
}
