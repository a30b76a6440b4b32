/**
 * GitOps sync of Huawei CTS key operation notifications (research-gitops.md §2,
 * docs/sync.md): one list of the `smn` notifications and one of the `fun` ones per
 * region, project and endpoint (the API has no pagination), matched by exact
 * `notification_name`; a full PUT with `notification_id` and `status` to update
 * (it replaces the whole notification); `DELETE ?notification_id=a,b` in batches,
 * a 404 counting as done. The create body has no `status`: a notification the
 * repository wants `disabled` is created, then set so with a PUT.
 */
import { type PlanBuilder, obj } from '../../actions/build/context';
import { Diff, str, strList } from '../../sync/compare';
import type { CompareContext, LiveResource, SyncSpec } from '../../sync/types';
import { huaweiCall, huaweiEndpoint } from '../../vendors/huawei';

/** The two notification types CTS lists, one request each. */
const TYPES = ['smn', 'fun'] as const;

/** Ids per DELETE request (comma-joined in the query). */
const DELETE_BATCH = 20;

/** The body fields a notification has besides its name, type and status, in the order they are sent. */
const FIELDS = ['operations', 'notify_user_list', 'topic_id', 'filter', 'agency_name'] as const;

/** The status the repository wants: `enabled` unless the body says `status: disabled`. */
export function desiredStatus(body: Record<string, unknown>): string {
  return str(body['status']) || 'enabled';
}

/** The body without alertcfg's own `status`, which the create body does not have. */
function withoutStatus(body: Record<string, unknown>): Record<string, unknown> {
  const { status: _status, ...rest } = body;
  return rest;
}

/** The PUT body: the whole notification, as the repository wants it. */
function putBody(id: string, desired: Record<string, unknown>, status: string): Record<string, unknown> {
  const body: Record<string, unknown> = { notification_id: id, notification_name: desired['notification_name'], operation_type: desired['operation_type'], status };
  for (const f of FIELDS) if (desired[f] !== undefined) body[f] = desired[f];
  return body;
}

function put(b: PlanBuilder, body: Record<string, unknown>, label: string): void {
  huaweiCall(b, { service: 'cts', version: 'v3', method: 'PUT', path: '/notifications', body, label, idempotent: false });
}

/** A list of objects as a map: key → one list field of each. */
function keyed(list: unknown, key: (o: Record<string, unknown>) => string, field: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const item of Array.isArray(list) ? list : []) {
    const o = obj(item);
    const k = key(o);
    out.set(k, [...(out.get(k) ?? []), ...strList(o[field])]);
  }
  return out;
}

/** Compares two lists of groups (operations, user groups) by key, each group's list as a set. */
function groups(diff: Diff, ctx: CompareContext, path: string, live: unknown, desired: unknown, key: (o: Record<string, unknown>) => string, field: string): void {
  if (ctx.unresolved.has(path)) {
    diff.secrets.push({ path, state: 'unset' });
    return;
  }
  const l = keyed(live, key, field);
  const d = keyed(desired, key, field);
  for (const k of new Set([...d.keys(), ...l.keys()])) {
    if (l.has(k) && d.has(k)) diff.set(`${path}[${k}].${field}`, l.get(k), d.get(k));
    else diff.value(`${path}[${k}]`, l.has(k) ? { [field]: l.get(k) } : undefined, d.has(k) ? { [field]: d.get(k) } : undefined);
  }
}

/** A filter rule with its spacing normalised: `code=200` and `code = 200` are the same rule. */
function rule(r: string): string {
  return r.replace(/\s*(!=|=)\s*/, ' $1 ').replace(/\s+/g, ' ').trim();
}

