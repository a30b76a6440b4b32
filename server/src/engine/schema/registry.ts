/**
 * The JSON Schemas of `schemas/` and their validators. The validators are compiled
 * at build time (scripts/gen-validators.mjs, standalone Ajv code with the options
 * allErrors, verbose, strict, allowUnionTypes and the formats email, uuid, uri and
 * date-time), so no process pays Ajv's compilation (~300 ms) when it starts. An
 * envelope is checked in parts: its core (apiVersion, kind, metadata, the shape of
 * target and spec), then its kind's target and body, each kind from the kinds
 * registry. Lookups by path serve hover and completion.
 */
import type { ValidateFunction } from 'ajv';
import envelopeSchema from '../../../../schemas/alertcfg.schema.json';
import { kindModule, kindModules } from '../kinds/index';
import { ENVELOPE_SCHEMA_FILE, type Kind } from '../model/kinds';
import annotationKeywords from './annotation-keywords.json';
import * as generated from './validators.generated';

/** Annotation keywords our schemas carry besides draft-07's own (the build's validator compiler reads the same file). */
export const ANNOTATION_KEYWORDS: readonly string[] = annotationKeywords;

/** The published envelope schema (generated from the kinds registry; a test keeps it in sync). */
export const ENVELOPE_SCHEMA: Readonly<Record<string, unknown>> = envelopeSchema;

/** A schema of ours by file name: the envelope, or a kind's body schema. */
export function schemaFile(name: string): Record<string, unknown> | undefined {
  if (name === ENVELOPE_SCHEMA_FILE) return envelopeSchema;
  return kindModules().find((m) => m.schemaFile === name)?.schema;
}

/** Every schema by file name (the envelope first, then each kind's body). */
export function schemaFiles(): Record<string, Record<string, unknown>> {
  return Object.fromEntries([[ENVELOPE_SCHEMA_FILE, envelopeSchema], ...kindModules().map((m) => [m.schemaFile, m.schema])]);
}

export interface KindValidators {
  body: ValidateFunction;
  target: ValidateFunction;
}

/** The envelope's core validator (everything but the kind's own target and body). */
export const envelopeCore: ValidateFunction = generated.core;

/** A kind's validators: compiled at build time for built-in kinds, brought along by a kind registered at run time. */
export function kindValidators(kind: Kind): KindValidators | undefined {
  const m = kindModule(kind);
  if (!m) return undefined;
  if (m.validators) return m.validators;
  const body = generated.bodies[kind];
  const target = generated.targets[kind];
  return body && target ? { body, target } : undefined;
}

export function bodySchema(kind: Kind): Record<string, unknown> {
  return kindModule(kind)!.schema;
}
