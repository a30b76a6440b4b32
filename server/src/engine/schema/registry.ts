/**
 * The JSON Schemas of `schemas/` and their validators. The validators are compiled
 * at build time (scripts/gen-validators.mjs, standalone Ajv code with the options
 * allErrors, verbose, strict, allowUnionTypes and the formats email, uuid, uri and
 * date-time), so no process pays Ajv's compilation (~300 ms) when it starts. The
 * envelope schema validates whole envelopes; each body schema validates a raw
 * vendor body. Lookups by path serve hover and completion.
 */
import type { ValidateFunction } from 'ajv';
import envelopeSchema from '../../../../schemas/alertcfg.schema.json';
import alarmCallback from '../../../../schemas/alarm-callback.schema.json';
import contact from '../../../../schemas/contact.schema.json';
import dingtalkTest from '../../../../schemas/dingtalk-test-connection.schema.json';
import eventReport from '../../../../schemas/event-report.schema.json';
import keyOperation from '../../../../schemas/key-operation-notification.schema.json';
import { ENVELOPE_SCHEMA_FILE, KIND_INFO, type Kind } from '../model/kinds';
import annotationKeywords from './annotation-keywords.json';
import * as generated from './validators.generated';

/** Annotation keywords our schemas carry besides draft-07's own (the build's validator compiler reads the same file). */
export const ANNOTATION_KEYWORDS: readonly string[] = annotationKeywords;

/** Every schema by file name. */
export const SCHEMA_FILES: Readonly<Record<string, Record<string, unknown>>> = {
  [ENVELOPE_SCHEMA_FILE]: envelopeSchema,
  'contact.schema.json': contact,
  'alarm-callback.schema.json': alarmCallback,
  'dingtalk-test-connection.schema.json': dingtalkTest,
  'key-operation-notification.schema.json': keyOperation,
  'event-report.schema.json': eventReport,
};

export interface Validators {
  envelope: ValidateFunction;
  bodies: Record<Kind, ValidateFunction>;
}

const compiled: Validators = {
  envelope: generated.envelope,
  bodies: {
    Contact: generated.Contact,
    AlarmCallback: generated.AlarmCallback,
    DingTalkTestConnection: generated.DingTalkTestConnection,
    KeyOperationNotification: generated.KeyOperationNotification,
    EventReport: generated.EventReport,
  },
};

export function validators(): Validators {
  return compiled;
}

export function bodySchema(kind: Kind): Record<string, unknown> {
  return SCHEMA_FILES[KIND_INFO[kind].schemaFile]!;
}
