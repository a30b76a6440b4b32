/**
 * Replay of a Tencent Cloud alarm callback: POST the payload to the receiver as
 * Tencent would, expecting `{sessionId: <same>, retCode: 0}`; up to 3 attempts with
 * a 5 s timeout each, as Tencent does. `http://user:pass@host` URLs (Tencent's
 * BasicAuth form) become an Authorization header.
 */
import { base64OfText } from '../../crypto/bytes';
import { hasUnset } from '../variables';
import { type PlanBuilder, bodyText, obj, str } from './context';

export const REPLAY_TIMEOUT_MS = 5000;
export const REPLAY_ATTEMPTS = 3;

export function planReplay(b: PlanBuilder): void {
  // A raw body's `$schema` associates the file with our schema; Tencent never sends it.
  const { $schema: _schema, ...payload } = obj(b.input.body);
  const body = b.resolve(payload);
  const target = b.input.url ?? b.target('url');
  if (!target) return b.problem('No receiver: set target.url (or pass --url).');
  let url: URL;
  try {
    url = new URL(b.resolve(target));
  } catch {
    return b.problem(`${b.input.url ? '--url' : 'target.url'} is not a URL: ${target}. (A password with @, : or / must be percent-encoded.)`);
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
  const sessionId = str(body['sessionId']) ?? (typeof body['sessionId'] === 'number' ? String(body['sessionId']) : undefined);
  if (!sessionId) b.problem('The payload has no sessionId; the receiver acknowledges by echoing it.');
  b.add({
    vendor: 'tencent-callback',
    label: 'Alarm callback replay',
    request: { method: 'POST', url: url.toString(), headers, body: bodyText(body) },
    idempotent: true,
    carriesSecret,
    timeoutMs: REPLAY_TIMEOUT_MS,
    maxAttempts: REPLAY_ATTEMPTS,
    expectAck: { sessionId: sessionId ?? '' },
  });
}
