/**
 * Kind names and the envelope's fixed parts. What each kind is lives in its module
 * under kinds/, and questions about a name (is it a kind, which kind does a
 * `$schema` name) go to the registry there.
 */

/** A kind's name (`Contact`, ...): one of the registry's kinds wherever a Kind is expected. */
export type Kind = string;

export const API_VERSION = 'alertcfg/v1';

export const ENVELOPE_SCHEMA_FILE = 'alertcfg.schema.json';