function compare(desired: Record<string, unknown>, live: LiveResource, ctx: CompareContext) {
  const diff = new Diff(ctx);
  const l = live.body;
  diff.text('operation_type', l['operation_type'], desired['operation_type']);
  diff.text('status', l['status'], desiredStatus(desired));
  diff.text('topic_id', l['topic_id'], desired['topic_id']);
  // With `complete`, CTS notifies on every event and does not use operations or notify_user_list.
  if (str(desired['operation_type']) !== 'complete') {
    groups(diff, ctx, 'operations', l['operations'], desired['operations'], (o) => `${str(o['service_type'])}/${str(o['resource_type'])}`, 'trace_names');
    groups(diff, ctx, 'notify_user_list', l['notify_user_list'], desired['notify_user_list'], (o) => str(o['user_group']), 'user_list');
  }
  const lf = l['filter'] === undefined ? undefined : obj(l['filter']);
  const df = desired['filter'] === undefined ? undefined : obj(desired['filter']);
  if (lf && df) {
    diff.text('filter.condition', str(lf['condition']).toUpperCase(), str(df['condition']).toUpperCase());
    diff.value('filter.is_support_filter', lf['is_support_filter'], df['is_support_filter']);
    diff.set('filter.rule', strList(lf['rule']).map(rule), strList(df['rule']).map(rule));
  } else if (lf || df) diff.value('filter', lf, df);
  diff.text('agency_name', l['agency_name'], desired['agency_name']);
  return { fields: diff.fields, secrets: diff.secrets };
}

function liveNotification(item: Record<string, unknown>): LiveResource | undefined {
  const id = str(item['notification_id']);
  if (!id) return undefined;
  const body: Record<string, unknown> = { notification_name: str(item['notification_name']), operation_type: str(item['operation_type']), status: str(item['status']) || 'enabled' };
  for (const f of FIELDS) if (item[f] !== undefined && item[f] !== null && item[f] !== '') body[f] = item[f];
  return { id, name: str(item['notification_name']), body, extra: { notification_type: str(item['notification_type']) } };
}

function toBody(live: LiveResource) {
  const l = live.body;
  const body: Record<string, unknown> = { notification_name: live.name, operation_type: l['operation_type'] };
  if (l['status'] === 'disabled') body['status'] = 'disabled';
  for (const f of FIELDS) {
    const v = l[f];
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    // With `complete`, CTS does not use them (and validation would warn of them).
    if ((f === 'operations' || f === 'notify_user_list') && l['operation_type'] === 'complete') continue;
    body[f] = v;
  }
  return { body, secrets: [], notes: [] };
}

export const keyOperationSync: SyncSpec = {
  scope(b) {
    const region = b.region();
    const projectId = b.projectId();
    const endpoint = huaweiEndpoint(b, 'cts');
    if (!region || !projectId || !endpoint) return undefined;
    return {
      kind: 'KeyOperationNotification',
      key: `KeyOperationNotification|${region}|${projectId}|${endpoint}`,
      target: { region, projectId, endpoint },
      label: `${region}, project ${projectId} (${endpoint.replace(/^\w+:\/\//, '')})`,
    };
  },

  listPage(b, page) {
    const type = TYPES[page - 1] ?? 'smn';
    huaweiCall(b, { service: 'cts', version: 'v3', method: 'GET', path: `/notifications/${type}`, label: `CTS list ${type} notifications`, idempotent: true });
  },

  readPage(json, page) {
    const list = obj(json)['notifications'];
    const items = (Array.isArray(list) ? list : []).flatMap((i) => liveNotification(obj(i)) ?? []);
    return { items, more: page < TYPES.length };
  },

  compare,

  conflictCode: 'CTS.0400',

  create(b) {
    huaweiCall(b, { service: 'cts', version: 'v3', method: 'POST', path: '/notifications', body: withoutStatus(b.resolvedBody()), label: 'CTS create key operation notification', idempotent: false });
  },

  afterCreate(b, json) {
    const created = obj(json);
    const desired = b.resolvedBody();
    const want = desiredStatus(desired);
    const id = str(created['notification_id']);
    if (id && (str(created['status']) || 'enabled') !== want) put(b, putBody(id, desired, want), `CTS set notification status ${want}`);
  },

  update(b, live) {
    const desired = b.resolvedBody();
    put(b, putBody(live.id, desired, desiredStatus(desired)), 'CTS update key operation notification');
  },

  removeBatch: DELETE_BATCH,

  remove(b, live) {
    const ids = live.map((l) => encodeURIComponent(l.id)).join(',');
    huaweiCall(b, { service: 'cts', version: 'v3', method: 'DELETE', path: `/notifications?notification_id=${ids}`, label: 'CTS delete key operation notifications', idempotent: false });
  },

  readRemoved(_json, status, ids) {
    // 204: deleted. 404: "not found, or some failed to delete" (the docs): taken as gone; a next plan shows any that is left.
    return { gone: status === 204 || status === 404 ? [...ids] : [], failed: [] };
  },

  toBody,
};
