/**
 * The KeyOperationNotification comparison rules (docs/sync.md): operation_type,
 * status (enabled unless the body says disabled), topic_id, operations keyed by
 * service and resource type with trace_names as a set, notify_user_list keyed by
 * group, the filter with its rules as a set (spacing ignored) and its condition,
 * agency_name; with `complete`, operations and users are not compared.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Masker } from '../../../server/src/engine/actions/mask';
import { keyOperationSync } from '../../../server/src/engine/kinds/actions/key-operation-sync';
import { unresolvedPaths } from '../../../server/src/engine/sync/compare';

function compare(desired: Record<string, unknown>, live: Record<string, unknown>) {
  return keyOperationSync.compare(desired, { id: 'n-1', name: 'n', body: live }, { unresolved: unresolvedPaths(desired), masker: new Masker(), secretsPlain: false }).fields;
}

const BASE = { notification_name: 'n', operation_type: 'customized', topic_id: 'urn:smn:cn-north-4:p:t' };

describe('KeyOperationNotification compare', () => {
  test('sets and keys: order of operations, trace names, users and rules does not matter; rule spacing neither', () => {
    const live = {
      ...BASE,
      status: 'enabled',
      operations: [{ service_type: 'AOM', resource_type: 'pe', trace_names: ['b', 'a'] }, { service_type: 'ECS', resource_type: 'ecs', trace_names: ['x'] }],
      notify_user_list: [{ user_group: 'ops', user_list: ['u2', 'u1'] }],
      filter: { condition: 'or', is_support_filter: true, rule: ['code=400', 'resource_name = x'] },
    };
    const desired = {
      ...BASE,
      operations: [{ service_type: 'ECS', resource_type: 'ecs', trace_names: ['x'] }, { service_type: 'AOM', resource_type: 'pe', trace_names: ['a', 'b'] }],
      notify_user_list: [{ user_group: 'ops', user_list: ['u1', 'u2'] }],
      filter: { condition: 'OR', is_support_filter: true, rule: ['resource_name = x', 'code = 400'] },
    };
    assert.deepEqual(compare(desired, live), []);
  });

  test('what differs: status, a missing operation group, a user, the filter condition, agency_name', () => {
    const live = { ...BASE, status: 'enabled', operations: [{ service_type: 'ECS', resource_type: 'ecs', trace_names: ['x'] }], notify_user_list: [{ user_group: 'ops', user_list: ['u1'] }], filter: { condition: 'AND', is_support_filter: true, rule: ['code = 400'] }, agency_name: 'cts_admin_trust' };
    const desired = { ...BASE, status: 'disabled', operations: [{ service_type: 'ECS', resource_type: 'ecs', trace_names: ['x'] }, { service_type: 'CTS', resource_type: 'tracker', trace_names: ['createTracker'] }], notify_user_list: [{ user_group: 'ops', user_list: ['u1', 'u2'] }], filter: { condition: 'OR', is_support_filter: true, rule: ['code = 400'] } };
    assert.deepEqual(compare(desired, live), [
      { path: 'status', live: 'enabled', desired: 'disabled' },
      { path: 'operations[CTS/tracker]', desired: { trace_names: ['createTracker'] } },
      { path: 'notify_user_list[ops].user_list', live: ['u1'], desired: ['u1', 'u2'] },
      { path: 'filter.condition', live: 'AND', desired: 'OR' },
      { path: 'agency_name', live: 'cts_admin_trust' },
    ]);
  });

  test('complete: operations and notify_user_list are not compared (CTS does not use them)', () => {
    assert.deepEqual(compare({ ...BASE, operation_type: 'complete' }, { ...BASE, operation_type: 'complete', status: 'enabled', operations: [{ service_type: 'ECS', resource_type: 'ecs', trace_names: ['x'] }] }), []);
  });
});
