/**
 * The five kinds of resource, the vendor API each one wraps, and the schema file of
 * its body.
 */
export const KINDS = ['Contact', 'AlarmCallback', 'DingTalkTestConnection', 'KeyOperationNotification', 'EventReport'] as const;
export type Kind = (typeof KINDS)[number];

export const API_VERSION = 'alertcfg/v1';

export interface KindInfo {
  kind: Kind;
  /** File name of the body schema in `schemas/`. */
  schemaFile: string;
  vendor: string;
  /** Short description for pickers and outlines. */
  title: string;
  /** Envelope field holding the resource's display name inside `spec`, if any. */
  nameField?: string;
}

export const KIND_INFO: Record<Kind, KindInfo> = {
  Contact: { kind: 'Contact', schemaFile: 'contact.schema.json', vendor: 'Volcengine VMP CreateContact', title: 'Alert contact', nameField: 'Name' },
  AlarmCallback: { kind: 'AlarmCallback', schemaFile: 'alarm-callback.schema.json', vendor: 'Tencent Cloud Monitor alarm callback', title: 'Alarm callback payload' },
  DingTalkTestConnection: { kind: 'DingTalkTestConnection', schemaFile: 'dingtalk-test-connection.schema.json', vendor: 'ZStack SNSDingTalkTestConnection', title: 'DingTalk connection test' },
  KeyOperationNotification: { kind: 'KeyOperationNotification', schemaFile: 'key-operation-notification.schema.json', vendor: 'Huawei Cloud CTS key operation notification', title: 'Key operation notification', nameField: 'notification_name' },
  EventReport: { kind: 'EventReport', schemaFile: 'event-report.schema.json', vendor: 'Huawei Cloud AOM push events', title: 'Events and alarms' },
};

export const ENVELOPE_SCHEMA_FILE = 'alertcfg.schema.json';

export function isKind(value: unknown): value is Kind {
  return typeof value === 'string' && (KINDS as readonly string[]).includes(value);
}

/** The kind whose schema a `$schema` value names (by file name, so URLs and relative paths both work). */
export function kindForSchemaRef(ref: string): Kind | undefined {
  const file = ref.split(/[?#]/)[0]!.split(/[\\/]/).pop() ?? '';
  return KINDS.find((k) => KIND_INFO[k].schemaFile === file);
}
