/**
 * Tencent Cloud Monitor's alarm callback, as Tencent posts it (docs/001): the
 * payload to the receiver, up to 3 attempts with a 5 s timeout each, until the
 * receiver acknowledges with HTTP 200 and `{sessionId: <same>, retCode: 0}`.
 * `http://user:pass@host` URLs (Tencent's BasicAuth form) become an Authorization
 * header.
 */
import type { PlanBuilder } from '../actions/build/context';
import { hasUnset } from '../actions/variables';
import { base64OfText } from '../crypto/bytes';
import { answerObject } from './bot';
import type { VendorModule } from './types';

export const REPLAY_TIMEOUT_MS = 5000;
export const REPLAY_ATTEMPTS = 3;

/** Plans the callback of `body` (references resolved) to `target` (`--url` when `fromOption`). */
export function tencentCallback(b: PlanBuilder, body: Record<string, unknown>, target: string, fromOption: boolean): void {
  let url: URL;
  try {
    url = new URL(b.resolve(target));
  } catch {
    return b.problem(`${fromOption ? '--url' : 'target.url'} is not a URL: ${target}. (A password with @, : or / must be percent-encoded.)`);
  }
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  let carriesSecret = false;
  if (url.username || url.password) {
    const user = decodeURIComponent(url.username);
    const pass = decodeURIComponent(url.password);
    // A password that is not set shows as itself (`<unset: …>`) where the credentials go.
    const unsetPass = hasUnset(pass) ? pass : undefined;
    b.secret(pass);
    headers['Authorization'] = `Basic ${unsetPass ?? base64OfText(`${user}:${pass}`)}`;
    if (!unsetPass) b.secret(headers['Authorization'].slice(6));
    url.username = '';
    url.password = '';
    carriesSecret = true;
  }
  const sessionId = typeof body['sessionId'] === 'string' && body['sessionId'].trim() ? body['sessionId'] : typeof body['sessionId'] === 'number' ? String(body['sessionId']) : undefined;
  if (!sessionId) b.problem('The payload has no sessionId; the receiver acknowledges by echoing it.');
  b.add({
    vendor: 'tencent-callback',
    label: 'Alarm callback replay',
    request: { method: 'POST', url: url.toString(), headers, body: JSON.stringify(body) },
    idempotent: true,
    carriesSecret,
    timeoutMs: REPLAY_TIMEOUT_MS,
    maxAttempts: REPLAY_ATTEMPTS,
    expectAck: { sessionId: sessionId ?? '' },
  });
}

export const tencent: VendorModule = {
  id: 'tencent',
  label: 'Tencent Cloud',
  answers: {
    'tencent-callback': {
      verdict(a, json, plan) {
        if (a.status !== 200) return { ok: false, message: `The receiver answered HTTP ${a.status}; Tencent needs HTTP 200 with {"sessionId": "...", "retCode": 0}.` };
        const o = answerObject(json);
        const expected = plan.expectAck?.sessionId;
        if (o['retCode'] !== 0 && o['retCode'] !== '0') return { ok: false, code: 'bad-ack', message: `The receiver's answer has retCode ${JSON.stringify(o['retCode'])}, not 0; Tencent would resend.` };
        if (String(o['sessionId'] ?? '') !== expected) return { ok: false, code: 'bad-ack', message: `The receiver acknowledged sessionId ${JSON.stringify(o['sessionId'])}, not "${expected}"; Tencent would resend.` };
        return { ok: true };
      },
    },
  },
};
