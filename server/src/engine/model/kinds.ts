/**
 * Kind names and how a document names its kind. What each kind is lives in its
 * module under kinds/; this file answers the questions asked of a bare name.
 */
import { kindModule, kindModules } from '../kinds/index';

/** A kind's name (`Contact`, ...): one of the registry's kinds wherever a Kind is expected. */
export type Kind = string;

export const API_VERSION = 'alertcfg/v1';

export const ENVELOPE_SCHEMA_FILE = 'alertcfg.schema.json';

export function isKind(value: unknown): value is Kind {
  return typeof value === 'string' && kindModule(value) !== undefined;
}

/** The kind whose schema a `$schema` value names (by file name, so URLs and relative paths both work). */
export function kindForSchemaRef(ref: string): Kind | undefined {
  const file = ref.split(/[?#]/)[0]!.split(/[\\/]/).pop() ?? '';
  return kindModules().find((m) => m.schemaFile === file)?.kind;
}
