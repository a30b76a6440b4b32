/** How a document is ours: an envelope, or a raw vendor body associated with a kind. */
import type { Kind } from '../model/kinds';
import type { JsonPath } from '../parse/tree';

export interface Resource {
  form: 'envelope' | 'raw';
  /** Undefined for an envelope whose kind is missing or unknown (the schema reports it). */
  kind: Kind | undefined;
  /** Where the vendor body is: `['spec']` for an envelope, `[]` for a raw body. */
  bodyPath: JsonPath;
  /** How a raw body was associated. */
  via?: 'schema' | 'modeline' | 'glob';
}
