/**
 * A finding is what the engine reports about a document: a stable code, a severity,
 * a message that says what to do, and a range as offsets into the document text
 * (UTF-16 code units, the unit JavaScript strings and LSP use). Adapters convert
 * offsets to lines and columns at the edge.
 */
export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeverityOrOff = Severity | 'off';

export const SEVERITIES: readonly SeverityOrOff[] = ['error', 'warning', 'info', 'hint', 'off'];

export interface Range {
  start: number;
  end: number;
}

export interface RelatedLocation extends Range {
  message: string;
  /** Another file's identifier (workspace-wide findings); absent for the same document. */
  file?: string;
}

/** Data that quick fixes use; never holds a secret value. */
export interface FindingData {
  /** JSON path of the node the finding is about, from the document root. */
  path?: (string | number)[];
  [key: string]: unknown;
}

export interface Finding extends Range {
  code: string;
  severity: Severity;
  message: string;
  data?: FindingData;
  related?: RelatedLocation[];
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end || a.code.localeCompare(b.code);
}
