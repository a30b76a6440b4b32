/**
 * The Huawei stand-in's CTS key-operation notifications (research.md §D,
 * research-gitops.md §2, §4): the project's notifications as state and the
 * four operations on them. `huawei.ts` authenticates and routes here.
 *
 * State: one array of notifications in creation order, each the object the
 * create answered with (`{...request, notification_id, notification_type,
 * project_id, status, create_time}`); PUT replaces an element, DELETE removes
 * it, and tests may change it to simulate edits in the console.
 * A notification's type is derived from its `topic_id`: `urn:fss:…` → `fun`,
 * anything else (or none) → `smn`.
 *
 * - POST `/v3/{p}/notifications` → 201 the stored item (`status:"enabled"`,
 *   `create_time` in epoch ms); bad body → 400 `CTS.0001` (kept from the first
 *   version of this stand-in; the docs' code for an invalid body is `CTS.0003`);
 *   a name already used → 400 `{error_code:"CTS.0400", error_msg:"NotificationV3
 *   name is existed already"}` unless `allowSameName`.
 * - GET `/v3/{p}/notifications/{smn|fun}[?notification_name=]` → 200
 *   `{"notifications":[…]}` of that type, exact name match when given (whether
 *   the real filter is exact or fuzzy is unknown, §5.8); another type → 400
 *   `CTS.0003`. No pagination (the API has none).
 * - PUT `/v3/{p}/notifications` → 200 the new item. `notification_id`,
 *   `notification_name`, `operation_type`, `status` required and `topic_id`
 *   when enabled (else 400 `CTS.0003`); unknown id → 404 `CTS.0404` (the code
 *   is a guess: the docs list only the status, §2.1); a name another
 *   notification holds → 400 `CTS.0400` (unless `allowSameName`). Full replace:
 *   an omitted `operations`, `notify_user_list`, `filter`, `agency_name` or
 *   `topic_id` is cleared (inferred from the provider's acceptance test, §2.5);
 *   `create_time`, `project_id` and `domain_id` are kept.
 * - DELETE `/v3/{p}/notifications?notification_id=a[,b]` → 204 empty; when any
 *   id is unknown → 404 `CTS.0404` (guessed code) after deleting the known ones;
 *   no id → 400 `CTS.0003`.
 * Not modelled: the name character rule (§2.7), filter rule syntax, agency creation.
 */
import { randomUUID } from 'node:crypto';
import { isObject, json, type VendorAnswer } from './server';

export type Notification = Record<string, unknown>;

export interface CtsBehaviour {
  projectId: string;
  /** Accept a notification_name already used (create and update). */
  allowSameName?: boolean;
  now: () => number;
}

const UPDATABLE = ['operations', 'notify_user_list', 'topic_id', 'filter', 'agency_name'];

export function notificationType(n: Notification): 'smn' | 'fun' {
  return typeof n['topic_id'] === 'string' && n['topic_id'].startsWith('urn:fss:') ? 'fun' : 'smn';
}

const ctsError = (status: number, code: string, msg: string, verdict = `${code} ${msg}`): VendorAnswer => json(status, { error_code: code, error_msg: msg }, verdict);

/** Why a notification body is rejected, or undefined (create and update share it). */
export function ctsProblem(body: unknown): string | undefined {
  if (!isObject(body)) return 'the request body is not a JSON object';
  if (typeof body['notification_name'] !== 'string' || body['notification_name'] === '') return 'notification_name is mandatory';
  const type = body['operation_type'];
  if (type !== 'complete' && type !== 'customized') return 'operation_type must be complete or customized';
  if (type === 'customized' && (!Array.isArray(body['operations']) || body['operations'].length === 0)) return 'operations is mandatory for customized';
  const users = body['notify_user_list'];
  if (users !== undefined) {
    if (!Array.isArray(users) || users.length > 10) return 'notify_user_list supports at most 10 user groups';
    const count = users.reduce((n: number, g: unknown) => n + (isObject(g) && Array.isArray(g['user_list']) ? g['user_list'].length : 0), 0);
    if (count > 50) return 'notify_user_list supports at most 50 users';
  }
  return undefined;
}

