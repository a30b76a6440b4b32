/**
 * Test helpers: run the engine on a text and describe its findings with 1-based
 * `line:col-line:col` ranges, the form a reader checks against the fixture by eye.
 */
import { type FileOptions, type Finding, LineIndex, validateText } from '../../server/src/engine/index';

export interface Described {
  code: string;
  severity: string;
  range: string;
  message: string;
  data?: Finding['data'];
}

export function describe(text: string, findings: readonly Finding[]): Described[] {
  const lines = new LineIndex(text);
  return findings.map((f) => {
    const s = lines.positionAt(f.start);
    const e = lines.positionAt(f.end);
    return { code: f.code, severity: f.severity, range: `${s.line + 1}:${s.character + 1}-${e.line + 1}:${e.character + 1}`, message: f.message, ...(f.data ? { data: f.data } : {}) };
  });
}

export function check(text: string, options: FileOptions = {}): Described[] {
  return describe(text, validateText(text, options).findings);
}

/** Only code, severity and range: what most assertions compare. */
export function brief(text: string, options: FileOptions = {}): string[] {
  return check(text, options).map((d) => `${d.code} ${d.severity} ${d.range}`);
}

/** Joins lines, so fixtures in tests read like files. */
export function lines(...ls: string[]): string {
  return `${ls.join('\n')}\n`;
}
