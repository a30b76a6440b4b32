/**
 * What an EventReport does: AOM push and clear. Kept apart from what it is
 * (../event-report.ts), so that validation never loads request planning.
 */
import { type PlanBuilder, obj } from '../../actions/build/context';
import { huaweiCall } from '../../vendors/huawei';
import { eventReport } from '../event-report';
import type { KindActions } from '../types';

/** AOM `PUT /v2/{project_id}/push/events` (`?action=clear` to clear), with the body as written. */
function events(b: PlanBuilder, clear: boolean): void {
  const body = b.resolvedBody();
  if (!clear && b.input.envelope.action === 'clear') return b.problem('This resource is marked action: clear; run clear, not push.');
  if (clear) prepareClear(b, body);
  const eps = b.target('enterpriseProjectId');
  huaweiCall(b, {
    service: 'aom',
    version: 'v2',
    method: 'PUT',
    path: `/push/events${clear ? '?action=clear' : ''}`,
    body,
    ...(eps ? { headers: { 'enterprise-project-id': eps } } : {}),
    label: clear ? 'AOM clear events' : 'AOM push events',
    // A PUT of the same events again leaves AOM as one PUT does.
    idempotent: true,
  });
}

/** Every event needs its id; one without ends_at is cleared as of now, and the notes say so. */
function prepareClear(b: PlanBuilder, body: Record<string, unknown>): void {
  const list = Array.isArray(body['events']) ? (body['events'] as unknown[]) : [];
  const nowMs = b.input.now.getTime();
  list.forEach((e, i) => {
    const ev = obj(e);
    if (typeof ev['id'] !== 'string' || !ev['id']) b.problem(`events[${i}] has no id: AOM clears an event or alarm by the id it gave when it was reported.`);
    if (ev['ends_at'] === undefined || ev['ends_at'] === null) {
      ev['ends_at'] = nowMs;
      b.note(`events[${i}] had no ends_at: set to the current time, ${nowMs} (${b.input.now.toISOString()}).`);
    }
  });
}

export const eventReportActions: KindActions = { kind: eventReport.kind, verbs: { push: (b) => events(b, false), clear: (b) => events(b, true) } };
