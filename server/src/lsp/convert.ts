/**
 * Offsets ↔ LSP positions (through the engine's LineIndex), findings →
 * diagnostics (code, source `alertcfg`, severity, a link to the rule's docs,
 * related locations, and the finding's `data` for code actions), and offset edits
 * → workspace edits.
 */
import { type Diagnostic, DiagnosticSeverity, DiagnosticTag, type DiagnosticRelatedInformation, type Location, type Position, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { type Finding, LineIndex, type OffsetEdit, type RelatedLocation, codeAnchor } from '../engine/index';
import { SHOW_RULE_COMMAND } from '../protocol/index';
import type { OpenDocument } from './documents';

export const SOURCE = 'alertcfg';

/** A position from untrusted params: numbers, clamped to the text later. */
export function cleanPosition(p: unknown): Position {
  const o = (p ?? {}) as { line?: unknown; character?: unknown };
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Math.max(0, Math.floor(v)) : 0);
  return { line: num(o.line), character: num(o.character) };
}

export function toOffset(lines: LineIndex, p: unknown): number {
  return lines.offsetAt(cleanPosition(p));
}

export function toPosition(lines: LineIndex, offset: number): Position {
  return lines.positionAt(offset);
}

export function toRange(lines: LineIndex, r: { start: number; end: number }): Range {
  return { start: lines.positionAt(r.start), end: lines.positionAt(Math.max(r.start, r.end)) };
}

export function rangeToOffsets(lines: LineIndex, r: unknown): { start: number; end: number } {
  const o = (r ?? {}) as { start?: unknown; end?: unknown };
  const start = toOffset(lines, o.start);
  const end = toOffset(lines, o.end ?? o.start);
  return start <= end ? { start, end } : { start: end, end: start };
}

const SEVERITY: Record<Finding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * The link of a code's rule: docs/rules.md beside the server (`rulesDoc`, its
 * `file:` URL, when there is one), or, for a client that asked for
 * `ruleLinks: "command"` (the VS Code extension), a command that opens the rules
 * page it ships.
 */
export function rulesDocHref(code: string, mode: 'file' | 'command' = 'file', rulesDoc?: string): string | undefined {
  if (mode === 'command') return `command:${SHOW_RULE_COMMAND}?${encodeURIComponent(JSON.stringify([codeAnchor(code)]))}`;
  return rulesDoc ? `${rulesDoc}#${codeAnchor(code)}` : undefined;
}

export interface DiagnosticContext {
  uri: string;
  lines: LineIndex;
  /** Where a related location in another file is (undefined: leave it out). */
  locate?: (rel: RelatedLocation) => Location | undefined;
  /** How the client wants rules linked (its `ruleLinks` initialization option). */
  ruleLinks?: 'file' | 'command';
  /** `file:` URL of docs/rules.md beside the server, for `file` links. */
  rulesDoc?: string | undefined;
}

const UNNECESSARY = new Set(['complete-ignores-field']);

export function toDiagnostic(f: Finding, ctx: DiagnosticContext): Diagnostic {
  const d: Diagnostic = {
    range: toRange(ctx.lines, f),
    severity: SEVERITY[f.severity] ?? DiagnosticSeverity.Error,
    code: f.code,
    source: SOURCE,
    message: f.message,
  };
  const href = rulesDocHref(f.code, ctx.ruleLinks, ctx.rulesDoc);
  if (href) d.codeDescription = { href };
  if (UNNECESSARY.has(f.code)) d.tags = [DiagnosticTag.Unnecessary];
  if (f.related?.length) {
    const related: DiagnosticRelatedInformation[] = [];
    for (const r of f.related) {
      const location = r.file ? ctx.locate?.(r) : { uri: ctx.uri, range: toRange(ctx.lines, r) };
      if (location) related.push({ location, message: r.message });
    }
    if (related.length) d.relatedInformation = related;
  }
  if (f.data) d.data = f.data;
  return d;
}

/** Offset edits of an open document as a workspace edit, versioned when the client takes `documentChanges`. */
export function workspaceEdit(documentChanges: boolean, doc: OpenDocument, edits: readonly OffsetEdit[]): WorkspaceEdit {
  const lines = doc.lines();
  const textEdits: TextEdit[] = edits.map((e) => ({ range: toRange(lines, e), newText: e.newText }));
  if (documentChanges) return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: textEdits }] };
  return { changes: { [doc.uri]: textEdits } };
}
