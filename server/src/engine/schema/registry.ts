/**
 * The JSON Schemas of `schemas/`, loaded into one Ajv instance and compiled once.
 * The envelope schema validates whole envelopes; each body schema validates a raw
 * vendor body. Lookups by path serve hover and completion.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import envelopeSchema from '../../../../schemas/alertcfg.schema.json';
import alarmCallback from '../../../../schemas/alarm-callback.schema.json';
import contact from '../../../../schemas/contact.schema.json';
import dingtalkTest from '../../../../schemas/dingtalk-test-connection.schema.json';
import eventReport from '../../../../schemas/event-report.schema.json';
import keyOperation from '../../../../schemas/key-operation-notification.schema.json';
import { ENVELOPE_SCHEMA_FILE, KIND_INFO, KINDS, type Kind } from '../model/kinds';

/** Annotation keywords our schemas carry besides draft-07's own. */
export const ANNOTATION_KEYWORDS = [
  'x-doc',
  'x-doc-url',
  'x-kind',
  'x-description-zh-cn',
  'markdownDescription',
  'enumDescriptions',
  'x-enum-descriptions-zh-cn',
  'patternErrorMessage',
  'x-secret',
  'x-epoch-ms',
  'x-duration-ms',
  'x-webhook-channel',
];

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

let compiled: Validators | undefined;

export function validators(): Validators {
  if (compiled) return compiled;
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true, validateSchema: false });
  addFormats(ajv, ['email', 'uuid', 'uri', 'date-time']);
  ajv.addVocabulary(ANNOTATION_KEYWORDS);
  for (const schema of Object.values(SCHEMA_FILES)) ajv.addSchema(schema);
  const get = (file: string): ValidateFunction => {
    const id = SCHEMA_FILES[file]!['$id'] as string;
    const fn = ajv.getSchema(id);
    if (!fn) throw new Error(`schema ${file} did not compile`);
    return fn;
  };
  const bodies = {} as Record<Kind, ValidateFunction>;
  for (const k of KINDS) bodies[k] = get(KIND_INFO[k].schemaFile);
  compiled = { envelope: get(ENVELOPE_SCHEMA_FILE), bodies };
  return compiled;
}

export function bodySchema(kind: Kind): Record<string, unknown> {
  return SCHEMA_FILES[KIND_INFO[kind].schemaFile]!;
}