/** The four notification operations over `state` (the array is changed in place). */
export function ctsNotifications(state: Notification[], behaviour: CtsBehaviour) {
  const nameTaken = (name: unknown, exceptId?: unknown) =>
    !behaviour.allowSameName && state.some((n) => n['notification_name'] === name && n['notification_id'] !== exceptId);

  /** Stores a notification as POST creates it; also how a test adds one "in the console". */
  const add = (request: Notification): Notification => {
    const created: Notification = {
      ...request,
      notification_id: randomUUID(),
      notification_type: notificationType(request),
      project_id: behaviour.projectId,
      status: 'enabled',
      create_time: behaviour.now(),
    };
    state.push(created);
    return created;
  };

  return {
    add,

    create(body: unknown): VendorAnswer {
      const problem = ctsProblem(body);
      if (problem) return ctsError(400, 'CTS.0001', `Invalid request: ${problem}`, `CTS.0001 ${problem}`);
      const request = body as Notification;
      if (nameTaken(request['notification_name'])) return ctsError(400, 'CTS.0400', 'NotificationV3 name is existed already', 'CTS.0400 duplicate notification_name');
      return json(201, add(request), 'ok');
    },

    list(type: string, query: URLSearchParams): VendorAnswer {
      if (type !== 'smn' && type !== 'fun') return ctsError(400, 'CTS.0003', `Invalid request: notification_type must be smn or fun, not ${type}`);
      const name = query.get('notification_name');
      const found = state.filter((n) => notificationType(n) === type && (!name || n['notification_name'] === name));
      return json(200, { notifications: found.map((n) => ({ ...structuredClone(n), notification_type: notificationType(n) })) }, 'ok');
    },

    update(body: unknown): VendorAnswer {
      const invalid = (why: string) => ctsError(400, 'CTS.0003', `Invalid request: ${why}`);
      if (!isObject(body)) return invalid('the request body is not a JSON object');
      const id = body['notification_id'];
      if (typeof id !== 'string' || id === '') return invalid('notification_id is mandatory');
      const problem = ctsProblem(body);
      if (problem) return invalid(problem);
      const status = body['status'];
      if (status !== 'enabled' && status !== 'disabled') return invalid('status must be enabled or disabled');
      if (status === 'enabled' && (typeof body['topic_id'] !== 'string' || body['topic_id'] === '')) return invalid('topic_id is mandatory when status is enabled');
      const index = state.findIndex((n) => n['notification_id'] === id);
      if (index < 0) return ctsError(404, 'CTS.0404', `NotificationV3 ${id} does not exist`);
      if (nameTaken(body['notification_name'], id)) return ctsError(400, 'CTS.0400', 'NotificationV3 name is existed already', 'CTS.0400 duplicate notification_name');
      const old = state[index]!;
      const next: Notification = {
        notification_id: id,
        notification_name: body['notification_name'],
        operation_type: body['operation_type'],
        status,
        ...Object.fromEntries(UPDATABLE.filter((k) => body[k] !== undefined).map((k) => [k, structuredClone(body[k])])),
        project_id: old['project_id'] ?? behaviour.projectId,
        create_time: old['create_time'],
        ...(old['domain_id'] !== undefined ? { domain_id: old['domain_id'] } : {}),
      };
      next['notification_type'] = notificationType(next);
      state[index] = next;
      return json(200, structuredClone(next), 'ok');
    },

    remove(query: URLSearchParams): VendorAnswer {
      const ids = query
        .getAll('notification_id')
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter((v) => v !== '');
      if (ids.length === 0) return ctsError(400, 'CTS.0003', 'Invalid request: notification_id is mandatory');
      const unknown: string[] = [];
      for (const id of ids) {
        const index = state.findIndex((n) => n['notification_id'] === id);
        if (index < 0) unknown.push(id);
        else state.splice(index, 1);
      }
      if (unknown.length) return ctsError(404, 'CTS.0404', `NotificationV3 ${unknown.join(',')} does not exist`);
      return { status: 204, verdict: 'ok' };
    },
  };
}
