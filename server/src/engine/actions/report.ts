/**
 * What an action reports, modelled on ZStack's test-connection answer: `success`,
 * `connected`, `webhookResp`, `error{code, description, details}`, plus every
 * attempt made. Built from the delivery outcome by reading each vendor's answer the
 * vendor's way (HTTP-200-with-errcode bots, 204 AOM, Volcengine's ResponseMetadata,
 * Tencent's acknowledgement). Everything in it is masked.
 */
import { adviceFor } from './advice';
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

interface Verdict {
  ok: boolean;
  code?: string;
  message?: string;
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
  const json = parseJson(answer.body);
  // Mask before cutting: a cut through a secret would leave a piece no mask recognises.
  const webhookResp = json === undefined ? (answer.body ? masker.mask(answer.body).slice(0, 2000) : undefined) : JSON.parse(masker.mask(JSON.stringify(json)));
  // An answer whose body broke off (reset or timeout while reading): where the body decides, it decides nothing.
  const last = result.attempts[result.attempts.length - 1];
  const brokeOff = last?.answer && last.failure && json === undefined && !STATUS_DECIDES.has(plan.vendor) ? last : undefined;
  const v: Verdict = brokeOff ? { ok: false, code: brokeOff.failure!, message: `${host} answered HTTP ${answer.status}, but ${brokeOff.error ?? 'the answer broke off'}: the answer could not be read, so whether it was accepted is unknown.` } : verdict(plan, answer, json);
  // ZStack reports whether it reached DingTalk: its own `connected` is the one that matters.
  const connected = plan.vendor === 'zstack' && json && typeof json === 'object' && 'connected' in json ? (json as { connected: unknown }).connected === true : true;
  const report: ActionReport = { ...base, success: v.ok, connected, ...(webhookResp !== undefined ? { webhookResp } : {}) };
  if (!v.ok) {
    const code = v.code ?? `HTTP ${answer.status}`;
    let message = v.message !== undefined ? masker.mask(v.message) : masker.mask(answer.body).slice(0, 300) || `HTTP ${answer.status}`;
    // An answer that is not JSON at all: say so plainly (an HTML page is a proxy's or gateway's, not the vendor's).
    if (json === undefined && answer.body.trim() && !brokeOff) {
      const title = /<title[^>]*>([^<]{1,200})<\/title>/i.exec(answer.body)?.[1]?.trim();
      if (/^\s*</.test(answer.body)) message = `${host} answered HTTP ${answer.status} with an HTML page${title ? ` ("${masker.mask(title)}")` : ''}, not the vendor's JSON: a proxy, a gateway or a wrong address is in between.`;
      else if (answer.status >= 200 && answer.status < 300 && plan.vendor !== 'webhook') message = `The answer is not JSON (HTTP ${answer.status}): ${masker.mask(answer.body).slice(0, 200)}`;
    }
    if (answer.truncated) message += ` (the answer was longer than the ${answer.body.length} bytes kept)`;
    report.error = { code, description: message, details: adviceFor(plan.vendor, code, message, answer.status) ?? `${host} answered HTTP ${answer.status}.` };
  }
  const notes = v.ok ? answerNotes(plan, json, masker) : [];
  if (notes.length) report.notes = notes;
  return report;
}

/**
 * What a successful answer says beyond "done". Volcengine CreateContact's `Result`
 * carries `SendStatus` and `Message`, most likely about the verification e-mail
 * VMP sends to a new contact's Email; their values are not documented, so they
 * are shown as they came, and only when set.
 */
function answerNotes(plan: PlannedRequest, json: unknown, masker: Masker): string[] {
  if (plan.vendor !== 'volcengine' || !json || typeof json !== 'object') return [];
  const result = (json as Record<string, unknown>)['Result'];
  if (!result || typeof result !== 'object') return [];
  const r = result as Record<string, unknown>;
  const parts = [r['SendStatus'], r['Message']].filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim());
  return parts.length ? [masker.mask(`verification e-mail: ${parts.join(' ')}`)] : [];
}

/** Vendors whose HTTP status alone says whether the request was accepted (their body is not needed). */
const STATUS_DECIDES: ReadonlySet<PlannedRequest['vendor']> = new Set(['huawei-aom', 'huawei-cts', 'webhook']);

function verdict(plan: PlannedRequest, a: HttpAnswer, json: unknown): Verdict {
  const o = (json && typeof json === 'object' ? json : {}) as Record<string, unknown>;
  const ok2xx = a.status >= 200 && a.status < 300;
  switch (plan.vendor) {
    case 'dingtalk':
    case 'wecom': {
      // Bots answer HTTP 200 on failure too: the errcode decides.
      if (!ok2xx) return { ok: false };
      const code = o['errcode'];
      if (code === 0 || code === '0') return { ok: true };
      return { ok: false, code: code === undefined ? 'no-errcode' : String(code), message: typeof o['errmsg'] === 'string' ? o['errmsg'] : 'The answer has no errcode.' };
    }
    case 'lark': {
      if (!ok2xx) return { ok: false };
      const code = o['code'] ?? o['StatusCode'];
      if (code === 0 || code === '0') return { ok: true };
      return { ok: false, code: code === undefined ? 'no-code' : String(code), message: String(o['msg'] ?? o['StatusMessage'] ?? 'The answer has no code.') };
    }
    case 'volcengine': {
      const err = ((o['ResponseMetadata'] as Record<string, unknown> | undefined)?.['Error'] ?? undefined) as Record<string, unknown> | undefined;
      if (ok2xx && !err) return { ok: true };
      return { ok: false, ...(err ? { code: String(err['Code'] ?? `HTTP ${a.status}`), message: String(err['Message'] ?? '') } : {}) };
    }
    case 'huawei-aom':
    case 'huawei-cts': {
      if (ok2xx) return { ok: true };
      const code = o['error_code'];
      return { ok: false, ...(code ? { code: String(code), message: String(o['error_msg'] ?? '') } : {}) };
    }
    case 'zstack': {
      if (!ok2xx) {
        const e = o['error'] as Record<string, unknown> | undefined;
        return { ok: false, ...(e ? { code: String(e['code'] ?? `HTTP ${a.status}`), message: String(e['description'] ?? e['details'] ?? '') } : {}) };
      }
      if (o['success'] !== false && o['connected'] === true) return { ok: true };
      const e = o['error'] as Record<string, unknown> | undefined;
      return { ok: false, code: String(e?.['code'] ?? 'not-connected'), message: String(e?.['description'] ?? 'ZStack could not reach the DingTalk robot.') };
    }
    case 'tencent-callback': {
      if (a.status !== 200) return { ok: false, message: `The receiver answered HTTP ${a.status}; Tencent needs HTTP 200 with {"sessionId": "...", "retCode": 0}.` };
      const expected = plan.expectAck?.sessionId;
      if (o['retCode'] !== 0 && o['retCode'] !== '0') return { ok: false, code: 'bad-ack', message: `The receiver's answer has retCode ${JSON.stringify(o['retCode'])}, not 0; Tencent would resend.` };
      if (String(o['sessionId'] ?? '') !== expected) return { ok: false, code: 'bad-ack', message: `The receiver acknowledged sessionId ${JSON.stringify(o['sessionId'])}, not "${expected}"; Tencent would resend.` };
      return { ok: true };
    }
    case 'webhook':
      return { ok: ok2xx };
  }
}

/** Whether an answer is one Tencent would resend on (replay keeps trying until 3 attempts). */
export function replayNeedsRetry(plan: PlannedRequest, answer: HttpAnswer): boolean {
  return !verdict(plan, answer, parseJson(answer.body)).ok;
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
