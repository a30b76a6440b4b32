/**
 * Parses a YAML stream document by document. Each document is parsed on its own
 * (see yaml-split), so a caller can reuse the result for documents whose text did
 * not change.
 */
import { type CST, Composer, type Document, Parser, YAMLParseError } from 'yaml';
import type { Finding } from '../model/finding';
import { type ParsedDocument, type ParseLimits, DEFAULT_PARSE_LIMITS } from './document';
import { readModelines } from './modeline';
import { yamlNestingBeyond } from './nesting';
import { isMissingQuote, unclosedQuote, unclosedQuoteFinding } from './yaml-quotes';
import { parseYamlFast } from './yaml-fast';
import { splitYamlDocuments } from './yaml-split';
import { YamlTreeBuilder } from './yaml-tree';

const YAML_OPTIONS = {
  // Duplicate keys are found by YamlTreeBuilder in linear time; the package's own
  // check compares each key with every earlier one (minutes for a mapping of 100,000 keys).
  uniqueKeys: false,
  merge: true,
  strict: true,
  prettyErrors: false,
  keepSourceTokens: false,
} as const;

/**
 * Parses one document's text; offsets in the result are relative to it. The common
 * shape of alert configuration goes through the fast path (yaml-fast/), which
 * gives the same tree; everything else through the `yaml` package. The text is the
 * parsers' text (parserText): the `yaml` package does not take a lone CR for a line
 * break, so a lone CR must already be an LF.
 */
export function parseYamlDocument(
  text: string,
  index: number,
  base: number,
  inherited: { kind?: string; schema?: string } = {},
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
): ParsedDocument {
  const fast = limits.maxDepth >= FAST_PATH_MIN_DEPTH ? parseYamlFast(text) : undefined;
  if (fast) {
    const modes = readModelines(text);
    return { index, base, text, root: fast, syntax: [], broken: false, modelineKind: modes.kind ?? inherited.kind, modelineSchema: modes.schema ?? inherited.schema };
  }
  return parseYamlDocumentFull(text, index, base, inherited, limits);
}

/** The fast path nests at most this deep; tighter limits go to the full parser, which reports them. */
const FAST_PATH_MIN_DEPTH = 66;

/** Parses one document with the `yaml` package only (the reference the fast path is tested against). */
export function parseYamlDocumentFull(
  text: string,
  index: number,
  base: number,
  inherited: { kind?: string; schema?: string } = {},
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
): ParsedDocument {
  const syntax: Finding[] = [];
  const modes = readModelines(text);
  const modelineKind = modes.kind ?? inherited.kind;
  const modelineSchema = modes.schema ?? inherited.schema;
  let root;
  let broken = false;
  // Parser positions can be at the end of the text (an unclosed flow collection): ranges stay inside it.
  const clamp = (pos: readonly [number, number]) => {
    const start = Math.min(pos[0], text.length);
    return { start, end: Math.min(Math.max(pos[1], start + 1), text.length) };
  };
  try {
    // parseDocument in two steps: the parser (iterative) and the composer (recursive). Too deep
    // for the composer's stack, the text is not composed at all, so the outcome never depends
    // on how much stack the caller used.
    // The parser makes an Error per problem; their stack traces (unused here) made a text of
    // many problems take seconds (thousands of traces through deep recursion): none are taken.
    const traces = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    let doc: Document.Parsed;
    let tokens: CST.Token[];
    try {
      tokens = Array.from(new Parser().parse(text));
      const depthLimit = Math.min(limits.maxDepth, YAML_SAFE_DEPTH);
      const deep = yamlNestingBeyond(tokens, depthLimit);
      if (deep >= 0) {
        const at = Math.min(deep, text.length);
        const finding: Finding = { code: 'nesting-too-deep', severity: 'error', message: `Nesting deeper than ${depthLimit} levels: this document was not checked. Flatten the structure.`, start: at, end: Math.min(text.length, at + 1) };
        return { index, base, text, root: undefined, syntax: [finding], broken: true, modelineKind, modelineSchema };
      }
      doc = compose(tokens, text.length);
    } finally {
      Error.stackTraceLimit = traces;
    }
    if (doc.errors.some((e) => e.message.startsWith('Maximum call stack size exceeded'))) throw new RangeError('stack');
    // An unclosed quote is reported where it opens; what the parser says after that point follows from it.
    const quote = doc.errors.some((e) => isMissingQuote(e.code, e.message)) ? unclosedQuote(tokens) : undefined;
    if (quote) syntax.push(unclosedQuoteFinding(text, quote));
    for (const e of doc.errors) {
      broken = true;
      if (quote && e.pos[0] >= quote.offset) continue;
      syntax.push({ code: 'syntax-error', severity: 'error', message: yamlMessage(e.message), ...clamp(e.pos), data: { parser: e.code } });
    }
    for (const w of doc.warnings) {
      syntax.push({ code: 'syntax-warning', severity: 'warning', message: yamlMessage(w.message), ...clamp(w.pos) });
    }
    const builder = new YamlTreeBuilder(doc, limits.maxDepth);
    root = builder.build();
    for (const f of builder.findings) syntax.push(f);
  } catch (err) {
    // The parser itself gave up (its stack despite the depth check above): one clear finding, and nothing else.
    broken = true;
    root = undefined;
    syntax.length = 0;
    syntax.push({
      code: 'syntax-error',
      severity: 'error',
      message: err instanceof RangeError
        ? 'This document is nested too deeply to parse. Flatten the structure.'
        : `This document could not be parsed: ${err instanceof Error ? err.message : String(err)}`,
      start: 0,
      end: Math.min(text.length, 1),
    });
  }
  return { index, base, text, root, syntax, broken, modelineKind, modelineSchema };
}

/** The Document of a stream's first document, as `parseDocument` makes it from the parser's tokens. */
function compose(tokens: readonly CST.Token[], length: number): Document.Parsed {
  let doc: Document.Parsed | undefined;
  for (const d of new Composer(YAML_OPTIONS).compose(tokens, true, length)) {
    if (!doc) doc = d;
    else {
      doc.errors.push(new YAMLParseError([d.range[0], d.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
  }
  return doc!;
}

/**
 * Deepest nesting handed to the `yaml` package's composer. It recurses for every level and,
 * from about 800 levels on, runs out of stack at a depth that depends on its caller.
 */
const YAML_SAFE_DEPTH = 500;

/** A stream's documents; `text` is the parsers' text (parserText: no lone CR), as for parseYamlDocument. */
export function parseYaml(text: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): ParsedDocument[] {
  const out: ParsedDocument[] = [];
  let inherited: { kind?: string; schema?: string } = {};
  for (const seg of splitYamlDocuments(text)) {
    const doc = parseYamlDocument(text.slice(seg.start, seg.end), out.length, seg.start, inherited, limits);
    inherited = { kind: doc.modelineKind, schema: doc.modelineSchema };
    out.push(doc);
  }
  return out;
}

/** The first line of a parser message, capitalised, ending with a period. */
function yamlMessage(message: string): string {
  // The parser reports its own stack overflow on absurd nesting as an error.
  if (message.startsWith('Maximum call stack size exceeded')) return 'This document is nested too deeply to parse. Flatten the structure.';
  let m = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
  m = m.charAt(0).toUpperCase() + m.slice(1);
  return /[.!?]$/.test(m) ? m : `${m}.`;
}
