/**
 * ZStack's management API (docs/002): `SNSDingTalkTestConnection` through a node,
 * `Authorization: OAuth <session uuid>`. Its answer says whether ZStack reached the
 * robot: `success`, `connected` and `error{code, description, details}`.
 */
import type { PlanBuilder } from '../actions/build/context';
import { answerObject, is2xx } from './bot';
import { takeCredentials } from './credentials';
import type { VendorModule } from './types';

/** Plans the connection test through the node at `node`, with the body as written (references resolved). */
export function zstackTestConnection(b: PlanBuilder, node: string, body: Record<string, unknown>): void {
  const creds = takeCredentials(b, zstack);
  const session = typeof creds === 'string' ? creds : creds['session'];
  b.add({
    vendor: 'zstack',
    label: 'ZStack DingTalk connection test',
    request: {
      method: 'POST',
      url: `${node.replace(/\/+$/, '')}/zstack/v1/sns/application-endpoints/ding-talk/test-connection`,
      headers: { Authorization: `OAuth ${session}`, 'Content-Type': 'application/json;charset=UTF-8' },
      body: JSON.stringify(body),
    },
    idempotent: true,
    carriesSecret: true,
  });
}

export const zstack: VendorModule = {
  id: 'zstack',
  label: 'ZStack',
  answers: {
    zstack: {
      verdict(a, json) {
        const o = answerObject(json);
        const e = o['error'] as Record<string, unknown> | undefined;
        if (!is2xx(a)) return { ok: false, ...(e ? { code: String(e['code'] ?? `HTTP ${a.status}`), message: String(e['description'] ?? e['details'] ?? '') } : {}) };
        if (o['success'] !== false && o['connected'] === true) return { ok: true };
        return { ok: false, code: String(e?.['code'] ?? 'not-connected'), message: String(e?.['description'] ?? 'ZStack could not reach the DingTalk robot.') };
      },
      // ZStack reports whether it reached DingTalk: its own `connected` is the one that matters.
      connected: (json) => !(json && typeof json === 'object' && 'connected' in json) || (json as { connected: unknown }).connected === true,
    },
  },
  credentials: {
    provider: 'zstack',
    forms: [{ label: { en: 'ZStack session', zh: 'ZStack 会话' }, fields: [{ key: 'session', label: { en: 'Session UUID', zh: '会话 UUID' }, variable: 'ZSTACK_SESSION_UUID', secret: true }] }],
  },
};
