/**
 * Generic webhook receiver stand-in (VMP's "通用 Webhook"): records every
 * request and answers HTTP 200 `{}` unless scripted otherwise.
 *
 * With `token` set it requires `Authorization: Bearer <token>` (our convention
 * for the generic webhook's Token) and answers 401 otherwise. With `path`
 * set, other paths answer 404. Request bodies must be JSON when
 * `requireJson` is set (400 otherwise).
 */
import { timingSafeEqual } from 'node:crypto';
import { header, json, parseJson, startServer, type Received, type StandIn, type StandInOptions, type VendorAnswer } from './server';

export interface WebhookOptions extends StandInOptions {
  /** Required bearer token; unset = no authentication. */
  token?: string;
  /** Only this path is served (e.g. `/alerts`); unset = any path. */
  path?: string;
  /** Reject bodies that are not JSON with 400. */
  requireJson?: boolean;
  /** Body of a successful answer (default `{}`). */
  okBody?: unknown;
}

function bearerMatches(value: string | undefined, token: string): boolean {
  const m = /^Bearer (.+)$/.exec(value ?? '');
  if (!m) return false;
  const a = Buffer.from(m[1]!);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function startWebhook(options: WebhookOptions = {}): Promise<StandIn> {
  const handler = (req: Received): VendorAnswer => {
    if (options.path !== undefined && req.url.pathname !== options.path) return json(404, { error: 'not found' }, 'wrong path');
    if (options.token !== undefined) {
      const auth = header(req, 'authorization');
      if (!auth) return json(401, { error: 'unauthorized', message: 'missing Authorization: Bearer <token>' }, 'missing token', { 'WWW-Authenticate': 'Bearer' });
      if (!bearerMatches(auth, options.token)) return json(401, { error: 'unauthorized', message: 'invalid token' }, 'wrong token', { 'WWW-Authenticate': 'Bearer' });
    }
    if (options.requireJson && parseJson(req.text) === undefined) return json(400, { error: 'bad request', message: 'body is not JSON' }, 'not JSON');
    return json(200, options.okBody ?? {}, 'ok');
  };
  return startServer(handler, options);
}
