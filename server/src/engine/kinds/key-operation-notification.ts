/**
 * `KeyOperationNotification`: a Huawei Cloud CTS key operation notification
 * (`POST /v3/{project_id}/notifications`), unique by `notification_name`.
 */
import schema from '../../../../schemas/key-operation-notification.schema.json';
import type { PlanBuilder } from '../actions/build/context';
import { keyOperationRule } from '../rules/key-operation';
import { keyOperationSync } from './key-operation-sync';
import { has } from './raw-body';
import type { KindModule } from './types';

/**
 * Creates the notification: CTS `POST /v3/{project_id}/notifications` with the body
 * as written, less alertcfg's own `status` (the CTS create body has none; the
 * converging `alertcfg apply` sets a `disabled` one with a PUT after the create).
 */
function apply(b: PlanBuilder): void {
  keyOperationSync.create(b);
}

export const keyOperationNotification: KindModule = {
  kind: 'KeyOperationNotification',
  title: 'Key operation notification',
  vendor: 'Huawei Cloud CTS key operation notification',
  summary: { en: 'Huawei Cloud CTS key operation notification (POST /v3/{project_id}/notifications).', zh: '华为云 CTS 关键操作通知（POST /v3/{project_id}/notifications）。' },
  schemaFile: 'key-operation-notification.schema.json',
  schema,
  target: schema['x-target'],
  nameField: 'notification_name',
  rules: [keyOperationRule],
  template: { target: { region: 'cn-north-7', projectId: '<project-id>' } },
  rawBody: { words: ['notification_name'], keys: (r) => (has(r, 'notification_name') && has(r, 'operation_type') ? ['notification_name', 'operation_type'] : undefined), folder: 'notifications' },
  actions: () => ['apply'],
  verbs: { apply },
  sync: keyOperationSync,
};
