/**
 * What completion gives and takes: the entries (offsets in the file, snippet text),
 * the caller's options, and the context the parts of completion share.
 */
import type { SourceFormat } from '../../parse/document';
import type { SchemaRoot } from '../../schema/lookup';
import type { AnalysedFile, Locale, SchemaMode } from '../common';

export type CompletionEntryKind = 'property' | 'value' | 'snippet' | 'reference';

export interface CompletionEntry {
  label: string;
  kind: CompletionEntryKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  insertText: string;
  /** insertText is a snippet (`${1:placeholder}`). Lines after the first are relative to the line's indentation. */
  snippet: boolean;
  /** File offsets of the text the entry replaces. */
  start: number;
  end: number;
  sortText: string;
  filterText?: string;
}

export interface CompletionOptions {
  locale: Locale;
  format: SourceFormat;
  /** Names of the secrets the client's secret storage holds, if it told us. */
  secretNames?: readonly string[];
  mode?: SchemaMode;
}

/** Where completion was asked for, and what is known there. */
export interface Ctx {
  text: string;
  off: number;
  file: AnalysedFile;
  index: number;
  root: SchemaRoot;
  options: CompletionOptions;
  unit: string;
}
