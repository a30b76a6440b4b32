/**
 * What a KeyOperationNotification does: its create, and GitOps sync with Huawei
 * Cloud CTS (key-operation-sync.ts). Kept apart from what it is
 * (../key-operation-notification.ts), so that validation never loads request planning.
 */
import type { PlanBuilder } from '../../actions/build/context';
import { keyOperationNotification } from '../key-operation-notification';
import type { KindActions } from '../types';
import { keyOperationSync } from './key-operation-sync';

/**
 * Creates the notification: CTS `POST /v3/{project_id}/notifications` with the body
 * as written, less alertcfg's own `status` (the CTS create body has none; the
 * converging `alertcfg apply` sets a `disabled` one with a PUT after the create).
 */
function apply(b: PlanBuilder): void {
  keyOperationSync.create(b);
}

export const keyOperationNotificationActions: KindActions = { kind: keyOperationNotification.kind, verbs: { apply }, sync: keyOperationSync };
