/**
 * The delivery client: sends a `PlannedRequest` with undici, safely and with
 * the retry policy of SPEC §5.
 *
 * Retry policy, exactly:
 * - at most `plan.maxAttempts ?? 3` attempts;
 * - retried: network failures (refused, reset, timeout, DNS) and HTTP 429, 500,
 *   502, 503 and 504; never TLS failures, other errors or any other status (400,
 *   401/403 signature or auth errors, 501 and the other 5xx included; a bot's HTTP
 *   200 with an errcode ends the loop — bot-level errors are judged by the caller,
 *   not retried here);
 * - Huawei AOM and CTS: never a 503 either. Their docs say of 400 and 503 "the
 *   client should not repeat the request without modifications" (503 there means
 *   "the requested service is invalid", not "busy");
 * - a non-idempotent plan is retried only when no response arrived at all:
 *   refused, DNS, or reset before any response headers; never after an HTTP
 *   answer and never after a timeout (the request may have arrived);
 * - the wait before attempt n+1 is 500 ms × 2^(n-1) plus up to 25 % jitter, or
 *   the `Retry-After` header of a 429/503 (seconds or HTTP date, at most 30 s).
 */
import type { AttemptRecord, HttpAnswer, PlannedRequest } from '../engine/actions/plan';
import { answerReader } from '../engine/vendors/index';
import { type LookupFunction, refusal, scrub } from './safety';
import { attemptOnce, createDispatcher, proxySecrets } from './transport';

export interface DeliveryOptions {
  /** Per-attempt timeout covering connect, headers and body (default 10000; `plan.timeoutMs` wins). */
  timeoutMs?: number;
  /** VS Code's `http.proxy` / `http.proxyStrictSSL`. */
  proxy?: { url?: string; strictSSL?: boolean };
  /** Where `HTTPS_PROXY`/`HTTP_PROXY`/`NO_PROXY` are read (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  /** Name resolution (default `dns.lookup`; injectable for tests); link-local answers are always refused. */
  lookup?: LookupFunction;
  /** Hosts a bot secret may go to besides its channel's own (configuration). */
  allowedExtraHosts?: string[];
  /** Waits between attempts (injectable for tests). */
  sleep?: (ms: number) => Promise<void>;
  /** Largest answer body kept (default 1 MiB); longer answers are truncated and flagged. */
  maxBodyBytes?: number;
  signal?: AbortSignal;
  onAttempt?: (a: AttemptRecord) => void;
}

export interface DeliveryOutcome {
  attempts: AttemptRecord[];
  /** The last HTTP answer, when one arrived. */
  answer?: HttpAnswer;
  /** Why nothing was sent (safety refusal); no attempts then. */
  refused?: string;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_MAX_ATTEMPTS = 3;
export const BACKOFF_BASE_MS = 500;
export const RETRY_AFTER_CAP_MS = 30_000;

/** Statuses worth another attempt (for an idempotent plan): the ones that say "busy" or "a hop in between failed". */
const RETRYABLE = new Set([429, 500, 502, 503, 504]);

/** True when `status` is worth another attempt (for an idempotent plan to `vendor`). */
export function isRetryableStatus(status: number, vendor?: PlannedRequest['vendor']): boolean {
  // Vendors whose docs forbid repeating a 503 unchanged (AOM and CTS: "the requested service is invalid").
  if (status === 503 && vendor && answerReader(vendor)?.noRetry503) return false;
  return RETRYABLE.has(status);
}

/** Whether the attempt just recorded may be followed by another one. */
export function shouldRetry(plan: PlannedRequest, record: AttemptRecord): boolean {
  if (record.answer) {
    // A response arrived: only an idempotent plan is sent again, and only for a status that can heal.
    return plan.idempotent && isRetryableStatus(record.answer.status, plan.vendor);
  }
  switch (record.failure) {
    case 'refused':
    case 'dns':
    case 'reset':
      return true; // nothing came back; the request did not reach a handler that answered
    case 'timeout':
      return plan.idempotent; // it may have arrived
    default:
      return false; // TLS and unknown failures do not heal by themselves
  }
}

/** Milliseconds from a `Retry-After` value (delta seconds or HTTP date), capped at 30 s. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, RETRY_AFTER_CAP_MS);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.min(Math.max(0, at - now), RETRY_AFTER_CAP_MS);
}

/** The wait before the attempt after attempt `n` (1-based). */
export function retryDelay(n: number, record: AttemptRecord, random: () => number = Math.random): number {
  const status = record.answer?.status;
  if (status === 429 || status === 503) {
    const after = parseRetryAfter(record.answer?.headers['retry-after']);
    if (after !== undefined) return after;
  }
  const base = BACKOFF_BASE_MS * 2 ** (n - 1);
  return Math.round(base + base * 0.25 * random());
}

function defaultSleep(signal?: AbortSignal): (ms: number) => Promise<void> {
  return (ms) =>
    new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      }
      signal?.addEventListener('abort', done, { once: true });
    });
}

/**
 * Sends `plan`. Never throws for network or HTTP failures: they are in the
 * attempts. `refused` is set (and nothing sent) when a safety rule forbids the
 * request. Error texts name host and path only, never query, headers or body.
 */
export async function deliver(plan: PlannedRequest, options: DeliveryOptions = {}): Promise<DeliveryOutcome> {
  const refused = refusal(plan, options.allowedExtraHosts);
  if (refused) return { attempts: [], refused: scrub(refused, plan) };
  const timeoutMs = plan.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxAttempts = Math.max(1, plan.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const sleep = options.sleep ?? defaultSleep(options.signal);
  const transport = { proxy: options.proxy, env: options.env, lookup: options.lookup };
  const dispatcher = createDispatcher(transport);
  const secrets = proxySecrets(transport);
  const attempts: AttemptRecord[] = [];
  try {
    for (let n = 1; n <= maxAttempts; n++) {
      const record = await attemptOnce(plan, n, { dispatcher, secrets, timeoutMs, maxBodyBytes, signal: options.signal });
      attempts.push(record);
      options.onAttempt?.(record);
      if (n === maxAttempts || options.signal?.aborted || !shouldRetry(plan, record)) break;
      await sleep(retryDelay(n, record));
      if (options.signal?.aborted) break;
    }
  } finally {
    // Destroy rather than close: a server that never answered keeps its socket open.
    await dispatcher.destroy().catch(() => undefined);
  }
  const last = [...attempts].reverse().find((a) => a.answer);
  const outcome: DeliveryOutcome = { attempts };
  if (last?.answer) outcome.answer = last.answer;
  return outcome;
}
