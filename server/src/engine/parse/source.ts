/**
 * Entry point of the parse layer: a file's text to its documents.
 */
import { type ParsedDocument, type ParseLimits, type SourceFormat, DEFAULT_PARSE_LIMITS } from './document';
import { parseJson } from './json';
import { parseYaml } from './yaml';
import { withLineFeeds } from '../text/line-breaks';

/** Guesses the format of text with no file name to go by. */
export function detectFormat(text: string): SourceFormat {
  const m = /^[\s\uFEFF]*(\S)/.exec(text);
  return m && (m[1] === '{' || m[1] === '[') ? 'json' : 'yaml';
}

export function formatForPath(path: string): SourceFormat | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  return undefined;
}

/**
 * A byte order mark becomes a line break: offsets stay those of the text, and the
 * first line keeps its indentation (a space would indent it, which breaks YAML).
 */
export function neutraliseBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? `\n${text.slice(1)}` : text;
}

/**
 * The text as the parsers read it: a BOM made a line break (neutraliseBom) and each
 * lone CR an LF (withLineFeeds), as YAML 1.2 reads line breaks. Same length, so the
 * offsets of findings and trees are offsets into the text; and no copy of a text
 * with neither.
 */
export function parserText(text: string): string {
  return withLineFeeds(neutraliseBom(text));
}

/** A file's documents. Give it the text as it is: it makes the parsers' text itself (parserText). */
export function parseSource(text: string, format?: SourceFormat, limits: ParseLimits = DEFAULT_PARSE_LIMITS): ParsedDocument[] {
  const body = parserText(text);
  return (format ?? detectFormat(body)) === 'json' ? parseJson(body, limits) : parseYaml(body, limits);
}
