/**
 * `EventReport`: Huawei Cloud AOM events and alarms (`PUT /v2/{project_id}/push/events`),
 * pushed, or cleared with the envelope's `action: clear`.
 */
import schema from '../../../../schemas/event-report.schema.json';
import { eventReportRule } from '../rules/event-report';
import { entryOf } from '../parse/tree';
import { listOfMapsWith } from './raw-body';
import type { KindModule } from './types';

export const eventReport: KindModule = {
  kind: 'EventReport',
  title: 'Events and alarms',
  vendor: 'Huawei Cloud AOM push events',
  summary: { en: 'Huawei Cloud AOM events and alarms (PUT /v2/{project_id}/push/events).', zh: '华为云 AOM 事件与告警上报（PUT /v2/{project_id}/push/events）。' },
  schemaFile: 'event-report.schema.json',
  schema,
  target: schema['x-target'],
  envelopeAction: true,
  rules: [eventReportRule],
  template: { target: { region: 'cn-north-4', projectId: '<project-id>' } },
  rawBody: { words: ['events'], keys: (r) => (listOfMapsWith(entryOf(r, 'events')?.value, ['metadata', 'starts_at']) ? ['events'] : undefined), folder: 'events' },
  actions: (_body, envelope) => (envelope.action === 'clear' ? ['clear'] : ['push', 'clear']),
};
