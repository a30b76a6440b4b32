/**
 * A parsed file: its documents (YAML `---` documents, or the elements of a JSON
 * array, or the one JSON object), each with a tree whose offsets are relative to
 * the document's `base`, and the syntax findings of the file.
 */
import type { Finding } from '../model/finding';
import type { Node } from './tree';

export type SourceFormat = 'yaml' | 'json';

export interface ParsedDocument {
  /** Position of the document in the file, counting from 0. */
  readonly index: number;
  /** Offset of the document's text in the file; tree offsets are relative to it. */
  readonly base: number;
  /** The document's text (a YAML segment; for JSON the whole file). */
  readonly text: string;
  readonly root: Node | undefined;
  /** Findings of the parser, relative to `base`. */
  readonly syntax: Finding[];
  /** True when the parser could not make sense of the document: no validation then. */
  readonly broken: boolean;
  /** Kind named by a modeline in this document or an earlier one of the same file. */
  readonly modelineKind?: string;
  /** `$schema` named by a yaml-language-server modeline, if any. */
  readonly modelineSchema?: string;
}

export interface ParseLimits {
  /** Deepest nesting the tree keeps; deeper content is cut with a finding. */
  maxDepth: number;
  /** Most nodes a document may expand to through aliases before validation is skipped. */
  maxExpandedNodes: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxDepth: 500, maxExpandedNodes: 2_000_000 };
