/**
 * `KeyOperationNotification`: a Huawei Cloud CTS key operation notification
 * (`POST /v3/{project_id}/notifications`), unique by `notification_name`.
 */
import schema from '../../../../schemas/key-operation-notification.schema.json';
import { keyOperationRule } from '../rules/key-operation';
import { has } from './raw-body';
import type { KindModule } from './types';

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
};
