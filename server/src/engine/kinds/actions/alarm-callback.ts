/**
 * What an AlarmCallback does: its replay to the receiver, as Tencent posts it.
 * Kept apart from what it is (../alarm-callback.ts), so that validation never
 * loads request planning.
 */
import type { PlanBuilder } from '../../actions/build/context';
import { tencentCallback } from '../../vendors/tencent';
import { alarmCallback } from '../alarm-callback';
import type { KindActions } from '../types';

/** Posts the payload to the receiver (`--url`, or `target.url`) as Tencent would; a raw body's `$schema` is not sent. */
function replay(b: PlanBuilder): void {
  const body = b.resolvedBody();
  const target = b.input.url ?? b.target('url');
  if (!target) return b.problem('No receiver: set target.url (or pass --url).');
  tencentCallback(b, body, target, b.input.url !== undefined);
}

export const alarmCallbackActions: KindActions = { kind: alarmCallback.kind, verbs: { replay } };
