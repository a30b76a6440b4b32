/**
 * An HTTP request as the engine describes it: what an action would send, before
 * any transport touches it. Builders produce these; signers add headers to them;
 * adapters send them (CLI, language server) or show them (preview).
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface OutgoingRequest {
  method: HttpMethod;
  /** Absolute URL, query included. */
  url: string;
  /** Header names as they are sent (case preserved); values are strings. */
  headers: Record<string, string>;
  /** The exact body text, sent as UTF-8. Absent for no body. */
  body?: string;
}
