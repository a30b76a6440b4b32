/**
 * A receiver of Tencent Cloud Monitor alarm callbacks (research.md §F,
 * docs/001): answers HTTP 200 `{"sessionId": <same>, "retCode": 0}`, the
 * acknowledgement Tencent waits for (otherwise it resends, up to 3 times,
 * 5 s timeout each).
 *
 * Named behaviours (script entries) besides the shared ones:
 * - `'wrong-session'`: acknowledges with a different sessionId;
 * - `'retcode-1'`: answers `{sessionId, retCode: 1}`.
 * Use `{status: 500}`, `'slow'` (slowMs default 6000, beyond 5 s) and
 * `'reset'` from the shared queue for the other failures.
 *
 * Optional HTTP Basic auth (`http://user:pass@host`, which Tencent's newer
 * doc mentions): 401 without the right credentials.
 */
import { header, isObject, json, parseJson, startServer, type Received, type StandIn, type StandInOptions, type VendorAnswer } from './server';

export interface TencentReceiverOptions extends StandInOptions {
  /** Only this path is served; unset = any path. */
  path?: string;
  /** Require HTTP Basic credentials. */
  basicAuth?: { user: string; password: string };
}

/** The payloads received and acknowledged, in order. */
export interface TencentReceiver extends StandIn {
  alarms: Record<string, unknown>[];
}

function basicMatches(value: string | undefined, auth: { user: string; password: string }): boolean {
  const m = /^Basic (.+)$/.exec(value ?? '');
  return !!m && Buffer.from(m[1]!, 'base64').toString('utf8') === `${auth.user}:${auth.password}`;
}

export async function startTencentReceiver(options: TencentReceiverOptions = {}): Promise<TencentReceiver> {
  const alarms: Record<string, unknown>[] = [];
  const handler = (req: Received, mode: string): VendorAnswer => {
    if (req.method !== 'POST') return json(405, { error: 'method not allowed' }, 'not POST');
    if (options.path !== undefined && req.url.pathname !== options.path) return json(404, { error: 'not found' }, 'wrong path');
    if (options.basicAuth && !basicMatches(header(req, 'authorization'), options.basicAuth)) {
      return json(401, { error: 'unauthorized' }, 'basic auth failed', { 'WWW-Authenticate': 'Basic realm="alarms"' });
    }
    const payload = parseJson(req.text);
    if (!isObject(payload)) return json(400, { error: 'body is not a JSON object' }, 'not JSON');
    const sessionId = payload['sessionId'];
    if (typeof sessionId !== 'string' || sessionId === '') return json(400, { error: 'sessionId missing' }, 'no sessionId');
    alarms.push(payload);
    if (mode === 'wrong-session') return json(200, { sessionId: `${sessionId}-other`, retCode: 0 }, 'scripted: wrong-session');
    if (mode === 'retcode-1') return json(200, { sessionId, retCode: 1 }, 'scripted: retcode-1');
    return json(200, { sessionId, retCode: 0 }, 'ok');
  };
  const standIn = await startServer(handler, options);
  return Object.assign(standIn, { alarms });
}
