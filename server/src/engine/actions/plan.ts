/**
 * A planned request: what an action will send, and what the delivery layer must
 * know to send it safely and retry it correctly. Built by the request builders
 * (pure), sent by the delivery client (undici), shown by preview.
 */
import type { OutgoingRequest } from '../http/request';

/**
 * Who answers, as the vendors registry names the ways answers are read
 * (`dingtalk`, `volcengine`, `huawei-cts`, …): it decides how the response is read
 * (HTTP-200-with-errcode bots, 204 AOM, ...) and whether a refusal may be retried.
 */
export type Vendor = string;

export interface PlannedRequest {
  vendor: Vendor;
  /** A short label for reports, e.g. "DingTalk test message", "AOM push events". */
  label: string;
  request: OutgoingRequest;
  /**
   * Safe to send again after a response arrived (a 429, 500, 502, 503 or 504). A
   * create (CreateContact, CTS notification) is not: it is retried only when no
   * response came at all (connection refused or reset before an answer). AOM's
   * push and clear are: a PUT of the same events again leaves AOM as one PUT does.
   */
  idempotent: boolean;
  /** The request carries a secret (token, signature, credentials): HTTPS only, loopback excepted. */
  carriesSecret: boolean;
  /** Hosts a bot secret may go to; undefined when any host may receive it. */
  allowedHosts?: readonly string[];
  /** Per-request timeout override in ms (Tencent's replay uses 5 s). */
  timeoutMs?: number;
  /** Most attempts (default 3). */
  maxAttempts?: number;
  /** For replay: what a correct acknowledgement carries. */
  expectAck?: { sessionId: string };
  /** The request is signed for a while only: when it was signed (epoch ms), for how long the vendor accepts it, and who. */
  signature?: { at: number; validForMs: number; by: string };
}

/** One HTTP answer as the delivery layer saw it. */
export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  /** The body as text (truncated by the delivery layer past its size limit). */
  body: string;
  truncated?: boolean;
}

export interface AttemptRecord {
  attempt: number;
  /** Milliseconds from sending to the answer or the failure. */
  durationMs: number;
  answer?: HttpAnswer;
  /** Network failure, e.g. "connection refused", "timed out after 10000 ms". */
  error?: string;
  /** Error class for the retry decision. */
  failure?: 'refused' | 'reset' | 'timeout' | 'dns' | 'tls' | 'other';
}
