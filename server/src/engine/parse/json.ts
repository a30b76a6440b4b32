/**
 * Parses a JSON file: strict JSON (no comments, no trailing commas), one object or
 * an array of objects (each element is a document). Duplicate keys are findings.
 */
import { parseTree, ParseErrorCode, type Node as JNode, type ParseError } from 'jsonc-parser';
import type { Finding } from '../model/finding';
import { type ParsedDocument, type ParseLimits, DEFAULT_PARSE_LIMITS } from './document';
import { JSON_SAFE_DEPTH, jsonNestingBeyond } from './nesting';
import type { MapEntry, Node, ScalarNode } from './tree';

const MESSAGES: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.InvalidSymbol]: 'Unexpected character.',
  [ParseErrorCode.InvalidNumberFormat]: 'Invalid number.',
  [ParseErrorCode.PropertyNameExpected]: 'Expected a property name in double quotes (no trailing commas in JSON).',
  [ParseErrorCode.ValueExpected]: 'Expected a value (no trailing commas in JSON).',
  [ParseErrorCode.ColonExpected]: "Expected ':' after the property name.",
  [ParseErrorCode.CommaExpected]: "Expected ',' between values.",
  [ParseErrorCode.CloseBraceExpected]: "Expected '}' to close the object.",
  [ParseErrorCode.CloseBracketExpected]: "Expected ']' to close the array.",
  [ParseErrorCode.EndOfFileExpected]: 'Expected the end of the file: a JSON file holds one value.',
  [ParseErrorCode.InvalidCommentToken]: 'Comments are not allowed in JSON.',
  [ParseErrorCode.UnexpectedEndOfComment]: 'Unterminated comment.',
  [ParseErrorCode.UnexpectedEndOfString]: 'This string is not closed: the quote that opens it is here. Add the closing " on this line (a JSON string cannot span lines).',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'Unexpected end of number.',
  [ParseErrorCode.InvalidUnicode]: 'Invalid unicode escape sequence.',
  [ParseErrorCode.InvalidEscapeCharacter]: 'Invalid escape character in string.',
  [ParseErrorCode.InvalidCharacter]: 'Control characters must be escaped in JSON strings.',
};

export function parseJson(text: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): ParsedDocument[] {
  const errors: ParseError[] = [];
  const syntax: Finding[] = [];
  let tree: JNode | undefined;
  // Beyond this depth the parser's recursion could run out of stack at a depth that depends on
  // the caller: such a text is not parsed, so the outcome is always the same.
  if (jsonNestingBeyond(text, JSON_SAFE_DEPTH) >= 0) {
    syntax.push({ code: 'syntax-error', severity: 'error', message: 'This JSON is nested too deeply to parse.', start: 0, end: Math.min(1, text.length) });
    return [{ index: 0, base: 0, text, root: undefined, syntax, broken: true }];
  }
  try {
    tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: true });
  } catch (err) {
    syntax.push({ code: 'syntax-error', severity: 'error', message: err instanceof RangeError ? 'This JSON is nested too deeply to parse.' : 'This JSON could not be parsed.', start: 0, end: Math.min(1, text.length) });
    return [{ index: 0, base: 0, text, root: undefined, syntax, broken: true }];
  }
  syntax.push(...syntaxFindings(text, errors));
  const conv = new JsonConverter(limits.maxDepth);
  const root = tree ? conv.node(tree, 0) : undefined;
  for (const f of conv.findings) syntax.push(f);
  const broken = errors.length > 0;
  if (root?.type === 'seq' && root.items.length > 0 && root.items.every((i) => i.type === 'map')) {
    // A JSON array of objects: each element is a document of its own.
    return root.items.map((item, index) => ({
      index,
      base: 0,
      text,
      root: item,
      syntax: index === 0 ? syntax : [],
      broken,
    }));
  }
  return [{ index: 0, base: 0, text, root, syntax, broken }];
}

/**
 * One finding per mistake. The parser reports a trailing comma twice at the closing
 * brace (no property name, no value): it becomes one finding, on the comma. After an
 * unterminated string the parser reads the rest out of step, so what it reports
 * after that is left out. Any other spot reported twice is said once.
 */
function syntaxFindings(text: string, errors: readonly ParseError[]): Finding[] {
  const out: Finding[] = [];
  const said = new Set<number>();
  const add = (start: number, end: number, message: string) => {
    if (said.has(start)) return;
    said.add(start);
    // Inside the text even for an error at its very end.
    out.push({ code: 'syntax-error', severity: 'error', message, start: Math.min(start, text.length), end: Math.min(end, text.length) });
  };
  for (const e of errors) {
    const closer = text[e.offset];
    if ((e.error === ParseErrorCode.PropertyNameExpected || e.error === ParseErrorCode.ValueExpected) && (closer === '}' || closer === ']')) {
      const comma = previousNonSpace(text, e.offset);
      if (text[comma] === ',') {
        add(comma, comma + 1, `Trailing comma: JSON allows no comma before '${closer}'. Remove it.`);
        said.add(e.offset);
        continue;
      }
    }
    add(e.offset, e.offset + Math.max(1, e.length), MESSAGES[e.error] ?? 'Invalid JSON.');
    if (e.error === ParseErrorCode.UnexpectedEndOfString) break;
  }
  return out;
}

function previousNonSpace(text: string, at: number): number {
  let i = at - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i--;
  return i;
}

class JsonConverter {
  readonly findings: Finding[] = [];
  private reportedDepth = false;
  constructor(private readonly maxDepth: number) {}

  node(n: JNode, depth: number): Node | undefined {
    if (depth > this.maxDepth) {
      if (!this.reportedDepth) {
        this.reportedDepth = true;
        this.findings.push({ code: 'nesting-too-deep', severity: 'error', message: `Nesting deeper than ${this.maxDepth} levels: the content below this point is not checked.`, start: n.offset, end: n.offset + 1 });
      }
      return undefined;
    }
    const start = n.offset;
    const end = n.offset + n.length;
    switch (n.type) {
      case 'object': {
        const entries: MapEntry[] = [];
        const seen = new Set<string>();
        for (const p of n.children ?? []) {
          const [k, v] = p.children ?? [];
          if (!k) continue;
          const key: ScalarNode = { type: 'scalar', value: String(k.value), quoted: true, start: k.offset, end: k.offset + k.length };
          if (seen.has(key.value as string)) {
            this.findings.push({ code: 'duplicate-key', severity: 'error', message: 'Duplicate key: a key may appear only once in an object. Remove or rename one of them.', start: key.start, end: key.end });
          }
          seen.add(key.value as string);
          const value = v ? this.node(v, depth + 1) : undefined;
          entries.push({ key, value, start: p.offset, end: p.offset + p.length });
        }
        return { type: 'map', entries, start, end };
      }
      case 'array':
        return { type: 'seq', items: (n.children ?? []).map((c) => this.node(c, depth + 1) ?? scalar(null, c)), start, end };
      case 'string':
      case 'number':
      case 'boolean':
      case 'null':
        return scalar(n.value ?? null, n, n.type === 'string');
      default:
        return undefined;
    }
  }
}

function scalar(value: string | number | boolean | null, n: JNode, quoted = false): ScalarNode {
  return { type: 'scalar', value, quoted, start: n.offset, end: n.offset + n.length };
}
