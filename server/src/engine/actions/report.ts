/**
 * What an action reports, modelled on ZStack's test-connection answer: `success`,
 * `connected`, `webhookResp`, `error{code, description, details}`, plus every
 * attempt made. Built from the delivery outcome by reading each vendor's answer the
 * vendor's way (HTTP-200-with-errcode bots, 204 AOM, Volcengine's ResponseMetadata,
 * Tencent's acknowledgement). Everything in it is masked.
 */
import { type AnswerReader, answerReader } from '../vendors/index';
import type { Verdict } from '../vendors/types';
import type { Masker } from './mask';
import type { AttemptRecord, HttpAnswer, PlannedRequest } from './plan';

export interface ActionAttempt {
  attempt: number;
  status?: number;
  durationMs: number;
  error?: string;
}

export interface ActionReport {
  label: string;
  success: boolean;
  /** An HTTP answer arrived. */
  connected: boolean;
  webhookResp?: unknown;
  error?: { code: string; description: string; details: string };
  attempts: ActionAttempt[];
  host: string;
  notes?: string[];
}

export interface DeliveryResult {
  attempts: AttemptRecord[];
  answer?: HttpAnswer;
  refused?: string;
}

export function interpret(plan: PlannedRequest, result: DeliveryResult, masker: Masker): ActionReport {
  const host = safeHost(plan.request.url);
  const attempts = result.attempts.map((a) => ({ attempt: a.attempt, durationMs: a.durationMs, ...(a.answer ? { status: a.answer.status } : {}), ...(a.error ? { error: masker.mask(a.error) } : {}) }));
  const base = { label: plan.label, host, attempts };
  if (result.refused) {
    return { ...base, success: false, connected: false, error: { code: 'refused', description: masker.mask(result.refused), details: 'Nothing was sent.' } };
  }
  const answer = result.answer;
  if (!answer) {
    const last = result.attempts[result.attempts.length - 1];
    const err = masker.mask(last?.error ?? 'no answer');
    return { ...base, success: false, connected: false, error: { code: last?.failure ?? 'network', description: `No answer from ${host}: ${err}.`, details: `${result.attempts.length} attempt(s) made.` } };
  }
  const reader = readerOf(plan);
  const json = parseJson(answer.body);
  // Mask before cutting: a cut through a secret would leave a piece no mask recognises.
  const webhookResp = json === undefined ? (answer.body ? masker.mask(answer.body).slice(0, 2000) : undefined) : JSON.parse(masker.mask(JSON.stringify(json)));
  // An answer whose body broke off (reset or timeout while reading): where the body decides, it decides nothing.
  const last = result.attempts[result.attempts.length - 1];
  const brokeOff = last?.answer && last.failure && json === undefined && !reader.statusDecides ? last : undefined;
  const v: Verdict = brokeOff ? { ok: false, code: brokeOff.failure!, message: `${host} answered HTTP ${answer.status}, but ${brokeOff.error ?? 'the answer broke off'}: the answer could not be read, so whether it was accepted is unknown.` } : reader.verdict(answer, json, plan);
  const connected = reader.connected ? reader.connected(json) : true;
  const report: ActionReport = { ...base, success: v.ok, connected, ...(webhookResp !== undefined ? { webhookResp } : {}) };
  if (!v.ok) {
    const code = v.code ?? `HTTP ${answer.status}`;
    let message = v.message !== undefined ? masker.mask(v.message) : masker.mask(answer.body).slice(0, 300) || `HTTP ${answer.status}`;
    // An answer that is not JSON at all: say so plainly (an HTML page is a proxy's or gateway's, not the vendor's).
    if (json === undefined && answer.body.trim() && !brokeOff) {
      const title = /<title[^>]*>([^<]{1,200})<\/title>/i.exec(answer.body)?.[1]?.trim();
      if (/^\s*</.test(answer.body)) message = `${host} answered HTTP ${answer.status} with an HTML page${title ? ` ("${masker.mask(title)}")` : ''}, not the vendor's JSON: a proxy, a gateway or a wrong address is in between.`;
      else if (answer.status >= 200 && answer.status < 300) message = `The answer is not JSON (HTTP ${answer.status}): ${masker.mask(answer.body).slice(0, 200)}`;
    }
    if (answer.truncated) message += ` (the answer was longer than the ${answer.body.length} bytes kept)`;
    report.error = { code, description: message, details: reader.advice?.(code, message, answer.status) ?? `${host} answered HTTP ${answer.status}.` };
  }
  const notes = v.ok && reader.notes ? reader.notes(json).map((n) => masker.mask(n)) : [];
  if (notes.length) report.notes = notes;
  return report;
}

/** How the answers of `plan.vendor` are read; any 2xx is success for a vendor the registry does not know. */
function readerOf(plan: PlannedRequest): AnswerReader {
  return answerReader(plan.vendor) ?? { verdict: (a) => ({ ok: a.status >= 200 && a.status < 300 }) };
}

/** Whether an answer is one Tencent would resend on (replay keeps trying until 3 attempts). */
export function replayNeedsRetry(plan: PlannedRequest, answer: HttpAnswer): boolean {
  return !readerOf(plan).verdict(answer, parseJson(answer.body), plan).ok;
}

function parseJson(body: string): unknown {
  if (!body) return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '(invalid URL)';
  }
}
