/**
 * Completion: keys (required first, as snippets with the doc's example as the
 * placeholder), enum values, `kind`/`apiVersion`, a whole resource per kind, and
 * `${secret:` / `${env:` reference names. Offsets in, offsets out.
 *
 * By job: references.ts (`${secret:`/`${env:` names), yaml.ts and json.ts (where
 * the cursor is, per format), entries.ts (key and value entries), snippets.ts
 * (snippet text, whole resources) and text.ts (writing keys and scalars).
 */
import { parseSource } from '../../parse/source';
import { documentIndexAt, schemaRootOf, type AnalysedFile } from '../common';
import { jsonCompletions } from './json';
import { referenceCompletions } from './references';
import { indentUnit } from './text';
import type { CompletionEntry, CompletionOptions, Ctx } from './types';
import { yamlCompletions } from './yaml';

export { indentUnit, isObjectSchema } from './text';
export type { CompletionEntry, CompletionEntryKind, CompletionOptions } from './types';

export function completionsAt(text: string, offset: number, file: AnalysedFile, options: CompletionOptions): CompletionEntry[] {
  const off = Math.max(0, Math.min(Number.isFinite(offset) ? offset : 0, text.length));
  const refs = referenceCompletions(text, off, options);
  if (refs) return refs;
  // A text with nothing of ours in it yet (a new file, a first key) is not parsed by validateText.
  if (file.documents.length === 0) file = { documents: parseSource(text, options.format), results: [] };
  if (file.documents.length === 0) return [];
  const index = documentIndexAt(file, off);
  const doc = file.documents[index]!;
  const root = schemaRootOf(file, index, options.mode, off);
  if (!root) return [];
  const ctx: Ctx = { text, off, file, index, root, options, unit: indentUnit(doc.text) };
  return options.format === 'json' ? jsonCompletions(ctx) : yamlCompletions(ctx);
}
